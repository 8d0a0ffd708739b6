"""A submitter follows their links in a browser: every state a review link can be in says what happened."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from revisions import services
from revisions.models import Suggestion
from revisions.tokens import approval_token, status_token
from tests.factories import make_editor, make_suggestion

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SENTENCE = (
    "Because it is a transdiagnostic process variable, it functions both as an outcome to cultivate and as a "
    "presumed mechanism of change across several evidence-based treatments [LLM]."
)


def _url(path):
    return f"http://testserver{path}"


def _sent_draft(editor, article, cite="[1]."):
    suggestion = make_suggestion(article)
    services.suggestion_assign(suggestion=suggestion, editor=editor)
    services.suggestion_accept(suggestion=suggestion, editor=editor)
    draft = services.draft_start(editor=editor, article=article, suggestion=suggestion)
    draft = services.draft_save(
        draft=draft, editor=editor, text=draft.text.replace(SENTENCE, SENTENCE.replace("[LLM].", cite)), summary=""
    )
    return services.draft_send_for_approval(draft=draft, editor=editor, build_url=_url)


def _heading(page, live_server, path):
    page.goto(f"{live_server.url}{path}")
    return page.locator("h1").inner_text()


def test_every_review_link_state_says_what_happened(page, live_server, seed_article, admin_client):
    editor = make_editor()
    links = {}
    updating = _sent_draft(editor, seed_article, cite="[7].")

    withdrawn = _sent_draft(editor, seed_article)
    links["withdrawn"] = approval_token(withdrawn)
    services.suggestion_withdraw(suggestion=withdrawn.suggestion)

    rejected = _sent_draft(editor, seed_article)
    links["rejected"] = approval_token(rejected)
    services.suggestion_reject(suggestion=rejected.suggestion, editor=editor, reason="Out of scope.", build_url=_url)

    approved = _sent_draft(editor, seed_article)
    links["approved"] = approval_token(approved)
    services.draft_decide(draft=approved, approve=True)

    declined = _sent_draft(editor, seed_article)
    links["declined"] = approval_token(declined)
    services.draft_decide(draft=declined, approve=False, comment="Cite the trial too.")

    superseded = _sent_draft(editor, seed_article)
    links["superseded"] = approval_token(superseded)
    services.draft_send_for_approval(draft=superseded, editor=editor, build_url=_url)

    revising = _sent_draft(editor, seed_article)
    links["revising"] = approval_token(revising)
    services.draft_save(draft=revising, editor=editor, text=revising.text.replace("[1].", "[2].", 1), summary="")

    published = _sent_draft(editor, seed_article)
    links["published"] = approval_token(published)
    services.draft_decide(draft=published, approve=True)
    published.refresh_from_db()
    services.draft_publish(draft=published, editor=editor, build_url=_url)

    expected = {
        "withdrawn": "You withdrew this suggestion",
        "rejected": "The editors stopped this draft",
        "approved": "This draft has already been decided",
        "declined": "This draft has already been decided",
        "superseded": "There is a newer link",
        "revising": "The editors are revising this draft",
        "published": "This draft has already been decided",
    }
    for state, heading in expected.items():
        assert _heading(page, live_server, f"/drafts/review/{links[state]}/") == heading, state
        if state == "published":
            page.get_by_role("link", name="see exactly what changed").click()
            page.wait_for_url("**/compare/?from=1.0&to=1.1")
        if state == "superseded":
            # The submitter's page holds the link that works now.
            page.get_by_role("link", name="Your suggestion’s page").click()
            page.get_by_role("link", name="Review the drafted change").click()
            assert page.locator("h1").inner_text() == "Review the change drafted from your suggestion"

    # A source the draft cites is corrected in the library: the link says the draft is being brought up to date.
    source = seed_article.numbered_sources.get(number=7).source
    fields = {
        f: getattr(source, f) or "" for f in ("authors", "title", "container", "url", "doi", "pmid", "kind", "tier")
    }
    admin_client.post(f"/admin/sources/source/{source.pk}/change/", {**fields, "title": "Self-compassion (entry)"})
    assert _heading(page, live_server, f"/drafts/review/{approval_token(updating)}/") == (
        "This draft is being brought up to date"
    )
    assert _heading(page, live_server, "/drafts/review/not-a-real-link/") == "This link is not valid"


def test_an_expired_link_gets_a_fresh_one_by_email(page, live_server, seed_article, settings):
    editor = make_editor()
    draft = _sent_draft(editor, seed_article)
    token = approval_token(draft)
    settings.DRAFT_APPROVAL_LINK_MAX_AGE_DAYS = -1
    assert _heading(page, live_server, f"/drafts/review/{token}/") == "This link has expired"
    mail.outbox.clear()
    page.get_by_role("button", name="Email me a fresh link").click()
    assert page.locator("h1").inner_text() == "A fresh link is on its way"
    settings.DRAFT_APPROVAL_LINK_MAX_AGE_DAYS = 14
    fresh = re.search(r"http://\S+/drafts/review/\S+/", mail.outbox[-1].body).group(0)
    page.goto(re.sub(r"^http://[^/]+", live_server.url, fresh))
    page.get_by_role("button", name="Approve this change").click()
    expect(page.locator("body")).to_contain_text("You approved the change")


def test_withdrawing_asks_for_confirmation_without_scripts(browser, live_server, seed_article):
    suggestion = make_suggestion(seed_article)
    page = browser.new_context(java_script_enabled=False).new_page()
    page.goto(f"{live_server.url}/suggestions/{status_token(suggestion)}/")
    page.get_by_role("button", name="Withdraw my suggestion").click()
    assert page.locator("h1").inner_text() == "Withdraw your suggestion?"
    page.get_by_role("link", name="No, keep my suggestion").click()
    suggestion.refresh_from_db()
    assert suggestion.status == "new" and "Withdraw my suggestion" in page.content()
    page.get_by_role("button", name="Withdraw my suggestion").click()
    page.get_by_role("button", name="Yes, withdraw it").click()
    expect(page.locator("body")).to_contain_text("Your suggestion is withdrawn")
    assert "You withdrew this suggestion" in page.content()
    assert Suggestion.objects.get(pk=suggestion.pk).status == "withdrawn"
