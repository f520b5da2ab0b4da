"""The participation certificate ("deelnamebewijs") as a PDF, made with fpdf2."""

from __future__ import annotations

from pathlib import Path

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from fpdf import FPDF

from .models import Registration

# fpdf2's built-in fonts know only Latin-1, so a name like "Dąbrowski" or a dash in a title
# would break the PDF. DejaVu (Debian's fonts-dejavu-core, installed by `make test-deps`)
# covers them; without it we fall back to Helvetica and replace what it cannot show.
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
FONT = "DejaVu"


class CertificatePDF(FPDF):
    def __init__(self) -> None:
        super().__init__(format="A4")
        self.has_unicode_font = (DEJAVU / "DejaVuSans.ttf").exists()
        if self.has_unicode_font:
            self.add_font(FONT, "", DEJAVU / "DejaVuSans.ttf")
            self.add_font(FONT, "B", DEJAVU / "DejaVuSans-Bold.ttf")
            self.add_font(FONT, "I", DEJAVU / "DejaVuSans-Oblique.ttf")

    def use(self, style: str, size: int) -> None:
        self.set_font(FONT if self.has_unicode_font else "Helvetica", style, size)

    def paragraph(self, height: float, text: str) -> None:
        """A paragraph across the page; the next one starts at the left margin below."""
        if not self.has_unicode_font:
            text = text.encode("latin-1", "replace").decode("latin-1")
        self.multi_cell(0, height, text, new_x="LMARGIN", new_y="NEXT")


def certificate_pdf(registration: Registration) -> bytes:
    session = registration.session
    event = session.event
    assert event is not None  # only attended event sessions get here
    sessions = list(event.sessions.all())  # type: ignore[attr-defined]
    hours = sum(item.hours for item in sessions)
    pdf = CertificatePDF()
    pdf.set_title(_("Certificate of participation"))
    pdf.set_author(_("Leren over armoede"))
    pdf.set_margins(25, 25, 25)
    pdf.add_page()
    pdf.use("B", 24)
    pdf.paragraph(14, _("Certificate of participation"))
    pdf.use("", 13)
    pdf.paragraph(8, _("Leren over armoede, Alliantie van Kracht tegen Armoede"))
    pdf.ln(10)
    pdf.use("", 14)
    pdf.paragraph(8, _("This certificate of participation is awarded to"))
    pdf.use("B", 18)
    pdf.paragraph(12, registration.name)
    pdf.use("", 14)
    pdf.paragraph(8, _("for taking part in"))
    pdf.use("B", 16)
    pdf.paragraph(10, event.title)
    pdf.ln(6)
    rows = [
        (
            _("Dates"),
            ", ".join(date_format(timezone.localtime(s.starts_at), "j F Y") for s in sessions),
        ),
        (_("Hours"), f"{hours:g}"),
    ]
    if event.accreditation_register:
        rows.append((_("Quality register"), event.accreditation_register))
    if event.accreditation_number:
        rows.append((_("Accreditation number"), event.accreditation_number))
    if event.accreditation_points is not None:
        rows.append((_("Accreditation points"), f"{event.accreditation_points:g}"))
    if event.trainer_names:
        rows.append((_("Trainers"), event.trainer_names))
    for label, value in rows:
        pdf.use("B", 12)
        pdf.paragraph(7, label)
        pdf.use("", 12)
        pdf.paragraph(7, value)
        pdf.ln(2)
    pdf.ln(8)
    pdf.use("I", 10)
    issued = date_format(timezone.localdate(), "j F Y")
    pdf.paragraph(6, _("Issued on %(date)s.") % {"date": issued})
    return bytes(pdf.output())
