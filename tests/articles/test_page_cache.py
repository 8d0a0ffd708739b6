"""Readers with nothing personal on the page share one copy of it, which any HTTP cache may keep too.

These go through Django's test client, so they see the view; articles/test_shared_pages.py goes through
the WSGI application and its cache in front of Django."""

import os

import pytest
from django.test import Client

from articles.importing import article_import
from tests.factories import make_article, make_article_data, make_staff

pytestmark = pytest.mark.django_db


def test_a_second_reader_is_served_with_one_small_query_and_nothing_personal(django_assert_num_queries):
    article = make_article()
    Client().get(article.get_absolute_url())
    with django_assert_num_queries(1):  # the article's content revision and vote count: the copy's key
        response = Client().get(article.get_absolute_url())
    html = response.content.decode()
    assert "Synthetic claim 0 of section 0" in html
    assert "csrfmiddlewaretoken" not in html and "Set-Cookie" not in str(response.cookies)
    assert response["Cache-Control"] == "public, max-age=0, s-maxage=1" and response["ETag"]
    assert response["Vary"] == "Cookie"


def test_a_vote_from_the_shared_page_counts_when_the_browser_says_it_comes_from_this_site():
    article = make_article()
    reader = Client(enforce_csrf_checks=True)
    reader.get(article.get_absolute_url())
    assert reader.post(f"/articles/{article.slug}/upvote/", HTTP_SEC_FETCH_SITE="same-origin").status_code == 302
    other = Client(enforce_csrf_checks=True)
    assert other.post(f"/articles/{article.slug}/upvote/", HTTP_ORIGIN="http://testserver").status_code == 302
    article.refresh_from_db()
    assert article.upvotes == 2


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_ORIGIN": "https://attacker.example"},
        {"HTTP_ORIGIN": "null"},
        {},  # a browser that says nothing must send the token
    ],
)
def test_a_forged_vote_or_suggestion_from_another_site_is_refused(headers):
    from revisions.models import Suggestion
    from tests.factories import suggestion_post_data

    article = make_article()
    forger = Client(enforce_csrf_checks=True)
    assert forger.post(f"/articles/{article.slug}/upvote/", **headers).status_code == 403
    assert forger.post(f"/articles/{article.slug}/suggest/", suggestion_post_data(), **headers).status_code == 403
    article.refresh_from_db()
    assert article.upvotes == 0 and not Suggestion.objects.exists()


def test_a_reader_whose_copy_is_current_gets_not_modified(django_assert_num_queries):
    data = make_article_data()
    article, _ = article_import(data=data)
    etag = Client().get(article.get_absolute_url())["ETag"]
    with django_assert_num_queries(1):
        response = Client().get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304 and response["ETag"] == etag
    data["lead"] = "A freshly edited synthetic lead."
    article_import(data=data)
    response = Client().get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and response["ETag"] != etag
    assert "A freshly edited synthetic lead." in response.content.decode()


def test_each_llm_mode_is_cached_separately():
    article = make_article()
    Client().get(article.get_absolute_url(), {"llm": "hide"})
    html = Client().get(article.get_absolute_url(), {"llm": "highlight"}).content.decode()
    assert 'class="article llm-highlight"' in html


def test_a_publish_reaches_every_reader_at_once():
    data = make_article_data()
    article, _ = article_import(data=data)
    Client().get(article.get_absolute_url())
    data["lead"] = "A freshly edited synthetic lead."
    article_import(data=data)
    # Nothing was cleared: the new content revision is a new key, so the old copy is never asked for.
    assert "A freshly edited synthetic lead." in Client().get(article.get_absolute_url()).content.decode()


def test_a_vote_refreshes_the_count_for_everyone():
    article = make_article()
    Client().get(article.get_absolute_url())
    Client().post(f"/articles/{article.slug}/upvote/")
    html = Client().get(article.get_absolute_url()).content.decode()
    assert "<span data-upvote-count>1</span> upvote</span>" in html


def test_staff_and_voters_get_a_fresh_page(client, django_assert_max_num_queries):
    article = make_article()
    Client().get(article.get_absolute_url())
    client.post(f"/articles/{article.slug}/upvote/")
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'aria-pressed="true"' in html  # this browser's vote shows, which no shared copy could
    staff = Client()
    staff.force_login(make_staff())
    draft = make_article(status="draft")
    assert staff.get(draft.get_absolute_url()).status_code == 200
    assert Client().get(draft.get_absolute_url()).status_code == 404


def test_the_stored_reader_page_costs_one_query(django_assert_num_queries):
    article = make_article()
    with django_assert_num_queries(1):  # the revision, the vote count and the stored page, together
        response = Client().get(article.get_absolute_url())
    assert response.status_code == 200 and "<span data-upvote-count>0</span> upvotes" in response.content.decode()


def test_a_signed_in_persons_page_is_never_shared(client):
    article = make_article()
    client.force_login(make_staff("editor-lou"))
    response = client.get(article.get_absolute_url())
    assert 'href="/admin/"' in response.content.decode()  # personal: only staff see the admin link
    assert response["Cache-Control"] == "private, no-cache" and "ETag" not in response
    assert 'href="/admin/"' not in Client().get(article.get_absolute_url()).content.decode()


def test_an_unknown_llm_mode_shares_the_default_copy():
    article = make_article()
    odd = Client().get(article.get_absolute_url(), {"llm": "zzz1"})
    assert odd["ETag"] == Client().get(article.get_absolute_url())["ETag"] and odd["ETag"].endswith('-show"')


def test_the_suggestion_form_on_the_shared_page_posts_without_a_token():
    from revisions.models import Suggestion
    from tests.factories import suggestion_post_data

    article = make_article()
    Client().get(article.get_absolute_url())
    reader = Client(enforce_csrf_checks=True)
    html = reader.get(article.get_absolute_url()).content.decode()
    assert 'id="suggest"' in html and "csrfmiddlewaretoken" not in html
    response = reader.post(
        f"/articles/{article.slug}/suggest/", suggestion_post_data(), HTTP_SEC_FETCH_SITE="same-origin"
    )
    assert response.status_code == 302 and Suggestion.objects.count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "backend",
    [
        {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        {
            "BACKEND": "ops.cache.FailSoftRedisCache",
            "LOCATION": os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/4"),
        },
    ],
    ids=["per-process", "redis"],
)
def test_after_a_publish_returns_no_reader_gets_the_old_page(settings, backend):
    from django.core.cache import caches

    from tests.wsgi_client import wsgi_get

    settings.CACHES = {"default": {**backend, "KEY_PREFIX": "freshness-test"}}
    caches["default"].clear()
    data = make_article_data()
    article, _ = article_import(data=data)
    unit = data["sections"][1]["blocks"][0]["units"][0]
    old_text = unit["text"]
    for mode in ("", "llm=highlight", "llm=hide"):
        assert old_text in wsgi_get(article.get_absolute_url(), mode).body
        assert wsgi_get(article.get_absolute_url(), mode).body == wsgi_get(article.get_absolute_url(), mode).body
    unit["text"] = "A republished synthetic claim"
    article_import(data=data)
    for mode in ("", "llm=highlight", "llm=hide"):
        body = wsgi_get(article.get_absolute_url(), mode).body
        assert "A republished synthetic claim" in body and old_text not in body
    caches["default"].clear()
