"""The twenty-first round: what clinicians cite is not a person's: a known figure's places named in a sentence
about them, a town that begins an eponymous condition, the initials the literature's famous cases go by, a book's
imprint, and culture-bound syndromes. Every example is invented or public."""

import pytest

from tests.revisions.phi_checks import by_rules, covered, found

# ---------------------------------------------------------------- a known figure's places


@pytest.mark.parametrize(
    "text",
    [
        "Worth adding that the Burghölzli in Zurich was where Bleuler gave his lectures on the schizophrenias.",
        "It was in Vienna that Jean-Martin Charcot's pupil Freud first heard of hysteria.",
    ],
)
def test_a_known_figures_town_in_a_sentence_about_them_is_no_ones_address(text):
    assert by_rules(text, "address") == []


@pytest.mark.parametrize(
    "text, place",
    [
        ("Following Kraepelin, we saw Pemberton Quayle in Munich after her discharge.", "Munich"),
        ("Kraepelin's chapter helped my client, who lives in Dunmere Cross.", "Dunmere Cross"),
        ("Janet from Harrogate rang about the section on dissociation.", "Harrogate"),
    ],
)
def test_a_town_beside_a_known_figure_and_someone_else_is_still_found(text, place):
    # another person named, the writer's own client, or a surname that is also a given name
    assert covered(text, place, "address")


# ---------------------------------------------------------------- eponymous conditions


@pytest.mark.parametrize(
    "text",
    [
        "Tourists who come to Jerusalem syndrome clinics are usually sent home within a week.",
        "The amnesia is due to Wernicke–Korsakoff syndrome, not to the head injury.",
        "The damage is due to Urbach–Wiethe disease, which calcifies both amygdalae.",
    ],
)
def test_a_town_that_begins_an_eponymous_condition_is_not_a_place(text):
    assert by_rules(text, "address") == []


# ---------------------------------------------------------------- the literature's famous cases


@pytest.mark.parametrize(
    "text",
    [
        "Patient K.C., studied by Tulving for decades, could not recall a single episode of his life.",
        "H.M. is how the literature refers to him; Henry Molaison's name was released when he died.",
        "Patient S.M. cannot feel fear, as Damasio's group showed.",
    ],
)
def test_a_famous_cases_initials_in_a_scholarly_sentence_are_the_public_case(text):
    assert by_rules(text, "name") == []


@pytest.mark.parametrize(
    "text, initials",
    [
        ("Our patient K.C. was admitted on the ward with amnesia.", "K.C."),
        ("Patient H.M. came to clinic with his wife on Tuesday.", "H.M."),
    ],
)
def test_the_same_initials_of_someone_in_care_are_still_found(text, initials):
    assert covered(text, initials, "name")


# ---------------------------------------------------------------- a book's imprint


@pytest.mark.parametrize(
    "text",
    [
        "Cite Rosenhan's account in Upper Saddle River, NJ: Pearson Prentice Hall; 2005.",
        "Cite the STAI manual (Spielberger, Gorsuch & Lushene, 1970, Consulting Psychologists Press, Palo Alto).",
        "Gilbert P. The Compassionate Mind. London: Constable and Robinson, 2009.",
    ],
)
def test_a_books_publisher_and_its_town_are_no_person_or_address(text):
    assert found(text, "name") == [] and found(text, "address") == []


def test_a_name_and_street_shaped_like_an_imprint_are_still_found():
    text = "Contact: Perpetua Vance; 1961 Ormsby Road, she is my patient."
    assert covered(text, "1961 Ormsby Road", "address")
    assert covered(text, "Perpetua Vance", "name")


# ---------------------------------------------------------------- culture-bound syndromes


def test_a_culture_bound_syndrome_in_a_passage_to_replace_is_no_place():
    text = 'Replace "Koro is a Chinese delusion" with "Koro is a culture-bound syndrome".'
    assert found(text, "address") == []


# ---------------------------------------------------------------- national identity numbers by their labels


@pytest.mark.parametrize(
    "text, value",
    [
        ("CPR no. 240368-5551 is on the scanned letter, please take it down.", "240368-5551"),
        ('המטופלת, ת"ז 000000026, ביקשה שלא יפורסם.', "000000026"),
        ("Paciente Joana Prates, RG 12.345.678-9, internada.", "12.345.678-9"),
        ("Danışanım, TC 10000000078, bu paragrafı okudu.", "10000000078"),
        ("ابني، رقم الهوية 784-1990-5550199-2، يتناول الدواء.", "784-1990-5550199-2"),
    ],
)
def test_a_national_identity_number_after_its_countrys_label_is_found(text, value):
    assert covered(text, value, "ssn")


def test_resuscitation_figures_after_cpr_are_no_identity_number():
    text = "CPR at 100-120 compressions per minute to a depth of 5-6 cm; CPR 302010 is not a real protocol."
    assert found(text, "ssn") == []


# ---------------------------------------------------------------- where the writer works


@pytest.mark.parametrize(
    "text",
    [
        "Ik ben verpleegkundige in Groningen; de tekst klopt niet",
        "I'm a GP in Harrogate and the lithium table has the wrong range.",
        "Je suis interne en psychiatrie à Lyon. La dose maximale de clozapine est 900 mg/j.",
    ],
)
def test_the_town_the_writer_works_in_is_not_held_when_no_one_in_care_is_in_the_text(text):
    # the writer's own work tells nothing of anyone's health: Safe Harbor's identifiers are a patient's or kin's
    assert found(text, "address") == []


@pytest.mark.parametrize(
    "text, town",
    [
        ("Ik ben huisarts in Groningen. De patiënt gaf toestemming voor dit voorbeeld.", "Groningen"),
        ("I'm a nurse in Harrogate and was diagnosed with bipolar disorder myself.", "Harrogate"),
        ("I'm a carer in Harrogate for my mum, who has dementia.", "Harrogate"),
    ],
)
def test_the_writers_town_is_still_held_beside_a_patient_kin_or_their_own_diagnosis(text, town):
    assert covered(text, town, "address")
