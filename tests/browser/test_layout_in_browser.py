"""The layout at a phone's width, a desktop's and on paper: no page scrolls sideways, a wide table wraps or
scrolls within its column, the article footer reads as a sentence, and print leaves off what works only on
screen."""

import pytest

from articles.importing import article_import
from revisions import services
from tests.browser.conftest import sign_in
from tests.factories import make_editor, make_suggestion

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIDEWAYS = "() => document.documentElement.scrollWidth - window.innerWidth"


def _page(browser, width):
    return browser.new_page(viewport={"width": width, "height": 900})


@pytest.mark.parametrize("view", ["", "?llm=highlight", "?llm=hide", "versions/1.0/"])
def test_the_seed_article_does_not_scroll_sideways_on_a_phone(browser, live_server, seed_article, view):
    page = _page(browser, 360)
    page.goto(f"{live_server.url}{seed_article.get_absolute_url()}{view}")
    assert page.evaluate(SIDEWAYS) <= 0
    doi = page.locator("#source-1 .source-id a")
    assert doi.inner_text() == "10.1146/annurev-psych-032420-031047"
    assert doi.evaluate("el => el.getClientRects().length") > 1  # the DOI wraps rather than widening the page


def test_on_a_desktop_a_doi_that_fits_stays_whole(browser, live_server, seed_article):
    page = _page(browser, 1280)
    page.goto(f"{live_server.url}{seed_article.get_absolute_url()}")
    assert page.locator("#source-1 .source-id a").evaluate("el => el.getClientRects().length") == 1


def test_on_paper_the_search_box_and_the_cited_in_toggles_are_left_off(page, live_server, seed_article):
    page.goto(f"{live_server.url}{seed_article.get_absolute_url()}")
    toggles = page.locator(".backlinks summary")
    assert page.locator(".site-search").is_visible() and toggles.first.is_visible()
    page.emulate_media(media="print")
    assert page.locator(".site-search").is_hidden()
    assert toggles.count() > 0 and all(toggle.is_hidden() for toggle in toggles.all())
    assert page.get_by_text("Cited by no sentence; shown as a video resource.").is_visible()


def test_on_paper_the_video_search_link_prints_its_address(page, live_server, seed_article):
    page.goto(f"{live_server.url}{seed_article.get_absolute_url()}")
    page.emulate_media(media="print")
    link = page.get_by_role("link", name="Search for its title on YouTube")
    address = link.get_attribute("href")
    assert address.startswith("https://www.youtube.com/results?search_query=")
    assert link.evaluate("el => getComputedStyle(el, '::after').content") == f'" ({address})"'


def test_the_evidence_dashboard_table_scrolls_in_its_own_region_on_a_phone(browser, live_server, seed_article):
    page = _page(browser, 360)
    sign_in(page, live_server, make_editor(), "/editors/evidence/")
    assert page.locator("tr[data-article='self-compassion']").is_visible()
    assert page.evaluate(SIDEWAYS) <= 0
    region = page.get_by_role("region", name="Articles by their evidence; column headings sort")
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")
    region.focus()  # a keyboard reaches it and scrolls it
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('.table-scroll').scrollLeft > 0")


@pytest.mark.parametrize("width", [1280, 360])
def test_the_history_table_fits_its_column_in_the_editors_view(browser, live_server, seed_data, width):
    article, _ = article_import(data=seed_data)
    # A user name with no space to break at, beside the Editors column only editors see.
    editor = make_editor("synthetic.publisher-with-a-long-user-name")
    seed_data["sections"][0]["blocks"][0]["units"][0]["text"] += " (reworded)"
    article_import(data=seed_data, revision={"summary": "Reworded the opening sentence.", "published_by": editor})
    page = _page(browser, width)
    sign_in(page, live_server, editor, f"/articles/{article.slug}/history/")
    assert page.get_by_role("link", name="Publish this text again").is_visible()
    assert page.evaluate(SIDEWAYS) <= 0
    table, column = page.locator(".history__table").evaluate(
        "t => [t.getBoundingClientRect().right, t.parentElement.getBoundingClientRect().right]"
    )
    assert table <= column


@pytest.mark.parametrize("view", ["", "versions/1.0/"])
def test_the_footer_review_line_ends_with_its_full_stop(page, live_server, seed_article, view):
    page.goto(f"{live_server.url}{seed_article.get_absolute_url()}{view}")
    assert page.locator(".provenance-footer__review").inner_text() == "Not yet clinically reviewed."
    assert " ." not in page.locator(".provenance-footer").inner_text()


# Where the text starts, in px from the left: in the header, the LLM warning, the main column and the footer.
TEXT_STARTS = """() => Object.fromEntries(
  ['.site-header__inner', '.site-warning', 'main', '.site-footer > p'].map(selector => {
    const el = document.querySelector(selector);
    return [selector, Math.round(el.getBoundingClientRect().left + parseFloat(getComputedStyle(el).paddingLeft))];
  })
)"""


@pytest.mark.parametrize("width", [375, 1280, 1600])
def test_the_draft_pages_column_lines_up_with_its_header_as_an_article_pages_does(
    browser, live_server, seed_article, width
):
    editor = make_editor()
    suggestion = make_suggestion(seed_article)
    services.suggestion_assign(suggestion=suggestion, editor=editor)
    services.suggestion_accept(suggestion=suggestion, editor=editor)
    draft = services.draft_start(editor=editor, article=seed_article, suggestion=suggestion)
    page = _page(browser, width)
    page.goto(f"{live_server.url}{seed_article.get_absolute_url()}")
    article = page.evaluate(TEXT_STARTS)
    assert len(set(article.values())) == 1, article  # one left edge down an article page
    sign_in(page, live_server, editor, draft.get_absolute_url())
    # The draft page is wider than an article's reading column, but its header, warning, main column and footer
    # still start at one left edge; the queue's width, meant for the queue, had moved the header 44 px off it.
    starts = page.evaluate(TEXT_STARTS)
    assert max(starts.values()) - min(starts.values()) <= 1, starts


def test_a_quoted_sentence_in_its_history_uses_the_phones_width(browser, live_server, seed_article):
    unit = seed_article.units.order_by("key").first()
    page = _page(browser, 320)
    page.goto(f"{live_server.url}/articles/{seed_article.slug}/sentences/{unit.key_label}/history/")
    quote, column, border = page.locator(".sentence-event blockquote").first.evaluate(
        """q => {
          const main = document.querySelector('main'), style = getComputedStyle(main);
          return [q.getBoundingClientRect().width,
                  main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
                  getComputedStyle(q).borderLeftWidth];
        }"""
    )
    # Quoted as everywhere else on the site (a rule down its left), not indented 40 px each side by default.
    assert quote >= 0.85 * column, (quote, column)
    assert border == "4px"
