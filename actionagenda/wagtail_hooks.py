from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Target


class TargetViewSet(SnippetViewSet):
    model = Target
    icon = "list-ul"
    menu_label = _("Action agenda targets")
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["title", "spearhead", "goal_value", "unit"]
    search_fields = ["title"]


register_snippet(TargetViewSet)
