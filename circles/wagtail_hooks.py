"""Editors manage the circles themselves (public data and who facilitates) in /beheer/.
Cases, comments and other private content are deliberately not registered: only members
read them."""

from datetime import timedelta
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from catalogue.models import LearningItemPage
from core.models import Municipality, Organisation
from core.periodic import PeriodicJob
from core.privacy import Holding, PersonalData, Removal

from . import services
from .models import Circle, Membership
from .organisation_views import organisation_panel
from .services import CircleError, apply_case_retention, check_facilitators, set_facilitators
from .tasks import send_daily_digests


class CircleAdminForm(WagtailAdminModelForm):
    facilitators = forms.ModelMultipleChoiceField(
        get_user_model().objects.filter(is_active=True).order_by("email"),
        label=_("Facilitators"),
        required=False,
        help_text=_("People with an account who run the circle: invite members, plan meetings."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        items = self.fields["catalogue_items"]
        assert isinstance(items, forms.ModelMultipleChoiceField)
        # Only learning items, as checkboxes; setting the queryset fills the widget's choices.
        items.widget = forms.CheckboxSelectMultiple()
        items.queryset = Page.objects.live().type(LearningItemPage).order_by("title")
        if self.instance.pk:
            self.initial["facilitators"] = list(
                Membership.objects.facilitators()
                .filter(circle=self.instance)
                .values_list("user_id", flat=True)
            )

    def clean_facilitators(self) -> Any:
        chosen = self.cleaned_data["facilitators"]
        if self.instance.pk:
            try:
                check_facilitators(circle=self.instance, users=chosen)
            except CircleError as error:
                raise forms.ValidationError(str(error)) from error
        return chosen

    def save(self, commit: bool = True) -> Circle:
        circle = super().save(commit=commit)
        if commit:
            set_facilitators(
                circle=circle,
                users=self.cleaned_data["facilitators"],
                actor=getattr(self, "for_user", None),
            )
        return circle


class CircleViewSet(SnippetViewSet):
    model = Circle
    icon = "group"
    menu_label = _("Learning circles")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["name", "municipality", "status"]
    list_filter = ["status"]
    search_fields = ["name"]
    edit_handler = ObjectList(
        [*Circle.panels, FieldPanel("catalogue_items"), FieldPanel("facilitators")],
        base_form_class=CircleAdminForm,
    )


register_snippet(CircleViewSet)


@hooks.register("periodic_jobs")
def periodic_jobs() -> list[PeriodicJob]:
    """Both are idempotent, so running early after a restart does no harm."""
    return [
        # Cases are archived and deleted by the day; checking every hour keeps the
        # dates members see exact.
        PeriodicJob("circles-case-retention", timedelta(hours=1), apply_case_retention),
        PeriodicJob("circles-daily-digest", timedelta(days=1), send_daily_digests.enqueue),
    ]


@hooks.register("personal_data")
def personal_data() -> list[PersonalData]:
    """Memberships go with the person; what they wrote belongs to the circle's shared work
    and stays without their name ("a former member"), until the case retention removes it."""
    shared_work = "the circle's shared work, shown as written by a former member"
    history = "the circle's history, shown as a former member"
    return [
        PersonalData(
            export=services.personal_data,
            prepare_removal=services.leave_circles_of_leaving_user,
            holdings=[
                Holding(
                    relation="circles.Membership.user",
                    removal=Removal.DELETE,
                    section="circle_memberships",
                ),
                Holding(
                    relation="circles.Case.author",
                    removal=Removal.UNLINK,
                    kept_because=shared_work + "; cases are anonymous when brought in",
                    section="circle_cases",
                ),
                Holding(
                    relation="circles.Comment.author",
                    removal=Removal.UNLINK,
                    kept_because=shared_work,
                    section="circle_comments",
                ),
                Holding(
                    relation="circles.Agreement.follow_up_by",
                    removal=Removal.UNLINK,
                    kept_because="the circle's agreement; nobody is named to follow it up",
                    section="circle_agreements_to_follow_up",
                ),
                Holding(
                    relation="circles.Meeting.minutes_by",
                    removal=Removal.UNLINK,
                    kept_because=shared_work,
                    section="circle_minutes_written",
                ),
                Holding(
                    relation="circles.Bottleneck.responded_by",
                    removal=Removal.UNLINK,
                    kept_because="the region's answer to the circle",
                    section="circle_bottlenecks_answered",
                ),
                Holding(
                    relation="circles.Invitation.invited_by",
                    removal=Removal.UNLINK,
                    kept_because="the invitation is for someone else, until used or expired",
                    section="circle_invitations_sent",
                ),
                # A used invitation holds the person's address.
                Holding(
                    relation="circles.Invitation.accepted_by",
                    removal=Removal.DELETE,
                    section="circle_invitations_accepted",
                ),
                Holding(
                    relation="circles.CircleEvent.actor",
                    removal=Removal.UNLINK,
                    kept_because=history,
                    section="circle_history",
                ),
                Holding(
                    relation="circles.CircleEvent.subject",
                    removal=Removal.UNLINK,
                    kept_because=history,
                    section="circle_history",
                ),
            ],
        )
    ]


@hooks.register("municipality_offer")
def circles_in(request: HttpRequest, municipality: Municipality) -> SafeString:
    """The monitor's page of a municipality: the active learning circles there."""
    circles = Circle.objects.active().filter(municipality=municipality).order_by("name")
    return render_to_string(
        "circles/partials/municipality_circles.html",
        {"circles": circles, "municipality": municipality},
        request=request,
    )


@hooks.register("organisation_panels")
def circles_of(request: HttpRequest, organisation: Organisation) -> SafeString:
    return organisation_panel(request, organisation)
