"""The whole path in a browser: suggest, draft, approve from the email, publish, read the new version."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from articles.models import Unit
from tests.browser.conftest import fill_suggestion
from tests.factories import make_editor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LLM_SENTENCE = (
    "Because it is a transdiagnostic process variable, it functions both as an outcome to cultivate and as a "
    "presumed mechanism of change across several evidence-based treatments [LLM]."
)


def _sign_in(page, live_server, editor):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(editor.username)
    page.get_by_label("Password").fill("not-a-real-password-1")
    page.get_by_role("button", name="Sign in").click()


def test_a_suggestion_becomes_version_1_1_with_credit_provenance_and_diff(browser, live_server, seed_article):
    unit = Unit.objects.get(block__section__article=seed_article, text__startswith="Because it is a transdiagnostic")
    editor = make_editor()

    reader = browser.new_page()
    reader.goto(f"{live_server.url}{seed_article.get_absolute_url()}?suggest={unit.key_label}#suggest")
    fill_suggestion(
        reader,
        category="Missing evidence",
        change="This claim is supported by the synthetic review cited as source 1.",
        sources="Example, A. (2023). A synthetic review. doi:10.5555/review",
        name="Jordan Example",
        email="jordan@example.org",
        credit="Full name",
    )

    desk = browser.new_page()
    _sign_in(desk, live_server, editor)
    desk.locator("table.queue__table tbody tr").first.get_by_role("link").click()
    desk.get_by_role("button", name="Assign to me").click()
    desk.get_by_role("button", name="Accept for drafting").click()
    desk.get_by_role("button", name="Start a draft").click()
    desk.wait_for_url("**/editors/drafts/**")
    working = desk.get_by_role("textbox", name="Working copy")
    working.fill(working.input_value().replace(LLM_SENTENCE, LLM_SENTENCE.replace("[LLM].", "[1].")))
    desk.get_by_label("What changes, in a line").fill("Cited the transdiagnostic claim.")
    desk.get_by_role("button", name="Save draft").click()
    assert desk.locator('[data-change="changed"]').count() == 1
    mail.outbox.clear()
    desk.get_by_role("button", name="Email the submitter to approve").click()
    desk.wait_for_load_state()

    link = re.search(r"http://\S+/drafts/review/\S+/", mail.outbox[-1].body).group(0)
    reader.goto(link.replace("http://testserver", live_server.url))
    assert reader.locator('[data-change="changed"]').count() == 1
    reader.get_by_role("button", name="Approve this change").click()
    expect(reader.locator("body")).to_contain_text("You approved the change")

    desk.reload()
    desk.get_by_role("button", name="Publish as version 1.1").click()
    desk.wait_for_url(f"**{seed_article.get_absolute_url()}")

    article = browser.new_page()
    article.goto(f"{live_server.url}{seed_article.get_absolute_url()}")
    assert "Version 1.1" in article.locator(".article-version").inner_text()
    assert "Revised after a reader’s suggestion" in article.locator(".article-version").inner_text()
    sentence = article.locator('.unit[data-provenance="1"]', has_text="Because it is a transdiagnostic")
    assert sentence.count() == 1
    article.get_by_role("link", name="History").click()
    expect(article.locator("body")).to_contain_text("credited to Jordan Example")
    article.get_by_role("link", name="changes from 1.0").click()
    changed = article.locator('[data-change="changed"]')
    assert changed.count() == 1 and "Because it is a transdiagnostic" in changed.inner_text()
