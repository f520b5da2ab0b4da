"""The profile of a professional: who they are, where they work and how they like to learn."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.models import LearningForm, Municipality, Organisation, Role


class ProfileQuerySet(models.QuerySet["Profile"]):
    def visible_to(self, user: Any) -> ProfileQuerySet:
        """Only a person's own profile; nobody sees another's through the site."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(user=user).select_related("role", "organisation", "municipality")

    def with_other_organisation(self) -> ProfileQuerySet:
        """Profiles whose organisation is not in the list yet, for editors to merge."""
        return self.exclude(other_organisation="").select_related("user")


class Profile(models.Model):
    """Made when the person finishes the onboarding after signing up."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="profile",
        verbose_name=_("user"),
    )
    full_name = models.CharField(_("full name"), max_length=150)
    role = models.ForeignKey(
        Role,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="profiles",
        verbose_name=_("role"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="profiles",
        verbose_name=_("organisation"),
    )
    other_organisation = models.CharField(
        _("other organisation"),
        max_length=200,
        blank=True,
        help_text=_("Filled in when the organisation is not in the list yet."),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="profiles",
        verbose_name=_("municipality"),
    )
    learning_forms = models.ManyToManyField(
        LearningForm,
        blank=True,
        related_name="profiles",
        verbose_name=_("preferred learning forms"),
    )
    has_newsletter_consent = models.BooleanField(_("wants the newsletter"), default=False)
    has_report_consent = models.BooleanField(
        _("progress may be used in anonymous reports"), default=False
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")
        ordering = ["full_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(organisation__isnull=True) | Q(other_organisation=""),
                name="profile_one_organisation",
                violation_error_message=_("Choose an organisation or name another, not both."),
            )
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def organisation_name(self) -> str:
        return self.organisation.name if self.organisation else self.other_organisation
