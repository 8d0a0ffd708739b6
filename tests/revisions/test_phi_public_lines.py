"""A service's number is no one's: a national line labelled as such, a toll-free number dialled without its
leading 1 where the text names a line, and the line's name before it. A person's toll-free-looking number in a
sentence about a crisis still counts. Every number here is invented or a public service's."""

import pytest

from revisions.phi import screen


def kinds(text):
    return {(f.kind, text[f.start : f.end]) for f in screen({"proposed_text": text}).findings}


@pytest.mark.parametrize(
    "text",
    [
        "France's national suicide prevention number is 3114 (since October 2021).",
        "Mexico: Línea de la Vida, 800 911 2000.",
        "In the US the old Lifeline number, 800 273 8255, still forwards to 988.",
        "Linha da Vida: 800 200 200",
    ],
)
def test_a_services_number_and_name_are_not_flagged(text):
    assert kinds(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rosa's number is 866 555 0199, she is in crisis", ("phone", "866 555 0199")),
        ("call me on 800 555 0134 tonight", ("phone", "800 555 0134")),
        ("Tobias Quillfeather, 888 555 0172", ("phone", "888 555 0172")),
        ("her national insurance number is QQ 12 34 56 C", ("record_number", "QQ 12 34 56 C")),
    ],
)
def test_a_persons_number_still_counts(text, expected):
    assert expected in kinds(text)
