"""The admin works under the strict Content-Security-Policy: its scripts run, the Markdown preview
updates, and a change saves; the browser reports no blocked script or style."""

import pytest
from django.conf import settings as django_settings
from django.test import Client

from tests.factories import make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CSP_WATCH = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""


def test_an_admin_edits_an_article_with_the_live_preview_under_the_csp(browser, live_server, django_user_model):
    article = make_article()
    admin = django_user_model.objects.create_superuser("admin-kim", "kim@example.org", "not-a-real-password-1")
    signed_in = Client()
    signed_in.force_login(admin)
    context = browser.new_context()
    context.add_init_script(script=CSP_WATCH)
    session = signed_in.cookies[django_settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": django_settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    response = page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    lead = page.locator("textarea[name=lead]")
    lead.fill("A made-up construct with *synthetic emphasis*.")
    preview = page.locator(".markdownx-preview").first
    preview.locator("em").wait_for()  # the preview script ran and fetched the sanitised rendering
    assert preview.locator("em").inner_text() == "synthetic emphasis"
    assert page.evaluate("() => window.__cspViolations") == []

    page.get_by_role("button", name="Save and continue editing").click()
    page.wait_for_load_state("load")
    assert "was changed successfully" in page.content()
    article.refresh_from_db()
    assert article.lead == "A made-up construct with *synthetic emphasis*."

    page.goto(f"{live_server.url}/admin/")
    page.get_by_role("link", name="Sources").first.click()
    page.wait_for_load_state("load")
    assert page.evaluate("() => window.__cspViolations") == [] and errors == []
