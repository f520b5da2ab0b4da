"""The full-text index over SearchEntry's stems, one kind per database.

SQLite: an FTS5 table that reads its text from search_searchentry (external content),
kept in step by triggers. PostgreSQL: a generated tsvector column, title weighted A and
body B, with a GIN index. The stems are Dutch already (search.text), so both index them
as they are: FTS5 with its plain tokenizer, PostgreSQL with the 'simple' configuration.
"""

from django.db import migrations

SQL = {
    "sqlite": (
        [
            """CREATE VIRTUAL TABLE search_searchentry_fts USING fts5(
                title_stems, body_stems,
                content='search_searchentry', content_rowid='id'
            )""",
            """CREATE TRIGGER search_searchentry_fts_insert AFTER INSERT ON search_searchentry
            BEGIN
                INSERT INTO search_searchentry_fts (rowid, title_stems, body_stems)
                VALUES (new.id, new.title_stems, new.body_stems);
            END""",
            """CREATE TRIGGER search_searchentry_fts_delete AFTER DELETE ON search_searchentry
            BEGIN
                INSERT INTO search_searchentry_fts
                    (search_searchentry_fts, rowid, title_stems, body_stems)
                VALUES ('delete', old.id, old.title_stems, old.body_stems);
            END""",
            """CREATE TRIGGER search_searchentry_fts_update AFTER UPDATE ON search_searchentry
            BEGIN
                INSERT INTO search_searchentry_fts
                    (search_searchentry_fts, rowid, title_stems, body_stems)
                VALUES ('delete', old.id, old.title_stems, old.body_stems);
                INSERT INTO search_searchentry_fts (rowid, title_stems, body_stems)
                VALUES (new.id, new.title_stems, new.body_stems);
            END""",
            # Rows written before this migration.
            "INSERT INTO search_searchentry_fts (search_searchentry_fts) VALUES ('rebuild')",
        ],
        [
            "DROP TRIGGER search_searchentry_fts_update",
            "DROP TRIGGER search_searchentry_fts_delete",
            "DROP TRIGGER search_searchentry_fts_insert",
            "DROP TABLE search_searchentry_fts",
        ],
    ),
    "postgresql": (
        [
            """ALTER TABLE search_searchentry ADD COLUMN search_vector tsvector
            GENERATED ALWAYS AS (
                setweight(to_tsvector('simple'::regconfig, title_stems), 'A')
                || setweight(to_tsvector('simple'::regconfig, body_stems), 'B')
            ) STORED""",
            # Kept in the row, so matching and ranking need not fetch it from the TOAST
            # table; the long body text moves there instead. Three times faster for a
            # word that most entries hold.
            "ALTER TABLE search_searchentry ALTER COLUMN search_vector SET STORAGE MAIN",
            "CREATE INDEX search_searchentry_vector ON search_searchentry USING gin (search_vector)",
        ],
        [
            "DROP INDEX search_searchentry_vector",
            "ALTER TABLE search_searchentry DROP COLUMN search_vector",
        ],
    ),
}


def create_index(apps, schema_editor):
    for statement in SQL[schema_editor.connection.vendor][0]:
        schema_editor.execute(statement)


def drop_index(apps, schema_editor):
    for statement in SQL[schema_editor.connection.vendor][1]:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index)]
