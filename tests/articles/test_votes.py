import json

import pytest

from articles.models import Vote
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def _upvote_url(article):
    return f"/articles/{article.slug}/upvote/"


def test_it_rejects_get(client):
    assert client.get(_upvote_url(make_article())).status_code == 405


def test_it_requires_csrf(client):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    article = make_article()
    assert strict.post(_upvote_url(article)).status_code == 403
    article.refresh_from_db()
    assert article.upvotes == 0


def test_one_vote_per_browser(client):
    article = make_article()
    first = client.post(_upvote_url(article))
    # Back at the button, so keyboard users carry on where they were.
    assert first.status_code == 302 and first["Location"] == f"{article.get_absolute_url()}#upvote"
    client.post(_upvote_url(article))
    article.refresh_from_db()
    assert article.upvotes == 1
    assert Vote.objects.filter(article=article).count() == 1


def test_another_browser_counts_separately(client):
    from django.test import Client

    article = make_article()
    client.post(_upvote_url(article))
    Client().post(_upvote_url(article))
    article.refresh_from_db()
    assert article.upvotes == 2


def test_the_page_shows_the_new_count_and_that_this_browser_voted(client):
    article = make_article()
    client.post(_upvote_url(article))
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<span data-upvote-count>1</span> upvote</span>" in html
    assert 'aria-pressed="true"' in html and "Upvoted" in html


def test_json_upvote_reports_the_count(client):
    article = make_article()
    response = client.post(_upvote_url(article), HTTP_ACCEPT="application/json")
    assert json.loads(response.content) == {"upvotes": 1, "counted": True, "voted": True}
    again = client.post(_upvote_url(article), HTTP_ACCEPT="application/json")
    assert json.loads(again.content) == {"upvotes": 1, "counted": False, "voted": True}


def test_a_tampered_voter_cookie_is_treated_as_a_new_browser(client):
    article = make_article()
    client.post(_upvote_url(article))
    client.cookies["wiki_voter"] = "forged-value"
    client.post(_upvote_url(article))
    article.refresh_from_db()
    assert article.upvotes == 2  # the forged cookie is ignored; it cannot reuse or erase another vote
    assert Vote.objects.filter(article=article).count() == 2


def test_drafts_cannot_be_upvoted_by_readers(client):
    draft = make_article(status="draft")
    assert client.post(_upvote_url(draft)).status_code == 404


def test_cookie_less_upvotes_from_one_address_are_rate_limited(settings):
    from django.test import Client

    settings.UPVOTE_RATE_LIMITS = [(3, 3600)]
    article = make_article()
    statuses = [Client().post(_upvote_url(article)).status_code for _ in range(5)]
    assert statuses == [302, 302, 302, 429, 429]
    article.refresh_from_db()
    assert article.upvotes == 3
    refused = Client().post(_upvote_url(article), HTTP_ACCEPT="application/json")
    assert refused.status_code == 429 and "try again later" in refused.json()["error"]
    assert Client().post(_upvote_url(article), REMOTE_ADDR="192.0.2.9").status_code == 302  # another address


def test_a_voted_button_stays_focusable(client):
    article = make_article()
    client.post(_upvote_url(article))
    html = client.get(article.get_absolute_url()).content.decode()
    button = html.split('<button type="submit" class="upvote__button"', 1)[1].split(">", 1)[0]
    assert 'aria-disabled="true"' in button and "disabled" not in button.replace("aria-disabled", "")
