"""Personal access tokens: a person lets another system (an employer's HR system, a
quality register) read their own learning data through the API, read-only."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# A recognisable prefix, so a token that leaks into a log or a repository can be found.
TOKEN_PREFIX = "lov_"


def new_secret() -> str:
    """256 random bits; shown once, only its hash is kept."""
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def hash_secret(secret: str) -> str:
    # The secret is random and long, so a fast hash is enough: nobody can guess one to
    # test against it, and a slow one would cost every API request.
    return hashlib.sha256(secret.encode()).hexdigest()


class AccessTokenQuerySet(models.QuerySet["AccessToken"]):
    def of(self, user: object) -> AccessTokenQuerySet:
        """A person's own tokens; nobody sees another's."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(user=user)

    def active(self) -> AccessTokenQuerySet:
        return self.filter(revoked_at__isnull=True)

    def by_secret(self, secret: str) -> AccessTokenQuerySet:
        return self.active().filter(secret_hash=hash_secret(secret)).select_related("user")


class AccessToken(models.Model):
    class Scope(models.TextChoices):
        READ_OWN_LEARNING = (
            "read:learning",
            _("Read your route, registrations, certificates and learning records"),
        )

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="access_tokens",
        verbose_name=_("person"),
    )
    name = models.CharField(
        _("name"), max_length=80, help_text=_("What the token is for, e.g. 'HR-systeem'.")
    )
    scope = models.CharField(
        _("scope"), max_length=40, choices=Scope.choices, default=Scope.READ_OWN_LEARNING
    )
    secret_hash = models.CharField(max_length=64, unique=True)
    # The first characters, so the person can tell tokens apart.
    hint = models.CharField(max_length=12)
    created_at = models.DateTimeField(_("made at"), default=timezone.now)
    last_used_on = models.DateField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = AccessTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("personal access token")
        verbose_name_plural = _("personal access tokens")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
