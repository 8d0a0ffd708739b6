"""Mail goes out after commit through real SMTP, failures are retried, and contact details stay private."""

import datetime
import email
import email.policy
import io
import logging
import socket

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.utils import timezone

from revisions.models import OutboundEmail, Status, Suggestion
from revisions.services import suggestion_withdraw
from revisions.tokens import suggestion_for_token
from tests.factories import make_article, make_suggestion, suggestion_post_data

pytestmark = pytest.mark.django_db


class _Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((envelope.rcpt_tos, message))
        return "250 Message accepted"


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_settings(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = _free_port()
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    return settings


@pytest.fixture
def smtp_server(smtp_settings):
    inbox = _Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_settings.EMAIL_PORT)
    controller.start()
    yield inbox
    controller.stop()


def retry_with_a_working_server(port):
    """Run the retry command while a mail server answers on `port`: (what it printed, the inbox)."""
    inbox = _Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        out = io.StringIO()
        call_command("send_pending_emails", stdout=out)
    finally:
        controller.stop()
    return out.getvalue(), inbox


def _submit(client, article, **overrides):
    return client.post(f"/articles/{article.slug}/suggest/", suggestion_post_data(**overrides))


def test_the_acknowledgement_goes_through_a_real_smtp_server_with_a_working_status_link(
    client, smtp_server, django_capture_on_commit_callbacks
):
    article = make_article()
    with django_capture_on_commit_callbacks(execute=True):
        response = _submit(client, article)
    assert response.status_code == 302
    [(recipients, message)] = smtp_server.messages
    assert recipients == ["alex@example.org"]
    assert " ".join(str(message["Subject"]).split()) == f"We received your suggestion on “{article.title}”"
    body = message.get_content()
    link = next(line.strip() for line in body.splitlines() if "/suggestions/" in line)
    # The same page as the one the submitter was sent to (each link is signed when made, so the two may carry
    # different times, a second apart, and both work).
    emailed, redirected = link.removeprefix("http://testserver"), response["Location"]
    assert link.startswith("http://testserver/suggestions/") and redirected.startswith("/suggestions/")
    assert suggestion_for_token(emailed.split("/")[2]) == suggestion_for_token(redirected.split("/")[2]) is not None
    assert client.get(emailed).status_code == 200
    assert OutboundEmail.objects.get().state == OutboundEmail.State.SENT


def test_mail_waits_for_the_commit(client, smtp_server, django_capture_on_commit_callbacks):
    article = make_article()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _submit(client, article)
    assert smtp_server.messages == [] and len(callbacks) == 1
    callbacks[0]()
    assert len(smtp_server.messages) == 1


def test_a_title_too_long_for_the_subject_is_visibly_shortened_and_named_whole_in_the_body(client):
    title = "Synthetic " + " ".join(["compassion-focused"] * 10)  # 199 characters, within the title's column
    article = make_article(title=title)
    _submit(client, article)
    queued = OutboundEmail.objects.get()
    assert len(queued.subject) == 200 and queued.subject.endswith("…")
    assert queued.subject.startswith("We received your suggestion on “Synthetic compassion-focused")
    assert f"“{title}”" in queued.body


def test_a_failed_send_keeps_the_submission_and_is_retried(
    client, smtp_settings, django_capture_on_commit_callbacks, caplog
):
    with caplog.at_level(logging.WARNING), django_capture_on_commit_callbacks(execute=True):
        response = _submit(client, make_article())  # nothing listens on the port yet
    assert response.status_code == 302
    assert Suggestion.objects.count() == 1
    queued = OutboundEmail.objects.get()
    assert queued.state == OutboundEmail.State.FAILED and queued.attempts == 1 and queued.last_error
    assert "alex@example.org" not in caplog.text  # the log names the email's id, never the address

    out, inbox = retry_with_a_working_server(smtp_settings.EMAIL_PORT)
    assert "Sent 1 of 1 waiting emails." in out
    queued.refresh_from_db()
    assert queued.state == OutboundEmail.State.SENT and queued.attempts == 2
    assert len(inbox.messages) == 1


def test_the_submitters_email_appears_on_no_public_page_or_json(client):
    from revisions import services
    from tests.factories import make_editor

    article = make_article()
    suggestion = make_suggestion(article, email="private.person@example.org", credit="full_name")
    editor = make_editor()
    services.suggestion_assign(suggestion=suggestion, editor=editor)
    services.suggestion_accept(suggestion=suggestion, editor=editor)
    draft = services.draft_start(editor=editor, article=article, suggestion=suggestion)
    text = draft.text.replace("about a fictional practice [LLM].", "about a fictional practice [1].", 1)
    services.draft_save(draft=draft, editor=editor, text=text, summary="Cited a claim.")
    Suggestion.objects.filter(pk=suggestion.pk).update(wants_approval=False)
    draft.refresh_from_db()
    services.draft_publish(draft=draft, editor=editor, build_url=lambda p: p)
    slug = article.slug
    pages = [
        f"/articles/{slug}/",
        f"/articles/{slug}.json",
        "/",
        f"/articles/{slug}/history/",
        f"/articles/{slug}/versions/1.1/",
        f"/articles/{slug}/compare/?from=1.0&to=1.1",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "private.person@example.org" not in response.content.decode(), url
    assert "Alex Example" in client.get(f"/articles/{slug}/history/").content.decode()  # credit as chosen


def test_closed_suggestions_lose_contact_details_after_the_retention_period():
    article = make_article()
    old, recent, still_open = make_suggestion(article), make_suggestion(article), make_suggestion(article)
    for s in (old, recent):
        suggestion_withdraw(suggestion=s)
    Suggestion.objects.filter(pk=old.pk).update(closed_at=timezone.now() - datetime.timedelta(days=91))
    Suggestion.objects.filter(pk=still_open.pk).update(created_at=timezone.now() - datetime.timedelta(days=400))
    out = io.StringIO()
    call_command("purge_suggestion_contacts", stdout=out)
    assert "from 1 suggestions closed more than 90 days ago" in out.getvalue()
    old.refresh_from_db()
    assert old.name == "" and old.email == "" and old.contact_purged_at is not None
    assert old.proposed_text and old.status == Status.WITHDRAWN  # the anonymised record stays
    assert not OutboundEmail.objects.filter(suggestion=old).exists()
    for kept in (recent, still_open):
        kept.refresh_from_db()
        assert kept.email == "alex@example.org"


def test_admins_see_failed_mail_with_its_error(admin_client, smtp_settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        make_suggestion(make_article())
    html = admin_client.get("/admin/revisions/outboundemail/", {"state__exact": "failed"}).content.decode()
    assert "We received your suggestion" in html and "Failed (will retry)" in html
