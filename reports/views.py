"""/rapportages/: the reach report on screen, as CSV or Excel, and the yearly PDF."""

from __future__ import annotations

import datetime

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from accounts.mfa import require_second_factor
from core.exports import XLSX, spreadsheet_filename, spreadsheet_response

from . import figures
from .access import Audience, audience_of
from .charts import bar_chart
from .forms import ReportFilterForm
from .pdf import yearly_pdf
from .suppression import EXPLANATION


def _audience(request: HttpRequest) -> Audience:
    audience = audience_of(request.user)
    if audience is None:
        raise Http404
    require_second_factor(request)  # figures about many people's work
    return audience


@never_cache
def report(request: HttpRequest) -> HttpResponse:
    audience = _audience(request)
    form = ReportFilterForm(request.GET, audience=audience)
    result = figures.build_kept(form.criteria()) if form.is_valid() else None

    def charts() -> list[tuple[figures.Breakdown, str]]:
        # Drawn only when the kept figures are drawn anew (the template's "shared" part).
        return (
            [(breakdown, bar_chart(breakdown)) for breakdown in result.breakdowns] if result else []
        )

    # The filter form shows the same to everyone with this reach who asks the same.
    asked = "&".join(f"{name}={request.GET.get(name, '')}" for name in form.fields)
    reach = f"{audience.region_ids}|{getattr(audience.organisation, 'pk', '')}"
    return render(
        request,
        "reports/report.html",
        {
            "form": form,
            "filter_key": f"{reach}|{asked}",
            "audience": audience,
            "report": result,
            "charts": charts,
            "query": request.GET.urlencode(),
            "last_year": timezone.localdate().year - 1,
            "explanation": EXPLANATION,
        },
    )


@never_cache
def export(request: HttpRequest, file_format: str) -> HttpResponse:
    audience = _audience(request)
    form = ReportFilterForm(request.GET, audience=audience)
    if not form.is_valid():
        raise Http404
    result = figures.build_kept(form.criteria())
    return spreadsheet_response(
        headings=[_("Part"), _("Figure"), _("Value")],
        rows=rows_of(result),
        filename=spreadsheet_filename(_("reach"), f"{result.criteria.start:%d-%m-%Y}"),
        file_format=XLSX if file_format == XLSX else "csv",
    )


def rows_of(result: figures.Report) -> list[list[object]]:
    """Every figure of the report as (part, figure, value), "< 5" where suppressed."""
    rows: list[list[object]] = [
        [_("Summary"), row.label, row.figure.export] for row in result.summary
    ]
    for breakdown in result.breakdowns:
        rows += [[breakdown.title, row.label, row.figure.export] for row in breakdown.rows]
    for question in result.questions:
        text = {"question": question.text}
        rows.append([_("Evaluations"), _("%(question)s: answers") % text, question.answers.export])
        rows.append([_("Evaluations"), _("%(question)s: average") % text, question.average.export])
        rows += [
            [_("Evaluations"), _("%(question)s: rating %(n)s") % {**text, "n": n}, figure.export]
            for n, figure in enumerate(question.spread, start=1)
        ]
    rows += [[_("Learning circles"), row.label, row.figure.export] for row in result.circles]
    rows += [[_("Bottlenecks"), row.label, row.figure.export] for row in result.bottlenecks]
    return rows


@never_cache
def yearly(request: HttpRequest, year: int) -> HttpResponse:
    """The year's report for the provinces: the same filters, the whole calendar year."""
    audience = _audience(request)
    data = request.GET.copy()
    data["start"] = datetime.date(year, 1, 1).isoformat()
    data["end"] = datetime.date(year, 12, 31).isoformat()
    form = ReportFilterForm(data, audience=audience)
    if not form.is_valid():
        raise Http404
    result = figures.build_kept(form.criteria())
    response = HttpResponse(yearly_pdf(result, year=year), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="bereik-{year}.pdf"'
    return response
