"""An article loaded for its page carries its content as a prefetch would: in order, and narrowed to itself
for any further query made from it."""

import pytest

from articles.models import Article, Unit, content_rows
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_the_loaded_content_is_the_articles_own_in_order(django_assert_num_queries):
    article = make_article(n_sections=3)
    make_article(n_sections=2)  # another article's rows must not leak in
    with django_assert_num_queries(7):
        loaded = Article.objects.for_detail_page().get(pk=article.pk)
        sections = list(loaded.sections.all())
        units = [u for s in sections for b in s.blocks.all() for u in b.units.all()]
        citations = [c for u in units for c in u.citations.all()]
        assert all(u.block.section.article is loaded for u in units)
    assert [s.position for s in sections] == sorted(s.position for s in sections)
    assert {u.pk for u in units} == set(Unit.objects.filter(article=article).values_list("pk", flat=True))
    assert citations and all(c.unit.article_id == article.pk for c in citations)


def test_a_query_made_from_the_loaded_content_stays_within_its_parent():
    article = make_article(n_sections=3)
    other = make_article(n_sections=2)
    loaded = Article.objects.for_detail_page().get(pk=article.pk)
    headed = loaded.sections.filter(heading__gt="")
    assert headed.count() == article.sections.filter(heading__gt="").count()
    block = loaded.sections.all()[1].blocks.all()[0]
    assert block.units.all().update(end="!") == block.units.count()
    assert not Unit.objects.filter(article=other, end="!").exists()
    assert Unit.objects.filter(article=article, end="!").count() == block.units.count()


def test_values_of_articles_for_their_page_are_plain_rows():
    article = make_article()
    assert list(Article.objects.for_detail_page().filter(pk=article.pk).values_list("slug", flat=True)) == [
        article.slug
    ]


def test_loaded_rows_are_whole_instances_that_save_and_compare_as_fetched_ones():
    """The rows are built without Model.__init__ (articles.models._rows): each must still hold every field as the
    database gives it, compare equal to the same row fetched the usual way, and save as an update."""
    article = make_article(n_sections=2)
    loaded = Article.objects.for_detail_page().get(pk=article.pk)
    units = [u for s in content_rows(loaded, "sections") for b in content_rows(s, "blocks") for u in b.units.all()]
    fetched = {u.pk: u for u in Unit.objects.filter(article=article)}
    names = [f.attname for f in Unit._meta.concrete_fields]
    for unit in units:
        assert unit == fetched[unit.pk]
        assert [getattr(unit, n) for n in names] == [getattr(fetched[unit.pk], n) for n in names]
        assert not unit._state.adding and unit._state.db == fetched[unit.pk]._state.db
    assert isinstance(units[0].is_llm, bool)
    unit = units[0]
    unit.text = "A reworded synthetic sentence"
    unit.save()
    assert Unit.objects.filter(article=article).count() == len(units)
    assert Unit.objects.get(pk=unit.pk).text == "A reworded synthetic sentence"


def test_a_model_that_customises_its_loading_is_loaded_the_usual_way(monkeypatch):
    article = make_article()
    loaded_through_hook = []
    usual = Unit.from_db.__func__

    def from_db(cls, db, field_names, values):
        loaded_through_hook.append(values[0])
        return usual(cls, db, field_names, values)

    monkeypatch.setattr(Unit, "from_db", classmethod(from_db))
    Article.objects.for_detail_page().get(pk=article.pk)
    assert sorted(loaded_through_hook) == sorted(Unit.objects.filter(article=article).values_list("pk", flat=True))
