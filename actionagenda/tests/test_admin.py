"""Editors keep the spearheads and the targets in /beheer/."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from actionagenda.models import Target
from actionagenda.services import TargetError, create_target, record_measurement

ADD_TARGET = reverse("wagtailsnippets_actionagenda_target:add")


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("redacteur", "redacteur@example.org", "x")
    client.force_login(user)
    return user


def target_form(spearhead, value: str) -> dict[str, str]:
    return {
        "title": "250 mensen in armoede naar scholing en werk",
        "spearhead": str(spearhead.pk),
        "goal_value": "250",
        "unit": "mensen",
        "deadline": "",
        "measurements-TOTAL_FORMS": "1",
        "measurements-INITIAL_FORMS": "0",
        "measurements-MIN_NUM_FORMS": "0",
        "measurements-MAX_NUM_FORMS": "1000",
        "measurements-0-id": "",
        "measurements-0-measured_on": "2026-05-01",
        "measurements-0-value": value,
        "measurements-0-source": "Telling van de partners",
        "measurements-0-DELETE": "",
    }


def test_editor_adds_a_target_with_a_measurement(client, editor, spearhead):
    response = client.post(ADD_TARGET, target_form(spearhead, "12"))
    assert response.status_code == 302
    target = Target.objects.get()
    assert target.spearhead == spearhead
    [measurement] = target.measurements.all()
    assert (measurement.measured_on, measurement.value) == (date(2026, 5, 1), Decimal(12))


def test_a_negative_measurement_is_refused_and_nothing_is_saved(client, editor, spearhead):
    response = client.post(ADD_TARGET, target_form(spearhead, "-3"))
    assert response.status_code == 200
    assert "minstens 0" in response.content.decode()
    assert not Target.objects.exists()


def test_spearhead_edit_form_offers_the_kinds_of_bottleneck(client, editor, spearhead):
    html = client.get(reverse("wagtailadmin_pages:edit", args=[spearhead.pk])).content.decode()
    checked = re.findall(r'<input[^>]*name="bottleneck_kinds" value="(\w+)"[^>]*checked', html)
    assert sorted(checked) == ["law", "money"]


def test_services_keep_the_rules(db, spearhead):
    with pytest.raises(TargetError):
        create_target(title="Niets", goal_value=Decimal(0), unit="mensen")
    target = create_target(title="Doel", goal_value=Decimal(10), unit="mensen")
    with pytest.raises(TargetError):
        record_measurement(
            target=target, measured_on=date(2026, 1, 1), value=Decimal(-1), source="x"
        )
    with pytest.raises(TargetError):
        record_measurement(
            target=target, measured_on=date(2026, 1, 1), value=Decimal(1), source=" "
        )
    record_measurement(target=target, measured_on=date(2026, 1, 1), value=Decimal(1), source="x")
    # A second figure for the same day corrects the first.
    record_measurement(target=target, measured_on=date(2026, 1, 1), value=Decimal(2), source="y")
    assert list(target.measurements.values_list("value", "source")) == [(Decimal(2), "y")]
