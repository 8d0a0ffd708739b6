"""The admin works under the strict Content-Security-Policy: its scripts run and a change saves; the browser
reports no blocked script or style."""

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


def test_an_admin_corrects_a_source_under_the_csp(browser, live_server, django_user_model):
    article = make_article()
    source = article.numbered_sources.get(number=1).source
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
    assert page.get_by_role("link", name="Start an editor’s draft of this article").is_visible()

    page.goto(f"{live_server.url}/admin/sources/source/{source.pk}/change/")
    page.locator("input[name=title]").fill("Synthetic trial, corrected title")
    page.get_by_role("button", name="Save and continue editing").click()
    page.wait_for_load_state("load")
    assert "was changed successfully" in page.content()
    source.refresh_from_db()
    assert source.title == "Synthetic trial, corrected title"
    article.refresh_from_db()
    assert article.version == "1.1"  # the correction is a new version of the citing article

    page.goto(f"{live_server.url}/admin/sources/source/?tier__exact=T1")
    page.locator("#action-toggle").check()  # the change list's own script runs
    assert page.locator("input.action-select:checked").count() >= 1
    assert page.evaluate("() => window.__cspViolations") == [] and errors == []
