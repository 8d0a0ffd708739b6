"""Masks an identifier to its shape, so an editor or a reader sees what was found but never the value."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

import phonenumbers

from .citations import PLATFORM_HOSTS, host_in
from .detectors.contact import parse_phone

if TYPE_CHECKING:
    from .findings import Finding


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
    number = parse_phone(value)
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
    if host_in(bare, PLATFORM_HOSTS):
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


def mask_value(kind: str, value: str) -> str:
    if kind == "email":
        return _mask_email(value)
    if kind == "phone":
        return _mask_phone(value)
    if kind == "name":  # initials, and names in scripts without case (李明), are masked whole
        return re.sub(r"[^\W\d_]+", _mask_name_word, value)
    if kind == "age_over_89":
        return _mask_date(value)  # "aged ** y****": the words that make it an age too
    if kind == "date":
        return _mask_date(value)
    if kind == "url":
        return _mask_url(value)
    return _mask_keep(value)
