"""The seventeenth round: recall by families of phrasing — private material in the sources field, labels,
plates, employers, places and ages of other shapes. Every example is invented."""

import pytest

from revisions.phi import screen
from tests.revisions.phi_checks import by_rules, covered, found


def sources(text: str) -> list[tuple[str, str]]:
    findings = screen({"sources_text": text}, citation_fields={"sources_text"}).findings
    return [(f.kind, text[f.start : f.end]) for f in findings]


# ---------------------------------------------------------------- the sources field


@pytest.mark.parametrize(
    "line, value, kind",
    [
        ("private notes from my sessions with Quillon Farrowby", "Quillon Farrowby", "name"),
        ("personal notes from supervision with Dr. Ysolde Brackwater", "Ysolde Brackwater", "name"),
        ("my own Instagram post, https://www.instagram.com/quill.fern_22", "instagram.com/quill.fern_22", "url"),
        ("Orsolya's email to me dated 9 March", "9 March", "date"),
        ("case file QF-2099-0001, pages 2 to 5", "QF-2099-0001", "record_number"),
        ("screenshot of the group chat with Zebedine Marlowe-Quist", "Zebedine Marlowe-Quist", "name"),
        ("MA thesis by Tamsin Quarrell-Ode, supervised by me", "Tamsin Quarrell-Ode", "name"),
    ],
)
def test_a_sources_line_of_the_writers_own_or_private_material_is_read_as_prose(line, value, kind):
    assert covered(line, value, kind, field="sources_text")


def test_a_private_clause_after_a_reference_is_read_and_the_reference_is_not():
    line = "Neff et al. 2019; and Odalys's letter to me dated 4 June"
    assert ("date", "4 June") in sources(line)
    assert not [value for _, value in sources(line) if "Neff" in value]


@pytest.mark.parametrize(
    "line, link",
    [
        ("https://www.linkedin.com/in/quorra-fenwick-example", "https://www.linkedin.com/in/quorra-fenwick-example"),
        ("her page, https://www.facebook.com/zoltan.imaginary.42", "https://www.facebook.com/zoltan.imaginary.42"),
        ("the family's page https://www.facebook.com/groups/quist.family", "facebook.com/groups/quist.family"),
        ("https://www.example.org/~qfarrow/recovery-diary.pdf", "https://www.example.org/~qfarrow/recovery-diary.pdf"),
        ("@moth_and_marrow_7 on TikTok, the video about grounding", "@moth_and_marrow_7"),
    ],
)
def test_a_persons_page_or_handle_in_the_sources_is_held(line, link):
    assert covered(line, link, "url", field="sources_text")


@pytest.mark.parametrize(
    "line",
    [
        "https://www.facebook.com/samaritanscharity",
        "https://www.linkedin.com/company/imaginary-mental-health-trust",
        "https://twitter.com/NHSEngland/status/1234567890",
        "Neff, K. D. [@self_compassion]. (2099, February 10). Tweet. https://twitter.com/self_compassion/status/1",
        "Follow @WHO for the campaign material.",
        "Smith, J. (2099). Personal notes on method. Journal of Imaginary Studies, 4(2), 10-20.",
        "Kessler et al. (2005); Neff (2003); the letter to me from the trust is not a source.",
        "Gilbert, P. (2010). The Compassionate Mind. Constable. Chapter on screenshots of the mind.",
    ],
)
def test_organisations_pages_posts_and_references_in_the_sources_stay_references(line):
    assert sources(line) == []


# ---------------------------------------------------------------- labels of other countries and of holders


@pytest.mark.parametrize(
    "text, number",
    [
        ("Bệnh nhân giả định, CCCD 099199000111, đã được xuất viện", "099199000111"),
        ("Pasien fiktif, NIK 9999019901990001, rawat jalan", "9999019901990001"),
        ("CNIC 99999-9999999-9 on the scanned form", "99999-9999999-9"),
        ("su cédula 9.999.999 está en la foto", "9.999.999"),
        ("UHID 20990101999 on the discharge card", "20990101999"),
        ("service number 99001122, the veteran in the PTSD example", "99001122"),
        ("regimental no. 99887766 is on the medal photo", "99887766"),
        ("CRN (Centrelink) 999 111 222Z on the access form", "999 111 222Z"),
        ("The Medicare number in your screenshot (9999 99999 9) is a real one.", "9999 99999 9"),
    ],
)
def test_identity_and_record_numbers_by_more_labels_are_found(text, number):
    assert covered(text, number)


@pytest.mark.parametrize(
    "text",
    [
        "We run 200000 simulations for each model.",
        "The NIK scheme was introduced in 2099.",
        "Samaritans service number 116 123 is free.",
        "The service number of trials rose from 12 to 40.",
        "The numbers in the table (2019) are rounded.",
        "Chile's RUT system is explained in the appendix.",
    ],
)
def test_the_labels_without_a_persons_number_are_no_number(text):
    assert found(text, "record_number") == [] and found(text, "ssn") == []


@pytest.mark.parametrize(
    "text, name",
    [
        ("Cardholder Quintavia Mbekwa acct 99 0000 1111 22 on the form", "Quintavia Mbekwa"),
        ("Card 0000, name on card Q ZOLLINGER, charged twice", "Q ZOLLINGER"),
        ("policyholder Priyanka Quarrendon-Iyer, plan 0099", "Priyanka Quarrendon-Iyer"),
        ("medical aid number QQ 9900111 and name Thandiwe Quorro on the sick note", "Thandiwe Quorro"),
    ],
)
def test_the_name_of_a_card_account_or_policy_holder_is_found(text, name):
    assert covered(text, name, "name")


@pytest.mark.parametrize(
    "text",
    [
        "The cardholder is responsible for any fees.",
        "Cardholder Name: Not Given",
        "The name on the card was Visa Gold.",
        "In 2099, name changes were common among the cohort.",
    ],
)
def test_holder_words_without_a_name_are_no_name(text):
    assert found(text, "name") == []


# ---------------------------------------------------------------- plates, serials and biometric ids


@pytest.mark.parametrize(
    "text, plate",
    [
        ("a silver Corolla ZZ 000-111 parks outside her flat every night", "ZZ 000-111"),
        ("mobil QZ 0000 XYZ milik keluarga ada di foto", "QZ 0000 XYZ"),
        ("xe 99Z-000.11 của bệnh nhân", "99Z-000.11"),
        ("his Hilux KQZ 001A was seen at the clinic", "KQZ 001A"),
    ],
)
def test_a_plate_after_a_make_model_or_a_car_word_of_another_language_is_found(text, plate):
    assert covered(text, plate, "vehicle")


@pytest.mark.parametrize(
    "text",
    [
        "The BMW X5 M50 was in the advert.",
        "Honda CBR600 riders were surveyed.",
        "Toyota 2019 recall notices were sent out.",
        "Jazz FM 102 played the appeal.",
        "She bought a Polo in 2019.",
    ],
)
def test_a_model_name_or_a_year_after_a_make_is_no_plate(text):
    assert found(text, "vehicle") == []


@pytest.mark.parametrize(
    "text, code",
    [
        ("tx id 9QZ4XW from her CGM is in the screenshot", "9QZ4XW"),
        ("insulin pump QZP-PMP 0000-111 in the table", "QZP-PMP 0000-111"),
        ("device IDs like QQ7XZ2K1ZZ should not be published", "QQ7XZ2K1ZZ"),
        ("the palm-vein ID in the second screenshot is QVN 0000 1111", "QVN 0000 1111"),
    ],
)
def test_serials_and_biometric_ids_in_more_shapes_are_found(text, code):
    assert covered(text, code)


@pytest.mark.parametrize(
    "text",
    [
        "The devices on the COVID-19 ward were cleaned daily.",
        "monitor BP 140 90 twice a day",
        "The device costs 300 USD a year.",
        "the follow-up number in the table is 2019",
    ],
)
def test_device_words_beside_ordinary_numbers_are_no_serial(text):
    assert found(text, "device") == [] and found(text, "biometric") == []


# ---------------------------------------------------------------- places listed with someone's details


@pytest.mark.parametrize(
    "text, place",
    [
        ("Pt Quorrabi, 0803 555 0000, Surulere", "Surulere"),
        ("her refugee record QZ-00-22-0001, Kakuma", "Kakuma"),
        ("Zinnia (93) — Dunedin — first admission", "Dunedin"),
        ("hospital no. 99000111 (Westmead) was on the letter", "Westmead"),
        ("Row 4; Quarrel, Ana Sofía; 01/02/1990; Amadora; the rest is blank", "Amadora"),
        ("UR 99000111, Mrs Quillon, Box Hill 3128 — she is the case", "Box Hill"),
        ("NHS no 999 000 1111. DOB 01/04/1958. Lives Clacton.", "Clacton"),
    ],
)
def test_a_place_listed_with_someones_number_age_or_date_is_found(text, place):
    assert covered(text, place, "address")


def test_the_postcode_after_such_a_place_is_found():
    assert covered("UR 99000111, Mrs Quillon, Box Hill 3128 — she is the case", "3128", "zip")


@pytest.mark.parametrize(
    "text",
    [
        "Trial ref 4471-2299, Brexanolone arm",
        "Order no. 44712299, Amazon",
        "Study ID 99001122, Leeds Teaching Hospitals",
        "PT CELL 787-555-0100 — Puerto Rico, the language access page",
        "seen on 13 April, Vaisakhi, with her family",
        "Wien 1140 — Patientenadresse, bitte löschen",
        "Version 2.1.4, Stable",
    ],
)
def test_a_word_listed_after_a_number_that_is_no_place_is_left_alone(text):
    assert found(text, "address") == []


def test_a_line_of_someones_details_is_no_heading():
    assert covered("UHID 99000111222, Suresh Quillfeather, Lajpat Nagar", "Suresh Quillfeather", "name")


# ---------------------------------------------------------------- employers and workplaces


@pytest.mark.parametrize(
    "text, firm",
    [
        ("her dad, who drives for Quarshie Travels, works nights", "Quarshie Travels"),
        ("The worker's permit and sponsor Al-Quenbi Trading are in the appendix", "Al-Quenbi Trading"),
        ("Thabo has been at Zondwa Panel Beaters for 12 years", "Zondwa Panel Beaters"),
        ("Toby loves the Quillmere Garden Centre job", "Quillmere Garden Centre"),
        ("her cousin deals out of the Brass Lantern pub on Fridays", "Brass Lantern"),
        ("Sue from Quarrendon & Co Accountants rang about her sick note", "Quarrendon & Co Accountants"),
    ],
)
def test_an_employer_or_workplace_named_by_its_trade_or_the_word_after_it_is_found(text, firm):
    assert covered(text, firm, "name")


@pytest.mark.parametrize(
    "text",
    [
        "She hates the Saturday job.",
        "The Leeds site recruited 40 patients.",
        "He applied through the Google job market.",
        "Public Works and Road Transport budgets rose in 2099.",
        "The Quarshie Travels survey of 2099 found high rates of burnout.",
        "The Garden Centre shop sells seeds.",
    ],
)
def test_a_kind_of_work_a_study_site_or_a_firm_with_no_one_is_no_employer(text):
    assert found(text, "name") == []


def test_a_firm_named_after_a_town_is_no_town():
    assert found("Sue from Bellamy & Co Accountants rang about her sick note", "address") == []


# ---------------------------------------------------------------- ages and dates


@pytest.mark.parametrize(
    "text, age",
    [
        ("Clinical note: Pt QZ 91y F, DNACPR", "91"),
        ("the gentleman in bed 7 is 102 and still walks to the day room", "102"),
        ("Sie ist 94, wohnt allein", "94"),
        ("Hij is 96 en woont alleen", "96"),
    ],
)
def test_ages_in_more_shorthand_and_languages_are_found(text, age):
    assert covered(text, age, "age_over_89")


@pytest.mark.parametrize(
    "text",
    [
        "Sie ist 95 Prozent sicher.",
        "The ward in bed 9 is 95% full.",
        "In 1990 the guideline changed.",
        "Er ist 90 Minuten gelaufen.",
    ],
)
def test_numbers_that_are_no_ones_age_are_no_age(text):
    assert found(text, "age_over_89") == []


@pytest.mark.parametrize(
    "text, date",
    [
        (
            "It concerns my late father, Quill Ng, who lived in Hamilton and died on 2 September 2099.",
            "2 September 2099",
        ),
        ("Please fax the signed ROI by Friday 15 March; remove it from the template", "Friday 15 March"),
        ("SSN last updated in the chart on 6/14/99 — it shows in the screenshot", "6/14/99"),
        ("we last saw her Christmas Eve and she was already withdrawn", "Christmas Eve"),
        ("20990303 is the admission date in the file name of the scan", "20990303"),
        ("PT QUORRA REFUSED MEDS 11/09 — ALL CAPS SORRY", "11/09"),
        ("Zinnia (93) — Dunedin — 1/5", "1/5"),
    ],
)
def test_dates_tied_to_someone_in_more_phrasings_are_found(text, date):
    assert covered(text, date, "date")


@pytest.mark.parametrize(
    "text",
    [
        "Max Hamilton died on 29 May 1988.",
        "The guideline was signed 3 May 2099.",
        "The page was updated on 3 May 2099.",
        "She declined 1/2 of the dose.",
        "refused 3/4 tab at night",
        "Christmas Eve is a hard night on the ward.",
    ],
)
def test_public_dates_fractions_and_named_days_alone_are_no_ones_date(text):
    assert found(text, "date") == []


# ---------------------------------------------------------------- names in other languages and scripts


@pytest.mark.parametrize(
    "text, name",
    [
        ("bệnh nhân Quách Văn Zung, mã BN QZ-0001", "Quách Văn Zung"),
        ("Pasien Quintessa Rahmadewi dirawat tiga kali", "Quintessa Rahmadewi"),
        ("la paciente Rosa Quillaqueo dijo que no", "Rosa Quillaqueo"),
        ("박서연 환자 어머니가 연락하셨어요.", "박서연"),
        ("Park Ji-hoon의 보험번호는 삭제해 주세요.", "Park Ji-hoon"),
        ("Запись от Наташи: она больше не хочет", "Наташи"),
        ("Добавил пример: Сергей звонил ночью", "Сергей"),
        ("Громов поступил вчера, жена просит убрать", "Громов"),
        ("Ο Γιώργος μένει πλέον με τη μητέρα του.", "Γιώργος"),
    ],
)
def test_names_after_patient_words_particles_or_in_cyrillic_and_greek_are_found(text, name):
    assert covered(text, name, "name")


@pytest.mark.parametrize(
    "text",
    [
        "정신과 환자 어머니가 연락하셨어요.",
        "조현병 환자의 가족 모임",
        "Beck의 인지 모델은 유명하다.",
        "Вера в себя важна для выздоровления.",
        "Москва большая, а клиника маленькая.",
        "Paciente de 40 años con ansiedad.",
    ],
)
def test_words_for_a_department_a_disease_an_author_or_a_city_are_no_name(text):
    assert found(text, "name") == []


# ---------------------------------------------------------------- places inflected or after other languages' words


@pytest.mark.parametrize(
    "text, place",
    [
        ("pacjent Quirin z Nowego Targu, leczony od roku", "Nowego Targu"),
        ("Він переїхав до Борщагівки, але ходить до групи.", "Борщагівки"),
        ("страница пациента из Балашихи", "Балашихи"),
        ("Η κυρία Ζωή, από το Περιστέρι, νοσηλεύτηκε χθες", "Περιστέρι"),
        ("La signora Quarta è stata ricoverata a Scampia.", "Scampia"),
        ("practising in Kilkenny, happy to review the Irish section", "Kilkenny"),
    ],
)
def test_a_town_inflected_or_after_another_languages_preposition_is_found(text, place):
    assert covered(text, place, "address")


@pytest.mark.parametrize(
    "text",
    [
        "Instytut Psychiatrii w Warszawie prowadzi badania.",
        "She gave a Leeds talk on sleep.",
        "The study moved to Kraków in 2099.",
        "Исследование проводилось в Москве.",
    ],
)
def test_an_institutes_or_a_studys_town_and_english_articles_are_left_alone(text):
    assert by_rules(text, "address") == []  # a plausible town may be held by the tagger


@pytest.mark.parametrize(
    "text, street",
    [
        ("Ibu Quirina, Jl. Cempaka No. 12, Bandung, sudah dirawat", "Jl. Cempaka No. 12"),
        ("she's at 1180 Grand Concourse Apt 4B, Bronx 10456", "1180 Grand Concourse"),
    ],
)
def test_more_street_words_are_read(text, street):
    assert covered(text, street, "address")


# ---------------------------------------------------------------- names texted in lower case


@pytest.mark.parametrize(
    "text, name",
    [
        ("i think zarina's right that the DBT paragraph is narrow", "zarina"),
        ("omg zarina just msgd, shes at the ward now", "zarina"),
        ("hi its jess from the carers group, can u fix the page", "jess"),
        ("hey its mads 🙃 cn u take my bit out", "mads"),
        ("hey editors i'm trinity, destiny's sister, the page misquoted her", "destiny"),
    ],
)
def test_names_texted_in_lower_case_with_a_possessive_a_texting_verb_or_an_introduction_are_found(text, name):
    assert covered(text, name, "name")


@pytest.mark.parametrize(
    "text",
    [
        "the world's sister cities signed an agreement",
        "hi its me again, sorry",
        "i'm sure the paragraph is fine",
        "the heart's mother lode of feeling",
        "hey its ok, no rush",
    ],
)
def test_everyday_words_in_such_wording_are_no_name(text):
    assert found(text, "name") == []
