"""Forms of the team paths' pages and of a member's consent."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from catalogue.models import LearningItemPage
from organisations.models import Membership

from .models import TeamPath

SEARCH_RESULTS = 20


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


class PathForm(forms.ModelForm):
    class Meta:
        model = TeamPath
        fields = ["title", "description"]
        labels = {"title": _("Title"), "description": _("What the path is for (optional)")}
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"title": {"required": _("Give the path a title.")}}


class ItemSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search the catalogue by title"),
        required=False,
        max_length=100,
        help_text=_("For example “schulden”, or the name of a training or a track."),
        widget=forms.TextInput(attrs={"type": "search"}),
    )

    def results(self, *, exclude: list[int]) -> list[LearningItemPage]:
        """Published items whose title holds the words, events and tracks included; one
        query, at most SEARCH_RESULTS, however large the catalogue."""
        if not self.is_valid() or not (query := self.cleaned_data["q"].strip()):
            return []
        items = LearningItemPage.objects.live().public().exclude(pk__in=exclude)
        for word in query.split():
            items = items.filter(title__icontains=word)
        return list(items.select_related("learning_form").order_by("title")[:SEARCH_RESULTS])


class AddStepForm(forms.Form):
    item = forms.ModelChoiceField(
        LearningItemPage.objects.none(),
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": _("This item is no longer in the catalogue.")},
    )
    due_date = forms.DateField(label=_("Due date (optional)"), required=False, widget=DateInput())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Which pages are public is read from the database: at use, never at import.
        self.fields["item"].queryset = LearningItemPage.objects.live().public()  # type: ignore[attr-defined]


class DueDateForm(forms.Form):
    due_date = forms.DateField(label=_("Due date"), required=False, widget=DateInput())


class SharingForm(forms.Form):
    sharing = forms.ChoiceField(
        label=_("What may the managers of your teams see?"),
        choices=[
            (
                Membership.Sharing.NOTHING,
                _("Nothing. They see that you are in the team, with “shares no progress”."),
            ),
            (
                Membership.Sharing.ASSIGNED,
                _(
                    "Whether you completed the items of the paths your team was assigned, "
                    "and which are overdue. This is the default."
                ),
            ),
            (
                Membership.Sharing.ALL,
                _("That, and the titles of everything else you completed on the platform."),
            ),
        ],
        widget=forms.RadioSelect,
        help_text=_(
            "Never your answers to practice assignments and never anything of your learning "
            "circles, whatever you choose. You can change this at any time; it applies at once."
        ),
    )
