"""Ages over 89 in more of the ways people write them: beside a date of birth in brackets, after a dash or in
German, after an initial's full stop, and "I'm 91". Counting and percentages stay clean. Every example is invented."""

import pytest

from revisions.phi import screen


def ages(text):
    return [text[f.start : f.end] for f in screen({"proposed_text": text}).findings if f.kind == "age_over_89"]


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("DOB 1930-02-11 (95) — pasted from the referral, sorry", "95"),
        ("born 14/08/1931 — so 94 now", "94"),
        ("geb. 03.03.1932, 93 J., lebt allein", "93"),
        ("my client T.Q. (96!) does exactly this", "96"),
        ("I'm 92 myself and remember when this was taught", "92"),
    ],
)
def test_an_age_over_89_written_this_way_is_found(text, age):
    assert ages(text) == [age]


@pytest.mark.parametrize(
    "text",
    [
        "I'm 95% sure the half-life is wrong",
        "I'm 100 percent behind this change",
        "Cohort born 1930-1935 (n = 94) in the Lothian study",
        "Table 2 (90) lists the items",
    ],
)
def test_a_number_that_is_no_age_stays_clean(text):
    assert ages(text) == []
