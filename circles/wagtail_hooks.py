"""Editors manage the circles themselves (public data) in /beheer/. Cases, comments and
other private content are deliberately not registered: only members read them."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Circle


class CircleViewSet(SnippetViewSet):
    model = Circle
    icon = "group"
    menu_label = _("Learning circles")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["name", "municipality", "status"]
    list_filter = ["status", "municipality__region"]
    search_fields = ["name"]


register_snippet(CircleViewSet)
