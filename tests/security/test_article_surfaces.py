"""Every tuning vector in every text field of an article, through every page that shows it, checked as a browser
would parse the page: nothing runs, loads or navigates that the same page with plain text does not.

The Markdown renderer's own inertness is tested in tests/articles/test_markdown_safety.py with hand-picked
vectors; here the public corpora go through the whole site: the article and its past versions, the compare,
history and sentence pages, search, the listings, the editor's draft page and its live preview.
"""

import copy
import unicodedata

import pytest

from articles.importing import article_import
from articles.markdown import ALLOWED_TAGS
from articles.models import Unit
from articles.text_format import dump_article
from revisions import services
from tests.factories import make_editor
from tests.security.inert import parse, problems_against, profile
from tests.security.payloads import TUNING, article_world, plain_twin

pytestmark = pytest.mark.django_db


def _earlier(vectors):
    return [f"Earlier synthetic wording {i}" for i in range(len(vectors))]


def _two_versions(vectors, slug):
    """An article at 1.0 in plain text, then 1.1 with `vectors` in every field: the compare page shows them
    inserted, and version 1.1 reads them."""
    plain = article_world(_earlier(vectors), slug=slug)
    article, _ = article_import(data=plain)
    changed = article_world(vectors, slug=slug)
    article, outcome = article_import(data=changed)
    assert outcome == "updated" and article.version == "1.1"
    return article


def _pages(article):
    slug = article.slug
    pages = {
        "article page": f"/articles/{slug}/",
        "version 1.1": f"/articles/{slug}/versions/1.1/",
        "compare 1.0 → 1.1": f"/articles/{slug}/compare/?from=1.0&to=1.1",
        "history": f"/articles/{slug}/history/",
        "a-z": "/a-z/",
        "home listing": "/",
        "type listing": f"{article.article_type.get_absolute_url()}",
    }
    for unit in Unit.objects.filter(article=article, block__section__position=1).order_by("position")[:40]:
        pages[f"sentence history {unit.key_label}"] = f"/articles/{slug}/sentences/{unit.key_label}/history/"
    return pages


def _problems(client, url, clean_url):
    page, clean = client.get(url), client.get(clean_url)
    assert page.status_code == clean.status_code == 200, url
    return problems_against(page.content.decode(), clean.content.decode(), extra_tags=ALLOWED_TAGS)


def article_page_failures(client, vectors):
    """Why any page of an article carrying `vectors` is less inert than its twin's carrying plain text."""
    article = _two_versions(vectors, "payload-article")
    plain = _two_versions(plain_twin(vectors), "plain-article")
    failures = {}
    pages, clean_pages = _pages(article), _pages(plain)
    assert len(pages) == len(clean_pages) > 40
    for (name, url), clean_url in zip(pages.items(), clean_pages.values(), strict=True):
        if problems := _problems(client, url, clean_url):
            failures[name] = problems[:5]
    return failures, article


def test_every_article_page_holding_the_vectors_is_as_inert_as_with_plain_text(client):
    failures, article = article_page_failures(client, TUNING)
    assert failures == {}
    # The vectors are on the page as text: a reader sees what was written, not what it would have done.
    text = " ".join(e.text or "" for _, _, e in parse(client.get(article.get_absolute_url()).content.decode()))
    assert "<SCRIPT>alert('XSS');</SCRIPT>" in text and "<svg/onload=alert(1)>//INJECTX" in text


def search_echo_failures(client, vectors):
    failures = []
    for vector in vectors:
        response = client.get("/search/", {"q": vector})
        assert response.status_code == 200
        elements = parse(response.content.decode())
        problems = profile(response.content.decode())["problems"]
        [box] = [attrs for tag, attrs, _ in elements if tag == "input" and attrs.get("id") == "search-q"]
        # The box shows the query as typed (spaces collapsed, compatibility characters folded as search folds
        # them; a query past the limit is refused in words and shown up to twice the limit), never cut short at a
        # quote or an angle bracket.
        if problems or box.get("value") != " ".join(unicodedata.normalize("NFKC", vector[:400]).split()):
            failures.append((vector, problems[:3], box.get("value")))
    return failures


def test_the_vectors_as_search_terms_come_back_as_typed_and_inert(client):
    assert search_echo_failures(client, TUNING) == []


def test_search_snippets_mark_only_the_matched_words(client):
    """The engine's snippet of a payload sentence is shown as text; the only markup in it is <mark>."""
    article_import(data=article_world(TUNING, slug="payload-article"))
    marked = 0
    for words in ["alert", "javascript", "onerror img", "script src", "svg onload", "synthetic link"]:
        response = client.get("/search/", {"q": words})
        html = response.content.decode()
        assert profile(html)["problems"] == []
        for tag, attrs, element in parse(html):
            if tag == "a" and attrs.get("class") == "search-snippet__link":
                inner = {child.tag for child in element.iter()} - {element.tag}
                assert inner <= {"mark"}, (words, inner)
                marked += "mark" in inner
    assert marked > 5  # the snippets were there to check


def draft_failures(client, vectors):
    """An editor's working copy carrying every vector: the saved draft's page, and the JSON preview whose HTML
    the in-place editor puts into the page (static/js/draft.js), against the same for plain text."""
    editor = make_editor()
    client.force_login(editor)

    def draft_pages(vectors, slug):
        article, _ = article_import(data=article_world(_earlier(vectors), slug=slug))
        draft = services.draft_start(editor=editor, article=article)
        working = copy.deepcopy(article_world(vectors, slug=slug))
        text = dump_article(working)
        preview = client.post(f"/editors/drafts/{draft.pk}/preview/", {"text": text})
        assert preview.status_code == 200 and preview.json()["ok"], preview.json().get("errors")
        saved = client.post(f"/editors/drafts/{draft.pk}/", {"text": text, "summary": "Synthetic", "seen": ""})
        assert saved.status_code == 302
        page = client.get(f"/editors/drafts/{draft.pk}/")
        assert page.status_code == 200
        return {
            "draft page": page.content.decode(),
            "preview_html": preview.json()["preview_html"],
            "diff_html": preview.json()["diff_html"],
        }

    shown, clean = draft_pages(vectors, "draft-payloads"), draft_pages(plain_twin(vectors), "draft-plain")
    return {
        name: problems
        for name in shown
        if (problems := problems_against(shown[name], clean[name], extra_tags=ALLOWED_TAGS))
    }


def test_the_draft_page_and_its_live_preview_hold_the_vectors_inert(client):
    assert draft_failures(client, TUNING) == {}
