"""One-line fields refuse line breaks and direction-changing characters, with a clear message, and
nothing is saved: a name reaches an email's greeting and the public history."""

import pytest

from articles.models import ArticleVersion
from revisions import services
from revisions.models import OutboundEmail, Suggestion
from tests.factories import make_article, make_editor, make_suggestion, suggestion_post_data

pytestmark = pytest.mark.django_db

LINE_BREAKS = ["Alex\r\nBcc: someone@example.org", "Alex\nExample", "Alex\u2028Example", "Alex\x85Example"]
BIDI = ["\u202eelpmaxE xelA", "Alex \u2066Example\u2069", "Alex\u200fExample", "\u061cAlex"]


@pytest.mark.parametrize("name", LINE_BREAKS)
def test_a_name_with_a_line_break_is_refused(client, name):
    article = make_article()
    response = client.post(f"/articles/{article.slug}/suggest/", suggestion_post_data(name=name))
    assert response.status_code == 400
    assert "Write this on one line" in response.content.decode()
    assert not Suggestion.objects.exists() and not OutboundEmail.objects.exists()


@pytest.mark.parametrize("name", BIDI)
def test_a_name_with_bidirectional_controls_is_refused(client, name):
    article = make_article()
    response = client.post(f"/articles/{article.slug}/suggest/", suggestion_post_data(name=name))
    assert response.status_code == 400
    assert "change the direction of text" in response.content.decode()
    assert not Suggestion.objects.exists()


def test_right_to_left_names_themselves_are_welcome(client):
    article = make_article()
    response = client.post(f"/articles/{article.slug}/suggest/", suggestion_post_data(name="סתם דוגמה"))
    assert response.status_code == 302 and Suggestion.objects.get().name == "סתם דוגמה"


@pytest.mark.parametrize("summary", ["Reworded\u202e a claim", "Reworded\na claim"])
def test_a_draft_summary_for_the_public_history_is_one_plain_line(client, summary):
    editor = make_editor()
    suggestion = make_suggestion(make_article())
    services.suggestion_assign(suggestion=suggestion, editor=editor)
    services.suggestion_accept(suggestion=suggestion, editor=editor)
    draft = services.draft_start(editor=editor, article=suggestion.article, suggestion=suggestion)
    client.force_login(editor)
    changed = draft.text.replace("Synthetic claim 0 of section 0", "Synthetic claim zero of section 0")
    response = client.post(draft.get_absolute_url(), {"text": changed, "summary": summary, "seen": ""})
    assert response.status_code == 400 and "Not saved" in response.content.decode()
    draft.refresh_from_db()
    assert draft.summary == "" and "Synthetic claim zero" not in draft.text
    assert not ArticleVersion.objects.filter(summary=summary).exists()
