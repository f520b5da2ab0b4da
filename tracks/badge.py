"""The certificate as an Open Badges 3.0 credential (an OpenBadgeCredential), plain and
signed as a VC-JWT (Open Badges 3.0, section 8.2).

Signing: a compact JWS whose payload is the credential itself plus the registered claims
`iss`, `jti` and `nbf`; the header names the key by `kid`, the address where the public
key is published as a JWK (`tracks:badge_key`). The key is `TRACKS_BADGE_SIGNING_KEY`
from the environment (a PEM private key, Ed25519 for EdDSA or RSA for RS256); production
refuses to start without it. Development and tests, where it is empty, sign with an
Ed25519 key derived from SECRET_KEY, so they need no set-up.
"""

from __future__ import annotations

import functools
from datetime import UTC, datetime
from typing import Any

import jwt
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from core.portals import site_path

from .models import Certificate

CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
ISSUER_NAME = "Leren over armoede (Alliantie van Kracht tegen Armoede, CMO STAMM)"


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def issuer_profile(*, base_url: str) -> dict[str, Any]:
    return {
        "@context": CONTEXT,
        "id": base_url + reverse("tracks:badge_issuer"),
        "type": ["Profile"],
        "name": ISSUER_NAME,
        "url": base_url + site_path("/"),
    }


def credential(certificate: Certificate, *, base_url: str, track_url: str = "") -> dict[str, Any]:
    """What the certificate says and nothing more (no e-mail address)."""
    verify_url = base_url + reverse("tracks:verify", args=[certificate.code])
    achievement: dict[str, Any] = {
        "id": track_url or f"{verify_url}#leergang",
        "type": ["Achievement"],
        "achievementType": "LearningProgram",
        "name": certificate.track_title,
        "description": _("A learning track of %(hours)s hours.")
        % {"hours": certificate.study_load_hours},
        "criteria": {
            "narrative": _(
                "Took part in the days of the track and did the preparation and practice "
                "assignments its completion rules ask for."
            )
        },
    }
    subject: dict[str, Any] = {
        "type": ["AchievementSubject"],
        "identifier": [
            {
                "type": "IdentityObject",
                "identityHash": certificate.name,
                "identityType": "name",
                "hashed": False,
            }
        ],
        "achievement": achievement,
    }
    if certificate.dates:
        subject["activityStartDate"] = certificate.dates[0]
        subject["activityEndDate"] = certificate.dates[-1]
    if certificate.accreditation_points is not None:
        achievement["creditsAvailable"] = float(certificate.accreditation_points)
        subject["creditsEarned"] = float(certificate.accreditation_points)
    return {
        "@context": CONTEXT,
        "id": base_url + reverse("tracks:badge", args=[certificate.code]),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": issuer_profile(base_url=base_url),
        "validFrom": _utc(certificate.issued_at),
        "name": certificate.track_title,
        "credentialSubject": subject,
    }


@functools.cache
def signing_key() -> Ed25519PrivateKey | RSAPrivateKey:
    pem = settings.TRACKS_BADGE_SIGNING_KEY
    if pem:
        key = serialization.load_pem_private_key(pem.encode(), password=None)
        if not isinstance(key, Ed25519PrivateKey | RSAPrivateKey):
            raise ValueError("TRACKS_BADGE_SIGNING_KEY must be an Ed25519 or RSA private key")
        return key
    seed = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"tracks.open-badges.signing-key"
    ).derive(settings.SECRET_KEY.encode())
    return Ed25519PrivateKey.from_private_bytes(seed)


def algorithm() -> str:
    return "EdDSA" if isinstance(signing_key(), Ed25519PrivateKey) else "RS256"


def public_jwk(*, base_url: str) -> dict[str, Any]:
    """The public key that checks the signatures, as a JWK."""
    public_key = signing_key().public_key()
    jwk_class = jwt.algorithms.get_default_algorithms()[algorithm()]
    jwk = jwk_class.to_jwk(public_key, as_dict=True)  # type: ignore[attr-defined]
    return {**jwk, "kid": key_id(base_url=base_url), "use": "sig", "alg": algorithm()}


def key_id(*, base_url: str) -> str:
    return base_url + reverse("tracks:badge_key")


def signed_credential(certificate: Certificate, *, base_url: str, track_url: str = "") -> str:
    """The credential as a VC-JWT."""
    claims = credential(certificate, base_url=base_url, track_url=track_url)
    claims.update(
        iss=claims["issuer"]["id"],
        jti=claims["id"],
        nbf=int(certificate.issued_at.timestamp()),
    )
    return jwt.encode(
        claims,
        signing_key(),  # type: ignore[arg-type]
        algorithm=algorithm(),
        headers={"kid": key_id(base_url=base_url), "typ": "JWT"},
    )
