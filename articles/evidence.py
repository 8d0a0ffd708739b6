"""Evidence figures of an article, computed from its built page when it is rendered and stored with the rendering.

The page header, listings and the editors' dashboard read them from `ArticleRendering.figures` (and the two
years from their own columns, which listings sort by), so none of them costs a query per article. Pure: no
database.
"""

from sources.models import SourceStatus, Tier


def evidence_figures(page):
    """Shares by tier, dependence on T3 sources, sentences citing withdrawn sources, currency, tier-rule
    breaches and how each library source is used, from `build_article_page` output."""
    units = page["units"]
    summary = page["summary"]
    entries = page["sources"]
    sourced = summary["sourced"]
    by_tier = {part["key"].upper(): part["count"] for part in summary["parts"] if part["key"] != "llm"}

    def share(n, of):
        return round(100 * n / of) if of else 0

    cited = [e for e in entries if e["cited_by"]]
    standing = [e for e in cited if e["status"]["status"] != SourceStatus.RETRACTED and e["source"].year]
    t3 = [e for e in cited if e["tier"] == Tier.T3]
    top_t3 = max(t3, key=lambda e: len(e["cited_by"]), default=None)
    flagged = {
        status: sum(1 for view in units if any(flag["status"] == status for flag in view.flags))
        for status in (SourceStatus.RETRACTED, SourceStatus.SUPERSEDED)
    }
    source_use = {}
    for view in units:
        for marker in view.markers:
            use = source_use.setdefault(str(marker.source.pk), {"sentences": 0, "in_llm_flagged_parts": 0})
            use["sentences"] += 1
            use["in_llm_flagged_parts"] += view.in_llm_flagged_part
    breaches = [
        {
            "key": view.key,
            "section": section.section.heading,
            "provenance": "LLM" if view.provenance == "llm" else view.provenance.replace(" ", ", "),
            "rule": rule.heading,
            "requirement": rule.requirement,
            "enforced": rule.enforced,
        }
        for section in page["sections"]
        for block in section.blocks
        for view in block.units
        for rule in view.breaches
    ]
    return {
        "sentences": summary["total"],
        "sourced": sourced,
        "llm": summary["llm"],
        "sourced_percent": summary["sourced_percent"],
        "llm_percent": summary["llm_percent"],
        # Sentences by their strongest cited tier, as shares of all sentences.
        "tier_percent": {tier: share(count, summary["total"]) for tier, count in by_tier.items()},
        "by_best_tier": by_tier,
        # Sourced sentences resting on T3 sources alone, and the T3 source most of them cite.
        "t3_dependence": {
            "sentences": by_tier[Tier.T3],
            "percent": share(by_tier[Tier.T3], sourced),
            "top_source": {
                "number": top_t3["number"],
                "title": top_t3["source"].title,
                "sentences": len(top_t3["cited_by"]),
            }
            if top_t3
            else None,
        },
        "flagged": {str(status): count for status, count in flagged.items()},
        "withdrawn": page["withdrawn"],
        "evidence_year": max((e["source"].year for e in standing), default=None),
        "newest_t1_year": max((e["source"].year for e in standing if e["tier"] == Tier.T1), default=None),
        "undated_cited_sources": sum(1 for e in cited if not e["source"].year),
        "rule_breaches": breaches,
        "enforced_breaches": sum(1 for b in breaches if b["enforced"]),
        "governed_sections": [s.section.heading for s in page["sections"] if s.rules],
        "llm_flagged_sections": [s.section.heading for s in page["sections"] if s.llm_flagged],
        "source_use": source_use,
        "reading_minutes": page["reading_minutes"],
        "cited_source_count": page["cited_source_count"],
        # A real key for the citation box's example of a sentence permalink.
        "first_unit_key": units[0].key if units else "",
    }
