"""Times the PHI screen on hostile and maximal inputs: CPU time per text, and for twice the length.

    .venv/bin/python scripts/phi_timing.py

Each shape is 100,000 characters (the screen's input cap); "x2 input" screens the first 50,000 and then the
whole, so that a pattern whose cost grows faster than the text shows up as a ratio well above 2. Also times
every suggestion-form field filled to its maximum length with prose, and with identifiers.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from revisions.phi import screen  # noqa: E402
from revisions.phi.policy import MAX_FIELD_CHARS  # noqa: E402

SIZE = MAX_FIELD_CHARS


def _fill(unit: str, size: int = SIZE) -> str:
    return (unit * (size // len(unit) + 1))[:size]


# Shapes that make naive patterns backtrack: runs of one character, and repeated fragments of identifiers.
SHAPES = {
    "spaces": " ",
    "digits": "1",
    "dashes": "-",
    "dots": ".",
    "at signs": "@",
    "Aa's": "Aa's ",
    "Aa's (no spaces)": "Aa's",
    "digit and space": "1 ",
    "digit and slash": "1/",
    "digit and dash": "12-",
    "capitalised words": "Aa ",
    "hyphenated capitals": "Aa-",
    "word at word": "a at ",
    "dotted words": "a. ",
    "hash numbers": "#1 ",
    "ages": "aged 95 ",
    "identifier soup": "Mr. Aa Bb 555-0134 at example dot com, 12 Aa St, MRN 4471902, DOB 3/4/1950. ",
    # Run-on text with a candidate name or place every few characters: the cost is per candidate.
    "names with nicknames": 'Bob "Al" Cd ',
    "labelled addresses": "Address: 12 Ab Cd Ef",
    "towns after locatives": "in Moss Side Moss ",
    "quoted for removal": 'Please change "Ab Cd, Ef" to ',
}


def cpu(call) -> float:
    started = time.process_time()
    call()
    return time.process_time() - started


def main() -> int:
    screen({"proposed_text": "My client Maria"})  # load the lexicons first
    print(f"{'shape':<22} {'100 kB':>9} {'50 kB':>9} {'ratio':>6}  verdict")
    worst = 0.0
    for name, unit in SHAPES.items():
        text = _fill(unit)
        full = cpu(lambda: screen({"proposed_text": text}))
        half = cpu(lambda: screen({"proposed_text": text[: SIZE // 2]}))
        verdict = screen({"proposed_text": text}).verdict
        worst = max(worst, full)
        print(f"{name:<22} {full * 1000:7.0f}ms {half * 1000:7.0f}ms {full / max(half, 1e-6):6.1f}  {verdict}")
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wiki.settings")
    django.setup()
    from revisions.forms import LIMITS

    prose = Path(ROOT / "fixtures" / "articles" / "self-compassion.md").read_text(encoding="utf-8")
    fields = {name: _fill(prose, limit) for name, limit in LIMITS.items() if name != "name"}
    form = cpu(lambda: screen(fields, citation_fields={"sources_text"}))
    dense = {name: _fill(SHAPES["identifier soup"], limit) for name, limit in LIMITS.items() if name != "name"}
    dense_cpu = cpu(lambda: screen(dense, citation_fields={"sources_text"}))
    print(f"\nevery form field at its maximum, prose:        {form * 1000:6.0f} ms")
    print(f"every form field at its maximum, identifiers:  {dense_cpu * 1000:6.0f} ms")
    print(f"slowest 100 kB text: {worst * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
