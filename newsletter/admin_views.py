"""/beheer/: sending an edition (test to oneself, schedule, send now) with its progress,
and suggestions of what to put in it."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from catalogue.models import LearningItemPage
from events.models import Session
from news.models import NewsPage

from . import services
from .forms import ScheduleForm
from .models import Delivery, NewsletterEdition, Sending

# What counts as new for the suggestions: published in the last half year.
NEW_ITEMS_SINCE = timedelta(days=183)


def suggestions(edition: NewsletterEdition) -> dict[str, Any]:
    """Recent news, new catalogue items and the coming sessions of the edition's regions,
    for editors to pick in the edition's page choosers."""
    regions = list(edition.regions.all())
    now = timezone.now()
    items = (
        LearningItemPage.objects.live()
        .public()
        .filter(regions__in=regions, first_published_at__gte=now - NEW_ITEMS_SINCE)
        .distinct()
        .order_by("-first_published_at")[:10]
    )
    sessions = (
        Session.objects.upcoming(now)
        .filter(event__in=LearningItemPage.objects.live().public().filter(regions__in=regions))
        .select_related("event")
        .order_by("starts_at")[:10]
    )
    news = (
        NewsPage.objects.live()
        .public()
        .filter(regions__in=regions, date__gte=(now - NEW_ITEMS_SINCE).date())
        .distinct()
        .order_by("-date", "-pk")[:10]
    )
    return {"news": list(news), "new_items": list(items), "sessions": list(sessions)}


class EditionSendingView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "newsletter/admin/sending.html"
    header_icon = "mail"
    page_title = gettext_lazy("Send the newsletter")

    def setup(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        super().setup(request, *args, **kwargs)
        self.edition = get_object_or_404(NewsletterEdition, pk=kwargs["page_id"])

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not self.edition.permissions_for_user(request.user).can_publish():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self) -> str:
        return self.edition.title

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [
            *self.breadcrumbs_items,
            {"url": "", "label": self.get_page_title(), "sublabel": self.edition.title},
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        sending = Sending.objects.filter(edition=self.edition).first()
        progress = Delivery.objects.progress(sending) if sending else {}
        context.update(
            edition=self.edition,
            sending=sending,
            progress=progress,
            percentage=round(100 * progress["queued"] / sending.total)
            if sending and sending.total
            else 0,
            recipients=services.Subscriber.objects.for_regions(self.edition.regions.all()).count(),
            schedule_form=kwargs.get("schedule_form") or ScheduleForm(),
            preview_url=reverse("wagtailadmin_pages:preview_on_edit", args=[self.edition.pk]),
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.edition.pk]),
            **suggestions(self.edition),
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        action = request.POST.get("action")
        user = request.user
        assert isinstance(user, User)  # the admin lets only logged-in editors in
        schedule_form = None
        try:
            if action == "test":
                services.send_test(edition=self.edition, user=user)
                messages.success(
                    request,
                    _("The test is on its way to %(email)s.") % {"email": user.email},
                )
            elif action == "send":
                sending = services.start_sending(edition=self.edition)
                messages.success(
                    request,
                    _("Sending started to %(count)d subscribers.") % {"count": sending.total},
                )
            elif action == "schedule":
                schedule_form = ScheduleForm(request.POST)
                if schedule_form.is_valid():
                    services.schedule_sending(
                        edition=self.edition, at=schedule_form.cleaned_data["scheduled_for"]
                    )
                    messages.success(request, _("The edition is scheduled."))
                    schedule_form = None
            elif action == "unschedule":
                services.schedule_sending(edition=self.edition, at=None)
                messages.success(request, _("The schedule is taken back."))
        except services.NewsletterError as error:
            messages.error(request, error.message)
        if schedule_form is not None:
            return self.render_to_response(self.get_context_data(schedule_form=schedule_form))
        return redirect("newsletter_sending", page_id=self.edition.pk)
