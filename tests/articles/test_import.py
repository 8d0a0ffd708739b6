import io
import json

import pytest
from django.core.exceptions import ValidationError
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


def _exported(slug, directory, name=None):
    out = io.StringIO()
    call_command("export_article", slug, stdout=out)
    path = directory / (name or f"{slug}.md")
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def _import(*paths, **options):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_article", *[str(p) for p in paths], stdout=out, stderr=err, **options)
    except CommandError as failed:
        return False, out.getvalue(), err.getvalue() + str(failed)
    return True, out.getvalue(), err.getvalue()


def test_a_file_edited_from_an_older_version_is_refused_rather_than_taking_back_a_later_change(tmp_path, seed_article):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = _exported(seed_article.slug, tmp_path / "a")
    second = _exported(seed_article.slug, tmp_path / "b")
    first.write_text(first.read_text().replace("Self-kindness", "Self-kindness (edited in A)", 1), encoding="utf-8")
    second.write_text(
        second.read_text().replace("Common humanity", "Common humanity (edited in B)", 1), encoding="utf-8"
    )

    ok, out, _ = _import(first)
    assert ok and "updated self-compassion (version 1.1)" in out
    ok, _, err = _import(second)
    assert not ok
    assert "edited from version 1.0, but the article is now version 1.1" in err and "--replace" in err
    article = Article.objects.get(pk=seed_article.pk)
    assert article.version == "1.1" and article.versions.count() == 2
    page = article.units.filter(text__contains="(edited in A)").exists()
    assert page and not article.units.filter(text__contains="(edited in B)").exists()

    ok, out, _ = _import(second, replace=True)
    assert ok and "updated self-compassion (version 1.2)" in out
    assert Article.objects.get(pk=seed_article.pk).units.filter(text__contains="(edited in B)").exists()


def test_an_imported_version_names_its_file_or_the_given_summary_and_publisher(client, tmp_path, seed_article):
    from tests.factories import make_editor

    editor = make_editor("editor-importing")
    path = _exported(seed_article.slug, tmp_path)
    path.write_text(path.read_text().replace("Self-kindness", "Self-kindness, gently,", 1), encoding="utf-8")
    assert _import(path)[0]
    path = _exported(seed_article.slug, tmp_path)
    path.write_text(path.read_text().replace("Common humanity", "Shared humanity", 1), encoding="utf-8")
    assert _import(path, summary="Plainer wording for the second component.", by="editor-importing")[0]
    versions = {v.version: v for v in Article.objects.get(pk=seed_article.pk).versions.all()}
    assert versions["1.1"].kind == "import" and versions["1.1"].summary == "From the file self-compassion.md"
    assert (
        versions["1.2"].summary == "Plainer wording for the second component."
        and versions["1.2"].published_by == editor
    )
    html = client.get(f"/articles/{seed_article.slug}/history/").content.decode()
    assert "From the file self-compassion.md" in html and "Plainer wording" in html
    assert html.count("First published version") == 1

    ok, _, err = _import(path, by="nobody-by-that-name")
    assert not ok and "No user is called “nobody-by-that-name”" in err


@pytest.mark.parametrize(
    "name, says",
    [
        ("CONSTRUCT!", "would have the same address as the existing article type “construct” (/types/construct/)"),
        ("!!!", "needs at least one Latin letter or digit"),
    ],
)
def test_a_type_without_an_address_of_its_own_is_refused_and_nothing_is_written(seed_article, seed_data, name, says):
    from articles.models import ArticleType

    seed_data["type"] = name
    seed_data["sections"][1]["blocks"][0]["units"][0]["text"] += " (edited)"
    with pytest.raises(ValidationError) as refused:
        article_import(data=seed_data)
    assert says in " ".join(refused.value.messages)
    assert ArticleType.objects.count() == 1
    article = Article.objects.get(pk=seed_article.pk)
    assert article.version == "1.0" and not article.units.filter(text__contains="(edited)").exists()


def test_text_that_would_display_in_another_order_is_refused(seed_data):
    seed_data["title"] = "Self-\u202ecompassion"
    seed_data["sections"][1]["blocks"][0]["units"][0]["text"] = "Kindness \u2066turned\u2069 inward."
    with pytest.raises(ValidationError) as refused:
        article_import(data=seed_data)
    messages = " ".join(refused.value.messages)
    assert "title contains an invisible character that changes the direction of text (U+202E" in messages
    assert "(U+2066, at character 10)" in messages
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    "content, says",
    [
        ("[" * 100_000 + "]" * 100_000, "the JSON nests too deeply to be an article"),
        ('{"slug": ' + "9" * 5000 + "}", "invalid JSON: a number in it is thousands of digits long"),
    ],
    ids=["nested", "huge number"],
)
def test_a_json_file_no_parser_can_read_is_refused_in_words(tmp_path, content, says):
    path = tmp_path / "odd.json"
    path.write_text(content, encoding="utf-8")
    ok, _, err = _import(path)
    assert not ok and f"odd.json: not imported: {says}" in err and "Traceback" not in err
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    "change, says",
    [
        ({"status": "weird"}, "status must be one of draft, published."),
        ({"status": []}, "status must be one of draft, published."),
        ({"see_also": 5}, "“see_also” must be a list of article addresses (slugs)."),
        ({"see_also": "abc"}, "“see_also” must be a list of article addresses (slugs)."),
        ({"see_also": [{}]}, "“see_also” must be a list of article addresses (slugs)."),
        ({"see_also": ["\ud800"]}, "See also “'\\ud800'” is no article address"),
        ({"see_also": ["a\u0000b"]}, "See also “'a\\x00b'” is no article address"),
        ({"see_also": ["Not A Slug"]}, "See also “Not A Slug” is no article address"),
        ({"title": "Self-compassion \ud800 broken"}, "title contains a broken character (half of a UTF-16 pair)."),
        ({"generated_on": "20260101"}, "generated_on must be a date such as 2026-06-04."),
        ({"generated_on": "2026-W01-1"}, "generated_on must be a date such as 2026-06-04."),
    ],
)
def test_article_data_of_the_wrong_shape_is_refused_in_words_and_nothing_is_written(seed_data, change, says):
    seed_data.update(change)
    with pytest.raises(ValidationError) as refused:
        article_import(data=seed_data)
    assert says in " ".join(refused.value.messages)
    assert not Article.objects.exists()


@pytest.mark.parametrize("video", [[], {}, "1", 99])
def test_a_video_block_must_name_one_of_the_articles_sources(seed_data, video):
    seed_data["sections"][0]["blocks"].append({"kind": "video", "video": video, "units": []})
    with pytest.raises(ValidationError):
        article_import(data=seed_data)
    assert not Article.objects.exists()


def test_a_sentence_citing_more_sources_than_its_markers_hold_is_refused_in_words(seed_data):
    """Its source numbers are stored as one line of 100 characters, which PostgreSQL enforces."""
    unit = seed_data["sections"][1]["blocks"][0]["units"][0]
    unit["provenance"] = list(range(1, 22))
    with pytest.raises(ValidationError) as refused:
        article_import(data=seed_data)
    assert "cites 21 sources; a sentence cites at most 20." in " ".join(refused.value.messages)
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    "where, field, value, says",
    [
        ("unit", "term", "x\u0000", "only a key-terms block's units have a “term”"),
        ("unit", "objective", ["a"], "only a SMART block's units have an “objective”"),
        ("block", "image", "figures/x\u0000.svg", "only a figure has an “image” and “alt_text”"),
    ],
)
def test_a_field_its_kind_of_block_does_not_show_is_refused_in_words(seed_data, where, field, value, says):
    """Stored unchecked, such a field was a DataError on PostgreSQL (a NUL) or a crash (a list)."""
    block = seed_data["sections"][1]["blocks"][0]
    (block["units"][0] if where == "unit" else block)[field] = value
    with pytest.raises(ValidationError) as refused:
        article_import(data=seed_data)
    assert says in " ".join(refused.value.messages)
    assert not Article.objects.exists()


def _figure_block(data):
    return next(b for section in data["sections"] for b in section["blocks"] if b["kind"] == "figure")


@pytest.mark.parametrize(
    "image, says",
    [
        ("javascript:alert(1)", "is not a path to one of the site's images"),
        ("//images.example/x.svg", "is not a path to one of the site's images"),
        ("../../../etc/passwd", "is not a path to one of the site's images"),
        ("articles/figures/../../wiki/settings.svg", "is not a path to one of the site's images"),
        ("articles/figures/wheel.exe", "is not a path to one of the site's images"),
        ("articles/figures/no-such-wheel.svg", "there is no image “articles/figures/no-such-wheel.svg”"),
    ],
)
def test_a_figure_must_name_one_of_the_sites_images(seed_data, image, says):
    _figure_block(seed_data)["image"] = image
    with pytest.raises(ValidationError) as refused:
        article_import(data=seed_data)
    assert says in " ".join(refused.value.messages)
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    "options, says",
    [
        ({"summary": "Re-imported\x01 (synthetic)"}, "--summary: This contains invisible control characters"),
        ({"summary": "x" * 301}, "--summary is 301 characters; the history has room for 300."),
        ({"by": "editor\udcff"}, "--by: This contains a broken character"),
    ],
)
def test_import_options_the_history_could_not_carry_are_refused_in_words(tmp_path, seed_article, options, says):
    path = _exported(seed_article.slug, tmp_path)
    versions = seed_article.versions.count()
    ok, _, err = _import(path, **options)
    assert not ok and says in err and "Traceback" not in err
    assert seed_article.versions.count() == versions


@pytest.mark.parametrize("command", ["export_article", "check_tier_rules"])
def test_a_slug_argument_that_is_not_utf8_is_a_command_error(command):
    with pytest.raises(CommandError, match="No article has the slug"):
        call_command(command, "art\udcff", stdout=io.StringIO())
