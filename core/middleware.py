from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from wagtail.models import Site

from .models import Region


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
        site = Site.find_for_request(request)
        request.region = (  # type: ignore[attr-defined]
            Region.objects.filter(home_page__pk=site.root_page_id).first() if site else None
        )
        return self.get_response(request)
