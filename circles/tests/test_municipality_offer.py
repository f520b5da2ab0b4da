"""The monitor's page of a municipality shows the active learning circles there."""

from core.models import Municipality

HOST = {"HTTP_HOST": "drenthe.localhost"}


def test_the_monitor_page_of_a_municipality_lists_its_circles(client, circle, drenthe):
    html = client.get("/monitor/assen/", **HOST).content.decode()
    assert '<a href="/leerkringen/assen/deelnemen/">Leerkring Assen</a>' in html

    Municipality.objects.create(name="Emmen", cbs_code="GM0114", region=drenthe.region)
    html = client.get("/monitor/emmen/", **HOST).content.decode()
    assert "Er is nog geen leerkring in Emmen." in html
    assert "Leerkring Assen" not in html


def test_a_closed_circle_is_not_offered(client, circle):
    circle.status = "closed"
    circle.save()
    html = client.get("/monitor/assen/", **HOST).content.decode()
    assert "Leerkring Assen" not in html
