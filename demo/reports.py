"""A year of example activity, so the reach reports under /rapportages/ show something real
(voorbeeldcijfers: invented people, invented numbers).

Example professionals ("Voorbeeldprofessional 7", voorbeeld-bereik-7@example.org) join
the demo organisations through the onboarding service, in the demo's roles and
municipalities; most agree to be counted in anonymous reports. They learn through the
learning services, register for an accredited example training through the events
services, are marked present by the demo editor and fill in its evaluation.

What the services cannot do is give a date in the past: they stamp the moment of the act,
and register only for sessions still to come. So the demo registers for the training while
its sessions lie ahead, then moves the sessions and the records back over the year with a
plain update. No real act is ever backdated, so no service offers it; the demo alone does.
Records the events service writes after the commit (the registrations) keep today's date.
Safe to run again: once the example people exist, nothing is added.
"""

from __future__ import annotations

import random
from datetime import timedelta
from decimal import Decimal
from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models import F
from django.utils import timezone

from accounts.services import ProfileDetails, complete_onboarding
from catalogue.models import CatalogueIndexPage, LearningItemPage
from core.models import LearningForm, Municipality, Organisation, Region, Role
from demo.circles import COORDINATORS_GROUP, DEMO_PASSWORD
from demo.dates import at, working_day
from demo.pages import add_page
from events.models import EventPage, RegistrationState, Session
from events.services import mark_attendance, register_user, submit_evaluation
from learning.models import LearningRecord, Verb
from learning.services import complete_item, record_media_progress
from reports.models import Funder

PREFIX = "voorbeeld-bereik-"
FUNDER = "financier-groningen"
PEOPLE = 60
# The same example figures on every machine.
SEED = 14
OPEN_ANSWERS = [
    "Ik vraag eerder door naar geldzorgen (voorbeeld).",
    "Ik neem meer tijd voor het eerste gesprek (voorbeeld).",
]


def load(*, editor: Any) -> int:
    """Returns how many example professionals were created."""
    _readers()
    user_model = get_user_model()
    if user_model.objects.filter(username__startswith=PREFIX).exists():
        return 0
    organisations = list(Organisation.objects.select_related("municipality"))
    roles = list(Role.objects.all())
    municipalities = list(Municipality.objects.all())
    items = list(LearningItemPage.objects.live().not_type(EventPage).specific().order_by("pk")[:12])
    catalogue = CatalogueIndexPage.objects.first()
    if not (organisations and roles and municipalities and items and catalogue):
        return 0
    chance = random.Random(SEED)
    people = [
        _person(number, chance, organisations, roles, municipalities) for number in range(PEOPLE)
    ]
    year_ago = timezone.now() - timedelta(days=365)
    for user in people:
        for item in chance.sample(items, chance.randint(1, 5)):
            if chance.random() < 0.7:
                complete_item(user=user, page=item)
            else:
                record_media_progress(user=user, page=item, progress=Decimal("0.5"))
            moment = year_ago + timedelta(days=chance.randint(0, 360), hours=chance.randint(8, 17))
            LearningRecord.objects.filter(actor=user, activity_id=item.pk).update(timestamp=moment)
    _training(catalogue, chance, people, editor)
    return len(people)


def _readers() -> None:
    """The demo's coordinators read every report; an example funder reads Groningen's. A
    funder is added by editors in /beheer/ (a snippet, no service), so here too directly."""
    group, _created = Group.objects.get_or_create(name=COORDINATORS_GROUP)
    group.permissions.add(Permission.objects.get(codename="view_all_reports"))
    groningen = Region.objects.filter(slug="groningen").first()
    if groningen is None:
        return
    user_model = get_user_model()
    funder = user_model.objects.filter(username=FUNDER).first()
    if funder is None:
        funder = user_model.objects.create_user(
            username=FUNDER, email=f"{FUNDER}@example.org", password=DEMO_PASSWORD
        )
        EmailAddress.objects.create(user=funder, email=funder.email, verified=True, primary=True)
        complete_onboarding(
            user=funder,
            details=ProfileDetails(
                full_name="Financier Groningen (voorbeeld)",
                role=Role.objects.filter(slug="beleidsmedewerker").first() or Role.objects.first(),
            ),
        )
    Funder.objects.get_or_create(user=funder, region=groningen)


def _person(
    number: int,
    chance: random.Random,
    organisations: list[Organisation],
    roles: list[Role],
    municipalities: list[Municipality],
) -> Any:
    username = f"{PREFIX}{number + 1}"
    email = f"{username}@example.org"
    user = get_user_model().objects.create_user(username=username, email=email)
    user.set_unusable_password()
    user.save(update_fields=["password"])
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    organisation = chance.choice(organisations)
    complete_onboarding(
        user=user,
        details=ProfileDetails(
            full_name=f"Voorbeeldprofessional {number + 1}",
            role=chance.choice(roles),
            organisation=organisation,
            municipality=organisation.municipality or chance.choice(municipalities),
            learning_forms=list(LearningForm.objects.all()[:2]),
            has_report_consent=chance.random() < 0.9,
        ),
    )
    return user


def _training(
    catalogue: CatalogueIndexPage, chance: random.Random, people: list[Any], editor: Any
) -> None:
    """An accredited two-part training, given three months ago: registrations, attendance
    and evaluations through the events services."""
    event = EventPage(
        title="Terugkomdagen Bejegening (voorbeeld)",
        slug="terugkomdagen-bejegening-voorbeeld",
        summary="Twee middagen oefenen met gesprekken over geldzorgen: een voorbeeld.",
        description="<p>Een voorbeeldtraining voor de rapportages.</p>",
        kind="training",
        learning_form=LearningForm.objects.filter(slug="samen-trainen").first()
        or LearningForm.objects.first(),
        duration_minutes=360,
        accreditation_register="Registerplein",
        accreditation_number="RP-VOORBEELD-0014",
        accreditation_points=Decimal("6"),
    )
    event.regions.set(Region.objects.all())
    event.roles.set(Role.objects.all())
    for number in range(2):
        start = at(working_day(30 + 7 * number), 13)
        event.sessions.add(  # type: ignore[attr-defined]
            Session(
                title=f"Middag {number + 1}",
                starts_at=start,
                ends_at=start + timedelta(hours=3),
                place_name="Het Voorbeeldhuis",
                address="Voorbeeldstraat 1, Veendam",
                capacity=40,
            )
        )
    event = add_page(catalogue, event)  # type: ignore[assignment]
    sessions = list(event.sessions.all())  # type: ignore[attr-defined]
    participants = chance.sample(people, 30)
    registrations = {
        (session.pk, user.pk): register_user(session=session, user=user)[0]
        for session in sessions
        for user in participants
    }
    # Back to three months ago (whole weeks, so the days stay weekdays): only now the
    # attendance can be marked, as after the days.
    back = timedelta(weeks=17)
    Session.objects.filter(pk__in=[session.pk for session in sessions]).update(
        starts_at=F("starts_at") - back, ends_at=F("ends_at") - back
    )
    questions = event.evaluation_question_list()
    for (_session, _user), registration in registrations.items():
        present = chance.random() < 0.85
        state = RegistrationState.ATTENDED if present else RegistrationState.NO_SHOW
        registration = mark_attendance(registration=registration, state=state, actor=editor)
        if present and chance.random() < 0.6:
            answers = {
                key: str(chance.choice([3, 4, 4, 5, 5]))
                if kind == "rating"
                else chance.choice(OPEN_ANSWERS)
                for key, kind, _text in questions
            }
            submit_evaluation(registration=registration, user=registration.user, answers=answers)
    LearningRecord.objects.filter(
        activity_id=event.pk, verb__in=[Verb.ATTENDED, Verb.ABSENT]
    ).update(timestamp=timezone.now() - timedelta(days=90))
