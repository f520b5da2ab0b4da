"""The platform's logging: JSON lines in production, readable lines in development, each
with the request id (django-guid: the proxy's X-Request-ID, or a new one per request, also
in the worker's lines of the tasks that request queued, see operations.tasks).

No personal data or case text goes into a log line. Our code logs ids and kinds, never
names, addresses or texts; SQL (with its parameters) is never logged, whatever LOG_LEVEL
says; and as a last net every message has e-mail addresses replaced by "[e-mail]", for
messages of libraries and exceptions that quote one (a refused recipient). The tests in
operations/tests/test_logs.py run the journeys and search the log for the people in them.

This module is imported by the settings: it must not import models.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from pythonjsonlogger.core import RESERVED_ATTRS

EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
REDACTED_EMAIL = "[e-mail]"


def redact(text: str) -> str:
    return EMAIL.sub(REDACTED_EMAIL, text)


class RedactEmailAddresses(logging.Filter):
    """Replaces e-mail addresses in the message, its arguments and its exception."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
            record.exc_info = None  # the formatter prints exc_text, the redacted copy
        record.msg, record.args = redact(message), None
        return True


def logging_config(*, log_format: str, level: str) -> dict[str, Any]:
    """The LOGGING setting: `log_format` "json" (one JSON object a line) or "text"."""
    if log_format not in ("json", "text"):
        raise ValueError(f"LOG_FORMAT must be 'json' or 'text', not {log_format!r}")
    formatters = {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            "timestamp": False,
            # Django adds the request object, whose text holds the query string (an
            # address typed into a form that uses GET); the request id says which request.
            "reserved_attrs": [*RESERVED_ATTRS, "request"],
        },
        "text": {
            "format": "%(asctime)s %(levelname)-7s [%(request_id)s] %(name)s: %(message)s",
        },
    }
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "request_id": {
                "()": "django_guid.log_filters.CorrelationId",
                "correlation_id_field": "request_id",
            },
            "redact": {"()": "operations.logs.RedactEmailAddresses"},
        },
        "formatters": {"platform": formatters[log_format]},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "platform",
                "filters": ["request_id", "redact"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # SQL with its parameters (names, addresses): never, whatever LOG_LEVEL says.
            "django.db.backends": {"level": "INFO"},
            # One line per request about the header: noise.
            "django_guid": {"level": "WARNING"},
        },
    }
