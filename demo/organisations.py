"""Three partners as workspaces: each registered an e-mail domain at example.org (so its
people joined by their verified address), has an administrator appointed by the editor,
two teams with a manager each, and one invitation still open. Everyone is invented and
says so in their name; they log in with DEMO_PASSWORD."""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User

from accounts.services import ProfileDetails, complete_onboarding
from core.models import Organisation, Role
from core.portals import site_base_url
from demo.circles import DEMO_PASSWORD
from organisations import services
from organisations.models import Domain, Membership

# organisation, domain, (username, name, role) of the administrator, the teams with
# their manager first, and whom the administrator invited.
WORKSPACES: list[dict[str, Any]] = [
    {
        "organisation": "Woonstichting Veenland (voorbeeld)",
        "domain": "veenland.example.org",
        "admin": ("gerda.veenland", "Gerda Mulder (voorbeeld)", "management-bestuur"),
        "teams": {
            "Huurincasso": [
                ("rik.veenland", "Rik Bosma (voorbeeld)", "incassomedewerker"),
                ("sanne.veenland", "Sanne Dijkstra (voorbeeld)", "incassomedewerker"),
                ("tom.veenland", "Tom Huizinga (voorbeeld)", "incassomedewerker"),
                ("ilse.veenland", "Ilse Wolters (voorbeeld)", "incassomedewerker"),
                ("bas.veenland", "Bas Jonker (voorbeeld)", "incassomedewerker"),
            ],
            "Wijkconsulenten": [
                ("nienke.veenland", "Nienke Post (voorbeeld)", "sociaal-team"),
                ("youssef.veenland", "Youssef Amrani (voorbeeld)", "sociaal-team"),
                ("karin.veenland", "Karin Zuidema (voorbeeld)", "sociaal-team"),
                ("leon.veenland", "Leon Brouwer (voorbeeld)", "sociaal-team"),
                ("marit.veenland", "Marit Kuipers (voorbeeld)", "sociaal-team"),
            ],
        },
        "invited": "nieuwe.collega@veenland.example.org",
    },
    {
        "organisation": "Gemeente Emmen",
        "domain": "emmen.example.org",
        "admin": ("petra.emmen", "Petra Schuiling (voorbeeld)", "beleidsmedewerker"),
        "teams": {
            "Schuldhulpverlening": [
                ("erik.emmen", "Erik Lubbers (voorbeeld)", "schuldhulpverlener"),
                ("anja.emmen", "Anja Hofman (voorbeeld)", "schuldhulpverlener"),
                ("daan.emmen", "Daan Timmer (voorbeeld)", "schuldhulpverlener"),
                ("lotte.emmen", "Lotte Meijer (voorbeeld)", "schuldhulpverlener"),
                ("ruben.emmen", "Ruben Oosting (voorbeeld)", "schuldhulpverlener"),
                ("wendy.emmen", "Wendy Boelens (voorbeeld)", "schuldhulpverlener"),
            ],
            "Sociaal team Emmen-Centrum": [
                ("hanneke.emmen", "Hanneke Jansen (voorbeeld)", "sociaal-team"),
                ("mehmet.emmen", "Mehmet Yilmaz (voorbeeld)", "sociaal-team"),
                ("judith.emmen", "Judith Bakker (voorbeeld)", "sociaal-team"),
                ("koen.emmen", "Koen Veenstra (voorbeeld)", "sociaal-team"),
                ("esther.emmen", "Esther de Wit (voorbeeld)", "sociaal-team"),
            ],
        },
        "invited": "stagiair@emmen.example.org",
    },
    {
        "organisation": "Welzijn Drentse Monden (voorbeeld)",
        "domain": "drentsemonden.example.org",
        "admin": ("ria.drentsemonden", "Ria Hummel (voorbeeld)", "management-bestuur"),
        "teams": {
            "Thuisadministratie": [
                ("gert.drentsemonden", "Gert Klinkhamer (voorbeeld)", "welzijnswerker"),
                ("sara.drentsemonden", "Sara Pranger (voorbeeld)", "vrijwilliger"),
                ("henk.drentsemonden", "Henk Bruins (voorbeeld)", "vrijwilliger"),
                ("mira.drentsemonden", "Mira Lanting (voorbeeld)", "vrijwilliger"),
                ("jan.drentsemonden", "Jan Tiesinga (voorbeeld)", "vrijwilliger"),
            ],
            "Opbouwwerk": [
                ("lisa.drentsemonden", "Lisa Wubs (voorbeeld)", "welzijnswerker"),
                ("omar.drentsemonden", "Omar Haddou (voorbeeld)", "welzijnswerker"),
                ("tineke.drentsemonden", "Tineke Mensinga (voorbeeld)", "welzijnswerker"),
                ("wouter.drentsemonden", "Wouter Smid (voorbeeld)", "welzijnswerker"),
                ("femke.drentsemonden", "Femke Eising (voorbeeld)", "vrijwilliger"),
            ],
        },
        "invited": "vrijwilliger@drentsemonden.example.org",
    },
]


def _person(row: tuple[str, str, str], domain: str) -> User:
    """A demo professional with a verified address at the organisation's domain."""
    username, full_name, role = row
    email = f"{username}@{domain}"
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        user = get_user_model().objects.create_user(
            username=username, email=email, password=DEMO_PASSWORD
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        complete_onboarding(
            user=user,
            details=ProfileDetails(full_name=full_name, role=Role.objects.get(slug=role)),
        )
    return user  # type: ignore[return-value]


def _load_workspace(data: dict[str, Any], editor: User) -> None:
    organisation = Organisation.objects.get(name=data["organisation"])
    domain = data["domain"]
    admin = _person(data["admin"], domain)
    people = {team: [_person(row, domain) for row in rows] for team, rows in data["teams"].items()}
    services.appoint_admin(organisation=organisation, user=admin, actor=editor)
    # The administrator registers the domain of their own address: everyone above joins.
    services.add_domain(organisation=organisation, domain=domain, actor=admin)
    for name, (manager, *members) in people.items():
        team = services.create_team(organisation=organisation, name=name, actor=admin)
        membership = services.set_role(
            membership=Membership.objects.get(user=manager),
            role=Membership.Role.MANAGER,
            actor=admin,
        )
        services.put_in_team(team=team, membership=membership, is_manager=True, actor=admin)
        for member in members:
            services.put_in_team(
                team=team, membership=Membership.objects.get(user=member), actor=admin
            )
    services.invite(
        organisation=organisation,
        email=data["invited"],
        role=Membership.Role.MEMBER,
        actor=admin,
        base_url=site_base_url(None),
    )


def load(*, editor: User) -> int:
    """The workspaces not made yet (a registered domain says it was); returns how many."""
    made = 0
    for data in WORKSPACES:
        if not Domain.objects.filter(domain=data["domain"]).exists():
            _load_workspace(data, editor)
            made += 1
    return made
