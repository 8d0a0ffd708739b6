"""The evidence migrations undo and redo cleanly, on a database holding an article."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def _columns(table):
    with connection.cursor() as cursor:
        return {c.name for c in connection.introspection.get_table_description(cursor, table)}


@pytest.mark.django_db(transaction=True)
def test_the_evidence_migrations_reverse_and_reapply_keeping_the_article(client, seed_article):
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        call_command("migrate", "revisions", "0007_draft_updated_event", verbosity=0)
        call_command("migrate", "articles", "0007_stable_keys_required", verbosity=0)
        call_command("migrate", "sources", "0001_initial", verbosity=0)
        assert "status" not in _columns("sources_source") and "figures" not in _columns("articles_articlerendering")
        assert "articles_tierrule" not in connection.introspection.table_names()
    finally:
        for app, name in latest:
            call_command("migrate", app, name, verbosity=0)
    assert {"status", "isbn", "superseded_by_id"} <= _columns("sources_source")
    response = client.get(seed_article.get_absolute_url())
    assert response.status_code == 200 and "Evidence current through <strong>2023</strong>" in response.content.decode()
