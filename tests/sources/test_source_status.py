"""A source's status reaches every sentence citing it: on the page, in the JSON, in each version, in the queue."""

import datetime
import re

import pytest
from django.db import IntegrityError, transaction

from articles.models import ArticleVersion
from revisions.models import SourceAlert
from sources.models import Source
from tests.factories import RETRACTION_NOTICE, make_article, make_article_data
from tests.factories import source_admin_post as admin_post
from tests.factories import source_retract as retract
from tests.html_units import units_in

pytestmark = pytest.mark.django_db


def citing_units(html, number):
    return [text for provenance, text in units_in(html) if str(number) in provenance.split()]


def flagged_units(html, status):
    return re.findall(
        rf'<[a-z]+ class="unit[^"]*" id="(u\d+)" data-provenance="[^"]*" data-source-status="[^"]*{status}', html
    )


def test_retracting_a_source_marks_every_sentence_citing_it_and_only_those(admin_client, client, seed_article):
    wikipedia = Source.objects.get(title="Self-compassion")
    assert retract(admin_client, wikipedia).status_code == 302
    html = client.get(seed_article.get_absolute_url()).content.decode()
    citing = citing_units(html, 7)
    assert len(citing) == 36  # 35 cite it alone, one key term with source 2 as well
    assert len(flagged_units(html, "retracted")) == len(citing)
    assert all("cites a retracted source" in text for text in citing)
    assert sum("cites a retracted source" in text for _, text in units_in(html)) == len(citing)
    # The notice at the top names the source, its date and how many sentences are marked.
    notice = html.split('class="evidence-notice"', 1)[1].split("</div>", 1)[0]
    assert "Source 7</a>, “Self-compassion”, was retracted on" in notice and "2026-01-05" in notice
    assert "36 sentences citing it are marked" in notice
    # The mark's words appear once per marked sentence and nowhere else, so counting them counts sentences.
    assert html.count("cites a retracted source") == len(citing)
    entry = html.split('id="source-7"', 1)[1].split("</li>", 1)[0]
    assert "Retracted" in entry and f'href="{RETRACTION_NOTICE}"' in entry


def test_the_correction_is_a_new_version_of_each_citing_article_saying_so(admin_client, client, seed_article):
    other = make_article()
    wikipedia = Source.objects.get(title="Self-compassion")
    retract(admin_client, wikipedia)
    version = ArticleVersion.objects.get(article=seed_article, major=1, minor=1)
    assert version.kind == "library"
    assert "status “Current” → “Retracted”" in version.summary
    assert not other.versions.filter(kind="library").exists()
    # The version keeps the status it was published with; the one before it reads as it was.
    assert (
        client.get(f"/articles/{seed_article.slug}/versions/1.1/").content.decode().count("cites a retracted source")
        >= 36
    )
    assert "cites a retracted source" not in client.get(f"/articles/{seed_article.slug}/versions/1.0/").content.decode()


def test_the_json_marks_each_citing_sentence(admin_client, client, seed_article):
    wikipedia = Source.objects.get(title="Self-compassion")
    retract(admin_client, wikipedia)
    data = client.get(f"/articles/{seed_article.slug}.json").json()
    units = [u for s in data["sections"] for b in s["blocks"] for u in b["units"]]
    marked = [u for u in units if "source_status" in u]
    assert len(marked) == sum(1 for u in units if u["provenance"] != "llm" and 7 in u["provenance"]) == 36
    assert marked[0]["source_status"] == [{"status": "retracted", "label": "cites a retracted source", "numbers": [7]}]
    source = next(s for s in data["sources"] if s["number"] == 7)
    assert (source["status"], source["retracted_on"], source["retraction_notice"]) == (
        "retracted",
        "2026-01-05",
        RETRACTION_NOTICE,
    )
    assert data["evidence"]["sentences_citing_retracted_sources"] == 36


def test_a_superseded_source_names_its_successor_and_marks_its_sentences(admin_client, client, seed_article):
    newer = Source.objects.create(title="A synthetic 2026 update", tier="T1", year=2026, url="https://example.org/new")
    muris = Source.objects.get(title__startswith="Deconstructing Self-Compassion")
    assert admin_post(admin_client, muris, status="superseded", superseded_by=newer.pk).status_code == 302
    html = client.get(seed_article.get_absolute_url()).content.decode()
    assert len(flagged_units(html, "superseded")) == len(citing_units(html, 5)) == 8
    entry = html.split('id="source-5"', 1)[1].split("</li>", 1)[0]
    assert 'Superseded</strong> by <a href="https://example.org/new"' in entry and "(2026)" in entry
    # Renaming the successor reaches the articles naming it.
    admin_post(admin_client, newer, title="A synthetic 2026 update, revised")
    html = client.get(seed_article.get_absolute_url()).content.decode()
    assert "A synthetic 2026 update, revised" in html.split('id="source-5"', 1)[1].split("</li>", 1)[0]


def test_a_source_that_stands_again_loses_its_marks(admin_client, client, seed_article):
    wikipedia = Source.objects.get(title="Self-compassion")
    retract(admin_client, wikipedia)
    wikipedia.refresh_from_db()
    admin_post(admin_client, wikipedia, status="current", retracted_on="", retraction_notice="")
    html = client.get(seed_article.get_absolute_url()).content.decode()
    assert "cites a retracted source" not in html and 'class="evidence-notice"' not in html


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"status": "retracted"}, "retracted_on"),
        ({"status": "retracted", "retracted_on": "2026-01-05"}, "retraction_notice"),
        ({"status": "superseded"}, "superseded_by"),
        ({"retracted_on": "2026-01-05", "retraction_notice": RETRACTION_NOTICE}, "retracted_on"),
        ({"status": "retracted", "retracted_on": "2999-01-01", "retraction_notice": RETRACTION_NOTICE}, "retracted_on"),
    ],
)
def test_an_incomplete_status_is_refused_with_a_message_and_nothing_changes(admin_client, seed_article, changes, field):
    wikipedia = Source.objects.get(title="Self-compassion")
    response = admin_post(admin_client, wikipedia, **changes)
    assert response.status_code == 200
    assert field in response.context["adminform"].form.errors
    wikipedia.refresh_from_db()
    assert wikipedia.status == "current" and seed_article.versions.count() == 1


def test_a_source_cannot_supersede_itself(admin_client, seed_article):
    wikipedia = Source.objects.get(title="Self-compassion")
    response = admin_post(admin_client, wikipedia, status="superseded", superseded_by=wikipedia.pk)
    assert response.status_code == 200 and "superseded_by" in response.context["adminform"].form.errors


@pytest.mark.parametrize(
    "fields",
    [
        {"status": "retracted"},
        {"status": "retracted", "retracted_on": datetime.date(2026, 1, 5)},
        {"status": "superseded"},
        {"status": "current", "retraction_notice": RETRACTION_NOTICE},
        {"status": "link_broken", "url": ""},
        {"status": "unknown"},
    ],
)
def test_the_database_refuses_an_inconsistent_status(fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        Source.objects.create(title="A synthetic source", tier="T2", **fields)


def test_the_database_refuses_a_source_superseding_itself():
    source = Source.objects.create(title="A synthetic source", tier="T2")
    with pytest.raises(IntegrityError), transaction.atomic():
        Source.objects.filter(pk=source.pk).update(status="superseded", superseded_by=source)


def test_a_withdrawn_source_does_not_count_towards_currency(admin_client, client):
    data = make_article_data()
    data["sources"][0]["year"] = 2024
    data["sources"][1]["year"] = 2019
    article = make_article(**{k: v for k, v in data.items() if k != "slug"}, slug=data["slug"])
    assert "Evidence current through <strong>2024</strong>" in client.get(article.get_absolute_url()).content.decode()
    trial = article.numbered_sources.get(number=1).source
    retract(admin_client, trial)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Evidence current through <strong>2019</strong>" in html and "no dated T1 source" in html


def test_re_saving_a_retracted_source_changes_nothing_readers_see(admin_client, seed_article):
    wikipedia = Source.objects.get(title="Self-compassion")
    retract(admin_client, wikipedia)
    wikipedia.refresh_from_db()
    admin_post(admin_client, wikipedia)
    assert seed_article.versions.count() == 2
    assert SourceAlert.objects.filter(article=seed_article).count() == 1


def test_the_json_of_a_marked_article_imports_back_unchanged(admin_client, client, seed_article, tmp_path):
    import io
    import json

    from django.core.management import call_command

    retract(admin_client, Source.objects.get(title="Self-compassion"))
    path = tmp_path / "self-compassion.json"
    path.write_text(json.dumps(client.get(f"/articles/{seed_article.slug}.json").json()), encoding="utf-8")
    out = io.StringIO()
    call_command("import_article", str(path), stdout=out, stderr=io.StringIO())
    assert "unchanged self-compassion" in out.getvalue()
    assert seed_article.versions.count() == 2
