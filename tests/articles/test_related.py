"""Related articles on the article page: the editors' see-also, articles citing the same sources and articles
naming this one, stored with the page and kept fresh when other articles change."""

import pytest

from articles.importing import article_import
from articles.models import Article
from tests.articles.test_query_counts import PAGE_QUERIES
from tests.factories import make_article, make_article_data

pytestmark = pytest.mark.django_db


def _related(client, article):
    html = client.get(Article.objects.get(pk=article.pk).get_absolute_url()).content.decode()
    if 'id="related"' not in html:
        return ""
    return html.split('id="related"', 1)[1].split("</section>", 1)[0]


def _list(related, heading_id):
    if f'id="{heading_id}"' not in related:
        return ""
    return related.split(f'id="{heading_id}"', 1)[1].split("</ul>", 1)[0]


def _mentioning(named, slug=None, **overrides):
    """Article data whose first claim names `named`."""
    data = make_article_data(slug=slug, **overrides)
    data["sections"][1]["blocks"][0]["units"][0]["text"] = f"Unlike {named}, this fictional practice is invented"
    return data


def test_an_article_without_relations_has_no_related_section(client):
    article = make_article()
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'id="related"' not in html and "#related" not in html


def test_see_also_is_listed_under_related_articles(client):
    target = make_article(title="Target practice")
    article = make_article(see_also=[target.slug])
    related = _related(client, article)
    assert f'<a href="{target.get_absolute_url()}">Target practice</a>' in _list(related, "see-also")
    assert '<a href="#related">Related articles</a>' in client.get(article.get_absolute_url()).content.decode()


def test_articles_citing_the_same_sources_are_listed_most_shared_first(client):
    base = make_article_data(title="Base practice")
    article, _ = article_import(data=base)
    one = make_article_data(title="Shares one")
    one["sources"][0] = dict(base["sources"][0])
    article_import(data=one)
    two = make_article_data(title="Shares two")
    two["sources"][0], two["sources"][1] = dict(base["sources"][0]), dict(base["sources"][1])
    article_import(data=two)
    make_article(title="Shares nothing")
    listed = _list(_related(client, article), "related-sources")
    assert listed.index("Shares two") < listed.index("Shares one")
    assert "(2 shared sources)" in listed and "(1 shared source)" in listed
    assert "Shares nothing" not in listed and "Base practice" not in listed


def test_articles_naming_this_title_are_listed_as_mentioned_in_whole_words_only(client):
    article = make_article(title="Anger")
    article_import(data=_mentioning("anger", title="Names it"))
    article_import(data=_mentioning("dangerous anger-free", title="Names it hyphenated"))
    article_import(data=_mentioning("dangerous habits", title="Says dangerous"))
    article_import(data=make_article_data(title="Lead names it", lead="A made-up take on Anger in tests."))
    article_import(data=_mentioning("anger", title="Draft names it", status="draft"))
    listed = _list(_related(client, article), "mentioned-in")
    assert "Names it" in listed and "Lead names it" in listed and "Names it hyphenated" in listed
    assert "Says dangerous" not in listed and "Draft names it" not in listed


def test_a_new_article_naming_this_one_appears_on_its_stored_page_at_once(client):
    article = make_article(title="Grounding drill")
    assert _related(client, article) == ""
    mentioning, _ = article_import(data=_mentioning("grounding drill", slug="mentions-grounding"))
    assert mentioning.title in _list(_related(client, article), "mentioned-in")


def test_an_article_that_stops_naming_this_one_leaves_its_page(client):
    article = make_article(title="Grounding drill")
    data = _mentioning("grounding drill", slug="mentions-grounding")
    article_import(data=data)
    assert "mentions-grounding" in _list(_related(client, article), "mentioned-in")
    data["sections"][1]["blocks"][0]["units"][0]["text"] = "This fictional practice names nothing"
    article_import(data=data)
    assert _related(client, article) == ""


def test_a_renamed_or_unpublished_related_article_is_updated_on_the_other_pages(client):
    base = make_article_data(title="Base practice")
    article, _ = article_import(data=base)
    other = make_article_data(title="Old name", slug="sharing-article")
    other["sources"][0] = dict(base["sources"][0])
    article_import(data=other)
    assert "Old name" in _list(_related(client, article), "related-sources")
    article_import(data={**other, "title": "New name"})
    listed = _list(_related(client, article), "related-sources")
    assert "New name" in listed and "Old name" not in listed
    article_import(data={**other, "title": "New name", "status": "draft"})
    assert _related(client, article) == ""


def test_an_edit_that_changes_no_relation_leaves_other_pages_alone(client):
    article = make_article(title="Grounding drill")
    data = _mentioning("grounding drill", slug="mentions-grounding")
    article_import(data=data)
    revision = Article.objects.get(pk=article.pk).content_revision
    data["sections"][1]["blocks"][0]["units"][1]["text"] = "A reworded fictional claim"
    article_import(data=data)
    assert Article.objects.get(pk=article.pk).content_revision == revision


def test_related_articles_cost_the_article_page_no_query(client, django_assert_max_num_queries):
    article = make_article(title="Grounding drill")
    for n in range(5):
        article_import(data=_mentioning("grounding drill", slug=f"mentions-{n}"))
    client.get(article.get_absolute_url())  # rendered again after the others were published
    with django_assert_max_num_queries(PAGE_QUERIES - 1):
        html = client.get(article.get_absolute_url()).content.decode()
    assert html.count('href="/articles/mentions-') == 5


def test_withdrawing_an_article_in_the_admin_takes_it_off_every_page_that_lists_it(client, admin_client):
    doomed_data = _mentioning("Kept practice", title="Doomed practice")
    doomed, _ = article_import(data=doomed_data)
    sharing = make_article_data(title="Sharing practice")
    sharing["sources"][0] = dict(doomed_data["sources"][0])
    sharing, _ = article_import(data=sharing)
    kept = make_article(title="Kept practice")  # the doomed article names it: "mentioned in"
    pointing = make_article(title="Pointing practice", see_also=[doomed.slug])
    for article in (sharing, kept, pointing):
        assert "Doomed practice" in _related(client, article), article.title
    response = admin_client.post("/admin/articles/article/", {"action": "withdraw", "_selected_action": [doomed.pk]})
    assert response.status_code == 302
    assert Article.objects.get(pk=doomed.pk).status == Article.Status.DRAFT
    assert client.get(f"/articles/{doomed.slug}/").status_code == 404
    for article in (sharing, kept, pointing):
        assert (
            "Doomed practice" not in client.get(Article.objects.get(pk=article.pk).get_absolute_url()).content.decode()
        )
