"""Helpers the demo loaders share to create pages."""

from typing import Any

from wagtail.models import Page
from wagtail.rich_text import RichText


def stream(blocks: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    """Demo stream data with rich text wrapped the way StreamField expects."""
    wrapped: list[tuple[str, Any]] = []
    for block_type, value in blocks:
        if block_type == "paragraph":
            value = RichText(value)
        elif block_type == "callout":
            value = {**value, "text": RichText(value["text"])}
        wrapped.append((block_type, value))
    return wrapped


def add_page(parent: Page, page: Page) -> Page:
    """Add a page under parent unless a page with its slug is there already."""
    existing = parent.get_children().filter(slug=page.slug).first()
    if existing:
        return existing.specific
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
