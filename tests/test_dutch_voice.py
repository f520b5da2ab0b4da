"""Every error and hint our forms show is Dutch in the site's voice ("je", no "u").

Each form is submitted empty and with bad input through the test client; every message the
page shows (the error summary, the message under a field, the hint, a notice) is collected
and checked. Texts of Django and allauth come through their catalogues and our
locale_overrides, so a gap there shows up here as English.
"""

import re
from collections.abc import Iterator

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from accounts.models import Profile
from accounts.tests.factories import ProfileFactory, UserFactory
from circles.tests.conftest import circle, people  # noqa: F401
from circles.tests.factories import make_case
from core.tests.conftest import drenthe, groningen  # noqa: F401
from events.tests.conftest import catalogue, event, regions, session  # noqa: F401

ENGLISH = re.compile(
    r"\b(the|this|that|these|must|please|your|you|field|required|enter|valid|are|"
    r"password|characters?|too|short|common|entirely|numeric|similar|invalid|already|"
    r"should|contain|select|choice|available)\b",
    re.IGNORECASE,
)
# The formal voice: the site says "je" and "jouw", never "u", "uw" or "alstublieft".
FORMAL = re.compile(r"\b(u|uw|alstublieft|gelieve)\b|a\.u\.b\.", re.IGNORECASE)
# Misspellings in the Dutch catalogues of allauth.
MISSPELLED = re.compile(r"verificatie code|Bevestigings e-mail|e-emailadres|e-mail adres")
SHOWN = ".error-summary, .field__error, .field__hint, .notice, [role=alert]"

PASSWORD = "een-lang-wachtwoord-42"


def shown_texts(response) -> Iterator[str]:
    page = BeautifulSoup(response.content, "html.parser")
    for element in page.select(SHOWN):
        text = " ".join(element.get_text(" ").split())
        if text:
            yield text


def wrong_voice(texts: list[str]) -> list[str]:
    return [
        text
        for text in texts
        if ENGLISH.search(text) or FORMAL.search(text) or MISSPELLED.search(text)
    ]


@pytest.fixture
def learner(db) -> Profile:
    return ProfileFactory.create(user__email="sanne@example.org")


@pytest.fixture
def learner_client(client: Client, learner: Profile) -> Client:
    client.force_login(learner.user)
    return client


def test_the_detector_catches_english_and_the_formal_voice() -> None:
    assert wrong_voice(["This password is too short.", "Voer uw wachtwoord in."]) == [
        "This password is too short.",
        "Voer uw wachtwoord in.",
    ]
    assert wrong_voice(["Voer de e-emailadres verificatie code in:", "Neem a.u.b. contact op"])
    assert wrong_voice(["Dit wachtwoord is te kort. Gebruik minstens 8 tekens."]) == []


def post_all(client: Client, url: str, attempts: list[dict], **extra) -> list[str]:
    texts = list(shown_texts(client.get(url, **extra)))
    for data in attempts:
        response = client.post(url, data, follow=True, **extra)
        found = list(shown_texts(response))
        assert found, f"{url} {data} shows no message"
        texts += found
    return texts


@pytest.mark.django_db
def test_sign_up_log_in_and_password_forms_speak_dutch(client: Client, learner) -> None:
    learner.user.set_password(PASSWORD)
    learner.user.save()
    texts = post_all(
        client,
        reverse("account_signup"),
        [
            {},
            {"email": "geen-adres", "password1": "abc", "password2": "abd"},
            {"email": "nieuw@example.org", "password1": "12345678", "password2": "12345678"},
            {"email": "sanne@example.org", "password1": "wachtwoord", "password2": "wachtwoord"},
            {"email": "nieuw@example.org", "password1": "nieuw@example", "password2": "x"},
        ],
    )
    texts += post_all(
        client,
        reverse("account_login"),
        [{}, {"login": "sanne@example.org", "password": "fout"}, {"login": "x", "password": "y"}],
    )
    texts += post_all(client, reverse("account_reset_password"), [{}, {"email": "geen-adres"}])
    client.force_login(learner.user)
    texts += post_all(
        client,
        reverse("account_change_password"),
        [
            {},
            {"oldpassword": "fout", "password1": "abc", "password2": "abd"},
            {"oldpassword": PASSWORD, "password1": "12345678", "password2": "12345678"},
        ],
    )
    texts += post_all(client, reverse("account_email"), [{"action_add": "", "email": "geen"}])
    assert any("te kort" in text for text in texts)  # the validators did run
    assert wrong_voice(texts) == []


def test_profile_and_scan_forms_speak_dutch(learner_client: Client) -> None:
    texts = post_all(
        learner_client,
        reverse("accounts:profile"),
        [{}, {"full_name": "x" * 200, "role": "999", "municipality": "abc"}],
    )
    texts += post_all(
        learner_client,
        reverse("learning:needs_scan"),
        [{}, {"role": "999", "hours_per_week": "veel", "themes": ["x"]}],
    )
    client = Client()
    client.force_login(UserFactory.create())
    texts += post_all(client, reverse("accounts:onboarding"), [{}])
    assert wrong_voice(texts) == []


def test_event_registration_speaks_dutch(client: Client, session, learner) -> None:  # noqa: F811
    url = reverse("events:register", kwargs={"pk": session.pk})
    texts = post_all(
        client,
        url,
        [{}, {"name": "", "email": "geen-adres"}],
    )
    client.force_login(learner.user)
    client.post(url)
    response = client.post(url, follow=True)  # a second time: already registered
    texts += list(shown_texts(response))
    assert wrong_voice(texts) == []


def test_circle_forms_speak_dutch(client: Client, circle, people) -> None:  # noqa: F811
    slug = {"slug": circle.slug}
    case = make_case(circle, people["member"])
    client.force_login(people["facilitator"])
    bad_text = "Mail haar op moeder@example.org, BSN 111222333."
    texts = post_all(
        client, reverse("circles:case_new", kwargs=slug), [{}, {"situation": bad_text}]
    )
    texts += post_all(
        client,
        reverse("circles:comment", kwargs={**slug, "pk": case.pk}),
        [{}, {"comment-text": bad_text}],
    )
    texts += post_all(
        client,
        reverse("circles:agreement_new", kwargs=slug),
        [{}, {"description": bad_text, "due_on": "morgen", "follow_up_by": "999"}],
    )
    texts += post_all(
        client,
        reverse("circles:bottleneck_new", kwargs=slug),
        [{}, {"title": bad_text, "case": "999", "status": "x"}],
    )
    texts += post_all(client, reverse("circles:invite", kwargs=slug), [{}, {"email": "geen-adres"}])
    assert wrong_voice(texts) == []


def test_django_texts_we_show_are_in_our_voice() -> None:
    """Texts of Django and allauth that appear on our pages, checked at the source."""
    from django.contrib.auth.password_validation import password_validators_help_texts

    shown_elsewhere = [  # notices, the second-factor page, /beheer/
        "Confirmation email sent to %(email)s.",
        "Please contact us if you have any trouble resetting your password.",
        "Your account is protected by two-factor authentication. "
        "Please enter an authenticator code:",
        "To protect your account with two-factor authentication, scan the QR code below with "
        "your authenticator app. Then, input the verification code generated by the app below.",
        "Enter Email Verification Code",
        "Are you sure you want to unpublish this %(model_name)s?",
        "Leave blank if not changing.",
    ]
    with translation.override("nl"):
        texts = password_validators_help_texts() + [gettext(t) for t in shown_elsewhere]
    assert wrong_voice(texts) == []


@pytest.mark.django_db
def test_the_publish_menu_names_the_workflow_in_dutch() -> None:
    """Wagtail's migrations name the workflow "Moderators approval"; ours renames it."""
    from wagtail.models import Task, Workflow

    names = {*Workflow.objects.values_list("name", flat=True)}
    names |= {*Task.objects.values_list("name", flat=True)}
    assert names == {"Goedkeuring door de redactie"}


def test_the_email_confirmation_page_shows_the_address_not_the_user_name(
    client: Client, db
) -> None:
    from allauth.account.models import EmailAddress, EmailConfirmationHMAC

    user = UserFactory.create(username="sanne.test", email="sanne@example.org")
    EmailAddress.objects.filter(user=user).update(verified=False)
    address = EmailAddress.objects.get(user=user)
    key = EmailConfirmationHMAC(address).key
    page = client.get(reverse("account_confirm_email", kwargs={"key": key})).content.decode()
    assert "sanne@example.org" in page
    assert "sanne.test" not in page
    assert "gebruiker" not in page


def test_contact_and_theme_idea_forms_speak_dutch(client: Client, groningen) -> None:  # noqa: F811
    from news.models import Message
    from news.tests.factories import create_contact_page

    create_contact_page([groningen.region])
    create_contact_page([groningen.region], slug="thema-idee", kind=Message.Kind.THEME_IDEA)
    texts = []
    for url in ("/contact/", "/thema-idee/"):
        texts += post_all(
            client, url, [{}, {"name": "", "email": "geen-adres", "text": "x" * 5001}]
        )
    assert texts and wrong_voice(texts) == []
