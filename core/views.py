from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from django.views.i18n import set_language as django_set_language
from wagtail import hooks
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Page, Site

from .display import ACTIONS, COOKIE_MAX_AGE, COOKIE_NAME, DisplayPreferences
from .models import PortalHomePage, SharedContentRoot, portal_path, portal_scope, site_scope
from .portals import base_url, request_base_url, site_path


def _safe_next_url(request: HttpRequest) -> str:
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return "/"


# Changing someone's text size or language from another site does no harm, and leaving
# CSRF tokens out of these two forms keeps public pages the same for every visitor, so
# they can be cached.
@csrf_exempt
@require_POST
def display_preferences(request: HttpRequest) -> HttpResponse:
    preferences = DisplayPreferences.from_cookie(request.COOKIES.get(COOKIE_NAME))
    action = request.POST.get("action", "")
    if action in ACTIONS:
        preferences = preferences.apply(action)
    response = HttpResponseRedirect(_safe_next_url(request))
    response.set_cookie(
        COOKIE_NAME,
        preferences.to_cookie(),
        max_age=COOKIE_MAX_AGE,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response


set_language = csrf_exempt(django_set_language)


@require_GET
@cache_control(public=True, max_age=365 * 24 * 60 * 60, immutable=True)
def portal_css(request: HttpRequest) -> HttpResponse:
    """The portal's accent colour as a stylesheet, since the CSP allows no inline styles.
    Pages link it with the colour in the query string, so a new colour is a new URL."""
    region = getattr(request, "region", None)
    colour = region.accent_colour if region else "#1e5a8c"
    return HttpResponse(f":root{{--accent:{colour}}}\n", content_type="text/css")


class PortalSitemap(Sitemap):
    """The pages of the asking portal: its own sections and the shared pages marked for it."""

    def items(self):  # type: ignore[no-untyped-def]
        return (
            Page.objects.live()
            .public()
            .filter(portal_scope(self.request))
            .not_type(SharedContentRoot)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )


def sitemap(request: HttpRequest) -> HttpResponse:
    sitemaps: dict[str, Any] = {"pages": PortalSitemap}
    # Public pages that are no Wagtail pages (the monitor's): apps above core add a
    # Django Sitemap through this hook; each function returns {name: sitemap}.
    for extra in hooks.get_hooks("portal_sitemaps"):
        sitemaps.update(extra(request))
    return wagtail_sitemap(request, sitemaps=sitemaps)


@require_GET
def html_sitemap(request: HttpRequest) -> HttpResponse:
    """/sitemap/: the public pages of both portals, each portal's sections with the pages
    below them; the same pages as /sitemap.xml, in a fixed number of queries."""
    portals = []
    for home in (
        PortalHomePage.objects.live()
        .select_related("region")
        .order_by("region__sort_order", "path")
    ):
        site = Site.objects.filter(root_page=home).first()
        if site is None:
            continue
        address = base_url(site.hostname)
        pages = (
            Page.objects.live()
            .public()
            .filter(site_scope(site, home.region), depth__gt=2)
            .not_type(SharedContentRoot)
            .order_by("path")
            .only("title", "url_path", "depth", "path")
        )
        sections: list[dict[str, Any]] = []
        for page in pages:
            link = {"title": page.title, "url": address + site_path(portal_path(page))}
            if page.depth == 3:
                sections.append({**link, "path": page.path, "children": []})
            elif sections and page.path.startswith(sections[-1]["path"]):
                sections[-1]["children"].append(link)
        portals.append({"title": home.title, "url": address + site_path("/"), "sections": sections})
    return render(request, "core/sitemap.html", {"portals": portals})


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        *(f"Disallow: {site_path(path)}" for path in ("/beheer/", "/weergave/", "/taal/")),
        f"Sitemap: {request_base_url(request)}{site_path('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
