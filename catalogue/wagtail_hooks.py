from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import CapitalForm, FamilyType


class FamilyTypeViewSet(SnippetViewSet):
    model = FamilyType
    icon = "group"


class CapitalFormViewSet(SnippetViewSet):
    model = CapitalForm
    icon = "pick"


class ResearchConceptsGroup(SnippetViewSetGroup):
    menu_label = _("Research concepts")
    menu_icon = "help"
    menu_order = 310
    items = (FamilyTypeViewSet, CapitalFormViewSet)


register_snippet(ResearchConceptsGroup)
