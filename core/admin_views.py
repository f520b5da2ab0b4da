"""The outbox in /beheer/ ("Uitgaande e-mail"): the messages that wait for the mail server
or gave up, with "send again". Sent messages and every message's text stay out of sight:
editors need to see what is stuck, not to read other people's mail."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import django_filters
from django import forms
from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button

from . import services
from .models import OutgoingEmail, OutgoingMessage


def _kinds() -> list[tuple[str, str]]:
    kinds = OutgoingEmail.objects.unsent().order_by("kind").values_list("kind", flat=True)
    return [(kind, kind) for kind in kinds.distinct()]


class OutgoingEmailFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=[("waiting", gettext_lazy("waiting")), ("failed", gettext_lazy("failed"))],
        method="filter_status",
    )
    kind = django_filters.ChoiceFilter(label=gettext_lazy("Kind"), choices=_kinds)

    class Meta:
        model = OutgoingEmail
        fields: list[str] = []

    def filter_status(
        self, queryset: QuerySet[OutgoingEmail], name: str, value: str
    ) -> QuerySet[OutgoingEmail]:
        return queryset.failed() if value == "failed" else queryset.pending()  # type: ignore[attr-defined]


def _moment(value: datetime | None) -> str:
    return date_format(timezone.localtime(value), "j b Y, H:i") if value else ""


class OutgoingEmailIndexView(IndexView):
    def get_base_queryset(self) -> QuerySet[OutgoingEmail]:
        return super().get_base_queryset().unsent().defer("message")  # type: ignore[attr-defined]

    def get_edit_url(self, instance: OutgoingEmail) -> str | None:
        return reverse("core_outbox:send_again", args=[instance.pk])

    def get_list_more_buttons(self, instance: OutgoingEmail) -> list[Button]:
        return [
            Button(
                _("Send again"),
                url=reverse("core_outbox:send_again", args=[instance.pk]),
                icon_name="mail",
                priority=10,
            )
        ]


class SendAgainView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """The message's details and one button, which posts to the service."""

    model = OutgoingEmail
    permission_required = "change"
    form_class = forms.Form  # no fields: the button is the confirmation
    template_name = "core/admin/send_again.html"
    header_icon = "mail"
    page_title = gettext_lazy("Send an e-mail again")

    def setup(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        super().setup(request, *args, **kwargs)
        self.email = get_object_or_404(
            OutgoingEmail.objects.unsent().defer("message"),  # type: ignore[attr-defined]
            pk=kwargs["pk"],
        )

    def get_page_subtitle(self) -> str:
        return self.email.subject

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [
            *self.breadcrumbs_items,
            {"url": reverse("core_outbox:index"), "label": _("Outgoing e-mail")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        label = _("Send again")
        context.update(
            email=self.email,
            next_attempt=_moment(self.email.next_attempt_at),
            action_url=self.request.get_full_path(),
            submit_button_label=label,
            submit_button_active_label=label,
        )
        return context

    def form_valid(self, form: forms.Form) -> HttpResponse:
        try:
            services.send_again(email=self.email, actor=self.request.user)
        except services.OutboxError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("The e-mail to %(recipients)s goes out again.")
            % {"recipients": self.email.recipients},
        )
        return redirect("core_outbox:index")


class ListOnlyViewSet(ModelViewSet):
    """Rows the platform makes (outgoing messages): listed, never made, edited or deleted
    by hand."""

    def get_common_view_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_common_view_kwargs(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            history_url_name=None,
            **kwargs,
        )

    def get_urlpatterns(self) -> list[Any]:
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
        ]


class OutgoingEmailViewSet(ListOnlyViewSet):
    model = OutgoingEmail
    name = "core_outbox"
    url_prefix = "uitgaande-email"
    icon = "mail"
    menu_label = gettext_lazy("Outgoing e-mail")
    menu_order = 250
    add_to_admin_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = OutgoingEmailIndexView
    filterset_class = OutgoingEmailFilterSet
    list_display = [
        "recipients",
        "subject",
        "kind",
        StatusTagColumn("status", label=gettext_lazy("Status"), primary=lambda e: e.is_failed),
        "attempts",
        "last_error",
        Column(
            "next_attempt_at",
            label=gettext_lazy("Next attempt"),
            accessor=lambda email: _moment(email.next_attempt_at),
            sort_key="next_attempt_at",
        ),
        Column(
            "created_at",
            label=gettext_lazy("Created at"),
            accessor=lambda email: _moment(email.created_at),
            sort_key="created_at",
        ),
    ]
    list_per_page = 50
    ordering = ["-created_at", "-pk"]
    search_fields = ["recipients", "subject"]

    def get_urlpatterns(self) -> list[Any]:
        # Only sent again, besides being listed.
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/opnieuw/", SendAgainView.as_view(), name="send_again"),
        ]


class OutgoingMessageIndexView(IndexView):
    def get_base_queryset(self) -> QuerySet[OutgoingMessage]:
        return super().get_base_queryset().pending().defer("payload")  # type: ignore[attr-defined]


class OutgoingMessageViewSet(ListOnlyViewSet):
    """What waits for another system (an LRS): nothing to do but see that it waits and why,
    as it is tried again by itself until the system takes it."""

    model = OutgoingMessage
    name = "core_outbox_messages"
    url_prefix = "uitgaande-berichten"
    icon = "resubmit"
    menu_label = gettext_lazy("Outgoing messages")
    menu_order = 251
    add_to_admin_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = OutgoingMessageIndexView
    list_display = [
        "channel",
        "key",
        "attempts",
        "last_error",
        Column(
            "next_attempt_at",
            label=gettext_lazy("Next attempt"),
            accessor=lambda message: _moment(message.next_attempt_at),
            sort_key="next_attempt_at",
        ),
        Column(
            "created_at",
            label=gettext_lazy("Created at"),
            accessor=lambda message: _moment(message.created_at),
            sort_key="created_at",
        ),
    ]
    list_filter = ["channel"]
    list_per_page = 50
    ordering = ["next_attempt_at", "pk"]
