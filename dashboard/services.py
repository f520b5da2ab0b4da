"""What a person can do with all their data at once: download it, or remove their account.

Composes the apps: each app that keeps personal data offers `personal_data(user=...)`."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from accounts.models import Profile
from events.services import cancel_registrations_of_leaving_user
from events.services import personal_data as events_data
from learning.models import AssignmentAnswers
from learning.routes import personal_data as learning_route_data
from learning.xapi import statements_of
from tracks.services import personal_data as tracks_data
from tracks.services import remove_certificates_of_leaving_user


def personal_data(*, user: Any, base_url: str) -> dict[str, Any]:
    """Everything the platform keeps about a person, as one JSON-serialisable document."""
    profile = Profile.objects.visible_to(user).prefetch_related("learning_forms").first()
    return {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "profile": profile_data(profile) if profile else None,
        "learning_records": statements_of(user, base_url=base_url),
        "assignment_answers": [
            {
                "assignment": answers.page.title,
                "answers": answers.answers,
                "saved_at": answers.updated_at.isoformat(),
                "submitted_at": answers.submitted_at.isoformat() if answers.submitted_at else None,
            }
            for answers in AssignmentAnswers.objects.of(user).select_related("page")
        ],
        **learning_route_data(user=user),
        **events_data(user=user),
        **tracks_data(user=user),
    }


def profile_data(profile: Profile) -> dict[str, Any]:
    return {
        "full_name": profile.full_name,
        "role": str(profile.role) if profile.role else None,
        "organisation": profile.organisation_name,
        "municipality": str(profile.municipality) if profile.municipality else None,
        "preferred_learning_forms": [str(form) for form in profile.learning_forms.all()],
        "wants_newsletter": profile.has_newsletter_consent,
        "progress_in_anonymous_reports": profile.has_report_consent,
    }


@transaction.atomic
def delete_account(*, user: Any) -> None:
    """Remove the person at once. Their learning records stay without the link to them
    (the foreign key is set to null), so aggregate reports stay right; everything else
    personal goes with the user row (profile, answers, routes, registrations, addresses).
    Seats the person held go to the next on each waiting list first."""
    cancel_registrations_of_leaving_user(user=user)
    remove_certificates_of_leaving_user(user=user)
    user.delete()
