import datetime
import functools
import re
from types import SimpleNamespace

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from articles.models import UNIT_KEY, Article, ArticleRendering, Citation, Section, TierRule, Unit
from articles.reviews import article_review_record
from articles.tier_rules import governed_sections, tier_rule_delete, tier_rule_save
from articles.validation import SLUG
from articles.views import article_page_context, find_suggestion_target
from ops.csrf import same_origin_csrf
from ops.ids import row_id
from ops.ratelimit import over_rate_limit
from ops.views import DATABASE_UNAVAILABLE, RETRY_AFTER_SECONDS, render_without_session

from . import selectors, services
from .draft_page import draft_page_context, preview_response
from .forms import (
    DraftSummaryForm,
    NotificationPreferenceForm,
    OptionalNoteForm,
    ReasonForm,
    ReviewForm,
    SentenceEditForm,
    SubmitterMessageForm,
    SuggestionForm,
    TierRuleForm,
)
from .models import Category, Draft, NotificationPreference, SourceAlert, Status, Suggestion, SuggestionEvent
from .notifications import MODERATE
from .tokens import (
    approval_key_of,
    approval_link_state,
    approval_token,
    draft_for_approval_token,
    status_token,
    suggestion_for_token,
)

Action = SuggestionEvent.Action


@same_origin_csrf
@require_http_methods(["GET", "HEAD", "POST"])
def suggest(request, slug):
    if request.method != "POST":
        # The address a refused form is shown at: reloading it, or following it from history, opens the form
        # on the article rather than a bare "method not allowed".
        return redirect(reverse("articles:detail", args=[slug]) + "#suggest")
    try:
        return _suggest(request, slug)
    except DATABASE_UNAVAILABLE:
        return _suggestion_not_saved(request, slug)


def _rate_limited(request, article):
    """Too many suggestions from this network for now: nothing is saved, and the form comes back filled in as
    the reader sent it, to send later."""
    form = SuggestionForm(initial=SuggestionForm.initial_from(request.POST))
    return render(request, "revisions/rate_limited.html", {"article": article, "suggest_form": form}, status=429)


def _suggestion_not_saved(request, slug):
    """The form again, filled in as the reader sent it, when the database could not take it: nothing
    typed is lost, and sending it again once the database is back saves it."""
    form = SuggestionForm(initial=SuggestionForm.initial_from(request.POST))
    article = SimpleNamespace(slug=slug, get_absolute_url=reverse("articles:detail", args=[slug]))
    ctx = {"article": article, "suggest_form": form, "target": {}, "retry_after": RETRY_AFTER_SECONDS}
    response = render_without_session(request, "revisions/suggestion_not_saved.html", ctx, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def _suggest(request, slug):
    article = get_object_or_404(Article.objects.visible_to(request.user), slug=slug)
    # Every attempt is screened, which costs CPU: a generous limit on attempts, and the stricter one on
    # suggestions stored, so a reader correcting a refused form does not use up their suggestions.
    if over_rate_limit(request, "suggest-attempt", settings.SUGGESTION_ATTEMPT_RATE_LIMITS):
        return _rate_limited(request, article)
    form = SuggestionForm(request.POST)
    target = find_suggestion_target(article, request.POST.get("target", ""))
    if form.is_bot():
        # Answer as if it worked, so the bot learns nothing; nothing is stored.
        return render(request, "revisions/suggestion_received.html", {"article": article})
    if not form.is_valid():
        ctx = article_page_context(request, article, suggest_form=form, target=target)
        return render(request, "articles/article_detail.html", ctx, status=400)
    if over_rate_limit(request, "suggest", settings.SUGGESTION_RATE_LIMITS):
        return _rate_limited(request, article)
    suggestion = services.suggestion_submit(
        article=article,
        fields=form.suggestion_fields(),
        phi_findings=form.phi_findings,
        section=target.get("section"),
        unit=target.get("unit"),
        quoted_text=target.get("quote", ""),
        build_url=request.build_absolute_uri,
    )
    messages.success(
        request,
        "Thank you: your suggestion has reached the editors. This is its private page: what happens next is below.",
    )
    return redirect("revisions:status", token=status_token(suggestion))


def _next_steps(suggestion, drafts):
    """The path a suggestion takes, each step marked done, current or to come, for the submitter."""
    if suggestion.status == Status.PUBLISHED or any(d.state == Draft.State.PUBLISHED for d in drafts):
        current = 6  # every step done
    elif any(d.state == Draft.State.APPROVED for d in drafts):
        current = 5
    elif any(d.state == Draft.State.AWAITING_APPROVAL for d in drafts):
        current = 4
    elif suggestion.status == Status.ACCEPTED:
        current = 3
    else:
        current = 2
    steps = [
        (1, "We received your suggestion and emailed you a link to this page."),
        (
            2,
            "An editor is reviewing it and has asked you a question: answer it below."
            if suggestion.status == Status.AWAITING_SUBMITTER
            else "An editor reviews it. If they have a question, we email you and you answer on this page.",
        ),
        (3, "The editors draft the change in the article."),
    ]
    if suggestion.wants_approval:
        steps.append((4, "We email you the drafted change to approve or send back before anything is published."))
    steps.append((5, "The editors publish the change, and we email you the link to it."))
    return [
        {"text": text, "state": "done" if n < current else "current" if n == current else "todo"} for n, text in steps
    ]


# The submitter's own page speaks to them; the queue keeps the editors' third-person wording.
SUBMITTER_STATUS_LABELS = {Status.AWAITING_SUBMITTER: "Awaiting your answer"}


def _status_context(suggestion, token, **extra):
    """What the submitter's private page shows: where the suggestion stands, what comes next, and links to the
    review while one is pending or to the published change afterwards."""
    events = list(suggestion.events.exclude(action=Action.CONTACT_PURGED))
    questions = [e for e in events if e.action == Action.QUESTION]
    reverts = [e for e in events if e.action == Action.REVERTED]
    drafts = list(suggestion.drafts.order_by("-created_at"))
    awaiting = next((d for d in drafts if d.state == Draft.State.AWAITING_APPROVAL and d.approval_key), None)
    published = next((d for d in drafts if d.state == Draft.State.PUBLISHED), None)
    approved = next((d for d in drafts if d.state == Draft.State.APPROVED), None)
    acknowledgement = (
        suggestion.emails.filter(to=suggestion.email).order_by("created_at").only("state", "sent_at").first()
        if suggestion.email
        else None
    )
    return {
        "suggestion": suggestion,
        "status_label": SUBMITTER_STATUS_LABELS.get(suggestion.status, suggestion.get_status_display()),
        "token": token,
        "events": events,
        "latest_question": questions[-1] if questions else None,
        "link_days": settings.SUGGESTION_LINK_MAX_AGE_DAYS,
        "hold_kinds": ", ".join(sorted({finding["label"] for finding in suggestion.phi_findings})),
        "hold_days": settings.PHI_HOLD_RETENTION_DAYS,
        "can_withdraw": suggestion.is_open and approved is None,
        "approved_draft": approved,
        "can_answer": suggestion.status == Status.AWAITING_SUBMITTER,
        "answer_form": ReasonForm(),
        "review_path": reverse("revisions:draft_review", args=[approval_token(awaiting)]) if awaiting else "",
        "published_draft": published,
        "taken_back": reverts[-1] if reverts else None,
        "acknowledgement": acknowledgement,
        "steps": _next_steps(suggestion, drafts) if suggestion.is_open or published else [],
        **extra,
    }


@never_cache
def status(request, token):
    """The submitter's private page: where the suggestion stands; answer a question; withdraw, after a
    confirmation step that needs no script."""
    suggestion = suggestion_for_token(token)
    if suggestion is None:
        return render(request, "revisions/link_invalid.html", status=404)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "withdraw" and request.POST.get("confirm") != "yes":
                return render(request, "revisions/suggestion_withdraw.html", _status_context(suggestion, token))
            if action == "withdraw":
                services.suggestion_withdraw(suggestion=suggestion, build_url=request.build_absolute_uri)
                messages.success(request, "Your suggestion is withdrawn. Thank you for taking the time.")
            elif action == "answer":
                form = SubmitterMessageForm(request.POST)
                if not form.is_valid():
                    ctx = _status_context(suggestion, token, answer_form=form)
                    # 200, not 400: Django logs 4xx paths, and this path is the private link.
                    return render(request, "revisions/suggestion_status.html", ctx)
                services.suggestion_answer(
                    suggestion=suggestion, answer=form.cleaned_data["message"], build_url=request.build_absolute_uri
                )
                messages.success(request, "Your answer has reached the editors. We will email you when there is news.")
            else:
                messages.error(request, "That action is not available here.")
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            answer = request.POST.get("message", "").strip() if action == "answer" else ""
            if answer:
                # Answered already, from another tab, or no longer asked: what was typed is shown to copy.
                suggestion.refresh_from_db()
                ctx = _status_context(suggestion, token, unsent_answer=answer)
                return render(request, "revisions/suggestion_status.html", ctx)
        return redirect("revisions:status", token=token)
    if request.GET.get("withdraw") == "confirm":
        return render(request, "revisions/suggestion_withdraw.html", _status_context(suggestion, token))
    return render(request, "revisions/suggestion_status.html", _status_context(suggestion, token))


def editor_required(view):
    """Editors only: readers are sent to log in; signed-in non-editors get a page saying what it is for and
    where to go instead (403)."""

    @functools.wraps(view)
    def editors_only(request, *args, **kwargs):
        if not request.user.has_perm(MODERATE):
            return render(request, "revisions/editors_only.html", status=403)
        return view(request, *args, **kwargs)

    return never_cache(login_required(editors_only))


QUEUE_STATUSES = [("open", "All open")] + list(Status.choices) + [("all", "All")]


def _queue_tabs(request):
    """The queue's views with their counts, and the one asked for (or "" for the filtered list)."""
    membership = selectors.queue_membership(request.user)
    counts = selectors.queue_counts(membership)
    view = request.GET.get("view", "")
    tabs = [{"name": name, "label": label, "count": counts[name]} for name, (label, _) in selectors.VIEWS.items()]
    return membership, tabs, view if view in selectors.VIEWS else "", counts


@editor_required
def queue(request):
    """The queue: one of the views (waiting for me, assigned to me, awaiting submitter, ready to publish,
    unassigned), or every suggestion filtered by status, article, category, PHI hold and age."""
    membership, tabs, view, counts = _queue_tabs(request)
    base = {
        "tabs": tabs,
        "view": view,
        "open_count": counts["open"],
        "now": timezone.now(),
        "articles": Article.objects.published().order_by("title").only("slug", "title"),
        "notification_mode": selectors.notification_mode(request.user),
    }
    if view:
        rows = selectors.queue_rows(membership[view])
        ctx = {**base, "page": Paginator(rows, 50).get_page(request.GET.get("page")), "filters": {"view": view}}
        ctx["view_help"] = selectors.VIEWS[view][1]
        return render(request, "revisions/queue_list.html", ctx)
    suggestions = Suggestion.objects.for_queue().prefetch_related(
        Prefetch(
            "drafts",
            queryset=Draft.objects.filter(state__in=selectors.LIVE_DRAFT_STATES).order_by("-created_at"),
            to_attr="live_drafts",
        )
    )
    status_filter = request.GET.get("status", "open")
    if status_filter == "open":
        suggestions = suggestions.open()
    elif status_filter in Status.values:
        suggestions = suggestions.filter(status=status_filter)
    if SLUG.fullmatch(request.GET.get("article", "")):
        suggestions = suggestions.filter(article__slug=request.GET["article"])
    if request.GET.get("category") in Category.values:
        suggestions = suggestions.filter(category=request.GET["category"])
    if request.GET.get("phi") == "hold":
        suggestions = suggestions.filter(status=Status.PHI_HOLD)
    elif request.GET.get("phi") == "clear":
        suggestions = suggestions.exclude(status=Status.PHI_HOLD)
    age = request.GET.get("older_than", "")
    if re.fullmatch(r"[0-9]{1,5}", age):
        suggestions = suggestions.filter(created_at__lte=timezone.now() - datetime.timedelta(days=int(age)))
    page = Paginator(suggestions, 50).get_page(request.GET.get("page"))
    page.object_list = [
        selectors.Row(suggestion=s, draft=s.live_drafts[0] if s.live_drafts else None) for s in page.object_list
    ]
    alerts = SourceAlert.objects.none()
    if status_filter in ("open", "all"):
        alerts = SourceAlert.objects.for_queue()
        if SLUG.fullmatch(request.GET.get("article", "")):
            alerts = alerts.filter(article__slug=request.GET["article"])
    ctx = {
        **base,
        "page": page,
        "alerts": alerts,
        "filters": request.GET,
        "statuses": QUEUE_STATUSES,
        "status_filter": status_filter,
        "categories": Category.choices,
        "overdue_reviews": Article.objects.filter(reviewed_version__next_review_due__lt=timezone.localdate()).count(),
    }
    return render(request, "revisions/queue_list.html", ctx)


def _target_unit(suggestion):
    """The sentence the suggestion targets as it stands now, found by its stable key, with the sources it
    cites and their tiers; None if it has since been removed."""
    if suggestion.unit_key is None:
        return None
    citations = Citation.objects.select_related("article_source__source").order_by("position")
    return (
        Unit.objects.select_related("block__section")
        .prefetch_related(Prefetch("citations", queryset=citations))
        .filter(article_id=suggestion.article_id, key=suggestion.unit_key)
        .first()
    )


def _target_changes(suggestion, unit):
    """How the targeted sentence reads now against what the reader quoted: word diff, or None if unchanged."""
    from articles.diff import word_diff
    from articles.views import unit_quote

    if unit is None or not suggestion.quoted_text:
        return None
    now = unit_quote(unit)
    return None if now == suggestion.quoted_text else word_diff(suggestion.quoted_text, now)


@editor_required
def queue_detail(request, pk):
    suggestion = get_object_or_404(Suggestion.objects.select_related("article", "assigned_to"), pk=pk)
    return _queue_detail_page(request, suggestion)


def _queue_detail_page(request, suggestion, kept=None):
    """The suggestion's page; with `kept` ({"action", "message", "errors"}), shown again after that action was
    refused, its text back in its box with what to correct (400)."""
    unit = _target_unit(suggestion)
    held = suggestion.on_phi_hold
    revealed_at = services.suggestion_revealed_to(suggestion, request.user) if held else None
    ctx = {
        "suggestion": suggestion,
        # Held text stays masked for each editor until that editor reveals it (recorded in the trail).
        "text_masked": held and revealed_at is None,
        "revealed_at": revealed_at,
        "other_editors": [e for e in selectors.editors() if e.pk not in (request.user.pk, suggestion.assigned_to_id)],
        "drafts": suggestion.drafts.order_by("-created_at"),
        "unit": unit,
        "target_changes": _target_changes(suggestion, unit),
        "events": suggestion.events.select_related("actor"),
        "actions": services.allowed_actions(suggestion),
        "can_take": suggestion.status == Status.NEW,
        "Action": Action,
        "reason_form": ReasonForm(),
        "kept": kept or {},
    }
    if kept and kept.get("message"):
        # The forms the page shows now (as the template decides): a refused action whose form is gone (another
        # editor closed the suggestion meanwhile) still shows what was typed, to copy.
        actions, can_take = ctx["actions"], ctx["can_take"]
        shown = {
            "clear-phi": Action.PHI_CLEARED in actions and not ctx["text_masked"],
            "ask": Action.QUESTION in actions or can_take,
            "accept": Action.ACCEPTED in actions or can_take,
            "reject": Action.REJECTED in actions,
        }
        ctx["kept_unshown"] = not shown.get(kept["action"], False)
    return render(request, "revisions/queue_detail.html", ctx, status=400 if kept else 200)


def _assignee(request):
    """The editor named in the form, or None (the acting editor); a stale or forged id names nobody."""
    pk = request.POST.get("assignee", "")
    if not pk:
        return None
    if row_id(pk) is None:
        raise ValidationError("Choose an editor from the list.", code="bad_assignee")
    user = get_user_model().objects.filter(pk=row_id(pk), is_active=True).first()
    if user is None:
        raise ValidationError("That editor's account no longer exists; choose another.", code="bad_assignee")
    return user


ACTIONS = {
    "assign": lambda s, r, msg: services.suggestion_assign(suggestion=s, editor=r.user, assignee=_assignee(r)),
    "release": lambda s, r, msg: services.suggestion_release(suggestion=s, editor=r.user),
    "reveal-phi": lambda s, r, msg: services.suggestion_reveal_phi(suggestion=s, editor=r.user),
    "clear-phi": lambda s, r, msg: services.suggestion_clear_phi(suggestion=s, editor=r.user, note=msg),
    "redact-phi": lambda s, r, msg: services.suggestion_redact_phi(suggestion=s, editor=r.user, note=msg),
    "ask": lambda s, r, msg: services.suggestion_ask(
        suggestion=s, editor=r.user, question=msg, build_url=r.build_absolute_uri
    ),
    "accept": lambda s, r, msg: services.suggestion_accept(suggestion=s, editor=r.user, note=msg),
    "reject": lambda s, r, msg: services.suggestion_reject(
        suggestion=s, editor=r.user, reason=msg, build_url=r.build_absolute_uri
    ),
}
NEEDS_MESSAGE = {"ask", "reject"}
TAKES = {"ask", "accept"}
DONE = {
    "assign": "Assigned.",
    "release": "Released: it waits in the queue for another editor.",
    "ask": "Question sent to the submitter.",
    "accept": "Accepted for drafting.",
    "reject": "Rejected; the submitter is told why.",
}


@editor_required
@require_POST
def queue_action(request, pk, action):
    suggestion = get_object_or_404(Suggestion, pk=pk)
    if action not in ACTIONS:
        messages.error(request, "Unknown action.")
        return redirect(suggestion)
    form = (ReasonForm if action in NEEDS_MESSAGE else OptionalNoteForm)(request.POST)
    if not form.is_valid():
        return _refused(request, suggestion, action, form.errors.get("message") or form.non_field_errors())
    # A new suggestion's question or acceptance may take it on in the same step: assign, then act, or neither.
    take = action in TAKES and request.POST.get("take") == "me" and suggestion.status == Status.NEW
    try:
        with transaction.atomic():
            if take:
                suggestion = services.suggestion_assign(suggestion=suggestion, editor=request.user)
            ACTIONS[action](suggestion, request, form.cleaned_data["message"])
    except ValidationError as error:
        return _refused(request, suggestion, action, error.messages)
    messages.success(request, ("Assigned to you. " if take else "") + DONE.get(action, "Done."))
    if action == "accept" and request.POST.get("then") == "draft":
        suggestion.refresh_from_db()
        return _start_draft(request, suggestion.article, suggestion)
    return redirect(suggestion)


def _refused(request, suggestion, action, errors):
    """An editor's refused action: what to correct, and what they typed still in its box, never lost."""
    messages.error(request, " ".join(errors))
    suggestion = Suggestion.objects.select_related("article", "assigned_to").get(pk=suggestion.pk)
    kept = {"action": action, "message": request.POST.get("message", ""), "errors": list(errors)}
    return _queue_detail_page(request, suggestion, kept)


@editor_required
def alert_detail(request, pk):
    """A system-raised item: the source that no longer stands and the sentences citing it, as they read now."""
    alert = get_object_or_404(SourceAlert.objects.select_related("article", "source", "resolved_by"), pk=pk)
    return _alert_page(request, alert)


def _alert_page(request, alert, kept=None):
    units = {
        unit.key: unit
        for unit in Unit.objects.filter(article=alert.article, key__in=alert.unit_keys).select_related("block__section")
    }
    sentences = [(key, units.get(number)) for key, number in zip(alert.key_labels, alert.unit_keys)]
    ctx = {"alert": alert, "sentences": sentences, "reason_form": OptionalNoteForm(), "kept": kept or {}}
    return render(request, "revisions/alert_detail.html", ctx, status=400 if kept else 200)


@editor_required
@require_POST
def alert_resolve(request, pk):
    alert = get_object_or_404(SourceAlert, pk=pk)
    form = OptionalNoteForm(request.POST)
    errors = None if form.is_valid() else form.errors["message"]
    if errors is None:
        try:
            services.source_alert_resolve(alert=alert, editor=request.user, note=form.cleaned_data["message"])
        except ValidationError as error:
            errors = error.messages
    if errors is not None:
        messages.error(request, " ".join(errors))
        alert = SourceAlert.objects.select_related("article", "source", "resolved_by").get(pk=alert.pk)
        return _alert_page(request, alert, {"message": request.POST.get("message", ""), "errors": list(errors)})
    messages.success(request, "Resolved.")
    return redirect("revisions:queue")


# --- drafts --------------------------------------------------------------------------------------


def _start_draft(request, article, suggestion=None):
    try:
        draft = services.draft_start(editor=request.user, article=article, suggestion=suggestion)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(suggestion) if suggestion else redirect("revisions:queue")
    # Open where the reader pointed: the browser scrolls there, script or not.
    return redirect(_draft_url(draft, suggestion.target_label if suggestion and suggestion.unit_key else ""))


@editor_required
@require_POST
def draft_start(request, pk):
    """Start a draft from an accepted suggestion."""
    suggestion = get_object_or_404(Suggestion.objects.select_related("article"), pk=pk)
    return _start_draft(request, suggestion.article, suggestion)


@editor_required
def draft_new(request):
    """Start an editor's own draft of an article, with no suggestion behind it; a GET asks to confirm."""
    slug = request.POST.get("article", "") if request.method == "POST" else request.GET.get("article", "")
    if not SLUG.fullmatch(slug):
        raise Http404("No such article.")
    # Admins decide what is published; an editor's draft publishes, so it starts only from a live article.
    article = get_object_or_404(Article.objects.published(), slug=slug)
    if request.method != "POST":
        return render(request, "revisions/draft_new.html", {"article": article})
    return _start_draft(request, article)


def _draft_url(draft, anchor=""):
    return f"{draft.get_absolute_url()}#{anchor}" if anchor else draft.get_absolute_url()


def _draft_for_page(pk):
    return get_object_or_404(
        Draft.objects.select_related("article", "suggestion__article", "suggestion__assigned_to", "created_by"), pk=pk
    )


@editor_required
def draft_detail(request, pk):
    """The draft where it is read: its preview, edited in place or as a whole text, beside everything about
    the suggestion behind it. A POST saves the working copy, and with `then=send` sends it for approval."""
    draft = _draft_for_page(pk)
    if request.method == "POST":
        text, summary = request.POST.get("text", ""), request.POST.get("summary", "")
        try:
            summary_form = DraftSummaryForm({"summary": summary})
            if not summary_form.is_valid():
                raise ValidationError(summary_form.errors["summary"])
            services.draft_save(
                draft=draft,
                editor=request.user,
                text=text,
                summary=summary_form.cleaned_data["summary"],
                seen=request.POST.get("seen", ""),
            )
        except ValidationError as error:
            draft.summary = summary  # shown again as typed, with the error; never saved
            ctx = draft_page_context(draft, text=text, errors=error.messages)
            if getattr(error, "code", "") == "draft_edited_meanwhile":
                # Sending the same page again must not overwrite the other editor's save either.
                ctx["seen"] = request.POST.get("seen", "")
            return render(request, "revisions/draft_detail.html", ctx, status=400)
        if request.POST.get("then") == "send":
            try:
                services.draft_send_for_approval(draft=draft, editor=request.user, build_url=request.build_absolute_uri)
            except ValidationError as error:
                messages.warning(request, "Draft saved, but not sent: " + " ".join(error.messages))
            else:
                messages.success(request, "Draft saved and sent to the submitter for approval.")
        else:
            messages.success(request, "Draft saved.")
        anchor = request.POST.get("at", "")
        return redirect(_draft_url(draft, anchor if UNIT_KEY.fullmatch(anchor) else ""))
    return render(request, "revisions/draft_detail.html", draft_page_context(draft))


@editor_required
@require_POST
def draft_preview(request, pk):
    """The working copy's preview and changes against the live article, after one sentence edit if asked for;
    JSON for the in-place editor. Nothing is saved: the editor saves the returned text with the page's form."""
    draft = _draft_for_page(pk)
    form = SentenceEditForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"ok": False, "message": " ".join(form.error_messages())}, status=400)
    return JsonResponse(preview_response(draft, form.cleaned_data["text"], edit=form.edit()))


@editor_required
def draft_update(request, pk):
    """Bring a draft up to date with the live article: a three-way merge, conflicts chosen sentence by sentence."""
    from articles.text_format import FormatErrors

    draft = get_object_or_404(Draft.objects.select_related("article", "suggestion"), pk=pk)
    if not draft.is_live:
        messages.info(request, "This draft is closed: there is nothing to bring up to date.")
        return redirect(draft)
    if (draft.article.version_major, draft.article.version_minor) == (draft.base_major, draft.base_minor):
        messages.info(request, "This draft already starts from the live version.")
        return redirect(draft)
    try:
        merge, _, _ = services.draft_merge(draft)
    except FormatErrors as error:
        messages.error(request, "The draft cannot be merged until it reads as an article: " + " ".join(error.messages))
        return redirect(draft)
    choices, errors = {}, []
    if request.method == "POST":
        for conflict in merge.conflicts:
            choice = request.POST.get(f"conflict-{conflict.index}", "")
            if choice in ("live", "draft") or (choice == "both" and conflict.can_keep_both):
                choices[conflict.index] = choice
        try:
            draft, ask_again = services.draft_bring_up_to_date(
                draft=draft, editor=request.user, choices=choices, seen_live=request.POST.get("live_version")
            )
        except ValidationError as error:
            errors = error.messages
            if getattr(error, "code", None) == "live_moved":
                draft.article.refresh_from_db()
                merge, _, _ = services.draft_merge(draft)
                choices = {}
        else:
            messages.success(
                request,
                f"The draft now starts from version {draft.base_version}."
                + (
                    " The change differs from what the submitter was asked to approve: send it to them again."
                    if ask_again
                    else ""
                ),
            )
            return redirect(draft)
    conflicts = [(conflict, choices.get(conflict.index, "")) for conflict in merge.conflicts]
    ctx = {"draft": draft, "merge": merge, "conflicts": conflicts, "errors": errors}
    return render(request, "revisions/draft_update.html", ctx, status=400 if errors else 200)


DRAFT_ACTIONS = {
    "send": lambda d, r: services.draft_send_for_approval(draft=d, editor=r.user, build_url=r.build_absolute_uri),
    "publish": lambda d, r: services.draft_publish(draft=d, editor=r.user, build_url=r.build_absolute_uri),
    "discard": lambda d, r: services.draft_discard(draft=d, editor=r.user),
}
DRAFT_DONE = {
    "send": "Sent to the submitter for approval.",
    "publish": "Published.",
    "discard": "Draft discarded.",
}


@editor_required
@require_POST
def draft_action(request, pk, action):
    draft = get_object_or_404(Draft.objects.select_related("article", "suggestion"), pk=pk)
    if action not in DRAFT_ACTIONS:
        messages.error(request, "Unknown action.")
        return redirect(draft)
    try:
        DRAFT_ACTIONS[action](draft, request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(draft)
    messages.success(request, DRAFT_DONE[action])
    if action == "publish":
        draft.refresh_from_db()
        return redirect("articles:detail", slug=draft.article.slug)
    return redirect(draft)


def _link_state_context(draft, token, state):
    """What a review link's page says once the link no longer decides, with where to go next."""
    if not state:
        state = approval_link_state(draft, "") or "revising"
    return {
        "draft": draft,
        "state": state,
        "token": token,
        "status_path": reverse("revisions:status", args=[status_token(draft.suggestion)]) if draft.suggestion else "",
        "link_days": settings.DRAFT_APPROVAL_LINK_MAX_AGE_DAYS,
    }


def _link_gone(request, draft, token, state):
    """The review link no longer works (410); a comment the submitter was sending back is shown to copy."""
    ctx = _link_state_context(draft, token, state)
    if request.method == "POST" and request.POST.get("decision") != "approve":
        ctx["unsent_comment"] = request.POST.get("comment", "").strip()
    return render(request, "revisions/draft_decided.html", ctx, status=410)


@never_cache
def draft_review(request, token):
    """The submitter's preview of the drafted change, where they approve it or send it back. No account needed."""
    from articles.diff import diff_articles

    draft, state = draft_for_approval_token(token)
    if state == "invalid":
        return render(request, "revisions/link_invalid.html", status=404)
    if state == "expired" and request.method == "POST" and request.POST.get("action") == "renew":
        try:
            services.draft_renew_approval_link(
                draft=draft, key=approval_key_of(token), build_url=request.build_absolute_uri
            )
        except ValidationError:
            draft.refresh_from_db()
            return render(request, "revisions/draft_decided.html", _link_state_context(draft, token, ""), status=410)
        return render(request, "revisions/draft_decided.html", _link_state_context(draft, token, "renewed"))
    if state:
        return _link_gone(request, draft, token, state)
    kept = None
    if request.method == "POST":
        approve = request.POST.get("decision") == "approve"
        form = SubmitterMessageForm({"message": request.POST.get("comment", "")})
        comment, errors = "", None
        if not approve:
            if form.is_valid():
                comment = form.cleaned_data["message"]
            else:
                errors = form.errors["message"]
        if errors is None:
            try:
                services.draft_decide(
                    draft=draft, approve=approve, comment=comment, build_url=request.build_absolute_uri
                )
            except ValidationError as error:
                errors = error.messages
            else:
                draft.refresh_from_db()
                ctx = {**_link_state_context(draft, token, "approved" if approve else "declined"), "just_decided": True}
                return render(request, "revisions/draft_decided.html", ctx)
        # Shown again with what to correct, and a comment sent back kept in its box.
        messages.error(request, " ".join(errors))
        draft, state = draft_for_approval_token(token)
        if state:  # decided meanwhile, from another tab
            return _link_gone(request, draft, token, state)
        kept = {"comment": "" if approve else request.POST.get("comment", ""), "errors": list(errors)}
    try:
        working = services.draft_parse(draft.text, article=draft.article)
    except ValidationError:
        # The library changed under the draft (a source was corrected): the editors must bring it up to
        # date before there is anything to review.
        return render(request, "revisions/draft_review_unavailable.html", {"draft": draft})
    # The submitter approves the change the draft makes to the text it started from.
    base = services.draft_base_data(draft)
    ctx = {"draft": draft, "diff": diff_articles(base, working), "token": token, "kept": kept or {}}
    # 200 even when refused: Django logs 4xx paths, and this path is the private link (as the status page).
    return render(request, "revisions/draft_review.html", ctx)


@editor_required
def editor_settings(request):
    """An editor chooses which notification emails they get, and where."""
    preference = NotificationPreference.objects.filter(user=request.user).first()
    initial = {"mode": preference.mode if preference else NotificationPreference.Mode.ALL, "email": request.user.email}
    form = NotificationPreferenceForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.notification_preference_set(
                    editor=request.user, mode=form.cleaned_data["mode"], email=form.cleaned_data["email"]
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, "Your notification choice is saved.")
                return redirect("revisions:editor_settings")
        return render(request, "revisions/editor_settings.html", {"form": form}, status=400)
    return render(request, "revisions/editor_settings.html", {"form": form})


# --- evidence: dashboard, tier rules, clinical reviews --------------------------------------------


@editor_required
def evidence_dashboard(request):
    """Every article's evidence at a glance, and library sources that need an editor: one screen, four queries."""
    sort = request.GET.get("sort", "title")
    if sort not in selectors.SORT_KEYS:
        sort = "title"
    descending = request.GET.get("dir") == "desc"
    ctx = {
        **selectors.evidence_dashboard(sort=sort, descending=descending),
        "columns": [(key, label) for key, label, _ in selectors.COLUMNS],
        "sort": sort,
        "descending": descending,
    }
    return render(request, "revisions/evidence_dashboard.html", ctx)


def _rules_context(form, editing=None):
    rules = list(TierRule.objects.all())
    headings = list(
        Section.objects.exclude(heading="")
        .order_by("article__title", "position")
        .values_list("article__title", "article__slug", "heading")
    )
    breaches = {}
    for figures in ArticleRendering.objects.values_list("figures", flat=True):
        for breach in figures.get("rule_breaches", []):
            breaches[breach["rule"]] = breaches.get(breach["rule"], 0) + 1
    listed = [(rule, governed_sections(rule, headings), breaches.get(rule.heading, 0)) for rule in rules]
    return {"rules": listed, "form": form, "editing": editing}


@editor_required
def tier_rules(request):
    """The editors' evidence standards by section heading; adding one re-renders the articles it governs."""
    form = TierRuleForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            rule = form.save(commit=False)
            left = tier_rule_save(rule=rule)
            messages.success(request, f"Rule added: sections headed like “{rule.heading}” must {rule.requirement}.")
            _say_what_is_left(request, left)
            return redirect("revisions:tier_rules")
        return render(request, "revisions/tier_rules.html", _rules_context(form), status=400)
    return render(request, "revisions/tier_rules.html", _rules_context(form))


def _say_what_is_left(request, left):
    """A rule governing more articles than its request had time to render leaves some to be rendered later."""
    if left:
        messages.info(
            request,
            f"{left} article{pluralize(left)} will show the change when next read or when render_articles --stale "
            "runs; their figures here follow then.",
        )


@editor_required
def tier_rule_edit(request, pk):
    rule = get_object_or_404(TierRule, pk=pk)
    form = TierRuleForm(request.POST or None, instance=rule)
    if request.method == "POST":
        if form.is_valid():
            left = tier_rule_save(rule=form.save(commit=False))
            messages.success(request, "Rule saved.")
            _say_what_is_left(request, left)
            return redirect("revisions:tier_rules")
        # Validating filled the form's values into `rule`: the heading names the rule as it is stored.
        stored = TierRule.objects.get(pk=rule.pk)
        return render(request, "revisions/tier_rules.html", _rules_context(form, editing=stored), status=400)
    return render(request, "revisions/tier_rules.html", _rules_context(form, editing=rule))


@editor_required
@require_POST
def tier_rule_remove(request, pk):
    rule = get_object_or_404(TierRule, pk=pk)
    left = tier_rule_delete(rule=rule)
    messages.success(request, f"Rule for “{rule.heading}” removed.")
    _say_what_is_left(request, left)
    return redirect("revisions:tier_rules")


@editor_required
def review_record(request, slug):
    """An editor records a clinician's review of a published version, and when it is due again."""
    article = get_object_or_404(Article.objects.published(), slug=slug)
    versions = list(article.versions.defer("data").order_by("-major", "-minor"))
    today = timezone.localdate()
    initial = {
        "version": article.version,
        "reviewed_on": today,
        "next_review_due": today + datetime.timedelta(days=365),
    }
    form = ReviewForm(request.POST or None, versions=versions, initial=initial)
    if request.method == "POST" and form.is_valid():
        version = next(v for v in versions if v.version == form.cleaned_data["version"])
        try:
            article_review_record(
                version=version,
                reviewer=form.cleaned_data["reviewer"],
                credentials=form.cleaned_data["credentials"],
                reviewed_on=form.cleaned_data["reviewed_on"],
                next_review_due=form.cleaned_data["next_review_due"],
                editor=request.user,
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                for message in errors:
                    form.add_error(field if field in form.fields else None, message)
        else:
            messages.success(request, f"Review of version {version.version} recorded.")
            return redirect("revisions:evidence")
    reviewed = [v for v in versions if v.is_reviewed]
    ctx = {"article": article, "form": form, "reviewed": reviewed}
    return render(request, "revisions/review_form.html", ctx, status=400 if form.errors else 200)
