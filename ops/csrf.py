"""Cross-site request forgery protection that needs no token in the page.

A page with a CSRF token in it is a page per reader, which no shared cache can serve. Browsers say where a
form submission comes from: `Sec-Fetch-Site` (every current browser) and `Origin` (on every POST in
browsers of the last several years). A POST they mark as coming from this site's own pages is accepted
without a token; a cross-site one is refused; a request that says neither must carry Django's usual token.
"""

from functools import wraps

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.views.decorators.csrf import csrf_exempt, csrf_protect

SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")


def same_origin_csrf(view):
    """Protect a view that readers post to from cached pages: same-origin POSTs pass without a token."""
    with_token = csrf_protect(view)

    @wraps(view)
    def checked(request, *args, **kwargs):
        if request.method in SAFE_METHODS or from_this_site(request) is True:
            return view(request, *args, **kwargs)
        return with_token(request, *args, **kwargs)  # refuses unless the request carries a valid token

    return csrf_exempt(checked)


def from_this_site(request):
    """True if the browser says the request comes from this site's pages, False if from elsewhere, None
    if it does not say."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site == "same-origin"
    origin = request.headers.get("Origin")
    if origin is None:
        return None
    try:
        own = f"{request.scheme}://{request.get_host()}"
    except DisallowedHost:
        return False
    return origin == own or origin in settings.CSRF_TRUSTED_ORIGINS
