"""Dates tied to a person, and ages over 89."""

from __future__ import annotations

import re

from ..findings import BORDERLINE, CONFIDENT
from ..patterns import MONTH, MONTH_NUMBER, window_before

# ---------------------------------------------------------------- dates

_ORD = r"(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_DATE_PATTERNS = [
    # March 14, 2021 / Mar. 14th 2021
    (re.compile(rf"\b{_WEEKDAY}(?P<m>{MONTH})\.?\s+(?P<d>\d{{1,2}}){_ORD},?\s+(?P<y>\d{{4}})\b"), True),
    # 14 March 2021 / 4th of July 2020
    (
        re.compile(rf"\b{_WEEKDAY}(?P<d>\d{{1,2}}){_ORD}(?:\s+of)?[\s/-]+(?P<m>{MONTH})\.?[\s,/-]+(?P<y>\d{{4}})\b"),
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
    (re.compile(rf"\b(?P<d>\d{{1,2}}){_ORD}(?:\s+of)?\s+(?P<m>{MONTH})\b\.?(?!\s*,?\s*\d)"), False),
    (re.compile(rf"\b(?P<m>{MONTH})\.?\s+(?P<d>\d{{1,2}}){_ORD}\b(?!\s*,?\s*\d|\s*[-–]\s*\d|:|\.\d)"), False),
]
_MONTH_YEAR = re.compile(rf"\b(?P<m>{MONTH})\.?\s+(?P<y>(?:19|20)\d\d)\b")
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


def find_dates(text: str, words: set[str]):
    named_month = bool(words & _MONTH_WORDS)
    numeric = named_month or _NUMERIC_DATE_GATE.search(text) is not None
    for pattern, has_year in _DATE_PATTERNS:
        if not (named_month if "?P<m>" in pattern.pattern else numeric):
            continue
        for m in pattern.finditer(text):
            groups = m.groupdict()
            if groups.get("m"):
                month = MONTH_NUMBER[groups["m"][:3].lower()]
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
            before = window_before(text, m.start())
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
        before = window_before(text, m.start())
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


def find_ages(text: str):
    for pattern, confidence in _AGE_PATTERNS:
        for m in pattern.finditer(text):
            yield "age_over_89", m.start(), m.end(), confidence, "age over 89"
