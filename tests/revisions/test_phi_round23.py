"""The twenty-third round: ages over 89 in more wordings and languages (a year of life, "then 97", Italian
ninety-odd, "with ninety-two years", a Polish past tense, Arabic, Japanese, a birthday reached in German), ages
said of a population in other languages, and an organisation's advice line named after another line's number.
Every example is invented."""

import pytest

from revisions.phi import screen
from tests.revisions.phi_checks import found


@pytest.mark.parametrize(
    "text, age",
    [
        ("My grandmother is in her 100th year and reads every change.", "100th year"),
        ("Staff noted that one resident, then 97, became agitated each afternoon.", "97"),
        ("La signora Ornella Bacciagaluppi, novantotto anni, è stata ricoverata.", "novantotto anni"),
        ("Mio nonno, novantuno, vive da solo.", "novantuno"),
        ("Um senhor de Tondela com noventa e três anos teve alta ontem.", "noventa e três anos"),
        ("Pacjent miał 93 lata i mieszkał sam.", "93 lata"),
        ("المريض كريم الزيدي ، 96 عامًا ، أدخل المستشفى.", "96 عامًا"),
        ("Meine Großtante ist am Sonntag hundert geworden.", "hundert"),
    ],
)
def test_an_age_over_89_in_more_wordings_and_languages_is_found(text, age):
    assert any(age in value for value in found(text, "age_over_89")), found(text)


def test_a_hundred_as_japanese_writes_it_is_an_age():
    assert found("祖母は先月百歳になりました。", "age_over_89") == ["百"]


@pytest.mark.parametrize(
    "text",
    [
        "Em adultos com mais de 90 anos, o delirium hipoativo é subdiagnosticado.",
        "Chez les personnes de plus de 90 ans, la prévalence de la démence dépasse 40 %.",
        "Bei Menschen über 90 Jahre ist das Delir häufig.",
        "Negli adulti con più di 90 anni la dose va ridotta.",
        "The cohort, then 95, was followed for two more years.",
        "研究参照:中国老年健康影响因素跟踪调查(CLHLS),包括百岁老人。",
        "百歳以上の高齢者は年々増えている。",
        "Das Verfahren ist hundert Jahre alt geworden.",
    ],
)
def test_an_age_said_of_a_population_or_a_thing_raises_nothing(text):
    assert found(text, "age_over_89") == []


@pytest.mark.parametrize(
    "text",
    [
        "The Mind infoline is 0300 123 3393. Rethink's advice line is 0808 801 0525.",
        "भारत में टेली-मानस हेल्पलाइन का नंबर 14416 है (1-800-891-4416 भी)। कृपया संसाधन अनुभाग में जोड़ें।",
    ],
)
def test_an_organisations_line_after_another_or_in_hindi_raises_nothing(text):
    assert screen({"note": text}).findings == []


def test_a_persons_number_after_a_helpline_is_still_found():
    text = "The Samaritans are on 116 123. My client's own mobile is 07700 900 412."
    assert found(text, "phone") == ["07700 900 412"]
