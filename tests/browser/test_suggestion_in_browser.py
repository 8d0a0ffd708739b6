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


def _synthetic_text(length):
    """Obviously synthetic prose of exactly `length` characters, its end marked so a lost tail shows."""
    body = "".join(f"Synthetic sentence {n} about an example finding. " for n in range(1, 400))
    return body[: length - len(" THE END")] + " THE END"


def test_pasting_past_the_limit_keeps_every_character_and_says_how_far_over(browser, live_server, seed_article):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{live_server.url}{seed_article.get_absolute_url()}#suggest")
    pasted = _synthetic_text(6380)
    page.evaluate("text => navigator.clipboard.writeText(text)", pasted)
    field = page.get_by_label("Your suggested change")
    field.focus()
    page.keyboard.press("ControlOrMeta+V")
    assert field.input_value() == pasted
    count = page.locator("#id_proposed_text_count")
    assert "6,380 characters: 1,380 over the limit of 5,000" in count.inner_text()

    page.get_by_label("Outdated").check()
    page.get_by_label("Supporting sources").fill("Example, A. (2024). A synthetic comparison. doi:10.5555/synthetic")
    page.get_by_label("Your name").fill("Robin Example")
    page.get_by_label("Your email").fill("robin@example.org")
    page.get_by_label("This suggestion contains no client-identifying").check()
    page.get_by_role("button", name="Submit revision").click()
    page.wait_for_load_state("load")
    assert "This is 6,380 characters; the limit is 5,000 — please shorten it by 1,380." in page.content()
    assert field.input_value() == pasted  # nothing lost on the way back
    assert "1,380 over the limit" in count.inner_text()

    field.focus()
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.press("Backspace")
    page.keyboard.type("Shorter.")
    assert count.inner_text() == "8 of 5,000 characters"
    context.close()


def test_a_refused_submission_is_announced_once_and_starts_at_the_list_of_errors(page, live_server, seed_article):
    page.goto(f"{live_server.url}{seed_article.get_absolute_url()}#suggest")
    with page.expect_navigation():
        page.get_by_role("button", name="Submit revision").click()
    alerts = page.get_by_role("alert")
    assert alerts.count() == 1
    listed = alerts.inner_text()
    assert "Choose what kind of change you suggest." in listed and "Give your email address" in listed
    assert "This field is required" not in page.content()
    page.wait_for_function("document.activeElement.id === 'suggest-errors'")  # keyboard users start there
    assert alerts.get_by_role("link", name="Kind of change").get_attribute("href") == "#id_category_0"


# Where the field a link in the error list points to, and its question (label or legend), sit on the screen.
FIELD_AND_QUESTION = """id => {
  const field = document.getElementById(id);
  const fieldset = field.closest('fieldset');
  const question = fieldset && fieldset.querySelector('legend')
    || document.querySelector(`label[for="${id}"]`) || field.closest('label');
  const f = field.getBoundingClientRect(), q = question.getBoundingClientRect();
  return {focused: document.activeElement === field, question: question.textContent.trim(),
          questionTop: q.top, fieldBottom: f.bottom, height: innerHeight};
}"""


def _refused_form(browser, live_server, article, javascript):
    """A phone-sized page showing the article's form refused as sent empty."""
    context = browser.new_context(
        viewport={"width": 375, "height": 700}, reduced_motion="reduce", java_script_enabled=javascript
    )
    page = context.new_page()
    page.goto(f"{live_server.url}{article.get_absolute_url()}#suggest")
    with page.expect_navigation():
        page.get_by_role("button", name="Submit revision").click()
    return context, page


@pytest.mark.parametrize("javascript", [True, False])
def test_following_an_error_link_shows_the_field_with_its_question(browser, live_server, seed_article, javascript):
    context, page = _refused_form(browser, live_server, seed_article, javascript)
    links = page.locator("#suggest-errors a")
    assert links.count() == 5
    for i in range(links.count()):
        link = links.nth(i)
        link.scroll_into_view_if_needed()
        link.click()
        placed = page.evaluate(FIELD_AND_QUESTION, link.get_attribute("href")[1:])
        # The reader lands on the field and can read what it asks: neither is above the top of the screen.
        assert placed["focused"], placed
        assert 0 <= placed["questionTop"] and placed["fieldBottom"] <= placed["height"], placed
    context.close()


def test_the_status_page_a_submitter_lands_on_has_a_clean_address(page, live_server, seed_article):
    from revisions.models import Suggestion
    from revisions.tokens import suggestion_for_token

    page.goto(f"{live_server.url}{seed_article.get_absolute_url()}?suggest=u1#suggest")
    fill_suggestion(
        page,
        category="Outdated",
        change="A synthetic change.",
        sources="Example, A. (2024). doi:10.5555/synthetic",
        name="Robin Example",
        email="robin@example.org",
        credit="Initials",
    )
    # The address they bookmark or copy is their status page, with no leftover "#suggest" from the form (its token
    # is signed when made, so it is read back rather than made again here).
    token = page.url.removeprefix(f"{live_server.url}/suggestions/").removesuffix("/")
    assert "#" not in page.url and suggestion_for_token(token) == Suggestion.objects.get()


@pytest.mark.parametrize("javascript", [True, False])
def test_a_refused_submission_opens_at_its_list_of_errors(browser, live_server, seed_article, javascript):
    context, page = _refused_form(browser, live_server, seed_article, javascript)
    page.wait_for_function("document.activeElement.id === 'suggest-errors'")
    top = page.locator("#suggest-errors").evaluate("el => el.getBoundingClientRect().top")
    assert 0 <= top < 700
    context.close()
