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


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # No year of publication, link, identifier or citation cue: nothing a reference is made of.
        (
            "discharge letter, Quillon Ashgrave-Tobin, Ward 7 East, d/c 14/03/2023",
            ("name", "Quillon Ashgrave-Tobin"),
        ),
        ("session audio 02/11/2022, speaker Marisol Quentwater", ("date", "02/11/2022")),
        ("court-ordered eval, defendant Ottoline Vexley, aged 93", ("age_over_89", "aged 93")),
        ("intake form of Bramwell Oakenshott-Pike, seen Tuesday 4 July", ("date", "Tuesday 4 July")),
        # a name in clinical words is as much a detail as a day or a number
        ("Prontuário eletrônico, paciente Quitéria Vasconcelinho", ("name", "Quitéria Vasconcelinho")),
    ],
)
def test_a_sources_line_with_nothing_of_a_references_shape_is_read_as_prose(line, expected):
    assert expected in sources_findings(line)


@pytest.mark.parametrize(
    "line",
    [
        # Each has some mark of a reference, and is left to the citation rules however few words it has.
        "Clark DM, Wells A. A cognitive model of social phobia. In: Heimberg RG, Hope DA, eds. Guilford; 1995:69–93.",
        "https://www.nice.org.uk/guidance/ng222",
        "Samaritans, samaritans.org, call 116 123",
        "EudraCT 2016-003456-21; German Clinical Trials Register DRKS00012345",
        "Beck Institute for Cognitive Behavior Therapy, 2021",
        "Kabat-Zinn J. Full Catastrophe Living. Delacorte; 1990",
    ],
)
def test_lines_with_a_references_shape_stay_references(line):
    assert sources_findings(line) == set()


def test_a_shapeless_line_beside_references_does_not_make_them_prose():
    references = "Neff KD. Self-compassion. Self Identity. 2003;2(2):85-101.\nhttps://self-compassion.org"
    text = references + "\nsession audio 02/11/2022, speaker Marisol Quentwater"
    found = sources_findings(text)
    assert ("date", "02/11/2022") in found
    assert not {kind for kind, value in found if value in references}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Quimby R, et al. Falls in the very old. Age Ageing. 2019;48(2):1-8. — our pt Odalys Wrenfield was in it",
            ("name", "Odalys Wrenfield"),
        ),
        (
            "Vantreece K. (2021). A memoir of psychosis. Privately printed. [author is my patient Kestrel Vantreece]",
            ("name", "Kestrel Vantreece"),
        ),
        ("NICE NG222 (2022). Also: a call with my psychiatrist on 3 Oct about the dose", ("date", "3 Oct")),
    ],
)
def test_a_remark_after_a_reference_about_the_writers_own_patient_or_relative_is_read_as_prose(line, expected):
    assert expected in sources_findings(line)


@pytest.mark.parametrize(
    "line",
    [
        "Quimby R, et al. Falls in the very old. Age Ageing. 2019;48(2):1-8. (my patients liked the leaflet)",
        "Neff KD. Self-compassion. Self Identity. 2003;2(2):85-101. — our clients found chapter 3 useful",
    ],
)
def test_a_remark_about_the_writers_patients_that_names_no_one_stays_clean(line):
    assert sources_findings(line) == set()
