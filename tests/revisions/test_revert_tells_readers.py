"""Going back to an earlier version is confirmed with a reason, and readers whose published suggestions it
takes back are told."""

import pytest

from articles.models import Article
from revisions import services
from revisions.models import OutboundEmail, SuggestionEvent
from revisions.tokens import status_token
from tests.factories import make_editor, make_suggestion

pytestmark = pytest.mark.django_db

LLM_SENTENCE = (
    "Because it is a transdiagnostic process variable, it functions both as an outcome to cultivate and as a "
    "presumed mechanism of change across several evidence-based treatments [LLM]."
)
CITED = LLM_SENTENCE.replace("[LLM].", "[1].")


def _url(path):
    return f"http://testserver{path}"


@pytest.fixture
def editor():
    return make_editor()


@pytest.fixture
def published_suggestion(editor, seed_article):
    """A reader's suggestion, drafted, approved by them and published as version 1.1."""
    suggestion = make_suggestion(seed_article)
    services.suggestion_assign(suggestion=suggestion, editor=editor)
    services.suggestion_accept(suggestion=suggestion, editor=editor)
    draft = services.draft_start(editor=editor, article=seed_article, suggestion=suggestion)
    draft = services.draft_save(
        draft=draft, editor=editor, text=draft.text.replace(LLM_SENTENCE, CITED), summary="Cited it."
    )
    services.draft_send_for_approval(draft=draft, editor=editor, build_url=_url)
    draft.refresh_from_db()
    draft = services.draft_decide(draft=draft, approve=True)
    services.draft_publish(draft=draft, editor=editor, build_url=_url)
    assert Article.objects.get(pk=seed_article.pk).version == "1.1"
    return suggestion


def test_the_confirmation_names_what_it_takes_back_and_publishes_nothing(
    client, editor, seed_article, published_suggestion
):
    client.force_login(editor)
    response = client.get(f"/articles/{seed_article.slug}/revert/?version=1.0")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Publish the text of version 1.0 again?" in html
    assert "Version 1.1" in html and "Cited it." in html
    assert f"credited to {published_suggestion.public_credit}" in html
    assert "compare/?from=1.1&amp;to=1.0" in html
    assert Article.objects.get(pk=seed_article.pk).version == "1.1"


def test_going_back_without_a_reason_is_refused_and_keeps_what_was_typed(
    client, editor, seed_article, published_suggestion
):
    client.force_login(editor)
    response = client.post(f"/articles/{seed_article.slug}/revert/", {"version": "1.0", "reason": "   "})
    assert response.status_code == 400
    assert "Say why the article goes back" in response.content.decode()
    assert Article.objects.get(pk=seed_article.pk).version == "1.1"
    too_long = "x" * 251
    response = client.post(f"/articles/{seed_article.slug}/revert/", {"version": "1.0", "reason": too_long})
    html = response.content.decode()
    assert response.status_code == 400 and "251 characters" in html and too_long in html
    assert Article.objects.get(pk=seed_article.pk).version == "1.1"
    assert not SuggestionEvent.objects.filter(action=SuggestionEvent.Action.REVERTED).exists()


@pytest.mark.parametrize("reason", ["Back to the old wording\x01 (synthetic).", "Back\x00 to it."])
def test_a_reason_with_control_characters_is_refused_and_the_feeds_stay_readable(
    client, editor, seed_article, published_suggestion, reason
):
    client.force_login(editor)
    response = client.post(f"/articles/{seed_article.slug}/revert/", {"version": "1.0", "reason": reason})
    assert response.status_code == 400 and "invisible control characters" in response.content.decode()
    assert Article.objects.get(pk=seed_article.pk).version == "1.1"
    for feed in ("/feeds/versions/", f"/articles/{seed_article.slug}/feed/"):
        assert client.get(feed).status_code == 200


def test_a_control_character_already_in_the_history_does_not_break_the_feeds(client, seed_article):
    seed_article.versions.update(summary="Imported\x01 long ago (synthetic).")
    for feed in ("/feeds/versions/", f"/articles/{seed_article.slug}/feed/"):
        response = client.get(feed)
        assert response.status_code == 200 and "Imported\ufffd long ago" in response.content.decode()


def test_the_reader_whose_change_is_taken_back_is_told_why(client, editor, seed_article, published_suggestion):
    client.force_login(editor)
    reason = "The cited trial was about adolescents, not adults; back to the model-written wording until checked."
    response = client.post(f"/articles/{seed_article.slug}/revert/", {"version": "1.0", "reason": reason})
    assert response.status_code == 302
    article = Article.objects.get(pk=seed_article.pk)
    assert article.version == "1.2"
    assert article.versions.get(minor=2).summary == f"Reverted to version 1.0: {reason}"
    event = published_suggestion.events.get(action=SuggestionEvent.Action.REVERTED)
    assert event.actor == editor and reason in event.message and "taking back version 1.1" in event.message
    email = OutboundEmail.objects.get(suggestion=published_suggestion, subject__contains="taken back")
    assert email.to == published_suggestion.email and reason in email.body and "from=1.0&to=1.2" in email.body
    client.logout()
    status_page = client.get(f"/suggestions/{status_token(published_suggestion)}/").content.decode()
    assert "which takes your change back" in status_page and "back to the model-written wording" in status_page
    history = client.get(f"/articles/{seed_article.slug}/history/").content.decode()
    assert "back to the model-written wording" in history
