"""What the OpenAPI schema describes: only our API, not Wagtail's internal admin API."""

from typing import Any


def only_our_api(endpoints: list[tuple[str, str, str, Any]], **kwargs: Any) -> list[Any]:
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


ERROR = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
COMMON_RESPONSES = {
    "404": "Not found on this portal, or a page number past the last.",
    "429": "Too many requests from this client; Retry-After says how many seconds to wait.",
}


def common_responses(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """Every operation can answer 404 and 429 with a `detail` in Dutch."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR
    for methods in result["paths"].values():
        for operation in methods.values():
            needs_token = any(operation.get("security", [{}]))
            responses = {
                **COMMON_RESPONSES,
                **({"401": "No valid personal access token."} if needs_token else {}),
            }
            for status, description in responses.items():
                operation["responses"].setdefault(
                    status,
                    {
                        "description": description,
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                        },
                    },
                )
    return result
