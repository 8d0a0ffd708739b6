"""A line of the sources field that names a private document (notes, a statement, a diary, an email thread, a page
of someone's own) is screened as prose; references stay references. Every example is invented."""

import pytest

from revisions.phi import screen


def sources_findings(text):
    found = screen({"sources_text": text}, citation_fields={"sources_text"}).findings
    return {(f.kind, text[f.start : f.end]) for f in found}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Supervision notes from Tamsin Vexworth-Quill, 3 March", ("date", "3 March")),
        ("Diary entry of 12 November, shared by the client", ("date", "12 November")),
        ("Carer's statement by Ottoline Brackwater-Finch, 2 May", ("name", "Ottoline Brackwater-Finch")),
        ("Email thread with j.quillfeather@example.org\nDated 2025/01/17", ("date", "2025/01/17")),
        ("zine given to Marisol Ekwueme-Trask at the drop-in", ("name", "Marisol Ekwueme-Trask")),
        (
            "client-authored blog I found helpful: https://healing-with-zed.example.net",
            ("url", "https://healing-with-zed.example.net"),
        ),
        ("personal site www.dr-quentin-vale.example.no", ("url", "www.dr-quentin-vale.example.no")),
        (
            "https://www.facebook.com/profile.php?id=100000000042",
            ("url", "https://www.facebook.com/profile.php?id=100000000042"),
        ),
    ],
)
def test_a_sources_line_naming_a_private_document_is_read_as_prose(line, expected):
    assert expected in sources_findings(line)


def test_a_heading_naming_notes_carries_the_lines_under_it_up_to_a_blank_line():
    reference = "Neff, K. D. (2003). Self-compassion. Self and Identity, 2(2), 85-101."
    notes = "Case file notes\nPt 93 F, seen Sept 9\nGDS = 11\n\n" + reference
    found = sources_findings(notes)
    assert {("age_over_89", "93"), ("date", "Sept 9")} <= found
    assert not {kind for kind, value in found if value in reference}


@pytest.mark.parametrize(
    "line",
    [
        "Session notes:\nNeff, K. D. (2003). Self-compassion. Self and Identity, 2(2), 85-101.",
        "Gilbert, P. (2010). Compassion focused therapy. Routledge. Case conference edition, 14 March 2011.",
        "Supervision notes are discussed in Falender, C. A., & Shafranske, E. P. (2004). Clinical supervision. APA.",
        "Personal communication is cited in text only (APA, 2020, section 8.9).",
        "Journal entry writing: Pennebaker, J. W. (1997). Psychological Science, 8(3), 162-166.",
    ],
)
def test_references_that_mention_such_documents_stay_references(line):
    assert sources_findings(line) == set()
