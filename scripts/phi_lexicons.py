"""Rebuilds the PHI screen's name lexicons in revisions/phi/lexicons/ from their published sources.

    .venv/bin/pip install faker==40.63.0
    .venv/bin/pip download --no-deps --no-binary :all: philter-ucsf==1.0.3 -d /tmp/philter
    apt-get install wamerican        # /usr/share/dict/words, SCOWL's American English word list
    .venv/bin/python scripts/phi_lexicons.py /tmp/philter/philter_ucsf-1.0.3.tar.gz

Sources (see docs/phi-policy.md, "Name lexicons"):
- Philter (UCSF, BSD 3-Clause): its first-name and last-name blacklists, with false positives already removed
  by its authors, and its safe-list of English and medical words from which names were removed.
- Faker (MIT): the first and last names of every Latin-script person provider (about 60 locales), for names
  that a US-derived list lacks.
- SCOWL's American English word list (Debian's wamerican; permissive SCOWL licence), lower-case entries only:
  Philter's safe-list had names taken out, so words such as "honesty" or "grace" are found here instead.

Writes given_names.txt.gz and family_names.txt.gz (names that are not everyday words), name_words.txt (names that
are also everyday words, such as "Hope" or "Park": these count as names only in a person context) and
safe_words.txt.gz (Philter's safe-list of English and medical words, less any name: a capitalised word found
there is an ordinary word, not a name).
Hand-kept lists in the same folder (name_words_extra.txt, not_names.txt, known_authors.txt, regions.txt,
cities.txt) are read, never written.
"""

from __future__ import annotations

import gzip
import importlib
import json
import pkgutil
import re
import sys
import tarfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "revisions" / "phi" / "lexicons"
DICTIONARY = Path("/usr/share/dict/words")
LATIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-ſƀ-ɏḀ-ỿ'’-]{2,}")


def _philter_lists(sdist: Path) -> tuple[set[str], set[str], set[str]]:
    members = {
        "first": "philter_ucsf/filters/blacklists/firstnames_minus_fps.json",
        "last": "philter_ucsf/filters/blacklists/lastnames_minus_fps.json",
        "safe": "philter_ucsf/filters/whitelists/whitelist_plus_fps_091718_nonames.json",
    }
    found = {}
    with tarfile.open(sdist) as tar:
        for member in tar.getmembers():
            for key, suffix in members.items():
                if member.name.endswith(suffix):
                    found[key] = set(json.load(tar.extractfile(member)))
    return found["first"], found["last"], found["safe"]


def _faker_lists() -> tuple[set[str], set[str]]:
    import faker.providers.person as people

    first, last = set(), set()
    for module_info in pkgutil.iter_modules(people.__path__):
        provider = getattr(importlib.import_module(f"{people.__name__}.{module_info.name}"), "Provider", None)
        for attr in dir(provider) if provider else ():
            values = getattr(provider, attr, None)
            if not isinstance(values, (list, tuple, set, frozenset, dict)):
                continue
            target = first if attr.startswith("first_") else last if attr.startswith("last_") else None
            if target is None:
                continue
            for value in values:
                for part in str(value).split():  # "De la Cruz", "Mary Ann": each part is a name word
                    target.add(part)
    return first, last


def _norm(word: str) -> str | None:
    word = word.strip().replace("’", "'").lower()
    return word if LATIN.fullmatch(word) else None


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    p_first, p_last, safe = _philter_lists(Path(argv[0]))
    f_first, f_last = _faker_lists()
    first = {n for n in map(_norm, p_first | f_first) if n}
    last = {n for n in map(_norm, p_last | f_last) if n}
    extra = [
        w
        for line in (OUT / "name_words_extra.txt").read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
        for w in line.split()
    ]
    dictionary = (
        {w for w in DICTIONARY.read_text(encoding="utf-8").split() if w.islower()} if DICTIONARY.exists() else set()
    )
    everyday = ((first | last) & (safe | dictionary)) | {w.lower() for w in extra}
    plain = {w for w in safe if re.fullmatch(r"[a-z][a-z'-]{1,24}", w)} - everyday - first - last
    outputs = (
        ("given_names.txt.gz", first - everyday),
        ("family_names.txt.gz", last - everyday),
        ("safe_words.txt.gz", plain),
    )
    for name, words in outputs:
        data = ("\n".join(sorted(words)) + "\n").encode("utf-8")
        (OUT / name).write_bytes(gzip.compress(data, compresslevel=9, mtime=0))  # byte-identical rebuilds
    (OUT / "name_words.txt").write_text(
        "# Names that are also everyday words: a name only where a person context says so. Built by\n"
        "# scripts/phi_lexicons.py; add words to name_words_extra.txt, not here.\n"
        + "\n".join(sorted(everyday & (first | last | set(extra))))
        + "\n",
        encoding="utf-8",
    )
    print(
        f"given {len(first - everyday)}, family {len(last - everyday)}, everyday-word names {len(everyday)}, "
        f"safe words {len(plain)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
