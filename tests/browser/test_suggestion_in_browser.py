"""A reader suggests a change to one sentence; an editor finds it in the queue with that sentence quoted."""

import pytest

from articles.models import Unit
from tests.browser.conftest import fill_suggestion
from tests.factories import make_editor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reader_suggests_a_change_to_a_sentence_and_an_editor_finds_it(browser, live_server, seed_article):
    unit = Unit.objects.get(block__section__article=seed_article, text__startswith="A central principle is that")
    editor = make_editor()

    reader = browser.new_page()
    reader.goto(f"{live_server.url}{seed_article.get_absolute_url()}")
    link = reader.locator(f'a.suggest-link[href="?suggest={unit.key_label}#suggest"]')
    link.locator("xpath=..").hover()  # the pencil shows when the reader points at the sentence
    link.click()
    reader.wait_for_url(f"**?suggest={unit.key_label}#suggest")
    assert unit.text in reader.locator(".suggest__target blockquote").inner_text()

    fill_suggestion(
        reader,
        category="Outdated",
        change="Newer synthetic work suggests the comparison with self-esteem depends on the measure used.",
        sources="Example, A. (2024). A synthetic comparison. doi:10.5555/synthetic",
        name="Robin Example",
        email="robin@example.org",
        credit="Initials",
    )
    assert "your suggestion has reached the editors" in reader.content()
    assert "Status:" in reader.locator(".status-line").inner_text()

    desk = browser.new_page()
    desk.goto(f"{live_server.url}/editors/queue/")
    desk.get_by_label("Username").fill(editor.username)
    desk.get_by_label("Password").fill("not-a-real-password-1")
    desk.get_by_role("button", name="Sign in").click()
    desk.wait_for_url("**/editors/queue/")
    row = desk.locator("table.queue__table tbody tr").first
    assert "Outdated" in row.inner_text() and "Core Principles" in row.inner_text()
    row.get_by_role("link").click()
    current = desk.locator(".compare__current blockquote").inner_text()
    assert unit.text in current
    assert "depends on the measure used" in desk.locator(".compare__proposed").inner_text()
