"""Stored renderings of article pages, and the keys that cached copies of a page live under.

A rendering is made for one content revision of the article and one renderer fingerprint (the templates
and code that shape it). Publishing moves the revision on, so the stored rendering and every cached copy
of the page are simply no longer asked for: there is nothing to invalidate.

The stored reader page is the whole article page as a reader with nothing personal on it sees it: no CSRF
token (the forms' views check the browser's Origin instead, see ops.csrf), no user, no messages. Only the
vote count is filled in per response, at marks that no escaped or sanitised author text can contain.
"""

import datetime
import functools
import hashlib
import json
import logging
import time
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, F, OuterRef, Q
from django.template.loader import get_template, render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from .citations import article_citation
from .evidence import evidence_figures
from .exporting import article_export_data
from .markdown import render_markdown
from .models import Article, ArticleRendering, SearchDocument, TierRule, review_is_overdue
from .pages import article_public_data, build_article_page
from .related import citing_same_sources, mentioned_in
from .search_index import search_index_update

logger = logging.getLogger(__name__)

LLM_MODES = ("show", "highlight", "hide")
# HTML comments: sanitising strips them from author Markdown and escaping turns "<" into "&lt;" everywhere
# else, so these never occur in an article's own text.
UPVOTES_MARK = "<!--upvotes-->"
UPVOTE_WORD_MARK = "<!--upvote-word-->"
_UPVOTES_MARK_BYTES, _UPVOTE_WORD_MARK_BYTES = UPVOTES_MARK.encode(), UPVOTE_WORD_MARK.encode()

FRAGMENT_TEMPLATES = [
    "base.html",
    "articles/article_detail.html",
    "articles/_evidence_header.html",
    "articles/_review_line.html",
    "articles/_llm_control.html",
    "articles/_provenance_summary.html",
    "articles/_article_body.html",
    "articles/_section.html",
    "articles/_block.html",
    "articles/_unit.html",
    "articles/_suggest_choices.html",
    "articles/_source_entry.html",
    "articles/_suggest_box.html",
    "articles/_cite.html",
    "articles/_related.html",
    "includes/_field.html",
    "includes/_meta.html",
]


def page_cache_key(slug, revision, upvotes, llm_mode):
    """Where readers' shared copy of an article page lives: a new revision or vote count is a new key."""
    return f"article-page:{slug}:{revision}:{upvotes}:{renderer_fingerprint()}:{llm_mode}"


def latest_page_cache_key(slug, llm_mode):
    """The last shared copy of a page, whatever its revision: served only while the database is unreachable."""
    return f"article-page-latest:{slug}:{llm_mode}"


@functools.cache
def renderer_fingerprint():
    """A short hash of everything that shapes a stored rendering: its templates and the modules behind it."""
    from revisions import forms
    from sources import identifiers, video
    from sources import models as source_models

    from . import citations, evidence, exporting, markdown, models, pages, related, search_index
    from .templatetags import articles_tags

    digest = hashlib.sha256(Path(__file__).read_bytes())
    # Absolute links on the stored page (canonical, citations) are made from it.
    digest.update(settings.SITE_URL.encode())
    modules = (forms, markdown, pages, exporting, evidence, models, articles_tags, source_models, identifiers, video)
    # The search entry is written from the same render: a change to how its text is made re-indexes too.
    modules += (citations, related, search_index)
    for module in modules:
        digest.update(Path(module.__file__).read_bytes())
    for name in FRAGMENT_TEMPLATES:
        digest.update(Path(get_template(name).origin.name).read_bytes())
    # The reader page names static files by their hashed names: a deploy that changes them re-renders.
    manifest = Path(settings.STATIC_ROOT or "", "staticfiles.json")
    if settings.STATIC_ROOT and manifest.is_file():
        digest.update(manifest.read_bytes())
    return digest.hexdigest()[:16]


def reader_page_with_votes(page, upvotes):
    """The stored reader page (UTF-8 bytes) with this moment's vote count filled in."""
    word = b"upvote" if upvotes == 1 else b"upvotes"
    return page.replace(_UPVOTES_MARK_BYTES, b"%d" % upvotes, 1).replace(_UPVOTE_WORD_MARK_BYTES, word, 1)


def _digest(kind, parts):
    digest = hashlib.sha256(f"{renderer_fingerprint()}:{kind}:".encode())
    digest.update(repr(parts).encode())
    return digest.hexdigest()[:32]


def section_digest(section_view):
    """A hash of everything one section's HTML is made from (articles/_section.html and the templates it
    includes), with the renderer fingerprint: equal digests mean equal HTML, so a publish can reuse it."""
    s = section_view
    parts = [settings.STATIC_URL, s.key, s.section.heading, s.section.anchor, [r.requirement for r in s.rules]]
    parts.append(s.highlights_llm)
    for b in s.blocks:
        parts.append(("block", str(b.block.kind), b.block.image, b.block.alt_text))
        if b.video is not None:
            v = b.video.source
            parts.append((b.video.number, v.link, v.title, v.container, v.tier, v.video_embed, v.video_search))
        for u in b.units:
            unit = u.unit
            # What the unit's classes and attributes are made from, not them: formatting those costs more
            # than the rest of the digest, and a reused section never needs them.
            fields = (u.key, u.provenance, u.highlight, u.html, u.markers_html, u.flags, unit.end, unit.term)
            parts.append(("unit", *fields, unit.goal, unit.objective, unit.pk is not None))
    return _digest("section", parts)


# What articles/_source_entry.html reads of an entry (articles.pages._source_entries).
SOURCE_ENTRY_FIELDS = ("number", "anchor", "line", "link", "identifiers", "tier", "tier_label", "kind", "status")


def source_entry_digest(entry):
    """As `section_digest`, for one entry of the source list, back-links included."""
    return _digest("source", [entry[name] for name in SOURCE_ENTRY_FIELDS] + [entry["cited_by"]])


def _body_digest(body_html):
    return hashlib.sha256(body_html.encode()).hexdigest()[:32]


class EarlierPieces:
    """The sections' and source entries' HTML a stored rendering holds, by digest, cut from its body only when
    asked for: none if the body is not the one the spans were taken from."""

    def __init__(self, body_html, spans):
        current = bool(spans) and spans.get("body") == _body_digest(body_html)
        self._body = body_html if current else ""
        self._spans = spans["pieces"] if current else {}

    def get(self, digest):
        span = self._spans.get(digest)
        return None if span is None else self._body[span[0] : span[1]]


def render_pieces(page, earlier):
    """Give each section view and source entry its HTML: taken from `earlier` (EarlierPieces) where nothing
    it is made from has changed, rendered otherwise. Returns (digest, html) pairs in the body's order."""
    section_template = get_template("articles/_section.html")
    source_template = get_template("articles/_source_entry.html")
    shown = []

    def piece(digest, template, context):
        html = earlier.get(digest)
        if html is None:
            html = template.render(context)
        html = mark_safe(html)  # our own templates' output, or a stored copy of it
        shown.append((digest, html))
        return html

    # The body shows the opening (headless) sections, the contents, the headed sections, then the sources.
    sections = page["sections"]
    for section_view in [s for s in sections if not s.section.heading] + [s for s in sections if s.section.heading]:
        section_view.html = piece(section_digest(section_view), section_template, {"s": section_view})
    for entry in page["sources"]:
        entry["html"] = piece(source_entry_digest(entry), source_template, {"s": entry})
    return shown


def piece_spans(body_html, shown):
    """Where each piece's HTML lies in the body, by digest, and a digest of the body they lie in:
    {"body": digest, "pieces": {digest: [start, end]}}."""
    pieces, cursor = {}, 0
    for digest, html in shown:
        start = body_html.find(html, cursor) if html else -1
        if start >= 0:
            pieces[digest] = [start, start + len(html)]
            cursor = start + len(html)
    return {"body": _body_digest(body_html), "pieces": pieces}


def render_article_fragments(article, page, earlier=None):
    """The per-article parts of the page, the same for every reader: lead, provenance summary, body, the
    empty suggestion form, and where each section and source entry lies in the body. Pieces whose digest is
    in `earlier` are not rendered again."""
    from revisions.forms import SuggestionForm

    shown = render_pieces(page, earlier or {})
    ctx = {"article": article, "page": page, "summary": page["summary"]}
    suggest_ctx = {"article": article, "suggest_form": SuggestionForm(), "target": {}}
    body_html = render_to_string("articles/_article_body.html", ctx)
    return (
        render_markdown(article.lead),
        render_to_string("articles/_provenance_summary.html", ctx),
        body_html,
        render_to_string("articles/_suggest_box.html", suggest_ctx),
        piece_spans(body_html, shown),
    )


def render_reader_page(article, rendering):
    """The whole page for readers with nothing personal on it, in the default LLM mode, vote count marked;
    and the last day it reads true (see `reader_valid_until`)."""
    today = timezone.localdate()
    review = getattr(article, "reviewed_version", None)
    overdue = review_is_overdue(review, today)
    # "N years old" changes at the new year; a review becomes overdue the day after it is due.
    valid_until = datetime.date(today.year, 12, 31)
    if review is not None and review.next_review_due is not None and not overdue:
        valid_until = min(valid_until, review.next_review_due)
    ctx = {
        "article": article,
        "rendering": rendering,
        "review": review,
        "review_overdue": overdue,
        "suggest_html": rendering.suggest_html,
        "llm_mode": "show",
        "llm_modes": LLM_MODES,
        "has_voted": False,
        "target": {},
        "reader_page": True,
        "citation": article_citation(article, example_key=rendering.figures.get("first_unit_key", "")),
    }
    return render_to_string("articles/article_detail.html", ctx), valid_until


# How many articles one pass loads and renders: a library-wide re-render (a tier rule, a deploy) holds this
# many articles' content and stored pages at a time, not the library's.
RENDER_CHUNK = 20


def article_render(*, article_ids, export=False, index=False, loaded=None):
    """Render and store the page body and JSON of these articles at their current content revision.

    `loaded` may give the articles already loaded as `for_detail_page` loads them (a publish holds the rows
    it has just written), by id; the others are loaded here.

    Returns the new renderings by article id, or with `export`, (rendering, export data) pairs; for many
    articles, `article_renders` keeps none of them. Costs the detail page's queries, one for the tier rules,
    one for the stored renderings (whose unchanged sections are reused), two for related articles and one
    write per article, per RENDER_CHUNK articles. With `index` (a publish: the text may have changed), the
    search index is brought in step too (`search_index_update`).
    """
    return dict(article_renders(article_ids=article_ids, export=export, index=index, loaded=loaded))


def article_renders(*, article_ids, export=False, index=False, loaded=None, seconds=None):
    """As `article_render`, yielding (article id, rendering) pairs as each chunk of articles is stored.

    With `seconds`, no chunk is begun once that long has passed: the first always is, the others are left
    as they are (see `stale_article_ids`)."""
    article_ids = list(article_ids)
    if not article_ids:
        return
    rules = list(TierRule.objects.all())
    deadline = None if seconds is None else time.monotonic() + seconds
    for start in range(0, len(article_ids), RENDER_CHUNK):
        if start and deadline is not None and time.monotonic() >= deadline:
            return
        yield from _render_chunk(article_ids[start : start + RENDER_CHUNK], rules, export, index, loaded or {}).items()


def stale_article_ids(*, unindexed=False):
    """Articles whose stored rendering is missing, older than their content or made by other code: a page
    read renders such an article first. With `unindexed`, also published articles whose search entry is
    older than their content (a page read does not index): `render_articles --stale` renders them all."""
    renderer = renderer_fingerprint()
    current = ArticleRendering.objects.filter(
        article=OuterRef("pk"), revision=F("article__content_revision"), renderer=renderer
    ).exclude(figures={})
    stale = ~Exists(current)
    if unindexed:
        indexed = SearchDocument.objects.filter(article=OuterRef("pk"), revision=F("article__content_revision"))
        stale |= Q(status=Article.Status.PUBLISHED) & ~Exists(indexed)
    return list(Article.objects.filter(stale).order_by("pk").values_list("pk", flat=True))


def _render_chunk(article_ids, rules, export, index, loaded):
    now = timezone.now()
    renderings = {}
    stored = ArticleRendering.objects.filter(article_id__in=article_ids)
    earlier = {
        pk: EarlierPieces(body, spans) for pk, body, spans in stored.values_list("pk", "body_html", "section_spans")
    }
    to_load = [pk for pk in article_ids if pk not in loaded]
    articles = [loaded[pk] for pk in article_ids if pk in loaded]
    if to_load:
        articles += Article.objects.for_detail_page().filter(pk__in=to_load)
    for article in articles:
        page = build_article_page(article, rules=rules)
        page["citing_same_sources"] = citing_same_sources(
            article, {a.source_id for a in article.numbered_sources.all()}
        )
        page["mentioned_in"] = mentioned_in(article)
        figures = evidence_figures(page)
        lead_html, summary_html, body_html, suggest_html, spans = render_article_fragments(
            article,
            page,
            earlier.pop(article.pk, None),  # each stored body is let go once used
        )
        export_data = article_export_data(article)
        rendering = ArticleRendering(
            article=article,
            revision=article.content_revision,
            lead_html=lead_html,
            suggest_html=suggest_html,
            summary_html=summary_html,
            body_html=body_html,
            section_spans=spans,
            # Compact: the C encoder makes it several times faster than indented output (a long article's publish).
            json=json.dumps(article_public_data(article, page, export_data, figures), ensure_ascii=False),
            llm_unit_count=page["summary"]["llm"],
            unit_count=figures["sentences"],
            sourced_percent=figures["sourced_percent"],
            figures=figures,
            evidence_year=figures["evidence_year"],
            newest_t1_year=figures["newest_t1_year"],
            renderer=renderer_fingerprint(),
            rendered_at=now,
        )
        if article.is_published:
            try:
                html, rendering.reader_valid_until = render_reader_page(article, rendering)
                rendering.reader_page = html.encode()
            except ValueError as error:  # a static file missing from the manifest: collectstatic has not run
                logger.warning("No stored reader page for %s: %s", article.slug, error)
        try:
            with transaction.atomic():
                rendering.save()
        except IntegrityError:  # another request rendered it first; theirs is as fresh as ours
            pass
        if index:
            search_index_update(article=article, page=page, figures=figures)
        renderings[article.pk] = (rendering, export_data) if export else rendering
    return renderings
