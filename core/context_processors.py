from typing import Any

from django.http import HttpRequest

from .display import COOKIE_NAME, DisplayPreferences


def portal(request: HttpRequest) -> dict[str, Any]:
    return {
        "region": getattr(request, "region", None),
        "display": DisplayPreferences.from_cookie(request.COOKIES.get(COOKIE_NAME)),
    }
