"""A team of Welzijn Drentse Monden (voorbeeld) with a learning path in progress: its manager
assigned an article, an event and a track with due dates; one member completed the first
step, one shares nothing, one shares everything. Invented people with example.org addresses.

The organisation's administrator and teams may come from the organisations' own demo; what
is missing here is made through the services (found by name first), so running it again,
before or after that demo, changes nothing."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.services import ProfileDetails, complete_onboarding
from catalogue.models import LearningItemPage
from core.models import Organisation, Role
from learning import team_paths
from learning.models import TeamPath
from learning.services import complete_item
from organisations import services as organisations
from organisations.models import Membership, Team

DEMO_PASSWORD = "leren-over-armoede"
ORGANISATION = "Welzijn Drentse Monden (voorbeeld)"
TEAM = "Schuldhulp en budgetcoaching"
PATH = "Basis: geldzorgen bespreekbaar maken"
MANAGER = ("teamleider.welzijn", "Hanneke Teamleider (voorbeeld)")
# username, name, what they let the manager see
MEMBERS = [
    ("sanne.budgetcoach", "Sanne Budgetcoach (voorbeeld)", Membership.Sharing.ASSIGNED),
    ("youssef.schuldhulp", "Youssef Schuldhulp (voorbeeld)", Membership.Sharing.NOTHING),
    ("ilse.welzijn", "Ilse Welzijn (voorbeeld)", Membership.Sharing.ALL),
]
# item slug, due in days (negative: already past)
STEPS = [
    ("bejegening-het-eerste-contact", -3),
    ("training-bejegening", 30),
    ("driedaagse-leergang-de-armoedespiraal-doorbreken", 120),
]


def _person(username: str, full_name: str, organisation: Organisation) -> Any:
    user_model = get_user_model()
    user = user_model.objects.filter(username=username).first()
    if user is None:
        email = f"{username}@example.org"
        user = user_model.objects.create_user(
            username=username, email=email, password=DEMO_PASSWORD
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        complete_onboarding(
            user=user,
            details=ProfileDetails(
                full_name=full_name,
                role=Role.objects.filter(slug="welzijnswerker").first(),
                organisation=organisation,
            ),
        )
    return user


def load() -> int:
    """Returns how many paths were created (0 or 1)."""
    organisation = Organisation.objects.filter(name=ORGANISATION).first()
    items = {
        item.slug: item
        for item in LearningItemPage.objects.live().filter(slug__in=[s for s, _d in STEPS])
    }
    if organisation is None or len(items) < len(STEPS):
        return 0
    manager = _person(*MANAGER, organisation)
    admin = Membership.objects.filter(organisation=organisation, role="admin").first()
    if admin is None:
        admin = organisations.join(
            organisation=organisation,
            user=manager,
            joined_by=Membership.JoinedBy.EDITOR,
            role=Membership.Role.ADMIN,
        )
    actor = admin.user
    if manager != actor:
        organisations.join(
            organisation=organisation,
            user=manager,
            joined_by=Membership.JoinedBy.EDITOR,
            role=Membership.Role.MANAGER,
        )
    team = Team.objects.filter(organisation=organisation, name=TEAM).first()
    if team is None:
        team = organisations.create_team(organisation=organisation, name=TEAM, actor=actor)
    manager_membership = Membership.objects.get(user=manager)
    organisations.put_in_team(
        team=team, membership=manager_membership, is_manager=True, actor=actor
    )
    if TeamPath.objects.filter(team=team, title=PATH).exists():
        return 0
    members = []
    for username, full_name, sharing in MEMBERS:
        user = _person(username, full_name, organisation)
        membership = organisations.join(
            organisation=organisation, user=user, joined_by=Membership.JoinedBy.INVITATION
        )
        organisations.put_in_team(team=team, membership=membership, actor=actor)
        organisations.set_sharing(user=user, sharing=sharing)
        members.append(user)
    path = team_paths.create_path(
        team=team,
        title=PATH,
        description="Voor wie nieuw is in het team: zo praat je met gezinnen over geld.",
        actor=manager,
    )
    today = timezone.localdate()
    for slug, days in STEPS:
        team_paths.add_step(
            path=path, item=items[slug], due_date=today + timedelta(days=days), actor=manager
        )
    team_paths.assign_path(path=path, actor=manager)
    # In progress: Sanne and Ilse read the first article; Ilse also something else.
    first = items[STEPS[0][0]]
    for user in (members[0], members[2]):
        complete_item(user=user, page=first)
    other = LearningItemPage.objects.live().filter(slug="schaarste-en-stress").first()
    if other is not None:
        complete_item(user=members[2], page=other)
    return 1
