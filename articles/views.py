import json
import re
import secrets
import unicodedata
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import models, transaction
from django.db.models.functions import Lower
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseNotModified,
    HttpResponsePermanentRedirect,
    JsonResponse,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags
from django.views.decorators.http import require_http_methods, require_POST
from markdownx.views import MarkdownifyView

from ops.csrf import same_origin_csrf
from ops.ratelimit import over_rate_limit

from .citations import absolute_url, article_citation, version_citation
from .evidence import evidence_figures
from .models import (
    LISTING_SORTS,
    SECTION_KEY,
    UNIT_KEY,
    Article,
    ArticleRendering,
    ArticleType,
    ArticleVersion,
    Discipline,
    Family,
    Section,
    Unit,
    UnitEvent,
    review_is_overdue,
)
from .pages import build_version_page
from .rendering import LLM_MODES, article_render, reader_page_with_votes, renderer_fingerprint
from .services import article_has_vote_from, article_upvote
from .shared_pages import proxy_expiry_headers, shared_cache_control, shared_etag, shared_page_row

VOTER_COOKIE = "wiki_voter"
VOTER_COOKIE_SALT = "articles.voter"
VOTER_COOKIE_AGE = 5 * 365 * 24 * 3600


def _get_article(request, slug, queryset=None):
    """The article, if this user may read it: drafts exist only for staff."""
    queryset = (Article.objects.all() if queryset is None else queryset).visible_to(request.user)
    return get_object_or_404(queryset, slug=slug)


def _voter_token(request):
    return request.get_signed_cookie(VOTER_COOKIE, default=None, salt=VOTER_COOKIE_SALT)


def _sorted_listing(request, articles):
    """A listing in the order the reader chose (`?sort=` one of LISTING_SORTS, `&dir=asc|desc`), with the
    links to every other order. Unknown values fall back to the default rather than failing."""
    sort = request.GET.get("sort", "title")
    if sort not in LISTING_SORTS:
        sort = "title"
    default_descending = LISTING_SORTS[sort]["descending"]
    direction = request.GET.get("dir")
    descending = default_descending if direction not in ("asc", "desc") else direction == "desc"
    links = []
    for key, option in LISTING_SORTS.items():
        query = {} if key == "title" else {"sort": key}
        current = key == sort
        if current:
            # The current order's link turns it round.
            query["dir"] = "asc" if descending else "desc"
        links.append(
            {
                "key": key,
                "label": option["label"],
                "current": current,
                "href": "?" + urlencode(query) if query else "?",
                "descending": descending if current else option["descending"],
            }
        )
    return articles.listing_order(sort, descending=descending), {"key": sort, "descending": descending, "links": links}


LISTING_PAGE_SIZE = 50


def _listing_page(request, articles, sort):
    """One page of a sorted listing, with the query that keeps its order on the other pages: a count and
    a page of rows, however many articles there are. A page number out of range gives the nearest page."""
    page = Paginator(articles, LISTING_PAGE_SIZE).get_page(request.GET.get("page"))
    order = {} if sort["key"] == "title" else {"sort": sort["key"]}
    if sort["descending"] != LISTING_SORTS[sort["key"]]["descending"]:
        order["dir"] = "desc" if sort["descending"] else "asc"
    return {"articles": page, "page_obj": page, "page_query": urlencode(order)}


def home(request):
    articles, sort = _sorted_listing(request, Article.objects.visible_to(request.user).for_listing())
    ctx = {"heading": "Articles", "sort": sort, **_listing_page(request, articles, sort)}
    return render(request, "articles/article_list.html", ctx)


def _browse(request, model, slug, field, label):
    taxon = get_object_or_404(model, slug=slug)
    articles, sort = _sorted_listing(
        request, Article.objects.visible_to(request.user).for_listing().filter(**{field: taxon})
    )
    ctx = {
        **_listing_page(request, articles, sort),
        "heading": taxon.name,
        "taxon": taxon,
        "taxon_label": label,
        "index_url": reverse(TAXON_INDEXES[model]["url"]),
        "index_label": TAXON_INDEXES[model]["heading"],
        "sort": sort,
    }
    return render(request, "articles/article_list.html", ctx)


def browse_type(request, slug):
    return _browse(request, ArticleType, slug, "article_type", "Type")


def browse_discipline(request, slug):
    return _browse(request, Discipline, slug, "discipline", "Discipline")


def browse_family(request, slug):
    return _browse(request, Family, slug, "family", "Family")


TAXON_INDEXES = {
    ArticleType: {"heading": "Types", "url": "articles:type_index", "singular": "type"},
    Discipline: {"heading": "Disciplines", "url": "articles:discipline_index", "singular": "discipline"},
    Family: {"heading": "Families", "url": "articles:family_index", "singular": "family"},
}


def _taxon_index(request, model):
    """Every type (discipline, family) with how many published articles it has: one query."""
    published = models.Q(articles__status=Article.Status.PUBLISHED)
    taxa = model.objects.annotate(article_count=models.Count("articles", filter=published)).order_by(Lower("name"))
    ctx = {"taxa": taxa, **TAXON_INDEXES[model]}
    return render(request, "articles/taxon_index.html", ctx)


def type_index(request):
    return _taxon_index(request, ArticleType)


def discipline_index(request):
    return _taxon_index(request, Discipline)


def family_index(request):
    return _taxon_index(request, Family)


def _initial(title):
    """The letter a title is filed under in the A–Z: its first letter without accents, or "#"."""
    first = unicodedata.normalize("NFKD", title.strip()[:1]).encode("ascii", "ignore").decode().upper()
    return first if first.isalpha() else "#"


def _letter_slug(letter):
    return "other" if letter == "#" else letter


def a_to_z(request):
    """Articles by title, one initial letter a page (`?letter=E`, the first letter by default; `other` for
    titles not starting with a letter, after Z), with a link to every letter that has articles; sorted
    otherwise, pages of LISTING_PAGE_SIZE. Two queries either way: the titles (to find the letters), then one
    letter's articles; or a count, then a page."""
    visible = Article.objects.visible_to(request.user)
    articles, sort = _sorted_listing(request, visible.for_listing())
    if sort["key"] != "title":
        page = _listing_page(request, articles, sort)
        ctx = {"sort": sort, "count": page["page_obj"].paginator.count, "letter": None, **page}
        return render(request, "articles/article_a_to_z.html", {**ctx, "canonical_path": request.path})
    by_letter = {}
    for pk, title in visible.values_list("pk", "title"):
        by_letter.setdefault(_initial(title), []).append(pk)
    letters = sorted(by_letter, key=lambda letter: (letter == "#", letter), reverse=sort["descending"])
    asked = request.GET.get("letter", "").strip()
    chosen = "#" if asked.lower() == "other" else _initial(asked) if asked else None  # "é" is filed under E
    if chosen not in by_letter:
        chosen = letters[0] if letters else None
    order = "dir=desc&" if sort["descending"] else ""  # the letter links keep the order chosen
    letter = chosen and {"letter": chosen, "slug": _letter_slug(chosen)}
    ctx = {
        "sort": sort,
        "count": sum(len(pks) for pks in by_letter.values()),
        "letters": [{"letter": each, "slug": _letter_slug(each), "count": len(by_letter[each])} for each in letters],
        "letter": letter,
        "order_query": order,
        "articles": articles.filter(pk__in=by_letter[chosen]) if chosen else [],
        "canonical_path": f"{request.path}?letter={letter['slug']}" if letter else request.path,
    }
    return render(request, "articles/article_a_to_z.html", ctx)


def _rendering_of(article):
    """The article's stored rendering, rebuilt first if missing or older than the article."""
    try:
        rendering = article.rendering
    except ArticleRendering.DoesNotExist:
        rendering = None
    if rendering is None or not rendering.is_current_for(article, renderer_fingerprint()):
        rendering = article_render(article_ids=[article.pk])[article.pk]
    return rendering


def _article_for_reading(request, slug, with_data=False):
    queryset = Article.objects.select_related(
        "article_type", "discipline", "family", "rendering", "reviewed_version"
    ).defer("reviewed_version__data")
    if not with_data:
        # The JSON endpoint's text and publishing's section spans: neither is shown on the page.
        queryset = queryset.defer("rendering__json", "rendering__section_spans")
    return _get_article(request, slug, queryset)


def find_suggestion_target(article, ref):
    """The section or sentence a "suggest a change" link names by its stable key ("s3", "u12"), with the
    text to quote.

    One query when a target is named, none otherwise. A key from another article, or one no longer in the
    live article, gives no target rather than an error.
    """
    ref = ref or ""
    if match := UNIT_KEY.fullmatch(ref):
        unit = (
            Unit.objects.select_related("block__section")
            .prefetch_related("citations__article_source")
            .filter(article=article, key=int(match.group(1)))
            .first()
        )
        if unit is None:
            return {}
        return {"ref": ref, "unit": unit, "section": unit.block.section, "quote": unit_quote(unit)}
    if match := SECTION_KEY.fullmatch(ref):
        section = Section.objects.filter(article=article, key=int(match.group(1))).first()
        if section is None:
            return {}
        return {"ref": ref, "section": section, "quote": f"The section “{section.heading or 'Opening'}”"}
    return {}


def unit_quote(unit):
    """A sentence as the text format writes it, marker included; expects its citations prefetched."""
    numbers = [c.article_source.number for c in unit.citations.all()]
    marker = "[LLM]" if unit.is_llm else "[" + ",".join(map(str, numbers)) + "]"
    quote = f"{unit.text} {marker}{unit.end}"
    if unit.term:
        quote = f"{unit.term} — {quote}"
    if unit.goal:
        quote = f"{unit.goal} | {unit.objective} | {quote}"
    return quote


def article_page_context(request, article, suggest_form=None, target=None):
    """Everything the article page shows; also used to show the page again with a suggestion's errors."""
    from revisions.forms import SuggestionForm

    llm_mode = _llm_mode(request)
    token = _voter_token(request)
    if target is None:
        named = request.GET.get("suggest", "")
        target = find_suggestion_target(article, named)
        if not target and (match := UNIT_KEY.fullmatch(named)):
            # A link to suggest a change to a sentence since removed: say so, rather than quietly offering the
            # whole article, and lead to the sentence's history if this article ever had it.
            key = int(match.group(1))
            had_it = key < article.next_unit_key
            history = reverse("articles:sentence_history", args=[article.slug, named]) if had_it else ""
            target = {"gone": True, "history_url": history}
    rendering = _rendering_of(article)
    suggest_html = ""
    if suggest_form is None and not target:
        # The stored empty form: rendering form widgets costs more than the rest of the page.
        suggest_html = rendering.suggest_html
    elif suggest_form is None:
        suggest_form = SuggestionForm(initial={"target": target.get("ref", "")})
    review = article.reviewed_version
    return {
        "article": article,
        "rendering": rendering,
        "review": review,
        "review_overdue": review_is_overdue(review),
        "suggest_html": suggest_html,
        "llm_mode": llm_mode,
        "llm_modes": LLM_MODES,
        "has_voted": bool(token) and article_has_vote_from(article=article, voter_token=token),
        "suggest_form": suggest_form,
        "target": target,
        "citation": article_citation(article, example_key=rendering.figures.get("first_unit_key", "")),
    }


def _is_shared_reader(request):
    """Whether this reader has nothing personal on the page: no session, vote or message, no target."""
    personal = (settings.SESSION_COOKIE_NAME, "messages", VOTER_COOKIE)
    return not any(name in request.COOKIES for name in personal) and set(request.GET) <= {"llm"}


def _llm_mode(request):
    llm_mode = request.GET.get("llm", "show")
    return llm_mode if llm_mode in LLM_MODES else "show"


def detail(request, slug):
    """The article page: one page for every reader with nothing personal on it, rendered for the others."""
    if _is_shared_reader(request):
        response = _shared_page(request, slug)
        if response is not None:
            return response
    article = _article_for_reading(request, slug)
    html = render_to_string("articles/article_detail.html", article_page_context(request, article), request=request)
    response = HttpResponse(html)
    patch_cache_control(response, private=True, no_cache=True)
    patch_vary_headers(response, ["Cookie"])
    return response


def _shared_page(request, slug):
    """The page every reader with nothing personal on it shares, or None when the article is not published.

    One query finds the article's content revision and vote count, which make its ETag, and the stored
    reader page, which needs only the count filled in; another LLM mode, or a page not yet rendered for
    this revision, is rendered here. `shared_pages.SharedPageCache` keeps the answer in front of Django.
    """
    mode = _llm_mode(request)
    found = shared_page_row(slug)
    if found is None:
        return None
    revision, upvotes, stored = found
    etag = shared_etag(revision, upvotes, mode)
    if etag in parse_etags(request.headers.get("If-None-Match", "")):
        return _shared_response(HttpResponseNotModified(), etag)
    if stored and mode == "show":
        html = reader_page_with_votes(stored, upvotes)
    else:
        article = _article_for_reading(request, slug)
        html = render_to_string("articles/article_detail.html", article_page_context(request, article))
        etag = shared_etag(article.content_revision, article.upvotes, mode)  # as rendered, if it moved on
    return _shared_response(HttpResponse(html), etag)


def _shared_response(response, etag):
    """Headers that let browsers and shared HTTP caches keep the page, asking again after a moment."""
    response["ETag"] = etag
    response["Cache-Control"] = shared_cache_control()
    for name, value in proxy_expiry_headers():
        response[name] = value
    patch_vary_headers(response, ["Cookie"])
    return response


def detail_json(request, slug):
    article = _article_for_reading(request, slug, with_data=True)
    stored = _rendering_of(article).json
    # The stored JSON is one object; the per-request fields go first, exactly as json.dumps would put them.
    head = json.dumps(
        {"url": request.build_absolute_uri(article.get_absolute_url()), "upvotes": article.upvotes},
        ensure_ascii=False,
    )
    body = head[:-1] + ", " + stored[1:]
    response = HttpResponse(body, content_type="application/json")
    response["Access-Control-Allow-Origin"] = "*"
    return response


@same_origin_csrf
@require_POST
def upvote(request, slug):
    article = _get_article(request, slug)
    wants_json = request.headers.get("Accept") == "application/json"
    if over_rate_limit(request, "upvote", settings.UPVOTE_RATE_LIMITS):
        if wants_json:
            return JsonResponse({"error": "Too many upvotes from your network; please try again later."}, status=429)
        return render(request, "articles/upvote_rate_limited.html", {"article": article}, status=429)
    token = _voter_token(request) or secrets.token_urlsafe(32)
    counted = article_upvote(article=article, voter_token=token)
    article.refresh_from_db(fields=["upvotes"])
    if wants_json:
        response = JsonResponse({"upvotes": article.upvotes, "counted": counted, "voted": True})
    else:
        if counted:
            messages.success(request, "Thank you: your upvote is counted.")
        else:
            messages.info(request, "This browser has already upvoted this article.")
        # Back at the button, so keyboard users carry on from where they were.
        response = redirect(f"{article.get_absolute_url()}#upvote")
    response.set_signed_cookie(
        VOTER_COOKIE,
        token,
        salt=VOTER_COOKIE_SALT,
        max_age=VOTER_COOKIE_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
    return response


def _version_tuple_or_404(version):
    if not re.fullmatch(r"[0-9]{1,4}\.[0-9]{1,4}", version):
        raise Http404("No such version.")
    major, _, minor = version.partition(".")
    return int(major), int(minor)


def history(request, slug):
    """Every published version, newest first, with where each change came from."""
    article = _get_article(request, slug, Article.objects.select_related("article_type", "discipline", "family"))
    versions = list(article.versions.for_history())
    for newer, older in zip(versions, versions[1:]):
        newer.previous_version = older.version
    ctx = {
        "article": article,
        "versions": versions,
        "can_revert": request.user.has_perm("revisions.moderate_suggestion"),
    }
    return render(request, "articles/article_history.html", ctx)


def version_detail(request, slug, version):
    """A past (or the current) version, read as it was published, at a URL that never changes."""
    article = _get_article(request, slug)
    major, minor = _version_tuple_or_404(version)
    if version != f"{major}.{minor}":
        # "01.00" is 1.0: one address per version, so links, citations and caches agree.
        canonical = reverse("articles:version", args=[article.slug, f"{major}.{minor}"])
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{canonical}?{query}" if query else canonical)
    stored = get_object_or_404(ArticleVersion, article=article, major=major, minor=minor)
    removed = request.GET.get("removed", "")
    removed_in = None
    if UNIT_KEY.fullmatch(removed):
        # A sentence's permalink led here: say where it went.
        event = (
            UnitEvent.objects.filter(article=article, key=int(removed[1:]), action=UnitEvent.Action.REMOVED)
            .select_related("version")
            .defer("version__data")
            .order_by("-version__major", "-version__minor")
            .first()
        )
        removed_in = event.version if event else None
    page = build_version_page(stored.data)
    is_current = (major, minor) == (article.version_major, article.version_minor)
    ctx = {
        "article": article,
        "stored": stored,
        "data": stored.data,
        "page": page,
        "figures": evidence_figures(page),
        "review": stored if stored.is_reviewed else None,
        # A past version's review date says when it was due; it is overdue only for the text readers see now.
        "review_overdue": is_current and stored.is_reviewed and review_is_overdue(stored),
        "is_current": is_current,
        "removed_key": removed if removed_in else "",
        "removed_in": removed_in,
        "citation": version_citation(article, stored, example_key=page["units"][0].key if page["units"] else ""),
    }
    return render(request, "articles/article_version.html", ctx)


def compare(request, slug):
    """The sentence-level diff between any two published versions (?from=1.0&to=1.1)."""
    from .diff import diff_articles

    article = _get_article(request, slug)
    wanted = [_version_tuple_or_404(request.GET.get(k, "")) for k in ("from", "to")]
    found = {
        (v.major, v.minor): v
        for v in ArticleVersion.objects.filter(article=article).filter(
            models.Q(major=wanted[0][0], minor=wanted[0][1]) | models.Q(major=wanted[1][0], minor=wanted[1][1])
        )
    }
    if any(w not in found for w in wanted):
        raise Http404("No such version.")
    old, new = found[wanted[0]], found[wanted[1]]
    ctx = {"article": article, "old": old, "new": new, "diff": diff_articles(old.data, new.data)}
    return render(request, "articles/article_compare.html", ctx)


def _unit_key_or_404(key):
    match = UNIT_KEY.fullmatch(key)
    if match is None:
        raise Http404("No such sentence.")
    return int(match.group(1))


def _version_before(article, version):
    """The version published just before `version`, or None. One query."""
    earlier = models.Q(major__lt=version.major) | models.Q(major=version.major, minor__lt=version.minor)
    return article.versions.filter(earlier).defer("data").order_by("-major", "-minor").first()


def sentence(request, slug, key):
    """A sentence's permalink: the sentence in the live article, or in the last version that had it."""
    article = _get_article(request, slug)
    number = _unit_key_or_404(key)
    if Unit.objects.filter(article=article, key=number).exists():
        return redirect(f"{article.get_absolute_url()}#{key}")
    removal = (
        UnitEvent.objects.filter(article=article, key=number, action=UnitEvent.Action.REMOVED)
        .select_related("version")
        .order_by("-version__major", "-version__minor")
        .first()
    )
    last = _version_before(article, removal.version) if removal else None
    if last is None:
        raise Http404("No such sentence.")
    return redirect(f"{reverse('articles:version', args=[slug, last.version])}?removed={key}#{key}")


def _marker_text(marker, sources):
    """A stored marker ("llm", "2 7") as the sentence history shows it: "LLM", or each source number with
    its short reference from `sources`, the source list of the version that numbered them."""
    from .diff import cited_text

    if marker == "llm":
        return "LLM"
    return cited_text([int(n) if n.isdigit() else n for n in marker.split()], sources)


def sentence_history(request, slug, key):
    """Every version that added, changed, removed or restored one sentence, with who published it and why."""
    from .diff import word_diff

    article = _get_article(request, slug)
    number = _unit_key_or_404(key)
    events = list(UnitEvent.objects.filter(article=article, key=number).for_sentence_history())
    live = Unit.objects.filter(article=article, key=number).exists()
    if not events and not live:
        raise Http404("No such sentence.")
    for event in events:
        if event.action == UnitEvent.Action.CHANGED and event.text_changed:
            event.words = word_diff(event.old_text, event.new_text)
        # Each number beside the work it stood for in that version, as its snapshot names it.
        event.old_cited = _marker_text(event.old_provenance, event.old_sources)
        event.new_cited = _marker_text(event.new_provenance, event.new_sources)
    ctx = {
        "article": article,
        "key": key,
        "events": events,
        "live": live,
        "latest": events[-1] if events else None,
        "permalink": request.build_absolute_uri(reverse("articles:sentence", args=[slug, key])),
    }
    return render(request, "articles/sentence_history.html", ctx)


@require_http_methods(["GET", "POST"])
def revert(request, slug):
    """An editor publishes an earlier version's text as the next version, after a confirmation page that
    shows what it takes back and asks why: the reason goes into the public history, and readers whose
    published suggestions it takes back are told."""
    from revisions.services import suggestions_tell_reverted

    from .publishing import REVERT_REASON_MAX_LENGTH, article_revert

    if not request.user.has_perm("revisions.moderate_suggestion"):
        raise PermissionDenied
    article = _get_article(request, slug)
    data = request.POST if request.method == "POST" else request.GET
    version = _version_tuple_or_404(data.get("version", ""))
    target = get_object_or_404(article.versions.for_history(), major=version[0], minor=version[1])
    reason = request.POST.get("reason", "").strip()
    error = ""
    if request.method == "POST":
        if not reason:
            error = "Say why the article goes back to this text: the reason is shown in its public history."
        else:
            try:
                with transaction.atomic():
                    article = article_revert(article=article, version=version, editor=request.user, reason=reason)
                    told = suggestions_tell_reverted(
                        article=article,
                        reverted_to=version,
                        editor=request.user,
                        reason=reason,
                        build_url=request.build_absolute_uri,
                    )
            except ValidationError as invalid:
                error = " ".join(invalid.messages)
            else:
                done = f"Published version {article.version} with the text of version {target.version}."
                if told:
                    who = "1 reader" if len(told) == 1 else f"{len(told)} readers"
                    done += f" {who} whose published suggestion it takes back will hear of it."
                messages.success(request, done)
                return redirect(article)
    later = [v for v in article.versions.for_history() if (v.major, v.minor) > (target.major, target.minor)]
    ctx = {
        "article": article,
        "target": target,
        "taken_back": later,
        "from_suggestions": [v for v in later if v.suggestion_id],
        "reason": reason,
        "reason_max_length": REVERT_REASON_MAX_LENGTH,
        "error": error,
    }
    return render(request, "articles/revert_confirm.html", ctx, status=400 if error else 200)


# Pages only their own readers should reach, or that say nothing a search engine should index.
ROBOTS_DISALLOW = ["/admin/", "/accounts/", "/editors/", "/suggestions/", "/drafts/", "/markdownx/"]


def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW), ""]
    lines.append(f"Sitemap: {absolute_url(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


SEARCH_PAGE_SIZE = 10


def search(request):
    """Full-text search with filters, snippets and "did you mean" (articles/search.py).

    A fixed number of queries: three for the filters' choices, one for the page of results and their total
    (three past the last page), one for the articles, two for the snippets and at most four for suggestions.
    """
    from .forms import SearchForm
    from .search import (
        MAX_QUERY_LENGTH,
        Filters,
        best_sentences,
        corrected_text,
        parse_query,
        search_articles,
        suggestions,
    )

    taxa = {
        "type": list(ArticleType.objects.only("pk", "name", "slug")),
        "discipline": list(Discipline.objects.only("pk", "name", "slug")),
        "family": list(Family.objects.only("pk", "name", "slug")),
    }
    form = SearchForm(request.GET or None, taxa=taxa)
    # What the boxes show again: never more than a long query's start, never a control character.
    typed = parse_query(request.GET.get("q", "")[: MAX_QUERY_LENGTH * 2]).text
    ctx = {"form": form, "filters": form.filters(), "search_query": typed, "hits": [], "searched": False}
    if not form.is_bound or not form.is_valid():
        return render(request, "articles/article_search.html", ctx)
    query = parse_query(form.cleaned_data["q"])
    ctx["search_query"] = query.text
    if query.is_empty:
        ctx["empty"] = bool(query.text)
        return render(request, "articles/article_search.html", ctx)
    filters = Filters(
        type_id=form.taxon_id("type"),
        discipline_id=form.taxon_id("discipline"),
        family_id=form.taxon_id("family"),
        min_sourced=int(form.cleaned_data["sourced"] or 0),
    )
    page = form.cleaned_data["page"] or 1
    total, ids = search_articles(query, filters, offset=(page - 1) * SEARCH_PAGE_SIZE, limit=SEARCH_PAGE_SIZE)
    last_page = max(1, -(-total // SEARCH_PAGE_SIZE))
    if page > last_page and total:
        page = last_page
        total, ids = search_articles(query, filters, offset=(page - 1) * SEARCH_PAGE_SIZE, limit=SEARCH_PAGE_SIZE)
    articles = (
        Article.objects.select_related("article_type", "discipline", "family", "search_document")
        .only(
            "pk",
            "slug",
            "title",
            "lead",
            "version_major",
            "version_minor",
            "status",
            "article_type__name",
            "article_type__slug",
            "discipline__name",
            "discipline__slug",
            "family__name",
            "family__slug",
            "search_document__sourced_percent",
        )
        .in_bulk(ids)
    )
    snippets = best_sentences(query, ids)
    hits = [
        {"article": articles[pk], "url": articles[pk].get_absolute_url(), "snippets": snippets.get(pk, [])}
        for pk in ids
        if pk in articles
    ]
    corrections = suggestions(query)
    params = request.GET.copy()
    params.pop("page", None)
    suggestion = None
    if corrections:
        suggested = params.copy()
        suggested["q"] = corrected_text(query.text, corrections)
        suggestion = {"text": suggested["q"], "query": suggested.urlencode()}
    ctx.update(
        searched=True,
        hits=hits,
        total=total,
        page=page,
        last_page=last_page,
        first_rank=(page - 1) * SEARCH_PAGE_SIZE + 1,
        base_query=params.urlencode(),
        suggestion=suggestion,
    )
    return render(request, "articles/article_search.html", ctx)


class MarkdownPreview(MarkdownifyView):
    """The admin's live Markdown preview (through the same sanitiser as the pages); a request without the
    text to preview is refused in words rather than failing on the missing field."""

    def post(self, request, *args, **kwargs):
        if "content" not in request.POST:
            return HttpResponseBadRequest("No text to preview: the request has no 'content' field.")
        return super().post(request, *args, **kwargs)
