"""The citation box in a browser: copy buttons from the keyboard, announced to screen readers, and the date
printed on paper."""

import datetime

import pytest

from tests.factories import make_article

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_citation_is_copied_from_the_keyboard_and_the_copy_is_announced(browser, live_server):
    article = make_article()
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    button = page.get_by_role("button", name="Copy BibTeX citation")
    button.focus()
    page.keyboard.press("Enter")
    status = page.locator("[data-copy-status]")
    page.wait_for_function("() => document.querySelector('[data-copy-status]').textContent !== ''")
    assert status.inner_text() == "BibTeX citation copied."
    assert status.get_attribute("aria-live") == "polite" and status.get_attribute("role") == "status"
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == page.locator("#cite-bibtex-text").inner_text()
    assert "version      = {1.0}" in copied
    assert page.evaluate("() => document.activeElement.dataset.copyTarget") == "cite-bibtex-text"
    context.close()


def test_without_javascript_the_citations_are_text_to_select_and_no_button_shows(browser, live_server):
    article = make_article()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    assert page.locator(".citation-box__copy:visible").count() == 0
    assert page.locator("#cite-apa-text").is_visible()
    context.close()


def test_the_printout_carries_the_citation_permalink_and_the_date_printed(browser, live_server):
    article = make_article()
    page = browser.new_page()
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    page.emulate_media(media="print")
    printed = page.locator(".citation-box__printed")
    assert printed.is_visible()
    today = datetime.datetime.now(datetime.UTC).astimezone().date()  # the browser's local date
    assert printed.inner_text() == f"Printed on {today.day} {today:%B} {today.year}."
    assert page.locator(".citation-box__permalink").is_visible()
    assert page.locator("#cite-apa-text").is_visible()
    assert page.locator(".citation-box__copy:visible").count() == 0
