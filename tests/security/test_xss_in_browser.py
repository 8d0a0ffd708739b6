"""The tuning vectors in a real browser (Debian's Chromium): pages holding every vector are loaded, every
element is hovered, focused and animated as a reader's pointer and keyboard would, and nothing may run.

The Content-Security-Policy would stop inline script on its own; these pages are loaded with it bypassed, so
what is tested is the escaping and sanitising, the first line of defence, not the second. Any dialog, any call
of alert/prompt/confirm, any script URL a link would open, and any element with an event handler is counted.
"""

import pytest

from articles.importing import article_import
from articles.models import Unit
from articles.text_format import dump_article
from revisions import services
from tests.browser.conftest import CHROMIUM, sign_in
from tests.factories import make_editor, suggestion_post_data
from tests.security.payloads import TUNING, article_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Installed before any of the page's own scripts: the calls the vectors make are recorded, not shown.
HOOK = """
window.__xss = [];
for (const name of ["alert", "prompt", "confirm", "print"]) {
  window[name] = (...args) => { window.__xss.push(name + "(" + args.join(",") + ")"); };
}
"""

# What a reader's pointer and keyboard would set off, and what a click on each link would open.
PROBE = """() => {
  const fired = [];
  for (const el of document.querySelectorAll("*")) {
    for (const type of ["mouseover", "mouseenter", "focus", "blur", "animationstart", "toggle", "load", "error"]) {
      el.dispatchEvent(new Event(type));
    }
    for (const attr of el.getAttributeNames()) {
      if (attr.startsWith("on")) fired.push(el.tagName + " " + attr);
    }
    for (const attr of ["href", "src", "action", "formaction", "data", "poster"]) {
      const value = el[attr];
      if (typeof value === "string" && /^(javascript|vbscript|data):/i.test(value)) {
        fired.push(el.tagName + " " + attr + "=" + value);
      }
    }
  }
  return fired;
}"""


@pytest.fixture
def browser_page(monkeypatch):
    from playwright.sync_api import sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        context = browser.new_context(bypass_csp=True, viewport={"width": 1000, "height": 800})
        context.add_init_script(HOOK)
        page = context.new_page()
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        yield page, dialogs
        browser.close()


def _ran(page, dialogs):
    handlers = page.evaluate(PROBE)
    page.wait_for_timeout(300)  # a handler set off above would have run by now
    return {"dialogs": list(dialogs), "calls": page.evaluate("window.__xss"), "handlers_or_urls": handlers}


NOTHING = {"dialogs": [], "calls": [], "handlers_or_urls": []}


def test_pages_holding_every_vector_run_nothing_in_a_browser(browser_page, live_server, settings):
    settings.SUGGESTION_ATTEMPT_RATE_LIMITS = [(1000, 3600)]
    page, dialogs = browser_page
    plain = article_world([f"Earlier synthetic wording {i}" for i in range(len(TUNING))], slug="browser-payloads")
    article_import(data=plain)
    article, _ = article_import(data=article_world(TUNING, slug="browser-payloads"))
    unit = Unit.objects.filter(article=article).first()
    ran = {}
    for path in [
        f"/articles/{article.slug}/",
        f"/articles/{article.slug}/versions/1.1/",
        f"/articles/{article.slug}/compare/?from=1.0&to=1.1",
        f"/articles/{article.slug}/sentences/{unit.key_label}/history/",
        "/search/?q=alert+onerror+javascript",
    ]:
        page.goto(live_server.url + path)
        ran[path] = _ran(page, dialogs)
    # A refused suggestion carrying the vectors, shown again to correct.
    page.goto(live_server.url + article.get_absolute_url())
    fields = suggestion_post_data(proposed_text="\n".join(TUNING[:60]), note="\n".join(TUNING[60:]))
    with page.expect_navigation():
        page.evaluate(
            """(fields) => {
              const form = document.querySelector(".suggest__form");
              for (const [name, value] of Object.entries(fields)) {
                const box = form.elements[name];
                if (box) box.value = value;
              }
              form.submit();
            }""",
            fields | {"attested_no_phi": ""},
        )
    page.wait_for_load_state()
    ran["refused suggestion"] = _ran(page, dialogs)
    assert ran == dict.fromkeys(ran, NOTHING)


def test_the_draft_editors_live_preview_runs_nothing_it_is_given(browser_page, live_server):
    """The in-place editor writes the server's preview HTML into the page (static/js/draft.js): a working copy
    full of vectors, typed into the whole-text box, comes back as a preview that runs nothing."""
    page, dialogs = browser_page
    editor = make_editor()
    plain = article_world([f"Earlier synthetic wording {i}" for i in range(len(TUNING))], slug="browser-draft")
    article, _ = article_import(data=plain)
    draft = services.draft_start(editor=editor, article=article)
    working = dump_article(article_world(TUNING, slug="browser-draft"))
    sign_in(page, live_server, editor, next_path=f"/editors/drafts/{draft.pk}/")
    page.wait_for_selector(".unit-edit")
    # The whole text pasted in at once, as an input event: the preview follows what is typed.
    page.locator("#draft-text").evaluate(
        "(box, text) => { box.value = text; box.dispatchEvent(new Event('input', {bubbles: true})); }", working
    )
    # The preview now reads the vectors (as text): the server's HTML is in the page.
    page.wait_for_function(
        "() => document.getElementById('draft-preview').textContent.includes('//INJECTX')", timeout=60_000
    )
    assert _ran(page, dialogs) == NOTHING
