"""The completion rules (attendance, preparation, assignments), each way to fail, and what
completion brings: one learning record, one certificate, one e-mail."""

import io
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page

from core.periodic import run_due_jobs
from learning.models import AssignmentAnswers, LearningRecord, Verb
from learning.recommendations import recommend
from learning.services import complete_item, save_answers
from tracks import services
from tracks.models import Certificate, Cohort, CohortDay, RequirementRule, TrackPage
from tracks.progress import progress_for
from tracks.services import TrackError

from .factories import create_track, make_user, plan


def enrol(cohort: Cohort, user: Any) -> Any:
    registration, _created = services.register_for_track(cohort=cohort, user=user)
    return registration


def prepare_everything(cohort: Cohort, user, *, skip: object = None) -> None:
    for day in cohort.track.days.all():
        for item in day.preparation_items.all():
            if item.pk != getattr(skip, "pk", None):
                complete_item(user=user, page=item)


def hand_in_everything(cohort: Cohort, user, *, skip: object = None) -> None:
    for day in cohort.track.days.all():
        if day.assignment and day.assignment.pk != getattr(skip, "pk", None):
            save_answers(
                user=user, page=day.assignment, answers={"q": "Ik merkte rust."}, submit=True
            )


def attend(cohort: Cohort, user, editor, *, absent: object = None) -> None:
    for day in cohort.days.all():
        services.mark_day_attendance(
            day=day, user=user, attended=day.pk != getattr(absent, "pk", None), actor=editor
        )


def after_last_day(cohort: Cohort):
    return time_machine.travel(cohort.days.order_by("-starts_at").first().ends_at, tick=False)


def test_all_rules_hold_gives_record_certificate_and_email_once(
    cohort, participant, editor, django_capture_on_commit_callbacks
):
    registration = enrol(cohort, participant)
    prepare_everything(cohort, participant)
    hand_in_everything(cohort, participant)
    mail.outbox.clear()
    with after_last_day(cohort), django_capture_on_commit_callbacks(execute=True):
        attend(cohort, participant, editor)
    certificate = Certificate.objects.get(user=participant)
    assert certificate.track_id == cohort.track_id
    assert certificate.name == "Sanne de Vries (voorbeeld)"
    assert len(certificate.dates) == 3
    assert certificate.study_load_hours == 24
    completed = (
        LearningRecord.objects.of(participant).about(cohort.track).filter(verb=Verb.COMPLETED)
    )
    assert completed.count() == 1
    [message] = mail.outbox
    assert message.to == [participant.email]
    assert cohort.track.title in message.subject
    assert message.attachments[0][0] == "certificaat.pdf"
    assert f"/certificaat/{certificate.code}/" in message.body

    # Looking again, the command, a correction of attendance: nothing new.
    with django_capture_on_commit_callbacks(execute=True):
        assert services.evaluate_completion(registration=registration) == certificate
        call_command("check_track_completion", stdout=io.StringIO())
    assert Certificate.objects.count() == 1
    assert completed.count() == 1
    assert len(mail.outbox) == 1


def test_missing_one_day_fails_until_corrected(cohort, participant, editor):
    enrol(cohort, participant)
    prepare_everything(cohort, participant)
    hand_in_everything(cohort, participant)
    second_day = cohort.days.order_by("starts_at")[1]
    with after_last_day(cohort):
        attend(cohort, participant, editor, absent=second_day)
        assert not Certificate.objects.exists()
        # The trainer corrects the mistake: the latest record counts.
        services.mark_day_attendance(day=second_day, user=participant, attended=True, actor=editor)
    assert Certificate.objects.filter(user=participant).exists()


def test_a_day_without_any_attendance_record_fails(cohort, participant, editor):
    enrol(cohort, participant)
    prepare_everything(cohort, participant)
    hand_in_everything(cohort, participant)
    first_day = cohort.days.order_by("starts_at").first()
    with after_last_day(cohort):
        services.mark_day_attendance(day=first_day, user=participant, attended=True, actor=editor)
    [progress] = progress_for([cohort.registrations.get(user=participant)])
    assert not progress.rules_hold
    assert progress.done_count == len(progress.required_steps) - 2


def test_missing_one_preparation_item_fails_until_it_is_completed(
    cohort, participant, editor, django_capture_on_commit_callbacks
):
    enrol(cohort, participant)
    skipped = cohort.track.days.last().preparation_items.first()
    prepare_everything(cohort, participant, skip=skipped)
    hand_in_everything(cohort, participant)
    with after_last_day(cohort):
        attend(cohort, participant, editor)
    assert not Certificate.objects.exists()
    mail.outbox.clear()
    # The act that completes (in `learning`) completes the track through learning's hook.
    with django_capture_on_commit_callbacks(execute=True):
        complete_item(user=participant, page=skipped)
    assert Certificate.objects.filter(user=participant).exists()
    assert len(mail.outbox) == 1


def test_handing_in_the_last_assignment_completes_at_once(cohort, participant, editor):
    enrol(cohort, participant)
    prepare_everything(cohort, participant)
    last = cohort.track.days.last().assignment
    hand_in_everything(cohort, participant, skip=last)
    with after_last_day(cohort):
        attend(cohort, participant, editor)
    assert not Certificate.objects.exists()
    save_answers(user=participant, page=last, answers={"q": "Klaar."}, submit=True)
    assert Certificate.objects.filter(user=participant).exists()


def test_looking_does_not_complete_the_hourly_job_does(client, cohort, participant, editor):
    """When the rules hold without the act that completes (say the records came in another
    way, or an editor relaxed the rules), the track page and the dashboard only show it;
    the periodic job issues the certificate."""
    registration = enrol(cohort, participant)
    for day in cohort.track.days.all():
        for page in [*day.preparation_items.all(), day.assignment]:
            LearningRecord.objects.create(
                timestamp=timezone.now(),
                actor=participant,
                verb=Verb.COMPLETED,
                activity_type=ContentType.objects.get_for_model(Page),
                activity_id=page.pk,
                activity_name=page.title,
            )
    for day in cohort.days.all():
        LearningRecord.objects.create(
            timestamp=day.starts_at,
            actor=participant,
            verb=Verb.ATTENDED,
            activity_type=ContentType.objects.get_for_model(CohortDay),
            activity_id=day.pk,
            activity_name=str(day),
        )
    [progress] = progress_for([registration])
    assert progress.rules_hold
    client.force_login(participant)
    assert client.get(cohort.track.url, HTTP_HOST="groningen.localhost").status_code == 200
    assert client.get("/mijn/", HTTP_HOST="groningen.localhost").status_code == 200
    assert not Certificate.objects.exists()
    assert not LearningRecord.objects.about(cohort.track).exists()
    assert "tracks-completion" in run_due_jobs()
    assert Certificate.objects.filter(user=participant).exists()


def test_a_saved_but_not_handed_in_assignment_fails(cohort, participant, editor):
    enrol(cohort, participant)
    prepare_everything(cohort, participant)
    last = cohort.track.days.last().assignment
    hand_in_everything(cohort, participant, skip=last)
    save_answers(user=participant, page=last, answers={"q": "Half af"}, submit=False)
    assert AssignmentAnswers.objects.get(user=participant, page=last).submitted_at is None
    with after_last_day(cohort):
        attend(cohort, participant, editor)
    assert not Certificate.objects.exists()


def test_rules_none_need_attendance_only(catalogue, regions, participant, editor):
    track = create_track(
        catalogue,
        regions=regions,
        slug="tweedaagse",
        days=2,
        preparation_rule=RequirementRule.NONE,
        assignment_rule=RequirementRule.NONE,
    )
    cohort = plan(track)
    enrol(cohort, participant)
    with after_last_day(cohort):
        attend(cohort, participant, editor)
    assert Certificate.objects.filter(user=participant, track=track).exists()


def test_an_optional_day_is_not_needed(catalogue, regions, participant, editor):
    track = create_track(
        catalogue, regions=regions, slug="met-keuzedag", days=2, with_assignments=False
    )
    optional = track.days.last()
    optional.must_attend = False
    optional.save()
    cohort = plan(track)
    enrol(cohort, participant)
    prepare_everything(cohort, participant)
    with after_last_day(cohort):
        attend(cohort, participant, editor, absent=cohort.days.get(track_day=optional))
    assert Certificate.objects.filter(user=participant).exists()


def test_waiting_list_does_not_complete(track, participant, editor):
    cohort = plan(track, seats=1)
    enrol(cohort, make_user("eerste"))
    registration = enrol(cohort, participant)
    assert registration.state == "waiting"
    prepare_everything(cohort, participant)
    with after_last_day(cohort), pytest.raises(TrackError):
        attend(cohort, participant, editor)
    assert services.evaluate_completion(registration=registration) is None


def test_only_trainers_and_editors_record_attendance_and_not_before_the_day(
    cohort, participant, editor
):
    enrol(cohort, participant)
    day = cohort.days.order_by("starts_at").first()
    with pytest.raises(TrackError, match="begonnen"):
        services.mark_day_attendance(day=day, user=participant, attended=True, actor=editor)
    with time_machine.travel(day.starts_at, tick=False):
        with pytest.raises(TrackError):
            services.mark_day_attendance(
                day=day, user=participant, attended=True, actor=make_user("iemand")
            )
        trainer = make_user("trainer")
        track = TrackPage.objects.get(pk=cohort.track_id)
        track.trainers.add(trainer)
        track.save()
        assert services.mark_day_attendance(day=day, user=participant, attended=True, actor=trainer)
        assert not services.mark_day_attendance(
            day=day, user=participant, attended=True, actor=trainer
        )


def test_registration_window_and_waiting_list_reuse_events(track, participant):
    opens = timezone.now() + timedelta(days=2)
    cohort = plan(track, seats=1, registration_opens_at=opens)
    with pytest.raises(TrackError, match="opent op"):
        services.register_for_track(cohort=cohort, user=participant)
    with time_machine.travel(opens):
        first, created = services.register_for_track(cohort=cohort, user=participant)
        assert created and first.state == "confirmed"
        again, created = services.register_for_track(cohort=cohort, user=participant)
        assert again == first and not created
        second, _created = services.register_for_track(cohort=cohort, user=make_user("twee"))
        assert second.state == "waiting"
        services.cancel_track_registration(registration=first, actor=participant)
        second.refresh_from_db()
        assert second.state == "confirmed"
        assert [change.to_state for change in second.changes.all()] == ["waiting", "confirmed"]


def test_registering_sends_events_confirmation_with_the_first_day(
    cohort, participant, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.register_for_track(cohort=cohort, user=participant)
    [message] = mail.outbox
    assert cohort.track.title in message.subject
    assert "Het Kielzog" in message.body
    assert message.attachments[0][0] == "uitnodiging.ics"


def test_no_registration_after_the_first_day_started(cohort, participant):
    with time_machine.travel(cohort.starts_at + timedelta(minutes=1)), pytest.raises(TrackError):
        services.register_for_track(cohort=cohort, user=participant)


def test_progress_marks_the_next_step_and_due_dates(cohort, participant):
    registration = enrol(cohort, participant)
    [progress] = progress_for([registration])
    first_day = progress.days[0]
    assert progress.next_step is first_day.preparation[0]
    assert first_day.preparation[0].due_at == cohort.starts_at
    assert first_day.assignment is not None
    assert first_day.assignment.due_at == progress.days[1].day.starts_at
    assert progress.percentage == 0
    prepare_everything(cohort, participant)
    [progress] = progress_for([registration])
    assert progress.next_step is progress.days[0].attendance
    assert progress.percentage == round(100 * 3 / 9)


def test_certificate_keeps_its_facts_when_the_account_goes(cohort, participant, editor):
    enrol(cohort, participant)
    prepare_everything(cohort, participant)
    hand_in_everything(cohort, participant)
    with after_last_day(cohort):
        attend(cohort, participant, editor)
    participant.delete()
    certificate = Certificate.objects.get()
    assert certificate.user is None
    assert certificate.name == "Sanne de Vries (voorbeeld)"
    assert certificate.track_title == cohort.track.title


def test_issuing_due_certificates_is_a_periodic_job():
    from core.periodic import registered_jobs

    [job] = [job for job in registered_jobs() if job.name == "tracks-completion"]
    assert job.run is services.check_all_completions


def test_a_participant_is_not_recommended_their_own_track(cohort, participant):
    """Three quarters through the three-day track, or only registered: never recommended
    the track again; a colleague in the same role is."""
    role = cohort.track.roles.get()
    colleague = make_user("collega")
    for person in (participant, colleague):
        person.profile.role = role
        person.profile.save()
    region = cohort.track.regions.first()

    def recommended_to(user: Any) -> set[int]:
        return {r.page.pk for r in recommend(user=user, region=region, limit=20)}

    assert cohort.track.pk in recommended_to(participant)
    enrol(cohort, participant)
    assert cohort.track.pk not in recommended_to(participant)
    prepare_everything(cohort, participant)
    assert cohort.track.pk not in recommended_to(participant)
    assert cohort.track.pk in recommended_to(colleague)
    services.cancel_track_registration(
        registration=cohort.registrations.get(user=participant), actor=participant
    )
    assert cohort.track.pk in recommended_to(participant), "after cancelling, it may come back"
