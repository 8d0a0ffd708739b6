"""DOI, PMID and ISBN: checked when typed, stored in one form, shown and linked on the article page."""

import pytest
from django.core.exceptions import ValidationError

from sources.forms import SourceForm
from sources.identifiers import isbn_is_valid, normalise_doi, normalise_isbn, validate_doi, validate_pmid
from sources.models import Source
from tests.factories import make_article, make_article_data

SEED_DOI = "10.1146/annurev-psych-032420-031047"


@pytest.mark.parametrize(
    "isbn, valid",
    [
        ("9780306406157", True),
        ("0306406152", True),
        ("080442957X", True),
        ("9780306406158", False),  # wrong check digit
        ("0306406153", False),
        ("97803064061", False),
        ("978030640615X", False),
    ],
)
def test_isbn_check_digits_are_verified(isbn, valid):
    assert isbn_is_valid(isbn) is valid


def test_pasted_identifiers_are_stored_in_one_form():
    assert normalise_doi(f"https://doi.org/{SEED_DOI}") == SEED_DOI
    assert normalise_doi(f"doi: {SEED_DOI}") == SEED_DOI
    assert normalise_isbn("ISBN 978-0-306-40615-7") == "9780306406157"


@pytest.mark.parametrize("doi", ["10.1/x", "doi 10.1146/abc", "11.1146/abc", "10.1146/"])
def test_malformed_dois_are_refused_with_the_form_they_should_take(doi):
    with pytest.raises(ValidationError) as error:
        validate_doi(doi)
    assert error.value.code == "bad_doi" and "10.1146/annurev" in error.value.messages[0]


def test_a_pmc_number_is_not_taken_for_a_pmid():
    with pytest.raises(ValidationError) as error:
        validate_pmid("PMC9095813")
    assert "PMC number" in error.value.messages[0]


def _form(**overrides):
    data = {"title": "A synthetic handbook", "kind": "book", "tier": "T2", "status": "current", **overrides}
    return SourceForm(data=data)


@pytest.mark.django_db
def test_the_admin_form_normalises_identifiers_and_explains_a_bad_isbn():
    form = _form(doi=f"https://doi.org/{SEED_DOI}", isbn="978-0-306-40615-7", pmid="PMID: 35553842")
    assert form.is_valid(), form.errors
    assert (form.cleaned_data["doi"], form.cleaned_data["isbn"], form.cleaned_data["pmid"]) == (
        SEED_DOI,
        "9780306406157",
        "35553842",
    )
    form = _form(isbn="978-0-306-40615-8")
    assert not form.is_valid()
    assert "check digit" in form.errors["isbn"][0]


@pytest.mark.django_db
def test_a_year_in_the_future_is_refused():
    form = _form(year="2999")
    assert not form.is_valid() and "future" in form.errors["year"][0]


@pytest.mark.django_db
def test_the_seed_shows_source_1s_doi_linked_to_doi_org(client, seed_article):
    html = client.get(seed_article.get_absolute_url()).content.decode()
    entry = html.split('id="source-1"', 1)[1].split("</li>", 1)[0]
    assert f'DOI <a href="https://doi.org/{SEED_DOI}" rel="noopener noreferrer nofollow">{SEED_DOI}</a>' in entry
    # Sources without any address say so instead of offering nothing.
    for number in (2, 4, 8):
        entry = html.split(f'id="source-{number}"', 1)[1].split("</li>", 1)[0]
        assert "no link recorded" in entry and 'href="http' not in entry.split("Cited", 1)[0]


@pytest.mark.django_db
def test_pmid_and_isbn_are_shown_and_linked(client):
    data = make_article_data()
    data["sources"][0].update(pmid="35553842", url="")
    data["sources"][1].update(isbn="9780306406157", kind="book")
    article = make_article(**{k: v for k, v in data.items() if k not in ("slug",)}, slug=data["slug"])
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'PMID <a href="https://pubmed.ncbi.nlm.nih.gov/35553842/"' in html
    assert 'ISBN <a href="https://search.worldcat.org/isbn/9780306406157"' in html
    assert ">978-0306406157</a>" in html
    data = client.get(f"/articles/{article.slug}.json").json()
    assert data["sources"][1]["isbn"] == "9780306406157"


@pytest.mark.django_db
def test_the_text_format_refuses_a_bad_isbn_with_its_line(seed_data):
    from articles.text_format import FormatErrors, dump_article, parse_article

    seed_data["sources"][1]["isbn"] = "9780306406158"
    text = dump_article(seed_data)
    with pytest.raises(FormatErrors) as error:
        parse_article(text, "x.md")
    line = next(i for i, t in enumerate(text.split("\n"), 1) if t.strip().startswith("isbn:"))
    assert any(e.line == line and "not a valid ISBN" in e.message for e in error.value.errors)


@pytest.mark.django_db
def test_source_model_validation_runs_the_identifier_validators():
    source = Source(title="A synthetic paper", tier="T1", doi="not-a-doi")
    with pytest.raises(ValidationError) as error:
        source.full_clean()
    assert "doi" in error.value.message_dict
