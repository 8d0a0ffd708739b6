"""What a submitter sees after submitting, and what every state of a review link says."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from revisions import services
from revisions.models import Draft, Status, Suggestion
from revisions.tokens import approval_token, status_token
from tests.factories import make_editor, make_suggestion, suggestion_post_data

pytestmark = pytest.mark.django_db

SENTENCE = (
    "Because it is a transdiagnostic process variable, it functions both as an outcome to cultivate and as a "
    "presumed mechanism of change across several evidence-based treatments [LLM]."
)


def _url(path):
    return f"http://testserver{path}"


@pytest.fixture
def editor():
    return make_editor()


@pytest.fixture
def accepted(seed_article, editor):
    suggestion = make_suggestion(seed_article)
    services.suggestion_assign(suggestion=suggestion, editor=editor)
    return services.suggestion_accept(suggestion=suggestion, editor=editor)


def _sent(editor, suggestion, cite="[1]."):
    draft = services.draft_start(editor=editor, article=suggestion.article, suggestion=suggestion)
    text = draft.text.replace(SENTENCE, SENTENCE.replace("[LLM].", cite))
    draft = services.draft_save(draft=draft, editor=editor, text=text, summary="Cited the claim.")
    return services.draft_send_for_approval(draft=draft, editor=editor, build_url=_url)


def _review(client, draft, **post):
    path = f"/drafts/review/{approval_token(draft)}/"
    return client.post(path, post) if post else client.get(path)


# --- after submitting ---------------------------------------------------------------------------------


def test_after_submitting_the_page_says_an_email_went_and_what_happens_next(
    client, seed_article, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/articles/{seed_article.slug}/suggest/", suggestion_post_data())
    html = client.get(response["Location"]).content.decode()
    assert "your suggestion has reached the editors" in html
    assert "We emailed a link to this page to the address you gave" in html
    steps = re.findall(r'<li class="steps__item steps__item--(\w+)"', html)
    assert steps == ["done", "current", "todo", "todo", "todo"]
    assert "We email you the drafted change to approve" in html
    assert "alex@example.org" not in html


def test_a_submitter_who_wants_no_approval_is_not_promised_one(client, seed_article):
    suggestion = make_suggestion(seed_article, wants_approval="")
    html = client.get(f"/suggestions/{status_token(suggestion)}/").content.decode()
    assert "to approve or send back" not in html and len(re.findall(r"steps__item--", html)) == 4


def test_the_page_says_when_the_email_has_not_gone_yet(client, seed_article, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, False, 2
    suggestion = make_suggestion(seed_article)  # the email waits for the commit; here it has not gone
    html = client.get(f"/suggestions/{status_token(suggestion)}/").content.decode()
    assert "Our email to you has not gone through yet" in html


def test_the_status_page_links_to_the_pending_review_then_to_the_published_change(client, editor, accepted):
    status_url = f"/suggestions/{status_token(accepted)}/"
    assert "Review the drafted change" not in client.get(status_url).content.decode()
    draft = _sent(editor, accepted)
    html = client.get(status_url).content.decode()
    review = re.search(r'<a class="button" href="(/drafts/review/[^"]+/)">Review the drafted change</a>', html)
    assert review and "data-change" in client.get(review.group(1)).content.decode()
    client.post(review.group(1), {"decision": "approve"})
    draft.refresh_from_db()
    services.draft_publish(draft=draft, editor=editor, build_url=_url)
    html = client.get(status_url).content.decode()
    assert "Review the drafted change" not in html
    assert 'href="/articles/self-compassion/compare/?from=1.0&amp;to=1.1">See exactly what changed' in html
    assert all(state == "done" for state in re.findall(r"steps__item--(\w+)", html))


# --- withdrawing ----------------------------------------------------------------------------------------


def test_withdrawing_asks_first_and_works_without_scripts(client, accepted):
    url = f"/suggestions/{status_token(accepted)}/"
    assert "Withdraw my suggestion" in client.get(url).content.decode()
    confirm = client.get(url, {"withdraw": "confirm"}).content.decode()
    assert "Withdraw your suggestion?" in confirm and 'name="confirm" value="yes"' in confirm
    assert f'href="{url}">No, keep my suggestion' in confirm
    accepted.refresh_from_db()
    assert accepted.status == Status.ACCEPTED


def test_withdrawal_is_not_offered_once_the_submitter_approved(client, editor, accepted):
    draft = _sent(editor, accepted)
    _review(client, draft, decision="approve")
    url = f"/suggestions/{status_token(accepted)}/"
    html = client.get(url).content.decode()
    assert "Withdraw my suggestion" not in html and "You approved the change" in html
    response = client.post(url, {"action": "withdraw", "confirm": "yes"}, follow=True)
    assert "can no longer be withdrawn" in response.content.decode()
    accepted.refresh_from_db()
    draft.refresh_from_db()
    assert accepted.status == Status.ACCEPTED and draft.state == Draft.State.APPROVED


# --- every state of a review link ---------------------------------------------------------------------


def test_a_withdrawn_suggestions_link_says_it_was_withdrawn(client, editor, accepted):
    draft = _sent(editor, accepted)
    services.suggestion_withdraw(suggestion=accepted)
    response = _review(client, draft)
    assert response.status_code == 410 and "You withdrew this suggestion" in response.content.decode()
    assert "already been decided" not in response.content.decode()
    assert _review(client, draft, decision="approve").status_code == 410


def test_a_rejected_suggestions_link_says_the_editors_stopped(client, editor, accepted):
    draft = _sent(editor, accepted)
    services.suggestion_reject(suggestion=accepted, editor=editor, reason="Out of scope.", build_url=_url)
    response = _review(client, draft)
    assert response.status_code == 410 and "The editors stopped this draft" in response.content.decode()


@pytest.mark.parametrize("decision, words", [("approve", "You approved the change"), ("decline", "sent it back")])
def test_a_decided_link_says_how_it_was_decided(client, editor, accepted, decision, words):
    draft = _sent(editor, accepted)
    _review(client, draft, decision=decision, comment="Cite the trial too.")
    response = _review(client, draft)
    html = response.content.decode()
    assert response.status_code == 410 and "already been decided" in html and words in html


def test_a_link_to_a_published_draft_links_to_the_change(client, editor, accepted):
    draft = _sent(editor, accepted)
    token = approval_token(draft)
    Suggestion.objects.filter(pk=accepted.pk).update(wants_approval=False)
    draft.refresh_from_db()
    services.draft_publish(draft=draft, editor=editor, build_url=_url)
    html = client.get(f"/drafts/review/{token}/").content.decode()
    assert "The change is published." in html and "compare/?from=1.0&amp;to=1.1" in html


def test_a_link_to_a_draft_the_editors_changed_since_says_a_new_one_follows(client, editor, accepted):
    draft = _sent(editor, accepted)
    token = approval_token(draft)
    services.draft_save(draft=draft, editor=editor, text=draft.text.replace("[1].", "[2].", 1), summary="")
    response = client.get(f"/drafts/review/{token}/")
    assert response.status_code == 410 and "The editors are revising this draft" in response.content.decode()


def test_comments_sent_back_after_the_editors_changed_the_draft_are_shown_to_copy(client, editor, accepted):
    draft = _sent(editor, accepted)
    token = approval_token(draft)
    services.draft_save(draft=draft, editor=editor, text=draft.text.replace("[1].", "[2].", 1), summary="")
    comment = "Please cite the synthetic follow-up study as well; the effect faded by month six."
    response = client.post(f"/drafts/review/{token}/", {"decision": "decline", "comment": comment})
    html = response.content.decode()
    assert response.status_code == 410 and "The editors are revising this draft" in html
    assert "Your comments were not sent" in html and comment in html
    draft.refresh_from_db()
    assert not draft.approval_comment


def test_an_editor_resends_a_fresh_link_while_one_is_pending_and_the_old_one_says_so(
    client, editor, accepted, django_capture_on_commit_callbacks
):
    draft = _sent(editor, accepted)
    old = approval_token(draft)
    client.force_login(editor)
    page = client.get(f"/editors/drafts/{draft.pk}/").content.decode()
    assert "Email the submitter a fresh link" in page and "waiting for their answer" in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/editors/drafts/{draft.pk}/send/")
    client.logout()
    fresh = re.search(r"http://testserver(/drafts/review/\S+/)", mail.outbox[-1].body).group(1)
    assert "fresh link" in mail.outbox[-1].body
    superseded = client.get(f"/drafts/review/{old}/")
    assert superseded.status_code == 410 and "There is a newer link" in superseded.content.decode()
    assert client.get(fresh).status_code == 200
    client.post(fresh, {"decision": "approve"})
    draft.refresh_from_db()
    assert draft.state == Draft.State.APPROVED
    assert accepted.events.filter(action="sent_for_approval").count() == 2


def test_an_expired_link_says_so_and_the_submitter_gets_a_fresh_one(
    client, editor, accepted, settings, django_capture_on_commit_callbacks
):
    draft = _sent(editor, accepted)
    token = approval_token(draft)
    settings.DRAFT_APPROVAL_LINK_MAX_AGE_DAYS = -1  # every link is now past its age
    response = client.get(f"/drafts/review/{token}/")
    assert response.status_code == 410 and "This link has expired" in response.content.decode()
    assert _review(client, draft, decision="approve").status_code == 410  # an expired link decides nothing
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        renewed = client.post(f"/drafts/review/{token}/", {"action": "renew"})
    assert renewed.status_code == 200 and "A fresh link is on its way" in renewed.content.decode()
    assert mail.outbox[-1].to == ["alex@example.org"] and "/drafts/review/" in mail.outbox[-1].body
    assert client.post(f"/drafts/review/{token}/", {"action": "renew"}).status_code == 410  # once per link
    settings.DRAFT_APPROVAL_LINK_MAX_AGE_DAYS = 14
    fresh = re.search(r"http://testserver(/drafts/review/\S+/)", mail.outbox[-1].body).group(1)
    client.post(fresh, {"decision": "approve"})
    draft.refresh_from_db()
    assert draft.state == Draft.State.APPROVED


def test_an_expired_link_that_was_since_decided_says_what_happened_instead(client, editor, accepted, settings):
    draft = _sent(editor, accepted)
    token = approval_token(draft)
    services.draft_decide(draft=draft, approve=True)
    settings.DRAFT_APPROVAL_LINK_MAX_AGE_DAYS = -1
    html = client.get(f"/drafts/review/{token}/").content.decode()
    assert "already been decided" in html and "This link has expired" not in html


def test_an_editor_can_resend_after_the_wait_has_passed(client, editor, accepted):
    draft = _sent(editor, accepted)
    Draft.objects.filter(pk=draft.pk).update(approval_sent_at=timezone.now() - datetime.timedelta(days=20))
    client.force_login(editor)
    page = client.get(f"/editors/drafts/{draft.pk}/").content.decode()
    state = page.split('class="draft-approval__state"', 1)[1].split("</p>", 1)[0]
    assert "did not answer within 14 days" in state and "waiting for their answer" not in page
    assert "Publish as version 1.1" in page and "Email the submitter a fresh link" in page
    client.post(f"/editors/drafts/{draft.pk}/send/")
    draft.refresh_from_db()
    assert draft.state == Draft.State.AWAITING_APPROVAL
    assert timezone.now() - draft.approval_sent_at < datetime.timedelta(minutes=1)  # the wait starts again


def test_a_tampered_link_is_not_valid(client, editor, accepted):
    draft = _sent(editor, accepted)
    response = client.get(f"/drafts/review/{approval_token(draft)[:-3]}xyz/")
    assert response.status_code == 404 and "This link is not valid" in response.content.decode()
