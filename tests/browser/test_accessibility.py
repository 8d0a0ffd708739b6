"""axe-core finds no violation on any public or editor page, at desktop and phone widths; no page
scrolls sideways on a phone; and no page breaks its own Content-Security-Policy."""

from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import Client

from tests.site_tour import build_tour

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = [1280, 360]
# Records violations of the page's CSP, so a blocked script or style fails the test instead of going unseen.
CSP_WATCH = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""


@pytest.fixture(scope="module")
def axe_source():
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make tools` (the test targets do)")
    return AXE.read_text(encoding="utf-8")


def _context(browser, axe_source, width, live_server, session_cookie=None):
    # Injected by the browser before the page's own scripts, not as an inline script: the CSP stays in force.
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.add_init_script(script=axe_source)
    context.add_init_script(script=CSP_WATCH)
    if session_cookie:
        context.add_cookies(
            [{"name": django_settings.SESSION_COOKIE_NAME, "value": session_cookie, "url": live_server.url}]
        )
    return context


def _audit(page, url, width):
    """axe's findings, sideways scrolling and CSP violations on `url`, or with no url on the page as it stands."""
    if url:
        page.goto(url)
    page.wait_for_load_state("load")
    result = page.evaluate(
        "async () => { const r = await axe.run(document, {resultTypes: ['violations']});"
        " return r.violations.map(v => v.id + ' (' + v.impact + '): '"
        " + v.nodes.map(n => n.target.join(' ')).join(', ')); }"
    )
    problems = [f"axe: {v}" for v in result]
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    if overflow > 0:
        problems.append(f"scrolls sideways by {overflow}px at {width}px")
    problems += [f"CSP: {v}" for v in page.evaluate("() => window.__cspViolations")]
    return problems


def test_every_public_and_editor_page_passes_axe_at_desktop_and_phone_widths(browser, live_server, axe_source):
    tour = build_tour()
    signed_in = Client()
    signed_in.force_login(tour.editor_user)
    session = signed_in.cookies[django_settings.SESSION_COOKIE_NAME].value
    problems = {}
    for width in WIDTHS:
        for session_cookie, paths in ((None, tour.public), (session, tour.editor)):
            context = _context(browser, axe_source, width, live_server, session_cookie)
            page = context.new_page()
            for name, path in paths.items():
                found = _audit(page, f"{live_server.url}{path}", width)
                if found:
                    problems[f"{name} at {width}px"] = found
            context.close()
    assert problems == {}, problems


def test_a_form_with_errors_passes_axe(browser, live_server, axe_source):
    tour = build_tour()
    context = _context(browser, axe_source, 360, live_server)
    page = context.new_page()
    page.goto(f"{live_server.url}/articles/{tour.article.slug}/#suggest")
    page.get_by_role("button", name="Submit revision").click()
    page.wait_for_load_state("load")
    assert "Nothing has been saved yet" in page.content()
    assert _audit(page, None, 360) == []  # the refused form's page: it answers a POST, so it is not loaded again
    context.close()


def test_the_upvote_button_keeps_keyboard_focus(browser, live_server, axe_source):
    tour = build_tour()
    page = browser.new_page()
    page.goto(f"{live_server.url}/articles/{tour.article.slug}/")
    button = page.get_by_role("button", name="Upvote")
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('[data-upvote-count]').textContent === '1'")
    assert page.evaluate("() => document.activeElement.classList.contains('upvote__button')")
    assert page.get_by_role("button", name="Upvoted").get_attribute("aria-pressed") == "true"
    page.keyboard.press("Enter")  # a second press changes nothing and keeps focus
    assert page.evaluate("() => document.activeElement.classList.contains('upvote__button')")
    assert page.locator("[data-upvote-count]").inner_text() == "1"
