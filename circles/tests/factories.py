from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from accounts.models import Profile
from circles.models import Case, Circle, Membership
from circles.services import CaseDetails, add_member, appoint_facilitator, bring_in_case
from core.models import Municipality, Region

PASSWORD = "een-lang-wachtwoord-voor-tests"


def make_user(username: str, *, profile: bool = True, **fields: Any) -> Any:
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password=PASSWORD, **fields
    )
    if profile:
        Profile.objects.create(user=user, full_name=f"{username.title()} (voorbeeld)")
    return user


def make_coordinator(username: str = "coordinator") -> Any:
    user = make_user(username)
    group, _ = Group.objects.get_or_create(name="Coördinatoren")
    group.permissions.add(
        Permission.objects.get(
            codename="view_regional_bottlenecks", content_type__app_label="circles"
        )
    )
    user.groups.add(group)
    return user


def municipality(region: Region, name: str = "Assen", code: str = "GM0106") -> Municipality:
    return Municipality.objects.get_or_create(
        cbs_code=code, defaults={"name": name, "region": region}
    )[0]


def make_circle(
    *,
    slug: str,
    region: Region,
    facilitator: Any = None,
    members: tuple[Any, ...] = (),
    code: str = "GM0106",
) -> Circle:
    circle = Circle.objects.create(
        name=f"Leerkring {slug.title()}",
        slug=slug,
        municipality=municipality(region, slug.title(), code),
        goal="Samen leren over armoede die van generatie op generatie gaat.",
    )
    if facilitator is not None:
        appoint_facilitator(circle=circle, user=facilitator)
    for member in members:
        add_member(circle=circle, user=member)
    return circle


def make_case(circle: Circle, author: Any, **fields: Any) -> Case:
    details = {
        "title": "Huurachterstand bij een jong gezin",
        "situation": "Een moeder van drie kinderen heeft een huurachterstand van vier maanden.",
        "question": "Hoe krijgen we haar eerder in beeld?",
        **fields,
    }
    return bring_in_case(circle=circle, author=author, details=CaseDetails(**details))


def membership(circle: Circle, user: Any) -> Membership:
    return Membership.objects.get(circle=circle, user=user)
