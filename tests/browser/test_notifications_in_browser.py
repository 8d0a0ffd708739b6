"""Driven in a browser, each step a submitter takes reaches the editors by email through a real SMTP server."""

import re

import pytest

from articles.models import Unit
from revisions.models import NotificationPreference, Suggestion
from tests.browser.conftest import fill_suggestion, sign_in
from tests.factories import make_editor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SENTENCE = "Because it is a transdiagnostic process variable"


def _editor(username, mode, email):
    editor = make_editor(username)
    editor.email = email
    editor.save(update_fields=["email"])
    if mode:
        NotificationPreference.objects.create(user=editor, mode=mode)
    return editor


def _link(message, pattern):
    return re.search(pattern, message.get_content()).group(0)


def _wait_for(inbox, address, count):
    """Mail leaves after the request commits; give the live server's thread a moment."""
    import time

    for _ in range(50):
        if len(inbox.to(address)) >= count:
            return inbox.to(address)
        time.sleep(0.1)
    raise AssertionError(f"{address} got {len(inbox.to(address))} emails, expected {count}")


def test_new_suggestion_answer_approval_and_send_back_reach_the_editors_by_email(
    browser, live_server, smtp_inbox, settings, seed_article
):
    settings.EDITORS_REPLY_TO = "Wiki editors <editors@example.org>"
    lead = _editor("editor-lead", None, "lead@example.org")  # every suggestion, until they choose
    helper = _editor("editor-helper", NotificationPreference.Mode.ASSIGNED, "helper@example.org")
    _editor("editor-away", NotificationPreference.Mode.NONE, "away@example.org")
    unit = Unit.objects.get(article=seed_article, text__startswith=SENTENCE)

    reader = browser.new_page()
    reader.goto(f"{live_server.url}{seed_article.get_absolute_url()}?suggest={unit.key_label}#suggest")
    fill_suggestion(
        reader,
        category="Missing evidence",
        change="Cite the synthetic review here.",
        sources="Example, A. (2023). A synthetic review. doi:10.5555/review",
        name="Jordan Example",
        email="jordan@example.org",
        credit="Full name",
    )
    status_url = reader.url.split("#")[0]
    [new] = _wait_for(smtp_inbox, "lead@example.org", 1)
    assert "new" in str(new["Subject"]) and new["Reply-To"] == "Wiki editors <editors@example.org>"
    assert "Cite the synthetic review" not in new.get_content()
    assert not smtp_inbox.to("helper@example.org") and not smtp_inbox.to("away@example.org")
    [acknowledgement] = _wait_for(smtp_inbox, "jordan@example.org", 1)
    assert acknowledgement["Reply-To"] == "Wiki editors <editors@example.org>"

    # The lead follows the emailed link, hands the suggestion to the helper, and asks a question.
    desk = browser.new_page()
    queue_link = _link(new, r"http://\S+/editors/queue/\d+/").replace("http://testserver", live_server.url)
    sign_in(desk, live_server, lead, next_path=queue_link.removeprefix(live_server.url))
    desk.get_by_label("Assign to another editor").select_option(label="editor-helper")
    desk.get_by_role("button", name="Assign", exact=True).click()
    desk.get_by_text("Assigned.").wait_for()
    desk.get_by_label("Question to the submitter").fill("Which page of the review?")
    desk.get_by_role("button", name="Ask the submitter").click()
    desk.get_by_text("Question sent to the submitter.").wait_for()

    reader.goto(status_url)
    reader.get_by_label("Your answer").fill("Page 12, the synthetic summary table.")
    reader.get_by_role("button", name="Send answer").click()
    reader.get_by_text("Your answer has reached the editors").wait_for()
    for address in ("lead@example.org", "helper@example.org"):
        answered = _wait_for(smtp_inbox, address, 2 if address.startswith("lead") else 1)[-1]
        assert "answered" in str(answered["Subject"]) and "Page 12" not in answered.get_content()

    # The helper drafts and sends; the submitter sends it back, then approves the revised draft.
    suggestion = Suggestion.objects.get()
    helper_desk = browser.new_page()
    sign_in(helper_desk, live_server, helper, next_path=f"/editors/queue/{suggestion.pk}/")
    helper_desk.get_by_role("button", name="Accept and start a draft").click()
    helper_desk.wait_for_selector(".unit-edit")
    working = helper_desk.get_by_label("Working copy")
    working.fill(working.input_value().replace("evidence-based treatments [LLM].", "evidence-based treatments [1]."))
    helper_desk.get_by_role("button", name="Save, then send to the submitter").click()
    helper_desk.get_by_text("Draft saved and sent").wait_for()

    review = _wait_for(smtp_inbox, "jordan@example.org", 3)[-1]
    reader.goto(_link(review, r"http://\S+/drafts/review/\S+/").replace("http://testserver", live_server.url))
    reader.get_by_label("Or send it back: what should change?").fill("Please also cite the second review.")
    reader.get_by_role("button", name="Send back to the editor").click()
    reader.get_by_text("Your comments have gone back to the editor").wait_for()
    sent_back = _wait_for(smtp_inbox, "helper@example.org", 2)[-1]
    assert "sent back" in str(sent_back["Subject"]) and "/editors/drafts/" in sent_back.get_content()

    helper_desk.goto(_link(sent_back, r"http://\S+/editors/drafts/\d+/").replace("http://testserver", live_server.url))
    helper_desk.get_by_role("button", name="Email the submitter to approve").click()
    helper_desk.get_by_text("Sent to the submitter for approval.").wait_for()
    fresh = _wait_for(smtp_inbox, "jordan@example.org", 4)[-1]
    reader.goto(_link(fresh, r"http://\S+/drafts/review/\S+/").replace("http://testserver", live_server.url))
    reader.get_by_role("button", name="Approve this change").click()
    reader.get_by_text("You approved the change").wait_for()
    approved = _wait_for(smtp_inbox, "helper@example.org", 3)[-1]
    assert "ready to publish" in str(approved["Subject"])
    assert "ready to publish" in str(_wait_for(smtp_inbox, "lead@example.org", 4)[-1]["Subject"])
    assert not smtp_inbox.to("away@example.org")
