"""The database's own search machinery for the search tables: PostgreSQL or SQLite, whichever this is.

PostgreSQL: triggers fill the weighted tsvectors (title and key terms A, lead B, sentences C; English
stemming) and the title's own, GIN indexes serve the text search, and pg_trgm's GIN index serves "did you mean".
SQLite: FTS5 tables over the same columns (Porter stemming), kept in step by triggers.

A later migration that makes SQLite rebuild one of these tables (most ALTERs do) drops its triggers:
it must create them again.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

POSTGRES = [
    (
        """
        CREATE FUNCTION articles_searchdocument_vector() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          NEW.vector := setweight(to_tsvector('pg_catalog.english', coalesce(NEW.title, '')), 'A')
            || setweight(to_tsvector('pg_catalog.english', coalesce(NEW.key_terms, '')), 'A')
            || setweight(to_tsvector('pg_catalog.english', coalesce(NEW.lead, '')), 'B')
            || setweight(to_tsvector('pg_catalog.english', coalesce(NEW.body, '')), 'C');
          NEW.title_vector := to_tsvector('pg_catalog.english', coalesce(NEW.title, ''));
          RETURN NEW;
        END $$
        """,
        "DROP FUNCTION articles_searchdocument_vector()",
    ),
    (
        "CREATE TRIGGER articles_searchdocument_vector BEFORE INSERT OR UPDATE ON articles_searchdocument "
        "FOR EACH ROW EXECUTE FUNCTION articles_searchdocument_vector()",
        "DROP TRIGGER articles_searchdocument_vector ON articles_searchdocument",
    ),
    (
        """
        CREATE FUNCTION articles_searchsentence_vector() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          NEW.vector := to_tsvector('pg_catalog.english', coalesce(NEW.text, ''));
          RETURN NEW;
        END $$
        """,
        "DROP FUNCTION articles_searchsentence_vector()",
    ),
    (
        "CREATE TRIGGER articles_searchsentence_vector BEFORE INSERT OR UPDATE ON articles_searchsentence "
        "FOR EACH ROW EXECUTE FUNCTION articles_searchsentence_vector()",
        "DROP TRIGGER articles_searchsentence_vector ON articles_searchsentence",
    ),
    (
        "CREATE INDEX articles_searchdocument_vector_gin ON articles_searchdocument USING gin (vector)",
        "DROP INDEX articles_searchdocument_vector_gin",
    ),
    (
        "CREATE INDEX articles_searchsentence_vector_gin ON articles_searchsentence USING gin (vector)",
        "DROP INDEX articles_searchsentence_vector_gin",
    ),
    (
        "CREATE INDEX articles_searchterm_word_trgm ON articles_searchterm USING gin (word gin_trgm_ops)",
        "DROP INDEX articles_searchterm_word_trgm",
    ),
]

_TOKENIZE = "tokenize='porter unicode61 remove_diacritics 2'"
_DOC = "title, key_terms, lead, body"
_DOC_OLD = "old.title, old.key_terms, old.lead, old.body"
_DOC_NEW = "new.title, new.key_terms, new.lead, new.body"

SQLITE = [
    (
        f"CREATE VIRTUAL TABLE articles_searchdocument_fts USING fts5({_DOC}, "
        f"content='articles_searchdocument', content_rowid='article_id', {_TOKENIZE})",
        "DROP TABLE articles_searchdocument_fts",
    ),
    (
        "CREATE TRIGGER articles_searchdocument_ai AFTER INSERT ON articles_searchdocument BEGIN "
        f"INSERT INTO articles_searchdocument_fts(rowid, {_DOC}) VALUES (new.article_id, {_DOC_NEW}); END",
        "DROP TRIGGER articles_searchdocument_ai",
    ),
    (
        "CREATE TRIGGER articles_searchdocument_ad AFTER DELETE ON articles_searchdocument BEGIN "
        f"INSERT INTO articles_searchdocument_fts(articles_searchdocument_fts, rowid, {_DOC}) "
        f"VALUES ('delete', old.article_id, {_DOC_OLD}); END",
        "DROP TRIGGER articles_searchdocument_ad",
    ),
    (
        "CREATE TRIGGER articles_searchdocument_au AFTER UPDATE ON articles_searchdocument BEGIN "
        f"INSERT INTO articles_searchdocument_fts(articles_searchdocument_fts, rowid, {_DOC}) "
        f"VALUES ('delete', old.article_id, {_DOC_OLD}); "
        f"INSERT INTO articles_searchdocument_fts(rowid, {_DOC}) VALUES (new.article_id, {_DOC_NEW}); END",
        "DROP TRIGGER articles_searchdocument_au",
    ),
    (
        # The article's id is indexed too, so snippets search only the sentences of the hits on the page.
        "CREATE VIRTUAL TABLE articles_searchsentence_fts USING fts5(text, article_id, "
        f"content='articles_searchsentence', content_rowid='id', {_TOKENIZE})",
        "DROP TABLE articles_searchsentence_fts",
    ),
    (
        "CREATE TRIGGER articles_searchsentence_ai AFTER INSERT ON articles_searchsentence BEGIN "
        "INSERT INTO articles_searchsentence_fts(rowid, text, article_id) VALUES (new.id, new.text, new.article_id); "
        "END",
        "DROP TRIGGER articles_searchsentence_ai",
    ),
    (
        "CREATE TRIGGER articles_searchsentence_ad AFTER DELETE ON articles_searchsentence BEGIN "
        "INSERT INTO articles_searchsentence_fts(articles_searchsentence_fts, rowid, text, article_id) "
        "VALUES ('delete', old.id, old.text, old.article_id); END",
        "DROP TRIGGER articles_searchsentence_ad",
    ),
    (
        "CREATE TRIGGER articles_searchsentence_au AFTER UPDATE ON articles_searchsentence BEGIN "
        "INSERT INTO articles_searchsentence_fts(articles_searchsentence_fts, rowid, text, article_id) "
        "VALUES ('delete', old.id, old.text, old.article_id); "
        "INSERT INTO articles_searchsentence_fts(rowid, text, article_id) VALUES (new.id, new.text, new.article_id); "
        "END",
        "DROP TRIGGER articles_searchsentence_au",
    ),
]

STATEMENTS = {"postgresql": POSTGRES, "sqlite": SQLITE}


class PostgresTrigramExtension(TrigramExtension):
    """pg_trgm on PostgreSQL; nothing elsewhere, either way (Django's own asks PostgreSQL's catalogue when
    reversed, whatever the database)."""

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


def forwards(apps, schema_editor):
    for create, _ in STATEMENTS.get(schema_editor.connection.vendor, []):
        schema_editor.execute(create)


def backwards(apps, schema_editor):
    for _, drop in reversed(STATEMENTS.get(schema_editor.connection.vendor, [])):
        schema_editor.execute(drop)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0012_search_index"),
    ]

    operations = [
        PostgresTrigramExtension(),
        migrations.RunPython(forwards, backwards),
    ]
