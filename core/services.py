"""State changes of core's models that people make (the outbox's "send again")."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from .models import OutgoingEmail
from .tasks import deliver_email

SEND_AGAIN = "core.outbox.send_again"


class OutboxError(Exception):
    """A change that is not allowed; the message is translated for the person."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


@transaction.atomic
def send_again(*, email: OutgoingEmail, actor: User | AnonymousUser) -> OutgoingEmail:
    """Try a waiting or failed message at once, with a fresh round of retries."""
    if not actor.has_perm("core.change_outgoingemail"):
        raise OutboxError(_("Only editors can send e-mails again."))
    # Waits while a worker is sending it, so it is never sent twice.
    email = OutgoingEmail.objects.select_for_update().get(pk=email.pk)
    if email.sent_at is not None:
        raise OutboxError(_("This e-mail has been sent already."))
    email.attempts = 0
    email.next_attempt_at = timezone.now()
    email.save(update_fields=["attempts", "next_attempt_at"])
    log(instance=email, action=SEND_AGAIN, user=actor)
    transaction.on_commit(lambda: deliver_email.enqueue(email_id=email.pk))
    return email
