"""A unit carries citations or the LLM tag, never neither, never both."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from articles.importing import article_import
from articles.models import Citation, Unit, parse_marker
from tests.factories import make_article, make_article_data

pytestmark = pytest.mark.django_db


def _first_unit(article):
    return (
        Unit.objects.filter(block__section__article=article, is_llm=False)
        .order_by("block__section__position", "block__position", "position")
        .first()
    )


@pytest.mark.parametrize(
    "marker, expected",
    [
        ("LLM", (True, [])),
        ("llm", (True, [])),
        ("2 7", (False, [2, 7])),
        ("2,7", (False, [2, 7])),
        ("12", (False, [12])),
    ],
)
def test_markers_parse(marker, expected):
    assert parse_marker(marker) == expected


@pytest.mark.parametrize("marker", ["", "  ", "LLM 2", "two", "2 2", "-1"])
def test_bad_markers_are_rejected(marker):
    with pytest.raises(ValidationError):
        parse_marker(marker)


def test_import_rejects_a_unit_without_provenance():
    data = make_article_data()
    del data["sections"][1]["blocks"][0]["units"][0]["provenance"]
    with pytest.raises(ValidationError) as error:
        article_import(data=data)
    assert "has no provenance" in str(error.value)
    assert not Unit.objects.exists()


def test_import_rejects_a_citation_to_an_undefined_source():
    data = make_article_data()
    data["sections"][1]["blocks"][0]["units"][0]["provenance"] = [9]
    with pytest.raises(ValidationError) as error:
        article_import(data=data)
    assert "cites source 9, which is not in the source list" in str(error.value)


def test_a_unit_cannot_be_both_llm_and_cited():
    article = make_article()
    unit = _first_unit(article)
    unit.is_llm = True
    with pytest.raises(ValidationError, match="either LLM-written or cites sources"):
        unit.validate_provenance([1], [1, 2, 3])


def test_a_new_version_replaces_a_sentences_citations_in_marker_order():
    data = make_article_data()
    article, _ = article_import(data=data)
    unit = _first_unit(article)
    data["sections"][1]["blocks"][0]["units"][0]["provenance"] = [3, 2]
    article_import(data=data)
    unit.refresh_from_db()
    assert list(unit.citations.order_by("position").values_list("article_source__number", flat=True)) == [3, 2]
    data["sections"][1]["blocks"][0]["units"][0]["provenance"] = "llm"
    article_import(data=data)
    unit.refresh_from_db()
    assert unit.is_llm and not unit.citations.exists()


# The deferred trigger exists on PostgreSQL only; `make test` runs these in its PostgreSQL pass.
postgresql_only = pytest.mark.postgresql


def _check_now():
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


@postgresql_only
def test_database_refuses_a_unit_left_without_provenance():
    unit = _first_unit(make_article())
    with pytest.raises(IntegrityError, match="has no provenance"), transaction.atomic():
        Citation.objects.filter(unit=unit).delete()
        _check_now()


@postgresql_only
def test_database_refuses_a_unit_with_both_kinds_of_provenance():
    unit = _first_unit(make_article())
    with pytest.raises(IntegrityError, match="tagged LLM and also cites"), transaction.atomic():
        Unit.objects.filter(pk=unit.pk).update(is_llm=True)
        _check_now()


@postgresql_only
def test_database_refuses_a_citation_of_another_articles_source():
    unit = _first_unit(make_article())
    other_source = make_article().numbered_sources.get(number=1)
    with pytest.raises(IntegrityError, match="another article"), transaction.atomic():
        Citation.objects.create(unit=unit, article_source=other_source, position=5)
        _check_now()


@postgresql_only
def test_database_accepts_a_whole_import():
    make_article()
    _check_now()  # raises if any unit imported without valid provenance
