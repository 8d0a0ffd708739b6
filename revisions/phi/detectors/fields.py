"""Values of labelled fields, as EHR exports, forms and registration screens print them.

A label that names a person or a place ("PT NAME:", "GUARDIAN:", "NOK:", "Provider:", "ADDR:", "LIVES:",
"WARD:") says what its value is, whatever its case: "OKONKWO, CHIDIEBERE A" and "7 RUE DES VIGNES 69008 LYON"
are read as a name and an address there, though capitals elsewhere say nothing. The value ends where the field
does: at a tab, two spaces, a bar, a middle dot, a semicolon, a line break, a dash between clauses or the next
label ("AROHA TE WHATA NHI: ZAB4821").
"""

from __future__ import annotations

import re

from ..findings import BORDERLINE, CONFIDENT
from ..lexicons import given_names, not_names, safe_words

_PERSON_LABELS = (
    r"(?:pt|patient|client|child|full|first|last|given|family|member|contact|carer|parent)[ \t]+name|name|pt|patient"
    r"|client|guardian|nok|next[ \t]+of[ \t]+kin|emergency[ \t]+contact|provider|clinician|consultant|attending"
    r"|referrer|referring[ \t]+(?:clinician|doctor|gp)|key[ \t]*worker|care[ \t]+coordinator|social[ \t]+worker"
    r"|card[ \t]*holder|subscriber|insured|policy[ \t]*holder|informant|mother|father|parent|spouse|carer"
)
_PLACE_LABELS = (
    r"(?:pt|patient|client|home|postal|current|usual|residential)[ \t]+address|address|addr|residence"
    r"|lives(?:[ \t]+at)?|ward|brgy|barangay|suburb|village|facility|care[ \t]+home|nursing[ \t]+home|placement"
    r"|room|bed|bay"
)
# A label opens a field: at the start of a line or after a field's end, then a colon (or "#", "=").
_FIELD = re.compile(
    rf"(?i)(?:^|(?<=[\n\t|·•;])|(?<=[ \t]))[ \t]*(?:(?P<person>{_PERSON_LABELS})"
    rf"|(?P<place>{_PLACE_LABELS}))[ \t]*[:=#][ \t]*"
)
# "PT O'CONNELL-BYRNE, SEAMUS": the patient label in capitals with no colon, before a surname-first name.
_BARE_PT = re.compile(r"(?:^|(?<=[\n\t|·•;]))[ \t]*PT[ \t]+(?=[A-Z][A-Z'’-]+(?:[ \t][A-Z][A-Z'’-]+){0,2},[ \t]*[A-Z])")
# Whose card, account or policy it is, as forms and statements print it with or without a colon: "Cardholder Lwando
# …", "name on card R SOLOMONS", "account holder …", and a name given after a number ("… number DHMS 9011473 and
# name Lerato …").
_HOLDER = re.compile(
    r"(?i)\b(?:card[ \t]?holder|account[ \t]+holder|policy[ \t]?holder|named[ \t]+insured|account[ \t]+name"
    r"|name[ \t]+on[ \t]+(?:the[ \t]+|her[ \t]+|his[ \t]+)?(?:card|account|policy|licen[cs]e|passport|cheque|check)"
    r"|(?<=\d)[ \t]+(?:and|,)[ \t]+(?:the[ \t]+)?name)[ \t]*[:=-]?[ \t]*"
)
_HOLDER_GATE = re.compile(r"(?i)holder|insured|name[ \t]+on|\d[ \t]+(?:and|,)[ \t]+(?:the[ \t]+)?name")
_CHUNK = re.compile(r"[^\s|·•;]+")
# Label words of the next field, written without a colon: "… DOB 07 APR 1946", "REL: OOM".
_NEXT_LABEL = frozenset(
    "dob d.o.b. mrn nhi rel tel ph phone mob fax dx age sex gender adm dc ward nhs chi urn id email addr address"
    " gms medicare philhealth insurance".split()
)
_EMPTY = frozenset("n/a na none unknown nil nfa same tba tbc tbd withheld redacted -- - ? declined".split())
_NAME_TOKEN = re.compile(r"[A-Z][\w'’.-]*|[A-Z]")
_PARTICLES = frozenset("de la del da di du van von der den le dos das bin al el ter ten ma. ma".split())


def find_labelled_fields(text: str):
    """Yields (kind, start, end, confidence, reason) for each value of a person or place field."""
    if ":" not in text and "=" not in text and "#" not in text and "PT " not in text and not _HOLDER_GATE.search(text):
        return
    for m in _FIELD.finditer(text):
        if _mid_line(text, m.start()) and not text[m.start() : m.end()].isupper():
            continue  # after one space, only a label in capitals opens a field: "… NHI: ZAB4821 WARD: TE RŌPŪ"
        value = _value(text, m.end())
        if value is None:
            continue
        start, end, chunks = value
        if m.group("person"):
            span = _person(text, start, chunks)
            if span:
                label = m.group("person").lower()
                strong = "name" in label or label in ("pt", "patient", "client")
                yield "name", span[0], span[1], CONFIDENT if strong else BORDERLINE, "name in a labelled field"
        elif _place(text[start:end]):
            yield "address", start, end, BORDERLINE, "place in a labelled field"
    for m in _HOLDER.finditer(text) if "older" in text or "name" in text.lower() else ():
        value = _value(text, m.end())
        span = value and _person(text, value[0], value[2])
        if span:
            end = span[1] - (text[span[1] - 1] == "." and text[span[1] - 3 : span[1] - 2] != " ")  # not "R. S."
            yield "name", span[0], end, CONFIDENT, "name of a card, account or policy holder"
    for m in _BARE_PT.finditer(text):
        value = _value(text, m.end())
        if value:
            span = _person(text, value[0], value[2])
            if span:
                yield "name", span[0], span[1], CONFIDENT, "name in a labelled field"


def _mid_line(text: str, start: int) -> bool:
    """The label follows a word and one space, not a field's end."""
    return start > 1 and text[start - 1] == " " and text[start - 2] not in " \t|·•;\n"


def _value(text: str, pos: int):
    """The field's value from ``pos``: chunks joined by single spaces, up to eight, before the next label."""
    chunks: list[tuple[int, int]] = []
    for m in _CHUNK.finditer(text, pos, min(len(text), pos + 120)):
        if chunks and text[chunks[-1][1] : m.start()] != " ":
            break
        if not chunks and m.start() != pos:
            break
        word = m.group()
        if word in ("—", "–", "-") or word.endswith(":") or (chunks and word.lower().rstrip(":#") in _NEXT_LABEL):
            break
        chunks.append((m.start(), m.end()))
        if len(chunks) == 8:
            break
    if not chunks:
        return None
    start, end = chunks[0][0], chunks[-1][1]
    while end > start and text[end - 1] in ",.":
        end -= 1
    if text[start:end].lower() in _EMPTY:
        return None
    return start, end, chunks


def _person(text: str, start: int, chunks: list[tuple[int, int]]):
    """The name at the start of the value: "SURNAME, GIVEN M" or "Given Surname" (a comma ends it there)."""
    words: list[tuple[int, int]] = []
    commas = 0
    for s, e in chunks:
        word = text[s:e]
        trailing = word.endswith(",")
        core = word.rstrip(",")
        if not _NAME_TOKEN.fullmatch(core) and core.lower() not in _PARTICLES:
            break
        words.append((s, s + len(core)))
        if trailing:
            commas += 1
            # "OKONKWO, CHIDIEBERE A": a surname first in capitals; "L. Okonjo, PMHNP": a role after the name
            surname = text[words[0][0] : words[-1][1]]
            if commas > 1 or not (surname.isupper() or _given(text, chunks, len(words))):
                break
        if len(words) == 5:
            break
    if not words:
        return None
    tokens = [text[s:e].rstrip(".").lower() for s, e in words]
    safe, stop = safe_words(), not_names()
    if all(t in safe or t in stop or t in _PARTICLES or len(t) < 2 for t in tokens) and not any(
        t in given_names() for t in tokens
    ):
        return None  # "Patient: Female", "Name: Not Given"
    return words[0][0], words[-1][1]


def _given(text: str, chunks: list[tuple[int, int]], index: int) -> bool:
    if index >= len(chunks):
        return False
    s, e = chunks[index]
    return text[s:e].rstrip(",.").lower() in given_names()


def _place(value: str) -> bool:
    """A place: a number or a capital leads it, and it is not one ordinary word ("Ward: general")."""
    if not value or not (value[0].isdigit() or value[0].isupper()):
        return False
    words = value.lower().split()
    return not (len(words) == 1 and words[0] in safe_words() and not value.isupper())


# ---------------------------------------------------------------- columns of a pasted table

# A table's header names what its columns hold: each row's cell under "Name" is a name, under "Unit" a place,
# under "Age" an age ("Name\tDOB\tMRN", "| Name | Age | Unit | Admit |"), whatever the words in the cell.
_NAME_COLUMNS = frozenset(
    "name names patient client pt resident service user full name patient name client name surname forename".split()
) | {"full name", "patient name", "client name", "service user", "first name", "last name"}
_PLACE_COLUMNS = frozenset("address ward unit home facility lives town suburb placement residence location".split())
_AGE_COLUMNS = frozenset({"age", "age (y)", "age (yrs)", "yrs"})
_TABLE_ROWS = 40  # rows read under one header
_CELL_TEXT = re.compile(r"[^\W\d_]")


def _cells(line: str, offset: int, separator: str) -> list[tuple[int, int]]:
    """The cells of a row as spans of ``text``, without the padding round them."""
    spans, start = [], 0
    for piece in line.split(separator) + [None]:
        if piece is None:
            break
        end = start + len(piece)
        lead = len(piece) - len(piece.lstrip())
        spans.append((offset + start + lead, offset + start + len(piece.rstrip())))
        start = end + len(separator)
    return spans


def find_table_cells(text: str):
    """Yields a name, place or age for each cell under a header that says so (held; an age over 89 refused)."""
    if "\t" not in text and "|" not in text:
        return
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    columns: dict[int, str] = {}
    separator, rows = "", 0
    for offset, line in lines:
        row_separator = "\t" if "\t" in line else "|" if line.count("|") >= 2 else ""
        if not row_separator:
            columns, rows = {}, 0
            continue
        cells = _cells(line, offset, row_separator)
        header = {}
        for index, (start, end) in enumerate(cells):
            label = text[start:end].strip(" *:").lower()
            kind = (
                "name" if label in _NAME_COLUMNS else "address" if label in _PLACE_COLUMNS else
                "age" if label in _AGE_COLUMNS else None
            )  # fmt: skip
            if kind:
                header[index] = kind
        if header and not any(c.isdigit() for c in line):
            # a place or age column is a person's only in a table of people: not "| Drug | Dose | Unit |"
            people = "name" in header.values()
            columns, separator, rows = (header if people else {}), row_separator, 0
            continue
        if not columns or row_separator != separator or rows >= _TABLE_ROWS:
            continue
        rows += 1
        for index, kind in columns.items():
            if index >= len(cells):
                continue
            start, end = cells[index]
            value = text[start:end]
            if not value or not (value[0].isupper() or value[0].isdigit()):
                continue
            if kind == "age":
                if value.isdigit() and 90 <= int(value) <= 120:
                    yield "age_over_89", start, end, CONFIDENT, "age over 89 in a table"
            elif kind == "name" and _CELL_TEXT.search(value) and value[0].isupper():
                if _person(text, start, [(m.start(), m.end()) for m in _CHUNK.finditer(text, start, end)]):
                    yield "name", start, end, BORDERLINE, "name in a table's name column"
            elif kind == "address" and _place(value) and _CELL_TEXT.search(value):
                yield "address", start, end, BORDERLINE, "place in a table's place column"
