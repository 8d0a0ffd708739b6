import secrets

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from .models import Article, ArticleRendering, ArticleType, Discipline, Family
from .pages import renderer_fingerprint
from .services import article_has_vote_from, article_render, article_upvote

VOTER_COOKIE = "wiki_voter"
VOTER_COOKIE_SALT = "articles.voter"
VOTER_COOKIE_AGE = 5 * 365 * 24 * 3600
LLM_MODES = ("show", "highlight", "hide")


def _get_article(request, slug, queryset=None):
    """The article, if this user may read it: drafts exist only for staff."""
    queryset = (Article.objects.all() if queryset is None else queryset).visible_to(request.user)
    return get_object_or_404(queryset, slug=slug)


def _voter_token(request):
    return request.get_signed_cookie(VOTER_COOKIE, default=None, salt=VOTER_COOKIE_SALT)


def home(request):
    articles = Article.objects.visible_to(request.user).for_listing()
    return render(request, "articles/article_list.html", {"articles": articles, "heading": "Articles"})


def _browse(request, model, slug, field, label):
    taxon = get_object_or_404(model, slug=slug)
    articles = Article.objects.visible_to(request.user).for_listing().filter(**{field: taxon})
    ctx = {"articles": articles, "heading": taxon.name, "taxon": taxon, "taxon_label": label}
    return render(request, "articles/article_list.html", ctx)


def browse_type(request, slug):
    return _browse(request, ArticleType, slug, "article_type", "Type")


def browse_discipline(request, slug):
    return _browse(request, Discipline, slug, "discipline", "Discipline")


def browse_family(request, slug):
    return _browse(request, Family, slug, "family", "Family")


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
    queryset = Article.objects.select_related("article_type", "discipline", "family", "rendering")
    if not with_data:
        queryset = queryset.defer("rendering__data")  # the JSON, some 30 kB, is for the JSON endpoint
    return _get_article(request, slug, queryset)


def detail(request, slug):
    article = _article_for_reading(request, slug)
    llm_mode = request.GET.get("llm", "show")
    if llm_mode not in LLM_MODES:
        llm_mode = "show"
    token = _voter_token(request)
    ctx = {
        "article": article,
        "rendering": _rendering_of(article),
        "llm_mode": llm_mode,
        "llm_modes": LLM_MODES,
        "has_voted": bool(token) and article_has_vote_from(article=article, voter_token=token),
    }
    return render(request, "articles/article_detail.html", ctx)


def detail_json(request, slug):
    article = _article_for_reading(request, slug, with_data=True)
    data = {
        "url": request.build_absolute_uri(article.get_absolute_url()),
        **_rendering_of(article).data,
        "upvotes": article.upvotes,
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_POST
def upvote(request, slug):
    article = _get_article(request, slug)
    token = _voter_token(request) or secrets.token_urlsafe(32)
    counted = article_upvote(article=article, voter_token=token)
    article.refresh_from_db(fields=["upvotes"])
    if request.headers.get("Accept") == "application/json":
        response = JsonResponse({"upvotes": article.upvotes, "counted": counted, "voted": True})
    else:
        if counted:
            messages.success(request, "Thank you: your upvote is counted.")
        else:
            messages.info(request, "This browser has already upvoted this article.")
        response = redirect(article)
    response.set_signed_cookie(
        VOTER_COOKIE, token, salt=VOTER_COOKIE_SALT, max_age=VOTER_COOKIE_AGE, httponly=True, samesite="Lax"
    )
    return response
