import datetime
import re
from types import SimpleNamespace

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from articles.models import Article, Citation, Unit
from articles.validation import SLUG
from articles.views import article_page_context, find_suggestion_target
from ops.csrf import same_origin_csrf
from ops.ratelimit import over_rate_limit
from ops.views import DATABASE_UNAVAILABLE, RETRY_AFTER_SECONDS, render_without_session

from . import services
from .forms import DraftSummaryForm, OptionalNoteForm, ReasonForm, SubmitterMessageForm, SuggestionForm
from .models import Category, Draft, Status, Suggestion, SuggestionEvent
from .tokens import draft_for_approval_token, status_token, suggestion_for_token

Action = SuggestionEvent.Action


@same_origin_csrf
@require_POST
def suggest(request, slug):
    try:
        return _suggest(request, slug)
    except DATABASE_UNAVAILABLE:
        return _suggestion_not_saved(request, slug)


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
    if over_rate_limit(request, "suggest", settings.SUGGESTION_RATE_LIMITS):
        return render(request, "revisions/rate_limited.html", {"article": article}, status=429)
    form = SuggestionForm(request.POST)
    target = find_suggestion_target(article, request.POST.get("target", ""))
    if form.is_bot():
        # Answer as if it worked, so the bot learns nothing; nothing is stored.
        return render(request, "revisions/suggestion_received.html", {"article": article})
    if not form.is_valid():
        ctx = article_page_context(request, article, suggest_form=form, target=target)
        return render(request, "articles/article_detail.html", ctx, status=400)
    suggestion = services.suggestion_submit(
        article=article,
        fields=form.suggestion_fields(),
        phi_findings=form.phi_findings,
        section=target.get("section"),
        unit=target.get("unit"),
        quoted_text=target.get("quote", ""),
        build_url=request.build_absolute_uri,
    )
    messages.success(request, "Thank you: your suggestion has reached the editors. Keep this page's address.")
    return redirect("revisions:status", token=status_token(suggestion))


def _status_context(suggestion, token, **extra):
    events = list(suggestion.events.exclude(action=Action.CONTACT_PURGED))
    questions = [e for e in events if e.action == Action.QUESTION]
    return {
        "suggestion": suggestion,
        "token": token,
        "events": events,
        "latest_question": questions[-1] if questions else None,
        "link_days": settings.SUGGESTION_LINK_MAX_AGE_DAYS,
        "can_withdraw": suggestion.is_open,
        "can_answer": suggestion.status == Status.AWAITING_SUBMITTER,
        "answer_form": ReasonForm(),
        **extra,
    }


@never_cache
def status(request, token):
    suggestion = suggestion_for_token(token)
    if suggestion is None:
        return render(request, "revisions/link_invalid.html", status=404)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "withdraw":
                services.suggestion_withdraw(suggestion=suggestion)
                messages.success(request, "Your suggestion is withdrawn. Thank you for taking the time.")
            elif action == "answer":
                form = SubmitterMessageForm(request.POST)
                if not form.is_valid():
                    ctx = _status_context(suggestion, token, answer_form=form)
                    # 200, not 400: Django logs 4xx paths, and this path is the private link.
                    return render(request, "revisions/suggestion_status.html", ctx)
                services.suggestion_answer(suggestion=suggestion, answer=form.cleaned_data["message"])
                messages.success(request, "Your answer has reached the editors.")
            else:
                messages.error(request, "That action is not available here.")
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("revisions:status", token=token)
    return render(request, "revisions/suggestion_status.html", _status_context(suggestion, token))


def editor_required(view):
    """Editors only: readers are sent to log in, logged-in non-editors are refused."""
    return never_cache(login_required(permission_required("revisions.moderate_suggestion", raise_exception=True)(view)))


QUEUE_STATUSES = [("open", "All open")] + list(Status.choices) + [("all", "All")]


@editor_required
def queue(request):
    suggestions = Suggestion.objects.for_queue()
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
    ctx = {
        "page": page,
        "filters": request.GET,
        "statuses": QUEUE_STATUSES,
        "status_filter": status_filter,
        "categories": Category.choices,
        "articles": Article.objects.published().order_by("title").only("slug", "title"),
        "now": timezone.now(),
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
    unit = _target_unit(suggestion)
    held = suggestion.on_phi_hold
    revealed_at = services.suggestion_revealed_to(suggestion, request.user) if held else None
    ctx = {
        "suggestion": suggestion,
        # Held text stays masked for each editor until that editor reveals it (recorded in the trail).
        "text_masked": held and revealed_at is None,
        "revealed_at": revealed_at,
        "drafts": suggestion.drafts.order_by("-created_at"),
        "unit": unit,
        "target_changes": _target_changes(suggestion, unit),
        "events": suggestion.events.select_related("actor"),
        "actions": services.allowed_actions(suggestion),
        "Action": Action,
        "reason_form": ReasonForm(),
    }
    return render(request, "revisions/queue_detail.html", ctx)


ACTIONS = {
    "assign": lambda s, r, msg: services.suggestion_assign(suggestion=s, editor=r.user),
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


@editor_required
@require_POST
def queue_action(request, pk, action):
    suggestion = get_object_or_404(Suggestion, pk=pk)
    if action not in ACTIONS:
        messages.error(request, "Unknown action.")
        return redirect(suggestion)
    form = (ReasonForm if action in NEEDS_MESSAGE else OptionalNoteForm)(request.POST)
    if not form.is_valid():
        what = "question" if action == "ask" else "reason"
        messages.error(request, f"Write the {what} first (up to 4,000 characters).")
        return redirect(suggestion)
    try:
        ACTIONS[action](suggestion, request, form.cleaned_data["message"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Done.")
    return redirect(suggestion)


# --- drafts --------------------------------------------------------------------------------------


def _start_draft(request, article, suggestion=None):
    try:
        draft = services.draft_start(editor=request.user, article=article, suggestion=suggestion)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(suggestion) if suggestion else redirect("revisions:queue")
    return redirect(draft)


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


def _draft_context(draft, text=None, errors=None):
    from articles.diff import diff_articles
    from articles.exporting import article_export_data
    from articles.models import Article

    live = article_export_data(Article.objects.for_detail_page().get(pk=draft.article_id))
    try:
        working = services.draft_parse(text if text is not None else draft.text, article=draft.article)
        diff = diff_articles(live, working)
    except ValidationError as error:
        errors = (errors or []) + error.messages
        diff = None
    blocker, editor_note = services.publication_blocker(draft)
    return {
        "draft": draft,
        "text": text if text is not None else draft.text,
        "errors": errors or [],
        "diff": diff,
        "blocker": blocker,
        "editor_note": editor_note,
        "stale": draft.is_live
        and (draft.article.version_major, draft.article.version_minor) != (draft.base_major, draft.base_minor),
    }


@editor_required
def draft_detail(request, pk):
    draft = get_object_or_404(Draft.objects.select_related("article", "suggestion", "created_by"), pk=pk)
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
            draft.summary = summary[:300]
            ctx = _draft_context(draft, text=text, errors=error.messages)
            return render(request, "revisions/draft_detail.html", ctx, status=400)
        messages.success(request, "Draft saved.")
        return redirect(draft)
    return render(request, "revisions/draft_detail.html", _draft_context(draft))


@editor_required
def draft_update(request, pk):
    """Bring a draft up to date with the live article: a three-way merge, conflicts chosen sentence by sentence."""
    from articles.text_format import FormatErrors

    draft = get_object_or_404(Draft.objects.select_related("article", "suggestion"), pk=pk)
    if not draft.is_live or (draft.article.version_major, draft.article.version_minor) == (
        draft.base_major,
        draft.base_minor,
    ):
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
            draft, holds = services.draft_bring_up_to_date(draft=draft, editor=request.user, choices=choices)
        except ValidationError as error:
            errors = error.messages
        else:
            messages.success(
                request,
                f"The draft now starts from version {draft.base_version}."
                + (
                    ""
                    if holds or not draft.suggestion
                    else " The change differs from what the submitter approved: send it to them again."
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


@never_cache
def draft_review(request, token):
    """The submitter's preview of the drafted change, where they approve it or send it back. No account needed."""
    from articles.diff import diff_articles

    draft, problem = draft_for_approval_token(token)
    if problem in ("invalid", "expired"):
        return render(request, "revisions/link_invalid.html", {"expired": problem == "expired"}, status=404)
    if problem == "decided":
        return render(request, "revisions/draft_decided.html", {"draft": draft}, status=410)
    if request.method == "POST":
        approve = request.POST.get("decision") == "approve"
        form = SubmitterMessageForm({"message": request.POST.get("comment", "")})
        comment = ""
        if not approve:
            if not form.is_valid():
                messages.error(request, " ".join(form.errors["message"]))
                return redirect("revisions:draft_review", token=token)
            comment = form.cleaned_data["message"]
        try:
            services.draft_decide(draft=draft, approve=approve, comment=comment)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("revisions:draft_review", token=token)
        draft.refresh_from_db()
        return render(request, "revisions/draft_decided.html", {"draft": draft, "just_decided": True})
    try:
        working = services.draft_parse(draft.text, article=draft.article)
    except ValidationError:
        # The library changed under the draft (a source was corrected): the editors must bring it up to
        # date before there is anything to review.
        return render(request, "revisions/draft_review_unavailable.html", {"draft": draft})
    # The submitter approves the change the draft makes to the text it started from.
    base = services.draft_base_data(draft)
    ctx = {"draft": draft, "diff": diff_articles(base, working), "token": token}
    return render(request, "revisions/draft_review.html", ctx)
