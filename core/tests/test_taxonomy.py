import pytest
from django.core.exceptions import ValidationError

from core.models import Municipality, Region
from core.validators import contrast_with_white, validate_accent_colour


def test_contrast_is_computed_as_wcag_defines_it():
    assert contrast_with_white("#000000") == pytest.approx(21.0)
    assert contrast_with_white("#ffffff") == pytest.approx(1.0)
    assert contrast_with_white("#767676") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("colour", ["#1e5a8c", "#a3262a", "#767676"])
def test_dark_enough_accent_colours_are_accepted(colour):
    validate_accent_colour(colour)


def test_a_light_accent_colour_is_refused_with_a_dutch_reason(settings):
    with pytest.raises(ValidationError) as error:
        validate_accent_colour("#ffcc00")
    assert "minstens 4,5:1" in error.value.messages[0]


@pytest.mark.parametrize("colour", ["red", "#12345", "#gggggg", "1e5a8c"])
def test_malformed_colours_are_refused(colour):
    with pytest.raises(ValidationError):
        validate_accent_colour(colour)


@pytest.mark.django_db
@pytest.mark.parametrize("code,is_valid", [("GM0106", True), ("GM106", False), ("0106", False)])
def test_municipality_codes_follow_the_cbs_form(code, is_valid):
    region = Region.objects.create(name="Drenthe", slug="drenthe", accent_colour="#a3262a")
    municipality = Municipality(name="Assen", cbs_code=code, region=region)
    if is_valid:
        municipality.full_clean()
    else:
        with pytest.raises(ValidationError):
            municipality.full_clean()
