"""Writes that touch several article rows: importing a whole article, recording a vote."""

import datetime
import hashlib
import json
import re

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history

from sources.models import Kind, Source, Tier

from .models import (
    MARKER_IN_TEXT,
    Article,
    ArticleRendering,
    ArticleSource,
    ArticleType,
    ArticleVersion,
    Block,
    Citation,
    Discipline,
    Family,
    Section,
    Unit,
    Vote,
)

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
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
UNIT_FIELDS = ("term", "goal", "objective", "text", "provenance", "end")
SOURCE_FIELDS = ("number", "authors", "year", "title", "container", "url", "doi", "pmid", "kind", "tier")


def article_export_data(article):
    """The article as plain data: what the JSON endpoint serves and `article_import` accepts.

    Expects an article loaded with `Article.objects.for_detail_page()`; otherwise it queries per section.
    """
    numbered = list(article.numbered_sources.all())
    number_of = {a.pk: a.number for a in numbered}
    sections = []
    for section in article.sections.all():
        blocks = []
        for block in section.blocks.all():
            data = {"kind": block.kind}
            if block.kind == Block.Kind.FIGURE:
                data["image"] = block.image
                data["alt_text"] = block.alt_text
            if block.kind == Block.Kind.VIDEO:
                data["video"] = number_of[block.video_id]
            units = []
            for unit in block.units.all():
                u = {}
                if block.kind == Block.Kind.KEY_TERMS:
                    u["term"] = unit.term
                if block.kind == Block.Kind.SMART:
                    u["goal"] = unit.goal
                    u["objective"] = unit.objective
                u["text"] = unit.text
                u["provenance"] = (
                    "llm" if unit.is_llm else [number_of[c.article_source_id] for c in unit.citations.all()]
                )
                u["end"] = unit.end
                units.append(u)
            data["units"] = units
            blocks.append(data)
        sections.append({"heading": section.heading, "blocks": blocks})
    return {
        "slug": article.slug,
        "title": article.title,
        "lead": article.lead,
        "type": article.article_type.name,
        "discipline": article.discipline.name,
        "family": article.family.name,
        "status": article.status,
        "version": article.version,
        "generating_model": article.generating_model,
        "generated_on": article.generated_on.isoformat(),
        "see_also": sorted(a.slug for a in article.see_also.all()),
        "sections": sections,
        "sources": [
            {
                "number": a.number,
                "authors": a.source.authors,
                "year": a.source.year,
                "title": a.source.title,
                "container": a.source.container,
                "url": a.source.url,
                "doi": a.source.doi,
                "pmid": a.source.pmid,
                "kind": a.source.kind,
                "tier": a.source.tier,
            }
            for a in numbered
        ],
    }


def _content_of(data):
    """The parts of article data an import compares to decide whether anything changed."""
    ignored = {"version", "upvotes", "provenance_summary", "url", "reading_minutes", "cited_source_count"}
    content = {k: v for k, v in data.items() if k not in ignored}
    content.setdefault("status", Article.Status.DRAFT)
    return content


def _version_tuple(version):
    major, _, minor = str(version).partition(".")
    return int(major), int(minor)


def _delete_content_with_history(article, user=None):
    """Delete an article's sections, blocks, units, citations and numbered sources in a few bulk queries,
    recording each deletion in their history as a one-by-one delete would."""
    now = timezone.now()
    querysets = [
        (Citation, Citation.objects.filter(unit__block__section__article=article)),
        (Unit, Unit.objects.filter(block__section__article=article)),
        (Block, Block.objects.filter(section__article=article)),
        (Section, Section.objects.filter(article=article)),
        (ArticleSource, ArticleSource.objects.filter(article=article)),
    ]
    for model, queryset in querysets:
        fields = [f.attname for f in model._meta.concrete_fields]
        rows = list(queryset.values(*fields))
        historical = model.history.model
        acting = user or historical.get_default_history_user(None)  # the request's user, when there is one
        historical.objects.bulk_create(
            [historical(history_date=now, history_type="-", history_user=acting, **row) for row in rows],
            batch_size=500,
        )
        ids = [row["id"] for row in rows]
        # A raw delete skips on_delete, so let go of rows elsewhere (such as readers' suggestions) that
        # point here with SET_NULL first, as a one-by-one delete would.
        relations = [f for f in model._meta.get_fields(include_hidden=True) if f.auto_created and not f.concrete]
        for relation in relations:
            if getattr(relation, "on_delete", None) is models.SET_NULL:
                field = relation.field.name
                relation.related_model._base_manager.filter(**{f"{field}__in": ids}).update(**{field: None})
        model.objects.filter(pk__in=ids)._raw_delete(queryset.db)


def _validate(data):
    """Check article data as a whole and return every problem at once, each with where it is."""
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
        datetime.date.fromisoformat(str(data.get("generated_on")))
    except ValueError:
        errors.append(ValidationError("generated_on must be a date such as 2026-06-04.", code="bad_date"))
    version = str(data.get("version", "1.0"))
    if not re.fullmatch(r"[0-9]{1,4}\.[0-9]{1,4}", version):
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
        if not isinstance(number, int) or isinstance(number, bool) or number < 1:
            errors.append(
                ValidationError(f"{where}: “number” must be a positive whole number.", code="bad_source_number")
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
        for field in ("title", "authors", "container", "url", "doi", "pmid"):
            limit = Source._meta.get_field(field).max_length
            errors += _text_errors(where, source.get(field), field, limit, required=field == "title")
        year = source.get("year")
        if year is not None and not (isinstance(year, int) and not isinstance(year, bool) and 1000 <= year <= 9999):
            errors.append(ValidationError(f"{where}: year must be four digits, e.g. 2023.", code="bad_year"))

    sections = data.get("sections")
    if not isinstance(sections, list) or not sections:
        errors.append(ValidationError("An article needs at least one section.", code="no_sections"))
        sections = []
    for s, section in enumerate(sections, start=1):
        if not isinstance(section, dict) or not isinstance(section.get("blocks"), list):
            errors.append(ValidationError(f"Section {s}: must have a list of blocks.", code="bad_section"))
            continue
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
                errors += _text_errors(where, block.get("image"), "the image", image_limit)
                errors += _text_errors(where, block.get("alt_text"), "the alt text", UNIT_TEXT_LIMIT)
            if block["kind"] == Block.Kind.VIDEO and block.get("video") not in numbers:
                errors.append(
                    ValidationError(
                        f"{where}: the video must be one of the article's source numbers.", code="bad_video"
                    )
                )
            units = block.get("units")
            if not isinstance(units, list):
                errors.append(ValidationError(f"{where}: “units” must be a list.", code="bad_units"))
                continue
            for u, unit in enumerate(units, start=1):
                errors.extend(_unit_errors(f"{where}, unit {u}", block["kind"], unit, numbers))
    if errors:
        raise ValidationError(errors)


def article_validate(data):
    """Check article data as `article_import` would, without writing; raises ValidationError."""
    _validate(data)


def article_source_conflicts(data):
    """Where the data's sources differ from the library's records of the same works (which an import keeps)."""
    warnings = []
    _use_library_sources({**data, "sources": [dict(s) for s in data["sources"]]}, warnings)
    return warnings


def article_record_version(*, article, revision=None):
    """Keep the article's current text as its published version, if that version is not kept yet."""
    if (
        article.is_published
        and not article.versions.filter(major=article.version_major, minor=article.version_minor).exists()
    ):
        _record_version(article, revision or {})


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
    if any(ord(c) < 32 and c not in "\t" for c in value):
        errors.append(ValidationError(f"{where}: {name} contains control characters.", code="control_characters"))
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
    else:
        errors.append(
            ValidationError(
                f'{where}: has no provenance; give source numbers (e.g. [2, 7]) or "llm".', code="provenance_missing"
            )
        )
    if unit.get("end", "") not in ("", ".", "?", "!", ";", ":"):
        errors.append(ValidationError(f"{where}: “end” must be closing punctuation or empty.", code="bad_end"))
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


def _taxon(model, name):
    taxon = model.objects.filter(name=name).first()
    if taxon is None:
        taxon = model.objects.create(name=name, slug=slugify(name.replace("/", " ")))
    return taxon


def _source_fields(data):
    fields = {k: data.get(k) or ("" if k != "year" else None) for k in SOURCE_FIELDS if k != "number"}
    fields["kind"] = data.get("kind") or Kind.ARTICLE
    return fields


def _library_source(data):
    """The source already in the library that this citation names: same DOI, else URL, else title and place."""
    if data.get("doi"):
        match = Source.objects.filter(doi=data["doi"])
    elif data.get("url"):
        match = Source.objects.filter(url=data["url"])
    else:
        match = Source.objects.filter(title=data["title"], container=data.get("container", ""), url="")
    return match.order_by("pk").first()


def _use_library_sources(data, warnings):
    """Keep the library's curated record of any source it already holds, and say where the file differs.

    Admins curate sources (tiers above all); an article file citing a known source does not overwrite
    them. Comparing against the library's record also keeps an unchanged file from reading as a change.
    """
    seen = {}
    for entry in data["sources"]:
        source = _library_source(entry)
        if source is None:
            continue
        if source.pk in seen:
            raise ValidationError(
                f"Sources {seen[source.pk]} and {entry['number']} are the same work (“{source.title}”): "
                "cite it under one number.",
                code="duplicate_source",
            )
        seen[source.pk] = entry["number"]
        library = {k: getattr(source, k) for k in _source_fields(entry)}
        differing = [k for k, v in _source_fields(entry).items() if v != library[k]]
        if differing:
            warnings.append(
                f"source {entry['number']}: the library already holds “{source.title}”; its "
                f"{', '.join(differing)} {'differs' if len(differing) == 1 else 'differ'} from this file; the "
                "library's record is kept (edit it in the admin)"
            )
            entry.update(library)


def _source_for(data):
    source = _library_source(data)
    if source is None:
        source = Source(**_source_fields(data))
        source.full_clean()
        source.save()
    return source


def _normalise_see_also(data, warnings):
    """See-also links in a stable order, without links to articles that do not exist."""
    wanted = sorted(set(data.get("see_also") or []) - {data["slug"]})
    existing = set(Article.objects.filter(slug__in=wanted).values_list("slug", flat=True))
    for slug in wanted:
        if slug not in existing:
            warnings.append(f"see-also “{slug}” names no article; the link is left out until that article exists")
    data["see_also"] = [slug for slug in wanted if slug in existing]


@transaction.atomic
def article_import(*, data, warnings=None, revision=None):
    """Create or update an article from plain data; return (article, outcome).

    outcome is "created", "updated" or "unchanged". Updating a published article makes a new minor
    version (or the file's version, if higher); an import that changes nothing writes nothing. Every
    problem is reported together and nothing is written unless the data is valid throughout. Notes
    that do not stop the import are appended to `warnings`. A published result is kept as an
    ArticleVersion; `revision` may describe it: summary, suggestion_id, suggestion_category, credit,
    published_by.
    """
    _validate(data)
    warnings = [] if warnings is None else warnings
    acting_user = (revision or {}).get("published_by")  # recorded in history; else the request's user
    data = {**data, "sources": [dict(s) for s in data["sources"]]}
    _use_library_sources(data, warnings)
    _normalise_see_also(data, warnings)
    article = Article.objects.select_for_update().filter(slug=data["slug"]).first()
    if article is not None:
        current = article_export_data(Article.objects.for_detail_page().get(pk=article.pk))
        requested = _version_tuple(data.get("version", "1.0"))
        if _content_of(current) == _content_of(data) and requested <= (article.version_major, article.version_minor):
            return article, "unchanged"
        outcome = "updated"
        if requested > (article.version_major, article.version_minor):
            article.version_major, article.version_minor = requested
        elif article.is_published:
            article.version_minor += 1
        _delete_content_with_history(article, user=acting_user)
    else:
        outcome = "created"
        major, minor = _version_tuple(data.get("version", "1.0"))
        article = Article(slug=data["slug"], version_major=major, version_minor=minor)

    article.title = data["title"]
    article.lead = data["lead"]
    article.article_type = _taxon(ArticleType, data["type"])
    article.discipline = _taxon(Discipline, data["discipline"])
    article.family = _taxon(Family, data["family"])
    article.status = data.get("status", Article.Status.DRAFT)
    article.generating_model = data["generating_model"]
    article.generated_on = datetime.date.fromisoformat(data["generated_on"])
    article.full_clean()
    if acting_user is not None:
        article._history_user = acting_user
    article.save()

    numbered = bulk_create_with_history(
        [ArticleSource(article=article, source=_source_for(s), number=s["number"]) for s in data["sources"]],
        ArticleSource,
        default_user=acting_user,
    )
    by_number = {a.number: a for a in numbered}

    sections = bulk_create_with_history(
        [Section(article=article, position=i, heading=s.get("heading", "")) for i, s in enumerate(data["sections"])],
        Section,
        default_user=acting_user,
    )
    blocks, block_data = [], []
    for section, s in zip(sections, data["sections"]):
        for i, b in enumerate(s["blocks"]):
            blocks.append(
                Block(
                    section=section,
                    position=i,
                    kind=b["kind"],
                    image=b.get("image", ""),
                    alt_text=b.get("alt_text", ""),
                    video=by_number.get(b.get("video")),
                )
            )
            block_data.append(b)
    blocks = bulk_create_with_history(blocks, Block, default_user=acting_user)
    units, unit_data = [], []
    for block, b in zip(blocks, block_data):
        for i, u in enumerate(b["units"]):
            units.append(
                Unit(
                    block=block,
                    position=i,
                    text=u["text"],
                    end=u.get("end", ""),
                    term=u.get("term", ""),
                    goal=u.get("goal", ""),
                    objective=u.get("objective", ""),
                    is_llm=u["provenance"] == "llm",
                )
            )
            unit_data.append(u)
    units = bulk_create_with_history(units, Unit, default_user=acting_user)
    citations = [
        Citation(unit=unit, article_source=by_number[n], position=i)
        for unit, u in zip(units, unit_data)
        if u["provenance"] != "llm"
        for i, n in enumerate(u["provenance"])
    ]
    bulk_create_with_history(citations, Citation, default_user=acting_user)

    article.see_also.set(Article.objects.filter(slug__in=data["see_also"]))
    if article.is_published:
        _record_version(article, revision or {})
    article_render(article_ids=_linking_to(article))
    return article, outcome


def _record_version(article, revision):
    """Keep the article as published now; the same version number again replaces its snapshot."""
    now = timezone.now()
    snapshot = article_export_data(Article.objects.for_detail_page().get(pk=article.pk))
    ArticleVersion.objects.update_or_create(
        article=article,
        major=article.version_major,
        minor=article.version_minor,
        defaults={
            "published_at": now,
            "data": snapshot,
            "summary": revision.get("summary", "")[:300],
            "suggestion_id": revision.get("suggestion_id"),
            "suggestion_category": revision.get("suggestion_category", ""),
            "credit": revision.get("credit", ""),
            "published_by": revision.get("published_by"),
        },
    )
    Article.objects.filter(pk=article.pk).update(
        revised_at=now, revised_after_suggestion=bool(revision.get("suggestion_id"))
    )
    article.revised_at, article.revised_after_suggestion = now, bool(revision.get("suggestion_id"))


def _linking_to(article):
    """The article and every article whose "see also" shows its title."""
    return [article.pk, *Article.objects.filter(see_also=article).values_list("pk", flat=True)]


def article_render(*, article_ids):
    """Render and store the page body and JSON of these articles; call after any change to their content.

    Returns the new renderings by article id. Costs the detail page's queries plus one write per article.
    """
    from .pages import (
        article_public_data,
        build_article_page,
        page_cache_forget,
        render_article_fragments,
        renderer_fingerprint,
    )

    now = timezone.now()
    renderings = {}
    for article in Article.objects.for_detail_page().filter(pk__in=list(article_ids)):
        page = build_article_page(article)
        lead_html, summary_html, body_html, suggest_html = render_article_fragments(article, page)
        data = article_public_data(article, page, article_export_data(article))
        rendering = ArticleRendering(
            article=article,
            lead_html=lead_html,
            suggest_html=suggest_html,
            summary_html=summary_html,
            body_html=body_html,
            json=json.dumps(data, ensure_ascii=False, indent=2),
            llm_unit_count=page["summary"]["llm"],
            renderer=renderer_fingerprint(),
            rendered_at=now,
        )
        try:
            with transaction.atomic():
                rendering.save()
        except IntegrityError:  # another request rendered it first; theirs is as fresh as ours
            pass
        renderings[article.pk] = rendering
        # After commit: a reader arriving before it would otherwise cache the old page again.
        transaction.on_commit(lambda slug=article.slug: page_cache_forget(slug))
    return renderings


def article_render_affected_by_source(*, source):
    """Re-render every article that cites the source, since its pages show the source's title and tier."""
    article_render(article_ids=Article.objects.filter(numbered_sources__source=source).values_list("pk", flat=True))


def _voter_hash(voter_token):
    return hashlib.sha256(voter_token.encode()).hexdigest()


def article_upvote(*, article, voter_token):
    """Record one browser's upvote; return True if it counted, False if that browser already voted."""
    try:
        with transaction.atomic():
            Vote.objects.create(article=article, voter=_voter_hash(voter_token))
            Article.objects.filter(pk=article.pk).update(upvotes=F("upvotes") + 1)
    except IntegrityError:
        return False
    return True


def article_has_vote_from(*, article, voter_token):
    return Vote.objects.filter(article=article, voter=_voter_hash(voter_token)).exists()


@transaction.atomic
def unit_set_provenance(*, unit, is_llm, numbers):
    """Replace a unit's provenance with the LLM tag or citations to the article's numbered sources."""
    article_sources = {
        a.number: a for a in ArticleSource.objects.filter(article__sections__blocks__units=unit).distinct()
    }
    unit.is_llm = is_llm
    unit.validate_provenance(numbers, article_sources.keys())
    unit.save(update_fields=["is_llm"])
    unit.citations.all().delete()
    bulk_create_with_history(
        [Citation(unit=unit, article_source=article_sources[n], position=i) for i, n in enumerate(numbers)], Citation
    )
