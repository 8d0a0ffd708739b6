"""Readers with nothing personal on the page share a cached copy, with their own CSRF token."""

import re

import pytest
from django.test import Client

from articles.services import article_render
from tests.factories import make_article, make_staff

pytestmark = pytest.mark.django_db


def _token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_a_second_reader_is_served_without_queries_and_with_their_own_token(django_assert_num_queries):
    article = make_article()
    first = Client(enforce_csrf_checks=True)
    first.get(article.get_absolute_url())
    second = Client(enforce_csrf_checks=True)
    with django_assert_num_queries(0):
        response = second.get(article.get_absolute_url())
    html = response.content.decode()
    assert "Synthetic claim 0 of section 0" in html
    assert "csrf-token-placeholder" not in html
    # The cached copy carries this reader's token, so their vote passes the CSRF check.
    vote = second.post(f"/articles/{article.slug}/upvote/", {"csrfmiddlewaretoken": _token(html)})
    assert vote.status_code == 302
    article.refresh_from_db()
    assert article.upvotes == 1


def test_each_llm_mode_is_cached_separately():
    article = make_article()
    Client().get(article.get_absolute_url(), {"llm": "hide"})
    html = Client().get(article.get_absolute_url(), {"llm": "highlight"}).content.decode()
    assert 'class="article llm-highlight"' in html


def test_a_content_change_reaches_readers_once_committed(django_capture_on_commit_callbacks):
    article = make_article()
    Client().get(article.get_absolute_url())
    article.lead = "A freshly edited synthetic lead."
    article.save()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        article_render(article_ids=[article.pk])
    # Until the change commits, readers keep the page as it was; then the cached copy goes.
    assert "A freshly edited synthetic lead." not in Client().get(article.get_absolute_url()).content.decode()
    for callback in callbacks:
        callback()
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


def test_the_cache_can_be_switched_off(settings, django_assert_num_queries):
    settings.ARTICLE_PAGE_CACHE_SECONDS = 0
    article = make_article()
    Client().get(article.get_absolute_url())
    with django_assert_num_queries(1):
        assert Client().get(article.get_absolute_url()).status_code == 200


def test_a_signed_in_persons_page_is_never_shared(client, settings):
    from django.core.cache import cache

    article = make_article()
    client.force_login(make_staff("editor-lou"))
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'href="/admin/"' in html  # personal: only staff see the admin link
    assert cache.get(f"article-page:{article.slug}:show") is None
    assert 'href="/admin/"' not in Client().get(article.get_absolute_url()).content.decode()


def test_an_unknown_llm_mode_shares_the_default_copy():
    from django.core.cache import cache

    article = make_article()
    Client().get(article.get_absolute_url(), {"llm": "zzz1"})
    assert cache.get(f"article-page:{article.slug}:zzz1") is None
    assert cache.get(f"article-page:{article.slug}:show") is not None


def test_the_suggestion_form_on_a_cached_page_carries_the_readers_own_token():
    article = make_article()
    Client(enforce_csrf_checks=True).get(article.get_absolute_url())
    reader = Client(enforce_csrf_checks=True)
    html = reader.get(article.get_absolute_url()).content.decode()
    box = html.split('id="suggest"', 1)[1]
    from tests.factories import suggestion_post_data

    response = reader.post(
        f"/articles/{article.slug}/suggest/", {**suggestion_post_data(), "csrfmiddlewaretoken": _token(box)}
    )
    assert response.status_code == 302
