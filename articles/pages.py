"""Turns an article loaded for its detail page into the plain data its page and JSON show.

Works only on prefetched data (`Article.objects.for_detail_page()`), so it issues no queries.
"""

import functools
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from django.core.cache import cache
from django.template.loader import get_template, render_to_string
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import slugify

from sources.models import Tier

from .markdown import render_inline_markdown, render_markdown
from .models import reading_minutes

# Stands in for the CSRF token in cached copies of the article page; each response gets its own token.
CSRF_PLACEHOLDER = "csrf-token-placeholder-1b7c9e"
PAGE_CACHE_MODES = ("show", "highlight", "hide")


def page_cache_key(slug, llm_mode):
    return f"article-page:{slug}:{llm_mode}"


def page_cache_forget(slug):
    """Drop the cached copies of an article's page, after its content or vote count changes."""
    cache.delete_many([page_cache_key(slug, mode) for mode in PAGE_CACHE_MODES])


LLM_EXPLANATION = "Model-written and unsourced: verify before clinical use."


@dataclass
class UnitView:
    unit: object
    html: str  # the sentence's Markdown, rendered and sanitised
    markers: list  # the unit's ArticleSource rows in marker order; empty for LLM units
    provenance: str  # "llm" or "2 7", the data-provenance value
    best_tier: str = ""  # strongest tier among the cited sources


@dataclass
class BlockView:
    block: object
    units: list = field(default_factory=list)
    video: object = None


@dataclass
class SectionView:
    section: object
    blocks: list = field(default_factory=list)


def _source_line(article_source):
    s = article_source.source
    parts = []
    if s.authors:
        parts.append(s.authors if not s.year else f"{s.authors} ({s.year}).")
    elif s.year:
        parts.append(f"({s.year}).")
    title = s.title if s.title[-1] in ".?!" else f"{s.title}."
    parts.append(title)
    if s.container:
        parts.append(s.container if s.container[-1] in ".?!" else f"{s.container}.")
    return " ".join(parts)


def _source_entries(numbered):
    """The source list as the page shows it, from numbered sources (model rows or snapshot stand-ins)."""
    return [
        {
            "number": a.number,
            "anchor": f"source-{a.number}",
            "line": _source_line(a),
            "link": a.source.link,
            "tier": a.source.tier,
            "tier_label": a.source.get_tier_display(),
            "kind": a.source.kind,
            "source": a.source,
        }
        for a in numbered
    ]


def build_article_page(article):
    """Return the sections, sources and provenance figures the article page renders."""
    numbered = list(article.numbered_sources.all())
    by_id = {a.pk: a for a in numbered}
    tier_rank = {t: i for i, t in enumerate(Tier.values)}
    sections, all_units = [], []
    words = len(article.lead.split())
    cited_ids = set()
    for section in article.sections.all():
        section_view = SectionView(section=section)
        for block in section.blocks.all():
            block_view = BlockView(block=block, video=by_id.get(block.video_id))
            for unit in block.units.all():
                markers = [] if unit.is_llm else [by_id[c.article_source_id] for c in unit.citations.all()]
                cited_ids.update(m.pk for m in markers)
                view = UnitView(
                    unit=unit,
                    html=render_inline_markdown(unit.text),
                    markers=markers,
                    provenance="llm" if unit.is_llm else " ".join(str(m.number) for m in markers),
                    best_tier=min((m.source.tier for m in markers), key=tier_rank.get, default=""),
                )
                block_view.units.append(view)
                all_units.append(view)
                words += sum(len(t.split()) for t in (unit.text, unit.term, unit.goal, unit.objective))
            section_view.blocks.append(block_view)
        sections.append(section_view)
    sources = _source_entries(numbered)
    return {
        "sections": sections,
        "sources": sources,
        # Readers see links to published articles only; drafts stay linked for when they are published.
        "see_also": sorted((a for a in article.see_also.all() if a.is_published), key=lambda a: a.title),
        "summary": provenance_summary(all_units),
        "reading_minutes": reading_minutes(words),
        "cited_source_count": len(cited_ids),
        "word_count": words,
    }


def provenance_summary(unit_views):
    """Share of units that are sourced or LLM-tagged, and sourced units by their strongest tier."""
    total = len(unit_views)
    counts = {"llm": 0, **{t: 0 for t in Tier.values}}
    for view in unit_views:
        counts["llm" if view.provenance == "llm" else view.best_tier] += 1
    sourced = total - counts["llm"]

    def pct(n):
        return round(100 * n / total) if total else 0

    parts = [
        {"key": t.lower(), "label": f"Sourced, best {t}", "count": counts[t], "percent": pct(counts[t])}
        for t in Tier.values
    ]
    parts.append({"key": "llm", "label": "LLM-written", "count": counts["llm"], "percent": pct(counts["llm"])})
    # Widths for the bar, given as exact shares so they add up to 100 % even when rounded labels do not.
    for part in parts:
        part["width"] = f"{100 * part['count'] / total:.2f}" if total else "0"
    return {
        "total": total,
        "sourced": sourced,
        "llm": counts["llm"],
        "sourced_percent": pct(sourced),
        "llm_percent": pct(counts["llm"]),
        "parts": parts,
    }


def unit_markers_html(unit_view):
    """The provenance marker after a unit: citation links, or the LLM tag, each explaining itself."""
    if unit_view.provenance == "llm":
        return mark_safe(
            f'<span class="llm-tag" tabindex="0" data-tip="{escape(LLM_EXPLANATION)}" '
            f'aria-label="LLM: {escape(LLM_EXPLANATION)}">LLM</span>'
        )
    links = [
        format_html(
            '<a class="cite" href="#source-{}" data-tip="{} · {}" aria-label="Source {}: {} ({})">{}</a>',
            m.number,
            m.source.title,
            m.source.tier,
            m.number,
            m.source.title,
            m.source.get_tier_display(),
            m.number,
        )
        for m in unit_view.markers
    ]
    return mark_safe(f'<span class="markers">{"".join(links)}</span>')


FRAGMENT_TEMPLATES = [
    "articles/_provenance_summary.html",
    "articles/_article_body.html",
    "articles/_block.html",
    "articles/_unit.html",
    "articles/_suggest_box.html",
    "includes/_field.html",
]


@functools.cache
def renderer_fingerprint():
    """A short hash of everything that shapes a stored rendering: its templates and this module."""
    from revisions import forms
    from sources import models as source_models

    from . import markdown
    from .templatetags import articles_tags

    digest = hashlib.sha256(Path(__file__).read_bytes())
    for module in (forms, markdown, articles_tags, source_models):
        digest.update(Path(module.__file__).read_bytes())
    for name in FRAGMENT_TEMPLATES:
        digest.update(Path(get_template(name).origin.name).read_bytes())
    return digest.hexdigest()[:16]


def render_article_fragments(article, page):
    """The per-article parts of the page, the same for every reader: lead, provenance summary, body and
    the empty suggestion form (with a CSRF placeholder)."""
    from revisions.forms import SuggestionForm

    ctx = {"article": article, "page": page, "summary": page["summary"]}
    suggest_ctx = {"article": article, "suggest_form": SuggestionForm(), "target": {}, "csrf_token": CSRF_PLACEHOLDER}
    return (
        render_markdown(article.lead),
        render_to_string("articles/_provenance_summary.html", ctx),
        render_to_string("articles/_article_body.html", ctx),
        render_to_string("articles/_suggest_box.html", suggest_ctx),
    )


def article_public_data(article, page, export_data):
    """What /articles/<slug>.json serves: the importable article plus computed figures."""
    summary = page["summary"]
    return {
        **export_data,
        "reading_minutes": page["reading_minutes"],
        "cited_source_count": page["cited_source_count"],
        "provenance_summary": {
            "units": summary["total"],
            "sourced": summary["sourced"],
            "llm": summary["llm"],
            "sourced_by_best_tier": {p["key"].upper(): p["count"] for p in summary["parts"] if p["key"] != "llm"},
        },
    }


def build_version_page(data):
    """The sections and sources of a stored version, shaped like `build_article_page` output so the
    same block templates render it. Works on the snapshot alone: no queries."""
    from types import SimpleNamespace

    tiers = dict(Tier.choices)
    numbered = {}
    for s in data["sources"]:
        source = SimpleNamespace(
            **{k: s.get(k) for k in ("title", "authors", "year", "container", "url", "doi", "pmid", "kind", "tier")},
            get_tier_display=lambda tier=s["tier"]: tiers.get(tier, tier),
        )
        source.link = s.get("url") or (f"https://doi.org/{s['doi']}" if s.get("doi") else "")
        numbered[s["number"]] = SimpleNamespace(number=s["number"], source=source)
    sections = []
    for i, section in enumerate(data["sections"]):
        view = SectionView(
            section=SimpleNamespace(heading=section["heading"], anchor=slugify(section["heading"]), pk=i)
        )
        for b in section["blocks"]:
            block = SimpleNamespace(kind=b["kind"], image=b.get("image", ""), alt_text=b.get("alt_text", ""))
            block_view = BlockView(block=block, video=numbered.get(b.get("video")))
            for u in b["units"]:
                unit = SimpleNamespace(
                    pk=None, end=u.get("end", ""), **{k: u.get(k, "") for k in ("text", "term", "goal", "objective")}
                )
                markers = [] if u["provenance"] == "llm" else [numbered[n] for n in u["provenance"]]
                block_view.units.append(
                    UnitView(
                        unit=unit,
                        html=render_inline_markdown(unit.text),
                        markers=markers,
                        provenance="llm" if u["provenance"] == "llm" else " ".join(str(n) for n in u["provenance"]),
                    )
                )
            view.blocks.append(block_view)
        sections.append(view)
    return {"sections": sections, "sources": _source_entries(sorted(numbered.values(), key=lambda a: a.number))}
