"""The eighteenth round, names: given names of cultures the generated lexicons cover thinly, everyday-word names
in wording only a person fits, a lone given name after "per" or before a pronoun, and a lower-case name after
someone's clinician. Every example is invented."""

import pytest

from tests.revisions.phi_checks import by_rules, covered, found

# ---------------------------------------------------------------- given names kept by hand


@pytest.mark.parametrize(
    "text, name",
    [
        ("Kgomotso missed the last two sessions and nobody followed up.", "Kgomotso"),
        ("Tatenda improved quickly once the dose was halved.", "Tatenda"),
        ("Siosaia sat at the back of the group the whole term.", "Siosaia"),
        ("Eyerusalem brought the forms back unsigned.", "Eyerusalem"),
        ("We had Gethin Quarrelby in the carers' group for a year.", "Gethin Quarrelby"),
        ("Thanks for the notes on Folake, they helped a lot.", "Folake"),
    ],
)
def test_a_given_name_of_a_thinly_covered_culture_is_found(text, name):
    assert covered(text, name, "name")


def test_a_name_the_generated_lists_call_a_word_is_a_name_in_lower_case():
    text = "sorry, writing between pts. ahmed (the one from tuesday) told me the page is outdated"
    assert covered(text, "ahmed", "name")


@pytest.mark.parametrize(
    "text",
    [
        "We sharpened the knives on a whetstone and went to hone the skills taught in group.",
        "Sleep hygiene: avoid screens, and lose the habit of napping after lunch.",
    ],
)
def test_english_words_are_not_taken_into_the_hand_kept_names(text):
    assert not found(text, "name")


# ---------------------------------------------------------------- everyday-word names in a person's wording


@pytest.mark.parametrize(
    "text, name",
    [
        ("Dawn woke at 5 every day that fortnight, so we started a sleep diary.", "Dawn"),
        ("Summer and her dad moved house over the holidays.", "Summer"),
        ("Pita did the breathing exercise twice before the exam.", "Pita"),
        ("Will and his brother both come to the Thursday group.", "Will"),
    ],
)
def test_an_everyday_word_is_a_name_where_only_a_person_fits(text, name):
    assert covered(text, name, "name")


@pytest.mark.parametrize(
    "text",
    [
        "Dawn broke before the night shift ended.",
        "Summer and winter affect mood in different ways.",
        "Will power alone rarely helps with cravings.",
    ],
)
def test_an_everyday_word_in_ordinary_use_is_not_a_name(text):
    assert not found(text, "name")


# ---------------------------------------------------------------- a lone given name the writer cites


@pytest.mark.parametrize(
    "text, name",
    [
        ("per Kasia on the ward, the patient now prefers her middle name", "Kasia"),
        ("copay waived per Zdenka at the front desk.", "Zdenka"),
        ("Oksana translated the leaflet into Ukrainian for us; her version reads better.", "Oksana"),
    ],
)
def test_a_lone_given_name_after_per_or_before_a_pronoun_is_a_person_not_a_scholar(text, name):
    assert covered(text, name, "name")


@pytest.mark.parametrize(
    "text",
    [
        "According to Beck, the cognitive triad is central to depression.",
        "per Freud, the ego defends itself against anxiety.",
        "Linehan translated dialectics into a treatment; her manual is widely used.",
    ],
)
def test_a_scholar_cited_by_surname_is_still_left_alone(text):
    assert not found(text, "name")


# ---------------------------------------------------------------- a lower-case name after one's clinician


@pytest.mark.parametrize(
    "text, name",
    [
        ("ok so my therapist hope told me the skills page is missing a step", "hope"),
        ("her key worker dawn rang to say the flat fell through", "dawn"),
        ("my sister grace said she would bring the forms", "grace"),
    ],
)
def test_a_lower_case_everyday_name_after_a_clinician_or_relative_and_before_a_speaking_verb_is_found(text, name):
    assert covered(text, name, "name")


@pytest.mark.parametrize(
    "text",
    [
        "my therapist said there is hope, and my nurse agreed",
        "i hope my therapist told them about the change",
    ],
)
def test_a_lower_case_everyday_word_in_ordinary_use_is_not_a_name(text):
    assert not found(text, "name")


# ---------------------------------------------------------------- a self-introduction quoted from a message


@pytest.mark.parametrize(
    "text, name",
    [
        ('text from a client, pasted: "hi its Faith from the tues group, cant make it"', "Faith"),
        ('her voicemail: "hey its Rusty, running late, bus broke down"', "Rusty"),
        ("SMS: hello this is Marisol, can we move Thursday", "Marisol"),
    ],
)
def test_a_writer_introducing_themselves_inside_a_quoted_message_is_found(text, name):
    assert covered(text, name, "name")


def test_a_quoted_title_that_greets_is_not_a_name():
    assert not found('The chapter "Hey, it is Summer" opens the anthology on seasonal mood.', "name")


# ---------------------------------------------------------------- pronouns and then an age in brackets


@pytest.mark.parametrize(
    "text, name",
    [
        ("Sky (they/them, 15) came in with an older sibling after school.", "Sky"),
        ("Hope (she/her, 16) asked whether the group is mixed.", "Hope"),
    ],
)
def test_an_everyday_word_before_pronouns_and_an_age_in_brackets_is_a_name(text, name):
    assert covered(text, name, "name")


def test_pronouns_in_brackets_after_an_ordinary_word_without_an_age_are_left_alone():
    assert not found("Ask about pronouns (they/them, she/her) at the first session.", "name")


# ---------------------------------------------------------------- given names in Arabic script


@pytest.mark.parametrize(
    "text, name",
    [
        ("اتصل مازن مساء الخميس وقال إنه لا ينام - please keep this out of the page", "مازن"),
        ("غادة القيسراني من حي الورود — please remove from the Arabic version.", "غادة القيسراني"),
        ("q.example@example.net (نسرين) sent the Arabic edits", "نسرين"),
        ("وصلت رسالة من مازن وفراس أمس", "فراس"),
    ],
)
def test_a_given_name_in_arabic_script_is_found_without_a_role_word(text, name):
    assert covered(text, name, "name")


@pytest.mark.parametrize(
    "text",
    [
        "قال النبي محمد إن الرحمة أساس التعامل مع المرضى.",
        "طه حسين كتب عن فقدان البصر في سيرته، وليس عن الاكتئاب.",
        "الاكتئاب مرض نفسي شائع ويمكن علاجه بالعلاج النفسي والأدوية.",
        "في عمر خمسة عشر عاما تبدأ الأعراض عادة.",
    ],
)
def test_a_prophets_title_a_writers_verb_and_ordinary_arabic_are_left_alone(text):
    assert not found(text, "name")


# ---------------------------------------------------------------- a name's own things after the possessive


@pytest.mark.parametrize(
    "text, name",
    [
        ("Staff at the home noticed Ken's decline before the family did.", "Ken"),
        ("acc 1044 8823 — Wren's details, she asked me to send the refund", "Wren"),
        ("We met at Aunty Pearl's place, where the circle happens.", "Pearl"),
    ],
)
def test_an_everyday_word_before_a_possessive_and_a_persons_own_thing_is_a_name(text, name):
    assert covered(text, name, "name")


@pytest.mark.parametrize(
    "text",
    [
        "Ainsworth's Strange Situation is still taught on the course.",
        "Parkinson's disease often brings low mood.",
        "Spring's example of renewal is a common metaphor in recovery writing.",
    ],
)
def test_an_eponym_or_a_season_before_a_possessive_is_left_alone(text):
    assert not found(text, "name")


# ---------------------------------------------------------------- three names and more


def test_a_full_name_of_three_names_opening_a_sentence_is_found_though_its_first_is_a_word():
    text = "Ana Beatriz Quarteira dos Anjos, noventa e um anos — por favor retire."
    assert covered(text, "Ana Beatriz Quarteira dos Anjos", "name")


def test_two_capitalised_words_opening_a_sentence_are_still_left_alone():
    assert not found("Summer Camp starts on a Monday for the young carers.", "name")


# ---------------------------------------------------------------- Vietnamese names by their shape


@pytest.mark.parametrize(
    "text, name",
    [
        ("Phạm Văn Lộc asked for the leaflet in Vietnamese.", "Phạm Văn Lộc"),
        ("Đặng Thị Minh Hoa (Quận 5) — chồng bà nói bà không ngủ được.", "Đặng Thị Minh Hoa"),
        ("my pt mr huynh van quoc kept asking for his daughter", "huynh van quoc"),
        ("the change in Duong Thi Lan was noticed by her son", "Duong Thi Lan"),
    ],
)
def test_a_vietnamese_name_with_van_or_thi_is_found_whatever_its_given_names_mean(text, name):
    assert covered(text, name, "name")


@pytest.mark.parametrize(
    "text",
    [
        "The Le Van Gogh exhibition was used in the art therapy group.",
        "she drove the van to the clinic and parked at the back",
    ],
)
def test_van_and_thi_outside_a_vietnamese_name_are_left_alone(text):
    assert not found(text, "name")


# ---------------------------------------------------------------- public figures, famous cases, literature


@pytest.mark.parametrize(
    "text",
    [
        "Kevin Love wrote about his panic attack during a game, which helped many fans.",
        "Henrietta Lacks never consented to the use of her cells.",
        "Jesse Gelsinger died in 1999, and the first patient's death changed consent forms.",
        "Esther Greenwood describes the bell jar descending over her.",
        "Nurse Ratched is a poor model of psychiatric nursing.",
    ],
)
def test_a_public_figure_a_famous_patient_or_a_character_is_left_alone(text):
    assert not by_rules(text, "name")  # the learned tagger may hold a full name for an editor, never refuse it


def test_someone_in_care_who_shares_a_public_figures_name_is_still_found():
    assert covered("my client Kevin Love relapsed after the match", "Kevin Love", "name")


def test_a_name_like_a_public_figures_is_still_a_name():
    assert covered("Kevin Lovewell wrote about his panic attack in his diary.", "Kevin Lovewell", "name")


# ---------------------------------------------------------------- named as someone's relative


@pytest.mark.parametrize(
    "text, name",
    [
        ("Faith is my sister and she runs the carers' café on Wednesdays.", "Faith"),
        ("joy is my daughter, please change the example", "joy"),
        ("will n joy r my kids, both in the ADHD example, pls change names", "will"),
        ("will n joy r my kids, both in the ADHD example, pls change names", "joy"),
        ("Rose and Hunter are our grandkids and they read this page.", "Hunter"),
    ],
)
def test_a_name_said_to_be_someones_relative_is_found_though_it_is_a_word(text, name):
    assert covered(text, name, "name")


@pytest.mark.parametrize(
    "text",
    [
        "Hope is my anchor on the hard days.",
        "Summer is my favourite season for walking.",
        "Apples and pears are my kids' favourite snack.",
        "Cats and dogs are my children, honestly.",
    ],
)
def test_an_everyday_word_before_a_possessive_phrase_that_is_no_relative_is_left_alone(text):
    assert not by_rules(text, "name")  # the learned tagger may hold one for an editor


# ---------------------------------------------------------------- a name and then a room or a street written first


@pytest.mark.parametrize(
    "text, name",
    [
        ("Yerlan Abdikarov, dorm Room 214, Quillfield Hall, was admitted after an overdose.", "Yerlan Abdikarov"),
        ("Stavros Quelidakis, Odos Ermou 45, Kifisia, 145 62", "Stavros Quelidakis"),
        ("Inés Quarello, Calle Mayor 10, 3º B, Madrid", "Inés Quarello"),
    ],
)
def test_a_name_before_a_room_or_a_street_first_address_is_found(text, name):
    assert covered(text, name, "name")


def test_a_street_then_a_room_in_a_timetable_is_not_a_name():
    assert not found("Bond Street, Room 3, 10am: the anxiety group meets there.", "name")


# ---------------------------------------------------------------- a name thanked for doing something


def test_a_given_name_that_is_also_a_town_thanked_for_doing_something_is_a_name():
    assert covered("Many thanks to Esperanza for letting me share this.", "Esperanza", "name")


def test_a_town_thanked_for_hosting_is_left_alone_by_the_rules():
    # A person may host a conference too: the learned tagger may hold it for an editor, never refuse it.
    assert not by_rules("Thanks to Sofia for hosting the conference last spring.", "name")


# ---------------------------------------------------------------- a face's doing or a life's milestone


@pytest.mark.parametrize(
    "text, name",
    [
        ("Grace smiled when she saw the baby for the first time.", "Grace"),
        ("Will nodded and left before the end of the session.", "Will"),
        ("Hope turned 16 last week and wants to join the adult group.", "Hope"),
    ],
)
def test_an_everyday_word_before_what_only_a_person_does_is_a_name(text, name):
    assert covered(text, name, "name")


@pytest.mark.parametrize(
    "text",
    [
        "Summer turned 10:30 appointments into lie-ins for most of the group.",
        "Hope is a verb, one reader wrote, and the page should say so.",
    ],
)
def test_an_everyday_word_before_a_time_or_a_definition_is_left_alone(text):
    assert not found(text, "name")


# ---------------------------------------------------------------- a lower-case name opening a clause before speaking


@pytest.mark.parametrize(
    "text, name",
    [
        ("quick one - bill from the group said the alcohol page is great", "bill"),
        ("ok so mark kept saying he was fine, which is the bit the page misses", "mark"),
        ("dawn cried in session when we got to the sleep diary", "dawn"),
    ],
)
def test_a_lower_case_everyday_name_opening_a_clause_before_a_speaking_verb_is_found(text, name):
    assert covered(text, name, "name")


@pytest.mark.parametrize(
    "text",
    [
        "IMEI on the phone he used; police asked for it later.",
        "letter said she must attend the tribunal",
        "the bank rang. bank said the account is frozen",
    ],
)
def test_a_lower_case_word_for_a_body_or_a_thing_before_a_speaking_verb_is_left_alone(text):
    assert not found(text, "name")


# ---------------------------------------------------------------- a family's own court case


@pytest.mark.parametrize(
    "text, name",
    [
        ("CASE FAM-2099-000123 QUARRIE v QUARRIE — custody evaluations should cite the newer guidance", "QUARRIE"),
        ("In Ostrowe v Ostrowe the court ordered a custody evaluation of both parents.", "Ostrowe"),
    ],
)
def test_both_parties_of_one_surname_in_a_case_are_names(text, name):
    assert covered(text, name, "name")


@pytest.mark.parametrize(
    "text",
    [
        "White v White [2000] UKHL 54 set the yardstick of equality in divorce.",
        "Miller v Miller, 2006, is a reported case on compensation.",
    ],
)
def test_a_reported_case_is_left_alone(text):
    assert not found(text, "name")


# ---------------------------------------------------------------- a lower-case name said to be the patient


def test_an_initial_and_a_lower_case_surname_said_to_be_the_patient_is_found():
    text = "q. zabrowski = the patient I referenced. sorry, should have anonymised"
    assert covered(text, "q. zabrowski", "name")


def test_a_lower_case_word_said_to_be_a_patient_is_not_a_name():
    assert not found("the worst outcome is a patient who stops treatment", "name")
