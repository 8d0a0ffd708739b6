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


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("la signora Zelinda Quarrato, novantasei anni, ricoverata in geriatria", "novantasei anni"),
        ("Mme Berthe Quillac, quatre-vingt-dix-sept ans, vit seule", "quatre-vingt-dix-sept ans"),
        ("Frau Ottilie Wenzbach, sechsundneunzig Jahre, lebt allein", "sechsundneunzig Jahre"),
        ("mevrouw Trijntje Oosterwold, negentig jaar oud, woont alleen", "negentig jaar"),
        ("la abuela Xiomara cumplió noventa y ocho el martes y sigue con litio", "noventa y ocho"),
        ("我的病人钱先生，九十六岁，住在养老院", "九十六"),
        ("陳伯 (九十三歲) 一個人住", "九十三"),
        ("Mgonjwa Baraka Zuberi, umri miaka 96, anaishi peke yake", "miaka 96"),
        ("คุณยายสมใจ อายุ 95 ปี อยู่คนเดียว", "95"),
        ("Si Lola Pacita (91 taong gulang) ay nakatira mag-isa", "91 taong gulang"),
    ],
)
def test_an_age_over_89_in_another_language_is_found(text, age):
    assert ages(text) == [age]


@pytest.mark.parametrize(
    "text",
    [
        "Cien años de soledad is the novel she quoted in the narrative therapy example",
        "Cent ans de psychanalyse is a fine history of the method",
        "the 1996 Festschrift Hundert Jahre Psychoanalyse has the letters",
        "the cohort included people aged 90 años y más in the census table",
        "la tabla incluye personas de 95 y más años, sin nombres",
        "le registre compte les personnes de 90 ans et plus",
    ],
)
def test_a_title_or_a_population_in_another_language_has_no_age(text):
    assert ages(text) == []
