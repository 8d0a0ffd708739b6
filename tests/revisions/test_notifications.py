"""Editors are emailed when a suggestion needs them, as each chose: every suggestion, theirs only, or none."""

import re

import pytest
from django.core.management import call_command

from revisions import services
from revisions.models import NotificationPreference, OutboundEmail
from revisions.tokens import approval_token, status_token
from tests.factories import make_editor, make_suggestion, suggestion_post_data

pytestmark = pytest.mark.django_db

SENTENCE = (
    "Because it is a transdiagnostic process variable, it functions both as an outcome to cultivate and as a "
    "presumed mechanism of change across several evidence-based treatments [LLM]."
)


def _url(path):
    return f"http://testserver{path}"


def _editor(username, mode=None, email=True):
    editor = make_editor(username)
    if email:
        editor.email = f"{username}@example.org"
        editor.save(update_fields=["email"])
    if mode:
        NotificationPreference.objects.create(user=editor, mode=mode)
    return editor


@pytest.fixture
def team(db):
    return {
        "every": _editor("editor-every"),  # no saved choice: every suggestion
        "mine": _editor("editor-mine", NotificationPreference.Mode.ASSIGNED),
        "quiet": _editor("editor-quiet", NotificationPreference.Mode.NONE),
        "no-address": _editor("editor-no-address", email=False),
    }


def _subjects(inbox, editor):
    return [" ".join(str(m["Subject"]).split()) for m in inbox.to(editor.email)]


def test_a_new_suggestion_reaches_editors_who_asked_for_every_one_and_never_quotes_it(
    client, settings, smtp_inbox, team, seed_article, django_capture_on_commit_callbacks
):
    settings.EDITORS_REPLY_TO = "Wiki editors <editors@example.org>"
    data = suggestion_post_data(proposed_text="A distinctive synthetic wording, zebra-7.")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/articles/{seed_article.slug}/suggest/", data)
    assert response.status_code == 302
    [notice] = smtp_inbox.to(team["every"].email)
    assert "new" in str(notice["Subject"]) and seed_article.title in str(notice["Subject"])
    body = notice.get_content()
    suggestion_pk = OutboundEmail.objects.filter(to=team["every"].email).get().suggestion_id
    assert f"http://testserver/editors/queue/{suggestion_pk}/" in body
    assert "zebra-7" not in body and "alex@example.org" not in body
    assert not smtp_inbox.to(team["mine"].email) and not smtp_inbox.to(team["quiet"].email)
    assert {r for recipients, _ in smtp_inbox.messages for r in recipients} == {"alex@example.org", team["every"].email}
    # Every message, the submitter's included, answers to the editors.
    assert all(message["Reply-To"] == "Wiki editors <editors@example.org>" for _, message in smtp_inbox.messages)


def test_a_held_suggestions_notice_says_so_without_the_held_text(
    client, smtp_inbox, team, seed_article, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/articles/{seed_article.slug}/suggest/",
            suggestion_post_data(note="Pacemaker serial no. PM-7730291 was noted in the letter."),
        )
    [notice] = smtp_inbox.to(team["every"].email)
    assert "PHI hold" in str(notice["Subject"]) and "7730291" not in notice.get_content()


@pytest.fixture
def accepted_for_mine(seed_article, team):
    suggestion = make_suggestion(seed_article)
    services.suggestion_assign(suggestion=suggestion, editor=team["every"], assignee=team["mine"])
    return suggestion


def _answer(client, suggestion):
    services.suggestion_ask(suggestion=suggestion, editor=suggestion.assigned_to, question="Which?", build_url=_url)
    client.post(f"/suggestions/{status_token(suggestion)}/", {"action": "answer", "message": "The second edition."})


def _sent_draft(suggestion):
    editor = suggestion.assigned_to
    services.suggestion_accept(suggestion=suggestion, editor=editor)
    draft = services.draft_start(editor=editor, article=suggestion.article, suggestion=suggestion)
    services.draft_save(
        draft=draft, editor=editor, text=draft.text.replace(SENTENCE, SENTENCE[:-7] + "[1]."), summary=""
    )
    return services.draft_send_for_approval(draft=draft, editor=editor, build_url=_url)


def _approve(client, suggestion):
    draft = _sent_draft(suggestion)
    client.post(f"/drafts/review/{approval_token(draft)}/", {"decision": "approve"})


def _send_back(client, suggestion):
    draft = _sent_draft(suggestion)
    client.post(f"/drafts/review/{approval_token(draft)}/", {"decision": "decline", "comment": "Cite the trial too."})


def _withdraw(client, suggestion):
    client.post(f"/suggestions/{status_token(suggestion)}/", {"action": "withdraw", "confirm": "yes"})


@pytest.mark.parametrize(
    "act, word",
    [(_answer, "answered"), (_approve, "approved"), (_send_back, "sent back"), (_withdraw, "withdrawn")],
)
def test_submitters_replies_reach_the_assigned_editor_and_those_who_follow_everything(
    client, smtp_inbox, team, accepted_for_mine, django_capture_on_commit_callbacks, act, word
):
    smtp_inbox.messages.clear()
    with django_capture_on_commit_callbacks(execute=True):
        act(client, accepted_for_mine)
    for who in ("mine", "every"):
        assert any(word in subject for subject in _subjects(smtp_inbox, team[who])), who
    assert not smtp_inbox.to(team["quiet"].email)


def test_assigned_only_means_nothing_about_other_editors_suggestions(
    client, smtp_inbox, team, seed_article, django_capture_on_commit_callbacks
):
    suggestion = make_suggestion(seed_article)
    services.suggestion_assign(suggestion=suggestion, editor=team["every"])
    with django_capture_on_commit_callbacks(execute=True):
        _answer(client, suggestion)
    assert _subjects(smtp_inbox, team["every"]) and not smtp_inbox.to(team["mine"].email)


def test_a_notice_that_fails_is_retried_and_sent_once(settings, team, seed_article, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, False, 2
    with django_capture_on_commit_callbacks(execute=True):
        make_suggestion(seed_article)
    notice = OutboundEmail.objects.get(to=team["every"].email)
    assert notice.state == OutboundEmail.State.FAILED and notice.attempts == 1
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    from django.core import mail

    mail.outbox.clear()
    call_command("send_pending_emails", stdout=open("/dev/null", "w"))
    call_command("send_pending_emails", stdout=open("/dev/null", "w"))
    assert [m.to for m in mail.outbox].count([team["every"].email]) == 1
    notice.refresh_from_db()
    assert notice.state == OutboundEmail.State.SENT and notice.attempts == 2


def test_an_editor_chooses_their_notifications(client, team):
    editor = team["every"]
    client.force_login(editor)
    page = client.get("/editors/settings/")
    assert page.status_code == 200
    assert re.search(r'value="all"[^>]* checked', page.content.decode())  # every suggestion, until they choose
    response = client.post("/editors/settings/", {"mode": "assigned", "email": "sam.new@example.org"})
    assert response.status_code == 302
    editor.refresh_from_db()
    assert editor.notification_preference.mode == "assigned" and editor.email == "sam.new@example.org"
    assert "only suggestions assigned to me" in client.get("/editors/queue/").content.decode()


def test_notifications_need_an_address_unless_turned_off(client, team):
    editor = team["no-address"]
    client.force_login(editor)
    response = client.post("/editors/settings/", {"mode": "all", "email": ""})
    assert response.status_code == 400 and "Give the address to email" in response.content.decode()
    assert not NotificationPreference.objects.filter(user=editor).exists()
    assert client.post("/editors/settings/", {"mode": "none", "email": ""}).status_code == 302
    assert NotificationPreference.objects.get(user=editor).mode == "none"


def test_a_signed_in_reader_gets_a_page_saying_what_the_settings_are_for(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("reader-kim", password="not-a-real-password-1"))
    response = client.get("/editors/settings/")
    assert response.status_code == 403 and "This page is for the wiki’s editors" in response.content.decode()
