from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from core.models import Role, Theme

from .models import ATTENDANCE_STATES, EventKind, EventPage, RegistrationState


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
        self.fields["regio"].choices = [("", _("All regions"))] + [  # type: ignore[attr-defined]
            (region.slug, region.name) for region in regions
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
