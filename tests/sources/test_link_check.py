"""check_source_links against a local HTTP server only (an OS-assigned port on loopback; never the internet)."""

import http.server
import io
import socket
import threading
import time

import pytest
from django.core.management import call_command

from articles.models import Article
from sources import linkcheck
from sources.models import Source
from tests.factories import make_article, make_article_data

pytestmark = pytest.mark.django_db


class _Handler(http.server.BaseHTTPRequestHandler):
    broken = {"/gone"}  # paths answering 404; a test may change it

    def log_message(self, *args):
        pass

    def _answer(self, body):
        path = self.path
        if path == "/nul":  # a status line no server should send, holding a NUL
            self.wfile.write(b"HTTP/1.1 2\x0000 OK\r\n\r\n")
            return
        if path == "/slow":
            time.sleep(1.5)
        if path in self.broken:
            self.send_response(404)
        elif path == "/no-head" and self.command == "HEAD":
            self.send_response(405)
        elif path == "/error":
            self.send_response(500)
        elif path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
        elif path == "/members":
            self.send_response(403)
        else:
            self.send_response(200)
        self.send_header("Content-Length", "2" if body else "0")
        self.end_headers()
        if body:
            self.wfile.write(b"ok")

    def do_HEAD(self):
        self._answer(False)

    def do_GET(self):
        self._answer(True)


@pytest.fixture
def server(monkeypatch):
    monkeypatch.setattr(linkcheck, "RETRY_PAUSE_SECONDS", 0)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    _Handler.broken = {"/gone"}


def _closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _check(*sources, timeout="0.5"):
    out = io.StringIO()
    args = ["check_source_links", "--timeout", timeout]
    for source in sources:
        args += ["--source", str(source.pk)]
    call_command(*args, stdout=out)
    for source in sources:
        source.refresh_from_db()
    return out.getvalue()


@pytest.mark.parametrize(
    "path, ok",
    [
        ("/ok", True),
        ("/no-head", True),  # HEAD refused, GET answers
        ("/moved", True),  # followed to /ok
        ("/members", True),  # there, but refuses checkers: not broken
        ("/gone", False),
        ("/error", False),
        ("/slow", False),  # no answer within the timeout
    ],
)
def test_each_answer_is_judged(server, path, ok):
    source = Source.objects.create(title="A synthetic page", tier="T3", kind="website", url=server + path)
    output = _check(source)
    assert source.link_ok is ok
    assert source.status == ("current" if ok else "link_broken")
    assert source.link_checked_at is not None and source.link_check_result
    assert ("BROKEN" in output) is not ok
    if path == "/slow":
        assert source.link_check_result == "timed out after 0.5 s"


def test_an_answer_holding_a_nul_is_recorded_without_it(server):
    source = Source.objects.create(title="A synthetic odd server", tier="T3", url=server + "/nul")
    _check(source)
    assert source.status == "link_broken" and source.link_check_result.startswith("bad answer")
    assert "\x00" not in source.link_check_result


def test_a_refused_connection_is_broken():
    source = Source.objects.create(title="A synthetic page", tier="T3", url=f"http://127.0.0.1:{_closed_port()}/x")
    _check(source)
    assert source.status == "link_broken" and source.link_check_result.startswith("could not connect")


def test_a_broken_link_shows_on_citing_pages_and_clears_when_it_answers_again(client, server):
    data = make_article_data()
    data["sources"][0]["url"] = server + "/gone"
    data["sources"][1]["url"] = server + "/ok"
    data["sources"][2]["url"] = server + "/ok/3"
    article = make_article(**{k: v for k, v in data.items() if k != "slug"}, slug=data["slug"])
    sources = [a.source for a in article.numbered_sources.order_by("number")]
    revision = article.content_revision
    output = _check(*sources)
    assert "Checked 3 addresses: 2 answered, 1 did not; 1 source status changed." in output
    html = client.get(article.get_absolute_url()).content.decode()
    entry = html.split('id="source-1"', 1)[1].split("</li>", 1)[0]
    assert 'data-status="link_broken"' in entry and "Link broken" in entry
    article.refresh_from_db()
    assert article.content_revision > revision and article.versions.count() == 1  # re-rendered, no new version

    _Handler.broken = set()
    _check(*sources)
    assert sources[0].status == "current"
    assert "Link broken" not in client.get(article.get_absolute_url()).content.decode()


def test_a_retracted_source_keeps_its_status_whatever_its_link_does(server):
    source = Source.objects.create(
        title="A synthetic retracted paper",
        tier="T1",
        url=server + "/gone",
        status="retracted",
        retracted_on="2026-01-05",
        retraction_notice="https://example.org/notice",
    )
    _check(source)
    assert source.status == "retracted" and source.link_ok is False


def test_the_dashboard_lists_sources_whose_link_failed(client, server):
    from tests.factories import make_editor

    source = Source.objects.create(title="A synthetic vanished page", tier="T3", url=server + "/gone")
    _check(source)
    client.force_login(make_editor())
    html = client.get("/editors/evidence/").content.decode()
    broken = html.split("Broken links", 1)[1].split("</ul>", 1)[0]
    assert "A synthetic vanished page" in broken and "HTTP 404" in broken


def test_bad_options_are_refused():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("check_source_links", "--timeout", "0")
    assert not Article.objects.exists()
