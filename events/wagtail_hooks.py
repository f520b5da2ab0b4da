"""Editors' side of events in /beheer/: the registrations listing (events.admin_views) and
the waiting list moving up when an editor publishes more seats."""

from typing import Any

from django.http import HttpRequest
from wagtail import hooks

from . import services
from .admin_views import RegistrationViewSet
from .models import EventPage


@hooks.register("register_admin_viewset")
def register_registrations() -> RegistrationViewSet:
    return RegistrationViewSet()


@hooks.register("after_publish_page")
def fill_seats_after_publishing(request: HttpRequest, page: Any) -> None:
    """More seats on the published page: the waiting list moves up at once."""
    if isinstance(page.specific, EventPage):
        for session in page.specific.sessions.all():
            services.promote_from_waiting_list(session=session, actor=request.user)
