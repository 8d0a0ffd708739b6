"""A trial of a learned tagger beside the PHI screen: what would a CRF trained on the tuning sets add on the
held-apart sets? Not used by the screen; it measures whether one should be.

    .venv/bin/pip install python-crfsuite    # not a dependency of the wiki: only this trial uses it
    .venv/bin/python scripts/phi_tagger_trial.py [--threshold 0.0]

Trains a linear-chain CRF (python-crfsuite) on every tuning set, never a held-apart one: each token is
described by its word, shape, affixes, whether the screen's lexicons know it as a given name, surname,
everyday-word name, safe word, town or region, and the same for its neighbours. Then prints, for each
held-apart set with identifiers and for held apart 10 (clean prose), span recall, single-identifier cases and
clean texts raised by the screen alone, by the tagger alone, and by the two together (a token the tagger gives
any label with at least --threshold probability counts as found). Aggregates only: no held-apart text is printed.
Training takes about two minutes; its features cost about 4 s of CPU per 100 kB in Python, which the screen's
bound (well under a second) would not allow as it is.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from revisions.phi import lexicons, screen  # noqa: E402
from scripts.phi_eval import EVAL_DIR, load_cases  # noqa: E402

TOKEN = re.compile(r"\w+|[^\w\s]")
HELD_APART_WITH_IDENTIFIERS = ["holdout13", "holdout12", "holdout11", "holdout9", "holdout8", "holdout7"]
HELD_APART_CLEAN = ["holdout10"]


def _shape(word: str) -> str:
    shape = re.sub(r"\d", "d", re.sub(r"[a-z]", "x", re.sub(r"[A-Z]", "X", word)))
    return re.sub(r"(.)\1{2,}", r"\1\1", shape)


class Features:
    def __init__(self):
        self.lists = {
            "given": lexicons.given_names(),
            "family": lexicons.family_names(),
            "everyday_name": lexicons.name_words(),
            "safe": lexicons.safe_words(),
            "town": lexicons.towns(),
            "region": lexicons.regions(),
            "author": lexicons.known_authors(),
        }

    def of(self, words: list[str], field: str) -> list[dict]:
        return [self._token(words, i, field) for i in range(len(words))]

    def _token(self, words, i, field):
        word = words[i]
        lower = word.lower()
        features = {
            "bias": 1.0,
            f"word={lower}": 1.0,
            f"shape={_shape(word)}": 1.0,
            f"suffix={lower[-3:]}": 1.0,
            f"prefix={lower[:2]}": 1.0,
            f"field={field}": 1.0,
            "title": float(word[:1].isupper() and word[1:].islower()),
            "upper": float(word.isupper() and len(word) > 1),
            "digits": float(word.isdigit()),
            "not_ascii": float(not word.isascii()),
            "first": float(i == 0),
        }
        features.update({name: float(lower in words_) for name, words_ in self.lists.items()})
        for offset in (-3, -2, -1, 1, 2):
            j = i + offset
            if not 0 <= j < len(words):
                features[f"{offset}:none"] = 1.0
                continue
            other = words[j]
            features[f"{offset}:word={other.lower()}"] = 1.0
            features[f"{offset}:shape={_shape(other)}"] = 1.0
            if offset in (-1, 1):
                features[f"{offset}:title"] = float(other[:1].isupper())
                features[f"{offset}:given"] = float(other.lower() in self.lists["given"])
                features[f"{offset}:family"] = float(other.lower() in self.lists["family"])
        return features


def _tokens(text):
    return [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]


def _labels(case, tokens):
    return [
        next((s["category"] for s in case["spans"] if start < s["end"] and end > s["start"]), "O")
        for _, start, end in tokens
    ]


def train(cases, features, model_path):
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for case in cases:
        tokens = _tokens(case["text"])
        if tokens:
            trainer.append(features.of([t[0] for t in tokens], case["field"]), _labels(case, tokens))
    trainer.set_params({"c1": 0.1, "c2": 0.05, "max_iterations": 150, "feature.possible_transitions": True})
    trainer.train(model_path)


def _caught(text, span, found):
    value = text[span["start"] : span["end"]]
    chars = [span["start"] + i for i, ch in enumerate(value) if ch.isalnum()]
    inside = sum(1 for i in chars if any(start <= i < end for start, end in found))
    return bool(chars) and inside * 2 >= len(chars)


def measure(cases, features, tagger, threshold):
    """{variant: (spans caught, spans, single caught, single, clean raised, clean)} for screen, tagger, both."""
    totals = {variant: [0, 0, 0, 0, 0, 0] for variant in ("screen", "tagger", "both")}
    for case in cases:
        text = case["text"]
        citation_fields = {"sources_text"} if case["field"] == "sources_text" else set()
        by_screen = [(f.start, f.end) for f in screen({case["field"]: text}, citation_fields=citation_fields).findings]
        tokens = _tokens(text)
        by_tagger = []
        if tokens:
            tags = tagger.tag(features.of([t[0] for t in tokens], case["field"]))
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
    tuning = load_cases(EVAL_DIR / "cases.jsonl")
    for path in sorted(EVAL_DIR.glob("tuning*.jsonl")):
        tuning += load_cases(path)
    features = Features()
    with tempfile.TemporaryDirectory() as tmp:
        model_path = str(Path(tmp) / "tagger.crfsuite")
        train(tuning, features, model_path)
        tagger = pycrfsuite.Tagger()
        tagger.open(model_path)
        print(f"Trained on {len(tuning)} tuning cases. Threshold {args.threshold}.")
        print(f"{'set':<12} {'variant':<7} {'spans':>17} {'single cases':>17} {'clean raised':>17}")
        for name in HELD_APART_WITH_IDENTIFIERS + HELD_APART_CLEAN:
            totals = measure(load_cases(EVAL_DIR / f"{name}.jsonl"), features, tagger, args.threshold)
            for variant, (caught, spans, single_caught, single, raised, clean) in totals.items():
                print(
                    f"{name:<12} {variant:<7} {caught:>5}/{spans:<4} {_pct(caught, spans)} "
                    f"{single_caught:>5}/{single:<4} {_pct(single_caught, single)} "
                    f"{raised:>5}/{clean:<4} {_pct(raised, clean)}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
