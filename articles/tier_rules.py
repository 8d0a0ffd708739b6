"""Tier rules: which sections each governs, which sentences break it, and editors' changes to the rules.

A rule (`TierRule`) asks every sentence in a section with a matching heading to cite a source of its tier or a
stronger one, or, if it allows, to be LLM-tagged. The same test (`TierRule.accepts`) judges the live page as it
is rendered, a draft before it is published, and any article data (`data_breaches`).
"""

from dataclasses import dataclass

from django.db import transaction

from sources.models import TIER_RANK, Tier

from .diff import display_text
from .models import Section, TierRule
from .publishing import article_refresh

# An example standard for clinical safety sections; `check_tier_rules --example` reports articles against it
# without storing it.
EXAMPLE_RULES = (
    {"heading": "Contraindications and Cautions", "min_tier": Tier.T2, "allow_llm": True, "enforced": True},
    {"heading": "Evidence Base", "min_tier": Tier.T2, "allow_llm": True, "enforced": True},
)


@dataclass(frozen=True)
class Breach:
    """A sentence that breaks a rule, as the draft page and reports list it."""

    section: str  # the section's heading
    key: str  # the sentence's stable key ("u12"), or "" for a sentence not published yet
    text: str  # the sentence as readers see it
    provenance: str  # its marker: "LLM" or "6, 7"
    cited_tiers: tuple
    rule: object

    @property
    def reason(self):
        if self.provenance == "LLM":
            return "LLM-tagged, which this rule does not allow"
        tiers = sorted(set(t for t in self.cited_tiers if t), key=lambda t: TIER_RANK.get(t, 9))
        return f"cites only {' and '.join(tiers) or 'unknown'} sources"


def data_breaches(data, rules):
    """Every sentence of article data (the export or parsed shape) that breaks one of `rules`, once per rule
    it breaks, in article order. Pure: the sources' tiers are the data's own."""
    tiers = {source["number"]: source.get("tier") for source in data.get("sources", [])}
    breaches = []
    for section in data.get("sections", []):
        governing = [rule for rule in rules if rule.applies_to(section.get("heading", ""))]
        if not governing:
            continue
        for block in section.get("blocks", []):
            for unit in block.get("units", []):
                is_llm = unit.get("provenance") == "llm"
                cited = () if is_llm else tuple(tiers.get(n) for n in unit.get("provenance") or [])
                for rule in governing:
                    if not rule.accepts(is_llm=is_llm, tiers=cited):
                        breaches.append(
                            Breach(
                                section=section.get("heading", ""),
                                key=unit.get("key", ""),
                                text=display_text(unit),
                                provenance="LLM" if is_llm else ", ".join(map(str, unit.get("provenance") or [])),
                                cited_tiers=cited,
                                rule=rule,
                            )
                        )
    return breaches


def example_rules():
    """The example standard as unsaved rules."""
    return [TierRule(**fields) for fields in EXAMPLE_RULES]


def governed_sections(rule, sections):
    """Of (article title, article slug, heading) rows, those the rule governs: what its editor sees it match."""
    return [row for row in sections if rule.applies_to(row[2])]


# --- editors' changes -----------------------------------------------------------------------------------


@transaction.atomic
def tier_rule_save(*, rule):
    """Create or change a rule, then re-render every article with a section it governs now or governed before,
    so their pages highlight the right sentences and the dashboard counts the right breaches. Returns how many
    of those articles were left to be rendered later (`article_refresh`)."""
    old_heading = TierRule.objects.filter(pk=rule.pk).values_list("heading", flat=True).first() if rule.pk else None
    rule.full_clean()
    rule.save()
    return _refresh_governed([rule.heading, old_heading])


@transaction.atomic
def tier_rule_delete(*, rule):
    heading = rule.heading
    rule.delete()
    return _refresh_governed([heading])


def _refresh_governed(headings):
    probes = [TierRule(heading=h) for h in headings if h]
    article_ids = {
        article_id
        for article_id, heading in Section.objects.exclude(heading="").values_list("article_id", "heading")
        if any(probe.applies_to(heading) for probe in probes)
    }
    if not article_ids:
        return 0
    _, left = article_refresh(article_ids=article_ids)
    return left
