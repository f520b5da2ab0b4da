"""Meetings are events sessions: members get a seat (calendar feed, e-mail with calendar
file, reminder) and attendance becomes learning records; the circle adds agenda and
minutes."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from circles.models import Meeting
from circles.services import CircleError, MeetingDetails, add_member, leave_circle, plan_meeting
from events.models import Registration, Session
from events.models import RegistrationState as State
from events.services import mark_attendance, request_evaluations, send_due_reminders
from learning.models import LearningRecord, Verb

from .factories import make_user, membership


def details(days: int = 7, **fields) -> MeetingDetails:
    start = timezone.now() + timedelta(days=days)
    return MeetingDetails(
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        agenda=fields.pop("agenda", "1. Opening\n2. Casus"),
        place_name=fields.pop("place_name", "Stadhuis Assen"),
        **fields,
    )


def test_planning_gives_every_member_a_seat_in_their_calendar(
    client, circle, people, django_capture_on_commit_callbacks
) -> None:
    client.force_login(people["facilitator"])
    start = timezone.localtime() + timedelta(days=10)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("circles:meeting_new", kwargs={"slug": "assen"}),
            {
                "date": start.date().isoformat(),
                "start_time": "14:00",
                "end_time": "16:00",
                "place_name": "Stadhuis",
                "agenda": "Open afspraken en een casus",
            },
        )
    meeting = Meeting.objects.get()
    assert response["Location"] == meeting.get_absolute_url()
    assert meeting.session.event is None
    for person in ("facilitator", "member"):
        assert Registration.objects.for_calendar_of(people[person]).get().session == meeting.session
    recipients = {tuple(message.to) for message in mail.outbox}
    assert (people["member"].email,) in recipients
    assert any(a[2] == "text/calendar" for m in mail.outbox for a in m.attachments)

    # Two days before, the events app's reminder goes out.
    with time_machine.travel(meeting.session.starts_at - timedelta(days=1)):
        assert send_due_reminders() == 2


def test_a_meeting_needs_an_end_after_the_start_and_a_place(client, circle, people) -> None:
    client.force_login(people["facilitator"])
    response = client.post(
        reverse("circles:meeting_new", kwargs={"slug": "assen"}),
        {"date": "2030-01-10", "start_time": "16:00", "end_time": "14:00", "agenda": "Iets"},
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"end_time", "place_name"}
    assert not Meeting.objects.exists()


def test_members_joining_or_leaving_follow_the_upcoming_meetings(circle, people) -> None:
    meeting = plan_meeting(circle=circle, by=people["facilitator"], details=details())
    newcomer = make_user("nieuw")
    add_member(circle=circle, user=newcomer, by=people["facilitator"])
    assert Registration.objects.for_calendar_of(newcomer).get().session == meeting.session
    leave_circle(membership=membership(circle, newcomer))
    assert not Registration.objects.for_calendar_of(newcomer).exists()


def test_attendance_becomes_learning_records(client, circle, people) -> None:
    meeting = plan_meeting(circle=circle, by=people["facilitator"], details=details(days=1))
    attendance_url = reverse("circles:attendance", kwargs={"slug": "assen", "pk": meeting.pk})
    client.force_login(people["facilitator"])
    client.post(attendance_url, {"attendance-present": [str(people["member"].pk)]})
    assert not LearningRecord.objects.filter(verb=Verb.ATTENDED).exists()  # not started yet
    with time_machine.travel(meeting.session.starts_at + timedelta(hours=3)):
        client.force_login(people["facilitator"])
        client.post(attendance_url, {"attendance-present": [str(people["member"].pk)]})

    def attendance_of(person: str) -> list[str]:
        records = LearningRecord.objects.of(people[person]).about(meeting.session)
        return list(records.exclude(verb=Verb.REGISTERED).values_list("verb", flat=True))

    assert attendance_of("member") == [Verb.ATTENDED]
    assert attendance_of("facilitator") == [Verb.ABSENT]


def test_minutes_are_written_by_a_facilitator_and_read_by_members(client, circle, people) -> None:
    meeting = plan_meeting(circle=circle, by=people["facilitator"], details=details())
    minutes_url = reverse("circles:minutes", kwargs={"slug": "assen", "pk": meeting.pk})
    client.force_login(people["member"])
    assert client.post(minutes_url, {"minutes-minutes": "Verslag"}).status_code == 403
    client.force_login(people["facilitator"])
    response = client.post(minutes_url, {"minutes-minutes": "Bel 06-12345678 voor info"})
    assert response.status_code == 200
    assert "lijkt op een telefoonnummer" in response.content.decode()
    client.post(minutes_url, {"minutes-minutes": "We spraken over vroegsignalering."})
    client.force_login(people["member"])
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "We spraken over vroegsignalering." in html
    assert "Stadhuis Assen" in html


def test_only_facilitators_plan(circle, people) -> None:
    with pytest.raises(CircleError):
        plan_meeting(circle=circle, by=people["member"], details=details())


def test_who_attends_a_meeting_stays_in_the_circle(client, circle, people) -> None:
    """Editors manage registrations of events in /beheer/, not of circle meetings: the
    meeting's participant list, its registrations and its evaluation requests stay out."""
    meeting = plan_meeting(circle=circle, by=people["facilitator"], details=details())
    registration = Registration.objects.filter(session=meeting.session).first()
    assert meeting.session.is_private and registration is not None
    editor = people["editor"]
    assert not Session.objects.managed_by(editor).filter(pk=meeting.session.pk).exists()
    assert not Registration.objects.visible_to(editor).filter(pk=registration.pk).exists()
    client.force_login(editor)
    assert client.get(f"/agenda/sessie/{meeting.session.pk}/deelnemers/").status_code == 404
    listing = client.get("/beheer/inschrijvingen/")
    assert listing.status_code == 200
    assert people["member"].email not in listing.text
    assert (
        client.get(reverse("events_registration:inspect", args=[registration.pk])).status_code
        == 404
    )

    mark_attendance(registration=registration, state=State.ATTENDED, actor=people["facilitator"])
    with time_machine.travel(meeting.session.ends_at + timedelta(hours=1)):
        assert request_evaluations() == 0, "a meeting has no evaluation form"
