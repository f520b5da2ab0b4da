from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from core.privacy import Holding, PersonalData, Removal

from .models import AccessToken


@hooks.register("profile_links")
def access_tokens_link(request: Any) -> tuple[str, str]:
    return _("Personal access tokens for the API"), reverse("api_tokens:list")


def personal_data(*, user: Any, base_url: str = "") -> dict[str, Any]:
    """The person's tokens for the download: never the secret (only its hash is kept)."""
    return {
        "api_access_tokens": [
            {
                "name": token.name,
                "scope": token.scope,
                "begins_with": token.hint,
                "made_at": token.created_at.isoformat(),
                "last_used_on": token.last_used_on.isoformat() if token.last_used_on else None,
                "revoked_at": token.revoked_at.isoformat() if token.revoked_at else None,
            }
            for token in AccessToken.objects.of(user)
        ]
    }


@hooks.register("personal_data")
def api_personal_data() -> list[PersonalData]:
    return [
        PersonalData(
            export=personal_data,
            holdings=[
                Holding(
                    relation="api.AccessToken.user",
                    removal=Removal.DELETE,
                    section="api_access_tokens",
                )
            ],
        )
    ]
