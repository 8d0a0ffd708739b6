"""Measures what each library the PHI screen relies on adds, by switching it off and re-running the evaluation.

    .venv/bin/python scripts/phi_ablation.py

Rows: the full screen; without the name lexicons (given names, surnames, name-words, safe words); without
python-stdnum's checksummed numbers; without PhoneNumberMatcher (phone-shaped patterns alone); and, when they
are installed, with two address libraries the screen does not use: usaddress extending each street over the
unit after it, and pyap's address detector added. Figures are over both sets, held-apart included.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from revisions.phi.detectors import contact, names, numbers, places  # noqa: E402
from scripts.phi_eval import HOLDOUT, TUNING, evaluate, load_cases  # noqa: E402

FOCUS = {
    "lexicons": ["name"],
    "usaddress": ["address"],
    "stdnum": ["account", "other_id", "device"],
    "matcher": ["phone", "fax"],
    "pyap": ["address", "zip"],
}


@contextmanager
def _without_lexicons():
    empty = frozenset()
    with mock.patch.multiple(
        names, given_names=lambda: empty, family_names=lambda: empty, name_words=lambda: empty, safe_words=lambda: empty
    ):
        yield


@contextmanager
def _with_usaddress():
    import usaddress

    real = places.find_addresses

    def extended(text, low, words):
        for kind, start, end, confidence, reason in real(text, low, words):
            if reason == "street address":
                window, last = text[start : end + 40], end - start
                pos = 0
                for token, label in usaddress.parse(window):
                    found = window.find(token, pos)
                    pos = found + len(token)
                    if found >= end - start:
                        if label not in (
                            "OccupancyType",
                            "OccupancyIdentifier",
                            "SubaddressType",
                            "SubaddressIdentifier",
                        ):
                            break
                        last = pos
                end = start + last
            yield kind, start, end, confidence, reason

    with mock.patch("revisions.phi.policy.find_addresses", extended):
        yield


@contextmanager
def _without_stdnum():
    with mock.patch.object(numbers, "_checksummed", lambda text: iter(())):
        yield


@contextmanager
def _without_matcher():
    class NoMatches:
        def __init__(self, *args, **kwargs):
            pass

        def __iter__(self):
            return iter(())

    with mock.patch.object(contact.phonenumbers, "PhoneNumberMatcher", NoMatches):
        yield


@contextmanager
def _with_pyap():
    import pyap

    real = places.find_addresses

    def with_pyap(text, low, words):
        yield from real(text, low, words)
        for country in ("US", "CA", "GB"):
            for address in pyap.parse(text, country=country):
                value = address.full_address
                start = text.find(value)
                if start >= 0:
                    yield "address", start, start + len(value), "borderline", "pyap"

    with mock.patch("revisions.phi.policy.find_addresses", with_pyap):
        yield


@contextmanager
def _as_is():
    yield


VARIANTS = {
    "full screen": (_as_is, None),
    "without name lexicons": (_without_lexicons, "lexicons"),
    "without python-stdnum": (_without_stdnum, "stdnum"),
    "without PhoneNumberMatcher": (_without_matcher, "matcher"),
    "with usaddress units": (_with_usaddress, "usaddress"),
    "with pyap added": (_with_pyap, "pyap"),
}


def main() -> int:
    cases = load_cases(TUNING) + load_cases(HOLDOUT)
    print(f"{'variant':<28} {'all spans':>9} {'refused':>8} {'focus categories':<44} {'clean FP':>8}")
    for name, (switch, focus) in VARIANTS.items():
        try:
            with switch():
                report = evaluate(cases)
        except ModuleNotFoundError as missing:
            print(f"{name:<28} not measured: {missing.name} is not installed")
            continue
        categories = FOCUS.get(focus, [])
        detail = ", ".join(f"{c} {report.recall(c):.1%}" for c in categories)
        refused = report.phi_rejected / report.phi_cases
        print(f"{name:<28} {report.recall():>9.1%} {refused:>8.1%} {detail:<44} {report.clean_fp_rate:>8.2%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
