"""Demo situations of the needs scan ("Ik vind het lastig om …"), each mapped to the demo
themes and forms of capital, so a scan proposes a route from the demo catalogue.
Safe to run again: an existing situation keeps what editors made of it."""

from catalogue.models import CapitalForm
from core.models import Theme
from learning.models import NeedsScanSituation

# text (finishes "Ik vind het lastig om …"), theme slugs, capital form slugs
SITUATIONS = [
    (
        "met gezinnen over geldzorgen te praten",
        ["bejegening", "stress-sensitieve-dienstverlening"],
        ["financieel-kapitaal", "emotioneel-kapitaal"],
    ),
    (
        "signalen van schulden vroeg te herkennen",
        ["vroegsignalering"],
        ["financieel-kapitaal"],
    ),
    (
        "uit te leggen wat de Wet gemeentelijke schuldhulpverlening betekent",
        ["schuldhulpverlening-wgs", "wet-en-regelgeving"],
        ["financieel-kapitaal"],
    ),
    (
        "rekening te houden met de stress waarin een gezin leeft",
        ["stress-sensitieve-dienstverlening"],
        ["emotioneel-kapitaal"],
    ),
    (
        "te begrijpen waarom armoede van ouders op kinderen overgaat",
        ["typologieen-van-families", "kapitaalsvormen"],
        ["pedagogisch-kapitaal", "cultureel-kapitaal"],
    ),
    (
        "samen te werken met andere organisaties rond één gezin",
        ["samenwerking-in-de-keten"],
        ["sociaal-kapitaal"],
    ),
    (
        "ervaringsdeskundigen een plek te geven in mijn werk",
        ["ervaringsdeskundigheid"],
        ["sociaal-kapitaal", "emotioneel-kapitaal"],
    ),
    (
        "jonge ouders te steunen voordat problemen groot worden",
        ["preventie-jonge-gezinnen"],
        ["pedagogisch-kapitaal"],
    ),
    (
        "mensen op weg te helpen naar werk of een opleiding",
        ["werk-en-inkomen"],
        ["cultureel-kapitaal", "financieel-kapitaal"],
    ),
]


def load() -> int:
    """Returns how many situations were created."""
    created = 0
    for order, (text, theme_slugs, capital_slugs) in enumerate(SITUATIONS):
        situation, is_new = NeedsScanSituation.objects.get_or_create(
            text=text, defaults={"sort_order": order}
        )
        if is_new:
            situation.themes.set(Theme.objects.filter(slug__in=theme_slugs))
            situation.capital_forms.set(CapitalForm.objects.filter(slug__in=capital_slugs))
            created += 1
    return created
