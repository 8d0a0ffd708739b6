"""What the draft page shows: the article as the draft will read, the changes against the live article, and
everything about the suggestion behind it, in a fixed number of queries whatever the article's size.

The preview endpoint uses the same pieces to answer as the editor works: it takes the working copy (and,
optionally, one sentence edit), and returns the new working copy with its preview and changes rendered.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils import timezone

from articles.diff import diff_articles, display_text
from articles.exporting import article_export_data
from articles.markdown import render_markdown
from articles.models import Article
from articles.pages import build_version_page
from articles.sentence_editing import carry_keys, editable_units, sentence_apply, source_choices, units_in_order

from . import services
from .models import Draft, Status, SuggestionEvent

Action = SuggestionEvent.Action
# Steps of the suggestion's trail the draft page quotes: what was asked, answered and decided.
CONVERSATION = (Action.QUESTION, Action.ANSWER, Action.ACCEPTED, Action.DECLINED, Action.APPROVED)


def live_data(draft):
    """The live article as data, with keys. The detail page's seven queries."""
    return article_export_data(Article.objects.for_detail_page().get(pk=draft.article_id))


def working_view(draft, text, live):
    """The draft's text parsed, keyed as publishing would key it, with its preview, changes and the unit data
    the in-place editor needs. Raises ValidationError if the text does not read as an article."""
    working = carry_keys(live, services.draft_parse(text, article=draft.article))
    return _rendered(draft, working, live)


def _rendered(draft, working, live):
    diff = diff_articles(live, working)
    change_of = {id(c.new): c.kind for c in diff.changes if c.new is not None and c.kind != "unchanged"}
    units = editable_units(working)
    for unit, (_, data) in zip(units, units_in_order(working)):
        unit["change"] = change_of.get(id(data), "")
    target = draft.suggestion.target_label if draft.suggestion and draft.suggestion.unit_key else ""
    return {
        "data": working,
        "page": build_version_page(working),
        "lead_html": render_markdown(working.get("lead", "")),
        "diff": diff,
        "units": units,
        "sources": source_choices(working),
        "target": target,
        "target_in_draft": bool(target) and any(u["key"] == target for u in units),
    }


def preview_response(draft, text, edit=None):
    """The JSON the preview endpoint returns for the working copy `text`, after `edit` (the arguments of
    `sentence_apply`) if one is asked for. Nothing is saved."""
    from articles.text_format import dump_article

    live = live_data(draft)
    try:
        working = carry_keys(live, services.draft_parse(text, article=draft.article))
    except ValidationError as error:
        return {"ok": False, "errors": error.messages, "message": "The working copy has errors: see the list."}
    focus = None
    message = ""
    if edit is not None:
        try:
            working, focus = sentence_apply(working, **edit)
        except ValidationError as error:
            return {"ok": False, "edit_errors": error.messages, "message": " ".join(error.messages)}
        text = dump_article(working)
        try:  # the library's records and the slug, as a save would check them
            working = carry_keys(live, services.draft_parse(text, article=draft.article))
        except ValidationError as error:
            return {"ok": False, "edit_errors": error.messages, "message": " ".join(error.messages)}
        message = {"edit": "Sentence changed.", "add": "Sentence added.", "remove": "Sentence removed."}[edit["op"]]
    view = _rendered(draft, working, live)
    summary = view["diff"].summary
    counts = (
        f"Against the live article: {summary['added']} added, {summary['removed']} removed, "
        f"{summary['changed']} changed."
    )
    return {
        "ok": True,
        "text": text,
        "focus": focus,
        "message": f"{message} {counts}".strip(),
        "preview_html": render_to_string("revisions/_draft_preview.html", {"draft": draft, "view": view}),
        "diff_html": render_to_string("revisions/_draft_changes.html", {"diff": view["diff"]}),
        "units": view["units"],
        "sources": view["sources"],
    }


def approval_state(draft, blocker, editor_note):
    """Where the submitter's approval stands, in one sentence, with what the editor can do about it."""
    suggestion = draft.suggestion
    state = {"sent_at": draft.approval_sent_at, "decided_at": draft.approval_decided_at, "can_send": False}
    if suggestion is None:
        state["text"] = "Your own change: there is no submitter to ask."
        return state
    asks = suggestion.wants_approval and bool(suggestion.email) and suggestion.status == Status.ACCEPTED
    wait = datetime.timedelta(days=settings.DRAFT_APPROVAL_WAIT_DAYS)
    if draft.state == Draft.State.AWAITING_APPROVAL and draft.approval_sent_at:
        state["wait_ends"] = draft.approval_sent_at + wait
        state["waited_out"] = timezone.now() >= state["wait_ends"]
    if not draft.is_live:
        state["text"] = f"This draft is {draft.get_state_display().lower()}."
    elif suggestion.status == Status.WITHDRAWN:
        state["text"] = "The submitter withdrew the suggestion; you decide."
    elif not suggestion.wants_approval or not suggestion.email:
        state["text"] = "The submitter chose not to review the draft; you decide."
    elif draft.state == Draft.State.APPROVED:
        state["text"] = "The submitter approved this change."
    elif draft.state == Draft.State.DECLINED:
        state["text"] = "The submitter sent the draft back; revise it and send it again."
        state["can_send"] = asks
    elif draft.state == Draft.State.AWAITING_APPROVAL:
        state["can_send"] = asks
        state["resend"] = True
        if state.get("waited_out"):
            state["text"] = (
                f"Sent to the submitter; they did not answer within {settings.DRAFT_APPROVAL_WAIT_DAYS} days, so you "
                "may publish without their approval, or send a fresh link and wait again."
            )
        else:
            state["text"] = "Sent to the submitter; waiting for their answer."
    else:
        state["text"] = "The submitter asked to approve the change before it is published: send it when it is ready."
        state["can_send"] = asks
    state["blocker"], state["editor_note"] = blocker, editor_note
    return state


def draft_page_context(draft, text=None, errors=None):
    """Everything the draft page shows. The draft must come with its article, suggestion and creator."""
    live = live_data(draft)
    text = draft.text if text is None else text
    errors = list(errors or [])
    try:
        view = working_view(draft, text, live)
    except ValidationError as error:
        errors += error.messages
        view = None
    errors = list(dict.fromkeys(errors))  # a save's problems are the same text's problems again
    blocker, editor_note = services.publication_blocker(draft)
    breaches = _breaches_with_keys(services.draft_tier_breaches(draft, view["data"]), live) if view else []
    suggestion = draft.suggestion
    conversation = []
    if suggestion is not None:
        conversation = [
            e for e in suggestion.events.select_related("actor") if e.action in CONVERSATION and e.message.strip()
        ]
    return {
        "draft": draft,
        "suggestion": suggestion,
        "conversation": conversation,
        "breaches": breaches,
        "breaching_sentences": len({(breach.section, breach.text) for breach, _ in breaches}),
        "text": text,
        "errors": errors,
        "view": view,
        "diff": view["diff"] if view else None,
        "blocker": blocker,
        "editor_note": editor_note,
        "approval": approval_state(draft, blocker, editor_note),
        "target_label": suggestion.target_label if suggestion and suggestion.unit_key else "",
        "next_version": f"{draft.base_major}.{draft.base_minor + 1}",
        "stale": draft.is_live
        and (draft.article.version_major, draft.article.version_minor) != (draft.base_major, draft.base_minor),
    }


def _breaches_with_keys(breaches, live):
    """Each breach with the stable key of the live sentence it is, where the draft left that sentence as it was."""
    keys = {
        (section["heading"], display_text(unit)): unit["key"]
        for section in live["sections"]
        for block in section["blocks"]
        for unit in block["units"]
    }
    return [(breach, keys.get((breach.section, breach.text), "")) for breach in breaches]
