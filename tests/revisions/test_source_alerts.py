"""System-raised queue items: an article citing a retracted or superseded source enters the editors' queue."""

import pytest
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction

from revisions.models import SourceAlert
from sources.models import Source
from tests.factories import RETRACTION_NOTICE, make_article, make_article_data, make_editor, make_suggestion
from tests.factories import source_admin_post as admin_post
from tests.factories import source_retract as retract

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return make_editor()


@pytest.fixture
def wikipedia(seed_article):
    return Source.objects.get(title="Self-compassion")


def test_a_retraction_raises_one_item_listing_the_citing_sentences_by_key(admin_client, client, editor, wikipedia):
    seed = wikipedia.articles.get()
    retract(admin_client, wikipedia)
    item = SourceAlert.objects.get()
    assert (item.article, item.source, item.source_status, item.state) == (seed, wikipedia, "retracted", "open")
    citing = sorted(seed.units.filter(citations__article_source__source=wikipedia).values_list("key", flat=True))
    assert sorted(item.unit_keys) == citing and len(citing) == 36
    client.force_login(editor)
    queue = client.get("/editors/queue/").content.decode()
    assert "Raised by the wiki" in queue and f'data-alert="{item.pk}"' in queue
    for label in item.key_labels:
        assert f'href="/articles/{seed.slug}/sentences/{label}/">{label}</a>' in queue
    detail = client.get(item.get_absolute_url()).content.decode()
    assert "cites a retracted source" in detail and detail.count("/sentences/u") == 36
    assert f"?article={seed.slug}" in detail  # start a draft from here


def test_saving_the_source_again_updates_the_item_instead_of_adding_one(admin_client, wikipedia):
    retract(admin_client, wikipedia)
    wikipedia.refresh_from_db()
    admin_post(admin_client, wikipedia, retraction_notice=RETRACTION_NOTICE + "-corrected")
    admin_post(admin_client, wikipedia.__class__.objects.get(pk=wikipedia.pk))
    assert SourceAlert.objects.count() == 1
    wikipedia.refresh_from_db()
    admin_post(
        admin_client,
        wikipedia,
        status="superseded",
        retracted_on="",
        retraction_notice="",
        superseded_by=Source.objects.exclude(pk=wikipedia.pk).first().pk,
    )
    item = SourceAlert.objects.get()
    assert item.source_status == "superseded" and item.state == "open"


def test_each_citing_article_gets_its_own_item(admin_client, seed_article):
    data = make_article_data()
    article = make_article(**{k: v for k, v in data.items() if k != "slug"}, slug=data["slug"])
    trial = article.numbered_sources.get(number=1).source
    retract(admin_client, trial)
    assert list(SourceAlert.objects.values_list("article__slug", flat=True)) == [article.slug]


def test_a_source_that_stands_again_resolves_its_items(admin_client, wikipedia):
    retract(admin_client, wikipedia)
    wikipedia.refresh_from_db()
    admin_post(admin_client, wikipedia, status="current", retracted_on="", retraction_notice="")
    item = SourceAlert.objects.get()
    assert item.state == "resolved" and "stands again" in item.resolution


def test_an_editor_resolves_an_item_with_a_note_and_it_leaves_the_queue(admin_client, client, editor, wikipedia):
    retract(admin_client, wikipedia)
    item = SourceAlert.objects.get()
    client.force_login(editor)
    response = client.post(f"/editors/queue/alerts/{item.pk}/resolve/", {"message": "Replaced in version 1.2."})
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.state, item.resolved_by, item.resolution) == ("resolved", editor, "Replaced in version 1.2.")
    assert f'data-alert="{item.pk}"' not in client.get("/editors/queue/").content.decode()
    client.post(f"/editors/queue/alerts/{item.pk}/resolve/", {"message": ""})
    item.refresh_from_db()
    assert item.resolution == "Replaced in version 1.2."
    # Retracting it again after a resolution raises a fresh item.
    wikipedia.refresh_from_db()
    admin_post(admin_client, wikipedia, status="current", retracted_on="", retraction_notice="")
    wikipedia.refresh_from_db()
    retract(admin_client, wikipedia)
    assert SourceAlert.objects.filter(state="open").count() == 1


def test_readers_suggestions_still_flow_beside_system_items(admin_client, client, editor, wikipedia):
    seed = wikipedia.articles.get()
    suggestion = make_suggestion(seed)
    retract(admin_client, wikipedia)
    client.force_login(editor)
    queue = client.get("/editors/queue/").content.decode()
    assert f"/editors/queue/{suggestion.pk}/" in queue and "Raised by the wiki" in queue
    assert client.get(f"/editors/queue/{suggestion.pk}/").status_code == 200


def test_items_are_for_editors_only(admin_client, client, wikipedia):
    retract(admin_client, wikipedia)
    item = SourceAlert.objects.get()
    response = client.get(item.get_absolute_url())
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(User.objects.create_user("outsider", password="not-a-real-password-1"))
    assert client.get(item.get_absolute_url()).status_code == 403
    assert client.post(f"/editors/queue/alerts/{item.pk}/resolve/").status_code == 403
    item.refresh_from_db()
    assert item.state == "open"


def test_the_database_allows_one_open_item_per_article_and_source(admin_client, wikipedia):
    retract(admin_client, wikipedia)
    item = SourceAlert.objects.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        SourceAlert.objects.create(article=item.article, source=wikipedia, source_status="retracted", unit_keys=[])
