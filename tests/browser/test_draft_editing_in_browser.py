"""An editor edits a draft where it is read: with the keyboard, with the mouse, and without scripts."""

import re

import pytest
from playwright.sync_api import expect

from articles.models import Unit
from revisions import services
from revisions.models import Draft, Suggestion
from tests.browser.conftest import sign_in
from tests.factories import make_editor, make_suggestion

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SENTENCE = (
    "Because it is a transdiagnostic process variable, it functions both as an outcome to cultivate and as a "
    "presumed mechanism of change across several evidence-based treatments"
)


def _url(path):
    return f"http://testserver{path}"


@pytest.fixture
def drafted(seed_article):
    """An editor, and a draft opened from a reader's suggestion about the transdiagnostic sentence."""
    editor = make_editor()
    unit = Unit.objects.get(article=seed_article, text__startswith="Because it is a transdiagnostic")
    suggestion = make_suggestion(seed_article, note="Source 1 covers this.")
    Suggestion.objects.filter(pk=suggestion.pk).update(unit_key=unit.key, quoted_text=unit.text)
    services.suggestion_assign(suggestion=suggestion, editor=editor)
    services.suggestion_accept(suggestion=suggestion, editor=editor, note="Cite source 1.")
    draft = services.draft_start(editor=editor, article=seed_article, suggestion=suggestion)
    return editor, draft, unit


def _click_sentence(page, unit):
    """Click the sentence's own words, as a person would: the middle of the first line it occupies."""
    unit.scroll_into_view_if_needed()
    box = unit.evaluate(
        "el => { const r = el.getClientRects()[0]; return [r.left + r.width / 2, r.top + r.height / 2] }"
    )
    page.mouse.click(*box)


def _open(page, live_server, editor, draft):
    sign_in(page, live_server, editor, next_path=f"/editors/drafts/{draft.pk}/")
    page.wait_for_selector(".unit-edit")  # the in-place editor is ready


def test_the_draft_opens_at_the_readers_sentence_highlighted(page, live_server, drafted):
    editor, draft, unit = drafted
    _open(page, live_server, editor, draft)
    target = page.locator(f"#u{unit.key}")
    assert "is-target" in target.get_attribute("class")
    assert target.evaluate(
        "el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight }"
    )
    assert "Reader’s sentence" in target.evaluate("el => getComputedStyle(el, '::before').content")


def test_an_editor_changes_a_sentence_and_its_sources_with_the_keyboard(page, live_server, drafted):
    editor, draft, unit = drafted
    _open(page, live_server, editor, draft)
    page.get_by_role("link", name="Go to the sentence the reader pointed at").focus()
    page.keyboard.press("Enter")
    focused = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert focused.startswith("Edit sentence") and "Because it is a transdiagnostic" in focused
    page.keyboard.press("Enter")
    sentence = page.get_by_label("Sentence", exact=True)
    assert sentence.evaluate("el => el === document.activeElement")
    page.keyboard.type("Because it is transdiagnostic, it is both an outcome and a mechanism of change.")
    page.keyboard.press("Tab")  # to the provenance choice, now LLM
    page.keyboard.press("ArrowUp")  # cited
    page.keyboard.press("Tab")  # the first source
    page.keyboard.press("Space")
    assert page.locator(".unit-editor__marker").inner_text() == "Marker: [1]"
    page.keyboard.press("Enter")
    page.wait_for_selector(".unit-editor", state="detached")

    announced = page.locator("#draft-announcer")
    announced.filter(has_text="Sentence changed").wait_for()
    assert "1 changed" in announced.inner_text()
    edited = page.locator(f"#u{unit.key}")
    assert edited.get_attribute("data-provenance") == "1" and "is-changed" in edited.get_attribute("class")
    assert page.evaluate("document.activeElement.closest('.unit').id") == f"u{unit.key}"
    assert page.locator('#draft-changes [data-change="changed"]').count() == 1
    assert "mechanism of change [1]." in page.get_by_label("Working copy").input_value()
    assert page.get_by_text("You have unsaved changes.").is_visible()

    page.get_by_label("What changes, in a line").fill("Cited the transdiagnostic claim.")
    page.get_by_role("button", name="Save draft").focus()
    page.keyboard.press("Enter")
    page.get_by_text("Draft saved.").wait_for()
    assert page.url.endswith(f"/editors/drafts/{draft.pk}/#u{unit.key}")  # back at the sentence
    draft.refresh_from_db()
    assert "Because it is transdiagnostic, it is both an outcome and a mechanism of change [1]." in draft.text
    assert SENTENCE not in draft.text and draft.summary == "Cited the transdiagnostic claim."


# The site's own HTML error pages, as ops.views answers them: neither is a sign that the editor was signed out.
@pytest.mark.parametrize(
    "status, page_body, told",
    [
        (503, "<h1>Back in a moment</h1>", "the wiki is briefly unavailable. Your edit is still here"),
        (413, "<h1>Too much to send</h1>", "the whole text is more than the wiki accepts in one request"),
    ],
    ids=["database outage", "over the request limit"],
)
def test_an_error_page_during_an_edit_is_told_as_such_not_as_signing_out(
    page, live_server, drafted, status, page_body, told
):
    editor, draft, unit = drafted
    _open(page, live_server, editor, draft)
    page.route("**/preview/", lambda route: route.fulfill(status=status, content_type="text/html", body=page_body))
    _click_sentence(page, page.locator(f"#u{unit.key}"))
    page.get_by_label("Sentence", exact=True).fill("Because it is transdiagnostic, it is an outcome and a mechanism.")
    page.keyboard.press("Enter")
    error = page.locator(".unit-editor__error")
    expect(error).to_contain_text(told)
    assert "signed out" not in error.inner_text()
    assert page.get_by_label("Sentence", exact=True).input_value().startswith("Because it is transdiagnostic")


def test_an_editor_adds_and_removes_sentences_with_the_mouse_and_the_changes_follow(page, live_server, drafted):
    editor, draft, unit = drafted
    _open(page, live_server, editor, draft)
    _click_sentence(page, page.locator(f"#u{unit.key}"))
    editor_panel = page.locator(".unit-editor")
    assert editor_panel.locator("h3").inner_text().startswith("Edit sentence")
    page.get_by_role("button", name="Add a sentence after").click()
    assert editor_panel.locator("h3").inner_text().startswith("New sentence after")
    page.get_by_label("Sentence", exact=True).fill("A synthetic follow-up claim that needs its source.")
    page.get_by_role("button", name="Apply").click()
    expect(editor_panel.locator(".unit-editor__error")).to_contain_text("Choose at least one source, or LLM")
    page.get_by_role("radio", name="LLM: model-written and unsourced").check()
    page.get_by_role("button", name="Apply").click()
    page.locator("#draft-announcer").filter(has_text="Sentence added").wait_for()
    added = page.locator(".draft-preview .unit.is-added")
    assert added.count() == 1 and "A synthetic follow-up claim" in added.inner_text()
    assert page.locator('#draft-changes [data-change="added"]').count() == 1

    _click_sentence(page, page.locator(".draft-preview .unit", has_text="Supportive touch uses gestures"))
    page.get_by_role("button", name="Remove sentence").click()
    page.locator("#draft-announcer").filter(has_text="Sentence removed").wait_for()
    assert page.locator(".draft-preview .unit", has_text="Supportive touch uses gestures").count() == 0
    assert page.locator('#draft-changes [data-change="removed"]').count() == 1

    page.get_by_role("button", name="Undo the last change").click()
    page.locator("#draft-announcer").filter(has_text="undone").wait_for()
    assert page.locator(".draft-preview .unit", has_text="Supportive touch uses gestures").count() == 1

    page.get_by_role("button", name="Save draft").click()
    page.get_by_text("Draft saved.").wait_for()
    draft.refresh_from_db()
    assert "A synthetic follow-up claim that needs its source [LLM]." in draft.text
    assert "Supportive touch uses gestures" in draft.text


def test_typing_in_the_whole_text_updates_the_preview_and_the_changes(page, live_server, drafted):
    editor, draft, unit = drafted
    _open(page, live_server, editor, draft)
    working = page.get_by_label("Working copy")
    working.fill(working.input_value().replace(SENTENCE + " [LLM].", SENTENCE + " [2]."))
    page.locator(f'#u{unit.key}[data-provenance="2"]').wait_for()
    assert page.locator('#draft-changes [data-change="changed"]').count() == 1
    publish = page.locator("form[data-needs-saved] button").first
    assert publish.get_attribute("aria-disabled") == "true"  # acting on the saved draft waits for a save


def test_escape_cancels_an_edit_and_returns_to_the_sentence(page, live_server, drafted):
    editor, draft, unit = drafted
    _open(page, live_server, editor, draft)
    page.locator(f"#u{unit.key} .unit-edit").click()
    page.get_by_label("Sentence", exact=True).fill("Something else entirely.")
    page.keyboard.press("Escape")
    assert page.locator(".unit-editor").count() == 0
    assert page.evaluate("document.activeElement.closest('.unit').id") == f"u{unit.key}"
    assert SENTENCE in page.get_by_label("Working copy").input_value()


def test_without_scripts_the_whole_text_editor_does_everything(browser, live_server, drafted):
    editor, draft, unit = drafted
    page = browser.new_context(java_script_enabled=False).new_page()
    sign_in(page, live_server, editor, next_path=f"/editors/drafts/{draft.pk}/#u{unit.key}")
    assert page.locator(f"#u{unit.key}").evaluate("el => el.matches(':target')")
    assert page.locator(".unit-edit").count() == 0
    working = page.get_by_label("Working copy")
    working.fill(working.input_value().replace(SENTENCE + " [LLM].", SENTENCE + " [1]."))
    page.get_by_role("button", name="Save draft").click()
    assert page.locator(f'#u{unit.key}[data-provenance="1"]').count() == 1
    assert page.locator('#draft-changes [data-change="changed"]').count() == 1
    assert Draft.objects.get(pk=draft.pk).text.count(SENTENCE + " [1].") == 1


def test_the_side_panel_holds_the_suggestion_and_a_held_one_stays_masked(page, live_server, drafted):
    editor, draft, unit = drafted
    finding = {"kind": "name", "label": "a name", "field": "note", "start": 0, "end": 6, "masked": "S•••••"}
    Suggestion.objects.filter(pk=draft.suggestion_id).update(status="phi_hold", phi_findings=[finding])
    _open(page, live_server, editor, draft)
    side = page.locator(".draft-suggestion")
    # Every letter and digit hidden, as on the suggestion's page, until an editor reveals it there.
    assert "•••••• • •••••• ••••." in side.inner_text() and "Source 1 covers" not in page.content()
    assert "Cite source 1." in side.inner_text()
    assert re.search(r"Accepted for drafting by editor-sam", side.inner_text())


def test_edits_in_place_never_overwrite_another_editors_save(page, live_server, drafted):
    editor, draft, unit = drafted
    _open(page, live_server, editor, draft)
    page.locator(f"#u{unit.key} .unit-edit").click()
    page.get_by_role("radio", name="LLM: model-written and unsourced").check()
    page.get_by_label("Sentence", exact=True).fill("A rewording made on this page.")
    page.get_by_role("button", name="Apply").click()
    page.locator("#draft-announcer").filter(has_text="Sentence changed").wait_for()

    other = make_editor("editor-two")
    saved = Draft.objects.get(pk=draft.pk)
    services.draft_save(
        draft=saved, editor=other, text=saved.text.replace(SENTENCE + " [LLM].", SENTENCE + " [2]."), summary=""
    )

    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_role("alert").first).to_contain_text("Someone saved this draft after you opened it")
    assert "A rewording made on this page [LLM]." in page.get_by_label("Working copy").input_value()
    assert SENTENCE + " [2]." in Draft.objects.get(pk=draft.pk).text


def test_the_summary_line_is_a_full_width_field_like_the_others(browser, live_server, drafted):
    editor, draft, _ = drafted
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    _open(page, live_server, editor, draft)
    summary = page.get_by_label("What changes, in a line")
    block = page.locator(".draft-save .field").bounding_box()
    box = summary.bounding_box()
    # It spans its block, as a line meant for a whole sentence should, in text as large as the page's other fields.
    assert box["width"] >= block["width"] - 1
    assert box["height"] >= 44
    assert summary.evaluate("el => parseFloat(getComputedStyle(el).fontSize)") >= 16
