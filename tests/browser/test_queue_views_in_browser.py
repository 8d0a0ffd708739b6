"""An editor finds what needs them through the queue's views, hands work to a colleague, and releases it."""

import re

import pytest

from revisions import services
from tests.browser.conftest import sign_in
from tests.factories import make_article, make_editor, make_suggestion

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _url(path):
    return f"http://testserver{path}"


def _count(page, label):
    return int(page.get_by_role("link", name=re.compile(f"^{label}")).locator(".queue-views__count").inner_text())


def test_the_views_count_and_list_what_needs_each_editor(browser, live_server):
    me, colleague = make_editor("editor-me"), make_editor("editor-colleague")
    article = make_article()
    new = make_suggestion(article)
    mine = make_suggestion(article)
    services.suggestion_assign(suggestion=mine, editor=me)
    asked = make_suggestion(article)
    services.suggestion_assign(suggestion=asked, editor=me)
    services.suggestion_ask(suggestion=asked, editor=me, question="Which edition?", build_url=_url)
    own = services.draft_start(editor=me, article=article)

    page = browser.new_page()
    sign_in(page, live_server, me)
    counts = {label: _count(page, label) for label in ("Waiting for me", "Assigned to me", "Awaiting submitter")}
    assert counts == {"Waiting for me": 2, "Assigned to me": 2, "Awaiting submitter": 1}
    assert _count(page, "Ready to publish") == 1 and _count(page, "Unassigned") == 1

    page.get_by_role("link", name=re.compile("^Waiting for me")).click()
    assert page.get_by_role("link", name=re.compile("^Waiting for me")).get_attribute("aria-current") == "page"
    rows = page.locator("table.queue__table tbody tr")
    assert rows.count() == 2
    assert f"#{mine.pk}" in rows.nth(0).inner_text() and f"Draft #{own.pk}" in rows.nth(1).inner_text()

    page.get_by_role("link", name=re.compile("^Awaiting submitter")).click()
    assert page.locator("table.queue__table tbody tr").count() == 1
    assert "Awaiting the submitter" in page.locator("table.queue__table").inner_text()

    # Hand the unassigned suggestion to a colleague; it leaves "Unassigned" and shows in their views.
    page.get_by_role("link", name=re.compile("^Unassigned")).click()
    page.get_by_role("link", name=f"#{new.pk}").click()
    page.get_by_label("Assign to another editor").select_option(label="editor-colleague")
    page.get_by_role("button", name="Assign", exact=True).click()
    assert "assigned to editor-colleague" in page.locator(".status-line").inner_text()
    page.get_by_role("link", name="Back to the queue").click()
    assert _count(page, "Unassigned") == 0

    other = browser.new_page()
    sign_in(other, live_server, colleague)
    assert _count(other, "Waiting for me") == 1 and _count(other, "Assigned to me") == 1
    other.get_by_role("link", name=re.compile("^Assigned to me")).click()
    other.get_by_role("link", name=f"#{new.pk}").click()
    other.get_by_role("button", name="Release").click()
    assert "assigned to nobody" in other.locator(".status-line").inner_text()
    other.get_by_role("link", name="Back to the queue").click()
    assert _count(other, "Assigned to me") == 0 and _count(other, "Unassigned") == 1


def test_a_signed_in_reader_who_opens_the_queue_is_told_what_it_is_for(page, live_server, django_user_model):
    reader = django_user_model.objects.create_user("reader-kim", password="not-a-real-password-1")
    sign_in(page, live_server, reader, next_path="/editors/queue/")
    assert page.locator("h1").inner_text() == "This page is for the wiki’s editors"
    page.get_by_role("link", name="Read the articles").click()
    page.wait_for_url(f"{live_server.url}/")


def test_held_text_is_announced_as_hidden_not_read_out_as_a_run_of_bullets(page, live_server):
    article = make_article()
    held = make_suggestion(article, note="Marisol found this hard, and her sister in Tuscaloosa agreed.")
    sign_in(page, live_server, make_editor(), held.get_absolute_url())
    suggested = page.get_by_role("region", name="Suggested")
    assert "•••" in suggested.inner_text()  # sighted editors see the text's shape
    heard = suggested.aria_snapshot()
    assert "•" not in heard
    assert heard.count("Hidden until you reveal it:") == 3  # the change, its sources and the note
    assert "Hidden until you reveal it: 10 words." in heard  # the note
