"""Street addresses, ZIP codes and postcodes."""

from __future__ import annotations

import re

from ..findings import BORDERLINE, CONFIDENT
from ..patterns import CI, LOW, UP, YEAR

# ---------------------------------------------------------------- street addresses

_CAPWORD = rf"(?:(?:Mc|Mac|O['’])?[{UP}][{LOW}'’]+(?:-[{UP}]?[{LOW}]+)*)"
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
    rf"\b[{UP}][{LOW}]+(?:straße|strasse|str\.|weg|gasse|platz|allee|laan|straat|gade|vej|vägen|gatan|veien)"
    rf"\s+\d{{1,4}}[a-z]?\b"
)
_PO_BOX = re.compile(r"\b(?:P\.?\s?O\.?|Post\s+Office)\s+Box\s+\d{1,6}\b", CI)


_SUFFIX_WORDS = set(_SUFFIX.strip("(?:)").lower().split("|"))
_PREFIX_WORDS = {"rue", "avenue", "boulevard", "calle", "avenida", "via", "viale", "rua", "chemin", "allée", "plaza",
                 "piazza"}  # fmt: skip
_GERMANIC_FRAGMENTS = ("stra", "weg", "gasse", "platz", "allee", "laan", "gade", "vej", "vägen", "gatan", "veien")


def find_addresses(text: str, low: str, words: set[str]):
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


def find_zip_codes(text: str, words: set[str]):
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
        if m.group("state") in {"SA", "WA", "ACT"} and YEAR.fullmatch(m.group("zip")):
            continue
        yield "zip", m.start("zip"), m.end("zip"), BORDERLINE, "postal code"
