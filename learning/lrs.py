"""Every learning record also goes to a learning record store (LRS), when one is configured
(LRS_ENDPOINT, LRS_USERNAME, LRS_PASSWORD), as an xAPI 1.0.3 statement.

The record's service (learning.services) queues it in core's outbox in the transaction
that writes the record, so the statement exists exactly when the record does; the outbox
delivers it on commit and retries with back-off while the LRS is down. The outbox row
holds only the record's id: the statement is made at delivery by learning.xapi (the shape
of the personal data download, with the account number instead of the person's name), so
no name or e-mail address waits in our database for an LRS.

The statement id is the record's id, and it is sent with PUT /statements?statementId=…,
which an LRS answers with 204 for a statement it stores or already has: sending it again
after a time-out or crash stores nothing twice. A 409 means the LRS holds a different
statement under that id, e.g. sent before the person removed their account; it keeps
that one (statements are immutable in xAPI), and so do we.
"""

from __future__ import annotations

from typing import Any

import requests
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from core.models import OutgoingMessage
from core.outbox import queue_message
from core.portals import site_base_url

from .models import LearningRecord
from .xapi import statement

CHANNEL = "learning.lrs"
XAPI_VERSION = "1.0.3"


class LRSError(Exception):
    """The LRS did not take the statement; the outbox tries again later."""


def is_configured() -> bool:
    return bool(settings.LRS_ENDPOINT)


def queue_record(record: LearningRecord) -> None:
    """Called in the transaction that writes the record."""
    if is_configured():
        queue_message(channel=CHANNEL, key=str(record.id), payload={"record": str(record.id)})


QUEUE_BATCH = 2000


def queue_unsent_records() -> int:
    """Queue every record that has no message for the LRS yet (those written before it was
    configured), in batches of one transaction each; the worker and the clock deliver
    them. A record queued meanwhile by its own service is skipped by the unique key.
    Returns how many were queued."""
    known = set(OutgoingMessage.objects.filter(channel=CHANNEL).values_list("key", flat=True))
    records = LearningRecord.objects.order_by("timestamp", "pk").values_list("pk", flat=True)
    unsent = [str(pk) for pk in records.iterator(chunk_size=QUEUE_BATCH) if str(pk) not in known]
    for start in range(0, len(unsent), QUEUE_BATCH):
        with transaction.atomic():
            OutgoingMessage.objects.bulk_create(
                [
                    OutgoingMessage(
                        channel=CHANNEL,
                        key=key,
                        payload={"record": key},
                        next_attempt_at=timezone.now(),
                    )
                    for key in unsent[start : start + QUEUE_BATCH]
                ],
                ignore_conflicts=True,
            )
    return len(unsent)


def statement_for_lrs(record: LearningRecord) -> dict[str, Any]:
    return statement(record, base_url=site_base_url(None), actor_detail="account")


def deliver(payload: dict[str, Any]) -> None:
    """The outbox channel: PUT the record's statement; returns once the LRS has it."""
    record = (
        LearningRecord.objects.select_related("activity_type", "role", "organisation")
        .filter(pk=payload["record"])
        .first()
    )
    if record is None:
        return  # records are never deleted; nothing to tell if one were
    data = statement_for_lrs(record)
    try:
        response = requests.put(
            statements_url(),
            params={"statementId": data["id"]},
            json=data,
            auth=(settings.LRS_USERNAME, settings.LRS_PASSWORD),
            headers={"X-Experience-API-Version": XAPI_VERSION},
            timeout=settings.LRS_TIMEOUT,
        )
    except requests.RequestException as error:
        raise LRSError(f"LRS not reached: {error}") from error
    if response.status_code in (200, 204, 409):
        return
    raise LRSError(f"LRS answered {response.status_code}: {response.text[:200]}")


def statements_url() -> str:
    """The Statements resource under the endpoint, e.g. https://lrs.example.org/xAPI/."""
    if not is_configured():
        raise LRSError("LRS_ENDPOINT is not set")
    return str(settings.LRS_ENDPOINT).rstrip("/") + "/statements"
