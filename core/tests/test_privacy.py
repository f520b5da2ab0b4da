"""Every relation to a person is registered with what the download and the removal do
with it. `dashboard/tests/test_personal_data.py` proves the registrations hold."""

import pytest

from core.privacy import Holding, Removal, holdings, user_relations


def test_every_relation_to_the_user_model_is_registered():
    missing = sorted(set(user_relations()) - set(holdings()))
    assert not missing, (
        "These fields point at a person, but no app says what the data download and the "
        "account removal do with them. Register each in the app's `personal_data` hook "
        f"(see core/privacy.py): {missing}"
    )


def test_every_registration_names_a_relation_to_the_user_model():
    assert not sorted(set(holdings()) - set(user_relations()))


def test_the_scan_finds_relations_of_every_kind_and_from_third_party_apps():
    relations = user_relations()
    assert {
        "accounts.Profile.user",  # one-to-one
        "circles.Comment.author",  # foreign key
        "events.EventPage.trainers",  # many-to-many on a page
        "auth.User.groups",  # the user model's own many-to-many
        "account.EmailAddress.user",  # allauth
        "wagtailcore.PageLogEntry.user",  # Wagtail, kept by the database without a constraint
    } <= set(relations)
    # Inherited fields are named once, where they are defined.
    assert "wagtailcore.Page.owner" in relations and "events.EventPage.owner" not in relations


def test_only_links_that_may_be_empty_are_unlinked():
    relations = user_relations()
    for name, holding in holdings().items():
        if holding.removal is Removal.UNLINK:
            assert relations[name].null, f"{name} cannot be set to null"


def test_a_registration_says_why_rows_stay_and_where_they_are_downloaded():
    with pytest.raises(ValueError, match="reason to keep"):
        Holding(relation="a.B.c", removal=Removal.UNLINK, section="b")
    with pytest.raises(ValueError, match="reason to keep"):
        Holding(relation="a.B.c", removal=Removal.DELETE, kept_because="x", section="b")
    with pytest.raises(ValueError, match="section or a reason"):
        Holding(relation="a.B.c", removal=Removal.DELETE)
    with pytest.raises(ValueError, match="section or a reason"):
        Holding(relation="a.B.c", removal=Removal.DELETE, section="b", not_exported_because="x")
