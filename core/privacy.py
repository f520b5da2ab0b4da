"""What the platform holds about a person: the download of all of it, and its removal.

Every app registers, with the Wagtail hook `personal_data` (a function returning
`PersonalData`s, as with `periodic_jobs`), each relation of its models to the user model
and what becomes of its rows when the person removes their account: they are deleted, or
they stay without the link to the person, for a stated reason. The same registration says
which section of the download holds those rows, or why the download leaves them out.
Apps that depend on other apps or run before the rows go (cancel a seat, pass it on) give
a `prepare_removal`; the declared deletions and unlinkings are then done here, so a
declaration is what happens and not a comment beside Django's `on_delete`.

`core/tests/test_privacy.py` fails when a relation to the user model is not registered,
and `dashboard/tests/test_personal_data.py` gives a person a row behind every registered
relation, downloads, removes, and looks for the person in every table.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models, transaction
from django.utils import timezone
from wagtail import hooks

HOOK = "personal_data"


class Removal(enum.Enum):
    DELETE = "delete"  # the rows go with the person
    UNLINK = "unlink"  # the rows stay, with the link to the person set to null


@dataclass(frozen=True, kw_only=True)
class Holding:
    """One relation to the person ("app_label.Model.field") and what becomes of it."""

    relation: str
    removal: Removal
    # Why the rows stay when the person goes (UNLINK only).
    kept_because: str = ""
    # The download's section that holds the rows, or else why the download leaves them out.
    section: str = ""
    not_exported_because: str = ""

    def __post_init__(self) -> None:
        if (self.removal is Removal.UNLINK) != bool(self.kept_because):
            raise ValueError(f"{self.relation}: a reason to keep rows goes with UNLINK only")
        if bool(self.section) == bool(self.not_exported_because):
            raise ValueError(f"{self.relation}: give a section or a reason not to export")


class Export(Protocol):
    """Returns the download's sections for this app, JSON-serialisable."""

    def __call__(self, *, user: Any, base_url: str) -> Mapping[str, object]: ...


class PrepareRemoval(Protocol):
    def __call__(self, *, user: Any) -> object: ...


@dataclass(frozen=True, kw_only=True)
class PersonalData:
    """What one app holds about a person."""

    holdings: Sequence[Holding]
    export: Export | None = None
    # Runs before the declared rows are deleted or unlinked, inside the same transaction.
    prepare_removal: PrepareRemoval | None = None


def registered() -> list[PersonalData]:
    return [data for provide in hooks.get_hooks(HOOK) for data in provide()]


def holdings() -> dict[str, Holding]:
    """Every registered relation; one registration per relation."""
    found: dict[str, Holding] = {}
    for data in registered():
        for holding in data.holdings:
            if holding.relation in found:
                raise ValueError(f"{holding.relation} is registered twice")
            found[holding.relation] = holding
    return found


def user_relations() -> dict[str, models.Field[Any, Any]]:
    """Every foreign key, one-to-one and many-to-many field to the user model (and the
    user model's own many-to-many fields), by "app_label.Model.field". Inherited fields are
    named once, on the model that defines them; Django's own through tables are covered by
    their many-to-many field."""
    user_model = get_user_model()
    relations: dict[str, models.Field[Any, Any]] = {}
    for model in apps.get_models():
        for each in model._meta.get_fields(include_parents=False):
            if not each.is_relation or each.auto_created or not each.concrete:
                continue
            if each.related_model is user_model or (model is user_model and each.many_to_many):
                relations[f"{model._meta.label}.{each.name}"] = each  # type: ignore[assignment]
    return relations


def export_person(*, user: AbstractBaseUser, base_url: str) -> dict[str, object]:
    """Everything the platform holds about a person, as one JSON-serialisable document."""
    document: dict[str, object] = {"exported_at": timezone.now().isoformat()}
    for data in registered():
        if data.export is not None:
            document.update(data.export(user=user, base_url=base_url))
    return document


@transaction.atomic
def remove_person(*, user: AbstractBaseUser) -> None:
    """Remove a person's account and do with each registered relation what it declares."""
    relations = user_relations()
    for data in registered():
        if data.prepare_removal is not None:
            data.prepare_removal(user=user)
    for name, holding in holdings().items():
        _apply(relations[name], holding.removal, user)
    user.delete()


def _apply(relation: models.Field[Any, Any], removal: Removal, user: AbstractBaseUser) -> None:
    model = relation.model
    if relation.many_to_many:
        through = relation.remote_field.through  # type: ignore[union-attr]
        own_side = (
            relation.m2m_field_name()  # type: ignore[attr-defined]
            if model is get_user_model()
            else relation.m2m_reverse_field_name()  # type: ignore[attr-defined]
        )
        if removal is not Removal.DELETE:
            raise ValueError(f"{relation}: the links of a many-to-many field can only go")
        through._default_manager.filter(**{own_side: user}).delete()
        return
    rows = model._base_manager.filter(**{relation.name: user})
    if removal is Removal.DELETE:
        rows.delete()
    else:
        rows.update(**{relation.name: None})
