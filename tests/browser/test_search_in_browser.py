"""A reader searches from the header and lands on the sentence the snippet quoted, highlighted."""

import re

import pytest

from tests.browser.test_whole_path_effort import SCROLL_SETTLED

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_searching_from_the_header_lands_on_the_highlighted_sentence(page, live_server, seed_article):
    page.goto(f"{live_server.url}/")
    page.get_by_role("searchbox", name="Search articles").fill("caregiver burnout")
    page.get_by_role("searchbox", name="Search articles").press("Enter")
    page.wait_for_url("**/search/?q=caregiver+burnout")

    hit = page.locator(".search-hit").first
    assert hit.locator(".article-card__title").inner_text() == "Self-Compassion"
    snippet = hit.locator(".search-snippet").first
    assert snippet.locator("mark").count() >= 1
    assert snippet.locator(".cite, .llm-tag").count() >= 1
    quoted = snippet.locator(".search-snippet__link").inner_text()
    key = snippet.locator(".search-snippet__link").get_attribute("href").rsplit("#", 1)[1]

    snippet.locator(".search-snippet__link").click()
    page.wait_for_url(re.compile(rf"/articles/self-compassion/#{key}$"))
    page.wait_for_function(SCROLL_SETTLED)
    sentence = page.locator(f"#{key}")
    assert sentence.is_visible() and sentence.evaluate("el => el.matches(':target')")
    box = sentence.bounding_box()
    assert 0 <= box["y"] < page.viewport_size["height"]
    background = sentence.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background == "rgb(230, 240, 251)"  # --target-bg
    # The snippet quoted this sentence (its key term or SMART cells aside).
    assert quoted.split(" · ")[-1][:30] in sentence.inner_text()


@pytest.mark.parametrize("width", [375, 1280])
def test_a_filter_is_applied_from_a_button_after_the_filters(browser, live_server, seed_article, width):
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(f"{live_server.url}/search/?q=self-compassion")
    last = page.get_by_label("Sourced share at least")
    last.select_option("90")
    # The next stop after the last filter is the button that applies it, not the results below.
    last.focus()
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => { const el = document.activeElement;"
        " return [el.tagName, el.type, el.textContent.trim(), !!el.closest('form.search__form')]; }"
    )
    assert focused == ["BUTTON", "submit", "Apply filters", True]
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=self-compassion*sourced=90*")
    assert "No article matches" in page.locator(".search__count").inner_text()  # the seed is 73% sourced
