"""Certificates under another port (`PORT=8100 make run`): the e-mail, the PDF with its QR
code and the Open Badge all point at the port the platform is served on."""

import io
import json
import re
from decimal import Decimal
from typing import Any

import jwt
import pytest
from django.core import mail
from django.urls import reverse
from pypdf import PdfReader
from wagtail.models import Site

from tracks.emails import queue_certificate_email
from tracks.models import Certificate

HOST: dict[str, Any] = {"HTTP_HOST": "groningen.localhost:8100"}
BASE_URL = "http://groningen.localhost:8100"
PORTAL = re.compile(r"^http://(groningen|drenthe)\.localhost:8100/")


@pytest.fixture(autouse=True)
def served_on_port_8100(settings, regions):
    Site.objects.update(port=8000)  # as the demo used to store it
    settings.PORTAL_BASE_URL = "http://{hostname}:8100"


@pytest.fixture
def certificate(cohort, participant):
    return Certificate.objects.create(
        user=participant,
        track=cohort.track,
        cohort=cohort,
        name="Sanne de Vries (voorbeeld)",
        track_title=cohort.track.title,
        dates=["2027-03-02"],
        study_load_hours=8,
        accreditation_points=Decimal(6),
    )


def pdf_text(content: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_certificate_email_and_its_pdf_link_to_the_served_port(
    certificate, django_capture_on_commit_callbacks
):
    # The outbox delivers after the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        queue_certificate_email(certificate)
    [message] = mail.outbox
    assert f"Je hebt deze leergang afgerond: {certificate.track_title}." in message.body
    assert "iedereen controleren of je certificaat echt is" in message.body
    links = re.findall(r"http://[^\s\"<>]+", str(message.body))
    assert links and all(PORTAL.match(link) for link in links), links
    _name, content, _type = message.attachments[0]
    # The address under the QR code; the QR code encodes the same string.
    assert re.search(r"http://(groningen|drenthe)\.localhost:8100/certificaat/", pdf_text(content))


def test_the_downloaded_pdf_points_to_the_served_port(client, certificate, participant):
    client.force_login(participant)
    response = client.get(reverse("tracks:certificate", args=[certificate.pk]), **HOST)
    assert f"{BASE_URL}/certificaat/{certificate.code}/" in pdf_text(response.content)


def test_the_badge_names_the_served_port(client, certificate):
    response = client.get(reverse("tracks:badge", args=[certificate.code]), **HOST)
    credential = json.loads(response.content)
    assert credential["id"] == f"{BASE_URL}/certificaat/{certificate.code}/badge.json"
    assert credential["issuer"]["id"] == f"{BASE_URL}/certificaat/uitgever.json"
    token = client.get(reverse("tracks:badge_jwt", args=[certificate.code]), **HOST).text
    assert jwt.get_unverified_header(token)["kid"] == f"{BASE_URL}/certificaat/sleutel.json"
    key = json.loads(client.get(reverse("tracks:badge_key"), **HOST).content)
    assert key["kid"] == f"{BASE_URL}/certificaat/sleutel.json"
