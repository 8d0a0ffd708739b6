"""Every kind of page the site serves is conforming HTML: the Nu HTML checker reports no error.

The pages are fetched as a reader or an editor would see them, including the answers to forms (errors,
limits, outages) and the error pages, then checked in one run of the checker.
"""

import json
import subprocess

import pytest
from django.db import connection
from django.test import Client

from revisions import services
from revisions.models import Draft
from tests.factories import make_staff, suggestion_post_data
from tests.site_tour import build_tour

pytestmark = pytest.mark.django_db


def _answers_to_forms(client, editor_client, tour, settings, monkeypatch):
    """Pages reached by sending a form, or by an error: {name: (status, html)}."""
    slug = tour.article.slug
    pages = {}

    def keep(name, response, status):
        assert response.status_code == status, name
        pages[name] = response.content.decode()

    keep("suggestion with errors", client.post(f"/articles/{slug}/suggest/", {"name": "A\u202eB"}), 400)
    nul = suggestion_post_data(proposed_text="A synthetic\x00 paste")
    keep("suggestion with a NUL", client.post(f"/articles/{slug}/suggest/", nul), 400)
    keep("suggestion received (honeypot)", client.post(f"/articles/{slug}/suggest/", {"website": "x"}), 200)
    keep("sign-in with errors", client.post("/accounts/login/", {"username": "x", "password": "y"}), 200)
    draft = Draft.objects.filter(state=Draft.State.AWAITING_APPROVAL).get()
    keep(
        "draft with errors",
        editor_client.post(draft.get_absolute_url(), {"text": "not an article", "summary": "x"}),
        400,
    )
    keep("not allowed (403)", _forbidden(), 403)
    keep("form expired (403)", Client(enforce_csrf_checks=True).post(f"/articles/{slug}/upvote/"), 403)
    keep("bad request (400)", client.get("/", HTTP_HOST="unknown.example"), 400)

    settings.SUGGESTION_RATE_LIMITS = [(0, 3600)]
    settings.UPVOTE_RATE_LIMITS = [(0, 3600)]
    keep("suggestions rate-limited", client.post(f"/articles/{slug}/suggest/", suggestion_post_data()), 429)
    keep("upvotes rate-limited", client.post(f"/articles/{slug}/upvote/"), 429)
    settings.SUGGESTION_RATE_LIMITS = [(100, 3600)]

    with monkeypatch.context() as outage:

        def refuse(*args, **kwargs):
            raise connection.Database.OperationalError("connection refused (the database is stopped)")

        outage.setattr(connection, "create_cursor", refuse)
        outage.setattr(connection, "get_new_connection", refuse)
        keep("suggestion not saved (503)", client.post(f"/articles/{slug}/suggest/", suggestion_post_data()), 503)
        keep("database unavailable (503)", Client().get("/articles/{slug}/history/".format(slug=slug)), 503)

    services.draft_decide(draft=draft, approve=True)
    keep("draft already decided (410)", client.get(tour.public["draft review"]), 410)
    with monkeypatch.context() as bug:
        bug.setattr("articles.views.render", _raise)
        crashing = Client(raise_request_exception=False)
        keep("server error (500)", crashing.get("/"), 500)
    return pages


def _raise(*args, **kwargs):
    raise RuntimeError("a synthetic bug")


def _forbidden():
    client = Client()
    client.force_login(make_staff(username="staff-not-editor"))
    return client.get("/editors/queue/")


def _nu_errors(vnu_jar, pages, tmp_path):
    """{page name: [error, ...]} from one run of the checker over every page."""
    files = {}
    for i, (name, html) in enumerate(pages.items()):
        path = tmp_path / f"page-{i:02d}.html"
        path.write_text(html, encoding="utf-8")
        files[path.name] = name
    result = subprocess.run(
        [
            "java",
            "-Xss4m",
            "-jar",
            str(vnu_jar),
            "--format",
            "json",
            "--stdout",
            *[p for p in sorted(tmp_path.glob("*.html"))],
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    report = json.loads(result.stdout)
    errors = {}
    for message in report["messages"]:
        if message["type"] in ("error", "non-document-error"):
            name = files.get(message.get("url", "").rsplit("/", 1)[-1], message.get("url"))
            errors.setdefault(name, []).append(f"line {message.get('lastLine')}: {message['message']}")
    return errors, len(report["messages"])


def test_every_page_type_is_conforming_html(vnu_jar, tmp_path, settings, monkeypatch):
    tour = build_tour()
    client = Client()
    editor_client = Client()
    editor_client.force_login(tour.editor_user)
    pages = {}
    for name, path in tour.public.items():
        pages[name] = client.get(path).content.decode()
    for name, path in tour.editor.items():
        response = editor_client.get(path)
        assert response.status_code == 200, name
        pages[f"editor: {name}"] = response.content.decode()
    pages.update(_answers_to_forms(client, editor_client, tour, settings, monkeypatch))
    assert len(pages) >= 34

    errors, _ = _nu_errors(vnu_jar, pages, tmp_path)
    assert errors == {}, json.dumps(errors, indent=2, ensure_ascii=False)


def test_the_checker_does_find_errors(vnu_jar, tmp_path):
    """The checker runs and reports: the kinds of error this suite once had are caught."""
    broken = (
        '<!doctype html><html lang="en"><head><title>t</title></head><body><main>'
        '<span aria-label="LLM: unsourced">LLM</span>'
        '<time datetime="2026-01-02T10:11:12.123456+00:00">2 Jan</time>'
        '<table role="table"><tr role="row"><td role="cell">x</td></tr></table></main></body></html>'
    )
    errors, _ = _nu_errors(vnu_jar, {"broken": broken}, tmp_path)
    assert len(errors["broken"]) >= 3, errors
