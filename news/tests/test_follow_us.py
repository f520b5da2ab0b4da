from core.cache import page_cache
from news.models import CommunicationSettings


def test_follow_us_shows_only_the_channels_filled_in(client, groningen):
    assert "Volg ons" not in client.get("/?v=0").content.decode()
    CommunicationSettings.objects.create(linkedin_url="https://www.linkedin.com/company/voorbeeld/")
    page_cache.clear()  # editing the setting in /beheer/ would refresh it in a minute
    html = client.get("/?v=1").content.decode().split("<footer")[1]
    assert "Volg ons" in html
    assert 'href="https://www.linkedin.com/company/voorbeeld/"' in html
    assert "Facebook" not in html


def test_a_get_writes_no_settings_row(client, groningen):
    client.get("/")
    assert not CommunicationSettings.objects.exists()
