"""The submitter's private status page: signed, expiring, revocable; withdraw from it."""

import pytest
from django.core import signing

from revisions.models import Status
from revisions.tokens import STATUS_SALT, status_token
from tests.factories import make_article, make_suggestion

pytestmark = pytest.mark.django_db


@pytest.fixture
def suggestion():
    return make_suggestion(make_article())


def test_the_status_page_shows_where_the_suggestion_stands(client, suggestion):
    response = client.get(f"/suggestions/{status_token(suggestion)}/")
    html = response.content.decode()
    assert response.status_code == 200 and "Status: <strong" in html and "New" in html
    assert "no-store" in response["Cache-Control"]


def test_a_tampered_link_is_refused(client, suggestion):
    token = status_token(suggestion)
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    response = client.get(f"/suggestions/{tampered}/")
    assert response.status_code == 404 and "This link is not valid" in response.content.decode()


def test_a_forged_link_for_another_suggestion_is_refused(client, suggestion):
    forged = signing.dumps([suggestion.pk, "guessed-key"], salt="some-other-salt")
    assert client.get(f"/suggestions/{forged}/").status_code == 404
    wrong_key = signing.dumps([suggestion.pk, "guessed-key"], salt=STATUS_SALT, compress=True)
    assert client.get(f"/suggestions/{wrong_key}/").status_code == 404


def test_an_expired_link_is_refused(client, suggestion, settings):
    token = status_token(suggestion)
    settings.SUGGESTION_LINK_MAX_AGE_DAYS = -1
    assert client.get(f"/suggestions/{token}/").status_code == 404


def test_rotating_the_access_key_revokes_old_links(client, suggestion):
    token = status_token(suggestion)
    suggestion.access_key = "rotated-key-for-test"
    suggestion.save(update_fields=["access_key"])
    assert client.get(f"/suggestions/{token}/").status_code == 404


def test_the_submitter_can_withdraw_once_after_confirming(client, suggestion):
    url = f"/suggestions/{status_token(suggestion)}/"
    asked = client.post(url, {"action": "withdraw"})
    assert "Withdraw your suggestion?" in asked.content.decode()
    suggestion.refresh_from_db()
    assert suggestion.status == Status.NEW  # nothing happens until the submitter confirms
    client.post(url, {"action": "withdraw", "confirm": "yes"})
    suggestion.refresh_from_db()
    assert suggestion.status == Status.WITHDRAWN and suggestion.closed_at
    response = client.post(url, {"action": "withdraw", "confirm": "yes"}, follow=True)
    assert "cannot be withdrawn" in response.content.decode()
    assert suggestion.events.filter(action="withdrawn").count() == 1


def test_the_status_page_never_shows_other_peoples_contact(client, suggestion):
    html = client.get(f"/suggestions/{status_token(suggestion)}/").content.decode()
    assert "alex@example.org" not in html


def test_while_the_editors_wait_on_the_submitter_their_page_says_it_is_their_answer(client, suggestion):
    from revisions import services
    from tests.factories import make_editor

    editor = make_editor()
    services.suggestion_assign(suggestion=suggestion, editor=editor)
    services.suggestion_ask(suggestion=suggestion, editor=editor, question="Which synthetic trial?", build_url=str)
    html = client.get(f"/suggestions/{status_token(suggestion)}/").content.decode()
    assert 'status--awaiting_submitter">Awaiting your answer</strong>' in html
    assert "Awaiting the submitter" not in html  # the editors' wording, about them in the third person
    client.force_login(editor)
    queue = client.get(suggestion.get_absolute_url()).content.decode()
    assert 'status--awaiting_submitter">Awaiting the submitter</span>' in queue  # the editors keep theirs
