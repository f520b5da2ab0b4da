"""The personal API under /api/v1/mij/: a person's own learning data, read with a personal
access token. Each list has the shape of the same section of the personal data download
(the apps' `personal_data` exports), so both say the same; learning records are xAPI
statements."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request

from core.portals import request_base_url
from events import services as events_services
from learning import routes
from learning.xapi import statements_of
from tracks import services as tracks_services

from .authentication import AccessTokenAuthentication
from .pagination import PortalPagination
from .throttling import ClientRateThrottle, TooManyRequests


class BearerScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    target_class = "api.authentication.AccessTokenAuthentication"
    name = "personalAccessToken"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A personal access token, made on your profile at /mijn/api-sleutels/.",
        }


class RowSerializer(serializers.Serializer):
    """One entry as the data download has it (see the section's description)."""

    def to_representation(self, instance: Any) -> Any:
        return instance


class PersonalList(generics.ListAPIView):
    serializer_class = RowSerializer
    authentication_classes = [AccessTokenAuthentication]
    permission_classes = [IsAuthenticated]
    throttle_classes = [ClientRateThrottle]
    pagination_class = PortalPagination
    rows: Callable[..., list[dict[str, Any]]]

    def throttled(self, request: Request, wait: float | None) -> None:
        raise TooManyRequests(wait)

    def get_queryset(self) -> Any:
        return type(self).rows(user=self.request.user, base_url=request_base_url(self.request))

    def finalize_response(self, request: Request, response: Any, *args: Any, **kwargs: Any) -> Any:
        response = super().finalize_response(request, response, *args, **kwargs)
        # Personal: no shared cache may keep it.
        patch_cache_control(response, private=True, no_store=True)
        return response


def _section(export: Callable[..., dict[str, Any]], name: str) -> Callable[..., list[Any]]:
    def rows(*, user: Any, base_url: str) -> list[Any]:
        return export(user=user, base_url=base_url)[name]  # type: ignore[no-any-return]

    return rows


@extend_schema(
    summary=gettext_lazy("Your learning route"),
    description=gettext_lazy("The steps of your route, in order."),
)
class OwnRoute(PersonalList):
    rows = staticmethod(_section(routes.personal_data, "learning_route"))


@extend_schema(
    summary=gettext_lazy("Your registrations"),
    description=gettext_lazy(
        "Your registrations for sessions and track groups, with their history."
    ),
)
class OwnRegistrations(PersonalList):
    rows = staticmethod(_section(events_services.personal_data, "registrations"))


@extend_schema(
    summary=gettext_lazy("Your certificates"),
    description=gettext_lazy("Certificates of completed tracks."),
)
class OwnCertificates(PersonalList):
    rows = staticmethod(_section(tracks_services.personal_data, "track_certificates"))


@extend_schema(
    summary=gettext_lazy("Your learning records"),
    description=gettext_lazy("Everything you did, as xAPI 1.0.3 statements, oldest first."),
)
class OwnLearningRecords(PersonalList):
    rows = staticmethod(lambda *, user, base_url: statements_of(user, base_url=base_url))
