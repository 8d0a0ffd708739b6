"""With the database or the cache unreachable the site degrades: a branded 503 with Retry-After, the
suggestion form kept as typed, pages served uncached, rate limits per process; never a 500."""

import logging
import os
import socket
import urllib.parse
import uuid

import pytest
from django.db import OperationalError, connection

from tests.factories import make_article, make_editor, suggestion_post_data
from tests.site_tour import build_tour
from tests.tcp_proxy import TcpProxy

TEST_REDIS = urllib.parse.urlsplit(os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/4"))

pytestmark = pytest.mark.django_db(transaction=True)


def _closed_port():
    """A loopback port nothing listens on: connecting is refused at once."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def take_database_down(monkeypatch):
    """Calling it makes every new connection and query fail as with the server stopped."""

    def refuse(*args, **kwargs):
        raise connection.Database.OperationalError("connection refused (the database is stopped)")

    def down():
        monkeypatch.setattr(connection, "get_new_connection", refuse)
        monkeypatch.setattr(connection, "create_cursor", refuse)

    return down


def _assert_unavailable(response, where):
    assert response.status_code == 503, where
    assert response["Retry-After"] == "30", where
    html = response.content.decode()
    assert "The wiki is briefly unavailable" in html and "Go to the list of articles" in html, where
    assert 'href="/static/css/wiki.css"' in html, where  # the site's own chrome, not a bare error


def test_every_page_answers_a_branded_503_while_the_database_is_down(client, take_database_down):
    tour = build_tour()
    editor_client = type(client)()
    editor_client.force_login(tour.editor_user)
    client.cookies["wiki_voter"] = "any"  # a reader with a cookie never gets the shared cached copy
    take_database_down()
    for name, path in tour.public.items():
        if name in ("invalid link", "not found", "sign-in"):
            continue  # need no database: checked below
        _assert_unavailable(client.get(path), name)
    for name, path in tour.editor.items():
        _assert_unavailable(editor_client.get(path), name)
    _assert_unavailable(client.get(f"/articles/{tour.article.slug}.json"), "json")
    _assert_unavailable(client.post(f"/articles/{tour.article.slug}/upvote/"), "upvote")
    assert client.get("/no-such-page/").status_code == 404
    assert client.get("/accounts/login/").status_code == 200


def test_a_suggestion_sent_during_an_outage_comes_back_filled_in(client, take_database_down):
    article = make_article()
    client.get(article.get_absolute_url())
    take_database_down()
    typed = suggestion_post_data(
        target="u12",
        proposed_text="A synthetic correction typed during an outage.",
        note="A synthetic note <b>kept</b> as typed.",
        credit="full_name",
        wants_approval="",
    )
    del typed["wants_approval"]  # an unticked box is not sent
    response = client.post(f"/articles/{article.slug}/suggest/", typed)
    html = response.content.decode()
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert "Not saved" in html and "send it again" in html
    assert "A synthetic correction typed during an outage.</textarea>" in html
    assert "A synthetic note &lt;b&gt;kept&lt;/b&gt; as typed." in html
    assert 'value="Alex Example"' in html and 'value="alex@example.org"' in html
    assert 'name="target" value="u12"' in html
    assert 'value="full_name" id="id_credit_0" required checked' in html
    assert 'value="factual_error" id="id_category_0" required checked' in html
    assert '<input type="checkbox" name="wants_approval" id="id_wants_approval">' in html
    assert '<input type="checkbox" name="attested_no_phi" required id="id_attested_no_phi" checked>' in html
    assert f'action="/articles/{article.slug}/suggest/"' in html


def test_health_says_alive_and_readiness_says_the_database_is_down(client, take_database_down):
    assert client.get("/readyz/").json()["status"] == "ok"
    take_database_down()
    assert client.get("/healthz/").status_code == 200
    ready = client.get("/readyz/")
    assert ready.status_code == 503 and ready["Retry-After"] == "30"
    checks = ready.json()["checks"]
    assert checks["database"]["ok"] is False and checks["database"]["ms"] >= 0
    assert checks["cache"]["ok"] is True


def test_a_database_error_outside_a_view_is_a_503_too(client, monkeypatch, settings):
    """A failure after the view, here the session middleware saving the session, reaches the 500 handler,
    which answers 503 too."""
    settings.SESSION_SAVE_EVERY_REQUEST = True
    client.force_login(make_editor())
    client.raise_request_exception = False
    from django.contrib.sessions.backends.db import SessionStore

    def refuse(self, *args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")  # as Django raises it

    monkeypatch.setattr(SessionStore, "save", refuse)
    _assert_unavailable(client.get("/accounts/login/"), "session saved after the view")


# --- the cache -------------------------------------------------------------------------------------


@pytest.fixture
def cache_down(settings):
    settings.CACHES = {
        "default": {"BACKEND": "ops.cache.FailSoftRedisCache", "LOCATION": f"redis://127.0.0.1:{_closed_port()}/4"}
    }
    from django.core.cache import cache

    return cache


def test_pages_are_served_uncached_while_the_cache_is_down(client, cache_down, caplog):
    article = make_article()
    caplog.set_level(logging.WARNING, logger="ops.cache")
    for _ in range(3):
        response = client.get(article.get_absolute_url())
        assert response.status_code == 200 and article.title in response.content.decode()
    assert client.post(f"/articles/{article.slug}/upvote/").status_code == 302
    article.refresh_from_db()
    assert article.upvotes == 1
    assert client.get("/readyz/").json()["status"] == "degraded"
    warnings = [r for r in caplog.records if r.name == "ops.cache"]
    assert len(warnings) == 1 and "Cache unavailable" in warnings[0].getMessage()


def test_rate_limits_still_hold_per_process_while_the_cache_is_down(client, cache_down, settings):
    settings.SUGGESTION_RATE_LIMITS = [(2, 3600)]
    article = make_article()
    url = f"/articles/{article.slug}/suggest/"
    statuses = [
        client.post(url, suggestion_post_data(proposed_text=f"Synthetic change {i}.")).status_code for i in range(3)
    ]
    assert statuses == [302, 302, 429]


def test_a_delete_lost_during_an_outage_is_applied_when_the_cache_returns(monkeypatch):
    """A page cached before an outage cannot outlive a change made while Redis was unreachable."""
    from ops import cache as fail_soft

    monkeypatch.setattr(fail_soft, "RETRY_AFTER_SECONDS", 0.0)
    host, port = TEST_REDIS.hostname, TEST_REDIS.port
    prefix = f"test-lost-deletes-{uuid.uuid4().hex}"
    direct = fail_soft.FailSoftRedisCache(TEST_REDIS.geturl(), {"KEY_PREFIX": prefix})
    proxy = TcpProxy(host, port).start()
    try:
        through_proxy = fail_soft.FailSoftRedisCache(
            f"redis://127.0.0.1:{proxy.port}{TEST_REDIS.path}", {"KEY_PREFIX": prefix}
        )
        through_proxy.set("page", "old copy", 60)
        proxy.cut()
        through_proxy.delete("page")  # the change happens while this process cannot reach Redis
        assert direct.get("page") == "old copy"
        proxy.restore()
        assert through_proxy.get("anything") is None  # Redis answers again: the lost delete is replayed
        assert direct.get("page") is None
    finally:
        proxy.stop()
