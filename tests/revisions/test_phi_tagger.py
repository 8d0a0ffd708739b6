"""The learned tagger beside the rules (revisions/phi/detectors/tagger.py): what it adds, that it only ever holds,
that its cost is capped, that a missing model leaves the rules alone, and that the model is the one the build
script makes. Every example is invented."""

import logging

import pytest

from revisions.phi import BORDERLINE, policy, screen
from revisions.phi.detectors import tagger
from scripts import phi_tagger

# An unknown full name with nothing around it that says it is one but a ward: the rules hold the ward and leave the
# two words alone; the tagger reads them as a name.
LISTED = "Marisol Quintanar-Oduya, Ward 7"


@pytest.fixture
def rules_only():
    tagger.use(None)
    yield
    tagger.use()


@pytest.fixture
def with_tagger():
    tagger.use()
    assert tagger.available()
    yield
    tagger.use()


def _found(text, field="note", **kwargs):
    return [(f.kind, text[f.start : f.end], f.confidence, f.reason) for f in screen({field: text}, **kwargs).findings]


def test_the_rules_alone_miss_a_bare_name(rules_only):
    assert [f[:2] for f in _found(LISTED)] == [("address", "Ward 7")]


def test_the_tagger_finds_it_and_only_holds_it(with_tagger):
    found = _found(LISTED)
    assert ("name", "Marisol Quintanar-Oduya", BORDERLINE, tagger.REASON) in found
    screening = screen({"note": LISTED})
    assert {f.confidence for f in screening.findings} == {BORDERLINE}
    assert screening.verdict == "hold"  # held for an editor, never refused


def test_every_tagger_reading_is_borderline(with_tagger):
    text = "Marisol Quintanar-Oduya 14/03/1951 flat 2, 9 Quayside Row, Tobermory PA75 6NR, 07700 900461, MRN 4471902"
    candidates = tagger.find_tagged(text)
    assert candidates
    assert {c[3] for c in candidates} == {BORDERLINE}
    assert {c[4] for c in candidates} == {tagger.REASON}


def test_adjacent_tokens_of_one_label_join(with_tagger):
    assert [(c[0], c[1], c[2]) for c in tagger.find_tagged(LISTED) if c[0] == "name"] == [("name", 0, 23)]


def test_a_reading_never_crosses_a_line_or_starts_or_ends_on_punctuation(with_tagger):
    text = LISTED + "\n## Common Misconceptions\n\nThe most common error is"
    readings = tagger.find_tagged(text)
    assert readings
    for _, start, end, _, _ in readings:
        assert "\n" not in text[start:end]
        assert text[start].isalnum() and text[end - 1].isalnum()


def test_a_clinical_sentence_raises_nothing(with_tagger):
    for text in (
        "The starting dose of sertraline is 50 mg once daily, increased after two weeks if needed.",
        "Cognitive behavioural therapy remains the first-line treatment for panic disorder in adults.",
    ):
        assert _found(text) == []


def test_the_cost_cap_holds_on_100_kb(with_tagger, monkeypatch):
    seen = []
    real = tagger.features

    def counting(words, *args):
        seen.append(len(words))
        return real(words, *args)

    monkeypatch.setattr(tagger, "features", counting)
    for unit in ("Aa ", "a,", "Marisol Quintanar-Oduya, "):
        seen.clear()
        screen({"proposed_text": (unit * 100_000)[: policy.MAX_FIELD_CHARS]})
        assert seen and max(seen) <= tagger.MAX_TAGGED_TOKENS


def test_many_readings_are_listed_up_to_the_cap_and_never_refuse_a_field(with_tagger):
    # The rules leave this text alone; the tagger reads a place in every repeat, far more than MAX_FINDINGS.
    text = ("in Moss Side Moss " * 100_000)[: policy.MAX_FIELD_CHARS]
    findings = screen({"proposed_text": text}).findings
    tagged = [f for f in findings if f.reason == tagger.REASON]
    assert tagged and len(findings) <= policy.MAX_FINDINGS
    tagger.use(None)
    rules = screen({"proposed_text": text})
    tagger.use()
    if rules.verdict != "reject":
        assert screen({"proposed_text": text}).verdict == "hold"


def test_a_form_field_at_its_longest_is_tagged_whole():
    # Each token is at least one character, so the cap covers 5,000 characters whatever they are.
    assert tagger.MAX_TAGGED_TOKENS >= 5_000
    assert len(tagger.tokens("a," * 2_500)) == 5_000


def test_a_missing_model_leaves_the_rules_alone(tmp_path, caplog):
    tagger.use(tmp_path / "no-such.crfsuite")
    try:
        with caplog.at_level(logging.WARNING, logger=tagger.__name__):
            found = _found(LISTED)
        assert [f[:2] for f in found] == [("address", "Ward 7")]
        assert "rules alone" in caplog.text
        assert not tagger.available()
    finally:
        tagger.use()


def test_an_unreadable_model_leaves_the_rules_alone(tmp_path):
    broken = tmp_path / "broken.crfsuite"
    broken.write_bytes(b"not a model")
    tagger.use(broken)
    try:
        assert [f[:2] for f in _found(LISTED)] == [("address", "Ward 7")]
    finally:
        tagger.use()


def test_the_model_is_what_the_build_script_makes(tmp_path):
    built = tmp_path / "tagger.crfsuite"
    assert phi_tagger.main(["--output", str(built)]) == 0
    assert built.read_bytes() == tagger.MODEL_PATH.read_bytes()
