"""Builds the PHI screen's labelled evaluation sets from hand-written markup and templates.

    .venv/bin/python scripts/phi_cases.py

Writes ``revisions/phi_eval/cases.jsonl`` (the tuning set), ``revisions/phi_eval/holdout.jsonl`` (the
held-apart set, never used for tuning), and from the second round of hand-written markup, in other phrasing,
``tuning2.jsonl`` (tuned on) and ``holdout2.jsonl`` (never tuned on), and from a third round written by someone
who had not seen the screen and split at random, ``tuning3.jsonl`` and ``holdout3.jsonl``, and from a fourth round
by such a writer, all of it tuned on, ``tuning4.jsonl``, and from a fifth round by another such writer, split at
random, ``tuning5.jsonl`` and ``holdout4.jsonl``, and from a sixth round by another such writer, split at random,
``tuning6.jsonl`` and ``holdout5.jsonl``, and from a seventh, ``tuning7.jsonl`` and ``holdout6.jsonl``, and
from an eighth, wholly held apart, ``holdout7.jsonl``, and from a ninth, all of it tuned on, ``tuning8.jsonl``, and
from a tenth, wholly held apart, ``holdout8.jsonl``, and from an eleventh, all of it tuned on, ``tuning9.jsonl``,
and from a twelfth, wholly held apart, ``holdout9.jsonl``, and from a thirteenth, clean lines only, all of it
tuned on, ``tuning10.jsonl``, and from a fourteenth, all of it tuned on, ``tuning11.jsonl``, and from a
fifteenth, clean lines only, split at random, ``tuning12.jsonl`` (40%) and ``holdout10.jsonl`` (60%, never tuned
on), and from a sixteenth, identifiers and clean lines, split at random, ``tuning13.jsonl`` (40%) and
``holdout11.jsonl`` (60%, never tuned on), and from a seventeenth, identifiers and clean lines, split at random,
``tuning14.jsonl`` (40%) and ``holdout12.jsonl`` (60%, never tuned on), and from an eighteenth, likewise,
``tuning15.jsonl`` (40%) and ``holdout13.jsonl`` (60%, never tuned on), and from a nineteenth, likewise,
``tuning16.jsonl`` (40%) and ``holdout14.jsonl`` (60%, never tuned on), and from a twentieth, likewise,
``tuning17.jsonl`` (40%) and ``holdout15.jsonl`` (60%, never tuned on), and from a twenty-first, likewise,
``tuning18.jsonl`` (40%) and ``holdout16.jsonl`` (60%, never tuned on), and from a twenty-second, likewise,
``tuning19.jsonl`` (40%) and ``holdout17.jsonl`` (60%, never tuned on), and from a twenty-third, likewise,
``tuning20.jsonl`` (40%) and ``holdout18.jsonl`` (60%, never tuned on), and from a twenty-fourth, likewise,
``tuning21.jsonl`` (40%) and ``holdout19.jsonl`` (60%, never tuned on), and from a twenty-fifth, likewise,
``tuning22.jsonl`` (40%) and ``holdout20.jsonl`` (60%, never tuned on). All are deterministic: the same sources
give the same files.

Markup: one case per line; ``{{category|value}}`` marks an identifier; a leading ``[note]`` or ``[sources]``
names the field (default: proposed text); ``\\n`` is a line break inside a case; ``#`` starts a comment line.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

EVAL_DIR = ROOT / "revisions" / "phi_eval"

# Safe Harbor identifier categories a text can carry (45 CFR 164.514(b)(2)(i) A-R; photographs (Q) cannot be).
CATEGORIES = {
    "name": "A names (people, relatives, employers)",
    "address": "B street address, city or other place smaller than a state",
    "zip": "B ZIP code or postcode",
    "date": "C date (other than a year) tied to a person",
    "age": "C age over 89",
    "phone": "D telephone number",
    "fax": "E fax number",
    "email": "F email address",
    "ssn": "G Social Security number",
    "mrn": "H medical record or hospital number",
    "health_plan": "I health-plan, insurance, member or claim number",
    "account": "J account, card or bank number",
    "licence": "K certificate or licence number",
    "vehicle": "L vehicle identifier or licence plate",
    "device": "M device identifier or serial number",
    "url": "N personal URL or handle",
    "ip": "O IP address",
    "biometric": "P biometric identifier",
    "other_id": "R any other unique identifying number or code",
}
FIELDS = {"": "proposed_text", "note": "note", "sources": "sources_text"}
_MARK = re.compile(r"\{\{(\w+)\|(.+?)\}\}")
_FIELD = re.compile(r"^\[(note|sources)\]\s*")


class MarkupError(ValueError):
    pass


def parse_markup(line: str, case_id: str, origin: str) -> dict:
    """One case from one markup line: the plain text, its field, and each identifier's span and category."""
    field = ""
    m = _FIELD.match(line)
    if m:
        field, line = m.group(1), line[m.end() :]
    line = line.replace("\\n", "\n")
    text, spans, last = [], [], 0
    length = 0
    for mark in _MARK.finditer(line):
        category, value = mark.group(1), mark.group(2)
        if category not in CATEGORIES:
            raise MarkupError(f"{case_id}: unknown category {category!r}")
        before = line[last : mark.start()]
        text.append(before)
        length += len(before)
        spans.append({"start": length, "end": length + len(value), "category": category})
        text.append(value)
        length += len(value)
        last = mark.end()
    text.append(line[last:])
    plain = "".join(text)
    if "{{" in plain or "}}" in plain:
        raise MarkupError(f"{case_id}: unbalanced markup")
    return {"id": case_id, "field": FIELDS[field], "text": plain, "spans": spans, "origin": origin}


def read_markup(path: Path, prefix: str) -> list[dict]:
    cases = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        cases.append(parse_markup(line, f"{prefix}-{number:04d}", "written"))
    return cases


def write_jsonl(path: Path, cases: list[dict]) -> None:
    ids = [c["id"] for c in cases]
    if len(ids) != len(set(ids)):
        raise MarkupError(f"{path.name}: duplicate case ids")
    with path.open("w", encoding="utf-8") as fh:
        for case in cases:
            fh.write(json.dumps(case, ensure_ascii=False) + "\n")


def build_holdout() -> list[dict]:
    from scripts.phi_cases_holdout import generated_cases

    written = read_markup(EVAL_DIR / "holdout_written.txt", "hw")
    return written + generated_cases()


def build_holdout2() -> list[dict]:
    return read_markup(EVAL_DIR / "holdout2_written.txt", "h2w")


def build_holdout3() -> list[dict]:
    return read_markup(EVAL_DIR / "holdout3_written.txt", "h3w")


def build_tuning3() -> list[dict]:
    return read_markup(EVAL_DIR / "tuning3_written.txt", "t3w")


def build_tuning4() -> list[dict]:
    return read_markup(EVAL_DIR / "tuning4_written.txt", "t4w")


def build_tuning5() -> list[dict]:
    return read_markup(EVAL_DIR / "tuning5_written.txt", "t5w")


def build_holdout4() -> list[dict]:
    return read_markup(EVAL_DIR / "holdout4_written.txt", "h4w")


def build_tuning6() -> list[dict]:
    return read_markup(EVAL_DIR / "tuning6_written.txt", "t6w")


def build_holdout5() -> list[dict]:
    return read_markup(EVAL_DIR / "holdout5_written.txt", "h5w")


def build_tuning7() -> list[dict]:
    return read_markup(EVAL_DIR / "tuning7_written.txt", "t7w")


def build_tuning8() -> list[dict]:
    return read_markup(EVAL_DIR / "tuning8_written.txt", "t8w")


def build_tuning9() -> list[dict]:
    return read_markup(EVAL_DIR / "tuning9_written.txt", "t9w")


def build_tuning10() -> list[dict]:
    return read_markup(EVAL_DIR / "tuning10_written.txt", "t10w")


def build_tuning11() -> list[dict]:
    return read_markup(EVAL_DIR / "tuning11_written.txt", "t11w")


def build_tuning12() -> list[dict]:
    return read_markup(EVAL_DIR / "tuning12_written.txt", "t12w")


def build_tuning13() -> list[dict]:
    return read_markup(EVAL_DIR / "tuning13_written.txt", "t13w")


def build_tuning14() -> list[dict]:
    return read_markup(EVAL_DIR / "tuning14_written.txt", "t14w")


def build_tuning15() -> list[dict]:
    return read_markup(EVAL_DIR / "tuning15_written.txt", "t15w")


def build_tuning16() -> list[dict]:
    return read_markup(EVAL_DIR / "tuning16_written.txt", "t16w")


def build_tuning17() -> list[dict]:
    return read_markup(EVAL_DIR / "tuning17_written.txt", "t17w")


def build_tuning18() -> list[dict]:
    return read_markup(EVAL_DIR / "tuning18_written.txt", "t18w")


def build_tuning19() -> list[dict]:
    return read_markup(EVAL_DIR / "tuning19_written.txt", "t19w")


def build_tuning20() -> list[dict]:
    return read_markup(EVAL_DIR / "tuning20_written.txt", "t20w")


def build_tuning21() -> list[dict]:
    return read_markup(EVAL_DIR / "tuning21_written.txt", "t21w")


def build_tuning22() -> list[dict]:
    return read_markup(EVAL_DIR / "tuning22_written.txt", "t22w")


def build_holdout6() -> list[dict]:
    return read_markup(EVAL_DIR / "holdout6_written.txt", "h6w")


def build_holdout7() -> list[dict]:
    return read_markup(EVAL_DIR / "holdout7_written.txt", "h7w")


def build_holdout8() -> list[dict]:
    return read_markup(EVAL_DIR / "holdout8_written.txt", "h8w")


def build_holdout9() -> list[dict]:
    return read_markup(EVAL_DIR / "holdout9_written.txt", "h9w")


def build_holdout10() -> list[dict]:
    return read_markup(EVAL_DIR / "holdout10_written.txt", "h10w")


def build_holdout11() -> list[dict]:
    return read_markup(EVAL_DIR / "holdout11_written.txt", "h11w")


def build_holdout12() -> list[dict]:
    return read_markup(EVAL_DIR / "holdout12_written.txt", "h12w")


def build_holdout13() -> list[dict]:
    return read_markup(EVAL_DIR / "holdout13_written.txt", "h13w")


def build_holdout14() -> list[dict]:
    return read_markup(EVAL_DIR / "holdout14_written.txt", "h14w")


def build_holdout15() -> list[dict]:
    return read_markup(EVAL_DIR / "holdout15_written.txt", "h15w")


def build_holdout16() -> list[dict]:
    return read_markup(EVAL_DIR / "holdout16_written.txt", "h16w")


def build_holdout17() -> list[dict]:
    return read_markup(EVAL_DIR / "holdout17_written.txt", "h17w")


def build_holdout18() -> list[dict]:
    return read_markup(EVAL_DIR / "holdout18_written.txt", "h18w")


def build_holdout19() -> list[dict]:
    return read_markup(EVAL_DIR / "holdout19_written.txt", "h19w")


def build_holdout20() -> list[dict]:
    return read_markup(EVAL_DIR / "holdout20_written.txt", "h20w")


def build_tuning2() -> list[dict]:
    path = EVAL_DIR / "tuning2_written.txt"
    return read_markup(path, "t2w") if path.exists() else []


def build_tuning() -> list[dict]:
    from scripts.phi_cases_tuning import generated_cases, seed_cases

    written = read_markup(EVAL_DIR / "tuning_written.txt", "tw")
    earlier = read_markup(EVAL_DIR / "tuning_earlier.txt", "te")
    return written + earlier + generated_cases() + seed_cases()


def main(argv: list[str] | None = None) -> int:
    holdout = build_holdout()
    write_jsonl(EVAL_DIR / "holdout.jsonl", holdout)
    print(f"holdout.jsonl: {len(holdout)} cases")
    holdout2 = build_holdout2()
    write_jsonl(EVAL_DIR / "holdout2.jsonl", holdout2)
    print(f"holdout2.jsonl: {len(holdout2)} cases")
    for name, build in (
        ("tuning3.jsonl", build_tuning3),
        ("holdout3.jsonl", build_holdout3),
        ("tuning4.jsonl", build_tuning4),
        ("tuning5.jsonl", build_tuning5),
        ("holdout4.jsonl", build_holdout4),
        ("tuning6.jsonl", build_tuning6),
        ("holdout5.jsonl", build_holdout5),
        ("tuning7.jsonl", build_tuning7),
        ("holdout6.jsonl", build_holdout6),
        ("holdout7.jsonl", build_holdout7),
        ("tuning8.jsonl", build_tuning8),
        ("holdout8.jsonl", build_holdout8),
        ("holdout9.jsonl", build_holdout9),
        ("holdout10.jsonl", build_holdout10),
        ("holdout11.jsonl", build_holdout11),
        ("holdout12.jsonl", build_holdout12),
        ("holdout13.jsonl", build_holdout13),
        ("holdout14.jsonl", build_holdout14),
        ("holdout15.jsonl", build_holdout15),
        ("holdout16.jsonl", build_holdout16),
        ("holdout17.jsonl", build_holdout17),
        ("holdout18.jsonl", build_holdout18),
        ("holdout19.jsonl", build_holdout19),
        ("holdout20.jsonl", build_holdout20),
        ("tuning9.jsonl", build_tuning9),
        ("tuning10.jsonl", build_tuning10),
        ("tuning11.jsonl", build_tuning11),
        ("tuning12.jsonl", build_tuning12),
        ("tuning13.jsonl", build_tuning13),
        ("tuning14.jsonl", build_tuning14),
        ("tuning15.jsonl", build_tuning15),
        ("tuning16.jsonl", build_tuning16),
        ("tuning17.jsonl", build_tuning17),
        ("tuning18.jsonl", build_tuning18),
        ("tuning19.jsonl", build_tuning19),
        ("tuning20.jsonl", build_tuning20),
        ("tuning21.jsonl", build_tuning21),
        ("tuning22.jsonl", build_tuning22),
    ):
        cases = build()
        write_jsonl(EVAL_DIR / name, cases)
        print(f"{name}: {len(cases)} cases")
    tuning2 = build_tuning2()
    if tuning2:
        write_jsonl(EVAL_DIR / "tuning2.jsonl", tuning2)
        print(f"tuning2.jsonl: {len(tuning2)} cases")
    try:
        tuning = build_tuning()
    except ModuleNotFoundError as error:
        print(f"cases.jsonl not rebuilt: {error}")
        return 0
    write_jsonl(EVAL_DIR / "cases.jsonl", tuning)
    print(f"cases.jsonl: {len(tuning)} cases")
    return 0


if __name__ == "__main__":
    sys.exit(main())
