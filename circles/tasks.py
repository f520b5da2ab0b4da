"""The daily digest of a circle's news, into core's outbox. It says only *how much* is new
and links to the workspace: case text never leaves the platform."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from django_tasks import task

from .models import Case, Comment, Membership
from .services import portal_base_url, send_circle_mail


@task()
def send_daily_digests() -> int:
    """For members who chose a daily e-mail: how many cases and comments are new in their
    circle since their last digest (at most a day back). Idempotent: each membership
    remembers up to when it was told. Returns how many e-mails were sent."""
    now = timezone.now()
    day_ago = now - timedelta(days=1)
    sent = 0
    memberships = (
        Membership.objects.active()
        .filter(notifications=Membership.Notifications.DAILY, circle__status="active")
        .select_related("circle__municipality__region", "user")
    )
    with override("nl"):
        for membership in memberships:
            since = max(membership.digest_sent_at or day_ago, day_ago)
            circle = membership.circle
            new_cases = (
                Case.objects.filter(circle=circle, created_at__gt=since)
                .exclude(author=membership.user)
                .count()
            )
            new_comments = (
                Comment.objects.filter(case__circle=circle, created_at__gt=since)
                .exclude(author=membership.user)
                .count()
            )
            # The digest and the mark that it was made in one go: never twice, never lost.
            with transaction.atomic():
                if new_cases or new_comments:
                    send_circle_mail(
                        to=[membership.user.email],
                        subject=_("What is new in %(name)s") % {"name": circle.name},
                        template="digest",
                        context={
                            "circle": circle,
                            "new_cases": new_cases,
                            "new_comments": new_comments,
                            "url": portal_base_url(circle) + circle.get_absolute_url(),
                        },
                    )
                    sent += 1
                Membership.objects.filter(pk=membership.pk).update(digest_sent_at=now)
    return sent
