"""Errors to a Sentry-compatible service (Sentry, GlitchTip, …) when SENTRY_DSN is set.

sentry-sdk is told to send no personal data (no user, cookies, headers with them, IP
address, SQL parameters), no request bodies (forms hold names and case texts) and no local
variables of the frames (they hold the same); `scrub` then drops the texts made at run time
(exception messages, log arguments, breadcrumbs) and replaces e-mail addresses in what is
left.
operations/tests/test_reporting.py sends a real error to a local receiver and searches
what arrives for the person.

This module is imported by the settings: it must not import models.
"""

from __future__ import annotations

from typing import Any

from .logs import redact

REMOVED = "[verwijderd]"
ALLOWED_HEADERS = ["host", "user-agent", "x-request-id", "accept", "content-type"]


def _scrub(value: Any) -> Any:
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {key: _scrub(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_scrub(item) for item in value]
    return value


def scrub(event: dict[str, Any], hint: dict[str, Any] | None = None) -> dict[str, Any]:
    """before_send and before_send_transaction: the event without personal data."""
    from django_guid import get_guid

    event.pop("user", None)
    if get_guid():
        event.setdefault("tags", {})["request_id"] = get_guid()
    request = event.get("request")
    if isinstance(request, dict):
        for key in ("data", "cookies", "query_string", "env"):
            if key in request:
                request[key] = REMOVED
        headers = request.get("headers") or {}
        request["headers"] = {
            name: value for name, value in headers.items() if name.lower() in ALLOWED_HEADERS
        }
    # Texts made at run time can name a person, which no pattern finds: the message of an
    # exception and a log message's arguments go; the type, the code location, the log
    # message's template and the request id (to find the log line) stay. So do breadcrumbs.
    for exception in (event.get("exception") or {}).get("values") or []:
        if exception.get("value"):
            exception["value"] = REMOVED
    logentry = event.get("logentry")
    if isinstance(logentry, dict):
        logentry.pop("params", None)
        logentry["formatted"] = logentry.get("message", "")
    event.pop("breadcrumbs", None)
    return _scrub(event)


def init_error_reporting(*, dsn: str, environment: str, release: str = "") -> None:
    """Starts sentry-sdk with its Django integration; called by the settings."""
    if not dsn:
        return
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    off: Any = {"mode": "off"}
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release or None,
        integrations=[DjangoIntegration()],
        # sentry-sdk 3's successor of send_default_pii=False, and stricter: no user, no
        # cookies, no bodies or query strings, no SQL parameters, no frame variables.
        data_collection={
            "user_info": False,
            "cookies": off,
            "http_bodies": [],
            "url_query_params": off,
            "database_query_data": False,
            "stack_frame_variables": False,
            "http_headers": {"request": {"mode": "allowlist", "terms": ALLOWED_HEADERS}},
        },
        max_request_body_size="never",
        traces_sample_rate=0.0,
        before_send=scrub,  # type: ignore[arg-type]
        max_breadcrumbs=0,
    )
