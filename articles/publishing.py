"""The one write path for what readers see of an article: every change to a published article is a version.

`article_write` takes settled article data (see `importing.article_import`), works out what changed against
the stored article, sentence by sentence, and applies only that: changed rows are updated, new ones
inserted, removed ones retired. Each section and sentence keeps a stable key across versions: a kept or
reworded sentence keeps its key, a new one gets the next unused key, and a removed key is never handed to
other text. A published result is kept whole as an `ArticleVersion`, with a `UnitEvent` for each sentence
it added, changed, removed or restored, and the article's content revision moves on, which is all the
stored rendering and every cached page key on.

Queries and row writes grow with the size of the change, not of the article; reading the stored article
and rendering the new one are the parts that grow with its size.
"""

import datetime
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify

from . import rendering
from .diff import align, display_text, provenance_label, returning_sentences
from .exporting import article_export_data, content_of
from .models import (
    SECTION_KEY,
    UNIT_KEY,
    Article,
    ArticleSource,
    ArticleType,
    ArticleVersion,
    Block,
    Citation,
    Discipline,
    Family,
    Section,
    Unit,
    UnitEvent,
    content_revision_bump,
    content_rows,
    hang_content,
)
from .related import article_related_refresh
from .rendering import article_render, article_renders
from .validation import POSITION_CEILING, VERSION, unwritable_text

UNIT_FIELDS = ("text", "end", "term", "goal", "objective", "is_llm")
BLOCK_FIELDS = ("kind", "image", "alt_text")


def version_tuple(version):
    """(major, minor) of a version such as "1.10"; ValueError for anything else."""
    if not VERSION.fullmatch(str(version)):
        raise ValueError(f"not a version: {version!r}")
    major, _, minor = str(version).partition(".")
    return int(major), int(minor)


@transaction.atomic
def article_write(*, data, revision=None, trust_keys=False, based_on=None):
    """Create or update the article the data names; return (article, outcome).

    `data` must be valid and settled: every source entry carries its library "id", see-also names only
    existing articles. outcome is "created", "updated" or "unchanged" (nothing written). Updating a
    published article makes the next minor version, or the data's version if that is higher; whether the
    article is published is judged before the update. `revision` describes the version for history:
    summary, kind, suggestion_id, suggestion_category, credit, published_by.

    `based_on`, a (major, minor) version the data was edited from, refuses a change to an article that
    has been published since (ValidationError, code "stale"): writing it would silently take back what
    that later version changed. The check runs with the article's row locked, so of two writers editing
    the same version one wins and the other is refused.
    """
    revision = revision or {}
    acting_user = revision.get("published_by")
    requested = version_tuple(data.get("version", "1.0"))
    article = Article.objects.select_for_update().filter(slug=data["slug"]).first()
    if article is None:
        outcome, stored = "created", None
        article = Article(slug=data["slug"], version_major=requested[0], version_minor=requested[1])
    else:
        outcome, stored = "updated", _Stored(article)
        current = (article.version_major, article.version_minor)
        if content_of(stored.data) == content_of(data) and requested <= current:
            return article, "unchanged"
        if based_on is not None and tuple(based_on) < current:
            edited_from = "{}.{}".format(*based_on)
            raise ValidationError(
                f"This text was edited from version {edited_from}, but the article is now version "
                f"{article.version}: it was published since. Writing it would take back what changed after "
                f"{edited_from}. Nothing was written.",
                code="stale",
            )
        if requested > current:
            article.version_major, article.version_minor = requested
        elif article.is_published:
            article.version_minor += 1
        article.content_revision += 1
    old_title = article.title
    was_published = outcome == "updated" and article.is_published

    article.title = data["title"]
    article.lead = data["lead"]
    article.article_type = _taxon(ArticleType, data["type"])
    article.discipline = _taxon(Discipline, data["discipline"])
    article.family = _taxon(Family, data["family"])
    article.status = data.get("status", Article.Status.DRAFT)
    article.generating_model = data["generating_model"]
    article.generated_on = datetime.date.fromisoformat(data["generated_on"])
    plan = _plan(article, stored, data, trust_keys)  # hands out keys, so before the save
    if article.is_published:
        _mark_revised(article, revision)
    article.save()  # the data passed article_validate; the database's constraints check the rest
    citations = _apply(article, stored, plan, [(s["number"], s["id"]) for s in data["sources"]])
    if stored is None or stored.data["see_also"] != data["see_also"]:
        article.see_also.set(Article.objects.filter(slug__in=data["see_also"]))
    if outcome == "updated" and (old_title != article.title or was_published != article.is_published):
        # Pages listing this article under "see also" show its title, and only while it is published.
        content_revision_bump(Article.objects.filter(see_also=article).values_list("pk", flat=True))
    # Articles listing this one as citing the same sources or mentioning them are rendered again.
    article_related_refresh(
        article=article, old_data=stored.data if stored else None, new_data=data, was_published=was_published
    )
    written = {article.pk: _as_written(article, plan, citations)}
    _, snapshot = article_render(article_ids=[article.pk], export=True, index=True, loaded=written)[article.pk]
    if article.is_published:
        _record_version(article, snapshot, revision, acting_user)
    return article, outcome


# A revert's summary is "Reverted to version N.N: <reason>" in ArticleVersion.summary's 300 characters.
REVERT_REASON_MAX_LENGTH = 250


@transaction.atomic
def article_revert(*, article, version, editor, reason=""):
    """Publish the text of an earlier version as the article's next version, keeping its sentences' keys;
    `reason`, the editor's why, is part of the version's summary in the public history."""
    from .importing import article_import

    old = ArticleVersion.objects.filter(article=article, major=version[0], minor=version[1]).first()
    if old is None:
        raise ValidationError("There is no such version to go back to.", code="no_version")
    reason = " ".join(reason.split())
    problem = unwritable_text(reason)  # the history and the Atom feeds show it
    if problem:
        raise ValidationError(f"The reason: {problem}", code="control_characters")
    if len(reason) > REVERT_REASON_MAX_LENGTH:
        raise ValidationError(
            f"The reason is {len(reason):,} characters; the history has room for {REVERT_REASON_MAX_LENGTH}.",
            code="reason_too_long",
        )
    data = {**old.data, "status": Article.Status.PUBLISHED, "version": old.version}
    summary = f"Reverted to version {old.version}" + (f": {reason}" if reason else "")
    revision = {"summary": summary, "kind": ArticleVersion.Kind.REVERT, "published_by": editor}
    article, outcome = article_import(data=data, revision=revision, trust_keys=True)
    if outcome == "unchanged":
        raise ValidationError(f"The article already reads as version {old.version}.", code="no_change")
    return article


@transaction.atomic
def article_record_library_correction(*, article_ids, summary, editor=None):
    """A library record the articles show (a source, a type, discipline or family) was corrected.

    Each published article among them gets a new version saying so, a chunk of articles at a time. Their
    pages are rendered again while settings.REFRESH_RENDER_SECONDS, counted from the start, has not run out
    (no chunk is begun after it), so that a correction to a source hundreds of articles cite answers within
    the server's timeout: the rest are rendered when first read, and their search entries by
    `render_articles --stale`. Versioning is not put off: it costs a load and an export per article.
    Returns the new versions.
    """
    deadline = time.monotonic() + settings.REFRESH_RENDER_SECONDS
    articles = list(Article.objects.select_for_update().filter(pk__in=list(article_ids)).order_by("pk"))
    now = timezone.now()
    for article in articles:
        article.content_revision += 1
        article.updated_at = now
        if article.is_published:
            article.version_minor += 1
            _mark_revised(article, {})
    fields = ["content_revision", "version_minor", "revised_at", "revised_after_suggestion", "updated_at"]
    Article.objects.bulk_update(articles, fields, batch_size=500)
    revision = {"summary": summary, "kind": ArticleVersion.Kind.LIBRARY, "published_by": editor}
    versions = []
    ids = [a.pk for a in articles]
    for start in range(0, len(ids), rendering.RENDER_CHUNK):
        chunk = ids[start : start + rendering.RENDER_CHUNK]
        loaded = {a.pk: a for a in Article.objects.for_detail_page().filter(pk__in=chunk)}
        for article in loaded.values():
            if article.is_published:
                versions.append(_record_version(article, article_export_data(article), revision, editor))
        if not start or time.monotonic() < deadline:
            article_render(article_ids=chunk, index=True, loaded=loaded)
    return versions


@transaction.atomic
def article_delete(*, article):
    """Delete an article with its versions, and move on the content revision of every article that lists it
    (see also, citing the same sources, mentioned in), so that no stored page keeps a link to it."""
    listing = set(Article.objects.filter(see_also=article).values_list("pk", flat=True))
    data = article_export_data(Article.objects.for_detail_page().get(pk=article.pk))
    article_related_refresh(article=article, old_data=data, new_data={}, was_published=article.is_published)
    content_revision_bump(listing)
    article.delete()


@transaction.atomic
def article_refresh(*, article_ids, in_request=True):
    """Something these articles show beside their text changed (a tier rule, a review, a source's link
    status): their content revision moves on, so every cached page is replaced, and they are rendered again,
    a chunk at a time, keeping none of the renderings in memory. Returns (rendered, left) counts.

    In a request, no chunk is begun after settings.REFRESH_RENDER_SECONDS, so that a change reaching the
    whole library answers within the server's timeout: an article left is rendered when first read (its
    stored page no longer matches its revision, so no reader gets the old one) or by `render_articles
    --stale`. A command from cron passes `in_request=False` and renders them all.
    No version is recorded: what the articles say is unchanged.
    """
    ids = list(article_ids)
    content_revision_bump(ids)
    seconds = settings.REFRESH_RENDER_SECONDS if in_request else None
    rendered = sum(1 for _ in article_renders(article_ids=ids, seconds=seconds))
    return rendered, len(ids) - rendered


def _taxon(model, name):
    """The type, discipline or family of that name, created if new. A new one needs an address of its own:
    a name that makes no slug, or the slug of an existing one ("CONSTRUCT!" beside "Construct"), is refused
    (the caller's transaction then writes nothing)."""
    taxon = model.objects.filter(name=name).first()
    if taxon is not None:
        return taxon
    label = model._meta.verbose_name
    slug = slugify(name.replace("/", " "))
    if not slug:
        raise ValidationError(
            f"The {label} “{name}” needs at least one Latin letter or digit, for its page's address.",
            code="taxon_without_slug",
        )
    clash = model.objects.filter(slug=slug).first()
    if clash is not None:
        raise ValidationError(
            f"The {label} “{name}” would have the same address as the existing {label} “{clash.name}” "
            f"({clash.get_absolute_url()}): use that name, or one that differs in its letters or digits.",
            code="taxon_clash",
        )
    return model.objects.create(name=name, slug=slug)


# --- what is stored ---------------------------------------------------------------------------------


class _Stored:
    """The stored article: its data with keys, and its rows by key, in the detail page's seven queries."""

    def __init__(self, article):
        loaded = Article.objects.for_detail_page().get(pk=article.pk)
        self.data = article_export_data(loaded)
        self.sections = {s.key: s for s in content_rows(loaded, "sections")}
        self.blocks = {b.pk: b for s in self.sections.values() for b in content_rows(s, "blocks")}
        self.units = {u.key: u for b in self.blocks.values() for u in content_rows(b, "units")}
        self.citation_rows = {key: list(content_rows(u, "citations")) for key, u in self.units.items()}
        self.citations = {key: [c.article_source_id for c in rows] for key, rows in self.citation_rows.items()}
        self.numbered = {a.source_id: a for a in loaded.numbered_sources.all()}


# --- what to write ----------------------------------------------------------------------------------


@dataclass
class _UnitPlan:
    key: int
    position: int
    fields: dict
    numbers: list  # cited source numbers, in marker order
    old: object = None  # the stored Unit, if this continues one


@dataclass
class _BlockPlan:
    position: int
    fields: dict
    video_number: int | None
    units: list = field(default_factory=list)
    old: object = None


@dataclass
class _SectionPlan:
    key: int
    position: int
    heading: str
    blocks: list = field(default_factory=list)
    old: object = None


def _plan(article, stored, data, trust_keys):
    section_keys, unit_keys = _keys(article, stored, data, trust_keys)
    sections = []
    for j, section in enumerate(data["sections"]):
        key = section_keys[j]
        old_section = stored.sections.get(key) if stored else None
        plan = _SectionPlan(key=key, position=j, heading=section.get("heading", ""), old=old_section)
        for b, block in enumerate(section["blocks"]):
            block_plan = _BlockPlan(
                position=b,
                fields={"kind": block["kind"], "image": block.get("image", ""), "alt_text": block.get("alt_text", "")},
                video_number=block.get("video"),
            )
            for u, unit in enumerate(block["units"]):
                key = unit_keys[id(unit)]
                fields = {name: unit.get(name, "") for name in UNIT_FIELDS if name != "is_llm"}
                fields["is_llm"] = unit["provenance"] == "llm"
                numbers = [] if fields["is_llm"] else list(unit["provenance"])
                block_plan.units.append(
                    _UnitPlan(key=key, position=u, fields=fields, numbers=numbers, old=stored and stored.units.get(key))
                )
            plan.blocks.append(block_plan)
        _pair_blocks(plan, stored)
        sections.append(plan)
    return sections


def _keys(article, stored, data, trust_keys):
    """The key of each new section (by index) and sentence (by id of its dict); hands out new keys."""
    section_keys, unit_keys = {}, {}
    units = [u for s in data["sections"] for b in s["blocks"] for u in b["units"]]
    if stored is not None and trust_keys:
        for j, section in enumerate(data["sections"]):
            key = _key_number(SECTION_KEY, section.get("key"), article.next_section_key)
            if key is not None and key not in section_keys.values():
                section_keys[j] = key
        used = set()
        for unit in units:
            key = _key_number(UNIT_KEY, unit.get("key"), article.next_unit_key)
            if key is not None and key not in used:
                unit_keys[id(unit)] = key
                used.add(key)
    elif stored is not None:
        matched, pairs = align(stored.data, data)
        for j, i in matched.items():
            section_keys[j] = int(stored.data["sections"][i]["key"][1:])
        for old, new in pairs:
            unit_keys[id(new)] = int(old["key"][1:])
        added = [unit for unit in units if id(unit) not in unit_keys]
        if added:
            # A sentence an earlier version removed that comes back (a draft that kept it while the live
            # article dropped it, say) takes up its own key again, and its history reads "restored".
            retired = _retired_texts(article, exclude=set(unit_keys.values()))
            for index, key in returning_sentences(retired, [u["text"] for u in added]).items():
                unit_keys[id(added[index])] = key
    for j in range(len(data["sections"])):
        if j not in section_keys:
            section_keys[j] = article.next_section_key
            article.next_section_key += 1
    for unit in units:
        if id(unit) not in unit_keys:
            unit_keys[id(unit)] = article.next_unit_key
            article.next_unit_key += 1
    return section_keys, unit_keys


def _key_number(pattern, label, next_key):
    """The number in a key label such as "u12", if it is one this article has handed out."""
    match = pattern.fullmatch(label) if isinstance(label, str) else None
    if match is None or int(match.group(1)) >= next_key:
        return None
    return int(match.group(1))


def _pair_blocks(section_plan, stored):
    """Give each planned block the stored block of the same section that it continues, if any: the one
    most of its sentences come from, else the next unused one of the same kind."""
    if section_plan.old is None:
        return
    pool = list(content_rows(section_plan.old, "blocks"))
    taken = set()
    for block in section_plan.blocks:
        votes = {}
        for unit in block.units:
            if unit.old is not None:
                votes[unit.old.block_id] = votes.get(unit.old.block_id, 0) + 1
        for candidate in sorted(pool, key=lambda b: -votes.get(b.pk, 0)):
            if votes.get(candidate.pk) and candidate.pk not in taken and candidate.kind == block.fields["kind"]:
                block.old = candidate
                taken.add(candidate.pk)
                break
    for block in section_plan.blocks:
        if block.old is None:
            for candidate in pool:
                if candidate.pk not in taken and candidate.kind == block.fields["kind"]:
                    block.old = candidate
                    taken.add(candidate.pk)
                    break


# --- writing it -------------------------------------------------------------------------------------


def _apply(article, stored, sections, wanted_sources):
    """Write the planned sections, blocks, sentences, citations and numbered sources; return each
    sentence's citation rows by sentence id.

    A row whose place changes, and a row about to be removed, first moves above POSITION_CEILING so that
    no two rows ever hold the same place; new rows then take their places, kept rows theirs, and only then
    are removed rows deleted, once nothing refers to them.
    """
    numbered = _apply_sources(article, stored, wanted_sources)
    blocks_plans = [b for s in sections for b in s.blocks]
    unit_plans = [u for b in blocks_plans for u in b.units]

    # Sections.
    old_sections = stored.sections.values() if stored else []
    kept = {s.old.pk for s in sections if s.old is not None}
    moving = [s.old.pk for s in sections if s.old is not None and s.old.position != s.position]
    removed_sections = [s.pk for s in old_sections if s.pk not in kept]
    _lift(Section, moving + removed_sections)
    changed = []
    for s in sections:
        if s.old is not None and (s.old.position, s.old.heading) != (s.position, s.heading):
            s.old.position, s.old.heading = s.position, s.heading
            changed.append(s.old)
    new_sections = [s for s in sections if s.old is None]
    created = Section.objects.bulk_create(
        [Section(article=article, key=s.key, position=s.position, heading=s.heading) for s in new_sections]
    )
    for plan, row in zip(new_sections, created):
        plan.old = row
    Section.objects.bulk_update(changed, ["position", "heading"], batch_size=500)

    # Blocks.
    old_blocks = stored.blocks.values() if stored else []
    kept = {b.old.pk for b in blocks_plans if b.old is not None}
    moving, new_blocks, changed = [], [], []
    for s in sections:
        for b in s.blocks:
            video = numbered[b.video_number].pk if b.video_number is not None else None
            target = {"section_id": s.old.pk, "position": b.position, "video_id": video, **b.fields}
            if b.old is None:
                b.old = Block(**target)
                new_blocks.append(b.old)
                continue
            if (b.old.section_id, b.old.position) != (target["section_id"], target["position"]):
                moving.append(b.old.pk)
            if any(getattr(b.old, name) != value for name, value in target.items()):
                for name, value in target.items():
                    setattr(b.old, name, value)
                changed.append(b.old)
    removed_blocks = [b.pk for b in old_blocks if b.pk not in kept]
    _lift(Block, moving + removed_blocks)
    Block.objects.bulk_create(new_blocks)
    Block.objects.bulk_update(changed, ["section_id", "position", "video_id", *BLOCK_FIELDS], batch_size=500)

    # Sentences and their citations.
    old_units = stored.units.values() if stored else []
    kept = {u.old.pk for u in unit_plans if u.old is not None}
    moving, new_units, changed, recited = [], [], [], []
    for b in blocks_plans:
        for u in b.units:
            target = {"block_id": b.old.pk, "position": u.position, **u.fields}
            cited = [numbered[n].pk for n in u.numbers]
            if u.old is None:
                u.old = Unit(article=article, key=u.key, **target)
                new_units.append(u.old)
                recited.append((u.old, cited))
                continue
            if (u.old.block_id, u.old.position) != (target["block_id"], target["position"]):
                moving.append(u.old.pk)
            if any(getattr(u.old, name) != value for name, value in target.items()):
                for name, value in target.items():
                    setattr(u.old, name, value)
                changed.append(u.old)
            if stored.citations[u.key] != cited:
                recited.append((u.old, cited))
    removed_units = [u.pk for u in old_units if u.pk not in kept]
    _lift(Unit, moving + removed_units)
    Unit.objects.bulk_create(new_units, batch_size=500)
    Unit.objects.bulk_update(changed, ["block_id", "position", *UNIT_FIELDS], batch_size=500)
    Citation.objects.filter(unit_id__in=[unit.pk for unit, _ in recited if unit.pk in kept]).delete()
    citations = {
        unit.pk: [Citation(unit=unit, article_source_id=pk, position=i) for i, pk in enumerate(cited)]
        for unit, cited in recited
    }
    Citation.objects.bulk_create([c for rows in citations.values() for c in rows], batch_size=500)
    for u in unit_plans:
        if u.old.pk not in citations:
            citations[u.old.pk] = stored.citation_rows[u.key]

    # What is left over.
    Unit.objects.filter(pk__in=removed_units).delete()
    Block.objects.filter(pk__in=removed_blocks).delete()
    Section.objects.filter(pk__in=removed_sections).delete()
    ArticleSource.objects.filter(pk__in=numbered.removed).delete()
    return citations


def _as_written(article, sections, citations):
    """The article as `for_detail_page` would load it now, its content made of the rows just written rather
    than read back: reading a long article costs more than the rest of a small change."""
    loaded = Article.objects.for_detail_page(content=False).get(pk=article.pk)
    blocks = [b for s in sections for b in s.blocks]
    units = [u.old for b in blocks for u in b.units]
    hang_content(
        [loaded],
        sections=[s.old for s in sections],
        blocks=[b.old for b in blocks],
        units=units,
        citations=[c for unit in units for c in citations[unit.pk]],
    )
    return loaded


class _Numbered(dict):
    """Numbered sources by number, with the ids of the stored ones no longer listed."""

    removed = ()


def _apply_sources(article, stored, wanted):
    """Write the article's numbered source list, given as (number, library id) pairs; return its rows by number."""
    old = stored.numbered if stored else {}
    numbered = _Numbered()
    renumbered, new = [], []
    for number, source_id in wanted:
        row = old.get(source_id)
        if row is None:
            row = ArticleSource(article=article, source_id=source_id, number=number)
            new.append(row)
        elif row.number != number:
            row.number = number
            renumbered.append(row)
        numbered[number] = row
    listed = {source_id for _, source_id in wanted}
    numbered.removed = [row.pk for source_id, row in old.items() if source_id not in listed]
    _lift(ArticleSource, [row.pk for row in renumbered] + numbered.removed, field="number")
    ArticleSource.objects.bulk_create(new)
    ArticleSource.objects.bulk_update(renumbered, ["number"])
    return numbered


def _lift(model, ids, field="position"):
    """Move rows out of the way, above every place a row can hold, before places are reassigned."""
    if ids:
        model.objects.filter(pk__in=ids).update(**{field: F(field) + POSITION_CEILING})


# --- versions ---------------------------------------------------------------------------------------


def _mark_revised(article, revision):
    """When the version being published appeared, and whether a reader's suggestion prompted it: the page
    says so, so these are set before it is rendered."""
    article.revised_at = timezone.now()
    article.revised_after_suggestion = bool(revision.get("suggestion_id"))


def _record_version(article, snapshot, revision, acting_user):
    """Keep the article as published now, with what it did to each sentence."""
    previous = (
        article.versions.exclude(major=article.version_major, minor=article.version_minor)
        .order_by("-major", "-minor")
        .only("data")
        .first()
    )
    kind = revision.get("kind") or ArticleVersion.Kind.EDIT
    version, _ = ArticleVersion.objects.update_or_create(
        article=article,
        major=article.version_major,
        minor=article.version_minor,
        defaults={
            "kind": kind,
            "published_at": article.revised_at,
            "data": snapshot,
            "summary": _history_line(revision.get("summary") or ""),
            "suggestion_id": revision.get("suggestion_id"),
            "suggestion_category": revision.get("suggestion_category", ""),
            "credit": revision.get("credit", ""),
            "published_by": acting_user,
        },
    )
    version.unit_events.all().delete()
    UnitEvent.objects.bulk_create(
        [
            UnitEvent(article=article, version=version, **event)
            for event in unit_events(previous.data if previous else None, snapshot, _removed_keys(article))
        ],
        batch_size=500,
    )
    return version


def _retired_texts(article, exclude):
    """{key: the text it last had} of each sentence an earlier version removed and none has brought back."""
    rows = article.unit_events.filter(action=UnitEvent.Action.REMOVED).order_by("version__major", "version__minor")
    return {key: text for key, text in rows.values_list("key", "old_text") if key not in exclude}


def _removed_keys(article):
    """Keys of sentences an earlier version removed: one query, so a returning sentence reads as restored."""
    return set(article.unit_events.filter(action=UnitEvent.Action.REMOVED).values_list("key", flat=True))


def unit_events(old_data, new_data, removed_before=frozenset()):
    """What `new_data` did to each sentence of `old_data`, by key: a list of UnitEvent field dicts.

    Provenance is compared by the works cited (library ids), so renumbering the source list alone
    changes no sentence.
    """
    old_units = _units_by_key(old_data) if old_data else {}
    new_units = _units_by_key(new_data)
    old_works = _works(old_data) if old_data else {}
    new_works = _works(new_data)
    same_works = old_works == new_works
    events = []
    for key, (heading, unit) in new_units.items():
        number = int(key[1:])
        if key not in old_units:
            action = UnitEvent.Action.RESTORED if number in removed_before else UnitEvent.Action.ADDED
            events.append(_event(number, action, heading, None, unit))
            continue
        _, old = old_units[key]
        if same_works and old == unit:  # most sentences of most versions: nothing to compare
            continue
        text_changed = display_text(old) != display_text(unit)
        provenance_changed = _cited_works(old, old_works) != _cited_works(unit, new_works)
        if text_changed or provenance_changed:
            event = _event(number, UnitEvent.Action.CHANGED, heading, old, unit)
            events.append({**event, "text_changed": text_changed, "provenance_changed": provenance_changed})
    for key, (heading, unit) in old_units.items():
        if key not in new_units:
            events.append(_event(int(key[1:]), UnitEvent.Action.REMOVED, heading, unit, None))
    return events


def _event(number, action, heading, old, new):
    return {
        "key": number,
        "action": action,
        "section_heading": heading,
        "old_text": display_text(old) if old else "",
        "new_text": display_text(new) if new else "",
        "old_provenance": _marker(old) if old else "",
        "new_provenance": _marker(new) if new else "",
    }


def _marker(unit):
    return "llm" if unit["provenance"] == "llm" else provenance_label(unit["provenance"]).replace(", ", " ")


def _units_by_key(data):
    return {
        unit["key"]: (section.get("heading", ""), unit)
        for section in data["sections"]
        for block in section["blocks"]
        for unit in block["units"]
        if "key" in unit
    }


def _works(data):
    return {s["number"]: s.get("id") or (s.get("title"), s.get("container"), s.get("url")) for s in data["sources"]}


def _cited_works(unit, works):
    if unit["provenance"] == "llm":
        return "llm"
    return sorted(map(str, (works.get(n) for n in unit["provenance"])))


def _history_line(summary):
    """The history's one-line summary. Editors' summaries are refused over the limit before they get here;
    a generated one (a library correction naming a long title) is shortened visibly, with an ellipsis."""
    limit = ArticleVersion._meta.get_field("summary").max_length
    return summary if len(summary) <= limit else summary[: limit - 1].rstrip() + "…"
