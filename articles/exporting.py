"""An article as plain data: what the JSON endpoint serves, versions keep, drafts start from and imports take."""

from .models import Block, content_rows, section_key_label, unit_key_label

# A source as article data names it, in the order the text format writes its fields. The one list of a
# source's record fields: the text format, the diff and the merge derive theirs from it.
SOURCE_FIELDS = ("authors", "year", "title", "container", "url", "doi", "pmid", "isbn", "kind", "tier")
# Whether a source still stands, as the library says now: exported so that the JSON and each version show it,
# but never part of an article's own content (an import ignores them and the library keeps them).
SOURCE_STATUS_FIELDS = ("status", "retracted_on", "retraction_notice", "superseded_by", "link_checked_at")
# What a sentence carries besides its content: its key, and the JSON's marks for sources that no longer stand.
UNIT_NOT_CONTENT = {"key", "source_status"}
# What article data carries besides its content: an import ignores these when it compares.
NOT_CONTENT = {
    "version",
    "upvotes",
    "provenance_summary",
    "url",
    "reading_minutes",
    "cited_source_count",
    "evidence",
    "clinical_review",
}


def article_export_data(article):
    """The article as plain data, with each section's and sentence's stable key and each source's library id.

    Expects an article loaded with `Article.objects.for_detail_page()`; otherwise it queries per section.
    Each source entry also says whether the work still stands (`source_status_data`).
    """
    numbered = list(article.numbered_sources.all())
    number_of = {a.pk: a.number for a in numbered}
    sections = []
    for section in content_rows(article, "sections"):
        blocks = []
        for block in content_rows(section, "blocks"):
            data = {"kind": block.kind}
            if block.kind == Block.Kind.FIGURE:
                data["image"] = block.image
                data["alt_text"] = block.alt_text
            if block.kind == Block.Kind.VIDEO:
                data["video"] = number_of[block.video_id]
            units = []
            for unit in content_rows(block, "units"):
                u = {"key": unit_key_label(unit.key)}
                if block.kind == Block.Kind.KEY_TERMS:
                    u["term"] = unit.term
                if block.kind == Block.Kind.SMART:
                    u["goal"] = unit.goal
                    u["objective"] = unit.objective
                u["text"] = unit.text
                u["provenance"] = (
                    "llm" if unit.is_llm else [number_of[c.article_source_id] for c in content_rows(unit, "citations")]
                )
                u["end"] = unit.end
                units.append(u)
            data["units"] = units
            blocks.append(data)
        sections.append({"key": section_key_label(section.key), "heading": section.heading, "blocks": blocks})
    return {
        "slug": article.slug,
        "title": article.title,
        "lead": article.lead,
        "type": article.article_type.name,
        "discipline": article.discipline.name,
        "family": article.family.name,
        "status": article.status,
        "version": article.version,
        "generating_model": article.generating_model,
        "generated_on": article.generated_on.isoformat(),
        "see_also": sorted(a.slug for a in article.see_also.all()),
        "sections": sections,
        "sources": [
            {
                "number": a.number,
                **{f: getattr(a.source, f) for f in SOURCE_FIELDS},
                **source_status_data(a.source),
                "id": a.source_id,
            }
            for a in numbered
        ],
    }


def source_status_data(source):
    """A library source's status as article data carries it: "status", and what a reader needs to judge it.

    If the superseding source is not loaded already (`for_detail_page` joins it), this queries.
    """
    data = {"status": source.status}
    if source.status == "retracted":
        data["retracted_on"] = source.retracted_on.isoformat() if source.retracted_on else None
        data["retraction_notice"] = source.retraction_notice
    elif source.status == "superseded" and source.superseded_by_id:
        successor = source.superseded_by
        data["superseded_by"] = {"title": successor.title, "year": successor.year, "link": successor.link}
    elif source.status == "link_broken":
        data["link_checked_at"] = source.link_checked_at.isoformat() if source.link_checked_at else None
    return data


def content_of(data):
    """The parts of article data that say what readers see: no version, computed figures, keys or ids."""
    content = {k: v for k, v in data.items() if k not in NOT_CONTENT}
    content.setdefault("status", "draft")
    content["sections"] = [
        {
            "heading": s.get("heading", ""),
            "blocks": [
                {**b, "units": [{k: v for k, v in u.items() if k not in UNIT_NOT_CONTENT} for u in b.get("units", [])]}
                for b in s.get("blocks", [])
            ],
        }
        for s in data.get("sections", [])
    ]
    content["sources"] = [
        {k: v for k, v in s.items() if k != "id" and k not in SOURCE_STATUS_FIELDS} for s in data.get("sources", [])
    ]
    return content
