"""Two gunicorn instances on two ports share PostgreSQL and Redis, as deploy/ runs them: a publish on
either is seen on both at once (no cached page outlives it), rate limits hold across both, a private
link works on either and reaches no log; a third instance behind loopback proxies loses its database
and its cache and comes back without a single 500."""

import os
import re
import time

import pytest
from django.db import connection

from tests.deploy.cluster import (
    ROOT,
    Browser,
    Site,
    base_env,
    manage,
    nginx_binary,
    own_database,
    start_instance,
    start_nginx,
    take_port,
    text_of,
)
from tests.factories import suggestion_post_data
from tests.tcp_proxy import TcpProxy

pytestmark = pytest.mark.postgresql

SEED = ROOT / "fixtures" / "articles" / "self-compassion.md"
ARTICLE = "/articles/self-compassion/"
SENTENCE = "The three mutually reinforcing components of self-compassion"
REVISED = "The three synthetic, mutually reinforcing components of self-compassion"


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """A database of its own with the seed article, and two instances (two workers each) in front of it."""
    workdir = tmp_path_factory.mktemp("cluster")
    with own_database(connection.settings_dict) as database_url:
        redis_url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/4")
        env = base_env(database_url, redis_url, workdir)
        for args in (("migrate", "--noinput"), ("collectstatic", "--noinput"), ("import_article", str(SEED))):
            done = manage(env, *args)
            assert done.returncode == 0, done.stdout + done.stderr
        taken = set()
        instances = []
        try:
            for _ in range(2):
                instances.append(start_instance(env, take_port(taken), workdir))
            yield {"env": env, "instances": instances, "workdir": workdir, "taken": taken}
        finally:
            for instance in instances:
                instance.stop()


def test_a_publish_is_seen_on_both_instances_at_once(cluster):
    a, b = cluster["instances"]
    reader = Browser()  # no cookies: the reader who gets the shared cached copy
    for instance in (a, b, a, b):
        page = Browser().get(instance, ARTICLE)
        assert page.status == 200 and SENTENCE in page.body and "Version 1.0" in page.body

    changed = cluster["workdir"] / "self-compassion.md"
    changed.write_text(SEED.read_text(encoding="utf-8").replace(SENTENCE, REVISED, 1), encoding="utf-8")
    published = manage(cluster["env"], "import_article", str(changed))
    assert published.returncode == 0, published.stderr

    for instance in (a, b):
        page = reader.get(instance, ARTICLE)
        assert page.status == 200
        assert REVISED in page.body and "Version 1.1" in text_of(page.body), instance.port
        hidden = text_of(Browser().get(instance, f"{ARTICLE}?llm=hide").body)
        assert "Version 1.1" in hidden and "Version 1.0" not in hidden, instance.port


def test_suggestion_limits_hold_across_both_instances(cluster):
    a, b = cluster["instances"]
    reader = Browser(address="192.0.2.10")
    refused = reader.post(a, f"{ARTICLE}suggest/", {"category": "other"})
    assert refused.status == 400  # missing fields: not counted against the suggestions an address may store
    answers = [reader.post((a, b)[i % 2], f"{ARTICLE}suggest/", suggestion_post_data()).status for i in range(10)]
    assert answers == [302] * 10  # ten stored, through each instance in turn
    assert reader.post(a, f"{ARTICLE}suggest/", suggestion_post_data()).status == 429
    assert Browser(address="192.0.2.10").post(b, f"{ARTICLE}suggest/", suggestion_post_data()).status == 429
    assert Browser(address="192.0.2.11").post(b, f"{ARTICLE}suggest/", suggestion_post_data()).status == 302


def test_upvote_limits_hold_across_both_instances(cluster):
    a, b = cluster["instances"]
    # A script that drops the voter cookie each time: every vote from a "new browser".
    address = "192.0.2.30"
    answers = [Browser(address=address).post((a, b)[i % 2], f"{ARTICLE}upvote/", {}).status for i in range(21)]
    assert answers == [302] * 20 + [429]
    assert Browser(address=address).post(a, f"{ARTICLE}upvote/", {}).status == 429
    listing = Browser().get(b, "/").body
    assert "20 upvotes" in listing


def test_a_private_link_works_on_either_instance_and_reaches_no_log(cluster):
    a, b = cluster["instances"]
    reader = Browser(address="192.0.2.40")
    sent = reader.post(a, f"{ARTICLE}suggest/", suggestion_post_data())
    assert sent.status == 302 and sent.headers["location"].startswith("/suggestions/")
    status_path = sent.headers["location"]
    token = status_path.split("/")[2]
    page = reader.get(b, status_path, headers={"Referer": f"{a.url}{ARTICLE}"})
    assert page.status == 200 and "Your suggestion on" in page.body
    assert reader.get(a, "/static/css/wiki.css", headers={"Referer": f"{b.url}{status_path}"}).status == 200
    assert page.headers["referrer-policy"] == "same-origin"
    time.sleep(0.5)  # let the workers flush their logs
    for instance in (a, b):
        for log in (instance.logs(), instance.access_log()):
            assert token not in log and token[:16] not in log
    assert "/suggestions/[token]/" in a.access_log() + b.access_log()
    assert '"path": "/suggestions/[token]/"' in a.logs() + b.logs()


def test_an_instance_survives_its_database_and_cache_going_away_and_coming_back(cluster):
    """Through loopback proxies that can be cut: a database or cache restart, as the instance sees it."""
    env = dict(cluster["env"])
    db = connection.settings_dict
    ports = [take_port(cluster["taken"]) for _ in range(3)]
    database = TcpProxy(db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432), port=ports[0]).start()
    redis_host, redis_port = env["REDIS_URL"].split("//")[1].split("/")[0].split(":")
    redis_db = env["REDIS_URL"].rsplit("/", 1)[1]
    cache = TcpProxy(redis_host, int(redis_port), port=ports[1]).start()
    env["DATABASE_URL"] = env["DATABASE_URL"].replace(f":{db['PORT'] or 5432}/", f":{database.port}/")
    env["REDIS_URL"] = f"redis://127.0.0.1:{cache.port}/{redis_db}"
    instance = start_instance(env, ports[2], cluster["workdir"], workers=1)
    statuses = []

    def visit(browser, path, **kwargs):
        answer = browser.get(instance, path, **kwargs)
        statuses.append(answer.status)
        return answer

    try:
        regular = Browser(cookies={"wiki_voter": "any"})  # a cookie: never the shared cached copy
        assert visit(regular, ARTICLE).status == 200

        database.cut()
        for path in ("/", ARTICLE, f"{ARTICLE}history/", "/articles/self-compassion.json"):
            down = visit(regular, path)
            assert down.status == 503 and down.headers["retry-after"] == "30", path
            assert "The wiki is briefly unavailable" in down.body
        typed = suggestion_post_data(proposed_text="Typed while the synthetic database was away.")
        kept = Browser().post(instance, f"{ARTICLE}suggest/", typed)
        assert kept.status == 503 and "Typed while the synthetic database was away." in kept.body
        assert visit(Browser(), "/healthz/").status == 200
        assert visit(Browser(), "/readyz/").status == 503

        database.restore()
        for path in ("/", ARTICLE, f"{ARTICLE}history/", "/readyz/"):
            assert visit(regular, path).status == 200, path

        cache.cut()
        for _ in range(4):
            page = visit(Browser(), ARTICLE)
            assert page.status == 200 and REVISED in page.body
        assert visit(Browser(), "/readyz/").status == 200  # degraded, still serving
        cache.restore()
        time.sleep(5.5)  # the back-off after a failure, before Redis is tried again
        assert visit(Browser(), ARTICLE).status == 200

        # The connection dropped while the worker idles, as in a database restart between two readers: the
        # shared page's lookup skips Django's health check, so its query fails, and it tries again on a new
        # connection rather than answer with a kept page.
        database.cut()
        database.restore()
        for _ in range(3):
            page = visit(Browser(), ARTICLE)
            assert page.status == 200 and REVISED in page.body
        time.sleep(0.5)
        logs = instance.logs()
        assert 500 not in statuses
        assert logs.count("Cache unavailable") == 1, logs
        assert "Cache reachable again" in logs
    finally:
        instance.stop()
        database.stop()
        cache.stop()
        cluster["taken"].difference_update(ports)


def test_a_form_posted_in_another_charset_is_a_400_through_gunicorn(cluster):
    a, _ = cluster["instances"]
    browser = Browser(address="192.0.2.50")
    browser.get(a, ARTICLE)
    answer = browser.post(
        a,
        f"{ARTICLE}suggest/",
        {"name": "Zoë Example".encode("latin-1")},
        headers={"Content-Type": "application/x-www-form-urlencoded; charset=latin-1"},
    )
    assert answer.status == 400 and "The wiki could not read that request" in answer.body


@pytest.fixture
def nginx(cluster):
    """deploy/nginx as shipped (on loopback ports, with a test certificate) in front of both instances:
    yields (proxy, plain HTTP port, HTTPS port)."""
    if nginx_binary() is None:
        pytest.fail("no nginx: run `make tools`, which unpacks Debian's nginx under var/tools")
    ports = [take_port(cluster["taken"]) for _ in range(2)]
    proxy = start_nginx(cluster["instances"], cluster["workdir"], *ports)
    try:
        yield proxy, *ports
    finally:
        proxy.stop()
        cluster["taken"].difference_update(ports)


def test_the_shipped_nginx_configuration_fronts_both_instances(cluster, nginx):
    """deploy/nginx as shipped (on loopback ports, with a test certificate) in front of both instances."""
    a, b = cluster["instances"]
    proxy, *ports = nginx
    site = Site(f"https://127.0.0.1:{ports[1]}")
    plain = Browser().get(Site(f"http://127.0.0.1:{ports[0]}"), ARTICLE)
    assert plain.status == 301 and plain.headers["location"] == f"https://127.0.0.1{ARTICLE}"

    page = Browser().get(site, ARTICLE)
    assert page.status == 200 and "Self-Compassion" in page.body
    assert "default-src 'self'" in page.headers["content-security-policy"]
    request_id = page.headers["x-request-id"]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)  # nginx's $request_id, used by Django too
    assert Browser().get(site, "/healthz/").status == 404  # probed on the instances, not in public

    reader = Browser()
    sent = reader.post(site, f"{ARTICLE}suggest/", suggestion_post_data())
    assert sent.status == 302
    token = sent.headers["location"].split("/")[2]
    status_url = f"{site.url}{sent.headers['location']}"
    assert reader.get(site, sent.headers["location"]).status == 200
    assert reader.get(site, "/static/css/wiki.css", headers={"Referer": status_url}).status == 200

    # nginx overwrites X-Real-IP: a client naming other addresses still spends its own limit (one stored above)
    spoofed = [
        Browser(address=f"198.51.100.{i}").post(site, f"{ARTICLE}suggest/", suggestion_post_data()).status
        for i in range(10)
    ]
    assert spoofed == [302] * 9 + [429]

    time.sleep(0.5)
    log = proxy.access_log()
    assert request_id in log and request_id in a.logs() + b.logs()
    assert "/suggestions/[token]/" in log and token not in log and token[:16] not in log
    assert f"{site.url}/suggestions/[token]/" in log  # the Referer, masked too


def test_the_shipped_nginx_cache_serves_the_shared_page_and_a_publish_shows_within_a_second(cluster, nginx):
    """Readers with nothing personal share nginx's copy; a publish reaches them through it within a second."""
    _, _, https_port = nginx
    site = Site(f"https://127.0.0.1:{https_port}")
    first = Browser().get(site, ARTICLE)
    assert first.status == 200
    assert first.headers["cache-control"] == "public, max-age=0, s-maxage=1" and first.headers["etag"]
    assert "x-accel-expires" not in first.headers  # nginx's own instruction stays with nginx
    second = Browser().get(site, ARTICLE)
    # Nginx's copy either way: HIT within the second it is fresh for, STALE when a loaded machine lets that second
    # pass first (the shipped config serves the stale copy while it fetches the new one in the background).
    assert second.headers["x-cache-status"] in ("HIT", "STALE") and second.body == first.body
    signed_in = Browser()
    signed_in.cookies["sessionid"] = "not-a-real-session"
    assert signed_in.get(site, ARTICLE).headers["x-cache-status"] == "BYPASS"  # a page of their own

    version = "Version 1.2" if "Version 1.1" in first.body else "Version 1.1"
    text = SEED.read_text(encoding="utf-8").replace(SENTENCE, "The three proxied, reinforcing components", 1)
    changed = cluster["workdir"] / "self-compassion.md"
    changed.write_text(text, encoding="utf-8")
    # The file is the fixture (version 1.0) whichever version the article is at now: written over it on purpose.
    published = manage(cluster["env"], "import_article", "--replace", str(changed))
    assert published.returncode == 0, published.stderr
    published_at = time.monotonic()
    seen = False
    while not seen and time.monotonic() - published_at < 5:  # generous for a loaded machine; bench.py times it
        page = Browser().get(site, ARTICLE)
        seen = "The three proxied, reinforcing components" in page.body and version in text_of(page.body)
        time.sleep(0.05)
    # Its one-second s-maxage up, nginx asks again with the ETag and gets the new page.
    assert seen
