"""A refresh of pages beside the text (a tier rule, a review) while a publish of the same article is in flight:
both finish, on real connections, on SQLite and PostgreSQL. They lock the article's row before its search entry
in the same order, or PostgreSQL aborts one of them as a deadlock."""

import threading
import time

import pytest
from django.db import connection

from articles import publishing
from articles.importing import article_import
from articles.models import Article, SearchDocument
from tests.factories import make_article

pytestmark = pytest.mark.django_db(transaction=True)


def _recording_errors(errors):
    """A thread body that runs some work on its own connection and keeps any error under the thread's name."""

    def run(name, work):
        try:
            work()
        except Exception as error:  # reported by the test, with the thread's name
            errors[name] = error
        finally:
            connection.close()

    return run


def test_a_refresh_during_a_publish_of_the_same_article_waits_for_it_and_both_finish(monkeypatch):
    article = make_article()
    data = publishing.article_export_data(Article.objects.for_detail_page().get(pk=article.pk))
    data["lead"] += " A synthetic addition."
    publishing_paused, go_on = threading.Event(), threading.Event()
    related_refresh = publishing.article_related_refresh

    def pausing_related_refresh(**kwargs):
        # The publish holds the article's row here, and writes its search entry only after.
        if threading.current_thread().name == "publisher":
            publishing_paused.set()
            go_on.wait(5)
        return related_refresh(**kwargs)

    monkeypatch.setattr(publishing, "article_related_refresh", pausing_related_refresh)
    errors = {}
    run = _recording_errors(errors)

    publisher = threading.Thread(target=run, args=("publisher", lambda: article_import(data=data)), name="publisher")
    publisher.start()
    assert publishing_paused.wait(10)
    refresher = threading.Thread(
        target=run, args=("refresher", lambda: publishing.article_refresh(article_ids=[article.pk]))
    )
    refresher.start()
    time.sleep(0.5)  # the refresher is now waiting for the row the publish holds
    go_on.set()
    publisher.join(20)
    refresher.join(20)
    assert errors == {}
    article.refresh_from_db()
    assert article.lead.endswith("A synthetic addition.")
    assert SearchDocument.objects.get(article=article).revision == article.content_revision


def test_the_stale_render_command_never_indexes_over_a_publish_made_while_it_ran(monkeypatch):
    import io

    from django.core.management import call_command

    from articles import rendering
    from articles.models import SearchSentence

    article = make_article()
    Article.objects.filter(pk=article.pk).update(content_revision=article.content_revision + 1)  # out of date
    data = publishing.article_export_data(Article.objects.for_detail_page().get(pk=article.pk))
    data["sections"][1]["blocks"][0]["units"][0]["text"] = "A synthetic sentence published meanwhile"
    command_paused, go_on = threading.Event(), threading.Event()
    build_article_page = rendering.build_article_page

    def pausing_build(article, rules=()):
        # The command has read the article it is about to render and index.
        if threading.current_thread().name == "command":
            command_paused.set()
            go_on.wait(5)
        return build_article_page(article, rules=rules)

    monkeypatch.setattr(rendering, "build_article_page", pausing_build)
    errors = {}
    run = _recording_errors(errors)

    stale_run = lambda: call_command("render_articles", "--stale", stdout=io.StringIO())  # noqa: E731
    command = threading.Thread(target=run, args=("command", stale_run), name="command")
    command.start()
    assert command_paused.wait(10)
    publisher = threading.Thread(target=run, args=("publisher", lambda: article_import(data=data)))
    publisher.start()
    time.sleep(0.5)  # the publish now waits for the rows the command holds
    go_on.set()
    command.join(20)
    publisher.join(20)
    assert errors == {}
    texts = set(SearchSentence.objects.filter(article=article).values_list("text", flat=True))
    assert any("A synthetic sentence published meanwhile" in text for text in texts)
