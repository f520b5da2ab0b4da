from collections import Counter
from datetime import timedelta
from io import StringIO

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, Site

from core.models import (
    ContentPage,
    LearningForm,
    Municipality,
    Organisation,
    OutgoingEmail,
    PortalHomePage,
    Region,
    Role,
    Sector,
    Theme,
)
from events.models import EventPage
from organisations.models import Domain, Invitation, Membership, Team
from tracks.models import Certificate

COUNTED = [Region, Municipality, Sector, Role, Theme, LearningForm, Organisation, Page, Site]


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


def test_demo_loads_both_portals_and_can_run_again(db):
    call_command("load_demo", stdout=StringIO())
    first = counts()
    call_command("load_demo", stdout=StringIO())
    assert counts() == first

    assert first["Municipality"] == 22
    assert Municipality.objects.filter(is_veenkolonien=True).count() == 8
    assert Municipality.objects.filter(region__slug="drenthe").count() == 12
    assert first["Sector"] == 6
    assert set(LearningForm.objects.values_list("icon", flat=True)) == set(LearningForm.Icon)
    assert first["Site"] == 2
    default = Site.objects.get(is_default_site=True)
    assert default.hostname == "groningen.localhost"
    assert {home.region.slug for home in PortalHomePage.objects.all()} == {"groningen", "drenthe"}
    assert get_user_model().objects.filter(username="redacteur", is_superuser=True).exists()


def test_demo_keeps_what_editors_changed(db):
    call_command("load_demo", stdout=StringIO())
    page = ContentPage.objects.get(slug="over")
    page.title = "Over ons (aangepast)"
    page.save()
    call_command("load_demo", stdout=StringIO())
    assert ContentPage.objects.get(slug="over").title == "Over ons (aangepast)"


def test_demo_portals_serve_their_pages(client, db):
    call_command("load_demo", stdout=StringIO())
    for host in ("groningen.localhost:8000", "drenthe.localhost:8000"):
        for path in ("/", "/over/", "/onderzoek/", "/toegankelijkheid/"):
            assert client.get(path, HTTP_HOST=host).status_code == 200, (host, path)
    assert client.get("/in-drenthe/", HTTP_HOST="drenthe.localhost:8000").status_code == 200
    assert client.get("/in-drenthe/", HTTP_HOST="groningen.localhost:8000").status_code == 404


def test_demo_catalogue_tells_the_truth_at_a_glance(client, db):
    call_command("load_demo", stdout=StringIO())
    host = "groningen.localhost:8000"
    listing = client.get("/aanbod/?sorteer=duur", HTTP_HOST=host).content.decode()
    assert "minuten</li>" in listing and "1440" not in listing and "720 minuten" not in listing
    # The work session of three weeks ago is over: not listed, unless asked for, and marked.
    past = "Werksessie vroegsignalering: projectstructuur"
    assert past not in listing
    everything = client.get("/aanbod/?afgelopen=ja", HTTP_HOST=host).content.decode()
    assert "Afgelopen" in everything[everything.index(past) :].split("</li>")[0]
    tracks = client.get("/aanbod/?duur=dagen", HTTP_HOST=host).content.decode()
    assert "<li>3 dagen</li>" in tracks and "<li>2 dagen</li>" in tracks
    for overview in ("/aanbod/gezinstype/", "/aanbod/kapitaal/"):
        assert client.get(overview, HTTP_HOST=host).status_code == 200, overview


def test_glossary_terms_load_once_and_keep_edits(db):
    from demo.glossary_terms import TERMS, load_terms
    from glossary.models import Term

    Term.objects.create(name="Bijstand", slug="eigen", short_definition="Door de redactie.")
    assert load_terms() == len(TERMS) - 1
    assert load_terms() == 0
    assert Term.objects.get(name="Bijstand").short_definition == "Door de redactie."


def test_loading_the_demo_sends_no_email(db, settings, django_capture_on_commit_callbacks):
    """Its people are invented: nobody is told of their registrations or certificates,
    also not by work that runs after the load commits (tasks, the outbox)."""
    settings.EMAIL_BACKEND = "core.mail.TaskEmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=StringIO())
    assert Certificate.objects.exists()  # the demo has certificates to tell about
    assert [message.subject for message in mail.outbox] == []
    assert not OutgoingEmail.objects.exists()


def test_demo_congres_is_upcoming_with_a_programme_of_workshop_rounds(client, db):
    call_command("load_demo", stdout=StringIO())
    congres = EventPage.objects.get(slug="congres-alliantie-van-kracht-tegen-armoede")
    sessions = list(congres.sessions.all())
    assert all(session.starts_at > timezone.now() + timedelta(days=50) for session in sessions)
    rounds = Counter(session.round for session in sessions)
    assert rounds == {"": 1, "Ronde 1": 3, "Ronde 2": 3}
    assert all(session.speakers and "voorbeeld" in session.speakers for session in sessions)
    page = client.get(congres.url, HTTP_HOST="groningen.localhost:8000").content.decode()
    for session in sessions:
        assert session.title in page
    assert "Ronde 2: 13:30 \u2013 14:45</h3>" in page and "De Oosterpoort" in page


def test_demo_partners_are_workspaces_with_teams(db):
    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())  # again: nothing doubles
    assert Domain.objects.count() == 3
    assert all(domain.domain.endswith(".example.org") for domain in Domain.objects.all())
    for organisation in Organisation.objects.filter(domains__isnull=False):
        assert organisation.memberships.filter(role="admin").count() == 1
        teams = Team.objects.filter(organisation=organisation)
        # Two teams each; the team paths' demo adds a third to Welzijn Drentse Monden.
        assert teams.count() >= 2
        for team in teams:
            assert team.team_members.filter(is_manager=True).count() == 1
            assert 3 <= team.team_members.filter(is_manager=False).count() <= 6
        assert Invitation.objects.filter(organisation=organisation, accepted_at=None).count() == 1
    assert Membership.objects.filter(joined_by="domain").count() > 25
    assert not OutgoingEmail.objects.exists(), "no mail to invented people"
