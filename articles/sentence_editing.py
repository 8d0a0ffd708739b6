"""Sentence-by-sentence edits of article data, for editing a draft where it is read.

Pure functions over the data `parse_article` produces: change one sentence's text and provenance, add a
sentence after it, or remove it. Sentences are addressed by their index in reading order, which is the
order the page renders them in. Every edit is checked the way an import would check it, and must come back
unchanged through the text format, so what the page shows is exactly what the working copy will say.
"""

import copy
import re

from django.core.exceptions import ValidationError

from .diff import align, display_text
from .models import BlockKind
from .text_format import FormatErrors, dump_article, parse_article
from .validation import article_validate

OPERATIONS = ("edit", "add", "remove")
ENDINGS = ".?!;:"
# Block kinds whose sentences carry a second field the reader sees before them.
TERM_KINDS = {BlockKind.KEY_TERMS}
GOAL_KINDS = {BlockKind.SMART}

# Friendlier words for the problems an in-place edit can run into, by the validator's code.
MESSAGES = {
    "marker_in_text": "A sentence cannot hold a marker such as [3] or [LLM]: choose its provenance below instead.",
    "ambiguous_start": "A sentence cannot begin with “- ”, “|”, “:::” or “#”, which start other kinds of line.",
    "too_long": "The sentence is too long: split it in two.",
    "control_characters": "The sentence contains invisible control characters; retype it.",
    "bad_term": "A key term cannot contain “ — ”.",
    "bad_cell": "A SMART row cannot contain “|”.",
}


def units_in_order(data):
    """(block, unit) pairs of every sentence, in reading order."""
    return [(block, unit) for section in data["sections"] for block in section["blocks"] for unit in block["units"]]


def carry_keys(old_data, new_data):
    """Give each section and sentence of `new_data` that continues one of `old_data` the same "key", as
    publishing would; new ones get none. Changes `new_data` in place and returns it."""
    matched, pairs = align(old_data, new_data)
    for j, i in matched.items():
        new_data["sections"][j]["key"] = old_data["sections"][i].get("key", "")
    for old, new in pairs:
        if old.get("key"):
            new["key"] = old["key"]
    return new_data


def editable_units(data):
    """What an editor changes in each sentence, in reading order, for the in-place editor."""
    return [
        {
            "index": index,
            "key": unit.get("key", ""),
            "kind": block["kind"],
            "text": display_text({"text": unit["text"], "end": unit.get("end", "")}),
            "provenance": unit["provenance"],
            "term": unit.get("term", ""),
            "goal": unit.get("goal", ""),
            "objective": unit.get("objective", ""),
        }
        for index, (block, unit) in enumerate(units_in_order(data))
    ]


def source_choices(data):
    """The article's numbered sources, as a provenance picker lists them."""
    return [{"number": s["number"], "title": s["title"], "tier": s["tier"]} for s in data["sources"]]


def _one_line(value):
    return re.sub(r"\s+", " ", value or "").strip()


def _split_end(shown, old=None):
    """(text, end) for a sentence as the reader sees it. Closing punctuation goes after the marker where
    the sentence had such an ending before (or is new); a sentence shown unchanged keeps its split."""
    if old is not None and shown == display_text({"text": old["text"], "end": old.get("end", "")}):
        return old["text"], old.get("end", "")
    if (old is None or old.get("end")) and len(shown) > 1 and shown[-1] in ENDINGS:
        return shown[:-1].rstrip(), shown[-1]
    return shown, ""


def _provenance(provenance, numbers):
    if provenance == "llm":
        return "llm"
    cited = list(provenance or [])
    if not cited:
        raise ValidationError("Choose at least one source, or LLM.", code="provenance_missing")
    if len(set(cited)) != len(cited):
        raise ValidationError("A sentence cites each source once.", code="duplicate_citation")
    unknown = [n for n in cited if n not in numbers]
    if unknown:
        raise ValidationError(
            f"Source {', '.join(map(str, unknown))} is not in the article's list; add it under “## Sources” in "
            "the whole-text editor first.",
            code="unknown_source",
        )
    return cited


def _unit(block, shown, provenance, numbers, fields, old=None):
    shown = _one_line(shown)
    if not shown:
        raise ValidationError("Write the sentence first.", code="empty_text")
    text, end = _split_end(shown, old)
    unit = {"text": text, "provenance": _provenance(provenance, numbers), "end": end}
    if old is not None and old.get("key"):
        unit["key"] = old["key"]
    if block["kind"] in TERM_KINDS:
        unit["term"] = _one_line(fields.get("term")) or (old or {}).get("term", "")
        if not unit["term"]:
            raise ValidationError("Write the key term.", code="missing_term")
    if block["kind"] in GOAL_KINDS:
        for name in ("goal", "objective"):
            unit[name] = _one_line(fields.get(name)) or (old or {}).get(name, "")
            if not unit[name]:
                raise ValidationError(f"Write the {name}.", code=f"missing_{name}")
    return unit


def _locate(data, index):
    """(section, block, position in block) of the sentence at `index` in reading order."""
    if not isinstance(index, int) or index < 0:
        raise ValidationError("There is no such sentence.", code="no_such_sentence")
    seen = 0
    for section in data["sections"]:
        for block in section["blocks"]:
            if index < seen + len(block["units"]):
                return section, block, index - seen
            seen += len(block["units"])
    raise ValidationError("There is no such sentence: reload the draft.", code="no_such_sentence")


def sentence_apply(data, *, op, index, text="", provenance=None, **fields):
    """A copy of `data` with one sentence edited ("edit"), a sentence added after it ("add") or removed
    ("remove"), and the index of the sentence to show next. Raises ValidationError saying what to fix.

    `text` is the sentence as the reader sees it, closing punctuation included; `provenance` is "llm" or
    source numbers in marker order; `term`, `goal` and `objective` belong to key terms and SMART rows.
    """
    if op not in OPERATIONS:
        raise ValidationError("Unknown change.", code="unknown_operation")
    data = copy.deepcopy(data)
    section, block, position = _locate(data, index)
    numbers = {s["number"] for s in data["sources"]}
    if op == "edit":
        block["units"][position] = _unit(block, text, provenance, numbers, fields, old=block["units"][position])
        focus = index
    elif op == "add":
        block["units"].insert(position + 1, _unit(block, text, provenance, numbers, fields))
        focus = index + 1
    else:
        if block["kind"] == BlockKind.FIGURE and len(block["units"]) == 1:
            raise ValidationError("A figure keeps at least one caption sentence.", code="last_caption")
        del block["units"][position]
        if not block["units"]:
            if len(section["blocks"]) == 1:
                where = f"“{section['heading']}”" if section["heading"] else "the opening"
                raise ValidationError(
                    f"This is the only sentence in {where}; to remove the section, use the whole-text editor.",
                    code="last_in_section",
                )
            section["blocks"].remove(block)
        focus = min(index, len(units_in_order(data)) - 1)
    _check(data)
    return data, focus


def _check(data):
    """The edited data must be valid and come back the same through the text format."""
    try:
        article_validate(data)
    except ValidationError as error:
        raise ValidationError(
            sorted({MESSAGES.get(e.code, e.messages[0]) for e in error.error_list}), code="invalid"
        ) from error
    try:
        reparsed, _ = parse_article(dump_article(data), "draft")
    except FormatErrors as error:
        raise ValidationError(error.messages, code="format") from error
    before = [display_text(u) for _, u in units_in_order(data)]
    after = [display_text(u) for _, u in units_in_order(reparsed)]
    if before != after:
        raise ValidationError(
            "The sentence would not read back as one sentence; check for a stray marker or line break.",
            code="does_not_round_trip",
        )
