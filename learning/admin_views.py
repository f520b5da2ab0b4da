"""/beheer/: the anonymised export of learning records for research (learning.research),
for people with the permission `learning.export_research_data`."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.portals import site_base_url

from . import research
from .models import LearningRecord

PERMISSION = "learning.export_research_data"


class PermissionRequiredMixin:
    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]


class ResearchExportView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """What the export holds and leaves out, how many records, and the download."""

    template_name = "learning/admin/research_export.html"
    header_icon = "download"
    page_title = gettext_lazy("Learning records for research")

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            records=LearningRecord.objects.count(), k=research.K, **kwargs
        )


class ResearchExportDownloadView(PermissionRequiredMixin, View):
    """The statements as JSON lines, streamed: a download of many records stays small in
    memory. A GET that writes nothing."""

    def get(self, request: HttpRequest) -> StreamingHttpResponse:
        response = StreamingHttpResponse(
            research.json_lines(base_url=site_base_url(None)),
            content_type="application/x-ndjson; charset=utf-8",
        )
        filename = f"leerrecords-onderzoek-{timezone.localdate():%d-%m-%Y}.jsonl"
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=filename
        )
        return response
