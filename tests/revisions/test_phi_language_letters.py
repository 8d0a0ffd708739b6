"""Letters, cases and labels of more languages: Romanian "ș" and "ț" and Vietnamese "ơ" and "ư" are letters
of a name or a town, not where it ends; a town after "from" in Ukrainian, Russian and Polish is read in its
genitive ("з Житомира", "из Твери", "z Radomia"), Ukrainian towns spelled as Ukrainian is transliterated; ages
with Ukrainian "роки"/"рік", Romanian "de ani", Polish ", lat 93" and a form's label ("Edad: 93"); a named
ward, school or day centre that a person is on, attends or goes to. Every example is invented."""

import pytest

from tests.revisions.phi_checks import by_rules, covered, found


@pytest.mark.parametrize(
    "text, place",
    [
        ("Bunica mea locuiește în Iași.", "Iași"),
        ("Bunicul locuiește în Constanța de zece ani.", "Constanța"),
        ("Bà tôi sống ở Thủ Đức.", "Thủ Đức"),
    ],
)
def test_a_town_with_romanian_or_vietnamese_letters_is_held_whole(text, place):
    assert place in by_rules(text, "address"), found(text)


@pytest.mark.parametrize(
    "text, place",
    [
        ("91-річна жінка з Житомира розповідала про сирени вночі.", "Житомира"),
        ("Бабушке 94 года, она из Твери.", "Твери"),
        ("Pacjentka z Radomia mieszka sama od zimy.", "Radomia"),
        ("Моя клієнтка з Полтави боїться темряви.", "Полтави"),
    ],
)
def test_the_town_a_person_comes_from_is_found_in_its_genitive(text, place):
    assert place in by_rules(text, "address"), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Дослідження з Житомира охопило 400 учнів.",
        "Z Polski pochodzi wiele badań nad lękiem.",
        "Из России поступило три отчёта о программе.",
    ],
)
def test_a_town_or_country_no_one_is_from_is_left_alone(text):
    assert not by_rules(text, "address"), found(text)


@pytest.mark.parametrize(
    "text, age",
    [
        ("Моїй бабусі 92 роки, вона живе сама.", "92"),
        ("Дідусю 101 рік, він не впізнає онуків.", "101"),
        ("Bunica mea are nouăzeci și doi de ani.", "nouăzeci și doi"),
        ("Bunicul are 93 de ani și locuiește singur.", "93"),
        ("Pacjentka z Radomia, lat 93, mieszka sama.", "93"),
        ("Edad: 93. Vive con su hija.", "93"),
        ("Возраст: 95, живёт одна.", "95"),
        ("Alter: 94, lebt allein im Heim.", "94"),
    ],
)
def test_an_age_over_89_in_these_wordings_is_found(text, age):
    assert covered(text, age, "age_over_89"), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Studiul a inclus 90 de ani de date din registre.",
        "Badanie objęło osoby w wieku 18-95 lat.",
        "Рекомендації для людей віком 90 років і старше.",
        "Ponad 90 lat temu Freud opisał ten przypadek.",
        "Alter: 90 Tage nach der Operation wurde erneut gemessen.",
    ],
)
def test_a_span_of_years_a_population_or_days_is_nobodys_age(text):
    assert not found(text, "age_over_89")


@pytest.mark.parametrize(
    "text, place",
    [
        ("She has been on Willow Ward at Kingsmead Hospital since March.", "Willow Ward"),
        ("My daughter attends Oakfield School and the teachers noticed it first.", "Oakfield School"),
        ("She goes to Brookside Day Centre on Tuesdays.", "Brookside Day Centre"),
        ("He was an inpatient at Ard Caoimhe Unit, Portlaoise.", "Ard Caoimhe Unit"),
        ("Our son is a pupil at Larchwood Academy in Year 8.", "Larchwood Academy"),
    ],
)
def test_a_named_ward_school_or_centre_a_person_is_at_is_held(text, place):
    assert place in by_rules(text, "address"), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Maudsley Hospital pioneered this approach in the 1950s.",
        "Researchers at Harvard Medical School replicated the finding.",
        "The Frankfurt School influenced critical psychology.",
        "Patients on Nightingale Ward were followed for a year in the original audit.",
        "Pupils at Summerhill School set their own timetable, as Neill described.",
        "Zelda Fitzgerald was a patient at Highland Hospital when it burned.",
        "Nurses on Willow Ward piloted the new observation policy.",
    ],
)
def test_an_institution_named_in_public_or_for_a_group_is_left_alone(text):
    assert not by_rules(text, "address"), found(text)
