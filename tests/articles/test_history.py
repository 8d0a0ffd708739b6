"""Public history: every version readable at a stable URL, any two comparable."""

import pytest

from articles.importing import article_import
from articles.models import ArticleVersion
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


def test_compare_names_the_work_beside_each_source_number_of_a_provenance_change(client):
    article = _three_versions()
    html = client.get(f"/articles/{article.slug}/compare/", {"from": "1.0", "to": "1.1"}).content.decode()
    trial = ArticleVersion.objects.get(article=article, major=1, minor=1).data["sources"][0]["title"]
    assert f"LLM → cited (source 1, T1, Example 2020, “{trial}”)" in html
