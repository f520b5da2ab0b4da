from typing import Any

from django import template
from wagtail.models import Page

from core.models import SharedContentRoot, portal_path, portal_scope

register = template.Library()


@register.inclusion_tag("core/partials/menu.html", takes_context=True)
def portal_menu(context: dict[str, Any]) -> dict[str, Any]:
    """The main menu: top-level pages of this portal that editors put in the menu."""
    request = context["request"]
    pages = (
        Page.objects.live()
        .public()
        .in_menu()
        .filter(portal_scope(request), depth=3)
        .not_type(SharedContentRoot)
        .order_by("path")
        .only("title", "url_path")
    )
    items = [{"title": page.title, "url": portal_path(page)} for page in pages]
    for item in items:
        item["is_current"] = request.path.startswith(item["url"])
    return {"items": items, "is_home": request.path == "/"}
