"""Builds the PHI screen's learned tagger, ``revisions/phi/lexicons/tagger.crfsuite``, from the tuning sets only.

    .venv/bin/python scripts/phi_tagger.py              # trains on cases.jsonl and every tuning*.jsonl
    .venv/bin/python scripts/phi_tagger.py --validate   # trains without tuning13-15 and measures on them

A linear-chain CRF (python-crfsuite, L-BFGS with fixed parameters): the features are those of
``revisions/phi/detectors/tagger.py``, which the screen reads the model with, and each token's label is the
screen's finding kind of the labelled span it overlaps, or "O". The same sets give the same file. ``--validate``
trains on every tuning set but the three newest writers' (tuning13, tuning14, tuning15) and prints, for each
threshold, span recall and clean texts raised on those three: by the screen alone and by the screen with the
tagger, in prose fields only and also in citation fields. It never opens a held-apart set.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from revisions.phi import policy, screen  # noqa: E402
from revisions.phi.detectors import tagger  # noqa: E402
from scripts.phi_eval import CITATION_FIELDS, EVAL_DIR, load_cases  # noqa: E402

VALIDATION = ["tuning13", "tuning14", "tuning15"]
PARAMS = {"c1": 0.1, "c2": 0.05, "max_iterations": 150, "feature.possible_transitions": True}


def tuning_sets() -> dict[str, list[dict]]:
    """Every tuning set by name, in a fixed order: cases.jsonl, then tuning2.jsonl, tuning3.jsonl… by number."""
    paths = [EVAL_DIR / "cases.jsonl"] + sorted(
        EVAL_DIR.glob("tuning*.jsonl"), key=lambda p: int(p.stem.removeprefix("tuning"))
    )
    return {path.stem: load_cases(path) for path in paths}


def train(cases: list[dict], model_path: Path | str) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for case in cases:
        found = tagger.tokens(case["text"])
        if found:
            words = [t[0] for t in found]
            citation = case["field"] in CITATION_FIELDS
            starts = tagger.line_starts(case["text"], found)
            trainer.append(tagger.features(words, citation, starts), tagger.labels(case, found))
    trainer.set_params(PARAMS)
    trainer.train(str(model_path))


def _caught(text: str, span: dict, found: list[tuple[int, int]]) -> bool:
    chars = [span["start"] + i for i, ch in enumerate(text[span["start"] : span["end"]]) if ch.isalnum()]
    inside = sum(1 for i in chars if any(start <= i < end for start, end in found))
    return bool(chars) and inside * 2 >= len(chars)


def measure(cases: list[dict]) -> tuple[int, int, int, int]:
    """(spans caught, spans, clean texts raised, clean texts) by the screen as it is configured."""
    caught = spans = raised = clean = 0
    for case in cases:
        citation = {case["field"]} & CITATION_FIELDS
        found = [(f.start, f.end) for f in screen({case["field"]: case["text"]}, citation_fields=citation).findings]
        if not case["spans"]:
            clean += 1
            raised += bool(found)
            continue
        spans += len(case["spans"])
        caught += sum(_caught(case["text"], span, found) for span in case["spans"])
    return caught, spans, raised, clean


def _row(label: str, figures: tuple[int, int, int, int]) -> str:
    caught, spans, raised, clean = figures
    return (
        f"{label:<26} {caught:>5}/{spans:<5} {100 * caught / spans:5.1f} %   "
        f"{raised:>4}/{clean:<4} {100 * raised / clean:5.1f} %"
    )


def validate(sets: dict[str, list[dict]], thresholds: list[float]) -> None:
    train_cases = [case for name, cases in sets.items() if name not in VALIDATION for case in cases]
    held = [case for name in VALIDATION for case in sets[name]]
    with tempfile.TemporaryDirectory() as tmp:
        model = Path(tmp) / "tagger.crfsuite"
        train(train_cases, model)
        print(f"Trained on {len(train_cases)} cases; measured on {', '.join(VALIDATION)} ({len(held)} cases).")
        print(f"{'variant':<26} {'spans':>19}   {'clean raised':>17}")
        tagger.use(None)
        print(_row("screen alone", measure(held)))
        for cite in (False, True):
            policy.TAG_CITATIONS = cite
            for least in thresholds:
                tagger.use(model, least)
                print(_row(f"tagger >= {least:.2f}{' +cite' if cite else ''}", measure(held)))
        policy.TAG_CITATIONS = False
        tagger.use()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--validate", action="store_true", help="train without tuning13-15 and measure on them")
    parser.add_argument("--thresholds", default="0,0.4,0.5,0.6,0.7,0.8,0.9")
    parser.add_argument("--output", type=Path, default=tagger.MODEL_PATH)
    args = parser.parse_args(argv)
    sets = tuning_sets()
    if args.validate:
        validate(sets, [float(t) for t in args.thresholds.split(",")])
        return 0
    cases = [case for cases in sets.values() for case in cases]
    train(cases, args.output)
    print(f"Trained on {len(cases)} tuning cases: {args.output} ({args.output.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
