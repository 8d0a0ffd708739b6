"""Turns an article loaded for its detail page into the plain data its page and JSON show.

Works only on prefetched data (`Article.objects.for_detail_page()`), so it issues no queries.
"""

from dataclasses import dataclass, field
from types import SimpleNamespace

from django.utils.html import format_html
from django.utils.safestring import mark_safe

from sources.models import Source, Tier

from .exporting import SOURCE_FIELDS
from .markdown import render_inline_markdown
from .models import heading_anchor, reading_minutes

LLM_EXPLANATION = "Model-written and unsourced: verify before clinical use."


@dataclass
class UnitView:
    unit: object
    html: str  # the sentence's Markdown, rendered and sanitised
    markers: list  # the unit's ArticleSource rows in marker order; empty for LLM units
    provenance: str  # "llm" or "2 7", the data-provenance value
    best_tier: str = ""  # strongest tier among the cited sources
    key: str = ""  # the stable key ("u12"), the unit element's id
    markers_html: str = ""  # the citation links or LLM tag shown after it


@dataclass
class BlockView:
    block: object
    units: list = field(default_factory=list)
    video: object = None


@dataclass
class SectionView:
    section: object
    blocks: list = field(default_factory=list)
    key: str = ""  # the stable key ("s3"), the section element's id


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
    links = _citation_links(numbered)
    tier_rank = {t: i for i, t in enumerate(Tier.values)}
    sections, all_units = [], []
    words = len(article.lead.split())
    cited_ids = set()
    for section in article.sections.all():
        section_view = SectionView(section=section, key=section.key_label)
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
                    key=unit.key_label,
                    markers_html=_markers_html(markers, links),
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


# No tabindex and no aria-label: a span without a role may not carry one, and a tab stop per tag only lengthens
# keyboard travel; the legend under Sources explains the tag.
LLM_TAG_HTML = format_html('<span class="llm-tag" data-tip="{}">LLM</span>', LLM_EXPLANATION)


def _citation_links(numbered):
    """Each numbered source's citation link, made once per page rather than once per sentence citing it."""
    return {
        a.number: format_html(
            '<a class="cite" href="#source-{}" data-tip="{} · {}" aria-label="Source {}: {} ({})">{}</a>',
            a.number,
            a.source.title,
            a.source.tier,
            a.number,
            a.source.title,
            a.source.get_tier_display(),
            a.number,
        )
        for a in numbered
    }


def _markers_html(markers, links):
    """The provenance marker after a unit: citation links, or the LLM tag, each explaining itself."""
    if not markers:
        return LLM_TAG_HTML
    return mark_safe(f'<span class="markers">{"".join(links[m.number] for m in markers)}</span>')


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
    numbered = {}
    for s in data["sources"]:
        # An unsaved library record, so a past version shows a source exactly as the live page would.
        source = Source(**{f: s.get(f) for f in SOURCE_FIELDS})
        numbered[s["number"]] = SimpleNamespace(number=s["number"], source=source)
    links = _citation_links(numbered.values())
    tier_rank = {t: i for i, t in enumerate(Tier.values)}
    sections = []
    for section in data["sections"]:
        view = SectionView(
            section=SimpleNamespace(heading=section["heading"], anchor=heading_anchor(section["heading"]), pk=None),
            key=section.get("key", ""),
        )
        for b in section["blocks"]:
            block = SimpleNamespace(kind=b["kind"], image=b.get("image", ""), alt_text=b.get("alt_text", ""))
            block_view = BlockView(block=block, video=numbered.get(b.get("video")))
            for u in b["units"]:
                unit = SimpleNamespace(
                    pk=None,
                    end=u.get("end", ""),
                    **{k: u.get(k, "") for k in ("text", "term", "goal", "objective")},
                )
                markers = [] if u["provenance"] == "llm" else [numbered[n] for n in u["provenance"]]
                block_view.units.append(
                    UnitView(
                        unit=unit,
                        html=render_inline_markdown(unit.text),
                        markers=markers,
                        provenance="llm" if u["provenance"] == "llm" else " ".join(str(n) for n in u["provenance"]),
                        best_tier=min((m.source.tier for m in markers), key=tier_rank.get, default=""),
                        key=u.get("key", ""),
                        markers_html=_markers_html(markers, links),
                    )
                )
            view.blocks.append(block_view)
        sections.append(view)
    return {"sections": sections, "sources": _source_entries(sorted(numbered.values(), key=lambda a: a.number))}
