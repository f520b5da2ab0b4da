"""Invitations and requests to join cannot flood a mailbox."""

from django.core import mail
from django.urls import reverse

from circles.models import Invitation

from .factories import make_user

LIMITED = "Dit formulier is kort na elkaar een paar keer verstuurd"


def test_30_invitations_to_one_address_send_3_emails(
    client, circle, people, django_capture_on_commit_callbacks
) -> None:
    client.force_login(people["facilitator"])
    invite = reverse("circles:invite", kwargs={"slug": "assen"})
    with django_capture_on_commit_callbacks(execute=True):
        responses = [client.post(invite, {"email": "doel@example.org"}) for _post in range(30)]
    assert len(mail.outbox) == 3
    assert Invitation.objects.filter(email="doel@example.org").count() == 3
    assert LIMITED in responses[-1].text
    # Other people can still be invited.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(invite, {"email": "collega@example.org"})
    assert mail.outbox[-1].to == ["collega@example.org"]


def test_asking_to_join_again_and_again_is_limited(
    client, circle, people, django_capture_on_commit_callbacks
) -> None:
    join = reverse("circles:request_join", kwargs={"slug": "assen"})
    client.force_login(people["outsider"])
    with django_capture_on_commit_callbacks(execute=True):
        statuses = [client.post(join).status_code for _post in range(4)]
    assert statuses == [302, 200, 200, 429]
    assert LIMITED in client.post(join).text
    assert len(mail.outbox) == 1
    client.force_login(make_user("nieuwkomer"))
    assert client.post(join).status_code == 302
