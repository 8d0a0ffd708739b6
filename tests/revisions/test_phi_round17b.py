"""The seventeenth round's precision work: families of clean clinical prose that the screen held or refused, each
with real PHI in similar phrasing that must still be caught. Every example is invented."""

import pytest

from tests.revisions.phi_checks import by_rules, covered, found

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
        (
            "The post is at https://helpline-example.org/users/k.ama/diary",
            "https://helpline-example.org/users/k.ama/diary",
        ),
        ("Link to https://amawrites.example.com please", "https://amawrites.example.com"),
    ],
)
def test_a_persons_page_under_an_organisations_domain_still_counts(text, url):
    assert covered(text, url, "url")


# ---------------------------------------------------------------- registrations, references and funders' codes


@pytest.mark.parametrize(
    "text",
    [
        "The pilot was registered as UMIN000054321 before recruitment began.",
        "Registry numbers: jRCT1030220456 and KCT0007654 for the Seoul arm.",
        "The Thai arm (TCTR20210303002) reported nothing new.",
        "Iran's registry lists it as IRCT20200202054321N3.",
        "EU CT number 2022-500987-12-00 covers the open-label extension.",
        "Okafor C et al. Proc Natl Acad Sci 2014;111(22):E4321-29.",
        "The supplement is J Affect Disord 2018;232(Suppl 1):S12-19.",
        "The replication is in Psychol Med 51(7):1120–1131.",
        "Funded by the MRC (MR/Q054321/1) and Wellcome (223344/Z/21/Z).",
        "NIHR HTA 19/45/06 funded the trial.",
        "ERC Starting Grant 851234 supported the imaging work.",
        "NHS England publication reference PRN01234, published 2024.",
        "SNOMED CT 191616006 is the concept for recurrent depression.",
    ],
)
def test_registrations_reference_locators_and_funders_codes_are_no_ones(text):
    assert found(text) == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("Her PIP award reference 43218765 was in the tribunal bundle.", "43218765"),
        ("visa grant number 9876543210987 - please cut it from the detention section", "9876543210987"),
        ("The grant to my client (ref 66120934) paid for the course.", "66120934"),
        ("Funded by Wellcome; participant P-44120 withdrew after week 2.", "P-44120"),
        ("my client, ID no. 9102145800089, was declined a disability grant", "9102145800089"),
        ("Implant serial QXA0043321 - trial participant, not for publication.", "QXA0043321"),
        ("Published case, but MRN 5582019 should be removed.", "5582019"),
    ],
)
def test_a_persons_number_in_a_sentence_about_grants_or_publication_still_counts(text, value):
    assert covered(text, value)


# ---------------------------------------------------------------- dates of publications, meetings and public events


@pytest.mark.parametrize(
    "text",
    [
        "Trial registered ISRCTN54321098 on 2 November 2020; recruitment began in 2021.",
        "The review protocol was preregistered on OSF on 17 June 2021.",
        "The college's annual meeting was held on 18 May 2024 in Glasgow.",
        "The public consultation closed on 30 September 2022.",
        "The symposium on 9 March 2023 covered perinatal psychiatry.",
        "The Senate voted on 12 July 2022 to fund the new line.",
        "The Royal Commission reported on 11 February 2021.",
        "The ICD revision was adopted by the World Health Assembly on 24 May 2019.",
        "The DSM-IV text revision appeared on 1 July 2000.",
        "The junior doctors' strike began on 9 January 2024.",
        "The Meridian Tower collapse on 5 June 2011 is covered in the trauma section.",
        "Elections were held on 2 May 2024, so the guidance may change.",
        "Please add a retrieval date: I checked it on 6 March 2024.",
    ],
)
def test_a_day_of_a_publication_meeting_or_public_event_is_nobodys(text):
    assert found(text, "date") == []


@pytest.mark.parametrize(
    "text, date",
    [
        ("She registered for the trial on 2 November 2020.", "2 November 2020"),
        ("Registered with the practice on 4 March 2022 after moving.", "4 March 2022"),
        ("Participant P-17 was enrolled on 3 May 2021 and withdrew.", "3 May 2021"),
        ("Her flat flooded on 3 March 2024 and she moved in with her sister.", "3 March 2024"),
        ("Appeared in court on 6 May 2024 charged with assault.", "6 May 2024"),
        ("the anniversary is 14 August, which is always hard for her", "14 August"),
        ("My client was at the symposium on 9 March 2023 when she collapsed.", "9 March 2023"),
    ],
)
def test_a_persons_day_in_similar_words_still_counts(text, date):
    assert covered(text, date, "date")


# ---------------------------------------------------------------- ages of populations


@pytest.mark.parametrize(
    "text",
    [
        "The study is the key reference for people in their 90s.",
        "Among those in their late nineties, falls were the commonest reason for admission.",
        "Centenarians and adults in their mid-90s had the lowest rates of depression.",
    ],
)
def test_a_decade_of_life_said_of_a_population_is_nobodys_age(text):
    assert found(text, "age_over_89") == []


@pytest.mark.parametrize(
    "text, age",
    [
        ("My nan is in her late nineties and still does the crossword.", "late nineties"),
        ("My client's parents, both in their 90s, live with her.", "90s"),
        ("Residents in their 90s were isolated; my client is in her mid-90s too.", "mid-90s"),
        ("The gentleman in bed 4 is in his late 90s.", "late 90s"),
    ],
)
def test_a_persons_decade_of_life_still_counts(text, age):
    assert covered(text, age, "age_over_89")


# ---------------------------------------------------------------- institutions, historic hospitals and companies


@pytest.mark.parametrize(
    "text",
    [
        "Hartmoor opened in 1871 as a county lunatic asylum; the infobox date is wrong.",
        "Greystane was built in 1904 for people the courts deemed dangerous.",
        "The cohort is run from a university, not a hospital called Kelvinhaugh.",
        "A drug known as Veloxan was withdrawn in the trial's second year.",
        "Ravenna houses were set up on the same model in the 1980s.",
        "Maggie's centres now operate beside most cancer hospitals.",
        "Workers in Korvex factories described constant surveillance stress.",
        "Brannock Steel job losses hit the valley hard.",
    ],
)
def test_an_institutions_history_a_thing_called_by_a_name_and_a_companys_public_affairs_name_no_one(text):
    assert by_rules(text, "name") == []  # a plausible name may be held by the tagger


@pytest.mark.parametrize(
    "text, name",
    [
        ("A man called Kelvinhaugh rang the ward twice.", "Kelvinhaugh"),
        ("My client Ravenna opened up in 1989 about the abuse, she says.", "Ravenna"),
        ("Hartmoor was admitted in 1981, she told me, and never left.", "Hartmoor"),
        ("Juniper Okonkwo lost her job in the Brannock Steel layoffs.", "Juniper Okonkwo"),
        ("He works at Korvex, in the packing hall.", "Korvex"),
        ("Aroha houses her nephew at weekends.", "Aroha"),
        ("Jen shops at the market because she can't face the supermarket.", "Jen"),
    ],
)
def test_a_person_in_similar_words_is_still_named(text, name):
    assert covered(text, name, "name")


# ---------------------------------------------------------------- named cohorts, studies and their sites


@pytest.mark.parametrize(
    "text",
    [
        "Data came from Harrowgate III, a cohort of municipal workers.",
        "Morita therapy comes from Zen practice in Japan.",
        "Kenyan estimates came from the Kilifi health and demographic surveillance site.",
        "The Riverbank asylum moved to Southwark in 1815 and became a hospital again.",
        "The ELSA panel (Chester) and PATH (Canberra) are both cohort studies.",
        "Study sites were 成都, 西安 and 昆明, one clinic in each.",
    ],
)
def test_a_studys_cohort_site_or_sources_place_is_nobodys(text):
    assert [f for f in found(text) if f] == []


@pytest.mark.parametrize(
    "text, place",
    [
        ("Her notes came from Wexford last week.", "Wexford"),
        ("The family came from Rotorua originally.", "Rotorua"),
        ("Tane was moved from Porirua to a unit in Petone and lost his support network.", "Petone"),
        ("Client JT (Avon) is in the trial and lives in Bristol.", "Bristol"),
        ("Sites were Leeds, Bradford and Wakefield; my client lives in Halifax.", "Halifax"),
    ],
)
def test_a_persons_town_beside_a_study_or_a_move_still_counts(text, place):
    assert covered(text, place, "address")


# ---------------------------------------------------------------- famous published cases and their pseudonyms


@pytest.mark.parametrize(
    "text",
    [
        "Clive Wearing (C.W.) is a public case; his diaries are published.",
        "Sybil, the book's patient, was later identified as Shirley Mason.",
        "Shirley Mason, known as Sybil, was treated by Cornelia Wilbur.",
        "Anna O. was the pseudonym of Bertha Pappenheim.",
    ],
)
def test_a_famous_cases_initials_and_pseudonym_are_the_public_figures(text):
    assert by_rules(text, "name") == []  # a plausible name may be held by the tagger


@pytest.mark.parametrize(
    "text, name",
    [
        ("Jane Roe (J.R.) was admitted last week.", "J.R."),
        ("Sybil was later identified as the driver of the car.", "Sybil"),
        ("My client Sybil was later identified as the patient in the case report.", "Sybil"),
        ("A woman known as Sybil rang the ward about Shirley Mason's book.", "Sybil"),
    ],
)
def test_a_person_beside_a_famous_case_is_still_named(text, name):
    assert covered(text, name, "name")


# ---------------------------------------------------------------- names mentioned as names, and words of other scripts


@pytest.mark.parametrize(
    "text",
    [
        "Phạm, Hoàng and Huỳnh are shared by millions, so a surname alone tells you little.",
        "Singh and Kaur account for most Sikh surnames in the register.",
        "Oluwadamilare is the most common name in the example list.",
        'In Faroese naming a woman called Jónsdóttir is "daughter of Jón".',
        'Chukwuemeka means "God has done great things".',
        "The Japanese term 森田療法 names Morita therapy.",
        "The Tigrinya leaflet opens with ሰላም, which is fine as a greeting.",
        "The Yoruba word ọmọlúàbí (good character) needs a gloss.",
        "A note on the síneadh fada would help the Irish-language section.",
    ],
)
def test_a_name_or_word_mentioned_as_a_word_is_nobodys(text):
    assert found(text) == []


@pytest.mark.parametrize(
    "text, name",
    [
        ("Oluwadamilare means a lot to his mum, she says.", "Oluwadamilare"),
        ("My client Chukwuemeka says his name means 'God has done great things'.", "Chukwuemeka"),
        ("Priya and Anjali are the most common visitors on the ward; my client is one of them.", "Priya"),
        ("i spoke to priya and she was upset", "priya"),
        ("the nurse priya said it was fine", "priya"),
        ("病人陈建国 opens the door himself.", "陈建国"),
    ],
)
def test_a_persons_name_in_similar_words_still_counts(text, name):
    assert covered(text, name, "name")


# ---------------------------------------------------------------- medicines and conditions named by their stems


@pytest.mark.parametrize(
    "text",
    [
        "Ganaxolone is a 60-hour infusion in the trial arm, not a tablet.",
        "Seltorexant is a 20 mg nightly dose in the phase 3 studies.",
        "Aticaprant is a 10-day titration, then a fixed dose.",
        "Orthorexia is not a DSM-5 diagnosis.",
    ],
)
def test_a_medicine_or_condition_named_by_its_stem_is_no_one(text):
    assert found(text, "name") == []


@pytest.mark.parametrize(
    "text, name",
    [
        ("Vortapine said she would come back next week.", "Vortapine"),
        ("Kowalczyk is a 24-year-old nurse and she is exhausted.", "Kowalczyk"),
        ("Tavita is a 24 year old student who self-harms.", "Tavita"),
    ],
)
def test_a_person_whose_name_looks_like_a_stem_or_who_is_defined_is_still_named(text, name):
    assert covered(text, name, "name")


# ---------------------------------------------------------------- public figures' work, services and firms


@pytest.mark.parametrize(
    "text",
    [
        "Simone Weil wrote about attention as a form of generosity.",
        "Greyfield Asylum was run by Edwin Marlow, who abolished restraint.",
        "Franca Ongaro's reforms closed the asylums under the 1978 law.",
        "Arthur Stoll first synthesised the compound at Basel in 1918.",
        "Dorothy Fenwick lobbied county boards for reform in the 1870s.",
        "Togetherall is commissioned by many universities.",
        "Procter & Procter settled the litigation last year.",
    ],
)
def test_a_public_figures_work_a_commissioned_service_and_a_firm_name_no_one_in_care(text):
    assert by_rules(text, "name") == []  # a plausible name may be held by the tagger


@pytest.mark.parametrize(
    "text, name",
    [
        ("Jane Okafor wrote about her trauma in her journal.", "Jane Okafor"),
        ("Maria Lopez, who founded a peer group for her ward, was discharged on Monday.", "Maria Lopez"),
        ("Rosa Delgado is managed by the CMHT now.", "Rosa Delgado"),
        ("Oakley's speech therapist thinks it is selective mutism.", "Oakley"),
        ("Priya & Anjali visited on Sunday.", "Anjali"),
    ],
)
def test_a_person_in_similar_words_is_still_named_beside_public_work(text, name):
    assert covered(text, name, "name")


# ---------------------------------------------------------------- references' dates, pen names, bases and products


@pytest.mark.parametrize(
    "text",
    [
        "Royal College of Nursing. (2021, June 9). Staffing report [Press release].",
        "Okeke, A. (2022, October 3). Grief after disasters. The Observer.",
        "Lemony Snicket is a pen name, not the author's own.",
        "Troops trained at Fort Bragg (renamed Fort Liberty in 2023) took part.",
        "Widex Moment aids and Signia Pure devices both stream audio.",
    ],
)
def test_a_references_date_a_pen_name_a_base_and_a_product_line_name_no_one(text):
    assert by_rules(text) == []  # a plausible town may be held by the tagger


@pytest.mark.parametrize(
    "text, value",
    [
        ("Seen in clinic (2023, March 14) with her mum.", "March 14"),
        ("Priya means a lot to me, she says.", "Priya"),
        ("Rm 40, Fort Kellan TX — pt seen there twice in March", "Fort Kellan"),
        ("Tom Apps rang me about his sister.", "Tom Apps"),
    ],
)
def test_a_persons_details_in_similar_words_still_count(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    "text",
    [
        "Hearts & Minds advice line: 0808 196 4455.",
        "The charity's information line is 0808 196 2211, weekdays only.",
    ],
)
def test_an_advice_or_information_line_named_before_its_number_is_an_organisations(text):
    assert found(text, "phone") == []


@pytest.mark.parametrize(
    "text, number",
    [
        ("Her landline is 0161 496 0123 and she uses the support line a lot.", "0161 496 0123"),
        ("Support line: my sister on 07700 900456.", "07700 900456"),
    ],
)
def test_a_persons_number_beside_an_advice_line_still_counts(text, number):
    assert covered(text, number, "phone")
