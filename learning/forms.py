from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_ANSWER_LENGTH = 10_000


class AnswersForm(forms.Form):
    """One text field per reflection question, keyed by the question block's id."""

    def __init__(self, *args: Any, questions: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, question in questions:
            self.fields[f"q-{key}"] = forms.CharField(
                label=question,
                required=False,
                max_length=MAX_ANSWER_LENGTH,
                widget=forms.Textarea(attrs={"rows": 5}),
            )

    @property
    def wants_submit(self) -> bool:
        return self.data.get("action") == "submit"

    def answers(self) -> dict[str, str]:
        return {name.removeprefix("q-"): value for name, value in self.cleaned_data.items()}


class MediaProgressForm(forms.Form):
    progress = forms.DecimalField(
        min_value=0,
        max_value=1,
        max_digits=4,
        decimal_places=3,
        error_messages={"invalid": _("Progress must be between 0 and 1.")},
    )
