"""The search migrations undo and redo cleanly, and render_articles indexes what was published before them."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


@pytest.mark.django_db(transaction=True)
def test_the_search_migrations_reverse_and_reapply_then_render_articles_indexes(client, seed_article):
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        call_command("migrate", "articles", "0011_listing_figures", verbosity=0)
        tables = connection.introspection.table_names()
        assert not [t for t in tables if t.startswith("articles_search")]
    finally:
        for app, name in latest:
            call_command("migrate", app, name, verbosity=0)
    assert "No article matches" in client.get("/search/", {"q": "caregiver burnout"}).content.decode()
    call_command("render_articles", verbosity=0)
    body = client.get("/search/", {"q": "caregiver burnout"}).content.decode()
    assert "1 article matches." in body and "<mark>" in body
