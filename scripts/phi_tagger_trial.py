"""A trial of a learned tagger beside the PHI screen: what would a CRF trained on the tuning sets add on the
held-apart sets? It measured whether the screen should read one; the screen now does (scripts/phi_tagger.py builds
it, revisions/phi/detectors/tagger.py reads it), and this trial uses the same features and training.

    .venv/bin/python scripts/phi_tagger_trial.py [--threshold 0.0]

Trains a linear-chain CRF (python-crfsuite) on every tuning set, never a held-apart one, with the features of
revisions/phi/detectors/tagger.py: each token's word, shape, affixes, whether the screen's lexicons know it as a
given name, surname, everyday-word name, safe word, town or region, and the same for its neighbours. Then prints,
for each held-apart set with identifiers and for held apart 10 (clean prose), span recall, single-identifier cases
and clean texts raised by the screen alone, by the tagger alone, and by the two together (a token the tagger gives
any label with at least --threshold probability counts as found). Aggregates only: no held-apart text is printed.
Training takes about two minutes. "screen" here is the rules alone (the screen's own tagger switched off).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from revisions.phi import screen  # noqa: E402
from revisions.phi.detectors import tagger as phi_tagger  # noqa: E402
from scripts.phi_eval import CITATION_FIELDS, EVAL_DIR, load_cases  # noqa: E402
from scripts.phi_tagger import train, tuning_sets  # noqa: E402

HELD_APART_WITH_IDENTIFIERS = [
    "holdout20",
    "holdout19",
    "holdout18",
    "holdout17",
    "holdout16",
    "holdout15",
    "holdout14",
    "holdout13",
    "holdout12",
    "holdout11",
    "holdout9",
    "holdout8",
    "holdout7",
]
HELD_APART_CLEAN = ["holdout10"]


def _caught(text, span, found):
    value = text[span["start"] : span["end"]]
    chars = [span["start"] + i for i, ch in enumerate(value) if ch.isalnum()]
    inside = sum(1 for i in chars if any(start <= i < end for start, end in found))
    return bool(chars) and inside * 2 >= len(chars)


def measure(cases, tagger, threshold):
    """{variant: (spans caught, spans, single caught, single, clean raised, clean)} for screen, tagger, both."""
    totals = {variant: [0, 0, 0, 0, 0, 0] for variant in ("screen", "tagger", "both")}
    for case in cases:
        text = case["text"]
        citation_fields = {"sources_text"} if case["field"] == "sources_text" else set()
        by_screen = [(f.start, f.end) for f in screen({case["field"]: text}, citation_fields=citation_fields).findings]
        tokens = phi_tagger.tokens(text)
        by_tagger = []
        if tokens:
            words, citation = [t[0] for t in tokens], case["field"] in CITATION_FIELDS
            tags = tagger.tag(phi_tagger.features(words, citation, phi_tagger.line_starts(text, tokens)))
            by_tagger = [
                (start, end)
                for i, ((_, start, end), tag) in enumerate(zip(tokens, tags))
                if tag != "O" and 1 - tagger.marginal("O", i) >= threshold
            ]
        for variant, found in (("screen", by_screen), ("tagger", by_tagger), ("both", by_screen + by_tagger)):
            row = totals[variant]
            if not case["spans"]:
                row[4] += bool(found)
                row[5] += 1
                continue
            caught = [_caught(text, span, found) for span in case["spans"]]
            row[0] += sum(caught)
            row[1] += len(caught)
            if len(caught) == 1:
                row[2] += caught[0]
                row[3] += 1
    return totals


def _pct(part, whole):
    return f"{100 * part / whole:5.1f} %" if whole else "    —  "


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=0.0, help="least probability of a tagger's label")
    args = parser.parse_args(argv)
    try:
        import pycrfsuite
    except ImportError:
        print("python-crfsuite is not installed: .venv/bin/pip install python-crfsuite")
        return 1
    tuning = [case for cases in tuning_sets().values() for case in cases]
    phi_tagger.use(None)  # "screen" is the rules alone: the screen's own tagger is what this trial measures
    with tempfile.TemporaryDirectory() as tmp:
        model_path = str(Path(tmp) / "tagger.crfsuite")
        train(tuning, model_path)
        tagger = pycrfsuite.Tagger()
        tagger.open(model_path)
        print(f"Trained on {len(tuning)} tuning cases. Threshold {args.threshold}.")
        print(f"{'set':<12} {'variant':<7} {'spans':>17} {'single cases':>17} {'clean raised':>17}")
        for name in HELD_APART_WITH_IDENTIFIERS + HELD_APART_CLEAN:
            totals = measure(load_cases(EVAL_DIR / f"{name}.jsonl"), tagger, args.threshold)
            for variant, (caught, spans, single_caught, single, raised, clean) in totals.items():
                print(
                    f"{name:<12} {variant:<7} {caught:>5}/{spans:<4} {_pct(caught, spans)} "
                    f"{single_caught:>5}/{single:<4} {_pct(single_caught, single)} "
                    f"{raised:>5}/{clean:<4} {_pct(raised, clean)}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
