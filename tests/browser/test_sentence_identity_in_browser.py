"""A reader's open suggestion form keeps its sentence while the article is republished around it."""

import copy

import pytest

from articles.importing import article_import
from articles.models import Unit
from revisions.models import Suggestion
from tests.browser.conftest import fill_suggestion
from tests.factories import make_editor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TARGET = "Self-compassion is also distinguished from self-pity"


def _edit(data, startswith, change):
    for section in data["sections"]:
        for block in section["blocks"]:
            for unit in block["units"]:
                if unit["text"].startswith(startswith):
                    change(unit)
                    return
    raise AssertionError(startswith)


def test_a_suggestion_keeps_its_sentence_through_two_publications(browser, live_server, seed_article, seed_data):
    unit = Unit.objects.get(article=seed_article, text__startswith=TARGET)
    editor = make_editor()

    reader = browser.new_page()
    reader.goto(f"{live_server.url}{seed_article.get_absolute_url()}?suggest={unit.key_label}#suggest")
    assert TARGET in reader.locator(".suggest__target blockquote").inner_text()

    # While the reader writes, an editor publishes an unrelated change: version 1.1.
    unrelated = copy.deepcopy(seed_data)
    _edit(unrelated, "Neff argues this offers", lambda u: u.update(provenance=[1, 7]))
    article_import(data=unrelated, revision={"published_by": editor, "summary": "Added a primary source."})

    fill_suggestion(
        reader,
        category="Unclear wording",
        change="Say that self-pity and self-indulgence are both distinct from self-compassion, in plainer words.",
        sources="",
        name="Robin Example",
        email="robin@example.org",
        credit="Initials",
    )
    suggestion = Suggestion.objects.get()
    assert suggestion.unit_key == unit.key and suggestion.article_version == "1.1"
    assert suggestion.quoted_text.startswith(TARGET)

    # Then the sentence itself is reworded: version 1.2. The queue shows what the reader saw and what it says now.
    reworded = copy.deepcopy(unrelated)
    _edit(reworded, TARGET, lambda u: u.update(text=u["text"].replace("amplifies", "magnifies")))
    article_import(data=reworded, revision={"published_by": editor, "summary": "Plainer wording."})

    desk = browser.new_page()
    desk.goto(f"{live_server.url}/accounts/login/?next=/editors/queue/{suggestion.pk}/")
    desk.get_by_label("Username").fill(editor.username)
    desk.get_by_label("Password").fill("not-a-real-password-1")
    desk.get_by_role("button", name="Sign in").click()
    desk.wait_for_url(f"**/editors/queue/{suggestion.pk}/")
    changed = desk.locator(".target-changed")
    assert "has changed since the reader wrote" in changed.inner_text()
    assert changed.locator("del").inner_text() == "amplifies" and changed.locator("ins").inner_text() == "magnifies"
    assert "magnifies the uniqueness" in desk.locator(".compare__current blockquote").last.inner_text()

    desk.get_by_role("link", name="history of this sentence").click()
    history = desk.locator(".sentence-events").inner_text()
    assert "Added" in history and "Text changed" in history and "version 1.2" in history
