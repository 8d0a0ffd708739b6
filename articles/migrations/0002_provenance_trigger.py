"""On PostgreSQL, refuse at commit any unit that has no provenance, or both kinds, or cites another
article's source. A check constraint cannot see the citation table, so a deferred constraint trigger
does it; deferral lets a unit and its citations be written in either order within one transaction.
SQLite cannot defer triggers, so there model validation and the import service are the guard.
"""

from django.db import migrations

CREATE = """
CREATE FUNCTION articles_unit_check_provenance(check_unit_id bigint) RETURNS void AS $$
DECLARE
    unit_is_llm boolean;
    citation_count integer;
    foreign_count integer;
BEGIN
    SELECT is_llm INTO unit_is_llm FROM articles_unit WHERE id = check_unit_id;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    SELECT count(*) INTO citation_count FROM articles_citation WHERE unit_id = check_unit_id;
    IF unit_is_llm AND citation_count > 0 THEN
        RAISE EXCEPTION 'unit % is tagged LLM and also cites sources', check_unit_id USING ERRCODE = '23514';
    END IF;
    IF NOT unit_is_llm AND citation_count = 0 THEN
        RAISE EXCEPTION 'unit % has no provenance: cite a source or tag it LLM', check_unit_id
            USING ERRCODE = '23514';
    END IF;
    SELECT count(*) INTO foreign_count
    FROM articles_citation c
    JOIN articles_articlesource a ON a.id = c.article_source_id
    JOIN articles_unit u ON u.id = c.unit_id
    JOIN articles_block b ON b.id = u.block_id
    JOIN articles_section s ON s.id = b.section_id
    WHERE c.unit_id = check_unit_id AND a.article_id <> s.article_id;
    IF foreign_count > 0 THEN
        RAISE EXCEPTION 'unit % cites a source from another article''s list', check_unit_id USING ERRCODE = '23514';
    END IF;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION articles_provenance_trigger() RETURNS trigger AS $$
BEGIN
    IF TG_TABLE_NAME = 'articles_unit' THEN
        PERFORM articles_unit_check_provenance(NEW.id);
    ELSE
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
            PERFORM articles_unit_check_provenance(OLD.unit_id);
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
            PERFORM articles_unit_check_provenance(NEW.unit_id);
        END IF;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER articles_unit_provenance
    AFTER INSERT OR UPDATE ON articles_unit
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION articles_provenance_trigger();

CREATE CONSTRAINT TRIGGER articles_citation_provenance
    AFTER INSERT OR UPDATE OR DELETE ON articles_citation
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION articles_provenance_trigger();
"""

DROP = """
DROP TRIGGER IF EXISTS articles_citation_provenance ON articles_citation;
DROP TRIGGER IF EXISTS articles_unit_provenance ON articles_unit;
DROP FUNCTION IF EXISTS articles_provenance_trigger();
DROP FUNCTION IF EXISTS articles_unit_check_provenance(bigint);
"""


def _run_on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)  # None: the SQL's % signs are PL/pgSQL, not placeholders

    return run


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [migrations.RunPython(_run_on_postgresql(CREATE), _run_on_postgresql(DROP))]
