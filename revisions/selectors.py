"""Reads for editors' pages that depend on who is asking or cross apps: the queue's views for one editor,
with their counts, and the evidence dashboard.

The queue: every view is a list of rows, each a suggestion, a draft, or both (an editor's own draft has no
suggestion). Which rows belong where is worked out from two narrow queries over open suggestions and live drafts, so the
queue costs the same number of queries however much is waiting.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from articles.models import Article, TierRule
from articles.rendering import article_renders, renderer_fingerprint
from sources.models import Source, SourceStatus

from .models import OPEN_STATUSES, Draft, NotificationPreference, SourceAlert, Status, Suggestion
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
            "text",
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
    rules = list(TierRule.objects.all())
    for draft in drafts:
        suggestion_id = draft.suggestion_id
        drafted.add(suggestion_id)
        ready = not publication_blocker(draft, rules)[0]
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


# --- the evidence dashboard ---------------------------------------------------------------------

# The rendering's page fragments: the dashboard reads only its figures.
_HEAVY = [
    "lead",
    "rendering__lead_html",
    "rendering__suggest_html",
    "rendering__summary_html",
    "rendering__body_html",
    "rendering__json",
    "reviewed_version__data",
]

# Dashboard columns: (key, heading, what sorts them). None sorts last either way.
COLUMNS = [
    ("title", "Article", lambda r: r["title"].casefold()),
    ("sourced", "Sourced", lambda r: r["figures"]["sourced_percent"]),
    ("t1", "T1", lambda r: r["figures"]["tier_percent"]["T1"]),
    ("t2", "T2", lambda r: r["figures"]["tier_percent"]["T2"]),
    ("t3", "T3", lambda r: r["figures"]["tier_percent"]["T3"]),
    ("llm", "LLM", lambda r: r["figures"]["llm_percent"]),
    ("t3_dependence", "T3 dependence", lambda r: r["figures"]["t3_dependence"]["percent"]),
    ("retracted", "Citing retracted", lambda r: r["figures"]["flagged"]["retracted"]),
    ("superseded", "Citing superseded", lambda r: r["figures"]["flagged"]["superseded"]),
    ("current_through", "Current through", lambda r: r["figures"]["evidence_year"]),
    ("newest_t1", "Newest T1", lambda r: r["figures"]["newest_t1_year"]),
    ("review_due", "Review due", lambda r: r["review"].next_review_due if r["review"] else None),
    ("breaches", "Tier-rule breaches", lambda r: len(r["figures"]["rule_breaches"])),
]
SORT_KEYS = {key: sort_key for key, _, sort_key in COLUMNS}


def _sorted(rows, sort, descending):
    key = SORT_KEYS.get(sort, SORT_KEYS["title"])
    present = [r for r in rows if key(r) is not None]
    missing = [r for r in rows if key(r) is None]
    return sorted(present, key=key, reverse=descending) + missing


def evidence_dashboard(*, sort="title", descending=False):
    """Every article's evidence figures, and the library sources editors should look at, in four queries.

    Figures come from each article's stored rendering; one missing or made by older code is rendered first
    (normally none is: every write renders).
    """
    articles = list(
        Article.objects.select_related("rendering", "reviewed_version").defer(*_HEAVY).order_by("title", "pk")
    )
    renderer = renderer_fingerprint()
    stale = [a for a in articles if not hasattr(a, "rendering") or not a.rendering.is_current_for(a, renderer)]
    # Brought up to date for as long as a library-wide refresh may take in a request, those with no figures
    # at all first; the rest are shown as they were, and any still without figures is left out.
    stale.sort(key=lambda a: hasattr(a, "rendering") and bool(a.rendering.figures))
    fresh = dict(article_renders(article_ids=[a.pk for a in stale], seconds=settings.REFRESH_RENDER_SECONDS))
    for article in articles:
        if article.pk in fresh:
            article.rendering = fresh[article.pk]
    articles = [a for a in articles if hasattr(a, "rendering") and a.rendering.figures]
    drafts = {}
    for article_id, draft_id in (
        Draft.objects.filter(state__in=LIVE_DRAFT_STATES).order_by("pk").values_list("article_id", "pk")
    ):
        drafts.setdefault(article_id, []).append(draft_id)
    alerts = dict(
        SourceAlert.objects.open()
        .order_by()
        .values("article_id")
        .annotate(n=Count("pk"))
        .values_list("article_id", "n")
    )
    today = timezone.localdate()
    rows = []
    use = {}
    for article in articles:
        figures = article.rendering.figures
        review = article.reviewed_version
        rows.append(
            {
                "article": article,
                "title": article.title,
                "figures": figures,
                "review": review,
                "review_overdue": review is not None and review.next_review_due < today,
                "drafts": drafts.get(article.pk, []),
                "alerts": alerts.get(article.pk, 0),
            }
        )
        for source_id, counts in figures["source_use"].items():
            total = use.setdefault(source_id, {"sentences": 0, "in_llm_flagged_parts": 0})
            total["sentences"] += counts["sentences"]
            total["in_llm_flagged_parts"] += counts["in_llm_flagged_parts"]
    return {
        "rows": _sorted(rows, sort, descending),
        "library": _library(use),
        "overdue_count": sum(1 for r in rows if r["review_overdue"]),
        "unreviewed_count": sum(1 for r in rows if r["review"] is None and r["article"].is_published),
        "out_of_date_count": sum(1 for a in stale if a.pk not in fresh),
    }


def _library(use):
    """Library sources in need of an editor: never cited, cited only from LLM-flagged parts, with a broken
    link, or with no link at all."""
    sources = Source.objects.annotate(
        sentence_count=Count("numbered_in__citations", distinct=True),
        article_count=Count("numbered_in__article", distinct=True),
    ).order_by("title", "pk")
    library = {"never_cited": [], "llm_flagged_only": [], "broken_links": [], "no_link": []}
    for source in sources:
        counts = use.get(str(source.pk))
        if source.sentence_count == 0:
            library["never_cited"].append(source)
        elif counts and counts["sentences"] and counts["in_llm_flagged_parts"] == counts["sentences"]:
            library["llm_flagged_only"].append(source)
        if source.status == SourceStatus.LINK_BROKEN or source.link_ok is False:
            library["broken_links"].append(source)
        if not source.link:
            library["no_link"].append(source)
    return library
