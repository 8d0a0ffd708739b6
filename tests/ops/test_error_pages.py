"""Errors answer with the site's own pages, each with a way on; a favicon is served."""

import pytest
from django.test import Client

from revisions.models import Status
from tests.factories import make_article, make_editor, make_staff, make_suggestion, suggestion_post_data

pytestmark = pytest.mark.django_db


def _branded(response):
    html = response.content.decode()
    return 'href="/static/css/wiki.css"' in html and 'href="/"' in html and "<h1>" in html


def test_an_unknown_address_gets_the_branded_404(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404 and _branded(response)
    html = response.content.decode()
    assert "There is no page at this address" in html
    assert 'role="search" action="/search/"' in html  # a way to find what the reader came for


def test_an_unknown_article_gets_the_branded_404(client):
    response = client.get("/articles/no-such-article/")
    assert response.status_code == 404 and _branded(response)


def test_a_signed_in_non_editor_gets_a_403_with_a_way_to_sign_out(client):
    client.force_login(make_staff(username="not-an-editor"))
    response = client.get("/editors/queue/")
    html = response.content.decode()
    assert response.status_code == 403 and _branded(response)
    assert 'action="/accounts/logout/"' in html and "Sign out" in html and "csrfmiddlewaretoken" in html


def test_a_form_sent_without_its_csrf_token_gets_the_branded_403():
    article = make_article()
    response = Client(enforce_csrf_checks=True).post(f"/articles/{article.slug}/suggest/", suggestion_post_data())
    assert response.status_code == 403 and _branded(response)
    assert "This form has expired" in response.content.decode()


@pytest.mark.parametrize("path", ["/articles/{slug}/suggest/", "/articles/{slug}/upvote/", "/accounts/login/"])
def test_a_post_in_another_charset_is_a_branded_400_not_a_500(path):
    article = make_article()
    browser = Client(enforce_csrf_checks=True)
    browser.get("/accounts/login/")  # a page whose form carries a token, for the sign-in form
    token = browser.cookies["csrftoken"].value
    response = browser.post(
        path.format(slug=article.slug),
        f"csrfmiddlewaretoken={token}&name=Zo%EB+Example&note=caf%E9",
        content_type="application/x-www-form-urlencoded; charset=latin-1",
    )
    assert response.status_code == 400 and _branded(response)


@pytest.mark.parametrize(
    "body",
    [
        {**suggestion_post_data(), "proposed_text": "A synthetic paste that never ends. " * 80_000},  # 2.8 MB
        {**suggestion_post_data(), **{f"extra{n}": "x" for n in range(1_100)}},  # more fields than Django reads
    ],
)
def test_a_form_far_over_every_limit_is_told_so_not_that_the_request_was_unreadable(client, settings, body):
    article = make_article()
    response = client.post(f"/articles/{article.slug}/suggest/", body)
    html = response.content.decode()
    assert response.status_code == 413 and _branded(response)
    assert "That was more than the wiki accepts in one form" in html and "at most 2.5 MB" in html
    assert "Nothing was saved" in html and article.suggestions.count() == 0


def test_an_address_with_more_parameters_than_django_reads_is_told_so(client):
    query = "&".join(f"p{n}=x" for n in range(1_100))
    response = client.get(f"/search/?q=shame&{query}")
    html = response.content.decode()
    assert response.status_code == 414 and _branded(response)
    assert "That address carries more than the wiki reads" in html and "at most 1000 parameters" in html
    assert "form" not in html.split("<h1>", 1)[1].split("</div>", 1)[0]


def test_a_request_for_an_unknown_host_gets_the_branded_400(client):
    response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400 and _branded(response)


def test_an_unexpected_error_gets_the_branded_500(client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a synthetic bug")

    monkeypatch.setattr("articles.views.render", broken)
    client.raise_request_exception = False
    response = client.get("/")
    assert response.status_code == 500 and _branded(response)
    assert "Something went wrong on our side" in response.content.decode()


def test_the_favicon_is_served_at_the_root_and_linked_from_every_page(client):
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and b"".join(icon.streaming_content)[:4] == b"\x00\x00\x01\x00"
    assert 'rel="icon" href="/static/favicon.svg"' in client.get("/").content.decode()


def test_a_nul_typed_into_a_form_comes_back_as_a_replacement_character_with_the_refusal(client):
    article = make_article()
    response = client.post(
        f"/articles/{article.slug}/suggest/", suggestion_post_data(proposed_text="A synthetic\x00 paste")
    )
    assert response.status_code == 400
    assert b"\x00" not in response.content and "A synthetic\ufffd paste" in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/admin/sources/source/?status__exact=%00",
        "/admin/articles/article/?status__exact=%00",
        "/admin/autocomplete/?app_label=sources&model_name=source&field_name=superseded_by&term=%00",
    ],
)
def test_an_admin_address_carrying_a_nul_is_a_bad_request(admin_client, path):
    """PostgreSQL refuses a NUL in a query, and the admin's list filters pass one straight on."""
    response = admin_client.get(path)
    assert response.status_code == 400 and _branded(response)


def test_opening_a_buttons_address_gets_a_page_that_leads_back_to_the_article(client):
    # Reloading after an upvote, or a saved link to it, opened a blank page.
    article = make_article()
    response = client.get(f"/articles/{article.slug}/upvote/")
    html = response.content.decode()
    assert response.status_code == 405 and _branded(response)
    assert response["Allow"] == "POST"
    assert "Nothing was done or sent" in html
    assert f'<a href="/articles/{article.slug}/">Go to that page</a>' in html
    article.refresh_from_db()
    assert article.upvotes == 0


def test_an_editors_action_address_opened_directly_leads_back_to_its_suggestion(client):
    article = make_article()
    suggestion = make_suggestion(article)
    client.force_login(make_editor())
    response = client.get(f"/editors/queue/{suggestion.pk}/reject/")
    assert response.status_code == 405 and _branded(response)
    assert f'<a href="/editors/queue/{suggestion.pk}/">Go to that page</a>' in response.content.decode()
    suggestion.refresh_from_db()
    assert suggestion.status == Status.NEW


def test_a_script_asking_for_json_keeps_the_bare_405(client):
    article = make_article()
    response = client.get(f"/articles/{article.slug}/upvote/", headers={"Accept": "application/json"})
    assert response.status_code == 405 and response.content == b""
