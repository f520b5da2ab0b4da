"""/beheer/: an editor appoints an organisation's first administrator and registers a
domain; someone without the right does not reach the page."""

import pytest
from django.test import Client
from django.urls import reverse

from accounts.tests.factories import OrganisationFactory, UserFactory
from organisations.models import Domain, Membership

from .conftest import HOST, person

pytestmark = pytest.mark.django_db


def test_an_editor_starts_a_workspace(groningen):
    organisation = OrganisationFactory.create(name="Zorggroep Zee")
    future_admin = person("eerste", "zee.nl")
    editor = UserFactory.create(is_superuser=True, is_staff=True)
    client = Client()
    client.force_login(editor)
    url = reverse("organisations_workspaces")
    assert client.get(url, **HOST).status_code == 200
    response = client.post(
        url,
        {"a-organisation": organisation.pk, "a-email": future_admin.email, "appoint": "1"},
        **HOST,
    )
    assert response.status_code == 302
    assert Membership.objects.get(user=future_admin).is_admin
    response = client.post(
        url, {"d-organisation": organisation.pk, "d-domain": "gmail.com", "domain": "1"}, **HOST
    )
    assert response.status_code == 200 and not Domain.objects.exists()
    client.post(
        url, {"d-organisation": organisation.pk, "d-domain": "zee.nl", "domain": "1"}, **HOST
    )
    assert Domain.objects.get().organisation == organisation
    page = client.get(url, **HOST)
    assert "Zorggroep Zee" in page.text and future_admin.email in page.text


def test_someone_without_the_right_does_not_reach_it(groningen):
    client = Client()
    client.force_login(UserFactory.create(is_staff=True))
    response = client.get(reverse("organisations_workspaces"), **HOST)
    assert response.status_code == 302, "sent away, as from every admin page without the right"
