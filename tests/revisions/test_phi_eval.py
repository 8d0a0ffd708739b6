"""The PHI screen meets its targets on the labelled evaluation sets, through screen() and through the real form,
and raises nothing on any sentence or reference line of the seed article."""

import ipaddress
import re
from pathlib import Path

import pytest

from revisions.phi import screen
from scripts.phi_cases import (
    CATEGORIES,
    build_holdout,
    build_holdout2,
    build_holdout3,
    build_holdout4,
    build_holdout5,
    build_holdout6,
    build_holdout7,
    build_holdout8,
    build_holdout9,
    build_holdout10,
    build_holdout11,
    build_holdout12,
    build_holdout13,
    build_holdout14,
    build_holdout15,
    build_holdout16,
    build_holdout17,
    build_holdout18,
    build_holdout19,
    build_holdout20,
    build_tuning,
    build_tuning2,
    build_tuning3,
    build_tuning4,
    build_tuning5,
    build_tuning6,
    build_tuning7,
    build_tuning8,
    build_tuning9,
    build_tuning10,
    build_tuning11,
    build_tuning12,
    build_tuning13,
    build_tuning14,
    build_tuning15,
    build_tuning16,
    build_tuning17,
    build_tuning18,
    build_tuning19,
    build_tuning20,
    build_tuning21,
    build_tuning22,
)
from scripts.phi_eval import (
    CATEGORY_RECALL_TARGET,
    CLEAN_FP_CEILING,
    HOLDOUT,
    HOLDOUT2,
    HOLDOUT3,
    HOLDOUT4,
    HOLDOUT5,
    HOLDOUT6,
    HOLDOUT7,
    HOLDOUT8,
    HOLDOUT9,
    HOLDOUT10,
    HOLDOUT11,
    HOLDOUT12,
    HOLDOUT13,
    HOLDOUT14,
    HOLDOUT15,
    HOLDOUT16,
    HOLDOUT17,
    HOLDOUT18,
    HOLDOUT19,
    HOLDOUT20,
    SINGLE_CASE_RECALL_TARGET,
    SPAN_RECALL_TARGET,
    TUNING,
    TUNING2,
    TUNING3,
    TUNING4,
    TUNING5,
    TUNING6,
    TUNING7,
    TUNING8,
    TUNING9,
    TUNING10,
    TUNING11,
    TUNING12,
    TUNING13,
    TUNING14,
    TUNING15,
    TUNING16,
    TUNING17,
    TUNING18,
    TUNING19,
    TUNING20,
    TUNING21,
    TUNING22,
    evaluate,
    evaluate_through_form,
    load_cases,
)

ROOT = Path(__file__).resolve().parent.parent.parent
SHARED_SEED = ROOT.parent / "shared" / "seed" / "self-compassion.txt"

TUNING_CASES = load_cases(TUNING)
HOLDOUT_CASES = load_cases(HOLDOUT)
TUNING2_CASES = load_cases(TUNING2)
HOLDOUT2_CASES = load_cases(HOLDOUT2)
TUNING3_CASES = load_cases(TUNING3)
HOLDOUT3_CASES = load_cases(HOLDOUT3)
TUNING4_CASES = load_cases(TUNING4)
TUNING5_CASES = load_cases(TUNING5)
HOLDOUT4_CASES = load_cases(HOLDOUT4)
TUNING6_CASES = load_cases(TUNING6)
HOLDOUT5_CASES = load_cases(HOLDOUT5)
TUNING7_CASES = load_cases(TUNING7)
TUNING8_CASES = load_cases(TUNING8)
TUNING9_CASES = load_cases(TUNING9)
TUNING10_CASES = load_cases(TUNING10)
TUNING11_CASES = load_cases(TUNING11)
TUNING12_CASES = load_cases(TUNING12)
TUNING13_CASES = load_cases(TUNING13)
TUNING14_CASES = load_cases(TUNING14)
TUNING15_CASES = load_cases(TUNING15)
TUNING16_CASES = load_cases(TUNING16)
TUNING17_CASES = load_cases(TUNING17)
TUNING18_CASES = load_cases(TUNING18)
TUNING19_CASES = load_cases(TUNING19)
TUNING20_CASES = load_cases(TUNING20)
TUNING21_CASES = load_cases(TUNING21)
TUNING22_CASES = load_cases(TUNING22)
HOLDOUT6_CASES = load_cases(HOLDOUT6)
HOLDOUT7_CASES = load_cases(HOLDOUT7)
HOLDOUT8_CASES = load_cases(HOLDOUT8)
HOLDOUT9_CASES = load_cases(HOLDOUT9)
HOLDOUT10_CASES = load_cases(HOLDOUT10)
HOLDOUT11_CASES = load_cases(HOLDOUT11)
HOLDOUT12_CASES = load_cases(HOLDOUT12)
HOLDOUT13_CASES = load_cases(HOLDOUT13)
HOLDOUT14_CASES = load_cases(HOLDOUT14)
HOLDOUT15_CASES = load_cases(HOLDOUT15)
HOLDOUT16_CASES = load_cases(HOLDOUT16)
HOLDOUT17_CASES = load_cases(HOLDOUT17)
HOLDOUT18_CASES = load_cases(HOLDOUT18)
HOLDOUT19_CASES = load_cases(HOLDOUT19)
HOLDOUT20_CASES = load_cases(HOLDOUT20)
ALL_CASES = (
    TUNING_CASES + HOLDOUT_CASES + TUNING2_CASES + HOLDOUT2_CASES + TUNING3_CASES + HOLDOUT3_CASES + TUNING4_CASES
) + (TUNING5_CASES + HOLDOUT4_CASES + TUNING6_CASES + HOLDOUT5_CASES + TUNING7_CASES + HOLDOUT6_CASES + HOLDOUT7_CASES)
ALL_CASES += (
    TUNING8_CASES + HOLDOUT8_CASES + HOLDOUT9_CASES + HOLDOUT10_CASES + TUNING9_CASES + TUNING10_CASES + TUNING11_CASES
)
ALL_CASES += TUNING12_CASES + TUNING13_CASES + HOLDOUT11_CASES + TUNING14_CASES + HOLDOUT12_CASES
ALL_CASES += TUNING15_CASES + HOLDOUT13_CASES + TUNING16_CASES + HOLDOUT14_CASES + TUNING17_CASES + HOLDOUT15_CASES
ALL_CASES += TUNING18_CASES + HOLDOUT16_CASES + TUNING19_CASES + HOLDOUT17_CASES
ALL_CASES += TUNING20_CASES + HOLDOUT18_CASES + TUNING21_CASES + HOLDOUT19_CASES + TUNING22_CASES + HOLDOUT20_CASES


def test_the_sets_are_large_varied_and_apart():
    cases = TUNING_CASES + HOLDOUT_CASES
    assert len(cases) >= 2000
    assert sum(1 for c in cases if not c["spans"]) >= 500
    assert len(HOLDOUT_CASES) >= 600
    assert not {c["text"] for c in TUNING_CASES} & {c["text"] for c in HOLDOUT_CASES if c["spans"]}
    assert {c["origin"] for c in HOLDOUT_CASES} >= {"written", "template"}
    for category in CATEGORIES:
        assert sum(s["category"] == category for c in cases for s in c["spans"]) >= 40, category


HOLDOUT2_COINCIDENCES = {"SIN 130 692 544", "ICD-11 code 6A70 covers single-episode depressive disorder."}


def test_the_second_held_apart_set_is_large_written_and_apart_from_every_tuning_set():
    assert sum(1 for c in HOLDOUT2_CASES if c["spans"]) >= 300
    assert sum(1 for c in HOLDOUT2_CASES if not c["spans"]) >= 150
    assert {c["origin"] for c in HOLDOUT2_CASES} == {"written"}
    tuning_texts = {c["text"] for c in TUNING_CASES + TUNING2_CASES}
    # Two short lines were written the same way, independently, in the first tuning set; they stay, and count.
    assert tuning_texts & {c["text"] for c in HOLDOUT2_CASES} <= HOLDOUT2_COINCIDENCES
    assert not {c["text"] for c in TUNING2_CASES if c["spans"]} & {c["text"] for c in HOLDOUT_CASES}
    assert sum(1 for c in ALL_CASES if not c["spans"]) >= 500


def test_the_third_round_is_split_into_tuning_and_held_apart_parts_that_share_no_text():
    assert sum(1 for c in HOLDOUT3_CASES if c["spans"]) >= 300
    assert sum(1 for c in HOLDOUT3_CASES if not c["spans"]) >= 150
    third = {c["text"] for c in HOLDOUT3_CASES}
    assert not third & {c["text"] for c in TUNING3_CASES}
    assert not third & {c["text"] for c in TUNING_CASES + TUNING2_CASES}


def test_the_fifth_round_is_split_into_tuning_and_held_apart_parts_that_share_no_text():
    assert sum(1 for c in HOLDOUT4_CASES if c["spans"]) >= 300
    assert sum(1 for c in HOLDOUT4_CASES if not c["spans"]) >= 120
    fifth = {c["text"] for c in HOLDOUT4_CASES}
    earlier_tuning = TUNING_CASES + TUNING2_CASES + TUNING3_CASES + TUNING4_CASES + TUNING5_CASES
    assert not fifth & {c["text"] for c in earlier_tuning}


# Canonical references read alike: a few clean reference lines of later rounds (the Beck inventory's, the
# M.I.N.I.'s, the GAD-7's, a NICE guideline's) were written word for word as in a tuning set, independently (three
# more of the seventh round's in the thirteenth round's clean set, two of earlier sets' in the sixteenth's, seven in the
# seventeenth's: five references and the DSM-5 and DSM-5-TR release dates; eight of the eighteenth's, and one of
# the sixteenth's held-apart lines in the eighteenth's tuned-on part; five of the nineteenth's, and one line of the
# seventeenth's and one of the eighteenth's held-apart parts in the nineteenth's tuned-on part; four of the
# twentieth's, and two of the fifth round's held-apart lines in the twentieth's tuned-on part; three of the
# twenty-third's, and one line of the tenth round's and one of the twenty-first's held-apart sets in the
# twenty-third's tuned-on part; six of the twenty-fourth's, and clean lines of the eighteenth, nineteenth,
# twenty-first and twenty-third rounds' held-apart sets (one, one, one and two) in the twenty-fourth's tuned-on
# part; two of the twenty-fifth's, and two of earlier held-apart sets' clean lines in its tuned-on part). They stay,
# and count; no line with an identifier may be shared.
@pytest.mark.parametrize(
    ("held_apart", "with_identifiers", "clean", "shared_clean_lines"),
    [
        (HOLDOUT5_CASES, 350, 110, 2),
        (HOLDOUT6_CASES, 350, 100, 6),
        (HOLDOUT7_CASES, 450, 150, 0),
        (HOLDOUT8_CASES, 400, 180, 2),
        (HOLDOUT9_CASES, 400, 180, 0),
        (HOLDOUT11_CASES, 270, 210, 3),
        (HOLDOUT12_CASES, 276, 204, 8),
        (HOLDOUT13_CASES, 276, 204, 10),
        (HOLDOUT14_CASES, 276, 204, 6),
        (HOLDOUT15_CASES, 276, 204, 4),
        (HOLDOUT16_CASES, 276, 204, 5),
        (HOLDOUT17_CASES, 276, 204, 0),
        (HOLDOUT18_CASES, 276, 204, 5),
        (HOLDOUT19_CASES, 276, 204, 6),
        (HOLDOUT20_CASES, 276, 204, 2),
    ],
    ids=[
        "sixth round, split",
        "seventh round, split",
        "eighth round, wholly held apart",
        "tenth round, wholly held apart",
        "twelfth round, wholly held apart",
        "sixteenth round, split",
        "seventeenth round, split",
        "eighteenth round, split",
        "nineteenth round, split",
        "twentieth round, split",
        "twenty-first round, split",
        "twenty-second round, split",
        "twenty-third round, split",
        "twenty-fourth round, split",
        "twenty-fifth round, split",
    ],
)
def test_the_later_held_apart_sets_are_large_and_share_no_identifier_text_with_any_tuning_set(
    held_apart, with_identifiers, clean, shared_clean_lines
):
    assert sum(1 for c in held_apart if c["spans"]) >= with_identifiers
    assert sum(1 for c in held_apart if not c["spans"]) >= clean
    tuning = TUNING_CASES + TUNING2_CASES + TUNING3_CASES + TUNING4_CASES + TUNING5_CASES + TUNING6_CASES
    tuning += TUNING7_CASES + TUNING8_CASES + TUNING9_CASES + TUNING10_CASES + TUNING11_CASES + TUNING12_CASES
    tuning += TUNING13_CASES + TUNING14_CASES + TUNING15_CASES + TUNING16_CASES + TUNING17_CASES + TUNING18_CASES
    tuning += TUNING19_CASES + TUNING20_CASES + TUNING21_CASES + TUNING22_CASES
    shared = {c["text"] for c in held_apart} & {c["text"] for c in tuning}
    assert len(shared) <= shared_clean_lines
    assert not shared & {c["text"] for c in held_apart if c["spans"]}


def test_every_case_is_well_formed():
    for case in ALL_CASES:
        assert set(case) == {"id", "field", "text", "spans", "origin"}
        assert case["field"] in {"proposed_text", "sources_text", "note"}
        for span in case["spans"]:
            assert span["category"] in CATEGORIES
            assert 0 <= span["start"] < span["end"] <= len(case["text"])
            assert case["text"][span["start"] : span["end"]].strip(), case["id"]


def test_the_committed_sets_are_what_their_sources_build():
    """The JSON lines are generated from the markup files and templates; edit those, then rebuild."""
    assert build_holdout() == HOLDOUT_CASES
    assert build_tuning() == TUNING_CASES
    assert build_holdout2() == HOLDOUT2_CASES
    assert build_tuning2() == TUNING2_CASES
    assert build_holdout3() == HOLDOUT3_CASES
    assert build_tuning3() == TUNING3_CASES
    assert build_tuning4() == TUNING4_CASES
    assert build_tuning5() == TUNING5_CASES
    assert build_holdout4() == HOLDOUT4_CASES
    assert build_tuning6() == TUNING6_CASES
    assert build_holdout5() == HOLDOUT5_CASES
    assert build_tuning7() == TUNING7_CASES
    assert build_tuning8() == TUNING8_CASES
    assert build_tuning9() == TUNING9_CASES
    assert build_tuning10() == TUNING10_CASES
    assert build_tuning11() == TUNING11_CASES
    assert build_tuning12() == TUNING12_CASES
    assert build_tuning13() == TUNING13_CASES
    assert build_tuning14() == TUNING14_CASES
    assert build_holdout6() == HOLDOUT6_CASES
    assert build_holdout7() == HOLDOUT7_CASES
    assert build_holdout8() == HOLDOUT8_CASES
    assert build_holdout9() == HOLDOUT9_CASES
    assert build_holdout10() == HOLDOUT10_CASES
    assert build_holdout11() == HOLDOUT11_CASES
    assert build_holdout12() == HOLDOUT12_CASES
    assert build_holdout13() == HOLDOUT13_CASES
    assert build_tuning15() == TUNING15_CASES
    assert build_holdout14() == HOLDOUT14_CASES
    assert build_tuning16() == TUNING16_CASES
    assert build_holdout15() == HOLDOUT15_CASES
    assert build_tuning17() == TUNING17_CASES
    assert build_holdout16() == HOLDOUT16_CASES
    assert build_tuning18() == TUNING18_CASES
    assert build_holdout17() == HOLDOUT17_CASES
    assert build_tuning19() == TUNING19_CASES
    assert build_holdout18() == HOLDOUT18_CASES
    assert build_tuning20() == TUNING20_CASES
    assert build_holdout19() == HOLDOUT19_CASES
    assert build_tuning21() == TUNING21_CASES
    assert build_holdout20() == HOLDOUT20_CASES
    assert build_tuning22() == TUNING22_CASES


@pytest.mark.parametrize(
    "cases",
    [TUNING_CASES, HOLDOUT_CASES, TUNING2_CASES, TUNING3_CASES],
    ids=["tuning", "held-apart", "tuning-2", "tuning-3"],
)
def test_the_screen_meets_its_targets(cases):
    report = evaluate(cases)
    assert report.recall() >= SPAN_RECALL_TARGET
    for category in CATEGORIES:
        if report.spans[category]:
            assert report.recall(category) >= CATEGORY_RECALL_TARGET, category
    assert report.single_recall >= SINGLE_CASE_RECALL_TARGET
    assert report.clean_fp_rate <= CLEAN_FP_CEILING
    assert report.seed_fp == 0
    assert report.failures() == []


def test_the_second_held_apart_set_does_not_fall_below_its_measured_figures():
    """Not the issue's targets, which this set does not reach (docs/phi-policy.md, "Figures"): a floor at what it
    measured when the screen was last changed, so that a change cannot lose ground on text it was not tuned on."""
    report = evaluate(HOLDOUT2_CASES)
    assert report.recall() >= 337 / 353  # 95.5 % after the sixteenth round (335 before)
    assert report.single_recall >= 268 / 277  # 96.8 %
    assert report.clean_fp_rate <= CLEAN_FP_CEILING
    assert report.clean_confident_fp == 0


def test_the_fourth_tuning_set_does_not_fall_below_its_figures_after_the_eighth_round():
    """Short of the span-recall target (96.7 %, target 97 %); every other target is met. A floor, not a goal."""
    report = evaluate(TUNING4_CASES)
    assert report.recall() >= 678 / 701  # 96.7 %
    for category in CATEGORIES:
        if report.spans[category]:
            assert report.recall(category) >= CATEGORY_RECALL_TARGET, category
    assert report.single_recall >= 260 / 268  # 97.0 %
    assert report.clean_fp_rate <= 1 / 115
    assert report.clean_confident_fp == 0
    assert report.seed_fp == 0


def test_the_fifth_tuning_set_does_not_fall_below_its_figures_after_the_seventh_round():
    """Short of the span-recall and single-identifier targets (95.5 % and 92.2 %); every category is at least 90 %
    and no clean line is raised. A floor, not a goal."""
    report = evaluate(TUNING5_CASES)
    assert report.recall() >= 385 / 403  # 95.5 %
    for category in CATEGORIES:
        if report.spans[category]:
            assert report.recall(category) >= CATEGORY_RECALL_TARGET, category
    assert report.single_recall >= 71 / 77  # 92.2 %
    assert report.clean_fp_rate == 0
    assert report.clean_confident_fp == 0


def test_the_sixth_tuning_set_meets_the_targets_after_the_seventh_round():
    report = evaluate(TUNING6_CASES)
    assert report.recall() >= SPAN_RECALL_TARGET  # 472 / 481, 98.1 %
    for category in CATEGORIES:
        if report.spans[category]:
            assert report.recall(category) >= CATEGORY_RECALL_TARGET, category
    assert report.single_recall >= SINGLE_CASE_RECALL_TARGET  # 89 / 91, 97.8 %
    assert report.clean_fp_rate == 0
    assert report.clean_confident_fp == 0


def test_the_seventh_tuning_set_does_not_fall_below_its_figures_after_the_ninth_round():
    """Short of the span-recall target (91.6 %; names 88.1 %, addresses 85.2 %); single-identifier cases and clean
    lines meet theirs. A floor, not a goal."""
    report = evaluate(TUNING7_CASES)
    assert report.recall() >= 448 / 487  # 92.0 % after the sixteenth round (446 before)
    assert report.single_recall >= 106 / 108  # 98.1 %
    assert report.clean_fp_rate == 0
    assert report.clean_confident_fp == 0


def test_the_eighth_tuning_set_does_not_fall_below_its_figures_after_the_eleventh_round():
    """Measured blind at 84.9 % of spans, 95.8 % of single-identifier cases and 10 / 184 clean lines raised (2
    confident) before the screen was changed for it; after the eleventh round short of the span-recall target
    (92.8 %; names 92.7 %, addresses 80.7 %). A floor, not a goal."""
    assert build_tuning8() == TUNING8_CASES
    report = evaluate(TUNING8_CASES)
    assert report.recall() >= 714 / 754  # 94.7 % after the sixteenth round (700 before)
    assert report.recall("name") >= 191 / 206  # 92.7 %
    assert report.recall("address") >= 121 / 150  # 80.7 %
    assert report.single_recall >= 115 / 119  # 96.6 %
    assert report.clean_fp_rate <= 1 / 184  # 0.5 %
    assert report.clean_confident_fp == 0


def test_the_ninth_tuning_set_does_not_fall_below_its_figures_after_the_fourteenth_round():
    """Measured blind at 80.6 % of spans (names 76.9 %, addresses 58.6 %, ages 65.5 %), 88.9 % of
    single-identifier cases and 28 / 196 clean lines raised (2 confident) before the screen was changed for it;
    after the fourteenth round short of every target but precision. A floor, not a goal."""
    assert build_tuning9() == TUNING9_CASES
    report = evaluate(TUNING9_CASES)
    assert report.recall() >= 654 / 727  # 90.0 % after the sixteenth round (619 after the fourteenth)
    assert report.recall("name") >= 175 / 212  # 82.5 %
    assert report.recall("address") >= 89 / 140  # 63.6 %
    assert report.recall("age") >= 27 / 29  # 93.1 %
    assert report.single_recall >= 117 / 126  # 92.9 %
    assert (
        report.clean_fp_rate == 0
    )  # 0 / 196 after the sixteenth round (13 after the eleventh, 7 after the fourteenth)


def test_the_tenth_tuning_set_of_clean_lines_meets_the_clean_ceiling_after_the_fourteenth_round():
    """600 clean lines built to trip a screen (references, statistics, codes, cohorts, eponyms, helplines,
    name-like words, vignettes): measured blind at 80 raised (17 confident); after the eleventh round 12 (2.0 %), after
    the fourteenth 11 (1.8 %), after the fifteenth 9 (1.5 %), none confident."""
    assert build_tuning10() == TUNING10_CASES
    assert all(not case["spans"] for case in TUNING10_CASES)
    report = evaluate(TUNING10_CASES)
    assert report.clean_fp_rate <= 3 / 600  # 0.5 % after the sixteenth round (9 before)
    assert report.clean_confident_fp == 0


def test_the_eleventh_tuning_set_does_not_fall_below_its_figures_after_the_fourteenth_round():
    """Measured blind at 72.8 % of spans (names 67.4 %, addresses 47.4 %), 76.1 % of single-identifier cases and
    60 / 219 clean lines raised (4 confident) before the screen was changed for it; after the fourteenth round short
    of every target (clean lines raised 11.0 %, most of them public figures, organisations and places named with no
    study or example word). A floor, not a goal."""
    assert build_tuning11() == TUNING11_CASES
    report = evaluate(TUNING11_CASES)
    assert report.recall() >= 555 / 622  # 89.2 % after the sixteenth round (488 after the fourteenth)
    assert report.recall("name") >= 153 / 190  # 80.5 %
    assert report.recall("address") >= 69 / 133  # 51.9 %
    assert report.recall("url") >= 25 / 25
    assert report.single_recall >= 97 / 109  # 89.0 %
    assert report.clean_fp_rate <= 15 / 219  # 6.8 % after the sixteenth round (24 after the fourteenth)
    assert report.clean_confident_fp <= 1


def test_tuning12_clean_lines_meet_the_clean_ceiling_after_the_fifteenth_round():
    """200 clean lines of ordinary clinical prose, the tuning part of a round split at random: measured blind at 4
    raised (1 confident); after the fifteenth round none."""
    assert build_tuning12() == TUNING12_CASES
    assert all(not case["spans"] for case in TUNING12_CASES)
    report = evaluate(TUNING12_CASES)
    assert report.clean_fp_rate == 0  # 2.0 % blind
    assert report.clean_confident_fp == 0


@pytest.mark.django_db
def test_the_real_form_refuses_or_holds_the_held_apart_cases_and_passes_the_clean_ones():
    counts = evaluate_through_form(HOLDOUT_CASES)
    assert counts["phi_flagged"] / counts["phi"] >= SINGLE_CASE_RECALL_TARGET
    assert counts["clean_flagged"] / counts["clean"] <= CLEAN_FP_CEILING


def _seed_lines():
    text = SHARED_SEED.read_text(encoding="utf-8")
    units = []
    for line in text.splitlines():
        line = line.strip()
        if line:
            units.append(line)
            units += [part for part in re.split(r"(?<=[.!?])\s+", line) if part]
    return units, text


@pytest.mark.skipif(not SHARED_SEED.exists(), reason="../shared/seed/self-compassion.txt is absent from this checkout")
def test_every_line_and_sentence_of_the_rendered_seed_article_raises_nothing():
    units, whole = _seed_lines()
    assert len(units) > 150
    for unit in units:
        for field, citation in (("proposed_text", set()), ("note", set()), ("sources_text", {"sources_text"})):
            result = screen({field: unit}, citation_fields=citation)
            assert result.findings == [], (unit, [(f.kind, unit[f.start : f.end]) for f in result.findings])
    assert screen({"proposed_text": whole, "note": whole}).findings == []


def test_eval_cases_hold_no_identifiers_that_could_be_real():
    """Synthetic data only: example domains, documentation IP ranges, fictional phone exchanges."""
    for case in ALL_CASES:
        for span in case["spans"]:
            value = case["text"][span["start"] : span["end"]]
            if span["category"] == "email" and "@" in value:
                # example.com/.org/.net and the reserved top-level domains (RFC 2606), spaced out as some write
                # an address to keep it from harvesters ("kim . lee @ example . com")
                written = re.sub(r"\s+", "", value)
                assert re.search(r"(?i)example\.|\.(?:example|test|invalid)$", written), value
            if span["category"] == "ip":  # documentation and private ranges, which reach no one; a network too
                assert not ipaddress.ip_network(value, strict=False).is_global, value


def test_the_report_counts_a_partly_masked_span_by_how_much_is_hidden():
    case = {"id": "x", "field": "note", "text": "Call 0161 496 0822 now", "origin": "written",
            "spans": [{"start": 5, "end": 18, "category": "phone"}]}  # fmt: skip
    report = evaluate([case])
    assert report.caught["phone"] == 1 and report.fully["phone"] == 1


def test_the_third_held_apart_set_does_not_fall_below_its_measured_figures():
    """As for the second: the figures the screen measured on this set, blind, after the seventh round of work
    (before the third: 407 / 484 spans, 12 / 167 clean raised). Short of the targets; a floor, not a goal."""
    report = evaluate(HOLDOUT3_CASES)
    assert report.recall() >= 448 / 484  # 92.6 % after the sixteenth round (445 after the ninth)
    assert report.single_recall >= 239 / 246  # 97.2 %
    assert report.clean_fp_rate <= 2 / 167  # 1.2 % after the fifteenth round (10 before the eleventh)
    assert report.clean_confident_fp <= 2


def test_the_fourth_held_apart_set_does_not_fall_below_its_measured_figures():
    """As for the second and third: the figures the screen measured on this set, blind, after the eighth round
    (before the sixth, which was tuned on its sibling tuning5 set: 488 / 634 spans). Far short of the targets; a
    floor, not a goal."""
    report = evaluate(HOLDOUT4_CASES)
    # The eleventh round gave up one span here for fewer clean texts raised (5 → 4).
    assert report.recall() >= 520 / 634  # 82.0 % after the sixteenth round (516 after the ninth)
    assert report.single_recall >= 115 / 126  # 91.3 %
    assert report.clean_fp_rate <= 4 / 131  # 3.1 %
    assert report.clean_confident_fp <= 1


def test_the_fifth_held_apart_set_does_not_fall_below_its_measured_figures():
    """The sixth writer's held-apart part, measured blind after the seventh round, which was tuned on its sibling
    tuning6 set (before it: 609 / 702 spans, 139 / 153 single-identifier cases, the same 4 / 120 clean raised).
    Short of the targets; a floor, not a goal."""
    report = evaluate(HOLDOUT5_CASES)
    # The eleventh and fourteenth rounds each gave up one span here (fewer clean texts raised: 4 → 3).
    # The learned tagger (eighteenth round) took it from 636 to 648 spans and raised one clean text more (1 → 2).
    assert report.recall() >= 648 / 702  # 92.3 % after the eighteenth round (635 after the sixteenth)
    assert report.single_recall >= 145 / 153  # 94.8 %
    assert report.clean_fp_rate <= 2 / 120  # 1.7 % with the tagger (1 after the sixteenth round, 3 before)
    assert report.clean_confident_fp == 0


def test_the_sixth_held_apart_set_does_not_fall_below_its_measured_figures():
    """The seventh writer's held-apart part, measured blind after the eighth round, which was tuned on its sibling
    tuning7 set (before it: 627 / 803 spans, 144 / 160 single-identifier cases, the same 5 / 112 clean raised).
    Far short of the targets; a floor, not a goal."""
    report = evaluate(HOLDOUT6_CASES)
    assert report.recall() >= 664 / 803  # 82.7 % after the sixteenth round (659 after the fourteenth)
    assert report.single_recall >= 148 / 160  # 92.5 %
    assert report.clean_fp_rate <= 4 / 112  # 3.6 %
    assert report.clean_confident_fp <= 2


def test_the_seventh_held_apart_set_does_not_fall_below_its_measured_figures():
    """The eighth writer's set, wholly held apart: no round is tuned on any part of it. Measured after the seventh
    round (890 / 1071 spans, 169 / 194 single-identifier cases) and after the eighth. Short of the targets; a
    floor, not a goal."""
    report = evaluate(HOLDOUT7_CASES)
    assert report.recall() >= 934 / 1071  # 87.2 % after the sixteenth round (927 after the eleventh)
    # The sixteenth round gave up one single-identifier case here (176 after the fourteenth, 177 after the ninth).
    assert report.single_recall >= 175 / 194  # 90.2 %
    assert report.clean_fp_rate <= 2 / 154  # 1.3 % after the sixteenth round (3 before)
    assert report.clean_confident_fp <= 1


def test_the_tenth_rounds_held_apart_set_does_not_fall_below_its_measured_figures():
    """A tenth writer's set, wholly held apart: no round is tuned on any part of it. Measured blind before the
    ninth round (819 / 1061 spans, 131 / 144 single-identifier cases, 9 / 182 clean raised) and after it (850 / 1061,
    132 / 144), then once more after ages were found with their wording ("aged 95 years"), the way this writer
    labels them. Far short of the targets; a floor, not a goal."""
    report = evaluate(HOLDOUT8_CASES)
    assert report.recall() >= 881 / 1061  # 83.0 % after the sixteenth round (859 after the fourteenth)
    assert report.single_recall >= 133 / 144  # 92.4 %
    assert report.clean_fp_rate <= 6 / 182  # 3.3 % after the fourteenth round
    assert report.clean_confident_fp <= 1


def test_the_twelfth_rounds_held_apart_set_does_not_fall_below_its_measured_figures():
    """A twelfth writer's set, wholly held apart: no round is tuned on any part of it. Measured blind before the
    eleventh round (795 / 917 spans, 150 / 151 single-identifier cases, 6 / 183 clean raised, 3 confident) and
    after it. Short of the targets; a floor, not a goal."""
    report = evaluate(HOLDOUT9_CASES)
    # The fifteenth round's precision rules gave up one span here.
    assert report.recall() >= 800 / 917  # 87.2 % after the sixteenth round (796 after the fifteenth)
    assert report.single_recall == 1  # 151 / 151 after the sixteenth round (150 before)
    assert report.clean_fp_rate <= 5 / 183  # 2.7 %
    assert report.clean_confident_fp <= 3


def test_the_fifteenth_rounds_held_apart_clean_prose_does_not_raise_more_than_measured():
    """Ordinary clinical prose, clean, by a writer who never saw the screen; 60% of the round, never tuned on (the
    other 40% is tuning12). Measured blind before the fifteenth round's changes: 13 / 300 raised (4 confident);
    after them 10 / 300 (2 confident). Above the 2 % target; a ceiling, not a goal."""
    assert len(HOLDOUT10_CASES) == 300 and not any(c["spans"] for c in HOLDOUT10_CASES)
    assert not {c["text"] for c in HOLDOUT10_CASES} & {c["text"] for c in TUNING12_CASES}
    report = evaluate(HOLDOUT10_CASES)
    # The learned tagger (eighteenth round) holds three more of them (9 → 12, none refused): the price of the
    # spans it adds on every held-apart set.
    # Retrained on tuning20 (twenty-third round) it holds one more (13), none refused.
    assert report.clean_fp_rate <= 13 / 300  # 4.3 % with the tagger (9 after the names round, 10 before)
    assert report.clean_confident_fp <= 2


def test_the_sixteenth_rounds_held_apart_part_does_not_fall_below_its_measured_figures():
    """A sixteenth writer's identifiers and clean prose, 60% of the round, never tuned on (the other 40% is
    tuning13). Measured blind before the sixteenth round: 309 / 382 spans, 146 / 177 single-identifier cases,
    8 / 210 clean raised (2 confident); after it 320, 151 and 7; after the seventeenth 330, 157 and 5 (0 confident);
    6 clean raised once the learned tagger is trained on the nineteenth round too; 351, 161 and 5 after the
    twentieth round's work; 350, 160 and 5 with the tagger trained on the twenty-first round too (one vehicle
    plate fewer read by it); 350, 160 and 6 with the tagger trained on the twenty-second round too (one clean line
    more read by it); 352, 162 and 6 once plates and accounts are read by their labels in more languages (the
    twenty-fourth round). Far short of the targets; a floor, not a goal."""
    assert not {c["text"] for c in HOLDOUT11_CASES} & {c["text"] for c in TUNING13_CASES}
    report = evaluate(HOLDOUT11_CASES)
    assert report.recall() >= 352 / 382  # 92.1 % after the twenty-fourth round (309 blind)
    assert report.single_recall >= 162 / 177  # 91.5 % (146 blind)
    assert report.clean_fp_rate <= 6 / 210  # 2.9 % (8 blind)
    assert report.clean_confident_fp == 0


def test_the_thirteenth_tuning_set_does_not_fall_below_its_figures_after_the_sixteenth_round():
    """The sixteenth writer's tuned-on 40 %: 206 / 253 spans and 3 / 140 clean raised blind, 249 and 0 after the
    round. Short of the span-recall target; a floor, not a goal."""
    report = evaluate(TUNING13_CASES)
    assert report.recall() >= 249 / 253  # 98.4 %
    assert report.single_recall >= 114 / 116  # 98.3 %
    assert report.clean_fp_rate == 0


def test_the_seventeenth_rounds_held_apart_part_does_not_fall_below_its_measured_figures():
    """A seventeenth writer's identifiers and clean prose, 60% of the round, never tuned on (the other 40% is
    tuning14). Measured blind before the seventeenth round: 461 / 533 spans, 112 / 126 single-identifier cases,
    8 / 204 clean raised (1 confident); after it 466, 113 and 5 (0 confident); 488, 118 and 7 after the twentieth
    round; 487, 118 and 6 after the twenty-first. Far short of the targets; a floor, not a goal."""
    assert not {c["text"] for c in HOLDOUT12_CASES if c["spans"]} & {c["text"] for c in TUNING14_CASES}
    report = evaluate(HOLDOUT12_CASES)
    assert report.recall() >= 487 / 533  # 91.4 % after the twenty-first round (461 blind, 466 after the seventeenth)
    assert report.single_recall >= 116 / 126  # 92.1 % (112 blind)
    assert report.clean_fp_rate <= 6 / 204  # 2.9 % with the tagger, which holds one more (8 blind, 5 after)
    assert report.clean_confident_fp == 0


def test_the_fourteenth_tuning_set_does_not_fall_below_its_figures_after_the_seventeenth_round():
    """The seventeenth writer's tuned-on 40 %: 282 / 339 spans, 70 / 84 single cases and 10 / 136 clean raised
    blind; 319, 81 and 0 after the round. Short of the span-recall target; a floor, not a goal."""
    report = evaluate(TUNING14_CASES)
    assert report.recall() >= 319 / 339  # 94.1 %
    assert report.single_recall >= 81 / 84  # 96.4 %
    assert report.clean_fp_rate == 0


def test_the_eighteenth_rounds_held_apart_part_does_not_fall_below_its_measured_figures():
    """An eighteenth writer's identifiers and clean prose, 60% of the round, never tuned on (the other 40% is
    tuning15). Measured blind before the eighteenth round: 583 / 765 spans, 55 / 73 single-identifier cases,
    16 / 204 clean raised (0 confident); after a names round on earlier sets 584, 55 and 16; with the learned
    tagger, trained on the tuning sets only, 608, 56 and 18; after the published-prose fixes, 17 clean raised; with
    the tagger trained on the nineteenth round too, 610, 56 and 19; after the twentieth round's work (sources lines
    read as prose, ages in other languages, biometric labels, precision fixes), 651, 60 and 17; after the
    twenty-first's, 655, 60 and 14; 658, 61 and 14 once ages and dates were read in more languages and scripts
    (the twenty-fourth round's first work); 659 after its number words. Far short of the targets; a floor, not a
    goal."""
    assert not {c["text"] for c in HOLDOUT13_CASES if c["spans"]} & {c["text"] for c in TUNING15_CASES}
    report = evaluate(HOLDOUT13_CASES)
    assert report.recall() >= 659 / 765  # 86.1 %
    assert report.single_recall >= 61 / 73  # 83.6 %
    assert report.clean_fp_rate <= 14 / 204  # 6.9 %
    assert report.clean_confident_fp == 0


def test_the_fifteenth_tuning_set_does_not_fall_below_its_figures():
    """The eighteenth writer's 40 %: 403 / 506 spans, 40 / 50 single cases and 5 / 136 clean raised blind; 404, 40
    and 5 after the names round; 438, 41 and 5 once the learned tagger is trained on it with the other tuning sets;
    436, 41 and 3 after the published-prose fixes and with the nineteenth round in the tagger's training; 457, 42 and
    3 after the twentieth round's work (459 and 43 at its end); 458, 42 and 1 with the tagger retrained on the
    twenty-first round (it reads a name in capitals and a described fingerprint no more). A floor, not a goal."""
    report = evaluate(TUNING15_CASES)
    assert report.recall() >= 458 / 506  # 90.5 %
    assert report.single_recall >= 42 / 50  # 84.0 %
    assert report.clean_fp_rate <= 1 / 136  # 0.7 %


def test_the_nineteenth_rounds_held_apart_part_does_not_fall_below_its_measured_figures():
    """A nineteenth writer's identifiers and clean prose, 60 % of the round, never tuned on (the other 40 % is
    tuning16). Measured blind, with the tagger trained on the earlier tuning sets: 633 / 752 spans, 37 / 46
    single-identifier cases, 3 / 204 clean raised (1 confident); with the tagger trained on tuning16 too, 635, 37
    and 3; with towns in texts that give a person's identifiers, 639, 37 and 3; after the twentieth round's work,
    660, 40 and 3; after the twenty-first's, 661, 40 and 3. Far short of the span targets; a floor, not a goal."""
    assert not {c["text"] for c in HOLDOUT14_CASES if c["spans"]} & {c["text"] for c in TUNING16_CASES}
    report = evaluate(HOLDOUT14_CASES)
    assert report.recall() >= 661 / 752  # 87.9 %
    assert report.single_recall >= 40 / 46  # 87.0 %
    assert report.clean_fp_rate <= 3 / 204  # 1.5 %
    assert report.clean_confident_fp <= 1


def test_the_sixteenth_tuning_set_does_not_fall_below_its_figures():
    """The nineteenth writer's 40 %: 437 / 520 spans, 33 / 35 single cases and 3 / 136 clean raised blind; 447, 33
    and 3 once the learned tagger is trained on it with the other tuning sets; 453, 33 and 3 with towns in texts
    that give a person's identifiers; 482, 34 and 3 after the twentieth round's work; 482, 33 and 1 with the tagger
    retrained on the twenty-first round; 481, 33 and 1 with the tagger retrained on the twenty-second. A floor, not a
    goal."""
    report = evaluate(TUNING16_CASES)
    assert report.recall() >= 481 / 520  # 92.5 %
    assert report.single_recall >= 33 / 35  # 94.3 %
    assert report.clean_fp_rate <= 1 / 136  # 0.7 %


def test_the_twentieth_rounds_held_apart_part_does_not_fall_below_its_measured_figures():
    """A twentieth writer's identifiers and clean prose, 60 % of the round, never tuned on (the other 40 % is
    tuning17). Measured blind, with the screen as this round's earlier work left it and the tagger trained on the
    earlier tuning sets: 511 / 638 spans, 44 / 48 single-identifier cases, 29 / 204 clean raised (10 confident);
    with the tagger trained on tuning17 too, 517, 44 and 30; after the precision fixes from tuning17's clean lines
    and remarks after references read as prose, 527, 46 and 25 (10 confident); after the twenty-first round's work,
    528, 46 and 24 (9 confident); after the twenty-second's, 533, 46 and 23 (9 confident); 532, 46 and 23 with the
    tagger retrained on tuning21 (one span fewer read by it). Far short of the targets, and among the most clean
    lines raised of any writer's set; a floor, not a goal."""
    assert not {c["text"] for c in HOLDOUT15_CASES if c["spans"]} & {c["text"] for c in TUNING17_CASES}
    report = evaluate(HOLDOUT15_CASES)
    assert report.recall() >= 532 / 638  # 83.4 %
    assert report.single_recall >= 46 / 48  # 95.8 %
    assert report.clean_fp_rate <= 23 / 204  # 11.3 %
    assert report.clean_confident_fp <= 9


def test_the_seventeenth_tuning_set_does_not_fall_below_its_figures():
    """The twentieth writer's 40 %: 313 / 415 spans, 28 / 36 single cases and 19 / 136 clean raised (2 confident)
    blind; 356, 32 and 8 (0 confident) once the tagger is trained on it and after the fixes its lines showed; 361,
    33 and 1 after the twenty-first round's work. A floor, not a goal."""
    report = evaluate(TUNING17_CASES)
    assert report.recall() >= 361 / 415  # 87.0 %
    assert report.single_recall >= 33 / 36  # 91.7 %
    assert report.clean_fp_rate <= 1 / 136  # 0.7 %
    assert report.clean_confident_fp == 0


def test_the_twenty_first_rounds_held_apart_part_does_not_fall_below_its_measured_figures():
    """A twenty-first writer's identifiers and clean prose, 60 % of the round, never tuned on (the other 40 % is
    tuning18). Measured blind with the screen as the twentieth round left it: 485 / 600 spans, 53 / 67
    single-identifier cases, 25 / 204 clean raised (6 confident); with this round's first fixes and the tagger
    retrained on the earlier tuning sets, 482, 53 and 25, and 246 / 276 cases with identifiers refused or held
    through the form; after the fixes its tuned-on part showed and the tagger trained on it, 486, 54 and 22 (5
    confident); after the twenty-second round's work, 490, 54 and 20 (5 confident); with the tagger retrained on
    tuning20, 490, 54 and 21; 495, 55 and 20 after the twenty-fourth round's first language work (ages, dates,
    towns lived in, describers of a test in other languages); 499, 57 and 19 at its end; 498, 57 and 20 after a
    review narrowed rules that had cost relatives' names and dates in probes. Far short of the targets; a floor,
    not a goal."""
    assert not {c["text"] for c in HOLDOUT16_CASES if c["spans"]} & {c["text"] for c in TUNING18_CASES}
    report = evaluate(HOLDOUT16_CASES)
    assert report.recall() >= 498 / 600  # 83.0 %
    assert report.single_recall >= 57 / 67  # 85.1 %
    assert report.clean_fp_rate <= 20 / 204  # 9.8 %
    assert report.clean_confident_fp <= 5


def test_the_eighteenth_tuning_set_does_not_fall_below_its_figures():
    """The twenty-first writer's 40 %: 297 / 374 spans, 50 / 57 single cases and 22 / 136 clean raised blind; 321,
    52 and 7 (2 confident) once the tagger is trained on it and after the fixes its lines showed; 345, 53 and 6 (2
    confident) after the twenty-second round's work; 344 with the tagger retrained on tuning20. A floor, not a
    goal."""
    report = evaluate(TUNING18_CASES)
    assert report.recall() >= 344 / 374  # 92.0 %
    assert report.single_recall >= 53 / 57  # 93.0 %
    assert report.clean_fp_rate <= 6 / 136  # 4.4 %
    assert report.clean_confident_fp <= 2


def test_the_twenty_second_rounds_held_apart_part_does_not_fall_below_its_measured_figures():
    """A twenty-second writer's identifiers and clean prose, 60 % of the round, never tuned on (the other 40 % is
    tuning19). Measured blind with the screen as the twenty-first round left it: 490 / 573 spans, 69 / 78
    single-identifier cases, 20 / 204 clean raised (5 confident); with the twenty-second round's work on the
    earlier sets, 495, 69 and 20 (5 confident); after the fixes its tuned-on part showed and the tagger trained on
    it, 497, 70 and 21 (5 confident); 504, 70 and 18 after the twenty-fourth round's first language work; 506, 70
    and 19 at its end (the tagger retrained on tuning21 holds one clean line more); 506, 70 and 20 after a review
    narrowed rules that had cost relatives' names and dates in probes. Short of the targets; a floor, not a goal."""
    assert not {c["text"] for c in HOLDOUT17_CASES if c["spans"]} & {c["text"] for c in TUNING19_CASES}
    report = evaluate(HOLDOUT17_CASES)
    assert report.recall() >= 506 / 573  # 88.3 %
    assert report.single_recall >= 70 / 78  # 89.7 %
    assert report.clean_fp_rate <= 20 / 204  # 9.8 %
    assert report.clean_confident_fp <= 5


def test_the_nineteenth_tuning_set_does_not_fall_below_its_figures():
    """The twenty-second writer's 40 %: 315 / 383 spans, 41 / 46 single cases and 10 / 136 clean raised (1
    confident) blind; 320, 41 and 10 with the twenty-second round's work on the earlier sets; 340, 41 and 3 (0
    confident) once the tagger is trained on it and after the fixes its lines showed; 346, 42 and 2 after the
    twenty-fourth round's language work, 345 after its review; 345 and 41 with the tagger retrained on tuning22
    (a Brazilian psychologist's "CRP" registration it had read; no rule reads "CRP", which is as often C-reactive
    protein). A floor, not a goal."""
    report = evaluate(TUNING19_CASES)
    assert report.recall() >= 345 / 383  # 90.1 %
    assert report.single_recall >= 41 / 46  # 89.1 %
    assert report.clean_fp_rate <= 2 / 136  # 1.5 %
    assert report.clean_confident_fp == 0


def test_the_twenty_third_rounds_held_apart_part_does_not_fall_below_its_measured_figures():
    """A twenty-third writer's identifiers and clean prose, 60 % of the round, never tuned on (the other 40 % is
    tuning20). Measured blind with the screen as the twenty-second round left it: 364 / 445 spans, 155 / 169
    single-identifier cases, 21 / 204 clean raised (3 confident); with the tagger trained on tuning20 as its build
    requires, 366, 156 and 20 (3 confident), and the same after the fixes its tuned-on part showed; 369, 157 and
    16 (1 confident) after ages, dates, towns lived in and a test's describers read in more languages and
    scripts, and public days of more states' instruments (the twenty-fourth round, worked from probes written for
    it, not from any set's lines); 373, 158 and 15 (0 confident) at the round's end; 372, 157 and 17 after a review
    narrowed rules that had cost relatives' names and dates in probes. Short of the targets; a floor, not a goal."""
    assert not {c["text"] for c in HOLDOUT18_CASES if c["spans"]} & {c["text"] for c in TUNING20_CASES}
    report = evaluate(HOLDOUT18_CASES)
    assert report.recall() >= 372 / 445  # 83.6 %
    assert report.single_recall >= 157 / 169  # 92.9 %
    assert report.clean_fp_rate <= 17 / 204  # 8.3 %
    assert report.clean_confident_fp == 0


def test_the_twentieth_tuning_set_does_not_fall_below_its_figures():
    """The twenty-third writer's 40 %: 232 / 285 spans, 101 / 117 single cases and 12 / 136 clean raised (3
    confident) blind; 238, 103 and 12 once the tagger is trained on it; 256, 107 and 9 (0 confident) after the
    fixes its lines showed; 258, 108 and 5 after the twenty-fourth round's language work, 258, 108 and 6 after its
    review; 257 and 107 with the tagger retrained on tuning22 (a Yoruba town written with combining accents, which
    the old tagger read and no rule does). A floor, not a goal."""
    report = evaluate(TUNING20_CASES)
    assert report.recall() >= 257 / 285  # 90.2 %
    assert report.single_recall >= 107 / 117  # 91.5 %
    assert report.clean_fp_rate <= 6 / 136  # 4.4 %
    assert report.clean_confident_fp == 0


def test_the_twenty_fourth_rounds_held_apart_part_does_not_fall_below_its_measured_figures():
    """A twenty-fourth writer's identifiers and clean prose, 60 % of the round, never tuned on (the other 40 % is
    tuning21). Measured blind with the screen as the twenty-third round left it: 316 / 410 spans, 139 / 170
    single-identifier cases, 14 / 204 clean raised (1 confident), through the form 238 / 276 refused or held; with
    this round's language work, done before the set was written, 318, 140 and 12 (239 / 276 through the form); after
    the fixes its tuned-on part showed and the tagger trained on it, 323, 140 and 12; 323, 140 and 13 after a
    review narrowed rules that had cost relatives' names and dates in probes. The furthest short of the targets of
    any writer's set; a floor, not a goal."""
    assert not {c["text"] for c in HOLDOUT19_CASES if c["spans"]} & {c["text"] for c in TUNING21_CASES}
    report = evaluate(HOLDOUT19_CASES)
    assert report.recall() >= 323 / 410  # 78.8 %
    assert report.single_recall >= 140 / 170  # 82.4 %
    assert report.clean_fp_rate <= 13 / 204  # 6.4 %
    assert report.clean_confident_fp <= 1


def test_the_twenty_first_tuning_set_does_not_fall_below_its_figures():
    """The twenty-fourth writer's 40 %: 221 / 272 spans, 101 / 115 single cases and 8 / 136 clean raised (2
    confident) blind; 229, 102 and 8 once the tagger is trained on it; 249, 111 and 3 (0 confident) after the fixes
    its lines showed; 247, 110 and 5 after the review. A floor, not a goal."""
    report = evaluate(TUNING21_CASES)
    assert report.recall() >= 247 / 272  # 90.8 %
    assert report.single_recall >= 110 / 115  # 95.7 %
    assert report.clean_fp_rate <= 5 / 136  # 3.7 %
    assert report.clean_confident_fp == 0


def test_the_twenty_fifth_rounds_held_apart_part_does_not_fall_below_its_measured_figures():
    """A twenty-fifth writer's identifiers and clean prose, 60 % of the round, never tuned on (the other 40 % is
    tuning22); many lines carry several identifiers. Measured blind with the screen as the twenty-fourth round left
    it: 660 / 798 spans, 24 / 29 single-identifier cases, 16 / 204 clean raised (2 confident), through the form
    261 / 276 refused or held (191 refused); 663 with the language work done before the set existed; 664 with the
    tagger trained on tuning22; 669, 24 and 16 after the fixes its tuned-on part showed (through the form 261 / 276,
    192 refused); 666 (191 refused) after a review narrowed rules that raised clean text in its probes. A floor, not
    a goal."""
    assert not {c["text"] for c in HOLDOUT20_CASES if c["spans"]} & {c["text"] for c in TUNING22_CASES}
    report = evaluate(HOLDOUT20_CASES)
    assert report.recall() >= 666 / 798  # 83.5 %
    assert report.single_recall >= 24 / 29  # 82.8 %
    assert report.clean_fp_rate <= 16 / 204  # 7.8 %
    assert report.clean_confident_fp <= 2


def test_the_twenty_second_tuning_set_does_not_fall_below_its_figures():
    """The twenty-fifth writer's 40 %: 449 / 556 spans, 9 / 11 single cases and 11 / 136 clean raised (2
    confident) blind; 463, 10 and 10 once the tagger is trained on it; 500, 10 and 5 (0 confident) after the fixes
    its lines showed; 499 after the review. A floor, not a goal."""
    report = evaluate(TUNING22_CASES)
    assert report.recall() >= 499 / 556  # 89.7 %
    assert report.single_recall >= 10 / 11  # 90.9 %
    assert report.clean_fp_rate <= 5 / 136  # 3.7 %
    assert report.clean_confident_fp == 0
