import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from wagtail.models import GroupPagePermission

from .. import services
from ..models import Sending
from .factories import create_edition, create_subscriber, create_subscribers

pytestmark = pytest.mark.django_db
HOST = {"HTTP_HOST": "groningen.localhost"}


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "x")


def test_an_edition_is_public_only_once_sent(client, edition, groningen):
    assert client.get("/nieuwsbrief/voorjaar/", **HOST).status_code == 404
    assert "voorjaar" not in client.get("/sitemap.xml", **HOST).content.decode()
    services.start_sending(edition=edition)
    page = client.get("/nieuwsbrief/voorjaar/", **HOST)
    assert page.status_code == 200
    assert "Dit is er nieuw in de leeromgeving." in page.content.decode()
    sitemap = client.get("/sitemap.xml", **HOST).content.decode()
    assert "/nieuwsbrief/voorjaar/" in sitemap and "/nieuwsbrief/archief/" in sitemap


@pytest.mark.parametrize("count", [2, 20])
def test_the_archive_lists_the_portals_sent_editions_in_few_queries(
    client, newsletter_page, groningen, drenthe, count, django_assert_max_num_queries
):
    for n in range(count):
        services.start_sending(
            edition=create_edition(
                newsletter_page, [groningen.region], slug=f"editie-{n}", title=f"Editie {n}"
            )
        )
    create_edition(newsletter_page, [groningen.region], slug="concept", title="Nog niet verstuurd")
    services.start_sending(
        edition=create_edition(
            newsletter_page, [drenthe.region], slug="drenthe", title="Alleen Drenthe"
        )
    )
    client.get("/nieuwsbrief/archief/", **HOST)  # the portal's site and menus, once
    with django_assert_max_num_queries(10):
        response = client.get("/nieuwsbrief/archief/?page=fresh", **HOST)
    text = response.content.decode()
    assert text.count('<li><a href="/nieuwsbrief/editie-') == count
    assert "Nog niet verstuurd" not in text and "Alleen Drenthe" not in text


def test_editors_send_a_test_and_then_the_edition_from_beheer(
    client, edition, groningen, editor, outbox_mail, django_capture_on_commit_callbacks
):
    create_subscribers(3, [groningen.region])
    client.force_login(editor)
    url = f"/beheer/nieuwsbrief/{edition.pk}/versturen/"
    page = client.get(url)
    assert "3 abonnees" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "test"})
    assert [m.to for m in mail.outbox] == [["editor@example.org"]]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "send"})
    assert len(mail.outbox) == 4
    text = client.get(url).content.decode()
    assert "3 van de 3 e-mails klaargezet" in text
    assert Sending.objects.get().finished_at is not None


def test_scheduling_in_the_past_is_refused_in_dutch(client, edition, editor):
    client.force_login(editor)
    response = client.post(
        f"/beheer/nieuwsbrief/{edition.pk}/versturen/",
        {"action": "schedule", "scheduled_for": "2020-01-01T09:00"},
    )
    assert "Kies een moment in de toekomst." in response.content.decode()
    assert not Sending.objects.filter(scheduled_for__isnull=False).exists()


def test_only_who_may_publish_reaches_the_sending_and_a_guessed_id_is_404(
    client, edition, django_user_model
):
    someone = django_user_model.objects.create_user("iemand", "iemand@example.org", "x")
    group = Group.objects.create(name="Kijkers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    someone.groups.add(group)
    GroupPagePermission.objects.create(
        group=group, page=edition.get_parent(), permission_type="change"
    )
    client.force_login(someone)
    url = f"/beheer/nieuwsbrief/{edition.pk}/versturen/"
    assert client.get(url).status_code in (302, 403)
    assert client.post(url, {"action": "send"}).status_code in (302, 403)
    assert not Sending.objects.filter(started_at__isnull=False).exists()
    someone.is_superuser = True
    someone.save()
    assert client.get(f"/beheer/nieuwsbrief/{edition.pk + 999}/versturen/").status_code == 404


def test_the_profile_consent_makes_a_confirmed_subscription_and_withdrawing_ends_it(
    client, groningen
):
    from accounts.services import ProfileDetails, complete_onboarding, update_profile
    from core.models import Municipality, Role
    from events.tests.factories import create_user

    from ..models import Subscriber

    user = create_user("ans")
    role = Role.objects.create(name="Schuldhulpverlener", slug="schuldhulp")
    municipality = Municipality.objects.create(
        name="Stadskanaal", cbs_code="GM0037", region=groningen.region
    )
    details = ProfileDetails(
        full_name="Ans", role=role, municipality=municipality, has_newsletter_consent=True
    )
    complete_onboarding(user=user, details=details)
    subscriber = Subscriber.objects.get(user=user)
    assert subscriber.is_confirmed and subscriber.email == "ans@example.org"
    assert subscriber.consent_source == "profile"
    assert "nieuwsbrief" in subscriber.consent_text.lower()
    assert list(subscriber.regions.all()) == [groningen.region]
    assert list(subscriber.roles.all()) == [role]
    update_profile(
        user=user, details=ProfileDetails(full_name="Ans", role=role, has_newsletter_consent=False)
    )
    subscriber.refresh_from_db()
    assert subscriber.state == Subscriber.State.UNSUBSCRIBED


def test_the_download_has_the_subscription_and_removal_takes_it(groningen):
    from core.privacy import export_person, remove_person
    from events.tests.factories import create_user

    from ..models import Subscriber

    user = create_user("ans")
    create_subscriber("ans@example.org", [groningen.region])  # made without the account
    document = export_person(user=user, base_url="http://groningen.localhost")
    subscriptions = document["newsletter"]
    assert isinstance(subscriptions, list)
    [subscription] = subscriptions
    assert subscription["email"] == "ans@example.org"
    assert subscription["consent_text"] == "Ja, stuur mij de nieuwsbrief."
    remove_person(user=user)
    assert not Subscriber.objects.exists()


def test_the_sending_page_suggests_the_regions_recent_news(
    client, edition, groningen, drenthe, editor
):
    from news.tests.factories import create_news, create_news_index

    index = create_news_index([groningen.region, drenthe.region])
    create_news(index, slug="nieuws-uit-groningen", regions=[groningen.region])
    create_news(index, slug="nieuws-uit-drenthe", regions=[drenthe.region])
    client.force_login(editor)
    text = client.get(f"/beheer/nieuwsbrief/{edition.pk}/versturen/").content.decode()
    assert "Nieuws uit groningen" in text
    assert "Nieuws uit drenthe" not in text


def test_an_edition_sent_to_nobody_says_so_without_an_empty_progress_bar(
    client, edition, editor, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    url = f"/beheer/nieuwsbrief/{edition.pk}/versturen/"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "send"})
    text = client.get(url).content.decode()
    assert "Zijn regio's hadden geen abonnees toen hij werd verstuurd" in text
    assert "<progress" not in text
