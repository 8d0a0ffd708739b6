"""The checks the security tests rely on find what they are meant to find: a page that would run a vector is
flagged by the parser's check and by the browser's, and a sanitiser that stopped sanitising is caught by the
whole-site harness. Without these, a harness that checked nothing would pass just as well."""

import pytest
from django.utils.safestring import mark_safe

from tests.security.inert import browser_scheme, problems_against, profile

CLEAN = '<p>Plain <a href="/articles/x/">words</a> <input name="q" value="plain"></p>'


@pytest.mark.parametrize(
    "markup",
    [
        "<p>Plain <img src=x onerror=alert(1)></p>",
        '<p>Plain <a href="java&#x09;script:alert(1)">words</a></p>',
        '<p>Plain <a href=" &#14; javascript:alert(1)">words</a></p>',
        '<p>Plain <a href="&#0000106avascript:alert(1)">words</a></p>',
        '<p>Plain <a href="DATA:text/html,x">words</a></p>',
        '<p>Plain <input name="q" value="" autofocus onfocus="alert(1)"></p>',  # an attribute broken out
        '<p>Plain <input name="q" value="" formaction="/x"></p>',
        "<p>Plain <script>alert(1)</script></p>",
        "<p>Plain <svg><script>alert(1)</script></svg></p>",
        "<p>Plain <iframe srcdoc='&lt;script&gt;alert(1)&lt;/script&gt;'></iframe></p>",
        '<p style="background:url(javascript:alert(1))">Plain</p>',
    ],
)
def test_the_page_check_flags_what_would_run(markup):
    assert problems_against(markup, CLEAN)


def test_the_page_check_passes_text_that_only_looks_like_markup():
    markup = '<p>Plain &lt;img src=x onerror=alert(1)&gt; <a href="/articles/y/">words</a></p>'
    assert problems_against(markup, CLEAN) == [] and profile(markup)["problems"] == []


@pytest.mark.parametrize(("url", "scheme"), [("\tJaVa\nScRiPt:x", "javascript"), ("\x01 data:x", "data"), ("/a:b", "")])
def test_the_scheme_is_read_as_a_browser_reads_it(url, scheme):
    assert browser_scheme(url) == scheme


@pytest.mark.django_db
def test_the_site_harness_catches_a_sanitiser_that_stops_sanitising(client, monkeypatch):
    """With sentences passed through unsanitised, the article pages must fail the check the real ones pass."""
    from tests.security.payloads import TUNING
    from tests.security.test_article_surfaces import article_page_failures

    monkeypatch.setattr("articles.pages.render_inline_markdown", lambda text: mark_safe(text))
    failures, _ = article_page_failures(client, TUNING[:12])
    assert "article page" in failures and "version 1.1" in failures


PAGE = '<p id="p" onmouseover="alert(1)">x</p><img src=x onerror=alert(2)>'


@pytest.mark.browser
def test_the_browser_check_sees_a_handler_run():
    from playwright.sync_api import sync_playwright

    from tests.security.test_xss_in_browser import CHROMIUM, HOOK, PROBE

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        # Every request is answered here, nothing leaves the machine: the page, and a 404 for its broken image.
        page.route(
            "**/*",
            lambda route: (
                route.fulfill(content_type="text/html", body=PAGE)
                if route.request.url == "http://check.invalid/"
                else route.fulfill(status=404)
            ),
        )
        page.add_init_script(HOOK)
        page.goto("http://check.invalid/")
        page.wait_for_timeout(200)
        fired = page.evaluate(PROBE)
        page.wait_for_timeout(200)
        calls = page.evaluate("window.__xss")
        browser.close()
    assert "P onmouseover" in fired and "alert(1)" in calls and "alert(2)" in calls
