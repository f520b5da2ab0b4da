"""Cases and comments: saved only when anonymised, refused with the text kept, and never
sent by e-mail."""

from datetime import date

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from catalogue.models import CapitalForm, FamilyType
from circles.models import Agreement, Case, Comment, Membership
from circles.services import (
    AgreementDetails,
    CaseDetails,
    CircleError,
    PersonalDataError,
    add_comment,
    add_improvement_point,
    bring_in_case,
    make_agreement,
    turn_into_agreement,
)

from .factories import make_case

SECRET_SITUATION = "Een vader van twee kinderen heeft een betalingsregeling die steeds misloopt."
NEW_CASE = {
    "title": "Steeds weer een achterstand",
    "situation": SECRET_SITUATION + " Zijn BSN is 111222333.",
    "question": "Wat kunnen we samen doen?",
}


def test_a_case_with_a_bsn_is_refused_with_the_text_kept(client, circle, people) -> None:
    client.force_login(people["member"])
    response = client.post(reverse("circles:case_new", kwargs={"slug": "assen"}), NEW_CASE)
    assert response.status_code == 200
    html = response.content.decode()
    assert not Case.objects.exists()
    # The form keeps what was typed and says what was found, where, in plain words.
    assert SECRET_SITUATION in html
    assert "111222333" in html
    form = response.context["form"]
    [message] = form.errors["situation"]
    assert message.startswith(
        "In \u2018Situatie\u2019 staat iets dat lijkt op een burgerservicenummer (BSN): \u2018…"
    )
    assert "Zijn BSN is 111222333.\u2019" in message
    assert 'href="#id_situation"' in html  # the error summary links to the field

    response = client.post(
        reverse("circles:case_new", kwargs={"slug": "assen"}),
        {**NEW_CASE, "situation": SECRET_SITUATION},
    )
    case = Case.objects.get()
    assert response["Location"] == case.get_absolute_url()
    assert case.author == people["member"]


def test_a_number_failing_the_eleven_test_is_saved(client, circle, people) -> None:
    client.force_login(people["member"])
    client.post(
        reverse("circles:case_new", kwargs={"slug": "assen"}),
        {**NEW_CASE, "situation": "Het project heeft nummer 123456789."},
    )
    assert Case.objects.get().situation == "Het project heeft nummer 123456789."


@pytest.mark.parametrize(
    "situation, kind, advice",
    [
        (
            "Bel haar op (050) 123 45 67 na vijf uur.",
            "een telefoonnummer",
            "Haal het telefoonnummer weg of schrijf \u2018telefoonnummer bekend\u2019.",
        ),
        (
            "Huur gaat af van NL91 ABNA 0417 1643 00.",
            "een rekeningnummer (IBAN)",
            "Haal het rekeningnummer weg of schrijf \u2018rekeningnummer bekend\u2019.",
        ),
        (
            "Op 12 maart 2024 is de woning ontruimd.",
            "een volledige datum",
            "Een volledige datum kan iemand herkenbaar maken. Schrijf alleen de maand en het "
            "jaar, bijvoorbeeld \u2018maart 2024\u2019.",
        ),
    ],
)
def test_the_message_names_what_was_found_and_what_to_write_instead(
    client, circle, people, situation: str, kind: str, advice: str
) -> None:
    client.force_login(people["member"])
    response = client.post(
        reverse("circles:case_new", kwargs={"slug": "assen"}), {**NEW_CASE, "situation": situation}
    )
    assert response.context["form"].errors["situation"] == [
        f"In \u2018Situatie\u2019 staat iets dat lijkt op {kind}: \u2018{situation}\u2019. "
        f"{advice} Sla daarna opnieuw op."
    ]
    assert response.context["form"]["situation"].value() == situation
    assert not Case.objects.exists()


def test_the_service_refuses_personal_data_too(circle, people) -> None:
    details = CaseDetails(title="Titel", situation="Bel 06-12345678", question="Vraag")
    with pytest.raises(PersonalDataError) as refusal:
        bring_in_case(circle=circle, author=people["member"], details=details)
    [(label, finding)] = refusal.value.findings
    assert label == "Situatie" and finding.text == "06-12345678"


def test_a_comment_with_personal_data_is_refused_and_kept(client, circle, people) -> None:
    case = make_case(circle, people["member"])
    client.force_login(people["facilitator"])
    comment_url = reverse("circles:comment", kwargs={"slug": "assen", "pk": case.pk})
    response = client.post(comment_url, {"comment-text": "Mail haar op moeder@example.org"})
    assert response.status_code == 200
    assert not Comment.objects.exists()
    assert "Mail haar op moeder@example.org" in response.content.decode()
    assert "lijkt op een e-mailadres" in response.context["comment_form"].errors["text"][0]

    response = client.post(comment_url, {"comment-text": "Herkenbaar, bij ons ook."})
    assert response.status_code == 302
    assert Comment.objects.get().author == people["facilitator"]


def test_members_get_an_email_without_case_text(
    circle, people, django_capture_on_commit_callbacks
) -> None:
    Membership.objects.filter(user=people["facilitator"]).update(notifications="none")
    with django_capture_on_commit_callbacks(execute=True):
        case = make_case(circle, people["facilitator"], situation=SECRET_SITUATION)
    [message] = mail.outbox
    assert message.to == [people["member"].email]
    assert message.subject == "Een nieuwe casus in Leerkring Assen"
    assert case.get_absolute_url() in message.body
    for text in (SECRET_SITUATION, case.title, case.question):
        assert text not in message.body
        assert text not in str(message.alternatives[0][0])  # type: ignore[attr-defined]

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        add_comment(case=case, author=people["member"], text="Een reactie met inhoud.")
    # The facilitator chose no e-mail; the writer gets none about their own comment.
    assert mail.outbox == []


def test_improvement_point_becomes_an_agreement_in_one_step(client, circle, people) -> None:
    case = make_case(circle, people["member"])
    point = add_improvement_point(case=case, by=people["member"], text="Eerder huisbezoek.")
    with pytest.raises(CircleError):
        turn_into_agreement(point=point, by=people["member"])
    client.force_login(people["facilitator"])
    response = client.post(
        reverse("circles:point_to_agreement", kwargs={"slug": "assen", "pk": point.pk})
    )
    assert response["Location"] == reverse("circles:agreements", kwargs={"slug": "assen"})
    agreement = Agreement.objects.get()
    assert agreement.description == "Eerder huisbezoek."
    assert agreement.status == "open"
    point.refresh_from_db()
    assert point.agreement == agreement
    with pytest.raises(CircleError):
        turn_into_agreement(point=point, by=people["facilitator"])


def test_agreements_download_for_dutch_excel_without_formulas(client, circle, people) -> None:
    make_agreement(
        circle=circle,
        by=people["member"],
        details=AgreementDetails(
            description="@SUM(1+1) eerder huisbezoek", due_on=date(2025, 3, 9)
        ),
    )
    client.force_login(people["member"])
    response = client.get(reverse("circles:agreements_download", kwargs={"slug": "assen"}))
    today = f"{timezone.localdate():%d-%m-%Y}"
    named = f"afspraken-{slugify(circle.name)}-{today}.csv"
    assert response["Content-Disposition"] == f'attachment; filename="{named}"'
    assert response.content.decode("utf-8-sig").splitlines() == [
        "Wat we afspreken;Organisaties;Wie pakt het op;Wanneer klaar;Status",
        "'@SUM(1+1) eerder huisbezoek;;;09-03-2025;Open",
    ]


def test_only_the_author_or_a_facilitator_edits_a_case(client, circle, people) -> None:
    case = make_case(circle, people["facilitator"])
    edit = reverse("circles:case_edit", kwargs={"slug": "assen", "pk": case.pk})
    client.force_login(people["member"])
    assert client.get(edit).status_code == 403
    client.force_login(people["facilitator"])
    response = client.post(
        edit,
        {
            "title": case.title,
            "situation": case.situation,
            "question": case.question,
            "went_well": "Snel contact.",
            "could_be_better": "Eerder signaleren.",
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.went_well == "Snel contact."


def test_the_daily_digest_counts_without_case_text(
    circle, people, django_capture_on_commit_callbacks
) -> None:
    from circles.tasks import send_daily_digests

    Membership.objects.filter(user=people["member"]).update(notifications="daily")
    case = make_case(circle, people["facilitator"], situation=SECRET_SITUATION)
    add_comment(case=case, author=people["facilitator"], text="Een reactie met inhoud.")
    with django_capture_on_commit_callbacks(execute=True):
        assert send_daily_digests.call() == 1
    [message] = mail.outbox
    assert message.to == [people["member"].email]
    assert "1 nieuwe casus" in message.body and "1 nieuwe reactie" in message.body
    assert SECRET_SITUATION not in message.body and case.title not in message.body
    assert send_daily_digests.call() == 0  # a second run tells nothing twice


def test_retention_and_digest_are_periodic_jobs() -> None:
    from core.periodic import registered_jobs

    names = {job.name for job in registered_jobs()}
    assert {"circles-case-retention", "circles-daily-digest"} <= names


def test_a_case_names_its_forms_of_capital_in_the_language_read(client, circle, people) -> None:
    case = make_case(circle, people["member"])
    case.capital_forms.set(
        [CapitalForm.objects.create(name="Sociaal kapitaal", name_en="Social capital", slug="s")]
    )
    case.family_types.set([FamilyType.objects.create(name="Na een tegenslag", slug="t")])
    client.force_login(people["member"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    url = reverse("circles:case_detail", kwargs={"slug": "assen", "pk": case.pk})
    html = client.get(url).content.decode()
    assert "<dd>Social capital</dd>" in html
    assert '<dd><span lang="nl">Na een tegenslag</span></dd>' in html
