"""Clinical review of published versions: recorded by editors, shown to readers, overdue ones flagged."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.models import ArticleVersion
from tests.factories import make_editor

pytestmark = pytest.mark.django_db

REVIEWER = {"reviewer": "Dr Alex Example", "credentials": "PhD, clinical psychologist"}


@pytest.fixture
def editor_client(db):
    """An editor's browser, apart from the reader's `client`."""
    from django.test import Client

    editor = Client()
    editor.force_login(make_editor())
    return editor


def _review(client, slug, **fields):
    today = timezone.localdate()
    data = {
        "version": "1.0",
        **REVIEWER,
        "reviewed_on": today.isoformat(),
        "next_review_due": (today + datetime.timedelta(days=365)).isoformat(),
        **fields,
    }
    return client.post(f"/editors/evidence/articles/{slug}/review/", data)


def _backdate(article, days):
    """Make the article's versions as old as `days`, so a review can be dated in the past."""
    ArticleVersion.objects.filter(article=article).update(published_at=timezone.now() - datetime.timedelta(days=days))


def test_a_recorded_review_shows_beside_the_generation_line_and_in_the_json(editor_client, seed_article):
    today = timezone.localdate()
    response = _review(editor_client, seed_article.slug)
    assert response.status_code == 302
    html = editor_client.get(seed_article.get_absolute_url()).content.decode()
    footer = html.split('class="provenance-footer"', 1)[1].split("</footer>", 1)[0]
    generation, review = footer.split('class="provenance-footer__review"', 1)
    assert "This article is AI-generated (model: claude-opus-4-8)" in generation
    assert (
        f"Clinically reviewed by Dr Alex Example, PhD, clinical psychologist on "
        f'<time datetime="{today:%Y-%m-%d}">{today:%Y-%m-%d}</time>' in review
    )
    assert f'next review due <time datetime="{today + datetime.timedelta(days=365):%Y-%m-%d}"' in review
    assert "overdue" not in review
    data = editor_client.get(f"/articles/{seed_article.slug}.json").json()
    assert data["clinical_review"] == {
        "version": "1.0",
        "reviewer": "Dr Alex Example",
        "credentials": "PhD, clinical psychologist",
        "reviewed_on": today.isoformat(),
        "next_review_due": (today + datetime.timedelta(days=365)).isoformat(),
    }


def test_an_unreviewed_article_says_so(client, seed_article):
    html = client.get(seed_article.get_absolute_url()).content.decode()
    assert "Not yet clinically reviewed" in html and "not yet clinically reviewed" in html


def test_an_overdue_review_shows_to_readers_and_editors(client, editor_client, seed_article):
    _backdate(seed_article, 800)
    today = timezone.localdate()
    response = _review(
        editor_client,
        seed_article.slug,
        reviewed_on=(today - datetime.timedelta(days=700)).isoformat(),
        next_review_due=(today - datetime.timedelta(days=335)).isoformat(),
    )
    assert response.status_code == 302
    html = client.get(seed_article.get_absolute_url()).content.decode()
    assert "Clinical review overdue</strong> since" in html
    assert "— <strong>overdue</strong>" in html
    dashboard = editor_client.get("/editors/evidence/").content.decode()
    assert "1 article overdue for clinical review." in dashboard
    row = dashboard.split(f'data-article="{seed_article.slug}"', 1)[1].split("</tr>", 1)[0]
    assert "overdue" in row.split('data-col="review_due"', 1)[1].split("</td>", 1)[0]
    assert "1 article overdue for clinical review" in editor_client.get("/editors/queue/").content.decode()


def test_a_review_of_an_earlier_version_says_later_changes_are_unreviewed(admin_client, editor_client, seed_article):
    from sources.models import Source
    from tests.factories import source_admin_post as admin_post

    _review(editor_client, seed_article.slug)
    wikipedia = Source.objects.get(title="Self-compassion")
    admin_post(admin_client, wikipedia, title="Self-compassion (encyclopaedia entry)")
    html = editor_client.get(seed_article.get_absolute_url()).content.decode()
    assert "(version 1.0; the changes since are not yet reviewed)" in html
    # The past version's own page shows its review; the new one has none of its own.
    assert (
        "Clinically reviewed by Dr Alex Example"
        in editor_client.get(f"/articles/{seed_article.slug}/versions/1.0/").content.decode()
    )
    assert (
        "Not yet clinically reviewed"
        in editor_client.get(f"/articles/{seed_article.slug}/versions/1.1/").content.decode()
    )


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"reviewed_on": "2999-01-01", "next_review_due": "2999-06-01"}, "cannot be dated in the future"),
        ({"reviewed_on": "2001-01-01", "next_review_due": "2002-01-01"}, "cannot have been reviewed before"),
        ({"next_review_due": "2000-01-01"}, "The next review falls after this one"),
        ({"reviewer": ""}, "This field is required"),
        ({"credentials": "x" * 201}, "at most 200 characters"),
        ({"version": "9.9"}, "Select a valid choice"),
    ],
)
def test_a_bad_review_is_refused_with_a_message_and_nothing_recorded(editor_client, seed_article, fields, message):
    response = _review(editor_client, seed_article.slug, **fields)
    assert response.status_code == 400 and message in response.content.decode()
    assert not ArticleVersion.objects.filter(reviewed_on__isnull=False).exists()
    seed_article.refresh_from_db()
    assert seed_article.reviewed_version_id is None


def test_only_editors_record_reviews(client, seed_article):
    assert _review(client, seed_article.slug).status_code == 302
    client.force_login(User.objects.create_user("outsider", password="not-a-real-password-1"))
    assert _review(client, seed_article.slug).status_code == 403
    assert not ArticleVersion.objects.filter(reviewed_on__isnull=False).exists()


def test_the_database_refuses_half_a_review(seed_article):
    version = seed_article.versions.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleVersion.objects.filter(pk=version.pk).update(reviewer="Dr Alex Example")
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleVersion.objects.filter(pk=version.pk).update(
            reviewer="Dr Alex Example",
            reviewer_credentials="PhD",
            reviewed_on=datetime.date(2026, 1, 2),
            next_review_due=datetime.date(2026, 1, 1),
        )


@pytest.mark.parametrize("scale", [1, 10])
def test_a_reviewed_article_page_still_costs_the_same_queries(
    client, editor_client, django_assert_max_num_queries, seed_article, scale
):
    from tests.factories import make_article

    article = seed_article if scale == 1 else make_article(n_sections=150, units_per_block=5)
    _review(editor_client, article.slug)
    client.post(f"/articles/{article.slug}/upvote/")
    client.get(article.get_absolute_url())
    with django_assert_max_num_queries(2):
        response = client.get(article.get_absolute_url())
    assert "Clinically reviewed by Dr Alex Example" in response.content.decode()
