"""The newsletter in /beheer/ (sending an edition), its periodic job, the person's data,
and the consent of the profile (accounts' hook `profile_saved`)."""

from datetime import timedelta
from typing import Any

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button

from core.periodic import PeriodicJob
from core.privacy import Holding, PersonalData, Removal

from . import services
from .admin_views import EditionSendingView
from .models import NewsletterEdition


@hooks.register("register_admin_urls")
def register_sending_url() -> list:
    return [
        path(
            "nieuwsbrief/<int:page_id>/versturen/",
            EditionSendingView.as_view(),
            name="newsletter_sending",
        )
    ]


@hooks.register("register_page_listing_more_buttons")
def edition_buttons(page: Any, user: Any, next_url: str | None = None) -> list[Button]:
    if not isinstance(page.specific_deferred, NewsletterEdition):
        return []
    return [
        Button(
            _("Send"),
            reverse("newsletter_sending", args=[page.pk]),
            icon_name="mail",
            priority=10,
        )
    ]


@hooks.register("register_page_header_buttons")
def edition_header_buttons(
    page: Any, user: Any, view_name: str, next_url: str | None = None
) -> list[Button]:
    return edition_buttons(page, user, next_url)


@hooks.register("periodic_jobs")
def periodic_jobs() -> list[PeriodicJob]:
    return [PeriodicJob("newsletter-sendings", timedelta(minutes=1), services.continue_sendings)]


@hooks.register("profile_saved")
def follow_profile_consent(*, profile: Any) -> None:
    from accounts.forms import ProfileForm

    region = profile.municipality.region if profile.municipality else None
    field = ProfileForm.base_fields["has_newsletter_consent"]
    services.follow_profile_consent(
        user=profile.user,
        wants_newsletter=profile.has_newsletter_consent,
        regions=[region] if region else [],
        roles=[profile.role] if profile.role else [],
        consent_text=f"{field.label} ({field.help_text})",
    )


@hooks.register("personal_data")
def personal_data() -> list[PersonalData]:
    """The subscription goes with the person, also one made with their address without
    the account; which editions they got is in the download as a count."""
    return [
        PersonalData(
            export=services.personal_data,
            prepare_removal=services.remove_subscriptions,
            holdings=[
                Holding(
                    relation="newsletter.Subscriber.user",
                    removal=Removal.DELETE,
                    section="newsletter",
                )
            ],
        )
    ]
