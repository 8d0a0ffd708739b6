"""Gaps found in review: each test shows the behaviour a reader, submitter or editor relies on."""

import pytest
from django.core import mail

from articles.models import Article
from revisions import services
from revisions.models import Draft, Status
from revisions.tokens import approval_token, status_token
from tests.factories import make_article, make_editor, make_staff, make_suggestion

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


def _changed_draft(editor, suggestion=None, article=None):
    draft = services.draft_start(editor=editor, article=article or suggestion.article, suggestion=suggestion)
    text = draft.text.replace(SENTENCE, SENTENCE.replace("[LLM].", "[1]."))
    return services.draft_save(draft=draft, editor=editor, text=text, summary="")


def test_a_submitters_answer_is_screened_for_phi(client, editor, accepted):
    suggestion = make_suggestion(accepted.article)
    services.suggestion_assign(suggestion=suggestion, editor=editor)
    services.suggestion_ask(suggestion=suggestion, editor=editor, question="Which edition?", build_url=_url)
    url = f"/suggestions/{status_token(suggestion)}/"
    response = client.post(url, {"action": "answer", "message": "Call my client on 020 7946 0123."})
    assert "Please remove the phone number" in response.content.decode()
    suggestion.refresh_from_db()
    assert suggestion.status == Status.AWAITING_SUBMITTER
    assert not suggestion.events.filter(action="answer").exists()


def test_a_decline_comment_is_screened_for_phi(client, editor, accepted):
    draft = _changed_draft(editor, accepted)
    services.draft_send_for_approval(draft=draft, editor=editor, build_url=_url)
    draft.refresh_from_db()
    url = f"/drafts/review/{approval_token(draft)}/"
    response = client.post(url, {"decision": "decline", "comment": "Email my client at pat@example.org"}, follow=True)
    assert "Please remove the email address" in response.content.decode()
    draft.refresh_from_db()
    assert draft.state == Draft.State.AWAITING_APPROVAL and draft.approval_comment == ""


def test_editors_cannot_draft_an_article_admins_keep_unpublished(client, editor):
    hidden = make_article(status="draft")
    client.force_login(editor)
    assert client.post("/editors/drafts/new/", {"article": hidden.slug}).status_code == 404
    assert hidden.title not in client.get("/editors/queue/").content.decode()
    assert not Draft.objects.exists()


def _retitle_source_in_admin(admin_client, source, title):
    fields = {f: getattr(source, f) or "" for f in ("authors", "container", "kind", "tier", "url", "doi", "pmid")}
    response = admin_client.post(
        f"/admin/sources/source/{source.pk}/change/", {**fields, "title": title, "year": source.year or ""}
    )
    assert response.status_code == 302


def test_a_library_correction_after_a_draft_began_makes_it_stale_and_its_review_link_says_so(
    admin_client, client, editor, accepted
):
    draft = _changed_draft(editor, accepted)
    services.draft_send_for_approval(draft=draft, editor=editor, build_url=_url)
    draft.refresh_from_db()
    _retitle_source_in_admin(
        admin_client, accepted.article.numbered_sources.get(number=7).source, "Self-compassion (entry)"
    )
    response = client.get(f"/drafts/review/{approval_token(draft)}/")
    assert response.status_code == 200 and "being brought up to date" in response.content.decode()
    with pytest.raises(services.InvalidTransition, match="bring the draft up to date"):
        services.draft_publish(draft=draft, editor=editor, build_url=_url)
    assert Article.objects.get(pk=accepted.article_id).version == "1.1"  # the correction, nothing else


def test_a_save_from_a_stale_page_does_not_overwrite_another_editors_save(client, editor, seed_article):
    draft = services.draft_start(editor=editor, article=seed_article)
    seen = draft.updated_at.isoformat()
    first = draft.text.replace(SENTENCE, SENTENCE.replace("[LLM].", "[1]."))
    services.draft_save(draft=draft, editor=editor, text=first, summary="First editor.", seen=seen)
    client.force_login(make_editor("editor-two"))
    second = draft.text.replace(SENTENCE, SENTENCE.replace("[LLM].", "[2]."))
    response = client.post(f"/editors/drafts/{draft.pk}/", {"text": second, "summary": "Second.", "seen": seen})
    assert response.status_code == 400 and "Someone saved this draft after you opened it" in response.content.decode()
    assert "[2]." in response.content.decode()  # the second editor's text is still there to copy
    draft.refresh_from_db()
    assert "[1]." in draft.text and draft.summary == "First editor."


def test_a_draft_cannot_silently_change_a_library_source(editor, seed_article):
    draft = services.draft_start(editor=editor, article=seed_article)
    with pytest.raises(Exception, match="library already holds"):
        services.draft_save(
            draft=draft, editor=editor, text=draft.text.replace("[1]: T1 article", "[1]: T3 article"), summary=""
        )


def test_rejecting_a_suggestion_discards_its_drafts(editor, accepted):
    draft = _changed_draft(editor, accepted)
    services.suggestion_reject(suggestion=accepted, editor=editor, reason="Out of scope.", build_url=_url)
    draft.refresh_from_db()
    assert draft.state == Draft.State.DISCARDED
    with pytest.raises(Exception, match="closed"):
        services.draft_publish(draft=draft, editor=editor, build_url=_url)


def test_publishing_closes_an_unanswered_review_link(client, editor, accepted, settings):
    draft = _changed_draft(editor, accepted)
    services.draft_send_for_approval(draft=draft, editor=editor, build_url=_url)
    draft.refresh_from_db()
    token = approval_token(draft)
    type(accepted).objects.filter(pk=accepted.pk).update(wants_approval=False)
    draft.refresh_from_db()
    services.draft_publish(draft=draft, editor=editor, build_url=_url)
    response = client.get(f"/drafts/review/{token}/")
    assert response.status_code == 410 and "The change is published." in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/articles/{slug}/?suggest=u%C2%B2",
        "/articles/{slug}/?suggest=s-%C2%B2",
        "/articles/{slug}/versions/%C2%B2.0/",
        "/articles/{slug}/compare/?from=%C2%B2.0&to=1.0",
    ],
)
def test_odd_digits_in_urls_are_not_errors(client, seed_article, path):
    assert client.get(path.format(slug=seed_article.slug)).status_code in (200, 404)


@pytest.mark.parametrize("query", [{"older_than": "99999999999"}, {"older_than": "²"}, {"article": "a\x00b"}])
def test_odd_queue_filters_are_ignored(client, editor, query):
    client.force_login(editor)
    assert client.get("/editors/queue/", query).status_code == 200


def test_email_subjects_are_plain_text(django_capture_on_commit_callbacks):
    article = make_article()
    Article.objects.filter(pk=article.pk).update(title="Shame & Guilt: “Self”")
    article.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        make_suggestion(article)
    assert mail.outbox[-1].subject == "We received your suggestion on “Shame & Guilt: “Self””"


def test_staff_without_the_editor_permission_cannot_publish(client, editor, accepted):
    draft = _changed_draft(editor, accepted)
    client.force_login(make_staff("staff-no-queue"))
    assert client.post(f"/editors/drafts/{draft.pk}/publish/").status_code == 403
