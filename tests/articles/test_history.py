"""Public history: every version readable at a stable URL, any two comparable."""

import pytest

from articles.importing import article_import
from articles.models import ArticleVersion, Unit
from tests.factories import make_article_data

pytestmark = pytest.mark.django_db


def _three_versions():
    data = make_article_data(slug="versioned-practice", n_sections=3)
    article_import(data=data)
    data["sections"][1]["blocks"][0]["units"][2]["provenance"] = [1]  # an LLM sentence becomes cited
    article_import(
        data=data,
        revision={
            "summary": "Cited claim 2.",
            "suggestion_id": 7,
            "suggestion_category": "Missing evidence",
            "credit": "A. E.",
        },
    )
    data["sections"][2]["blocks"][0]["units"][0]["text"] = "Synthetic claim zero, reworded for clarity"
    article, _ = article_import(data=data, revision={"summary": "Reworded a sentence."})
    return article


def test_history_lists_versions_with_their_origin_and_credit(client):
    article = _three_versions()
    html = client.get(f"/articles/{article.slug}/history/").content.decode()
    assert [v.version for v in ArticleVersion.objects.filter(article=article)] == ["1.2", "1.1", "1.0"]
    assert html.index('data-version="1.2"') < html.index('data-version="1.1"') < html.index('data-version="1.0"')
    assert "A reader’s suggestion (Missing evidence), credited to A. E." in html
    assert "First published version" in html


def test_a_past_version_reads_as_it_was(client):
    article = _three_versions()
    html = client.get(f"/articles/{article.slug}/versions/1.0/").content.decode()
    assert "You are reading version 1.0" in html
    assert 'data-provenance="llm">Synthetic claim 2 of section 0' in html
    current = client.get(f"/articles/{article.slug}/versions/1.2/").content.decode()
    assert "This is the current version, 1.2" in current and "reworded for clarity" in current


def test_unknown_versions_are_404(client):
    article = _three_versions()
    for path in ("versions/9.9/", "versions/abc/", "compare/?from=1.0&to=7.0", "compare/?from=x"):
        assert client.get(f"/articles/{article.slug}/{path}").status_code == 404


def test_a_version_written_with_leading_zeros_is_sent_to_its_one_address(client):
    article = _three_versions()
    response = client.get(f"/articles/{article.slug}/versions/01.002/", {"removed": "u3"})
    assert response.status_code == 301
    assert response["Location"] == f"/articles/{article.slug}/versions/1.2/?removed=u3"
    assert client.get(f"/articles/{article.slug}/versions/١.٠/").status_code == 404  # Arabic-Indic digits


def test_any_two_versions_compare_with_the_provenance_change(client):
    article = _three_versions()
    html = client.get(f"/articles/{article.slug}/compare/", {"from": "1.0", "to": "1.2"}).content.decode()
    assert html.count('data-change="changed"') == 2
    assert "credited to A. E." not in html  # 1.2 itself came from no suggestion


@pytest.mark.parametrize("n_sections", [2, 60])
def test_history_version_and_compare_pages_use_constant_queries(client, django_assert_max_num_queries, n_sections):
    data = make_article_data(slug=f"sized-{n_sections}", n_sections=n_sections)
    article_import(data=data)
    for i in range(4):
        data["sections"][1]["blocks"][0]["units"][0]["text"] = f"Synthetic claim revised {i}"
        article_import(data=data)
    with django_assert_max_num_queries(3):
        assert client.get(f"/articles/sized-{n_sections}/history/").status_code == 200
    with django_assert_max_num_queries(3):
        assert client.get(f"/articles/sized-{n_sections}/versions/1.2/").status_code == 200
    with django_assert_max_num_queries(3):
        assert client.get(f"/articles/sized-{n_sections}/compare/", {"from": "1.0", "to": "1.4"}).status_code == 200
    key = Unit.objects.get(article__slug=f"sized-{n_sections}", text="Synthetic claim revised 3").key_label
    with django_assert_max_num_queries(4):  # five versions' source lists read with the events, not one by one
        assert client.get(f"/articles/sized-{n_sections}/sentences/{key}/history/").status_code == 200


def test_compare_names_the_work_beside_each_source_number_of_a_provenance_change(client):
    article = _three_versions()
    html = client.get(f"/articles/{article.slug}/compare/", {"from": "1.0", "to": "1.1"}).content.decode()
    trial = ArticleVersion.objects.get(article=article, major=1, minor=1).data["sources"][0]["title"]
    assert f"LLM → cited (source 1, T1, Example 2020, “{trial}”)" in html


def _renumbered(data, mapping):
    """`data` with its sources renumbered by `mapping` and every citation following them."""
    for source in data["sources"]:
        source["number"] = mapping[source["number"]]
    data["sources"].sort(key=lambda source: source["number"])
    for section in data["sections"]:
        for block in section["blocks"]:
            if block["kind"] == "video":
                block["video"] = mapping[block["video"]]
            for unit in block["units"]:
                if unit["provenance"] != "llm":
                    unit["provenance"] = sorted(mapping[n] for n in unit["provenance"])


def test_a_sentences_history_names_each_source_as_the_version_that_numbered_it(client):
    data = make_article_data(slug="renumbered-practice", n_sections=2)
    trial, guide = data["sources"][0]["title"], data["sources"][1]["title"]
    target = data["sections"][1]["blocks"][0]["units"][0]
    assert target["provenance"] == [1]
    article, _ = article_import(data=data)
    key = Unit.objects.get(article=article, text=target["text"]).key_label
    _renumbered(data, {1: 2, 2: 1, 3: 3})  # the same works, numbered afresh: no sentence changes
    article_import(data=data)
    data["sections"][1]["blocks"][0]["units"][0]["provenance"] = [1]  # now the guide, which 1.1 numbers 1
    article_import(data=data)

    html = client.get(f"/articles/{article.slug}/sentences/{key}/history/").content.decode()

    assert html.count('class="sentence-event ') == 2  # added in 1.0, provenance changed in 1.2
    assert f"Provenance: 1 (Example 2020, “{trial}”)</p>" in html
    assert f"Provenance: 2 (Example 2020, “{trial}”) → 1 (Example Society, “{guide}”)</p>" in html


def test_a_sentences_history_escapes_and_shortens_the_works_it_names(client):
    data = make_article_data(slug="escaped-practice", n_sections=1)
    data["sources"][0]["title"] = "<b>Bold</b> claims: " + " ".join(["a very long subtitle"] * 5)
    data["sources"][0]["authors"] = "Example, A., & Sample, B."
    article, _ = article_import(data=data)
    key = Unit.objects.get(article=article, text=data["sections"][1]["blocks"][0]["units"][0]["text"]).key_label

    html = client.get(f"/articles/{article.slug}/sentences/{key}/history/").content.decode()

    assert "<b>Bold" not in html
    shortened = "&lt;b&gt;Bold&lt;/b&gt; claims: a very long subtitle a very long…"
    assert f"Provenance: 1 (Example et al. 2020, “{shortened}”)</p>" in html
