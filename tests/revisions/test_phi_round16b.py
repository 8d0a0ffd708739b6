"""The sixteenth round's second part: national numbers, record labels and plates of other countries, and the
families of phrasing it added. Every example is invented."""

import pytest

from revisions.phi import screen


def found(text: str, kind: str | None = None) -> list[str]:
    return [text[f.start : f.end] for f in screen({"note": text}).findings if kind is None or f.kind == kind]


def covered(text: str, value: str, kind: str | None = None) -> bool:
    start = text.index(value)
    return any(
        start < f.end and f.start < start + len(value)
        for f in screen({"note": text}).findings
        if kind is None or f.kind == kind
    )


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
