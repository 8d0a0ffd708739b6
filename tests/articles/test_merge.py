"""Bringing a draft up to date: the three-way merge of article texts (articles.merge). No database needed."""

import copy
import functools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.merge import approval_still_holds, merge_article_texts, renumber_draft_sources
from articles.text_format import FormatErrors, dump_article, parse_article

SEED = Path(__file__).resolve().parents[2] / "fixtures" / "articles" / "self-compassion.md"

FIRST = (
    "Self-compassion is a psychological construct rather than a freestanding treatment, sitting at the "
    "intersection of clinical and positive psychology [1]."
)
SECOND = "It describes a way of relating to oneself during suffering, failure, or perceived inadequacy"
THIRD = "Clinically, it belongs to the family of compassion-based approaches"
TRAINING = "Compassion Focused Therapy, developed by Gilbert, has its own training curriculum"

LIVE_SOURCE_9 = """
[9]: T1 article
    authors: Example, A.
    year: 2024
    title: A synthetic trial of brief self-compassion training
    container: Journal of Examples
    url: https://example.org/synthetic-trial
"""
DRAFT_SOURCE_9 = """
[9]: T2 website
    title: A synthetic practice guide for compassion exercises
    container: Example Society
    url: https://example.org/synthetic-guide
"""


@functools.cache
def seed_text():
    return SEED.read_text(encoding="utf-8")


def edit(text, old, new):
    """`text` with its one occurrence of `old` replaced; fails loudly if the fixture no longer has it."""
    assert text.count(old) == 1, old
    return text.replace(old, new)


def add_after(text, line_start, new_line):
    """`text` with `new_line` inserted after the line that starts with `line_start`."""
    lines = text.split("\n")
    (index,) = [i for i, line in enumerate(lines) if line.startswith(line_start)]
    lines.insert(index + 1, new_line)
    return "\n".join(lines)


def parsed(text):
    """The article data of a merged text, which must parse and already be in canonical form."""
    data, _ = parse_article(text, "merged")
    assert dump_article(data) == text
    return data


def data_of(text):
    return parse_article(text, "article")[0]


def lines_of(text):
    return text.split("\n")


def source(data, number):
    return next(s for s in data["sources"] if s["number"] == number)


def units_citing(data, number):
    return [
        u["text"]
        for s in data["sections"]
        for b in s["blocks"]
        for u in b["units"]
        if isinstance(u["provenance"], list) and number in u["provenance"]
    ]


# --- clean merges -------------------------------------------------------------------------------------


def test_edits_to_neighbouring_sentences_merge_cleanly_with_both():
    base = seed_text()
    live = edit(base, "rather than a freestanding treatment", "and not a freestanding treatment")
    draft = edit(base, "It describes a way", "It names a way")

    merge = merge_article_texts(base, live, draft)

    assert merge.clean and merge.conflicts == []
    assert merge.auto_applied == (1, 1)
    text = merge.text()
    assert text == edit(live, "It describes a way", "It names a way")
    parsed(text)


def test_an_insertion_next_to_an_edited_sentence_is_not_a_conflict():
    base = seed_text()
    live = add_after(base, FIRST, "A synthetic sentence added on the live article [LLM].")
    draft = edit(base, "It describes a way", "It names a way")

    merge = merge_article_texts(base, live, draft)

    assert merge.clean
    lines = lines_of(merge.text())
    start = lines.index(FIRST)
    assert lines[start + 1] == "A synthetic sentence added on the live article [LLM]."
    assert lines[start + 2].startswith("It names a way")


def test_the_same_edit_on_both_sides_is_taken_once():
    base = seed_text()
    both = edit(base, "It describes a way", "It names a way")

    merge = merge_article_texts(base, both, both)

    assert merge.clean
    assert merge.same_on_both == 1 and merge.auto_applied == (0, 0)
    text = merge.text()
    assert text == both
    assert text.count("It names a way") == 1


def test_unchanged_sides_give_back_the_other_side():
    base = seed_text()
    changed = edit(base, "It describes a way", "It names a way")

    assert merge_article_texts(base, base, base).text() == base
    assert merge_article_texts(base, changed, base).text() == changed
    assert merge_article_texts(base, base, changed).text() == changed


def test_a_library_correction_on_live_merges_with_a_draft_edit():
    base = seed_text()
    # Source 2 has neither URL nor DOI, so the corrected title is matched by its number.
    live = edit(
        base,
        "    title: The Self-Compassion Scale (validation paper, PDF)",
        "    title: The Self-Compassion Scale (validation paper)",
    )
    draft = edit(base, "It describes a way", "It names a way")

    merge = merge_article_texts(base, live, draft)

    assert merge.clean and merge.notes == []
    assert merge.auto_applied == (1, 1)
    data = parsed(merge.text())
    assert source(data, 2)["title"] == "The Self-Compassion Scale (validation paper)"
    assert any(t.startswith("It names a way") for t in units_citing(data, 2))


def test_front_matter_changes_on_both_sides_merge():
    base = seed_text()
    live = edit(base, "title: Self-Compassion\n", "title: Self-Compassion (Construct)\n")
    draft = edit(base, "lead: Self-compassion is treating oneself", "lead: Self-compassion means treating oneself")

    merge = merge_article_texts(base, live, draft)

    assert merge.clean
    data = parsed(merge.text())
    assert data["title"] == "Self-Compassion (Construct)"
    assert data["lead"].startswith("Self-compassion means treating oneself")


def test_the_version_line_is_live_s_and_never_conflicts():
    base = seed_text()
    live = edit(edit(base, "version: 1.0", "version: 1.1"), "It describes a way", "It names a way")
    draft = edit(edit(base, "version: 1.0", "version: 2.0"), THIRD, "In practice, it belongs to the family")

    merge = merge_article_texts(base, live, draft)

    assert merge.clean
    data = parsed(merge.text())
    assert data["version"] == "1.1"
    assert "It names a way" in merge.text() and "In practice, it belongs to the family" in merge.text()


def test_a_paragraph_split_on_one_side_merges_with_an_edit_of_the_moved_sentence():
    base = seed_text()
    live = edit(base, FIRST + "\nIt describes", FIRST + "\n\nIt describes")  # a new paragraph, nothing else
    draft = edit(base, "It describes a way", "It names a way")

    merge = merge_article_texts(base, live, draft)

    assert merge.clean
    data = parsed(merge.text())
    section = next(s for s in data["sections"] if s["heading"] == "Type & Discipline")
    assert [len(b["units"]) for b in section["blocks"]] == [1, 3]
    assert section["blocks"][1]["units"][0]["text"].startswith("It names a way")


def test_a_paragraph_keeps_its_break_when_each_side_deletes_one_of_its_first_sentences():
    base = seed_text()
    first = "It is also used with trauma survivors, adolescents, and people with eating disorders"
    second = "Across these groups the indication is similar"
    live = "\n".join(line for line in lines_of(base) if not line.startswith(first))
    draft = "\n".join(line for line in lines_of(base) if not line.startswith(second))

    merge = merge_article_texts(base, live, draft)

    assert merge.clean
    data = parsed(merge.text())
    section = next(s for s in data["sections"] if s["heading"] == "Populations & Indications")
    assert [len(b["units"]) for b in section["blocks"]] == [4, 1]
    assert section["blocks"][1]["units"][0]["text"].startswith("Because self-compassion is transdiagnostic")


def test_a_sentence_inserted_between_two_sentences_the_other_side_reworded_is_not_a_conflict():
    base = seed_text()
    live = edit(edit(base, "It describes a way", "It names a way"), THIRD, "In practice, it belongs to the family")
    draft = add_after(base, SECOND, "A synthetic sentence between the two [LLM].")

    merge = merge_article_texts(base, live, draft)

    assert merge.clean
    lines = lines_of(merge.text())
    start = lines.index(FIRST)
    assert lines[start + 1].startswith("It names a way")
    assert lines[start + 2] == "A synthetic sentence between the two [LLM]."
    assert lines[start + 3].startswith("In practice, it belongs to the family")


def test_blank_lines_and_line_endings_outside_canonical_form_do_not_conflict():
    base = seed_text()
    live = edit(base, "It describes a way", "It names a way")
    draft = edit(base, "## Core Principles\n\n", "## Core Principles\n\n\n\n").replace("\n", "\r\n")
    draft = edit(draft, "Honesty requires flagging", "Candour requires flagging")

    merge = merge_article_texts(base, live, draft)

    assert merge.clean
    assert merge.text() == edit(live, "Honesty requires flagging", "Candour requires flagging")


def test_every_merged_text_parses_whatever_the_choice():
    base = seed_text()
    live = edit(base, "It describes a way", "It names a way")
    draft = edit(base, "It describes a way", "It captures a way")

    merge = merge_article_texts(base, live, draft)

    for choice in ("live", "draft", "both"):
        parsed(merge.text({0: choice}))


# --- conflicts ----------------------------------------------------------------------------------------


@pytest.fixture
def one_sentence_edited_twice():
    base = seed_text()
    live = edit(base, "It describes a way", "It names a way")
    draft = edit(base, "It describes a way", "It captures a way")
    return base, live, draft, merge_article_texts(base, live, draft)


def test_different_edits_to_one_sentence_are_one_conflict(one_sentence_edited_twice):
    base, live, draft, merge = one_sentence_edited_twice

    assert not merge.clean
    (conflict,) = merge.conflicts
    assert conflict.index == 0
    assert conflict.section == "Type & Discipline" and conflict.title == "Type & Discipline"
    assert not conflict.front_matter
    (base_line,) = conflict.base_lines
    assert base_line.startswith(SECOND)
    assert conflict.live_lines == (edit(base_line, "describes", "names"),)
    assert conflict.draft_lines == (edit(base_line, "describes", "captures"),)
    assert ("delete", "names") in conflict.words and ("insert", "captures") in conflict.words
    assert "".join(t for op, t in conflict.words if op != "insert") == conflict.live_lines[0]
    assert "".join(t for op, t in conflict.words if op != "delete") == conflict.draft_lines[0]


def test_each_choice_writes_its_side(one_sentence_edited_twice):
    base, live, draft, merge = one_sentence_edited_twice

    assert merge.text({0: "live"}) == live
    assert merge.text({0: "draft"}) == draft
    lines = lines_of(merge.text({0: "both"}))
    start = lines.index(FIRST)
    assert lines[start + 1].startswith("It names a way")
    assert lines[start + 2].startswith("It captures a way")


def test_both_versions_of_a_paragraph_s_first_sentence_stay_in_that_paragraph():
    base = seed_text()
    live = edit(base, "Self-compassion is a psychological construct rather", "Self-compassion is a construct rather")
    draft = edit(base, "Self-compassion is a psychological construct rather", "Self-compassion is a process rather")

    text = merge_article_texts(base, live, draft).text({0: "both"})

    section = next(s for s in parsed(text)["sections"] if s["heading"] == "Type & Discipline")
    assert [u["text"][:30] for u in section["blocks"][0]["units"][:3]] == [
        "Self-compassion is a construct",
        "Self-compassion is a process r",
        SECOND[:30],
    ]


@pytest.mark.parametrize(
    "choices, message",
    [
        ({}, "Choose live, draft or both for conflict 0"),
        (None, "Choose live, draft or both for conflict 0"),
        ({0: "mine"}, "choose one of live, draft, both"),
        ({0: "live", 3: "draft"}, "No conflict has the index 3"),
    ],
)
def test_text_refuses_missing_or_unknown_choices(one_sentence_edited_twice, choices, message):
    merge = one_sentence_edited_twice[3]

    with pytest.raises(ValueError, match=message):
        merge.text(choices)


def test_deleting_a_sentence_live_edited_is_a_conflict():
    base = seed_text()
    live = edit(base, "It describes a way", "It names a way")
    draft = "\n".join(line for line in lines_of(base) if not line.startswith(SECOND))

    merge = merge_article_texts(base, live, draft)

    (conflict,) = merge.conflicts
    assert conflict.live_lines[0].startswith("It names a way") and conflict.draft_lines == ()
    assert merge.text({0: "live"}) == live
    assert merge.text({0: "draft"}) == draft
    assert SECOND not in merge.text({0: "draft"}) and "It names a way" not in merge.text({0: "draft"})


def test_different_sentences_added_at_one_place_conflict_and_both_keeps_both():
    base = seed_text()
    live = add_after(base, FIRST, "A synthetic sentence from the live article [LLM].")
    draft = add_after(base, FIRST, "A synthetic sentence from the draft [1].")

    merge = merge_article_texts(base, live, draft)

    (conflict,) = merge.conflicts
    assert conflict.base_lines == () and conflict.can_keep_both
    assert conflict.live_lines == ("A synthetic sentence from the live article [LLM].",)
    assert conflict.draft_lines == ("A synthetic sentence from the draft [1].",)
    lines = lines_of(merge.text({0: "both"}))
    start = lines.index(FIRST)
    assert lines[start + 1 : start + 3] == [
        "A synthetic sentence from the live article [LLM].",
        "A synthetic sentence from the draft [1].",
    ]
    assert lines[start + 3].startswith(SECOND)
    assert merge.text({0: "live"}) == live and merge.text({0: "draft"}) == draft


def test_one_sentence_written_by_both_sides_in_different_places_is_a_conflict_not_a_repeat():
    """Live adds it before a sentence; the draft puts it in that sentence's place. Taking both edits would print
    it twice and lose nothing visibly wrong: the editor chooses instead."""
    base = seed_text()
    added = "A synthetic sentence both sides wrote [LLM]."
    live = add_after(base, FIRST, added)
    second = next(line for line in lines_of(base) if line.startswith(SECOND))
    draft = edit(base, second, added)

    merge = merge_article_texts(base, live, draft)

    (conflict,) = merge.conflicts
    for choice in ("live", "draft"):
        text = merge.text({conflict.index: choice})
        assert text.count(added) == 1
        parsed(text)
    assert merge.text({conflict.index: "draft"}) == draft and merge.text({conflict.index: "live"}) == live


def test_a_heading_both_sides_added_at_one_place_is_not_written_twice():
    base = seed_text()
    third = next(line for line in lines_of(base) if line.startswith(THIRD))
    live = edit(base, "\n" + third, "\n\n## A synthetic heading\n\n" + third)
    draft = edit(base, "\n" + third, "\n\n## A synthetic heading\n")

    merge = merge_article_texts(base, live, draft)

    assert merge.conflicts, "two ways of adding one heading are one change: the editor picks"
    for choice in ("live", "draft"):
        text = merge.text({c.index: choice for c in merge.conflicts})
        assert text.count("## A synthetic heading") == 1
        parsed(text)


def test_a_sentence_added_at_the_end_of_a_section_the_other_side_removed_is_a_conflict():
    base = seed_text()
    start, end = base.index("## Training & Certification"), base.index("## Key Terms")
    live = base[:start] + base[end:]
    last = "For most practicing therapists, the practical route is integrating validated exercises"
    draft = add_after(base, last, "A synthetic closing sentence for this section [LLM].")

    merge = merge_article_texts(base, live, draft)

    (conflict,) = merge.conflicts
    assert conflict.section == "Training & Certification"
    assert (
        conflict.live_lines == () and conflict.draft_lines[-1] == "A synthetic closing sentence for this section [LLM]."
    )
    assert not conflict.can_keep_both
    assert merge.text({0: "live"}) == live
    assert merge.text({0: "draft"}) == draft


def test_both_is_refused_where_two_versions_cannot_stand_side_by_side():
    base = seed_text()
    live = edit(base, "## Core Principles", "## Core Principles of the Model")
    draft = edit(base, "## Core Principles", "## Principles")

    merge = merge_article_texts(base, live, draft)

    (conflict,) = merge.conflicts
    assert not conflict.can_keep_both
    with pytest.raises(ValueError, match="cannot both be kept: choose live or draft"):
        merge.text({0: "both"})
    headings = [s["heading"] for s in parsed(merge.text({0: "draft"}))["sections"]]
    assert "Principles" in headings and "Core Principles" not in headings


def test_a_conflict_in_the_front_matter_says_so():
    base = seed_text()
    live = edit(base, "title: Self-Compassion\n", "title: Self-Compassion (Construct)\n")
    draft = edit(base, "title: Self-Compassion\n", "title: Self-Compassion (Process)\n")

    (conflict,) = merge_article_texts(base, live, draft).conflicts

    assert conflict.front_matter and conflict.title == "Front matter" and not conflict.can_keep_both
    assert conflict.live_lines == ("title: Self-Compassion (Construct)",)


def test_conflicts_are_numbered_in_article_order_and_resolved_independently():
    base = seed_text()
    live = edit(edit(base, "It describes a way", "It names a way"), TRAINING, TRAINING + " (live)")
    draft = edit(edit(base, "It describes a way", "It captures a way"), TRAINING, TRAINING + " (draft)")

    merge = merge_article_texts(base, live, draft)

    assert [c.index for c in merge.conflicts] == [0, 1]
    assert [c.section for c in merge.conflicts] == ["Type & Discipline", "Training & Certification"]
    text = merge.text({0: "draft", 1: "live"})
    assert "It captures a way" in text and TRAINING + " (live)" in text
    assert "It names a way" not in text and TRAINING + " (draft)" not in text
    parsed(text)


# --- sources ------------------------------------------------------------------------------------------


def test_sources_added_under_one_number_on_both_sides_keep_both_and_renumber_the_draft_s():
    base = seed_text()
    live = add_after(base + LIVE_SOURCE_9, FIRST, "A synthetic trial found a small effect [9].")
    draft = add_after(base + DRAFT_SOURCE_9, TRAINING, "A synthetic guide lists the exercises [9].")

    merge = merge_article_texts(base, live, draft)

    assert merge.clean
    assert merge.renumbered == {9: 10}
    data = parsed(merge.text())
    assert source(data, 9)["title"] == "A synthetic trial of brief self-compassion training"
    assert source(data, 10)["title"] == "A synthetic practice guide for compassion exercises"
    assert units_citing(data, 9) == ["A synthetic trial found a small effect"]
    assert units_citing(data, 10) == ["A synthetic guide lists the exercises"]
    assert "A synthetic guide lists the exercises [10]." in lines_of(merge.text())


def test_renumbering_keeps_the_draft_s_numbers_for_sources_it_shares():
    base_data = data_of(seed_text())
    live_data = data_of(add_after(seed_text() + LIVE_SOURCE_9, FIRST, "A synthetic trial [9]."))
    draft_text = add_after(seed_text() + DRAFT_SOURCE_9, TRAINING, "A synthetic guide [9].")
    draft_data = data_of(draft_text)
    untouched = copy.deepcopy(draft_data)

    renumbered = renumber_draft_sources(base_data, live_data, draft_data)

    assert draft_data == untouched  # the argument is not modified
    assert [s["number"] for s in renumbered["sources"]] == [1, 2, 3, 4, 5, 6, 7, 8, 10]
    assert units_citing(renumbered, 10) == ["A synthetic guide"]
    for number in range(1, 9):
        assert units_citing(renumbered, number) == units_citing(draft_data, number)
    assert dump_article(renumbered) == draft_text.replace("guide [9].", "guide [10].").replace("[9]: T2", "[10]: T2")


def test_a_source_both_sides_added_is_listed_once():
    base = seed_text()
    live = add_after(base + LIVE_SOURCE_9, FIRST, "A synthetic trial found a small effect [9].")
    draft = add_after(base + LIVE_SOURCE_9, TRAINING, "The same synthetic trial reports a follow-up [9].")

    merge = merge_article_texts(base, live, draft)

    assert merge.clean and merge.renumbered == {}
    data = parsed(merge.text())
    assert [s["number"] for s in data["sources"]] == list(range(1, 10))
    assert len(units_citing(data, 9)) == 2


def test_a_source_live_dropped_stays_while_the_draft_cites_it():
    base = seed_text()
    four = "Neff frames self-compassion as three interacting components, each defined against its opposite"
    live = edit(base, four + " [4].", four + " [7].")
    live = live[: live.index("[4]: T2 video")] + live[live.index("[5]: T1 article") :]
    draft = add_after(base, TRAINING, "A synthetic talk walks through the three components [4].")

    merge = merge_article_texts(base, live, draft)

    assert merge.clean
    data = parsed(merge.text())
    assert source(data, 4)["title"] == "The Three Components of Self-Compassion"
    assert units_citing(data, 4) == ["A synthetic talk walks through the three components"]


def test_a_source_the_draft_dropped_stays_dropped_unless_live_cites_it_anew():
    base = seed_text()
    four = "Neff frames self-compassion as three interacting components, each defined against its opposite"
    draft = edit(base, four + " [4].", four + " [7].")
    draft = draft[: draft.index("[4]: T2 video")] + draft[draft.index("[5]: T1 article") :]

    assert merge_article_texts(base, edit(base, "It describes", "It names"), draft).text() == edit(
        draft, "It describes", "It names"
    )
    live = add_after(base, TRAINING, "A synthetic talk walks through the three components [4].")
    data = parsed(merge_article_texts(base, live, draft).text())
    assert source(data, 4)["title"] == "The Three Components of Self-Compassion"


def test_where_both_sides_changed_a_source_s_record_the_library_s_record_is_kept_and_said():
    base = seed_text()
    title = "    title: How to Practice Self-Compassion: 8 Techniques and Tips"
    live = edit(base, title, title + " (library correction)")
    draft = edit(edit(base, title, title + " (draft's own)"), "It describes a way", "It names a way")

    merge = merge_article_texts(base, live, draft)

    assert merge.clean
    data = parsed(merge.text())
    assert source(data, 6)["title"].endswith("(library correction)")
    (note,) = merge.notes
    assert note.startswith("Source 6 ") and "the library's record is kept" in note and "title" in note


def test_a_work_the_draft_put_under_an_existing_number_does_not_take_over_live_s_citations():
    base = seed_text()
    old_work = "How to Practice Self-Compassion: 8 Techniques and Tips"
    # The draft replaces source 6 by another work with a similar title, under the same number.
    draft = edit(base, old_work, "How to Practice Self-Compassion: 10 Techniques and Tips")
    draft = edit(draft, "https://positivepsychology.com/how-to-practice-self-compassion/", "https://example.org/ten")
    live = add_after(base, TRAINING, "A synthetic sentence citing the original work [6].")

    merge = merge_article_texts(base, live, draft)

    assert merge.clean
    data = parsed(merge.text())
    (original,) = [s for s in data["sources"] if s["title"] == old_work]
    (replacement,) = [s for s in data["sources"] if s["title"].startswith("How to Practice Self-Compassion: 10")]
    assert units_citing(data, original["number"]) == ["A synthetic sentence citing the original work"]
    assert len(units_citing(data, replacement["number"])) == len(units_citing(data_of(base), 6))


def test_texts_that_do_not_parse_are_refused_with_their_side_named():
    base = seed_text()

    with pytest.raises(FormatErrors, match="draft:"):
        merge_article_texts(base, base, base.replace("## Sources", "## Nothing here"))


# --- whether the submitter's approval still holds -----------------------------------------------------


def approval(base, live, draft, merged):
    return approval_still_holds(data_of(base), data_of(draft), data_of(live), data_of(merged))


def test_approval_holds_when_the_merge_only_adds_live_s_unrelated_changes():
    base = seed_text()
    live = edit(
        edit(base, "rather than a freestanding treatment", "and not a freestanding treatment"),
        "    title: The Self-Compassion Scale (validation paper, PDF)",
        "    title: The Self-Compassion Scale (validation paper)",
    )
    draft = edit(base, TRAINING, TRAINING + " and supervision")
    merged = merge_article_texts(base, live, draft).text()

    assert approval(base, live, draft, merged)


def test_approval_holds_when_only_the_draft_s_source_number_changed():
    base = seed_text()
    live = add_after(base + LIVE_SOURCE_9, FIRST, "A synthetic trial found a small effect [9].")
    draft = add_after(base + DRAFT_SOURCE_9, TRAINING, "A synthetic guide lists the exercises [9].")
    merged = merge_article_texts(base, live, draft).text()

    assert "guide lists the exercises [10]." in merged
    assert approval(base, live, draft, merged)


def test_approval_holds_when_live_already_made_one_of_the_draft_s_changes():
    base = seed_text()
    live = edit(base, "It describes a way", "It names a way")
    draft = edit(live, TRAINING, TRAINING + " and supervision")
    merged = merge_article_texts(base, live, draft).text()

    assert approval(base, live, draft, merged)


def test_approval_lapses_when_a_conflict_is_resolved_to_live_s_side():
    base = seed_text()
    live = edit(base, "It describes a way", "It names a way")
    draft = edit(edit(base, "It describes a way", "It captures a way"), TRAINING, TRAINING + " and supervision")
    merge = merge_article_texts(base, live, draft)

    assert not approval(base, live, draft, merge.text({0: "live"}))


def test_approval_lapses_when_the_merge_adds_a_change_the_submitter_never_saw():
    base = seed_text()
    draft = edit(base, TRAINING, TRAINING + " and supervision")
    merged = edit(draft, "It describes a way", "It names a way")  # edited after the approval

    assert not approval(base, base, draft, merged)


# --- property: edits to different sentences always merge, and the merge keeps every one ----------------


@functools.cache
def seed_data():
    return data_of(seed_text())


def _slots(data):
    return [
        (s, b, u)
        for s, section in enumerate(data["sections"])
        for b, block in enumerate(section["blocks"])
        for u in range(len(block["units"]))
    ]


@st.composite
def two_sided_edits(draw):
    """Edits of distinct sentences, each made on one side: reworded, re-cited, removed, or followed by a new one."""
    data = seed_data()
    slots = _slots(data)
    picked = draw(st.lists(st.integers(0, len(slots) - 1), min_size=1, max_size=10, unique=True))
    removals, edits = {}, {}
    for n, index in enumerate(picked):
        s, b, u = slots[index]
        kind = draw(st.sampled_from(["reword", "recite", "remove", "insert"]))
        if kind == "remove" and removals.get((s, b), 0) + 1 >= len(data["sections"][s]["blocks"][b]["units"]):
            kind = "reword"  # a block keeps at least one sentence
        removals[(s, b)] = removals.get((s, b), 0) + (kind == "remove")
        edits[(s, b, u)] = (draw(st.sampled_from(["live", "draft"])), kind, n)
    front = {name: draw(st.sampled_from([None, "live", "draft"])) for name in ("title", "lead")}
    return edits, front


def _apply(data, edits, front, sides):
    out = copy.deepcopy(data)
    for name, side in front.items():
        if side in sides:
            out[name] = f"{out[name]} (changed on {side})"
    for s, section in enumerate(out["sections"]):
        for b, block in enumerate(section["blocks"]):
            units = []
            for u, unit in enumerate(block["units"]):
                side, kind, n = edits.get((s, b, u), (None, None, None))
                if side not in sides:
                    units.append(unit)
                elif kind == "reword":
                    units.append({**unit, "text": f"{unit['text']}, reworded on {side} as edit {n}"})
                elif kind == "recite":
                    units.append({**unit, "provenance": [7] if unit["provenance"] == "llm" else "llm"})
                elif kind == "insert":
                    units += [unit, {**unit, "text": f"A synthetic sentence inserted on {side} as edit {n}"}]
            block["units"] = units
    return out


@settings(max_examples=80, deadline=None)
@given(two_sided_edits())
def test_edits_to_different_sentences_merge_cleanly_and_keep_every_edit(edits_and_front):
    edits, front = edits_and_front
    base = seed_data()
    live = _apply(base, edits, front, {"live"})
    draft = _apply(base, edits, front, {"draft"})

    merge = merge_article_texts(dump_article(base), dump_article(live), dump_article(draft))

    assert merge.clean
    expected = _apply(base, edits, front, {"live", "draft"})
    assert parsed(merge.text()) == expected
    assert approval_still_holds(base, draft, live, expected)
