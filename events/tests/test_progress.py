"""An event on the item pages of `learning`: completed by attending, never by a click."""

from django.test import Client

from accounts.tests.factories import ProfileFactory
from learning.models import LearningRecord, Verb

from .factories import create_event


def test_events_are_not_completed_by_a_click(client: Client, catalogue, groningen):
    client.force_login(ProfileFactory.create().user)
    event = create_event(catalogue, regions=[groningen.region])
    response = client.post(f"/mijn/voortgang/{event.pk}/afgerond/")
    assert response.status_code == 404
    page = client.get(event.url).text
    assert "Markeer als afgerond" not in page
    assert not LearningRecord.objects.filter(verb=Verb.COMPLETED).exists()
