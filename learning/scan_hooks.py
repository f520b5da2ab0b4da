"""Editors maintain the situations of the needs scan under Settings-like snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import NeedsScanSituation


class NeedsScanSituationViewSet(SnippetViewSet):
    model = NeedsScanSituation
    icon = "help"
    menu_label = _("Needs scan")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["text", "sort_order"]
    search_fields = ["text"]


register_snippet(NeedsScanSituationViewSet)
