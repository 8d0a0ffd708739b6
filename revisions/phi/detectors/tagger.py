"""A learned token tagger beside the rules: a linear-chain CRF (python-crfsuite) trained on the tuning sets by
``scripts/phi_tagger.py``, read here with exactly the features it was trained on.

Its findings are only ever borderline ("a learned tagger's reading"): it sends a suggestion to an editor, never
refuses one on its own. Bounded: at most ``MAX_TAGGED_TOKENS`` tokens of a field are tagged (the first ones),
enough for a form field at its longest (5,000 characters) whatever it is made of. The model is loaded once per
process, on first use; if its file is missing or unreadable the screen runs on its rules alone, with a warning.
"""

from __future__ import annotations

import logging
import re
from itertools import islice
from pathlib import Path

from ..findings import BORDERLINE
from ..lexicons import HERE as LEXICONS
from ..lexicons import family_names, given_names, known_authors, name_words, regions, safe_words, towns
from .places import _BUILDING_WORDS, _FACILITY_WORDS

log = logging.getLogger(__name__)

MODEL_PATH = LEXICONS / "tagger.crfsuite"
THRESHOLD = 0.9  # least probability of the tagger's label for a token to count (see docs/phi-policy.md)
MAX_TAGGED_TOKENS = 5_000  # a token is at least one character: a 5,000-character field is tagged whole
REASON = "a learned tagger's reading"
# The kinds whose readings are kept: on tuning13-15 each of these found more spans the rules missed than it raised
# clean texts; its dates (2 spans for 7 clean texts at 0.5), phone numbers (0 for 1) and links (1 for 1) did not,
# its ages over 89 read scores and blood pressures ("pt 93 mmHg") for 1-3 spans, and the rules alone already catch
# what it reads of the other kinds.
KEPT_KINDS = frozenset({"name", "address", "zip", "record_number", "biometric"})

TOKEN = re.compile(r"\w+|[^\w\s]")

# The evaluation sets' categories, as the screen's finding kinds (the tagger is trained on the kinds).
CATEGORY_KIND = {
    "name": "name",
    "address": "address",
    "zip": "zip",
    "date": "date",
    "age": "age_over_89",
    "phone": "phone",
    "fax": "phone",
    "email": "email",
    "ssn": "ssn",
    "mrn": "record_number",
    "health_plan": "record_number",
    "account": "record_number",
    "licence": "record_number",
    "other_id": "record_number",
    "vehicle": "vehicle",
    "device": "device",
    "url": "url",
    "ip": "ip",
    "biometric": "biometric",
}

_UPPER = re.compile(r"[A-Z]")
_LOWER = re.compile(r"[a-z]")
_DIGIT = re.compile(r"\d")
_RUN = re.compile(r"(.)\1{2,}")


def shape(word: str) -> str:
    """The word's shape: "Xxxx" for "Anna", "dd-dd" for "12-34"; runs longer than two are cut to two."""
    return _RUN.sub(r"\1\1", _DIGIT.sub("d", _LOWER.sub("x", _UPPER.sub("X", word))))


def tokens(text: str, limit: int | None = None) -> list[tuple[str, int, int]]:
    """(word, start, end) of each token, at most ``limit`` of them."""
    found = (m for m in TOKEN.finditer(text))
    if limit is not None:
        found = islice(found, limit)
    return [(m.group(), m.start(), m.end()) for m in found]


def _lists():
    return (
        ("given", given_names()),
        ("family", family_names()),
        ("everyday_name", name_words()),
        ("safe", safe_words()),
        ("town", towns()),
        ("region", regions()),
        ("author", known_authors()),
    )


def line_starts(text: str, found: list[tuple[str, int, int]]) -> list[bool]:
    """Whether each token is the first of its line (a heading's or a list item's first word)."""
    return [i == 0 or "\n" in text[found[i - 1][2] : start] for i, (_, start, _) in enumerate(found)]


def features(words: list[str], citation: bool = False, starts: list[bool] | None = None) -> list[list[str]]:
    """Each token's features as crfsuite attribute names (each worth 1): its own word, shape, affixes, which
    lexicons know it and whether it starts a line, and the words and shapes of three tokens before and two after it.
    Each token's own facts are computed once and reused for its neighbours."""
    lists = _lists()
    lowers = [w.lower() for w in words]
    shapes = [shape(w) for w in words]
    given, family = lists[0][1], lists[1][1]
    is_title = [w[:1].isupper() for w in words]
    own = []
    for i, (word, lower) in enumerate(zip(words, lowers)):
        f = ["bias", "w=" + lower, "s=" + shapes[i], "suf=" + lower[-3:], "pre=" + lower[:2]]
        if citation:
            f.append("cite")
        if starts and starts[i]:
            f.append("line_start")
        if word[:1].isupper() and word[1:].islower():
            f.append("title")
        if word.isupper() and len(word) > 1:
            f.append("upper")
        if word.isdigit():
            f.append("digits")
        if not word.isascii():
            f.append("not_ascii")
        f.extend(name for name, words_ in lists if lower in words_)
        own.append(f)
    n = len(words)
    if n:
        own[0].append("first")
    in_given = [lower in given for lower in lowers]
    in_family = [lower in family for lower in lowers]
    for i in range(n):
        f = own[i]
        for offset in (-3, -2, -1, 1, 2):
            j = i + offset
            if not 0 <= j < n:
                f.append(f"{offset}:none")
                continue
            f.append(f"{offset}:w={lowers[j]}")
            f.append(f"{offset}:s={shapes[j]}")
            if offset in (-1, 1):
                if is_title[j]:
                    f.append(f"{offset}:title")
                if in_given[j]:
                    f.append(f"{offset}:given")
                if in_family[j]:
                    f.append(f"{offset}:family")
    return own


def labels(case: dict, found: list[tuple[str, int, int]]) -> list[str]:
    """Each token's label in a labelled case: the kind of the span it overlaps, or "O"."""
    return [
        next((CATEGORY_KIND[s["category"]] for s in case["spans"] if start < s["end"] and end > s["start"]), "O")
        for _, start, end in found
    ]


# A named institution, building or room is for the rules to judge: they know when someone stays there ("admitted to
# Larkspur Lodge") and when it is a study's or a service's ("a psychologist at Kingsbridge University"). The words are
# the rules' own building and facility words (detectors/places.py), with a few of other languages and kinds.
_INSTITUTION_WORDS = _BUILDING_WORDS | _FACILITY_WORDS | {"universidade", "universidad", "università", "institute",
    "institut", "instituto", "society", "towarzystwa", "association", "foundation", "scale", "group"}  # fmt: skip
_WORD = re.compile(r"\w+")


def _not_a_place(text: str, start: int, end: int, places: frozenset[str]) -> bool:
    """An address reading that is a state, province or country (no identifier: the rules' own list), has no
    letter ("Room 3" read as "3"), or names an institution or a room, or stands just before such a word."""
    value = text[start:end]
    if value.lower() in places or not any(ch.isalpha() for ch in value):
        return True
    # part of a region's name: "North" of "North Carolina", "Wales" of "New South Wales"
    before = text[max(0, start - 30) : start].split()[-2:]
    after = text[end : end + 30].split()[:2]
    for lead in range(len(before) + 1):
        for tail in range(len(after) + 1):
            if (lead or tail) and " ".join(before[len(before) - lead :] + [value] + after[:tail]).lower().strip(
                ".,;:"
            ) in places:
                return True
    words = [w.lower() for w in _WORD.findall(text, max(0, start - 12), min(len(text), end + 20))]
    return bool(_INSTITUTION_WORDS.intersection(words))


_state: dict = {}


def use(model_path: Path | str | None = MODEL_PATH, threshold: float | None = None) -> None:
    """Reads the tagger from ``model_path`` (None: no tagger) on next use; for the build script and tests."""
    _state.clear()
    _state["path"] = model_path
    if threshold is not None:
        _state["threshold"] = threshold


def threshold() -> float:
    return _state.get("threshold", THRESHOLD)


def _tagger():
    if "tagger" not in _state:
        path = _state.get("path", MODEL_PATH)
        _state["tagger"] = None
        if path is not None:
            try:
                import pycrfsuite

                tagger = pycrfsuite.Tagger()
                tagger.open(str(path))
                _state["tagger"] = tagger
            except (ImportError, OSError, ValueError) as exc:
                log.warning("PHI tagger not loaded (%s: %s): screening with the rules alone", path, exc)
    return _state["tagger"]


def available() -> bool:
    return _tagger() is not None


def find_tagged(text: str, citation: bool = False, limit: int = MAX_TAGGED_TOKENS) -> list[tuple]:
    """Borderline candidates (kind, start, end, confidence, reason) where the tagger reads an identifier: a token
    whose label is not "O" with at least ``threshold()`` probability; neighbouring tokens of one label join."""
    tagger = _tagger()
    if tagger is None:
        return []
    found = tokens(text, limit)
    if not found:
        return []
    tags = tagger.tag(features([t[0] for t in found], citation, line_starts(text, found)))
    least = threshold()
    groups: list[list[int]] = []  # runs of neighbouring tokens of one kept label, never across a line break
    for i, tag in enumerate(tags):
        if tag not in KEPT_KINDS or (least > 0 and tagger.marginal(tag, i) < least):
            continue
        last = groups[-1][-1] if groups else -2
        if last == i - 1 and tags[last] == tag and "\n" not in text[found[last][2] : found[i][1]]:
            groups[-1].append(i)
        else:
            groups.append([i])
    places = regions()
    candidates = []
    for group in groups:
        while group and not any(ch.isalnum() for ch in found[group[0]][0]):
            group = group[1:]  # a reading starts and ends on a word: "## Heading" is no address
        while group and not any(ch.isalnum() for ch in found[group[-1]][0]):
            group = group[:-1]
        if not group:
            continue
        kind, start, end = tags[group[0]], found[group[0]][1], found[group[-1]][2]
        if kind == "address" and _not_a_place(text, start, end, places):
            continue
        if kind == "name" and _public_figure(text[start:end]):
            continue
        candidates.append((kind, start, end, BORDERLINE, REASON))
    return candidates


_FIGURE_KEY_BREAK = re.compile(r"[\s.]+")


def _public_figure(name: str) -> bool:
    """A public figure's full name as the lexicon lists it ("Bertha Pappenheim", "Kay Redfield Jamison's"): the rules
    leave it alone on purpose, and a reading of it as a person in care is the tagger not knowing that."""
    key = _FIGURE_KEY_BREAK.sub(" ", name.casefold()).strip()
    key = key.removesuffix("'s").removesuffix("’s")
    return " " in key and key in known_authors()
