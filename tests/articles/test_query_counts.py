import pytest

from articles.models import ArticleRendering, Unit
from tests.factories import make_article

pytestmark = pytest.mark.django_db

# The article with its stored rendering, and the vote lookup once this browser has voted.
PAGE_QUERIES = 2
# A reader with nothing personal whose shared page must be rebuilt: the revision lookup, the stored page
# (missing), the article, then the content's queries (article, sections, blocks, units, citations,
# numbered sources, see-also), the tier rules, the related articles (citing the same sources, mentioned in)
# and the write in its savepoint (four statements).
REBUILD_QUERIES = 3 + 7 + 1 + 2 + 4


@pytest.mark.parametrize("scale", [1, 10])
def test_article_page_queries_do_not_grow_with_the_article(client, django_assert_max_num_queries, seed_article, scale):
    if scale == 1:
        article = seed_article
    else:
        # Ten times the seed, which has 85 units in 15 sections.
        article = make_article(n_sections=150, units_per_block=5)
        assert article.sections.count() >= 10 * 15
        assert Unit.objects.filter(block__section__article=article).count() >= 10 * 85
    client.post(f"/articles/{article.slug}/upvote/")
    with django_assert_max_num_queries(PAGE_QUERIES):
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200


@pytest.mark.parametrize("n_sections", [2, 150])
def test_json_queries_do_not_grow_with_the_article(client, django_assert_max_num_queries, n_sections):
    article = make_article(n_sections=n_sections)
    with django_assert_max_num_queries(PAGE_QUERIES - 1):
        assert client.get(f"/articles/{article.slug}.json").status_code == 200


@pytest.mark.parametrize("n_sections", [2, 150])
def test_a_stale_rendering_is_rebuilt_in_a_constant_number_of_queries(
    client, django_assert_max_num_queries, n_sections
):
    article = make_article(n_sections=n_sections)
    ArticleRendering.objects.filter(article=article).delete()
    with django_assert_max_num_queries(REBUILD_QUERIES):
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200 and "Synthetic claim 1 of section 1" in response.content.decode()
    assert ArticleRendering.objects.filter(article=article).exists()
