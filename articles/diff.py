"""Sentence-level differences between two versions of an article's data.

`diff_articles(old_data, new_data)` compares two dicts in the shape `article_export_data()` returns and
`parse_article()` produces, and says what a reviewer needs to see: which sentences were added, removed or
reworded (with a word-level diff), where a sentence's provenance changed (LLM to cited, one source replaced by
another, a cited source re-tiered), what changed in the article's metadata, its figures and videos, and its
source list. Pure Python, no database, deterministic.

Sources are compared by the work they name (title, container, URL and DOI), never by number alone: two
versions may number the same work differently, and renumbering alone is not a change of provenance.
"""

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import NamedTuple

from .exporting import SOURCE_FIELDS as RECORD_FIELDS

METADATA_FIELDS = ("title", "lead", "type", "discipline", "family", "status", "see_also")
METADATA_LABELS = {
    "title": "Title",
    "lead": "Lead",
    "type": "Type",
    "discipline": "Discipline",
    "family": "Family",
    "status": "Status",
    "see_also": "See also",
}
SOURCE_FIELDS = ("number", *RECORD_FIELDS)
SOURCE_IDENTITY = ("title", "container", "url", "doi")
BLOCK_LABELS = {
    "paragraph": "",
    "example": "Example",
    "questions": "Question",
    "key_terms": "Key term",
    "smart": "SMART row",
    "figure": "Figure caption",
    "framing": "Framing",
    "video": "Video",
}
MEDIA_KINDS = ("figure", "video")
OPENING = "Opening (before the first heading)"

SIMILAR = 0.5  # word-level ratio at or above which a replaced sentence counts as reworded, not swapped
SIMILAR_TITLE = 0.6  # a source keeping its number and a title this close is the same work, corrected
REFERENCE_TITLE = 60  # characters of a title a short reference keeps: enough to recognise the work
REFERENCE_NAME = 40  # characters of an author or publisher named in place of one
PAIRING_LIMIT = 900  # old × new units in one replaced run; larger runs pair by position, not best match

_TOKEN = re.compile(r"\s+|\w+(?:['’\-]\w+)*|[^\w\s]")


# --- results ------------------------------------------------------------------------------------------


@dataclass(slots=True)
class ProvenanceChange:
    old_label: str
    new_label: str
    llm_to_cited: bool
    cited_to_llm: bool
    sources_added: list  # numbers in the new source list
    sources_removed: list  # numbers in the old source list
    tier_changes: list  # (new number, old tier, new tier) for a work cited on both sides
    description: str


@dataclass(slots=True)
class UnitChange:
    kind: str  # "added" | "removed" | "changed" | "unchanged"
    section: str  # the heading on the new side; the old heading only for a section that was removed
    block_kind: str
    old: dict | None
    new: dict | None
    words: list  # (op, text) with op "equal" | "insert" | "delete"; equal+delete is the old text, equal+insert the new
    provenance: ProvenanceChange | None = None
    old_section: str | None = None  # the heading on the old side; None for a unit in an added section

    @property
    def unit(self):
        return self.new if self.new is not None else self.old

    @property
    def label(self):
        """The provenance marker of the unit as shown: the new side's, or the old side's when removed."""
        return provenance_label(self.unit.get("provenance"))

    @property
    def block_label(self):
        return BLOCK_LABELS.get(self.block_kind, "")

    @property
    def old_text(self):
        return display_text(self.old) if self.old is not None else None

    @property
    def new_text(self):
        return display_text(self.new) if self.new is not None else None


@dataclass(slots=True)
class SourceChange:
    number: int  # the new number, or the old one for a removed source
    kind: str  # "added" | "removed" | "changed" | "retiered"
    old: dict | None
    new: dict | None
    fields: list = field(default_factory=list)

    @property
    def field_changes(self):
        return [(name, self.old.get(name), self.new.get(name)) for name in self.fields]

    @property
    def old_number(self):
        return self.old["number"] if self.old is not None else None

    @property
    def text(self):
        return source_text(self.new if self.new is not None else self.old)


@dataclass(slots=True)
class BlockChange:
    """A figure's image or alt text, or a video's source: block content that is not a sentence."""

    section: str
    block_kind: str  # "figure" | "video"
    kind: str  # "added" | "removed" | "changed"
    old: dict | None  # the block without its units
    new: dict | None
    fields: list
    old_text: str | None
    new_text: str | None

    @property
    def block_label(self):
        return "Video" if self.block_kind == "video" else "Figure"

    @property
    def words(self):
        return word_diff(self.old_text or "", self.new_text or "")


class MetadataChange(NamedTuple):
    field: str
    old: object
    new: object

    @property
    def label(self):
        return METADATA_LABELS.get(self.field, self.field)

    @property
    def words(self):
        """A word diff for text fields; lists (see also) are compared item by item instead."""
        if isinstance(self.old, list) or isinstance(self.new, list):
            old, new = self.old or [], self.new or []
            return [("delete", s) for s in old if s not in new] + [("insert", s) for s in new if s not in old]
        return word_diff(str(self.old or ""), str(self.new or ""))


@dataclass(slots=True)
class Collapsed:
    """A run of unchanged units, which a page may show as one line."""

    changes: list
    kind: str = "collapsed"

    @property
    def count(self):
        return len(self.changes)


@dataclass(slots=True)
class SectionDiff:
    heading: str
    old_heading: str | None
    status: str  # "kept" | "renamed" | "added" | "removed"
    changes: list
    blocks: list

    @property
    def title(self):
        return self.heading or OPENING

    @property
    def has_changes(self):
        return self.status != "kept" or bool(self.blocks) or any(c.kind != "unchanged" for c in self.changes)

    @property
    def collapsed(self):
        """The changes with each run of unchanged units gathered into one `Collapsed`."""
        items = []
        for change in self.changes:
            if change.kind != "unchanged":
                items.append(change)
            elif items and isinstance(items[-1], Collapsed):
                items[-1].changes.append(change)
            else:
                items.append(Collapsed([change]))
        return items


@dataclass(slots=True)
class ArticleDiff:
    changes: list
    summary: dict
    metadata: list
    sources: list
    blocks: list
    sections: list
    section_renames: list  # (old heading, new heading)

    @property
    def has_changes(self):
        return bool(
            self.metadata
            or self.sources
            or self.blocks
            or self.section_renames
            or any(c.kind != "unchanged" for c in self.changes)
            or any(s.status in ("added", "removed") for s in self.sections)
        )

    @property
    def quiet_section_count(self):
        return sum(1 for s in self.sections if not s.has_changes)


# --- text ---------------------------------------------------------------------------------------------


def display_text(unit):
    """A unit's full text as a reader sees it: key term or SMART goal and objective, sentence, closing mark."""
    prefix = ""
    if unit.get("term"):
        prefix = f"{unit['term']} — "
    if unit.get("goal") or unit.get("objective"):
        prefix += f"{unit.get('goal') or ''} | {unit.get('objective') or ''} | "
    return prefix + str(unit.get("text") or "") + str(unit.get("end") or "")


def provenance_label(provenance):
    if provenance == "llm":
        return "LLM"
    return ", ".join(str(n) for n in _cited(provenance))


def source_reference(source):
    """A source as one recognises it at a glance: first author (or publisher), year and title, cut at a word.

    "Muris et al. 2022, “Deconstructing Self-Compassion: How the Continued Use of the Total…”"; empty
    when the source names none of them.
    """
    if not isinstance(source, dict):
        return ""
    authors = _normalise(str(source.get("authors") or ""))
    if authors:
        name = _shorten(authors.split(",", 1)[0], REFERENCE_NAME)
        # APA lists ("Muris, P., & Otgaar, H.") and other lists of several names.
        if "&" in authors or ";" in authors or " and " in authors or authors.count(",") > 1:
            name += " et al."
    else:
        name = _shorten(_normalise(str(source.get("container") or "")), REFERENCE_NAME)
    head = " ".join(str(p) for p in (name, source.get("year")) if p not in (None, ""))
    title = _shorten(_normalise(str(source.get("title") or "")), REFERENCE_TITLE)
    if not title:
        return head
    return f"{head}, “{title}”" if head else f"“{title}”"


def cited_text(numbers, sources):
    """Source numbers, each beside the short reference of the source it stands for in `sources` (a version's
    source list): "1 (Neff 2023, “Self-Compassion…”), 4". A number the list lacks is shown alone."""
    by_number = {s.get("number"): s for s in sources or [] if isinstance(s, dict)}
    items = []
    for number in numbers:
        reference = source_reference(by_number.get(number))
        items.append(f"{number} ({reference})" if reference else str(number))
    return ", ".join(items)


def source_text(source):
    """One line naming a source, for lists of source changes."""
    parts = [f"[{source.get('number')}]", str(source.get("tier") or ""), str(source.get("kind") or "")]
    head = " ".join(p for p in parts if p)
    body = ". ".join(
        str(v)
        for v in (
            source.get("authors"),
            source.get("year"),
            source.get("title"),
            source.get("container"),
            source.get("url") or (f"doi:{source['doi']}" if source.get("doi") else ""),
        )
        if v not in (None, "")
    )
    return f"{head} {body}".strip()


def word_diff(old, new):
    """Word-level (op, text) segments: concatenating equal+delete gives `old`, equal+insert gives `new`."""
    if old == new:
        return [("equal", new)] if new else []
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    segments = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            segments.append(("equal", "".join(b[j1:j2])))
            continue
        if i2 > i1:
            segments.append(("delete", "".join(a[i1:i2])))
        if j2 > j1:
            segments.append(("insert", "".join(b[j1:j2])))
    # A space left equal between two edits reads as noise ("<del>a</del><ins>c</ins> <del>b</del><ins>d</ins>"):
    # fold it into both sides so each run of edits shows as one deletion then one insertion.
    out, deleted, inserted = [], [], []
    last = len(segments) - 1
    for index, (op, text) in enumerate(segments):
        if op == "equal" and (not text.isspace() or index in (0, last)):
            _flush(out, deleted, inserted)
            out.append((op, text))
        elif op == "equal":
            deleted.append(text)
            inserted.append(text)
        elif op == "delete":
            deleted.append(text)
        else:
            inserted.append(text)
    _flush(out, deleted, inserted)
    return out


def _flush(out, deleted, inserted):
    if deleted:
        out.append(("delete", "".join(deleted)))
    if inserted:
        out.append(("insert", "".join(inserted)))
    deleted.clear()
    inserted.clear()


def _normalise(text):
    return " ".join(unicodedata.normalize("NFC", text).split())


def _shorten(text, width):
    """`text` cut at the last word that fits `width` characters, with an ellipsis when anything was cut."""
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.–—-") + "…"


def _cited(provenance):
    if provenance == "llm" or not isinstance(provenance, (list, tuple)):
        return []
    return list(provenance)


# --- sources ------------------------------------------------------------------------------------------


def _identity(source):
    values = [_normalise(str(source.get(f) or "")).casefold() for f in SOURCE_IDENTITY]
    values[2] = values[2].rstrip("/")  # url
    return tuple(values)


class _Sources:
    """Both source lists, matched work by work, and what each side's numbers stand for."""

    def __init__(self, old_sources, new_sources):
        old_sources = [s for s in old_sources or [] if isinstance(s, dict)]
        new_sources = [s for s in new_sources or [] if isinstance(s, dict)]
        self.pairs = _match_sources(old_sources, new_sources)
        self.old_work, self.new_work, self.old_tier, self.new_tier = {}, {}, {}, {}
        self.old_by_number, self.new_by_number = {}, {}
        for work, (old, new) in enumerate(self.pairs):
            if old is not None:
                self.old_work.setdefault(old.get("number"), work)
                self.old_tier.setdefault(old.get("number"), old.get("tier"))
                self.old_by_number.setdefault(old.get("number"), old)
            if new is not None:
                self.new_work.setdefault(new.get("number"), work)
                self.new_tier.setdefault(new.get("number"), new.get("tier"))
                self.new_by_number.setdefault(new.get("number"), new)

    def works(self, provenance, side):
        """{work: number} for the sources a unit cites; an undefined number stands for itself."""
        lookup = self.old_work if side == "old" else self.new_work
        return {lookup.get(n, ("undefined", n)): n for n in _cited(provenance)}

    def changes(self):
        out = []
        for old, new in self.pairs:
            if old is None:
                out.append(SourceChange(new.get("number"), "added", None, new, []))
            elif new is None:
                out.append(SourceChange(old.get("number"), "removed", old, None, []))
            else:
                # A field an older snapshot lacks (ISBN) reads as empty, not as a change.
                fields = [f for f in SOURCE_FIELDS if (old.get(f) or None) != (new.get(f) or None)]
                if fields:
                    kind = "retiered" if fields == ["tier"] else "changed"
                    out.append(SourceChange(new.get("number"), kind, old, new, fields))
        out.sort(key=lambda c: (_sort_number(c.number), c.kind == "removed"))
        return out


def _sort_number(number):
    return (0, number) if isinstance(number, int) else (1, str(number))


def _match_sources(old_sources, new_sources):
    """Pairs (old, new) of the same work, then unpaired old (removed) and new (added) sources, in order."""
    matched = {}  # new index -> old index
    free = set(range(len(old_sources)))

    def pair_by(key, accept=None):
        candidates = {}
        for i in sorted(free):
            candidates.setdefault(key(old_sources[i]), []).append(i)
        for j, source in enumerate(new_sources):
            if j in matched:
                continue
            for i in candidates.get(key(source), []):
                if i in free and (accept is None or accept(old_sources[i], source)):
                    matched[j] = i
                    free.discard(i)
                    break

    pair_by(_identity)
    pair_by(lambda s: _normalise(str(s.get("title") or "")).casefold() or object())  # same title, moved or fixed
    pair_by(
        lambda s: s.get("number"),
        lambda old, new: (
            difflib.SequenceMatcher(
                None,
                _normalise(str(old.get("title") or "")).casefold(),
                _normalise(str(new.get("title") or "")).casefold(),
            ).ratio()
            >= SIMILAR_TITLE
        ),
    )
    pairs = [(old_sources[matched[j]] if j in matched else None, new) for j, new in enumerate(new_sources)]
    pairs += [(old_sources[i], None) for i in sorted(free)]
    return pairs


# --- provenance ---------------------------------------------------------------------------------------


def _provenance_change(old_unit, new_unit, sources):
    old_p, new_p = old_unit.get("provenance"), new_unit.get("provenance")
    old_llm, new_llm = old_p == "llm", new_p == "llm"
    if old_llm and new_llm:
        return None
    old_works, new_works = sources.works(old_p, "old"), sources.works(new_p, "new")
    added = [n for w, n in new_works.items() if w not in old_works]
    removed = [n for w, n in old_works.items() if w not in new_works]
    tiers = []
    for work, number in new_works.items():
        if work in old_works:
            old_tier, new_tier = sources.old_tier.get(old_works[work]), sources.new_tier.get(number)
            if old_tier != new_tier:
                tiers.append((number, old_tier, new_tier))
    llm_to_cited, cited_to_llm = old_llm and not new_llm, new_llm and not old_llm
    if not (added or removed or tiers or llm_to_cited or cited_to_llm):
        return None
    added_refs = [_ref_of(n, sources.new_by_number) for n in added]
    removed_refs = [_ref_of(n, sources.old_by_number) for n in removed]
    parts = []
    if llm_to_cited:
        parts.append("LLM → cited (" + "; ".join(_ref(*r, comma=True) for r in added_refs) + ")")
    elif cited_to_llm:
        parts.append("cited → LLM (was " + "; ".join(_ref(*r, comma=True) for r in removed_refs) + ")")
    elif added and removed:
        parts.append(f"{_refs(removed_refs)} replaced by {_refs(added_refs)}")
    elif added:
        parts.append(f"{_refs(added_refs)} added")
    elif removed:
        parts.append(f"{_refs(removed_refs)} removed")
    parts += [
        f"{_ref(n, None, source_reference(sources.new_by_number.get(n)))} re-tiered {old} → {new}"
        for n, old, new in tiers
    ]
    return ProvenanceChange(
        old_label=provenance_label(old_p),
        new_label=provenance_label(new_p),
        llm_to_cited=llm_to_cited,
        cited_to_llm=cited_to_llm,
        sources_added=added,
        sources_removed=removed,
        tier_changes=tiers,
        description="; ".join(parts),
    )


def _ref_of(number, by_number):
    """(number, tier, short reference) of a source as one side's list numbers it."""
    source = by_number.get(number)
    return number, (source or {}).get("tier"), source_reference(source)


def _ref(number, tier, reference="", comma=False):
    """A source as a provenance change names it, the work beside its number so a reader sees what the change
    is about without leaving the page: "source 1, T1, Neff 2023, “Title”" or "source 1 (T1, Neff 2023, …)"."""
    details = _details(tier, reference)
    if not details:
        return f"source {number}"
    return f"source {number}, {details}" if comma else f"source {number} ({details})"


def _refs(refs):
    if len(refs) == 1:
        return _ref(*refs[0])
    items = [f"{n} ({_details(t, r)})" if t or r else str(n) for n, t, r in refs]
    return "sources " + ", ".join(items[:-1]) + " and " + items[-1]


def _details(tier, reference):
    return ", ".join(d for d in (tier, reference) if d)


# --- units --------------------------------------------------------------------------------------------


class _Unit:
    __slots__ = ("block_kind", "unit", "text", "key", "words")

    def __init__(self, block_kind, unit):
        self.block_kind = block_kind
        self.unit = unit
        self.text = display_text(unit)
        self.key = (block_kind, _normalise(self.text))
        self.words = None

    def similarity_words(self):
        if self.words is None:
            self.words = [t.casefold() for t in _TOKEN.findall(self.text) if not t.isspace()]
        return self.words


def _units(section):
    return [
        _Unit(block.get("kind", ""), unit)
        for block in section.get("blocks") or []
        for unit in block.get("units") or []
        if isinstance(unit, dict)
    ]


def _align(old_units, new_units, heading, old_heading, sources):
    changes = []

    def removed(u):
        changes.append(
            UnitChange("removed", heading, u.block_kind, u.unit, None, [("delete", u.text)], None, old_heading)
        )

    def added(u):
        changes.append(
            UnitChange("added", heading, u.block_kind, None, u.unit, [("insert", u.text)], None, old_heading)
        )

    def paired(o, n):
        provenance = _provenance_change(o.unit, n.unit, sources)
        if o.text == n.text and provenance is None:
            words, kind = ([("equal", n.text)] if n.text else []), "unchanged"
        else:
            words, kind = word_diff(o.text, n.text), "changed"
        changes.append(UnitChange(kind, heading, n.block_kind, o.unit, n.unit, words, provenance, old_heading))

    matcher = difflib.SequenceMatcher(None, [u.key for u in old_units], [u.key for u in new_units], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for o, n in zip(old_units[i1:i2], new_units[j1:j2], strict=True):
                paired(o, n)
        elif tag == "delete":
            for o in old_units[i1:i2]:
                removed(o)
        elif tag == "insert":
            for n in new_units[j1:j2]:
                added(n)
        else:
            olds, news = old_units[i1:i2], new_units[j1:j2]
            i = j = 0
            for pi, pj in [*_pair_units(olds, news), (len(olds), len(news))]:
                gap_old, gap_new = olds[i:pi], news[j:pj]
                if len(gap_old) == len(gap_new) == 1 and gap_old[0].block_kind == gap_new[0].block_kind:
                    paired(gap_old[0], gap_new[0])  # one sentence rewritten in its place, however freely
                else:
                    for o in gap_old:
                        removed(o)
                    for n in gap_new:
                        added(n)
                if pi < len(olds):
                    paired(olds[pi], news[pj])
                i, j = pi + 1, pj + 1
    return changes


def _pair_units(olds, news):
    """Index pairs (old, new), in order, of the units in a replaced run that are rewordings of each other."""
    matcher = difflib.SequenceMatcher(autojunk=False)

    def score(o, n):
        if o.block_kind != n.block_kind:
            return 0.0
        matcher.set_seq1(o.similarity_words())
        if matcher.real_quick_ratio() < SIMILAR or matcher.quick_ratio() < SIMILAR:
            return 0.0
        ratio = matcher.ratio()
        return ratio if ratio >= SIMILAR else 0.0

    n_old, n_new = len(olds), len(news)
    positional = []
    for k in range(min(n_old, n_new)):
        matcher.set_seq2(news[k].similarity_words())
        if score(olds[k], news[k]):
            positional.append((k, k))
    # Each sentence reworded in place (the common case), or a run too long to search: pair by position.
    if (n_old == n_new and len(positional) == n_old) or n_old * n_new > PAIRING_LIMIT:
        return positional
    scores = [[0.0] * n_new for _ in range(n_old)]
    for j, n in enumerate(news):
        matcher.set_seq2(n.similarity_words())
        for i, o in enumerate(olds):
            scores[i][j] = score(o, n)
    # The monotone pairing with the greatest total similarity (a weighted longest common subsequence).
    best = [[0.0] * (n_new + 1) for _ in range(n_old + 1)]
    for i in range(n_old - 1, -1, -1):
        for j in range(n_new - 1, -1, -1):
            take = best[i + 1][j + 1] + scores[i][j] if scores[i][j] else -1.0
            best[i][j] = max(take, best[i + 1][j], best[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n_old and j < n_new:
        if scores[i][j] and best[i][j] == best[i + 1][j + 1] + scores[i][j]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def returning_sentences(retired, added):
    """Pair sentences being added with retired ones they bring back: {index in `added`: retired key}.

    `retired` maps each key an earlier version removed to the text it last had; `added` lists the texts
    of sentences the publish found no current sentence for. Each is paired with the retired sentence it
    is most like, at the rewording threshold (SIMILAR), each retired key at most once; a list too long to
    compare pairs none, as a long replaced run does.
    """
    if not retired or not added or len(retired) * len(added) > PAIRING_LIMIT:
        return {}

    def words(text):
        return [t.casefold() for t in _TOKEN.findall(text) if not t.isspace()]

    matcher = difflib.SequenceMatcher(autojunk=False)
    candidates = []
    for key, old_text in retired.items():
        matcher.set_seq1(words(old_text))
        for index, text in enumerate(added):
            matcher.set_seq2(words(text))
            if matcher.real_quick_ratio() >= SIMILAR and matcher.quick_ratio() >= SIMILAR:
                ratio = matcher.ratio()
                if ratio >= SIMILAR:
                    candidates.append((-ratio, index, key))
    pairs, used = {}, set()
    for _, index, key in sorted(candidates):
        if index not in pairs and key not in used:
            pairs[index] = key
            used.add(key)
    return pairs


# --- sections and blocks ------------------------------------------------------------------------------


def _pair_sections(old_sections, new_sections, old_units, new_units):
    """{new index: old index}: the same heading, then the same heading up to case and spacing, then the
    section whose sentences are mostly the same (a renamed section)."""
    matched, free = {}, set(range(len(old_sections)))

    def pair_by(key):
        candidates = {}
        for i in sorted(free):
            candidates.setdefault(key(old_sections[i]), []).append(i)
        for j, section in enumerate(new_sections):
            if j not in matched and candidates.get(key(section)):
                i = candidates[key(section)].pop(0)
                matched[j] = i
                free.discard(i)

    pair_by(lambda s: s.get("heading") or "")
    pair_by(lambda s: _normalise(s.get("heading") or "").casefold())
    for j in range(len(new_sections)):
        if j in matched or not new_units[j]:
            continue
        new_keys = [u.key for u in new_units[j]]
        best, best_ratio = None, SIMILAR
        for i in sorted(free):
            if not old_units[i]:
                continue
            ratio = difflib.SequenceMatcher(None, [u.key for u in old_units[i]], new_keys, autojunk=False).ratio()
            if ratio > best_ratio or (ratio == best_ratio and best is None):
                best, best_ratio = i, ratio
        if best is not None:
            matched[j] = best
            free.discard(best)
    return matched


def _media(section):
    return [b for b in section.get("blocks") or [] if isinstance(b, dict) and b.get("kind") in MEDIA_KINDS]


def _media_text(block, by_number):
    if block.get("kind") == "video":
        number = block.get("video")
        source = by_number.get(number)
        return f"source {number}: {source.get('title')}" if source else f"source {number}"
    return f"{block.get('image') or ''} (alt text: {block.get('alt_text') or ''})"


def _media_changes(old_section, new_section, heading, sources):
    old_blocks = _media(old_section) if old_section is not None else []
    new_blocks = _media(new_section) if new_section is not None else []

    def signature(block, side):
        if block.get("kind") == "video":
            lookup = sources.old_work if side == "old" else sources.new_work
            return ("video", lookup.get(block.get("video"), ("undefined", block.get("video"))))
        return ("figure", block.get("image"), block.get("alt_text"))

    def bare(block):
        return {k: v for k, v in block.items() if k != "units"}

    def change(kind, old, new):
        fields = []
        if old is not None and new is not None:
            if old.get("kind") == "video":
                fields = ["video"]
            else:
                fields = [name for name in ("image", "alt_text") if old.get(name) != new.get(name)]
        block_kind = (new or old).get("kind")
        return BlockChange(
            heading,
            block_kind,
            kind,
            bare(old) if old is not None else None,
            bare(new) if new is not None else None,
            fields,
            _media_text(old, sources.old_by_number) if old is not None else None,
            _media_text(new, sources.new_by_number) if new is not None else None,
        )

    out = []
    matcher = difflib.SequenceMatcher(
        None, [signature(b, "old") for b in old_blocks], [signature(b, "new") for b in new_blocks], autojunk=False
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        olds, news = old_blocks[i1:i2], new_blocks[j1:j2]
        while olds and news and olds[0].get("kind") == news[0].get("kind"):
            old, new = olds.pop(0), news.pop(0)
            if signature(old, "old") != signature(new, "new"):
                out.append(change("changed", old, new))
        out += [change("removed", b, None) for b in olds]
        out += [change("added", None, b) for b in news]
    return out


# --- metadata -----------------------------------------------------------------------------------------


def _metadata_value(data, name):
    value = data.get(name)
    if name == "see_also":
        return sorted(str(s) for s in value or [])
    return "" if value is None else value


def _metadata_changes(old_data, new_data):
    out = []
    for name in METADATA_FIELDS:
        old, new = _metadata_value(old_data, name), _metadata_value(new_data, name)
        if old != new:
            out.append(MetadataChange(name, old, new))
    return out


# --- continuity ---------------------------------------------------------------------------------------


def align(old_data, new_data):
    """Which section and which sentence of `new_data` continues which of `old_data`.

    Returns (sections, units): `sections` maps a new section's index to the old section's index, and `units`
    is a list of (old unit, new unit) pairs of the data's own dicts: sentences kept or reworded in place, as
    the diff shows them, and sentences moved elsewhere with their text unchanged. Everything else in
    `new_data` is new; everything else in `old_data` was removed.
    """
    sources = _Sources(old_data.get("sources"), new_data.get("sources"))
    old_sections = [s for s in old_data.get("sections") or [] if isinstance(s, dict)]
    new_sections = [s for s in new_data.get("sections") or [] if isinstance(s, dict)]
    old_units = [_units(s) for s in old_sections]
    new_units = [_units(s) for s in new_sections]
    matched = _pair_sections(old_sections, new_sections, old_units, new_units)
    pairs, removed, added = [], [], []
    for j, units in enumerate(new_units):
        i = matched.get(j)
        if i is not None and [u.key for u in old_units[i]] == [u.key for u in units]:
            # The same sentences in the same order, as most sections of a small change are: nothing to align.
            pairs += [(o.unit, n.unit) for o, n in zip(old_units[i], units)]
            continue
        for change in _align(old_units[i] if i is not None else [], units, "", None, sources):
            if change.old is not None and change.new is not None:
                pairs.append((change.old, change.new))
            elif change.old is not None:
                removed.append(change.old)
            else:
                added.append(change.new)
    paired_sections = set(matched.values())
    for i, units in enumerate(old_units):
        if i not in paired_sections:
            removed += [u.unit for u in units]
    # A sentence moved to another section reads as removed there and added here; same text, same sentence.
    waiting = {}
    for unit in removed:
        waiting.setdefault(_normalise(display_text(unit)), []).append(unit)
    for unit in added:
        candidates = waiting.get(_normalise(display_text(unit)))
        if candidates:
            pairs.append((candidates.pop(0), unit))
    return matched, pairs


# --- the whole article --------------------------------------------------------------------------------


def diff_articles(old_data, new_data):
    """Compare two versions of an article's data; see the module docstring."""
    sources = _Sources(old_data.get("sources"), new_data.get("sources"))
    old_sections = [s for s in old_data.get("sections") or [] if isinstance(s, dict)]
    new_sections = [s for s in new_data.get("sections") or [] if isinstance(s, dict)]
    old_units = [_units(s) for s in old_sections]
    new_units = [_units(s) for s in new_sections]
    matched = _pair_sections(old_sections, new_sections, old_units, new_units)

    # A removed section goes after the new place of the nearest old section before it that was kept.
    new_of_old = {i: j for j, i in matched.items()}
    removed_after = {}
    for i in range(len(old_sections)):
        if i not in new_of_old:
            kept_before = [k for k in range(i) if k in new_of_old]
            removed_after.setdefault(new_of_old[kept_before[-1]] if kept_before else -1, []).append(i)

    sections, renames = [], []

    def removed_sections(after):
        for i in removed_after.get(after, []):
            heading = old_sections[i].get("heading") or ""
            changes = _align(old_units[i], [], heading, heading, sources)
            blocks = _media_changes(old_sections[i], None, heading, sources)
            sections.append(SectionDiff(heading, heading, "removed", changes, blocks))

    removed_sections(-1)
    for j, new_section in enumerate(new_sections):
        heading = new_section.get("heading") or ""
        i = matched.get(j)
        old_section = old_sections[i] if i is not None else None
        old_heading = (old_section.get("heading") or "") if old_section is not None else None
        changes = _align(old_units[i] if i is not None else [], new_units[j], heading, old_heading, sources)
        blocks = _media_changes(old_section, new_section, heading, sources)
        if old_section is None:
            status = "added"
        elif old_heading != heading:
            status = "renamed"
            renames.append((old_heading, heading))
        else:
            status = "kept"
        sections.append(SectionDiff(heading, old_heading, status, changes, blocks))
        removed_sections(j)

    changes = [c for s in sections for c in s.changes]
    summary = {"added": 0, "removed": 0, "changed": 0, "provenance_changed": 0, "unchanged": 0}
    for c in changes:
        summary[c.kind] += 1
        if c.provenance is not None:
            summary["provenance_changed"] += 1
    return ArticleDiff(
        changes=changes,
        summary=summary,
        metadata=_metadata_changes(old_data, new_data),
        sources=sources.changes(),
        blocks=[b for s in sections for b in s.blocks],
        sections=sections,
        section_renames=renames,
    )
