"""Identifying numbers and codes: Social Security, record, health-plan, account, card, licence, certificate,
national and other reference numbers; vehicle, device and biometric identifiers.

Most of these are only recognisable by their label ("policy WX-55-1198", "acct 00123 4567 8901"), so the
detector reads each label word and the qualifiers just before it ("medical record number", "driver's licence")
and then parses the code that follows. Numbers with a check digit are recognised without a label by
python-stdnum: card numbers (Luhn), IBANs, NHS numbers and Canadian SINs.
"""

from __future__ import annotations

import re
from collections import deque

from stdnum import iban, luhn
from stdnum.ca import sin
from stdnum.gb import nhs

from ..citations import is_public_number, is_vanity_number
from ..findings import BORDERLINE, CONFIDENT
from ..patterns import CI, LOW, UP, YEAR

# ---------------------------------------------------------------- Social Security numbers

_SSN_LABEL = (
    r"(?:SSN|SS#|SS\s?(?:No\.?|number|#)|social\s+security(?:\s+(?:number|no\.?|#|card))?|social"
    r"|soc\.?\s?sec\.?(?:\s+(?:no\.?|number|#))?)"
)
_SSN_LABELLED = re.compile(
    r"\b" + _SSN_LABEL + r"[\s:#=,(]{0,4}(?:(?:is|was|number|no\.?|#)\s{1,3}){0,2}(\d{3}[- ]?\d{2}[- ]?\d{4})(?![\w-])",
    CI,
)
_SSN_LAST_FOUR = re.compile(
    r"\b(?:last\s+(?:four|4)(?:\s+digits)?\s+of\s+(?:(?:her|his|their|the)\s+)?" + _SSN_LABEL + r"|" + _SSN_LABEL
    + r"\s+(?:ending|ends)(?:\s+in|\s+with)?)[\s:#=,]{0,4}(?:is\s+)?(\d{4})(?![\w-])",
    CI,
)  # fmt: skip
SSN_DASHED = re.compile(r"(?<![\w-])\d{3}-\d{2}-\d{4}(?![\w-])")
_SSN_SPACED = re.compile(r"(?<![\w-])\d{3} \d{2} \d{4}(?![\w-])")


def find_ssns(text: str):
    for m in _SSN_LABELLED.finditer(text):
        yield "ssn", m.start(1), m.end(1), CONFIDENT, "labelled Social Security number"
    for m in _SSN_LAST_FOUR.finditer(text):
        yield "ssn", m.start(1), m.end(1), CONFIDENT, "last digits of a Social Security number"
    for m in SSN_DASHED.finditer(text):
        yield "ssn", m.start(), m.end(), CONFIDENT, "###-##-#### pattern"
    for m in _SSN_SPACED.finditer(text):
        yield "ssn", m.start(), m.end(), BORDERLINE, "### ## #### pattern"


# ---------------------------------------------------------------- labelled identifiers

# Words that introduce an identifier, and what they say it is. A generic head ("number", "no.", "#", "ID",
# "code") needs a qualifier among the few words before it ("chart number", "employee ID").
_GENERIC_HEADS = set(
    """number no nos num nr # id ids code identifier ref reference details record hash template scan print profile
    enrolment enrollment data ending clínica clinica""".split()
)  # "historia clínica 338812": the Spanish chart
_QUALIFIERS: dict[str, str] = {}
for _kind, _words in {
    "mrn": "mrn mrns emr ehr medical record records rec hospital hosp chart patient pt ur urn unit nhi casenote "
    "krankenhaus klinik patienten fall historia encounter admission "
    # the chart in other languages: "Prontuário 2019/…", "n° de dossier", "cartella clinica", "Fallnummer"
    "prontuário prontuario expediente dossier cartella fallnummer patientennummer patiëntnummer patientnummer "
    "dossiernummer "
    # India's hospital numbers: "UHID 2023…", "MRD no. 4471"; Spain's "NHC 3319022" (número de historia clínica)
    "uhid mrd nhc",
    "health_plan": "member membership subscriber beneficiary policy policyholder group claim claims insurance insurer "
    "grp mbr "
    "plan medicaid medicare medi-cal tricare ins coverage cover healthplan hmo ppo "
    # insurers and national schemes named before a member number: "PHILHEALTH: 12-…", "BCBS XJK 884 …"
    "philhealth bcbs aetna cigna humana kaiser uhc bupa medibank nhif jkn bpjs mutuelle adhérent adherent "
    # Canada's provincial health cards: "RAMQ LAVJ 8204 1519", "OHIP 1234-567-890"
    "ramq ohip ahcip",
    "account": "account accounts acct acc a/c bank billing card credit debit visa mastercard amex iban sort routing "
    "bsb checking savings "
    # the account in other languages: "Numer konta", "número de cuenta", "numéro de compte", "Kontonummer"
    "konta konto kontonummer cuenta compte conta rekening rekeningnummer kontonumret счёт счета счет рахунок hesap",
    "licence": "licence license licences licenses driver's drivers driver driving dl cdl permit certificate cert "
    "registration practising practicing nursing professional gmc nmc hcpc ahpra npi dea board birth marriage death "
    "firearms firearm adoption "
    # regulators and licensing bodies named before a registration: "CPSO #114872", "DVLA: WOODS…", "HPCSA"
    "cpso cpsbc cpsa dvla dvsa hpcsa mdcn pmdc mci "
    # US counselling and social-work licences after the credential: "LCSW #12044"
    "lcsw licsw lpc lpcc lmft lmhc lcpc lcmhc "
    # driving licences in other languages: "Führerschein-Nr.", "licencia de conducir", "permis de conduire", "CNH"
    "führerschein fuhrerschein licencia conducir permis conduire cnh "
    # a clinician's registration with their college in other languages: "colegiada n.º 28614", "numéro RPPS",
    # "Approbation" (not "CRP", which is as often C-reactive protein)
    "coren crefito colegiado colegiada colegiación rpps adeli approbation",
    "other_id": "passport national ni nino sin nhs chi employee staff student pupil prisoner inmate booking case file "
    "tracking order confirmation library badge tax tfn tin ird pps ppsn aadhaar visa gym personnummer bsn dni nie cpf "
    "curp identity id-card citizen voter benefit benefits pension welfare centrelink crn immigration asylum uscis "
    "alien brp residence refugee incident police crime custody docket warrant court pan nric hkid emirates uci ircc "
    "respondent participant "
    # a serving or former soldier's number: "service number 3012…", "regimental no. 2449…"
    "service regimental army military",
    "biometric": "fingerprint fingerprints voiceprint voice iris retina retinal biometric biometrics face faceprint "
    "palm palmprint dna gait geometry vein thumbprint thumb",
    "device": "serial sn s/n imei meid udi device pump pacemaker implant defibrillator icd-device cgm sensor "
    "monitor hearing cochlear cpap tablet phone handset equipment udid idfa mac bluetooth asset transmitter receiver "
    "stimulator "
    # the serial number in other languages: "Seriennummer", "numéro de série", "número de serie", "일련번호"
    "seriennummer serienummer serienumret série serie seryjny серийный серійний sarjanumero 일련번호 시리얼",
    "vehicle": "vin plate plates reg rego registration tag vehicle car truck van scooter motorbike motorcycle chassis "
    "kenteken kennzeichen matrícula matricula targa immatriculation numberplate placa plaka plakası plakasi kfz "
    # "La plaque GH-482-KL", "Registreringsnumret MLB 47X", "rendszám", "rekisterinumero", "SPZ", "biển số"
    "plaque registreringsnummer registreringsnumret regnummer rekisterinumero rendszám rendszáma spz rejestracyjny "
    "biển 번호판 车牌",
}.items():
    for _word in _words.split():
        _QUALIFIERS.setdefault(_word, _kind)
# Heads that name the identifier themselves ("MRN 4471902", "IBAN GB82 …", "licence D1234-56789").
_SPECIFIC_HEADS = {
    word: kind
    for word, kind in _QUALIFIERS.items()
    if word not in {"medical", "record", "records", "rec", "hospital", "hosp", "patient", "pt", "unit", "group",
                    "plan", "bank", "billing", "credit", "debit", "national", "ni", "birth", "marriage", "death",
                    "professional", "nursing", "driver's", "drivers", "driver", "driving", "practising", "practicing",
                    "board", "voice", "face", "palm", "hearing", "equipment", "handset", "phone", "tablet", "monitor",
                    "sensor", "vehicle", "car", "truck", "van", "scooter", "motorbike", "motorcycle", "staff",
                    "student", "pupil", "tax", "order", "confirmation", "library", "identity", "citizen", "voter",
                    "benefit", "benefits", "pension", "welfare", "case", "device", "checking", "savings", "cover",
                    "coverage", "insurance", "insurer", "firearms", "firearm", "adoption", "account", "accounts",
                    "sort", "routing", "dna", "gait", "iris", "retina", "retinal", "tracking", "booking", "visa",
                    "employee", "prisoner", "inmate", "gym", "member", "subscriber", "beneficiary",
                    "policyholder", "rec", "records", "incident", "police", "crime", "custody", "court", "warrant",
                    "geometry", "vein", "fall", "klinik", "krankenhaus", "patienten", "emirates",
                    "encounter", "admission", "cartella", "respondent", "participant", "service", "regimental",
                    "army", "military"}
}  # fmt: skip
_SPECIFIC_HEADS.update(
    {"acct": "account", "iban": "account", "policy": "health_plan", "file": "other_id", "badge": "other_id",
     "passport": "other_id", "group": "health_plan", "account": "account", "member": "health_plan",
     "subscriber": "health_plan", "beneficiary": "health_plan"}
)  # fmt: skip
# Qualifiers that make the number a classification, publication or research code, not a person's.
_CLEAN_QUALIFIERS = set(
    """cpt icd icd-10 icd-11 dsm dsm-5 hcpcs loinc snomed ndc atc cas grant award charity company companies ethics
    irb protocol trial study isrctn nct version chapter table figure page pages item step session sessions
    week weeks volume vol issue section article edition report doi pmid pmc isbn issn model product
    catalogue catalog part lot batch bus route flight room ward bed floor exit junction platform gate
    channel question questions""".split()
)
_STRONG_KINDS = {"mrn", "health_plan", "account", "licence", "vehicle"}
# Words with the accented letters of European languages whole: "Führerschein-Nr.", "plakası".
_WORD = re.compile(rf"[{UP}{LOW}][{UP}{LOW}'’/-]{{0,30}}|#")
_CONNECTOR = re.compile(
    # the scheme in brackets after its label, and where the number was seen: "CRN (Centrelink) 208 …", "the Medicare
    # number in your screenshot (2951 …)"
    r"(?:[ \t]{0,3}\([A-Z][A-Za-z .'-]{1,24}\)|[ \t]+(?:in|on)[ \t]+(?:the|your|his|her|their|my|this|that)[ \t]+"
    r"(?:[a-z]{3,10}[ \t]+)?(?:screenshot|photo|picture|image|letter|form|scan|attachment|email|post|table)"
    r"(?=[ \t]*(?:[(:]|is\b|was\b)))?"
    # "n°" and "nº" as French, Spanish and Portuguese abbreviate "number"
    r"(?:[ \t]{0,3}(?:[:#=(]|-(?!\d)|\.(?!\d)|,)?[ \t]{0,3}['‘\"“]?(?:(?:is|was|are|it['’]s|of|no\.?"
    r"|n(?=[°º])|number|num|nr|#|id|ending|ends"
    r"|ending[ \t]+in|reads|shows|on[ \t]+file|listed[ \t]+as)\b[.°º]?[ \t]{0,3}[:#=]?[ \t]{0,3}){0,3})"
)
_GROUP = re.compile(r"#?(?:\(\d{1,3}\))?[A-Za-z0-9]{1,24}(?:(?:[-/.]|\(\d{1,3}\))[A-Za-z0-9]{1,24}){0,7}")
_DATE_LIKE = re.compile(r"(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)?\d\d")


def _qualifier_kind(words: list[str]) -> str | None:
    if len(words) > 1 and words[-1] == "grant" and words[-2] == "visa":
        return "other_id"  # a visa grant number is a person's, not a research grant
    for word in reversed(words):
        if word in _CLEAN_QUALIFIERS:
            return "clean"
        if word in _QUALIFIERS:
            return _QUALIFIERS[word]
        if "-" in word:  # "palm-vein ID", "face-recognition template": the joined word's last known part
            for part in reversed(word.split("-")):
                if part in _QUALIFIERS and part not in _CLEAN_QUALIFIERS:
                    return _QUALIFIERS[part]
    return None


def _value_at(text: str, pos: int) -> tuple[int, int] | None:
    """The span of an identifier starting at (or just after a connector at) ``pos``, or None."""
    pos = _CONNECTOR.match(text, pos).end()
    groups: list[re.Match] = []
    while len(groups) < 8:
        g = _GROUP.match(text, pos)
        if not g:
            break
        token = g.group()
        has_digit = any(c.isdigit() for c in token)
        bare = token.replace("-", "")
        upper_code = bare.isalpha() and bare.isupper() and len(bare) <= 5  # "B-MK 2871", "KX19 ABC"
        if not (has_digit or upper_code or (groups and len(token) == 1 and token.isupper())):
            break
        if not has_digit and not groups:
            nxt = _GROUP.match(text, g.end() + 1) if text[g.end() : g.end() + 1] == " " else None
            if not (nxt and any(c.isdigit() for c in nxt.group())):
                break
        groups.append(g)
        end = g.end()
        if text[end : end + 1] == " " and end + 1 < len(text) and text[end + 1].isalnum():
            pos = end + 1
        else:
            break
    while groups and not any(c.isdigit() for c in groups[-1].group()) and len(groups[-1].group()) > 2:
        groups.pop()
    if not groups:
        return None
    start, end = groups[0].start(), groups[-1].end()
    while end > start and text[end - 1] in ".-/":
        end -= 1
    if text[start] == "#":
        start += 1
    return start, end


def _is_date(value: str) -> bool:
    m = _DATE_LIKE.fullmatch(value)
    if not m:
        return False
    parts = [int(p) for p in re.split(r"[-/.]", value)]
    day_month = parts[1:] if parts[0] > 31 else parts[:2]
    return any(1 <= a <= 31 and 1 <= b <= 12 for a, b in (day_month, day_month[::-1]))


def _vehicle_shaped(value: str) -> bool:
    compact = re.sub(r"[\s-]", "", value)
    return any(c.isdigit() for c in compact) and 4 <= len(compact) <= 17 and not YEAR.fullmatch(value)


def _identifier_ok(value: str, kind: str) -> bool:
    digits = sum(c.isdigit() for c in value)
    if kind == "vehicle":
        return _vehicle_shaped(value)
    if kind == "device" and digits >= 2 and len(value) >= 6 and sum(c.isalpha() for c in value) >= 2:
        return True  # serials are mostly letters ("DMPXK2L4Q1GC", "8JK4PQ")
    if digits < 4 or YEAR.fullmatch(value) or _is_date(value):
        return False
    if re.fullmatch(r"(?:19|20)\d\d[-–](?:19|20)?\d\d", value):  # a range of years
        return False
    return True


_PHRASE_BREAK = re.compile(r"[,;\n]|[.!?][ \t]+[A-Z]")


def _head_of(word: str) -> str:
    """The head _labelled reads a lower-case word as: "krankenhaus-nr." is read as "nr"."""
    head = word.rstrip("'’").rstrip(".")
    qualifier, _, tail = head.rpartition("-")
    return tail if qualifier and tail in ("nr", "no", "id", "nummer", "num") else head


def _labelled(text: str, citation: bool):
    # Only a word whose head is a label's can yield: a text with none is not read word by word (cost only).
    if not any(
        (head := _head_of(word)) in _SPECIFIC_HEADS or head in _GENERIC_HEADS
        for word in {m.lower() for m in _WORD.findall(text)}
    ):
        return
    recent: deque[str] = deque(maxlen=4)  # the last few lower-case words, most recent last
    specific, generic = _SPECIFIC_HEADS, _GENERIC_HEADS
    # A qualifier qualifies only within its phrase: "to Ward 3B, MRN 7712049" is a record number.
    breaks = [b.start() for b in _PHRASE_BREAK.finditer(text)]
    next_break = 0
    for m in _WORD.finditer(text):
        head = m.group().lower().rstrip("'’").rstrip(".")
        qualifier, _, tail = head.rpartition("-")
        if qualifier and tail in ("nr", "no", "id", "nummer", "num"):
            recent.append(qualifier)  # "Krankenhaus-Nr.", "Patienten-ID": a qualifier joined to its head
            head = tail
        if next_break < len(breaks) and breaks[next_break] < m.start():
            recent.clear()
            while next_break < len(breaks) and breaks[next_break] < m.start():
                next_break += 1
        if head not in specific and head not in generic:
            recent.append(head)
            continue
        before = list(recent)
        recent.append(head)
        if head in specific:
            kind = _SPECIFIC_HEADS[head]
            if _qualifier_kind(before[-2:]) == "clean":
                continue
        elif head in _GENERIC_HEADS:
            kind = _qualifier_kind(before[-3:])
            if kind is None or kind == "clean":
                if kind is None and (
                    (head == "id" and m.group() == "ID")
                    or (head in ("ref", "reference") and text[m.end() : m.end() + 1] == ":")
                ):
                    kind = "other_id"
                else:
                    continue
        else:
            continue
        span = _value_at(text, m.end())
        if span is None:
            continue
        start, end = span
        value = text[start:end]
        ambiguous = "registration" in before[-2:] + [head] or head in ("reg", "rego")
        if ambiguous and (_mentions_vehicle(text, m.start()) or not _identifier_ok(value, kind)):
            kind = "vehicle"
        if not _identifier_ok(value, kind):
            continue
        if head == "membership" and sum(c.isdigit() for c in value) < 6:
            continue  # "a membership of 12000": only a long number is a member's
        if kind == "other_id" and is_public_number(text, start, end):
            continue  # "France's national suicide prevention number is 3114": a service's, not a person's
        strong = kind in _STRONG_KINDS and head not in ("tag", "reg", "plate", "plates")
        personal = head in _PERSONAL_ID_WORDS or any(w in _PERSONAL_ID_WORDS for w in before[-3:])
        if citation and not ((strong and kind in ("mrn", "health_plan", "account")) or personal):
            continue
        if kind == "biometric":
            # what the number is a template of belongs to the finding: "face template FT-2201-88"
            label = _BIOMETRIC_LABEL_BEFORE.search(text, max(0, m.start() - 48), start)
            start = label.start() if label else start
        yield _KIND_OF[kind], start, end, CONFIDENT if strong else BORDERLINE, f"labelled {_LABEL_OF[kind]}"


_BIOMETRIC_LABEL_BEFORE = re.compile(
    r"(?i)\b(?:finger|fingerprints?|voiceprint|voice|iris|retina|retinal|biometrics?|face|facial|faceprint|palm"
    r"|palmprint|palm-vein|dna|gait|vein|thumbprint|thumb)\b[^,;:()\n]{0,40}$"
)


# Numbers that only ever name one person, so never belong in a reference: "(respondent ID R-…)" in a sources
# field is a survey's answer sheet, not a citation.
_PERSONAL_ID_WORDS = frozenset(
    "passport respondent participant employee student pupil prisoner inmate aadhaar cpf curp dni nie bsn nric hkid "
    "personnummer tfn ird pps ppsn nino".split()
)
_KIND_OF = {"mrn": "record_number", "health_plan": "record_number", "account": "record_number",
            "licence": "record_number", "other_id": "record_number", "biometric": "biometric", "device": "device",
            "vehicle": "vehicle"}  # fmt: skip
_LABEL_OF = {"mrn": "medical record number", "health_plan": "health-plan or insurance number",
             "account": "account or card number", "licence": "licence or certificate number",
             "other_id": "identifying number", "biometric": "biometric identifier", "device": "device identifier",
             "vehicle": "vehicle identifier"}  # fmt: skip


def _mentions_vehicle(text: str, pos: int) -> bool:
    return bool(re.search(r"(?i)\b(?:car|vehicle|truck|van|scooter|motorbike|motorcycle|plate|drives|driving)\b",
                          text[max(0, pos - 60) : pos + 40]))  # fmt: skip


# ---------------------------------------------------------------- numbers with a check digit, or a telling shape

_DIGIT_RUN = re.compile(r"(?<![\w.,/-])\d(?:[ -]?\d){8,22}(?![\w/-]|[.,]\d)")
_IBAN = re.compile(r"(?<![\w-])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{1,4}){3,8}(?![\w-])")
# Poland writes its account numbers as the IBAN without "PL": "61 1090 1014 0000 0712 1981 2874".
_POLISH_ACCOUNT = re.compile(r"(?<![\w-])\d{2}(?:[ ]?\d{4}){6}(?![\w-])")
_NINO = re.compile(r"(?<![\w-])[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][ ]?\d{2}[ ]?\d{2}[ ]?\d{2}[ ]?[A-D](?![\w-])")
# India's PAN: five letters (the fourth says what holds it: P for a person), four digits, a check letter.
_PAN = re.compile(r"(?<![\w-])[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z](?![\w-])")
_MBI = re.compile(r"(?<![\w-])\d[A-Z][A-Z0-9]\d-?[A-Z][A-Z0-9]\d-?[A-Z]{2}\d{2}(?![\w-])")
# Korean and Japanese join their particles to the code before them: "일련번호 CI-512-88031가 보입니다".
_CODE = re.compile(
    r"(?<![\w./-])(?=[A-Za-z0-9/#-]*\d)(?=[A-Za-z0-9/#-]*[A-Za-z])#?[A-Za-z0-9]{1,12}(?:[-/][A-Za-z0-9]{1,12}){1,5}"
    r"(?!(?![\uac00-\ud7af\u3040-\u30ff])[\w-]|[./]\w)"
    r"|(?<![\w./-])[A-Z]{1,4}\d{5,12}[A-Z]{0,3}(?![\w-]|[./]\w)"
    r"|(?<![\w./-])\d{4,12}[A-Z]{1,3}(?![\w-]|[./]\w)"
)
# Codes that belong to classifications, instruments, trials and publications, not to people.
_CLEAN_CODE = re.compile(
    r"(?i)(?:ICD|DSM|PHQ|GAD|BDI|PCL|DASS|SCS|CORE|EPDS|HADS|K|CPT|HCPCS|NCT|ISRCTN|CRD|ACTRN|DRKS|ChiCTR|CTRI|PMC|PMID"
    r"|NG|CG|TA|QS|PH|NICE|SIGN|HTA|COVID|SARS|MERS|H\dN\d|5-HT|CYP|rs|SNP|doi|ISBN|ISSN|ORCID|ver|v|GP)[-\d.]"
    r"|(?i:[esm])(?:[-.]|\d{1,3}(?!\d))"
    r"|^\d{1,4}[A-Za-z]?-\d{1,4}[A-Za-z]?$|^[A-Z]\d{1,2}(?:\.\d{1,2})?$"
    r"|^\d{1,2}[hj]/\d{1,2}$"  # "joignable 24h/24, 7j/7": hours of a day, days of a week
)
_ORG_NUMBER_BEFORE = re.compile(
    r"(?i)\b(?:charity|company|companies\s+house|registered|vat|abn|acn|ein|grant|award|contract|isrctn|report"
    r"|article|record|accession|issn|isbn|edition|cpt|icd|hcpcs|snomed(?:\s+ct)?|loinc|ndc|approval|ethics|irb|rec"
    r"|protocol|mesh|atc|rxnorm|rxcui|umls|cui|meddra|opcs(?:-4)?|read\s+code)\b"
    r"[\s.:#-]*(?:no\.?|number|#|id|code)?[\s.:#-]*$"
)
_YEAR_WORD = re.compile(r"(?i)(?:mid|early|late|pre|post|circa|c|since|until|by|from)-(?:1[89]|20)\d\d(?:s)?")
WEAK_REASON = "unlabelled long number"
_LONG_DIGITS = re.compile(r"(?<![\w.,/-])\d{7,}(?![\w,]|[./-]\d)")
_GROUPED_DIGITS = re.compile(r"(?<![\w.,/-])\d{2,}(?:[- ]\d{2,}){2,5}(?![\w-]|[./]\d)")


def date_shape(value: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d\d-\d\d-\d\d|\d\d-\d\d-(?:19|20)\d\d|(?:19|20)\d\d-(?:19|20)\d\d", value))


def _checksummed(text: str):
    for m in _DIGIT_RUN.finditer(text):
        value = m.group()
        digits = re.sub(r"\D", "", value)
        if _ORG_NUMBER_BEFORE.search(text[max(0, m.start() - 32) : m.start()]):
            continue
        if 13 <= len(digits) <= 19 and luhn.is_valid(digits) and not digits.startswith(("978", "979")):
            yield "record_number", m.start(), m.end(), CONFIDENT, "card number (valid check digit)"
        elif len(digits) == 10 and nhs.is_valid(digits) and re.fullmatch(r"\d{3}[ -]?\d{3}[ -]?\d{4}", value):
            yield "record_number", m.start(), m.end(), BORDERLINE, "NHS number (valid check digit)"
        elif len(digits) == 9 and re.fullmatch(r"\d{3}[ -]\d{3}[ -]\d{3}", value) and sin.is_valid(digits):
            yield "record_number", m.start(), m.end(), BORDERLINE, "social insurance number (valid check digit)"
    for m in _IBAN.finditer(text):
        if iban.is_valid(m.group()):
            yield "record_number", m.start(), m.end(), CONFIDENT, "IBAN (valid check digits)"
    for m in _POLISH_ACCOUNT.finditer(text):
        if iban.is_valid("PL" + re.sub(r"\D", "", m.group())):
            yield "record_number", m.start(), m.end(), CONFIDENT, "Polish account number (valid check digits)"
    for m in _NINO.finditer(text):
        yield "record_number", m.start(), m.end(), BORDERLINE, "national insurance number"
    for m in _MBI.finditer(text):
        yield "record_number", m.start(), m.end(), BORDERLINE, "Medicare beneficiary identifier"
    for m in _PAN.finditer(text):
        yield "record_number", m.start(), m.end(), BORDERLINE, "Indian permanent account number"


def _codes(text: str):
    for m in _CODE.finditer(text):
        value = m.group().lstrip("#")
        if sum(c.isdigit() for c in value) < 4 or _CLEAN_CODE.match(value) or _DATE_LIKE.fullmatch(value):
            continue
        if _YEAR_WORD.fullmatch(value):
            continue  # "born in mid-1977"
        if is_vanity_number(value):
            continue  # "1-800-273-TALK": a service's toll-free number spelled as a word
        if _ORG_NUMBER_BEFORE.search(text[max(0, m.start() - 32) : m.start()]):
            continue
        yield "record_number", m.start() + (m.group() != value), m.end(), BORDERLINE, "identifier-shaped code"


def _long_numbers(text: str):
    for pattern in (_LONG_DIGITS, _GROUPED_DIGITS):
        for m in pattern.finditer(text):
            value = m.group()
            if _ORG_NUMBER_BEFORE.search(text[max(0, m.start() - 32) : m.start()]):
                continue
            if is_public_number(text, m.start(), m.end()):
                continue
            if sum(ch.isdigit() for ch in value) < (7 if pattern is _LONG_DIGITS else 8):
                continue
            if date_shape(value) or re.fullmatch(r"(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])", value):
                continue
            if pattern is _LONG_DIGITS and _another_pmid(text, value):
                continue
            yield "record_number", m.start(), m.end(), BORDERLINE, WEAK_REASON


# A PubMed id the text gives with its label, and so one more of that length beside it: "PMID 16199811 is the wrong
# paper, the right one is 16172203".
_LABELLED_PMID = re.compile(r"(?i)\b(?:PMID|PubMed(?:[ \t]+id)?)[ \t]*:?[ \t]*(\d{6,9})\b")


def _another_pmid(text: str, value: str) -> bool:
    return any(abs(len(m.group(1)) - len(value)) <= 1 for m in _LABELLED_PMID.finditer(text))


# Social-security and national-insurance numbers of other countries, by the label each country prints before
# them: Germany's and Austria's "Sozialversicherungsnummer", Switzerland's AHV, Spain's NUSS, Portugal's NISS,
# France's NIR, Italy's codice fiscale, the Philippines' SSS and GSIS, Greece's AMKA, Poland's PESEL, the Nordic
# personal numbers, Russia's СНИЛС, Korea's 주민등록번호, Japan's マイナンバー, China's 身份证号.
_NATIONAL_SSN_LABEL = re.compile(
    r"(?i)(?<![\w-])(?:sozialversicherungs-?(?:nummer|nr\.?)|(?:renten)?versicherungsnummer|sv-?(?:nummer|nr\.?)"
    r"|svnr|rv-?nummer|ahv(?:-?(?:nummer|nr\.?)|n13)?|avs|nuss|niss|nir|amka|αμκα|pesel|sss|gsis|umid"
    r"|codice[ \t]+fiscale|tessera[ \t]+sanitaria|carte[ \t]+vitale|burgerservicenummer|sofinummer"
    r"|cpr-?(?:nummer|nr\.?)|fødselsnummer|fodselsnummer|henkilötunnus|hetu|kennitala|cnp|egn|егн|снилс|инн"
    r"|t\.?[ \t]?c\.?[ \t]+kimlik(?:[ \t]+(?:no|numarası))?|kimlik[ \t]+(?:no|numarası)"
    r"|(?:n(?:úmero|umero|uméro|um\.?|º|°|o\.?)[ \t]+(?:de[ \t]+(?:la[ \t]+)?)?)?"
    r"(?:seguridad[ \t]+social|sécurité[ \t]+sociale|securite[ \t]+sociale|sécu|segurança[ \t]+social"
    r"|seguranca[ \t]+social|previdenza[ \t]+sociale|afiliación|afiliacion)"
    # citizens' identity numbers of more countries, written in capitals where they are acronyms: Viet Nam's CCCD and
    # CMND, Indonesia's NIK and KTP, Pakistan's CNIC, Nigeria's NIN, Bangladesh's NID, Malaysia's MyKad, Chile's
    # RUT and RUN, Argentina's CUIL, Colombia's cédula, Belgium's national register, Israel's teudat zehut, Iran's
    # code melli, Germany's tax ID ("NIK 3174…", "CCCD 0011…", "cédula 1020…")
    # Turkey's TCKN, Brazil's RG ("TC 1000…", "RG 55.501.234-X"), Denmark's CPR before "no." (not resuscitation:
    # its value must be a CPR number's shape, below)
    r"|(?-i:CCCD|CMND|NIK|KTP|CNIC|NIN|NID|RUT|RUN|CUIL|CUIT|MyKad|NRIC|FIN|TCKN|TC|T\.C\.|RG|CPR)"
    r"|căn[ \t]+cước(?:[ \t]+công[ \t]+dân)?"
    r"|c[ée]dula(?:[ \t]+de[ \t]+(?:ciudadan[ií]a|identidad))?|rijksregisternummer|num[ée]ro[ \t]+national"
    r"|teudat[ \t]+zehut|code[ \t]+melli|steuer-?id|steueridentifikationsnummer|rodné[ \t]+číslo)(?![\w-])"
    r"|(?:주민등록번호|주민번호|マイナンバー|個人番号|基礎年金番号|身份证号(?:码)?|社保号|社会保障号"
    # Israel's teudat zehut and the Arabic "identity number" / "national number"
    r"|ת[\"״]ז|תעודת[ \t]+זהות|מספר[ \t]+זהות|رقم[ \t]+الهوية(?:[ \t]+الوطنية)?|الرقم[ \t]+الوطني)"
)
# A Danish CPR number: a day of birth and four digits ("010155-5550"), not a resuscitation rate after "CPR".
_CPR_NUMBER = re.compile(r"(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d\d-?\d{4}")


_NUMBER_WORD = re.compile(r"(?i)[ \t]{0,3}(?:(?:no|nr|number|nummer|num|n[°º])\b\.?|#)?")  # "SSS No.", "AHV-Nr."


# In lower case, one of these is in every label _NATIONAL_SSN_LABEL can find in an ASCII text (its other labels
# have letters no ASCII text has; in ASCII, lower() folds case as the pattern does). Without one of them the
# pattern, a long case-insensitive alternation tried at every position, is not run (cost only).
_NATIONAL_SSN_STEMS = ("versicherungs", "sv", "nummer", "ahv", "avs", "nuss", "niss", "nir", "amka", "pesel", "sss",
                       "gsis", "umid", "codice", "tessera", "carte", "cpr", "hetu", "kennitala", "cnp", "egn",
                       "kimlik", "seguridad", "securite", "seguranca", "previdenza", "afiliacion", "cccd", "cmnd",
                       "nik", "ktp", "cnic", "nin", "nid", "rut", "run", "cuil", "cuit", "mykad", "nric", "fin",
                       "cedula", "national", "teudat", "melli", "steuer", "tc", "t.c", "rg")  # fmt: skip


def _national_ssns(text: str):
    if text.isascii():
        low = text.lower()
        if not any(stem in low for stem in _NATIONAL_SSN_STEMS):
            return
    for m in _NATIONAL_SSN_LABEL.finditer(text):
        span = _value_at(text, _NUMBER_WORD.match(text, m.end()).end())
        if span is None:
            continue
        value = text[span[0] : span[1]]
        if sum(c.isdigit() for c in value) < 6 or YEAR.fullmatch(value) or _is_date(value):
            continue  # "NSS 2023", a date after the label: no person's number
        if m.group() == "CPR" and not _CPR_NUMBER.fullmatch(value):
            continue  # "CPR 100-120 per minute": resuscitation
        yield "ssn", span[0], span[1], CONFIDENT, "labelled national insurance or social security number"


# Chart and insurance labels in scripts the word reader above does not read: Japanese, Chinese, Korean,
# Russian and Ukrainian, Arabic ("カルテ番号 0047-…", "病历号 2023…", "보험번호 5-…", "история болезни № 4471").
_SCRIPT_RECORD_LABEL = re.compile(
    r"(?P<mrn>カルテ(?:番号|No\.?)|診察券番号|患者(?:番号|ID|id)|病歴番号|病[历歷]号(?:码)?|病[历歷]號(?:碼)?|病案号"
    r"|住院号|门诊号|患者编号|환자[ \t]?번호|등록번호|병록번호|차트[ \t]?번호|의무기록[ \t]?번호"
    r"|(?i:истори[яи][ \t]+болезни|медицинск(?:ая|ой)[ \t]+карт[аы]|амбулаторн(?:ая|ой)[ \t]+карт[аы]"
    r"|істор(?:ія|ії)[ \t]+хвороби|медичн(?:а|ої)[ \t]+картк[аи])|رقم[ \t]+(?:الملف|المريض))"
    r"|(?P<plan>保険証番号|被保険者番号|医保(?:卡)?号|社保卡号|보험[ \t]?번호|건강보험(?:증)?[ \t]?번호"
    r"|(?i:полис(?:[ \t]+омс)?|поліс))"
)
_SCRIPT_NUMBER_SIGN = re.compile(r"[ \t]{0,2}(?:№|[:：#＃]|N[°º]|No\.?)?[ \t]{0,2}")


def _script_record_numbers(text: str):
    for m in _SCRIPT_RECORD_LABEL.finditer(text):
        span = _value_at(text, _SCRIPT_NUMBER_SIGN.match(text, m.end()).end())
        if span is None:
            continue
        value = text[span[0] : span[1]]
        if sum(c.isdigit() for c in value) < 4 or YEAR.fullmatch(value) or _is_date(value):
            continue
        kind = "mrn" if m.group("mrn") else "health_plan"
        yield "record_number", span[0], span[1], CONFIDENT, f"labelled {_LABEL_OF[kind]}"


# Any script's letter. Every label, and every code with a letter in it, has one: a text of digits and signs alone
# ("1/1/1…", "#1 #1 …") need not be read for them (cost only: these patterns try each position in turn).
_LETTER = re.compile(r"[^\W\d_]")


def find_record_numbers(text: str, citation: bool = False):
    """Labelled identifiers of every kind; outside citation fields also checksummed and code-shaped ones."""
    letters = _LETTER.search(text) is not None
    if letters:
        yield from _national_ssns(text)
        if not text.isascii():  # each of those labels is in a script other than Latin
            yield from _script_record_numbers(text)
        yield from _labelled(text, citation)  # a "#" alone is no label: it needs a qualifier word before it
    if not citation:
        yield from find_nmc_pins(text)
        yield from _checksummed(text)
        if letters:
            yield from _codes(text)
        yield from _long_numbers(text)


# ---------------------------------------------------------------- VINs

_VIN = re.compile(r"(?<![\w-])[A-HJ-NPR-Z0-9]{17}(?![\w-])")
_VIN_LABEL = re.compile(r"(?i)\b(?:VIN|vehicle\s+identification\s+(?:number|no\.?)|chassis\s+(?:number|no\.?))\W*$")
_VIN_VALUES = {**{str(i): i for i in range(10)}, **dict(zip("ABCDEFGH", range(1, 9))),
               **dict(zip("JKLMN", range(1, 6))), "P": 7, "R": 9, **dict(zip("STUVWXYZ", range(2, 10)))}  # fmt: skip
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def _vin_check_digit_ok(vin: str) -> bool:
    total = sum(_VIN_VALUES[c] * w for c, w in zip(vin, _VIN_WEIGHTS))
    check = total % 11
    return vin[8] == ("X" if check == 10 else str(check))


# Current British registrations ("BN12 XYZ", "WX21ABV"): two letters, two digits, three letters.
_UK_PLATE = re.compile(r"(?<![\w-])[A-Z]{2}\d{2}[ ]?[A-Z]{3}(?![\w-])")


# A MAC address names one network card, and so one device: "00:1A:2B:3C:4D:5E", "00-1a-2b-3c-4d-5e".
_MAC = re.compile(r"(?<![\w:.-])[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}(?![\w:-])")


# A hash or template id in a sentence about a biometric: "scan hash ret:9c1e44b7a0d2", "template 3fa9c0e17b".
_HEX_ID = re.compile(
    r"(?<![\w:])(?:[A-Za-z]{2,6}:)?(?=[0-9a-fA-F]{0,63}\d)(?=[0-9a-fA-F]{0,63}[a-fA-F])[0-9a-fA-F]{10,64}(?!\w)"
)
_BIOMETRIC_WORD = re.compile(
    r"(?i)\b(?:retina|retinal|iris|fingerprints?|voiceprint|faceprint|facial|biometrics?|palm[ \t]?print|gait)\b"
)


# A UK nurse's or midwife's NMC PIN: two digits, a letter, four digits, a letter ("PIN 09I2458E").
_NMC_PIN = re.compile(r"\b(?:PIN|NMC(?:[ \t]+(?:PIN|number|no\.?))?)[ \t]*[:#]?[ \t]*(?P<pin>\d{2}[A-Z]\d{4}[A-Z])\b")


def find_nmc_pins(text: str):
    for m in _NMC_PIN.finditer(text) if "PIN" in text or "NMC" in text else ():
        yield "record_number", m.start("pin"), m.end("pin"), BORDERLINE, "labelled licence or certificate number"


# A serial-shaped code a few words after a device word, with no label between: "the Libre sensor on her arm reads
# 0M0009ABCD", "her pump (3RF28894)".
_DEVICE_NEAR = re.compile(
    r"(?i:\b(?:devices?|pump|pacemaker|defibrillator|implant|transmitter|sensor|cgm|monitor|hearing[ \t]+aids?"
    r"|processor|stimulator|tag|tracker|handset|inhaler|nebuli[sz]er|cpap|ventilator|wheelchair|glucometer|meter|pendant|alarm"
    r"|smartwatch|watch|fitbit|tablet|ipad|laptop|phone|scanner|camera|router|dongle)\b)"
    r"(?P<gap>[^.;\n]{0,30}?)(?<![\w-])(?P<code>(?=[A-Z0-9]{0,19}\d[A-Z0-9]{0,19}\d)(?=[A-Z0-9]{0,19}[A-Z][A-Z0-9]{0,19}[A-Z])"
    r"[A-Z0-9]{6,20}"
    # or in hyphenated groups, a space between two of them: "insulin pump MED-PMP 7731-209"
    r"|(?=[A-Z0-9 -]{0,30}\d[A-Z0-9 -]{0,30}\d)(?=[A-Z0-9 -]{0,30}[A-Z][A-Z0-9 -]{0,30}[A-Z])"
    r"[A-Z0-9]{2,10}-[A-Z0-9]{1,10}(?:[ -][A-Z0-9]{2,10}){0,2}(?:-[A-Z0-9]{1,10})?)(?![\w-])"
)
# The same code before the device it belongs to, after a word for an id: "tx id 8RL4QM from her CGM".
_DEVICE_ID_BEFORE = re.compile(
    r"(?i:\b(?:id|serial|s/n|sn|code|no\.?|number)[ \t]*[:#]?[ \t]*)"
    r"(?P<code>(?=[A-Z0-9]{0,19}\d[A-Z0-9]{0,19}\d)(?=[A-Z0-9]{0,19}[A-Z][A-Z0-9]{0,19}[A-Z])[A-Z0-9]{6,20})(?![\w-])"
    r"(?=[^.;\n]{0,25}?\b(?i:pump|pacemaker|defibrillator|implant|transmitter|sensor|cgm|monitor|hearing[ \t]+aids?"
    r"|processor|stimulator|tracker|handset|inhaler|cpap|ventilator|glucometer|smartwatch|watch|fitbit)\b)"
)
_DEVICE_STEMS = ("device", "pump", "pacemaker", "defib", "implant", "transmitter", "sensor", "cgm", "monitor",
                 "hearing", "processor", "stimulator", "tag", "tracker", "handset", "inhaler", "nebuli", "cpap",
                 "ventilator", "wheelchair", "meter", "pendant", "alarm", "watch", "fitbit", "tablet", "ipad",
                 "laptop", "phone", "scanner", "camera", "router", "dongle")  # fmt: skip
_MODEL_WORDS = re.compile(r"(?i)\b(?:model|type|version|gen(?:eration)?|series|mk|mark)\b")


def find_devices(text: str):
    for m in _MAC.finditer(text) if ":" in text or "-" in text else ():
        if any(c.isalpha() for c in m.group()) or "mac" in text.lower():
            yield "device", m.start(), m.end(), BORDERLINE, "MAC address"
    low = text.lower()  # the substring tests below only decide which patterns can match (cost only)
    for m in _DEVICE_NEAR.finditer(text) if any(w in low for w in _DEVICE_STEMS) else ():
        code = m.group("code")
        if "-" in code and (sum(c.isdigit() for c in code) < 4 or _CLEAN_CODE.match(code)):
            continue  # "devices in the COVID-19 ward": a hyphenated serial has four digits and no known prefix
        if not _MODEL_WORDS.search(m.group("gap")):
            yield "device", m.start("code"), m.end("code"), BORDERLINE, "serial-shaped code near a device"
    for m in _DEVICE_ID_BEFORE.finditer(text) if any(w in low for w in _DEVICE_STEMS) else ():
        yield "device", m.start("code"), m.end("code"), BORDERLINE, "serial-shaped code near a device"
    biometric = any(w in low for w in ("retin", "iris", "print", "facial", "biometric", "gait"))
    for m in _HEX_ID.finditer(text) if biometric and _BIOMETRIC_WORD.search(text) else ():
        sentence = text[max(0, m.start() - 120) : m.end() + 60]
        if _BIOMETRIC_WORD.search(sentence):
            yield "biometric", m.start(), m.end(), BORDERLINE, "hash or template of a biometric"


# A plate in brackets after the vehicle it belongs to: "his matatu (KCB 441Q)", "the taxi (CA 123-456)".
_PLATE_AFTER_VEHICLE = re.compile(
    r"(?i:\b(?:car|van|taxi|cab|matatu|minibus|lorry|truck|ute|pickup|bakkie|jeep|motorbike|motorcycle|bike"
    r"|scooter|moped|tuk-?tuk|rickshaw|boda(?:-?boda)?|jeepney|camper|caravan|trailer|vehicle))[ \t]*\([ \t]*"
    r"(?P<plate>(?=[A-Z0-9 -]*\d)[A-Z0-9]{1,4}(?:[ -][A-Z0-9]{1,4}){0,2})[ \t]*\)"
)


# Groups split by a space or a dash, or a dot between digits as Viet Nam's plates have it ("51F-123.45").
_PLATE = r"(?P<plate>(?=[A-Z0-9 .-]{0,16}\d)[A-Z0-9]{1,7}(?:(?:[ -]|(?<=\d)\.(?=\d))[A-Z0-9]{1,4}){0,3})(?![\w-])"
# Makes and models, capitalised as written; none that is also an everyday word ("Focus", "Accord", "Seat").
_MAKES = (
    r"(?-i:Toyota|Honda|Nissan|Mazda|Subaru|Suzuki|Mitsubishi|Isuzu|Lexus|Hyundai|Kia|Ford|Chevy|Chevrolet|Dodge"
    r"|Tesla|VW|Volkswagen|Audi|BMW|Mercedes|Benz|Opel|Vauxhall|Peugeot|Renault|Citroën|Citroen|Fiat|Skoda|Volvo"
    r"|Holden|Proton|Perodua|Mahindra|Maruti|Bajaj|Yamaha|Kawasaki|Vespa|Polo|Passat|Corolla|Camry|Yaris|Prius"
    r"|Hilux|Hiace|Avanza|Innova|Corsa|Astra|Fiesta|Navara|Sprinter|Tacoma|Qashqai|Micra|Octavia|Land[ \t]?Cruiser)"
)
# A plate straight after the vehicle, in English or the writer's language: "Client's car CA 441-872 was
# impounded", "motorbike KA 05 MX 4471", "Gari lake KCB 482Q", "Номер машини AA 1234 BK".
_PLATE_BESIDE_VEHICLE = re.compile(
    r"(?i:\b(?:car|van|taxi|cab|matatu|minibus|lorry|truck|ute|pickup|bakkie|jeep|motorbike|motorcycle|bike"
    r"|scooter|moped|tuk-?tuk|rickshaw|boda(?:-?boda)?|jeepney|camper|caravan|trailer|vehicle|gari|coche|carro"
    r"|voiture|wagen|araba(?:sı|nın)?|машин[аиуы]|автомобил[ьяюі]"
    # the car in more languages: Indonesian and Malay "mobil", "motor", "kereta", Vietnamese "xe", Tagalog "kotse",
    # Italian "macchina", Polish "samochód", the Nordic "bil", and "auto" and "moto" of several
    r"|mobil|motor|kereta|xe|kotse|macchina|samochód|bil|auto|moto|gaadi"
    # a make or model names the car as well as the word does: "a white Polo CA 123-456", "her Corolla KDA 118B"
    rf"|(?P<make>{_MAKES}))(?:[ \t]+(?:lake|yake|yangu|his|her|their|milik[ \t]+\w+))?)"
    rf"[ \t]*[:,]?[ \t]+{_PLATE}"
)
# A plate opening a line, with what it is said after a dash: "NAB 4417 — parking sticker for the clinic",
# "LKR482 — that's the rego of the car".
_PLATE_THEN_NOTE = re.compile(
    rf"(?m:^)[ \t]*{_PLATE}[ \t]*[—–-][ \t]+(?=[^\n]{{0,60}}?(?i:\b(?:plate|plates|rego|registration|parking"
    r"|car|vehicle|van|motorbike|motorcycle|scooter|numberplate|kennzeichen|placa|placas|matrícula)\b))"
)
# A Japanese plate: the registering office, a class number, one kana and the number ("品川 330 さ 12-34").
_JAPANESE_PLATE = re.compile(r"(?<!\w)[\u4e00-\u9fff]{1,4}[ \t]?\d{2,3}[ \t]?[\u3041-\u3093][ \t]?\d{1,2}-\d{2}(?!\d)")


def _plate_shaped(plate: str) -> bool:
    alnum = sum(map(str.isalnum, plate))
    return (
        sum(c.isalpha() for c in plate) >= 1
        and sum(c.isdigit() for c in plate) >= 2
        and 5 <= alnum <= 10
        and not any(YEAR.fullmatch(group) for group in re.split(r"[ -]", plate))  # "van T5 2010": a model year
    )


def _letters_and_digits_apart(plate: str) -> bool:
    groups = re.split(r"[ -]", plate)
    return any(g.isalpha() for g in groups) and any(sum(c.isdigit() for c in g) >= 2 for g in groups)


# A word that _PLATE_AFTER_VEHICLE or _PLATE_BESIDE_VEHICLE needs has one of these in it, in lower case. In a text
# of ASCII only, no other letter matches one of theirs when the case is ignored ("K", the Kelvin sign, matches
# "k"), so a text without any of them is spared those patterns, which try every position in turn (cost only).
_VEHICLE_STEMS = ("car", "van", "taxi", "cab", "matatu", "minibus", "lorry", "truck", "ute", "pickup", "bakkie",
                  "jeep", "bike", "motorcycle", "scooter", "moped", "tuk", "rickshaw", "boda", "camper", "trailer",
                  "vehicle", "gari", "coche", "voiture", "wagen", "araba", "mobil", "motor", "kereta", "xe", "kotse",
                  "macchina", "samoch", "bil", "auto", "moto", "gaadi", "toyota", "honda", "nissan", "mazda", "subaru",
                  "suzuki", "mitsubishi", "isuzu", "lexus", "hyundai", "kia", "ford", "chevy", "chevrolet", "dodge",
                  "tesla", "vw", "volkswagen", "audi", "bmw", "mercedes", "benz", "opel", "vauxhall", "peugeot",
                  "renault", "citro", "fiat", "skoda", "volvo", "holden", "proton", "perodua", "mahindra", "maruti",
                  "bajaj", "yamaha", "kawasaki", "vespa", "polo", "passat", "corolla", "camry", "yaris", "prius",
                  "hilux", "hiace", "avanza", "innova", "corsa", "astra", "fiesta", "navara", "sprinter", "tacoma",
                  "qashqai", "micra", "octavia", "cruiser")  # fmt: skip


def find_vehicles(text: str):
    if _LETTER.search(text) is None:
        return  # every plate, VIN and label below has a letter in it
    low = text.lower()
    beside = not text.isascii() or any(stem in low for stem in _VEHICLE_STEMS)
    for m in _UK_PLATE.finditer(text):
        yield "vehicle", m.start(), m.end(), BORDERLINE, "British registration"
    for m in _PLATE_AFTER_VEHICLE.finditer(text) if beside and "(" in text else ():
        plate = m.group("plate")
        if (
            sum(c.isalpha() for c in plate) >= 1
            and sum(c.isdigit() for c in plate) >= 2
            and sum(map(str.isalnum, plate)) >= 5
        ):
            yield "vehicle", m.start("plate"), m.end("plate"), BORDERLINE, "plate after its vehicle"
    for pattern in (_PLATE_BESIDE_VEHICLE, _PLATE_THEN_NOTE):
        for m in pattern.finditer(text) if beside or pattern is _PLATE_THEN_NOTE else ():
            if pattern is _PLATE_BESIDE_VEHICLE and m.group("make") and not _letters_and_digits_apart(m.group("plate")):
                continue  # "Honda CBR600", "BMW X5 M50": after a make, a model's name mixes them in one group
            if _plate_shaped(m.group("plate")):
                yield "vehicle", m.start("plate"), m.end("plate"), BORDERLINE, "plate beside its vehicle"
    for m in _JAPANESE_PLATE.finditer(text):
        yield "vehicle", m.start(), m.end(), BORDERLINE, "Japanese plate"
    for m in _VIN.finditer(text):
        value = m.group()
        if sum(c.isdigit() for c in value) < 3 or sum(c.isalpha() for c in value) < 2:
            continue
        labelled = bool(_VIN_LABEL.search(text[max(0, m.start() - 40) : m.start()]))
        if _vin_check_digit_ok(value) or labelled:
            yield "vehicle", m.start(), m.end(), CONFIDENT, "VIN"
        else:
            yield "vehicle", m.start(), m.end(), BORDERLINE, "VIN-shaped code"
