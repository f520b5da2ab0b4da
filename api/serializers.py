"""What the public API tells about each thing: only what the portal's pages show anyway,
never a person (no participants, trainer accounts, online links or answers)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from catalogue.models import ACCESSIBILITY_FIELDS, LearningItemPage
from core.portals import request_base_url


def _accessibility_value(field: str) -> str:
    """The value of the catalogue's `toegankelijkheid` filter for this field."""
    return field.removeprefix("has_").replace("_", "-")


ACCESSIBILITY_VALUES = [_accessibility_value(name) for name in ACCESSIBILITY_FIELDS]


class TermSerializer(serializers.Serializer):
    """A term of the shared taxonomy (role, theme, region …): its slug is the filter value."""

    slug = serializers.SlugField()
    name = serializers.CharField(source="__str__")


@extend_schema_field(TermSerializer(many=True))
class TermsField(serializers.Field):
    """The terms of a many-to-many relation, read from its prefetched rows. A nested
    serialiser per term (and DRF's look for a callable `all`) cost more than the rest of
    an item."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value: Any) -> list[dict[str, str]]:
        return [{"slug": term.slug, "name": str(term)} for term in value.all()]


def _url(request: Any, page: Any) -> str | None:
    """The page's full address on the asking portal."""
    url = page.get_url(request)
    if url and url.startswith("/"):
        return request_base_url(request) + url
    return url  # type: ignore[no-any-return]


class ItemSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.SlugField()
    title = serializers.CharField()
    kind = serializers.SerializerMethodField(
        help_text="article, publication, videoclip, podcastepisode, practiceassignment, "
        "tool, event or track"
    )
    url = serializers.SerializerMethodField()
    summary = serializers.CharField()
    learning_form = TermSerializer()
    duration_minutes = serializers.IntegerField()
    duration_days = serializers.IntegerField(allow_null=True)
    duration = serializers.CharField(source="duration_label")
    level = serializers.CharField()
    roles = TermsField()
    themes = TermsField()
    family_types = TermsField()
    capital_forms = TermsField()
    regions = TermsField()
    accessibility = serializers.SerializerMethodField()
    made_with_experts = serializers.BooleanField()
    closed = serializers.CharField(
        source="closed_label", help_text="Empty while on offer, else why it is not."
    )
    first_published_at = serializers.DateTimeField(allow_null=True)
    last_published_at = serializers.DateTimeField(allow_null=True)

    def get_kind(self, item: LearningItemPage) -> str:
        model = item.specific_class or LearningItemPage
        return model._meta.model_name.removesuffix("page")  # type: ignore[union-attr]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, item: LearningItemPage) -> str | None:
        return _url(self.context["request"], item)

    @extend_schema_field(
        {"type": "array", "items": {"type": "string", "enum": ACCESSIBILITY_VALUES}}
    )
    def get_accessibility(self, item: LearningItemPage) -> list[str]:
        return [_accessibility_value(name) for name in ACCESSIBILITY_FIELDS if getattr(item, name)]


class ItemDetailSerializer(ItemSerializer):
    outcomes = serializers.ListField(child=serializers.CharField(), source="outcome_list")
    source = serializers.CharField()


class EventSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.SlugField()
    title = serializers.CharField()
    kind = serializers.CharField()
    url = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, event: Any) -> str | None:
        return _url(self.context["request"], event)


class SessionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField(help_text="The session's own name, e.g. 'Dag 1'; may be empty.")
    name = serializers.CharField()
    round = serializers.CharField()
    speakers = serializers.CharField()
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    place_name = serializers.CharField()
    address = serializers.CharField()
    accessibility_notes = serializers.CharField()
    is_online = serializers.BooleanField()
    capacity = serializers.IntegerField()
    seats_left = serializers.IntegerField()
    waiting_list = serializers.IntegerField(source="waiting_count")
    event = EventSummarySerializer()


class CohortDaySerializer(serializers.Serializer):
    title = serializers.CharField(source="track_day.title")
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    place_name = serializers.CharField()
    address = serializers.CharField()


class CohortSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    starts_at = serializers.DateTimeField()
    registration_opens_at = serializers.DateTimeField(allow_null=True)
    registration_closes_at = serializers.DateTimeField(allow_null=True)
    capacity = serializers.IntegerField()
    seats_left = serializers.IntegerField()
    days = CohortDaySerializer(many=True, source="planned_days")


class TrackSerializer(ItemSerializer):
    study_load_hours = serializers.IntegerField()
    open_groups = CohortSerializer(many=True, source="open_cohorts")


class GlossaryTermSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    short_definition = serializers.CharField()
    synonyms = serializers.ListField(child=serializers.CharField(), source="synonym_list")
    related_terms = serializers.SerializerMethodField(help_text="Slugs of related terms.")

    @extend_schema_field({"type": "array", "items": {"type": "string"}})
    def get_related_terms(self, term: Any) -> list[str]:
        return [related.slug for related in term.related_terms.all()]


class NewsSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.SlugField()
    title = serializers.CharField()
    date = serializers.DateField()
    summary = serializers.CharField()
    url = serializers.SerializerMethodField()
    themes = TermsField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, news: Any) -> str | None:
        return _url(self.context["request"], news)


class MunicipalitySerializer(serializers.Serializer):
    name = serializers.CharField()
    slug = serializers.SerializerMethodField()
    region = serializers.SlugField(source="region.slug")

    def get_slug(self, municipality: Any) -> str:
        from monitor.figures import municipality_slug

        return municipality_slug(municipality)


class FigureSerializer(serializers.Serializer):
    municipality = MunicipalitySerializer()
    indicator = serializers.CharField(source="indicator.key")
    unit = serializers.CharField(source="indicator.unit")
    year = serializers.IntegerField()
    value = serializers.DecimalField(max_digits=12, decimal_places=2, coerce_to_string=False)
    source = serializers.CharField(source="source.title")
    licence = serializers.CharField(source="source.licence")
