"""Sentence-level diffs between two versions of an article's data (articles.diff). No database needed."""

import copy
import difflib
import itertools
from collections import Counter

import pytest
from django.template.loader import render_to_string
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.diff import diff_articles, display_text, word_diff
from tests.factories import make_article_data


def section(data, heading):
    return next(s for s in data["sections"] if s["heading"] == heading)


def paragraph(data, heading):
    return section(data, heading)["blocks"][0]["units"]


def unit_count(data):
    return sum(len(b["units"]) for s in data["sections"] for b in s["blocks"])


def changed(diff):
    return [c for c in diff.changes if c.kind != "unchanged"]


def cites(unit, number):
    return unit["provenance"] != "llm" and number in unit["provenance"]


def cited_units(data, number):
    return [u for s in data["sections"] for b in s["blocks"] for u in b["units"] if cites(u, number)]


# --- whole articles -----------------------------------------------------------------------------------


def test_identical_articles_report_no_changes(seed_data):
    d = diff_articles(seed_data, copy.deepcopy(seed_data))

    assert not d.has_changes
    assert d.summary == {
        "added": 0,
        "removed": 0,
        "changed": 0,
        "provenance_changed": 0,
        "unchanged": unit_count(seed_data),
    }
    assert {c.kind for c in d.changes} == {"unchanged"}
    assert d.metadata == [] and d.sources == [] and d.blocks == [] and d.section_renames == []


def test_one_changed_word_is_a_changed_unit_with_exact_word_tokens():
    old = make_article_data()
    new = copy.deepcopy(old)
    paragraph(new, "Section 0")[0]["text"] = "Synthetic claim 0 of section 0 about a invented practice"

    d = diff_articles(old, new)

    [c] = changed(d)
    assert c.kind == "changed"
    assert c.section == "Section 0" and c.block_kind == "paragraph"
    assert c.old is paragraph(old, "Section 0")[0] and c.new is paragraph(new, "Section 0")[0]
    assert c.words == [
        ("equal", "Synthetic claim 0 of section 0 about a "),
        ("delete", "fictional"),
        ("insert", "invented"),
        ("equal", " practice."),
    ]
    assert c.provenance is None
    assert d.summary == {
        "added": 0,
        "removed": 0,
        "changed": 1,
        "provenance_changed": 0,
        "unchanged": unit_count(old) - 1,
    }
    assert d.has_changes


def test_an_added_sentence_appears_where_it_stands_in_the_new_article():
    old = make_article_data()
    new = copy.deepcopy(old)
    added = {"text": "A newly written synthetic sentence", "provenance": [2], "end": "."}
    paragraph(new, "Section 1").insert(2, added)

    d = diff_articles(old, new)

    section_1 = [c for c in d.changes if c.section == "Section 1"]
    assert [c.kind for c in section_1] == ["unchanged", "unchanged", "added", "unchanged", "unchanged", "unchanged"]
    assert section_1[2].new is added and section_1[2].old is None
    assert section_1[2].words == [("insert", "A newly written synthetic sentence.")]
    assert section_1[2].provenance is None
    assert d.summary["added"] == 1 and d.summary["removed"] == 0 and d.summary["changed"] == 0


def test_a_removed_sentence_is_placed_where_it_was():
    old = make_article_data()
    new = copy.deepcopy(old)
    gone = paragraph(new, "Section 2").pop(1)

    d = diff_articles(old, new)

    section_2 = [c for c in d.changes if c.section == "Section 2"]
    assert [c.kind for c in section_2] == ["unchanged", "removed", "unchanged", "unchanged", "unchanged"]
    assert section_2[1].old == gone and section_2[1].new is None
    assert section_2[1].words == [("delete", display_text(gone))]
    assert d.summary["removed"] == 1 and d.summary["added"] == 0


def test_llm_to_cited_is_detected_and_described():
    old = make_article_data()
    new = copy.deepcopy(old)
    assert paragraph(old, "Section 0")[2]["provenance"] == "llm"
    paragraph(new, "Section 0")[2]["provenance"] = [1]

    d = diff_articles(old, new)

    [c] = changed(d)
    assert c.kind == "changed"
    assert c.words == [("equal", "Synthetic claim 2 of section 0 about a fictional practice.")]
    p = c.provenance
    assert p.llm_to_cited and not p.cited_to_llm
    assert (p.old_label, p.new_label) == ("LLM", "1")
    assert p.sources_added == [1] and p.sources_removed == [] and p.tier_changes == []
    assert p.description == f"LLM → cited (source 1, T1, Example 2020, “{new['sources'][0]['title']}”)"
    assert d.summary["changed"] == 1 and d.summary["provenance_changed"] == 1


def test_cited_to_llm_is_detected_and_described():
    old = make_article_data()
    new = copy.deepcopy(old)
    paragraph(new, "Section 0")[1]["provenance"] = "llm"

    [c] = changed(diff_articles(old, new))

    assert c.provenance.cited_to_llm and not c.provenance.llm_to_cited
    assert c.provenance.old_label == "2, 3" and c.provenance.new_label == "LLM"
    assert c.provenance.sources_removed == [2, 3]
    guide, entry = old["sources"][1]["title"], old["sources"][2]["title"]
    assert c.provenance.description == (
        f"cited → LLM (was source 2, T2, Example Society, “{guide}”; source 3, T3, Example Wiki, “{entry}”)"
    )


def test_a_replaced_source_on_the_same_sentence_is_detected(seed_data):
    new = copy.deepcopy(seed_data)
    target = next(u for u in cited_units(new, 7) if u["provenance"] == [7])
    target["provenance"] = [5]

    d = diff_articles(seed_data, new)

    [c] = changed(d)
    assert c.new is target and c.words == [("equal", display_text(target))]
    p = c.provenance
    assert p.sources_added == [5] and p.sources_removed == [7]
    assert not p.llm_to_cited and not p.cited_to_llm and p.tier_changes == []
    assert (p.old_label, p.new_label) == ("7", "5")
    assert p.description == (
        "source 7 (T3, Wikipedia, “Self-compassion”) replaced by "
        "source 5 (T1, Muris et al. 2022, “Deconstructing Self-Compassion: How the Continued Use of…”)"
    )
    assert d.sources == []


def test_re_tiering_a_source_marks_every_unit_that_cites_it():
    old = make_article_data()
    new = copy.deepcopy(old)
    new["sources"][2]["tier"] = "T1"  # source 3, T3 → T1

    d = diff_articles(old, new)

    citing = [c for c in d.changes if cites(c.new, 3)]
    assert len(citing) == len(cited_units(new, 3)) > 1
    for c in citing:
        assert c.kind == "changed"
        assert c.provenance.tier_changes == [(3, "T3", "T1")]
        assert c.provenance.sources_added == [] and c.provenance.sources_removed == []
        assert c.provenance.description == f"source 3 (Example Wiki, “{new['sources'][2]['title']}”) re-tiered T3 → T1"
    assert all(c.kind == "unchanged" for c in d.changes if c not in citing)
    [source] = d.sources
    assert (source.number, source.kind, source.fields) == (3, "retiered", ["tier"])
    assert source.old["tier"] == "T3" and source.new["tier"] == "T1"


def test_renumbered_sources_are_not_a_change_of_provenance():
    old = make_article_data()
    new = copy.deepcopy(old)
    swap = {1: 3, 2: 2, 3: 1}
    for s in new["sources"]:
        s["number"] = swap[s["number"]]
    new["sources"].sort(key=lambda s: s["number"])
    for s in new["sections"]:
        for b in s["blocks"]:
            if b["kind"] == "video":
                b["video"] = swap[b["video"]]
            for u in b["units"]:
                if u["provenance"] != "llm":
                    u["provenance"] = [swap[n] for n in u["provenance"]]

    d = diff_articles(old, new)

    assert d.summary["provenance_changed"] == 0 and d.summary["changed"] == 0
    assert all(c.kind == "unchanged" and c.provenance is None for c in d.changes)
    assert d.blocks == []  # the video names the same work under its new number
    assert [(s.number, s.kind, s.fields, s.old_number) for s in d.sources] == [
        (1, "changed", ["number"], 3),
        (3, "changed", ["number"], 1),
    ]


def test_metadata_changes_list_field_old_and_new():
    old = make_article_data()
    new = copy.deepcopy(old)
    new["title"] = "Synthetic Article, revised"
    new["lead"] = "A made-up construct used only in tests and demos."
    new["see_also"] = ["another-synthetic-article"]
    new["version"] = "2.0"  # not compared

    d = diff_articles(old, new)

    assert d.metadata == [
        ("title", old["title"], "Synthetic Article, revised"),
        ("lead", old["lead"], new["lead"]),
        ("see_also", [], ["another-synthetic-article"]),
    ]
    field, before, after = d.metadata[1]
    assert field == "lead" and d.metadata[1].label == "Lead"
    assert d.metadata[1].words == [
        ("equal", "A made-up construct used only in tests"),
        ("insert", " and demos"),
        ("equal", "."),
    ]
    assert d.changes and not changed(d) and d.has_changes


def test_source_list_changes_are_added_removed_changed_and_retiered():
    old = make_article_data()
    new = copy.deepcopy(old)
    new["sources"][0]["url"] = "https://example.org/trial-corrected"  # same title: the same work, corrected
    new["sources"][1]["tier"] = "T1"
    del new["sources"][2]  # source 3: stop citing it
    for s in new["sections"]:
        s["blocks"] = [b for b in s["blocks"] if b["kind"] != "video"]
        for b in s["blocks"]:
            for u in b["units"]:
                if u["provenance"] != "llm":
                    u["provenance"] = [n for n in u["provenance"] if n != 3] or [1]
    new["sources"].append(
        {
            "number": 3,
            "authors": "Example, B.",
            "year": 2024,
            "title": "A different synthetic review",
            "container": "Review of Examples",
            "url": "https://example.org/review",
            "doi": "",
            "pmid": "",
            "kind": "article",
            "tier": "T1",
        }
    )

    d = diff_articles(old, new)

    assert [(s.number, s.kind, s.fields) for s in d.sources] == [
        (1, "changed", ["url"]),
        (2, "retiered", ["tier"]),
        (3, "added", []),
        (3, "removed", []),
    ]
    assert d.sources[0].field_changes == [("url", old["sources"][0]["url"], "https://example.org/trial-corrected")]
    assert d.sources[3].old["title"] == old["sources"][2]["title"]
    # A source whose URL was corrected is the same work: citing it is not "source 1 replaced by source 1".
    assert all(c.kind == "unchanged" for c in d.changes if c.old and c.old["provenance"] == [1])
    [video] = d.blocks
    assert (video.kind, video.block_kind, video.old["video"], video.new) == ("removed", "video", 3, None)


# --- alignment ----------------------------------------------------------------------------------------


def small_article(*sections, sources=None):
    data = make_article_data(n_sections=0)
    data["sections"] = [
        {"heading": heading, "blocks": [{"kind": "paragraph", "units": [dict(u) for u in units]}]}
        for heading, units in sections
    ]
    if sources is not None:
        data["sources"] = sources
    return data


def u(text, provenance="llm", end="."):
    return {"text": text, "provenance": provenance, "end": end}


def test_in_a_run_of_replaced_sentences_a_rewording_is_changed_and_unrelated_ones_removed_and_added():
    old = small_article(
        (
            "Notes",
            [u("Calm breathing lowers arousal in most clients"), u("Shame thrives in secrecy"), u("Kindness helps")],
        ),
    )
    old["sections"][0]["blocks"][0]["units"].append(u("End note"))
    new = small_article(
        ("Notes", [u("Calm breathing lowers arousal in many clients"), u("Weekly logs track progress"), u("End note")])
    )

    d = diff_articles(old, new)

    assert [c.kind for c in d.changes] == ["changed", "removed", "removed", "added", "unchanged"]
    assert ("delete", "most") in d.changes[0].words and ("insert", "many") in d.changes[0].words
    assert [c.old["text"] for c in d.changes[1:3]] == ["Shame thrives in secrecy", "Kindness helps"]
    assert d.changes[3].new["text"] == "Weekly logs track progress"


def test_one_sentence_rewritten_in_its_place_is_changed_however_different_with_its_provenance_change():
    old = small_article(("Notes", [u("Start"), u("Shame thrives in secrecy", [3]), u("End")]))
    new = small_article(("Notes", [u("Start"), u("Weekly logs track progress"), u("End")]))

    d = diff_articles(old, new)

    assert [c.kind for c in d.changes] == ["unchanged", "changed", "unchanged"]
    rewrite = d.changes[1]
    assert rewrite.words == [
        ("delete", "Shame thrives in secrecy"),
        ("insert", "Weekly logs track progress"),
        ("equal", "."),
    ]
    assert rewrite.provenance.cited_to_llm
    entry = old["sources"][2]["title"]
    assert rewrite.provenance.description == f"cited → LLM (was source 3, T3, Example Wiki, “{entry}”)"


def test_a_rewording_that_also_changes_provenance_reports_both():
    old = small_article(("Notes", [u("Calm breathing lowers arousal in most clients", [2])]))
    new = small_article(("Notes", [u("Calm breathing lowers arousal in many clients", [1])]))

    [c] = diff_articles(old, new).changes

    assert c.kind == "changed" and ("insert", "many") in c.words
    assert c.provenance.description == (
        f"source 2 (T2, Example Society, “{old['sources'][1]['title']}”) replaced by "
        f"source 1 (T1, Example 2020, “{new['sources'][0]['title']}”)"
    )


def test_a_sentence_moving_to_another_kind_of_block_is_removed_and_added():
    old = small_article(("Notes", [u("Calm breathing lowers arousal")]))
    new = copy.deepcopy(old)
    new["sections"][0]["blocks"][0]["kind"] = "example"

    assert [(c.kind, c.block_kind) for c in diff_articles(old, new).changes] == [
        ("removed", "paragraph"),
        ("added", "example"),
    ]


def test_a_removed_section_stays_where_it_was_and_an_added_one_where_it_is():
    old = small_article(("A", [u("one")]), ("B", [u("two")]), ("C", [u("three")]))
    new = small_article(("A", [u("one")]), ("C", [u("three")]), ("D", [u("four")]))

    d = diff_articles(old, new)

    assert [(s.heading, s.status) for s in d.sections] == [
        ("A", "kept"),
        ("B", "removed"),
        ("C", "kept"),
        ("D", "added"),
    ]
    assert [(c.section, c.old_section, c.kind) for c in d.changes] == [
        ("A", "A", "unchanged"),
        ("B", "B", "removed"),
        ("C", "C", "unchanged"),
        ("D", None, "added"),
    ]
    assert d.has_changes


def test_a_renamed_section_keeps_its_sentences_aligned():
    units = [u("one"), u("two"), u("three")]
    old = small_article(("Evidence", units))
    new = small_article(("Evidence base", units[:2] + [u("three and more")]))

    d = diff_articles(old, new)

    assert d.section_renames == [("Evidence", "Evidence base")]
    assert [(c.kind, c.section, c.old_section) for c in d.changes] == [
        ("unchanged", "Evidence base", "Evidence"),
        ("unchanged", "Evidence base", "Evidence"),
        ("changed", "Evidence base", "Evidence"),
    ]
    assert d.has_changes


def test_key_terms_and_smart_rows_are_compared_on_their_full_displayed_text():
    old = make_article_data(n_sections=0)
    new = copy.deepcopy(old)
    tools = section(new, "Tools")["blocks"]
    tools[0]["units"][0]["goal"] = "Revised goal"
    tools[2]["units"][0]["term"] = "Invented term"

    d = diff_articles(old, new)

    smart, term = changed(d)
    assert smart.block_kind == "smart" and smart.block_label == "SMART row"
    assert smart.words == [
        ("delete", "Invented"),
        ("insert", "Revised"),
        ("equal", " goal | Over 2 weeks, do a fictional task | Invented mechanism"),
    ]
    assert term.block_kind == "key_terms"
    assert term.words == [
        ("delete", "Synthetic"),
        ("insert", "Invented"),
        ("equal", " term — a word invented for tests."),
    ]


def test_a_figure_alt_text_change_and_a_different_video_are_block_changes():
    old = make_article_data(n_sections=0)
    new = copy.deepcopy(old)
    new["sections"][0]["blocks"][0]["alt_text"] = "A synthetic diagram of three parts."
    section(new, "Tools")["blocks"][3]["video"] = 1

    d = diff_articles(old, new)

    figure, video = d.blocks
    assert (figure.section, figure.kind, figure.fields) == ("", "changed", ["alt_text"])
    assert ("insert", " of three parts") in figure.words
    assert (video.section, video.kind, video.fields) == ("Tools", "changed", ["video"])
    assert video.old_text == "source 3: " + old["sources"][2]["title"]
    assert video.new_text == "source 1: " + old["sources"][0]["title"]
    assert d.has_changes and d.summary["changed"] == 0


def test_a_change_of_closing_punctuation_is_a_changed_unit():
    old = small_article(("Notes", [u("Is this calm", end=".")]))
    new = small_article(("Notes", [u("Is this calm", end="?")]))

    [c] = diff_articles(old, new).changes

    assert c.kind == "changed" and c.words == [("equal", "Is this calm"), ("delete", "."), ("insert", "?")]


def test_spaces_between_edited_words_are_folded_into_one_deletion_and_one_insertion():
    assert word_diff("keep alpha beta keep", "keep gamma delta keep") == [
        ("equal", "keep "),
        ("delete", "alpha beta"),
        ("insert", "gamma delta"),
        ("equal", " keep"),
    ]


# --- properties ---------------------------------------------------------------------------------------

WORDS = ["calm", "client", "shame", "kind", "self", "breath", "week", "note"]
KINDS = ["paragraph", "questions", "key_terms", "smart", "example", "framing"]
texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join)
provenances = st.one_of(st.just("llm"), st.lists(st.sampled_from([1, 2, 3]), min_size=1, max_size=2, unique=True))
_headings = itertools.count()


@st.composite
def units_of(draw, kind):
    unit = {"text": draw(texts), "provenance": draw(provenances), "end": draw(st.sampled_from([".", "", "?"]))}
    if kind == "key_terms":
        unit = {"term": draw(st.sampled_from(["Shame", "Calm"])), **unit}
    if kind == "smart":
        unit = {"goal": draw(st.sampled_from(["Less shame", "More calm"])), "objective": draw(texts), **unit}
    return unit


@st.composite
def blocks(draw):
    kind = draw(st.sampled_from(KINDS))
    return {"kind": kind, "units": draw(st.lists(units_of(kind), max_size=5))}


@st.composite
def random_articles(draw):
    data = make_article_data(n_sections=0)
    count = draw(st.integers(0, 4))
    data["sections"] = [
        {"heading": heading, "blocks": draw(st.lists(blocks(), max_size=3))}
        for heading in ["", "Alpha", "Beta", "Gamma"][:count]
    ]
    return data


factory_articles = st.builds(
    lambda n, k: make_article_data(n_sections=n, units_per_block=k), st.integers(0, 3), st.integers(0, 5)
)
articles = st.one_of(random_articles(), factory_articles)


def edited(draw, article):
    """A copy of `article` with random edits: reworded, inserted and deleted sentences, flipped provenance,
    re-tiered sources, and added, removed and renamed sections."""
    new = copy.deepcopy(article)
    sections = new["sections"]
    for _ in range(draw(st.integers(0, 8))):
        op = draw(
            st.sampled_from(
                ["edit", "edit", "insert", "delete", "flip", "retier", "add_section", "remove_section", "rename"]
            )
        )
        if op == "retier":
            source = draw(st.sampled_from(new["sources"]))
            source["tier"] = draw(st.sampled_from(["T1", "T2", "T3"]))
            continue
        if op == "add_section":
            heading = f"Added {next(_headings)}"
            sections.insert(draw(st.integers(0, len(sections))), {"heading": heading, "blocks": [draw(blocks())]})
            continue
        if not sections:
            continue
        target = draw(st.sampled_from(sections))
        if op == "remove_section":
            sections.remove(target)
            continue
        if op == "rename":
            target["heading"] = f"Renamed {next(_headings)}"
            continue
        unit_blocks = [b for b in target["blocks"] if b["kind"] in KINDS]
        if not unit_blocks:
            continue
        block = draw(st.sampled_from(unit_blocks))
        units = block["units"]
        if op == "insert":
            units.insert(draw(st.integers(0, len(units))), draw(units_of(block["kind"])))
            continue
        if not units:
            continue
        index = draw(st.integers(0, len(units) - 1))
        if op == "delete":
            del units[index]
        elif op == "edit":
            words = units[index]["text"].split()
            position = draw(st.integers(0, len(words)))
            words[position:position] = [draw(st.sampled_from(WORDS))]
            if draw(st.booleans()) and len(words) > 1:
                del words[draw(st.integers(0, len(words) - 1))]
            units[index]["text"] = " ".join(words)
        else:  # flip provenance
            current = units[index]["provenance"]
            units[index]["provenance"] = draw(provenances.filter(lambda p, current=current: p != current))
    return new


def units_by_section(data):
    out = {}
    for s in data["sections"]:
        out.setdefault(s["heading"], []).extend((b["kind"], u) for b in s["blocks"] for u in b["units"])
    return {heading: units for heading, units in out.items() if units}


PROPERTY_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY_SETTINGS
@given(articles, st.data())
def test_the_new_sides_rebuild_the_new_article_and_the_old_sides_the_old_one(old, data):
    new = edited(data.draw, old)

    d = diff_articles(old, new)

    new_sides, old_sides = {}, {}
    for c in d.changes:
        if c.kind != "removed":
            new_sides.setdefault(c.section, []).append((c.block_kind, c.new))
        if c.kind != "added":
            old_sides.setdefault(c.old_section, []).append((c.block_kind, c.old))
    assert new_sides == units_by_section(new)
    assert old_sides == units_by_section(old)


@PROPERTY_SETTINGS
@given(articles, st.data())
def test_every_change_is_consistent_and_the_summary_counts_the_changes(old, data):
    new = edited(data.draw, old)

    d = diff_articles(old, new)

    kinds = Counter(c.kind for c in d.changes)
    assert d.summary == {
        "added": kinds["added"],
        "removed": kinds["removed"],
        "changed": kinds["changed"],
        "provenance_changed": sum(1 for c in d.changes if c.provenance is not None),
        "unchanged": kinds["unchanged"],
    }
    assert sum(kinds.values()) == len(d.changes)
    for c in d.changes:
        old_text = "".join(t for op, t in c.words if op != "insert")
        new_text = "".join(t for op, t in c.words if op != "delete")
        if c.kind == "added":
            assert c.old is None and new_text == display_text(c.new) and old_text == "" and c.provenance is None
        elif c.kind == "removed":
            assert c.new is None and old_text == display_text(c.old) and new_text == "" and c.provenance is None
        else:
            assert old_text == display_text(c.old) and new_text == display_text(c.new)
        if c.kind == "unchanged":
            assert c.provenance is None and display_text(c.old) == display_text(c.new)
        if c.kind == "changed":
            assert c.provenance is not None or display_text(c.old) != display_text(c.new)
    if any(c.kind != "unchanged" for c in d.changes) or d.metadata or d.sources:
        assert d.has_changes


@PROPERTY_SETTINGS
@given(articles, st.data())
def test_an_article_diffed_with_itself_has_no_changes(old, data):
    new = edited(data.draw, old)

    for article in (old, new):
        d = diff_articles(article, copy.deepcopy(article))
        assert not d.has_changes
        assert d.summary["unchanged"] == len(d.changes) == sum(len(v) for v in units_by_section(article).values())


@given(st.text(alphabet="ab c.,-’é\t", max_size=30), st.text(alphabet="ab c.,-’é\t", max_size=30))
def test_word_tokens_rebuild_both_texts(old, new):
    words = word_diff(old, new)

    assert "".join(t for op, t in words if op != "insert") == old
    assert "".join(t for op, t in words if op != "delete") == new
    assert all(op in ("equal", "insert", "delete") and t for op, t in words)
    assert all(a[0] != b[0] for a, b in itertools.pairwise(words))  # runs are merged


# --- the template -------------------------------------------------------------------------------------


def test_the_diff_template_escapes_text_marks_insertions_and_deletions_and_collapses_unchanged_runs():
    old = make_article_data()
    new = copy.deepcopy(old)
    paragraph(new, "Section 0")[0]["text"] = "Synthetic claim 0 of section 0 about a <script>alert(1)</script> practice"
    paragraph(new, "Section 0")[2]["provenance"] = [1]
    new["title"] = "Synthetic <b>Article</b>"
    d = diff_articles(old, new)

    html = render_to_string("articles/_diff.html", {"diff": d})

    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;" in html and "&lt;/b&gt;" in html  # the title's word diff
    assert "<ins>" in html and "<del>" in html
    assert '<span class="visually-hidden">[deleted: </span>fictional' in html
    assert 'class="diff-unit diff-unit--changed" data-change="changed"' in html
    assert '<p class="diff-provenance">' in html and "LLM → cited (source 1, T1, Example 2020, “Synthetic" in html
    assert "… 1 unchanged sentence …" in html  # between the two changes
    assert "… 2 unchanged sentences …" in html  # after them
    assert '<h3 class="diff-heading">Section 0</h3>' in html
    assert "Synthetic claim 1 of section 0" not in html  # collapsed
    assert "sections without changes are not shown" in html

    expanded = render_to_string("articles/_diff.html", {"diff": d, "show_unchanged": True})

    assert "Synthetic claim 1 of section 0 about a fictional practice" in expanded
    assert "unchanged sentence" not in expanded.replace("sentences added", "")
    assert 'class="diff-unit diff-unit--unchanged" data-change="unchanged"' in expanded


def test_the_diff_template_says_so_when_nothing_changed(seed_data):
    html = render_to_string("articles/_diff.html", {"diff": diff_articles(seed_data, copy.deepcopy(seed_data))})

    assert "No changes." in html and "diff-unit--changed" not in html and "<ins>" not in html


# --- cost ----------------------------------------------------------------------------------------------
# Times are measured by scripts/bench_import.py and reported, never asserted here; what a test can hold is the
# shape of the work: the costly step is comparing two sentences word by word, and a diff does that only for
# the sentences that changed, however long the article around them.


@pytest.fixture
def sentence_comparisons(monkeypatch):
    """Counts word-by-word comparisons of two sentences (every similarity ratio and word diff)."""
    counts = Counter()
    for name in ("ratio", "quick_ratio", "get_opcodes"):
        real = getattr(difflib.SequenceMatcher, name)

        def counting(self, real=real, name=name):
            counts[name] += 1
            return real(self)

        monkeypatch.setattr(difflib.SequenceMatcher, name, counting)
    return counts


def _with_ten_changes(data):
    new = copy.deepcopy(data)
    units = [u for s in new["sections"] for b in s["blocks"] for u in b["units"] if "text" in u]
    for k, unit in enumerate(units[3::7][:10]):
        if k % 3 == 0:
            unit["text"] += " in a revised clause"
        elif k % 3 == 1:
            unit["provenance"] = [1] if unit["provenance"] == "llm" else "llm"
        else:
            unit["text"] = "An entirely new synthetic sentence replacing the old one"
    return new


def test_an_article_of_a_thousand_units_compared_with_itself_compares_no_sentence_word_by_word(sentence_comparisons):
    big = make_article_data(n_sections=10, units_per_block=99)
    assert unit_count(big) >= 1000
    d = diff_articles(big, copy.deepcopy(big))
    assert d.summary["changed"] + d.summary["added"] + d.summary["removed"] == 0
    # Matching the sentence keys of each section is one comparison of key lists per section, not per sentence.
    assert sentence_comparisons["quick_ratio"] == 0 and sentence_comparisons["get_opcodes"] <= 2 * len(big["sections"])


def test_ten_changes_cost_the_same_comparisons_in_an_article_ten_times_longer(sentence_comparisons):
    small = make_article_data(n_sections=10, units_per_block=10)
    large = make_article_data(n_sections=10, units_per_block=99)
    d = diff_articles(small, _with_ten_changes(small))
    assert d.summary["changed"] + d.summary["added"] >= 8
    small_cost = sentence_comparisons["quick_ratio"] + sentence_comparisons["ratio"]
    sentence_comparisons.clear()
    diff_articles(large, _with_ten_changes(large))
    large_cost = sentence_comparisons["quick_ratio"] + sentence_comparisons["ratio"]
    assert 0 < small_cost and large_cost <= small_cost + 10  # not ten times as many
