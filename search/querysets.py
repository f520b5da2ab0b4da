from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Self

from django.db import connections, models

if TYPE_CHECKING:
    from core.models import Region

    from .models import SearchEntry  # noqa: F401 (the generic bases below name it)

# At most this many results are ranked and listed (50 pages of 20). A word that most
# entries hold would otherwise have every one of its tens of thousands of matches ranked,
# which takes longer than anything else on the page; nobody reads that far, and the page
# says there are more and suggests another word instead.
RESULT_LIMIT = 1000

# Every word of the query must be there. Entries whose title holds all of them come first;
# within each group the database's own ranking orders, where the title weighs most as
# well. Each group is ranked over at most RESULT_LIMIT + 1 matches, taken in the index's
# own order (the LIMIT in each subquery stops the scan), so a common word costs no more
# than a rare one. Whenever a group has fewer matches, all of them are ranked, and every
# title match is listed before any other match either way.
# Parameters: for each group its full-text query, the region and its limit; then the
# limit of the whole.
RANKED_SQL = {
    "sqlite": """
        SELECT id FROM (
            SELECT * FROM (
                SELECT entry.id, 0 AS body_only, bm25(search_searchentry_fts, 10.0, 1.0) AS score
                FROM search_searchentry_fts
                JOIN search_searchentry AS entry ON entry.id = search_searchentry_fts.rowid
                WHERE search_searchentry_fts MATCH %s AND {shown}
                LIMIT %s
            )
            UNION ALL
            SELECT * FROM (
                SELECT entry.id, 1 AS body_only, bm25(search_searchentry_fts, 10.0, 1.0) AS score
                FROM search_searchentry_fts
                JOIN search_searchentry AS entry ON entry.id = search_searchentry_fts.rowid
                WHERE search_searchentry_fts MATCH %s AND {shown}
                LIMIT %s
            )
        )
        ORDER BY body_only, score, id
        LIMIT %s
    """,
    # A join rather than EXISTS for the region: PostgreSQL estimates an EXISTS per row so
    # costly that it compiles the query (JIT) first, which takes longer than running it.
    # At most one region mark joins, as (entry, region) is unique. The titles have a GIN
    # index of their own (migration 0003), on this very expression.
    "postgresql": """
        SELECT id FROM (
            (
                SELECT entry.id, 0 AS body_only, ts_rank(entry.search_vector, query) AS score
                FROM search_searchentry AS entry
                CROSS JOIN plainto_tsquery('simple', %s) AS query
                LEFT JOIN search_searchentry_regions AS shown
                    ON shown.searchentry_id = entry.id AND shown.region_id = %s
                WHERE to_tsvector('simple'::regconfig, entry.title_stems) @@ query AND {shown}
                LIMIT %s
            )
            UNION ALL
            (
                SELECT entry.id, 1 AS body_only, ts_rank(entry.search_vector, query) AS score
                FROM search_searchentry AS entry
                CROSS JOIN plainto_tsquery('simple', %s) AS query
                LEFT JOIN search_searchentry_regions AS shown
                    ON shown.searchentry_id = entry.id AND shown.region_id = %s
                WHERE entry.search_vector @@ query
                    AND NOT to_tsvector('simple'::regconfig, entry.title_stems) @@ query
                    AND {shown}
                LIMIT %s
            )
        ) AS candidate
        ORDER BY body_only, score DESC, id
        LIMIT %s
    """,
}
SHOWN_IN_REGION = {
    "sqlite": """(entry.in_all_regions OR EXISTS (
        SELECT 1 FROM search_searchentry_regions AS shown
        WHERE shown.searchentry_id = entry.id AND shown.region_id = %s
    ))""",
    "postgresql": "(entry.in_all_regions OR shown.region_id IS NOT NULL)",
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

    def ranked_ids(
        self, stems: Sequence[str], *, region: Region | None, limit: int = RESULT_LIMIT
    ) -> list[int]:
        """Ids of the entries shown in region that hold every stem, best first, in one
        query: at most limit + 1, so the caller can tell there are more than limit.
        Stems come from search.text.query_stems."""
        if not stems:
            return []
        connection = connections[self.db]
        vendor = connection.vendor
        sql = RANKED_SQL[vendor].format(shown=SHOWN_IN_REGION[vendor])
        region_id = region.pk if region else None
        if vendor == "sqlite":
            title_query, body_query = _fts5_queries(stems)
        else:
            # plainto_tsquery reads plain words and joins them with AND; the SQL itself
            # tells the title group from the rest.
            title_query = body_query = " ".join(stems)
        params = [title_query, region_id, limit + 1, body_query, region_id, limit + 1, limit + 1]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [entry_id for (entry_id,) in cursor.fetchall()]


def _fts5_queries(stems: Sequence[str]) -> tuple[str, str]:
    """The FTS5 queries of the title group and of the rest. Each stem a quoted FTS5
    string, so no input is read as query syntax; a space between strings means AND. The
    title group's query also holds every stem anywhere, so its bm25 counts the words of
    the text as well (and the title's twice) rather than those of the title alone."""
    every = "(" + " ".join('"' + stem.replace('"', '""') + '"' for stem in stems) + ")"
    in_title = "{title_stems} : " + every
    return f"{every} AND {in_title}", f"{every} NOT {in_title}"
