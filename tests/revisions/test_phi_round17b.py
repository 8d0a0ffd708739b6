"""The seventeenth round's precision work: families of clean clinical prose that the screen held or refused, each
with real PHI in similar phrasing that must still be caught. Every example is invented."""

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


# ---------------------------------------------------------------- organisations' crisis lines


@pytest.mark.parametrize(
    "text",
    [
        "Ghana: Lifeline Ghana +233 24 456 7890.",
        "Portugal: SOS Voz Amiga 213 544 545.",
        "Estonia – Eluliin Crisis Helpline 655 8088",
        "Chile: Fundación Todo Mejora Center +56 9 8765 4321",
        "Uruguay: Línea de Vida 0800 0767.",
        "Japan: よりそいホットライン 0120-279-338.",
        "The old number 1-800-273-TALK still routes to 988.",
        "Call 1-888-628-HOPE for the family line.",
        "Netherlands: 113 Zelfmoordpreventie 0800-0113.",
        "Japan: いのちの電話 0570-064-556 (Navi dial).",
    ],
)
def test_a_crisis_line_listed_by_country_or_named_before_its_number_is_an_organisations(text):
    assert found(text) == []


@pytest.mark.parametrize(
    "text, number",
    [
        ("Ghana: her mobile is +233 24 456 7890, she calls Lifeline Ghana a lot.", "+233 24 456 7890"),
        ("Ghana: Abena Mensah +233 24 456 7890", "+233 24 456 7890"),
        ("+233 24 456 7890 is a personal mobile in the helpline box, not a helpline.", "+233 24 456 7890"),
        ("Caller from (416) 555-0143 wanted the crisis line page changed.", "(416) 555-0143"),
        ("The crisis helpline's fax 0113 496 0117 is internal, please take it out.", "0113 496 0117"),
        ("Crisis helpline volunteer gave me her own number, 07700 900123, by mistake.", "07700 900123"),
    ],
)
def test_a_persons_number_beside_a_crisis_line_still_counts(text, number):
    assert covered(text, number, "phone")


@pytest.mark.parametrize(
    "text",
    [
        "Please link https://helpline-example.org on the crisis page.",
        "https://www.mindcharity-example.org.uk/ has the same leaflet.",
        "The charity's site is https://www.papyrus-example.org.",
    ],
)
def test_an_organisations_home_page_is_no_personal_link(text):
    assert found(text) == []


@pytest.mark.parametrize(
    "text, url",
    [
        ("my blog has a post on it https://ama-writes.example.org", "https://ama-writes.example.org"),
        ("Tomasz's site https://tomasz-heals.example.org has the post.", "https://tomasz-heals.example.org"),
        ("The post is at https://helpline-example.org/users/k.ama/diary", "https://helpline-example.org/users/k.ama/diary"),
        ("Link to https://amawrites.example.com please", "https://amawrites.example.com"),
    ],
)
def test_a_persons_page_under_an_organisations_domain_still_counts(text, url):
    assert covered(text, url, "url")
