"""Two editors publish the same article at the same moment: one wins, the other is refused, nothing is lost."""

import threading

import pytest
from django.db import connection

from articles.models import Article, ArticleVersion
from revisions import services
from revisions.models import Draft
from tests.factories import make_editor

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]

SENTENCE = (
    "Because it is a transdiagnostic process variable, it functions both as an outcome to cultivate and as a "
    "presumed mechanism of change across several evidence-based treatments [LLM]."
)


def test_the_second_of_two_simultaneous_publications_is_refused(seed_article):
    editors = [make_editor("editor-one"), make_editor("editor-two")]
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
    barrier = threading.Barrier(2)
    outcomes = [None, None]

    def publish(index):
        try:
            barrier.wait(timeout=10)
            services.draft_publish(draft=drafts[index], editor=editors[index], build_url=lambda p: p)
            outcomes[index] = "published"
        except Exception as error:  # noqa: BLE001 - the refusal is what this test looks at
            outcomes[index] = str(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=publish, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(o == "published" for o in outcomes) == [False, True], outcomes
    refusal = next(o for o in outcomes if o != "published")
    assert "now version 1.1" in refusal and "Nothing was published" in refusal
    assert Article.objects.get(pk=seed_article.pk).version == "1.1"
    assert ArticleVersion.objects.filter(article=seed_article).count() == 2
    loser = drafts[outcomes.index(refusal)]
    loser.refresh_from_db()
    assert loser.state == Draft.State.EDITING and loser.text == drafts[outcomes.index(refusal)].text
