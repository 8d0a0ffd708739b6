"""Identifiers a source is found by (DOI, PubMed ID, ISBN): how each is written, checked and linked.

Pure functions, no database. Validators raise ValidationError with a code; `normalise_*` accept what people
paste (a DOI as a doi.org address, an ISBN with hyphens) and return the stored form.
"""

import re
from urllib.parse import quote

from django.core.exceptions import ValidationError

# A DOI is "10." + a registrant code of digits (dot-separated parts allowed) + "/" + a suffix without spaces.
DOI = re.compile(r"10\.[0-9]{4,9}(?:\.[0-9]+)*/\S+")
DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
# PubMed IDs are positive whole numbers, at present up to eight digits.
PMID = re.compile(r"[1-9][0-9]{0,8}")
PMID_PREFIX = re.compile(r"^(?:https?://pubmed\.ncbi\.nlm\.nih\.gov/|pmid:?\s*)", re.IGNORECASE)
ISBN_PREFIX = re.compile(r"^isbn(?:-1[03])?:?\s*", re.IGNORECASE)


def normalise_doi(value):
    """A DOI without its https://doi.org/ or doi: prefix and surrounding space."""
    return DOI_PREFIX.sub("", (value or "").strip()).strip()


def validate_doi(value):
    if value and not DOI.fullmatch(value):
        raise ValidationError(
            "“%(value)s” is not a DOI: a DOI looks like 10.1146/annurev-psych-032420-031047.",
            code="bad_doi",
            params={"value": value},
        )


def doi_url(doi):
    return f"https://doi.org/{quote(doi, safe='/:;()._-<>[]')}" if doi else ""


def normalise_pmid(value):
    return PMID_PREFIX.sub("", (value or "").strip()).strip().rstrip("/")


def validate_pmid(value):
    if value and not PMID.fullmatch(value):
        raise ValidationError(
            "“%(value)s” is not a PubMed ID: it is a number such as 35553842 (a PMC number such as PMC9095813 "
            "belongs in the URL).",
            code="bad_pmid",
            params={"value": value},
        )


def pubmed_url(pmid):
    return f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/" if pmid else ""


def normalise_isbn(value):
    """An ISBN as digits (and a final X for ISBN-10), without the hyphens and spaces it is printed with."""
    value = ISBN_PREFIX.sub("", (value or "").strip())
    return re.sub(r"[\s\-\u2010-\u2015]", "", value).upper()


def isbn_is_valid(value):
    """Whether `value` (normalised) is an ISBN-10 or ISBN-13 whose check digit is right."""
    if re.fullmatch(r"[0-9]{9}[0-9X]", value):
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(value))
        return total % 11 == 0
    if re.fullmatch(r"97[89][0-9]{10}", value):
        total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(value))
        return total % 10 == 0
    return False


def validate_isbn(value):
    if value and not isbn_is_valid(value):
        raise ValidationError(
            "“%(value)s” is not a valid ISBN: give the 10 or 13 digits printed in the book; the last digit is a "
            "check digit, so a typing slip shows here.",
            code="bad_isbn",
            params={"value": value},
        )


def isbn_url(isbn):
    """WorldCat's record of the book: libraries holding it, and its editions."""
    return f"https://search.worldcat.org/isbn/{isbn}" if isbn else ""


def isbn_display(isbn):
    """The ISBN with its prefix marked: 978-… or the ten digits as stored."""
    if len(isbn) == 13:
        return f"{isbn[:3]}-{isbn[3:]}"
    return isbn
