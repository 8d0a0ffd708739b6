import pytest

from articles.models import Unit
from tests.factories import make_article

pytestmark = pytest.mark.django_db

# article, sections, blocks, units, citations, numbered sources, see-also; plus the vote lookup
# once this browser has voted.
PAGE_QUERIES = 8


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
