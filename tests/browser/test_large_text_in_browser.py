"""Phones with the browser's text size at 200%: nothing is cut off at the screen's edge and no page scrolls
sideways (WCAG 1.4.4 and 1.4.10). The default font size is set to 32px, as a reader's "very large text"
setting does, so everything sized in rem and em doubles while the viewport stays a phone's."""

import pytest

from articles.importing import article_import
from revisions import services
from revisions.tokens import approval_token, status_token
from tests.browser.conftest import sign_in
from tests.factories import make_article_data, make_editor, make_suggestion

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# How far the page scrolls sideways, and what sticks out past the right edge of the screen.
SIDEWAYS = """() => {
  const width = document.scrollingElement.clientWidth;
  const out = [...document.querySelectorAll('header *, main *')]
    .filter(el => el.getBoundingClientRect().right > width + 1 && !el.closest('.field--trap, .visually-hidden'))
    .map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className.split(' ')[0] : ''));
  return {overflow: document.scrollingElement.scrollWidth - width, out: [...new Set(out)]};
}"""


def large_text_page(browser, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Page.enable")
    cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 32}})
    return page


@pytest.mark.parametrize("width", [320, 375, 414])
def test_the_header_search_button_stays_on_screen(browser, live_server, seed_article, width):
    page = large_text_page(browser, width)
    page.goto(f"{live_server.url}/a-z/")
    assert page.evaluate("() => getComputedStyle(document.documentElement).fontSize") == "32px"  # the setting took
    button = page.locator(".site-search button").bounding_box()
    assert button["x"] + button["width"] <= width
    assert page.evaluate(SIDEWAYS) == {"overflow": 0, "out": []}


@pytest.mark.parametrize("width", [320, 375])
@pytest.mark.parametrize("path", ["/", "/types/construct/", "/search/?q=self-compassion+mindfulness"])
def test_article_cards_in_listings_and_search_results_fit_the_screen(browser, live_server, seed_article, width, path):
    page = large_text_page(browser, width)
    page.goto(f"{live_server.url}{path}")
    assert page.locator(".article-card").count() >= 1
    assert page.evaluate(SIDEWAYS) == {"overflow": 0, "out": []}


@pytest.mark.parametrize("width", [320, 375])
def test_a_suggestion_status_reads_whole_for_its_submitter_and_the_editors(browser, live_server, seed_article, width):
    editor = make_editor()
    suggestion = make_suggestion(seed_article)
    services.suggestion_assign(suggestion=suggestion, editor=editor)
    suggestion = services.suggestion_ask(
        suggestion=suggestion, editor=editor, question="Which synthetic trial?", build_url=lambda path: path
    )
    page = large_text_page(browser, width)
    page.goto(f"{live_server.url}/suggestions/{status_token(suggestion)}/")
    assert page.locator(".status").first.inner_text() == "Awaiting your answer"  # the submitter's own page
    assert page.evaluate(SIDEWAYS) == {"overflow": 0, "out": []}

    sign_in(page, live_server, editor, suggestion.get_absolute_url())
    assert page.locator(".status").first.inner_text() == "Awaiting the submitter"
    assert page.evaluate(SIDEWAYS) == {"overflow": 0, "out": []}


@pytest.mark.parametrize("width", [320, 375])
def test_a_changed_marker_in_a_comparison_wraps_on_the_screen(browser, live_server, width):
    data = make_article_data(slug="compared-practice")
    article_import(data=data)
    data["sections"][1]["blocks"][0]["units"][2]["provenance"] = [1]  # an LLM sentence becomes cited
    article, _ = article_import(data=data, revision={"summary": "Cited a claim."})
    page = large_text_page(browser, width)
    page.goto(f"{live_server.url}/articles/{article.slug}/compare/?from=1.0&to=1.1")
    assert page.locator(".diff-provenance__markers").inner_text() == "(marker [LLM] becomes [1])"
    assert page.evaluate(SIDEWAYS) == {"overflow": 0, "out": []}


# The sentence the stepper is showing, and the stepper, as boxes on the screen.
STEPPED = """() => {
  const unit = document.querySelector('.unit.is-stepped').getBoundingClientRect();
  const bar = document.querySelector('.backlink-stepper').getBoundingClientRect();
  return {unitTop: unit.top, unitBottom: unit.bottom, barTop: bar.top, barHeight: bar.height, screen: innerHeight};
}"""


@pytest.mark.parametrize("width", [375, 414])
def test_the_stepper_never_covers_the_sentence_it_shows(browser, live_server, seed_article, width):
    page = large_text_page(browser, width)
    page.emulate_media(reduced_motion="reduce")
    page.goto(f"{live_server.url}{seed_article.get_absolute_url()}")
    page.locator("#source-5").get_by_role("button", name="Step through them").click()
    stepper = page.locator(".backlink-stepper")
    for step in range(1, 4):
        assert f"sentence {step} of 8" in stepper.inner_text()
        shown = page.evaluate(STEPPED)
        # The bar leaves the reader most of the screen, and the sentence is there: whole, or when it is too long
        # for that space, from its first line.
        assert shown["barHeight"] <= shown["screen"] / 2, shown
        if shown["unitBottom"] - shown["unitTop"] <= shown["barTop"]:
            assert 0 <= shown["unitTop"] and shown["unitBottom"] <= shown["barTop"], shown
        else:
            assert -1 <= shown["unitTop"] <= 24, shown
        stepper.get_by_role("button", name="Next").click()


# The boxes that match `selector`, and everything in them, that reach past either edge of the screen.
OFF_SCREEN = """selector => {
  const width = document.scrollingElement.clientWidth;
  const boxes = [...document.querySelectorAll(selector)];
  return {
    found: boxes.length,
    out: boxes.flatMap(box => [box, ...box.querySelectorAll('*')])
      .filter(el => !el.closest('.visually-hidden'))
      .map(el => [el, el.getBoundingClientRect()])
      .filter(([el, r]) => r.width && (r.left < -1 || r.right > width + 1))
      .map(([el, r]) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.left)}..${Math.round(r.right)}`),
  };
}"""


def assert_on_screen(page, *selectors):
    placed = {selector: page.evaluate(OFF_SCREEN, selector) for selector in selectors}
    assert all(where["found"] for where in placed.values()), placed
    assert {selector: where["out"] for selector, where in placed.items() if where["out"]} == {}
    assert page.evaluate(SIDEWAYS)["overflow"] == 0


@pytest.mark.parametrize("width", [320, 375])
def test_the_sources_and_the_suggestion_chips_wrap_their_long_words(browser, live_server, seed_article, width):
    # The seed article has a source with no link; the longest words in the tier legend, the chips and the
    # checkboxes' labels ("encyclopaedias", "information") are each wider than a 320 px line at this size.
    page = large_text_page(browser, width)
    page.goto(f"{live_server.url}{seed_article.get_absolute_url()}")
    chips = [".taxonomy", ".suggest__category label", ".suggest__credit label", ".field--checkbox label"]
    assert_on_screen(page, ".tier-legend", ".source-id--none", *chips)


@pytest.mark.parametrize("width", [320, 375])
def test_the_queues_view_chips_wrap_their_long_words(browser, live_server, seed_article, width):
    editor = make_editor()
    make_suggestion(seed_article)
    page = large_text_page(browser, width)
    sign_in(page, live_server, editor)
    assert_on_screen(page, ".queue-views a")


def test_the_phi_warning_on_the_draft_review_page_wraps_its_long_words(browser, live_server, seed_article):
    editor = make_editor()
    suggestion = make_suggestion(seed_article)
    services.suggestion_assign(suggestion=suggestion, editor=editor)
    services.suggestion_accept(suggestion=suggestion, editor=editor)
    draft = services.draft_start(editor=editor, article=seed_article, suggestion=suggestion)
    draft = services.draft_save(draft=draft, editor=editor, text=draft.text + "\n", summary="A synthetic change.")
    draft = services.draft_send_for_approval(draft=draft, editor=editor, build_url=lambda path: path)
    page = large_text_page(browser, 320)
    page.goto(f"{live_server.url}/drafts/review/{approval_token(draft)}/")
    assert_on_screen(page, ".phi-warning")
