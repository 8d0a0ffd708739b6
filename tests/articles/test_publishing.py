"""Publishing writes only what changed, in a number of queries that does not grow with the article."""

import copy

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.importing import article_import
from articles.models import ArticleVersion, Block, Citation, Section, Unit
from tests.factories import make_article_data

pytestmark = pytest.mark.django_db


def _rows(article):
    return {
        "sections": set(Section.objects.filter(article=article).values_list("pk", flat=True)),
        "blocks": set(Block.objects.filter(section__article=article).values_list("pk", flat=True)),
        "units": set(Unit.objects.filter(article=article).values_list("pk", flat=True)),
        "citations": set(Citation.objects.filter(unit__article=article).values_list("pk", flat=True)),
    }


def _writes(queries):
    return [q["sql"] for q in queries if q["sql"].split(None, 1)[0].upper() in ("INSERT", "UPDATE", "DELETE")]


@pytest.mark.parametrize("n_sections", [2, 30])
def test_a_one_sentence_change_costs_the_same_queries_for_any_article_size(n_sections):
    data = make_article_data(n_sections=n_sections)
    article, _ = article_import(data=data)
    changed = copy.deepcopy(data)
    changed["sections"][1]["blocks"][0]["units"][2]["text"] = "A reworded synthetic claim for the test"
    with CaptureQueriesContext(connection) as queries:
        article_import(data=changed)
    # The same bound for 2 and 30 sections: reading the article, the tier rules, the titles its text may name
    # (for other articles' "mentioned in"), the stored page whose unchanged sections are reused, and rendering
    # it from the rows just written, with its sources and related articles, are a fixed number of queries.
    # Five of them keep the search index in step: the indexed sentences read, the changed one replaced (a
    # delete and an insert), the article's document updated and its new words added.
    assert len(queries) <= 45, len(queries)
    content_writes = [
        sql
        for sql in _writes(queries)
        if any(t in sql for t in ('"articles_unit"', '"articles_block"', '"articles_section"'))
    ]
    assert len(content_writes) == 1, content_writes  # one UPDATE of the one sentence


def test_publishing_updates_inserts_and_deletes_rows_instead_of_recreating_them():
    data = make_article_data(n_sections=3)
    article, _ = article_import(data=data)
    before = _rows(article)
    changed = copy.deepcopy(data)
    blocks = changed["sections"][1]["blocks"]
    blocks[0]["units"][0]["provenance"] = [2, 3]  # re-cited
    del blocks[0]["units"][1]  # removed
    blocks[0]["units"].insert(0, {"text": "An inserted synthetic claim", "provenance": [1], "end": "."})  # added
    changed["sections"].insert(2, {"heading": "A New Synthetic Section", "blocks": [copy.deepcopy(blocks[0])]})
    article_import(data=changed)
    after = _rows(article)
    assert before["sections"] <= after["sections"] and len(after["sections"]) == len(before["sections"]) + 1
    assert len(before["units"] - after["units"]) == 1  # only the removed sentence's row is gone
    kept_citations = before["citations"] & after["citations"]
    assert len(before["citations"]) - len(kept_citations) <= 3  # the removed and re-cited sentences' citations
    version = ArticleVersion.objects.get(article=article, major=1, minor=1)
    actions = sorted(version.unit_events.values_list("action", flat=True))
    units_in_new_section = len(blocks[0]["units"])
    assert actions.count("added") == 1 + units_in_new_section
    assert actions.count("removed") == 1 and actions.count("changed") == 1


def test_reordering_sections_and_sentences_keeps_every_row(client):
    data = make_article_data(n_sections=4)
    article, _ = article_import(data=data)
    before = _rows(article)
    changed = copy.deepcopy(data)
    changed["sections"][1], changed["sections"][3] = changed["sections"][3], changed["sections"][1]
    changed["sections"][2]["blocks"][0]["units"].reverse()
    changed["sources"][0]["number"], changed["sources"][1]["number"] = 2, 1  # renumbered, same works
    for section in changed["sections"]:
        for block in section["blocks"]:
            for unit in block["units"]:
                if unit["provenance"] != "llm":
                    unit["provenance"] = [{1: 2, 2: 1}.get(n, n) for n in unit["provenance"]]
            if block.get("video") in (1, 2):
                block["video"] = {1: 2, 2: 1}[block["video"]]
    article_import(data=changed)
    assert _rows(article) == before
    served = client.get(f"/articles/{article.slug}.json").json()
    assert [s["heading"] for s in served["sections"]] == [s["heading"] for s in changed["sections"]]
    assert [s["title"] for s in served["sources"]][:2] == [
        changed["sources"][1]["title"],
        changed["sources"][0]["title"],
    ]
    version = ArticleVersion.objects.get(article=article, major=1, minor=1)
    # Renumbering the list and moving sentences is not a change to any sentence's text or provenance.
    assert not version.unit_events.filter(action="changed").exists()
