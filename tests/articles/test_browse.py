import pytest

from articles.models import Article
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_home_lists_published_articles_with_taxonomy_version_and_sourced_share(client, seed_article):
    html = client.get("/").content.decode()
    assert seed_article.title in html
    assert "Version 1.0 · 74% of sentences sourced" in html  # 63 of the seed's 85 units cite sources
    assert '<a href="/families/compassion-based-approaches/">Compassion-based approaches</a>' in html


@pytest.mark.parametrize(
    "url", ["/types/construct/", "/disciplines/clinical-positive-psychology/", "/families/compassion-based-approaches/"]
)
def test_browse_pages_list_the_articles_in_their_taxon(client, seed_article, url):
    other = make_article()
    other.article_type = type(other.article_type).objects.create(name="technique", slug="technique")
    other.save()
    html = client.get(url).content.decode()
    assert seed_article.title in html
    if url.startswith("/types/"):
        assert other.title not in html


def test_browse_pages_hide_drafts_from_readers(client):
    draft = make_article(status="draft")
    html = client.get(draft.family.get_absolute_url()).content.decode()
    assert draft.title not in html
    assert "No articles here yet." in html


def test_unknown_taxon_is_404(client):
    assert client.get("/families/nope/").status_code == 404


def test_listing_query_count_does_not_grow_with_articles(client, django_assert_max_num_queries):
    for _ in range(6):
        make_article()
    assert Article.objects.count() == 6
    with django_assert_max_num_queries(1):
        assert client.get("/").status_code == 200
