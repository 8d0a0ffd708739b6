"""The article text format: lossless round trips, and errors a pipeline author can act on."""

import copy
import io
import string

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from articles.importing import article_import
from articles.models import Article, Unit
from articles.text_format import FormatErrors, dump_article, parse_article
from tests.conftest import SEED_FIXTURE
from tests.factories import make_article_data

pytestmark = pytest.mark.django_db

VALID = """---
slug: synthetic-construct
title: Synthetic Construct
type: construct
discipline: Synthetic discipline
family: Synthetic family
status: published
version: 1.0
model: test-model
generated: 2026-01-02
see-also:
lead: A made-up construct for *tests*.
---

## What It Is

A fictional practice described with [a link](https://example.org/x) [1].
A model-written sentence [LLM].

## Sources

[1]: T1 article
    title: Synthetic trial
"""


def _export(slug):
    out = io.StringIO()
    call_command("export_article", slug, stdout=out)
    return out.getvalue()


def _import(tmp_path, text, name="synthetic-construct.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_article", str(path), stdout=out, stderr=err)
    except CommandError:
        return out.getvalue(), err.getvalue(), False
    return out.getvalue(), err.getvalue(), True


def _errors_of(text):
    with pytest.raises(FormatErrors) as caught:
        parse_article(text, "a.md")
    return caught.value.messages


def test_the_seed_file_round_trips_byte_for_byte():
    text = SEED_FIXTURE.read_text(encoding="utf-8")
    article, _ = article_import(data=parse_article(text)[0])
    assert _export(article.slug) == text


def test_a_generated_article_round_trips_byte_for_byte():
    text = dump_article(make_article_data(n_sections=12, slug="generated-one"))
    article, _ = article_import(data=parse_article(text)[0])
    assert _export(article.slug) == text


def test_the_json_endpoint_and_the_text_format_describe_the_same_article(client, seed_article):
    served = client.get("/articles/self-compassion.json").json()
    text = SEED_FIXTURE.read_text(encoding="utf-8")
    assert dump_article(served) == text


def test_importing_a_file_creates_then_leaves_unchanged_then_versions(tmp_path):
    out, _, ok = _import(tmp_path, VALID)
    assert ok and "created synthetic-construct (version 1.0)" in out
    out, _, ok = _import(tmp_path, VALID)
    assert ok and "unchanged synthetic-construct (version 1.0)" in out
    out, _, ok = _import(tmp_path, VALID.replace("A model-written sentence [LLM].", "A model-written sentence [1]."))
    assert ok and "updated synthetic-construct (version 1.1)" in out
    article = Article.objects.get(slug="synthetic-construct")
    assert [(v.major, v.minor) for v in article.versions.order_by("major", "minor")] == [(1, 0), (1, 1)]
    assert Unit.objects.filter(block__section__article=article, is_llm=True).count() == 0


def test_inline_markdown_renders_and_the_lead_is_sanitised(client, tmp_path):
    _import(tmp_path, VALID.replace("for *tests*.", "for *tests* <script>alert(1)</script>."))
    html = client.get("/articles/synthetic-construct/").content.decode()
    assert '<a href="https://example.org/x" rel="noopener noreferrer nofollow">a link</a>' in html
    assert "<em>tests</em>" in html and "<script>alert" not in html


@pytest.mark.parametrize(
    "change, expected",
    [
        (
            ("A model-written sentence [LLM].", "A sentence with no marker."),
            "a.md:18:1: “A sentence with no marker.” has no provenance marker",
        ),
        (
            ("A model-written sentence [LLM].", "Cited wrongly [4]."),
            "a.md:18:15: Cites source 4, which “## Sources” does not define.",
        ),
        (("[1]: T1 article", "[1]: T7 article"), "a.md:22:6: Unknown tier “T7”; use T1, T2 or T3."),
        (("[1]: T1 article", "[1]: T1 podcast"), "a.md:22:9: Unknown source kind “podcast”"),
        (("## What It Is\n", "## What It Is\n\n::: poem\nRoses [LLM].\n:::\n"), "a.md:17:5: Unknown block kind “poem”"),
        (
            ("    title: Synthetic trial\n", "    title: Synthetic trial\n\n[1]: T2 website\n    title: Again\n"),
            "a.md:25:2: Source 1 is defined twice (first on line 22).",
        ),
        (("title: Synthetic Construct\n", ""), "a.md:12:1: Missing required front-matter key “title”."),
        (
            (
                "## What It Is\n",
                "## What It Is\n\n| Goal | SMART objective (example) | Mechanism |\n"
                "| --- | --- | --- |\n| Only a goal | Mech [1] |\n",
            ),
            "a.md:19:1: A SMART row has three cells",
        ),
        (
            ("title: Synthetic Construct", "title: " + "T" * 201),
            "a.md:3:8: title is 201 characters; the limit is 200. Shorten it.",
        ),
        (("lead: A made-up", "colour: blue\nlead: A made-up"), "a.md:12:1: Unknown front-matter key “colour”"),
        (("generated: 2026-01-02", "generated: 02/01/2026"), "a.md:10:12: generated is a date written 2026-06-04."),
        (("## What It Is", "# What It Is"), "a.md:15:1: Sections start with “## ”"),
    ],
)
def test_each_error_names_file_line_column_and_the_fix(change, expected):
    old, new = change
    assert old in VALID
    messages = _errors_of(VALID.replace(old, new, 1))
    assert any(m.startswith(expected) for m in messages), messages


def test_every_error_in_a_file_is_reported_at_once():
    broken = (
        VALID.replace("[1]: T1 article", "[1]: T9 article")
        .replace("[LLM].", ".")
        .replace("slug: synthetic-construct", "slug: Not A Slug")
    )
    messages = _errors_of(broken)
    assert len(messages) == 3, messages


def test_an_unused_source_is_a_warning_not_an_error(tmp_path):
    text = VALID.replace(
        "    title: Synthetic trial\n", "    title: Synthetic trial\n\n[2]: T3 website\n    title: Never cited\n"
    )
    out, err, ok = _import(tmp_path, text)
    assert ok and "warning: " in err and "source 2 is never cited" in err


def test_a_broken_file_writes_nothing_and_the_batch_fails_but_imports_the_rest(tmp_path):
    good = tmp_path / "synthetic-construct.md"
    good.write_text(VALID, encoding="utf-8")
    bad = tmp_path / "bad.md"
    bad.write_text(
        VALID.replace("slug: synthetic-construct", "slug: other-one").replace("[LLM].", "."), encoding="utf-8"
    )
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 of 2 files failed"):
        call_command("import_article", str(bad), str(good), stdout=io.StringIO(), stderr=err)
    assert "bad.md:18:1:" in err.getvalue()
    assert list(Article.objects.values_list("slug", flat=True)) == ["synthetic-construct"]


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "the file is empty"),
        (b"   \n\n", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("---\nslug: caf\xe9\n".encode("latin-1"), "not UTF-8 text (byte 13 is invalid)"),
        (b"x" * (5 * 1024 * 1024 + 1), "the limit is 5,242,880"),
    ],
)
def test_unreadable_files_get_a_clear_message(tmp_path, content, message):
    path = tmp_path / "synthetic-construct.md"
    path.write_bytes(content)
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_article", str(path), stdout=io.StringIO(), stderr=err)
    assert message in err.getvalue()
    assert "Traceback" not in err.getvalue()


def test_a_file_cannot_take_over_another_articles_slug(tmp_path, seed_article):
    out, err, ok = _import(
        tmp_path, VALID.replace("slug: synthetic-construct", "slug: self-compassion"), name="my-draft.md"
    )
    assert not ok
    assert (
        "slug “self-compassion” is the existing article “Self-Compassion”" in err
        and "must be named self-compassion.md" in err
    )
    assert Article.objects.get(slug="self-compassion").title == "Self-Compassion"


def test_export_of_an_unknown_slug_is_a_clear_error():
    with pytest.raises(CommandError, match="No article has the slug “nope”"):
        call_command("export_article", "nope", stdout=io.StringIO())


# --- property: any article the model can hold survives export and import unchanged ---------------

_words = st.text(alphabet=string.ascii_letters + "éü’“”-,;()", min_size=1, max_size=12)
_sentence = st.lists(_words, min_size=1, max_size=8).map(" ".join).filter(lambda t: t == t.strip())
_provenance = st.one_of(st.just("llm"), st.lists(st.integers(1, 3), min_size=1, max_size=3, unique=True))
_end = st.sampled_from(["", ".", "?", "!"])


@st.composite
def _units(draw, kind):
    units = []
    for _ in range(draw(st.integers(1, 4))):
        unit = {}
        if kind == "key_terms":
            unit["term"] = draw(_sentence)
        if kind == "smart":
            unit["goal"] = draw(_sentence)
            unit["objective"] = draw(_sentence)
        unit.update(text=draw(_sentence), provenance=draw(_provenance), end=draw(_end))
        units.append(unit)
    return units


@st.composite
def _articles(draw):
    data = make_article_data(n_sections=0)
    sections = []
    for i in range(draw(st.integers(1, 4))):
        blocks = []
        for kind in draw(
            st.lists(
                st.sampled_from(["paragraph", "questions", "smart", "key_terms", "example", "framing"]),
                min_size=1,
                max_size=3,
            )
        ):
            blocks.append({"kind": kind, "units": draw(_units(kind))})
        sections.append({"heading": f"Heading {i} " + draw(_sentence), "blocks": blocks})
    data["sections"] = sections
    data["sections"][0]["blocks"].append({"kind": "video", "video": 3, "units": []})
    data["lead"] = draw(_sentence)
    return data


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=_articles())
def test_any_article_round_trips_through_the_format_and_the_database(data):
    """Every article the import accepts comes back byte for byte; what it refuses, the format could not carry."""
    try:
        article_import(data=copy.deepcopy(data))
    except ValidationError as error:
        assume(False)
        raise AssertionError("unreachable") from error
    Article.objects.filter(slug=data["slug"]).delete()
    text = dump_article(data)
    parsed, _ = parse_article(text)
    assert parsed == data
    article, _ = article_import(data=parsed)
    assert _export(article.slug) == text


def test_a_known_source_keeps_the_librarys_record_and_the_file_reads_unchanged(tmp_path, seed_article):
    wikipedia = (
        "    title: Self-compassion\n    container: Wikipedia\n    url: https://en.wikipedia.org/wiki/Self-compassion\n"
    )
    text = VALID.replace("[1]: T1 article\n    title: Synthetic trial\n", "[1]: T1 website\n" + wikipedia)
    out, err, ok = _import(tmp_path, text)
    assert ok and "created" in out
    assert "the library already holds “Self-compassion”; its tier differs from this file" in err
    out, _, ok = _import(tmp_path, text)
    assert ok and "unchanged synthetic-construct (version 1.0)" in out
    assert seed_article.numbered_sources.get(number=7).source.tier == "T3"


def test_see_also_to_a_missing_article_is_a_warning_and_not_a_change(tmp_path):
    text = VALID.replace("see-also:", "see-also: no-such-article")
    out, err, ok = _import(tmp_path, text)
    assert ok and "see-also “no-such-article” names no article" in err
    out, _, ok = _import(tmp_path, text)
    assert ok and "unchanged" in out


def test_a_higher_version_in_the_file_is_taken_even_without_other_changes(tmp_path):
    _import(tmp_path, VALID)
    out, _, ok = _import(tmp_path, VALID.replace("version: 1.0", "version: 2.0"))
    assert ok and "updated synthetic-construct (version 2.0)" in out


def test_a_sentence_may_begin_with_a_minus_sign_but_not_a_list_marker(tmp_path):
    out, _, ok = _import(
        tmp_path, VALID.replace("A model-written sentence [LLM].", "-5 °C is cold, synthetically [LLM].")
    )
    assert ok
    data = make_article_data()
    data["sections"][1]["blocks"][0]["units"][0]["text"] = "- looks like a list item"
    with pytest.raises(ValidationError, match="cannot begin with"):
        article_import(data=data)


@pytest.mark.parametrize(
    "old, new",
    [
        ("[1].", "[" + "9" * 5000 + "]."),  # more digits than Python turns into a number
        ("[1].", "[١]."),  # an Arabic-Indic one: no source number of this format
        ("\n[1]: ", "\n[" + "9" * 5000 + "]: "),
    ],
    ids=["marker", "other-digits", "source"],
)
def test_a_source_number_that_is_no_number_is_an_error_in_words(old, new):
    text = SEED_FIXTURE.read_text(encoding="utf-8")
    assert old in text
    messages = _errors_of(text.replace(old, new, 1))
    assert messages and all(message.startswith("a.md:") for message in messages)


def test_errors_about_two_headings_with_one_address_point_at_the_right_lines():
    text = SEED_FIXTURE.read_text(encoding="utf-8")
    head, rest = text.split("\n## ", 1)
    lines = (head + "\n## A b\n\n## a-b\n\n## A B\n\n## " + rest).split("\n")
    at = {line: n for n, line in enumerate(lines, 1) if line in ("## A b", "## a-b", "## A B")}
    messages = _errors_of("\n".join(lines))
    assert f"a.md:{at['## A b']}:1: The section “A b” is empty." in messages
    assert f"a.md:{at['## a-b']}:1: The section “a-b” is empty." in messages
    assert f"a.md:{at['## A B']}:4: A second heading “A B” (the first is on line {at['## A b']})." in messages
