"""The public, read-only API under /api/v1/ of each portal.

Each list reads through the same QuerySet methods and filters as the portal's own page
(/aanbod/, /agenda/, /leergangen/, /begrippen/, /nieuws/, /monitor/), so the API shows
exactly what that portal shows. Nobody logs in here: no session, no token, so nothing
personal can come out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from django.db.models import QuerySet
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, serializers
from rest_framework.decorators import (
    api_view,
    authentication_classes,
    permission_classes,
    schema,
    throttle_classes,
)
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from catalogue.facets import build_facets, filter_by_facets
from catalogue.models import SHOW_CLOSED, SORTS, LearningItemPage, LearningItemQuerySet
from core.cache import KeptRows, remember_each
from events.views import kept_sessions, with_free_seats
from glossary.models import Term
from monitor.models import Figure
from news.models import NewsPage
from tracks.models import Cohort, TrackPage

from . import serializers as api_serializers
from .pagination import PortalPagination
from .throttling import ClientRateThrottle, TooManyRequests

# How long a client or proxy may reuse an answer; the site's own page cache keeps pages
# as long, so the API is never staler than the pages.
MAX_AGE_SECONDS = 60


class PublicAPIMixin:
    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    throttle_classes = [ClientRateThrottle]
    pagination_class = PortalPagination

    def throttled(self, request: Request, wait: float | None) -> None:
        raise TooManyRequests(wait)

    def finalize_response(self, request: Request, response: Any, *args: Any, **kwargs: Any) -> Any:
        response = super().finalize_response(request, response, *args, **kwargs)  # type: ignore[misc]
        if response.status_code < 400:
            patch_cache_control(response, public=True, max_age=MAX_AGE_SECONDS)
        return response

    @property
    def region(self) -> Any:
        return getattr(self.request, "region", None)  # type: ignore[attr-defined]


class PublicListView(PublicAPIMixin, generics.ListAPIView):
    pass


class PublicDetailView(PublicAPIMixin, generics.RetrieveAPIView):
    pass


def _many(name: str, description: Any, enum: list[str] | None = None) -> OpenApiParameter:
    return OpenApiParameter(
        name, OpenApiTypes.STR, many=True, explode=True, description=description, enum=enum
    )


def _catalogue_parameters() -> list[OpenApiParameter]:
    descriptions = {
        "rol": gettext_lazy("Role (slug); several widen the result."),
        "thema": gettext_lazy("Theme (slug)."),
        "leervorm": gettext_lazy("Learning form (slug)."),
        "duur": gettext_lazy("Duration band."),
        "regio": gettext_lazy("Region (slug)."),
        "gezinstype": gettext_lazy("Family type (slug)."),
        "kapitaal": gettext_lazy("Form of capital (slug)."),
        "toegankelijkheid": gettext_lazy("Accessibility."),
        "ervaring": gettext_lazy("Made with experts by experience."),
    }
    parameters = []
    for facet in build_facets():
        bands = getattr(facet, "bands", None)
        parameters.append(
            _many(facet.param, descriptions[facet.param], list(bands) if bands else None)
        )
    return [
        *parameters,
        OpenApiParameter(
            SHOW_CLOSED,
            OpenApiTypes.STR,
            enum=["ja"],
            description=gettext_lazy(
                "'ja' also lists what is over (past events, tracks without open groups)."
            ),
        ),
        OpenApiParameter("sorteer", OpenApiTypes.STR, enum=list(SORTS)),
    ]


@extend_schema(
    summary=gettext_lazy("Learning items of the portal"),
    description=gettext_lazy(
        "Every published item the portal's /aanbod/ lists, filtered as /aanbod/ "
        "filters: options within a filter widen, filters narrow; unknown values are ignored."
    ),
    parameters=_catalogue_parameters(),
)
class ItemList(PublicListView):
    serializer_class = api_serializers.ItemSerializer

    def get_queryset(self) -> LearningItemQuerySet:
        return LearningItemPage.objects.listed(self.region).with_terms()  # type: ignore[no-any-return]

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """As /aanbod/: which items match a choice, in which order, is kept until the next
        publish, and so is each item's data; only what is missing is read and serialised."""
        query = request.query_params
        show_closed = query.get(SHOW_CLOSED) == "ja"
        listed = self.get_queryset()
        items, choice = filter_by_facets(listed if show_closed else listed.on_offer(), query)
        sort = query.get("sorteer", "")
        sort = sort if sort in SORTS else "nieuwste"
        scope = (str(getattr(self.region, "pk", None)), str(show_closed), choice, sort)
        ordered = items.order_by(*SORTS[sort]).values_list("pk", "closed_label")
        rows = KeptRows("api-items", ordered, *scope)
        page = self.paginate_queryset(rows)  # type: ignore[arg-type]
        return self.get_paginated_response(_item_data(self, page or [], listed))


def _item_data(
    view: ItemList, rows: Sequence[tuple[int, str]], listed: QuerySet[LearningItemPage]
) -> list[dict[str, Any]]:
    """Each item's data, kept like its card; an item unpublished in between is left out."""

    def serialise(missing: list[tuple[Any, ...]]) -> dict[tuple[Any, ...], Any]:
        row_of = {row[0]: row for row in missing}
        fetched = listed.filter(pk__in=list(row_of))
        return {row_of[data["id"]]: data for data in view.get_serializer(fetched, many=True).data}

    # An item's data holds its address on the asking portal and its terms' names.
    parts = (view.request.get_host(), get_language() or "")
    return remember_each("api-item", rows, serialise, *parts)


@extend_schema(
    summary=gettext_lazy("One learning item"),
    description=gettext_lazy("404 when the portal does not show it."),
)
class ItemDetail(PublicDetailView):
    serializer_class = api_serializers.ItemDetailSerializer
    lookup_field = "slug"

    def get_queryset(self) -> QuerySet[LearningItemPage]:
        return LearningItemPage.objects.listed(self.region).with_terms()


class BadFilterSerializer(serializers.Serializer):
    detail = serializers.CharField()
    errors = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))


BAD_FILTER = OpenApiResponse(
    BadFilterSerializer, description=gettext_lazy("A filter has an unknown value.")
)


def _bad_filter(errors: dict[str, list[str]]) -> None:
    raise ValidationError({"detail": _("A filter has a value we do not know."), "errors": errors})


@extend_schema(
    summary=gettext_lazy("Sessions of the agenda"),
    description=gettext_lazy(
        "The portal's coming sessions (with `archief=ja` the past ones), as /agenda/ "
        "lists them, with their free seats."
    ),
    parameters=[
        OpenApiParameter("soort", OpenApiTypes.STR, description=gettext_lazy("Kind of event.")),
        OpenApiParameter("thema", OpenApiTypes.STR, description=gettext_lazy("Theme (slug).")),
        OpenApiParameter("functie", OpenApiTypes.STR, description=gettext_lazy("Role (slug).")),
        OpenApiParameter("regio", OpenApiTypes.STR, description=gettext_lazy("Region (slug).")),
        OpenApiParameter(
            "maand", OpenApiTypes.STR, description=gettext_lazy("Month, e.g. 2027-03.")
        ),
        OpenApiParameter(
            "archief", OpenApiTypes.STR, enum=["ja"], description=gettext_lazy("Past sessions.")
        ),
    ],
    responses={
        200: api_serializers.SessionSerializer(many=True),
        400: BAD_FILTER,
    },
)
class SessionList(PublicListView):
    serializer_class = api_serializers.SessionSerializer

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """As /agenda/: which sessions match is kept per choice, their free seats are not."""
        rows, form, _asked = kept_sessions(
            request, archive=request.query_params.get("archief") == "ja"
        )  # type: ignore[arg-type]
        if form.is_bound and not form.is_valid():
            # The page ignores a bad filter; a program is better told.
            _bad_filter(
                {
                    field: [item["message"] for item in items]
                    for field, items in form.errors.get_json_data().items()
                }
            )
        sessions = with_free_seats(self.paginate_queryset(rows) or [])  # type: ignore[arg-type]
        return self.get_paginated_response(self.get_serializer(sessions, many=True).data)


@extend_schema(
    summary=gettext_lazy("Tracks with their open groups"),
    description=gettext_lazy(
        "The portal's tracks as /leergangen/ lists them, each with the groups one "
        "can still register for, their free seats and their days."
    ),
)
class TrackList(PublicListView):
    serializer_class = api_serializers.TrackSerializer

    def get_queryset(self) -> Any:
        return TrackPage.objects.listed(self.region).with_terms().order_by("title", "pk")  # type: ignore[attr-defined]

    def paginate_queryset(self, queryset: Any) -> Any:
        tracks = super().paginate_queryset(queryset)
        # The open groups of the tracks on this page, in one query (as /leergangen/).
        by_track: dict[int, list[Cohort]] = defaultdict(list)
        cohorts = (
            Cohort.objects.of_live_tracks(self.region)
            .not_started()
            .for_listing()
            .filter(track__in=[track.pk for track in tracks or []])
        )
        for cohort in cohorts:
            by_track[cohort.track_id].append(cohort)
        for track in tracks or []:
            track.open_cohorts = by_track[track.pk]
        return tracks


@extend_schema(
    summary=gettext_lazy("Glossary terms"),
    description=gettext_lazy("Every term of /begrippen/, A to Z."),
)
class GlossaryList(PublicListView):
    serializer_class = api_serializers.GlossaryTermSerializer

    def get_queryset(self) -> Any:
        return Term.objects.with_related_terms().order_by("name", "pk")


@extend_schema(
    summary=gettext_lazy("News"), description=gettext_lazy("The portal's news items, newest first.")
)
class NewsList(PublicListView):
    serializer_class = api_serializers.NewsSerializer

    def get_queryset(self) -> Any:
        return NewsPage.objects.listed(self.region).prefetch_related("themes")  # type: ignore[attr-defined]


@extend_schema(
    summary=gettext_lazy("Figures of the poverty monitor"),
    description=gettext_lazy(
        "CBS figures per municipality of Groningen and Drenthe, as /monitor/ shows "
        "them; empty when none are imported. Without `jaar` the latest year."
    ),
    parameters=[
        OpenApiParameter(
            "indicator", OpenApiTypes.STR, description=gettext_lazy("Indicator (column key).")
        ),
        OpenApiParameter("jaar", OpenApiTypes.INT, description=gettext_lazy("Year.")),
    ],
    responses={200: api_serializers.FigureSerializer(many=True), 400: BAD_FILTER},
)
class FigureList(PublicListView):
    serializer_class = api_serializers.FigureSerializer

    def get_queryset(self) -> Any:
        figures = Figure.objects.with_municipality()
        year = self.request.query_params.get("jaar", "")
        if year.isdigit() and len(year) == 4:
            figures = figures.of_year(int(year))
        elif year:
            _bad_filter({"jaar": [_("Give a year of four digits, e.g. 2022.")]})
        else:
            latest = Figure.objects.latest_year()
            figures = figures.of_year(latest) if latest else figures.none()
        indicator = self.request.query_params.get("indicator")
        if indicator:
            figures = figures.for_indicator(indicator)
        return figures.order_by("municipality__name", "indicator__sort_order", "pk")


@api_view(["GET", "HEAD", "OPTIONS"])
@authentication_classes([])
@permission_classes([AllowAny])
@throttle_classes([ClientRateThrottle])
@schema(None)
def not_found(request: Request) -> Response:
    raise NotFound()
