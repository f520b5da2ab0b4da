"""The newsletter's e-mails: confirming a subscription, and an edition. An edition is
rendered once per batch, with a placeholder for each subscriber's unsubscribe link."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Page

from core.models import Region
from core.portals import regions_base_url

from . import links
from .models import NewsletterEdition, Subscriber

UNSUBSCRIBE_PLACEHOLDER = "NEWSLETTER-UNSUBSCRIBE-URL"


def subscriber_base_url(subscriber: Subscriber) -> str:
    return regions_base_url(subscriber.regions.values_list("pk", flat=True))


def unsubscribe_url(subscriber: Subscriber, base_url: str) -> str:
    token = links.make(subscriber, links.Kind.UNSUBSCRIBE)
    return base_url + reverse("newsletter:unsubscribe", args=[token])


def _summary(page: Page) -> str:
    for name in ("summary", "intro", "search_description"):
        if text := getattr(page, name, ""):
            return str(text)
    return ""


def edition_context(edition: NewsletterEdition, *, region: Region | None = None) -> dict[str, Any]:
    """The sections of an edition with each chosen page's title, summary and address, the
    same for the e-mail, the preview and the archive."""
    sections = []
    for block in edition.body:
        if block.block_type == "text":
            sections.append({"text": block.value})
            continue
        pages = [page.specific for page in block.value["pages"] if page is not None and page.live]
        items = [
            {"title": page.title, "summary": _summary(page), "url": page.get_full_url()}
            for page in pages
        ]
        sections.append({"heading": block.value["heading"], "items": items})
    return {"edition": edition, "sections": sections}


def render_edition(edition: NewsletterEdition) -> tuple[str, str]:
    """The HTML and the plain text of an edition, with UNSUBSCRIBE_PLACEHOLDER."""
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            **edition_context(edition),
            "online_url": edition.get_full_url(),
            "archive_url": edition.get_parent().specific.get_full_url() + "archief/",
            "unsubscribe_url": UNSUBSCRIBE_PLACEHOLDER,
        }
        html = render_to_string("newsletter/email/edition.html", context)
        text = render_to_string("newsletter/email/edition.txt", context)
    return html, text


def edition_message(
    edition: NewsletterEdition,
    rendered: tuple[str, str],
    *,
    to: str,
    unsubscribe: str,
    subject_prefix: str = "",
) -> EmailMultiAlternatives:
    html, text = rendered
    message = EmailMultiAlternatives(
        subject=subject_prefix + edition.subject,
        body=text.replace(UNSUBSCRIBE_PLACEHOLDER, unsubscribe),
        to=[to],
        # RFC 8058: a mail program offers "unsubscribe" and POSTs to the link itself.
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Precedence": "bulk",
        },
    )
    message.attach_alternative(html.replace(UNSUBSCRIBE_PLACEHOLDER, unsubscribe), "text/html")
    return message


def confirm_message(subscriber: Subscriber, *, already_subscribed: bool) -> EmailMultiAlternatives:
    base_url = subscriber_base_url(subscriber)
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "subscriber": subscriber,
            "already_subscribed": already_subscribed,
            "confirm_url": base_url
            + reverse("newsletter:confirm", args=[links.make(subscriber, links.Kind.CONFIRM)]),
            "unsubscribe_url": unsubscribe_url(subscriber, base_url),
            "regions": list(subscriber.regions.all()),
        }
        subject = (
            _("You are already subscribed to the newsletter")
            if already_subscribed
            else _("Confirm your subscription to the newsletter")
        )
        message = EmailMultiAlternatives(
            subject=subject,
            body=render_to_string("newsletter/email/confirm.txt", context),
            to=[subscriber.email],
        )
        message.attach_alternative(
            render_to_string("newsletter/email/confirm.html", context), "text/html"
        )
    return message
