from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from wagtail.models import Site

from .cache import remember
from .models import Region


def find_portal(request: HttpRequest) -> tuple[Site | None, Region | None]:
    """The site and region of the request's host. The site is returned with its home page
    loaded, so the cached copy also spares Wagtail's router those two queries."""
    site = Site.find_for_request(request)
    if site is None:
        return None, None
    home = site.root_page.specific
    return site, getattr(home, "region", None)


class LanguageMiddleware:
    """Dutch unless the visitor chose English in the footer.

    The browser's Accept-Language is deliberately ignored: the platform is Dutch
    first, and a professional with an English browser still expects Dutch.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class PortalMiddleware:
    """Sets request.region: the region whose portal the host name belongs to."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        site, region = remember(
            "portal",
            lambda: find_portal(request),
            request._get_raw_host(),  # type: ignore[attr-defined]
        )
        # Wagtail keeps the site it found for a request, and the sites' root paths it needs
        # for every page address, on the request: from here they cost no query.
        request._wagtail_site = site  # type: ignore[attr-defined]
        request._wagtail_cached_site_root_paths = remember(  # type: ignore[attr-defined]
            "site-root-paths", Site.get_site_root_paths
        )
        request.region = region  # type: ignore[attr-defined]
        return self.get_response(request)
