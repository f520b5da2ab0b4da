"""The request id travels with the tasks a request queues.

django-guid keeps the id of the current request (the proxy's X-Request-ID, or a new one) in
a context variable that every log line carries. The database task backend below writes it
beside the task's arguments in the queued row (an extra key of `args_kwargs`, which
django-tasks ignores), and when a worker starts the task it takes the id back, so the
worker's log lines of that task carry the id of the request that caused them. The
immediate backend of the tests runs the task inside the request, with the id already set.
"""

from __future__ import annotations

from typing import Any

from django_guid import clear_guid, get_guid, set_guid
from django_tasks import TaskResult
from django_tasks.utils import normalize_json
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

REQUEST_ID_KEY = "request_id"


class RequestIdDatabaseBackend(DatabaseBackend):
    """django-tasks-db's backend, with the current request id stored in each queued row."""

    def _task_to_db_task(self, task: Any, args: Any, kwargs: Any) -> DBTaskResult:
        # As django-tasks-db's own method (0.x), plus the request id; only synchronous
        # enqueue is used here. operations/tests/test_logs.py fails when the library changes.
        stored: dict[str, Any] = {"args": args, "kwargs": kwargs}
        request_id = get_guid()
        if request_id:
            stored[REQUEST_ID_KEY] = request_id
        return DBTaskResult.objects.create(
            id=self._get_id(),
            args_kwargs=normalize_json(stored),
            priority=task.priority,
            task_path=task.module_path,
            queue_name=task.queue_name,
            run_after=task.run_after,
            backend_name=self.alias,
        )


def take_request_id(sender: object, task_result: TaskResult, **kwargs: Any) -> None:
    """task_started: the worker logs the task with the id of the request that queued it."""
    if not _ours(sender):
        return
    stored = (
        DBTaskResult.objects.filter(id=task_result.id).values_list("args_kwargs", flat=True).first()
    )
    request_id = (stored or {}).get(REQUEST_ID_KEY)
    if request_id:
        set_guid(request_id)
    else:
        clear_guid()


def forget_request_id(sender: object, task_result: TaskResult, **kwargs: Any) -> None:
    if _ours(sender):
        clear_guid()


def _ours(sender: object) -> bool:
    # django-tasks sends the backend's class on enqueue, but the worker sends an instance.
    kind = sender if isinstance(sender, type) else type(sender)
    return issubclass(kind, RequestIdDatabaseBackend)
