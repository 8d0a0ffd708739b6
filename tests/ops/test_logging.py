"""Logs are one JSON object a line with time, level and request id; each request logs method, path,
status and duration; private link tokens never reach a log line."""

import io
import json
import logging

import pytest

from ops.logging import JsonFormatter
from revisions.tokens import status_token
from tests.factories import make_article, make_suggestion

pytestmark = pytest.mark.django_db


@pytest.fixture
def log_lines():
    """What the configured console handler writes, as parsed JSON lines."""
    handler = next(h for h in logging.getLogger().handlers if isinstance(h.formatter, JsonFormatter))
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    yield lambda: [json.loads(line) for line in buffer.getvalue().splitlines()]
    handler.setStream(previous)


def test_each_request_logs_one_json_access_line(client, log_lines):
    response = client.get("/")
    [line] = [entry for entry in log_lines() if entry["logger"] == "ops.access"]
    assert line["level"] == "INFO" and line["time"].endswith("+00:00")
    assert line["request_id"] == response["X-Request-ID"] and len(line["request_id"]) == 32
    assert (line["method"], line["path"], line["status"]) == ("GET", "/", 200)
    assert isinstance(line["duration_ms"], float)


def test_a_proxys_request_id_is_kept_and_a_strange_one_replaced(client):
    assert client.get("/", HTTP_X_REQUEST_ID="0123456789abcdef")["X-Request-ID"] == "0123456789abcdef"
    replaced = client.get("/", HTTP_X_REQUEST_ID="bad id\nwith a line break")["X-Request-ID"]
    assert "\n" not in replaced and len(replaced) == 32


def test_lines_logged_while_serving_a_request_carry_its_id(client, log_lines):
    response = client.get("/no-such-page/")
    lines = log_lines()
    warning = next(entry for entry in lines if entry["logger"] == "django.request")
    assert warning["level"] == "WARNING" and warning["request_id"] == response["X-Request-ID"]


def test_private_tokens_never_reach_the_log(client, log_lines):
    suggestion = make_suggestion(make_article())
    token = status_token(suggestion)
    assert client.get(f"/suggestions/{token}/").status_code == 200
    assert client.get(f"/suggestions/{token[:-3]}xyz/").status_code == 404
    assert client.post(f"/suggestions/{token}/", {"action": "answer", "message": ""}).status_code == 200
    assert client.get(f"/drafts/review/{token}/", HTTP_REFERER=f"http://testserver/suggestions/{token}/").status_code
    written = json.dumps(log_lines())
    assert token not in written and token[:20] not in written
    assert "/suggestions/[token]/" in written and "/drafts/review/[token]/" in written


def test_a_request_for_an_unknown_host_is_a_warning_not_an_error(client, log_lines):
    assert client.get("/", HTTP_HOST="scanner.example").status_code == 400
    [entry] = [e for e in log_lines() if e["logger"] == "django.security.DisallowedHost"]
    assert entry["level"] == "WARNING" and "scanner.example" in entry["message"]


def test_a_refused_request_is_one_warning_line_without_a_traceback(admin_client, log_lines):
    from django.contrib.auth.models import User

    admin_client.force_login(User.objects.create_user("reader-without-rights", is_staff=True))
    assert admin_client.get("/admin/articles/article/add/").status_code == 403
    [entry] = [e for e in log_lines() if e["logger"] == "django.request"]
    assert entry["level"] == "WARNING" and "Forbidden" in entry["message"] and "exception" not in entry


def test_a_form_over_the_limits_is_one_warning_line_without_a_traceback(client, log_lines):
    body = {f"field{n}": "x" for n in range(1_100)}  # more fields than Django reads
    assert client.post(f"/articles/{make_article().slug}/suggest/", body).status_code == 413
    [entry] = [e for e in log_lines() if e["logger"].startswith("django.security.")]
    assert entry["logger"] == "django.security.TooManyFieldsSent"
    assert entry["level"] == "WARNING" and "exception" not in entry
