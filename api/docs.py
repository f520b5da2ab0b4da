"""/api/v1/documentatie/: the API's documentation as a plain page of the site.

Swagger UI and Redoc are JavaScript applications that load from a CDN by default; served
locally (drf-spectacular-sidecar) they still need inline styles or workers that the
site's Content-Security-Policy forbids, and they are in English and hard to use with a
screen reader. This page is rendered on the server from the same OpenAPI schema, in the
site's layout and language, with no script at all; tools read /api/v1/schema/."""

from __future__ import annotations

from functools import cache
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from drf_spectacular.generators import SchemaGenerator


@cache
def _schema(language: str) -> dict[str, Any]:
    """The schema is fixed for a deployment; its texts follow the language."""
    del language  # part of the cache key only: the active language translates the texts
    return SchemaGenerator().get_schema(request=None, public=True)  # type: ignore[no-any-return]


def operations(language: str) -> list[dict[str, Any]]:
    schema = _schema(language)
    found = []
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            found.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "personal": bool(operation.get("security"))
                    and {} not in operation.get("security", []),
                    "parameters": [
                        {
                            "name": parameter["name"],
                            "where": parameter["in"],
                            "description": parameter.get("description", ""),
                            "values": parameter.get("schema", {}).get("enum")
                            or parameter.get("schema", {}).get("items", {}).get("enum")
                            or [],
                            "many": parameter.get("schema", {}).get("type") == "array",
                        }
                        for parameter in operation.get("parameters", [])
                    ],
                }
            )
    return found


def documentation(request: HttpRequest) -> HttpResponse:
    language = getattr(request, "LANGUAGE_CODE", "nl")
    return render(request, "api/documentation.html", {"operations": operations(language)})
