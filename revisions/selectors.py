"""Reads that depend on who is asking: the queue's views for one editor, with their counts.

Every view is a list of rows, each a suggestion, a draft, or both (an editor's own draft has no suggestion).
Which rows belong where is worked out from two narrow queries over open suggestions and live drafts, so the
queue costs the same number of queries however much is waiting.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q

from .models import OPEN_STATUSES, Draft, NotificationPreference, Status, Suggestion
from .notifications import MODERATE
from .services import publication_blocker

LIVE_DRAFT_STATES = [Draft.State.EDITING, Draft.State.AWAITING_APPROVAL, Draft.State.APPROVED, Draft.State.DECLINED]

# view -> (tab label, what the view holds, for the page)
VIEWS = {
    "waiting": ("Waiting for me", "Assigned to you, or your own drafts, where the next move is yours."),
    "assigned": ("Assigned to me", "Every open suggestion assigned to you."),
    "submitter": ("Awaiting submitter", "Waiting for a submitter’s answer or approval."),
    "ready": ("Ready to publish", "Drafts nothing stands in the way of publishing."),
    "unassigned": ("Unassigned", "Open suggestions nobody has taken yet."),
}


@dataclass
class Row:
    suggestion: object = None
    draft: object = None


def editors():
    """Active users who may work the queue, by name, for assigning. One query."""
    return list(get_user_model().objects.with_perm(MODERATE).order_by("first_name", "last_name", "username"))


def queue_membership(user):
    """For each view, the suggestion ids and the draft ids (each with its suggestion's id, or None) it holds,
    for `user`. Two queries."""
    suggestions = {
        pk: (status, assigned)
        for pk, status, assigned in Suggestion.objects.filter(status__in=OPEN_STATUSES).values_list(
            "pk", "status", "assigned_to_id"
        )
    }
    # Live drafts with just what `publication_blocker` reads, so "ready to publish" means what it means there.
    drafts = (
        Draft.objects.filter(state__in=LIVE_DRAFT_STATES)
        .filter(Q(suggestion__isnull=True) | Q(suggestion__status__in=OPEN_STATUSES))
        .select_related("suggestion")
        .only(
            "state",
            "created_by_id",
            "approval_sent_at",
            "suggestion__status",
            "suggestion__wants_approval",
            "suggestion__email",
            "suggestion__assigned_to_id",
        )
        .order_by("pk")
    )
    views = {name: {"suggestions": set(), "drafts": {}} for name in VIEWS}
    views["open"] = {"suggestions": set(suggestions), "drafts": {}}
    drafted = set()
    for draft in drafts:
        suggestion_id = draft.suggestion_id
        drafted.add(suggestion_id)
        ready = not publication_blocker(draft)[0]
        if suggestion_id is None:
            mine = draft.created_by_id == user.pk
        else:
            mine = draft.suggestion.assigned_to_id == user.pk
        if ready:
            views["ready"]["drafts"][draft.pk] = suggestion_id
        elif draft.state == Draft.State.AWAITING_APPROVAL:
            views["submitter"]["drafts"][draft.pk] = suggestion_id
        if mine and (ready or draft.state in (Draft.State.EDITING, Draft.State.DECLINED)):
            views["waiting"]["drafts"][draft.pk] = suggestion_id
    for pk, (status, assigned) in suggestions.items():
        if assigned == user.pk:
            views["assigned"]["suggestions"].add(pk)
        if assigned is None and status in (Status.NEW, Status.PHI_HOLD, Status.IN_REVIEW, Status.ACCEPTED):
            views["unassigned"]["suggestions"].add(pk)
        if status == Status.AWAITING_SUBMITTER:
            views["submitter"]["suggestions"].add(pk)
        editors_move = status in (Status.NEW, Status.PHI_HOLD, Status.IN_REVIEW) or (
            status == Status.ACCEPTED and pk not in drafted
        )
        if assigned == user.pk and editors_move:
            views["waiting"]["suggestions"].add(pk)
    return views


def queue_counts(membership):
    """How many rows each view shows: a suggestion with its draft is one row."""
    return {
        name: len(members["suggestions"] | {s for s in members["drafts"].values() if s is not None})
        + sum(1 for s in members["drafts"].values() if s is None)
        for name, members in membership.items()
    }


def queue_rows(members):
    """The rows of one view, oldest first: each suggestion with its live draft, then editors' own drafts.
    Three queries at most, however many rows."""
    live = Draft.objects.filter(state__in=LIVE_DRAFT_STATES).order_by("-created_at")
    behind_drafts = {s for s in members["drafts"].values() if s is not None}
    suggestions = list(
        Suggestion.objects.for_queue()
        .filter(pk__in=members["suggestions"] | behind_drafts)
        .prefetch_related(Prefetch("drafts", queryset=live, to_attr="live_drafts"))
    )
    rows = [
        Row(suggestion=suggestion, draft=suggestion.live_drafts[0] if suggestion.live_drafts else None)
        for suggestion in suggestions
    ]
    own = [pk for pk, suggestion_id in members["drafts"].items() if suggestion_id is None]
    if own:
        for draft in Draft.objects.filter(pk__in=own).select_related("article", "created_by").order_by("created_at"):
            rows.append(Row(draft=draft))
    return rows


def notification_mode(user):
    """The editor's notification choice, as its label. One query."""
    preference = NotificationPreference.objects.filter(user=user).first()
    return (preference.get_mode_display() if preference else NotificationPreference.Mode.ALL.label).lower()
