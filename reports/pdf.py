"""The yearly report for the provinces as a PDF, with fpdf2 (already used for the
certificates: pure Python, no system libraries). Its charts are the screen's bar charts
drawn as PDF shapes, each bar with its label and figure in text."""

from __future__ import annotations

from django.utils.translation import gettext as _

from events.certificate import CertificatePDF

from .figures import Report, Row
from .suppression import EXPLANATION

LABEL_WIDTH = 60.0
BAR_WIDTH = 85.0
LINE = 7.0


class ReportPDF(CertificatePDF):
    def heading(self, text: str) -> None:
        self.ln(4)
        self.use("B", 14)
        self.paragraph(9, text)
        self.use("", 10)

    def figures(self, rows: list[Row]) -> None:
        for row in rows:
            self.cell(LABEL_WIDTH + BAR_WIDTH, LINE, self.safe(row.label), border="B")
            self.cell(
                0, LINE, str(row.figure), border="B", align="R", new_x="LMARGIN", new_y="NEXT"
            )

    def bars(self, rows: list[Row]) -> None:
        largest = max((row.figure.value or 0 for row in rows), default=0) or 1
        for row in rows:
            value = row.figure.value or 0
            x, y = self.get_x(), self.get_y()
            self.cell(LABEL_WIDTH, LINE, self.safe(row.label[:34]), align="R")
            width = BAR_WIDTH * value / largest
            if width:
                self.set_fill_color(31, 95, 139)
                self.rect(x + LABEL_WIDTH + 2, y + 1.2, width, LINE - 2.4, style="F")
            self.set_xy(x + LABEL_WIDTH + 4 + width, y)
            self.cell(20, LINE, str(row.figure), new_x="LMARGIN", new_y="NEXT")

    def safe(self, text: str) -> str:
        return (
            text if self.has_unicode_font else text.encode("latin-1", "replace").decode("latin-1")
        )


def yearly_pdf(report: Report, *, year: int) -> bytes:
    pdf = ReportPDF()
    title = _("Reach of Leren over armoede in %(year)s") % {"year": year}
    pdf.set_title(title)
    pdf.set_author(_("Leren over armoede"))
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    pdf.use("B", 20)
    pdf.paragraph(11, title)
    pdf.use("", 10)
    pdf.paragraph(5, str(EXPLANATION))
    pdf.heading(_("Summary"))
    pdf.figures(report.summary)
    for breakdown in report.breakdowns:
        pdf.heading(breakdown.title)
        pdf.bars(breakdown.rows)
    if report.questions:
        pdf.heading(_("Evaluations of events"))
        for question in report.questions:
            pdf.figures(
                [
                    Row(_("%(question)s: answers") % {"question": question.text}, question.answers),
                    Row(_("%(question)s: average") % {"question": question.text}, question.average),
                ]
            )
    pdf.heading(_("Learning circles"))
    pdf.figures(report.circles)
    pdf.heading(_("Bottlenecks"))
    pdf.figures(report.bottlenecks)
    return bytes(pdf.output())
