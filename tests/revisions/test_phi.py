"""The PHI screen: what a reader submitting a revision, and the editor reviewing it, would notice."""

import re
from pathlib import Path

import pytest

from revisions.phi import KINDS, Finding, Screening, mask, screen
from tests.revisions.phi_checks import by_rules

ROOT = Path(__file__).resolve().parent.parent.parent
SEED = ROOT / "fixtures" / "articles" / "self-compassion.md"
MARKER = re.compile(r"\s*\[(?:\d+(?:,\s*\d+)*|LLM)\]")
CITATIONS = {"sources"}


def seed_units() -> list[str]:
    """Every sentence-level unit of the seed article, read straight from the fixture file, markers stripped."""
    text = SEED.read_text(encoding="utf-8")
    front, body = text.split("\n---\n", 1)
    units = [line.split(":", 1)[1].strip() for line in front.splitlines() if line.startswith("lead:")]
    body = body.split("\n## Sources", 1)[0]
    for raw in body.splitlines():
        line = raw.strip()
        if not line or line.startswith(":::") or set(line) <= set("|- "):
            continue
        line = line.removeprefix("## ").removeprefix("- ").removeprefix("alt: ")
        cells = [c.strip() for c in line.strip("|").split("|")] if line.startswith("|") else [line]
        units += [MARKER.sub("", cell).strip() for cell in cells if cell.strip()]
    return units


def seed_sources() -> list[str]:
    """The seed article's source entries, each as one citation string."""
    text = SEED.read_text(encoding="utf-8").split("\n## Sources", 1)[1]
    return [block.strip() for block in text.split("\n\n") if block.strip()]


SEED_UNITS = seed_units()


def one(text: str, field: str = "proposed_text", **kwargs) -> Screening:
    return screen({field: text}, **kwargs)


# ---------------------------------------------------------------- each kind, with a message naming it


KIND_EXAMPLES = [
    # kind, text, raw value, confidence
    ("name", "My client Maria said the break felt awkward at first.", "Maria", "borderline"),
    ("date", "DOB 03/14/1987; referred for chronic self-criticism.", "03/14/1987", "confident"),
    ("age_over_89", "A 92-year-old widow used the soothing-touch practice.", "92-year-old", "confident"),
    ("phone", "Please call her back on (202) 555-0167 after the session.", "(202) 555-0167", "confident"),
    ("email", "She wrote from maria.lopez@example.org last night.", "maria.lopez@example.org", "confident"),
    ("address", "She lives at 42 Wallaby Way, near the clinic.", "42 Wallaby Way", "confident"),
    ("zip", "She moved to Springfield, IL 62704 to be near her sister.", "62704", "borderline"),
    ("record_number", "MRN 4471902 was written on the worksheet.", "4471902", "confident"),
    ("vehicle", "VIN 1FTFW1E57MFA12345 is on the insurer's letter.", "1FTFW1E57MFA12345", "confident"),
    ("device", "Pacemaker serial no. PM-7730291 was noted in the letter.", "PM-7730291", "borderline"),
    ("ssn", "SSN 078-05-1120 was written on the intake sheet.", "078-05-1120", "confident"),
    ("url", "Her blog https://heals.example.com/me names us.", "https://heals.example.com/me", "borderline"),
    ("ip", "The messages came from 192.0.2.44 last week.", "192.0.2.44", "confident"),
]  # fmt: skip


def test_kinds_cover_the_safe_harbor_identifiers_text_can_carry():
    assert set(KINDS) >= {kind for kind, *_ in KIND_EXAMPLES}
    assert all(isinstance(label, str) and label for label in KINDS.values())


@pytest.mark.parametrize("kind, text, raw, confidence", KIND_EXAMPLES, ids=[k for k, *_ in KIND_EXAMPLES])
def test_each_kind_is_caught_with_a_message_naming_it_and_hiding_the_value(kind, text, raw, confidence):
    result = one(text)
    found = [f for f in result.findings if f.kind == kind]
    assert len(found) == 1, result.findings
    finding = found[0]
    assert text[finding.start : finding.end] == raw
    assert finding.confidence == confidence
    assert finding.label == KINDS[kind]
    message = finding.describe()
    assert KINDS[kind] in message
    assert "“Proposed text”" in message
    assert f"(“{finding.masked(text)}”)" in message
    assert raw not in message
    assert "*" in finding.masked(text)
    assert result.verdict == ("reject" if confidence == "confident" else "hold")


def test_a_phone_message_reads_as_documented():
    result = one("Please call her back on (202) 555-0167 after the session.")
    assert [f.describe() for f in result.findings] == ["a phone number in “Proposed text” (“+1 ***-***-**67”)"]


def test_an_email_is_masked_to_its_shape():
    result = one("Write to j.okafor@example.org about the letter.")
    assert result.findings[0].masked_value == "j***@e******.org"


def test_messages_use_the_fields_own_label_when_given():
    result = screen({"note": "MRN 4471902"}, field_labels={"note": "Note to editors"})
    assert result.messages() == ["a record or account number in “Note to editors” (“4*****2”)"]


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Fax the discharge summary to 020 7946 0018.", "phone"),
        ("Her mobile is 0491 570 156 if the group needs to reschedule.", "phone"),
        ("Call me on +353 85 012 3456 if the letter brings up too much.", "phone"),
        ("Logged in from 2001:db8::ff00:42:8329 during the session.", "ip"),
        ("Her husband, Tomasz, joined the fourth session.", "name"),
        ("Mr. Okafor found the exercise calming.", "name"),
        ("Dr. Lee's patient Jamal struggled with backdraft.", "name"),
        ("Her son, 李明, joined the last session.", "name"),
        ("My client Мария found the letter exercise hard.", "name"),
        ("Client J.M. struggled with backdraft.", "name"),
        ("I had a patient named Thomas Reyes who could not write the letter.", "name"),
        ("The patient died on June 2, 2022, after completing the course.", "date"),
        ("Admitted 2021-03-14 after an overdose.", "date"),
        ("The client, aged 95, lives alone.", "age_over_89"),
        ("Pt is 94 yo and hard of hearing.", "age_over_89"),
        ("Home visit at 1600 Juniper Avenue, Apt 4B.", "address"),
        ("Client's postcode is LS1 4AP.", "zip"),
        ("Policy number PX-9937-1148 covers twelve sessions.", "record_number"),
        ("NPI 1234567893 on the referral form.", "record_number"),
        ("His licence plate is KX19 ABC.", "vehicle"),
        ("S/N: 4471-ABX-0932 on her insulin pump.", "device"),
        ("Social security number: 912-44-0193", "ssn"),
        ("He posts his journal on https://www.instagram.com/example_kwame_journal/.", "url"),
    ],
)
def test_more_formats_of_each_kind(text, kind):
    assert kind in {f.kind for f in one(text).findings}


@pytest.mark.parametrize(
    "text, raw, kind",
    [
        ("Many thanks for the edit.\nCheers, Bryn", "Bryn", "name"),
        ("Thanks,\nWren", "Wren", "name"),
        ("Mary-Kate Dunmore's bulimia came back in the spring.", "Mary-Kate Dunmore", "name"),
        ("Ji-hoon Baek said the breathing script helped.", "Ji-hoon Baek", "name"),
        ("dc 22/11 with a safety plan", "22/11", "date"),
        ("appointments 3/4, 10/4, 17/4 were all attended", "17/4", "date"),
        ("lithium started 9 Mar, 400 mg nocte", "9 Mar", "date"),
        ("her review would be the 14th", "14th", "date"),
        ("sent to Ward 7C, MRN 5540921, overnight", "5540921", "record_number"),
        ("his laptop serial FVHQK8N2PLT4 was on the report", "FVHQK8N2PLT4", "device"),
        ("her visa grant number 4417720039915 is on the letter", "4417720039915", "record_number"),
        ("UPI id asha.k@okbank for the refund", "asha.k@okbank", "record_number"),
        ("he posts as u/quiet_recovery_dad every night", "u/quiet_recovery_dad", "url"),
        ("stays at Plot 41, 2nd Main, Indiranagar 1st Stage, Bengaluru with cousins", "Plot 41, 2nd Main", "address"),
        ("they live in Villa 7, Street 15, Al Warqa 3, Dubai", "Villa 7, Street 15", "address"),
        ("family in Sector 21, Noida now", "Sector 21", "address"),
        ("she grew up off Jalan Tun Razak, which she still dreams about", "Jalan Tun Razak", "address"),
        ("moved to Bed 4, Larch Ward, St Cuthbert's Hospital", "Bed 4, Larch Ward", "address"),
        ("lives at Avenida Paulista 900, Campinas with her aunt", "Campinas", "address"),
        ("the chippy on Tolworth Road is where he was assaulted", "Tolworth Road", "address"),
        ("in a van at Seaview Caravan Park, Whitby YO21 3AA for now", "Seaview Caravan Park", "address"),
        ("Pinheiros, São Paulo, 05422-010 is where she lived", "05422-010", "zip"),
        ("her snapchat is moss_girl_07 if you need it", "moss_girl_07", "url"),
        ("his insta handle is quietfern", "quietfern", "url"),
        ("he games on discord as owlet#7710", "owlet#7710", "url"),
        ("the router logged MAC 3C:22:FB:91:0A:7D at the time", "3C:22:FB:91:0A:7D", "device"),
        ("DOB 07AUG1958 on the discharge letter", "07AUG1958", "date"),
        ("her op was 3/11 and the confusion began 5/11", "5/11", "date"),
        ("he was detained on 4.2.23 under section 2", "4.2.23", "date"),
        ("the review is planned for the 18th", "18th", "date"),
        ("she lives at Carrera 15 # 88-20, apto 402, in the north", "Carrera 15 # 88-20", "address"),
        ("moved from Bay 3, bed 2 on Willow Ward overnight", "Bay 3, bed 2", "address"),
        ("the family live on the Lawnswood estate in Leeds", "Lawnswood", "address"),
        ("RR 2 Box 19B, outside town", "RR 2 Box 19B", "address"),
        ("Stand 4410, Zone 6, Meadowlands now", "Stand 4410, Zone 6", "address"),
        ("Kind regards\nEirlys", "Eirlys", "name"),
        ("Hey Rosalind! Thanks for the edit.", "Rosalind", "name"),
        ("referral from Aoife McAteer-Quinn, school nurse", "McAteer-Quinn", "name"),
        ("Tamsin and I both think the example is off", "Tamsin", "name"),
        ("the kenteken ZT-418-K is in the photo", "ZT-418-K", "vehicle"),
        ("the number plate (M-QX 5521) shows in Figure 2", "M-QX 5521", "vehicle"),
        ("the card shows GRP 55102 / MBR 0077123410", "0077123410", "record_number"),
        ("the tube label shows M0044218", "M0044218", "record_number"),
    ],
)
def test_fourth_round_forms(text, raw, kind):
    found = [(f.kind, text[f.start : f.end]) for f in one(text).findings]
    assert any(k == kind and raw in value for k, value in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Thanks, Team",
        "he scored 12/27 on the PHQ and 3/4 on the item",
        "the Ward 5 audit found no change",
        "Block 2, Session 3 covers the soothing rhythm breath.",
        "The H1N1 pandemic changed how groups met.",
        "The trial from Toronto found he improved.",
        "We watched it on Instagram Live and the ig link is in the notes.",
        "The tiktok post about the trial went viral.",
        "The clinic on Harbour Road runs an evening group.",
        "Relative risk RR 1.33 in the pooled analysis.",
        "The Flynn effect and the Capgras delusion are both named after people.",
        "The guideline was published in The Lancet after a long delay on 13 July 1974.",
        "Cohort children born in mid-1977 were followed up.",
    ],
)
def test_fourth_round_forms_leave_these_alone(text):
    assert one(text).findings == []


def test_a_sources_line_about_the_patient_is_screened_in_full_and_a_reference_is_not():
    personal = screen(
        {"sources": "handout given to pt at Elm Tree Surgery, Hexham NE46 1AB"}, citation_fields=CITATIONS
    )
    assert {"address", "zip"} <= {f.kind for f in personal.findings}
    reference = "Gilbert P (2009) The Compassionate Mind. London: Constable. His own summary is at example.org/cm"
    assert screen({"sources": reference}, citation_fields=CITATIONS).findings == []


@pytest.mark.parametrize(
    "line, kind",
    [
        ("Export for client Tomasz Wrona, 10.0.0.1 left in by mistake", "name"),
        ("Scanned intake form, Priya Raman, +44 20 7946 0321", "name"),
        ("Psychiatric report: Danny Keogh, HMP Leeds", "name"),
        ("Note from Chidi Okonkwo, 22 Adeola Odeku Street, Victoria Island", "name"),
    ],
)
def test_a_sources_line_that_reads_as_no_reference_and_carries_a_personal_document_is_screened_in_full(line, kind):
    assert kind in {f.kind for f in one(line, "sources", citation_fields=CITATIONS).findings}


@pytest.mark.parametrize(
    "line",
    [
        "Letter from Birmingham Jail, Martin Luther King Jr.",
        "Court report writing for expert witnesses, Jones and Smith",
    ],
)
def test_a_titled_document_in_the_sources_is_a_reference(line):
    assert one(line, "sources", citation_fields=CITATIONS).findings == []


def test_an_authors_email_in_a_reference_leaves_the_authors_alone():
    reference = "Neff KD (2003). Self-compassion. Self and Identity, 2(3), 223-250. Contact: k.neff@example.edu"
    assert {f.kind for f in one(reference, "sources", citation_fields=CITATIONS).findings} == {"email"}


@pytest.mark.parametrize(
    "text, name",
    [
        ("Beatriz's member ID W7731-0092 is on the form", "Beatriz"),
        ("Okonkwo - acct 00123 4567 8901 - sorry, wrong box", "Okonkwo"),
        ("the BIN 3KQ9-WD2-RP41 belonging to Gerhard", "Gerhard"),
        ("reg KM19 XTB (Thandiwe's car)", "Thandiwe"),
        ("any questions: Marguerite (mags.marguerite@example.org)", "Marguerite"),
        ("Nomvula - acct 4471 2209 118 (Capitec) for the grant", "Nomvula"),
        ("Dr. Chidinma Eze, MDCN reg. 55102, would like to help", "Chidinma Eze"),
    ],
)
def test_a_name_written_as_whose_an_identifier_is_is_a_name(text, name):
    assert name in {text[f.start : f.end] for f in one(text, "note").findings if f.kind == "name"}


@pytest.mark.parametrize(
    "text, raw, kind",
    [
        ("Mr Quillon, ninety-four, asked for a larger font", "ninety-four", "age_over_89"),
        ("her aunt Odile Varga (ninety-seven) reads it aloud", "ninety-seven", "age_over_89"),
        ("the gentleman on Rowan Ward, 100 next month, liked the page", "100", "age_over_89"),
        ("she's 101 on 9 March and wants a party", "101", "age_over_89"),
        ("Ilse Brandauer, 93 Jahre, Seniorenheim", "93", "age_over_89"),
        ("Grandpa Vic (as the staff call him) is 94 and still swims", "94", "age_over_89"),
        ("client Oona (DOB 02/03/1931, 93) likes the large print", "93", "age_over_89"),
        ("Mr Hollis, a retired docker from Tilbury, asked about it", "Tilbury", "address"),
        ("Sunniva Haugen, 19, from Tromsø wrote in", "Tromsø", "address"),
        ('the form reads "Edwina Crouch, 94, Margate" in the top box', "Margate", "address"),
        ("his username on the pharmacy app is corvid_dave12", "corvid_dave12", "url"),
        ("she sent it from her account fenna.writes last night", "fenna.writes", "url"),
        ("login: pbarlow77 (the practice portal)", "pbarlow77", "url"),
        ("reach her office on (555) 201-0199 ext 31 after lunch", "(555) 201-0199", "phone"),
        ("his review on 21st May clashes with Ramadan", "21st May", "date"),
        ("her appointment on 8 May overlaps with half term", "8 May", "date"),
        ("I'm the physio at Larkspur Grange, so this matters to me", "Larkspur Grange", "name"),
        ("I run the memory clinic at Oakhollow Community Health and we use it", "Oakhollow Community Health", "name"),
        ("Our service Tidewell Youth Support used the page in a workshop", "Tidewell Youth Support", "name"),
        ("Employee no. 55120934 at Fenmoor Haulage - my client", "Fenmoor Haulage", "name"),
        ("the Adewunmi family moved to the coast last year", "Adewunmi", "name"),
        ("she nannies for the Van Rensburg twins after school", "Van Rensburg", "name"),
        ("Handover list:\nBed 3 Kowalczyk, settled\nBed 4 Nnadozie, agitated", "Nnadozie", "name"),
        ("respite was at Brackenfield House for her father", "Brackenfield House", "address"),
        ("the widow in bed 2 at St Ebba's Hospice, Alnmouth, asked for it", "St Ebba's Hospice", "address"),
        ("the veteran at Harrowgate Veterans' Home told me", "Harrowgate Veterans' Home", "address"),
        ("she was placed at Kestrel Women's Refuge after the assault", "Kestrel Women's Refuge", "address"),
        ("Ward 9, Fairholme Hospital, Dundee was where he stayed", "Ward 9, Fairholme Hospital", "address"),
        ("Ward 9, Fairholme Hospital, Dundee was where he stayed", "Dundee", "address"),
        ("signature: Fernlea Community Health, 4 Mill Parade, Orange NSW 2800", "Fernlea Community Health", "address"),
        ("she now lives at Rue des Lilas 4, Lyon 69003, with her sister", "69003", "zip"),
        ("the practice is in Gulshan Block 2, Karachi 75300 and he goes weekly", "75300", "zip"),
        ("Client P.M., reviewed Tuesday, wants the page shorter", "P.M.", "name"),
        ("tdoc: pt K. rang about the sleep page", "K.", "name"),
        ("Odesa → Wrocław in 2022, then here", "Wrocław", "address"),
        ("route: Herat -> Mashhad -> Izmir with her brother", "Izmir", "address"),
        ("the rota photo shows 'Quayle 08:15 21/03' in the corner", "21/03", "date"),
        ("Juniper (client, 19) posts there daily", "Juniper", "name"),
        ("Hello editors, Ifeoluwa here - nurse in Ibadan", "Ifeoluwa", "name"),
        ('he prefers "Uncle Tevita" in any example', "Uncle Tevita", "name"),
        ("mrs o'brennan rang to say thanks for the page", "o'brennan", "name"),
        ("he spent the night in Cell 2, Carlton police station", "Cell 2, Carlton police station", "address"),
        ("they live in Gulshan III, Karachi with his uncle", "Gulshan III", "address"),
        ("Best wishes\nAdaeze Okoro | Mental Health Nurse\nRiverside Team", "Adaeze Okoro", "name"),
        ("Tavita works for Ōwairaka Bowls Club on weekends", "Ōwairaka Bowls Club", "name"),
        ("Tavita works for Ōwairaka Bowls Club on weekends", "Tavita", "name"),
        ("she wants to see the revised leaflet before 9th Oct", "9th Oct", "date"),
        ("Kind regards,\nDr. Amara Okafor\nSuite 2, 9 Quay Lane", "Amara Okafor", "name"),
        ("Please tell the reviewer (Marisol) I agree", "Marisol", "name"),
        ("talked w/ RJ re: the page, she's happy", "RJ", "name"),
        ('"Gran" is what the whole ward calls her', "Gran", "name"),
    ],
)
def test_seventh_round_forms(text, raw, kind):
    found = [(f.kind, text[f.start : f.end]) for f in one(text).findings]
    assert any(k == kind and raw in value for k, value in found), found


@pytest.mark.parametrize(
    "text",
    [
        "The scale runs seventy, eighty, ninety, a hundred.",
        "she is 92 on most measures of recall",
        "She (n = 40) is 95 percent sure of it.",
        "Martin Seligman from Philadelphia developed the theory.",
        "Works in accounts for the council.",
        "Forgotten login details are the commonest portal problem.",
        "By session 10 May help to review the plan.",
        "We run the trial at several sites across the region.",
        "The Tavistock family therapy model is described below.",
        "Bed 4 review happens at noon.",
        "He was admitted to St Thomas' Hospital last year.",
        "Veterans at Harrowgate Veterans' Home were surveyed.",
        "In the trial, Boston 12000 participants were screened.",
        "The patient came in at 9 A.M. every day.",
        "Anxiety → Avoidance → Relief is the cycle to explain.",
        "At 14:00 3/4 of the group had left.",
        "ms fatigue scales are listed below",
        "Chapter 3, Leeds study results are summarised.",
        "Clinical Lead | Senior Nurse",
        "Carl Rogers - Psychologist",
        "Mindfulness works for many people at Headspace.",
        "The revised guideline was published on 3 May 2023.",
        "Thanks,\nClinical Team",
        "She is a psychologist at Kingsbridge University and wrote the scale.",
        "The Brontë sisters wrote about grief.",
        "The scale (Likert) has five points.",
        "We talked with PE specialists about it.",
        'Some call them "Warriors" in the press.',
        'The disorder, known as "Neurasthenia" in 1915, was common.',
    ],
)
def test_seventh_round_forms_leave_these_alone(text):
    kinds = ("age_over_89", "address", "url", "date", "name", "zip")
    assert [f for f in one(text).findings if f.kind in kinds] == []


@pytest.mark.parametrize(
    "text, raw, kind",
    [
        ("ADM DATE: 03 FEB 2021 — WARD REVIEW", "03 FEB 2021", "date"),
        ("DOB NOV 9, 1958 ON THE FORM", "NOV 9, 1958", "date"),
        ("Data: wtorek, 12 marca 2024 — prośba o tłumaczenie", "12 marca 2024", "date"),
        ("she came on 3 maart 2022 with her daughter", "3 maart 2022", "date"),
        ("doğum 14 Ekim 1979, ailesiyle geldi", "14 Ekim 1979", "date"),
        ("Pak Budi datang 17 Agustus 2023", "17 Agustus 2023", "date"),
        ("we met the day before her ninety-second birthday", "ninety-second", "age_over_89"),
        ("DOB 3rd Mar 1931, 93, lives alone", "93", "age_over_89"),
        ("DOB March the 9th 1932, so ninety-one, and sharp", "ninety-one", "age_over_89"),
        ("Auntie Fen (ninety-four!!) still gardens", "ninety-four", "age_over_89"),
        ("Family tree:\n- Odette (niece)\n- Grand-père Aurèle, 97", "97", "age_over_89"),
        ("my grandad had his hip done at 96 and walked in a week", "96", "age_over_89"),
        ("she is now a nonagenarian living with her son", "nonagenarian", "age_over_89"),
        ("PT NAME: QUILLFEATHER, BRONWEN J | DOB: 02/02/1980", "QUILLFEATHER, BRONWEN J", "name"),
        ("NOK: VASQUEZ-ORDUNA, TOMASINA  REL: AUNT", "VASQUEZ-ORDUNA, TOMASINA", "name"),
        ("PT: KAHURANGI PAEWAI MRN: X998812 WARD: TE AHI", "KAHURANGI PAEWAI", "name"),
        ("PT: KAHURANGI PAEWAI MRN: X998812 WARD: TE AHI", "TE AHI", "address"),
        ("PT MOSSGROVE-TALLIS, ELSPETH · DOB 01 JAN 1950", "MOSSGROVE-TALLIS, ELSPETH", "name"),
        ("Provider: R. Quenneville, NP", "R. Quenneville", "name"),
        ("HOME ADDRESS: 12 CHEMIN DES PINS 13008 MARSEILLE TEL 04 91 00 00 00", "12 CHEMIN DES PINS", "address"),
        ("Age: 40\tLives: Bramblecote Sheltered Housing\tDx: F32", "Bramblecote Sheltered Housing", "address"),
        ("fall reported Mon 3 Jun, Room 21C — please update the page", "Room 21C", "address"),
        ("moved to Heronsgate Supported Living, Flat 4A", "Flat 4A", "address"),
        ("Bldg 12, Rm 305, Camp Larkin — seen twice", "Rm 305", "address"),
        ("Re: your appointment on 2 May at Westbrook Behavioral Health", "Westbrook Behavioral Health", "address"),
        ("seen Friday at Tōtara Wellbeing Hub with her aunt", "Tōtara Wellbeing Hub", "address"),
        ("the twins share a room at Umthombo Frail Care now", "Umthombo Frail Care", "address"),
        ("pt blessing adeyemi rang about the leaflet", "blessing adeyemi", "name"),
        ("patient chidi okafor-adeyemi seen today", "chidi okafor-adeyemi", "name"),
        ("PHILHEALTH: 09-112233445-1 on the claim form", "09-112233445-1", "record_number"),
        ("card shows BCBS QRT 552 90817 on the front", "QRT 552 90817", "record_number"),
        ("CPSO #900417 is printed on the form", "900417", "record_number"),
        ("DVLA: MORLA701019AB9XY on the letter", "MORLA701019AB9XY", "record_number"),
        ("UCI 9911-0022 on the refugee claim", "9911-0022", "record_number"),
        ("Meadow (14, she/her) asked about the clinic", "Meadow", "name"),
        ("Summer is 15 and says the page is patronising", "Summer", "name"),
        ("faxed attn Dr Quarrington, the referral is late", "Quarrington", "name"),
        ("My supervisor Prof. Henrike Albrechtsen disagreed", "Henrike Albrechtsen", "name"),
        ("I saw Mrs Penhallow on the seventeenth, after her fall", "seventeenth", "date"),
    ],
)
def test_eighth_round_forms(text, raw, kind):
    found = [(f.kind, text[f.start : f.end]) for f in one(text).findings]
    assert any(k == kind and raw in value for k, value in found), found


@pytest.mark.parametrize(
    "text",
    [
        "The corner shop and 5 mart stores closed in the strike.",
        "ALL STAFF MAY 12 HOURS SHIFTS REQUEST",
        "Reference: Kessler RC, Lancet, 95\nmore to follow",
        "my client scored at 95% of the norm.",
        "my dad's pulse settled at 94 bpm overnight.",
        "A nonagenarian cohort was followed for five years.",
        "Patient: Female, 45, presenting with low mood",
        "Name: Not Given\nAddress: N/A",
        "Ward: general medicine wards are busy",
        "The patient: who decides what goes in the notes?",
        "Groups run on Thursdays, Room 3, 2pm onwards.",
        "Room 101 is where Orwell put the worst thing in the world.",
        "Room 4, Session 3 covers the breathing exercise.",
        "I started at Public Health England in 2015.",
        "Appointments at Primary Care are hard to get.",
        "the patient walked home alone after group",
        "pt feels okafor was kind to her",
        "Version 3 is 15 and has fewer pages.",
        "According to Dr Aaron Beck, thoughts matter.",
        "On the fourth attempt she passed the test.",
    ],
)
def test_eighth_round_forms_leave_these_alone(text):
    kinds = ("age_over_89", "address", "url", "date", "name", "zip")
    assert [f for f in one(text).findings if f.kind in kinds] == []


@pytest.mark.parametrize(
    "text, raw, kind",
    [
        ('as in "Dear Dr Penwarden, I reviewed her notes..." in the template', "Penwarden", "name"),
        ("Signed: Dr Thandeka Mabuza, Counselling Psychologist, tel 021 555 0110", "Thandeka Mabuza", "name"),
        ("cc Dr Vellacott re the audit", "Vellacott", "name"),
        ("Duke and Earl (brothers!) were both referred", "Duke", "name"),
        ("Duke and Earl (brothers!) were both referred", "Earl", "name"),
        ("Lincoln is 16 and says the page is too long", "Lincoln", "name"),
        ('voicemail from Sunny: "cant come thurs" — the DNA policy is harsh', "Sunny", "name"),
        ("Ngaire flew home to Gisborne for the tangi", "Ngaire", "name"),
        ("Rocky (Flat 3/14 Rowan Rd, Leeds) was the one who asked", "Rocky", "name"),
        ("Temi & Kunle Bakare, Flat 7, Dorrit House, SE1 4AB", "Kunle Bakare", "name"),
        ("he grew up on the Lorimer Estate with his nan", "Lorimer", "address"),
        ("both lads are from Thornbury Estate originally", "Thornbury Estate", "address"),
        ("her daughter was at Ashdene House for 2 weeks in spring", "Ashdene House", "address"),
        ("the date of birth is twenty third april nineteen sixty one", "twenty third april nineteen sixty one", "date"),
        ("born the fourth of July two thousand and two", "fourth of July two thousand and two", "date"),
        ("Twins Ada and Ida Okafor, 89 and 93, still cook", "93", "age_over_89"),
        ("my son was diagnosed at Tamarind Hospital last spring", "Tamarind Hospital", "address"),
        ("she was seen twice at Carrow Heath clinic and discharged", "Carrow Heath", "address"),
        ("his first ECT at Ollerton Grange went badly", "Ollerton Grange", "address"),
        ("GP: Dr Wilhelmina Thackeray, Bramble Lane Surgery", "Wilhelmina Thackeray", "name"),
        ("Dr Okonkwo-Baptiste said to raise it here", "Okonkwo-Baptiste", "name"),
        ("my psychiatrist dr. mbanefo changed the dose", "mbanefo", "name"),
        ("Thanks for reading.\nYours,\nDr Cressida Vantongeren", "Cressida Vantongeren", "name"),
        ("mi paciente Araceli Ybarra de 93 años se cayó", "93", "age_over_89"),
        ("Frau Mittelstaedt, 91 Jahre — Beispiel", "91", "age_over_89"),
        ("my grandmother, ninety-three years of age, lives alone", "ninety-three", "age_over_89"),
        ("my patient Mrs Dobre have 94 years and still walks", "94", "age_over_89"),
        ("病人王芳，95岁，住院", "95", "age_over_89"),
        ("Bed 2 Ashby, Marjorie 92 – settled overnight", "92", "age_over_89"),
        ("2. KOWALCZYK, Irena – 96, confused at night", "96", "age_over_89"),
        ("my client Ayanda Zulu, ref no. 4471, from Polokwane, lost her grant", "Polokwane", "address"),
        ("soy enfermera en Arequipa y mi paciente tiene 40 años", "Arequipa", "address"),
        ("o paciente mora em Campinas com a filha", "Campinas", "address"),
        ("I'm Harriet Quennell, the nurse who wrote this section", "Harriet Quennell", "name"),
        ("hiya its Willow again, still no reply from the team", "Willow", "name"),
        ("Hello all, Radoslav Mrkonjic here (GP, Split) with a small fix", "Radoslav Mrkonjic", "name"),
        ("Signature:\nIfeyinwa Chukwuemeka, PsyD\nLicensed Psychologist", "Ifeyinwa Chukwuemeka", "name"),
        ("> On Tue, Ama Owusu-Ansah <ama.oa@example.org> wrote:", "Ama Owusu-Ansah", "name"),
        ("To: team@example.org\nCc: Priyanka Raman\nRe: leaflet", "Priyanka Raman", "name"),
        ('The vignette\'s "Sonny, a retired miner from Leigh" is my patient', "Sonny", "name"),
        ("her school (Mossgate Primary) won't make adjustments for her", "Mossgate Primary", "name"),
        ("Sent from my phone\nBeth\n07700 900555", "Beth", "name"),
        ("notes shared with permission from Maureen Ostrowski, the carer", "Maureen Ostrowski", "name"),
        ("he crashed the car on august 9th and was admitted", "august 9th", "date"),
        ("she was on the unit from 2 May to 16 May last year", "2 May", "date"),
        ("Ward round 9/4: asked again about leave", "9/4", "date"),
        ("the review got moved to the 14th without telling her", "14th", "date"),
        ("bed 6\t21/09 admitted\tolanzapine 10 mg", "21/09", "date"),
        ("| Name | Age | Unit |\n| Ottilie Brandauer | 93 | Larch Wing |", "Ottilie Brandauer", "name"),
        ("| Name | Age | Unit |\n| Ottilie Brandauer | 93 | Larch Wing |", "93", "age_over_89"),
        ("| Name | Age | Unit |\n| Ottilie Brandauer | 93 | Larch Wing |", "Larch Wing", "address"),
        ("Name\tDOB\tMRN\nJovana Petrović\t1950-01-02\tB1234567", "Jovana Petrović", "name"),
        ("GP: Dr Tobias Wren-Halloway, Penhallow Surgery\nDx: F32", "Penhallow Surgery", "address"),
        ("notes from Marguerite Olabisi, Fenwick Clinic, tel. 0114 496 0000", "Fenwick Clinic", "address"),
        ("discharged to Larkmead House hostel, Skegness last week", "Skegness", "address"),
    ],
)
def test_ninth_round_forms(text, raw, kind):
    found = [(f.kind, text[f.start : f.end]) for f in one(text).findings]
    assert any(k == kind and raw in value for k, value in found), found


@pytest.mark.parametrize(
    "text",
    [
        "According to Dr Aaron Beck, thoughts matter.",
        "The Quick Guide To Sleep Hygiene For Carers",
        "Version 2 is 15 and has more pages.",
        "Reading Group (12 members) meets weekly.",
        "a message from London arrived about the trial",
        "The conference was at Carnegie Hall for two days.",
        "Adults aged 85, 90 and 95 were sampled.",
        "One March twenty people came to the group.",
        "Patients admitted to the Maudsley were followed up for a year.",
        "He was seen in March and discharged in April.",
        "She was diagnosed in Memory Clinic after a long wait.",
        "According to Dr Aaron Beck, thoughts matter.",
        "Alzheimer's disease is named after Dr Alois Alzheimer, who described it.",
        "As Dr Gilbert argued in the book, shame is social.",
        "es raro en mayores de 90 años según el estudio",
        "we have 95 years of data on this cohort",
        "Age 90 is the threshold the rule uses for aggregation.",
        "The Mental Capacity Act 2005 came fully into force on 1 October 2007.",
        "The Act was in force from 1 July 2019.",
        "The trial en Madrid recruited 300 participants.",
        "El estudio en Bogotá incluyó 200 pacientes.",
        "I'm British and I'm Jewish, so the section spoke to me.",
        "Hi, it's March already and the page is not updated.",
        "Opening hours\nMonday\n0800 123 4567",
        "3/4 admitted to hospital in the trial had relapsed.",
        "you may 4th time lucky with this approach",
        "The group may to 10 people grow.",
        "| Drug | Dose | Unit |\n| Lithium | 400 | MG |",
        "| Scale | Items | Age |\n| PHQ-9 | 9 | 12 |",
        "Prof Jane Smith, Royal Hospital, said the scale works.",
        "The test comes from Bolam v Friern Hospital Management Committee [1957] 1 WLR 582.",
        "Joy, Hope and Patience are in the strengths table.",
    ],
)
def test_ninth_round_forms_leave_these_alone(text):
    kinds = ("age_over_89", "address", "url", "date", "name", "zip")
    # The rules leave them alone; the learned tagger may hold a study's town for an editor, never refuse it.
    assert [value for kind in kinds for value in by_rules(text, kind, field="proposed_text")] == []


def test_a_charitys_03_number_in_a_sentence_about_support_is_public():
    assert one("The helpline number on the page (0345 123 4567) is correct.").findings == []
    assert [f.kind for f in one("ring me on 0345 123 4567 tonight").findings] == ["phone"]


def test_an_interview_with_a_carer_in_the_sources_is_screened_in_full():
    line = "Interview with carer, Ward 4C, 3 Feb 2024 (unpublished notes)"
    result = screen({"sources_text": line}, citation_fields={"sources_text"})
    assert {f.kind for f in result.findings} == {"address", "date"}
    reference = "Okafor N. Interview with the patient as method. Qual Health Res. 2019;29(4):511-20."
    assert screen({"sources_text": reference}, citation_fields={"sources_text"}).findings == []


@pytest.mark.parametrize(
    "text",
    ["CPSO guidance from 2019 says to document consent.", "The Kaiser Permanente 1998 study of childhood adversity"],
)
def test_a_regulator_or_insurer_before_a_year_is_no_identifier(text):
    assert one(text).findings == []


@pytest.mark.parametrize(
    "text",
    [
        "The Flesch–Kincaid score of the new draft is lower.",
        "Mention Guillain–Barré in the differential.",
        "The lesson of Phineas Gage is often overstated.",
        "The phrase comes from the 1944 film Dark Waters by Edmund Threlkeld.",
        "There is a memoir by Rosalind Achterberg about her recovery.",
    ],
)
def test_eponyms_famous_cases_and_authors_of_works_are_no_names(text):
    assert by_rules(text, field="proposed_text") == []  # a plausible name may be held by the tagger


def test_an_employer_ends_before_another_phrase_and_a_sentences_full_stop():
    text = "I run the eating clinic at Redgum Family Service and the BMI charts are old. She works for Brell Co."
    found = {text[f.start : f.end] for f in one(text).findings if f.kind == "name"}
    assert found == {"Redgum Family Service", "Brell Co."}


def test_a_known_organisation_before_its_street_is_not_read_as_a_personal_place():
    text = "The Mayo Clinic, 200 First Street SW, publishes patient guides."
    assert not any("Mayo" in text[f.start : f.end] for f in one(text).findings)


def test_an_en_dash_eponym_leaves_a_named_client_alone_only_when_no_role_names_them():
    assert "name" in {f.kind for f in one("my client Rhiannon–Jones found it hard").findings}


def test_a_label_in_another_language_before_an_identifier_is_no_name():
    text = "Télécopie : 01 55 50 99 10"
    assert "name" not in {f.kind for f in one(text, "note").findings}


def test_a_named_home_or_unit_where_the_person_stays_is_an_address_and_one_in_a_study_is_not():
    text = "Dad was moved to Birchfield Lodge, Kendal after the fall."
    assert {text[f.start : f.end] for f in one(text).findings} == {"Birchfield Lodge", "Kendal"}
    assert one("Participants at the Maudsley Hospital were recruited in 2004.").findings == []
    assert one("Patients admitted to the Bethlem Royal Hospital were followed for a year.").findings == []
    assert one("She lectured at Carnegie Hall about grief.").findings == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("the case is obviously hers (Thandiwe, 14/02/2023, Pietermaritzburg), please cut it", {"Thandiwe",
                                                                                             "Pietermaritzburg"}),
        ("my patient Mr Okoye (91, Scunthorpe) recognised himself", {"Scunthorpe"}),
        ("Dalia Haddad of Zarqa described the flashbacks in detail", {"Dalia Haddad", "Zarqa"}),
    ],
)  # fmt: skip
def test_a_given_name_and_a_town_listed_with_a_persons_details_are_flagged(text, expected):
    assert expected <= {text[f.start : f.end] for f in one(text, "note").findings}


@pytest.mark.parametrize(
    "text, name",
    [
        ("rebooked f/u w/ oluwaseun for next week", "oluwaseun"),
        ("Hamid (the older one) told me the leaflet helped", "Hamid"),
        ("svetlana and dmitri (parents) asked for the Russian version", "svetlana"),
    ],
)
def test_names_after_clinical_shorthand_before_an_aside_or_a_role_in_brackets_are_names(text, name):
    assert name in {text[f.start : f.end] for f in one(text, "note").findings if f.kind == "name"}


@pytest.mark.parametrize(
    "text",
    [
        "Test-retest reliability was acceptable, r(98) = .31, and F(2, 96) = 4.2 for the group effect.",
        "Bowlby's attachment theory and Ainsworth's Strange Situation remain foundational.",
        "Rates of probable PTSD in lower Manhattan were higher than in outer boroughs.",
        "The Kenyan and Brazilian samples were smaller than the Indian one.",
        "The worked example comes from Clark (1986), not from a real patient.",
        "CTRI/2020/01/022345 is the Indian registration of the trial.",
    ],
)
def test_statistics_eponyms_places_in_general_demonyms_and_cited_authors_are_left_alone(text):
    assert one(text).findings == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("she grew up in Barangay Poblacion, Makati City 1210", {"Barangay Poblacion", "Makati City", "1210"}),
        ("Kelurahan Menteng, Jakarta Pusat 10310", {"Kelurahan Menteng", "Jakarta", "10310"}),
        ("send it to P.O. Box 7721-00200, Nairobi", {"P.O. Box 7721-00200", "Nairobi"}),
        ("Blk 45, #03-112, Tampines Ave 3", {"Blk 45, #03-112, Tampines Ave 3"}),
        ("arrested in the 300 block of Maple Avenue, Tulsa", {"300 block of Maple Avenue", "Tulsa"}),
        ("Rua da Aurora 100, Recife/PE 50030-230", {"50030-230"}),
    ],
)
def test_addresses_as_other_countries_and_police_reports_write_them(text, expected):
    assert expected <= {text[f.start : f.end] for f in one(text, "note").findings}


@pytest.mark.parametrize(
    "text, date",
    [
        ("her husband died on 3 Shawwal 1443, just after Eid", "3 Shawwal 1443"),
        ("bar mitzvah was 12 Tishrei 5784 and he relapsed after", "12 Tishrei 5784"),
        ("MRN 5527109 adm 3/11, dc'd three days later", "3/11"),
        ("J.T., 21/07, Swansea - the case in the second paragraph", "21/07"),
    ],
)
def test_dates_of_other_calendars_after_shorthand_and_listed_with_a_name_are_dates(text, date):
    assert date in {text[f.start : f.end] for f in one(text, "note").findings if f.kind == "date"}


def test_a_month_of_another_calendar_named_in_general_is_no_date():
    assert one("Fasting during Ramadan changes lithium levels; plan doses with the prescriber.").findings == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("crime reference number 4471/22/0913 from the night of the assault", "4471/22/0913"),
        ("Patienten-ID P-2291-04 on the discharge letter", "P-2291-04"),
        ("vein scan id VS 55102 from the clinic", "vein scan id VS 55102"),  # what it is a template of, too
        ("his PAN is BQTPK7731M if you need it", "BQTPK7731M"),
        ("she sleeps in her van (KDA 772M) near the depot", "KDA 772M"),
    ],
)
def test_police_foreign_biometric_and_tax_identifiers_are_identifiers(text, value):
    assert value in {text[f.start : f.end] for f in one(text, "note").findings}


@pytest.mark.parametrize(
    "text, employer",
    [
        ("Workplace = Hartley Fasteners Ltd, night shifts", "Hartley Fasteners Ltd"),
        ("Farida and Yusuf Haddad, both nurses at Westmead Private, asked about burnout", "Westmead Private"),
    ],
)
def test_an_employer_in_a_form_field_or_of_named_people_is_a_name(text, employer):
    assert employer in {text[f.start : f.end] for f in one(text, "note").findings}


def test_the_staff_of_a_named_institution_in_general_name_no_employer():
    assert one("Nurses at Guy's Hospital were surveyed in 2019.").findings == []


# ---------------------------------------------------------------- the seed article raises nothing


def test_the_seed_extraction_covers_the_article():
    assert len(SEED_UNITS) > 100
    assert any("Kristin Neff" in unit for unit in SEED_UNITS)
    assert any(unit.startswith("Muris and Otgaar argue") for unit in SEED_UNITS)
    assert "Improve emotion regulation" in SEED_UNITS  # a SMART row cell


@pytest.mark.parametrize("unit", SEED_UNITS)
def test_every_seed_sentence_raises_nothing(unit):
    for field in ("proposed_text", "note"):
        assert one(unit, field).findings == []


def test_the_whole_seed_article_raises_nothing():
    body = SEED.read_text(encoding="utf-8").split("\n## Sources", 1)[0]  # front matter included
    result = screen({"proposed_text": body, "note": body})
    assert result.findings == [] and result.verdict == "clean"


def test_every_unit_the_article_parser_reads_raises_nothing(seed_data):
    texts = [seed_data["lead"]]
    for section in seed_data["sections"]:
        for block in section["blocks"]:
            texts.append(block.get("alt_text") or "")
            for unit in block["units"]:
                texts += [unit["text"], unit.get("goal", ""), unit.get("objective", ""), unit.get("term", "")]
    result = screen({f"unit{i}": text for i, text in enumerate(texts) if text})
    assert result.findings == []


# ---------------------------------------------------------------- citations


CLEAN_CITATIONS = seed_sources() + [
    "Neff, K. D. (2003). Self and Identity, 2(3), 223–250. https://doi.org/10.1080/15298860309027",
    "PMID: 35961039",
    "PMC9095813",
    "Muris, P., & Otgaar, H. (2022). Mindfulness, 13, 1403–1409. https://doi.org/10.1007/s12671-022-01898-4",
    "Gilbert, P. (2009). The compassionate mind. London: Constable. ISBN 978-1-84901-098-6.",
    "Germer, C. K. (2009). The mindful path to self-compassion. New York, NY: Guilford Press. ISBN 0-306-40615-2",
    "Hofmann SG, Grossman P. Clin Psychol Rev. 2011 Nov;31(7):1126-32. doi: 10.1016/j.cpr.2011.07.003. Epub 2011 Jul",
    "World Health Organization. (2023, March 31). Depressive disorder. Retrieved June 3, 2024, from https://www.who.int/",
    "Neff, K. D. [@self_compassion]. (2021, February 10). https://twitter.com/self_compassion/status/1359512345678",
    "ClinicalTrials.gov Identifier: NCT03025087",
    "Report No. 2021-0042, Department of Health, Wellington, New Zealand.",
]  # fmt: skip


@pytest.mark.parametrize("citation", CLEAN_CITATIONS)
def test_citation_fields_do_not_trip_on_authors_years_dois_pmids_or_urls(citation):
    assert one(citation, "sources", citation_fields=CITATIONS).findings == []


def test_the_same_citation_text_in_a_prose_field_is_judged_as_prose():
    # Outside a citation field a dated retrieval line is still a date a person could be tied to.
    text = "Her last appointment was on 3 June 2024."
    assert one(text, "sources", citation_fields=CITATIONS).findings == []
    assert [f.kind for f in one(text).findings] == ["date"]


@pytest.mark.parametrize(
    "citation, kind, confidence",
    [
        ("Case file, SSN 078-05-1120, scanned 2021.", "ssn", "confident"),
        ("Contact the family on +44 20 7946 0321 for the original letter.", "phone", "confident"),
        ("Telehealth log exported from 192.0.2.77.", "ip", "confident"),
        ("Unpublished case notes, MRN 4471902.", "record_number", "confident"),
        ("Personal communication from j.okafor@example.com, 2023.", "email", "borderline"),
    ],
)
def test_citation_fields_still_catch_unmistakable_identifiers(citation, kind, confidence):
    findings = one(citation, "sources", citation_fields=CITATIONS).findings
    assert [(f.kind, f.confidence) for f in findings] == [(kind, confidence)]


# ---------------------------------------------------------------- not PHI


@pytest.mark.parametrize(
    "text",
    [
        "Since 2019, the clinic has offered an 8-week Mindful Self-Compassion group.",
        "Neff (2003) proposed three components (Neff, 2003; Gilbert, 2009).",
        "In the 1990s, research on self-esteem dominated the field.",
        "A 67-year-old client found the soothing-touch practice helpful.",
        "A patient aged 89 completed the adapted version.",
        "Studies of adults aged 90 and over are rare.",
        "Participants (mean age 90.2) were nursing-home residents.",
        "Sessions were 50 minutes long and took place weekly over 6 weeks.",
        "By session 10, the client reduced self-critical episodes from 8 to 5 per week.",
        "The Self-Compassion Scale has a 26-item and a 12-item form.",
        "The client and a therapist practised the break together.",
        "Kristin Neff, Paul Gilbert and Christopher Germer have all written about backdraft.",
        "The DOI for the validation paper is 10.1080/15298860309027.",
        "See https://www.nice.org.uk/guidance/ng222 and https://doi.org/10.1002/jclp.21923.",
        "Effect sizes were moderate (g = 0.52, 95% CI 0.31–0.73, p < .001, N = 1,480).",
        "The guideline was last updated on 14 March 2023.",
        "Each patient completed the Patient Health Questionnaire (PHQ-9) at intake.",
        "Version 10.2.0.1 of the app fixed the timer.",
        "In the US, dial 988; Samaritans can be reached on 116 123.",
    ],
)
def test_ordinary_clinical_prose_is_clean(text):
    result = one(text)
    assert result.findings == [] and result.verdict == "clean"


# ---------------------------------------------------------------- verdicts


def test_verdicts_reject_on_any_confident_finding_and_hold_on_borderline_only():
    clean = screen({"proposed_text": "Self-compassion is not self-pity.", "note": "Typo fix in section 2."})
    held = screen({"proposed_text": "My client Maria found this useful.", "note": "On March 3, 2024 we began."})
    rejected = screen({"proposed_text": "My client Maria found this useful.", "note": "Her SSN is 078-05-1120."})
    assert (clean.verdict, clean.confident, clean.borderline) == ("clean", [], [])
    assert held.verdict == "hold" and held.confident == [] and {f.kind for f in held.borderline} == {"name", "date"}
    assert rejected.verdict == "reject"
    assert [f.kind for f in rejected.confident] == ["ssn"] and [f.kind for f in rejected.borderline] == ["name"]


def test_a_date_tied_to_a_person_is_confident_and_a_bare_session_date_is_borderline():
    assert one("She was born on 14 March 1990.").findings[0].confidence == "confident"
    assert one("On March 3, 2024 the session focused on backdraft.").findings[0].confidence == "borderline"


def test_findings_carry_the_field_they_came_from():
    result = screen({"proposed_text": "Clean prose.", "note": "MRN 4471902", "name": None})
    assert [(f.field, f.kind) for f in result.findings] == [("note", "record_number")]
    assert result.for_field("note") == result.findings and result.for_field("proposed_text") == []


# ---------------------------------------------------------------- masking


MIXED = (
    "My client Maria Lopez (DOB 03/14/1987) lives at 42 Wallaby Way, Springfield, IL 62704 and can be reached "
    "on (202) 555-0167 or maria.lopez@example.org; SSN 078-05-1120, MRN 4471902, IP 192.0.2.44."
)
MIXED_VALUES = ["Maria Lopez", "03/14/1987", "42 Wallaby Way", "Springfield", "62704", "(202) 555-0167", "555-0167",
                "maria.lopez@example.org", "078-05-1120", "4471902", "192.0.2.44"]  # fmt: skip


def test_mask_hides_every_value_but_keeps_the_prose():
    result = one(MIXED)
    masked = mask(MIXED, result.findings)
    for value in MIXED_VALUES:
        assert value not in masked
    assert masked.startswith("My client M**** L**** (DOB **/**/****) lives at ")
    assert "Springfield" not in masked and ", IL " in masked and "can be reached on" in masked
    assert masked == result.masked_text("proposed_text")
    for message in result.messages():
        assert not any(value in message for value in MIXED_VALUES)


@pytest.mark.parametrize("kind, text, raw, confidence", KIND_EXAMPLES, ids=[k for k, *_ in KIND_EXAMPLES])
def test_masked_values_hide_most_letters_and_digits(kind, text, raw, confidence):
    finding = next(f for f in one(text).findings if f.kind == kind)
    masked = finding.masked(text)
    hidden = sum(1 for a, b in zip(raw, masked) if a.isalnum() and b == "*")
    visible = [c for c in masked if c.isalnum()]
    assert hidden >= 2
    assert len([c for c in raw if c.isalnum()]) > len(visible)


@pytest.mark.parametrize("text, raw", [("Her son, 李明, joined.", "李明"), ("Client J.M. struggled.", "J.M.")])
def test_short_names_and_names_without_letter_case_are_masked_whole(text, raw):
    (finding,) = one(text).findings
    assert finding.kind == "name"
    assert not any(ch.isalpha() for ch in finding.masked(text))


def test_a_finding_can_be_built_directly_and_masks_itself():
    text = "Her SSN is 078-05-1120."
    finding = Finding("ssn", "note", 11, 22, "confident", KINDS["ssn"])
    assert finding.masked(text) == "0**-**-***0"
    assert mask(text, [finding]) == "Her SSN is 0**-**-***0."
    assert finding.describe().startswith("a Social Security number in “Note”")


# ---------------------------------------------------------------- long clean text


def test_a_long_clean_text_raises_nothing():
    prose = " ".join(SEED_UNITS)
    text = (prose * 2)[:4000]
    fields = {name: text for name in ("proposed_text", "note", "summary", "caption", "rationale")}
    assert screen(fields).findings == []


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("The resident, aged 95 years, fell twice.", "aged 95 years"),
        ("Seen a 98 y/o woman on the ward.", "98 y/o"),
        ("Mr Venn is ninety-three years old.", "ninety-three years old"),
        ("a 93-year-old man with delirium", "93-year-old"),
        ("She is 96 years of age.", "96 years of age"),
        ("At the age of 92, she moved in with us.", "age of 92"),
        ("Age: 90\nSex: F", "Age: 90"),
        ("my nan turned 94 last week", "94"),
    ],
)
def test_an_age_is_found_and_masked_with_the_words_that_make_it_one(text, phrase):
    [finding] = [f for f in screen({"note": text}).findings if f.kind == "age_over_89"]
    assert text[finding.start : finding.end] == phrase
    assert not any(ch.isdigit() for ch in finding.masked_value)


@pytest.mark.parametrize("text", ["Participants aged 90 years or older were excluded.", "Ages 90 and over: 4%."])
def test_a_population_age_with_its_wording_is_still_left_alone(text):
    assert screen({"proposed_text": text}).findings == []


@pytest.mark.parametrize(
    "text",
    [
        "The Lisbon earthquake of 1 November 1755 shaped early ideas of collective trauma.",
        "After the Harbourside Mall attack on 9 March 2016, a screening programme was offered to those affected.",
        "The new statute came into effect on 1 July 2024; the page still calls it a bill.",
        "World Kindness Day falls on 13 November.",
        "The cohort recruited mothers whose babies were due between 1 May 1990 and 30 June 1991.",
        "Carl Rogers died on 4 February 1987, and the article still uses the present tense.",
        "It is named after the 19th-century physician who first described it.",
    ],
)
def test_a_day_the_public_shares_is_no_ones_date(text):
    assert [f for f in screen({"proposed_text": text}).findings if f.kind == "date"] == []


@pytest.mark.parametrize(
    "text, date",
    [
        ("Her panic attacks began on 3 March 2021, after the move.", "3 March 2021"),
        ("She lost her flat in the Tollgate fire on 14 June 2017.", "14 June 2017"),
        ("Odile worked there until August 1, when the panic attacks started.", "August 1"),
    ],
)
def test_a_day_beside_a_person_or_their_symptoms_stays_a_date(text, date):
    found = [text[f.start : f.end] for f in screen({"proposed_text": text}).findings if f.kind == "date"]
    assert date in found


@pytest.mark.parametrize(
    "text",
    [
        "Ottilie Brandauer first described Brandauer syndrome in Graz in 1931.",
        "Brandauer disease takes its name from Ottilie Brandauer, a paediatrician.",
        "Cornelius Fairweather campaigned for asylum reform in the 1850s.",
        "Lewy bodies (Friedrich Lewy, 1912) are named in the dementia table.",
        "Margit Halloran's Worry Checklist is scored 0-40.",
        "The rule is named for the epidemiologist Rupert Vanstone (Int J Epidemiol, 1985).",
    ],
)
def test_the_namesake_of_an_eponym_and_a_figure_of_the_fields_history_are_not_people_in_care(text):
    assert by_rules(text, "name", field="proposed_text") == []  # a plausible name may be held by the tagger


@pytest.mark.parametrize(
    "text, name",
    [
        ("Mrs Ottilie Brandauer described her pain in 1985 as constant.", "Ottilie Brandauer"),
        ("My client Cornelius Fairweather, born in 1951, developed panic in his forties.", "Cornelius Fairweather"),
    ],
)
def test_a_person_in_care_in_a_sentence_with_an_old_year_is_still_named(text, name):
    found = [text[f.start : f.end] for f in screen({"proposed_text": text}).findings if f.kind == "name"]
    assert name in found


@pytest.mark.parametrize(
    "text",
    [
        "The Royal Society of Podiatry is at 14 Gower Row, Bristol BS1 4XY.",
        "The Northern Association's head office is at 9 Quay Street, Hull HU1 1AA.",
        "The sign reads \"12 Larch Gardens, York\"; that's the Larch Museum's public address.",
        'Fictional composite, not a real client: "Tamsin, 31, a teacher in Whitby, cannot sleep."',
        "Patient Q, an invented character in her 80s, is seen in a memory clinic.",
        "The essay that named Garland syndrome appeared in a small journal.",
        'Please remove "08453 11 22 33", which is no longer in service.',
    ],
)
def test_public_bodies_addresses_made_up_people_and_business_numbers_are_no_ones(text):
    assert screen({"proposed_text": text}).findings == []


@pytest.mark.parametrize(
    "text, kind",
    [
        ("She lives at 14 Gower Row, Bristol BS1 4XY, near the Institute.", "address"),
        ("The vignette calls her a composite, but Tamsin Hale is a real client of mine.", "name"),
        ("Please use a fictional name: the draft says Tamsin Hale cried in session.", "name"),
        ("My client Garland Falk was named after his grandfather.", "name"),
    ],
)
def test_a_real_person_or_home_beside_those_words_is_still_found(text, kind):
    assert kind in {f.kind for f in screen({"proposed_text": text}).findings}


@pytest.mark.parametrize(
    "text",
    [
        "The Mental Capacity Bill was introduced last spring.",
        "Call the Night Text Line if the office is closed.",
        "After the flood a Recovery Hub was set up in the library.",
        "Zorvexa is licensed for adults only.",
        "Quelara is the regulator for counsellors there.",
        "Sky-high ratings and will-power framing both need sources.",
    ],
)
def test_a_word_of_a_title_a_defined_term_and_a_compound_are_not_names(text):
    assert [f for f in screen({"proposed_text": text}).findings if f.kind == "name"] == []


@pytest.mark.parametrize(
    "text, name",
    [
        ("Zanele is a carer for the Botha family and says she can't take time off.", "Zanele"),
        ("We're on Kennedy Ave now.", "Kennedy"),
    ],
)
def test_a_person_described_and_a_street_named_for_someone_are_still_found(text, name):
    found = [text[f.start : f.end] for f in screen({"proposed_text": text}).findings]
    assert name in found


@pytest.mark.parametrize(
    "text",
    [
        "The Harbourside Longitudinal Study follows children born in Wellington since 2004.",
        "The cohort has followed 2,100 babies born in Dunedin in 1990.",
        "The halo effect comes from Thorndale and Pruett's 1968 study of teachers.",
        "I've converted the reference list to Vancouver style throughout.",
        "The Mental Capacity Bill was introduced in the House of Lords.",
    ],
)
def test_a_population_born_somewhere_a_cited_pair_and_a_citation_style_are_no_ones(text):
    assert screen({"proposed_text": text}).findings == []


@pytest.mark.parametrize(
    "text, found",
    [
        ("She was born in Dunedin and joined the cohort at 30.", "Dunedin"),
        ("Ruth's Instagram had 20k followers and she feared being recognised.", "Ruth"),
    ],
)
def test_a_person_born_somewhere_and_their_own_things_still_count(text, found):
    assert found in [text[f.start : f.end] for f in screen({"proposed_text": text}).findings]


@pytest.mark.parametrize(
    "text",
    [
        "The questionnaire has good validity (Halloran, Pike & Osei, 2001).",
        "The trial was registered with ExampleTrials.gov before recruitment.",
        "Suggest replacing it with the Cochrane review (CD004123).",
        "Facing Worry Together by Peter De Vries and Insa Berg is used in training.",
        "R. J. Fenwick developed the scale, and it was published in 1957.",
        "Hurricane Delia made landfall in 2011.",
        "The article ignores his later work at the Freud Institute.",
        "Capacity is assessed against the test in Harlow v Penrose (1902).",
        "During the Second World War, officers were treated at Ravensmoor Military Hospital.",
        "The cohort (Harehills, Leeds, 1990–1992) had 4,000 participants.",
        "The trial recruited women in the Calder area.",
    ],
)
def test_citations_storms_public_bodies_law_reports_and_study_sites_are_no_ones(text):
    assert by_rules(text, field="proposed_text") == []  # an author's name may be held by the tagger


@pytest.mark.parametrize(
    "text, found",
    [
        ("pt works at Kessler & Dunn Roofing and his foreman read this aloud.", "Kessler & Dunn Roofing"),
        ("I'm Marcus Adeyemi-Ross, a psychiatric nurse, and I wrote the section.", "Marcus Adeyemi-Ross"),
        ("My client was admitted to Ravensmoor Hospital in 1985 after the fire.", "Ravensmoor Hospital"),
    ],
)
def test_an_employer_named_for_a_scholar_and_a_person_beside_a_title_word_still_count(text, found):
    assert found in [text[f.start : f.end] for f in screen({"proposed_text": text}).findings]


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("la abuela de Marta tiene 96 años y vive sola", "96 años"),
        ("Bà Lê Thị Mai, 94 tuổi, sống một mình.", "94 tuổi"),
        ("Pani Halina z Krakowa ma 91 lata.", "91 lata"),
        ("Η κυρία Άννα, 93 ετών, ζει μόνη.", "93 ετών"),
        ("Maria das Dores, noventa e três anos — por favor retire.", "noventa e três anos"),
        ("K.L., 95, retired fisherman from Whitby.", "95"),
    ],
)
def test_an_age_over_89_in_other_languages_and_after_initials_is_found_with_its_wording(text, phrase):
    found = [text[f.start : f.end] for f in screen({"note": text}).findings if f.kind == "age_over_89"]
    assert found == [phrase]


@pytest.mark.parametrize(
    "text, date",
    [
        ("患者从2023年11月2日开始不出门", "2023年11月2日"),
        ("박민수 님 (2024년 3월 5일 입원)", "2024년 3월 5일"),
        ("受診日 令和6年3月3日", "令和6年3月3日"),
        ("ông nhập viện ngày 5 tháng 3 năm 2024", "ngày 5 tháng 3 năm 2024"),
        ("Η Σοφία γεννήθηκε 3 Μαρτίου 1932.", "3 Μαρτίου 1932"),
    ],
)
def test_a_date_in_east_asian_vietnamese_or_greek_writing_is_a_date(text, date):
    assert date in [text[f.start : f.end] for f in screen({"note": text}).findings if f.kind == "date"]


def test_a_page_or_volume_number_after_a_full_stop_is_no_age():
    assert screen({"proposed_text": "See vol. 93, pp. 12-19, and No. 94, for the data."}).findings == []


@pytest.mark.parametrize(
    "text, found",
    [
        ("Handover\n1. Aled Price — bed 9 — withdrawal\n2. Mo — side room 2 — 1:1 obs", "bed 9"),
        ("Handover\n1. Aled Price — bed 9 — withdrawal\n2. Mo — side room 2 — 1:1 obs", "side room 2"),
        ("PATIENT: PRICE, ALED   FACILITY: ROWAN COURT   ROOM: 12-C", "12-C"),
        ("Ivy was adamant she wanted her brother in the room.", "Ivy"),
        ("Doña Remedios Albornoz, 91 años, vive sola.", "Remedios Albornoz"),
        ("Η κυρία Ρένα Καλογήρου ζει μόνη.", "Ρένα Καλογήρου"),
    ],
)
def test_listed_beds_labelled_rooms_a_name_before_a_pronoun_and_other_languages_honorifics(text, found):
    assert found in [text[f.start : f.end] for f in screen({"note": text}).findings]


@pytest.mark.parametrize(
    "text", ["Groups run on Tuesdays — room 2 — 10am.", "Hope was high that the new service would help."]
)
def test_a_meeting_room_and_a_name_like_word_without_a_person_stay_clean(text):
    assert screen({"proposed_text": text}).findings == []


@pytest.mark.parametrize(
    "text, name",
    [
        ("返送された手紙: 鈴木 一郎 様 〒150-0001", "鈴木 一郎"),
        ("中村 恵子 さん、96歳", "中村 恵子"),
        ("박민수 님 사례는 빼주세요", "박민수"),
        ("王芳的妈妈说她不出门", "王芳"),
        ("患者：刘晓东，男，91岁", "刘晓东"),
    ],
)
def test_a_name_in_chinese_japanese_or_korean_script_beside_an_honorific_or_patient_word(text, name):
    assert name in [text[f.start : f.end] for f in screen({"note": text}).findings if f.kind == "name"]


def test_east_asian_text_without_a_person_raises_no_name():
    assert screen({"proposed_text": "患者は3人でした。会議は木曜日です。"}).findings == []


@pytest.mark.parametrize(
    "text",
    [
        "Hausa names such as Musa, Bala and Hauwa are often shortened on ward lists.",
        "Common Spanish diminutives (Pepe for José, Paco for Francisco) confuse record matching.",
        "Outreach to Karen and Hmong refugees used interpreters from the same villages.",
        "Interviews were collected in Tamale, Kumasi and Ho, with lay counsellors.",
        "Data came from Kisumu and Eldoret, two of the study's sites.",
        "Iraqi refugees in Kumasi were compared with those in Accra.",
        "화병 (hwabyeong) is linked to suppressed anger.",
        "Follow @WHO and @CDCgov for campaign material.",
        "Lifeline (13 11 14) is open all night.",
        "Rose, Ivy and Holly are common names for supported-living units.",
    ],
)
def test_names_and_places_given_as_examples_peoples_study_sites_or_services_stay_clean(text):
    assert screen({"proposed_text": text}).findings == []


@pytest.mark.parametrize(
    "text, found",
    [
        ("Their kids' names (Musa and Hauwa) are on the referral.", "Musa"),
        ("Her children living in Tamale still ring her.", "Tamale"),
        ("My client Bala moved from Kumasi last year.", "Kumasi"),
        ("DM me: @kwame_heals", "@kwame_heals"),
        ("Kind regards,\nAma Owusu\nCommunity Nurse\nDayton, Ohio", "Dayton"),
    ],
)
def test_a_persons_names_places_and_handles_are_still_found_beside_those_rules(text, found):
    assert found in [text[f.start : f.end] for f in screen({"note": text}).findings]


@pytest.mark.parametrize(
    "text, name",
    [
        ("母親の高橋恵美さんから電話がありました", "高橋恵美"),
        ("担当の木村先生によると", "木村"),
        ("家属孙丽电话138 5555 0192", "孙丽"),
        ("박지민씨는 대구에 살아요", "박지민"),
        ("정하늘 학생은 등교를 거부합니다", "정하늘"),
        ("Пациентка Коваленко Ірина просить прибрати згадку.", "Коваленко Ірина"),
        ("Η ασθενής Ελένη εισήχθη χθες.", "Ελένη"),
        ("ابنتي مريم ترفض الذهاب إلى المدرسة", "مريم"),
        ("रोगी सुरेश को भर्ती किया गया", "सुरेश"),
    ],
)
def test_a_name_in_another_script_after_an_honorific_or_a_patient_or_family_word_of_that_language(text, name):
    assert name in [text[f.start : f.end] for f in screen({"note": text}).findings if f.kind == "name"]


@pytest.mark.parametrize(
    "text",
    ["患者さんは3人でした。", "お母さんが来ました。", "Мама сказала, что всё хорошо.", "دخل المريض المستشفى أمس."],
)
def test_a_role_or_relative_word_of_another_script_alone_is_no_name(text):
    assert screen({"note": text}).findings == []


@pytest.mark.parametrize(
    "text, place",
    [
        ("mum says the Hackney clinic never rang her back", "Hackney"),
        ("He sells at the Mbare market and brings his sister on Fridays.", "Mbare"),
    ],
)
def test_a_place_before_a_clinic_team_or_market_word_in_a_sentence_about_a_person(text, place):
    assert place in [text[f.start : f.end] for f in screen({"note": text}).findings if f.kind == "address"]


@pytest.mark.parametrize(
    "text",
    ["The Leeds team ran a trial with his colleagues.", "Syrian refugees in Zaatari camp were compared with others."],
)
def test_a_place_before_a_team_word_in_a_study_or_of_a_population_stays_clean(text):
    assert screen({"proposed_text": text}).findings == []


@pytest.mark.parametrize(
    "text, handle",
    [
        ("Reverted edit by User:QuietHarbour42 - he added his sister's history.", "User:QuietHarbour42"),
        ("WeChat ID: mei_0422 is her daughter's", "mei_0422"),
        ("LINE ID: kenji.t77", "kenji.t77"),
    ],
)
def test_a_wiki_user_page_and_a_username_after_a_messaging_app_are_handles(text, handle):
    assert handle in [text[f.start : f.end] for f in screen({"note": text}).findings if f.kind == "url"]


def test_a_family_word_after_a_patient_word_is_no_name():
    assert screen({"note": "这是病人女儿的手机。"}).findings == []


@pytest.mark.parametrize(
    "text",
    [
        "Motivational interviewing is usually associated with William R. Miller and Stephen Rollnick.",
        "The protocol was developed by Maria Ortiz, Daniel Kemp and Alan Ruddock.",
        "Interpreters were recruited from Puerto Rico, El Salvador and Guam.",
        "Bowlby's account was later extended, with adult styles added by Hazan and Shaver.",
    ],
)
def test_a_middle_initial_a_list_of_developers_a_two_word_region_and_authors_beside_a_known_one_stay_clean(text):
    # The rules leave these names alone; the learned tagger may still hold one for an editor, never refuse it.
    assert by_rules(text, field="proposed_text") == []


@pytest.mark.parametrize(
    "text, name",
    [
        ("Met with John K. Smith today.", "John K. Smith"),
        ("The note was reported by her mum, Kate Jones and Priya Raman.", "Priya Raman"),
        ("We used Beck's model. Tom and Solomon came to group.", "Solomon"),
    ],
)
def test_a_full_name_with_its_initial_a_relatives_list_and_given_names_together_are_still_names(text, name):
    assert name in [text[f.start : f.end] for f in screen({"note": text}).findings if f.kind == "name"]


@pytest.mark.parametrize(
    "text",
    [
        "The Adolescent Summer Skills Programme (ASSP) ran in July.",
        "The Child Grace Wellbeing Index (CGWI) was piloted.",
        "Yoruba-, Igbo- and Hausa-speaking clients were seen.",
    ],
)
def test_a_title_spelled_by_its_acronym_from_a_role_word_and_the_first_half_of_a_listed_compound_stay_clean(text):
    assert screen({"proposed_text": text}).findings == []


@pytest.mark.parametrize(
    "text, name",
    [
        ("Patient Rosa Diaz (RD) was seen.", "Rosa Diaz"),
        ("Client Jonah (JB) said Shona-speaking staff helped.", "Jonah"),
    ],
)
def test_a_name_after_a_role_with_its_initials_in_brackets_is_still_a_name(text, name):
    assert name in [text[f.start : f.end] for f in screen({"note": text}).findings if f.kind == "name"]


@pytest.mark.parametrize(
    "text",
    [
        "She grew up in Puerto Rico.",
        "My client lives in North Carolina now.",
        "He lives in West Virginia and drives to work.",
        "She grew up in Prince Edward Island.",
        "My client moved to New Mexico last year.",
        "She grew up in New South Wales.",
    ],
)
def test_a_state_or_province_named_in_several_words_is_no_town(text):
    """Larger than the Safe Harbor unit, and no shorter part of its name is a town ("West", "Puerto")."""
    assert screen({"proposed_text": text}).findings == []


def test_a_town_before_its_state_is_still_held():
    text = "My client lives in Albuquerque, New Mexico."
    assert [text[f.start : f.end] for f in screen({"proposed_text": text}).findings] == ["Albuquerque"]
