"""A mail server that accepts connections and never answers costs a submission one timeout, not one per
email: the reader gets their status page, and the retry command sends the rest once the server is back."""

import io
import socket
import threading

import pytest
from django.core.management import call_command

from revisions import emails
from revisions.models import OutboundEmail, Suggestion
from tests.factories import make_article, make_editor, suggestion_post_data
from tests.revisions.test_email_and_privacy import _free_port, retry_with_a_working_server

pytestmark = pytest.mark.django_db


class SilentServer:
    """Accepts every connection and says nothing, as a wedged mail relay does."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.connections = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections.append(conn)

    def close(self):
        self.sock.close()
        for conn in self.connections:
            conn.close()


@pytest.fixture
def silent_mail_server(settings, monkeypatch):
    server = SilentServer()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", server.port, False
    settings.EMAIL_TIMEOUT = 0.6
    monkeypatch.setattr(emails, "SLOW_FAILURE_SECONDS", 0.5)
    yield server
    server.close()


def test_a_hanging_mail_server_costs_a_submission_one_timeout_and_loses_no_email(
    client, silent_mail_server, settings, django_capture_on_commit_callbacks
):
    editors = [make_editor(f"editor-{n}") for n in range(3)]
    for n, editor in enumerate(editors):
        editor.email = f"editor{n}@example.org"
        editor.save()
    article = make_article()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/articles/{article.slug}/suggest/", suggestion_post_data())
    assert response.status_code == 302
    assert Suggestion.objects.count() == 1
    assert len(silent_mail_server.connections) == 1  # one try, not four
    waiting = OutboundEmail.objects.order_by("pk")
    assert waiting.count() == 4
    assert [e.attempts for e in waiting] == [1, 0, 0, 0]
    assert all(e.claimed_until is None for e in waiting)  # the retry command may take every one at once
    page = client.get(response["Location"])
    assert "Our email to you has not gone through yet" in page.content.decode()

    # The relay is replaced: the retry command sends all four, the one that failed included.
    silent_mail_server.close()
    settings.EMAIL_PORT = _free_port()
    out, inbox = retry_with_a_working_server(settings.EMAIL_PORT)
    assert "Sent 4 of 4 waiting emails." in out
    assert sorted(r for recipients, _ in inbox.messages for r in recipients) == [
        "alex@example.org",
        "editor0@example.org",
        "editor1@example.org",
        "editor2@example.org",
    ]


def test_a_retry_run_stops_at_a_hanging_server_and_leaves_the_rest_for_the_next(silent_mail_server):
    OutboundEmail.objects.bulk_create(
        [OutboundEmail(to="alex@example.org", subject=f"Synthetic notice {n}", body="Hello.") for n in range(3)]
    )
    out = io.StringIO()
    call_command("send_pending_emails", stdout=out)
    assert "Sent 0 of 3 waiting emails." in out.getvalue()
    assert len(silent_mail_server.connections) == 1
    assert sorted(OutboundEmail.objects.values_list("attempts", flat=True)) == [0, 0, 1]


def test_a_mail_server_that_refuses_at_once_does_not_stop_the_other_emails(settings):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", port, False
    OutboundEmail.objects.bulk_create(
        [OutboundEmail(to="alex@example.org", subject=f"Synthetic notice {n}", body="Hello.") for n in range(3)]
    )
    call_command("send_pending_emails", stdout=io.StringIO())
    assert list(OutboundEmail.objects.values_list("attempts", flat=True)) == [1, 1, 1]


def test_an_email_that_fails_slowly_every_time_does_not_hold_the_others_back(monkeypatch, mailoutbox):
    from django.core.mail import EmailMessage

    from tests.factories import make_suggestion

    suggestion = make_suggestion(make_article())
    stuck = OutboundEmail.objects.create(suggestion=suggestion, to="stuck@example.org", subject="S", body="B")
    waiting = OutboundEmail.objects.create(suggestion=suggestion, to="reader@example.org", subject="S", body="B")
    real_send = EmailMessage.send

    def send(message, *args, **kwargs):
        if message.to == [stuck.to]:
            raise TimeoutError("timed out")  # as a relay that hangs on this one message
        return real_send(message, *args, **kwargs)

    monkeypatch.setattr(EmailMessage, "send", send)
    monkeypatch.setattr(emails, "SLOW_FAILURE_SECONDS", 0)  # every failure counts as a slow one
    call_command("send_pending_emails", stdout=io.StringIO())  # the stuck one first: the run stops there
    call_command("send_pending_emails", stdout=io.StringIO())
    waiting.refresh_from_db()
    stuck.refresh_from_db()
    assert waiting.state == OutboundEmail.State.SENT and [waiting.to] in [m.to for m in mailoutbox]
    assert stuck.state == OutboundEmail.State.FAILED and stuck.attempts == 2
