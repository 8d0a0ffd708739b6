"""Health checks for load balancers, and the branded error pages.

Error pages render without the user or messages: both read the session, which lives in the database,
and the database may be what failed.
"""

import logging
import sys
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)

# How long a client should wait before trying again while the database is unreachable.
RETRY_AFTER_SECONDS = 30


# The database could not be reached or dropped the connection: worth a retry, not a bug.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


def is_database_unavailable(exception):
    return isinstance(exception, DATABASE_UNAVAILABLE)


def render_without_session(request, template, ctx=None, *, status):
    """Render a page that must work with the database down: no user, no messages, but a CSRF token."""
    ctx = {"user": None, "messages": (), **(ctx or {})}
    return HttpResponse(render_to_string(template, ctx, request=request), status=status)


def database_unavailable(request, exception):
    logger.warning("Database unavailable: %s: %s", type(exception).__name__, str(exception).strip()[:300])
    response = render_without_session(request, "errors/503.html", {"retry_after": RETRY_AFTER_SECONDS}, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def bad_request(request, exception=None):
    if isinstance(exception, (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent)):
        if request.method in ("GET", "HEAD"):
            # Parameters in the address, not a form's body: the address is what is too long.
            ctx = {"fields": settings.DATA_UPLOAD_MAX_NUMBER_FIELDS}
            return render_without_session(request, "errors/414.html", ctx, status=414)
        # Far more than any form of ours holds: say so, rather than that something went wrong.
        megabytes = f"{settings.DATA_UPLOAD_MAX_MEMORY_SIZE / 1024 / 1024:.1f}".removesuffix(".0")
        return render_without_session(request, "errors/413.html", {"megabytes": megabytes}, status=413)
    return render_without_session(request, "errors/400.html", status=400)


def permission_denied(request, exception=None):
    """403 with a way home, and a way to sign out for someone signed in as the wrong person."""
    try:
        signed_in = request.user.is_authenticated
    except DatabaseError:
        signed_in = False
    return render_without_session(request, "errors/403.html", {"signed_in": signed_in}, status=403)


def csrf_failure(request, reason=""):
    return render_without_session(request, "errors/403.html", {"csrf_failed": True}, status=403)


def page_not_found(request, exception=None):
    return render_without_session(request, "errors/404.html", status=404)


def method_not_allowed(request, way_back=None):
    """405 for an address that only takes a form's answer, with the way back to the page the form is on."""
    return render_without_session(request, "errors/405.html", {"way_back": way_back}, status=405)


def server_error(request):
    """500, or the 503 when the error is an unreachable database raised outside a view."""
    exception = sys.exc_info()[1]
    if is_database_unavailable(exception):
        return database_unavailable(request, exception)
    return render_without_session(request, "errors/500.html", status=500)


@never_cache
def healthz(request):
    """The process is alive and answering; checks nothing else, so a database outage does not restart it."""
    return JsonResponse({"status": "ok"})


def _timed(check):
    started = time.monotonic()
    try:
        ok, detail = check()
    except Exception as error:  # any failure of the dependency is reported, never raised
        ok, detail = False, type(error).__name__
    return {"ok": ok, "detail": detail, "ms": round((time.monotonic() - started) * 1000, 1)}


def _database_check():
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return True, connections["default"].vendor


def _cache_check():
    ping = getattr(cache, "ping", None)
    if ping is None:
        return True, "per-process memory"
    return ping(), "redis"


@never_cache
def readyz(request):
    """Whether this instance can serve: the database and the cache reachable, with timings.

    503 without the database. Without the cache the instance still serves every page, uncached, so it
    stays in the pool (200, "degraded"): taking every instance out when the shared cache fails would turn
    a slowdown into an outage.
    """
    checks = {"database": _timed(_database_check), "cache": _timed(_cache_check)}
    if not checks["database"]["ok"]:
        status = "unavailable"
    elif not checks["cache"]["ok"]:
        status = "degraded"
    else:
        status = "ok"
    response = JsonResponse({"status": status, "checks": checks}, status=503 if status == "unavailable" else 200)
    if status == "unavailable":
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
