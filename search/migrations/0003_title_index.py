"""On PostgreSQL, a GIN index on the titles' tsvector alone, so the search finds the
entries whose title holds every word without reading the other matches (search.querysets).
SQLite's FTS5 table has the title as a column of its own and needs nothing new."""

from django.db import migrations

CREATE = """CREATE INDEX search_searchentry_title_vector ON search_searchentry
    USING gin (to_tsvector('simple'::regconfig, title_stems))"""
DROP = "DROP INDEX search_searchentry_title_vector"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_full_text_index")]

    operations = [migrations.RunPython(create_index, drop_index)]
