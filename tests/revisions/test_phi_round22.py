"""The twenty-second round: a remark after a reference in the sources field that gives a person's record, a
relative's name in the readers' other languages, an age over 89 ending a sentence after a name, and an email
address run into the word after it. Every example is invented."""

import pytest

from revisions.phi import screen
from tests.revisions.phi_checks import covered, found

# ---------------------------------------------------------------- remarks after a reference


@pytest.mark.parametrize(
    "text, values",
    [
        (
            "Leitlinie Schlafstörungen (2021). Entlassbrief Herr Quirin Abendroth, geb. 04.11.1950, "
            "Fallnummer 55-30417.",
            ["Quirin Abendroth", "04.11.1950"],
        ),
        (
            "Nutt D, et al. Lancet. 2007;369:1047. — caso propio: Baltasar Irigoyen, NHC 00558812, alta 03/09/2023.",
            ["Baltasar Irigoyen", "03/09/2023"],
        ),
    ],
)
def test_a_remark_after_a_reference_that_gives_a_record_number_is_read_as_prose(text, values):
    for value in values:
        assert covered(text, value, field="sources_text"), value


@pytest.mark.parametrize(
    "text, value",
    [
        (
            "Ministério da Saúde. Protocolo TDAH (2022). Minha filha Yasmin Tavernaro foi diagnosticada tarde.",
            "Yasmin Tavernaro",
        ),
        (
            "Guía de la ansiedad (2019). Mi abuelo Evaristo Quintanilla nunca recibió tratamiento.",
            "Evaristo Quintanilla",
        ),
        ("Beck AT. Cognitive Therapy of Depression. 1979. Also my foster son Kasimir's review notes.", "Kasimir"),
        ("WHO. ICD-11 6B40. Case seen by me 4 Mar 2024, Odalys Fenwick, first episode.", "Odalys Fenwick"),
    ],
)
def test_a_remark_about_the_writers_own_relative_after_a_reference_is_read_as_prose(text, value):
    assert covered(text, value, field="sources_text")


@pytest.mark.parametrize(
    "text",
    [
        "Kessler RC, et al. Arch Gen Psychiatry. 2005;62(6):593-602. doi:10.1001/archpsyc.62.6.593",
        "S3-Leitlinie Unipolare Depression (2022). Herausgegeben von der DGPPN, Berlin.",
        "Vieta E, et al. Bipolar disorders. Nat Rev Dis Primers. 2018;4:18008. — a good overview; see also NICE CG185.",
        "Bron: Multidisciplinaire richtlijn Angststoornissen, versie 3, 2013.",
        "Quelle: Deutsche Gesellschaft für Psychiatrie, Positionspapier 2020.",
    ],
)
def test_references_and_remarks_about_them_raise_nothing(text):
    assert screen({"sources_text": text}, citation_fields={"sources_text"}).findings == []


# ---------------------------------------------------------------- relatives' names in other languages


@pytest.mark.parametrize(
    "text, value",
    [
        ("저희 아버지 김태식은 작년에 치매 진단을 받았습니다.", "김태식"),
        ("患者佐々木一郎さんの例を参考にしました。", "佐々木一郎"),
        ("Η μητέρα μου Ευανθία Παπαδημητρίου είναι 93 ετών.", "Ευανθία Παπαδημητρίου"),
        ("المريضة سلمى عبد الرزاق، رقم الملف 55-2231.", "سلمى عبد الرزاق"),
        ("המטופל יונתן בן-שושן, התחיל טיפול באוגוסט.", "יונתן בן-שושן"),
    ],
)
def test_a_name_after_a_relative_or_patient_word_in_other_scripts_is_found_whole(text, value):
    assert found(text, "name") == [value]


@pytest.mark.parametrize(
    "text",
    [
        "제 남편 이메일은 바뀌었습니다. 정신과 치료는 계속합니다.",
        "환자 정보를 공개하면 안 됩니다. 환자 장기간 복용 시 주의하세요.",
        "우리 아들 정말로 좋아졌어요.",
    ],
)
def test_everyday_korean_after_a_relative_or_patient_word_is_no_name(text):
    assert found(text, "name") == []


# ---------------------------------------------------------------- ages and emails


@pytest.mark.parametrize(
    "text, age",
    [
        ("The claim was for my grandmother Odile Fairbrass, 94. She was refused twice.", "94"),
        ("Seen at home: Mr Hollis Venn, 91.", "91"),
    ],
)
def test_an_age_over_89_ending_a_sentence_after_a_name_is_found(text, age):
    assert age in found(text, "age_over_89")


def test_a_two_digit_number_after_a_name_under_90_is_no_age():
    assert found("My mother Odile Fairbrass, 84. She was refused twice.", "age_over_89") == []


def test_an_email_address_run_into_the_next_word_is_found():
    text = "이메일은 hb.yoon@example.kr입니다."
    assert found(text, "email") == ["hb.yoon@example.kr"]
