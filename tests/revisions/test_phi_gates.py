"""The screen spares a costly pattern when a cheap test says it cannot match: a word it needs, a character it opens
with, a code of its shape. Each such gate must be a necessary condition of its pattern, or a pattern edited later
would silently find less than it reads. Hypothesis writes texts each pattern matches, in ASCII (where the
word-list gates apply) and the few other characters that fold to ASCII letters or that the patterns spell
("’", "İ", "ı", "ſ", the Kelvin sign), and every gate must let them through."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from revisions.phi.detectors import dates, names, numbers, places

ALPHABET = st.one_of(st.characters(min_codepoint=9, max_codepoint=126), st.sampled_from("’‘“”–—°ºİıſ\u212a٣"))
# A pattern that spells the capitals and small letters of many alphabets ("[A-ZÀ-Ö…ạ-ỹ]") is written in any.
ANY = None
CHECKS = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]
)


def _has_stem(stems):
    """As the screen gates a word list: only an ASCII text is spared, where lower() folds as (?i) does."""
    return lambda text: not text.isascii() or any(stem in text.lower() for stem in stems)


def _opens_person_after(text):
    first = text.lstrip(" \t")[:1]
    return not first.isascii() or first in names._PERSON_AFTER_OPENERS


# (pattern, gate, how the caller reads the pattern[, alphabet]): every text the pattern finds something in, the gate
# admits.
GATES = {
    "national insurance labels": (numbers._NATIONAL_SSN_LABEL, _has_stem(numbers._NATIONAL_SSN_STEMS), "search"),
    "plate after its vehicle": (
        numbers._PLATE_AFTER_VEHICLE,
        lambda t: "(" in t and _has_stem(numbers._VEHICLE_STEMS)(t),
        "search",
    ),
    "plate beside a vehicle": (numbers._PLATE_BESIDE_VEHICLE, _has_stem(numbers._VEHICLE_STEMS), "search"),
    "studies and services": (places._NOT_PERSONAL_PLACE, _has_stem(places._NOT_PERSONAL_STEMS), "search"),
    "populations": (
        places._POPULATION_BEFORE,
        lambda t: not t.isascii() or not places._POPULATION_WORDS.isdisjoint(places._WORD.findall(t.lower())),
        "search",
    ),
    "town, state and ZIP": (places._CITY_STATE_ZIP, places._CITY_STATE_ZIP_GATE.search, "search"),
    "town and postcode": (places._CITY_POSTCODE, places._CITY_POSTCODE_GATE.search, "search"),
    "town and PIN": (places._PLACE_THEN_PIN, places._PIN_GATE.search, "search"),
    "outward code after a town": (places._OUTWARD_AFTER_TOWN, places._OUTWARD_GATE.search, "search"),
    "on the 3rd": (dates._ON_THE_ORDINAL, dates._ORDINAL_DIGIT_GATE.search, "search"),
    "compact dates": (dates._COMPACT_DATE, dates._EIGHT_DIGITS.search, "search"),
    "age after a name": (names._AGE_AFTER, _opens_person_after, "match"),
    "age after a comma": (names._AGE_COMMA_AFTER, _opens_person_after, "match"),
    "apposition": (names._APPOSITION_AFTER, _opens_person_after, "match"),
    "address after a name": (names._ADDRESS_AFTER, _opens_person_after, "match", ANY),
    "words in Arabic script": (names._ARABIC_WORD, names._ARABIC_GATE.search, "search", ANY),
    "Vietnamese names": (names._VIETNAMESE_NAME, names._vietnamese_gate, "search", ANY),
    "pairs of kin": (names._PAIR_OF_KIN, names._pair_of_kin_gate, "search", ANY),
    "a family's case": (names._FAMILY_CASE, names._FAMILY_CASE_GATE.search, "search", ANY),
    "who after a name": (names._WHO_AFTER, _opens_person_after, "match"),
    "clinical possessive": (names._POSSESSIVE_CLINICAL, _opens_person_after, "match"),
    "the … family": (names._THE_BEFORE, lambda t: "the" in set(names._LOWER_WORD.findall(t.lower())), "search"),
}


@pytest.mark.parametrize("name", GATES)
def test_every_text_a_gated_pattern_matches_passes_its_gate(name):
    pattern, gate, how, *alphabet = GATES[name]

    @CHECKS
    @given(st.data())
    def check(data):
        text = data.draw(st.from_regex(pattern, fullmatch=how == "match", alphabet=(alphabet or [ALPHABET])[0]))
        found = pattern.match(text) if how == "match" else pattern.search(text)
        if found:
            assert gate(text), text

    check()


def test_a_gate_that_misses_an_alternative_is_caught():
    """The check above fails for a gate missing one of its pattern's words."""
    pattern = re.compile(r"(?i)\b(?:lorry|truck|van)[ \t]+\d{3}")

    @CHECKS
    @given(st.from_regex(pattern, alphabet=ALPHABET))
    def check(text):
        assert not pattern.search(text) or _has_stem(("lorry", "truck"))(text), text

    with pytest.raises(AssertionError):
        check()
