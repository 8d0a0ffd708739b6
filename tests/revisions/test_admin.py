"""Admins read suggestions, their trail and drafts with every saved state, and change none of them there."""

import pytest

from revisions import services
from tests.factories import make_editor, make_suggestion

pytestmark = pytest.mark.django_db


def test_a_suggestion_and_its_trail_are_readable_and_read_only(admin_client, seed_article):
    suggestion = make_suggestion(seed_article)
    html = admin_client.get(f"/admin/revisions/suggestion/{suggestion.pk}/change/").content.decode()
    assert "The synthetic trial found a smaller effect" in html and "Submitted" in html
    assert 'name="_save"' not in html
    response = admin_client.post(f"/admin/revisions/suggestion/{suggestion.pk}/change/", {"status": "rejected"})
    assert response.status_code == 403
    suggestion.refresh_from_db()
    assert suggestion.status == "new"


def test_a_held_suggestions_text_stays_masked_in_the_admin(admin_client, seed_article):
    suggestion = make_suggestion(seed_article, note="Pacemaker serial no. PM-7730291 was noted in the letter.")
    assert suggestion.on_phi_hold
    html = admin_client.get(f"/admin/revisions/suggestion/{suggestion.pk}/change/").content.decode()
    assert "PM-7730291" not in html


def test_a_drafts_every_save_is_in_its_admin_history(admin_client, seed_article):
    editor = make_editor()
    draft = services.draft_start(editor=editor, article=seed_article)
    services.draft_save(draft=draft, editor=editor, text=draft.text.replace("[LLM].", "[1].", 1), summary="First.")
    services.draft_save(draft=draft, editor=editor, text=draft.text.replace("[LLM].", "[2].", 1), summary="Second.")
    html = admin_client.get(f"/admin/revisions/draft/{draft.pk}/history/").content.decode()
    assert html.count("Changed") >= 2
    assert admin_client.post(f"/admin/revisions/draft/{draft.pk}/change/", {"state": "published"}).status_code == 403
