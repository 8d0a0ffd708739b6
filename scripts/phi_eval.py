"""Evaluates the PHI screen against the labelled cases in revisions/phi_eval/cases.jsonl.

    .venv/bin/python scripts/phi_eval.py [--cases PATH]

Prints recall per kind, kind precision on PHI texts, false-positive rates on clean texts (confident and
borderline separately) and every miss and false positive by case id with the masked value only, never the raw
text. Always exits 0: the targets are enforced by tests/revisions/test_phi.py, which calls ``evaluate``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from revisions.phi import KINDS, screen  # noqa: E402

CASES = ROOT / "revisions" / "phi_eval" / "cases.jsonl"
CITATION_FIELDS = {"sources"}

# The targets the screen must meet; the test suite asserts them.
RECALL_TARGET = 0.95
NAME_RECALL_TARGET = 0.85
CLEAN_FP_CEILING = 0.03


@dataclass
class Report:
    cases: int = 0
    phi_cases: int = 0
    clean_cases: int = 0
    expected: Counter = field(default_factory=Counter)  # kind -> PHI cases expecting it
    detected: Counter = field(default_factory=Counter)  # kind -> of those, cases where the kind was found
    flagged_right: Counter = field(default_factory=Counter)  # kind -> PHI cases where it was found and expected
    flagged_wrong: Counter = field(default_factory=Counter)  # kind -> PHI cases where it was found, not expected
    clean_fp: list = field(default_factory=list)  # (id, [(kind, confidence, masked)])
    confident_fp: int = 0
    borderline_fp: int = 0
    seed_cases: int = 0
    seed_fp: int = 0
    citation_cases: int = 0
    citation_fp: int = 0
    misses: list = field(default_factory=list)  # (id, kind, [(kind, confidence, masked)])
    wrong_kinds: list = field(default_factory=list)  # (id, kind, [masked])
    verdicts: Counter = field(default_factory=Counter)
    # batch -> [PHI kinds expected, detected, clean cases, clean cases with a finding]
    batches: dict = field(default_factory=dict)
    elapsed_ms: float = 0.0

    def recall(self, kind: str) -> float:
        return self.detected[kind] / self.expected[kind] if self.expected[kind] else 0.0

    def precision(self, kind: str) -> float:
        flagged = self.flagged_right[kind] + self.flagged_wrong[kind]
        return self.flagged_right[kind] / flagged if flagged else 1.0

    @property
    def clean_fp_rate(self) -> float:
        return len(self.clean_fp) / self.clean_cases if self.clean_cases else 0.0

    def failures(self) -> list[str]:
        """Targets not met, as sentences; empty when every target holds."""
        problems = []
        for kind in KINDS:
            target = NAME_RECALL_TARGET if kind == "name" else RECALL_TARGET
            if self.expected[kind] < 12:
                problems.append(f"{kind}: only {self.expected[kind]} PHI cases (at least 12 needed)")
            elif self.recall(kind) < target:
                problems.append(f"{kind}: recall {self.recall(kind):.1%} is below {target:.0%}")
        if self.seed_fp:
            problems.append(f"{self.seed_fp} seed-article texts raised findings")
        if self.citation_fp:
            problems.append(f"{self.citation_fp} clean citation strings raised findings")
        if self.clean_fp_rate > CLEAN_FP_CEILING:
            problems.append(f"clean false-positive rate {self.clean_fp_rate:.1%} is above {CLEAN_FP_CEILING:.0%}")
        return problems


def batch_of(case_id: str) -> str:
    """Cases are grouped by when they were written: "holdout"/"holdout2" were added blind, after detector runs."""
    prefix = case_id.split("-")[0]
    return prefix if prefix.startswith("holdout") else "main"


def load_cases(path: Path = CASES) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def evaluate(cases: list[dict]) -> Report:
    report = Report(cases=len(cases))
    started = time.perf_counter()
    for case in cases:
        field_name = case["field"]
        result = screen({field_name: case["text"]}, citation_fields=CITATION_FIELDS)
        report.verdicts[result.verdict] += 1
        shown = [(f.kind, f.confidence, f.masked_value) for f in result.findings]
        found = {f.kind for f in result.findings}
        expect = set(case["expect"])
        batch = report.batches.setdefault(batch_of(case["id"]), [0, 0, 0, 0])
        batch[0] += len(expect)
        batch[1] += len(expect & found)
        batch[2] += not expect
        batch[3] += bool(not expect and result.findings)
        if not expect:
            report.clean_cases += 1
            is_seed = case["id"].startswith("seed")
            is_citation = field_name in CITATION_FIELDS
            report.seed_cases += is_seed
            report.citation_cases += is_citation
            if result.findings:
                report.clean_fp.append((case["id"], shown))
                if result.confident:
                    report.confident_fp += 1
                else:
                    report.borderline_fp += 1
                report.seed_fp += is_seed
                report.citation_fp += is_citation
            continue
        report.phi_cases += 1
        for kind in expect:
            report.expected[kind] += 1
            if kind in found:
                report.detected[kind] += 1
            else:
                report.misses.append((case["id"], kind, shown))
        for kind in found:
            if kind in expect:
                report.flagged_right[kind] += 1
            else:
                report.flagged_wrong[kind] += 1
                report.wrong_kinds.append((case["id"], kind, [m for k, _, m in shown if k == kind]))
    report.elapsed_ms = (time.perf_counter() - started) * 1000
    return report


def _fmt_findings(shown: list) -> str:
    return ", ".join(f"{kind}/{conf[0]} “{masked}”" for kind, conf, masked in shown) or "nothing"


def print_report(report: Report) -> None:
    print(f"PHI screen evaluation: {report.cases} cases ({report.phi_cases} with PHI, {report.clean_cases} clean)")
    print(f"screened in {report.elapsed_ms:.0f} ms ({report.elapsed_ms / max(report.cases, 1):.2f} ms per case)")
    print()
    header = f"{'kind':<15} {'cases':>5} {'found':>5} {'recall':>7} {'target':>6} {'flagged':>7} {'precision':>9}"
    print(header)
    print("-" * len(header))
    for kind in KINDS:
        target = NAME_RECALL_TARGET if kind == "name" else RECALL_TARGET
        flagged = report.flagged_right[kind] + report.flagged_wrong[kind]
        print(
            f"{kind:<15} {report.expected[kind]:>5} {report.detected[kind]:>5} {report.recall(kind):>7.1%} "
            f"{target:>6.0%} {flagged:>7} {report.precision(kind):>9.1%}"
        )
    total_expected = sum(report.expected.values())
    total_detected = sum(report.detected.values())
    right, wrong = sum(report.flagged_right.values()), sum(report.flagged_wrong.values())
    print("-" * len(header))
    print(
        f"{'all kinds':<15} {total_expected:>5} {total_detected:>5} {total_detected / max(total_expected, 1):>7.1%} "
        f"{'':>6} {right + wrong:>7} {right / max(right + wrong, 1):>9.1%}"
    )
    print()
    print("Clean texts (any finding is a false positive):")
    print(f"  all clean texts      {len(report.clean_fp):>3} / {report.clean_cases:<3} = {report.clean_fp_rate:.1%}"
          f"  (ceiling {CLEAN_FP_CEILING:.0%})")  # fmt: skip
    print(f"    confident FPs      {report.confident_fp:>3}   (would have been rejected)")
    print(f"    borderline-only    {report.borderline_fp:>3}   (would have been held for an editor)")
    print(f"  seed-article texts   {report.seed_fp:>3} / {report.seed_cases}")
    print(f"  citation strings     {report.citation_fp:>3} / {report.citation_cases}")
    print(f"Verdicts over all cases: {dict(sorted(report.verdicts.items()))}")
    print()
    print("By batch (held-out batches were written blind, after earlier detector runs; see docs/phi-policy.md):")
    for name, (expected, detected, clean, fp) in sorted(report.batches.items()):
        print(
            f"  {name:<9} PHI kinds found {detected:>3} / {expected:<3} = {detected / max(expected, 1):6.1%}"
            f"   clean FPs {fp:>2} / {clean:<3} = {fp / max(clean, 1):5.1%}"
        )
    print()
    print(f"Misses ({len(report.misses)}):")
    for case_id, kind, shown in report.misses:
        print(f"  {case_id:<16} expected {kind:<14} found: {_fmt_findings(shown)}")
    print(f"Unexpected kinds on PHI texts ({len(report.wrong_kinds)}):")
    for case_id, kind, masked in report.wrong_kinds:
        print(f"  {case_id:<16} {kind:<14} {', '.join(f'“{m}”' for m in masked)}")
    print(f"False positives on clean texts ({len(report.clean_fp)}):")
    for case_id, shown in report.clean_fp:
        print(f"  {case_id:<16} {_fmt_findings(shown)}")
    print()
    failures = report.failures()
    print("Targets: " + ("all met" if not failures else "NOT MET"))
    for problem in failures:
        print(f"  - {problem}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=CASES, help="JSON-lines file of labelled cases")
    args = parser.parse_args(argv)
    print_report(evaluate(load_cases(args.cases)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
