"""Bounces and complaints reported by the mail service, in Postmark's webhook format
(https://postmarkapp.com/developer/webhooks/bounce-webhook and spam-complaint-webhook):
one JSON object per event with "RecordType" ("Bounce" or "SpamComplaint"), "Type" (such
as "HardBounce", "SoftBounce", "SpamComplaint") and "Email". We suspend the address for a
hard bounce, a complaint, or a bounce Postmark itself deactivated the address for
("Inactive": true); a soft bounce (a full mailbox) is tried again by the next edition."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .services import suspend_address

# Postmark's bounce types that mean the address will not take mail.
HARD_TYPES = {"HardBounce", "BadEmailAddress", "SpamNotification", "ManuallyDeactivated"}


@dataclass(frozen=True)
class Outcome:
    email: str
    suspended: bool
    reason: str


def handle_event(payload: Any) -> Outcome:
    """One webhook event; ValueError when it is not a Postmark bounce or complaint."""
    if not isinstance(payload, dict) or not isinstance(payload.get("Email"), str):
        raise ValueError("expected a Postmark bounce or spam complaint with an Email")
    record_type = payload.get("RecordType")
    kind = str(payload.get("Type", ""))
    if record_type == "SpamComplaint" or kind == "SpamComplaint":
        reason = "complaint"
    elif record_type == "Bounce" and (kind in HARD_TYPES or payload.get("Inactive") is True):
        reason = f"bounce: {kind}"
    elif record_type == "Bounce":
        return Outcome(payload["Email"], False, f"ignored: {kind}")
    else:
        raise ValueError(f"unknown RecordType {record_type!r}")
    subscriber = suspend_address(email=payload["Email"], reason=reason)
    return Outcome(payload["Email"], subscriber is not None, reason)
