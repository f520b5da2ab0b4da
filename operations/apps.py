from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    name = "operations"
    verbose_name = _("Operations")

    def ready(self) -> None:
        from django_tasks.signals import log_task_started, task_finished, task_started

        from .tasks import forget_request_id, take_request_id

        # A worker logs each task's lines with the request id of the request that queued it.
        # Receivers run in the order they were connected: django-tasks' own "state=RUNNING"
        # line goes after ours, so it carries the id too.
        task_started.disconnect(log_task_started)
        task_started.connect(take_request_id, dispatch_uid="operations-task-request-id")
        task_started.connect(log_task_started)
        task_finished.connect(forget_request_id, dispatch_uid="operations-task-request-id")
