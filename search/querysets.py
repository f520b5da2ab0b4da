from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Self

from django.db import connections, models

if TYPE_CHECKING:
    from core.models import Region

    from .models import SearchEntry  # noqa: F401 (the generic bases below name it)

# Every word of the query must be there. A title holding all of them ranks first; within
# each group the database's own ranking orders, where the title weighs most as well.
# Parameters: the full-text query, the region, then one LIKE pattern per stem.
RANKED_SQL = {
    "sqlite": """
        SELECT entry.id
        FROM search_searchentry_fts
        JOIN search_searchentry AS entry ON entry.id = search_searchentry_fts.rowid
        WHERE search_searchentry_fts MATCH %s
            AND (entry.in_all_regions OR EXISTS (
                SELECT 1 FROM search_searchentry_regions AS shown
                WHERE shown.searchentry_id = entry.id AND shown.region_id = %s
            ))
        ORDER BY {title_match} DESC, bm25(search_searchentry_fts, 10.0, 1.0), entry.id
    """,
    # A join rather than EXISTS: PostgreSQL estimates an EXISTS per row so costly that it
    # compiles the query (JIT) first, which takes longer than running it. At most one
    # region mark joins, as (entry, region) is unique.
    "postgresql": """
        SELECT entry.id
        FROM search_searchentry AS entry
        CROSS JOIN plainto_tsquery('simple', %s) AS query
        LEFT JOIN search_searchentry_regions AS shown
            ON shown.searchentry_id = entry.id AND shown.region_id = %s
        WHERE entry.search_vector @@ query
            AND (entry.in_all_regions OR shown.region_id IS NOT NULL)
        ORDER BY {title_match} DESC, ts_rank(entry.search_vector, query) DESC, entry.id
    """,
}


class SearchEntryQuerySet(models.QuerySet["SearchEntry"]):
    def for_display(self) -> Self:
        """With what a result shows, in one query."""
        return self.select_related("content_type")


class SearchEntryManager(models.Manager["SearchEntry"]):
    def get_queryset(self) -> SearchEntryQuerySet:
        return SearchEntryQuerySet(self.model, using=self._db)

    def for_display(self) -> SearchEntryQuerySet:
        return self.get_queryset().for_display()

    def ranked_ids(self, stems: Sequence[str], *, region: Region | None) -> list[int]:
        """Ids of the entries shown in region that hold every stem, best first, in one
        query. Stems come from search.text.query_stems."""
        if not stems:
            return []
        connection = connections[self.db]
        title_match = " AND ".join(["(' ' || entry.title_stems || ' ') LIKE %s"] * len(stems))
        sql = RANKED_SQL[connection.vendor].format(title_match=title_match)
        params = [_full_text_query(connection.vendor, stems), region.pk if region else None]
        # Stems are letters and digits only, so they hold no LIKE wildcard.
        params += [f"% {stem} %" for stem in stems]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [entry_id for (entry_id,) in cursor.fetchall()]


def _full_text_query(vendor: str, stems: Sequence[str]) -> str:
    if vendor == "sqlite":
        # Each stem a quoted FTS5 string, so no input is read as query syntax; a space
        # between strings means AND.
        return " ".join('"' + stem.replace('"', '""') + '"' for stem in stems)
    # plainto_tsquery reads plain words and joins them with AND.
    return " ".join(stems)
