"""Per-client-address rate limits, counted in the shared cache so they hold across processes."""

from django.conf import settings
from django.core.cache import cache


def client_address(request):
    """The client's address: from the trusted proxy's header when one is configured, else the socket's."""
    if settings.CLIENT_ADDRESS_HEADER and request.META.get(settings.CLIENT_ADDRESS_HEADER):
        return request.META[settings.CLIENT_ADDRESS_HEADER].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "unknown")


def over_rate_limit(request, scope, limits):
    """Count this request against the address's `limits` for `scope`, a list of (count, seconds);
    True once any of them is exceeded."""
    address = client_address(request)
    over = False
    for count, seconds in limits:
        key = f"rate:{scope}:{seconds}:{address}"
        cache.add(key, 0, timeout=seconds)
        try:
            used = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=seconds)
            used = 1
        over = over or used > count
    return over
