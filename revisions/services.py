"""Everything that changes a suggestion: submitting it, each editor action, the submitter's replies.

Every change goes through `_transition`, which locks the row, allows only the moves in TRANSITIONS,
and records who did what, when and why.
"""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone

from .emails import email_queue
from .models import (
    CLOSED_STATUSES,
    HELD_TEXT_FIELDS,
    OPEN_STATUSES,
    Draft,
    NotificationPreference,
    OutboundEmail,
    SourceAlert,
    Status,
    Suggestion,
    SuggestionEvent,
    fully_masked,
    replace_spans,
)
from .notifications import MODERATE, editors_notify
from .tokens import status_token

Action = SuggestionEvent.Action

# action -> (statuses it may start from, status it leads to)
TRANSITIONS = {
    Action.PHI_REVEALED: ([Status.PHI_HOLD], Status.PHI_HOLD),
    Action.PHI_CLEARED: ([Status.PHI_HOLD], Status.NEW),
    Action.PHI_REDACTED: ([Status.PHI_HOLD], Status.NEW),
    Action.PHI_PURGED: ([Status.PHI_HOLD], Status.REJECTED),
    # Assigning starts a review or keeps the status; releasing keeps it, for another editor to take.
    Action.ASSIGNED: ([Status.NEW, Status.IN_REVIEW, Status.AWAITING_SUBMITTER, Status.ACCEPTED], None),
    Action.RELEASED: ([Status.IN_REVIEW, Status.AWAITING_SUBMITTER, Status.ACCEPTED], None),
    Action.QUESTION: ([Status.IN_REVIEW], Status.AWAITING_SUBMITTER),
    Action.ANSWER: ([Status.AWAITING_SUBMITTER], Status.IN_REVIEW),
    Action.ACCEPTED: ([Status.IN_REVIEW], Status.ACCEPTED),
    Action.PUBLISHED: ([Status.ACCEPTED], Status.PUBLISHED),
    Action.REJECTED: (OPEN_STATUSES, Status.REJECTED),
    Action.WITHDRAWN: (OPEN_STATUSES, Status.WITHDRAWN),
}


class InvalidTransition(ValidationError):
    pass


def allowed_actions(suggestion):
    """The actions the suggestion's current status allows, for showing only valid buttons."""
    return [action for action, (sources, _) in TRANSITIONS.items() if suggestion.status in sources]


def _transition(*, suggestion, action, actor=None, message=""):
    """Move a suggestion by `action`, or raise InvalidTransition. Caller holds a transaction."""
    locked = Suggestion.objects.select_for_update().get(pk=suggestion.pk)
    sources, target = TRANSITIONS[action]
    if locked.status not in sources:
        raise InvalidTransition(
            f"A suggestion that is “{locked.get_status_display()}” cannot be {Action(action).label.lower()}.",
            code="invalid_transition",
        )
    from_status = locked.status
    if target is None:  # assigning starts a review; otherwise the status stays where it is
        target = Status.IN_REVIEW if locked.status == Status.NEW else locked.status
    locked.status = target
    if target in CLOSED_STATUSES:
        locked.closed_at = timezone.now()
    locked.save(update_fields=["status", "closed_at", "updated_at"])
    SuggestionEvent.objects.create(
        suggestion=locked, action=action, actor=actor, from_status=from_status, to_status=target, message=message
    )
    suggestion.refresh_from_db()
    return suggestion


def _require_moderator(user):
    if not user.has_perm(MODERATE):
        raise PermissionDenied("Only editors can work the suggestion queue.")


def _status_url(build_url, suggestion):
    return build_url(f"/suggestions/{status_token(suggestion)}/")


@transaction.atomic
def suggestion_submit(*, article, fields, phi_findings, section=None, unit=None, quoted_text="", build_url):
    """Store a reader's suggestion exactly as typed, screened, and acknowledge it by email.

    `phi_findings` are the screen's borderline hits: with any, the suggestion waits on PHI hold until
    an editor clears or redacts it. `build_url` turns a path into an absolute link for the email.
    """
    section = section or (unit.block.section if unit else None)
    suggestion = Suggestion(
        article=article,
        article_version=article.version,
        section_key=section.key if section else None,
        unit_key=unit.key if unit else None,
        section_heading=section.heading if section else "",
        quoted_text=quoted_text,
        status=Status.PHI_HOLD if phi_findings else Status.NEW,
        phi_findings=phi_findings,
        **fields,
    )
    suggestion.full_clean()
    suggestion.save()
    SuggestionEvent.objects.create(suggestion=suggestion, action=Action.SUBMITTED, to_status=Status.NEW)
    if phi_findings:
        kinds = sorted({f["label"] for f in phi_findings})
        SuggestionEvent.objects.create(
            suggestion=suggestion,
            action=Action.HELD,
            from_status=Status.NEW,
            to_status=Status.PHI_HOLD,
            message=f"The screen was unsure about: {', '.join(kinds)}.",
        )
    email_queue(
        suggestion=suggestion,
        template="acknowledgement",
        context={"suggestion": suggestion, "status_url": _status_url(build_url, suggestion)},
    )
    editors_notify(suggestion=suggestion, event="new", build_url=build_url)
    return suggestion


def _editor_name(user):
    return user.get_full_name() or user.get_username()


@transaction.atomic
def suggestion_assign(*, suggestion, editor, assignee=None):
    """`editor` assigns the suggestion to `assignee` (any active editor), or by default to themselves."""
    _require_moderator(editor)
    assignee = assignee or editor
    if not assignee.is_active or not assignee.has_perm(MODERATE):
        raise ValidationError(f"{_editor_name(assignee)} is not an editor.", code="not_an_editor")
    if suggestion.assigned_to_id == assignee.pk:
        raise InvalidTransition(f"The suggestion is already assigned to {_editor_name(assignee)}.", code="unchanged")
    message = "" if assignee == editor else f"To {_editor_name(assignee)}"
    suggestion = _transition(suggestion=suggestion, action=Action.ASSIGNED, actor=editor, message=message)
    Suggestion.objects.filter(pk=suggestion.pk).update(assigned_to=assignee)
    suggestion.refresh_from_db()
    return suggestion


@transaction.atomic
def suggestion_release(*, suggestion, editor):
    """Nobody is assigned any more: the suggestion waits for another editor to take it."""
    _require_moderator(editor)
    if suggestion.assigned_to_id is None:
        raise InvalidTransition("Nobody is assigned to this suggestion.", code="unassigned")
    previous = suggestion.assigned_to
    suggestion = _transition(
        suggestion=suggestion, action=Action.RELEASED, actor=editor, message=f"From {_editor_name(previous)}"
    )
    Suggestion.objects.filter(pk=suggestion.pk).update(assigned_to=None)
    suggestion.refresh_from_db()
    return suggestion


def suggestion_revealed_to(suggestion, editor):
    """When ``editor`` last revealed the held text, or None. This causes a SQL query."""
    return (
        suggestion.events.filter(action=Action.PHI_REVEALED, actor=editor)
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )


@transaction.atomic
def suggestion_reveal_phi(*, suggestion, editor):
    """Show one editor the held text unmasked, deliberately: the reveal is recorded in the trail, with who and when."""
    _require_moderator(editor)
    return _transition(suggestion=suggestion, action=Action.PHI_REVEALED, actor=editor)


@transaction.atomic
def suggestion_clear_phi(*, suggestion, editor, note=""):
    """An editor who has read the held text confirms it carries no PHI; the suggestion joins the queue as new."""
    _require_moderator(editor)
    if suggestion.status == Status.PHI_HOLD and suggestion_revealed_to(suggestion, editor) is None:
        raise InvalidTransition(
            "Reveal the held text and read it before confirming it free of PHI.", code="not_revealed"
        )
    suggestion = _transition(suggestion=suggestion, action=Action.PHI_CLEARED, actor=editor, message=note)
    Suggestion.objects.filter(pk=suggestion.pk).update(phi_findings=[])
    suggestion.refresh_from_db()
    return suggestion


@transaction.atomic
def suggestion_redact_phi(*, suggestion, editor, note=""):
    """Replace every flagged span with [redacted], keep a record that it was done, and release the hold."""
    _require_moderator(editor)
    suggestion = _transition(suggestion=suggestion, action=Action.PHI_REDACTED, actor=editor, message=note)
    updates = {}
    for field in ("proposed_text", "sources_text", "note", "name"):
        findings = suggestion.findings_for(field)
        if findings:
            updates[field] = replace_spans(getattr(suggestion, field), findings, lambda finding: "[redacted]")
    Suggestion.objects.filter(pk=suggestion.pk).update(phi_findings=[], **updates)
    suggestion.refresh_from_db()
    return suggestion


@transaction.atomic
def suggestion_purge_held_text(*, retention_days):
    """Erase text the screen held that no editor cleared or redacted within ``retention_days``.

    A suggestion still on hold is closed; one rejected or withdrawn while held keeps its status. Each keeps
    only the masked form of its text (letters and digits hidden) and its trail, so nothing the screen doubted
    outlives the retention period. Returns how many suggestions were purged.
    """
    cutoff = timezone.now() - datetime.timedelta(days=retention_days)
    unresolved = Suggestion.objects.exclude(phi_findings=[]).filter(held_text_purged_at__isnull=True)
    still_held = models.Q(status=Status.PHI_HOLD, created_at__lt=cutoff)
    closed_held = models.Q(status__in=CLOSED_STATUSES, closed_at__lt=cutoff)
    due = list(unresolved.filter(still_held | closed_held).select_for_update().order_by("pk"))
    now = timezone.now()
    message = f"Held text erased after {retention_days} days without an editor clearing or redacting it."
    for suggestion in due:
        if suggestion.status == Status.PHI_HOLD:
            _transition(suggestion=suggestion, action=Action.PHI_PURGED, message=message)
        else:
            _record(suggestion=suggestion, action=Action.PHI_PURGED, message=message)
        updates = {field: fully_masked(getattr(suggestion, field)) for field in HELD_TEXT_FIELDS}
        Suggestion.objects.filter(pk=suggestion.pk).update(held_text_purged_at=now, **updates)
    return len(due)


@transaction.atomic
def suggestion_ask(*, suggestion, editor, question, build_url):
    _require_moderator(editor)
    _require_text(question, "question")
    suggestion = _transition(suggestion=suggestion, action=Action.QUESTION, actor=editor, message=question)
    email_queue(
        suggestion=suggestion,
        template="question",
        context={"suggestion": suggestion, "question": question, "status_url": _status_url(build_url, suggestion)},
    )
    return suggestion


@transaction.atomic
def suggestion_answer(*, suggestion, answer, build_url=None):
    """The submitter answers an editor's question from their status page; the editors are told."""
    _require_text(answer, "answer")
    suggestion = _transition(suggestion=suggestion, action=Action.ANSWER, message=answer)
    editors_notify(suggestion=suggestion, event="answer", build_url=build_url)
    return suggestion


@transaction.atomic
def suggestion_accept(*, suggestion, editor, note=""):
    _require_moderator(editor)
    return _transition(suggestion=suggestion, action=Action.ACCEPTED, actor=editor, message=note)


@transaction.atomic
def suggestion_reject(*, suggestion, editor, reason, build_url):
    _require_moderator(editor)
    _require_text(reason, "reason")
    suggestion = _transition(suggestion=suggestion, action=Action.REJECTED, actor=editor, message=reason)
    _discard_drafts(suggestion)
    email_queue(
        suggestion=suggestion,
        template="rejection",
        context={"suggestion": suggestion, "reason": reason, "status_url": _status_url(build_url, suggestion)},
    )
    return suggestion


def approved_draft(suggestion):
    """The suggestion's draft the submitter has approved and the editors have not changed since, or None."""
    return suggestion.drafts.filter(state=Draft.State.APPROVED).first()


@transaction.atomic
def suggestion_withdraw(*, suggestion, build_url=None):
    """The submitter withdraws, unless they have already approved the drafted change."""
    Suggestion.objects.select_for_update().get(pk=suggestion.pk)
    if approved_draft(suggestion) is not None:
        raise InvalidTransition(
            "You approved the drafted change, so the suggestion can no longer be withdrawn here. To stop it, reply "
            "to our email and the editors will answer.",
            code="approved",
        )
    suggestion = _transition(suggestion=suggestion, action=Action.WITHDRAWN)
    _discard_drafts(suggestion)
    editors_notify(suggestion=suggestion, event="withdrawn", build_url=build_url)
    return suggestion


def _discard_drafts(suggestion):
    """A closed suggestion's drafts can no longer be published in its name, nor approved from old links."""
    suggestion.drafts.exclude(state__in=[Draft.State.PUBLISHED, Draft.State.DISCARDED]).update(
        state=Draft.State.DISCARDED, approval_key=""
    )


def _require_text(text, what):
    if not (text or "").strip():
        raise ValidationError(f"Write the {what} first.", code=f"missing_{what}")


@transaction.atomic
def suggestion_purge_contacts(*, retention_days):
    """Erase the name and email of suggestions closed more than `retention_days` ago.

    The suggestion and its trail stay, anonymised, so the article's history keeps its provenance;
    unsent and sent mail to those addresses goes too. Returns how many suggestions were purged.
    """
    cutoff = timezone.now() - datetime.timedelta(days=retention_days)
    due = Suggestion.objects.filter(
        status__in=CLOSED_STATUSES, closed_at__lt=cutoff, contact_purged_at__isnull=True
    ).select_for_update()
    ids = list(due.values_list("pk", flat=True))
    if not ids:
        return 0
    now = timezone.now()
    OutboundEmail.objects.filter(suggestion_id__in=ids).delete()
    Suggestion.objects.filter(pk__in=ids).update(name="", email="", contact_purged_at=now)
    SuggestionEvent.objects.bulk_create(
        [
            SuggestionEvent(
                suggestion_id=pk,
                action=Action.CONTACT_PURGED,
                from_status=status,
                to_status=status,
                message=f"Contact details erased after {retention_days} days.",
            )
            for pk, status in Suggestion.objects.filter(pk__in=ids).values_list("pk", "status")
        ]
    )
    return len(ids)


# --- drafting, approval and publication ------------------------------------------------------------


def _record(*, suggestion, action, actor=None, message=""):
    """A step in the trail that does not move the suggestion's status."""
    if suggestion is not None:
        SuggestionEvent.objects.create(
            suggestion=suggestion,
            action=action,
            actor=actor,
            from_status=suggestion.status,
            to_status=suggestion.status,
            message=message,
        )


def _article_text(article):
    from articles.exporting import article_export_data
    from articles.models import Article
    from articles.text_format import dump_article

    return dump_article(article_export_data(Article.objects.for_detail_page().get(pk=article.pk)))


def draft_base_data(draft):
    """The article as it read when the draft began: the published version the draft started from."""
    from articles.models import ArticleVersion

    version = ArticleVersion.objects.filter(
        article_id=draft.article_id, major=draft.base_major, minor=draft.base_minor
    ).first()
    if version is None:  # the version row is always kept; read the live text if it was ever not
        from articles.exporting import article_export_data
        from articles.models import Article

        return article_export_data(Article.objects.for_detail_page().get(pk=draft.article_id))
    return version.data


# A draft is a whole article's text: sixty times the seed article's, and what the in-place editor accepts.
DRAFT_TEXT_MAX_LENGTH = 1_000_000
# Problems listed at once: a text pasted wrong can have one per line, and the first few are what to fix first.
LISTED_PROBLEMS = 50


def _first_problems(messages):
    messages = list(messages)
    if len(messages) <= LISTED_PROBLEMS:
        return messages
    more = len(messages) - LISTED_PROBLEMS
    return messages[:LISTED_PROBLEMS] + [
        f"… and {more:,} more problems, not listed: fix those above and check the text again to see the rest."
    ]


def draft_parse(text, *, article):
    """The draft's article data, or ValidationError listing its problems (with line and column), the first
    LISTED_PROBLEMS of them."""
    from articles.importing import article_source_conflicts
    from articles.text_format import FormatErrors, parse_article
    from articles.validation import article_validate

    if len(text) > DRAFT_TEXT_MAX_LENGTH:
        raise ValidationError(
            f"The text is {len(text):,} characters; a draft may be at most {DRAFT_TEXT_MAX_LENGTH:,}. "
            "Nothing was saved: shorten it and save again.",
            code="draft_too_long",
        )
    try:
        data, _ = parse_article(text, "draft")
    except FormatErrors as errors:
        raise ValidationError(_first_problems(errors.messages), code="format") from errors
    if data.get("slug") != article.slug:
        raise ValidationError(f"A draft keeps its article's slug, “{article.slug}”.", code="slug_changed")
    try:
        article_validate(data)
    except ValidationError as error:
        if len(error.messages) > LISTED_PROBLEMS:
            raise ValidationError(_first_problems(error.messages), code="invalid") from error
        raise
    conflicts = article_source_conflicts(data)
    if conflicts:
        # Publishing keeps the library's record of a known source, so a draft may not quietly differ from it.
        raise ValidationError(
            [f"{c}; change sources in the admin, or cite a new source under a new number" for c in conflicts],
            code="source_conflict",
        )
    return data


# Admins decide what readers see: an editor's draft publishes, so it neither starts from nor brings back an
# article they have withdrawn.
_WITHDRAWN = (
    "This article is withdrawn from readers, and an editor's draft cannot publish it again. Nothing was changed; "
    "ask an admin to publish the article first."
)


@transaction.atomic
def draft_start(*, editor, article, suggestion=None):
    """Open a working copy of the live article, for an accepted suggestion or the editor's own fix."""
    _require_moderator(editor)
    if suggestion is not None and suggestion.status != Status.ACCEPTED:
        raise InvalidTransition("Only an accepted suggestion can be drafted.", code="not_accepted")
    if not article.is_published:
        raise InvalidTransition(_WITHDRAWN, code="article_withdrawn")
    text = _article_text(article)
    draft = Draft.objects.create(
        article=article,
        suggestion=suggestion,
        base_major=article.version_major,
        base_minor=article.version_minor,
        text=text,
        created_by=editor,
    )
    _record(suggestion=suggestion, action=Action.DRAFTED, actor=editor, message=f"Draft #{draft.pk}")
    return draft


def _locked(draft):
    return Draft.objects.select_for_update().get(pk=draft.pk)


@transaction.atomic
def draft_save(*, draft, editor, text, summary, seen=""):
    """Save the working copy after checking it whole; an approved or declined draft needs approval again.

    `seen` is the draft's updated_at as the editor's page showed it: a save from a page older than
    another editor's save is refused rather than overwriting it.
    """
    _require_moderator(editor)
    draft = _locked(draft)
    if not draft.is_live:
        raise InvalidTransition("This draft is closed.", code="draft_closed")
    if seen and seen != draft.updated_at.isoformat():
        raise InvalidTransition(
            "Someone saved this draft after you opened it, so yours was not saved. Your text is below: copy your "
            "change, reload the draft, and apply it again.",
            code="draft_edited_meanwhile",
        )
    if any(ord(c) < 32 and c not in "\t\n" for c in summary):
        raise ValidationError("The summary contains control characters.", code="control_characters")
    summary = summary.strip()
    if len(summary) > Draft._meta.get_field("summary").max_length:
        raise ValidationError("The summary is longer than 300 characters; shorten it.", code="summary_too_long")
    text = text.replace("\r\n", "\n")
    draft_parse(text, article=draft.article)
    if text != draft.text:
        draft.state = Draft.State.EDITING
        draft.approval_key = ""
    draft.text = text
    draft.summary = summary
    draft.save()
    return draft


def _approval_url(build_url, draft):
    from .tokens import approval_token

    return build_url(f"/drafts/review/{approval_token(draft)}/")


def _email_review_link(draft, build_url, *, fresh=False):
    email_queue(
        suggestion=draft.suggestion,
        template="draft_approval",
        context={
            "suggestion": draft.suggestion,
            "draft": draft,
            "fresh": fresh,
            "review_url": _approval_url(build_url, draft),
            "draft_link_days": settings.DRAFT_APPROVAL_LINK_MAX_AGE_DAYS,
        },
    )


@transaction.atomic
def draft_send_for_approval(*, draft, editor, build_url):
    """Email the submitter a signed link to preview the draft's changes and approve or decline them.

    Sending again while a request is pending (its link lost or expired) mails a fresh link, retires the old
    one and starts the wait for an answer again.
    """
    import secrets

    _require_moderator(editor)
    draft = _locked(draft)
    suggestion = draft.suggestion
    if suggestion is None or not suggestion.email or suggestion.status != Status.ACCEPTED:
        raise InvalidTransition(
            "Only a draft from an accepted suggestion with a contact can be sent.", code="no_submitter"
        )
    if not suggestion.wants_approval:
        raise InvalidTransition(
            "The submitter chose not to be asked to approve the change: publish it when it is ready.",
            code="approval_not_wanted",
        )
    if draft.state not in (Draft.State.EDITING, Draft.State.DECLINED, Draft.State.AWAITING_APPROVAL):
        raise InvalidTransition(f"A draft that is “{draft.get_state_display()}” cannot be sent.", code="draft_state")
    if draft.text == _article_text(draft.article):
        raise ValidationError("The draft changes nothing yet.", code="no_change")
    resend = draft.state == Draft.State.AWAITING_APPROVAL
    draft.approval_key = secrets.token_urlsafe(24)
    draft.approval_sent_at = timezone.now()
    draft.approval_decided_at = None
    draft.approval_comment = ""
    draft.state = Draft.State.AWAITING_APPROVAL
    draft.save()
    _record(
        suggestion=suggestion,
        action=Action.SENT_FOR_APPROVAL,
        actor=editor,
        message="A fresh link; the earlier one no longer works" if resend else "",
    )
    _email_review_link(draft, build_url, fresh=resend)
    return draft


@transaction.atomic
def draft_renew_approval_link(*, draft, key, build_url):
    """The submitter's review link expired unanswered: email them a fresh one, to the address on file.

    `key` is the expired link's: only the link still current can be renewed, once, and the wait for an
    answer is not restarted (the editors may still decide alone once it has passed).
    """
    import secrets

    draft = _locked(draft)
    if draft.state != Draft.State.AWAITING_APPROVAL or not draft.approval_key or draft.approval_key != key:
        raise InvalidTransition("This link can no longer be renewed.", code="not_current")
    draft.approval_key = secrets.token_urlsafe(24)
    draft.save(update_fields=["approval_key", "updated_at"])
    _record(
        suggestion=draft.suggestion,
        action=Action.SENT_FOR_APPROVAL,
        message="A fresh link, asked for by the submitter after theirs expired",
    )
    _email_review_link(draft, build_url, fresh=True)
    return draft


@transaction.atomic
def draft_decide(*, draft, approve, comment="", build_url=None):
    """The submitter approves the draft, or declines it with a comment that returns it to the editor; the
    editors are told.

    Each approval link decides once: the key it carries is cleared here.
    """
    draft = _locked(draft)
    if draft.state != Draft.State.AWAITING_APPROVAL or not draft.approval_key:
        raise InvalidTransition("This draft has already been decided.", code="already_decided")
    if not approve and not comment.strip():
        raise ValidationError("Tell the editor what should change.", code="comment_required")
    draft.state = Draft.State.APPROVED if approve else Draft.State.DECLINED
    draft.approval_key = ""
    draft.approval_decided_at = timezone.now()
    draft.approval_comment = comment.strip()
    draft.save()
    _record(
        suggestion=draft.suggestion,
        action=Action.APPROVED if approve else Action.DECLINED,
        message=draft.approval_comment,
    )
    if draft.suggestion is not None:
        event = "approved" if approve else "declined"
        editors_notify(suggestion=draft.suggestion, event=event, draft=draft, build_url=build_url)
    return draft


def draft_tier_breaches(draft, data=None, rules=None):
    """The draft's sentences that break the editors' tier rules, each with the rule (`articles.tier_rules.Breach`).

    `data` is the draft parsed and `rules` the rules, if the caller has them (a list of many drafts loads the
    rules once). Without `data` the text is only parsed, which reads no database: the tiers it checks are the
    ones the text gives. A draft that does not parse has none: its errors block it.
    """
    from articles.models import TierRule
    from articles.text_format import FormatErrors, parse_article
    from articles.tier_rules import data_breaches

    if data is None:
        try:
            data, _ = parse_article(draft.text, "draft")
        except FormatErrors:
            return []
    return data_breaches(data, list(TierRule.objects.all()) if rules is None else rules)


def _tier_rule_blocker(draft, rules=None):
    """Why the draft's text cannot be published under the enforced tier rules, or ""."""
    breaking = {(b.section, b.text) for b in draft_tier_breaches(draft, rules=rules) if b.rule.enforced}
    if not breaking:
        return ""
    return (
        f"{len(breaking)} sentence{'s' if len(breaking) != 1 else ''} in this draft "
        f"break{'s' if len(breaking) == 1 else ''} the editors' tier rules (listed under “Tier rules”): cite a "
        "source of the tier each rule asks for, tag the sentence [LLM] where the rule allows it, or change the rule. "
        "Nothing can be published until then."
    )


def publication_blocker(draft, rules=None):
    """Why the draft cannot be published yet, or "" if it can; and the note recorded when an editor decides.

    `rules` are the editors' tier rules, for a caller that asks about many drafts; otherwise one query reads them.
    """
    suggestion = draft.suggestion
    if not draft.is_live:
        return "This draft is closed.", ""
    rule_blocker = _tier_rule_blocker(draft, rules)
    if rule_blocker:
        return rule_blocker, ""
    if suggestion is None:
        return "", "An editor's own change; no submitter to ask."
    if draft.state == Draft.State.APPROVED:
        return "", ""
    if not suggestion.wants_approval or not suggestion.email:
        return "", "The submitter chose not to review the draft; the editor decided."
    if suggestion.status == Status.WITHDRAWN:
        return "", "The submitter withdrew; the editor decided."
    if draft.state == Draft.State.AWAITING_APPROVAL:
        waited = timezone.now() - draft.approval_sent_at
        if waited >= datetime.timedelta(days=settings.DRAFT_APPROVAL_WAIT_DAYS):
            return (
                "",
                f"The submitter did not answer within {settings.DRAFT_APPROVAL_WAIT_DAYS} days; the editor decided.",
            )
        return "The submitter has not answered yet.", ""
    return "The submitter must approve this draft first: send it to them.", ""


@transaction.atomic
def draft_publish(*, draft, editor, build_url):
    """Publish the draft as the article's next version, in one transaction.

    Refused, with nothing lost, when the article has been published from another draft since this one
    started: the article row is locked and its version compared with the draft's base.
    """
    from articles.importing import article_import
    from articles.models import Article

    _require_moderator(editor)
    article = Article.objects.select_for_update().get(pk=draft.article_id)
    draft = _locked(draft)
    if not article.is_published:
        raise InvalidTransition(_WITHDRAWN, code="article_withdrawn")
    if (article.version_major, article.version_minor) != (draft.base_major, draft.base_minor):
        raise InvalidTransition(
            f"The article is now version {article.version}, published since this draft started from "
            f"{draft.base_version}. Nothing was published; bring the draft up to date with the live article, "
            "then publish.",
            code="stale_draft",
        )
    rule_blocker = _tier_rule_blocker(draft)
    if rule_blocker:
        raise InvalidTransition(rule_blocker, code="tier_rules")
    blocker, editor_note = publication_blocker(draft)
    if blocker:
        raise InvalidTransition(blocker, code="not_approved")
    data = draft_parse(draft.text, article=article)
    data["status"] = Article.Status.PUBLISHED
    suggestion = draft.suggestion
    revision = {"summary": draft.summary, "published_by": editor}
    if suggestion is not None:
        revision.update(
            suggestion_id=suggestion.pk,
            suggestion_category=suggestion.get_category_display(),
            credit=suggestion.public_credit,
        )
    article, outcome = article_import(data=data, revision=revision)
    if outcome == "unchanged":
        raise ValidationError("The draft changes nothing, so there is nothing to publish.", code="no_change")
    draft.state = Draft.State.PUBLISHED
    draft.published_version = article.version
    draft.approval_key = ""  # an unanswered review link now reports the decision made
    draft.save()
    if suggestion is not None:
        if editor_note:
            _record(suggestion=suggestion, action=Action.EDITOR_DECIDED, actor=editor, message=editor_note)
        if suggestion.status == Status.ACCEPTED:
            _transition(
                suggestion=suggestion, action=Action.PUBLISHED, actor=editor, message=f"Version {article.version}"
            )
        else:
            _record(suggestion=suggestion, action=Action.PUBLISHED, actor=editor, message=f"Version {article.version}")
        compare = f"/articles/{article.slug}/compare/?from={draft.base_version}&to={article.version}"
        email_queue(
            suggestion=suggestion,
            template="published",
            context={"suggestion": suggestion, "version": article.version, "change_url": build_url(compare)},
        )
    return draft


def suggestions_tell_reverted(*, article, reverted_to, editor, reason, build_url):
    """An editor published an earlier version's text again (`articles.publishing.article_revert`): each reader
    whose suggestion was published in a version it takes back hears so, with the editor's reason, in their
    trail and by email. Their suggestion stays published: it was, and its version stays in the history."""
    undone = article.versions.filter(
        models.Q(major__gt=reverted_to[0]) | models.Q(major=reverted_to[0], minor__gt=reverted_to[1]),
        suggestion_id__isnull=False,
    ).exclude(major=article.version_major, minor=article.version_minor)
    by_suggestion = {v.suggestion_id: v for v in undone.only("major", "minor", "suggestion_id")}
    if not by_suggestion:
        return []
    told = []
    back_to = f"{reverted_to[0]}.{reverted_to[1]}"
    compare = build_url(f"/articles/{article.slug}/compare/?from={back_to}&to={article.version}")
    for suggestion in Suggestion.objects.filter(pk__in=by_suggestion).select_related("article").order_by("pk"):
        published_in = by_suggestion[suggestion.pk].version
        message = (
            f"Version {article.version} went back to the text of version {back_to}, "
            f"taking back version {published_in}: {reason}"
        )
        _record(suggestion=suggestion, action=Action.REVERTED, actor=editor, message=message)
        email_queue(
            suggestion=suggestion,
            template="reverted",
            context={
                "suggestion": suggestion,
                "published_in": published_in,
                "version": article.version,
                "back_to": back_to,
                "reason": reason,
                "change_url": compare,
            },
        )
        told.append(suggestion)
    return told


def draft_merge(draft):
    """The three-way merge of a draft whose article was published since it began: (merge, base text, live text).

    base is the version the draft started from, live the article now, and the draft the editor's copy.
    """
    from articles.merge import merge_article_texts
    from articles.text_format import dump_article

    base_text = dump_article(draft_base_data(draft))
    live_text = _article_text(draft.article)
    return merge_article_texts(base_text, live_text, draft.text), base_text, live_text


@transaction.atomic
def draft_bring_up_to_date(*, draft, editor, choices=None, seen_live=None):
    """Rebase the draft on the live article: changes on either side apply, conflicts as `choices` say.

    `choices` maps each conflict's index to "live", "draft" or "both"; `seen_live`, the live version the
    editor chose them against, refuses them if the article has been published since (the conflicts may no
    longer be the ones they saw). The draft then starts from the live version. If the submitter had
    approved it (or was asked to) and the change it now makes to the live article is not the one they
    approved, it goes back to editing and must be sent to them again. Returns (draft, whether it must).
    """
    from articles.merge import approval_still_holds
    from articles.models import Article
    from articles.text_format import parse_article

    _require_moderator(editor)
    article = Article.objects.select_for_update().get(pk=draft.article_id)
    draft = _locked(draft)
    if not draft.is_live:
        raise InvalidTransition("This draft is closed.", code="draft_closed")
    if (article.version_major, article.version_minor) == (draft.base_major, draft.base_minor):
        raise InvalidTransition("This draft already starts from the live version.", code="up_to_date")
    if seen_live is not None and seen_live != article.version:
        raise InvalidTransition(
            f"The article was published again while you chose (it is now version {article.version}, you saw "
            f"{seen_live}); nothing was changed. The conflicts below are against the new version: choose again.",
            code="live_moved",
        )
    merge, base_text, live_text = draft_merge(draft)
    try:
        merged_text = merge.text(choices or {})
    except ValueError as error:
        raise ValidationError("Choose which text to keep for every conflict.", code="unresolved") from error
    merged_data = draft_parse(merged_text, article=article)
    holds = approval_still_holds(
        parse_article(base_text, "base")[0],
        parse_article(draft.text, "draft")[0],
        parse_article(live_text, "live")[0],
        merged_data,
    )
    previous_base = draft.base_version
    draft.text = merged_text
    draft.base_major, draft.base_minor = article.version_major, article.version_minor
    # Only a submitter who was sent the change (and answered, or may) has an approval to keep or to be asked for.
    sent = draft.state in (Draft.State.APPROVED, Draft.State.AWAITING_APPROVAL, Draft.State.DECLINED)
    ask_again = sent and not holds
    if ask_again:
        draft.state = Draft.State.EDITING
        draft.approval_key = ""
    draft.save()
    note = f"Brought up to date: from version {previous_base} to {article.version}"
    if sent:
        note += "; the submitter's answer still holds" if holds else "; to be sent to the submitter again"
    _record(suggestion=draft.suggestion, action=Action.DRAFT_UPDATED, actor=editor, message=note)
    return draft, ask_again


@transaction.atomic
def draft_discard(*, draft, editor):
    _require_moderator(editor)
    draft = _locked(draft)
    if not draft.is_live:
        raise InvalidTransition("This draft is closed.", code="draft_closed")
    draft.state = Draft.State.DISCARDED
    draft.approval_key = ""
    draft.save()
    return draft


# --- editors' own settings -------------------------------------------------------------------------


@transaction.atomic
def notification_preference_set(*, editor, mode, email):
    """Save which notification emails the editor wants, and the address on their account they go to."""
    _require_moderator(editor)
    preference = NotificationPreference.objects.filter(user=editor).first() or NotificationPreference(user=editor)
    preference.mode = mode
    preference.full_clean()
    preference.save()
    if email != editor.email:
        editor.email = email
        editor.full_clean(exclude=["password"])
        editor.save(update_fields=["email"])
    return preference


# --- items the wiki raises itself ------------------------------------------------------------------


@transaction.atomic
def source_alerts_sync(*, source):
    """Bring the queue in line with a source's status; return the items raised or updated.

    A retracted or superseded source puts each article listing it in the queue, naming the sentences that cite
    it. Saving the source again updates the article's open item, never adds a second. A source that stands
    again (current, or only its link broken) resolves the open items it raised.
    """
    from articles.models import ArticleSource, Citation
    from sources.models import WITHDRAWN_STATUSES, Source

    # Saves of one source queue here, so two at once cannot both raise an item.
    source = Source.objects.select_for_update().get(pk=source.pk)
    open_items = {
        item.article_id: item for item in SourceAlert.objects.select_for_update().filter(source=source).open()
    }
    now = timezone.now()
    if source.status not in WITHDRAWN_STATUSES:
        SourceAlert.objects.filter(pk__in=[item.pk for item in open_items.values()]).update(
            state=SourceAlert.State.RESOLVED,
            resolved_at=now,
            updated_at=now,
            resolution=f"The source's status became “{source.get_status_display()}”: it stands again.",
        )
        return []
    citing = {
        article_id: []
        for article_id in ArticleSource.objects.filter(source=source).values_list("article_id", flat=True)
    }
    keys = (
        Citation.objects.filter(article_source__source=source)
        .order_by("unit__article_id", "unit__block__section__position", "unit__block__position", "unit__position")
        .values_list("unit__article_id", "unit__key")
    )
    for article_id, key in keys:
        citing.setdefault(article_id, []).append(key)
    touched = []
    for article_id, unit_keys in sorted(citing.items()):
        item = open_items.get(article_id)
        if item is None:
            item = SourceAlert.objects.create(
                article_id=article_id, source=source, source_status=source.status, unit_keys=unit_keys
            )
        elif (item.source_status, item.unit_keys) != (source.status, unit_keys):
            item.source_status, item.unit_keys = source.status, unit_keys
            item.save(update_fields=["source_status", "unit_keys", "updated_at"])
        else:
            continue
        touched.append(item)
    return touched


@transaction.atomic
def source_alert_resolve(*, alert, editor, note=""):
    """An editor closes a system-raised item: the article no longer leans on the source, or may."""
    _require_moderator(editor)
    alert = SourceAlert.objects.select_for_update().get(pk=alert.pk)
    if not alert.is_open:
        raise InvalidTransition("This item is already resolved.", code="already_resolved")
    alert.state = SourceAlert.State.RESOLVED
    alert.resolved_at = timezone.now()
    alert.resolved_by = editor
    alert.resolution = note.strip() or "Resolved by an editor."
    alert.save()
    return alert
