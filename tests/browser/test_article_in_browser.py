"""A reader in headless Chromium follows a citation and switches LLM highlighting."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reader_follows_a_citation_and_toggles_llm_highlighting(page, live_server, seed_article):
    page.goto(f"{live_server.url}{seed_article.get_absolute_url()}")
    assert page.locator("h1").inner_text() == "Self-Compassion"

    citation = page.locator('.unit[data-provenance="5"] a.cite').first
    citation.focus()
    tooltip = citation.evaluate("el => getComputedStyle(el, '::after').content")
    assert "Deconstructing Self-Compassion" in tooltip and "T1" in tooltip

    citation.press("Enter")
    page.wait_for_url("**#source-5")
    target = page.locator("#source-5")
    assert target.get_attribute("data-tier") == "T1"
    assert "Muris, P., & Otgaar, H. (2022)" in target.inner_text()
    assert target.evaluate("el => el.matches(':target')")

    llm_unit = page.locator('.unit[data-provenance="llm"]').nth(1)
    sourced_unit = page.locator('.unit[data-provenance="1"]').first
    plain_background = llm_unit.evaluate("el => getComputedStyle(el).backgroundColor")

    page.get_by_label("Highlight").check()
    assert page.locator("#article").get_attribute("class").split() == ["article", "llm-highlight"]
    assert "llm=highlight" in page.url
    assert llm_unit.evaluate("el => getComputedStyle(el).backgroundColor") != plain_background
    assert sourced_unit.evaluate("el => getComputedStyle(el).backgroundColor") == plain_background

    page.get_by_label("Hide").check()
    assert not llm_unit.is_visible() and sourced_unit.is_visible()

    page.get_by_label("Show").check()
    assert llm_unit.is_visible()


def test_llm_highlighting_works_without_javascript(browser, live_server, seed_article):
    page = browser.new_context(java_script_enabled=False).new_page()
    page.goto(f"{live_server.url}{seed_article.get_absolute_url()}")
    page.get_by_label("Hide").check()
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**llm=hide**")
    assert page.locator('.unit[data-provenance="llm"]').first.is_hidden()
    assert page.locator('.unit[data-provenance="2"]').first.is_visible()
