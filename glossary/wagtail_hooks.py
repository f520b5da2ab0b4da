from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Term


class TermViewSet(SnippetViewSet):
    model = Term
    icon = "help"
    menu_label = _("Glossary")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "short_definition"]
    # Term is not in the search index, so the admin searches these columns in the database.
    search_fields = ["name", "synonyms"]


register_snippet(TermViewSet)
