"""Log records as one JSON object a line, with the request id, and private link tokens masked.

Submitters reach their suggestion and approve drafts through signed links; anyone who reads a log line
holding such a link could act as them, so every path or URL that reaches a log is masked first.
"""

import contextvars
import datetime
import json
import logging
import re
import uuid

# The id of the request being served, so every line it logs can be tied to it. Set when Django starts
# handling a request and cleared when it finishes, so it also covers what Django logs after the
# middleware has returned (its "Not Found" warnings).
request_id_var = contextvars.ContextVar("request_id", default="-")
# A request id from the proxy (nginx's $request_id) is kept when it looks like one, so a request can be
# followed from the proxy's log into ours; anything else is replaced.
_SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")


def begin_request(sender, environ, **kwargs):
    incoming = environ.get("HTTP_X_REQUEST_ID", "")
    request_id_var.set(incoming if _SANE_REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex)


def end_request(sender, **kwargs):
    request_id_var.set("-")


# Paths whose last segment is a private token (revisions/urls.py); matched anywhere in a line, so a
# full URL in a Referer or a message is masked as well as a bare path.
PRIVATE_TOKEN_PATH = re.compile(r"(/suggestions/|/drafts/review/)[^/?#\s\"']+")
MASK = "[token]"


def mask_tokens(text):
    """`text` with every private link token replaced by a placeholder."""
    return PRIVATE_TOKEN_PATH.sub(lambda m: m.group(1) + MASK, text)


class MaskTokensFilter(logging.Filter):
    """Masks tokens in the formatted message; attach it to every handler."""

    def filter(self, record):
        message = record.getMessage()
        masked = mask_tokens(message)
        if masked != message:
            record.msg, record.args = masked, ()
        for name in ("path", "referer"):
            if isinstance(getattr(record, name, None), str):
                setattr(record, name, mask_tokens(getattr(record, name)))
        return True


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        if not hasattr(record, "request_id"):
            record.request_id = request_id_var.get()
        return True


class DowngradeToWarning(logging.Filter):
    """Logs a logger's errors as warnings: for noise a client causes, such as a request for an unknown host."""

    def filter(self, record):
        if record.levelno > logging.WARNING:
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


class ClientErrorsWithoutTraceback(logging.Filter):
    """Django logs a refused request (403, 400) with the exception that refused it: its traceback is the
    framework's, not a fault to look into, and would bury the lines that are. The warning line stays."""

    def filter(self, record):
        if getattr(record, "status_code", 500) < 500:
            record.exc_info, record.exc_text = None, None
        return True


# Fields a request's access line carries besides the message (see ops.middleware).
REQUEST_FIELDS = ("method", "path", "status", "duration_ms")


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time, level, logger, request id, message, and any request fields."""

    def format(self, record):
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, tz=datetime.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", "-"),
            "message": record.getMessage(),
        }
        for name in REQUEST_FIELDS:
            if hasattr(record, name):
                entry[name] = getattr(record, name)
        if record.exc_info:
            entry["exception"] = mask_tokens(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False)
