"""Three-way merge of article texts, to bring a draft up to date with the live article.

A draft is a whole-article working copy in the text format (docs/article-format.md). When the live article has
moved on since the draft began, `merge_article_texts(base, live, draft)` merges the two lines of work against the
text they share: a change made on one side applies automatically, the same change made on both sides is taken
once, and where both sides changed the same sentence differently (or added different sentences at the same
place) the merge reports a `Conflict` for the editor to resolve. `ArticleMerge.text(choices)` writes the result.
`approval_still_holds()` says whether that result still makes the change a submitter approved.

The format holds one unit per line, so a merge over lines is a merge over sentences, front-matter fields,
headings and fences. Three things are not plain lines and are settled around the line merge:

- Source numbers. The same work may carry different numbers on each side, and both sides may have added
  different works under the same number. Base and draft are rewritten into the live article's numbering first
  (`renumber_draft_sources`), so a renumbering is never a change and one number never names two works.
- The source list. Sources are merged work by work: where both sides changed a work's record, the library's
  record (live's) wins, as an import keeps it anyway; the merged article lists every work its text cites,
  and an uncited work only where the three-way merge keeps it.
- Blank lines. They are left out of the line merge, so they never conflict. A paragraph break between two
  merged lines is decided by every side that holds both lines (where lines between them were deleted, a break
  in any gap they spanned remains), and the blank lines the format requires (around headings, fences and
  tables) are laid out afresh.

Pure Python, no database, deterministic.
"""

import copy
import difflib
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from .diff import OPENING, SOURCE_FIELDS, _match_sources, _normalise, _pair_units, diff_articles, word_diff
from .models import MARKER_IN_TEXT
from .text_format import SMART_HEADER, SMART_RULE, SOURCES_HEADING, dump_article, parse_article

CHOICES = ("live", "draft", "both")
FRONT_MATTER = "Front matter"
RECORD_FIELDS = tuple(f for f in SOURCE_FIELDS if f != "number")

_VIDEO = re.compile(r"::: video \[(\d+)\]")
_SOURCES_TAIL = f"\n\n## {SOURCES_HEADING}\n"


# --- results ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Conflict:
    """One place where both sides changed the same base lines differently, or added different lines there.

    Lines are the content lines (sentences with their markers, front-matter fields, headings, fences) without
    blank lines, with source numbers as the merged article uses them.
    """

    index: int
    section: str  # the heading the conflict falls under; "" before the first heading
    front_matter: bool
    base_lines: tuple
    live_lines: tuple
    draft_lines: tuple
    words: tuple  # word_diff of the live lines (equal+delete) against the draft lines (equal+insert)
    # Only sentences can stand side by side; two versions of a heading, a fence or a front-matter field cannot.
    can_keep_both: bool

    @property
    def title(self):
        if self.front_matter:
            return FRONT_MATTER
        return self.section or OPENING


class AutoApplied(NamedTuple):
    """How many changes the merge took without asking: from the live article, and from the draft."""

    live: int
    draft: int


@dataclass(frozen=True, slots=True)
class _Hunk:
    kind: str  # "stable" | "live" | "draft" | "same" | "conflict"
    base: range
    live: range
    draft: range
    conflict: int | None = None


class _Entry(NamedTuple):
    """A line of the merged body, where it stands on each side (base, live, draft; None where it does not), and
    whether a blank line comes before it when no side places it after the line before."""

    line: str
    positions: tuple
    follows_blank: bool


@dataclass(frozen=True, slots=True)
class _Side:
    """One side's body (everything above "## Sources") as content lines, and where its paragraph breaks are."""

    lines: tuple
    breaks: tuple  # breaks[t]: a blank line comes before lines[t]
    counts: tuple  # counts[t]: how many of lines[:t] follow a blank line
    to_base: dict  # side line -> the base line it stands for (unchanged, or one sentence reworded in place)
    from_base: dict  # the reverse
    unit_lines: tuple  # unit_lines[t]: lines[t] holds a unit rather than structure

    def break_between(self, p, x):
        """Whether a blank line separates lines p and x (p < x); deleting the lines between joins their gaps."""
        return self.counts[x + 1] - self.counts[p + 1] > 0


@dataclass
class ArticleMerge:
    """The result of `merge_article_texts`: the conflicts to resolve, what was taken without asking, and
    `text(choices)`, which writes the merged article once each conflict has a choice."""

    conflicts: list
    auto_applied: AutoApplied
    same_on_both: int  # changes both sides had made identically, taken once
    renumbered: dict  # draft source number -> its number in the merged article, where they differ
    notes: list  # what the merge decided that the editor should know, one sentence each
    _sides: tuple = field(repr=False)  # base, live, draft
    _hunks: list = field(repr=False)
    _sources: dict = field(repr=False)  # number -> the merged record of that work
    _kept: set = field(repr=False)  # numbers of works listed even when nothing cites them

    @property
    def clean(self):
        return not self.conflicts

    def text(self, choices=None):
        """The merged article in canonical text form.

        `choices` maps each conflict's index to "live", "draft" or "both" (the live lines, then the draft
        lines; only where `can_keep_both`). Raises ValueError when a conflict has no choice or one it cannot
        take, or an index names no conflict.
        """
        choices = dict(choices or {})
        known = {c.index for c in self.conflicts}
        unknown = sorted(set(choices) - known, key=str)
        if unknown:
            raise ValueError(f"No conflict has the index {', '.join(map(str, unknown))}.")
        invalid = sorted(i for i, choice in choices.items() if choice not in CHOICES)
        if invalid:
            raise ValueError(f"Conflict {invalid[0]}: choose one of {', '.join(CHOICES)}.")
        missing = sorted(known - set(choices))
        if missing:
            raise ValueError(f"Choose live, draft or both for conflict {', '.join(map(str, missing))}.")
        for conflict in self.conflicts:
            if choices[conflict.index] == "both" and not conflict.can_keep_both:
                raise ValueError(
                    f"Conflict {conflict.index} changes a heading, a block's structure or a front-matter field on "
                    "both sides; those cannot both be kept: choose live or draft."
                )
        entries = [entry for hunk in self._hunks for entry in self._entries(hunk, choices)]
        body = _layout(list(zip((e.line for e in entries), self._breaks(entries), strict=True)))
        cited = _cited_numbers(body)
        sources = [self._sources[n] for n in sorted(self._sources) if n in self._kept or n in cited]
        return "\n".join(body) + _sources_tail(sources)

    def _entries(self, hunk, choices):
        """The `_Entry` of each line the hunk contributes, given the choices."""
        if hunk.kind == "stable":
            base = self._sides[0]
            return [
                _Entry(base.lines[i], (i, j, k), base.breaks[i]) for i, j, k in zip(hunk.base, hunk.live, hunk.draft)
            ]
        if hunk.kind == "conflict":
            origins = {"live": (1,), "draft": (2,), "both": (1, 2)}[choices[hunk.conflict]]
        else:
            origins = (2,) if hunk.kind == "draft" else (1,)  # "same" lines are live's, and equal to draft's
        entries = []
        for origin in origins:
            side, other = self._sides[origin], 3 - origin
            for index in hunk.live if origin == 1 else hunk.draft:
                positions = [None, None, None]
                anchor = side.to_base.get(index)
                positions[0], positions[origin] = anchor, index
                if hunk.kind == "same":
                    positions[other] = hunk.draft[index - hunk.live.start]
                    if self._sides[other].to_base.get(positions[other]) != anchor:
                        positions[0] = None
                elif anchor is not None:
                    positions[other] = self._sides[other].from_base.get(anchor)
                follows_blank = side.breaks[index]
                if origin == 2 and index == hunk.draft.start and len(origins) == 2 and hunk.live and anchor is not None:
                    follows_blank = False  # kept both: the draft's version of a sentence follows live's
                entries.append(_Entry(side.lines[index], tuple(positions), follows_blank))
        return entries

    def _breaks(self, entries):
        """For each merged line, whether a blank line (a paragraph break) comes before it.

        Each side that holds both the line and the one before it, in that order, has a say; the three-way merge
        of those says decides. Where no side has a say, the entry's own `follows_blank` does.
        """
        out = [False] * min(len(entries), 1)
        for previous, entry in zip(entries, entries[1:]):
            base, live, draft = (
                side.break_between(p, x) if p is not None and x is not None and p < x else None
                for side, p, x in zip(self._sides, previous.positions, entry.positions, strict=True)
            )
            if live is None and draft is None:
                out.append(base if base is not None else entry.follows_blank)
            elif base is None:
                out.append(bool(live) or bool(draft))
            else:
                out.append(_merge3(base, base if live is None else live, base if draft is None else draft))
        return out


# --- source numbers -----------------------------------------------------------------------------------


def _work_key(source):
    """The library's notion of the same work: same DOI, else same URL, else same title and container."""
    doi = _normalise(str(source.get("doi") or "")).casefold()
    if doi:
        return ("doi", doi)
    url = _normalise(str(source.get("url") or "")).casefold().rstrip("/")
    if url:
        return ("url", url)
    title = _normalise(str(source.get("title") or "")).casefold()
    return ("title", title, _normalise(str(source.get("container") or "")).casefold())


def _sources_of(data):
    return [s for s in data.get("sources") or [] if isinstance(s, dict)]


def _pair_by_work(olds, news):
    """{id(new): old} for sources naming the same work by the library's rule, each used once."""
    free = {}
    for old in olds:
        free.setdefault(_work_key(old), []).append(old)
    return {id(new): free[_work_key(new)].pop(0) for new in news if free.get(_work_key(new))}


def _claim(number, taken):
    """The number itself if free, else the next number above every number taken."""
    if number in taken:
        number = max(taken) + 1
    taken.add(number)
    return number


def _number_maps(base_data, live_data, draft_data):
    """{number: number in the live numbering} for base and for draft.

    A work the live article lists takes live's number. A base work live dropped, and a work only the draft
    added, keep their number while live does not use it for another work, else get the next number above.
    """
    base_sources, live_sources, draft_sources = map(_sources_of, (base_data, live_data, draft_data))
    # The library corrects sources between versions, so base and live pair as `articles.diff` pairs versions.
    # A draft cannot correct a library source, so its copies pair with base by the library's rule alone.
    live_of_base = {
        id(b): lv for b, lv in _match_sources(base_sources, live_sources) if b is not None and lv is not None
    }
    base_of_draft = _pair_by_work(base_sources, draft_sources)
    taken = {s["number"] for s in live_sources}
    base_map = {b["number"]: live_of_base[id(b)]["number"] for b in base_sources if id(b) in live_of_base}
    for b in base_sources:
        if b["number"] not in base_map:
            base_map[b["number"]] = _claim(b["number"], taken)
    draft_map, live_used = {}, set()
    for d in draft_sources:
        b = base_of_draft.get(id(d))
        if b is not None:
            draft_map[d["number"]] = base_map[b["number"]]
            if id(b) in live_of_base:
                live_used.add(id(live_of_base[id(b)]))
    for d in draft_sources:
        if d["number"] in draft_map:
            continue
        same = next((s for s in live_sources if id(s) not in live_used and _work_key(s) == _work_key(d)), None)
        if same is not None:  # a work both sides added
            live_used.add(id(same))
            draft_map[d["number"]] = same["number"]
        else:
            draft_map[d["number"]] = _claim(d["number"], taken)
    return base_map, draft_map


def _renumbered(data, mapping):
    """A copy of the article data with every source number, marker and video rewritten through `mapping`."""
    out = copy.deepcopy(data)
    for section in out.get("sections") or []:
        for block in section.get("blocks") or []:
            if block.get("video") in mapping:
                block["video"] = mapping[block["video"]]
            for unit in block.get("units") or []:
                if isinstance(unit.get("provenance"), list):
                    unit["provenance"] = [mapping.get(n, n) for n in unit["provenance"]]
    for source in _sources_of(out):
        source["number"] = mapping.get(source["number"], source["number"])
    out["sources"] = sorted(_sources_of(out), key=lambda s: s["number"])
    return out


def renumber_draft_sources(base_data, live_data, draft_data):
    """The draft's data in the live article's source numbering.

    A source the draft took over from base takes the number live now gives that work (base and live are
    matched as `articles.diff` matches versions, which also recognises a library correction); a work both
    sides added (same DOI, else URL, else title and container) takes live's number. A source only the draft
    added keeps its number unless live now uses that number for another work (or base did, for a work live
    dropped); then it, and every marker and video citing it, moves to the next number above live's highest.
    So when live only added sources, the draft's markers for base sources keep their numbers. The arguments
    are not modified.
    """
    _, draft_map = _number_maps(base_data, live_data, draft_data)
    return _renumbered(draft_data, draft_map)


# --- the line merge -----------------------------------------------------------------------------------


def _body(data):
    """The content lines of the article's body in canonical form, and which of them follow a blank line."""
    text = dump_article({**data, "sources": []}).removesuffix(_SOURCES_TAIL)
    lines, breaks, blank = [], [], False
    for line in text.split("\n"):
        if not line.strip():
            blank = True
            continue
        lines.append(line)
        breaks.append(blank)
        blank = False
    return lines, breaks


def _side(lines, breaks, to_base):
    counts = [0]
    for follows_blank in breaks:
        counts.append(counts[-1] + follows_blank)
    reverse = {i: j for j, i in to_base.items()}
    return _Side(tuple(lines), tuple(breaks), tuple(counts), to_base, reverse, _unit_lines(lines))


def _unit_lines(lines):
    """Which lines hold a unit (a sentence, question, key term, SMART row, caption) rather than structure
    (front matter, a heading, a fence, a figure's alt text, a SMART header or rule)."""
    end = _front_matter_end(lines)
    return tuple(
        index >= end
        and _line_kind(line) in ("text", "item", "row")
        and line not in (SMART_HEADER, SMART_RULE)
        and not (index > 0 and line.startswith("alt: ") and lines[index - 1].startswith("::: figure"))
        for index, line in enumerate(lines)
    )


def _line_kind(line):
    if line.startswith("## "):
        return "heading"
    if line.startswith(":::"):
        return "fence"
    if line.startswith("- "):
        return "item"
    if line.startswith("|"):
        return "row"
    return "text"


class _Line:
    """A line as `articles.diff` pairs units: a kind that must match, and words to compare."""

    __slots__ = ("block_kind", "words")

    def __init__(self, line):
        self.block_kind = _line_kind(line)
        self.words = line.casefold().split()

    def similarity_words(self):
        return self.words


def _changes(base, side):
    """The side's edits to base as (i1, i2, j1, j2), base[i1:i2] having become side[j1:j2]; and {side line:
    base line} for the lines that stand where a base line stood (unchanged, or one line rewritten in place).

    A replaced run is split where its lines are rewordings of each other, so that each rewritten sentence is
    an edit of its own: one side rewording two sentences and the other inserting one between them then do not
    touch.
    """
    edits, to_base = [], {}
    matcher = difflib.SequenceMatcher(None, base, side, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            to_base.update(zip(range(j1, j2), range(i1, i2)))
            continue
        pieces = [(i1, i2, j1, j2)]
        if tag == "replace":
            olds, news = [_Line(x) for x in base[i1:i2]], [_Line(x) for x in side[j1:j2]]
            pieces, i, j = [], 0, 0
            for pi, pj in [*_pair_units(olds, news), (len(olds), len(news))]:
                if pi > i or pj > j:
                    pieces.append((i1 + i, i1 + pi, j1 + j, j1 + pj))
                if pi < len(olds):
                    pieces.append((i1 + pi, i1 + pi + 1, j1 + pj, j1 + pj + 1))
                i, j = pi + 1, pj + 1
        for piece in pieces:
            edits.append(piece)
            if piece[1] - piece[0] == 1 and piece[3] - piece[2] == 1:
                to_base[piece[2]] = piece[0]
    return edits, to_base


def _touches(lo, hi, i1, i2):
    """Whether an edit of base[i1:i2] overlaps a run of edits spanning base[lo:hi].

    Ranges overlap when they share a base line; an insertion overlaps a range it falls strictly inside, and
    another insertion at the same point. Edits that only meet at a boundary do not overlap. Edits arrive
    sorted by (i1, i2), so i1 >= lo, and an insertion at lo never follows a range starting there.
    """
    if lo == hi:
        return i1 == i2 == lo
    return i1 < hi


def _writes_a_line_of(run, side, lines):
    """Whether the run's edits from `side` write one of `lines` (its lines are set by `_hunks`)."""
    written = run.live_lines if side == "live" else run.draft_lines
    return any(line.strip() and line in written for line in lines)


def _headings(lines):
    return sum(line.startswith("## ") for line in lines)


@dataclass(slots=True)
class _Run:
    """Edits from either side that overlap, spanning base[lo:hi]; each side's are in base order."""

    lo: int
    hi: int
    removes_section: bool  # an edit ending at hi removes a heading
    live: list = field(default_factory=list)
    draft: list = field(default_factory=list)
    live_lines: set = field(default_factory=set)  # the lines each side's edits write
    draft_lines: set = field(default_factory=set)


def _hunks(base, live, draft, live_edits, draft_edits):
    """The diff3 hunks of three line sequences, given each side's edits to base."""
    edits = sorted(
        [(c, "live") for c in live_edits] + [(c, "draft") for c in draft_edits],
        key=lambda e: (e[0][0], e[0][1], e[1]),
    )
    runs = []
    for edit, side in edits:
        i1, i2, j1, j2 = edit
        new_lines = (live if side == "live" else draft)[j1:j2]
        removes_section = _headings(base[i1:i2]) > _headings(new_lines)
        run = runs[-1] if runs else None
        # A line added at the very end of a section the other side removed would silently join the section
        # before it: that meets the removal rather than merely touching it. And edits that meet at a boundary
        # while writing the same line (one side inserts it before a sentence, the other puts it in that
        # sentence's place) would both stand, the line twice: they are one change made two ways, a conflict.
        if run is not None and (
            _touches(run.lo, run.hi, i1, i2)
            or (i1 == i2 == run.hi and run.removes_section)
            or (i1 == run.hi and _writes_a_line_of(run, "draft" if side == "live" else "live", new_lines))
        ):
            if i2 > run.hi:
                run.hi, run.removes_section = i2, removes_section
            else:
                run.removes_section = run.removes_section or (i2 == run.hi and removes_section)
        else:
            run = _Run(i1, i2, removes_section)
            runs.append(run)
        (run.live if side == "live" else run.draft).append(edit)
        (run.live_lines if side == "live" else run.draft_lines).update(new_lines)

    hunks, conflicts = [], 0
    pos = lpos = dpos = 0
    for run in runs:
        lo, hi, live_edits, draft_edits = run.lo, run.hi, run.live, run.draft
        if lo > pos:
            n = lo - pos
            hunks.append(_Hunk("stable", range(pos, lo), range(lpos, lpos + n), range(dpos, dpos + n)))
            lpos, dpos = lpos + n, dpos + n
        # Between and around one side's edits in the run, that side still reads as base.
        lend = live_edits[-1][3] + hi - live_edits[-1][1] if live_edits else lpos + hi - lo
        dend = draft_edits[-1][3] + hi - draft_edits[-1][1] if draft_edits else dpos + hi - lo
        spans = (range(lo, hi), range(lpos, lend), range(dpos, dend))
        if not draft_edits:
            hunks.append(_Hunk("live", *spans))
        elif not live_edits:
            hunks.append(_Hunk("draft", *spans))
        elif live[lpos:lend] == draft[dpos:dend]:
            hunks.append(_Hunk("same", *spans))
        else:
            hunks.append(_Hunk("conflict", *spans, conflict=conflicts))
            conflicts += 1
        pos, lpos, dpos = hi, lend, dend
    if pos < len(base):
        n = len(base) - pos
        hunks.append(_Hunk("stable", range(pos, len(base)), range(lpos, lpos + n), range(dpos, dpos + n)))
    return hunks


def _merge3(base, live, draft):
    """The three-way merge of one value: the side that changed it wins."""
    return draft if live == base else live


# --- laying out the merged text -----------------------------------------------------------------------


def _layout(entries):
    """Canonical lines from (content line, follows a blank line) pairs.

    Where the format fixes the blank lines (around headings, fences and tables, after the front matter,
    none inside them) they are written as it requires; only between two lines of the same kind, where a
    blank line means a new paragraph or list, does the merged flag decide.
    """
    out = []
    state = "start"  # start | front | after_front | body | fence | after_fence
    previous = ""
    for line, follows_blank in entries:
        if state == "start":
            state = "front" if line == "---" else "body"
        elif state == "front":
            if line == "---":
                state = "after_front"
        elif state == "fence":
            if line == ":::":
                state = "after_fence"
        else:
            kind, previous_kind = _line_kind(line), _line_kind(previous)
            if state in ("after_front", "after_fence") or "heading" in (kind, previous_kind) or kind == "fence":
                blank = True
            elif kind != previous_kind or line == SMART_HEADER:
                blank = True
            else:
                blank = follows_blank
            if blank:
                out.append("")
            state = "fence" if kind == "fence" else "body"
        out.append(line)
        previous = line
    return out


def _front_matter_end(lines):
    """The index of the line after the front matter's closing "---" (0 when there is none)."""
    if not lines or lines[0] != "---":
        return 0
    try:
        return lines.index("---", 1) + 1
    except ValueError:
        return 0


def _cited_numbers(lines):
    cited = set()
    for line in lines[_front_matter_end(lines) :]:
        video = _VIDEO.fullmatch(line)
        if video:
            cited.add(int(video.group(1)))
        for marker in MARKER_IN_TEXT.finditer(line):
            if marker.group(1) != "LLM":
                cited.update(int(n) for n in re.split(r"\s*,\s*", marker.group(1)))
    return cited


def _sources_tail(sources):
    """The "## Sources" section as `dump_article` writes it, with a blank line before it."""
    text = dump_article({"sections": [], "sources": sources})
    return text[text.index(_SOURCES_TAIL) :]


# --- the source list ----------------------------------------------------------------------------------


def _record(source):
    return {name: source.get(name) for name in RECORD_FIELDS}


def _merge_sources(base_data, live_data, draft_data):
    """Each work's merged record by number, the numbers listed even when uncited, counts and notes."""
    by_number = [{s["number"]: s for s in _sources_of(d)} for d in (base_data, live_data, draft_data)]
    records, kept, notes = {}, set(), []
    from_live = from_draft = 0
    for number in sorted(set().union(*by_number)):
        base, live, draft = (side.get(number) for side in by_number)
        if _merge3(base is not None, live is not None, draft is not None):
            kept.add(number)
        if draft is None or live is None:
            # Listed only if the merged text still cites it; then the remaining record is the one to show.
            records[number] = next(s for s in (live, draft, base) if s is not None)
            continue
        draft_changed = base is None or _record(draft) != _record(base)
        live_changed = base is None or _record(live) != _record(base)
        if not draft_changed or _record(draft) == _record(live):
            records[number] = live
            from_live += base is not None and live_changed and not draft_changed
        elif not live_changed:
            records[number] = draft
            from_draft += 1
        else:
            # Publishing keeps the library's record of a work it holds, so live's record is the one that counts.
            records[number] = live
            fields = [f for f in RECORD_FIELDS if draft.get(f) != live.get(f)]
            notes.append(
                f"Source {number} “{live.get('title')}”: the library's record is kept; the draft's "
                f"{', '.join(fields)} for it differed and was not carried over (library sources are edited in "
                "the admin)."
            )
    return records, kept, from_live, from_draft, notes


# --- the merge ----------------------------------------------------------------------------------------


def _section_of(lines, lo, hi):
    """The heading a conflict at base[lo:hi] falls under, and whether it lies in the front matter."""
    if lo < _front_matter_end(lines):
        return "", True
    for line in reversed(lines[: lo + 1 if hi > lo else lo]):
        if line.startswith("## "):
            return line[3:], False
    return "", False


def _conflict(hunk, sides):
    base, live, draft = sides
    section, front_matter = _section_of(base.lines, hunk.base.start, hunk.base.stop)
    live_lines, draft_lines = tuple(live.lines[j] for j in hunk.live), tuple(draft.lines[k] for k in hunk.draft)
    return Conflict(
        index=hunk.conflict,
        section=section,
        front_matter=front_matter,
        base_lines=tuple(base.lines[i] for i in hunk.base),
        live_lines=live_lines,
        draft_lines=draft_lines,
        words=tuple(word_diff("\n".join(live_lines), "\n".join(draft_lines))),
        can_keep_both=all(live.unit_lines[j] for j in hunk.live) and all(draft.unit_lines[k] for k in hunk.draft),
    )


def merge_article_texts(base, live, draft):
    """Merge the editor's draft with the live article, against the text the draft started from.

    `base`, `live` and `draft` are article texts (docs/article-format.md); they are read with
    `parse_article`, so a text that does not parse raises `FormatErrors` naming "base", "live" or "draft".
    The draft's front-matter `version` never conflicts: the merge takes live's. Returns an `ArticleMerge`.
    """
    base_data, _ = parse_article(base, "base")
    live_data, _ = parse_article(live, "live")
    draft_data, _ = parse_article(draft, "draft")
    base_map, draft_map = _number_maps(base_data, live_data, draft_data)
    base_data, draft_data = _renumbered(base_data, base_map), _renumbered(draft_data, draft_map)
    base_data["version"] = draft_data["version"] = live_data.get("version")

    (base_lines, base_breaks), (live_lines, live_breaks), (draft_lines, draft_breaks) = map(
        _body, (base_data, live_data, draft_data)
    )
    live_edits, live_to_base = _changes(base_lines, live_lines)
    draft_edits, draft_to_base = _changes(base_lines, draft_lines)
    sides = (
        _side(base_lines, base_breaks, {i: i for i in range(len(base_lines))}),
        _side(live_lines, live_breaks, live_to_base),
        _side(draft_lines, draft_breaks, draft_to_base),
    )
    hunks = _hunks(base_lines, live_lines, draft_lines, live_edits, draft_edits)
    conflicts = [_conflict(hunk, sides) for hunk in hunks if hunk.kind == "conflict"]
    records, kept, sources_from_live, sources_from_draft, notes = _merge_sources(base_data, live_data, draft_data)
    kinds = Counter(h.kind for h in hunks)
    return ArticleMerge(
        conflicts=conflicts,
        auto_applied=AutoApplied(kinds["live"] + sources_from_live, kinds["draft"] + sources_from_draft),
        same_on_both=kinds["same"],
        renumbered={old: new for old, new in sorted(draft_map.items()) if old != new},
        notes=notes,
        _sides=sides,
        _hunks=hunks,
        _sources=records,
        _kept=kept,
    )


# --- whether the submitter's approval still holds -----------------------------------------------------


class _Works:
    """Which numbers on the four sides (base, draft, live, merged) name the same work."""

    # Pairs in which the library may have corrected a work meanwhile; every side also pairs by the library's rule.
    PAIRS = (("base", "live"), ("live", "merged"), ("draft", "merged"))

    def __init__(self, **sides):
        self.parent = {}
        sources = {name: _sources_of(data) for name, data in sides.items()}
        for name, items in sources.items():
            for s in items:
                self.parent.setdefault((name, s["number"]), (name, s["number"]))
        for old, new in self.PAIRS:
            for a, b in _match_sources(sources[old], sources[new]):
                if a is not None and b is not None:
                    self.union((old, a["number"]), (new, b["number"]))
        first = {}
        for name, items in sources.items():
            for s in items:
                self.union(first.setdefault(_work_key(s), (name, s["number"])), (name, s["number"]))

    def find(self, node):
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def label(self, side, number):
        node = (side, number)
        return self.find(node) if node in self.parent else ("undefined", number)

    def provenance(self, unit, side):
        if unit is None:
            return None
        provenance = unit.get("provenance")
        if not isinstance(provenance, list):
            return "LLM"
        return tuple(self.label(side, n) for n in provenance)


def _block_content(block, works, side):
    """What a figure or video block shows, with a video's source named by its work."""
    if block is None:
        return None
    if block.get("kind") == "video":
        return works.label(side, block.get("video"))
    return (block.get("image"), block.get("alt_text"))


def _change_set(diff, works, old, new):
    """What a diff changes, as a multiset of comparable entries with sources named by work, not number."""
    out = Counter()
    for c in diff.changes:
        if c.kind != "unchanged":
            out[
                ("unit", c.kind, c.old_text, c.new_text, works.provenance(c.old, old), works.provenance(c.new, new))
            ] += 1
    for m in diff.metadata:
        values = [tuple(v) if isinstance(v, list) else v for v in (m.old, m.new)]
        out[("metadata", m.field, *values)] += 1
    for s in diff.sources:
        if s.kind in ("added", "removed"):
            record = s.new if s.kind == "added" else s.old
            label = works.label(new if s.kind == "added" else old, record.get("number"))
            out[("source", s.kind, label, tuple(_record(record).items()))] += 1
        else:
            fields = tuple((f, s.old.get(f), s.new.get(f)) for f in s.fields if f != "number")
            if fields:
                out[("source", "changed", works.label(new, s.new.get("number")), fields)] += 1
    for b in diff.blocks:
        old_content, new_content = _block_content(b.old, works, old), _block_content(b.new, works, new)
        out[("block", b.block_kind, b.kind, old_content, new_content)] += 1
    for section in diff.sections:
        if section.status in ("added", "removed"):
            out[("section", section.status, section.heading)] += 1
    for renamed in diff.section_renames:
        out[("section", "renamed", *renamed)] += 1
    return out


def approval_still_holds(base_data, draft_data, live_data, merged_data):
    """Whether the merged draft still makes, against the live article, the change the submitter approved.

    The approved change is `diff_articles(base, draft)`; the change now is `diff_articles(live, merged)`.
    Each is compared as the multiset of its changed units (kind, old and new text, old and new provenance),
    metadata, source, figure/video and section changes, with every cited source named by the work it is, not
    its number, so a renumbering alone does not count. Approved changes the live article had already made in
    exactly the same way are not expected again. Pure: the arguments are article data as `parse_article`
    returns it, and are not modified.
    """
    works = _Works(base=base_data, draft=draft_data, live=live_data, merged=merged_data)
    approved = _change_set(diff_articles(base_data, draft_data), works, "base", "draft")
    already_live = _change_set(diff_articles(base_data, live_data), works, "base", "live")
    now = _change_set(diff_articles(live_data, merged_data), works, "live", "merged")
    return approved - already_live == now
