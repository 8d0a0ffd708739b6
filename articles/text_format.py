"""The plain-text article format: Markdown with a front-matter header. See docs/article-format.md.

`parse_article(text, filename)` turns a file into the article data that `article_import` takes, or raises
`FormatErrors` listing every problem with its line and column. `dump_article(data)` writes the canonical
form, so that dump(parse(f)) == f for any file in canonical form.
"""

import datetime
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.text import slugify

from sources.identifiers import normalise_isbn
from sources.models import Kind, Tier

from .exporting import SOURCE_FIELDS as RECORD_FIELDS
from .models import MARKER_IN_TEXT, SOURCE_NUMBER, BlockKind
from .validation import SLUG, identifier_error

FRONT_MATTER_KEYS = [
    ("slug", "slug"),
    ("title", "title"),
    ("type", "type"),
    ("discipline", "discipline"),
    ("family", "family"),
    ("status", "status"),
    ("version", "version"),
    ("model", "generating_model"),
    ("generated", "generated_on"),
    ("see-also", "see_also"),
    ("lead", "lead"),
]
REQUIRED_KEYS = {"slug", "title", "type", "discipline", "family", "model", "generated", "lead"}
SOURCE_FIELDS = [f for f in RECORD_FIELDS if f not in ("kind", "tier")]  # kind and tier open the entry
SOURCES_HEADING = "Sources"
FENCED_KINDS = {"figure", "example", "framing", "key-terms", "video"}
KIND_OF_FENCE = {"key-terms": BlockKind.KEY_TERMS}
SMART_HEADER = "| Goal | SMART objective (example) | Mechanism |"
SMART_RULE = "| --- | --- | --- |"
TERM_SEPARATOR = " — "

# Text limits, matching the model's columns.
LIMITS = {
    "slug": 120,
    "title": 200,
    "heading": 200,
    "term": 200,
    "goal": 300,
    "type": 120,
    "discipline": 120,
    "family": 120,
    "model": 100,
    "unit": 2000,
    "objective": 2000,
    "lead": 4000,
    "alt": 2000,
    "image": 300,
    "source title": 500,
    "authors": 500,
    "container": 500,
    "url": 1000,
    "doi": 200,
    "pmid": 20,
    "isbn": 20,
}

_url_validator = URLValidator(schemes=["http", "https"])

# A provenance marker and the closing punctuation after it.
MARKER = re.compile(MARKER_IN_TEXT.pattern + r"([.?!;:]?)")


@dataclass
class FormatError:
    line: int
    column: int
    message: str

    def format(self, filename):
        return f"{filename}:{self.line}:{self.column}: {self.message}"


class FormatErrors(Exception):
    def __init__(self, errors, filename):
        self.errors = sorted(errors, key=lambda e: (e.line, e.column))
        self.filename = filename
        super().__init__("\n".join(e.format(filename) for e in self.errors))

    @property
    def messages(self):
        return [e.format(self.filename) for e in self.errors]


class _Parser:
    def __init__(self, text):
        self.lines = text.split("\n")
        self.errors = []
        self.source_refs = []  # (number, line, column) of every citation, checked once sources are known

    def error(self, line, column, message):
        self.errors.append(FormatError(line, column, message))

    def check_length(self, value, what, line, column):
        limit = LIMITS[what]
        if len(value) > limit:
            self.error(line, column, f"{what} is {len(value)} characters; the limit is {limit}. Shorten it.")

    # --- front matter -------------------------------------------------------------------------

    def front_matter(self):
        if not self.lines or self.lines[0] != "---":
            self.error(1, 1, "The file must start with a front-matter line “---”.")
            return {}, 0
        try:
            end = self.lines.index("---", 1)
        except ValueError:
            self.error(1, 1, "The front matter is not closed: add a line “---” after it.")
            return {}, len(self.lines)
        values, seen = {}, {}
        known = dict(FRONT_MATTER_KEYS)
        for index in range(1, end):
            line_no, line = index + 1, self.lines[index]
            if not line.strip():
                continue
            key, sep, value = line.partition(":")
            key = key.strip()
            if not sep or key != line[: len(key)]:
                self.error(line_no, 1, "Front-matter lines are “key: value”.")
                continue
            if key not in known:
                self.error(line_no, 1, f"Unknown front-matter key “{key}”; known keys: {', '.join(known)}.")
                continue
            if key in seen:
                self.error(line_no, 1, f"“{key}” is given twice (first on line {seen[key]}).")
                continue
            seen[key] = line_no
            values[key] = (value.strip(), line_no, len(key) + 3)
        for key in sorted(REQUIRED_KEYS - seen.keys()):
            self.error(end + 1, 1, f"Missing required front-matter key “{key}”.")
        data = {"status": "draft", "version": "1.0", "see_also": []}
        for key, (value, line_no, column) in values.items():
            field = known[key]
            if key in LIMITS:
                self.check_length(value, key, line_no, column)
            if key in REQUIRED_KEYS and not value:
                self.error(line_no, column, f"“{key}” is empty.")
            if key == "slug" and not SLUG.fullmatch(value):
                self.error(
                    line_no, column, "A slug holds only lower-case letters, digits and hyphens, e.g. self-compassion."
                )
            elif key == "status" and value not in ("draft", "published"):
                self.error(line_no, column, "status is draft or published.")
            elif key == "version" and not re.fullmatch(r"[0-9]{1,4}\.[0-9]{1,4}", value):
                self.error(line_no, column, "version looks like 1.0.")
            elif key == "generated":
                try:
                    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
                        raise ValueError(value)
                    datetime.date.fromisoformat(value)
                except ValueError:
                    self.error(line_no, column, "generated is a date written 2026-06-04.")
            if key == "see-also":
                value = [s.strip() for s in value.split(",") if s.strip()]
            data[field] = value
        return data, end + 1

    # --- body ---------------------------------------------------------------------------------

    def units(self, text, line_no, column, *, single=False):
        """Split a line into units, each ending in a provenance marker and its closing punctuation."""
        units, position = [], 0
        for match in MARKER.finditer(text):
            sentence = text[position : match.start()].strip()
            if not sentence:
                self.error(line_no, column + match.start(), "A marker with no sentence before it.")
            else:
                self.check_length(sentence, "unit", line_no, column + position)
            end = match.end()
            if end < len(text) and not text[end].isspace():
                self.error(line_no, column + end, "A marker must end its sentence: put a space after it.")
            marker = match.group(1)
            if marker == "LLM":
                provenance = "llm"
            else:
                provenance = [int(n) for n in re.split(r"\s*,\s*", marker)]
                if len(set(provenance)) != len(provenance):
                    self.error(line_no, column + match.start(), f"[{marker}] cites the same source twice.")
                for n in provenance:
                    self.source_refs.append((n, line_no, column + match.start()))
            units.append({"text": sentence, "provenance": provenance, "end": match.group(2)})
            position = end
        rest = text[position:].strip()
        if rest:
            self.error(
                line_no,
                column + position + (len(text[position:]) - len(text[position:].lstrip())),
                f"“{_clip(rest)}” has no provenance marker: end it with [1], [2,7] or [LLM] before its full stop.",
            )
        if single and len(units) > 1:
            self.error(line_no, column, "Only one sentence belongs here; split the item.")
        return units

    def body(self, start):
        sections = [{"heading": "", "blocks": []}]
        heading_lines = [0]  # each section's heading line, for errors about it (two may share an anchor)
        headings = {}
        sources = None
        index = start
        while index < len(self.lines):
            line, line_no = self.lines[index], index + 1
            if not line.strip():
                index += 1
                continue
            if line.startswith("## "):
                heading = line[3:].strip()
                if heading == SOURCES_HEADING:
                    sources = self.sources(index + 1)
                    break
                self.check_length(heading, "heading", line_no, 4)
                anchor = slugify(heading)
                if not anchor:
                    self.error(line_no, 4, "A heading needs letters or digits.")
                elif anchor in headings:
                    self.error(line_no, 4, f"A second heading “{heading}” (the first is on line {headings[anchor]}).")
                headings.setdefault(anchor, line_no)
                sections.append({"heading": heading, "blocks": []})
                heading_lines.append(line_no)
                index += 1
                continue
            if line.startswith("#"):
                self.error(line_no, 1, "Sections start with “## ”; other heading levels are not used.")
                index += 1
                continue
            block, index = self.block(index)
            if block is not None:
                sections[-1]["blocks"].append(block)
        if sources is None:
            self.error(len(self.lines), 1, "The file must end with a “## Sources” section.")
            sources = []
        for section, line_no in zip(sections[1:], heading_lines[1:]):
            if not section["blocks"]:
                self.error(line_no, 1, f"The section “{section['heading']}” is empty.")
        if not sections[0]["blocks"]:
            sections.pop(0)
        return sections, sources

    def block(self, index):
        line = self.lines[index]
        if line.startswith(":::"):
            return self.fenced(index)
        if line.startswith("|"):
            return self.smart_table(index)
        if line.startswith("- "):
            items, index = self._run(index, lambda text: text.startswith("- "), "a question (“- …”)")
            units = []
            for text, item_no in items:
                units.extend(self.units(text[2:], item_no, 3, single=True))
            return {"kind": BlockKind.QUESTIONS, "units": units}, index
        lines, index = self._run(index, lambda text: not text.startswith(("- ", "|", ":::", "#")), "paragraph text")
        units = []
        for text, text_no in lines:
            units.extend(self.units(text, text_no, 1))
        return {"kind": BlockKind.PARAGRAPH, "units": units}, index

    def _run(self, index, belongs, what):
        """Consecutive non-blank lines from index; a line of another kind ends the block with an error."""
        lines = []
        while index < len(self.lines) and self.lines[index].strip():
            text = self.lines[index]
            if not belongs(text):
                self.error(index + 1, 1, f"Expected {what} or a blank line; separate blocks with a blank line.")
                while index < len(self.lines) and self.lines[index].strip() and not self.lines[index].startswith("#"):
                    index += 1
                break
            lines.append((text, index + 1))
            index += 1
        return lines, index

    def fenced(self, index):
        opening, line_no = self.lines[index], index + 1
        words = opening[3:].split(maxsplit=1)
        kind = words[0] if words else ""
        argument = words[1].strip() if len(words) > 1 else ""
        try:
            close = self.lines.index(":::", index + 1)
        except ValueError:
            self.error(line_no, 1, "This “:::” block is never closed: add a line “:::” after it.")
            return None, len(self.lines)
        inner = [(self.lines[i], i + 1) for i in range(index + 1, close) if self.lines[i].strip()]
        if kind not in FENCED_KINDS:
            self.error(line_no, 5, f"Unknown block kind “{kind}”; use one of {', '.join(sorted(FENCED_KINDS))}.")
            return None, close + 1
        block = {"kind": KIND_OF_FENCE.get(kind, kind), "units": []}
        if kind == "figure":
            if not argument:
                self.error(line_no, 5, "A figure names its image: “::: figure articles/figures/name.svg”.")
            self.check_length(argument, "image", line_no, 12)
            block["image"] = argument
            if not inner or not inner[0][0].startswith("alt: "):
                self.error(line_no + 1, 1, "A figure's first line is its alt text: “alt: what the image shows”.")
                block["alt_text"] = ""
            else:
                alt, alt_no = inner.pop(0)
                block["alt_text"] = alt[5:].strip()
                if not block["alt_text"]:
                    self.error(alt_no, 6, "The alt text is empty: say what the image shows.")
                self.check_length(block["alt_text"], "alt", alt_no, 6)
            for text, text_no in inner:
                block["units"].extend(self.units(text, text_no, 1))
        elif kind == "video":
            match = re.fullmatch(rf"\[({SOURCE_NUMBER})\]", argument)
            if not match:
                self.error(line_no, 11, "A video names its source: “::: video [8]”.")
            else:
                block["video"] = int(match.group(1))
                self.source_refs.append((block["video"], line_no, 11))
            if inner:
                self.error(inner[0][1], 1, "A video block holds nothing between its “:::” lines.")
        elif kind == "key-terms":
            for text, text_no in inner:
                if not text.startswith("- ") or TERM_SEPARATOR not in text:
                    self.error(text_no, 1, "A key term is written “- Term — definition [7].”")
                    continue
                term, _, definition = text[2:].partition(TERM_SEPARATOR)
                if not term.strip():
                    self.error(text_no, 3, "The key term is empty: write “- Term — definition [7].”")
                self.check_length(term.strip(), "term", text_no, 3)
                offset = 2 + len(term) + len(TERM_SEPARATOR) + 1
                for unit in self.units(definition, text_no, offset, single=True):
                    block["units"].append({"term": term.strip(), **unit})
        else:  # example, framing
            if argument:
                self.error(line_no, 5 + len(kind) + 1, f"“::: {kind}” takes nothing after its name.")
            for text, text_no in inner:
                block["units"].extend(self.units(text, text_no, 1))
        if kind != "video" and not block["units"]:
            self.error(line_no, 1, f"This {kind} block has no sentences.")
        return block, close + 1

    def smart_table(self, index):
        rows, end = self._run(index, lambda text: text.startswith("|"), "a table row (“| … |”)")
        if not rows or rows[0][0].strip() != SMART_HEADER:
            self.error(index + 1, 1, f"A SMART table starts with the header “{SMART_HEADER}”.")
            return None, end
        if len(rows) < 2 or rows[1][0].strip() != SMART_RULE:
            self.error(index + 2, 1, f"The SMART table header is followed by “{SMART_RULE}”.")
            return None, end
        units = []
        for text, row_no in rows[2:]:
            stripped = text.strip()
            cells = re.split(r"(?<!\\)\|", stripped)
            if not (stripped.startswith("|") and stripped.endswith("|")) or len(cells) != 5:
                self.error(row_no, 1, "A SMART row has three cells: “| Goal | Objective | Mechanism [6] |”.")
                continue
            goal, objective, mechanism = (c.strip() for c in cells[1:4])
            if not goal or not objective:
                self.error(row_no, 1, "A SMART row needs a goal and an objective.")
            self.check_length(goal, "goal", row_no, 3)
            self.check_length(objective, "objective", row_no, 3)
            column = text.index(cells[3]) + 1 if cells[3] else 1
            for unit in self.units(cells[3], row_no, column, single=True):
                units.append({"goal": goal, "objective": objective, **unit})
        if len(rows) == 2:
            self.error(index + 1, 1, "This SMART table has no rows.")
        return {"kind": BlockKind.SMART, "units": units}, end

    def sources(self, index):
        sources, numbers = [], {}
        current = None
        for i in range(index, len(self.lines)):
            line, line_no = self.lines[i], i + 1
            if not line.strip():
                continue
            match = re.fullmatch(rf"\[({SOURCE_NUMBER})\]: (\S+) (\S+)", line)
            if match:
                number, tier, kind = int(match.group(1)), match.group(2), match.group(3)
                if number < 1:
                    self.error(line_no, 2, "Sources are numbered from 1.")
                if number in numbers:
                    self.error(line_no, 2, f"Source {number} is defined twice (first on line {numbers[number]}).")
                numbers.setdefault(number, line_no)
                if tier not in Tier.values:
                    self.error(line_no, match.start(2) + 1, f"Unknown tier “{tier}”; use T1, T2 or T3.")
                if kind not in Kind.values:
                    self.error(
                        line_no, match.start(3) + 1, f"Unknown source kind “{kind}”; use {', '.join(Kind.values)}."
                    )
                current = {"number": number, "tier": tier, "kind": kind, "line": line_no, "given": set()}
                current.update({f: "" for f in SOURCE_FIELDS})
                current["year"] = None
                sources.append(current)
                continue
            if line.startswith("##"):
                self.error(line_no, 1, "“## Sources” is the last section.")
                break
            field_match = re.fullmatch(r"\s+([a-z]+): (.*)", line)
            if current is None or not field_match:
                self.error(line_no, 1, "Sources are written “[1]: T1 article” with indented “field: value” lines.")
                continue
            field, value = field_match.group(1), field_match.group(2).strip()
            column = field_match.start(2) + 1
            if field in current["given"]:
                self.error(line_no, field_match.start(1) + 1, f"Source {current['number']} gives “{field}” twice.")
                continue
            current["given"].add(field)
            if field not in SOURCE_FIELDS:
                self.error(
                    line_no,
                    field_match.start(1) + 1,
                    f"Unknown source field “{field}”; use {', '.join(SOURCE_FIELDS)}.",
                )
                continue
            if field == "year":
                if not re.fullmatch(r"[1-9][0-9]{3}", value):
                    self.error(line_no, column, "year is four digits, e.g. 2023.")
                    continue
                value = int(value)
            elif field == "url" and not _is_url(value):
                self.error(line_no, column, "url is a full web address starting with https:// or http://.")
            elif field in ("doi", "pmid", "isbn") and identifier_error(field, _identifier(field, value)):
                self.error(line_no, column, identifier_error(field, _identifier(field, value)))
            else:
                self.check_length(
                    value, "source title" if field == "title" else field, line_no, field_match.start(2) + 1
                )
            current[field] = _identifier(field, value) if field == "isbn" else value
        for source in sources:
            line_no = source.pop("line")
            source.pop("given")
            if not source["title"]:
                self.error(line_no, 1, f"Source {source['number']} needs a “title:” line.")
        return sources


def _identifier(field, value):
    """An ISBN as stored (digits only: the hyphens it is printed with vary); other fields as written."""
    return normalise_isbn(value) if field == "isbn" else value


def _is_url(value):
    try:
        _url_validator(value)
    except ValidationError:
        return False
    return True


def _clip(text, width=40):
    return text if len(text) <= width else text[: width - 1] + "…"


def parse_article(text, filename="<article>"):
    """Parse the article format into article data, or raise FormatErrors listing every problem."""
    parser = _Parser(text.replace("\r\n", "\n"))
    data, body_start = parser.front_matter()
    sections, sources = parser.body(body_start)
    defined = {s["number"] for s in sources}
    for number, line_no, column in parser.source_refs:
        if number not in defined:
            parser.error(line_no, column, f"Cites source {number}, which “## Sources” does not define.")
    cited = {n for n, _, _ in parser.source_refs}
    warnings = [f"source {n} is never cited" for n in sorted(defined - cited)]
    if parser.errors:
        raise FormatErrors(parser.errors, filename)
    data["sections"] = sections
    data["sources"] = sources
    return data, warnings


def _marker(provenance):
    return "[LLM]" if provenance == "llm" else "[" + ",".join(map(str, provenance)) + "]"


def _unit_line(unit):
    return f"{unit['text']} {_marker(unit['provenance'])}{unit.get('end', '')}"


def dump_article(data):
    """Write article data in the canonical text form."""
    out = ["---"]
    for key, field in FRONT_MATTER_KEYS:
        value = data.get(field)
        if field == "see_also":
            value = ", ".join(value or [])
        out.append(f"{key}: {value}".rstrip() if value is not None else f"{key}:")
    out.append("---")
    for section in data["sections"]:
        if section["heading"]:
            out += ["", f"## {section['heading']}"]
        for block in section["blocks"]:
            out.append("")
            out += _dump_block(block)
    out += ["", f"## {SOURCES_HEADING}"]
    for source in data["sources"]:
        out += ["", f"[{source['number']}]: {source['tier']} {source['kind']}"]
        for field in SOURCE_FIELDS:
            value = source.get(field)
            if value not in ("", None):
                out.append(f"    {field}: {value}")
    return "\n".join(out) + "\n"


def _dump_block(block):
    kind, units = block["kind"], block["units"]
    if kind == BlockKind.PARAGRAPH:
        return [_unit_line(u) for u in units]
    if kind == BlockKind.QUESTIONS:
        return [f"- {_unit_line(u)}" for u in units]
    if kind == BlockKind.SMART:
        rows = [SMART_HEADER, SMART_RULE]
        rows += [f"| {u['goal']} | {u['objective']} | {_unit_line(u)} |" for u in units]
        return rows
    if kind == BlockKind.FIGURE:
        return [f"::: figure {block['image']}", f"alt: {block['alt_text']}", *map(_unit_line, units), ":::"]
    if kind == BlockKind.VIDEO:
        return [f"::: video [{block['video']}]", ":::"]
    if kind == BlockKind.KEY_TERMS:
        return ["::: key-terms", *(f"- {u['term']}{TERM_SEPARATOR}{_unit_line(u)}" for u in units), ":::"]
    return [f"::: {kind}", *map(_unit_line, units), ":::"]
