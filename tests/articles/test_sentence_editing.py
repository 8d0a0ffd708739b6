"""Sentence-by-sentence edits of article data: each one is exactly what the text format writes back."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.diff import display_text
from articles.sentence_editing import carry_keys, editable_units, sentence_apply, units_in_order
from articles.text_format import dump_article, parse_article
from tests.factories import make_article_data


@pytest.fixture
def data():
    return make_article_data(n_sections=2)


def _texts(data):
    return [display_text(u) for _, u in units_in_order(data)]


def test_editing_changes_one_sentence_and_nothing_else(data):
    before = _texts(data)
    edited, focus = sentence_apply(data, op="edit", index=2, text="A reworded synthetic claim.", provenance=[2, 1])
    after = _texts(edited)
    assert focus == 2 and after[2] == "A reworded synthetic claim."
    assert after[:2] == before[:2] and after[3:] == before[3:]
    assert units_in_order(edited)[2][1]["provenance"] == [2, 1]  # marker order as chosen
    assert _texts(data) == before  # the input is left alone


def test_a_sentence_shown_unchanged_keeps_how_it_was_written(data):
    block, unit = units_in_order(data)[0]  # the figure caption: its full stop is part of its text
    edited, _ = sentence_apply(data, op="edit", index=0, text=display_text(unit), provenance="llm")
    assert units_in_order(edited)[0][1] == unit


def test_closing_punctuation_moves_after_the_marker_as_the_format_writes_it(data):
    edited, _ = sentence_apply(data, op="edit", index=1, text="Is this a synthetic question?", provenance=[1])
    assert "Is this a synthetic question [1]?" in dump_article(edited)


def test_adding_puts_the_new_sentence_after_the_chosen_one_in_the_same_block(data):
    edited, focus = sentence_apply(data, op="add", index=1, text="A new synthetic claim.", provenance="llm")
    block, unit = units_in_order(edited)[2]
    assert focus == 2 and unit["text"] == "A new synthetic claim" and block is units_in_order(edited)[1][0]


def test_removing_the_last_sentence_of_a_block_removes_the_block(data):
    example = next(i for i, (b, _) in enumerate(units_in_order(data)) if b["kind"] == "example")
    edited, _ = sentence_apply(data, op="remove", index=example)
    assert sum(1 for b, _ in units_in_order(edited) if b["kind"] == "example") == 1  # one of the two left


@pytest.mark.parametrize(
    "kind, message",
    [("figure", "keeps at least one caption"), ("questions", "only sentence in “Tools”")],
)
def test_removals_that_would_leave_an_empty_figure_or_section_are_refused(kind, message):
    data = make_article_data(n_sections=1)
    if kind == "questions":
        tools = data["sections"][-1]
        tools["blocks"] = [b for b in tools["blocks"] if b["kind"] == "questions"]
        data["sources"] = [s for s in data["sources"]]
    index = next(i for i, (b, _) in enumerate(units_in_order(data)) if b["kind"] == kind)
    with pytest.raises(ValidationError, match=message):
        sentence_apply(data, op="remove", index=index)


def test_key_terms_and_smart_rows_keep_their_other_fields(data):
    units = editable_units(data)
    term = next(u["index"] for u in units if u["kind"] == "key_terms")
    smart = next(u["index"] for u in units if u["kind"] == "smart")
    edited, _ = sentence_apply(data, op="edit", index=term, text="a reworded definition.", provenance=[3])
    assert units_in_order(edited)[term][1]["term"] == "Synthetic term"
    edited, _ = sentence_apply(edited, op="edit", index=smart, text="A new mechanism", provenance=[1], objective="New")
    row = units_in_order(edited)[smart][1]
    assert (row["goal"], row["objective"], row["text"]) == ("Invented goal", "New", "A new mechanism")


@pytest.mark.parametrize(
    "text, provenance, message",
    [
        ("A claim [2] inside.", [1], "cannot hold a marker"),
        ("A claim.", [], "at least one source"),
        ("A claim.", [1, 1], "each source once"),
        ("A claim.", [7], "not in the article's list"),
        ("# A heading?", [1], "cannot begin with"),
        ("x" * 2001, [1], "too long"),
    ],
)
def test_edits_that_would_not_read_back_are_refused(data, text, provenance, message):
    with pytest.raises(ValidationError, match=message):
        sentence_apply(data, op="edit", index=1, text=text, provenance=provenance)


def test_carried_keys_follow_sentences_that_continue(data):
    for n, (_, unit) in enumerate(units_in_order(data), start=1):
        unit["key"] = f"u{n}"
    draft = parse_article(dump_article(data), "draft")[0]
    edited, _ = sentence_apply(
        draft, op="edit", index=3, text="Synthetic claim 2 of section 0 reworded.", provenance=[1]
    )
    edited, _ = sentence_apply(edited, op="add", index=3, text="Brand new.", provenance="llm")
    carry_keys(data, edited)
    keys = [u.get("key", "") for _, u in units_in_order(edited)]
    assert keys[:5] == ["u1", "u2", "u3", "u4", ""]  # the reworded one keeps its key; the new one has none


SAFE_TEXT = st.text(
    alphabet=st.characters(categories=["L", "N", "Zs"], exclude_characters="\u2028\u2029"), min_size=1, max_size=80
).filter(lambda t: t.strip())


@settings(max_examples=60, deadline=None)
@given(
    index=st.integers(min_value=0, max_value=9), text=SAFE_TEXT, llm=st.booleans(), op=st.sampled_from(["edit", "add"])
)
def test_any_plain_edit_is_accepted_and_survives_the_text_format_unchanged(index, text, llm, op):
    data = make_article_data(n_sections=1)  # ten sentences, one of each kind of block
    kind = units_in_order(data)[index][0]["kind"]
    if op == "add" and kind in ("key_terms", "smart"):
        with pytest.raises(ValidationError, match="Write the"):  # a new row needs its term or goal
            sentence_apply(data, op=op, index=index, text=text, provenance="llm")
        return
    edited, focus = sentence_apply(data, op=op, index=index, text=text, provenance="llm" if llm else [2])
    reparsed, _ = parse_article(dump_article(edited), "draft")
    assert _texts(reparsed) == _texts(edited)
    assert " ".join(text.split()) in _texts(edited)[focus]
