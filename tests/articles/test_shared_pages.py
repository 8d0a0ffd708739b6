"""The shared article page served ahead of Django's middleware (articles/shared_pages.py), through the WSGI
application gunicorn runs: the same bytes and headers Django gave, one small query, never an old page."""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.importing import article_import
from tests.factories import make_article, make_article_data
from tests.wsgi_client import wsgi_get

pytestmark = pytest.mark.django_db(transaction=True)


def _get(path, query="", **headers):
    answer = wsgi_get(path, query, **headers)
    return answer.status, answer.headers, answer.body


def test_the_second_reader_gets_djangos_page_and_headers_for_one_small_query():
    article = make_article()
    first = _get(article.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        second = _get(article.get_absolute_url())
    assert len(queries) == 1 and "content_revision" in queries[0]["sql"]
    assert second[0] == "200 OK" and second[2] == first[2] and "Synthetic claim 0" in second[2]
    for header in ("Content-Security-Policy", "Permissions-Policy", "X-Content-Type-Options", "ETag", "Cache-Control"):
        assert second[1][header] == first[1][header], header
    assert second[1]["X-Request-ID"] != first[1]["X-Request-ID"]


def test_a_publish_or_a_vote_is_served_at_once():
    data = make_article_data()
    article, _ = article_import(data=data)
    _get(article.get_absolute_url())
    data["lead"] = "A freshly republished synthetic lead."
    article_import(data=data)
    assert "A freshly republished synthetic lead." in _get(article.get_absolute_url())[2]
    from articles.services import article_upvote

    article_upvote(article=article, voter_token="synthetic-voter")
    assert "<span data-upvote-count>1</span> upvote</span>" in _get(article.get_absolute_url())[2]


def test_a_current_copy_gets_not_modified_and_other_modes_their_own_page():
    article = make_article()
    status, headers, _ = _get(article.get_absolute_url())
    assert _get(article.get_absolute_url(), If_None_Match=headers["ETag"])[0] == "304 Not Modified"
    hidden = _get(article.get_absolute_url(), "llm=hide")
    assert hidden[0] == "200 OK" and 'class="article llm-hide"' in hidden[2]
    assert _get(article.get_absolute_url(), "llm=hide")[2] == hidden[2]


# The last two beside a cookie Python's own parser gives up on, which hid the session from an earlier check.
@pytest.mark.parametrize(
    "cookie",
    ["sessionid=abc", "wiki_voter=abc", "messages=abc", "theme=dark mode; sessionid=abc", 'pref="a b; wiki_voter=abc'],
)
def test_a_reader_with_something_personal_is_never_served_the_shared_copy(cookie):
    article = make_article()
    _get(article.get_absolute_url())
    status, headers, _ = _get(article.get_absolute_url(), Cookie=cookie)
    assert status == "200 OK" and headers["Cache-Control"] == "private, no-cache"  # rendered for them by Django
    assert "ETag" not in headers


def test_while_the_database_is_down_the_last_shared_copy_is_served(monkeypatch):
    article = make_article()
    served = _get(article.get_absolute_url())[2]

    def refuse(*args, **kwargs):
        raise connection.Database.OperationalError("connection refused (the database is stopped)")

    monkeypatch.setattr(connection, "get_new_connection", refuse)
    monkeypatch.setattr(connection, "create_cursor", refuse)
    connection.close()
    status, _, body = _get(article.get_absolute_url())
    assert status == "200 OK" and body == served
    status, headers, body = _get("/articles/no-such-article-cached/")
    assert status.startswith("503") and headers["Retry-After"] == "30"


def test_a_connection_dropped_while_the_database_is_up_is_replaced_not_answered_from_the_kept_page(monkeypatch):
    data = make_article_data()
    article, _ = article_import(data=data)
    _get(article.get_absolute_url())  # kept
    data["lead"] = "A synthetic lead published after the kept copy."
    article_import(data=data)
    real_create_cursor = connection.create_cursor
    failures = []

    def dropped_once(*args, **kwargs):
        if not failures:
            failures.append("dropped")
            raise connection.Database.OperationalError("server closed the connection unexpectedly")
        return real_create_cursor(*args, **kwargs)

    monkeypatch.setattr(connection, "create_cursor", dropped_once)
    status, _, body = _get(article.get_absolute_url())
    assert failures and status == "200 OK"
    assert "A synthetic lead published after the kept copy." in body


def _expiry(headers):
    value = headers["X-Accel-Expires"]
    assert value.startswith("@"), value
    return int(value[1:])


def test_the_proxy_is_told_to_keep_the_page_no_longer_than_its_s_maxage_in_whole_seconds(settings):
    settings.ARTICLE_SHARED_CACHE_SECONDS = 1
    article = make_article()
    before = int(time.time())
    first = _get(article.get_absolute_url())  # rendered by Django
    second = _get(article.get_absolute_url())  # the kept copy, replayed
    not_modified = _get(article.get_absolute_url(), If_None_Match=first[1]["ETag"])
    after = int(time.time())
    # nginx keeps a copy while its clock's whole second is at most this one: to the end of the current second.
    for answer in (first, second, not_modified):
        assert before <= _expiry(answer[1]) <= after
    settings.ARTICLE_SHARED_CACHE_SECONDS = 0
    assert "X-Accel-Expires" not in _get(article.get_absolute_url())[1]


@pytest.mark.parametrize("host", ["evil.example", "testserver.evil.example", "bad host"])
def test_a_host_the_site_does_not_serve_gets_djangos_400_and_not_the_kept_page(host):
    article = make_article()
    assert _get(article.get_absolute_url())[0] == "200 OK"  # the page is now kept for readers
    assert _get(article.get_absolute_url())[0] == "200 OK"
    assert _get(article.get_absolute_url(), Host=host)[0].startswith("400")
