"""Whether article data may be written: every problem found at once, each saying where it is."""

import datetime
import re

from django.core.exceptions import ValidationError

from sources.identifiers import validate_doi, validate_isbn, validate_pmid
from sources.models import Kind, Source, Tier

from .models import MARKER_IN_TEXT, Article, Block, Section, Unit

# Any C0 control but a tab: a per-character loop in Python costs a long article several milliseconds.
_CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0a-\x1f]")

# Embeddings, overrides and isolates make text display in another order than it is stored: a title or a
# sentence could read reversed. Marks (U+200E, U+200F) only place neutral characters and are kept.
_DIRECTION_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Half of a UTF-16 pair on its own: JSON can carry one ("\\ud800"), but no database or page can store it.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
VERSION = re.compile(r"[0-9]{1,4}\.[0-9]{1,4}")
UNIT_TEXT_LIMIT = 2000  # a sentence; far longer is a paragraph pasted as one unit
# Sentences in the text format sit one per line; these openings would read as a list item, table
# row, fenced block, heading or figure alt text instead.
LINE_OPENERS = ("- ", "|", ":::", "#")
FIELD_LIMITS = {
    "slug": 120,
    "title": 200,
    "lead": 4000,
    "type": 120,
    "discipline": 120,
    "family": 120,
    "generating_model": 100,
    "generated_on": 10,
}
REQUIRED_FIELDS = ("slug", "title", "lead", "type", "discipline", "family", "generating_model", "generated_on")
# Far above any real article. Publishing moves rows through positions above these while it reorders them,
# so positions and source numbers must stay below POSITION_CEILING.
MAX_SECTIONS = 1000
MAX_BLOCKS_PER_SECTION = 1000
MAX_UNITS_PER_BLOCK = 5000
MAX_SOURCE_NUMBER = 9999
# A sentence's markers are stored as one line of source numbers (100 characters): twenty four-digit numbers fit.
MAX_CITATIONS_PER_UNIT = 20
POSITION_CEILING = 16384


def article_validate(data):
    """Check article data as a whole, raising one ValidationError that lists every problem."""
    errors = []
    if not isinstance(data, dict):
        raise ValidationError("An article must be a JSON object.", code="not_an_object")
    for field in REQUIRED_FIELDS:
        if not isinstance(data.get(field), str) or not data[field].strip():
            errors.append(ValidationError(f"Missing required field “{field}”.", code="missing_field"))
        else:
            errors += _text_errors("Article", data[field], field, FIELD_LIMITS[field])
    if isinstance(data.get("slug"), str) and not SLUG.fullmatch(data["slug"]):
        errors.append(
            ValidationError("The slug may hold only lower-case letters, digits and hyphens.", code="bad_slug")
        )
    try:
        # As the text format writes it: fromisoformat alone also takes "20260604" and week dates.
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", str(data.get("generated_on"))):
            raise ValueError
        datetime.date.fromisoformat(str(data["generated_on"]))
    except ValueError:
        errors.append(ValidationError("generated_on must be a date such as 2026-06-04.", code="bad_date"))
    if data.get("status", Article.Status.DRAFT) not in Article.Status.values:
        errors.append(ValidationError(f"status must be one of {', '.join(Article.Status.values)}.", code="bad_status"))
    see_also = data.get("see_also", [])
    if not isinstance(see_also, list) or not all(isinstance(slug, str) for slug in see_also):
        errors.append(ValidationError("“see_also” must be a list of article addresses (slugs).", code="bad_see_also"))
    else:
        # Looked up by address later: a broken character or a NUL there is a database error, not a missing article.
        slug_limit = Article._meta.get_field("slug").max_length
        for slug in see_also:
            if not (len(slug) <= slug_limit and SLUG.fullmatch(slug)):
                shown = (
                    ascii(slug[:60]) if _LONE_SURROGATE.search(slug) or _CONTROL_CHARACTER.search(slug) else slug[:60]
                )
                errors.append(
                    ValidationError(
                        f"See also “{shown}” is no article address: lower-case letters, digits and hyphens, at most "
                        f"{slug_limit} characters.",
                        code="bad_see_also",
                    )
                )
    version = str(data.get("version", "1.0"))
    if not VERSION.fullmatch(version):
        errors.append(ValidationError(f"Version “{version}” must look like 1.0.", code="bad_version"))

    sources = data.get("sources")
    numbers = set()
    if not isinstance(sources, list):
        errors.append(ValidationError("“sources” must be a list.", code="bad_sources"))
        sources = []
    for i, source in enumerate(sources, start=1):
        where = f"Source {i}"
        if not isinstance(source, dict):
            errors.append(ValidationError(f"{where}: must be an object.", code="bad_source"))
            continue
        number = source.get("number")
        if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= MAX_SOURCE_NUMBER:
            errors.append(
                ValidationError(
                    f"{where}: “number” must be a whole number from 1 to {MAX_SOURCE_NUMBER}.",
                    code="bad_source_number",
                )
            )
        elif number in numbers:
            errors.append(ValidationError(f"{where}: number {number} is used twice.", code="duplicate_source_number"))
        else:
            numbers.add(number)
        if source.get("tier") not in Tier.values:
            errors.append(ValidationError(f"{where}: tier must be one of {', '.join(Tier.values)}.", code="bad_tier"))
        if source.get("kind", Kind.ARTICLE) not in Kind.values:
            errors.append(ValidationError(f"{where}: kind must be one of {', '.join(Kind.values)}.", code="bad_kind"))
        if not isinstance(source.get("title"), str) or not source["title"].strip():
            errors.append(ValidationError(f"{where}: a title is required.", code="missing_source_title"))
        for field in ("title", "authors", "container", "url", "doi", "pmid", "isbn"):
            limit = Source._meta.get_field(field).max_length
            errors += _text_errors(where, source.get(field), field, limit, required=field == "title")
            if field in IDENTIFIER_VALIDATORS and isinstance(source.get(field), str):
                message = identifier_error(field, source[field])
                if message:
                    errors.append(ValidationError(f"{where}: {message}", code=f"bad_{field}"))
        year = source.get("year")
        if year is not None and not (isinstance(year, int) and not isinstance(year, bool) and 1000 <= year <= 9999):
            errors.append(ValidationError(f"{where}: year must be four digits, e.g. 2023.", code="bad_year"))

    sections = data.get("sections")
    if not isinstance(sections, list) or not sections:
        errors.append(ValidationError("An article needs at least one section.", code="no_sections"))
        sections = []
    if len(sections) > MAX_SECTIONS:
        errors.append(ValidationError(f"An article has at most {MAX_SECTIONS} sections.", code="too_many_sections"))
    for s, section in enumerate(sections, start=1):
        if not isinstance(section, dict) or not isinstance(section.get("blocks"), list):
            errors.append(ValidationError(f"Section {s}: must have a list of blocks.", code="bad_section"))
            continue
        if len(section["blocks"]) > MAX_BLOCKS_PER_SECTION:
            errors.append(
                ValidationError(
                    f"Section {s}: a section has at most {MAX_BLOCKS_PER_SECTION} blocks.", code="too_many_blocks"
                )
            )
        heading_limit = Section._meta.get_field("heading").max_length
        errors += _text_errors(f"Section {s}", section.get("heading", ""), "the heading", heading_limit, required=False)
        for b, block in enumerate(section["blocks"], start=1):
            where = f"Section {s} “{section.get('heading', '')}”, block {b}"
            if not isinstance(block, dict) or block.get("kind") not in Block.Kind.values:
                errors.append(
                    ValidationError(
                        f"{where}: kind must be one of {', '.join(Block.Kind.values)}.", code="bad_block_kind"
                    )
                )
                continue
            if block["kind"] == Block.Kind.FIGURE:
                image_limit = Block._meta.get_field("image").max_length
                image_errors = _text_errors(where, block.get("image"), "the image", image_limit)
                errors += image_errors or _image_errors(where, block["image"])
                errors += _text_errors(where, block.get("alt_text"), "the alt text", UNIT_TEXT_LIMIT)
            elif block.get("image") not in (None, "") or block.get("alt_text") not in (None, ""):
                errors.append(
                    ValidationError(f"{where}: only a figure has an “image” and “alt_text”.", code="stray_field")
                )
            video = block.get("video")
            if block["kind"] == Block.Kind.VIDEO and not (isinstance(video, int) and video in numbers):
                errors.append(
                    ValidationError(
                        f"{where}: the video must be one of the article's source numbers.", code="bad_video"
                    )
                )
            units = block.get("units")
            if not isinstance(units, list):
                errors.append(ValidationError(f"{where}: “units” must be a list.", code="bad_units"))
                continue
            if len(units) > MAX_UNITS_PER_BLOCK:
                errors.append(
                    ValidationError(f"{where}: a block has at most {MAX_UNITS_PER_BLOCK} units.", code="too_many_units")
                )
            for u, unit in enumerate(units, start=1):
                errors.extend(_unit_errors(f"{where}, unit {u}", block["kind"], unit, numbers))
    if errors:
        raise ValidationError(errors)


IDENTIFIER_VALIDATORS = {"doi": validate_doi, "pmid": validate_pmid, "isbn": validate_isbn}


def identifier_error(field, value):
    """Why a source's DOI, PMID or ISBN is malformed, or "" if it is fine (or empty)."""
    try:
        IDENTIFIER_VALIDATORS[field](value)
    except ValidationError as error:
        return " ".join(error.messages)
    return ""


def unwritable_text(value):
    """Why an article could not carry `value` as text, or "": for forms outside the text format whose values
    articles show (the admin's sources and taxonomy), so that nothing they accept stops a later draft."""
    if "\n" in value or "\r" in value:
        return "Keep it to one line."
    if _CONTROL_CHARACTER.search(value):
        return "This contains invisible control characters; retype it or paste it as plain text."
    if _LONE_SURROGATE.search(value):
        return "This contains a broken character (half of a UTF-16 pair)."
    direction = _DIRECTION_CONTROL.search(value)
    if direction:
        return (
            f"This contains an invisible character that changes the direction of text (U+{ord(direction.group()):04X}, "
            f"at character {direction.start() + 1}); remove it."
        )
    return ""


def _text_errors(where, value, name, limit, *, required=True):
    """A piece of one-line text: a string, within its limit, with nothing the text format could not write back."""
    if value in (None, "") and not required:
        return []
    if not isinstance(value, str) or not value.strip():
        return [ValidationError(f"{where}: {name} is empty.", code="empty_text")]
    errors = []
    if len(value) > limit:
        errors.append(
            ValidationError(f"{where}: {name} is {len(value)} characters; the limit is {limit}.", code="too_long")
        )
    if "\n" in value or "\r" in value or value != value.strip():
        errors.append(
            ValidationError(f"{where}: {name} must be one line without surrounding spaces.", code="not_one_line")
        )
    if _CONTROL_CHARACTER.search(value):
        errors.append(ValidationError(f"{where}: {name} contains control characters.", code="control_characters"))
    if _LONE_SURROGATE.search(value):
        errors.append(
            ValidationError(f"{where}: {name} contains a broken character (half of a UTF-16 pair).", code="surrogate")
        )
    direction = _DIRECTION_CONTROL.search(value)
    if direction:
        errors.append(
            ValidationError(
                f"{where}: {name} contains an invisible character that changes the direction of text "
                f"(U+{ord(direction.group()):04X}, at character {direction.start() + 1}); remove it.",
                code="direction_control",
            )
        )
    return errors


def _unit_errors(where, kind, unit, numbers):
    if not isinstance(unit, dict):
        return [ValidationError(f"{where}: must be an object.", code="bad_unit")]
    errors = _text_errors(where, unit.get("text"), "the text", UNIT_TEXT_LIMIT)
    if isinstance(unit.get("text"), str) and MARKER_IN_TEXT.search(unit["text"]):
        errors.append(
            ValidationError(
                f"{where}: the text holds a provenance marker; one sentence per unit, or escape a literal “\\[”.",
                code="marker_in_text",
            )
        )
    text = unit.get("text")
    line_kinds = (Block.Kind.PARAGRAPH, Block.Kind.EXAMPLE, Block.Kind.FRAMING, Block.Kind.FIGURE)
    if (
        kind in line_kinds
        and isinstance(text, str)
        and (text.startswith(LINE_OPENERS) or text == "-" or (kind == Block.Kind.FIGURE and text.startswith("alt:")))
    ):
        errors.append(
            ValidationError(
                f"{where}: a sentence cannot begin with “{text[:3]}”, which starts another kind of line; "
                "escape its first character with a backslash.",
                code="ambiguous_start",
            )
        )
    provenance = unit.get("provenance")
    if provenance == "llm":
        pass
    elif (
        isinstance(provenance, list)
        and provenance
        and all(isinstance(n, int) and not isinstance(n, bool) for n in provenance)
    ):
        unknown = sorted(set(provenance) - numbers)
        if unknown:
            errors.append(
                ValidationError(
                    f"{where}: cites source {', '.join(map(str, unknown))}, which is not in the source list.",
                    code="unknown_source",
                )
            )
        if len(set(provenance)) != len(provenance):
            errors.append(ValidationError(f"{where}: cites the same source twice.", code="duplicate_citation"))
        if len(provenance) > MAX_CITATIONS_PER_UNIT:
            errors.append(
                ValidationError(
                    f"{where}: cites {len(provenance)} sources; a sentence cites at most {MAX_CITATIONS_PER_UNIT}.",
                    code="too_many_citations",
                )
            )
    else:
        errors.append(
            ValidationError(
                f'{where}: has no provenance; give source numbers (e.g. [2, 7]) or "llm".', code="provenance_missing"
            )
        )
    if unit.get("end", "") not in ("", ".", "?", "!", ";", ":"):
        errors.append(ValidationError(f"{where}: “end” must be closing punctuation or empty.", code="bad_end"))
    # Each unit has a row with every field; one this kind of block does not show must be empty, or it would be
    # stored unchecked and unseen.
    for field, owner, rule in (
        ("term", Block.Kind.KEY_TERMS, "only a key-terms block's units have a “term”"),
        ("goal", Block.Kind.SMART, "only a SMART block's units have a “goal”"),
        ("objective", Block.Kind.SMART, "only a SMART block's units have an “objective”"),
    ):
        if kind != owner and unit.get(field) not in (None, ""):
            errors.append(ValidationError(f"{where}: {rule}.", code="stray_field"))
    if kind == Block.Kind.KEY_TERMS:
        errors += _text_errors(where, unit.get("term"), "the key term", Unit._meta.get_field("term").max_length)
        if " — " in str(unit.get("term", "")):
            errors.append(ValidationError(f"{where}: a key term cannot contain “ — ”.", code="bad_term"))
    if kind == Block.Kind.SMART:
        errors += _text_errors(where, unit.get("goal"), "the goal", Unit._meta.get_field("goal").max_length)
        errors += _text_errors(where, unit.get("objective"), "the objective", UNIT_TEXT_LIMIT)
        cells = [str(unit.get(k, "")) for k in ("goal", "objective", "text")]
        if any(re.search(r"(?<!\\)\|", cell) for cell in cells):
            errors.append(ValidationError(f"{where}: a SMART cell cannot contain “|”; write “\\|”.", code="bad_cell"))
    return errors


# A figure's image is one of the site's static files, named by its path under static/: the page puts it after
# STATIC_URL, so a link, a path outside static/ or a typo would be a broken picture at best.
IMAGE_PATH = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*(?:/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*\.(?:svg|png|jpe?g|webp|gif)")


def _image_errors(where, image):
    from django.contrib.staticfiles import finders

    if not IMAGE_PATH.fullmatch(image) or ".." in image:
        message = (
            f"{where}: the image “{image}” is not a path to one of the site's images; write it as "
            "“articles/figures/name.svg” (letters, digits, “-”, “_” and “/”, ending in .svg, .png, .jpg, .webp "
            "or .gif)."
        )
        return [ValidationError(message, code="bad_image")]
    if finders.find(image) is None:
        message = f"{where}: there is no image “{image}” among the site's static files; add it there first."
        return [ValidationError(message, code="missing_image")]
    return []
