import pytest

from articles.models import ArticleRendering
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_a_rendering_from_other_templates_is_rebuilt_on_read(client):
    article = make_article()
    ArticleRendering.objects.filter(article=article).update(renderer="old-templates", body_html="stale body")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "stale body" not in html and "Synthetic claim 0 of section 0" in html
    assert ArticleRendering.objects.get(article=article).renderer != "old-templates"


def test_a_rendering_of_an_earlier_content_revision_is_rebuilt_on_read(client):
    from django.db.models import F

    from articles.models import Article

    article = make_article()
    Article.objects.filter(pk=article.pk).update(lead="A changed lead.", content_revision=F("content_revision") + 1)
    ArticleRendering.objects.filter(article=article).update(body_html="stale body")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "stale body" not in html and "A changed lead." in html
    article.refresh_from_db()
    assert ArticleRendering.objects.get(article=article).revision == article.content_revision


def test_the_render_command_renders_every_article(db):
    from django.core.management import call_command

    make_article()
    make_article()
    ArticleRendering.objects.all().delete()
    call_command("render_articles", stdout=open("/dev/null", "w"))
    assert ArticleRendering.objects.count() == 2
