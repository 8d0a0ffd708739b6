"""Middleware that every response passes through: request ids and access lines, the answer when the
database is unreachable, and the Permissions-Policy header."""

import logging
import re
import time
import uuid

from django.conf import settings

from .logging import request_id_var
from .views import database_unavailable, is_database_unavailable

access_logger = logging.getLogger("ops.access")
# A request id from the proxy (nginx's $request_id) is kept when it looks like one, so a request can be
# followed from the proxy's log into ours; anything else is replaced.
_SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")


class RequestLogMiddleware:
    """Gives each request an id (X-Request-ID), and logs one access line when it is answered."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.monotonic()
        incoming = request.headers.get("X-Request-ID", "")
        request.id = incoming if _SANE_REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
        reset = request_id_var.set(request.id)
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request.id
            duration_ms = round((time.monotonic() - started) * 1000, 1)
            level = logging.WARNING if response.status_code >= 500 else logging.INFO
            access_logger.log(
                level,
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
        finally:
            request_id_var.reset(reset)


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
