"""The seed article is reproduced word for word, every marker as the seed shows it."""

import re

import pytest

from tests.html_units import units_in

SEED_SECTION_HEADINGS = [
    "Type & Discipline",
    "Creators & Lineage",
    "Core Principles",
    "Interventions & Techniques",
    "Evidence Base",
    "Populations & Indications",
    "Problems-for-Work",
    "Contraindications, Cautions & Cultural Humility",
    "Treatment-Plan Suggestions & SMART Objectives",
    "Common Misconceptions",
    "Training & Certification",
    "Key Terms",
    "Resources & Further Reading",
    "Reflective / Supervision Questions",
]
# Labels the page prints around units, not part of any unit.
SEED_LABELS = [
    "LLM-generated illustrative example (not a guideline): ",
    "Therapeutic framing. ",
    "Goal SMART objective (example) Mechanism",
    "▶ Watch — a video introduction to this concept:",
    "• ",
]
TRAILING_MARKER = re.compile(r" (\d+|LLM)[.?!]?$")


def _seed_claim_text(seed_text):
    """The seed's marked text in order: the figure caption, then every section body, labels removed."""
    lines = seed_text.split("\n")
    caption = lines[lines.index("0 upvotes") + 2]
    body = lines[lines.index(SEED_SECTION_HEADINGS[0]) : lines.index("Sources")]
    kept = [caption]
    for line in body:
        line = line.strip()
        if not line or line in SEED_SECTION_HEADINGS:
            continue
        for label in SEED_LABELS:
            line = line.replace(label, "")
        if line:
            kept.append(line)
    return " ".join(kept)


@pytest.fixture
def page_units(client, seed_article):
    response = client.get(seed_article.get_absolute_url())
    assert response.status_code == 200
    return units_in(response.content.decode())


def test_every_seed_sentence_appears_in_order_word_for_word(page_units, seed_text):
    rendered = " ".join(text for _, text in page_units)
    assert rendered == _seed_claim_text(seed_text)


def test_each_unit_ends_with_exactly_the_marker_its_data_provenance_names(page_units):
    for provenance, text in page_units:
        match = TRAILING_MARKER.search(text)
        assert match, f"unit without a trailing marker: {text!r}"
        shown = match.group(1)
        expected = "llm" if shown == "LLM" else " ".join(shown)
        assert provenance == expected, text


def test_no_unit_swallows_a_neighbouring_sentence(page_units):
    for _, text in page_units:
        inner = text[: TRAILING_MARKER.search(text).start()]
        assert not re.search(r" (\d+|LLM)[.?!] [A-Z“]", inner), text


def test_the_seed_has_its_countable_parts(page_units):
    questions = [t for _, t in page_units if t.endswith("?")]
    assert len(questions) == 5
    assert (
        len(
            [
                t
                for _, t in page_units
                if " — " in t
                and t.split(" — ")[0]
                in {
                    "Self-kindness",
                    "Common humanity",
                    "Mindfulness (in this model)",
                    "Over-identification",
                    "Self-Compassion Scale (SCS)",
                    "Compassionate vs. uncompassionate self-responding (CS/US)",
                    "Backdraft",
                }
            ]
        )
        == 7
    )


def test_seed_smart_table_has_seven_rows(client, seed_article):
    html = client.get(seed_article.get_absolute_url()).content.decode()
    table = html[html.index('<table class="smart"') : html.index("</table>")]
    assert table.count('<tr class="unit"') == 7
    assert "Reduce harsh self-criticism" in table and "from 8 to 5" in table


def test_sources_are_listed_with_their_tiers(client, seed_article):
    html = client.get(seed_article.get_absolute_url()).content.decode()
    tiers = re.findall(r'<li id="source-(\d+)" data-tier="(T\d)"', html)
    assert tiers == [
        ("1", "T1"),
        ("2", "T1"),
        ("3", "T2"),
        ("4", "T2"),
        ("5", "T1"),
        ("6", "T3"),
        ("7", "T3"),
        ("8", "T3"),
    ]


def test_footer_reports_model_version_date_reading_time_and_cited_sources(client, seed_article):
    html = client.get(seed_article.get_absolute_url()).content.decode()
    assert (
        "This article is AI-generated (model: claude-opus-4-8) · version 1.0 · last generated 2026-06-04 · "
        "15 min read · 7 sources." in html
    )


def test_seed_shows_the_lead_taxonomy_and_the_suggest_box(client, seed_article, seed_text):
    html = client.get(seed_article.get_absolute_url()).content.decode()
    lead = seed_text.split("\n")[6]
    assert f'<div class="lead"><p>{lead}</p></div>' in html
    assert '<a href="/types/construct/">construct</a>' in html
    assert "Do not include any client-identifying or protected health information (PHI)." in html
    assert "Public credit preference" in html


def test_see_also_is_absent_when_the_article_links_nowhere(client, seed_article):
    html = client.get(seed_article.get_absolute_url()).content.decode()
    assert 'id="see-also"' not in html
