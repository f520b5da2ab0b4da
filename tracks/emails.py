"""The e-mail that tells a participant their certificate is ready, with the PDF; into
core's outbox in the transaction that issues the certificate, so the message exists exactly
when the certificate does. The outbox keeps the PDF with the message until the mail server
has it."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from core.mail import queue_email
from core.models import portal_path

from .certificate import certificate_pdf, verification_url
from .models import Certificate
from .services import portal_base_url


def queue_certificate_email(certificate: Certificate) -> None:
    if certificate.user is None:  # the account is gone
        return
    base_url = portal_base_url(certificate.track)
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "certificate": certificate,
            "track_url": base_url + portal_path(certificate.track) if certificate.track else "",
            "download_url": base_url + reverse("tracks:certificate", args=[certificate.pk]),
            "verify_url": verification_url(certificate, base_url=base_url),
        }
        message = EmailMultiAlternatives(
            subject=_("Well done: your certificate for %(track)s")
            % {"track": certificate.track_title},
            body=render_to_string("tracks/email/certificate.txt", context),
            to=[certificate.user.email],
        )
        message.attach_alternative(
            render_to_string("tracks/email/certificate.html", context), "text/html"
        )
        message.attach(
            "certificaat.pdf", certificate_pdf(certificate, base_url=base_url), "application/pdf"
        )
    queue_email(message, kind="tracks.certificate")
