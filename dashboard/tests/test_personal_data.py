"""A person with data behind every relation to the user model downloads it all and removes
their account; afterwards nothing in any table names them (core/privacy.py)."""

import json
from datetime import timedelta
from typing import Any

import pytest
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from django.apps import apps
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone
from wagtail.admin.models import EditingSession, FormState
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.log_actions import log
from wagtail.models import (
    APIToken,
    Comment,
    CommentReply,
    Page,
    PageSubscription,
    Task,
    TaskState,
    UploadedFile,
    Workflow,
    WorkflowState,
)
from wagtail.users.models import UserProfile

from accounts.tests.factories import PASSWORD, OrganisationFactory, ProfileFactory
from api.services import create_access_token
from catalogue.models import PracticeAssignmentPage
from catalogue.tests.factories import create_item
from circles.models import Bottleneck, CircleEvent
from circles.services import (
    AgreementDetails,
    MeetingDetails,
    accept_invitation,
    add_comment,
    invite_to_circle,
    make_agreement,
    plan_meeting,
    write_minutes,
)
from circles.tests.factories import make_case, make_circle
from core.privacy import Removal, holdings, user_relations
from events.models import RegistrationChange
from events.reservations import reserve_seats
from events.services import register_user, renew_calendar_feed
from events.tests.factories import create_event
from learning.models import NeedsScan
from learning.routes import add_to_route
from learning.services import complete_item, save_answers
from learning.team_paths import add_step, assign_path, create_path
from news.models import Message
from news.services import answer_message, send_message
from newsletter.services import follow_profile_consent
from organisations import services as organisation_services
from organisations.models import Membership
from organisations.models import Membership as OrganisationMembership
from organisations.services import create_team, join
from reports.models import Funder
from tracks.models import Certificate
from tracks.tests.factories import create_track

HOST: dict[str, Any] = {"HTTP_HOST": "groningen.localhost"}
# What would give the person away; none of it may be anywhere after the removal.
NAME, USERNAME, EMAIL = "Zoë Vindmijniet", "zoe-vindmijniet", "zoe.vindmijniet@voorbeeld.nl"


@pytest.fixture
def person(db) -> Any:
    profile = ProfileFactory.create(
        full_name=NAME, user__username=USERNAME, user__email=EMAIL, other_organisation="Eigen"
    )
    return profile.user


@pytest.fixture
def someone_else(db) -> Any:
    return ProfileFactory.create(full_name="Iemand Anders").user


@pytest.fixture
def everything(person, someone_else, catalogue, groningen) -> None:
    """A row behind every relation to the user model, made as the platform makes it."""
    region = groningen.region
    now = timezone.now()
    # accounts, allauth, Django
    person.groups.add(Group.objects.create(name="Redacteuren"))
    person.user_permissions.add(Permission.objects.get(codename="change_profile"))
    Authenticator.objects.create(user=person, type=Authenticator.Type.TOTP, data={"secret": "x"})
    SocialAccount.objects.create(
        user=person, provider="org-gemeente", uid="p-1", extra_data={"userinfo": {"sub": "p-1"}}
    )
    LogEntry.objects.create(
        user=person,
        content_type=ContentType.objects.get_for_model(Group),
        object_repr="Redacteuren",
        action_flag=ADDITION,
    )
    # learning
    item = create_item(catalogue, slug="artikel", regions=[region])
    assignment = create_item(
        catalogue, slug="opdracht", regions=[region], kind=PracticeAssignmentPage
    )
    complete_item(user=person, page=item)
    save_answers(user=person, page=assignment, answers={"a": "Mijn antwoord"}, submit=False)
    NeedsScan.objects.create(user=person, minutes_per_week=60)
    add_to_route(user=person, item=item)
    # learning: a path the person, an administrator, assigned to a team
    membership = join(
        organisation=OrganisationFactory.create(),
        user=person,
        joined_by=Membership.JoinedBy.EDITOR,
        role=Membership.Role.ADMIN,
    )
    team = create_team(organisation=membership.organisation, name="Schuldhulp", actor=person)
    path = create_path(team=team, title="Basis", actor=person)
    add_step(path=path, item=item, actor=person)
    assign_path(path=path, actor=person)
    # api: a personal access token (its secret is never stored)
    create_access_token(user=person, name="HR-systeem")
    # reports: editors make a person a funder of a province in /beheer/
    Funder.objects.create(user=person, region=region)
    # events
    event = create_event(catalogue, regions=[region], capacity=1)
    session = event.sessions.get()
    register_user(session=session, user=person)
    waiting, _new = register_user(session=session, user=someone_else)
    RegistrationChange.objects.create(
        registration=waiting, actor=person, to_state=waiting.state, reason="Door de trainer"
    )
    renew_calendar_feed(user=person)
    event.trainers.add(person)
    event.save_revision(user=person).publish()
    # newsletter: the consent of the profile, made to count
    follow_profile_consent(
        user=person,
        wants_newsletter=True,
        regions=[region],
        consent_text="Stuur mij de nieuwsbrief",
    )
    # tracks
    track = create_track(catalogue, regions=[region], days=1)
    track.trainers.add(person)
    track.save()
    Certificate.objects.create(
        user=person, track=track, name=NAME, track_title=track.title, study_load_hours=8
    )
    # circles: a member of one, facilitator of another
    circle = make_circle(slug="assen", region=region, facilitator=someone_else)
    own = make_circle(slug="emmen", region=region, facilitator=person, code="GM0114")
    _invitation, token = invite_to_circle(circle=circle, email=EMAIL, by=someone_else)
    accept_invitation(circle=circle, token=token, user=person)
    invite_to_circle(circle=own, email="nieuw@voorbeeld.nl", by=person)
    waiting_for_the_person = make_circle(
        slug="stadskanaal", region=region, facilitator=someone_else, code="GM0037"
    )
    invite_to_circle(circle=waiting_for_the_person, email=EMAIL, by=someone_else)
    case = make_case(circle, person)
    add_comment(case=case, author=person, text="Wat hielp was een vast aanspreekpunt.")
    make_agreement(
        circle=circle,
        by=person,
        details=AgreementDetails(description="Eén loket voor schulden.", follow_up_by=person),
    )
    meeting = plan_meeting(
        circle=own,
        by=person,
        details=MeetingDetails(
            starts_at=now + timedelta(days=3),
            ends_at=now + timedelta(days=3, hours=2),
            agenda="Kennismaken",
            place_name="Bibliotheek",
        ),
    )
    write_minutes(meeting=meeting, by=person, minutes="We spraken over de wachtlijst.")
    Bottleneck.objects.create(
        circle=circle,
        title="Regels voor bijzondere bijstand",
        description="Te streng.",
        kind=Bottleneck.Kind.LAW,
        shared_at=now,
        regional_response="Aangekaart bij de gemeente.",
        responded_at=now,
        responded_by=person,
    )
    # news: a message to the coordinator, and an answer mailed back
    message = send_message(
        kind=Message.Kind.CONTACT,
        name=NAME,
        email=EMAIL,
        organisation="Eigen",
        text="Komt er een training in Emmen?",
        user=person,
        region=region,
    )
    answer_message(message=message, answer="Ja, in het voorjaar.", editor=someone_else)
    # organisations: joined by invitation as administrator, invited someone, registered
    # the domain of their own address
    organisation = OrganisationFactory.create(name="Gemeente Vindplaats")
    organisation_services.join(
        organisation=organisation,
        user=someone_else,
        joined_by=OrganisationMembership.JoinedBy.EDITOR,
        role=OrganisationMembership.Role.ADMIN,
    )
    _sent, token = organisation_services.invite(
        organisation=organisation,
        email=EMAIL,
        role=OrganisationMembership.Role.ADMIN,
        actor=someone_else,
        base_url="http://groningen.localhost",
    )
    organisation_services.accept_invitation(token=token, user=person)
    organisation_services.invite(
        organisation=organisation,
        email="nieuw@voorbeeld.nl",
        role=OrganisationMembership.Role.MEMBER,
        actor=person,
        base_url="http://groningen.localhost",
    )
    organisation_services.add_domain(organisation=organisation, domain="voorbeeld.nl", actor=person)
    # events: seats the person reserved for their organisation
    course = create_event(catalogue, slug="gereserveerd", regions=[region], capacity=5)
    reserve_seats(
        session=course.sessions.get(),
        organisation=organisation,
        seats=2,
        deadline=now + timedelta(days=1),
        actor=person,
    )
    # Wagtail: what an editor leaves behind
    page = Page.objects.get(pk=item.pk)
    Page.objects.filter(pk=page.pk).update(owner=person, locked=True, locked_by=person)
    log(instance=page, action="wagtail.edit", user=person)
    log(instance=circle, action="wagtail.edit", user=person)
    log(instance=person, action="wagtail.edit", user=someone_else)  # its label is the name
    comment = Comment.objects.create(page=page, user=person, text="Klopt dit?", contentpath="title")
    CommentReply.objects.create(comment=comment, user=person, text="Ja.")
    Comment.objects.create(
        page=page,
        user=someone_else,
        text="Typfout",
        contentpath="summary",
        resolved_at=now,
        resolved_by=person,
    )
    PageSubscription.objects.create(page=page, user=person, comment_notifications=True)
    workflow_state = WorkflowState.objects.create(
        content_type=ContentType.objects.get_for_model(item),
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id=str(page.pk),
        workflow=Workflow.objects.create(name="Nakijken"),
        status=WorkflowState.STATUS_IN_PROGRESS,
        requested_by=person,
    )
    TaskState.objects.create(
        workflow_state=workflow_state,
        revision=page.specific.save_revision(user=person),
        task=Task.objects.create(name="Eindredactie"),
        status=TaskState.STATUS_APPROVED,
        finished_by=person,
        finished_at=now,
    )
    Document.objects.create(
        title="Handout", file=ContentFile(b"%PDF", name="h.pdf"), uploaded_by_user=person
    )
    Image.objects.create(
        title="Foto", file="original_images/foto.png", width=1, height=1, uploaded_by_user=person
    )
    UploadedFile.objects.create(file="wagtail_uploads/x.png", uploaded_by_user=person)
    profile = UserProfile.get_for_user(person)
    profile.preferred_language = "nl"
    profile.save()
    page_type = ContentType.objects.get_for_model(Page)
    EditingSession.objects.create(
        user=person, content_type=page_type, object_id=str(page.pk), last_seen_at=now
    )
    FormState.objects.create(
        user=person,
        content_type=page_type,
        object_id=str(page.pk),
        parent_object_id="",
        data="{}",
        last_updated_at=now,
    )
    APIToken.objects.create(user=person, name="Koppeling", key_hash="0" * 64, prefix="wt_")


def rows_of(person: Any) -> dict[str, list[Any]]:
    """Per registered relation, the rows (or many-to-many links) that point at the person."""
    found = {}
    for name, relation in user_relations().items():
        if relation.many_to_many:
            through = relation.remote_field.through  # type: ignore[union-attr]
            own_side = (
                relation.m2m_field_name()  # type: ignore[attr-defined]
                if relation.model is get_user_model()
                else relation.m2m_reverse_field_name()  # type: ignore[attr-defined]
            )
            rows = through._default_manager.filter(**{own_side: person.pk})
        else:
            rows = relation.model._base_manager.filter(**{relation.attname: person.pk})
        found[name] = list(rows.values_list("pk", flat=True))
    return found


def traces_of(*markers: str) -> list[str]:
    """Every table row in which one of the markers appears, as "app.Model #pk"."""
    found = []
    for model in apps.get_models(include_auto_created=True):
        for row in model._base_manager.values():
            text = str(row).lower()
            if any(marker.lower() in text for marker in markers):
                found.append(f"{model._meta.label} #{row.get('id', row)}")
    return found


def test_the_person_has_a_row_behind_every_relation(person, everything):
    """Keeps the fixture complete: a new relation to the user model needs a row here."""
    missing = [name for name, rows in rows_of(person).items() if not rows]
    assert not missing, f"Give the person a row in `everything` for: {missing}"


def test_the_download_holds_every_registered_section(
    client: Client, person, someone_else, everything
):
    client.force_login(person)
    response = client.get("/mijn/gegevens/", **HOST)
    data = json.loads(response.content)
    empty = sorted(
        {
            holding.section
            for holding in holdings().values()
            if holding.section and not data.get(holding.section)
        }
    )
    assert not empty, f"The download has nothing in: {empty}"
    assert data["profile"]["full_name"] == NAME
    assert data["circle_memberships"][0]["email_about_news"] == "each"
    assert data["organisation_membership"]["organisation"] == "Gemeente Vindplaats"
    assert {row["text"] for row in data["circle_comments"]} == {
        "Wat hielp was een vast aanspreekpunt."
    }
    assert "Iemand Anders" not in response.text, "nobody else's name"
    assert "nieuw@voorbeeld.nl" not in response.text, "nor whom the person invited"
    assert '"secret"' not in response.text, "nor the authenticator's secret"


def test_removal_does_what_each_registration_declares_and_leaves_no_trace(
    client: Client, person, someone_else, everything
):
    before = rows_of(person)
    assert traces_of(NAME, USERNAME, EMAIL), "the scan finds the person before"
    client.force_login(person)

    response = client.post(
        "/mijn/verwijderen/", {"password": PASSWORD, "is_understood": "on"}, **HOST
    )

    assert "Je account is verwijderd" in response.text
    assert not traces_of(NAME, USERNAME, EMAIL)
    relations = user_relations()
    for name, holding in holdings().items():
        relation = relations[name]
        assert not rows_of(person)[name], f"{name} still points at the removed person"
        if relation.many_to_many:
            continue
        remaining = relation.model._base_manager.filter(pk__in=before[name])
        if holding.removal is Removal.DELETE:
            assert not remaining.exists(), f"{name}: rows should be gone"
        else:
            # Some may go with a row that is deleted (the person's own registration's
            # history goes with the registration); the others stay, unlinked.
            assert remaining.exists(), f"{name}: rows should stay"
    # The circles' history says a former member left.
    assert CircleEvent.objects.filter(
        circle__slug="assen", kind=CircleEvent.Kind.LEFT, actor=None, subject=None
    ).exists()
    # Others keep what is theirs, and the seat went to the waiting list.
    someone_else.refresh_from_db()
    assert someone_else.event_registrations.get().state == "confirmed"
    assert Comment.objects.filter(user=someone_else).exists()
