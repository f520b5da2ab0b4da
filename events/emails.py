"""The text of every e-mail about a registration. The change it tells about puts the
message in core's outbox with only its subject and address (`queue`); the text is
rendered when the outbox delivers it (`render_queued`), outside the change's locks."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from core.mail import queue_email_to_render
from core.models import OutgoingEmail
from core.portals import regions_base_url, site_base_url

from . import links
from .calendar import calendar_for
from .models import EventEmail

Kind = EventEmail.Kind
RENDERER = "events"


def subject_for(email: EventEmail) -> str:
    name = email.registration.session.name
    subjects = {
        Kind.CONFIRM_ADDRESS: _("Confirm your registration for %(name)s"),
        Kind.CONFIRMED: _("You are registered for %(name)s"),
        Kind.WAITING: _("You are on the waiting list for %(name)s"),
        Kind.OFFERED: _("A seat is free for you at %(name)s"),
        Kind.PROMOTED: _("Good news: you have a seat at %(name)s"),
        Kind.CANCELLED: _("Your registration for %(name)s is cancelled"),
        Kind.REMINDER: _("Reminder: %(name)s is coming up"),
        Kind.EVALUATION: _("How was %(name)s?"),
    }
    if email.kind == Kind.MESSAGE:
        return email.subject
    return subjects[Kind(email.kind)] % {"name": name}


def portal_url(email: EventEmail) -> str:
    """The address of the portal the person registered through, for the links in the
    e-mail; for registrations made elsewhere (by an editor), a portal that shows the event."""
    if email.registration.portal:
        return site_base_url(email.registration.portal)
    event = email.registration.session.event
    return regions_base_url(event.regions.values_list("pk", flat=True) if event else [])


def build_message(email: EventEmail) -> EmailMultiAlternatives:
    registration = email.registration
    session = registration.session
    base_url = portal_url(email)
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "email": email,
            "kind": email.kind,
            "registration": registration,
            "session": session,
            "event": session.event,
            "base_url": base_url,
            "confirm_url": base_url
            + reverse("events:confirm", args=[links.make(registration, links.Kind.CONFIRM)]),
            "cancel_url": base_url
            + reverse("events:cancel_by_link", args=[links.make(registration, links.Kind.CANCEL)]),
            "offer_url": base_url
            + reverse("events:accept_offer", args=[links.make(registration, links.Kind.ACCEPT)]),
            "evaluation_url": base_url + reverse("events:evaluation", args=[registration.pk]),
            "feed_url": base_url + reverse("events:my_calendar"),
        }
        message = EmailMultiAlternatives(
            subject=subject_for(email),
            body=render_to_string("events/email/registration.txt", context),
            to=[registration.email],
        )
        message.attach_alternative(
            render_to_string("events/email/registration.html", context), "text/html"
        )
        if email.kind in (Kind.CONFIRMED, Kind.PROMOTED, Kind.REMINDER):
            ics = calendar_for([session], name=session.name, with_online_link=True)
            message.attach("uitnodiging.ics", ics, "text/calendar")
    return message


def queue(email: EventEmail) -> None:
    """Into core's outbox, in the caller's transaction; `email` is saved after this, linked
    to its outbox row, which is how render_queued finds it."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = subject_for(email)
    email.message = queue_email_to_render(
        renderer=RENDERER,
        kind=f"events.{email.kind}",
        recipients=[email.registration.email],
        subject=subject,
    )


def render_queued(message: OutgoingEmail) -> EmailMultiAlternatives | None:
    """The message of an outbox row `queue` wrote, as the registration is now; None when
    the registration is gone."""
    email = (
        EventEmail.objects.select_related("registration__session__event", "registration__portal")
        .filter(message=message)
        .first()
    )
    return build_message(email) if email else None
