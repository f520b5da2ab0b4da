import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import User

from accounts.models import Profile
from core.models import LearningForm, Municipality, Organisation, Role, Sector
from core.tests.factories import RegionFactory

PASSWORD = "een-lang-wachtwoord-voor-tests"


class UserFactory(factory.django.DjangoModelFactory[User]):
    """A user with a confirmed e-mail address who can log in with PASSWORD."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"professional{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@voorbeeld.nl")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified_email(user, create, extracted, **kwargs):
        if create:
            EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)


class RoleFactory(factory.django.DjangoModelFactory[Role]):
    class Meta:
        model = Role
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Functie {n}")
    slug = factory.Sequence(lambda n: f"functie-{n}")


class SectorFactory(factory.django.DjangoModelFactory[Sector]):
    class Meta:
        model = Sector
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Sector {n}")
    slug = factory.Sequence(lambda n: f"sector-{n}")


class OrganisationFactory(factory.django.DjangoModelFactory[Organisation]):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    sector = factory.SubFactory(SectorFactory)


class MunicipalityFactory(factory.django.DjangoModelFactory[Municipality]):
    class Meta:
        model = Municipality

    name = factory.Sequence(lambda n: f"Gemeente {n}")
    cbs_code = factory.Sequence(lambda n: f"GM{n:04d}")
    region = factory.SubFactory(RegionFactory)


class LearningFormFactory(factory.django.DjangoModelFactory[LearningForm]):
    class Meta:
        model = LearningForm
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Leervorm {n}")
    slug = factory.Sequence(lambda n: f"leervorm-{n}")
    icon = LearningForm.Icon.THEORY


class ProfileFactory(factory.django.DjangoModelFactory[Profile]):
    class Meta:
        model = Profile

    user = factory.SubFactory(UserFactory)
    full_name = factory.Sequence(lambda n: f"Professional {n}")
    role = factory.SubFactory(RoleFactory)
