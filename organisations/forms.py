"""The workspace's forms; the services check who may do what."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Membership


class DomainForm(forms.Form):
    domain = forms.CharField(
        label=_("E-mail domain"),
        max_length=253,
        help_text=_(
            "The part after the @, such as gemeente.nl. You need a verified e-mail address "
            "at this domain yourself."
        ),
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "off"})
    )
    role = forms.ChoiceField(
        label=_("Role in the organisation"), choices=Membership.Role.choices, initial="member"
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role in the organisation"), choices=Membership.Role.choices)


class TeamForm(forms.Form):
    name = forms.CharField(label=_("Name of the team"), max_length=120)


class TeamMemberForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address of the member"),
        help_text=_("Someone who is already a member of the organisation."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    is_manager = forms.BooleanField(
        label=_("Manager of this team"),
        required=False,
        help_text=_("Only administrators and managers can lead a team."),
    )
