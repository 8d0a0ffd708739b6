"""Article data from outside (a file, a draft): checked, settled against the library, then published.

`article_import` is what `import_article`, drafts and seeding call. It validates the data, keeps the
library's record of every source it already holds, drops see-also links to articles that do not exist,
and hands the result to the one write path, `publishing.article_write`.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from sources.models import Kind, Source

from .exporting import SOURCE_FIELDS
from .models import Article, TierRule
from .publishing import article_write
from .tier_rules import data_breaches
from .validation import article_validate


@transaction.atomic
def article_import(*, data, warnings=None, revision=None, if_absent=False, trust_keys=False, based_on=None):
    """Create or update an article from plain data; return (article, outcome).

    outcome is "created", "updated", "unchanged" or, with `if_absent`, "exists" (an article with that slug
    is left as it is). Every problem is reported together and nothing is written unless the data is valid
    throughout. Notes that do not stop the import are appended to `warnings`. `revision` describes a
    published result for its history: summary, kind, suggestion_id, suggestion_category, credit,
    published_by. With `trust_keys` the data's own section and sentence keys are kept where the article
    can use them (a revert to an earlier version); otherwise each sentence is matched to the one it
    continues. `based_on` refuses data edited from a version older than the live one (see `article_write`).
    """
    article_validate(data)
    listening = warnings is not None
    warnings = [] if warnings is None else warnings
    if if_absent:
        existing = Article.objects.filter(slug=data["slug"]).first()
        if existing is not None:
            return existing, "exists"
    data = settle_sources(data, warnings, trust_ids=trust_keys)
    _normalise_see_also(data, warnings)
    if listening:
        # A file is imported as it is, but not silently: sentences below the editors' standard are named.
        warnings.extend(
            f"section “{b.section}”: “{_clip(b.text)}” [{b.provenance}] {b.reason}; the tier rule for "
            f"“{b.rule.heading}” asks each sentence to {b.rule.requirement}"
            for b in data_breaches(data, list(TierRule.objects.all()))
        )
    for entry in data["sources"]:
        if "id" not in entry:
            source = Source(**source_fields(entry))
            source.full_clean()
            source.save()
            entry["id"] = source.pk
    return article_write(data=data, revision=revision, trust_keys=trust_keys, based_on=based_on)


def settle_sources(data, warnings, *, trust_ids=False):
    """A copy of the data in which every source the library already holds reads as the library's record.

    Admins curate sources (tiers above all); an article file citing a known source does not overwrite
    them. Comparing against the library's record also keeps an unchanged file from reading as a change.
    Each entry gains the library record's "id" where there is one. An "id" the data already carries is
    believed only with `trust_ids`: data this wiki wrote itself, such as an earlier version.
    """
    data = {**data, "sources": [dict(s) for s in data["sources"]]}
    library = _library_sources(data["sources"], trust_ids=trust_ids)
    seen = {}
    for entry in data["sources"]:
        entry.pop("id", None)
        source = library.get(entry["number"])
        if source is None:
            continue
        if source.pk in seen:
            raise ValidationError(
                f"Sources {seen[source.pk]} and {entry['number']} are the same work (“{source.title}”): "
                "cite it under one number.",
                code="duplicate_source",
            )
        seen[source.pk] = entry["number"]
        record = {k: getattr(source, k) for k in SOURCE_FIELDS}
        differing = [k for k, v in source_fields(entry).items() if v != record[k]]
        if differing:
            warnings.append(
                f"source {entry['number']}: the library already holds “{source.title}”; its "
                f"{', '.join(differing)} {'differs' if len(differing) == 1 else 'differ'} from this file; the "
                "library's record is kept (edit it in the admin)"
            )
        entry.update(record, id=source.pk)
    return data


def article_source_conflicts(data):
    """Where the data's sources differ from the library's records of the same works (which an import keeps)."""
    warnings = []
    settle_sources(data, warnings)
    return warnings


def source_fields(entry):
    """A source entry's fields as the library stores them: empty text rather than missing, no year as None."""
    fields = {k: entry.get(k) or ("" if k != "year" else None) for k in SOURCE_FIELDS}
    fields["kind"] = entry.get("kind") or Kind.ARTICLE
    return fields


def _library_sources(entries, *, trust_ids=False):
    """{number: Source} for the entries the library already holds, in at most four queries.

    With `trust_ids`, an entry carrying a library "id" is that source while it exists. Otherwise a
    source is the library's if it has the same DOI; else, for an entry without DOI, the same URL; else, for
    an entry with neither, the same title and container and no URL. The oldest matching record wins.
    """
    found = {}
    ids = {}
    if trust_ids:
        ids = {e["id"]: e["number"] for e in entries if isinstance(e.get("id"), int) and not isinstance(e["id"], bool)}
    if ids:
        for source in Source.objects.filter(pk__in=ids):
            found[ids[source.pk]] = source
    rest = [e for e in entries if e["number"] not in found]
    lookups = [
        ("doi", lambda e: e.get("doi") or None),
        ("url", lambda e: (not e.get("doi") and e.get("url")) or None),
        ("title", lambda e: None if e.get("doi") or e.get("url") else (e["title"], e.get("container") or "")),
    ]
    for field, key_of in lookups:
        wanted = {}
        for entry in rest:
            if key_of(entry) is not None:
                wanted.setdefault(key_of(entry), []).append(entry["number"])
        if not wanted:
            continue
        if field == "title":
            condition = Q()
            for title, container in wanted:
                condition |= Q(title=title, container=container)
            matches, match_key = Source.objects.filter(condition, url=""), lambda s: (s.title, s.container)
        else:
            matches, match_key = Source.objects.filter(**{f"{field}__in": wanted}), lambda s: getattr(s, field)
        for source in matches.order_by("-pk"):
            for number in wanted.get(match_key(source), []):
                found[number] = source
    return found


def _normalise_see_also(data, warnings):
    """See-also links in a stable order, without links to articles that do not exist."""
    wanted = sorted(set(data.get("see_also") or []) - {data["slug"]})
    existing = set(Article.objects.filter(slug__in=wanted).values_list("slug", flat=True))
    for slug in wanted:
        if slug not in existing:
            warnings.append(f"see-also “{slug}” names no article; the link is left out until that article exists")
    data["see_also"] = [slug for slug in wanted if slug in existing]


def _clip(text, width=60):
    return text if len(text) <= width else text[: width - 1] + "…"
