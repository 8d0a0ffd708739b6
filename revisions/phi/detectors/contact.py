"""Email addresses, phone and fax numbers, IP addresses and personal URLs."""

from __future__ import annotations

import ipaddress
import re

import phonenumbers

from ..citations import URL, trim_url, url_is_publication
from ..findings import BORDERLINE, CONFIDENT
from ..patterns import CI
from .numbers import SSN_DASHED, date_shape

# Numbers without a "+" are tried as national numbers of these regions: NANP ones when they have 10 digits (or
# 11 with a leading 1), the others when they start with their trunk prefix 0.
PHONE_REGIONS = ("US", "GB", "CA", "AU", "IE", "NZ")
_NANP_REGIONS = tuple(r for r in PHONE_REGIONS if r in {"US", "CA"})
_TRUNK_ZERO_REGIONS = tuple(r for r in PHONE_REGIONS if r not in _NANP_REGIONS)


# ---------------------------------------------------------------- email

_EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}\b")
_TLD = r"(?:com|org|net|edu|gov|co|uk|au|nz|ie|ca|io|info|me|us|de|fr)"
_EMAIL_OBFUSCATED = re.compile(
    r"\b[A-Za-z0-9._-]{1,40}(?:\s+dot\s+[A-Za-z0-9_-]{1,40}){0,3}\s*(?:\[at\]|\(at\)|\{at\}|\s+at\s+)\s*"
    r"[A-Za-z0-9-]{1,40}(?:\s*(?:\[dot\]|\(dot\)|\{dot\}|\s+dot\s+)\s*[A-Za-z0-9-]{1,40}){0,3}"
    r"\s*(?:\[dot\]|\(dot\)|\{dot\}|\s+dot\s+)\s*" + _TLD + r"\b",
    CI,
)


_EMAIL_SPOKEN_AT = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,40}\s*(?:\bAT\b|\[at\]|\(at\)|\{at\})\s*"
    r"[A-Za-z0-9-]{1,40}(?:\.[A-Za-z0-9-]{1,40}){0,3}\." + _TLD + r"\b",
)


def find_emails(text: str, citation: bool, words: set[str]):
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


def find_ips(text: str):
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


# ---------------------------------------------------------------- phone and fax numbers

_PHONE_CANDIDATE = re.compile(r"(?<![\w+/.:-])(\+?\(?\d[\d \t().-]{5,20}\d)(?![\w/]|[-.]\d)")
_PHONE_LABEL = re.compile(
    r"(?i)\b(?:phone|telephone|tel|mobile|mob|cell|cellphone|fax|landline|call(?:ed)?|ring|text|voicemail|whatsapp"
    r"|contact\s+number|number\s+is|number|reach\s+(?:her|him|them|me|the\s+client)\s+(?:at|on))\b[\s:.#]*(?:is\s+)?"
    r"(?:on\s+|at\s+)?$"
)


def parse_phone(value: str):
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


def find_phones(text: str):
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
        if SSN_DASHED.fullmatch(value) or date_shape(value) or dotted or zip_plus_4:
            continue
        has_separator = bool(re.search(r"[\s().-]", value)) or value.startswith("+")
        labelled = bool(_PHONE_LABEL.search(text[max(0, start - 40) : start]))
        number = parse_phone(value) if (has_separator or labelled or digits.startswith("0")) else None
        if number is not None:
            region = phonenumbers.region_code_for_number(number) or "international"
            yield "phone", start, end, CONFIDENT, f"valid phone number ({region})"
        elif labelled:
            yield "phone", start, end, BORDERLINE, "labelled number that does not validate"


# ---------------------------------------------------------------- personal URLs


def find_urls(text: str):
    for m in URL.finditer(text):
        end = trim_url(text, m.start(), m.end())
        if url_is_publication(text[m.start() : end]):
            continue
        yield "url", m.start(), end, BORDERLINE, "URL that is not a publication or organisation"
