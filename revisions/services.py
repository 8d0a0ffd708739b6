"""Everything that changes a suggestion: submitting it, each editor action, the submitter's replies.

Every change goes through `_transition`, which locks the row, allows only the moves in TRANSITIONS,
and records who did what, when and why.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from .emails import email_queue
from .models import CLOSED_STATUSES, OPEN_STATUSES, OutboundEmail, Status, Suggestion, SuggestionEvent, replace_spans
from .tokens import status_token

Action = SuggestionEvent.Action

# action -> (statuses it may start from, status it leads to)
TRANSITIONS = {
    Action.PHI_CLEARED: ([Status.PHI_HOLD], Status.NEW),
    Action.PHI_REDACTED: ([Status.PHI_HOLD], Status.NEW),
    Action.ASSIGNED: ([Status.NEW, Status.IN_REVIEW, Status.AWAITING_SUBMITTER], None),  # keeps or starts review
    Action.QUESTION: ([Status.IN_REVIEW], Status.AWAITING_SUBMITTER),
    Action.ANSWER: ([Status.AWAITING_SUBMITTER], Status.IN_REVIEW),
    Action.ACCEPTED: ([Status.IN_REVIEW], Status.ACCEPTED),
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
    if target is None:  # assigning starts a review, or keeps it where it is
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
    if not user.has_perm("revisions.moderate_suggestion"):
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
        section=section,
        unit=unit,
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
    return suggestion


@transaction.atomic
def suggestion_assign(*, suggestion, editor):
    _require_moderator(editor)
    suggestion = _transition(suggestion=suggestion, action=Action.ASSIGNED, actor=editor)
    Suggestion.objects.filter(pk=suggestion.pk).update(assigned_to=editor)
    suggestion.refresh_from_db()
    return suggestion


@transaction.atomic
def suggestion_clear_phi(*, suggestion, editor, note=""):
    """An editor confirms the held text carries no PHI; the suggestion joins the queue as new."""
    _require_moderator(editor)
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
def suggestion_answer(*, suggestion, answer):
    """The submitter answers an editor's question from their status page."""
    _require_text(answer, "answer")
    return _transition(suggestion=suggestion, action=Action.ANSWER, message=answer)


@transaction.atomic
def suggestion_accept(*, suggestion, editor, note=""):
    _require_moderator(editor)
    return _transition(suggestion=suggestion, action=Action.ACCEPTED, actor=editor, message=note)


@transaction.atomic
def suggestion_reject(*, suggestion, editor, reason, build_url):
    _require_moderator(editor)
    _require_text(reason, "reason")
    suggestion = _transition(suggestion=suggestion, action=Action.REJECTED, actor=editor, message=reason)
    email_queue(
        suggestion=suggestion,
        template="rejection",
        context={"suggestion": suggestion, "reason": reason, "status_url": _status_url(build_url, suggestion)},
    )
    return suggestion


@transaction.atomic
def suggestion_withdraw(*, suggestion):
    return _transition(suggestion=suggestion, action=Action.WITHDRAWN)


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
