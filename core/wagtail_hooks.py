from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import LearningForm, Municipality, Organisation, Region, Role, Sector, Theme


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    list_display = ["name", "logo_text", "accent_colour"]


class MunicipalityViewSet(SnippetViewSet):
    model = Municipality
    icon = "home"
    list_display = ["name", "cbs_code", "region", "is_veenkolonien"]
    list_filter = ["region", "is_veenkolonien"]
    search_fields = ["name", "cbs_code"]


class SectorViewSet(SnippetViewSet):
    model = Sector
    icon = "group"


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "sector", "municipality"]
    list_filter = ["sector"]
    search_fields = ["name"]


class RoleViewSet(SnippetViewSet):
    model = Role
    icon = "user"


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"


class LearningFormViewSet(SnippetViewSet):
    model = LearningForm
    icon = "list-ul"
    list_display = ["name", "icon"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomy")
    menu_icon = "folder-open-inverse"
    menu_order = 300
    items = (
        RegionViewSet,
        MunicipalityViewSet,
        SectorViewSet,
        OrganisationViewSet,
        RoleViewSet,
        ThemeViewSet,
        LearningFormViewSet,
    )


register_snippet(TaxonomyViewSetGroup)
