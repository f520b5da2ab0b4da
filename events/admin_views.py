"""Registrations in /beheer/ ("Inschrijvingen"): a listing per session with filters and a
CSV/Excel export, each registration's history, and the editors' actions. Every action
calls a function of events.services, so the rules, the lock, the audit trail and the
e-mails are the same as on the site. Registrations are never edited or deleted as rows:
Wagtail's generic edit, delete and history views are left out on purpose.
"""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.contrib import messages
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView, TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button, HeaderButton

from core.exports import spreadsheet_filename

from . import services
from .forms import AddByHandForm, CancelForm, MessageForm, MoveForm
from .models import (
    CANCELLABLE_STATES,
    EventPage,
    Registration,
    RegistrationState,
    Session,
)


class RegistrationFilterSet(WagtailFilterSet):
    event = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Event"),
        field_name="session__event",
        queryset=EventPage.objects.order_by("title"),
    )
    # The sessions people register for: those of events, and those without an event (a
    # track's group) that have registrations. Not a track's days: their register is the
    # group's. Each choice names its event and its date (Session.__str__).
    session = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Session"),
        queryset=Session.objects.filter(is_private=False)
        .filter(
            Q(event__isnull=False)
            | Q(pk__in=Registration.objects.for_editors().values("session_id"))
        )
        .select_related("event")
        .order_by("-starts_at"),
    )
    state = django_filters.ChoiceFilter(
        label=gettext_lazy("State"), choices=RegistrationState.choices
    )

    class Meta:
        model = Registration
        fields: list[str] = []


class RegistrationIndexView(IndexView):
    add_item_label = gettext_lazy("Add someone by hand")

    def get_base_queryset(self) -> QuerySet[Registration]:
        return super().get_base_queryset().for_editors().select_related("session__event", "role")

    def get_edit_url(self, instance: Registration) -> str | None:
        """The name in the listing opens the registration with its history."""
        return self.get_inspect_url(instance)

    def get_list_more_buttons(self, instance: Registration) -> list[Button]:
        buttons = [
            Button(
                _("History"),
                url=self.get_inspect_url(instance),
                icon_name="history",
                priority=10,
            )
        ]
        if instance.state in CANCELLABLE_STATES:
            buttons.append(
                Button(
                    _("Cancel"),
                    url=reverse("events_registration:cancel", args=[instance.pk]),
                    icon_name="cross",
                    priority=20,
                )
            )
        if instance.is_active and instance.session.event_id:
            buttons.append(
                Button(
                    _("Move to another session"),
                    url=reverse("events_registration:move", args=[instance.pk]),
                    icon_name="arrow-right",
                    priority=30,
                )
            )
        return buttons

    def selected(self, name: str) -> Any:
        form = self.filters.form if self.filters else None
        if form is None or not form.is_valid():
            return None
        return form.cleaned_data.get(name)

    def get_filename(self) -> str:
        """The export is named after the session and its day, the event, or just the day.
        Wagtail writes it through core.exports (see core.apps)."""
        session = self.selected("session")
        if session is not None:
            day = timezone.localdate(session.starts_at)
            return spreadsheet_filename(self.export_filename, session.name, on=day)
        event = self.selected("event")
        if event is not None:
            return spreadsheet_filename(self.export_filename, event.title)
        return spreadsheet_filename(self.export_filename)

    @cached_property
    def header_buttons(self) -> list[Button]:
        buttons = list(super().header_buttons)  # "add", which is adding by hand
        event = self.selected("event")
        if event is not None:
            buttons.append(
                HeaderButton(
                    _("Evaluation results"),
                    url=reverse("events_registration:evaluation_results", args=[event.pk]),
                    icon_name="doc-full",
                )
            )
        session = self.selected("session")
        if session is not None:
            buttons += [
                HeaderButton(
                    _("Message to this session"),
                    url=reverse("events_registration:message", args=[session.pk]),
                    icon_name="mail",
                ),
                HeaderButton(
                    _("Fill free seats"),
                    url=reverse("events_registration:fill_seats", args=[session.pk]),
                    icon_name="arrow-up",
                ),
            ]
        return buttons


class RegistrationInspectView(InspectView):
    """A registration and its audit trail: who changed what, when and why."""

    template_name = "events/admin/registration_inspect.html"
    page_title = gettext_lazy("Registration")

    def get_object(self, queryset: Any = None) -> Registration:
        return get_object_or_404(
            Registration.objects.for_editors().select_related("session__event", "user", "role"),
            pk=self.pk,
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["changes"] = self.object.changes.select_related("actor")
        context["emails"] = (
            self.object.emails.select_related("message")
            .defer("message__message")
            .order_by("created_at", "pk")
        )
        return context


class EditorActionView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """A form in the admin's look that runs one service; a domain error shows as a form
    error, with the input kept."""

    model = Registration
    permission_required = "change"
    template_name = "events/admin/form.html"
    header_icon = "list-ul"
    index_url_name: str | None = None
    submit_button_label = gettext_lazy("Save")

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [
            *self.breadcrumbs_items,
            {"url": reverse("events_registration:index"), "label": _("Registrations")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            action_url=self.request.get_full_path(),
            submit_button_label=self.submit_button_label,
            submit_button_active_label=self.submit_button_label,
        )
        return context

    def form_valid(self, form: Any) -> HttpResponse:
        try:
            message = self.act(form.cleaned_data)
        except services.RegistrationError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        messages.success(self.request, message)
        return redirect(self.next_url())

    def act(self, data: dict[str, Any]) -> str:
        raise NotImplementedError

    def next_url(self) -> str:
        return reverse("events_registration:index")


class RegistrationActionView(EditorActionView):
    """An action on one registration, named by its pk in the URL."""

    def setup(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        super().setup(request, *args, **kwargs)
        self.registration = get_object_or_404(
            Registration.objects.for_editors().select_related("session__event"), pk=kwargs["pk"]
        )

    def get_page_subtitle(self) -> str:
        return str(self.registration)

    def next_url(self) -> str:
        return reverse("events_registration:index") + f"?session={self.registration.session_id}"


class CancelView(RegistrationActionView):
    form_class = CancelForm
    page_title = gettext_lazy("Cancel a registration")
    submit_button_label = gettext_lazy("Cancel the registration")

    def act(self, data: dict[str, Any]) -> str:
        services.cancel_registration(
            registration=self.registration, actor=self.request.user, reason=data["reason"]
        )
        return _("The registration is cancelled. A freed seat went to the waiting list.")


class MoveView(RegistrationActionView):
    form_class = MoveForm
    page_title = gettext_lazy("Move to another session")
    submit_button_label = gettext_lazy("Move")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "registration": self.registration}

    def act(self, data: dict[str, Any]) -> str:
        moved = services.move_registration(
            registration=self.registration, to_session=data["to_session"], actor=self.request.user
        )
        return _("Moved. The new registration: %(state)s.") % {"state": moved.get_state_display()}


class AddByHandView(EditorActionView):
    """Wagtail's "add" of this listing: an editor registers someone."""

    form_class = AddByHandForm
    page_title = gettext_lazy("Add a registration by hand")
    submit_button_label = gettext_lazy("Add")
    # The viewset hands these to every view; this view does not use them.
    panel = None
    add_url_name = None

    def get_initial(self) -> dict[str, Any]:
        return {"session": self.request.GET.get("session")}

    def act(self, data: dict[str, Any]) -> str:
        self.added = services.add_by_hand(
            session=data["session"],
            user=data["user"],
            visitor=services.Visitor(
                name=data["name"],
                email=data["email"],
                organisation_name=data["organisation_name"],
                role=data["role"],
            ),
            actor=self.request.user,
        )
        return _("%(name)s is added: %(state)s.") % {
            "name": self.added.name,
            "state": self.added.get_state_display(),
        }

    def next_url(self) -> str:
        return reverse("events_registration:index") + f"?session={self.added.session_id}"


class SessionActionView(EditorActionView):
    """An action on all registrations of one session."""

    def setup(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        super().setup(request, *args, **kwargs)
        self.session = get_object_or_404(
            Session.objects.filter(is_private=False).select_related("event").with_seat_counts(),
            pk=kwargs["pk"],
        )

    def get_page_subtitle(self) -> str:
        return str(self.session)

    def next_url(self) -> str:
        return reverse("events_registration:index") + f"?session={self.session.pk}"


class MessageView(SessionActionView):
    form_class = MessageForm
    page_title = gettext_lazy("Message to the participants")
    submit_button_label = gettext_lazy("Send the message")

    def act(self, data: dict[str, Any]) -> str:
        count = services.message_registrants(
            session=self.session,
            subject=data["subject"],
            body=data["body"],
            actor=self.request.user,
            include_waiting_list=data["include_waiting_list"],
        )
        return ngettext(
            "The message goes out to %(count)s person.",
            "The message goes out to %(count)s people.",
            count,
        ) % {"count": count}


class FillSeatsView(SessionActionView):
    """Free seats to the front of the waiting list (at once, or as offers), e.g. after a
    cancellation by hand. Raising the number of seats is done on the event page."""

    form_class = forms.Form  # no fields: the button is the confirmation
    page_title = gettext_lazy("Fill free seats from the waiting list")
    submit_button_label = gettext_lazy("Fill free seats")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["session"] = self.session
        return context

    template_name = "events/admin/fill_seats.html"

    def act(self, data: dict[str, Any]) -> str:
        promoted = services.promote_from_waiting_list(session=self.session, actor=self.request.user)
        return ngettext(
            "%(count)s person moved up from the waiting list.",
            "%(count)s people moved up from the waiting list.",
            len(promoted),
        ) % {"count": len(promoted)}


class EvaluationResultsView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """What the participants of an event answered: per rating question the average, the
    number of answers and how often each number was chosen; the open answers in full."""

    model = Registration
    any_permission_required = ["add", "change", "delete", "view"]
    template_name = "events/admin/evaluation_results.html"
    header_icon = "list-ul"
    page_title = gettext_lazy("Evaluation")

    def setup(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        super().setup(request, *args, **kwargs)
        self.event = get_object_or_404(EventPage, pk=kwargs["page_id"])

    def get_page_subtitle(self) -> str:
        return self.event.title

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [
            *self.breadcrumbs_items,
            {"url": reverse("events_registration:index"), "label": _("Registrations")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.event.title},
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(event=self.event, results=self.event.evaluation_results())
        return context


class RegistrationViewSet(ModelViewSet):
    model = Registration
    name = "events_registration"
    url_prefix = "inschrijvingen"
    icon = "list-ul"
    menu_label = gettext_lazy("Registrations")
    menu_order = 240
    add_to_admin_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = RegistrationIndexView
    inspect_view_class = RegistrationInspectView
    add_view_class = AddByHandView
    filterset_class = RegistrationFilterSet
    list_display = ["name", "session", "state", "organisation_name", "created_at"]
    list_per_page = 50
    ordering = ["session__starts_at", "created_at", "pk"]
    search_fields = ["name", "email", "organisation_name"]
    list_export = [
        "session",
        "name",
        "email",
        "organisation_name",
        "role",
        "state_label",
        "created_at",
        "waiting_since",
    ]
    export_headings = {"state_label": gettext_lazy("State"), "role": gettext_lazy("Role")}
    export_filename = "inschrijvingen"

    def get_common_view_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        # No generic edit, delete or history: a registration changes through services only.
        return super().get_common_view_kwargs(
            edit_url_name=None, delete_url_name=None, history_url_name=None, **kwargs
        )

    def get_add_view_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        return kwargs  # a form of our own, not one built from the model's fields

    def get_urlpatterns(self) -> list[Any]:
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("new/", self.add_view, name="add"),
            path("<int:pk>/", self.inspect_view, name="inspect"),
            path("<int:pk>/afmelden/", self._action(CancelView), name="cancel"),
            path("<int:pk>/verplaatsen/", self._action(MoveView), name="move"),
            path("sessie/<int:pk>/bericht/", self._action(MessageView), name="message"),
            path("sessie/<int:pk>/plaatsen/", self._action(FillSeatsView), name="fill_seats"),
            path(
                "evaluatie/<int:page_id>/",
                EvaluationResultsView.as_view(),
                name="evaluation_results",
            ),
        ]

    def _action(self, view_class: type[EditorActionView]) -> Any:
        return view_class.as_view(index_url_name=self.get_url_name("index"))
