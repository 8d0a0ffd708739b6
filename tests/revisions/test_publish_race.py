"""Two editors publish the same article at the same moment: one wins, the other is refused, nothing is lost.

Real threads on real connections, on SQLite (immediate transactions, busy timeout) and on PostgreSQL.
"""

import threading

import pytest
from django.db import connection
from django.test import Client

from articles.models import Article, ArticleVersion
from revisions import services
from revisions.models import Draft
from tests.factories import make_editor

pytestmark = pytest.mark.django_db(transaction=True)

SENTENCE = (
    "Because it is a transdiagnostic process variable, it functions both as an outcome to cultivate and as a "
    "presumed mechanism of change across several evidence-based treatments [LLM]."
)


def _two_drafts(seed_article, editors):
    drafts = []
    for editor, marker in zip(editors, ("[1].", "[2].")):
        draft = services.draft_start(editor=editor, article=seed_article)
        drafts.append(
            services.draft_save(
                draft=draft,
                editor=editor,
                text=draft.text.replace(SENTENCE, SENTENCE.replace("[LLM].", marker)),
                summary="",
            )
        )
    return drafts


def _race(work):
    """Run work(0) and work(1) at the same moment on two threads, each with its own connection."""
    barrier = threading.Barrier(2)
    outcomes = [None, None]

    def run(index):
        try:
            barrier.wait(timeout=10)
            outcomes[index] = work(index)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def test_the_second_of_two_simultaneous_publications_is_refused(seed_article):
    editors = [make_editor("editor-one"), make_editor("editor-two")]
    drafts = _two_drafts(seed_article, editors)

    def publish(index):
        try:
            services.draft_publish(draft=drafts[index], editor=editors[index], build_url=lambda p: p)
        except services.InvalidTransition as refusal:
            return str(refusal)
        return "published"

    outcomes = _race(publish)

    assert sorted(o == "published" for o in outcomes) == [False, True], outcomes
    refusal = next(o for o in outcomes if o != "published")
    assert "now version 1.1" in refusal and "Nothing was published" in refusal
    assert Article.objects.get(pk=seed_article.pk).version == "1.1"
    assert ArticleVersion.objects.filter(article=seed_article).count() == 2
    loser = drafts[outcomes.index(refusal)]
    loser.refresh_from_db()
    assert loser.state == Draft.State.EDITING and loser.text == drafts[outcomes.index(refusal)].text


def test_racing_publish_requests_give_one_version_and_one_refusal_page_never_a_5xx(seed_article):
    editors = [make_editor("editor-one"), make_editor("editor-two")]
    drafts = _two_drafts(seed_article, editors)
    clients = []
    for editor in editors:
        client = Client()
        client.force_login(editor)
        clients.append(client)

    def publish(index):
        response = clients[index].post(f"/editors/drafts/{drafts[index].pk}/publish/", follow=True)
        return response.status_code, response.content.decode()

    outcomes = _race(publish)
    assert [status for status, _ in outcomes] == [200, 200]
    refused = [html for _, html in outcomes if "Nothing was published" in html]
    assert len(refused) == 1 and "bring the draft up to date" in refused[0]
    assert Article.objects.get(pk=seed_article.pk).version == "1.1"
    assert list(
        ArticleVersion.objects.filter(article=seed_article).values_list("minor", flat=True).order_by("minor")
    ) == [
        0,
        1,
    ]
    states = sorted(Draft.objects.filter(pk__in=[d.pk for d in drafts]).values_list("state", flat=True))
    assert states == [Draft.State.EDITING, Draft.State.PUBLISHED]


def test_of_two_simultaneous_imports_edited_from_one_version_the_second_is_refused(seed_article, tmp_path):
    import io

    from django.core.management import CommandError, call_command

    exported = io.StringIO()
    call_command("export_article", seed_article.slug, stdout=exported)
    paths = []
    for name, marker in (("one", "[1]."), ("two", "[2].")):
        (tmp_path / name).mkdir()
        path = tmp_path / name / f"{seed_article.slug}.md"
        path.write_text(exported.getvalue().replace(SENTENCE, SENTENCE.replace("[LLM].", marker)), encoding="utf-8")
        paths.append(path)

    def import_file(index):
        err = io.StringIO()
        try:
            call_command("import_article", str(paths[index]), stdout=io.StringIO(), stderr=err)
        except CommandError:
            return err.getvalue()
        return "imported"

    outcomes = _race(import_file)

    assert sorted(o == "imported" for o in outcomes) == [False, True], outcomes
    assert "edited from version 1.0, but the article is now version 1.1" in next(o for o in outcomes if o != "imported")
    assert Article.objects.get(pk=seed_article.pk).version == "1.1"
    assert ArticleVersion.objects.filter(article=seed_article).count() == 2
    winner = "[1]." if outcomes[0] == "imported" else "[2]."
    data = ArticleVersion.objects.get(article=seed_article, minor=1).data
    texts = [u for s in data["sections"] for b in s["blocks"] for u in b["units"] if u["text"].startswith("Because")]
    assert texts and texts[0]["provenance"] == [int(winner[1])]
