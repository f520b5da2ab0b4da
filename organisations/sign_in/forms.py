from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from ..models import Domain


class SettingsForm(forms.Form):
    server_url = forms.CharField(
        label=_("Address of the provider (issuer)"),
        max_length=500,
        help_text=_(
            "For example https://login.microsoftonline.com/your-tenant-id/v2.0. The platform "
            "reads the provider's settings at this address followed by "
            "/.well-known/openid-configuration."
        ),
        widget=forms.URLInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    client_id = forms.CharField(
        label=_("Client id"),
        max_length=191,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    # Never shown again: the field stays empty and an empty field keeps the saved secret.
    client_secret = forms.CharField(
        label=_("Client secret"),
        max_length=191,
        required=False,
        strip=False,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
    )
    domains = forms.ModelMultipleChoiceField(
        label=_("For people with an address at"),
        queryset=Domain.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    is_active = forms.BooleanField(
        label=_(
            "Switched on: people at these domains can sign in with their organisation's account"
        ),
        required=False,
    )

    def __init__(self, *args: Any, domains: QuerySet[Domain], has_secret: bool, **kwargs: Any):
        super().__init__(*args, **kwargs)
        domain_field = self.fields["domains"]
        assert isinstance(domain_field, forms.ModelMultipleChoiceField)
        domain_field.queryset = domains
        domain_field.help_text = (
            _("The e-mail domains your organisation registered.")
            if domains.exists()
            else _("Your organisation has no e-mail domains yet. Register one first.")
        )
        self.fields["client_secret"].help_text = (
            _("A secret is saved. Leave this empty to keep it; type a new one to replace it.")
            if has_secret
            else _("The secret your provider gave the platform, together with the client id.")
        )


class StartForm(forms.Form):
    email = forms.EmailField(
        label=_("Your work e-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
