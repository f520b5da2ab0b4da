from __future__ import annotations

from typing import Any

from allauth.mfa.totp.forms import ActivateTOTPForm
from django import forms
from django.utils.translation import gettext_lazy as _

from core.models import LearningForm, Municipality, Organisation, Role

from .models import Profile
from .services import ProfileDetails, VouchedOrganisation

OTHER_ORGANISATION = "anders"


class ProfileForm(forms.Form):
    """The onboarding after sign-up and the profile page ask the same questions."""

    full_name = forms.CharField(
        label=_("Your name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    role = forms.ModelChoiceField(
        Role.objects.all(),
        label=_("Your role"),
        empty_label=_("Choose your role"),
        help_text=_("We use this to show you what fits your work."),
    )
    organisation = forms.ChoiceField(
        label=_("Your organisation"),
        required=False,
        help_text=_("Not in the list? Choose “Other, namely” and type the name below."),
    )
    other_organisation = forms.CharField(
        label=_("Other organisation, namely"), max_length=200, required=False
    )
    municipality = forms.ModelChoiceField(
        Municipality.objects.all(),
        label=_("Municipality where you work"),
        required=False,
        empty_label=_("Choose a municipality"),
    )
    learning_forms = forms.ModelMultipleChoiceField(
        LearningForm.objects.all(),
        label=_("How do you like to learn?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose one or more. We suggest items in these forms first."),
    )
    has_newsletter_consent = forms.BooleanField(
        label=_("Send me the newsletter"),
        required=False,
        help_text=_("Twice a year, in spring and autumn, by e-mail. You can stop it at any time."),
    )
    has_report_consent = forms.BooleanField(
        label=_("Count my progress in anonymous reports"),
        required=False,
        help_text=_(
            "The reports to the provinces show how many professionals learned what, per "
            "sector and municipality. Your name is never in them."
        ),
    )

    def __init__(
        self, *args: Any, vouched: VouchedOrganisation | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        # A verified membership names the organisation; the form shows it as text.
        self.vouched = vouched
        if vouched is not None:
            del self.fields["organisation"], self.fields["other_organisation"]
            return
        organisation_field = self.fields["organisation"]
        assert isinstance(organisation_field, forms.ChoiceField)
        organisation_field.choices = [
            ("", _("Choose your organisation")),
            *((str(pk), name) for pk, name in Organisation.objects.values_list("pk", "name")),
            (OTHER_ORGANISATION, _("Other, namely")),
        ]

    @staticmethod
    def initial_from(profile: Profile) -> dict[str, Any]:
        if profile.organisation_id:
            organisation = str(profile.organisation_id)
        else:
            organisation = OTHER_ORGANISATION if profile.other_organisation else ""
        return {
            "full_name": profile.full_name,
            "role": profile.role,
            "organisation": organisation,
            "other_organisation": profile.other_organisation,
            "municipality": profile.municipality,
            "learning_forms": list(profile.learning_forms.all()),
            "has_newsletter_consent": profile.has_newsletter_consent,
            "has_report_consent": profile.has_report_consent,
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (
            data.get("organisation") == OTHER_ORGANISATION
            and not data.get("other_organisation", "").strip()
        ):
            self.add_error(
                "other_organisation",
                _("Type the name of your organisation, or choose one from the list."),
            )
        return data

    def details(self) -> ProfileDetails:
        data = self.cleaned_data
        choice = data.get("organisation", "")
        organisation = self.vouched.organisation if self.vouched else None
        if choice and choice != OTHER_ORGANISATION:
            organisation = Organisation.objects.get(pk=choice)
        return ProfileDetails(
            full_name=data["full_name"],
            role=data["role"],
            organisation=organisation,
            other_organisation=data.get("other_organisation", "")
            if choice == OTHER_ORGANISATION
            else "",
            municipality=data["municipality"],
            learning_forms=list(data["learning_forms"]),
            has_newsletter_consent=data["has_newsletter_consent"],
            has_report_consent=data["has_report_consent"],
        )


class MergeOtherOrganisationForm(forms.Form):
    """For editors: link everyone who typed one name to an organisation from the list."""

    other_organisation = forms.ChoiceField(label=_("Name people typed"))
    organisation = forms.ModelChoiceField(
        Organisation.objects.all(), label=_("Organisation from the list")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        names = (
            Profile.objects.with_other_organisation()
            .values_list("other_organisation", flat=True)
            .order_by("other_organisation")
            .distinct()
        )
        field = self.fields["other_organisation"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(name, name) for name in names]

    def profile_ids(self) -> list[int]:
        profiles = Profile.objects.filter(
            other_organisation=self.cleaned_data["other_organisation"]
        )
        return list(profiles.values_list("pk", flat=True))


class ActivateAuthenticatorForm(ActivateTOTPForm):
    """allauth's, with a label that says where the code comes from and the number
    keyboard on a phone."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        code = self.fields["code"]
        code.label = _("Code from the app")
        code.widget.attrs.update({"inputmode": "numeric", "autocomplete": "one-time-code"})
