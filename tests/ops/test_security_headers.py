"""Every kind of response carries the security headers: pages, JSON, static files, errors, the admin and
the Markdown preview."""

import pytest

from tests.site_tour import build_tour

pytestmark = pytest.mark.django_db

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; "
    "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; "
    # The article's video plays in the makers' privacy-enhanced players, and only when the reader asks.
    "frame-src https://www.youtube-nocookie.com https://player.vimeo.com"
)


def _csp_directives(value):
    return {part.strip() for part in value.split(";")}


def assert_secure_headers(response, where):
    assert _csp_directives(response["Content-Security-Policy"]) == _csp_directives(CSP), where
    assert "unsafe-inline" not in response["Content-Security-Policy"], where
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"], where
    assert response["X-Content-Type-Options"] == "nosniff", where
    assert response["Referrer-Policy"] == "same-origin", where
    assert response["X-Frame-Options"] == "DENY", where
    assert response["Cross-Origin-Opener-Policy"] == "same-origin", where
    assert response["X-Request-ID"], where


@pytest.fixture
def tour():
    return build_tour()


def test_every_public_page_type_carries_the_headers(client, tour):
    for name, path in tour.public.items():
        response = client.get(path)
        assert response.status_code in (200, 404), name
        assert_secure_headers(response, name)


def test_every_editor_page_carries_the_headers(client, tour):
    client.force_login(tour.editor_user)
    for name, path in tour.editor.items():
        response = client.get(path)
        assert response.status_code == 200, name
        assert_secure_headers(response, name)


def test_json_static_favicon_and_health_responses_carry_the_headers(client, tour):
    for path in (
        f"/articles/{tour.article.slug}.json",
        "/static/css/wiki.css",
        "/static/js/article.js",
        "/favicon.ico",
        "/healthz/",
        "/readyz/",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert_secure_headers(response, path)


def test_a_post_answer_carries_the_headers(client, tour):
    response = client.post(f"/articles/{tour.article.slug}/suggest/", {"category": "factual_error"})
    assert response.status_code == 400
    assert_secure_headers(response, "suggestion with errors")


def test_the_admin_and_the_markdown_preview_carry_the_headers(admin_client, tour):
    for path in ("/admin/", f"/admin/articles/article/{tour.article.pk}/change/", "/admin/sources/source/add/"):
        response = admin_client.get(path)
        assert response.status_code == 200, path
        assert_secure_headers(response, path)
    preview = admin_client.post("/markdownx/markdownify/", {"content": "Some *synthetic* text"})
    assert preview.status_code == 200 and b"<em>synthetic</em>" in preview.content
    assert_secure_headers(preview, "markdown preview")


def test_https_settings_come_from_the_environment(settings, client):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get("/")
    assert response.status_code == 301 and response["Location"] == "https://testserver/"
    secure = client.get("/", secure=True)
    assert secure["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert client.get("/healthz/").status_code == 200  # load balancers probe over plain HTTP
