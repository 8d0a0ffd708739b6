"""Generated part of the PHI tuning set, and the seed article's texts as clean cases. Its vocabulary and
templates are its own (the held-apart set's generator shares none of them). Every value is invented."""

from __future__ import annotations

import random
import re
from pathlib import Path

from stdnum import luhn

SEED = 4471
ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLE = ROOT / "fixtures" / "articles" / "self-compassion.md"

GIVEN = """Abebe Adwoa Afua Ahmad Aiyana Akira Alejandro Alinta Amadou Amelie Ananya Antoine Aoife Aroha Asha Aurelio
Bao Bashir Bilal Birgit Bjorn Bukola Cai Camila Catalina Cheng Chioma Ciaran Cosmin Dalia Daniela Darius Deepa
Desta Diego Dilfuza Dorcas Eero Efrat Elif Emilia Enrique Esi Fahad Fernanda Fiifi Gaurav Giorgos Goran Gulshan
Hannele Hassan Heilala Hiroshi Huong Ibrahim Ikaika Ilana Imani Ingeborg Isabela Ivana Jabari Jamila Jaroslav
Jasmeet Jelena Jonas Jun Kaito Kalinda Kamal Karima Katarina Kawika Kerstin Khadija Kiri Kwame Lakshmi Leota Lin
Ludmila Lwazi Mahmoud Malak Mana Marek Mele Mihai Milan Ming Mosese Mwajuma Nadia Naledi Nasser Neha Nia Nikhil
Noa Nour Olga Oluwadamilare Orla Paulo Pita Rahel Rania Ravi Reza Rin Rohan Ruth Sadia Sakura Salma Sami Sanjay
Sebastián Sergei Shira Sina Sipho Solveig Sunita Taini Tamsin Tanvir Teresa Thanh Tiihu Tomas Tui Uchenna Valeria
Viliami Wei Xochitl Yaaba Yasmin Yerzhan Yonatan Zainab Zeljko Zhen Zoe""".split()
FAMILY = """Abara Acheampong Adebayo Afolabi Ahmadi Alexandrou Al-Rashid Amoah Angelova Antonelli Arslan Bakshi Banda
Barros Bauer Benali Bhatt Boateng Borowski Brennan Cabrera Calloway Carvalho Chaudhry Chowdhury Cohen Costa Dang
Delacroix Desai Dlamini Dubois Dunne Eze Fadeyi Falcone Fitzgerald Fonoti Gallo Gebremariam Gomes Grabowski
Gunawardena Gutierrez Hakimi Hamid Hartmann Hernandez Hirano Hussain Igwe Inoue Ivanova Jaramillo Jensen Juarez
Kaczmarek Kamau Kapoor Kariuki Katz Kemp Khalil Kimura Kovalenko Kruger Lam Larsen Levi Lindholm Lozano Madsen
Mahmoud Makoa Malik Mancini Martinez Mazur Molina Moyo Murphy Nair Navarro Ngata Nilsson Novak Nyambura Obi Ogunleye
Ortiz Osman Otieno Palmer Pereira Petrovic Popescu Qureshi Rahimi Ramos Rao Rojas Romano Rossi Sahin Salazar Sato
Schmidt Sharma Shimizu Singh Sithole Soto Stavros Strand Suzuki Taufa Te Whare Teo Torres Tuilagi Uddin Varga
Vega Virtanen Vu Wanjiku Weiss Wong Yadav Yamada Yeboah Yusuf Zaragoza Zheng Zulu""".split()
RELATIONS = ["my client", "my patient", "our patient", "a client", "her partner", "his husband", "her wife",
             "his mother", "her stepson", "his niece", "their daughter", "her flatmate", "his neighbour",
             "the referrer's patient", "a patient of mine", "her ex", "his foster carer", "her cousin"]  # fmt: skip
STREET_WORDS = """Albert Alma Anchor Barrack Beech Bellevue Birch Blossom Cambridge Canal Castle Cathedral Chapel
Chestnut Church College Cromwell Crown Dale Elm Fairview Forest Garden George Glebe Grange Green Hamilton Harbour
High Hill Holly Ivy Jubilee Kings Lake Laurel Lime Manor Maple Market Meadow Mill Mount Nelson New Oak Orchard
Park Pine Poplar Princes Queens Railway Rectory Regent School Spring Station Sycamore Union Victoria Water Well
Windsor""".split()
STREET_TYPES = ["Street", "St", "Road", "Rd", "Avenue", "Ave", "Av", "Lane", "Ln", "Drive", "Dr", "Court", "Ct",
                "Place", "Pl", "Terrace", "Ter", "Way", "Wy", "Close", "Cl", "Crescent", "Cr", "Grove", "Gr",
                "Boulevard", "Blvd", "Circle", "Cir", "Parkway", "Pkwy", "Trail", "Highway", "Hwy", "Heights",
                "Hollow", "Holw", "Ridge", "Run", "Crossing", "Square", "Mews", "Gardens", "Row", "Walk", "Path",
                "Point", "Landing", "Meadows", "Springs", "Station", "Estates", "Commons", "Parade", "View",
                "Loop", "Pike", "Alley", "Aly", "Bend", "Bnd", "Bluff", "Brook", "Brk", "Creek", "Crk", "Glen",
                "Gln", "Harbor", "Hbr", "Junction", "Jct", "Knoll", "Knls", "Manor", "Mnr", "Mill", "Orchard",
                "Oval", "Pass", "Plaza", "Plz", "Ranch", "Shores", "Summit", "Smt", "Terrace", "Trace", "Trce",
                "Turnpike", "Tpke", "Valley", "Vly", "Villas", "Vista", "Vis", "Wharf", "Wynd"]  # fmt: skip
UNIT_PARTS = ["Apt 2", "Apt. 7A", "Apartment 14", "Unit 3", "Unit B", "Suite 110", "Ste. 9", "#6", "# 21", "Flat 4",
              "Flat 1A", "Room 12", "Floor 3", "Building C", "Lot 42", "Trailer 9", "Dept 5", "PH 2"]  # fmt: skip
US_CITIES = [("Spokane", "WA", "99201"), ("Tulsa", "OK", "74103"), ("Boise", "ID", "83702"), ("Akron", "OH", "44308"),
             ("Savannah", "GA", "31401"), ("Provo", "UT", "84601"), ("Billings", "MT", "59101"),
             ("Mobile", "AL", "36602"), ("Erie", "PA", "16501"), ("Reno", "NV", "89501"), ("Salem", "OR", "97301"),
             ("Albany", "NY", "12207"), ("Topeka", "KS", "66603"), ("Concord", "NH", "03301"),
             ("Burlington", "VT", "05401"), ("Madison", "Wisconsin", "53703")]  # fmt: skip
UK_TOWNS = [("Ipswich", "IP1 3QH"), ("Bath", "BA1 1LT"), ("Swansea", "SA1 3SN"), ("Perth", "PH1 5PH"),
            ("Derry", "BT48 6HJ"), ("Norwich", "NR2 1NH"), ("Exeter", "EX4 3LS"), ("Kendal", "LA9 4DL")]  # fmt: skip
ELSEWHERE = [("Wollongong NSW", "2500"), ("Bendigo VIC", "3550"), ("Cairns QLD", "4870"), ("Saskatoon SK", "S7K 1J5"),
             ("Moncton NB", "E1C 4M3"), ("Tauranga", "3110"), ("Limerick", "V94 T9PX"), ("Cork", "T12 R5CP")]  # fmt: skip
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]  # fmt: skip


def _d(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def _up(rng, n):
    return "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(n))


def _person(rng):
    r = rng.random()
    if r < 0.5:
        return f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
    if r < 0.85:
        return rng.choice(GIVEN)
    if r < 0.93:
        return f"{rng.choice(GIVEN)[0]}. {rng.choice(FAMILY)}"
    return f"{rng.choice(GIVEN)[0]}.{rng.choice(GIVEN)[0]}."


def _street(rng):
    number = rng.choice([str(rng.randint(1, 150)), str(rng.randint(150, 19999)), f"{rng.randint(1, 99)}B",
                         f"{rng.randint(1, 30)}-{rng.randint(31, 60)}"])  # fmt: skip
    words = [number]
    if rng.random() < 0.12:
        words.append(rng.choice(["NE", "SW", "East", "South"]))
    words.append(rng.choice(STREET_WORDS))
    words.append(rng.choice(STREET_TYPES))
    street = " ".join(words)
    if rng.random() < 0.3:
        street = rng.choice([f"{street}, {rng.choice(UNIT_PARTS)}", f"{rng.choice(UNIT_PARTS)}, {street}"])
    return street


def _address(rng):
    r = rng.random()
    if r < 0.4:
        city, state, zip_code = rng.choice(US_CITIES)
        sep = rng.choice([", ", " "])
        return f"{{{{address|{_street(rng)}}}}}, {{{{address|{city}}}}}{sep}{state} {{{{zip|{zip_code}}}}}"
    if r < 0.65:
        town, postcode = rng.choice(UK_TOWNS)
        return f"{{{{address|{_street(rng)}}}}}, {{{{address|{town}}}}}, {{{{zip|{postcode}}}}}"
    if r < 0.8:
        place, postcode = rng.choice(ELSEWHERE)
        town, _, region = place.partition(" ")
        return f"{{{{address|{_street(rng)}}}}}, {{{{address|{town}}}}}{' ' + region if region else ''} {{{{zip|{postcode}}}}}"
    return f"{{{{address|{_street(rng)}}}}}"


def _phone(rng):
    forms = [
        lambda: f"({rng.randint(201, 989)}) {rng.randint(200, 989)}-{_d(rng, 4)}",
        lambda: f"{rng.randint(201, 989)}-555-{_d(rng, 4)}",
        lambda: f"{rng.randint(201, 989)} 555 {_d(rng, 4)}",
        lambda: f"+1 ({rng.randint(201, 989)}) 555-{_d(rng, 4)}",
        lambda: f"1 {rng.randint(201, 989)} 555 {_d(rng, 4)}",
        lambda: f"0{rng.choice(['113', '117', '121', '131', '141', '151', '161', '191'])} 496 {_d(rng, 4)}",
        lambda: f"07{_d(rng, 3)} {_d(rng, 6)}",
        lambda: f"+44 (0)20 7946 {_d(rng, 4)}",
        lambda: f"0{rng.randint(2, 8)} {_d(rng, 4)} {_d(rng, 4)}",
        lambda: f"04{_d(rng, 2)} {_d(rng, 3)} {_d(rng, 3)}",
        lambda: f"+353 8{rng.randint(3, 9)} {_d(rng, 3)} {_d(rng, 4)}",
        lambda: f"+64 {rng.randint(21, 29)} {_d(rng, 3)} {_d(rng, 4)}",
        lambda: f"+33 {rng.randint(1, 7)} {_d(rng, 2)} {_d(rng, 2)} {_d(rng, 2)} {_d(rng, 2)}",
        lambda: f"+49 {rng.randint(151, 179)} {_d(rng, 7)}",
        lambda: f"+91-{_d(rng, 5)}-{_d(rng, 5)}",
        lambda: f"+234 80{_d(rng, 1)} {_d(rng, 3)} {_d(rng, 4)}",
        lambda: f"{_d(rng, 3)}-{_d(rng, 4)}",
        lambda: f"{rng.randint(201, 989)}/{rng.randint(200, 989)}-{_d(rng, 4)}",
    ]
    return rng.choice(forms)()


def _date(rng):
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1925, 2025)
    suffix = "th" if day > 3 else ["st", "nd", "rd"][day - 1]
    forms = [
        f"{month}/{day}/{year}", f"{day:02d}/{month:02d}/{year}", f"{year}/{month:02d}/{day:02d}",
        f"{MONTHS[month - 1]} {day}{suffix}", f"{day} {MONTHS[month - 1][:3]} {year}",
        f"{MONTHS[month - 1][:3]}. {day}, {year}", f"{day}-{month}-{year}", f"{month}/{day}",
        f"{day}{suffix} {MONTHS[month - 1]}", f"{MONTHS[month - 1]} {year}", f"{year}{month:02d}{day:02d}",
    ]  # fmt: skip
    return rng.choice(forms)


def _email(rng):
    given = rng.choice(GIVEN).lower()
    family = rng.choice(FAMILY).lower().replace(" ", "").replace("-", "")
    local = rng.choice([f"{given}.{family}", f"{given[0]}.{family}{rng.randint(1, 99)}", f"{family}{given[0]}",
                        f"{given}-{rng.randint(1970, 2005)}"])  # fmt: skip
    return f"{local}@{rng.choice(['example.org', 'example.com', 'mail.example', 'example.edu', 'example.ca'])}"


def _url(rng):
    handle = f"{rng.choice(GIVEN).lower()}{rng.choice(FAMILY).lower()[:4]}{rng.randint(1, 99)}"
    return rng.choice([
        f"https://twitter.com/{handle}", f"https://x.com/{handle}", f"www.reddit.com/user/{handle}",
        f"{handle}.substack.com", f"https://www.youtube.com/@{handle}", f"https://{handle}.example.org/diary",
        f"linkedin.com/in/{handle}",
    ])  # fmt: skip


def _nhs(rng):
    while True:
        digits = [rng.randint(0, 9) for _ in range(9)]
        check = (11 - sum(d * w for d, w in zip(digits, range(10, 1, -1))) % 11) % 11
        if check != 10:
            n = "".join(map(str, digits)) + str(check)
            return rng.choice([f"{n[:3]} {n[3:6]} {n[6:]}", n, f"{n[:3]}-{n[3:6]}-{n[6:]}"])


def _card(rng):
    body = rng.choice(["4", "53", "34", "6011"]) + _d(rng, 14)
    number = body + luhn.calc_check_digit(body)
    return rng.choice([number, "-".join(number[i : i + 4] for i in range(0, 16, 4))])


IDENTIFIERS = {
    "mrn": [
        ("MRN: {v}", lambda r: _d(r, 8)),
        ("Med rec no {v}", lambda r: f"{_d(r, 2)}-{_d(r, 5)}"),
        ("hosp. no. {v}", lambda r: f"{_up(r, 1)}{_d(r, 7)}"),
        ("record number {v}", lambda r: _d(r, 9)),
        ("chart no. {v}", lambda r: f"{_up(r, 2)}-{_d(r, 6)}"),
        ("URN {v}", lambda r: _d(r, 7)),
    ],
    "health_plan": [
        ("Member # {v}", lambda r: f"{_up(r, 3)}{_d(r, 8)}"),
        ("policy {v}", lambda r: f"{_up(r, 2)}{_d(r, 2)}-{_d(r, 5)}"),
        ("insurance number {v}", lambda r: _d(r, 11)),
        ("Medicare {v}", lambda r: f"{_d(r, 1)}{_up(r, 2)}{_d(r, 1)}-{_up(r, 2)}{_d(r, 1)}-{_up(r, 2)}{_d(r, 2)}"),
        ("plan ID {v}", lambda r: f"{_up(r, 1)}{_d(r, 9)}"),
        ("claim # {v}", lambda r: _d(r, 12)),
        ("group {v}", lambda r: f"{_d(r, 6)}-{_d(r, 3)}"),
    ],
    "account": [
        ("account {v}", lambda r: _d(r, 12)),
        ("acct. {v}", lambda r: f"{_d(r, 3)} {_d(r, 3)} {_d(r, 4)}"),
        ("card number {v}", _card),
        ("debit card {v}", _card),
        ("IBAN {v}", lambda r: "NL91 ABNA 0417 1643 00"),
        ("sort code {v}", lambda r: f"{_d(r, 2)}-{_d(r, 2)}-{_d(r, 2)}"),
        ("a/c {v}", lambda r: _d(r, 8)),
    ],
    "licence": [
        ("licence {v}", lambda r: f"{_up(r, 1)}{_d(r, 4)}-{_d(r, 5)}"),
        ("driver's licence {v}", lambda r: f"{_d(r, 9)}"),
        ("DL {v}", lambda r: f"{_up(r, 2)}{_d(r, 6)}"),
        ("practice licence {v}", lambda r: f"LPC{_d(r, 5)}"),
        ("certificate {v}", lambda r: f"{_up(r, 2)}-{_d(r, 4)}-{_d(r, 3)}"),
        ("AHPRA registration {v}", lambda r: f"PSY000{_d(r, 7)}"),
    ],
    "vehicle": [
        ("VIN: {v}", lambda r: "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(17))),
        ("reg {v}", lambda r: f"{_up(r, 2)}{_d(r, 2)} {_up(r, 3)}"),
        ("licence plate {v}", lambda r: f"{_up(r, 3)} {_d(r, 3)}"),
        ("tag number {v}", lambda r: f"{_d(r, 3)}-{_up(r, 3)}"),
    ],
    "device": [
        ("serial {v}", lambda r: f"{_up(r, 3)}{_d(r, 7)}"),
        ("SN: {v}", lambda r: f"{_d(r, 2)}{_up(r, 2)}{_d(r, 6)}"),
        ("IMEI {v}", lambda r: (lambda b: b + luhn.calc_check_digit(b))("86" + _d(r, 12))),
        ("device no. {v}", lambda r: f"{_up(r, 2)}-{_d(r, 4)}-{_d(r, 4)}"),
    ],
    "other_id": [
        ("NHS no. {v}", _nhs),
        ("employee ID {v}", lambda r: f"{_up(r, 2)}{_d(r, 5)}"),
        ("student number {v}", lambda r: f"{_d(r, 9)}"),
        ("passport {v}", lambda r: f"{_up(r, 2)}{_d(r, 7)}"),
        ("our ref {v}", lambda r: f"{_up(r, 2)}/{_d(r, 4)}/{_d(r, 2)}"),
        ("file {v}", lambda r: f"#{_d(r, 4)}-{_d(r, 3)}"),
        ("NINO {v}", lambda r: f"{_up(r, 2)}{_d(r, 6)}{r.choice('ABCD')}"),
    ],
    "biometric": [
        ("fingerprint record {v}", lambda r: f"{_up(r, 2)}{_d(r, 8)}"),
        ("voiceprint ID {v}", lambda r: f"{_d(r, 4)}-{_d(r, 4)}"),
        ("retinal scan {v}", lambda r: f"RS{_d(r, 6)}"),
    ],
}

TEMPLATES = [
    ("name", "{person} said the phrases felt like a foreign language at first."),
    ("name", "{relation} {person} came to the second session with a written list of self-criticisms."),
    ("name", "Sessions with {person} focused on the fear of compassion."),
    ("name", "When I suggested the break, {person} laughed and then cried."),
    ("name", "{person} has been practising with the app every night."),
    ("name", "It was {person} who suggested we record the phrases in Samoan."),
    ("name", "I worry that {person} uses self-compassion to avoid the exposure work."),
    ("name", "{person}'s score on the SCS went from 2.1 to 3.4."),
    ("name", "We paused the letters because {person} was in hospital."),
    ("name", "Can the wiki mention how {person} adapted the practice for chronic pain?"),
    ("phone", "{relation} can be reached on {phone}."),
    ("phone", "Phone number: {phone}"),
    ("phone", "She rang from {phone} during the storm."),
    ("phone", "Please return the call to {phone} before Friday."),
    ("fax", "Fax: {fax}"),
    ("fax", "Faxed the letter to {fax} this morning."),
    ("email", "His email is {email} if the editors need the original worksheet."),
    ("email", "Forwarded from {email}."),
    ("address", "{relation} lives at {address}."),
    ("address", "Visit address: {address}"),
    ("address", "The group now meets in her home at {address}."),
    ("date", "{relation} was born on {date}."),
    ("date", "Admission date {date}."),
    ("date", "Her brother's funeral was on {date}."),
    ("date", "Follow-up booked for {date}."),
    ("age", "{relation} is {age} and has outlived all her friends."),
    ("age", "Aged {age}, he still finds the body scan useful."),
    ("age", "The {age}-year-old client asked for shorter meditations."),
    ("age", "Pt {age} y/o, lives alone, low mood."),
    ("ssn", "Social security no. {ssn}"),
    ("ssn", "The form listed {ssn} as her SSN."),
    ("ip", "Her login came from {ip}."),
    ("url", "His vlog {url} names his therapist."),
    ("url", "Profile: {url}"),
    ("ident", "On the letter: {ident}."),
    ("ident", "{relation} gave {ident} at reception."),
    ("ident", "Noted {ident} for the records team."),
]

AUTHOR_FAMILY = """Neff Germer Gilbert Kirby Ferrari Kuyken Segal Teasdale Williams Linehan Hayes Beck Clark Wells Ehlers
Nguyen Okafor Tanaka Kim Park Chen Wang Li Singh Patel Gupta Haddad Kowalski Novak Rossi Garcia Lopez Martins
Schmidt Müller Jensen Andersson Dubois Moreau Santos Silva Oliveira Ahmed Hassan Ali Yilmaz Ivanov Petrov Cohen
Levi Mensah Owusu Adeyemi Mwangi Otieno Dlamini Ngata""".split()
JOURNALS = ["J Clin Psychol", "Mindfulness (N Y)", "Clin Psychol Rev", "Behav Res Ther", "J Affect Disord",
            "Psychol Psychother", "BMC Psychiatry", "Lancet Psychiatry", "JAMA Psychiatry", "PLoS One",
            "Psychological Medicine", "Cognitive Therapy and Research", "Journal of Consulting and Clinical Psychology",
            "The British Journal of Psychiatry", "Annual Review of Clinical Psychology"]  # fmt: skip


def _citation(rng):
    names = rng.sample(AUTHOR_FAMILY, rng.randint(1, 6))
    year, vol, issue, page = rng.randint(1979, 2025), rng.randint(1, 99), rng.randint(1, 12), rng.randint(1, 999)
    journal = rng.choice(JOURNALS)
    doi = f"10.{rng.randint(1000, 9999)}/{rng.choice(['jclp.', 'S0', 'bjc.', 'm', 'e'])}{_d(rng, 5)}"
    r = rng.random()
    if r < 0.3:
        authors = "; ".join(f"{n} {rng.choice('ABCDEFGHJKLMNPRSTW')}{rng.choice(['', 'J', 'M', 'K'])}" for n in names)
        return f"{authors}. Title. {journal}. {year} {rng.choice(MONTHS)[:3]};{vol}({issue}):{page}-{page + 12}. doi: {doi}"
    if r < 0.55:
        authors = ", ".join(f"{n}, {rng.choice('ABCDEFGHJK')}." for n in names[:-1])
        authors = f"{authors}, & {names[-1]}, {rng.choice('LMNPRST')}." if len(names) > 1 else f"{names[0]}, A."
        return f"{authors} ({year}). Title. {journal}, {vol}({issue}), {page}–{page + 20}. https://doi.org/{doi}"
    if r < 0.7:
        return f"{names[0]} {'et al. ' if len(names) > 2 else ''}{journal} {year};{vol}:{page}. PMID: {_d(rng, 8)}"
    if r < 0.85:
        return f"{' and '.join(names[:2])} ({year}), {journal}, vol. {vol}, pp. {page}-{page + 9}."
    return f"{names[0]}, {rng.choice('ABC')}. ({year}). Title (2nd ed.). Publisher. ISBN 978-{_d(rng, 1)}-{_d(rng, 4)}-{_d(rng, 4)}-{_d(rng, 1)}"


CLEAN = [
    lambda r: (
        f"{r.choice(AUTHOR_FAMILY)} and colleagues ({r.randint(1990, 2024)}) found a moderate effect (d = 0.{r.randint(20, 80)})."
    ),
    lambda r: (
        f"As {r.choice(AUTHOR_FAMILY)} et al. ({r.randint(1990, 2024)}) showed, attrition was {r.randint(5, 40)}%."
    ),
    lambda r: (
        f"The {r.choice(['NICE', 'APA', 'SIGN', 'RANZCP', 'CANMAT', 'WHO mhGAP'])} guideline ({r.randint(2004, 2024)}) recommends {r.choice(['CBT', 'IPT', 'behavioural activation', 'stepped care'])}."
    ),
    lambda r: (
        f"{r.choice(['Sertraline', 'Citalopram', 'Venlafaxine', 'Mirtazapine'])} {r.choice([10, 15, 20, 25, 37.5, 50, 75])} mg was started in week {r.randint(1, 8)}."
    ),
    lambda r: (
        f"Mean age was {r.randint(18, 80)}.{r.randint(0, 9)} years (SD {r.randint(5, 19)}.{r.randint(0, 9)}; range {r.randint(18, 30)}–{r.randint(60, 99)})."
    ),
    lambda r: (
        f"DSM-5 {r.choice(['300.02 (F41.1)', '296.32 (F33.1)', '309.81 (F43.10)', '307.1 (F50.01)'])} was the primary diagnosis in {r.randint(20, 80)}% of cases."
    ),
    lambda r: (
        f"In {r.choice(['the UK', 'Ireland', 'Australia', 'New Zealand', 'Canada', 'the US'])}, {r.choice(['Samaritans on 116 123', 'Lifeline on 13 11 14', '988', '1737', 'Talk Suicide on 1-833-456-4566', 'Pieta on 1800 247 247'])} offers support at any hour."
    ),
    lambda r: (
        f"Adults aged {r.choice(['90 or older', 'over 90', '95+', '90–99'])} made up {r.randint(1, 9)}% of the registry."
    ),
    lambda r: (
        f"The {r.choice(['8-week', '10-week', '12-week', '6-session'])} programme had {r.randint(20, 300)} participants across {r.randint(2, 12)} sites."
    ),
    lambda r: f"See PMID {_d(r, 8)} and doi:10.{r.randint(1000, 9999)}/{_d(r, 6)} for the original report.",
    lambda r: (
        f"Version {r.randint(1, 4)}.{r.randint(0, 9)} of the protocol was approved on {r.randint(1, 28)} {r.choice(MONTHS)} {r.randint(2015, 2024)}."
    ),
    lambda r: (
        f"Scores above {r.randint(10, 20)} on the {r.choice(['PHQ-9', 'EPDS', 'HADS-D', 'BDI-II'])} indicate clinically significant symptoms."
    ),
    lambda r: (
        f"Table {r.randint(1, 6)} shows results for weeks {r.randint(1, 4)}–{r.randint(5, 12)}; Figure {r.randint(1, 4)} the dropout curve."
    ),
    lambda r: f"ISRCTN{_d(r, 8)} registered the pilot in {r.randint(2012, 2024)}.",
    lambda r: (
        f"Retrieved {r.randint(1, 28)} {r.choice(MONTHS)} {r.randint(2019, 2025)} from https://www.who.int/news-room/fact-sheets"
    ),
]


def generated_cases() -> list[dict]:
    from scripts.phi_cases import parse_markup

    rng = random.Random(SEED)
    make = {
        "person": lambda: f"{{{{name|{_person(rng)}}}}}",
        "phone": lambda: f"{{{{phone|{_phone(rng)}}}}}",
        "fax": lambda: f"{{{{fax|{_phone(rng)}}}}}",
        "email": lambda: f"{{{{email|{_email(rng)}}}}}",
        "address": lambda: _address(rng),
        "date": lambda: f"{{{{date|{_date(rng)}}}}}",
        "age": lambda: f"{{{{age|{rng.randint(90, 108)}}}}}",
        "ssn": lambda: f"{{{{ssn|{rng.randint(900, 999)}-{_d(rng, 2)}-{_d(rng, 4)}}}}}",
        "ip": lambda: f"{{{{ip|{rng.choice(['192.0.2', '198.51.100', '203.0.113'])}.{rng.randint(1, 254)}}}}}",
        "url": lambda: f"{{{{url|{_url(rng)}}}}}",
    }
    cases = []
    for round_number in range(10):
        for index, (kind, template) in enumerate(TEMPLATES):
            values = {key: fill() for key, fill in make.items()}
            values["relation"] = rng.choice(RELATIONS)
            if kind == "ident":
                category = rng.choice(list(IDENTIFIERS))
                label, value = rng.choice(IDENTIFIERS[category])
                values["ident"] = label.format(v=f"{{{{{category}|{value(rng)}}}}}")
            line = template.format(**values)
            cases.append(parse_markup(line[0].upper() + line[1:], f"tg-{round_number}-{index:02d}", "template"))
    for category, forms in IDENTIFIERS.items():
        for index in range(14):
            label, value = forms[index % len(forms)]
            ident = label.format(v=f"{{{{{category}|{value(rng)}}}}}")
            template = rng.choice([t for kind, t in TEMPLATES if kind == "ident"])
            line = template.format(ident=ident, relation=rng.choice(RELATIONS))
            cases.append(parse_markup(line[0].upper() + line[1:], f"tg-{category}-{index:02d}", "template"))
    for index in range(80):
        cases.append(parse_markup("[sources] " + _citation(rng), f"tg-cite-{index:02d}", "template"))
    for index in range(90):
        cases.append(parse_markup(CLEAN[index % len(CLEAN)](rng), f"tg-clean-{index:02d}", "template"))
    return cases


_MARKER = re.compile(r"\s*\[(?:\d+(?:,\s*\d+)*|LLM)\]")


def seed_cases() -> list[dict]:
    """Every sentence-level unit of the seed article, each section as pasted, and each source entry: all clean."""
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    front, body = text.split("\n---\n", 1)
    units = [line.split(":", 1)[1].strip() for line in front.splitlines() if line.startswith("lead:")]
    body, sources = body.split("\n## Sources", 1)
    for raw in body.splitlines():
        line = raw.strip()
        if not line or line.startswith(":::") or set(line) <= set("|- "):
            continue
        line = line.removeprefix("## ").removeprefix("- ").removeprefix("alt: ")
        cells = [c.strip() for c in line.strip("|").split("|")] if line.startswith("|") else [line]
        units += [_MARKER.sub("", cell).strip() for cell in cells if cell.strip()]
    sections = [s.strip() for s in body.split("\n## ") if s.strip()]
    entries = [block.strip() for block in sources.split("\n\n") if block.strip()]
    cases = []
    for i, unit in enumerate(units):
        cases.append(
            {"id": f"seed-unit-{i:03d}", "field": "proposed_text", "text": unit, "spans": [], "origin": "seed"}
        )
    for i, section in enumerate(sections):
        cases.append({"id": f"seed-section-{i:02d}", "field": "note", "text": section, "spans": [], "origin": "seed"})
    for i, entry in enumerate(entries):
        cases.append(
            {"id": f"seed-source-{i:02d}", "field": "sources_text", "text": entry, "spans": [], "origin": "seed"}
        )
        flat = " ".join(line.split(":", 1)[-1].strip() for line in entry.splitlines()[1:])
        cases.append({"id": f"seed-cite-{i:02d}", "field": "sources_text", "text": flat, "spans": [], "origin": "seed"})
        cases.append(
            {"id": f"seed-cite-prose-{i:02d}", "field": "proposed_text", "text": flat, "spans": [], "origin": "seed"}
        )
    return cases
