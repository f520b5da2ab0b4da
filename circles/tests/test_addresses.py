"""Circle e-mails under another port (`PORT=8100 make run`) link to that port."""

import pytest
from django.core import mail
from wagtail.models import Site

from circles.models import Membership
from circles.services import invite_to_circle

from .factories import make_case


@pytest.fixture(autouse=True)
def served_on_port_8100(settings):
    settings.PORTAL_BASE_URL = "http://{hostname}:8100"
    settings.EMAIL_BACKEND = "core.mail.TaskEmailBackend"


def test_invitations_and_notifications_link_to_the_served_port(
    circle, people, django_capture_on_commit_callbacks
):
    Site.objects.update(port=8000)  # as the demo used to store it
    Membership.objects.filter(user=people["facilitator"]).update(notifications="none")
    with django_capture_on_commit_callbacks(execute=True):
        invite_to_circle(circle=circle, email="nieuw@example.org", by=people["facilitator"])
        case = make_case(circle, people["facilitator"])
    invitation, notification = mail.outbox
    # The circle's name says "leerkring" itself; the sentence does not say it twice.
    assert f"Je bent uitgenodigd voor een leerkring: {circle.name}." in invitation.body
    assert "Lees meer in de werkruimte van de leerkring" in notification.body
    assert "http://drenthe.localhost:8100/leerkringen/assen/uitnodiging/" in invitation.body
    assert f"http://drenthe.localhost:8100{case.get_absolute_url()}" in notification.body
