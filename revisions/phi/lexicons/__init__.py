"""Word lists the screen consults, loaded once on first use.

given_names / family_names: built by scripts/phi_lexicons.py from Philter (UCSF, BSD 3-Clause) and Faker (MIT);
given_names_extra: given names that are no English word, kept by hand;
name_words: names that are also everyday words; safe_words: Philter's safe-list of English and medical words
less any name; the rest are kept by hand. Provenance: docs/phi-policy.md.
"""

from __future__ import annotations

import gzip
import re
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _words(name: str) -> frozenset[str]:
    path = HERE / name
    raw = gzip.decompress(path.read_bytes()).decode("utf-8") if name.endswith(".gz") else path.read_text("utf-8")
    return frozenset(
        word.replace("_", " ")  # multi-word places are written with underscores
        for line in raw.splitlines()
        if not line.startswith("#")
        for word in line.split()
    )


@cache
def given_names() -> frozenset[str]:
    return _words("given_names.txt.gz") | given_names_extra()


@cache
def given_names_extra() -> frozenset[str]:
    """Given names kept by hand that are no English word: a given name even where the generated lists call it an
    everyday or a safe word ("Ahmed", "Tolu")."""
    return _words("given_names_extra.txt")


@cache
def family_names() -> frozenset[str]:
    return _words("family_names.txt.gz")


@cache
def name_words() -> frozenset[str]:
    return _words("name_words.txt") - given_names_extra()


@cache
def everyday_given_names() -> frozenset[str]:
    """The hand-kept everyday words that people are called by ("Grace", "Will", "Dawn"; name_words_extra.txt), less
    the things and places among them, which a note may say spoke too ("the bank rang", "letter said")."""
    things = set(
        """case story page book paper letter word song music dance game play ball door gate wall tower castle law
        trust money price gift treasure bank banks church hall house home street way ford bridge park parks field
        fields mills wells marsh lake hill wood woods stone rock""".split()
    )
    return _words("name_words_extra.txt") - things


@cache
def safe_words() -> frozenset[str]:
    return _words("safe_words.txt.gz") - given_names_extra()


@cache
def not_names() -> frozenset[str]:
    return _words("not_names.txt")


@cache
def known_authors() -> frozenset[str]:
    return _words("known_authors.txt")


@cache
def known_author_words() -> frozenset[str]:
    """Every word of the known authors' names: a text with none of them names no known author."""
    return frozenset(word for name in known_authors() for word in re.findall(r"[^\W\d_]+", name))


@cache
def regions() -> frozenset[str]:
    return _words("regions.txt")


@cache
def country_names() -> frozenset[str]:
    return _words("country_names.txt")


@cache
def cities() -> frozenset[str]:
    return _words("cities.txt")


@cache
def towns() -> frozenset[str]:
    """Towns and cities from GeoNames (CC BY 4.0), lower case; built by scripts/phi_places.py; with the local names
    of large cities that GeoNames gives in English (town_endonyms.txt, kept by hand)."""
    return _words("towns.txt.gz") | _words("town_endonyms.txt")
