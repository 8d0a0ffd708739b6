"""The sixteenth round's second part: national numbers, record labels and plates of other countries, and the
families of phrasing it added. Every example is invented."""

import pytest

from revisions.phi import screen
from tests.revisions.phi_checks import covered, found


@pytest.mark.parametrize(
    "text, number",
    [
        ("Sozialversicherungsnummer 99 010203 X 001 bitte löschen", "99 010203 X 001"),
        ("SV-Nr.: 9999 010203", "9999 010203"),
        ("AHV-Nr. 756.0000.1111.22", "756.0000.1111.22"),
        ("SSS No. 00-1111111-2 from the form", "00-1111111-2"),
        ("NUSS 99/00001111/22", "99/00001111/22"),
        ("número de la seguridad social 99 0000111122", "99 0000111122"),
        ("numéro de sécurité sociale 2 99 01 99 000 111 22", "2 99 01 99 000 111 22"),
        ("codice fiscale XXXYYY99A01Z999Q", "XXXYYY99A01Z999Q"),
        ("PESEL 99010100000", "99010100000"),
        ("주민등록번호 990101-1000000", "990101-1000000"),
    ],
)
def test_national_insurance_numbers_of_other_countries_are_found(text, number):
    assert covered(text, number, "ssn")


@pytest.mark.parametrize(
    "text",
    [
        "The NSS 2023 results were published in July.",
        "AVS 2019 was a small feasibility trial.",
        "Spain's seguridad social covers psychotherapy only in some regions.",
        "The SSS and the GSIS are the Philippines' two pension funds.",
    ],
)
def test_the_labels_alone_or_with_a_year_are_no_number(text):
    assert found(text, "ssn") == []


@pytest.mark.parametrize(
    "text, number",
    [
        ("Prontuário 2000/0000111 — desculpa", "2000/0000111"),
        ("numéro de dossier : 0000-11122", "0000-11122"),
        ("encounter #Z-20990101-0001 got pasted", "Z-20990101-0001"),
        ("RAMQ ZZZZ 0000 1111 on the referral", "ZZZZ 0000 1111"),
        ("if you need my NPI it's 0000011111", "0000011111"),
        ("カルテ番号 0000-1111 — すみません", "0000-1111"),
        ("病历号 20990101-001，请删除。", "20990101-001"),
        ("가상인의 보험번호 9-0000-1111-22는 삭제해 주세요.", "9-0000-1111-22"),
        ("история болезни № 0000-11", "0000-11"),
    ],
)
def test_record_labels_of_other_languages_and_scripts_are_found(text, number):
    assert covered(text, number, "record_number")


def test_a_respondents_id_is_found_even_in_the_sources():
    text = "Survey responses (respondent ID Q-00001111)"
    findings = screen({"sources": text}, citation_fields=["sources"]).findings
    assert [text[f.start : f.end] for f in findings] == ["Q-00001111"]


@pytest.mark.parametrize(
    "text",
    [
        "The 2019 encounter data were not linked to admissions.",
        "Admission numbers rose by a third over the winter.",
        "Each participant completed the PHQ-9 at weeks 0, 4 and 12.",
        "A dossier of 40 pages was sent to the ethics committee.",
    ],
)
def test_the_new_record_labels_need_a_number(text):
    assert found(text) == []


def test_a_case_conference_is_no_academic_conference():
    text = "Notes of the case conference, chaired by Zorya Imaginaire, 03/02/2099"
    assert covered(text, "Zorya Imaginaire", "name")
    assert covered(text, "03/02/2099", "date")


@pytest.mark.parametrize(
    "text, plate",
    [
        ("Client's car ZZ 000-111 was towed — leave that out", "ZZ 000-111"),
        ("her motorbike QQ 00 ZZ 0000 was stolen", "QQ 00 ZZ 0000"),
        ("Gari lake QZX 000Q ilionekana mjini", "QZX 000Q"),
        ("Номер машини ZZ 0000 QQ, власник невідомий.", "ZZ 0000 QQ"),
        ("QZX 0000 — parking sticker for the clinic, ignore", "QZX 0000"),
        ("QZX000 — that's the rego of the car in the photo", "QZX000"),
        ("架空 300 あ 00-11 — 駐車場の申請書から", "架空 300 あ 00-11"),
    ],
)
def test_plates_beside_their_vehicle_are_found(text, plate):
    assert covered(text, plate, "vehicle")


@pytest.mark.parametrize(
    "text",
    [
        "The VW van T5 2010 model was the one in the advert.",
        "She sold the car in 2019 and took the bus.",
        "PHQ-9 — the car analogy in paragraph 3 is confusing.",
        "Level 2 — parking is free after 6 pm.",
    ],
)
def test_a_model_year_or_a_scale_beside_a_vehicle_is_no_plate(text):
    assert found(text, "vehicle") == []


@pytest.mark.parametrize(
    "text, name",
    [
        ("Typo in para 2.\n\nSent from my phone\nZanele Dlamini\n+27 82 555 0000", "Zanele Dlamini"),
        ("Typo in para 2.\n\nSent from my iPhone\nQuentavious Ramaphosa", "Quentavious Ramaphosa"),
        ("The ERP line should come first. Signed Q. Okonkwo-Lindqvist", "Q. Okonkwo-Lindqvist"),
        ("(my notes) Desrosiers — 514-555-0100 — call back", "Desrosiers"),
        ("My own pt Q.Z. (95!) is the textbook case.", "Q.Z."),
    ],
)
def test_names_in_signatures_and_jotted_notes_are_found(text, name):
    assert covered(text, name, "name")


@pytest.mark.parametrize(
    "text",
    [
        "The treaty was signed by J. Smith in 1648.",
        "Sent from my iPhone\nPlease ignore the typos.",
        "Samaritans — 116 123, free from any phone.",
        "Hope: 0800 111 222 is the old number.",
        "Neff, K. D. (2003) defined self-compassion.",
    ],
)
def test_signatures_need_their_layout(text):
    assert found(text, "name") == []


@pytest.mark.parametrize(
    "text, address",
    [
        ("Erfundener Straße 130/2/14, Wien 1140 — bitte löschen", "Erfundener Straße 130/2/14"),
        ("Sie wohnt in der Beispielgasse 7/3, Graz", "Beispielgasse 7/3"),
        ("— Apt 4, 22 Sráid an Bhréige, Gaillimh", "22 Sráid an Bhréige"),
        ("Heol y Dychymyg 4, Caerdydd", "Heol y Dychymyg 4"),
        ("lives at Room 14, Quillfeather Care Home, Morpeth", "Room 14, Quillfeather Care Home"),
    ],
)
def test_streets_of_austria_ireland_and_wales_and_care_home_rooms_are_found(text, address):
    assert covered(text, address, "address")


@pytest.mark.parametrize(
    "text, town",
    [
        ("Erfundener Straße 130/2/14, Wien 1140", "Wien"),
        ("Apt 4, 22 Sráid an Bhréige, Gaillimh", "Gaillimh"),
    ],
)
def test_the_town_after_such_a_street_is_found(text, town):
    assert covered(text, town, "address")


@pytest.mark.parametrize(
    "text",
    [
        "The Berliner Straße study recruited 40 households.",
        "Room 14 is where the care home team meets.",
        "Sráid is the Irish word for street.",
    ],
)
def test_street_words_without_an_address_are_no_address(text):
    assert found(text, "address") == []


@pytest.mark.parametrize(
    "text, age",
    [
        ("pt 93, on donepezil 10 mg, lives alone", "93"),
        ("my grandmother Quilla Imaginaria-Vance scored 27 on the MMSE at 95.", "95"),
    ],
)
def test_ages_in_shorthand_and_at_the_end_of_a_long_clause_are_found(text, age):
    assert covered(text, age, "age_over_89")


@pytest.mark.parametrize(
    "text",
    [
        "Patient 93, a 40-year-old man, was excluded from the analysis.",
        "my grandmother scored at 95% on the hearing test.",
        "pt 93 mmHg systolic on arrival",
    ],
)
def test_a_patient_index_or_a_score_is_no_age(text):
    assert found(text, "age_over_89") == []


@pytest.mark.parametrize(
    "text",
    [
        "Kurt Schneider's list was revised in 1959.",
        "Kübler-Ross never meant the stages as a fixed sequence.",
        "Dostoevsky's epilepsy is often discussed alongside his novels.",
        "Avicenna's Canon devotes a chapter to lovesickness.",
        "Churchill's 'black dog' is the phrase most readers know.",
    ],
)
def test_figures_of_history_and_literature_name_no_one_in_care(text):
    assert found(text, "name") == []


def test_such_a_figure_still_counts_when_the_clinic_names_them_as_a_patient():
    assert covered("my client Mrs Churchill, 91, fell again", "Churchill", "name")


@pytest.mark.parametrize(
    "text",
    [
        "Jung's house at Seestrasse 228 in Küsnacht is a museum now.",
        "Freud's last home, 20 Maresfield Gardens in Hampstead, is open to visitors.",
        "Sherlock Holmes's 221B Baker Street is fictional, of course.",
    ],
)
def test_a_known_figures_own_places_are_no_ones_address(text):
    assert found(text, "address") == []


def test_a_known_figure_in_a_sentence_about_someone_in_care_leaves_their_address():
    text = "My client reads Freud's letters at home, 12 Fictional Street, Leeds."
    assert covered(text, "12 Fictional Street", "address")


@pytest.mark.parametrize(
    "text",
    [
        "The service grew out of Hartley's Wellbeing Report (2011), which set the targets.",
        "The Imaginary Recall Test (Marsh & Benedict) has two parallel forms.",
        "Alice in Mirrorland syndrome is not a recognised diagnosis.",
    ],
)
def test_works_authors_and_eponyms_name_no_one_in_care(text):
    assert found(text, "name") == []


@pytest.mark.parametrize(
    "text, name",
    [
        ("the twins (Sam & Alex) came in together", "Sam"),
        ("Alice in Leeds said the leaflet was hard to read", "Alice"),
    ],
)
def test_people_in_brackets_or_in_a_town_are_still_names(text, name):
    assert covered(text, name, "name")


@pytest.mark.parametrize(
    "text",
    [
        "Several Sahel countries share one psychiatrist per million people.",
        "Karolinska Institutet is in Solna, north of Stockholm.",
        "Nazi-era records from the asylum were destroyed in 1945.",
        "A Freud-style couch appears in the photo.",
    ],
)
def test_regions_foreign_institutions_and_compounds_name_no_one(text):
    assert found(text) == []


@pytest.mark.parametrize(
    "text, name",
    [
        ("Mary-Jane rang about her son", "Mary-Jane"),
        ("my client Era Quistwood missed her appointment", "Era Quistwood"),
    ],
)
def test_joined_and_everyday_given_names_are_still_names(text, name):
    assert covered(text, name, "name")


@pytest.mark.parametrize(
    "text, place",
    [
        ("Quorra is now at Fernbrake Clinic; please leave the unit out.", "Fernbrake Clinic"),
        ("her father, who is 94 and now at Thornleigh House, Dunblane.", "Thornleigh House"),
    ],
)
def test_a_place_someone_is_at_now_is_found(text, place):
    assert covered(text, place, "address")


@pytest.mark.parametrize(
    "text",
    [
        "The clinic is now at Thornleigh House since the move.",
        "It is now at Thornleigh House, as the map shows.",
    ],
)
def test_a_service_that_moved_is_no_ones_stay(text):
    assert found(text, "address") == []


@pytest.mark.parametrize(
    "text, firm",
    [
        ("He never got over the layoff at Quarrendon Freezing Works, his wife said.", "Quarrendon Freezing Works"),
        ("Since Brackwater Haulage let him go he sleeps in the cab.", "Brackwater Haulage"),
        ("mum does 4am starts at Fellbrook Dairy so sessions must be late", "Fellbrook Dairy"),
        ("He got the job at Ashcombe Joinery, his first since the psychosis.", "Ashcombe Joinery"),
    ],
)
def test_a_firm_named_by_its_trade_where_someone_works_is_found(text, firm):
    assert covered(text, firm, "name")


@pytest.mark.parametrize(
    "text",
    [
        "The Hawthorne studies took place at Western Electric's Hawthorne Works near Chicago, 1924–1932.",
        "Fellbrook Dairy won an award for its cheddar.",
        "A survey at Ashcombe Joinery and two other firms found high rates of back pain.",
    ],
)
def test_a_firm_with_no_one_working_there_is_no_employer(text):
    assert found(text, "name") == []


@pytest.mark.parametrize(
    "text, place",
    [
        (
            "PT SEEN 01-JAN-2099 BY DR. QUILLBY AT FERNHOLLOW CLINIC. PLAN: REVIEW — see the example",
            "FERNHOLLOW CLINIC",
        ),
        ("REFERRAL RECEIVED 01/01/2099 FROM ASHWICK VALE FAMILY PRACTICE — FAX BACK", "ASHWICK VALE FAMILY PRACTICE"),
    ],
)
def test_places_of_care_in_lines_written_in_capitals_are_found(text, place):
    assert covered(text, place, "address")


def test_a_name_in_capitals_before_the_writers_own_words_is_found():
    text = "PT SEEN 01-JAN-2099 BY DR. QUILLBY AT FERNHOLLOW CLINIC. PLAN: REVIEW — the MSE example"
    assert covered(text, "QUILLBY", "name")


@pytest.mark.parametrize(
    "text",
    [
        "PT SEEN IN MEMORY CLINIC TODAY, PLAN REVIEW IN SIX WEEKS",
        "PATIENTS ADMITTED TO THE MAUDSLEY HOSPITAL WERE FOLLOWED UP FOR TEN YEARS",
    ],
)
def test_a_kind_of_service_or_a_cohorts_hospital_in_capitals_is_no_place(text):
    assert found(text, "address") == []


@pytest.mark.parametrize(
    "text, date",
    [
        ("Passport no. Q0000001, issued 01/02/2099", "01/02/2099"),
        ("prisoner no. Z0000QQ, released 03/04/2099 — leave it out", "03/04/2099"),
        ("stimulator SN 00001 replaced 5 June 2099 per the clinic letter.", "5 June 2099"),
    ],
)
def test_the_day_a_persons_document_or_device_was_issued_is_a_date(text, date):
    assert covered(text, date, "date")


@pytest.mark.parametrize(
    "text",
    [
        "The guideline was issued 14 June 2019.",
        "The implant was first released 3 March 2021 in Europe.",
        "The ID card app was released 3 March 2021 for phones.",
    ],
)
def test_a_publication_or_products_release_is_no_ones_date(text):
    assert found(text, "date") == []
