"""Screens reader-submitted text for the HIPAA Safe Harbor identifiers that free text can carry.

Deterministic and self-contained: the standard library plus ``phonenumbers``; no Django, no network, no models.
The policy this implements, and what it does not catch, is written down in ``docs/phi-policy.md``.

    screening = screen({"proposed_text": text, "note": note}, citation_fields={"sources"})
    screening.verdict        # "clean" | "hold" | "reject"
    [f.describe() for f in screening.findings]   # messages naming the kind and the field, value masked
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from dataclasses import field as dc_field

import phonenumbers

__all__ = ["BORDERLINE", "CONFIDENT", "KINDS", "Finding", "Screening", "mask", "screen"]

CONFIDENT = "confident"
BORDERLINE = "borderline"

KINDS: dict[str, str] = {
    "name": "personal name",
    "date": "date",
    "age_over_89": "age over 89",
    "phone": "phone number",
    "email": "email address",
    "address": "street address",
    "zip": "ZIP code or postcode",
    "record_number": "record or account number",
    "vehicle": "vehicle identifier",
    "device": "device serial number",
    "ssn": "Social Security number",
    "url": "personal URL",
    "ip": "IP address",
}
_ARTICLE = {"age_over_89": "an", "email": "an", "ip": "an"}

# When two findings overlap, the earlier kind in this list keeps the span (confident findings always win first).
_PRIORITY = ["ssn", "email", "ip", "record_number", "phone", "vehicle", "device", "address", "date",
             "age_over_89", "zip", "url", "name"]  # fmt: skip
# Kinds screened in fields that hold citations: only identifiers that never belong in a reference.
_CITATION_KINDS = {"ssn", "email", "phone", "ip", "record_number"}

# Numbers without a "+" are tried as national numbers of these regions: NANP ones when they have 10 digits (or
# 11 with a leading 1), the others when they start with their trunk prefix 0.
PHONE_REGIONS = ("US", "GB", "CA", "AU", "IE", "NZ")
_NANP_REGIONS = tuple(r for r in PHONE_REGIONS if r in {"US", "CA"})
_TRUNK_ZERO_REGIONS = tuple(r for r in PHONE_REGIONS if r not in _NANP_REGIONS)


# ============================================================================ results


@dataclass(frozen=True)
class Finding:
    kind: str
    field: str
    start: int
    end: int
    confidence: str  # "confident" | "borderline"
    label: str  # human label of the kind, e.g. "phone number"
    masked_value: str = dc_field(default="", compare=False)
    field_label: str = dc_field(default="", compare=False)
    reason: str = dc_field(default="", compare=False)

    def masked(self, text: str) -> str:
        """The value this finding covers in ``text``, masked: its shape for an editor, never the value itself."""
        return _mask_value(self.kind, text[self.start : self.end])

    def describe(self) -> str:
        """A user-facing message naming the kind and the field, value masked.

        e.g. 'a phone number in “Proposed text” (“+1 ***-***-**67”)'
        """
        article = _ARTICLE.get(self.kind, "a")
        where = self.field_label or _field_label(self.field)
        value = self.masked_value or "value hidden"
        return f"{article} {self.label} in “{where}” (“{value}”)"


@dataclass(frozen=True)
class Screening:
    findings: list[Finding]
    texts: Mapping[str, str] = dc_field(default_factory=dict, repr=False, compare=False)

    @property
    def confident(self) -> list[Finding]:
        return [f for f in self.findings if f.confidence == CONFIDENT]

    @property
    def borderline(self) -> list[Finding]:
        return [f for f in self.findings if f.confidence == BORDERLINE]

    @property
    def verdict(self) -> str:
        if self.confident:
            return "reject"
        return "hold" if self.findings else "clean"

    def for_field(self, name: str) -> list[Finding]:
        return [f for f in self.findings if f.field == name]

    def messages(self) -> list[str]:
        return [f.describe() for f in self.findings]

    def masked_text(self, name: str) -> str:
        """The screened text of one field with every finding in it masked."""
        return mask(self.texts.get(name, ""), self.for_field(name))


def _field_label(name: str) -> str:
    words = name.replace("_", " ").replace("-", " ").strip()
    return words[:1].upper() + words[1:] if words else name


def screen(
    fields: Mapping[str, str | None],
    citation_fields: Iterable[str] = (),
    field_labels: Mapping[str, str] | None = None,
) -> Screening:
    """Screens every field; fields named in ``citation_fields`` only for identifiers that never belong in a citation."""
    citation_fields = set(citation_fields)
    field_labels = field_labels or {}
    findings: list[Finding] = []
    texts: dict[str, str] = {}
    for name, value in fields.items():
        if value is None:
            continue
        text = value if isinstance(value, str) else str(value)
        texts[name] = text
        label = field_labels.get(name) or _field_label(name)
        for kind, start, end, confidence, reason in _scan(text, citation=name in citation_fields):
            findings.append(
                Finding(
                    kind=kind,
                    field=name,
                    start=start,
                    end=end,
                    confidence=confidence,
                    label=KINDS[kind],
                    masked_value=_mask_value(kind, text[start:end]),
                    field_label=label,
                    reason=reason,
                )
            )
    return Screening(findings=findings, texts=texts)


def mask(text: str, findings: Iterable[Finding]) -> str:
    """``text`` with the span of each finding (all from this one field) replaced by its masked form."""
    out, last = [], 0
    for f in sorted(findings, key=lambda f: (f.start, -f.end)):
        if f.start < last:
            continue
        out.append(text[last : f.start])
        out.append(f.masked(text))
        last = f.end
    out.append(text[last:])
    return "".join(out)


# ============================================================================ masking

_ALNUM = re.compile(r"[^\W_]", re.UNICODE)


def _mask_keep(value: str, keep_first: int = 1, keep_last: int = 1) -> str:
    """Masks letters and digits, keeping separators and the first/last ``keep_*`` of them."""
    positions = [m.start() for m in _ALNUM.finditer(value)]
    if len(positions) <= keep_first + keep_last + 1:
        keep_first, keep_last = min(keep_first, 1), 0
    kept = set(positions[:keep_first]) | (set(positions[-keep_last:]) if keep_last else set())
    alnum = set(positions)
    return "".join(ch if (i in kept or i not in alnum) else "*" for i, ch in enumerate(value))


def _mask_label(word: str) -> str:
    return word[:1] + "*" * (len(word) - 1) if word else word


def _mask_email(value: str) -> str:
    if "@" not in value:  # obfuscated ("maria dot lopez at example dot org")
        return _mask_keep(value, 1, 0)
    local, _, domain = value.partition("@")
    labels = domain.split(".")
    masked = [_mask_label(lbl) for lbl in labels[:-1]] + labels[-1:]
    return f"{local[:1]}***@{'.'.join(masked)}"


def _mask_phone(value: str) -> str:
    number = _parse_phone(value)
    if number is not None:
        formatted = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        prefix = f"+{number.country_code}"
        rest = formatted[len(prefix) :]
        digits = [i for i, ch in enumerate(rest) if ch.isdigit()]
        keep = set(digits[-2:])
        return prefix + "".join(ch if (not ch.isdigit() or i in keep) else "*" for i, ch in enumerate(rest))
    digits = [i for i, ch in enumerate(value) if ch.isdigit()]
    keep = set(digits[-2:])
    return "".join(ch if (not ch.isdigit() or i in keep) else "*" for i, ch in enumerate(value))


def _mask_digits(value: str) -> str:
    return re.sub(r"\d", "*", value)


def _mask_date(value: str) -> str:
    return re.sub(r"[^\W\d_]+", lambda m: _mask_label(m.group()), _mask_digits(value))


def _mask_url(value: str) -> str:
    m = re.match(r"(?i)((?:https?://)?)([^/?#\s]+)(.*)", value)
    scheme, host, rest = m.groups()
    labels = host.split(".")
    bare = host.lower().removeprefix("www.")
    if _host_in(bare, _PLATFORM_HOSTS):
        masked_host = host
    else:
        masked_host = ".".join(
            lbl if (i == len(labels) - 1 or lbl.lower() == "www" or _ALNUM.search(lbl) is None) else _mask_label(lbl)
            for i, lbl in enumerate(labels)
        )
    masked_rest = re.sub(r"[^\W_]+", lambda w: _mask_label(w.group()), rest)
    return scheme + masked_host + masked_rest


def _mask_name_word(m: re.Match) -> str:
    word = m.group()
    if len(word) == 1 or not (word[0].isupper() or word[0].islower()):
        return "*" * len(word)
    return _mask_label(word)


def _mask_value(kind: str, value: str) -> str:
    if kind == "email":
        return _mask_email(value)
    if kind == "phone":
        return _mask_phone(value)
    if kind == "name":  # initials, and names in scripts without case (李明), are masked whole
        return re.sub(r"[^\W\d_]+", _mask_name_word, value)
    if kind == "age_over_89":
        return _mask_date(value) if not re.search(r"\d", value) else _mask_digits(value)
    if kind == "date":
        return _mask_date(value)
    if kind == "url":
        return _mask_url(value)
    return _mask_keep(value)


# ============================================================================ shared pieces

_CI = re.IGNORECASE
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_MONTH_NUMBER = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                               "nov", "dec"], 1)}  # fmt: skip

# Spans that are citation furniture wherever they appear: nothing inside them is screened except IPs and emails.
# Each with a lower-case fragment the text must contain before the pattern is tried (a speed gate).
_DOI = re.compile(r"\b10\.\d{4,9}/[^\s\"<>]+")
_PROTECTED = [
    ("10.", _DOI),
    ("pmid", re.compile(r"\bPMID:?\s*\d{1,9}\b", _CI)),
    ("pmc", re.compile(r"\bPMC(?:ID)?:?\s*(?:PMC)?\d{4,9}\b", _CI)),
    ("isbn", re.compile(r"\bISBN(?:-1[03])?:?\s*(?:97[89][- ]?)?\d[\d -]{7,15}[\dX]\b", _CI)),
    ("97", re.compile(r"(?<![\d-])97[89]-\d{1,5}-\d{1,7}-\d{1,7}-[\dX]\b")),  # bare hyphenated ISBN-13
    ("issn", re.compile(r"\bISSN:?\s*\d{4}-?\d{3}[\dX]\b", _CI)),
    ("arxiv", re.compile(r"\barXiv:\s*\d{4}\.\d{4,5}(?:v\d+)?", _CI)),
    ("", re.compile(r"\b(?:NCT|ISRCTN|ACTRN|DRKS|ChiCTR|CTRI|EudraCT|PROSPERO|CRD)[\s:#-]*\d[\d/-]{4,}\b")),
    ("-", re.compile(r"\b(?:ORCID:?\s*)?\d{4}-\d{4}-\d{4}-\d{3}[\dX]\b")),  # ORCID iD
    ("-", re.compile(r"(?<![\w-])\d{1,5}-\d{1,7}-\d{1,7}-[\dX](?![\w-])")),  # bare ISBN-10, checked below
]
_ISBN10 = _PROTECTED[-1][1]


def _isbn10_ok(value: str) -> bool:
    chars = value.replace("-", "")
    if len(chars) != 10:
        return False
    digits = [10 if c == "X" else int(c) for c in chars]
    return sum((10 - i) * d for i, d in enumerate(digits)) % 11 == 0


_URL = re.compile(
    r"(?<![@\w.+-])(?:(?:https?://|www\.)[^\s<>\"“”‘’]+"
    r"|(?:[a-z0-9-]+\.)+(?:com|org|net|edu|gov|io|co|uk|au|nz|ie|ca|info|me|blog|app|tv|us|de|fr|ly|page|site)"
    r"/[^\s<>\"“”‘’]*)",
    _CI,
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
    "cdc.gov", "samhsa.gov", "nimh.nih.gov", "guilford.com", "routledge.com", "hogrefe.com",
}  # fmt: skip
# Platforms whose host name is not identifying on its own (masking keeps it; the path is what identifies).
_PLATFORM_HOSTS = {
    "facebook.com", "instagram.com", "twitter.com", "x.com", "linkedin.com", "tiktok.com", "youtube.com",
    "reddit.com", "substack.com", "medium.com", "tumblr.com", "gofundme.com", "pinterest.com", "threads.net",
    "bsky.app", "snapchat.com", "github.com", "wordpress.com", "blogspot.com",
}  # fmt: skip
_GOV_SUFFIXES = (".gov", ".int", ".mil", ".gov.uk", ".nhs.uk", ".gov.au", ".govt.nz", ".gc.ca", ".gov.ie", ".europa.eu")


def _host_in(host: str, hosts: set[str]) -> bool:
    return any(host == h or host.endswith("." + h) for h in hosts)


def _url_is_publication(url: str) -> bool:
    m = re.match(r"(?i)(?:https?://)?([^/?#:\s]+)(.*)", url)
    host, path = m.group(1).lower().rstrip("."), m.group(2)
    host = host.removeprefix("www.")
    if "~" in path:
        return False
    if host.endswith(("youtube.com", "youtu.be")):
        return path.startswith("/watch") or host == "youtu.be"
    if _host_in(host, _PUBLICATION_HOSTS) or host.endswith(_GOV_SUFFIXES):
        return True
    if host.endswith((".edu", ".ac.uk", ".edu.au", ".ac.nz")):
        return not re.search(r"/(?:people|users?|students?)/", path, _CI)
    return False


def _trim_url(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in ".,;:!?'\"”’":
        end -= 1
    while end > start and text[end - 1] in ")]" and text.count("(", start, end) < text.count(")", start, end):
        end -= 1
    return end


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _window_before(text: str, start: int, size: int = 48) -> str:
    """Text just before ``start`` within the same clause (cut at a newline, semicolon or sentence end)."""
    window = text[max(0, start - size) : start]
    cut = max(window.rfind("\n"), window.rfind(";"))
    for m in re.finditer(r"[a-z0-9\)][.!?]\s+(?=[A-Z])", window):
        cut = max(cut, m.end() - 1)
    return window[cut + 1 :]


# ============================================================================ detectors
# Each detector yields (kind, start, end, confidence, reason).

# ---------------------------------------------------------------- SSN

_SSN_LABEL = (
    r"(?:SSN|SS#|SS\s?No\.?|social\s+security(?:\s+(?:number|no\.?|#))?|soc\.?\s?sec\.?(?:\s+(?:no\.?|number|#))?)"
)
_SSN_LABELLED = re.compile(_SSN_LABEL + r"[\s:#=,(]*(?:is\s+|was\s+)?(\d{3}[- ]?\d{2}[- ]?\d{4})(?![\w-])", _CI)
_SSN_DASHED = re.compile(r"(?<![\w-])\d{3}-\d{2}-\d{4}(?![\w-])")
_SSN_SPACED = re.compile(r"(?<![\w-])\d{3} \d{2} \d{4}(?![\w-])")


def _ssn(text: str):
    for m in _SSN_LABELLED.finditer(text):
        yield "ssn", m.start(1), m.end(1), CONFIDENT, "labelled Social Security number"
    for m in _SSN_DASHED.finditer(text):
        yield "ssn", m.start(), m.end(), CONFIDENT, "###-##-#### pattern"
    for m in _SSN_SPACED.finditer(text):
        yield "ssn", m.start(), m.end(), BORDERLINE, "### ## #### pattern"


# ---------------------------------------------------------------- email

_EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}\b")
_TLD = r"(?:com|org|net|edu|gov|co|uk|au|nz|ie|ca|io|info|me|us|de|fr)"
_EMAIL_OBFUSCATED = re.compile(
    r"\b[A-Za-z0-9._-]{1,40}(?:\s+dot\s+[A-Za-z0-9_-]{1,40}){0,3}\s*(?:\[at\]|\(at\)|\{at\}|\s+at\s+)\s*"
    r"[A-Za-z0-9-]{1,40}(?:\s*(?:\[dot\]|\(dot\)|\{dot\}|\s+dot\s+)\s*[A-Za-z0-9-]{1,40}){0,3}"
    r"\s*(?:\[dot\]|\(dot\)|\{dot\}|\s+dot\s+)\s*" + _TLD + r"\b",
    _CI,
)


_EMAIL_SPOKEN_AT = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,40}\s*(?:\bAT\b|\[at\]|\(at\)|\{at\})\s*"
    r"[A-Za-z0-9-]{1,40}(?:\.[A-Za-z0-9-]{1,40}){0,3}\." + _TLD + r"\b",
)


def _email(text: str, citation: bool, words: set[str]):
    confidence = BORDERLINE if citation else CONFIDENT
    if "@" in text:
        for m in _EMAIL.finditer(text):
            yield "email", m.start(), m.end(), confidence, "email address"
    if "AT" in text or "[at]" in text or "(at)" in text or "{at}" in text:
        for m in _EMAIL_SPOKEN_AT.finditer(text):
            yield "email", m.start(), m.end(), BORDERLINE, "spelled-out email address"
    if "dot" not in words:
        return
    for m in _EMAIL_OBFUSCATED.finditer(text):
        yield "email", m.start(), m.end(), BORDERLINE, "spelled-out email address"


# ---------------------------------------------------------------- IP addresses

_IPV4 = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?!\w|\.\d)")
_IPV6 = re.compile(r"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])")
_NOT_IP_BEFORE = re.compile(r"(?i)(?:version|ver\.|v|§|section|chapter|table|figure|fig\.|item|step)\s*$")


def _ip(text: str):
    for m in _IPV4.finditer(text):
        try:
            addr = ipaddress.IPv4Address(m.group())
        except ValueError:
            continue
        if addr.is_loopback or addr.is_unspecified or m.group().startswith("255."):
            continue
        if _NOT_IP_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        yield "ip", m.start(), m.end(), CONFIDENT, "IPv4 address"
    for m in _IPV6.finditer(text) if text.count(":") >= 2 else ():
        value = m.group()
        if len([g for g in value.split(":") if g]) < 3:
            continue
        try:
            addr = ipaddress.IPv6Address(value)
        except ValueError:
            continue
        if addr.is_loopback or addr.is_unspecified:
            continue
        yield "ip", m.start(), m.end(), CONFIDENT, "IPv6 address"


# ---------------------------------------------------------------- labelled record numbers

_RECORD_LABEL = (
    r"(?:MRN|medical\s+record(?:\s+(?:number|no\.?|#))?|med(?:ical)?\.?\s+rec(?:ord)?\.?\s*(?:no\.?|#)"
    r"|chart\s+(?:number|no\.?|#)|patient\s+(?:id|number|no\.?|#)|hospital\s+(?:number|no\.?|id)"
    r"|member(?:ship)?\s+(?:id|number|no\.?|#)|subscriber\s+(?:id|number|no\.?|#)"
    r"|(?:health[- ]plan\s+)?beneficiary\s+(?:id|number|no\.?|#)|health[- ]plan\s+(?:id|number|no\.?|#)"
    r"|policy\s+(?:number|no\.?|#|id)|group\s+(?:number|no\.?|#)|account\s+(?:number|no\.?|#)|acct\.?\s*(?:no\.?|#)"
    r"|claim\s+(?:number|no\.?|#|id)|insurance\s+(?:id|number|no\.?|#)|medicaid(?:\s+(?:id|number|no\.?|#))?"
    r"|medicare(?:\s+(?:id|number|no\.?|#))?|NHS\s+(?:number|no\.?|#)|CHI\s+(?:number|no\.?)"
    r"|(?:GMC|NMC|HCPC|AHPRA|professional)\s+(?:registration\s+)?(?:number|no\.?|#)"
    r"|(?:driver['’]?s\s+|driving\s+|nursing\s+|medical\s+|professional\s+)?licen[cs]e\s+(?:number|no\.?|#)"
    r"|DEA(?:\s+(?:number|no\.?|#|registration))?|NPI(?:\s+(?:number|no\.?|#))?"
    r"|unit\s+record\s+(?:number|no\.?|#)|(?-i:URN?)(?:\s+(?:number|no\.?|#))?)"
)
# Case and reference labels: identifiers in a note, but also how reports are cited, so not screened in citations.
_CASE_LABEL = r"(?:case\s+(?:number|no\.?|#|ref(?:erence)?|id)|ref(?:erence)?(?:\s+(?:number|no\.?|#))?\s*:)"
_RECORD_VALUE = r"(?:[A-Z]{1,4}[- ]?)?[A-Z0-9]{1,24}(?:[-/.][A-Z0-9]{1,12}){0,4}(?: \d{2,6}(?!\w)){0,3}"
_RECORD = re.compile(
    r"(?i:\b" + _RECORD_LABEL + r")(?:\s*(?:is|was|:|#|=|-|\.)\s*|\s+)(?P<value>" + _RECORD_VALUE + r")(?![\w])"
)
_CASE_RECORD = re.compile(
    r"(?i:\b" + _CASE_LABEL + r")(?:\s*(?:is|was|:|#|=|-|\.)\s*|\s+)(?P<value>" + _RECORD_VALUE + r")(?![\w])"
)
_YEAR = re.compile(r"(?:19|20)\d\d")


def _record(text: str, citation: bool = False):
    for m in _RECORD.finditer(text) if citation else (*_RECORD.finditer(text), *_CASE_RECORD.finditer(text)):
        value = m.group("value")
        if sum(ch.isdigit() for ch in value) < 4 or _YEAR.fullmatch(value):
            continue
        yield "record_number", m.start("value"), m.end("value"), CONFIDENT, "labelled record number"


_WEAK_REASON = "unlabelled long number"
_LONG_DIGITS = re.compile(r"(?<![\w.,/-])\d{7,}(?![\w,]|[./-]\d)")
_GROUPED_DIGITS = re.compile(r"(?<![\w.,/-])\d{2,}(?:-\d{2,}){2,}(?![\w-]|[./]\d)")


# Numbers that identify organisations, grants or publications, not people.
_ORG_NUMBER_BEFORE = re.compile(
    r"(?i)\b(?:charity|company|companies\s+house|registered|vat|abn|acn|ein|grant|award|contract|isrctn|report"
    r"|article|record|accession|issn|isbn|edition)\b[\s.:#-]*(?:no\.?|number|#|id)?[\s.:#-]*$"
)


def _long_digits(text: str):
    for pattern in (_LONG_DIGITS, _GROUPED_DIGITS):
        for m in pattern.finditer(text):
            value = m.group()
            if _ORG_NUMBER_BEFORE.search(text[max(0, m.start() - 32) : m.start()]):
                continue
            if sum(ch.isdigit() for ch in value) < (7 if pattern is _LONG_DIGITS else 8):
                continue
            if _date_shape(value):
                continue
            yield "record_number", m.start(), m.end(), BORDERLINE, _WEAK_REASON


def _date_shape(value: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d\d-\d\d-\d\d|\d\d-\d\d-(?:19|20)\d\d|(?:19|20)\d\d-(?:19|20)\d\d", value))


# ---------------------------------------------------------------- phone and fax numbers

_PHONE_CANDIDATE = re.compile(r"(?<![\w+/.:-])(\+?\(?\d[\d \t().-]{5,20}\d)(?![\w/]|[-.]\d)")
_PHONE_LABEL = re.compile(
    r"(?i)\b(?:phone|telephone|tel|mobile|mob|cell|cellphone|fax|landline|call(?:ed)?|ring|text|voicemail|whatsapp"
    r"|contact\s+number|number\s+is|number|reach\s+(?:her|him|them|me|the\s+client)\s+(?:at|on))\b[\s:.#]*(?:is\s+)?"
    r"(?:on\s+|at\s+)?$"
)


def _parse_phone(value: str):
    digits = re.sub(r"\D", "", value)
    tries: list[str | None] = []
    if value.lstrip().startswith("+"):
        tries = [None]
    elif digits.startswith("0"):
        tries = list(_TRUNK_ZERO_REGIONS)
    elif (len(digits) == 11 and digits.startswith("1")) or len(digits) == 10:
        tries = list(_NANP_REGIONS)
    for region in tries:
        try:
            number = phonenumbers.parse(value, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return number
    return None


def _phone(text: str):
    for m in _PHONE_CANDIDATE.finditer(text):
        start, end = m.span(1)
        value = m.group(1)
        while value and (value[-1] in ".-( " or (value.count("(") < value.count(")") and value.endswith(")"))):
            value, end = value[:-1], end - 1
        if value.startswith("(") and ")" not in value:
            value, start = value[1:], start + 1
        digits = re.sub(r"\D", "", value)
        if not 7 <= len(digits) <= 15:
            continue
        # Dots only as the sole separator between 2-4 digit groups (617.555.0123); otherwise a decimal or a version.
        dotted = "." in value and not re.fullmatch(r"\+?\(?\d{1,4}\)?(?:\.\d{2,4}){2,4}", value)
        zip_plus_4 = re.fullmatch(r"\d{5}-\d{4}", value)
        if _SSN_DASHED.fullmatch(value) or _date_shape(value) or dotted or zip_plus_4:
            continue
        has_separator = bool(re.search(r"[\s().-]", value)) or value.startswith("+")
        labelled = bool(_PHONE_LABEL.search(text[max(0, start - 40) : start]))
        number = _parse_phone(value) if (has_separator or labelled or digits.startswith("0")) else None
        if number is not None:
            region = phonenumbers.region_code_for_number(number) or "international"
            yield "phone", start, end, CONFIDENT, f"valid phone number ({region})"
        elif labelled:
            yield "phone", start, end, BORDERLINE, "labelled number that does not validate"


# ---------------------------------------------------------------- VINs and licence plates

_VIN = re.compile(r"(?<![\w-])[A-HJ-NPR-Z0-9]{17}(?![\w-])")
_VIN_LABEL = re.compile(r"(?i)\b(?:VIN|vehicle\s+identification\s+(?:number|no\.?)|chassis\s+(?:number|no\.?))\W*$")
_VIN_VALUES = {**{str(i): i for i in range(10)}, **dict(zip("ABCDEFGH", range(1, 9))),
               **dict(zip("JKLMN", range(1, 6))), "P": 7, "R": 9, **dict(zip("STUVWXYZ", range(2, 10)))}  # fmt: skip
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def _vin_check_digit_ok(vin: str) -> bool:
    total = sum(_VIN_VALUES[c] * w for c, w in zip(vin, _VIN_WEIGHTS))
    check = total % 11
    return vin[8] == ("X" if check == 10 else str(check))


_PLATE = re.compile(
    r"(?i:\b(?:licen[cs]e\s+plate(?:\s+(?:number|no\.?))?|number\s+plate|registration\s+plate"
    r"|plates?(?:\s+(?:number|no\.?))?"
    r"|reg(?:istration)?\.?(?:\s+(?:no\.?|number|mark))?|tag\s+number|vehicle\s+registration))"
    r"[\s:#=,(-]*(?:is\s+|was\s+)?['‘\"“]?(?P<value>[A-Z0-9]{1,4}(?:[ -]?[A-Z0-9]{1,4}){1,3})(?![\w-])"
)


def _vehicle(text: str, words: set[str]):
    for m in _VIN.finditer(text):
        value = m.group()
        if sum(c.isdigit() for c in value) < 3 or sum(c.isalpha() for c in value) < 2:
            continue
        labelled = bool(_VIN_LABEL.search(text[max(0, m.start() - 40) : m.start()]))
        if _vin_check_digit_ok(value) or labelled:
            yield "vehicle", m.start(), m.end(), CONFIDENT, "VIN"
        else:
            yield "vehicle", m.start(), m.end(), BORDERLINE, "VIN-shaped code"
    for m in _PLATE.finditer(text) if words & {"plate", "plates", "reg", "registration", "tag"} else ():
        value = m.group("value")
        if len(re.sub(r"[ -]", "", value)) < 4 or not re.search(r"\d", value) or _YEAR.fullmatch(value):
            continue
        yield "vehicle", m.start("value"), m.end("value"), BORDERLINE, "labelled licence plate"


# ---------------------------------------------------------------- device identifiers

_DEVICE = re.compile(
    r"(?:(?i:\bserial(?:\s+(?:number|no\.?|#))?|\bdevice\s+(?:id|serial|number|no\.?)|\bIMEI|\bMEID|\bUDI)"
    r"|\bS/N|\bSN)"
    r"[\s:#=,(]*(?:is\s+|was\s+)?(?P<value>#?[A-Z0-9]{1,30}(?:[-/.][A-Z0-9]{1,30}){0,5}(?: \d{1,8}(?![\w-])){0,4})"
    r"(?![\w-])"
)


def _device(text: str):
    for m in _DEVICE.finditer(text):
        value = m.group("value")
        start = m.start("value") + (1 if value.startswith("#") else 0)
        if sum(c.isdigit() for c in value) < 3:
            continue
        yield "device", start, m.end("value"), BORDERLINE, "labelled device identifier"


# ---------------------------------------------------------------- street addresses

_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_LOW = "a-zß-öø-ÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįıĳĵķĺļľŀłńņňŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżž"
_CAPWORD = rf"(?:(?:Mc|Mac|O['’])?[{_UP}][{_LOW}'’]+(?:-[{_UP}]?[{_LOW}]+)*)"
_ORDINAL = r"(?:\d{1,3}(?:st|nd|rd|th))"
_SUFFIX = (
    r"(?:Street|St|Avenue|Ave|Av|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Place|Pl|Terrace|Tce|Way|Close"
    r"|Crescent|Cres|Grove|Gardens|Gdns|Parade|Pde|Highway|Hwy|Square|Sq|Circle|Cir|Parkway|Pkwy|Trail|Row|Mews"
    r"|Walk|Rise|Alley|Loop|Pike|Esplanade|Quay|Wharf|Promenade|Plaza|Terr)"
)
_UNIT = r"(?:,?\s+(?:Apt|Apartment|Unit|Suite|Ste|Flat|Fl|Floor|Rm|Room|#)\.?\s*#?[A-Za-z0-9-]{1,6}\b)"
_ADDRESS = re.compile(
    rf"(?:(?:Flat|Apt|Apartment|Unit|Suite)\s*\d+[A-Za-z]?,?\s+)?(?<![\w.,/-])(?:\d{{1,4}}[A-Za-z]?/)?\d{{1,5}}[A-Za-z]?"
    rf"(?:-\d{{1,5}})?"
    rf"\s+(?:(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?\s+)?(?:(?:{_CAPWORD}|{_ORDINAL})\s+){{1,3}}"
    rf"{_SUFFIX}\b\.?{_UNIT}?"
)
_ADDRESS_LOWER = re.compile(
    r"(?i:\b(?:at|on|to|from|in|lives|living|address|visit)\s+)(?P<addr>\d{1,5}[a-z]?\s+(?:[a-z]{3,}\s+){1,2}"
    r"(?:street|avenue|road|drive|lane|boulevard|crescent|terrace|court|close|grove|way)\b)"
)
_ADDRESS_LOWER_STOP = {"the", "a", "an", "my", "her", "his", "their", "our", "your", "this", "that", "per", "of",
                       "and", "or", "to", "in", "on", "at", "for", "with", "down", "up", "minute", "minutes", "mile",
                       "miles", "block", "blocks", "step", "steps", "hour", "hours", "day", "days", "week", "weeks",
                       "long", "short", "hard", "mile", "times", "more", "other", "km", "metres", "meters"}  # fmt: skip
_ADDRESS_PREFIXED = re.compile(
    rf"(?<![\w.,/-])\d{{1,5}}[a-z]?,?\s+(?:Rue|Avenue|Boulevard|Calle|Avenida|Via|Viale|Rua|Chemin|Allée|Plaza|Piazza)"
    rf"\s+(?:(?:de|del|des|du|la|le|da|das|do|dos|di|della|von|van|der|den|y)\s+)*{_CAPWORD}(?:\s+{_CAPWORD})?"
)
_ADDRESS_GERMANIC = re.compile(
    rf"\b[{_UP}][{_LOW}]+(?:straße|strasse|str\.|weg|gasse|platz|allee|laan|straat|gade|vej|vägen|gatan|veien)"
    rf"\s+\d{{1,4}}[a-z]?\b"
)
_PO_BOX = re.compile(r"\b(?:P\.?\s?O\.?|Post\s+Office)\s+Box\s+\d{1,6}\b", _CI)


_SUFFIX_WORDS = set(_SUFFIX.strip("(?:)").lower().split("|"))
_PREFIX_WORDS = {"rue", "avenue", "boulevard", "calle", "avenida", "via", "viale", "rua", "chemin", "allée", "plaza",
                 "piazza"}  # fmt: skip
_GERMANIC_FRAGMENTS = ("stra", "weg", "gasse", "platz", "allee", "laan", "gade", "vej", "vägen", "gatan", "veien")


def _address(text: str, low: str, words: set[str]):
    patterns = []
    if words & _SUFFIX_WORDS:
        patterns.append(_ADDRESS)
    if words & _PREFIX_WORDS:
        patterns.append(_ADDRESS_PREFIXED)
    if any(f in low for f in _GERMANIC_FRAGMENTS):
        patterns.append(_ADDRESS_GERMANIC)
    if "box" in words:
        patterns.append(_PO_BOX)
    for pattern in patterns:
        for m in pattern.finditer(text):
            yield "address", m.start(), m.end(), CONFIDENT, "street address"
    for m in _ADDRESS_LOWER.finditer(text) if words & _SUFFIX_WORDS else ():
        words = m.group("addr").split()[1:-1]
        if any(w.lower() in _ADDRESS_LOWER_STOP for w in words):
            continue
        yield "address", m.start("addr"), m.end("addr"), BORDERLINE, "lower-case street address"


# ---------------------------------------------------------------- ZIP codes and postcodes

_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK"
    "|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR|GU|VI"
)
_STATE_NAMES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois"
    "|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri"
    "|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio"
    "|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia"
    "|Washington|West Virginia|Wisconsin|Wyoming|Puerto Rico"
)
_US_ZIP = re.compile(rf"\b(?:{_STATES}|{_STATE_NAMES})\.?,?\s+(?P<zip>\d{{5}}(?:-\d{{4}})?)(?![\w-])")
_UK_POSTCODE = r"(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?|GIR) ?\d[ABD-HJLNP-UW-Z]{2}"
_CA_POSTCODE = r"[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d"
_EIRCODE = r"(?:[AC-FHKNPRTV-Y]\d{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}"
_ZIP_LABELLED = re.compile(
    r"(?i:\b(?:zip(?:\s*code)?(?:\s*/\s*post\s*code)?|post\s*code|postal\s+code|zip/postcode|eircode))\s*[:#]?\s*"
    rf"(?:is\s+)?(?P<zip>\d{{5}}(?:-\d{{4}})?|{_UK_POSTCODE}|{_CA_POSTCODE}|{_EIRCODE}|\d{{4}})(?![\w-])"
)
_UK_ZIP = re.compile(r"(?<![\w-])(?P<zip>(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?|GIR) \d[ABD-HJLNP-UW-Z]{2})(?![\w-])")
_CA_ZIP = re.compile(rf"(?<![\w-])(?P<zip>{_CA_POSTCODE})(?![\w-])")
_IE_ZIP = re.compile(rf"(?<![\w-])(?P<zip>{_EIRCODE})(?![\w-])")
_AU_ZIP = re.compile(r"\b(?P<state>NSW|VIC|QLD|TAS|NT|SA|WA|ACT)\s+(?P<zip>\d{4})(?![\w-])")


_FIVE_DIGITS = re.compile(r"\d{5}")


def _zip(text: str, words: set[str]):
    patterns = [_UK_ZIP, _CA_ZIP]
    if _FIVE_DIGITS.search(text):
        patterns.append(_US_ZIP)
    if words & {"zip", "postcode", "post", "postal", "eircode"}:
        patterns.append(_ZIP_LABELLED)
    for pattern in patterns:
        for m in pattern.finditer(text):
            yield "zip", m.start("zip"), m.end("zip"), BORDERLINE, "postal code"
    for m in _IE_ZIP.finditer(text):
        if re.search(r"[A-Z]", m.group("zip")[3:]) and re.search(r"\d", m.group("zip")[3:]):  # not "F32 2019"
            yield "zip", m.start("zip"), m.end("zip"), BORDERLINE, "postal code"
    for m in _AU_ZIP.finditer(text) if words & {"nsw", "vic", "qld", "tas", "nt", "sa", "wa", "act"} else ():
        if m.group("state") in {"SA", "WA", "ACT"} and _YEAR.fullmatch(m.group("zip")):
            continue
        yield "zip", m.start("zip"), m.end("zip"), BORDERLINE, "postal code"


# ---------------------------------------------------------------- dates

_ORD = r"(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_DATE_PATTERNS = [
    # March 14, 2021 / Mar. 14th 2021
    (re.compile(rf"\b{_WEEKDAY}(?P<m>{_MONTH})\.?\s+(?P<d>\d{{1,2}}){_ORD},?\s+(?P<y>\d{{4}})\b"), True),
    # 14 March 2021 / 4th of July 2020
    (
        re.compile(rf"\b{_WEEKDAY}(?P<d>\d{{1,2}}){_ORD}(?:\s+of)?[\s/-]+(?P<m>{_MONTH})\.?[\s,/-]+(?P<y>\d{{4}})\b"),
        True,
    ),
    # 2021-03-14, 2021/03/14
    (
        re.compile(
            r"(?<![\w./=<>~-])(?P<y>(?:19|20)\d\d)(?P<s>[-/.])(?P<a>\d{1,2})(?P=s)(?P<b>\d{1,2})(?![\w/-]|\.\d)"
        ),
        True,
    ),
    # 3/14/2021, 14.03.2021, 14-03-2021, 3/14/21
    (
        re.compile(
            r"(?<![\w./=<>~-])(?P<a>\d{1,2})(?P<s>[/.-])(?P<b>\d{1,2})(?P=s)(?P<y>(?:19|20)\d\d|(?<=/)\d\d)(?![\w/-]|\.\d)"
        ),
        True,
    ),
    # 17 May / March 3rd (no year)
    (re.compile(rf"\b(?P<d>\d{{1,2}}){_ORD}(?:\s+of)?\s+(?P<m>{_MONTH})\b\.?(?!\s*,?\s*\d)"), False),
    (re.compile(rf"\b(?P<m>{_MONTH})\.?\s+(?P<d>\d{{1,2}}){_ORD}\b(?!\s*,?\s*\d|\s*[-–]\s*\d|:|\.\d)"), False),
]
_MONTH_YEAR = re.compile(rf"\b(?P<m>{_MONTH})\.?\s+(?P<y>(?:19|20)\d\d)\b")
_DATE_PERSON = re.compile(
    r"(?i)(?:\bDOB|\bD\.O\.B\.?|\bdate\s+of\s+(?:birth|death|admission|discharge|service|injury)|\bborn|\bbirthday"
    r"|\badmitted|\badmission|\badmit\s+date|\bdischarged?|\bdied|\bdeath|\bdeceased|\bpassed\s+away"
    r"|\bseen|\bvisit(?:ed)?|\bappointment|\bappt\.?|\bhospitali[sz](?:ed|ation)|\bintake|\bfollow-up|\bdiagnosed"
    r"|\bsurgery|\bfuneral|\bDOS|\boverdose|\bsuicide\s+attempt|\battempted|\barrested|\bmarried|\bdivorced"
    r"|\bgave\s+birth|\blast\s+seen|\breferred|\bcame\s+in)\b[^.;\n]*$"
)
_DATE_PERSON_AFTER = re.compile(r"(?i)^\s*\(?(?:DOB|D\.O\.B\.?|date\s+of\s+birth|born)\b")
_DATE_PUBLICATION = re.compile(
    r"(?i)\b(?:published|updated|released|retrieved|accessed|revised|issued|posted|version|guideline|approved"
    r"|effective|amended|copyright|conference|edition|volume|vol\.|launched|founded|established|introduced"
    r"|enacted|opened|signed|came\s+into\s+force|generated|created|modified|timestamp)\b[^.;\n]*$"
)


def _valid_day_month(day: int, month: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= 31


_MONTH_WORDS = {"jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul",
                "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec",
                "december"}  # fmt: skip
_NUMERIC_DATE_GATE = re.compile(r"\d[/.-]\d{1,2}[/.-]\d")


def _date(text: str, words: set[str]):
    named_month = bool(words & _MONTH_WORDS)
    numeric = named_month or _NUMERIC_DATE_GATE.search(text) is not None
    for pattern, has_year in _DATE_PATTERNS:
        if not (named_month if "?P<m>" in pattern.pattern else numeric):
            continue
        for m in pattern.finditer(text):
            groups = m.groupdict()
            if groups.get("m"):
                month = _MONTH_NUMBER[groups["m"][:3].lower()]
                if not _valid_day_month(int(groups["d"]), month):
                    continue
                if not has_year and groups["m"] == "May":  # the modal verb: "by session 10 May help"
                    after = text[m.end() : m.end() + 2]
                    if re.match(r"\s[a-z]", after):
                        continue
            elif "a" in groups:
                a, b = int(groups["a"]), int(groups["b"])
                if pattern is _DATE_PATTERNS[2][0]:
                    ok = _valid_day_month(b, a)
                else:
                    ok = _valid_day_month(b, a) or _valid_day_month(a, b)
                if not ok:
                    continue
            before = _window_before(text, m.start())
            if _DATE_PUBLICATION.search(before):
                continue
            tied = bool(_DATE_PERSON.search(before) or _DATE_PERSON_AFTER.match(text[m.end() : m.end() + 16]))
            yield (
                "date",
                m.start(),
                m.end(),
                CONFIDENT if tied else BORDERLINE,
                ("date tied to a person" if tied else "day-level date"),
            )
    for m in _MONTH_YEAR.finditer(text) if named_month else ():
        before = _window_before(text, m.start())
        if _DATE_PERSON.search(before) and not _DATE_PUBLICATION.search(before):
            yield "date", m.start(), m.end(), BORDERLINE, "month and year tied to a person"


# ---------------------------------------------------------------- ages over 89

_AGE_NUM = r"(?:9\d|1[01]\d)"
_AGE_WORD = (
    r"(?:ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one\s+hundred(?:\s+and\s+\w+)?"
    r"|a\s+hundred)"
)
_NOT_POPULATION = r"(?!\s*(?:\+|and\s+(?:over|older|above|up)|or\s+(?:over|older|more|above)|[-–]\s*\d|to\s+\d))"
_AGE_PATTERNS = [
    (re.compile(rf"(?i)\b(?:{_AGE_NUM}|{_AGE_WORD})[- ]?(?:years?|yrs?|y)[- ]?old\b(?!s)"), CONFIDENT),
    (
        re.compile(
            r"(?i)(?<!mean\s)(?<!median\s)(?<!average\s)\b(?:aged|age|ages)(?:\s+(?:at|on)\s+[a-z]+)?\s*[:=]?\s*"
            rf"{_AGE_NUM}\b(?![.,]\d){_NOT_POPULATION}"
        ),
        CONFIDENT,
    ),
    (re.compile(rf"(?i)\b{_AGE_NUM}(?:st|nd|rd|th)\s+birthday\b"), CONFIDENT),
    (re.compile(rf"(?i)\b{_AGE_NUM}\s*(?:yo|y/o|y\.o\.?|yrs?\s+old|y\.?\s?o\.)(?!\w)"), CONFIDENT),
    (re.compile(rf"(?i)\b(?:turned|turns|turning|is\s+now|celebrated\s+(?:her|his|their))\s+{_AGE_NUM}\b"), CONFIDENT),
    (
        re.compile(
            rf"\bAt\s+{_AGE_NUM},\s+(?:he|she|they|the\s+(?:client|patient)|my\s+(?:client|patient)|[A-Z][a-z]+\s)"
        ),
        CONFIDENT,
    ),
    (
        re.compile(rf"(?i)\b(?:is|was|aged|age|turned|turns|now)\s+{_AGE_WORD}\b(?![- ](?:years?|percent|per))"),
        CONFIDENT,
    ),
    (
        re.compile(
            rf"(?i)\b(?:patient|client|pt|resident|man|woman|female|male|widow|widower|veteran|gentleman|lady)"
            rf"\s*,\s*{_AGE_NUM}\s*(?=,|;|\s+(?:yo|y/o|years?|yrs?)\b)"
        ),
        CONFIDENT,
    ),
    (
        re.compile(
            r"(?i)\bin\s+(?:his|her|their|my)\s+(?:early\s+|mid[- ]|late\s+)?(?:nineties|90s|90's|hundreds)\b"
            r"|\b(?:nonagenarian|centenarian)\b"
        ),
        BORDERLINE,
    ),
]


def _age(text: str):
    for pattern, confidence in _AGE_PATTERNS:
        for m in pattern.finditer(text):
            yield "age_over_89", m.start(), m.end(), confidence, "age over 89"


# ---------------------------------------------------------------- personal URLs


def _url(text: str):
    for m in _URL.finditer(text):
        end = _trim_url(text, m.start(), m.end())
        if _url_is_publication(text[m.start() : end]):
            continue
        yield "url", m.start(), end, BORDERLINE, "URL that is not a publication or organisation"


# ---------------------------------------------------------------- personal names in a clinical context

# Scripts without letter case (CJK, kana, Hangul, Arabic, Hebrew, Devanagari, Thai): any word can be a name.
_CASELESS = "\u0590-\u05ff\u0600-\u06ff\u0900-\u097f\u0e00-\u0e7f\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af"
_NAME_UP = _UP + "Α-ΩА-ЯЁ"  # plus Greek and Cyrillic capitals
_W = rf"(?<![\w-])(?<!\w['’])(?:[{_NAME_UP}][^\W\d_'’]*(?:['’-][^\W\d_]+)*|[{_CASELESS}]{{1,12}})"
_NAME_SEQ = rf"(?P<name>{_W}(?:[ \t]+{_W}){{0,2}})"
_ROLE = (
    r"client|clients|patient|patients|pt|son|sons|daughter|daughters|mother|mum|mom|father|dad|husband|wife|partner"
    r"|spouse|fianc[eé]e?|boyfriend|girlfriend|brother|sister|sibling|grandmother|grandfather|grandma|grandpa|nana"
    r"|granddaughter|grandson|grandchild|aunt|uncle|niece|nephew|cousin|child|baby|toddler|teen|teenager"
    r"|adolescent|boy|girl|man|woman|lady|gentleman|guy|kid|stepson|stepdaughter|stepmother|stepfather|carer"
    r"|caregiver|friend|neighbou?r|colleague|flatmate|roommate|widow|widower|veteran|resident|student|mokopuna"
    r"|tamariki|whānau|ex|ex-husband|ex-wife|ex-partner"
)
_HONORIFIC = r"(?:Mr|Mrs|Ms|Miss|Mx|Mister|Mme|Mlle|Sra|Herr|Frau)"
_NAME_PATTERNS = [
    ("honorific", re.compile(rf"\b{_HONORIFIC}\.?[ \t]+{_NAME_SEQ}")),
    (
        "role",
        re.compile(
            rf"\b(?:{_ROLE})(?:['’]s)?(?:[ \t]+of[ \t]+(?:mine|ours))?"
            r"(?:[ \t]*,[ \t]*|[ \t]+(?:(?i:named|called|known\s+as|nicknamed|aka)[ \t]+)?)" + _NAME_SEQ
        ),
    ),
    (
        "role-start",
        re.compile(rf"(?:^|(?<=[.!?:;\n])[ \t]*|(?<=[.!?][\"”’)])[ \t]*)(?:Client|Patient|Pt)\.?[ \t]+{_NAME_SEQ}"),
    ),
    (
        "initials",
        re.compile(
            rf"(?:\b(?:{_ROLE})|(?:^|(?<=[.!?:;\n]))[ \t]*(?:Client|Patient|Pt)|\b{_HONORIFIC}\.?)[ \t]+"
            r"(?P<name>[A-Z]\.[ \t]?[A-Z]\.(?:[ \t]?[A-Z]\.)?)"
        ),
    ),
    (
        "named",
        re.compile(
            r"(?i:\b(?:named|called|known\s+as|nicknamed|goes\s+by|(?:whose\s+)?(?:first\s+)?name\s+(?:is|was)))"
            rf"[ \t]+['‘\"“]?{_NAME_SEQ}"
        ),
    ),
    (
        "label",
        re.compile(
            r"(?:^|(?<=\n))[ \t]*(?:[-*•][ \t]*)?(?i:(?:full\s+|first\s+|last\s+|patient\s+|client\s+)?name|patient"
            rf"|client|pt)[ \t]*:[ \t]*{_NAME_SEQ}"
        ),
    ),
    (
        "pseudonym",
        re.compile(
            r"(?i:\b(?:I(?:['’]ll|\s+will)?|we(?:['’]ll|\s+will)?|let['’]s)\s+call(?:\s+(?:him|her|them))?)\s+"
            r"['‘\"“]?" + _NAME_SEQ
        ),  # fmt: skip
    ),
    ("dear", re.compile(rf"(?:^|(?<=[\n.!?\"“]))[ \t]*Dear[ \t]+{_NAME_SEQ}[ \t]*,")),
    (
        "possessive",
        re.compile(
            rf"{_NAME_SEQ}['’]s[ \t]+(?:(?:{_ROLE})\b|therapist|psychiatrist|psychologist|counsel+or|GP|doctor"
            r"|diagnosis|symptoms|sessions?|treatment|intake|discharge|depression|anxiety|panic|self-criticism"
            r"|shame|journal|letter|inner\s+critic|case|file|chart|notes|medication|relapse|blog|email|phone"
            r"|address|pacemaker|insulin|car|van|house|home|flat|apartment|family|funeral|birthday|grief|recovery)\b"
        ),
    ),
    (
        "age",
        re.compile(
            rf"{_NAME_SEQ}(?:,[ \t]+(?:a|an)[ \t]+\d{{1,2}}[- ]year[- ]old|[ \t]*\((?:age[ \t]*)?\d{{1,2}}\)"
            r"|,[ \t]+\d{1,2},[ \t])"
        ),
    ),
    (
        "verb",
        re.compile(
            _NAME_SEQ
            + r"(?:[ \t]+(?:\w+ly|kept|has|had|was|is|then|finally|later|also|still|often|never|again))?[ \t]+"
            r"(?:presented|presents|disclosed|discloses|endorsed|denied|relapsed|self-harmed|overdosed"
            r"|(?:was|is|got)[ \t]+(?:admitted|discharged|referred|diagnosed|hospitali[sz]ed|sectioned)"
            r"|attended|attends|missed|cancel+ed|no-showed|cried|wept|sobbed|panicked|apologi[sz](?:ed|ing|es)"
            r"|kept[ \t]+[a-z]+ing"
            r"|practi[sc]ed|practi[sc]es|journaled|journalled|told[ \t]+(?:me|us)|asked[ \t]+(?:me|us)"
            r"|said[ \t]+(?:she|he|they|that)|came[ \t]+in|dropped[ \t]+out|refused|declined|struggled|struggles"
            r"|complained|reported[ \t]+(?:feeling|that|a|her|his|their)|felt|feels|wrote|writes|confided)\b"
        ),
    ),
    (
        "object",
        re.compile(
            r"(?:\b(?:I|we)[ \t]+(?:saw|see|treated|treat|met)"
            r"|(?:^|(?<=[.!?:;\n]))[ \t]*(?:Seeing|Treating|Working[ \t]+with|Helping|Supporting|Contact|Call|Ring|Text"
            r"|Email|Phone|Ask|Tell|Remind|Invite|Encourage)"
            r"|\b(?:seeing|treating|working[ \t]+with|worked[ \t]+with"
            r"|work[ \t]+with|sessions?[ \t]+with|ask|asked|tell|told|help|helping|helped|encourage|encouraged|invite"
            r"|invited|refer|referred|support|supporting|supported"
            r"|reminded|guided|discussed|contact|contacted|call|called|phone|email|text|ring|visit|visited))"
            rf"[ \t]+{_NAME_SEQ}"
        ),
    ),
    (
        "apposition",
        re.compile(
            rf"{_NAME_SEQ}(?:[ \t]*\(|,[ \t]+)(?:my|our|a|the)[ \t]+(?:former[ \t]+|current[ \t]+)?"
            r"(?:client|patient|service[ \t]+user)\b"
        ),
    ),
    ("who", re.compile(rf"{_NAME_SEQ},[ \t]+who(?:m)?[ \t]+(?:I|we)[ \t]+(?:saw|see|treated|treat|work|worked)\b")),
]
# For patterns that end in their context, a quick search for that ending: the full pattern then only runs just
# before each hit, not from every capitalised word in the text (speed only; the matches are the same).
_NAME_TRIGGERS = {
    "initials": (re.compile(r"[A-Z]\.[ \t]?[A-Z]\."), 40),
    "possessive": (re.compile(r"['’]s[ \t]+[a-zA-Z]"), 90),
    "age": (re.compile(r"year[- ]old|\([ \t]*(?:age[ \t]*)?\d{1,2}\)|,[ \t]+\d{1,2},"), 90),
    "who": (re.compile(r",[ \t]+whom?[ \t]"), 90),
    "apposition": (
        re.compile(r"(?:\(|,[ \t]+)(?:my|our|a|the)[ \t]+(?:former[ \t]+|current[ \t]+)?(?:client|patient|service)"),
        90,
    ),
}
# Patterns that do not themselves say "this is a person in care": skip names cited as authors in the text.
_WEAK_NAME_CONTEXTS = {"named", "possessive", "verb", "object", "who", "age", "apposition"}

_NAME_STOP = set(
    """
    I A An The This That These Those He She They We You It His Her Their Our My Your Its Me Him Them Us
    In On At For With And But Or If When While After Before During Since Because Although Though Then So Yes No Not
    All Some Many Most Each Every Both Either Neither One Two Three Four Five Six Seven Eight Nine Ten First Second
    Third Last Next Other Another Such What Which Who Whom Whose Where Why How There Here Today Yesterday Tomorrow
    Tonight Everyone Someone Nobody Everybody Anyone Somebody Anybody Nothing Something Everything Anything
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
    September October November December Christmas Easter Ramadan Diwali Eid Hanukkah Passover Thanksgiving
    Self Self-Compassion Self-Compassion Compassion Compassionate Mindful Mindfulness Break Scale Therapy Therapies
    Focused Health Questionnaire Inventory Depression Anxiety Program Programme Course Training Teacher Group
    Session Sessions Week Weeks Day Days Month Months Year Years Level Stage Phase Module Part Chapter Section
    Client Clients Patient Patients Participant Participants People Person Parents Parent Children Child Adolescents
    Adults Adult Caregivers Carers Therapist Therapists Clinician Clinicians Researchers Research Studies Study
    Women Men Students Nurses Doctors Staff Team Teams Family Families Mother Father Mum Mom Dad Son Daughter Husband
    Wife Partner Sister Brother Grandmother Grandfather Aunt Uncle Cousin Baby Friend Friends Dear Sir Madam
    Evidence Clinically Clinical Cross-sectional Research Acceptance Commitment Buddhist Western Eastern English
    Arabic Spanish French German Chinese Mandarin Cantonese Hindi Urdu Punjabi Māori Maori Samoan Tongan Irish Welsh
    Scottish American British Canadian Australian European African Asian Latino Latina Latinx Hispanic Black White
    Indigenous Aboriginal Christian Muslim Jewish Hindu Sikh Catholic Protestant God Lord Jesus Allah Buddha
    CBT DBT ACT MBCT MBSR MSC CFT EMDR PTSD OCD ADHD GAD MDD SCS PHQ GAD-7 PHQ-9 BDI DSM ICD NHS NICE WHO APA
    Note Notes Plan Goal Goals Objective Objectives Summary Assessment Formulation Intake Referral Discharge Update
    Please Thanks Thank Hi Hello Regards Best Kind Warm Sincerely Also Still Again Now Later Finally Often Never
    Reader Readers Editor Editors Colleague Colleagues Reviewer Reviewers Member Members Supervisor Trainee
    Mr Mrs Ms Miss Mx Dr Prof Professor Doctor Nurse Sister Father Mother Saint St Reverend Rev
    Street Road Avenue Lane Drive Way Court Close Crescent Hospital Clinic Centre Center University College School
    Google Zoom Teams Skype WhatsApp Facebook Instagram Twitter TikTok YouTube Reddit LinkedIn Substack Gmail
    Healthy Happy Sad Angry Tired Worried Overwhelmed Stressed Calm Kindness Kind Common Humanity Backdraft
    Perfectionism Shame Guilt Grief Burnout Criticism Critic Judge Judgement Judgment Inner Voice
    Treating Treatment Supportive Touch Letter Journal Journaling Writing Exercise Exercises Practice Practices
    """.split()
)
# Authors this field cites constantly; only the weak contexts above skip them ("my client Paul" is still flagged).
_KNOWN_AUTHORS = set(
    """
    Neff Germer Gilbert Muris Otgaar Beck Linehan Hayes Kabat-Zinn Segal Teasdale Williams Rogers Freud Jung Adler
    Bowlby Ainsworth Seligman Ellis Bandura Skinner Maslow Frankl Yalom Gottman Siegel Brach Salzberg Brown Kirby
    Leary MacBeth Gumley Ferrari Raes Sirois Zessin Bluth Tirch Irons Lutz Hofmann Barlow Clark Wells Padesky
    Greenberg Kolts Harris Fredrickson Davidson Dalai Lama Thich Nhat Hanh Rosenberg Porges Germer
    """.split()
)
_CITED_AUTHOR = re.compile(rf"({_W})(?:,?\s+(?:et\s+al\.?,?\s*)?\(?(?:19|20)\d\d[a-z]?\)?|\s+et\s+al\b|,\s+[A-Z]\.)")


def _cited_authors(text: str) -> set[str]:
    return {m.group(1) for m in _CITED_AUTHOR.finditer(text)}


_TOKEN = re.compile(_W)
# A capitalised sequence containing one of these is an instrument, service or organisation, not a person.
_NAME_KILL = {
    "Questionnaire", "Scale", "Inventory", "Survey", "Index", "Measure", "Checklist", "Interview", "Program",
    "Programme", "Therapy", "Service", "Services", "Protective", "Centre", "Center", "Hospital", "Clinic", "Trust",
    "Association", "Society", "Foundation", "Institute", "University", "College", "School", "Group", "Satisfaction",
    "Assessment", "Workbook", "Guide", "Model", "Break", "Method", "Technique", "Exercise", "Practice",
}  # fmt: skip
_TAIL_CONTEXTS = {"possessive", "age", "verb", "who", "apposition"}
_PERSON_BEFORE_NAMED = re.compile(
    rf"(?i)\b(?:{_ROLE}|someone|somebody|person|individual|one|year-old|yo|people|family|member|pseudonym)\b[^.;\n]*$"
)


def _is_name_token(token: str) -> bool:
    caseless = token[0].isalpha() and not token[0].isupper() and not token[0].islower()
    return (
        (caseless or (token[0].isupper() and any(c.islower() for c in token)))
        and token not in _NAME_STOP
        and token.split("-")[0] not in _NAME_STOP
    )


def _name_span(text: str, m: re.Match, tail: bool) -> tuple[int, int] | None:
    """The span of the name tokens in the matched sequence: its longest valid head (or tail) run."""
    base = m.start("name")
    tokens = []
    for t in _TOKEN.finditer(m.group("name")):
        word = t.group()
        end = t.end()
        if word.endswith(("'s", "’s")):
            word, end = word[:-2], end - 2
        tokens.append((word, base + t.start(), base + end))
    if any(word in _NAME_KILL for word, _, _ in tokens):
        return None
    following = _TOKEN.match(text, m.end("name") + 1) if m.end("name") < len(text) else None
    if following and following.group() in _NAME_KILL:
        return None
    run = []
    for token in reversed(tokens) if tail else tokens:
        if not _is_name_token(token[0]):
            break
        run.append(token)
    if not run:
        return None
    if tail:
        run.reverse()
    return run[0][1], run[-1][2]


def _in_title_line(text: str, pos: int) -> bool:
    """A heading or label in Title Case ("Supported Python Versions"), where capitals say nothing about names."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line_end = line_end if line_end >= 0 else len(text)
    if line_end - line_start > 160:  # headings and labels are short
        return False
    words = re.findall(r"[^\W\d_][\w'’-]*", text[line_start:line_end])
    small = {"a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "with", "at", "by", "vs"}
    return len(words) >= 3 and all(w[0].isupper() or w in small for w in words)


_ROLE_WORDS = set(re.sub(r"\[(.)(.)\]|\?", "", _ROLE).replace("-", "|").split("|")) | {
    "fiance", "fiancee", "fiancé", "fiancée", "neighbour", "neighbor", "neighbou",
}  # fmt: skip
_HONORIFIC_WORDS = {"mr", "mrs", "ms", "miss", "mx", "mister", "mme", "mlle", "sra", "herr", "frau"}
# Words one of which must be in the text before a pattern can match (a speed gate, never a decision).
_NAME_GATES: dict[str, set[str] | None] = {
    "honorific": _HONORIFIC_WORDS,
    "role": _ROLE_WORDS,
    "role-start": {"client", "patient", "pt"},
    "initials": _ROLE_WORDS | _HONORIFIC_WORDS,
    "named": {"named", "called", "known", "nicknamed", "goes", "name"},
    "label": {"name", "patient", "client", "pt"},
    "apposition": {"client", "patient", "service"},
    "pseudonym": {"call"},
    "dear": {"dear"},
    "possessive": None,
    "age": None,
    "verb": set(
        """kept presented presents disclosed discloses endorsed denied relapsed harmed overdosed admitted discharged
        referred diagnosed hospitalised hospitalized sectioned attended attends missed cancelled canceled showed cried
        wept sobbed panicked apologised apologized apologising apologizing apologises apologizes practised practiced
        practises practices journaled journalled told asked said came dropped refused declined struggled struggles
        complained reported felt feels wrote writes confided""".split()
    ),
    "object": set(
        """saw see treated treat met seeing treating working worked work session sessions ask asked tell told help
        helping helped encourage encouraged invite invited refer referred support supporting supported reminded
        remind guided discussed contact contacted call called phone email text ring visit visited""".split()
    ),
    "who": {"who", "whom"},
}


def _name_matches(text: str, context: str, pattern: re.Pattern):
    if context not in _NAME_TRIGGERS:
        yield from pattern.finditer(text)
        return
    trigger, reach = _NAME_TRIGGERS[context]
    seen = set()
    for hit in trigger.finditer(text):
        for m in pattern.finditer(text, max(0, hit.start() - reach), min(len(text), hit.end() + 30)):
            if m.span() not in seen:
                seen.add(m.span())
                yield m


def _name(text: str, words: set[str]):
    authors: set[str] | None = None
    for context, pattern in _NAME_PATTERNS:
        gate = _NAME_GATES[context]
        if gate is not None and not (words & gate):
            continue
        for m in _name_matches(text, context, pattern):
            if context == "initials":
                yield "name", m.start("name"), m.end("name"), BORDERLINE, "initials in a clinical context"
                continue
            span = _name_span(text, m, tail=context in _TAIL_CONTEXTS)
            if span is None:
                continue
            start, end = span
            if context == "named" and not _PERSON_BEFORE_NAMED.search(text[max(0, m.start() - 40) : m.start()]):
                continue
            if context in _WEAK_NAME_CONTEXTS:
                if _in_title_line(text, start):
                    continue
                if authors is None:
                    authors = _cited_authors(text) | _KNOWN_AUTHORS
                if any(t in authors for t in re.split(r"[ \t]+", text[start:end])):
                    continue
                if re.match(r"\s*(?:\(\d|,\s*\d{4}|et\s+al)", text[end : end + 12]):
                    continue
            yield "name", start, end, BORDERLINE, f"name in a clinical context ({context})"


# ============================================================================ the scan


def _protected_spans(text: str, low: str) -> list[tuple[int, int]]:
    spans = []
    for fragment, pattern in _PROTECTED:
        if fragment not in low:
            continue
        for m in pattern.finditer(text):
            if pattern is _ISBN10 and not _isbn10_ok(m.group()):
                continue
            end = _trim_url(text, m.start(), m.end()) if pattern is _DOI else m.end()
            spans.append((m.start(), end))
    return spans


_WORDS = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
_NINE_DIGITS = re.compile(r"\d{3}[- ]?\d{2}[- ]?\d{4}")
_AGE_GATE = re.compile(r"(?<!\d)(?:9\d|1[01]\d)(?!\d)")
_AGE_WORDS = {"ninety", "hundred", "nineties", "nonagenarian", "centenarian"}
_RECORD_WORDS = set(
    """mrn record rec chart patient hospital member membership subscriber beneficiary plan policy group account acct
    claim insurance medicaid medicare nhs chi gmc nmc hcpc ahpra professional licence license dea npi ur urn unit case
    ref reference""".split()
)
_DEVICE_WORDS = {"serial", "sn", "device", "imei", "meid", "udi"}


def _scan(text: str, citation: bool = False) -> list[tuple[str, int, int, str, str]]:
    if not text or not text.strip():
        return []
    # Cheap facts about the text decide which detectors can possibly match (speed only: never a verdict).
    low = text.lower()
    words = set(_WORDS.findall(low))
    digits = _DIGIT.search(text) is not None
    has_url = "/" in text or "www" in low

    protected = _protected_spans(text, low) if digits else []
    url_spans = [(m.start(), _trim_url(text, m.start(), m.end())) for m in _URL.finditer(text)] if has_url else []

    candidates: list[tuple[str, int, int, str, str]] = []
    if digits and _NINE_DIGITS.search(text):
        candidates += _ssn(text)
    candidates += _email(text, citation, words)
    if digits:
        candidates += _ip(text)
        if words & _RECORD_WORDS:
            candidates += _record(text, citation)
        candidates += _phone(text)
    if not citation:
        if digits:
            candidates += _long_digits(text)
            candidates += _vehicle(text, words)
            if words & _DEVICE_WORDS or "s/n" in low:
                candidates += _device(text)
            candidates += _address(text, low, words)
            candidates += _zip(text, words)
            candidates += _date(text, words)
        if (digits and _AGE_GATE.search(text)) or words & _AGE_WORDS:
            candidates += _age(text)
        if has_url:
            candidates += _url(text)
        candidates += _name(text, words)

    kept = []
    for c in candidates:
        kind, start, end = c[0], c[1], c[2]
        if citation and kind not in _CITATION_KINDS:
            continue
        if kind not in ("ip", "email", "url") and (
            _overlaps(protected, start, end) or _overlaps(url_spans, start, end)
        ):
            continue
        kept.append(c)

    rank = {kind: i for i, kind in enumerate(_PRIORITY)}
    # Unlabelled long numbers are the weakest signal: any other reading of the same digits wins.
    kept.sort(key=lambda c: (c[3] != CONFIDENT, c[4] == _WEAK_REASON, rank[c[0]], -(c[2] - c[1]), c[1]))
    chosen: list[tuple[str, int, int, str, str]] = []
    owner: list[str | None] = [None] * len(text)  # the kind holding each character
    for c in kept:
        kind, start, end = c[0], c[1], c[2]
        clashes = {k for k in owner[start:end] if k is not None}
        if clashes - ({"ip"} if kind == "url" else {"url"} if kind == "ip" else set()):
            continue
        chosen.append(c)
        if kind != "url" or not clashes:
            owner[start:end] = [kind] * (end - start)
    chosen.sort(key=lambda c: (c[1], c[2]))
    return chosen
