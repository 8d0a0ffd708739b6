"""What an editor or a submitter types into a refused form comes back whole in its box with what to correct:
nothing is cut short by the browser (no maxlength) or lost to a redirect."""

import html
import re

import pytest

from revisions import services
from revisions.models import SourceAlert, Status
from tests.factories import make_article, make_editor, make_suggestion
from tests.factories import source_retract as retract
from tests.revisions.test_submitter_links import _review, _sent

pytestmark = pytest.mark.django_db

LONG = "A synthetic remark about the wording of this sentence, repeated to be long. " * 60  # 4,560 characters


def _box(page, box_id):
    """The text inside the text area with this id, as a browser shows it (one leading newline dropped)."""
    found = re.search(rf'<textarea id="{box_id}"[^>]*>(.*?)</textarea>', page, re.S)
    assert found, f"no text area {box_id}"
    return html.unescape(found.group(1).removeprefix("\n"))


@pytest.fixture
def editor(client):
    editor = make_editor()
    client.force_login(editor)
    return editor


@pytest.mark.parametrize(
    "action, box_id", [("ask", "ask-message"), ("reject", "reject-message"), ("accept", "accept-note")]
)
def test_an_editors_over_long_message_comes_back_whole_with_the_figures(client, editor, action, box_id):
    suggestion = make_suggestion(make_article())
    events = suggestion.events.count()
    response = client.post(f"/editors/queue/{suggestion.pk}/{action}/", {"message": LONG, "take": "me"})
    assert response.status_code == 400
    page = response.content.decode()
    assert _box(page, box_id) == LONG
    assert "This is 4,560 characters; the limit is 4,000 — please shorten it by 560." in page
    assert 'aria-describedby="{}-errors"'.format(box_id) in page
    suggestion.refresh_from_db()
    assert suggestion.status == Status.NEW and suggestion.assigned_to is None
    assert suggestion.events.count() == events


@pytest.mark.parametrize("action", ["reject", "accept", "ask"])
def test_a_message_for_a_suggestion_closed_meanwhile_comes_back_to_copy(client, editor, action):
    """Another editor rejected the suggestion while this one was writing: the action is refused, its form is
    gone from the page, and what was typed is still there to copy."""
    suggestion = make_suggestion(make_article())
    colleague = make_editor(username="colleague-editor")
    services.suggestion_assign(suggestion=suggestion, editor=colleague)
    services.suggestion_reject(
        suggestion=suggestion, editor=colleague, reason="Out of scope (synthetic).", build_url=lambda path: path
    )
    typed = "A synthetic reason the editor spent a while writing: KEEP THIS."
    response = client.post(f"/editors/queue/{suggestion.pk}/{action}/", {"message": typed})
    assert response.status_code == 400
    page = response.content.decode()
    assert _box(page, "kept-message") == typed
    assert 'id="reject-message"' not in page and 'id="accept-note"' not in page


def test_an_empty_question_is_refused_in_words(client, editor):
    suggestion = make_suggestion(make_article())
    response = client.post(f"/editors/queue/{suggestion.pk}/ask/", {"message": "   "})
    assert response.status_code == 400
    assert "Write something first: this is empty." in response.content.decode()


def test_no_editor_or_submitter_text_area_cuts_a_paste_short(client, editor, seed_article):
    suggestion = make_suggestion(seed_article)
    page = client.get(f"/editors/queue/{suggestion.pk}/").content.decode()
    assert "<textarea" in page and "maxlength" not in page.split('id="actions-heading"', 1)[1]


def test_a_submitters_comment_refused_for_phi_comes_back_in_its_box(client, seed_article):
    editor = make_editor()
    suggestion = make_suggestion(seed_article)
    services.suggestion_assign(suggestion=suggestion, editor=editor)
    draft = _sent(editor, services.suggestion_accept(suggestion=suggestion, editor=editor))
    comment = "Closer, but my client Jane Example (DOB 02/03/1980) read it differently; please say why."
    response = _review(client, draft, decision="decline", comment=comment)
    page = response.content.decode()
    assert response.status_code == 200 and _box(page, "decline-comment") == comment
    assert 'class="field__errors" id="decline-comment-errors"' in page
    draft.refresh_from_db()
    assert draft.state == "awaiting_approval"

    long = "Please keep the original citation beside the new one. " * 80  # 4,320 characters
    page = _review(client, draft, decision="decline", comment=long).content.decode()
    assert _box(page, "decline-comment") == long and "please shorten it by 320." in page
    assert "maxlength" not in page.split('id="decline-comment"', 1)[1].split(">", 1)[0]


def test_a_resolving_note_over_the_limit_comes_back_whole(client, admin_client, editor, seed_article):
    from sources.models import Source

    retract(admin_client, Source.objects.get(title="Self-compassion"))
    alert = SourceAlert.objects.get()
    response = client.post(f"/editors/queue/alerts/{alert.pk}/resolve/", {"message": LONG})
    assert response.status_code == 400 and _box(response.content.decode(), "resolve-note") == LONG
    alert.refresh_from_db()
    assert alert.is_open
