"""The screen: runs every detector, resolves overlaps, and decides what is refused and what is held."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from .citations import URL, protected_spans
from .detectors.contact import find_emails, find_ips, find_phones, find_urls
from .detectors.dates import find_ages, find_dates
from .detectors.names import find_names
from .detectors.numbers import (
    WEAK_REASON,
    find_devices,
    find_long_numbers,
    find_record_numbers,
    find_ssns,
    find_vehicles,
)
from .detectors.places import find_addresses, find_zip_codes
from .findings import CONFIDENT, KINDS, Finding, Screening, field_label
from .masking import mask_value
from .patterns import overlaps, trim_url

# When two findings overlap, the earlier kind in this list keeps the span (confident findings always win first).
_PRIORITY = ["ssn", "email", "ip", "record_number", "phone", "vehicle", "device", "address", "date",
             "age_over_89", "zip", "url", "name"]  # fmt: skip
# Kinds screened in fields that hold citations: only identifiers that never belong in a reference.
_CITATION_KINDS = {"ssn", "email", "phone", "ip", "record_number"}


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
        label = field_labels.get(name) or field_label(name)
        for kind, start, end, confidence, reason in scan(text, citation=name in citation_fields):
            findings.append(
                Finding(
                    kind=kind,
                    field=name,
                    start=start,
                    end=end,
                    confidence=confidence,
                    label=KINDS[kind],
                    masked_value=mask_value(kind, text[start:end]),
                    field_label=label,
                    reason=reason,
                )
            )
    return Screening(findings=findings, texts=texts)


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


def scan(text: str, citation: bool = False) -> list[tuple[str, int, int, str, str]]:
    if not text or not text.strip():
        return []
    # Cheap facts about the text decide which detectors can possibly match (speed only: never a verdict).
    low = text.lower()
    words = set(_WORDS.findall(low))
    digits = _DIGIT.search(text) is not None
    has_url = "/" in text or "www" in low

    protected = protected_spans(text, low) if digits else []
    url_spans = [(m.start(), trim_url(text, m.start(), m.end())) for m in URL.finditer(text)] if has_url else []

    candidates: list[tuple[str, int, int, str, str]] = []
    if digits and _NINE_DIGITS.search(text):
        candidates += find_ssns(text)
    candidates += find_emails(text, citation, words)
    if digits:
        candidates += find_ips(text)
        if words & _RECORD_WORDS:
            candidates += find_record_numbers(text, citation)
        candidates += find_phones(text)
    if not citation:
        if digits:
            candidates += find_long_numbers(text)
            candidates += find_vehicles(text, words)
            if words & _DEVICE_WORDS or "s/n" in low:
                candidates += find_devices(text)
            candidates += find_addresses(text, low, words)
            candidates += find_zip_codes(text, words)
            candidates += find_dates(text, words)
        if (digits and _AGE_GATE.search(text)) or words & _AGE_WORDS:
            candidates += find_ages(text)
        if has_url:
            candidates += find_urls(text)
        candidates += find_names(text, words)

    kept = []
    for c in candidates:
        kind, start, end = c[0], c[1], c[2]
        if citation and kind not in _CITATION_KINDS:
            continue
        if kind not in ("ip", "email", "url") and (overlaps(protected, start, end) or overlaps(url_spans, start, end)):
            continue
        kept.append(c)

    rank = {kind: i for i, kind in enumerate(_PRIORITY)}
    # Unlabelled long numbers are the weakest signal: any other reading of the same digits wins.
    kept.sort(key=lambda c: (c[3] != CONFIDENT, c[4] == WEAK_REASON, rank[c[0]], -(c[2] - c[1]), c[1]))
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
