"""PostgreSQL only (SQLite's FTS5 table has the title as a column of its own already):

- a GIN index on the titles' tsvector alone, so the search finds the entries whose title
  holds every word without reading the other matches (search.querysets);
- both GIN indexes without "fast update". With it, new entries wait in a pending list that
  every search reads through in full until a vacuum merges it: after writing 100,000
  entries, that took 12 ms of a search that finds nothing, against 0.2 ms without. The
  index is written only when a page or term is published, so writing it at once costs
  little. Turning it off leaves the list as it is, so it is merged here.
"""

from django.db import migrations

FORWARD = [
    """CREATE INDEX search_searchentry_title_vector ON search_searchentry
    USING gin (to_tsvector('simple'::regconfig, title_stems)) WITH (fastupdate = off)""",
    "ALTER INDEX search_searchentry_vector SET (fastupdate = off)",
    "SELECT gin_clean_pending_list('search_searchentry_vector'::regclass)",
]
BACKWARD = [
    "ALTER INDEX search_searchentry_vector RESET (fastupdate)",
    "DROP INDEX search_searchentry_title_vector",
]


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in FORWARD:
            schema_editor.execute(statement)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0003_news_entries")]

    operations = [migrations.RunPython(create_index, drop_index)]
