from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from catalogue.facets import VEENKOLONIEN
from core.models import Role, Theme

from .models import (
    ATTENDANCE_STATES,
    EventKind,
    EventPage,
    Registration,
    RegistrationState,
    Session,
)


class VisitorForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        error_messages={"required": _("Fill in your name.")},
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We send a link to this address. Your registration counts once you click it."),
        error_messages={
            "required": _("Fill in your e-mail address."),
            "invalid": _("Fill in an e-mail address like name@example.org."),
        },
    )
    organisation_name = forms.CharField(
        label=_("Your organisation"),
        max_length=200,
        error_messages={"required": _("Fill in the organisation you work for.")},
    )
    role = forms.ModelChoiceField(
        label=_("Your role"),
        queryset=Role.objects.all(),
        empty_label=_("Choose your role"),
        error_messages={"required": _("Choose your role.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["organisation_name"].widget.attrs["autocomplete"] = "organization"


class AgendaFilterForm(forms.Form):
    """The filters of /agenda/; unknown values are ignored rather than an error."""

    soort = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *EventKind.choices]
    )
    thema = forms.ModelChoiceField(
        label=_("Theme"),
        required=False,
        queryset=Theme.objects.all(),
        to_field_name="slug",
        empty_label=_("All themes"),
    )
    functie = forms.ModelChoiceField(
        label=_("Role"),
        required=False,
        queryset=Role.objects.all(),
        to_field_name="slug",
        empty_label=_("All roles"),
    )
    maand = forms.ChoiceField(label=_("Month"), required=False)
    regio = forms.ChoiceField(label=_("Region"), required=False)

    def __init__(self, *args: Any, months: list[tuple[str, str]], regions: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["maand"].choices = [("", _("All months")), *months]  # type: ignore[attr-defined]
        self.fields["regio"].choices = [  # type: ignore[attr-defined]
            ("", _("All regions")),
            *((region.slug, region.name) for region in regions),
            (VEENKOLONIEN, _("Veenkoloniën")),
        ]


class AttendanceForm(forms.Form):
    """One choice per participant: attended, partly, did not come."""

    def __init__(self, *args: Any, registrations: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [
            (state.value, state.label) for state in RegistrationState if state in ATTENDANCE_STATES
        ]
        self.registrations = registrations
        for registration in registrations:
            self.fields[f"r{registration.pk}"] = forms.ChoiceField(
                label=registration.name,
                choices=choices,
                required=False,
                widget=forms.RadioSelect,
                initial=registration.state if registration.state in ATTENDANCE_STATES else None,
            )

    def rows(self) -> list[tuple[Any, Any]]:
        return [(registration, self[f"r{registration.pk}"]) for registration in self.registrations]


RATINGS = [(str(n), str(n)) for n in range(1, 6)]


class EvaluationForm(forms.Form):
    def __init__(self, *args: Any, event: EventPage, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, kind, text in event.evaluation_question_list():
            if kind == "rating":
                self.fields[key] = forms.ChoiceField(
                    label=text,
                    choices=RATINGS,
                    widget=forms.RadioSelect(attrs={"class": "rating"}),
                    help_text=_("1 is poor, 5 is very good."),
                    error_messages={
                        "required": _("Choose a number from 1 to 5 for: %(question)s")
                        % {"question": text}
                    },
                )
            else:
                self.fields[key] = forms.CharField(
                    label=text, required=False, widget=forms.Textarea(attrs={"rows": 3})
                )


class MessageForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(label=_("Message"), widget=forms.Textarea)
    include_waiting_list = forms.BooleanField(
        label=_("Also send it to the people on the waiting list"), required=False
    )


# Editors' forms in /beheer/ (events.admin_views).


class AddByHandForm(forms.Form):
    """An editor adds someone; an account with the e-mail address is linked."""

    session = forms.ModelChoiceField(
        label=_("Session"),
        queryset=Session.objects.filter(event__isnull=False)
        .upcoming()
        .select_related("event")
        .order_by("starts_at"),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("When someone has an account with this address, we link it."),
    )
    name = forms.CharField(
        label=_("Name"), max_length=150, required=False, help_text=_("Empty: from the account.")
    )
    organisation_name = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    role = forms.ModelChoiceField(label=_("Role"), queryset=Role.objects.all(), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        email = data.get("email", "")
        data["user"] = (
            get_user_model().objects.filter(email__iexact=email).select_related("profile").first()
            if email
            else None
        )
        user = data["user"]
        profile = getattr(user, "profile", None)
        if not data.get("name") and user:
            data["name"] = getattr(profile, "full_name", "") or user.get_full_name() or user.email
        if not data.get("organisation_name") and profile:
            data["organisation_name"] = profile.organisation_name
        if not data.get("role") and profile:
            data["role"] = profile.role
        if email and not data.get("name"):
            self.add_error("name", _("Fill in the name: there is no account with this address."))
        return data


class MoveForm(forms.Form):
    to_session = forms.ModelChoiceField(label=_("Move to"), queryset=Session.objects.none())

    def __init__(self, *args: Any, registration: Registration, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        session = registration.session
        others = Session.objects.none()
        if session.event_id:
            others = (
                Session.objects.filter(event_id=session.event_id)
                .exclude(pk=session.pk)
                .upcoming()
                .select_related("event")
            )
        self.fields["to_session"].queryset = others  # type: ignore[attr-defined]


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=250,
        required=False,
        help_text=_("Kept in the history of the registration, e.g. 'ill, called on Monday'."),
    )


class ReserveSeatsForm(forms.Form):
    """How many seats an organisation holds, and until when its managers assign them."""

    seats = forms.IntegerField(
        label=_("Number of seats"),
        min_value=1,
        max_value=500,
        error_messages={
            "required": _("Fill in how many seats you want to reserve."),
            "invalid": _("Fill in a whole number."),
            "min_value": _("Reserve at least one seat."),
        },
    )
    deadline = forms.DateTimeField(
        label=_("Assign the seats before"),
        help_text=_(
            "Seats without a name by then become free for everybody again, the waiting list first."
        ),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%d-%m-%Y %H:%M"],
        error_messages={
            "required": _("Fill in a date and time."),
            "invalid": _("Fill in a date and time like 31-12-2027 17:00."),
        },
    )


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        user = obj.user
        profile = getattr(user, "profile", None)
        name = getattr(profile, "full_name", "") or user.get_full_name() or user.email
        return f"{name} ({user.email})"


class AssignSeatForm(forms.Form):
    """A member of the organisation without a seat at the session yet."""

    member = MemberChoiceField(
        label=_("Member"),
        queryset=None,
        empty_label=_("Choose a member"),
        error_messages={
            "required": _("Choose the member who gets the seat."),
            "invalid_choice": _("Choose a member of your organisation from the list."),
        },
    )

    def __init__(self, *args: Any, members: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = members  # type: ignore[attr-defined]


class ChooseSessionForm(forms.Form):
    """Which session or track group to reserve seats of (a GET form)."""

    sessie = forms.ChoiceField(label=_("Session or group of a track"))

    def __init__(self, *args: Any, sessions: list[Session], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sessie"].choices = [  # type: ignore[attr-defined]
            (session.pk, session_choice_label(session)) for session in sessions
        ]


def session_choice_label(session: Session) -> str:
    return f"{session.name} — {date_format(timezone.localtime(session.starts_at), 'j F Y')}"
