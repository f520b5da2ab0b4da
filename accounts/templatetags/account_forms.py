"""Form fields as the platform shows them: hint and errors tied to the input."""

from django import template
from django.forms import BoundField
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag
def described_by(field: BoundField) -> str:
    """The ids of the field's hint and error messages, for aria-describedby."""
    ids = [f"{field.auto_id}_helptext"] if field.help_text else []
    ids += [f"{field.auto_id}_error{number}" for number in range(1, len(field.errors) + 1)]
    return " ".join(ids)


@register.simple_tag
def field_input(field: BoundField) -> SafeString:
    # Labels and hints say what to fill in; a placeholder would vanish while typing.
    field.field.widget.attrs.pop("placeholder", None)
    ids = described_by(field)
    return field.as_widget(attrs={"aria-describedby": ids} if ids else None)
