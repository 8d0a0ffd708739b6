"""Generated part of the held-apart PHI evaluation set: its own templates and vocabulary, written once,
before the screen was tuned, and never changed to suit the screen. Every value is invented."""

from __future__ import annotations

import random

from stdnum import luhn

SEED = 90210

GIVEN = """Adaeze Akosua Aleksander Alibek Amaru Anahera Anders Anouk Arjun Asel Ayesha Baptiste Beatriz Berhane Bogdan
Bongani Caoimhe Carmela Chidi Chiara Dariusz Dilnoza Dmitri Eamon Efua Eilidh Emeka Emre Esra Fatou Femi Fenna Galina
Gulnara Hadiza Haruki Hemi Ines Ioana Isidro Jarrah Jasleen Jiho Joaquim Kagiso Kalani Kasia Kemal Kirra Kofi Lamar
Lavinia Leilani Lerato Luca Maelle Mahlet Malia Manaia Mariam Maximilian Meseret Minh Mirela Mohammed Nalani Nasrin
Nikolai Nomvula Obinna Odile Olusegun Omar Pania Paolo Parveen Quang Radu Rangi Rasmus Rehana Rustam Saoirse Sefa
Selin Shoira Siddharth Sigrid Siosaia Soraya Tadesse Tamar Tatiana Teodora Thabo Thuy Timur Tova Uzma Vaea Valentina
Vikram Wangari Xiomara Yaw Yerlan Yohannes Zarina Zeynep Zodwa Ahanu Nayeli Keanu Ebele Dunya Levente Ruairi""".split()
FAMILY = """Abdullahi Achterberg Agyeman Akhmetov Alvarado Amankwah Andersson Aoki Asante Babatunde
Balogun Barzani Bekele
Bergström Bianchi Bui Cardoso Castellano Chakraborty Chikwanha Ciobanu Dahlberg Demir Dhillon Diallo Dimitrov
Dobrev Duarte Ekwueme Eriksen Esposito Farouk Fernandes Gashi Ghosh Gonzaga Haddad Halonen Hashemi Hoang
Horvath Ibrahimovic Ikeda Iyer Jankowski Jovanovic Kahananui Kamara Karimi Kasprzak Kaya Kiplagat Kowalski
Kuznetsova Lacroix Lehtonen Loukas Lungu Maalouf Machado Mahlangu Marangoni Matsuda Mbeki Mehta Mensah Mokoena
Moreau Mwangi Nakashima Ndlovu Nwachukwu Ochieng Okafor Olsen Osei Ozturk Pachauri Papadakis Petrenko Phiri
Quintero Rahman Rautio Reyes Rinaldi Sadiq Santos Schreiber Sekibo Shevchuk Silva Sokolova Suleiman Szabo
Takahashi Tamatea Tembo Thorsen Tran Uchenna Vasquez Vo Waititi Watanabe Wojcik Xu Yamamoto Yilmaz Zapata Zhou
Zoltan Fa'amausili Nakoa MacInnes O'Rourke""".split()
ROLES = [
    "my client",
    "our client",
    "a client of mine",
    "my patient",
    "the patient",
    "his wife",
    "her husband",
    "her daughter",
    "his son",
    "their mother",
    "her father",
    "his partner",
    "her sister",
    "his brother",
    "the client's aunt",
    "her grandson",
    "his granddaughter",
    "her carer",
    "the young person",
    "a service user",
]
STREETS = """Acacia Alder Ashgrove Aspen Banksia Bayview Beacon Blackthorn Bluebell Bramble Briar Brookside Buttercup
Cherrywood Clover Copperfield Coral Cormorant Cypress Dogwood Driftwood Eastgate Eucalyptus Falcon Fernleaf Foxglove
Glenwood Granite Hawthorn Heather Hemlock Heron Highfield Hollyhock Ironbark Jacaranda Juniper Kestrel Kowhai
Lakeshore Lavender Linden Magpie Mallard Manuka Maple Marigold Meadowlark Millstream Moorland Northcote Oakridge
Orchid Osprey Pelican Pinecrest Pohutukawa Quailwood Ravenscroft Redwood Riverbend Rosemary Rowan Saffron Sandpiper
Silverbirch Skylark Sorrel Stonebridge Sunflower Sweetbriar Tamarind Thistle Totara Tulip Valley Wattle Whitebeam
Willowdale Wisteria Yarrow""".split()
SUFFIXES = [
    "Street",
    "St",
    "St.",
    "Avenue",
    "Ave",
    "Road",
    "Rd",
    "Lane",
    "Ln",
    "Drive",
    "Dr",
    "Court",
    "Ct",
    "Crt",
    "Place",
    "Pl",
    "Terrace",
    "Tce",
    "Way",
    "Close",
    "Crescent",
    "Cres",
    "Grove",
    "Boulevard",
    "Blvd",
    "Circle",
    "Cir",
    "Parkway",
    "Pkwy",
    "Trail",
    "Trl",
    "Highway",
    "Hwy",
    "Heights",
    "Hts",
    "Hollow",
    "Ridge",
    "Rdg",
    "Run",
    "Crossing",
    "Xing",
    "Square",
    "Sq",
    "Mews",
    "Gardens",
    "Gdns",
    "Row",
    "Walk",
    "Path",
    "Point",
    "Pt",
    "Landing",
    "Lndg",
    "Meadows",
    "Mdws",
    "Springs",
    "Spgs",
    "Station",
    "Sta",
    "Estates",
    "Ests",
    "Commons",
    "Cmns",
    "Parade",
    "Pde",
    "View",
    "Vw",
    "Loop",
    "Pike",
    "Alley",
    "Green",
]
UNITS = [
    "Apt 4",
    "Apt. 12B",
    "Unit 7",
    "Suite 200",
    "Ste 3",
    "#14",
    "Flat 2",
    "Apartment 9C",
    "Rm 5",
    "Fl 3",
    "Bldg 2",
    "Lot 11",
    "Space 22",
    "Trlr 6",
]
US_PLACES = [
    ("Bozeman", "MT", "59715"),
    ("Macon", "GA", "31201"),
    ("Eugene", "OR", "97401"),
    ("Waco", "TX", "76701"),
    ("Lansing", "MI", "48933"),
    ("Bangor", "ME", "04401"),
    ("Pueblo", "CO", "81003"),
    ("Dubuque", "IA", "52001"),
    ("Yakima", "WA", "98901"),
    ("Muncie", "IN", "47305"),
    ("Roanoke", "VA", "24011"),
    ("Shreveport", "LA", "71101"),
    ("Fargo", "ND", "58102"),
    ("Hilo", "HI", "96720"),
    ("Laredo", "TX", "78040"),
    ("Scranton", "PA", "18503"),
]
UK_PLACES = [
    ("Harrogate", "HG1 2RQ"),
    ("Truro", "TR1 3HD"),
    ("Wrexham", "LL11 1AY"),
    ("Dundee", "DD1 4HN"),
    ("Bangor", "LL57 2DG"),
    ("Carlisle", "CA3 8JH"),
    ("Lincoln", "LN2 1PF"),
    ("Stirling", "FK8 2ET"),
    ("Newry", "BT35 6AN"),
    ("Hereford", "HR4 9AA"),
]
OTHER_PLACES = [
    ("Geelong VIC", "3220"),
    ("Toowoomba QLD", "4350"),
    ("Halifax NS", "B3H 4R2"),
    ("Kelowna BC", "V1Y 6H2"),
    ("Hamilton", "3204"),
    ("Galway", "H91 E2K3"),
    ("Nelson", "7010"),
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTHS_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"]


def _d(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def _name(rng):
    style = rng.random()
    if style < 0.45:
        return f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
    if style < 0.8:
        return rng.choice(GIVEN)
    if style < 0.9:
        return f"{rng.choice(GIVEN)} {rng.choice(GIVEN)[0]}. {rng.choice(FAMILY)}"
    return f"{rng.choice(GIVEN)[0]}.{rng.choice(FAMILY)[0]}."


def _street(rng):
    number = rng.choice([str(rng.randint(1, 99)), str(rng.randint(100, 9999)), f"{rng.randint(1, 60)}A"])
    parts = [number]
    if rng.random() < 0.15:
        parts.append(rng.choice(["N", "S", "E", "W", "North", "West"]))
    parts.append(rng.choice(STREETS))
    if rng.random() < 0.2:
        parts.append(rng.choice(["Hill", "Park", "Creek", "Bay", "Glen"]))
    parts.append(rng.choice(SUFFIXES))
    street = " ".join(parts)
    if rng.random() < 0.35:
        street += rng.choice([", ", " "]) + rng.choice(UNITS)
    return street


def _address(rng):
    kind = rng.random()
    if kind < 0.45:
        city, state, zip_code = rng.choice(US_PLACES)
        if rng.random() < 0.3:
            zip_code += f"-{_d(rng, 4)}"
        return f"{{{{address|{_street(rng)}}}}}, {{{{address|{city}}}}}, {state} {{{{zip|{zip_code}}}}}"
    if kind < 0.7:
        city, postcode = rng.choice(UK_PLACES)
        return f"{{{{address|{_street(rng)}}}}}, {{{{address|{city}}}}} {{{{zip|{postcode}}}}}"
    if kind < 0.85:
        city, postcode = rng.choice(OTHER_PLACES)
        town, _, region = city.partition(" ")
        tail = f" {region}" if region else ""
        return f"{{{{address|{_street(rng)}}}}}, {{{{address|{town}}}}}{tail} {{{{zip|{postcode}}}}}"
    return f"{{{{address|{_street(rng)}}}}}"


def _phone(rng):
    forms = [
        lambda: f"({rng.randint(201, 989)}) 555-01{_d(rng, 2)}",
        lambda: f"{rng.randint(201, 989)}-555-01{_d(rng, 2)}",
        lambda: f"{rng.randint(201, 989)}.555.01{_d(rng, 2)}",
        lambda: f"1-{rng.randint(201, 989)}-555-01{_d(rng, 2)}",
        lambda: f"+1 {rng.randint(201, 989)} 555 01{_d(rng, 2)}",
        lambda: f"07700 900{_d(rng, 3)}",
        lambda: f"+44 7700 900{_d(rng, 3)}",
        lambda: f"020 7946 0{_d(rng, 3)}",
        lambda: f"0161 496 0{_d(rng, 3)}",
        lambda: f"04{_d(rng, 2)} 570 {_d(rng, 3)}",
        lambda: f"(03) 5550 {_d(rng, 4)}",
        lambda: f"+61 4{_d(rng, 2)} 570 {_d(rng, 3)}",
        lambda: f"08{rng.randint(3, 9)} 555 {_d(rng, 4)}",
        lambda: f"+64 21 555 {_d(rng, 4)}",
        lambda: f"06 {_d(rng, 2)} {_d(rng, 2)} {_d(rng, 2)} {_d(rng, 2)}",
        lambda: f"+49 30 555{_d(rng, 4)}",
        lambda: f"+27 82 555 {_d(rng, 4)}",
        lambda: f"555-01{_d(rng, 2)}",
        lambda: f"({rng.randint(100, 199)}) 555-{_d(rng, 4)}",
    ]
    return rng.choice(forms)()


def _date(rng):
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1931, 2024)
    forms = [
        f"{day}/{month}/{year}",
        f"{month:02d}/{day:02d}/{year}",
        f"{year}-{month:02d}-{day:02d}",
        f"{day} {MONTHS[month - 1]} {year}",
        f"{MONTHS[month - 1]} {day}, {year}",
        f"{MONTHS_ABBR[month - 1]} {day}",
        f"{day}.{month:02d}.{year}",
        f"{day}-{MONTHS_ABBR[month - 1]}-{year}",
        f"{month}/{day}/{str(year)[2:]}",
        f"{day}{'th' if day > 3 else ['st', 'nd', 'rd'][day - 1]} of {MONTHS[month - 1]}",
    ]
    return rng.choice(forms)


def _ssn(rng):
    area = rng.choice([rng.randint(900, 999), rng.randint(1, 665)])
    return rng.choice(["{a:03d}-{g:02d}-{s:04d}", "{a:03d} {g:02d} {s:04d}"]).format(
        a=area, g=rng.randint(1, 99), s=rng.randint(1, 9999)
    )


def _luhn_number(rng, prefix, length):
    body = prefix + _d(rng, length - len(prefix) - 1)
    return body + luhn.calc_check_digit(body)


def _card(rng):
    number = _luhn_number(rng, rng.choice(["4", "51", "37", "6011"]), 16)
    return " ".join(number[i : i + 4] for i in range(0, 16, 4)) if rng.random() < 0.7 else number


def _iban(rng):
    bban = rng.choice(["NWBK", "BARC", "MIDL"]) + _d(rng, 14)
    rearranged = bban + "GB00"
    digits = "".join(str(int(c, 36)) for c in rearranged)
    check = 98 - int(digits) % 97
    iban = f"GB{check:02d}{bban}"
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))


def _letters(rng, n):
    return "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))


IDENTIFIERS = {
    "mrn": [
        ("MRN {v}", lambda r: _d(r, 7)),
        ("medical record number {v}", lambda r: f"{_letters(r, 2)}{_d(r, 6)}"),
        ("hospital number {v}", lambda r: f"{_d(r, 3)}-{_d(r, 3)}-{_d(r, 3)}"),
        ("chart #{v}", lambda r: _d(r, 6)),
        ("UR no. {v}", lambda r: _d(r, 6)),
        ("patient ID {v}", lambda r: f"P{_d(r, 8)}"),
        ("EMR ID: {v}", lambda r: f"{_d(r, 4)}-{_d(r, 4)}"),
    ],
    "health_plan": [
        ("member ID {v}", lambda r: f"{_letters(r, 3)}{_d(r, 9)}"),
        ("policy number {v}", lambda r: f"{_letters(r, 2)}-{_d(r, 2)}-{_d(r, 4)}"),
        ("insurance no. {v}", lambda r: f"{_d(r, 4)} {_d(r, 4)} {_d(r, 2)}"),
        ("Medicaid ID {v}", lambda r: f"{_letters(r, 2)}{_d(r, 8)}"),
        ("health plan number {v}", lambda r: f"HP{_d(r, 7)}"),
        ("claim no. {v}", lambda r: f"{_d(r, 4)}-{_d(r, 6)}"),
        ("subscriber ID {v}", lambda r: f"{_d(r, 9)}"),
        ("Medicare card {v}", lambda r: f"{_d(r, 4)} {_d(r, 5)} {_d(r, 1)}"),
    ],
    "account": [
        ("account number {v}", lambda r: _d(r, 10)),
        ("acct # {v}", lambda r: f"{_d(r, 4)}-{_d(r, 4)}-{_d(r, 4)}"),
        ("card {v}", _card),
        ("credit card number {v}", _card),
        ("IBAN {v}", _iban),
        ("bank account {v}", lambda r: f"{_d(r, 2)}-{_d(r, 4)}-{_d(r, 7)}-{_d(r, 2)}"),
        ("billing account {v}", lambda r: f"BA{_d(r, 8)}"),
    ],
    "licence": [
        ("driver's license {v}", lambda r: f"{_letters(r, 1)}{_d(r, 3)}-{_d(r, 4)}-{_d(r, 4)}"),
        ("driving licence {v}", lambda r: f"{_letters(r, 5)}{_d(r, 6)}{_letters(r, 2)}{_d(r, 1)}{_letters(r, 2)}"),
        ("licence no. {v}", lambda r: f"{_letters(r, 1)}{_d(r, 7)}"),
        ("professional licence {v}", lambda r: f"PSY{_d(r, 6)}"),
        ("certificate number {v}", lambda r: f"{_d(r, 4)}/{_d(r, 5)}"),
        ("DEA number {v}", lambda r: f"{_letters(r, 2)}{_d(r, 7)}"),
        ("registration no. {v}", lambda r: f"{_d(r, 7)}"),
    ],
    "vehicle": [
        ("VIN {v}", lambda r: "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(17))),
        ("plate {v}", lambda r: f"{_d(r, 1)}{_letters(r, 3)}{_d(r, 3)}"),
        ("number plate {v}", lambda r: f"{_letters(r, 2)}{_d(r, 2)} {_letters(r, 3)}"),
        ("licence plate {v}", lambda r: f"{_letters(r, 3)}-{_d(r, 4)}"),
        ("rego {v}", lambda r: f"{_d(r, 1)}{_letters(r, 2)}{_d(r, 1)}{_letters(r, 2)}"),
    ],
    "device": [
        ("serial number {v}", lambda r: f"{_letters(r, 2)}{_d(r, 8)}"),
        ("S/N {v}", lambda r: f"{_d(r, 4)}-{_letters(r, 3)}-{_d(r, 4)}"),
        ("IMEI {v}", lambda r: _luhn_number(r, "35", 15)),
        ("device serial {v}", lambda r: f"{_letters(r, 3)}{_d(r, 6)}"),
        ("pump serial #{v}", lambda r: _d(r, 9)),
    ],
    "other_id": [
        ("employee number {v}", lambda r: f"E{_d(r, 6)}"),
        ("student ID {v}", lambda r: _d(r, 8)),
        ("passport number {v}", lambda r: f"{_letters(r, 1)}{_d(r, 8)}"),
        ("case reference {v}", lambda r: f"{_letters(r, 3)}/{_d(r, 2)}/{_d(r, 5)}"),
        ("file no. {v}", lambda r: f"{_d(r, 4)}-{_d(r, 4)}"),
        ("NHS number {v}", lambda r: _nhs(r)),
        ("national insurance number {v}", lambda r: f"{_letters(r, 2)} {_d(r, 2)} {_d(r, 2)} {_d(r, 2)} C"),
        ("SIN {v}", lambda r: " ".join(_luhn_number(r, str(r.randint(1, 7)), 9)[i : i + 3] for i in (0, 3, 6))),
        ("ID card {v}", lambda r: f"{_letters(r, 3)}{_d(r, 6)}"),
    ],
    "biometric": [
        ("fingerprint ID {v}", lambda r: f"FP{_d(r, 7)}"),
        ("voiceprint {v}", lambda r: f"VP-{_d(r, 4)}-{_d(r, 4)}"),
        ("iris template {v}", lambda r: f"IR{_d(r, 6)}"),
    ],
}


def _nhs(rng):
    while True:
        digits = [rng.randint(0, 9) for _ in range(9)]
        check = 11 - sum(d * w for d, w in zip(digits, range(10, 1, -1))) % 11
        if check == 11:
            check = 0
        if check != 10:
            number = "".join(map(str, digits)) + str(check)
            return f"{number[:3]} {number[3:6]} {number[6:]}"


def _ip(rng):
    if rng.random() < 0.75:
        block = rng.choice(["192.0.2", "198.51.100", "203.0.113"])
        return f"{block}.{rng.randint(1, 254)}"
    return f"2001:db8:{rng.randint(1, 9999):x}::{rng.randint(1, 65535):x}"


def _email(rng):
    given, family = rng.choice(GIVEN).lower(), rng.choice(FAMILY).lower().replace("'", "")
    local = rng.choice([f"{given}.{family}", f"{given}{rng.randint(1, 99)}", f"{given[0]}{family}",
                        f"{given}_{family[:3]}"])  # fmt: skip
    domain = rng.choice(["example.com", "example.org", "example.net", "mail.example.co.uk", "example.com.au"])
    return f"{local}@{domain}"


def _url(rng):
    handle = f"{rng.choice(GIVEN).lower()}{rng.choice(['_', '.', ''])}{rng.choice(FAMILY).lower()[:5]}"
    return rng.choice(
        [f"https://www.facebook.com/{handle}", f"instagram.com/{handle}", f"https://{handle}.example.com",
         f"https://www.tiktok.com/@{handle}", f"https://medium.com/@{handle}/my-recovery-story",
         f"www.{handle}.example.net/blog"]
    )  # fmt: skip


def _age(rng):
    n = rng.randint(90, 106)
    words = {90: "ninety", 91: "ninety-one", 92: "ninety-two", 93: "ninety-three", 95: "ninety-five"}
    form = rng.random()
    if form < 0.6 or n not in words:
        return str(n)
    return words[n]


# Templates: {name}, {phone}, ... are replaced by labelled values; {role} is plain text.
TEMPLATES = [
    ("name", "Before the break {name} said she felt silly talking to herself."),
    ("name", "I offered {name} the option of writing rather than speaking the phrases."),
    ("name", "{role} {name} found the body scan brought up grief."),
    ("name", "During the fourth group, {name} shared a memory of being shamed at school."),
    ("name", "It took {name} three weeks to write the first compassionate letter."),
    ("name", "{name} now uses the soothing-rhythm breath before work meetings."),
    ("name", "We lost touch with {name} after the move, which still worries me."),
    ("name", "{name}'s GP asked whether the group could continue online."),
    ("name", "With {name}, shame was the main target rather than self-criticism."),
    ("phone", "Her landline is {phone} but she rarely answers it."),
    ("phone", "{role} asked us to call {phone} instead of her mobile."),
    ("phone", "Number for the emergency contact: {phone}."),
    ("phone", "He texted me from {phone} at midnight, which we discussed in session."),
    ("fax", "The referral came by fax from {fax}."),
    ("fax", "Fax no. {fax} for the GP surgery."),
    ("email", "She sends her journal entries to {email} each Sunday."),
    ("email", "Reply-to address on the complaint was {email}."),
    ("address", "The outreach team visited her at {address}."),
    ("address", "{role} has moved to {address} and wants sessions closer to home."),
    ("address", "Correspondence address: {address}"),
    ("date", "She was admitted on {date} and started the group the week after discharge."),
    ("date", "DOB: {date}"),
    ("date", "His father died on {date}, which is why December is hard."),
    ("date", "Next review {date}; bring the practice log."),
    ("date", "Seen in clinic {date} with worsening shame."),
    ("age", "The client is {age} years old and still drives."),
    ("age", "At {age}, she says she has never been kind to herself."),
    ("age", "{role}, aged {age}, joined the group from the care home."),
    ("ssn", "Her SSN, {ssn}, was printed on the insurer's letter."),
    ("ssn", "SSN: {ssn}"),
    ("ip", "The abusive posts were traced to {ip}."),
    ("ip", "Portal access from IP {ip} was flagged."),
    ("url", "He shares his progress at {url}."),
    ("url", "Her recovery blog ({url}) mentions our group by name."),
    ("ident", "Please note {ident} on the form."),
    ("ident", "The letter quotes {ident} at the top."),
    ("ident", "{role} gave us {ident} when she registered."),
    ("ident", "For billing: {ident}."),
]

CLEAN_AUTHORS = """Neff Germer Gilbert Kirby Ferrari MacBeth Gumley Leary Bluth Raes Sirois Zessin Wilson Muris Otgaar
Breines Chen Allen Terry Hollis-Walker""".split()
CLEAN_JOURNALS = [
    "Mindfulness", "Journal of Clinical Psychology", "Clinical Psychology Review", "Self and Identity",
    "Behaviour Research and Therapy", "Journal of Affective Disorders", "Psychotherapy Research",
    "British Journal of Clinical Psychology", "Frontiers in Psychology", "Journal of Happiness Studies",
]  # fmt: skip


def _citation(rng) -> str:
    authors = rng.sample(CLEAN_AUTHORS, rng.randint(1, 4))
    initials = [f"{rng.choice('ABCDEFGHJKLMNPRST')}. {rng.choice('ABCDEFGHJKLMNPRST')}." for _ in authors]
    year = rng.randint(1995, 2024)
    volume, issue = rng.randint(3, 120), rng.randint(1, 12)
    first = rng.randint(1, 1900)
    pages = f"{first}–{first + rng.randint(5, 40)}"
    journal = rng.choice(CLEAN_JOURNALS)
    doi = f"10.{rng.randint(1000, 9999)}/{rng.choice(['s', 'j.', ''])}{rng.randint(10000, 99999)}"
    style = rng.random()
    if style < 0.4:
        names = ", ".join(f"{a}, {i}" for a, i in zip(authors, initials))
        return f"{names} ({year}). Title of the study. {journal}, {volume}({issue}), {pages}. https://doi.org/{doi}"
    if style < 0.7:
        names = ", ".join(f"{a} {i.replace('. ', '').rstrip('.')}" for a, i in zip(authors, initials))
        return (
            f"{names}. Title of the study. {journal}. {year};{volume}({issue}):{pages}. doi:{doi}. PMID: {_d(rng, 8)}."
        )
    if style < 0.85:
        lead = authors[0] if len(authors) == 1 else f"{authors[0]} et al."
        return f"{lead} ({year}) reported this in {journal} ({volume}:{pages})."
    return f"See {journal} {year}; {volume}: {pages} (PMC{_d(rng, 7)})."


CLEAN_TEMPLATES = [
    lambda r: (
        f"In a sample of {r.randint(40, 900)} adults (mean age {r.randint(20, 70)}.{r.randint(0, 9)}), "
        f"scores fell by {r.randint(2, 9)} points."
    ),
    lambda r: (
        f"The {r.choice(['PHQ-9', 'GAD-7', 'SCS-SF', 'DASS-21', 'K10', 'CORE-10'])} was given at weeks 0, "
        f"{r.randint(4, 6)} and {r.randint(8, 12)}."
    ),
    lambda r: f"Doses ranged from {r.randint(1, 5) * 10} mg to {r.randint(6, 20) * 10} mg per day.",
    lambda r: (
        f"Effect size d = 0.{r.randint(10, 90)} (95% CI 0.{r.randint(1, 9)} to 0.{r.randint(50, 99)}), "
        f"p = .0{r.randint(1, 4)}."
    ),
    lambda r: (
        f"Guidance published in {r.choice(MONTHS)} {r.randint(2005, 2024)} replaced the "
        f"{r.randint(1995, 2004)} edition."
    ),
    lambda r: (
        f"People aged {r.choice(['over 90', '90 and over', '85+', '90+', '75 to 99'])} were "
        f"{r.randint(2, 15)}% of the cohort."
    ),
    lambda r: (
        f"Participants completed {r.randint(6, 12)} weekly sessions of {r.choice([45, 50, 60, 90, 120])} minutes."
    ),
    lambda r: (
        f"ICD-10 {r.choice(['F32.1', 'F33.2', 'F41.1', 'F43.1', 'F50.0', 'F60.3'])} and DSM-5 criteria were both used."
    ),
    lambda r: f"Trial registration: NCT0{_d(r, 7)}; protocol version {r.randint(1, 4)}.{r.randint(0, 9)}.",
    lambda r: f"Retention at {r.randint(3, 12)} months was {r.randint(60, 95)}% in both arms.",
]


def generated_cases() -> list[dict]:
    from scripts.phi_cases import parse_markup

    rng = random.Random(SEED)
    fillers = {
        "name": lambda: f"{{{{name|{_name(rng)}}}}}",
        "phone": lambda: f"{{{{phone|{_phone(rng)}}}}}",
        "fax": lambda: f"{{{{fax|{_phone(rng)}}}}}",
        "email": lambda: f"{{{{email|{_email(rng)}}}}}",
        "address": lambda: _address(rng),
        "date": lambda: f"{{{{date|{_date(rng)}}}}}",
        "age": lambda: f"{{{{age|{_age(rng)}}}}}",
        "ssn": lambda: f"{{{{ssn|{_ssn(rng)}}}}}",
        "ip": lambda: f"{{{{ip|{_ip(rng)}}}}}",
        "url": lambda: f"{{{{url|{_url(rng)}}}}}",
    }
    cases = []
    for round_number in range(8):
        for index, (kind, template) in enumerate(TEMPLATES):
            values = {key: make() for key, make in fillers.items()}
            values["role"] = rng.choice(ROLES)
            if kind == "ident":
                category = rng.choice(list(IDENTIFIERS))
                label, make = rng.choice(IDENTIFIERS[category])
                values["ident"] = label.format(v=f"{{{{{category}|{make(rng)}}}}}")
            line = template.format(**values)
            line = line[0].upper() + line[1:]
            cases.append(parse_markup(line, f"hg-{round_number}-{index:02d}", "template"))
    ident_templates = [t for kind, t in TEMPLATES if kind == "ident"]
    for category, forms in IDENTIFIERS.items():
        for index in range(12):
            label, make = forms[index % len(forms)]
            ident = label.format(v=f"{{{{{category}|{make(rng)}}}}}")
            line = rng.choice(ident_templates).format(ident=ident, role=rng.choice(ROLES))
            cases.append(parse_markup(line[0].upper() + line[1:], f"hg-{category}-{index:02d}", "template"))
    for index in range(60):
        cases.append(parse_markup("[sources] " + _citation(rng), f"hg-cite-{index:02d}", "template"))
    for index in range(60):
        cases.append(
            parse_markup(CLEAN_TEMPLATES[index % len(CLEAN_TEMPLATES)](rng), f"hg-clean-{index:02d}", "template")
        )
    return cases
