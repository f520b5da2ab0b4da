import pytest
from django.contrib.auth.models import Permission
from django.db import IntegrityError

from accounts.models import Profile
from accounts.services import (
    ProfileDetails,
    ProfileError,
    complete_onboarding,
    has_completed_onboarding,
    merge_other_organisation,
    update_profile,
)

from .factories import (
    LearningFormFactory,
    MunicipalityFactory,
    OrganisationFactory,
    ProfileFactory,
    RoleFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def details(**fields) -> ProfileDetails:
    return ProfileDetails(**{"full_name": "Sanne de Vries", "role": RoleFactory.create(), **fields})


def test_onboarding_makes_the_profile_with_all_answers():
    user = UserFactory.create()
    organisation, municipality = OrganisationFactory.create(), MunicipalityFactory.create()
    forms = [LearningFormFactory.create(), LearningFormFactory.create()]
    assert not has_completed_onboarding(user)

    profile = complete_onboarding(
        user=user,
        details=details(
            organisation=organisation,
            municipality=municipality,
            learning_forms=forms,
            has_newsletter_consent=True,
        ),
    )

    profile.refresh_from_db()
    assert has_completed_onboarding(user)
    assert profile.full_name == "Sanne de Vries"
    assert profile.organisation == organisation
    assert profile.municipality == municipality
    assert set(profile.learning_forms.all()) == set(forms)
    assert profile.has_newsletter_consent and not profile.has_report_consent


def test_onboarding_twice_is_refused():
    profile = ProfileFactory.create()
    with pytest.raises(ProfileError):
        complete_onboarding(user=profile.user, details=details())
    assert Profile.objects.filter(user=profile.user).count() == 1


@pytest.mark.parametrize("fields", [{"full_name": "  "}, {"role": None}])
def test_name_and_role_are_required(fields):
    with pytest.raises(ProfileError):
        complete_onboarding(user=UserFactory.create(), details=details(**fields))
    assert not Profile.objects.exists()


def test_a_chosen_organisation_wins_over_a_typed_name():
    organisation = OrganisationFactory.create()
    profile = complete_onboarding(
        user=UserFactory.create(),
        details=details(organisation=organisation, other_organisation="Iets anders"),
    )
    assert profile.organisation == organisation
    assert profile.other_organisation == ""
    assert profile.organisation_name == organisation.name


def test_the_database_refuses_both_an_organisation_and_another_name():
    profile = ProfileFactory.create(organisation=OrganisationFactory.create())
    with pytest.raises(IntegrityError):
        Profile.objects.filter(pk=profile.pk).update(other_organisation="Iets anders")


def test_update_changes_only_the_owners_profile():
    mine, other = ProfileFactory.create(), ProfileFactory.create(full_name="Ander")
    form = LearningFormFactory.create()
    update_profile(
        user=mine.user,
        details=details(
            full_name="Nieuwe naam", other_organisation="Buurtteam", learning_forms=[form]
        ),
    )
    mine.refresh_from_db()
    other.refresh_from_db()
    assert mine.full_name == "Nieuwe naam"
    assert mine.other_organisation == "Buurtteam"
    assert list(mine.learning_forms.all()) == [form]
    assert other.full_name == "Ander"


def test_update_without_a_profile_is_refused():
    with pytest.raises(ProfileError):
        update_profile(user=UserFactory.create(), details=details())


def test_merge_links_typed_names_to_the_organisation():
    organisation = OrganisationFactory.create(name="Gemeente Assen")
    typed = [ProfileFactory.create(other_organisation="gem. Assen") for _ in range(2)]
    chosen = ProfileFactory.create(organisation=OrganisationFactory.create())

    changed = merge_other_organisation(
        profile_ids=[profile.pk for profile in [*typed, chosen]], organisation=organisation
    )

    assert changed == 2
    for profile in typed:
        profile.refresh_from_db()
        assert (profile.organisation, profile.other_organisation) == (organisation, "")
    chosen.refresh_from_db()
    assert chosen.organisation != organisation


def test_profiles_are_visible_only_to_their_owner():
    mine, _other = ProfileFactory.create(), ProfileFactory.create()
    assert list(Profile.objects.visible_to(mine.user)) == [mine]
    assert not Profile.objects.visible_to(UserFactory.create()).exists()


def test_editors_merge_a_typed_name_in_the_admin(client):
    editor = UserFactory.create(is_staff=True, is_superuser=True)
    organisation = OrganisationFactory.create(name="Gemeente Assen")
    typed = ProfileFactory.create(other_organisation="gem. Assen")
    other = ProfileFactory.create(other_organisation="Buurtteam")
    client.force_login(editor)
    url = "/beheer/andere-organisaties/"
    page = client.get(url)
    assert page.status_code == 200
    assert "gem. Assen" in page.text

    response = client.post(
        url, {"other_organisation": "gem. Assen", "organisation": organisation.pk}
    )

    assert response.status_code == 302
    typed.refresh_from_db()
    other.refresh_from_db()
    assert typed.organisation == organisation
    assert other.other_organisation == "Buurtteam"


def test_the_merge_page_is_for_editors_only(client):
    url = "/beheer/andere-organisaties/"
    typed = ProfileFactory.create(other_organisation="gem. Assen")
    merge = {"other_organisation": "gem. Assen", "organisation": OrganisationFactory.create().pk}

    client.force_login(UserFactory.create())  # a professional: not into the admin at all
    for response in (client.get(url), client.post(url, merge)):
        assert (response.status_code, response["Location"]) == (302, f"/account/login/?next={url}")

    # Into the admin, but without the right to change profiles: back to the admin's home
    # page, as every admin page does.
    staff = UserFactory.create()
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff)
    for response in (client.get(url), client.post(url, merge)):
        assert (response.status_code, response["Location"]) == (302, "/beheer/")
    typed.refresh_from_db()
    assert typed.organisation is None
