"""Social Security, record, account and licence numbers; vehicle and device identifiers."""

from __future__ import annotations

import re

from ..findings import BORDERLINE, CONFIDENT
from ..patterns import CI, YEAR

# ---------------------------------------------------------------- SSN

_SSN_LABEL = (
    r"(?:SSN|SS#|SS\s?No\.?|social\s+security(?:\s+(?:number|no\.?|#))?|soc\.?\s?sec\.?(?:\s+(?:no\.?|number|#))?)"
)
_SSN_LABELLED = re.compile(_SSN_LABEL + r"[\s:#=,(]*(?:is\s+|was\s+)?(\d{3}[- ]?\d{2}[- ]?\d{4})(?![\w-])", CI)
SSN_DASHED = re.compile(r"(?<![\w-])\d{3}-\d{2}-\d{4}(?![\w-])")
_SSN_SPACED = re.compile(r"(?<![\w-])\d{3} \d{2} \d{4}(?![\w-])")


def find_ssns(text: str):
    for m in _SSN_LABELLED.finditer(text):
        yield "ssn", m.start(1), m.end(1), CONFIDENT, "labelled Social Security number"
    for m in SSN_DASHED.finditer(text):
        yield "ssn", m.start(), m.end(), CONFIDENT, "###-##-#### pattern"
    for m in _SSN_SPACED.finditer(text):
        yield "ssn", m.start(), m.end(), BORDERLINE, "### ## #### pattern"


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


def find_record_numbers(text: str, citation: bool = False):
    for m in _RECORD.finditer(text) if citation else (*_RECORD.finditer(text), *_CASE_RECORD.finditer(text)):
        value = m.group("value")
        if sum(ch.isdigit() for ch in value) < 4 or YEAR.fullmatch(value):
            continue
        yield "record_number", m.start("value"), m.end("value"), CONFIDENT, "labelled record number"


WEAK_REASON = "unlabelled long number"
_LONG_DIGITS = re.compile(r"(?<![\w.,/-])\d{7,}(?![\w,]|[./-]\d)")
_GROUPED_DIGITS = re.compile(r"(?<![\w.,/-])\d{2,}(?:-\d{2,}){2,}(?![\w-]|[./]\d)")


# Numbers that identify organisations, grants or publications, not people.
_ORG_NUMBER_BEFORE = re.compile(
    r"(?i)\b(?:charity|company|companies\s+house|registered|vat|abn|acn|ein|grant|award|contract|isrctn|report"
    r"|article|record|accession|issn|isbn|edition)\b[\s.:#-]*(?:no\.?|number|#|id)?[\s.:#-]*$"
)


def find_long_numbers(text: str):
    for pattern in (_LONG_DIGITS, _GROUPED_DIGITS):
        for m in pattern.finditer(text):
            value = m.group()
            if _ORG_NUMBER_BEFORE.search(text[max(0, m.start() - 32) : m.start()]):
                continue
            if sum(ch.isdigit() for ch in value) < (7 if pattern is _LONG_DIGITS else 8):
                continue
            if date_shape(value):
                continue
            yield "record_number", m.start(), m.end(), BORDERLINE, WEAK_REASON


def date_shape(value: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d\d-\d\d-\d\d|\d\d-\d\d-(?:19|20)\d\d|(?:19|20)\d\d-(?:19|20)\d\d", value))


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


def find_vehicles(text: str, words: set[str]):
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
        if len(re.sub(r"[ -]", "", value)) < 4 or not re.search(r"\d", value) or YEAR.fullmatch(value):
            continue
        yield "vehicle", m.start("value"), m.end("value"), BORDERLINE, "labelled licence plate"


# ---------------------------------------------------------------- device identifiers

_DEVICE = re.compile(
    r"(?:(?i:\bserial(?:\s+(?:number|no\.?|#))?|\bdevice\s+(?:id|serial|number|no\.?)|\bIMEI|\bMEID|\bUDI)"
    r"|\bS/N|\bSN)"
    r"[\s:#=,(]*(?:is\s+|was\s+)?(?P<value>#?[A-Z0-9]{1,30}(?:[-/.][A-Z0-9]{1,30}){0,5}(?: \d{1,8}(?![\w-])){0,4})"
    r"(?![\w-])"
)


def find_devices(text: str):
    for m in _DEVICE.finditer(text):
        value = m.group("value")
        start = m.start("value") + (1 if value.startswith("#") else 0)
        if sum(c.isdigit() for c in value) < 3:
            continue
        yield "device", start, m.end("value"), BORDERLINE, "labelled device identifier"
