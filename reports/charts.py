"""Charts drawn on the server as SVG: a horizontal bar per row, its label and its figure
written beside it in text (never colour alone), a title and description for screen
readers. The same numbers stand in a table beside each chart."""

from __future__ import annotations

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from .figures import Breakdown

ROW = 26
LABEL_WIDTH = 175
BAR_WIDTH = 140
WIDTH = LABEL_WIDTH + BAR_WIDTH + 50


def bar_chart(breakdown: Breakdown) -> SafeString:
    values = [row.figure.value or 0 for row in breakdown.rows]
    largest = max(values, default=0) or 1
    height = ROW * len(breakdown.rows) + 8
    title_id = f"chart-{breakdown.key}-title"
    desc_id = f"chart-{breakdown.key}-desc"
    description = "; ".join(f"{row.label}: {row.figure}" for row in breakdown.rows)
    bars = format_html_join(
        "",
        '<g transform="translate(0 {})">'
        '<text x="{}" y="18" text-anchor="end" class="chart-label">{}</text>'
        '<rect x="{}" y="5" width="{}" height="18" class="chart-bar"></rect>'
        '<text x="{}" y="18" class="chart-value">{}</text></g>',
        (
            (
                index * ROW + 4,
                LABEL_WIDTH - 8,
                _short(row.label),
                LABEL_WIDTH,
                round(BAR_WIDTH * (row.figure.value or 0) / largest),
                LABEL_WIDTH + round(BAR_WIDTH * (row.figure.value or 0) / largest) + 6,
                str(row.figure),
            )
            for index, row in enumerate(breakdown.rows)
        ),
    )
    return format_html(
        '<svg class="chart" role="img" viewBox="0 0 {} {}" aria-labelledby="{} {}" '
        'xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMinYMin meet">'
        '<title id="{}">{}</title><desc id="{}">{}</desc>{}</svg>',
        WIDTH,
        height,
        title_id,
        desc_id,
        title_id,
        breakdown.title,
        desc_id,
        _("Bar chart. %(rows)s. Fewer than 5 shows as '< 5'.") % {"rows": description},
        bars,
    )


def _short(label: str, length: int = 21) -> str:
    """The chart's label; the table beside it has the full name."""
    return label if len(label) <= length else label[: length - 1] + "…"
