"""The certificate as a PDF (fpdf2, pure Python) with a QR code to its public check (segno).

fpdf2's built-in fonts know Latin-1 only and the project ships no font file, so text is
brought into Latin-1 first (`latin1`): typographic dashes and quotes become plain ones and
letters such as "ł" lose their mark, rather than the download failing.
"""

from __future__ import annotations

import unicodedata
from datetime import date

import segno
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from fpdf import FPDF

from .models import Certificate

# Dashes, quotes, the euro sign and the ellipsis.
PLAIN = str.maketrans(
    {
        "\u2013": "-",
        "\u2014": "-",
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u20ac": "EUR",
        "\u2026": "...",
    }
)


def latin1(text: str) -> str:
    result = []
    for character in text.translate(PLAIN):
        if ord(character) < 256:
            result.append(character)
            continue
        base = unicodedata.normalize("NFKD", character)[0]
        if ord(base) < 256:
            result.append(base)
        else:  # e.g. "LATIN SMALL LETTER L WITH STROKE" -> "l"
            name = unicodedata.name(character, "")
            letter = name.split(" LETTER ")[-1][:1] if " LETTER " in name else "?"
            result.append(letter.lower() if "SMALL" in name else letter)
    return "".join(result)


def verification_url(certificate: Certificate, *, base_url: str) -> str:
    return base_url + reverse("tracks:verify", args=[certificate.code])


def format_dates(dates: list[date]) -> str:
    return ", ".join(date_format(day, "j F Y") for day in dates)


def certificate_pdf(certificate: Certificate, *, base_url: str) -> bytes:
    url = verification_url(certificate, base_url=base_url)
    pdf = FPDF(format="A4")
    pdf.set_title(latin1(_("Certificate") + ": " + certificate.track_title))
    pdf.set_author(latin1(_("Leren over armoede")))
    pdf.set_margins(25, 25, 25)
    pdf.set_auto_page_break(False)
    pdf.add_page()

    def line(text: str, size: int, style: str = "", height: float = 8) -> None:
        pdf.set_font("Helvetica", style, size)
        pdf.multi_cell(0, height, latin1(text), new_x="LMARGIN", new_y="NEXT")

    line(_("Certificate"), 28, "B", 16)
    line(_("Leren over armoede, Alliantie van Kracht tegen Armoede"), 12)
    pdf.ln(10)
    line(_("This certificate is awarded to"), 14)
    line(certificate.name, 20, "B", 12)
    line(_("for completing the learning track"), 14)
    line(certificate.track_title, 16, "B", 9)
    pdf.ln(6)
    rows = [
        (_("Dates"), format_dates(certificate.day_dates)),
        (_("Study load"), _("%(hours)s hours") % {"hours": certificate.study_load_hours}),
    ]
    if certificate.accreditation_points is not None:
        rows.append((_("Accreditation points"), f"{certificate.accreditation_points:g}"))
        if certificate.accreditation_register:
            rows.append((_("Quality register"), certificate.accreditation_register))
        if certificate.accreditation_number:
            rows.append((_("Accreditation number"), certificate.accreditation_number))
    if certificate.organiser_name:
        rows.append((_("Organiser"), certificate.organiser_name))
    issued = date_format(timezone.localtime(certificate.issued_at), "j F Y")
    rows.append((_("Issued on"), issued))
    for label, value in rows:
        pdf.set_font("Helvetica", "B", 12)
        pdf.cell(55, 8, latin1(label))
        pdf.set_font("Helvetica", "", 12)
        pdf.multi_cell(0, 8, latin1(value), new_x="LMARGIN", new_y="NEXT")

    # The check at the foot of the page: the address on a line of its own (so it is read
    # back whole), then the QR code drawn as squares (sharp in print).
    qr_size = 40
    footer_top = 297 - 25 - qr_size - 30
    if pdf.get_y() + 4 > footer_top:  # a very long title or name
        pdf.add_page()
    pdf.set_y(footer_top)
    line(_("Check that this certificate is genuine"), 11, "B", 6)
    line(_("Scan the code or go to this address:"), 10, "", 6)
    line(url, 10, "", 6)
    line(_("Verification code: %(code)s") % {"code": certificate.display_code}, 10, "B", 6)
    qr_code = segno.make(url, error="m")
    size = qr_size / len(qr_code.matrix)
    top = pdf.get_y() + 3
    pdf.set_fill_color(0, 0, 0)
    for row_number, row in enumerate(qr_code.matrix):
        for column_number, dark in enumerate(row):
            if dark:
                pdf.rect(25 + column_number * size, top + row_number * size, size, size, "F")
    return bytes(pdf.output())
