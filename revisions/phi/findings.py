"""What the screen reports: each finding, and the screening of a whole submission."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dc_field

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
    "biometric": "biometric identifier",
    "ssn": "Social Security number",
    "url": "personal URL",
    "ip": "IP address",
    "too_long": "text too long to screen",
    "too_many": "more possible identifiers than can be listed",
}
_ARTICLE = {"age_over_89": "an", "email": "an", "ip": "an"}


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
        from .masking import mask_value

        return mask_value(self.kind, text[self.start : self.end])

    def describe(self) -> str:
        """A user-facing message naming the kind and the field, value masked.

        e.g. 'a phone number in “Proposed text” (“+1 ***-***-**67”)'
        """
        article = _ARTICLE.get(self.kind, "a")
        where = self.field_label or field_label(self.field)
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
        from .masking import mask

        return mask(self.texts.get(name, ""), self.for_field(name))


def field_label(name: str) -> str:
    words = name.replace("_", " ").replace("-", " ").strip()
    return words[:1].upper() + words[1:] if words else name
