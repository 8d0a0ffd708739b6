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


@pytest.mark.parametrize(
    "text, place",
    [
        ("Moja babcia mieszka w Zakopanem od lat.", "Zakopanem"),
        ("Mój ojciec mieszkał we Wrocławiu.", "Wrocławiu"),
        ("Syn pacjentki mieszka w Poznaniu.", "Poznaniu"),
        ("Pacjent mieszka w Lublinie z córką.", "Lublinie"),
        ("Matka pacjentki mieszka w Krakowie.", "Krakowie"),
    ],
)
def test_a_town_in_a_polish_locative_case_is_found(text, place):
    assert place in found(text, "address")


def test_a_place_a_person_is_from_is_found_though_it_is_also_a_surname():
    assert found("A 14-year-old pupil from Moseley hid her hair loss under hats.", "address") == ["Moseley"]


def test_a_numbered_room_in_a_named_home_is_found():
    text = "room 214 at Fernbrook Nursing Home is where the photo was taken, pls remove"
    assert found(text, "address") == ["room 214", "Fernbrook Nursing Home"]


@pytest.mark.parametrize(
    "text",
    [
        "Badanie przeprowadzono w Krakowie w 2019 roku.",
        "Data from Moseley et al. show the same effect.",
        "Groups meet in Room 2 at Whitfield House on Tuesdays.",
    ],
)
def test_a_studys_town_an_author_or_a_meeting_room_is_no_ones_place(text):
    assert not any(value.startswith(("Krakowie", "Moseley", "Room")) for value in found(text, "address"))


@pytest.mark.parametrize(
    "text, values",
    [
        # the carer's name was read by the tagger alone, which no longer reads it once trained on tuning21: the
        # line's prose reading shows in its date, which a reference's would leave alone
        (
            "Personal communication, Edwina Larkspur (carer), 12 March 2023.\nAmerican Psychiatric Association (2022).",
            ["12 March 2023"],
        ),
        ("Personal communication, Margaret Thompson (carer), 12 March 2023.", ["Margaret Thompson", "12 March 2023"]),
        ("Quennell family archive; letters dated 4 June 1988 and 11 June 1988", ["4 June 1988", "11 June 1988"]),
    ],
)
def test_a_personal_communication_from_a_carer_or_a_familys_papers_in_the_sources_is_read_as_prose(text, values):
    findings = screen({"sources_text": text}, citation_fields=["sources_text"]).findings
    shown = [text[f.start : f.end] for f in findings]
    for value in values:
        assert value in shown, shown


@pytest.mark.parametrize(
    "text",
    [
        "Beck AT. Personal communication, 14 May 1998.",
        "Personal communication, Dr A. Wells (author), 2019.",
        "Smith J (2001). The family archive as a source in oral history. Hist J. 12(3):44-50.",
    ],
)
def test_an_authors_personal_communication_or_a_paper_on_family_archives_is_a_citation(text):
    assert screen({"sources_text": text}, citation_fields=["sources_text"]).findings == []


def test_a_colleague_named_in_lower_case_by_their_department_is_found():
    assert found("ps. greg from pharmacy says the valproate section needs the 2024 update", "name") == ["greg"]
    assert found("data from pharmacy says the dose is wrong", "name") == []
