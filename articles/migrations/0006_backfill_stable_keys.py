"""Give existing sections and sentences their stable keys, and existing version snapshots the same keys.

Keys follow reading order. Each stored version is matched to the next newer one sentence by sentence (as
publishing matches a new version to the live one), so a sentence that survived across versions has one key
throughout; a sentence found only in older versions gets a key of its own. Then the per-sentence history
(UnitEvent) is derived from consecutive versions. Reversing leaves the snapshots' extra "key" and "id"
entries in place, which nothing older reads; the key columns themselves go with 0005's reversal.
"""

from django.db import migrations


def _live_data(Section, Block, Unit, Citation, ArticleSource, article):
    numbered = {a.pk: a for a in ArticleSource.objects.filter(article=article).select_related("source")}
    cited = {}
    for citation in Citation.objects.filter(unit__article=article).order_by("unit_id", "position"):
        cited.setdefault(citation.unit_id, []).append(numbered[citation.article_source_id].number)
    sections = []
    for section in Section.objects.filter(article=article).order_by("position"):
        blocks = []
        for block in Block.objects.filter(section=section).order_by("position"):
            units = [
                {
                    "key": f"u{unit.key}",
                    "text": unit.text,
                    "term": unit.term,
                    "goal": unit.goal,
                    "objective": unit.objective,
                    "end": unit.end,
                    "provenance": "llm" if unit.is_llm else cited.get(unit.pk, []),
                }
                for unit in Unit.objects.filter(block=block).order_by("position")
            ]
            blocks.append({"kind": block.kind, "units": units})
        sections.append({"key": f"s{section.key}", "heading": section.heading, "blocks": blocks})
    sources = [
        {"number": a.number, "title": a.source.title, "container": a.source.container, "url": a.source.url,
         "doi": a.source.doi, "id": a.source_id}
        for a in sorted(numbered.values(), key=lambda a: a.number)
    ]
    return {"sections": sections, "sources": sources}


def _library_id(Source, entry):
    if entry.get("doi"):
        match = Source.objects.filter(doi=entry["doi"])
    elif entry.get("url"):
        match = Source.objects.filter(url=entry["url"])
    else:
        match = Source.objects.filter(title=entry.get("title", ""), container=entry.get("container", ""), url="")
    return match.order_by("pk").values_list("pk", flat=True).first()


def backfill(apps, schema_editor):
    from articles.diff import align
    from articles.publishing import unit_events

    Article = apps.get_model("articles", "Article")
    Section = apps.get_model("articles", "Section")
    Block = apps.get_model("articles", "Block")
    Unit = apps.get_model("articles", "Unit")
    Citation = apps.get_model("articles", "Citation")
    ArticleSource = apps.get_model("articles", "ArticleSource")
    ArticleVersion = apps.get_model("articles", "ArticleVersion")
    UnitEvent = apps.get_model("articles", "UnitEvent")
    Source = apps.get_model("sources", "Source")

    for article in Article.objects.order_by("pk"):
        sections = list(Section.objects.filter(article=article).order_by("position"))
        for key, section in enumerate(sections, start=1):
            section.key = key
        Section.objects.bulk_update(sections, ["key"])
        units = list(
            Unit.objects.filter(block__section__article=article).order_by(
                "block__section__position", "block__position", "position"
            )
        )
        for key, unit in enumerate(units, start=1):
            unit.key, unit.article_id = key, article.pk
        Unit.objects.bulk_update(units, ["key", "article"])
        article.next_section_key, article.next_unit_key = len(sections) + 1, len(units) + 1

        newer = _live_data(Section, Block, Unit, Citation, ArticleSource, article)
        versions = list(ArticleVersion.objects.filter(article=article).order_by("-major", "-minor"))
        for version in versions:
            data = version.data
            for entry in data.get("sources", []):
                entry.setdefault("id", _library_id(Source, entry))
            matched, pairs = align(newer, data)
            for j, section in enumerate(data["sections"]):
                if j in matched:
                    section["key"] = newer["sections"][matched[j]]["key"]
                else:
                    section["key"] = f"s{article.next_section_key}"
                    article.next_section_key += 1
            kept = {id(new): old["key"] for old, new in pairs}
            for section in data["sections"]:
                for block in section["blocks"]:
                    for unit in block["units"]:
                        if id(unit) in kept:
                            unit["key"] = kept[id(unit)]
                        else:
                            unit["key"] = f"u{article.next_unit_key}"
                            article.next_unit_key += 1
            version.save(update_fields=["data"])
            newer = data
        article.save(update_fields=["next_section_key", "next_unit_key"])

        removed = set()
        previous = None
        for version in reversed(versions):
            events = unit_events(previous.data if previous else None, version.data, removed)
            UnitEvent.objects.bulk_create([UnitEvent(article=article, version=version, **e) for e in events])
            removed |= {e["key"] for e in events if e["action"] == "removed"}
            previous = version


class Migration(migrations.Migration):
    dependencies = [("articles", "0005_stable_keys"), ("sources", "0001_initial")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
