"""E-mail about news in a circle, through the task queue. The texts say only *that*
something is new and link to the workspace: case text never leaves the platform."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, override
from django_tasks import task

from .models import Circle, Membership
from .services import portal_base_url, send_circle_mail

SUBJECTS = {
    "case": gettext_noop("A new case in %(name)s"),
    "comment": gettext_noop("A new comment in %(name)s"),
}


@task()
def notify_members(*, circle_id: int, what: str, path: str, exclude_user_id: int) -> int:
    """One e-mail to each member who wants an e-mail per item; returns how many."""
    circle = Circle.objects.select_related("municipality__region").get(pk=circle_id)
    recipients = list(
        Membership.objects.active()
        .filter(circle=circle, notifications=Membership.Notifications.EACH)
        .exclude(user_id=exclude_user_id)
        .values_list("user__email", flat=True)
    )
    url = portal_base_url(circle) + path
    with override("nl"):
        for email in recipients:
            send_circle_mail(
                to=[email],
                subject=_(SUBJECTS[what]) % {"name": circle.name},
                template="news",
                context={"circle": circle, "what": what, "url": url},
            )
    return len(recipients)


@task()
def send_daily_digests() -> int:
    """For members who chose a daily e-mail: what is new in their circles in the last day.
    Run once a day (see README of circles); returns how many e-mails were sent."""
    since = timezone.now() - timedelta(days=1)
    circles = Circle.objects.active().annotate(
        new_cases=Count("cases", filter=Q(cases__created_at__gte=since), distinct=True),
        new_comments=Count(
            "cases__comments", filter=Q(cases__comments__created_at__gte=since), distinct=True
        ),
    )
    sent = 0
    with override("nl"):
        for circle in circles.select_related("municipality__region"):
            if not (circle.new_cases or circle.new_comments):  # type: ignore[attr-defined]
                continue
            recipients = Membership.objects.active().filter(
                circle=circle, notifications=Membership.Notifications.DAILY
            )
            for email in recipients.values_list("user__email", flat=True):
                send_circle_mail(
                    to=[email],
                    subject=_("What is new in %(name)s") % {"name": circle.name},
                    template="digest",
                    context={
                        "circle": circle,
                        "new_cases": circle.new_cases,  # type: ignore[attr-defined]
                        "new_comments": circle.new_comments,  # type: ignore[attr-defined]
                        "url": portal_base_url(circle) + circle.get_absolute_url(),
                    },
                )
                sent += 1
    return sent
