from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_QUERY_LENGTH = 200


class QueryField(forms.CharField):
    """Any text is a query: what is too long is cut off and control characters are
    dropped, so odd input finds nothing instead of failing."""

    def to_python(self, value: Any) -> str:
        text = super().to_python(value) or ""
        text = "".join(char if char.isprintable() else " " for char in text)
        return text[:MAX_QUERY_LENGTH].strip()


class SearchForm(forms.Form):
    q = QueryField(
        label=_("What are you looking for?"),
        required=False,
        widget=forms.SearchInput(attrs={"maxlength": MAX_QUERY_LENGTH}),
    )
