"""`{% can_reserve_seats as can_reserve %}`: whether the person may reserve seats for their
organisation (an administrator or manager), for the button on event and track pages."""

from typing import Any

from django import template

from events.reservations import managing_membership

register = template.Library()


@register.simple_tag(takes_context=True)
def can_reserve_seats(context: dict[str, Any]) -> bool:
    request = context.get("request")
    return request is not None and managing_membership(request.user) is not None
