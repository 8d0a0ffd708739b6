"""Families of published clinical prose the screen held or refused: a population's age range typed with the minus
sign a PDF copies, a paper's received and accepted dates, a study's fieldwork period. Each beside a person's own
age or date in similar phrasing that must still be caught. Every example is invented."""

import pytest

from tests.revisions.phi_checks import by_rules, covered, found


@pytest.mark.parametrize(
    "text",
    [
        "Prevalence of dementia among people aged 95−99 years old was 58%.",  # U+2212 minus sign
        "Women aged 91‒95 reported more loneliness than men.",  # U+2012 figure dash
        "Rates among adults aged 90‑94 were stable.",  # U+2011 non-breaking hyphen
        "In the 95 − 99 age band, falls doubled.",
    ],
)
def test_an_age_range_with_a_published_dash_is_a_populations(text):
    assert by_rules(text, "age_over_89") == []


@pytest.mark.parametrize(
    "text, age",
    [
        ("My client, 95, fell twice this winter.", "95"),
        ("Pt 93 y/o, widowed, lives alone.", "93 y/o"),
    ],
)
def test_one_persons_age_near_the_same_words_is_still_caught(text, age):
    assert covered(text, age, "age_over_89")


@pytest.mark.parametrize(
    "text",
    [
        "Received 2 February 2019; accepted 15 April 2019.",
        "Received: 11 June 2020 / Revised: 2 September 2020 / Accepted: 9 October 2020",
        "Epub 3 August 2019. PMID: 31000000.",
        "Published online 14 March 2021 in the journal's early view.",
        "Data were collected between 3 January 2015 and 30 June 2018.",
        "Questionnaires were administered from 12 September 2016 to 8 May 2017.",
        "The survey ran from 1 March 2020 to 31 May 2020, during the first lockdown.",
        "The study period was 1 July 2019 to 30 June 2021.",
    ],
)
def test_a_papers_history_or_a_studys_fieldwork_dates_no_one(text):
    assert by_rules(text, "date") == []


@pytest.mark.parametrize(
    "text, date",
    [
        ("She was admitted between 3 January 2015 and 5 January 2015.", "3 January 2015"),
        ("Mrs Vale received her letter on 2 February 2019 and was seen again in May.", "2 February 2019"),
        ("Data were collected from her at home on 3 March 2021, DOB 4 May 1931.", "4 May 1931"),
    ],
)
def test_a_persons_date_beside_the_same_words_is_still_caught(text, date):
    assert covered(text, date, "date")


@pytest.mark.parametrize(
    "text",
    [
        "The GDPR became applicable on 25 May 2018.",
        "The revised code applies from 1 October 2024 to every registered clinic.",
    ],
)
def test_the_day_a_law_or_code_applies_from_is_public(text):
    assert by_rules(text, "date") == []


@pytest.mark.parametrize(
    "text",
    [
        "Josef Breuer treated Bertha Pappenheim, known as Anna O.",
        "Bertha Pappenheim was later a social worker and a feminist.",
        "Kay Redfield Jamison's memoir describes mania from the inside.",
    ],
)
def test_a_historical_figure_named_in_full_is_not_held(text):
    assert found(text, "name") == []


def test_a_person_in_care_who_shares_a_figures_name_is_still_caught():
    text = "My client Bertha Pappenheim missed her appointment on 3 May 2023."
    assert covered(text, "Bertha Pappenheim", "name")


def test_a_second_pubmed_id_beside_a_labelled_one_is_a_papers():
    text = "PMID 16199811 is the wrong paper, the correct one for the trial's first phase is 16172203."
    assert by_rules(text, "record_number") == []


def test_a_labelled_record_number_beside_a_pubmed_id_is_still_caught():
    text = "PMID 16199811 is cited; her MRN 16172203 was pasted by mistake."
    assert covered(text, "16172203", "record_number")


# ---------------------------------------------------------------- towns in a text that gives a person's identifiers


@pytest.mark.parametrize(
    "text, town",
    [
        ("MRN 00481234 belongs to Mrs Okafor; the letter also names the town Chillicothe", "Chillicothe"),
        ("DOB 03/04/1950 is on the scan, and the referral came via Tallaght social services", "Tallaght"),
        ("Her phone 075 555 0134 is printed on the form beside the Thunder Bay office stamp", "Thunder Bay"),
    ],
)
def test_a_town_in_a_text_that_gives_a_persons_identifiers_is_one_more(text, town):
    assert covered(text, town, "address")


@pytest.mark.parametrize(
    "text",
    [
        "The Thunder Bay cohort study followed 400 adults for two years.",
        "Chillicothe's VA medical centre published its outcomes in 2019.",
        "Referrals came via Tallaght social services in the pilot (n = 40).",
    ],
)
def test_the_same_towns_in_clean_prose_are_left_alone(text):
    assert by_rules(text, "address") == []


# ------------------------------------------------- rooms, wards and homes in a text that gives a person's identifiers


@pytest.mark.parametrize(
    "text, place",
    [
        ("Mrs Quennell, DOB 02/03/1938, was moved to Ward 9 North last week", "Ward 9 North"),
        ("MRN 00739215 — she is in room C14 and the photo shows it", "room C14"),
        ("Ezra Vantongeren (aged 94) now lives at Marrowfield Lodge, please remove him", "Marrowfield Lodge"),
        ("her phone 075 555 0178 is written under St. Aldwyn's on the whiteboard", "St. Aldwyn's"),
        # and in the languages notes are written in
        ("Frau Quendlich, geb. 03.04.1931, wohnt im Haus Lindenquell, Zimmer 7", "Haus Lindenquell"),
        ("mevrouw Tjallingsma, 94 jaar, ligt op afdeling 3 Oost", "afdeling 3 Oost"),
        ("제 동생은 가명병원 폐쇄병동에 있어요. MRN 55-0012", "가명병원 폐쇄병동"),
    ],
)
def test_a_room_ward_or_home_in_a_text_that_gives_a_persons_identifiers_is_one_more(text, place):
    assert covered(text, place, "address")


@pytest.mark.parametrize(
    "text",
    [
        "St. Aldwyn's hospice published its bereavement audit in 2022.",
        "The Marrowfield Lodge model of supported housing is described in Unit 4 of the handbook.",
        "Room C14 is where the group sessions in the trial were run.",
        "I'm an RMN and the nursing observations section is out of date.",
    ],
)
def test_the_same_places_in_clean_prose_are_left_alone(text):
    assert found(text) == []


@pytest.mark.parametrize(
    "text, template",
    [
        ("the check-in kiosk stored face template FT-8812-07 for her", "face template FT-8812-07"),
        ("Quintessa's voiceprint enrolment ID VPE-40917 is in the screenshot", "voiceprint enrolment ID VPE-40917"),
    ],
)
def test_what_a_biometric_number_is_a_template_of_belongs_to_its_finding(text, template):
    assert template in found(text, "biometric")


# ------------------------------------------- history, laws, drug codes and public bodies, beside a person's own


@pytest.mark.parametrize(
    "text",
    [
        'Replace "Sergei Pankejeff was cured by analysis" with "he remained in analysis for decades".',
        'Patient "Tan" (Louis Victor Leborgne) was studied by Paul Broca in 1861.',
        'Change "Anna O. was cured" to "Anna O. (Bertha Pappenheim) was treated by Josef Breuer".',
        '제안: "정신건강복지법은 2017년 5월 30일 시행되었다"로 수정해 주세요.',
        "La legge 180 del 13 maggio 1978 ha portato alla chiusura dei manicomi.",
        "La ley entró en vigor el 2 de enero de 2021, según el boletín oficial.",
        "ATC code for clozapine is N05AH02; the article gives N05AH03, which is olanzapine.",
        "The Royal College of Psychiatrists moved to 21 Prescot Street, London E1 8BB in 2013.",
    ],
)
def test_history_laws_drug_codes_and_public_bodies_addresses_stay_clean(text):
    assert by_rules(text) == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("my client Quillan Erskwood, admitted 30 May 2017, asked us to remove the quote", "Quillan Erskwood"),
        ("환자 김가명은 2017년 5월 30일 입원했다", "2017년 5월 30일"),
        ("la paciente Xiomara Quintel ingresó el 13 de mayo de 2021", "13 de mayo de 2021"),
        ("pt lives at 4 Quay St, Dublin D02AF30", "D02AF30"),
        ("My client moved to 21 Tenterden Row, London E1 8BB in 2013.", "21 Tenterden Row"),
    ],
)
def test_a_persons_own_day_code_or_address_in_the_same_phrasing_is_still_found(text, value):
    assert covered(text, value)
