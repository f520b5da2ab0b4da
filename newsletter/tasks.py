from django.db import transaction
from django_tasks import task

from . import services
from .models import Delivery


@task()
def send_next_batch(sending_id: int) -> int:
    """One batch of an edition, then the next one as a new task, until all are queued."""
    count = services.send_batch(sending_id=sending_id)
    if count and Delivery.objects.filter(sending_id=sending_id).waiting().exists():
        transaction.on_commit(lambda: send_next_batch.enqueue(sending_id=sending_id))
    return count
