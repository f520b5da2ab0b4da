"""Editors plan the groups of a track in /beheer/ (Groepen van leergangen); each group's row
links to the matrix of who has done what. Issuing due certificates is a periodic job."""

from datetime import datetime, timedelta
from typing import Any

from django.db.models import Q
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.models import Organisation
from core.periodic import PeriodicJob
from core.privacy import Holding, PersonalData, Removal
from events.models import Registration, RegistrationState, Session
from events.services import promote_from_waiting_list
from learning.models import LearningRecord, Verb

from . import services
from .forms import CohortForm
from .models import Cohort, CohortDay, TrackPage
from .services import check_all_completions, evaluate_completion_of


class CohortViewSet(SnippetViewSet):
    model = Cohort
    icon = "group"
    menu_label = _("Groups of learning tracks")
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["name", "track", "starts_at", "capacity"]
    list_filter = ["track"]
    search_fields = ["name"]
    edit_handler = ObjectList(Cohort.panels, base_form_class=CohortForm)


register_snippet(CohortViewSet)


@hooks.register("register_snippet_listing_buttons")
def cohort_buttons(snippet: Any, user: Any, next_url: str | None = None) -> list[Button]:
    if not isinstance(snippet, Cohort) or not user.has_perm("tracks.view_cohort"):
        return []
    return [
        Button(
            _("Progress of the participants"),
            reverse("tracks:matrix", args=[snippet.pk]),
            icon_name="table",
            priority=10,
        )
    ]


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def fill_free_seats(request: HttpRequest, instance: Any) -> None:
    """More seats from the form: the waiting list moves up, as events does for sessions."""
    if isinstance(instance, Cohort):
        promote_from_waiting_list(session=instance, actor=request.user)


# The records that can complete a track: a preparation item or an assignment completed, a
# day attended.
COMPLETING_VERBS = (Verb.COMPLETED, Verb.ATTENDED)


@hooks.register("learning_record_written")
def complete_tracks(record: LearningRecord) -> None:
    """What a participant just did may complete their track: the certificate follows at
    once, in the same transaction as the act."""
    if record.verb in COMPLETING_VERBS and record.actor is not None:
        evaluate_completion_of(user=record.actor)


@hooks.register("learning_pages_begun")
def tracks_taken_part_in(user: Any) -> dict[int, datetime]:
    """A person who registered for a group has begun its track (waiting list included;
    cancelled not): it shows where they left off and is no longer recommended to them."""
    return dict(
        Registration.objects.of(user)
        .filter(session__track_cohort__isnull=False)
        .exclude(state=RegistrationState.CANCELLED)
        .values_list("session__track_cohort__track_id", "created_at")
    )


@hooks.register("periodic_jobs")
def periodic_jobs() -> list[PeriodicJob]:
    """The safety net for completion (idempotent, like `manage.py check_track_completion`):
    a certificate that is due but missed its moment, e.g. after the rules of a track changed."""
    return [PeriodicJob("tracks-completion", timedelta(hours=1), check_all_completions)]


@hooks.register("calendar_sessions")
def track_days_in_calendar(user: Any, sessions: list[Session]) -> list[Session]:
    """A track registration is one seat in its cohort; the calendar gets the cohort's days."""
    cohort_ids = set(
        Cohort.objects.filter(pk__in=[session.pk for session in sessions]).values_list(
            "pk", flat=True
        )
    )
    if not cohort_ids:
        return sessions
    days = CohortDay.objects.filter(cohort_id__in=cohort_ids).order_by("starts_at")
    return [session for session in sessions if session.pk not in cohort_ids] + list(days)


@hooks.register("personal_data")
def personal_data() -> list[PersonalData]:
    return [
        PersonalData(
            export=services.personal_data,
            holdings=[
                # A certificate carries the person's name, so it goes with the account and
                # its code no longer verifies (the removal page says so).
                Holding(
                    relation="tracks.Certificate.user",
                    removal=Removal.DELETE,
                    section="track_certificates",
                ),
                Holding(
                    relation="tracks.TrackPage.trainers",
                    removal=Removal.DELETE,
                    section="trainer_of_tracks",
                ),
            ],
        )
    ]


@hooks.register("catalogue_closed_items")
def closed_tracks(now: datetime) -> tuple[str, Any]:
    """A track whose groups have all started or closed registration: nobody can join it
    now. A track without groups is not closed, only not planned yet."""
    return str(_("Registration closed")), TrackPage.objects.filter(
        pk__in=Cohort.objects.values("track_id")
    ).exclude(pk__in=Cohort.objects.open_for_registration(now).values("track_id")).values("pk")


@hooks.register("organisation_panels")
def tracks_of(request: HttpRequest, organisation: Organisation) -> SafeString:
    """A partner's page: the tracks it organises or makes possible."""
    tracks = (
        TrackPage.objects.live()
        .public()
        .for_region(getattr(request, "region", None))  # type: ignore[attr-defined]
        .filter(Q(organiser=organisation) | Q(co_funders=organisation))
        .distinct()
        .order_by("title")
    )
    return render_to_string(
        "tracks/partials/organisation_tracks.html",
        {"tracks": tracks, "organisation": organisation},
        request=request,
    )


@hooks.register("reservable_sessions")
def reservable_cohorts() -> Any:
    """Groups of published tracks still open for registration: an organisation may reserve
    seats of a group as of any session (events.reservations)."""
    tracks = TrackPage.objects.live().public()
    return (
        Cohort.objects.open_for_registration()
        .filter(track__in=tracks.values("pk"))
        .select_related("track")
    )
