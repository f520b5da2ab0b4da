"""Learning records as xAPI 1.0.3 statements: one shape for a person's download, for the
learning record store (learning.lrs) and for the anonymised export for research
(learning.research)."""

from __future__ import annotations

from typing import Any, Literal

from django.utils import translation

from .models import LearningRecord, Verb

# Who the actor is: "named" (the person's own download: their account and name),
# "account" (the learning record store: the account number on this platform, no name) or
# "anonymous" (research: nobody). xAPI needs an identifier for every actor, so a record
# whose person removed their account, or an anonymous one, names the account "anonymous".
ActorDetail = Literal["named", "account", "anonymous"]
ANONYMOUS = "anonymous"


def statement(
    record: LearningRecord, *, base_url: str, actor_detail: ActorDetail = "named"
) -> dict[str, Any]:
    """One statement. Its id is the record's (a UUID that never changes), so sending it again
    is harmless. Activities get a stable IRI on this platform, also after the page is gone."""
    actor: dict[str, Any] = {
        "objectType": "Agent",
        "account": {"homePage": base_url, "name": ANONYMOUS},
    }
    if record.actor_id is not None and actor_detail != "anonymous":
        actor["account"]["name"] = str(record.actor_id)
        if actor_detail == "named":
            actor["name"] = getattr(getattr(record.actor, "profile", None), "full_name", "")
    activity_type = f"{record.activity_type.app_label}.{record.activity_type.model}"
    result: dict[str, Any] = {}
    if record.completion is not None:
        result["completion"] = record.completion
    if record.score is not None:
        result["score"] = {"raw": float(record.score)}
    if record.duration_minutes is not None:
        result["duration"] = f"PT{record.duration_minutes}M"
    if record.progress is not None:
        result["extensions"] = {f"{base_url}/xapi/extensions/progress": float(record.progress)}
    context_extensions = {
        f"{base_url}/xapi/extensions/{name}": value
        for name, value in (
            ("role", record.role.name if record.role else None),
            ("organisation", record.organisation.name if record.organisation else None),
            *record.extensions.items(),
        )
        if value is not None
    }
    verb = Verb(record.verb)
    with translation.override("nl"):  # the display is marked nl-NL, whoever asks
        verb_display = str(verb.label)
    data: dict[str, Any] = {
        "id": str(record.id),
        "timestamp": record.timestamp.isoformat(),
        "actor": actor,
        "verb": {"id": verb.iri, "display": {"nl-NL": verb_display}},
        "object": {
            "objectType": "Activity",
            "id": f"{base_url}/xapi/activities/{activity_type}/{record.activity_id}",
            "definition": {"name": {"nl-NL": record.activity_name}},
        },
        "context": {"extensions": context_extensions},
    }
    if result:
        data["result"] = result
    return data


def statements_of(user: Any, *, base_url: str) -> list[dict[str, Any]]:
    records = (
        LearningRecord.objects.of(user)
        .select_related("actor__profile", "activity_type", "role", "organisation")
        .order_by("timestamp")
    )
    return [statement(record, base_url=base_url) for record in records]
