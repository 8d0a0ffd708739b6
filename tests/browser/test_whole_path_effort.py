"""The whole path, suggest → ask → answer → accept → draft → approve → publish, driven as people would drive
it, counting each person's clicks (buttons, links, choices and the fields they click into), the links they
follow from emails, and the times what they needed was off screen so that they had to scroll to it.

Run with `-s` to see the counts; the assertions keep them from creeping back up.
"""

import re
import time
from collections import Counter

import pytest

from articles.models import Unit
from revisions.models import Draft
from tests.factories import make_editor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The sentence the path targets, and one near the end of the article that was kept apart while the
# pages were built, so the figures are not tuned to one place in one article.
TARGETS = ["Because it is a transdiagnostic process variable", "How might your own relationship to self-criticism"]
# Resolves once the page has kept still for a moment (a smooth scroll to an anchor has finished).
SCROLL_SETTLED = """() => new Promise(done => {
  let last = null;
  const look = () => { if (last === scrollY) done(true); else { last = scrollY; setTimeout(look, 150); } };
  look();
})"""


class Effort:
    def __init__(self):
        self.clicks, self.scrolls, self.links_followed = Counter(), Counter(), Counter()
        self.scrolled_to = []  # (who, what) for each control that was off screen

    def click(self, who, locator, action="click"):
        """Click as a person would, once the page has stopped moving: if the control is off screen, they
        scroll to it first."""
        locator.page.wait_for_function(SCROLL_SETTLED)
        in_view = locator.evaluate(
            "el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight }"
        )
        if not in_view:
            self.scrolls[who] += 1
            self.scrolled_to.append((who, str(locator)))
        getattr(locator, action)()
        self.clicks[who] += 1

    def type_into(self, who, locator, text):
        self.click(who, locator)
        locator.fill(text)

    def follow(self, who, page, url):
        page.goto(url)
        self.links_followed[who] += 1

    def report(self):
        return {
            who: {"clicks": self.clicks[who], "scrolls": self.scrolls[who], "links": self.links_followed[who]}
            for who in sorted(set(self.clicks) | set(self.links_followed))
        }


def _mail_link(inbox, address, pattern, count, live_server):
    for _ in range(50):
        messages = inbox.to(address)
        if len(messages) >= count:
            link = re.search(pattern, messages[count - 1].get_content()).group(0)
            return re.sub(r"^http://[^/]+", live_server.url, link)
        time.sleep(0.1)
    raise AssertionError(f"no email {count} to {address}")


@pytest.mark.parametrize("target", TARGETS)
def test_the_whole_path_takes_few_clicks_and_no_scrolling(browser, live_server, smtp_inbox, seed_article, target):
    editor = make_editor()
    editor.email = "sam@example.org"
    editor.save(update_fields=["email"])
    unit = Unit.objects.get(article=seed_article, text__startswith=target)
    effort = Effort()

    # The reader suggests a change to one sentence.
    reader = browser.new_page(viewport={"width": 1280, "height": 800})
    reader.goto(f"{live_server.url}{seed_article.get_absolute_url()}")
    effort.click("submitter", reader.locator(f"#u{unit.key} a.suggest-link"))
    reader.wait_for_url("**#suggest")
    effort.click("submitter", reader.get_by_label("Missing evidence"), "check")
    effort.type_into("submitter", reader.get_by_label("Your suggested change"), "Cite the synthetic review here.")
    effort.type_into("submitter", reader.get_by_label("Supporting sources"), "Example, A. (2023). doi:10.5555/review")
    effort.type_into("submitter", reader.get_by_label("Your name"), "Jordan Example")
    effort.type_into("submitter", reader.get_by_label("Your email"), "jordan@example.org")
    effort.click("submitter", reader.get_by_label("Full name"), "check")
    effort.click("submitter", reader.get_by_label("This suggestion contains no client-identifying"), "check")
    effort.click("submitter", reader.get_by_role("button", name="Submit revision"))
    reader.wait_for_url("**/suggestions/**")

    # The editor, signed in, follows the emailed link and asks a question.
    desk = browser.new_page(viewport={"width": 1280, "height": 800})
    desk.goto(f"{live_server.url}/accounts/login/")
    desk.get_by_label("Username").fill(editor.username)
    desk.get_by_label("Password").fill("not-a-real-password-1")
    desk.get_by_role("button", name="Sign in").click()
    desk.wait_for_url("**/editors/queue/")
    effort.follow(
        "editor", desk, _mail_link(smtp_inbox, editor.email, r"http://\S+/editors/queue/\d+/", 1, live_server)
    )
    effort.type_into("editor", desk.get_by_label("Question to the submitter"), "Which page of the review?")
    effort.click("editor", desk.get_by_role("button", name="Ask the submitter"))
    desk.get_by_text("Question sent").wait_for()

    # The submitter answers from the emailed link.
    question = _mail_link(smtp_inbox, "jordan@example.org", r"http://\S+/suggestions/\S+/", 2, live_server)
    effort.follow("submitter", reader, question)
    effort.type_into("submitter", reader.get_by_label("Your answer"), "Page 12.")
    effort.click("submitter", reader.get_by_role("button", name="Send answer"))
    reader.get_by_text("Your answer has reached the editors").wait_for()

    # The editor accepts and drafts: the draft opens at the sentence, edited in place.
    effort.follow(
        "editor", desk, _mail_link(smtp_inbox, editor.email, r"http://\S+/editors/queue/\d+/", 2, live_server)
    )
    effort.click("editor", desk.get_by_role("button", name="Accept and start a draft"))
    desk.wait_for_selector(".unit-edit")
    effort.click("editor", desk.locator(f"#u{unit.key} .unit-edit"))
    effort.click("editor", desk.locator(".unit-editor").get_by_role("checkbox", name=re.compile(r"\[1\] ")), "check")
    effort.click("editor", desk.get_by_role("button", name="Apply"))
    desk.locator("#draft-announcer").filter(has_text="Sentence changed").wait_for()
    effort.type_into("editor", desk.get_by_label("What changes, in a line"), "Cited the transdiagnostic claim.")
    effort.click("editor", desk.get_by_role("button", name="Save, then send to the submitter"))
    desk.get_by_text("Draft saved and sent").wait_for()

    # The submitter approves from the emailed link; the editor publishes from theirs.
    review = _mail_link(smtp_inbox, "jordan@example.org", r"http://\S+/drafts/review/\S+/", 3, live_server)
    effort.follow("submitter", reader, review)
    effort.click("submitter", reader.get_by_role("button", name="Approve this change"))
    reader.get_by_text("You approved the change").wait_for()
    effort.follow(
        "editor", desk, _mail_link(smtp_inbox, editor.email, r"http://\S+/editors/drafts/\d+/", 3, live_server)
    )
    effort.click("editor", desk.get_by_role("button", name="Publish as version 1.1"))
    desk.wait_for_url(f"**{seed_article.get_absolute_url()}")

    assert Draft.objects.get().state == Draft.State.PUBLISHED
    assert Unit.objects.get(article=seed_article, key=unit.key).citations.count() == 1
    counts = effort.report()
    print(
        f"\nwhole-path effort ({target[:30]}…):",
        counts,
        "\noff screen:",
        [what[-90:] for _, what in effort.scrolled_to],
    )
    assert counts["editor"]["scrolls"] == 0
    assert counts["editor"]["clicks"] <= 9
    assert counts["submitter"]["clicks"] <= 13
