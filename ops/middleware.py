"""Middleware that every response passes through: request ids and access lines, the answer when the
database is unreachable, and the Permissions-Policy header."""

import logging
import time
import uuid

from django.conf import settings
from django.urls import Resolver404, resolve

from .logging import request_id_var
from .views import bad_request, database_unavailable, is_database_unavailable, method_not_allowed

access_logger = logging.getLogger("ops.access")


class RequestLogMiddleware:
    """Answers with the request's id (X-Request-ID, see ops.logging), and logs one access line per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.monotonic()
        request.id = request_id_var.get()
        if request.id == "-":  # handled without Django's request signals
            request.id = uuid.uuid4().hex
            request_id_var.set(request.id)
        response = self.get_response(request)
        response["X-Request-ID"] = request.id
        duration_ms = round((time.monotonic() - started) * 1000, 1)
        access_logger.log(
            logging.WARNING if response.status_code >= 500 else logging.INFO,
            "%s %s %s %sms",
            request.method,
            request.path,
            response.status_code,
            duration_ms,
            extra={
                "method": request.method,
                "path": request.path,  # masked by the handlers' filter; the query string is left out
                "status": response.status_code,
                "duration_ms": duration_ms,
            },
        )
        return response


class DatabaseUnavailableMiddleware:
    """A view that cannot reach the database answers the branded 503 with Retry-After, not a 500.

    Errors raised outside views (in other middleware) reach `ops.views.server_error`, which answers
    the same way.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_database_unavailable(exception):
            return database_unavailable(request, exception)
        return None


class PermissionsPolicyMiddleware:
    """Turns off browser features the wiki never uses, for its pages and anything embedded in them."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY_DISABLED)

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.header)
        return response


_NUL, _REPLACEMENT = b"\x00", "\ufffd".encode()


class NulFreeHtmlMiddleware:
    """A NUL someone typed, shown back in a refused form, would make the page invalid HTML (browsers show
    U+FFFD for it anyway): it is sent as U+FFFD. The form still refuses it, in words."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and _NUL in response.content
        ):
            response.content = response.content.replace(_NUL, _REPLACEMENT)
        return response


class NulFreeAdminAddressMiddleware:
    """An admin address carrying a NUL ("?status__exact=%00") is refused as a bad request: the admin's list
    filters and autocomplete pass such values straight to the database, and PostgreSQL refuses a NUL. The
    site's own pages read their parameters themselves and answer such a request in words."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/admin/") and "%00" in request.META.get("QUERY_STRING", ""):
            return bad_request(request)
        return self.get_response(request)


class MethodNotAllowedPageMiddleware:
    """A 405 a view answers with an empty body (Django's `require_POST` does) becomes the site's own page,
    with a link to the page the address belongs to: a reader lands on a button's address by reloading,
    going back or opening a saved link, and a blank page tells them nothing. JSON callers keep the bare 405."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 405 or response.streaming or response.content:
            return response
        if "application/json" in request.headers.get("Accept", ""):
            return response
        page = method_not_allowed(request, way_back=_page_above(request.path))
        page["Allow"] = response.get("Allow", "")
        return page


def _page_above(path):
    """The nearest address above `path` that is a page of its own ("/articles/x/upvote/" → "/articles/x/"), or
    None. Only paths of this site are tried, so the link can lead nowhere else."""
    parts = path.strip("/").split("/")
    while len(parts) > 1:
        parts.pop()
        candidate = "/" + "/".join(parts) + "/"
        try:
            match = resolve(candidate)
        except Resolver404:
            continue
        if match.url_name:
            return candidate
    return None
