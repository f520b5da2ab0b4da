from typing import Any

from django import template

from circles.models import person_name

register = template.Library()


@register.filter
def person(user: Any) -> str:
    """A member as other members see them: the name from their profile, else e-mail."""
    return person_name(user)
