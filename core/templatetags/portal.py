from typing import Any

from django import template
from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from wagtail import hooks
from wagtail.models import Page

from core.cache import remember
from core.display import COOKIE_NAME as DISPLAY_COOKIE
from core.models import SharedContentRoot, portal_path, portal_scope
from core.portals import request_base_url, site_path

register = template.Library()


def top_level_pages(request: HttpRequest) -> list[dict[str, Any]]:
    """Top-level pages of the asking portal, for the main menu and the footer.
    Editors choose per page whether it goes in the main menu; the others are in the footer."""

    def fetch() -> list[dict[str, Any]]:
        pages = (
            Page.objects.live()
            .public()
            .filter(portal_scope(request), depth=3)
            .not_type(SharedContentRoot)
            .order_by("path")
            .only("title", "url_path", "show_in_menus", "content_type_id")
        )
        return [
            {
                "title": page.title,
                "url": site_path(portal_path(page)),
                "in_menu": page.show_in_menus,
                # So higher apps can find their section without a query (news's feed).
                "content_type_id": page.content_type_id,
            }
            for page in pages
        ]

    # The menu and the footer both ask; one cache round trip per request is enough.
    if not hasattr(request, "_top_level_pages"):
        request._top_level_pages = remember(  # type: ignore[attr-defined]
            "top-level-pages", fetch, request.get_host()
        )
    return [
        {**item, "is_current": request.path.startswith(item["url"])}
        for item in request._top_level_pages  # type: ignore[attr-defined]
    ]


@register.inclusion_tag("core/partials/menu.html", takes_context=True)
def main_menu(context: dict[str, Any]) -> dict[str, Any]:
    request = context["request"]
    items = [item for item in top_level_pages(request) if item["in_menu"]]
    return {"items": items, "is_home": request.path_info == "/"}


@register.inclusion_tag("core/partials/footer_menu.html", takes_context=True)
def footer_menu(context: dict[str, Any]) -> dict[str, Any]:
    request = context["request"]
    items = [item for item in top_level_pages(request) if not item["in_menu"]]
    # Pages that are no Wagtail pages (the monitor's): apps above core add links through
    # this hook; each function takes the request and returns [{"title", "url"}].
    for links in hooks.get_hooks("footer_links"):
        items += [
            {**link, "is_current": request.path.startswith(link["url"])} for link in links(request)
        ]
    return {"items": items, "is_sitemap": request.path_info == "/sitemap/"}


@register.simple_tag(takes_context=True)
def portal_panels(context: dict[str, Any], name: str) -> SafeString:
    """HTML that higher apps add to every page's head ("portal_head"), footer
    ("portal_footer") or a portal's home page ("portal_home"): each function registered
    with the Wagtail hook of that name takes the request and returns safe HTML."""
    request = context.get("request")
    if request is None:
        return mark_safe("")
    return mark_safe("".join(str(panel(request)) for panel in hooks.get_hooks(name)))


@register.inclusion_tag("core/partials/share.html", takes_context=True)
def share_links(context: dict[str, Any], title: str, url: str | None = None) -> dict[str, Any]:
    """ "Deel dit": plain links to the share addresses of e-mail, LinkedIn and WhatsApp with
    the page's absolute address; no third-party script or image is loaded."""
    request = context["request"]
    address = request_base_url(request) + (url or request.path)
    return {"title": title, "address": address}


@register.filter(name="site_path")
def site_path_filter(path: str) -> str:
    """A path of the platform under its path prefix: {{ "/aanbod/"|site_path }}."""
    return site_path(str(path))


class SharedNode(template.Node):
    def __init__(
        self, name: str, vary_on: list[template.base.FilterExpression], nodelist: template.NodeList
    ) -> None:
        self.name, self.vary_on, self.nodelist = name, vary_on, nodelist

    def render(self, context: template.Context) -> str:
        request = context.get("request")
        if request is None:  # the error pages: no cache, nothing shared
            return self.nodelist.render(context)
        parts = (
            str(context.template.name if context.template else ""),
            request.get_host(),
            request.path,
            get_language() or "",
            request.COOKIES.get(DISPLAY_COOKIE, ""),
            *(str(value.resolve(context)) for value in self.vary_on),
        )
        return remember(f"shared-{self.name}", lambda: self.nodelist.render(context), *parts)


@register.tag
def shared(parser: template.base.Parser, token: template.base.Token) -> SharedNode:
    """`{% shared "name" [value ...] %}...{% endshared %}`: a part of the page that is the
    same for every visitor of this address (portal, path, language, display settings and
    template) and the values given, such as the header and the footer, rendered once and
    kept until something is published. What is inside must not depend on the query string
    (but through the values given) or the person: those stay outside."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% shared %} takes a name and values to vary on")
    nodelist = parser.parse(("endshared",))
    parser.delete_first_token()
    return SharedNode(
        bits[1].strip("\"'"), [parser.compile_filter(bit) for bit in bits[2:]], nodelist
    )
