"""State changes of the news app: a visitor's message and the coordinator's answer."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import User
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Site

from core.mail import queue_email
from core.models import Region
from core.portals import site_base_url, site_path

from .models import CommunicationSettings, Message


@transaction.atomic
def send_message(
    *,
    kind: str,
    name: str,
    email: str,
    organisation: str,
    text: str,
    user: User | None,
    region: Region | None,
) -> Message:
    """Keep a visitor's message and e-mail it to the portal's coordinator (on commit)."""
    message = Message.objects.create(
        kind=kind,
        name=name,
        email=email,
        organisation=organisation,
        text=text,
        user=user,
        region=region,
    )
    # Not load(): that creates the row, and the forms' tests walk GETs that write nothing.
    found = CommunicationSettings.objects.first()
    coordinator = found.coordinator_email if found else ""
    if coordinator:
        with translation.override(settings.LANGUAGE_CODE):
            context = {"message": message, "admin_url": _admin_url(message)}
            queue_email(
                EmailMessage(
                    subject=_("%(kind)s from %(name)s")
                    % {"kind": message.get_kind_display(), "name": message.name},
                    body=render_to_string("news/email/message.txt", context),
                    to=[coordinator],
                    reply_to=[message.email],
                ),
                kind=f"news.{kind}",
            )
    return message


@transaction.atomic
def answer_message(*, message: Message, answer: str, editor: AbstractBaseUser) -> Message:
    """Save the coordinator's answer and e-mail it to the sender when it changed."""
    message = Message.objects.select_for_update().get(pk=message.pk)
    answer = answer.strip()
    if answer == message.answer:
        return message
    message.answer = answer
    message.answered_at = timezone.now() if answer else None
    message.save(update_fields=["answer", "answered_at"])
    if answer:
        with translation.override(settings.LANGUAGE_CODE):
            queue_email(
                EmailMessage(
                    subject=_("Answer to your message to Leren over armoede"),
                    body=render_to_string(
                        "news/email/answer.txt",
                        {"message": message, "portal_url": _portal_url(message) + site_path("/")},
                    ),
                    to=[message.email],
                ),
                kind="news.answer",
            )
    return message


def remove_expired_messages() -> int:
    """Remove messages older than NEWS_MESSAGE_RETENTION_DAYS; idempotent (periodic job)."""
    deleted, _rows = Message.objects.expired(days=settings.NEWS_MESSAGE_RETENTION_DAYS).delete()
    return deleted


def _portal_url(message: Message) -> str:
    site = (
        Site.objects.filter(root_page__portalhomepage__region=message.region).first()
        if message.region_id
        else None
    )
    return site_base_url(site)


def _admin_url(message: Message) -> str:
    return _portal_url(message) + reverse("news_messages:edit", args=[message.pk])


def personal_data(*, user: AbstractBaseUser, base_url: str) -> dict[str, object]:
    return {
        "messages": [
            {
                "kind": message.kind,
                "name": message.name,
                "email": message.email,
                "organisation": message.organisation,
                "text": message.text,
                "sent_at": message.created_at.isoformat(),
                "answer": message.answer,
                "answered_at": message.answered_at.isoformat() if message.answered_at else None,
            }
            for message in Message.objects.of_person(user)
        ]
    }


def prepare_removal(*, user: AbstractBaseUser) -> None:
    # Messages sent before logging in carry only the address; they go too.
    Message.objects.of_person(user).delete()
