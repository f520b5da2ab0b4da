"""The anonymised export of learning records for research, as xAPI statements.

Each record becomes the statement of learning.xapi with an anonymous actor, and without
what could lead back to a person:
- no statement id (the record's id is the statement id in the LRS and the person's own
  download), no account, name or e-mail address;
- the moment only as its day (the exact minute of an attendance or a completion is known
  to colleagues and trainers);
- none of the record's own extensions (they hold session and certificate numbers) and no
  organisation; only role, sector and municipality (the last two of the organisation the
  person worked for then), each kept only where at least K people share it, and the three
  together only where at least K people share the combination (k-anonymity); else blank.

A removed person's records have no actor any more; all of them count as one person, so
that the count never claims more people than there were.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from django.utils import timezone

from .models import LearningRecord
from .xapi import statement

K = 5
REMOVED_PEOPLE = "removed"  # stands for every person whose account is gone
ATTRIBUTES = ("role", "sector", "municipality")

Combination = tuple[int | None, int | None, int | None]  # role, sector, municipality ids


def _records() -> Any:
    return LearningRecord.objects.order_by("timestamp", "pk")


def kept_combinations(rows: Iterable[tuple[object, Combination]]) -> dict[Combination, Combination]:
    """For each combination of (role, sector, municipality) in `rows` of (person,
    combination), what may be published: each value only where at least K people share it,
    then the combination only where at least K people share it, leaving out municipality,
    then sector, then role until they do."""
    rows = list(rows)
    people_with: list[dict[int | None, set[object]]] = [defaultdict(set) for _ in ATTRIBUTES]
    for person, combination in rows:
        for position, value in enumerate(combination):
            people_with[position][value].add(person)

    def common(position: int, value: int | None) -> int | None:
        return value if len(people_with[position][value]) >= K else None

    kept = {
        combination: (
            common(0, combination[0]),
            common(1, combination[1]),
            common(2, combination[2]),
        )
        for _person, combination in rows
    }
    # Blank the last attribute still kept in combinations fewer than K people share, and
    # count again: the blanked groups merge with others and may reach K together.
    for position in reversed(range(len(ATTRIBUTES))):
        people_in: dict[Combination, set[object]] = defaultdict(set)
        for person, combination in rows:
            people_in[kept[combination]].add(person)
        for original, published in kept.items():
            if len(people_in[published]) < K:
                kept[original] = (*published[:position], *(None,) * (3 - position))  # type: ignore[assignment]
    return kept


def anonymised_statements(*, base_url: str) -> Iterator[dict[str, Any]]:
    """Every learning record as an anonymised statement, oldest first. Two queries: one to
    count who shares what, one that streams the records."""
    rows = _records().values_list(
        "actor_id", "role_id", "organisation__sector_id", "organisation__municipality_id"
    )
    kept = kept_combinations(
        (REMOVED_PEOPLE if actor is None else actor, (role, sector, municipality))
        for actor, role, sector, municipality in rows
    )
    records = _records().select_related(
        "activity_type", "role", "organisation__sector", "organisation__municipality"
    )
    extension = f"{base_url}/xapi/extensions/"
    for record in records.iterator(chunk_size=2000):
        organisation = record.organisation
        role, sector, municipality = kept[
            (
                record.role_id,
                organisation.sector_id if organisation else None,
                organisation.municipality_id if organisation else None,
            )
        ]
        data = statement(record, base_url=base_url, actor_detail="anonymous")
        del data["id"]
        day = timezone.localtime(record.timestamp).replace(
            hour=0, minute=0, second=0, microsecond=0
        )
        data["timestamp"] = day.isoformat()
        data["context"] = {
            "extensions": {
                f"{extension}role": record.role.name if role and record.role else "",
                f"{extension}sector": organisation.sector.name  # type: ignore[union-attr]
                if sector
                else "",
                f"{extension}municipality": organisation.municipality.name  # type: ignore[union-attr]
                if municipality
                else "",
            }
        }
        yield data


def json_lines(*, base_url: str) -> Iterator[str]:
    """The export as JSON lines: one statement per line."""
    for data in anonymised_statements(base_url=base_url):
        yield json.dumps(data, ensure_ascii=False) + "\n"
