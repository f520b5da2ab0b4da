"""A bottleneck shared with the region shows its description, never its case; the
coordinator's answer comes back to the circle."""

import pytest
from django.urls import reverse

from circles.models import Bottleneck, CircleEvent
from circles.services import (
    AgreementDetails,
    BottleneckDetails,
    CircleError,
    PersonalDataError,
    make_agreement,
    record_bottleneck,
    share_bottleneck,
    update_agreement,
)

from .factories import make_case, make_circle, make_user

DESCRIPTION = "Gegevens over huurachterstand mogen niet met het sociaal team gedeeld worden."
CASE_SITUATION = "Een grootvader zorgt voor twee kleinkinderen en raakt achter met de huur."


@pytest.fixture
def bottleneck(circle, people) -> Bottleneck:
    case = make_case(circle, people["member"], situation=CASE_SITUATION, title="Opa en kleinkind")
    return record_bottleneck(
        circle=circle,
        by=people["member"],
        details=BottleneckDetails(
            title="Signalen delen mag niet",
            description=DESCRIPTION,
            kind="ict_privacy",
            body="Gemeente en woningcorporatie",
            case=case,
        ),
    )


def test_sharing_shows_the_description_regionally_without_the_case(
    client, circle, people, bottleneck, drenthe
) -> None:
    with pytest.raises(CircleError):
        share_bottleneck(bottleneck=bottleneck, by=people["member"])
    client.force_login(people["facilitator"])
    client.post(reverse("circles:bottleneck_share", kwargs={"slug": "assen", "pk": bottleneck.pk}))
    bottleneck.refresh_from_db()
    assert bottleneck.is_shared
    assert CircleEvent.objects.filter(kind="shared_bottleneck").exists()

    client.force_login(people["coordinator"])
    html = client.get(
        reverse("circles:regional_bottlenecks"), HTTP_HOST="drenthe.localhost"
    ).content.decode()
    assert DESCRIPTION in html
    assert "Leerkring Assen" in html
    for private in (CASE_SITUATION, "Opa en kleinkind", bottleneck.case.question):
        assert private not in html
    # The other portal shows its own region only.
    html = client.get(reverse("circles:regional_bottlenecks")).content.decode()
    assert DESCRIPTION not in html


def test_unshared_bottlenecks_stay_in_the_circle(client, people, bottleneck) -> None:
    client.force_login(people["coordinator"])
    html = client.get(
        reverse("circles:regional_bottlenecks"), HTTP_HOST="drenthe.localhost"
    ).content.decode()
    assert DESCRIPTION not in html


def test_the_coordinators_answer_appears_in_the_circle(client, people, bottleneck) -> None:
    share_bottleneck(bottleneck=bottleneck, by=people["facilitator"])
    respond = reverse("circles:respond", kwargs={"pk": bottleneck.pk})
    client.force_login(people["coordinator"])
    # Asked on the portal of the circle's region (Drenthe).
    response = client.post(
        respond, {"response": "", "status": "answered"}, HTTP_HOST="drenthe.localhost"
    )
    assert response.status_code == 200  # the answer is required
    client.post(
        respond,
        {"response": "Besproken in de stuurgroep; het ministerie antwoordt.", "status": "raised"},
        HTTP_HOST="drenthe.localhost",
    )
    bottleneck.refresh_from_db()
    assert bottleneck.status == "raised"
    assert bottleneck.responded_by == people["coordinator"]

    client.force_login(people["member"])
    for name in ("bottlenecks", "overview"):
        html = client.get(reverse(f"circles:{name}", kwargs={"slug": "assen"})).content.decode()
        assert "Besproken in de stuurgroep" in html, name


def test_several_circles_with_the_same_kind_are_counted(client, drenthe, people, bottleneck):
    share_bottleneck(bottleneck=bottleneck, by=people["facilitator"])
    facilitator = make_user("begeleider-emmen")
    emmen = make_circle(slug="emmen", region=drenthe.region, facilitator=facilitator, code="GM0114")
    other = record_bottleneck(
        circle=emmen,
        by=facilitator,
        details=BottleneckDetails(
            title="Ook hier", description="Zelfde probleem.", kind="ict_privacy"
        ),
    )
    share_bottleneck(bottleneck=other, by=facilitator)
    client.force_login(people["coordinator"])
    response = client.get(reverse("circles:regional_bottlenecks"), HTTP_HOST="drenthe.localhost")
    [kind] = response.context["kinds"]
    assert kind["source_count"] == 2
    assert [m.name for m, _ in kind["municipalities"]] == ["Assen", "Emmen"]


def test_agreements_and_bottlenecks_are_refused_with_personal_data(circle, people) -> None:
    """The services check what the forms check, so the admin, the demo and any future
    caller cannot save personal data either."""
    with pytest.raises(PersonalDataError) as refusal:
        make_agreement(
            circle=circle,
            by=people["member"],
            details=AgreementDetails(description="Bel mevrouw op 06-12345678."),
        )
    [(label, finding)] = refusal.value.findings
    assert (label, finding.text) == ("Wat we afspreken", "06-12345678")

    agreement = make_agreement(
        circle=circle, by=people["member"], details=AgreementDetails(description="Eerder bellen.")
    )
    with pytest.raises(PersonalDataError):
        update_agreement(
            agreement=agreement,
            by=people["member"],
            details=AgreementDetails(description="Dhr. Jansen belt de corporatie."),
        )

    with pytest.raises(PersonalDataError) as refusal:
        record_bottleneck(
            circle=circle,
            by=people["member"],
            details=BottleneckDetails(
                title="Regels botsen",
                description="De regels spreken elkaar tegen.",
                kind="ict_privacy",
                body="Mail j.jansen@voorbeeld.nl bij de gemeente",
            ),
        )
    [(label, finding)] = refusal.value.findings
    assert label == "Wie kan het veranderen"
