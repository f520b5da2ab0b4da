"""The participation certificate ("deelnamebewijs") as a PDF, made with fpdf2."""

from __future__ import annotations

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from fpdf import FPDF

from .models import Registration


def certificate_pdf(registration: Registration) -> bytes:
    session = registration.session
    event = session.event
    assert event is not None  # only attended event sessions get here
    sessions = list(event.sessions.all())  # type: ignore[attr-defined]
    hours = sum(item.hours for item in sessions)
    pdf = FPDF(format="A4")
    pdf.set_title(_("Certificate of participation"))
    pdf.set_author(_("Leren over armoede"))
    pdf.add_page()
    pdf.set_margins(25, 25, 25)
    pdf.set_font("Helvetica", "B", 24)
    pdf.cell(0, 20, _("Certificate of participation"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 13)
    pdf.multi_cell(0, 8, _("Leren over armoede, Alliantie van Kracht tegen Armoede"))
    pdf.ln(8)
    pdf.set_font("Helvetica", "", 14)
    pdf.multi_cell(0, 8, _("This is to certify that"))
    pdf.set_font("Helvetica", "B", 18)
    pdf.multi_cell(0, 12, registration.name)
    pdf.set_font("Helvetica", "", 14)
    pdf.multi_cell(0, 8, _("took part in"))
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 10, event.title)
    pdf.ln(6)
    pdf.set_font("Helvetica", "", 12)
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
        pdf.set_font("Helvetica", "B", 12)
        pdf.cell(55, 8, label)
        pdf.set_font("Helvetica", "", 12)
        pdf.multi_cell(0, 8, value, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(10)
    pdf.set_font("Helvetica", "I", 10)
    pdf.multi_cell(
        0, 6, _("Issued on %(date)s.") % {"date": date_format(timezone.localdate(), "j F Y")}
    )
    return bytes(pdf.output())
