"""What belongs to a citation rather than a person: DOIs, PMIDs, ISBNs, trial registrations, publication links."""

from __future__ import annotations

import re

from .lexicons import regions
from .patterns import CI, trim_url

# Spans that are citation furniture wherever they appear: nothing inside them is screened except IPs and emails.
# Each with a lower-case fragment the text must contain before the pattern is tried (a speed gate).
_DOI = re.compile(r"\b10\.\d{4,9}/[^\s\"<>]+")
_PROTECTED = [
    ("10.", _DOI),
    ("pmid", re.compile(r"\bPMID:?\s*\d{1,9}\b", CI)),
    ("pmc", re.compile(r"\bPMC(?:ID)?:?\s*(?:PMC)?\d{4,9}\b", CI)),
    ("isbn", re.compile(r"\bISBN(?:-1[03])?:?\s*(?:97[89][- ]?)?\d[\d -]{7,15}[\dX]\b", CI)),
    ("97", re.compile(r"(?<![\d-])97[89]-\d{1,5}-\d{1,7}-\d{1,7}-[\dX]\b")),  # bare hyphenated ISBN-13
    ("issn", re.compile(r"\bISSN:?\s*\d{4}-?\d{3}[\dX]\b", CI)),
    ("arxiv", re.compile(r"\barXiv:\s*\d{4}\.\d{4,5}(?:v\d+)?", CI)),
    ("cd", re.compile(r"(?<![\w-])CD\d{6}(?:\.pub\d)?(?![\w-])")),  # a Cochrane review's number
    # trial and review registries of every region: "NCT…", "ISRCTN…", "UMIN000…", "jRCT…", "IRCT…N1", "CTRI/2019/…"
    (
        "",
        re.compile(
            r"\b(?:NCT|ISRCTN|ACTRN|DRKS|ChiCTR|ChiMCTR|CTRI|EudraCT|EUCTR|PROSPERO|CRD|UMIN|jRCT|JPRN|KCT|IRCT|PACTR"
            r"|NTR|TCTR|SLCTR|LBCTR|PHRR|RPCEC|ITMCTR)[\s:#/-]*\d[\d/-]{3,}(?:[A-Z]\d{1,3}|[a-z])?\b"
            r"|\bRBR-[0-9a-z]{6,8}\b|\b(?:EU[ \t]?CT|CTIS)(?:[ \t]+(?:number|no\.?))?[ \t:#]*\d{4}-\d{6}-\d{2}-\d{2}\b"
        ),
    ),
    # a reference's volume, issue and pages: "2012;109(40):E2657-64", "2019;80(Suppl 2):S45-52", "49(12):2023–2031"
    (
        ";",
        re.compile(
            r"\b(?:1[89]|20)\d\d(?:[ \t]+[A-Z][a-z]{2}(?:[ \t]+\d{1,2})?)?;[ \t]*\d{1,4}(?:[ \t]*\([^()\n]{1,12}\))?"
            r"[ \t]*:[ \t]*[A-Za-z]{0,2}\d{1,8}(?:[–-][A-Za-z]{0,2}\d{1,8})?"
        ),
    ),
    ("):", re.compile(r"\b\d{1,4}\(\d{1,4}\):[ \t]*[A-Za-z]{0,2}\d{1,8}(?:[–-][A-Za-z]{0,2}\d{1,8})?")),
    ("-", re.compile(r"\bORCID(?:\s+iD)?:?\s*\d{4}-\d{4}-\d{4}-\d{3}[\dX]\b|\b000[09]-\d{4}-\d{4}-\d{3}[\dX]\b", re.I)),
    # a book's imprint, its publisher and the publisher's town: "Englewood Cliffs, NJ: Prentice-Hall; 1963",
    # "London: Constable & Robinson, 2009", "(… 1996, Psychological Corporation, San Antonio)"
    (
        "",
        re.compile(
            r"(?<![\w'’-])(?:[A-Z][a-z]+[ \t]+){0,2}[A-Z][a-z]+(?:,[ \t]*(?:[A-Z]{2}|[A-Z][a-z]+))?:[ \t]*"
            r"(?:[A-Z][\w&.'’ -]{1,50}?;|(?:[A-Z][\w&.'’ -]{0,40}?[ \t])?(?:Press|Books|Hall|Sons|Wiley|Publishing"
            r"|Publishers|Routledge|Guilford|Springer|Elsevier|Academic)[ \t]*,)[ \t]*(?:1[5-9]|20)\d\d(?![\w/-])"
            r"(?![ \t]+[A-Z])"  # not "Contact: Rosa Delgado; 1961 Elm Road"
            r"|\b(?:Corporation|Press|Publishing|Publishers|Publications|Books|Verlag|Inc\.|Ltd\.?),[ \t]*"
            r"(?:[A-Z][a-z]+[ \t]+){0,2}[A-Z][a-z]+(?:,[ \t]*[A-Z]{2}\b)?"
        ),
    ),
    ("-", re.compile(r"(?<![\w-])\d{1,5}-\d{1,7}-\d{1,7}-[\dX](?![\w-])")),  # bare ISBN-10, checked below
]
_ISBN10 = _PROTECTED[-1][1]


def _isbn10_ok(value: str) -> bool:
    chars = value.replace("-", "")
    if len(chars) != 10:
        return False
    digits = [10 if c == "X" else int(c) for c in chars]
    return sum((10 - i) * d for i, d in enumerate(digits)) % 11 == 0


URL = re.compile(
    r"(?<![@\w.+-])(?:(?:https?://|www\.)[^\s<>\"“”‘’]+"
    r"|(?:[a-z0-9-]+\.)+(?:com|org|net|edu|gov|io|co|uk|au|nz|ie|ca|info|me|blog|app|tv|us|de|fr|ly|page|site|ee"
    r"|gg|to|link|bio|xyz|online|social|space|art|fm|so|ai|za|in)"
    r"/[^\s<>\"“”‘’]*)",
    CI,
)
# Publication and organisation hosts whose links are citations, not people.
_PUBLICATION_HOSTS = {
    "doi.org", "ncbi.nlm.nih.gov", "nih.gov", "europepmc.org", "who.int", "nice.org.uk", "nhs.uk", "apa.org",
    "psychiatry.org", "rcpsych.ac.uk", "bps.org.uk", "wikipedia.org", "wikimedia.org", "cochrane.org",
    "cochranelibrary.com", "annualreviews.org", "sciencedirect.com", "elsevier.com", "springer.com", "nature.com",
    "wiley.com", "tandfonline.com", "sagepub.com", "jamanetwork.com", "thelancet.com", "bmj.com", "nejm.org",
    "frontiersin.org", "plos.org", "mdpi.com", "oup.com", "cambridge.org", "jstor.org", "scholar.google.com",
    "semanticscholar.org", "arxiv.org", "osf.io", "psyarxiv.com", "biorxiv.org", "medrxiv.org",
    "clinicaltrials.gov", "isrctn.com", "self-compassion.org", "centerformsc.org", "compassionatemind.co.uk",
    "positivepsychology.com", "greatergood.berkeley.edu", "mayoclinic.org", "clevelandclinic.org", "mind.org.uk",
    "cdc.gov", "samhsa.gov", "nimh.nih.gov", "guilford.com", "routledge.com", "hogrefe.com", "web.archive.org",
}  # fmt: skip
# Platforms whose host name is not identifying on its own (masking keeps it; the path is what identifies).
PLATFORM_HOSTS = {
    "facebook.com", "instagram.com", "twitter.com", "x.com", "linkedin.com", "tiktok.com", "youtube.com",
    "reddit.com", "substack.com", "medium.com", "tumblr.com", "gofundme.com", "pinterest.com", "threads.net",
    "bsky.app", "snapchat.com", "github.com", "wordpress.com", "blogspot.com",
}  # fmt: skip
_GOV_SUFFIXES = (".gov", ".int", ".mil", ".gov.uk", ".nhs.uk", ".gov.au", ".govt.nz", ".gc.ca", ".gov.ie", ".europa.eu")


def host_in(host: str, hosts: set[str]) -> bool:
    return any(host == h or host.endswith("." + h) for h in hosts)


def url_is_publication(url: str) -> bool:
    m = re.match(r"(?i)(?:https?://)?([^/?#:\s]+)(.*)", url)
    host, path = m.group(1).lower().rstrip("."), m.group(2)
    host = host.removeprefix("www.")
    if "~" in path:
        return False
    if host.endswith(("youtube.com", "youtu.be")):
        return path.startswith("/watch") or host == "youtu.be"
    if host_in(host, _PUBLICATION_HOSTS) or host.endswith(_GOV_SUFFIXES):
        return True
    if host.endswith((".edu", ".ac.uk", ".edu.au", ".ac.nz")):
        return not re.search(r"/(?:people|users?|students?)/", path, CI)
    return False


# A funder's grant or a publication's reference, in a sentence about the funding or the publication and no person:
# "Funded by the MRC (MR/N012345/1)", "NIHR HTA 17/12/34 funded the trial", "NHS England PRN00123, published 2023".
_FUNDING_OR_PUBLICATION = re.compile(
    r"(?i)\b(?:funded|funding|funders?|grants?|fellowships?|sponsored|supported[ \t]+by|(?<!for[ \t])published"
    r"|(?<!for[ \t])publication"
    r"|gateway[ \t]+reference|report[ \t]+(?:code|number|no))\b"
)
# Whose a grant or reference is, when it is a person's: their award, claim or benefit is no funder's.
_PERSONS_AWARD = re.compile(
    r"(?i)\b(?:he|she|him|his|her|hers|my|mine|me|client|patient|pt|mum|mom|dad|mother|father|son|daughter|wife"
    r"|husband|partner|carer|account|card|bank|payment|invoice|claim|claimant|benefits?|pip|esa|dla|allowance"
    r"|pension|housing|tax|policy|member|student|loan|bursary|hardship|disability|visa|passport|immigration|asylum"
    r"|id|identity|licen[cs]e|registration|serial|device|participant|subject|respondent|mrn)\b"
)
# A sentence ends at a full stop, but not at an abbreviation's: "ID no. 870315…" goes on.
_SENTENCE_BREAK = re.compile(
    r"(?<!\bno)(?<!\bnr)(?<!\bNo)(?<!\bNr)(?<!\bref)(?<!\bRef)(?<!\b[A-Za-z])[.!?;](?=\s|$)|\n"
)
_SENTENCE_CODE = re.compile(r"(?<![\w/.-])[A-Za-z0-9][\w/.-]{2,30}[A-Za-z0-9](?![\w/-])")
# The funder or programme named right before its code is the code's: "Wellcome (212345/Z/18/Z)", "Grant 758123".
_FUNDER_BEFORE = re.compile(r"(?:[A-Z][\w&'’-]{1,30}[ \t]+){0,3}[A-Z][\w&'’-]{1,30}[ \t]*(?:\(|:|#|no\.?)?[ \t]*$")


def _funding_codes(text: str) -> list[tuple[int, int]]:
    """Codes of four digits or more in a sentence about a grant or a publication, about no person."""
    spans, start = [], 0
    for stop in [m.start() for m in _SENTENCE_BREAK.finditer(text)] + [len(text)]:
        if _FUNDING_OR_PUBLICATION.search(text, start, stop) and not _PERSONS_AWARD.search(text, start, stop):
            for m in _SENTENCE_CODE.finditer(text, start, stop):
                if sum(c.isdigit() for c in m.group()) >= 4:
                    funder = _FUNDER_BEFORE.search(text, max(start, m.start() - 80), m.start())
                    spans.append((funder.start() if funder else m.start(), m.end()))
        start = stop + 1
    return spans


def protected_spans(text: str, low: str) -> list[tuple[int, int]]:
    spans = _funding_codes(text) if _FUNDING_OR_PUBLICATION.search(text) else []
    for fragment, pattern in _PROTECTED:
        if fragment not in low:
            continue
        for m in pattern.finditer(text):
            if pattern is _ISBN10 and not _isbn10_ok(m.group()):
                continue
            end = trim_url(text, m.start(), m.end()) if pattern is _DOI else m.end()
            spans.append((m.start(), end))
    return spans


# Public numbers of crisis lines and services, and the prefixes of freephone and service numbers: an
# organisation's number in a sentence about support is not a person's.
_PUBLIC_NUMBERS = set(
    """988 911 999 112 000 111 1737 741741 85258 116123 116111 116117 131114 131126 08001111 0800585858 08000684141
    03001233393 03003047000 1800551800 1300224636 1300659467 1800737732 1800247247 0800543354 0508828865 0800111111
    18002738255 18006624357 18664887386 18334564566 18006686868 18007997233 18006564673 18009312237 18775658860
    18883733211 18009506264 18662738255 0800689 8001111 0808808444 08081682580 08000282002 116006 0800068
    113""".split()
)  # 113: the Dutch suicide-prevention line, whose number is its name ("113 is ook bereikbaar via chat")
# UK 03 numbers are charged as a local call and used by charities and public services, not people
_SERVICE_PREFIXES = ("1800", "1300", "13", "0800", "0808", "0300", "0500", "116", "1-800", "1-8", "18", "0508", "080",
                     "0330", "0333", "0343", "0344", "0345", "0370", "0371")  # fmt: skip
# Toll-free codes dialled without a leading 1 or 0 ("800 273 8255", the 800s of Mexico, Italy, Portugal): a
# service's only where the text names a line, not merely a crisis ("Rosa's number is 866 …, she is in crisis").
_TOLL_FREE_CODES = ("800", "888", "877", "866", "855", "844", "833")
_NAMED_LINE = re.compile(
    r"(?i)\b(?:helplines?|help[ \t]+line|hotline|lifeline|crisis[ \t]+line|samaritans|toll[- ]free|freephone"
    r"|free[ \t]+phone|l[íi]nea|linha|ligne|telefono[ \t]+amico)\b"
)
_HELPLINE = re.compile(
    r"(?i)\b(?:helpline|help[ \t]+line|hotline|lifeline|crisis|samaritans|childline|kids[ \t]+help"
    r"|text[ \t]+line|support"
    r"[ \t]+line|freephone|free[ \t]+phone|toll[- ]free|24/7|24[ \t]+hours|confidential|suicide|prevention|emergency"
    r"|call[ \t]+or[ \t]+text|beyond[ \t]+blue|shout|mind|sane|calm|papyrus|trevor|rainn|neda|samhsa|veterans|pieta"
    r"|headspace|lifeline|befrienders|helplines?|free(?:[ \t]+of[ \t]+charge)?|day[ \t]+or[ \t]+night|any[ \t]+hour)\b"
    r"|हेल्पलाइन"
)


# A service that answers people in crisis, named in the line that gives its number: "Befrienders Kenya +254 …",
# "MIELI Crisis Helpline 09 …", "いのちの電話 0570-…", "TelefonSeelsorge 0800 …", "SOS Amitié 09 …".
_CRISIS_SERVICE = re.compile(
    r"(?i)\b(?:helplines?|help[ \t]+line|hotlines?|lifeline|crisis[ \t]+(?:line|helpline|service|centre|center|team"
    r"|text|support|intervention)|samaritans?|befrienders|suicide[ \t]+prevention|zelfmoordpreventie|seelsorge"
    r"|telefonseelsorge|sos|esperan[çcz]a|amiti[ée]|telefono[ \t]+amico|tel[ée]fono[ \t]+de|ligne[ \t]+d['’]écoute"
    r"|linha[ \t]+(?:de|da)|l[íi]nea[ \t]+(?:de|da)|toll[- ]free|freephone|free[ \t]+call|infoline"
    # and in more languages: "kriisipuhelin", "Linka dôvery", "Linka důvěry", "Livslinien", "SNS 24", "Korkeasaari"
    r"|kriisipuhelin\w*|linka[ \t]+d[ôů]v[ěe]ry|livslinien|sns[ \t]+24|atende[ \t]+pelo|kriisi\w*|jourtelefon\w*"
    r"|hjelpetelefon\w*|mental[ \t]+helse|telefon[ \t]+zaufania|телефон[ \t]+довіри|телефон[ \t]+доверия"
    r"|(?:advice|information|info|support|listening|counselling|counseling|text|help)[ \t]+line)\b"
    r"|いのちの電話|ホットライン|こころの電話|心理援助|热线|熱線|핫라인|생명의[ \t]?전화|상담[ \t]?전화|हेल्पलाइन"
    # a consultation line by its own words: "こころの健康相談統一ダイヤル", "心理援助热线", "정신건강 위기상담"
    r"|相談(?:ダイヤル|窓口|電話)|統一ダイヤル|ダイヤル|援助热线|心理热线|咨询热线|위기[ \t]?상담|상담[ \t]?센터"
)
# A directory of such lines by country: "Kenya: …", "South Africa – …", "US: …". The service between the heading and
# the number is an organisation's: an acronym ("SADAG"), an organisation's word ("Initiative", "Centre") or a line's.
_REGION_HEADING = re.compile(
    r"[ \t]*(?:[-*•][ \t]*)?(?P<region>[A-Z][\w'’.]{1,20}(?:[ \t]+[A-Z][\w'’.]{1,20}){0,2})[ \t]*(?::|[ \t][–—-])[ \t]"
)
_HEADING_REGIONS = {"us", "usa", "u.s.", "uk", "u.k.", "nz", "uae", "eu", "drc", "prc", "roi", "hk"}
_ORGANISATION = re.compile(
    r"(?<![\w'’-])[A-Z]{3,}(?![\w'’-])|(?i:\b(?:initiative|foundation|trust|association|society|centre|center"
    r"|service|services|network|charity|council|institute|ministry|line|lifeline|helpline|hotline|federation"
    r"|alliance|organi[sz]ation|agency|programme|program|project|mission)\b)"
)
# Whose a number is, when it is someone's: a person, a relative, someone in care or who called, or a line that is
# personal, internal or no helpline ("a personal mobile …, not a helpline", "the crisis team fax … is internal").
_PERSONAL_NUMBER_CUE = re.compile(
    r"(?i)\b(?:he|she|him|his|her|hers|my|mine|our|me|us|we|they|them|client|patient|pt|mum|mom|dad|mother|father"
    r"|son|daughter|wife|husband|partner|boyfriend|girlfriend|brother|sister|friend|nan|gran|aunt|uncle|cousin"
    r"|carer|niece|nephew|neighbou?r|caller|sender|mobile|cell|personal|private|internal|direct|fax|whatsapp|landline"
    r"|not[ \t]+(?:a|the)[ \t]+(?:helpline|hotline|service|crisis))\b"
)


def _organisations_line(text: str, start: int, end: int) -> bool:
    """A crisis service's number in a line about no person: named as a crisis line, or listed under a country."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[max(line_start, start - 200) : min(line_end, end + 120)]
    if _PERSONAL_NUMBER_CUE.search(line):
        return False
    # the service named last before the number: "The Mind infoline is 0300 …. Rethink's advice line is 0808 …"
    named = None
    for named in _CRISIS_SERVICE.finditer(text, max(line_start, start - 80), start):
        pass
    if named and not re.search(r"[.!?;।][ \t]", text[named.end() : start]):
        return True  # the line's own number, named before it in the same sentence
    heading = _REGION_HEADING.match(text, line_start, start)
    if not heading:
        return False
    region = heading.group("region").lower()
    if region not in regions() and region not in _HEADING_REGIONS:
        return False
    return bool(_ORGANISATION.search(text, heading.end(), start))


# A vanity number on a toll-free code, as services advertise them: "1-800-273-TALK", "1-800-662-HELP", "0800 NHS 111".
_VANITY_NUMBER = re.compile(
    r"(?:1[- ]?)?8(?:00|88|77|66|55|44|33)[- ][A-Z0-9]{3}[- ]?[A-Z0-9]{4}|0800[- ]?[A-Z0-9]{3,4}[- ]?[A-Z0-9]{3,4}"
)


def is_vanity_number(value: str) -> bool:
    return bool(_VANITY_NUMBER.fullmatch(value)) and any(c.isalpha() for c in value)


def is_public_number(text: str, start: int, end: int) -> bool:
    """A crisis line's or service's number, written where the text is about support, not about a person."""
    digits = re.sub(r"\D", "", text[start:end])
    if digits in _PUBLIC_NUMBERS:
        return True
    if len(digits) == 11 and digits.startswith(("084", "087")):
        return True  # a UK business-rate number: companies and services pay for them, no household has one
    if _organisations_line(text, start, end):
        return True
    line_start = max(text.rfind("\n", 0, start), text.rfind(".", 0, max(start - 1, 0)), start - 120)
    context = text[max(0, line_start) : min(len(text), end + 80)]
    service = digits.startswith(tuple(p.replace("-", "") for p in _SERVICE_PREFIXES)) or len(digits) <= 6
    if service and _HELPLINE.search(context):
        return True
    return len(digits) in (9, 10) and digits.startswith(_TOLL_FREE_CODES) and bool(_NAMED_LINE.search(context))
