"""Every tuning vector through the Django admin, where admins curate the source library: as a source's title,
authors and container (typed into the add form), on the list, search, change, history and delete pages, and in
the change page's list of the sentences citing it; and every address vector as a source's URL or retraction
notice, which is refused or kept as a web address, never stored as a script or data URL."""

import pytest

from articles.importing import article_import
from articles.models import ArticleSource, Unit
from sources.models import Source
from tests.security.inert import SCRIPT_SCHEMES, browser_scheme, parse, problems_against
from tests.security.payloads import SCHEMES, TUNING, article_world, plain_twin

pytestmark = pytest.mark.django_db

ADD = "/admin/sources/source/add/"


def _add(admin_client, text, **extra):
    fields = {"title": text[:500], "authors": text[:500], "container": text[:500], "kind": "article", "tier": "T2"}
    fields |= {"url": "", "doi": "", "pmid": "", "isbn": "", "year": "", "status": "current"}
    fields |= {"retracted_on": "", "retraction_notice": "", "superseded_by": ""}
    return admin_client.post(ADD, fields | extra)


def test_sources_typed_with_the_vectors_show_inert_on_every_admin_page(admin_client):
    assert _add(admin_client, "Plain synthetic source").status_code == 302
    plain = Source.objects.get(title="Plain synthetic source")
    refused = [text for text in TUNING if _add(admin_client, text).status_code != 302]
    # The admin refuses in words only what the text format could not carry (tabs); everything else is kept.
    assert len(refused) < 10, refused
    pages = lambda pk: [f"/admin/sources/source/{pk}/{page}/" for page in ("change", "history", "delete")]  # noqa: E731
    cleans = [admin_client.get(url).content.decode() for url in pages(plain.pk)]
    failures = []
    for i, source in enumerate(Source.objects.exclude(pk=plain.pk).order_by("pk")):
        # Each source's change page; its history and delete pages for one source in five, the same template.
        for url, clean in list(zip(pages(source.pk), cleans, strict=True))[: 3 if i % 5 == 0 else 1]:
            html = admin_client.get(url).content.decode()
            failures += [(source.title, url, p) for p in problems_against(html, clean)]
    listing = admin_client.get("/admin/sources/source/").content.decode()
    clean_listing = admin_client.get("/admin/sources/source/", {"q": "Plain synthetic"}).content.decode()
    failures += [("list", p) for p in problems_against(listing, clean_listing, counted=False)]
    for text in TUNING[::4]:  # the search box echoes the query (one vector in four: each search lists them all)
        html = admin_client.get("/admin/sources/source/", {"q": text}).content.decode()
        failures += [("search", text, p) for p in problems_against(html, clean_listing, counted=False)]
    assert failures == []


def test_a_sources_citing_sentences_and_articles_show_inert_in_the_admin(admin_client):
    """The change page lists each sentence citing the source, with its article's title and its text."""
    article, _ = article_import(data=article_world(TUNING, slug="admin-payloads", title=TUNING[0][:200]))
    plain, _ = article_import(data=article_world(plain_twin(TUNING), slug="admin-plain"))
    first_plain = ArticleSource.objects.filter(article=plain).order_by("number").first()
    clean = admin_client.get(f"/admin/sources/source/{first_plain.source_id}/change/").content.decode()
    failures = []
    # The three sources every sentence kind cites, and one vector-titled source in ten (the same template).
    numbered_sources = ArticleSource.objects.filter(article=article).order_by("number")
    for numbered in list(numbered_sources[:3]) + list(numbered_sources[3::10]):
        html = admin_client.get(f"/admin/sources/source/{numbered.source_id}/change/").content.decode()
        failures += [(numbered.number, p) for p in problems_against(html, clean)]
    clean_unit = admin_client.get(f"/admin/articles/unit/{Unit.objects.filter(article=plain).first().pk}/change/")
    for unit in Unit.objects.filter(article=article)[:: max(1, len(TUNING) // 40)]:
        html = admin_client.get(f"/admin/articles/unit/{unit.pk}/change/").content.decode()
        failures += [(unit.text, p) for p in problems_against(html, clean_unit.content.decode())]
    html = admin_client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    clean_html = admin_client.get(f"/admin/articles/article/{plain.pk}/change/").content.decode()
    failures += [("article", p) for p in problems_against(html, clean_html)]
    html = admin_client.get("/admin/articles/article/").content.decode()
    clean_html = admin_client.get("/admin/articles/article/", {"q": "admin-plain"}).content.decode()
    failures += [("article list", p) for p in problems_against(html, clean_html, counted=False)]
    assert failures == []


@pytest.mark.parametrize("address", SCHEMES)
def test_an_address_vector_is_never_stored_as_a_script_or_data_url(admin_client, address):
    response = _add(
        admin_client,
        "A synthetic retracted work",
        url=address,
        status="retracted",
        retracted_on="2025-01-02",
        retraction_notice=address,
    )
    html = response.content.decode()
    for source in Source.objects.all():
        for stored in (source.url, source.retraction_notice):
            assert browser_scheme(stored) in ("http", "https"), stored
    if response.status_code != 302:  # refused in words, the address shown back in its box as typed
        boxes = [attrs.get("value") for tag, attrs, _ in parse(html) if tag == "input" and attrs.get("name") == "url"]
        assert boxes == [address]
        clean = _add(admin_client, "A synthetic retracted work", status="retracted", retracted_on="2025-01-02")
        assert problems_against(html, clean.content.decode()) == []
    for tag, attrs, _ in parse(admin_client.get("/admin/sources/source/").content.decode()):
        assert browser_scheme(attrs.get("href", "")) not in SCRIPT_SCHEMES
