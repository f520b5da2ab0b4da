"""The certificate: its PDF (read back with pypdf), its unguessable code, the public check
that shows only name, track and date, the Open Badge and its signature, and who may
download the PDF."""

import io
import json
import re
from decimal import Decimal
from typing import Any

import jwt
import pytest
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from pypdf import PdfReader

from core.privacy import remove_person
from tracks.certificate import certificate_pdf, latin1
from tracks.models import Certificate, new_certificate_code

from .factories import make_user

HOST: dict[str, Any] = {"HTTP_HOST": "groningen.localhost"}
BASE_URL = "http://groningen.localhost"


@pytest.fixture
def certificate(cohort, participant):
    return Certificate.objects.create(
        user=participant,
        track=cohort.track,
        cohort=cohort,
        name="Sanne de Vries (voorbeeld)",
        track_title=cohort.track.title,
        dates=["2027-03-02", "2027-03-09", "2027-03-16"],
        study_load_hours=24,
        accreditation_register="Registerplein",
        accreditation_number="RP-123",
        accreditation_points=Decimal(18),
        organiser_name="CMO STAMM",
    )


def pdf_text(content: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_pdf_says_who_what_when_how_long_points_organiser_and_code(certificate):
    text = pdf_text(certificate_pdf(certificate, base_url=BASE_URL))
    # Correct Dutch word order: one sentence across the lines of the name and the title.
    words = " ".join(text.split())
    assert (
        "Dit certificaat is uitgereikt aan Sanne de Vries (voorbeeld) voor het afronden van "
        f"de leergang {certificate.track_title}"
    ) in words
    assert "Hierbij" not in words and "heeft de leergang afgerond" not in words
    issued = date_format(timezone.localtime(certificate.issued_at), "j F Y")
    assert "Datums" in words and f"Uitgereikt op {issued}" in words
    assert "Controleer of dit certificaat echt is" in words
    for expected in (
        "Sanne de Vries (voorbeeld)",
        certificate.track_title,
        "2 maart 2027, 9 maart 2027, 16 maart 2027",
        "24 uur",
        "18",
        "Registerplein",
        "RP-123",
        "CMO STAMM",
        certificate.display_code,
        f"{BASE_URL}/certificaat/{certificate.code}/",
    ):
        assert expected in text, expected


def test_pdf_without_accreditation_has_no_points(certificate):
    certificate.accreditation_points = None
    text = pdf_text(certificate_pdf(certificate, base_url=BASE_URL))
    assert "Accreditatiepunten" not in text
    assert "Registerplein" not in text


def test_pdf_takes_names_beyond_latin1(certificate):
    certificate.name = "Łukasz Nowak \u2013 Şahin"
    text = pdf_text(certificate_pdf(certificate, base_url=BASE_URL))
    assert "Lukasz Nowak - Sahin" in text
    assert latin1("„Goed” … €5") == '"Goed" ... EUR5'


def test_codes_are_long_random_and_unique():
    codes = {new_certificate_code() for _ in range(1000)}
    assert len(codes) == 1000
    for code in codes:
        assert re.fullmatch(r"[A-Z2-7]{24}", code)
    # 24 base32 characters carry 120 bits; every position takes many values.
    assert len(next(iter(codes))) * 5 >= 80
    assert all(len({code[i] for code in codes}) > 20 for i in range(24))


def test_the_database_refuses_a_short_code(certificate):
    certificate.pk = None
    certificate.code = "ABC123"
    certificate.user = None
    with pytest.raises(IntegrityError):
        certificate.save()


def test_verification_page_confirms_name_track_and_date_only(client, certificate):
    response = client.get(reverse("tracks:verify", args=[certificate.code]), **HOST)
    assert response.status_code == 200
    text = response.text
    assert "Dit certificaat is echt" in text
    assert certificate.name in text
    assert certificate.track_title in text
    for hidden in ("RP-123", "Registerplein", "24 uur", "maart", "sanne@example.org", "CMO STAMM"):
        assert hidden not in text.split("<main", 1)[1].split("</main>")[0], hidden
    assert response["X-Robots-Tag"] == "noindex"


def test_a_typed_code_with_dashes_and_lower_case_finds_the_certificate(client, certificate):
    typed = certificate.display_code.lower()
    response = client.get(reverse("tracks:verify_form"), {"code": typed}, follow=True, **HOST)
    assert response.redirect_chain[-1][0] == reverse("tracks:verify", args=[certificate.code])
    assert certificate.name in response.text


def test_unknown_code_is_a_plain_not_found(client, certificate):
    almost = certificate.code[:-1] + ("A" if certificate.code[-1] != "A" else "B")
    response = client.get(reverse("tracks:verify", args=[almost]), **HOST)
    assert response.status_code == 404
    assert "Certificaat niet gevonden" in response.text
    assert certificate.name not in response.text
    assert certificate.track_title not in response.text
    badge = client.get(reverse("tracks:badge", args=[almost]), **HOST)
    assert badge.status_code == 404


def test_open_badge_credential(client, certificate):
    response = client.get(reverse("tracks:badge", args=[certificate.code]), **HOST)
    credential = json.loads(response.content)
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json" in credential["@context"]
    subject = credential["credentialSubject"]
    assert subject["identifier"][0]["identityHash"] == certificate.name
    assert subject["achievement"]["name"] == certificate.track_title
    assert subject["creditsEarned"] == 18.0
    assert credential["issuer"]["id"] == f"{BASE_URL}/certificaat/uitgever.json"
    assert "email" not in json.dumps(credential)


def test_signed_badge_verifies_with_the_published_key(client, certificate):
    token = client.get(reverse("tracks:badge_jwt", args=[certificate.code]), **HOST).text
    header = jwt.get_unverified_header(token)
    assert header["alg"] == "EdDSA"
    assert header["kid"] == f"{BASE_URL}/certificaat/sleutel.json"
    key = jwt.PyJWK(json.loads(client.get(reverse("tracks:badge_key"), **HOST).content))
    claims = jwt.decode(token, key.key, algorithms=["EdDSA"])
    assert claims["iss"] == f"{BASE_URL}/certificaat/uitgever.json"
    assert claims["jti"] == f"{BASE_URL}/certificaat/{certificate.code}/badge.json"
    assert claims["credentialSubject"]["achievement"]["name"] == certificate.track_title
    head, _payload, signature = token.split(".")
    forged = jwt.utils.base64url_encode(
        json.dumps({**claims, "name": "Iets anders"}).encode()
    ).decode()
    with pytest.raises(jwt.InvalidSignatureError):
        jwt.decode(f"{head}.{forged}.{signature}", key.key, algorithms=["EdDSA"])


def test_only_the_owner_downloads_the_pdf(client, certificate):
    url = reverse("tracks:certificate", args=[certificate.pk])
    assert client.get(url, **HOST).status_code == 302  # to the log-in
    client.force_login(make_user("iemand-anders"))
    assert client.get(url, **HOST).status_code == 404
    client.force_login(certificate.user)
    response = client.get(url, **HOST)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert certificate.name in pdf_text(response.content)


def test_certificates_leave_with_the_account(client, certificate):
    other = Certificate.objects.create(
        user=make_user("ander"), name="Iemand anders", track_title="Leergang", study_load_hours=8
    )
    remove_person(user=certificate.user)
    assert list(Certificate.objects.all()) == [other]
    assert client.get(f"/certificaat/{certificate.code}/", **HOST).status_code == 404


def test_badges_are_not_for_search_engines(client, certificate):
    for name in ("tracks:badge", "tracks:badge_jwt"):
        response = client.get(reverse(name, args=[certificate.code]), **HOST)
        assert response.status_code == 200
        assert response["X-Robots-Tag"] == "noindex"
