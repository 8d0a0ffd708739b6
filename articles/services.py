"""Readers' votes: one upvote per browser, counted on the article row."""

import hashlib

from django.db import IntegrityError, transaction
from django.db.models import F

from .models import Article, Vote


def _voter_hash(voter_token):
    return hashlib.sha256(voter_token.encode()).hexdigest()


def article_upvote(*, article, voter_token):
    """Record one browser's upvote; return True if it counted, False if that browser already voted."""
    try:
        with transaction.atomic():
            Vote.objects.create(article=article, voter=_voter_hash(voter_token))
            Article.objects.filter(pk=article.pk).update(upvotes=F("upvotes") + 1)
    except IntegrityError:
        return False
    return True


def article_has_vote_from(*, article, voter_token):
    return Vote.objects.filter(article=article, voter=_voter_hash(voter_token)).exists()
