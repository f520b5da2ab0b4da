from __future__ import annotations

from datetime import datetime
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalogue.models import CapitalForm, FamilyType
from core.models import Organisation

from .models import Agreement, Bottleneck, Case, Circle, Meeting, Membership, person_name
from .personal_data import Finding, find_personal_data
from .services import AgreementDetails, BottleneckDetails, CaseDetails, MeetingDetails

EXCERPT_CONTEXT = 25
TEXTAREA = {"rows": 6}


def excerpt(text: str, finding: Finding) -> str:
    """The finding with a few words around it, so the member sees where it is."""
    # About EXCERPT_CONTEXT characters either side, widened to whole words.
    start = text.rfind(" ", 0, max(finding.start - EXCERPT_CONTEXT, 0)) + 1
    end = text.find(" ", min(finding.end + EXCERPT_CONTEXT, len(text)))
    end = len(text) if end == -1 else end
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def personal_data_message(label: str, text: str, finding: Finding) -> str:
    """Names the field, what was found and where, and what to write instead."""
    return str(
        _(
            "In “%(field)s” there is something that looks like %(kind)s: “%(excerpt)s”. "
            "%(advice)s Then save again."
        )
        % {
            "field": label,
            "kind": finding.kind.label,
            "excerpt": excerpt(text, finding),
            "advice": finding.kind.advice,
        }
    )


class AnonymousTextForm(forms.Form):
    """Refuses text with personal data; the message names the field, the kind and where.
    The typed text stays in the form, so nothing is lost."""

    checked_fields: tuple[str, ...] = ()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for name in self.checked_fields:
            text = cleaned.get(name) or ""
            label = str(self.fields[name].label)
            for finding in find_personal_data(text):
                self.add_error(name, personal_data_message(label, text, finding))
        return cleaned


class CaseForm(AnonymousTextForm):
    checked_fields = ("title", "situation", "question", "went_well", "could_be_better")

    title = forms.CharField(
        label=_("Title"), max_length=150, help_text=_("A short title without names.")
    )
    situation = forms.CharField(
        label=_("Situation"),
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_(
            "What is going on? Leave out names, numbers, addresses and dates of birth: "
            "write “a mother of three” or “a boy of twelve”."
        ),
    )
    question = forms.CharField(
        label=_("Question to the circle"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What would you like to think about together?"),
    )
    capital_forms = forms.ModelMultipleChoiceField(
        CapitalForm.objects.all(),
        label=_("Which forms of capital does it touch?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    family_types = forms.ModelMultipleChoiceField(
        FamilyType.objects.all(),
        label=_("Which family type fits?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    went_well = forms.CharField(
        label=_("What went well"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Fill in after the discussion."),
    )
    could_be_better = forms.CharField(
        label=_("What could be better"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Fill in after the discussion."),
    )

    @staticmethod
    def initial_from(case: Case) -> dict[str, Any]:
        return {
            "title": case.title,
            "situation": case.situation,
            "question": case.question,
            "capital_forms": list(case.capital_forms.all()),
            "family_types": list(case.family_types.all()),
            "went_well": case.went_well,
            "could_be_better": case.could_be_better,
        }

    def details(self) -> CaseDetails:
        return CaseDetails(**self.cleaned_data)


class CommentForm(AnonymousTextForm):
    checked_fields = ("text",)
    prefix = "comment"  # the case page has two forms; the prefix keeps field ids unique

    text = forms.CharField(
        label=_("Your comment"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("No names, numbers or addresses."),
    )


class ImprovementPointForm(AnonymousTextForm):
    checked_fields = ("text",)
    prefix = "point"

    text = forms.CharField(
        label=_("Improvement point"),
        max_length=500,
        help_text=_("What should go differently next time?"),
    )


def member_choices(circle: Circle) -> forms.ModelChoiceField:
    users = (
        get_user_model()
        .objects.filter(circle_memberships__circle=circle, circle_memberships__status="active")
        .select_related("profile")
    )
    field = forms.ModelChoiceField(
        users, label=_("Who follows up"), required=False, empty_label=_("Nobody yet")
    )
    field.label_from_instance = person_name  # type: ignore[method-assign,assignment]
    return field


class AgreementForm(AnonymousTextForm):
    checked_fields = ("description",)

    description = forms.CharField(
        label=_("What we agree"), widget=forms.Textarea(attrs={"rows": 3})
    )
    organisations = forms.ModelMultipleChoiceField(
        Organisation.objects.all(),
        label=_("Which organisations"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    due_on = forms.DateField(
        label=_("By when"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("For example 31-12-2026."),
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=Agreement.Status.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args: Any, circle: Circle, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["follow_up_by"] = member_choices(circle)
        self.order_fields(["description", "organisations", "follow_up_by", "due_on", "status"])
        self.fields["status"].initial = Agreement.Status.OPEN

    @staticmethod
    def initial_from(agreement: Agreement) -> dict[str, Any]:
        return {
            "description": agreement.description,
            "organisations": list(agreement.organisations.all()),
            "follow_up_by": agreement.follow_up_by_id,
            "due_on": agreement.due_on,
            "status": agreement.status,
        }

    def details(self) -> AgreementDetails:
        return AgreementDetails(**self.cleaned_data)


class BottleneckTextForm(AnonymousTextForm):
    """What every bottleneck says; the region reads it, so it is checked for personal data."""

    checked_fields = ("title", "description", "body")
    description_help: Any = ""

    title = forms.CharField(label=_("Title"), max_length=150)
    description = forms.CharField(
        label=_("What stands in the way"), widget=forms.Textarea(attrs={"rows": 5})
    )
    body = forms.CharField(
        label=_("Who can change it"),
        max_length=200,
        required=False,
        help_text=_("For example: the municipality, the ministry, the housing corporation."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["description"].help_text = self.description_help


class OrganisationBottleneckForm(BottleneckTextForm):
    """A bottleneck in laws and regulations, reported by a member of an organisation that
    takes part in no learning circle."""

    prefix = "knelpunt"
    description_help = _(
        "Which law or rule stands in the way of helping families, and how? Describe the "
        "rule, not a person: coordinators of the region read this text."
    )

    def details(self) -> BottleneckDetails:
        return BottleneckDetails(kind=Bottleneck.Kind.LAW, **self.cleaned_data)


class BottleneckForm(BottleneckTextForm):
    field_order = ["title", "description", "kind", "body", "status"]
    description_help = _(
        "Describe the bottleneck itself, not the case. If the circle shares it, the "
        "region reads this text."
    )

    kind = forms.ChoiceField(
        label=_("Kind"), choices=Bottleneck.Kind.choices, widget=forms.RadioSelect
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=Bottleneck.Status.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args: Any, circle: Circle, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["case"] = forms.ModelChoiceField(
            Case.objects.of_circle(circle).order_by("-created_at"),
            label=_("Case it came from"),
            required=False,
            empty_label=_("No case"),
            help_text=_("Only members see this; the region never sees the case."),
        )
        self.fields["status"].initial = Bottleneck.Status.SIGNALLED

    @staticmethod
    def initial_from(bottleneck: Bottleneck) -> dict[str, Any]:
        return {
            name: getattr(bottleneck, name)
            for name in ("title", "description", "kind", "body", "status", "case")
        }

    def details(self) -> BottleneckDetails:
        return BottleneckDetails(**self.cleaned_data)


class ResponseForm(forms.Form):
    response = forms.CharField(
        label=_("What was done with it"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For example: raised in the steering group, answered by the ministry."),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[
            (value, label)
            for value, label in Bottleneck.Status.choices
            if value != Bottleneck.Status.SIGNALLED
        ],
        widget=forms.RadioSelect,
    )


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("We send a link that works once and for two weeks."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )


class NotificationsForm(forms.Form):
    notifications = forms.ChoiceField(
        label=_("E-mail about news in this circle"),
        choices=Membership.Notifications.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "The e-mail only says that something is new; the text stays here. Meetings "
            "always reach you by e-mail, with a calendar file."
        ),
    )


class HandOverForm(forms.Form):
    def __init__(self, *args: Any, circle: Circle, exclude: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = forms.ModelChoiceField(
            Membership.objects.active()
            .filter(circle=circle, role="member")
            .exclude(user=exclude)
            .with_people(),
            label=_("To whom"),
            empty_label=_("Choose a member"),
        )
        field.label_from_instance = lambda m: person_name(m.user)  # type: ignore[method-assign,assignment]
        self.fields["membership"] = field


class MeetingForm(AnonymousTextForm):
    checked_fields = ("agenda",)

    date = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("For example 31-12-2026."),
    )
    start_time = forms.TimeField(
        label=_("Starts at"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    end_time = forms.TimeField(
        label=_("Ends at"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    place_name = forms.CharField(
        label=_("Place"),
        max_length=200,
        required=False,
        help_text=_("For example: town hall, meeting room 2. Leave empty for an online meeting."),
    )
    address = forms.CharField(label=_("Address of the place"), max_length=250, required=False)
    online_url = forms.URLField(
        label=_("Online link"),
        assume_scheme="https",
        required=False,
        help_text=_("Only members see it, in the workspace and in their calendar."),
    )
    agenda = forms.CharField(
        label=_("Agenda"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One point per line. Open agreements are on the meeting page by themselves."),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        start, end = cleaned.get("start_time"), cleaned.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("The meeting must end after it starts."))
        if not (cleaned.get("place_name") or cleaned.get("online_url")):
            self.add_error("place_name", _("Fill in a place or an online link."))
        return cleaned

    @staticmethod
    def initial_from(meeting: Meeting) -> dict[str, Any]:
        session = meeting.session
        starts, ends = timezone.localtime(session.starts_at), timezone.localtime(session.ends_at)
        return {
            "date": starts.date(),
            "start_time": starts.time(),
            "end_time": ends.time(),
            "place_name": session.place_name,
            "address": session.address,
            "online_url": session.online_url,
            "agenda": meeting.agenda,
        }

    def details(self) -> MeetingDetails:
        data = self.cleaned_data
        return MeetingDetails(
            starts_at=timezone.make_aware(datetime.combine(data["date"], data["start_time"])),
            ends_at=timezone.make_aware(datetime.combine(data["date"], data["end_time"])),
            agenda=data["agenda"],
            place_name=data["place_name"],
            address=data["address"],
            online_url=data["online_url"],
        )


class MinutesForm(AnonymousTextForm):
    checked_fields = ("minutes",)
    prefix = "minutes"

    minutes = forms.CharField(
        label=_("Minutes"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What was discussed and agreed. No names of clients, numbers or addresses."),
    )


class AttendanceForm(forms.Form):
    prefix = "attendance"

    def __init__(self, *args: Any, registrations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["present"] = forms.MultipleChoiceField(
            label=_("Who was there?"),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            choices=[(str(r.user_id), r.name) for r in registrations],
            help_text=_("Everyone not ticked is recorded as absent."),
        )

    def present_user_ids(self) -> list[int]:
        return [int(value) for value in self.cleaned_data["present"]]
