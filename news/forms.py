from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Message


class MessageForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"), max_length=150, error_messages={"required": _("Fill in your name.")}
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We use it only to answer you."),
        error_messages={
            "required": _("Fill in your e-mail address."),
            "invalid": _("Fill in an e-mail address like name@example.org."),
        },
    )
    organisation = forms.CharField(
        label=_("Your organisation (optional)"), max_length=200, required=False
    )
    text = forms.CharField(
        label=_("Your message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": _("Write your message."),
            "max_length": _("Make your message shorter: at most %(limit_value)d characters."),
        },
    )

    def __init__(self, *args: Any, kind: str = Message.Kind.CONTACT, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if kind == Message.Kind.THEME_IDEA:
            self.fields["text"].label = _("Which theme or need for learning do you suggest?")
            self.fields["text"].help_text = _(
                "For example: what you run into in your work, and what would help you."
            )
            self.fields["text"].error_messages["required"] = _("Write your idea.")
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
