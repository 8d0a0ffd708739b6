import io
import json

import pytest
from django.core.management import CommandError, call_command

from articles.importing import article_import
from articles.models import Article, Unit
from sources.models import Source
from tests.factories import make_article_data

pytestmark = pytest.mark.django_db


def test_importing_the_seed_twice_changes_nothing(seed_data):
    article, outcome = article_import(data=seed_data)
    assert outcome == "created"
    revision = article.content_revision
    again, outcome = article_import(data=seed_data)
    assert outcome == "unchanged" and again.version == "1.0" and again.content_revision == revision
    assert again.versions.count() == 1
    assert Source.objects.count() == 8


def test_a_changed_published_article_gets_a_new_minor_version_with_history(seed_data):
    article, _ = article_import(data=seed_data)
    seed_data["sections"][1]["blocks"][0]["units"][3]["provenance"] = [1]
    article, outcome = article_import(data=seed_data)
    assert outcome == "updated" and article.version == "1.1"
    assert [v.version for v in article.versions.order_by("major", "minor")] == ["1.0", "1.1"]


def test_seeding_leaves_an_existing_article_as_it_is(seed_data):
    article_import(data=seed_data)
    changed = {**seed_data, "title": "Self-Compassion, Retitled"}
    article, outcome = article_import(data=changed, if_absent=True)
    assert outcome == "exists" and article.title == "Self-Compassion" and article.version == "1.0"


def test_a_bad_file_writes_nothing_and_reports_every_problem():
    data = make_article_data()
    data["sources"][1]["number"] = 1
    data["sources"][2]["tier"] = "T9"
    data["sections"][1]["blocks"][0]["kind"] = "poem"
    del data["title"]
    with pytest.raises(Exception) as error:
        article_import(data=data)
    messages = error.value.messages
    assert any("number 1 is used twice" in m for m in messages)
    assert any("tier must be one of T1, T2, T3" in m for m in messages)
    assert any("kind must be one of" in m for m in messages)
    assert any("Missing required field “title”" in m for m in messages)
    assert not Article.objects.exists() and not Unit.objects.exists()


def test_the_command_reports_each_file_and_fails_if_any_failed(tmp_path):
    good = tmp_path / "good.json"
    good.write_text(json.dumps(make_article_data(slug="good-one")), encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\xff\xfe not utf-8")
    empty = tmp_path / "empty.json"
    empty.write_text("", encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text('{"slug": ', encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="3 of 4 files failed"):
        call_command("import_article", str(good), str(bad), str(empty), str(broken), stdout=out, stderr=err)
    assert "good.json: created good-one (version 1.0)" in out.getvalue()
    assert "not UTF-8 text" in err.getvalue()
    assert "the file is empty" in err.getvalue()
    assert "line 1, column 10: invalid JSON" in err.getvalue()
    assert list(Article.objects.values_list("slug", flat=True)) == ["good-one"]


def test_the_json_endpoint_output_imports_back_unchanged(client, seed_article):
    served = json.loads(client.get("/articles/self-compassion.json").content)
    _, outcome = article_import(data=served)
    assert outcome == "unchanged"
