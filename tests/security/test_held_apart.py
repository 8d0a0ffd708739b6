"""The held-apart vectors (html5sec.org's, BruteLogic's, and a Markdown link list), which were not read while
looking for defects, through the same surfaces as the tuning vectors: whether what holds for the vectors the
work was tuned on holds for others."""

import pytest

from tests.security.payloads import held_apart
from tests.security.test_article_surfaces import article_page_failures, draft_failures, search_echo_failures
from tests.security.test_reader_and_editor_surfaces import refused_form_failures

pytestmark = pytest.mark.django_db

HELD_APART = held_apart()


def test_the_held_apart_corpus_is_the_one_vendored():
    # 65 html5sec, 110 BruteLogic and 2 × 80 link vectors, less one holding a provenance marker ("[0]")
    assert len(HELD_APART) == 65 + 110 + 2 * 80 - 1


def test_held_apart_vectors_leave_every_article_page_inert(client):
    failures, _ = article_page_failures(client, HELD_APART)
    assert failures == {}


def test_held_apart_vectors_leave_the_draft_page_and_preview_inert(client):
    assert draft_failures(client, HELD_APART) == {}


def test_held_apart_vectors_as_search_terms_come_back_as_typed_and_inert(client):
    assert search_echo_failures(client, HELD_APART) == []


def test_held_apart_vectors_in_a_refused_suggestion_come_back_as_typed_and_inert(client, settings):
    settings.SUGGESTION_ATTEMPT_RATE_LIMITS = [(100_000, 3600)]
    assert refused_form_failures(client, HELD_APART) == []
