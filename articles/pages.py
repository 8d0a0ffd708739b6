"""Turns an article loaded for its detail page into the plain data its page and JSON show.

Works only on prefetched data (`Article.objects.for_detail_page()`), so it issues no queries. A stored version
(`build_version_page`) is shaped the same way from its snapshot, so the same templates show both.
"""

from dataclasses import dataclass, field
from functools import cached_property
from types import SimpleNamespace

from django.utils.html import format_html
from django.utils.safestring import mark_safe

from sources.models import TIER_RANK, WITHDRAWN_STATUSES, Source, SourceStatus, Tier

from .exporting import SOURCE_FIELDS, SOURCE_STATUS_FIELDS, source_status_data
from .markdown import render_inline_markdown
from .models import content_rows, heading_anchor, reading_minutes

LLM_EXPLANATION = "Model-written and unsourced: verify before clinical use."
# What a sentence citing a source that no longer stands says of itself, on the page, in the JSON and in print.
FLAG_LABELS = {
    SourceStatus.RETRACTED: "cites a retracted source",
    SourceStatus.SUPERSEDED: "cites a superseded source",
}
# A section where at least this share of sentences is LLM-written counts as LLM-flagged, as do illustrative
# examples (labelled LLM-generated on the page): a source cited only there supports no sourced claim.
LLM_FLAGGED_SHARE = 0.5


@dataclass
class UnitView:
    unit: object
    html: str  # the sentence's Markdown, rendered and sanitised
    markers: list  # the unit's numbered sources in marker order; empty for LLM units
    provenance: str  # "llm" or "2 7", the data-provenance value
    best_tier: str = ""  # strongest tier among the cited sources
    key: str = ""  # the stable key ("u12"), the unit element's id
    markers_html: str = ""  # the citation links or LLM tag shown after it
    # Statuses of cited sources that no longer stand, each with the numbers citing it:
    # [{"status": "retracted", "label": "cites a retracted source", "numbers": [7]}].
    flags: list = field(default_factory=list)
    highlight: bool = False  # LLM-tagged in a section whose tier rule allows that: highlighted in every mode
    breaches: list = field(default_factory=list)  # the tier rules it breaks (live page only)
    in_llm_flagged_part: bool = False

    @cached_property
    def classes(self):
        """Extra classes of the unit's element: one per flag, and the tier-rule highlight."""
        names = [f" unit--cites-{flag['status']}" for flag in self.flags]
        if self.highlight:
            names.append(" unit--rule-highlight")
        return "".join(names)

    @cached_property
    def attrs(self):
        """The unit element's identifying attributes: its key, its provenance and any source status it carries."""
        attrs = format_html(' id="{}"', self.key) if self.key else ""
        attrs += format_html(' data-provenance="{}"', self.provenance)
        if self.flags:
            attrs += format_html(' data-source-status="{}"', " ".join(flag["status"] for flag in self.flags))
        return mark_safe(attrs)


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
    rules: list = field(default_factory=list)  # the tier rules governing it (live page only)
    llm_flagged: bool = False
    html: str = ""  # its HTML on the live page, made before the body (rendering.render_sections)

    @property
    def highlights_llm(self):
        return any(rule.allow_llm for rule in self.rules)


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


def _identifier_links(source):
    """Each identifier the source has, shown and linked: DOI, PubMed ID and ISBN."""
    links = []
    if source.doi:
        links.append({"label": "DOI", "value": source.doi, "href": source.doi_url})
    if source.pmid:
        links.append({"label": "PMID", "value": source.pmid, "href": source.pubmed_url})
    if source.isbn:
        links.append({"label": "ISBN", "value": source.isbn_display, "href": source.isbn_url})
    return links


def _source_entries(numbered, statuses, cited_by):
    """The source list as the page shows it, from numbered sources (model rows or snapshot stand-ins)."""
    entries = []
    for a in numbered:
        host, player = a.source.video_embed
        entries.append(
            {
                "number": a.number,
                "anchor": f"source-{a.number}",
                "line": _source_line(a),
                "link": a.source.url,
                "identifiers": _identifier_links(a.source),
                "tier": a.source.tier,
                "tier_label": a.source.get_tier_display(),
                "kind": a.source.kind,
                "source": a.source,
                "status": statuses[a.number],
                "cited_by": cited_by.get(a.number, []),
                "video_host": host,
                "video_player": player,
            }
        )
    return entries


def _flags(markers, statuses):
    """The withdrawn statuses among a sentence's cited sources, retracted first, each with its source numbers."""
    numbers = {}
    for marker in markers:
        status = statuses[marker.number]["status"]
        if status in WITHDRAWN_STATUSES:
            numbers.setdefault(status, []).append(marker.number)
    return [
        {"status": str(status), "label": FLAG_LABELS[status], "numbers": numbers[status]}
        for status in WITHDRAWN_STATUSES
        if status in numbers
    ]


def _unit_view(unit, *, key, is_llm, markers, links, statuses, rules=()):
    tiers = [m.source.tier for m in markers]
    return UnitView(
        unit=unit,
        html=render_inline_markdown(unit.text),
        markers=markers,
        provenance="llm" if is_llm else " ".join(str(m.number) for m in markers),
        best_tier=min(tiers, key=TIER_RANK.get, default=""),
        key=key,
        markers_html=_markers_html(markers, links),
        flags=_flags(markers, statuses),
        highlight=is_llm and any(rule.allow_llm for rule in rules),
        breaches=[rule for rule in rules if not rule.accepts(is_llm=is_llm, tiers=tiers)],
    )


def _close_section(section_view, cited_by):
    """Mark the section LLM-flagged or not, and record which sentences cite each source, in page order."""
    units = [(b, u) for b in section_view.blocks for u in b.units]
    llm = sum(1 for _, u in units if u.provenance == "llm")
    section_view.llm_flagged = bool(units) and llm >= LLM_FLAGGED_SHARE * len(units)
    heading = section_view.section.heading or "Opening"
    for block_view, view in units:
        view.in_llm_flagged_part = section_view.llm_flagged or block_view.block.kind == "example"
        if view.key:
            for marker in view.markers:
                cited_by.setdefault(marker.number, []).append({"key": view.key, "section": heading})


def build_article_page(article, rules=()):
    """Return the sections, sources and provenance figures the article page renders.

    `rules` are the editors' tier rules; the page highlights the LLM-tagged sentences they allow and records
    the sentences that break them.
    """
    numbered = list(article.numbered_sources.all())
    by_id = {a.pk: a for a in numbered}
    statuses = {a.number: source_status_data(a.source) for a in numbered}
    links = _citation_links(numbered, statuses)
    sections, all_units, cited_by = [], [], {}
    words = len(article.lead.split())
    cited_ids = set()
    for section in content_rows(article, "sections"):
        governing = [rule for rule in rules if rule.applies_to(section.heading)]
        section_view = SectionView(section=section, key=section.key_label, rules=governing)
        for block in content_rows(section, "blocks"):
            block_view = BlockView(block=block, video=by_id.get(block.video_id))
            for unit in content_rows(block, "units"):
                markers = [] if unit.is_llm else [by_id[c.article_source_id] for c in content_rows(unit, "citations")]
                cited_ids.update(m.pk for m in markers)
                view = _unit_view(
                    unit,
                    key=unit.key_label,
                    is_llm=unit.is_llm,
                    markers=markers,
                    links=links,
                    statuses=statuses,
                    rules=governing,
                )
                block_view.units.append(view)
                all_units.append(view)
                words += sum(len(t.split()) for t in (unit.text, unit.term, unit.goal, unit.objective))
            section_view.blocks.append(block_view)
        _close_section(section_view, cited_by)
        sections.append(section_view)
    sources = _source_entries(numbered, statuses, cited_by)
    return {
        "sections": sections,
        "sources": sources,
        "units": all_units,
        # Readers see links to published articles only; drafts stay linked for when they are published.
        "see_also": sorted((a for a in article.see_also.all() if a.is_published), key=lambda a: a.title),
        "summary": provenance_summary(all_units),
        "withdrawn": withdrawn_sources(sources),
        "reading_minutes": reading_minutes(words),
        "cited_source_count": len(cited_ids),
        "word_count": words,
    }


def withdrawn_sources(entries):
    """The cited sources that no longer stand, with the sentences citing each: the article's notice lists them."""
    return [
        {
            "number": entry["number"],
            "title": entry["source"].title,
            "status": entry["status"],
            "label": FLAG_LABELS[entry["status"]["status"]],
            "keys": [c["key"] for c in entry["cited_by"]],
        }
        for entry in entries
        if entry["status"]["status"] in WITHDRAWN_STATUSES and entry["cited_by"]
    ]


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


# No aria-label (a span without a role may not carry one) and no tab stop per tag, which only lengthens keyboard
# travel: the legend under Sources explains the tag. tabindex -1 lets a tap or click focus it, which shows its
# explanation on a phone, where there is no hover.
LLM_TAG_HTML = format_html('<span class="llm-tag" data-tip="{}" tabindex="-1">LLM</span>', LLM_EXPLANATION)


def _citation_links(numbered, statuses):
    """Each numbered source's citation link, made once per page rather than once per sentence citing it.

    A source that no longer stands says so in its tip and label, and carries a class for its status."""
    links = {}
    for a in numbered:
        status = statuses[a.number]["status"]
        withdrawn = status in WITHDRAWN_STATUSES
        links[a.number] = format_html(
            '<a class="cite{}" href="#source-{}" data-tip="{} · {}{}" aria-label="Source {}: {} ({}){}">{}</a>',
            f" cite--{status}" if withdrawn else "",
            a.number,
            a.source.title,
            a.source.tier,
            f" · {status}" if withdrawn else "",
            a.number,
            a.source.title,
            a.source.get_tier_display(),
            f", {status}" if withdrawn else "",
            a.number,
        )
    return links


def _markers_html(markers, links):
    """The provenance marker after a unit: citation links, or the LLM tag, each explaining itself."""
    if not markers:
        return LLM_TAG_HTML
    return mark_safe(f'<span class="markers">{"".join(links[m.number] for m in markers)}</span>')


def article_public_data(article, page, export_data, figures=None):
    """What /articles/<slug>.json serves: the importable article plus computed figures.

    Each sentence citing a retracted or superseded source carries "source_status", e.g.
    [{"status": "retracted", "label": "cites a retracted source", "numbers": [7]}].
    """
    summary = page["summary"]
    flags = {view.key: view.flags for view in page["units"] if view.flags}
    sections = [
        {
            **section,
            "blocks": [
                {
                    **block,
                    "units": [
                        {**unit, "source_status": flags[unit["key"]]} if unit.get("key") in flags else unit
                        for unit in block["units"]
                    ],
                }
                for block in section["blocks"]
            ],
        }
        for section in export_data["sections"]
    ]
    data = {
        **export_data,
        "sections": sections,
        "reading_minutes": page["reading_minutes"],
        "cited_source_count": page["cited_source_count"],
        "provenance_summary": {
            "units": summary["total"],
            "sourced": summary["sourced"],
            "llm": summary["llm"],
            "sourced_by_best_tier": {p["key"].upper(): p["count"] for p in summary["parts"] if p["key"] != "llm"},
        },
    }
    review = getattr(article, "reviewed_version", None)
    data["clinical_review"] = (
        {
            "version": review.version,
            "reviewer": review.reviewer,
            "credentials": review.reviewer_credentials,
            "reviewed_on": review.reviewed_on.isoformat(),
            "next_review_due": review.next_review_due.isoformat(),
        }
        if review is not None and review.is_reviewed
        else None
    )
    if figures is not None:
        data["evidence"] = {
            "current_through": figures["evidence_year"],
            "newest_t1_year": figures["newest_t1_year"],
            "t3_dependence_percent": figures["t3_dependence"]["percent"],
            "sentences_citing_retracted_sources": figures["flagged"]["retracted"],
            "sentences_citing_superseded_sources": figures["flagged"]["superseded"],
            "withdrawn_sources": [
                {"number": w["number"], "title": w["title"], **w["status"], "sentences": w["keys"]}
                for w in page["withdrawn"]
            ],
        }
    return data


def build_version_page(data):
    """The sections and sources of a stored version, shaped like `build_article_page` output so the
    same block templates render it. Works on the snapshot alone: no queries."""
    numbered, statuses = {}, {}
    for s in data["sources"]:
        # An unsaved library record, so a past version shows a source exactly as the live page would.
        source = Source(**{f: s.get(f) for f in SOURCE_FIELDS})
        numbered[s["number"]] = SimpleNamespace(number=s["number"], source=source)
        # Older snapshots carry no status: their sources stood when they were published.
        statuses[s["number"]] = {k: v for k, v in s.items() if k in SOURCE_STATUS_FIELDS} or {"status": "current"}
    links = _citation_links(numbered.values(), statuses)
    sections, all_units, cited_by = [], [], {}
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
                is_llm = u["provenance"] == "llm"
                markers = [] if is_llm else [numbered[n] for n in u["provenance"]]
                unit_view = _unit_view(
                    unit, key=u.get("key", ""), is_llm=is_llm, markers=markers, links=links, statuses=statuses
                )
                block_view.units.append(unit_view)
                all_units.append(unit_view)
            view.blocks.append(block_view)
        _close_section(view, cited_by)
        sections.append(view)
    sources = _source_entries(sorted(numbered.values(), key=lambda a: a.number), statuses, cited_by)
    words = len(str(data.get("lead", "")).split()) + sum(
        len(str(getattr(view.unit, name)).split())
        for view in all_units
        for name in ("text", "term", "goal", "objective")
    )
    return {
        "sections": sections,
        "sources": sources,
        "units": all_units,
        "summary": provenance_summary(all_units),
        "withdrawn": withdrawn_sources(sources),
        "reading_minutes": reading_minutes(words),
        "cited_source_count": len({m.number for view in all_units for m in view.markers}),
    }
