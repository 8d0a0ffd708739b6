"""Clinical reviews of published versions: who reviewed the text, when, and when it is due again."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from .models import Article, ArticleVersion
from .publishing import article_refresh


@transaction.atomic
def article_review_record(*, version, reviewer, credentials, reviewed_on, next_review_due, editor):
    """Record that a clinician reviewed a published version; the article page shows the latest review.

    Recording a review again for the same version replaces it. Raises ValidationError, writing nothing, for a
    review dated in the future or before the version existed, or one due again no later than it was done.
    """
    article = Article.objects.select_for_update().get(pk=version.article_id)
    version = ArticleVersion.objects.select_for_update().defer("data").get(pk=version.pk)
    errors = {}
    if reviewed_on > timezone.localdate():
        errors["reviewed_on"] = ValidationError("A review cannot be dated in the future.", code="review_in_future")
    elif reviewed_on < timezone.localdate(version.published_at):
        errors["reviewed_on"] = ValidationError(
            "Version %(version)s was published on %(published)s: it cannot have been reviewed before.",
            code="review_before_version",
            params={"version": version.version, "published": timezone.localdate(version.published_at)},
        )
    if next_review_due <= reviewed_on:
        errors["next_review_due"] = ValidationError(
            "The next review falls after this one.", code="next_review_not_later"
        )
    if errors:
        raise ValidationError(errors)
    version.reviewer = reviewer.strip()
    version.reviewer_credentials = credentials.strip()
    version.reviewed_on = reviewed_on
    version.next_review_due = next_review_due
    version.review_recorded_by = editor
    version.review_recorded_at = timezone.now()
    version.full_clean(exclude=["data", "article", "published_by", "suggestion_id"])
    version.save(
        update_fields=[
            "reviewer",
            "reviewer_credentials",
            "reviewed_on",
            "next_review_due",
            "review_recorded_by",
            "review_recorded_at",
        ]
    )
    latest = ArticleVersion.objects.filter(pk=article.reviewed_version_id).values_list("major", "minor").first()
    if latest is None or (version.major, version.minor) >= latest:
        Article.objects.filter(pk=article.pk).update(reviewed_version=version)
    # Pages show the review beside the generation line and in the JSON: render them afresh.
    article_refresh(article_ids=[article.pk])
    return version
