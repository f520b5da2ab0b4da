"""Language marks for a site whose interface is translated but whose content is Dutch.

With English active, labels come from the translation files and taxonomy names from their
English field, while page titles, texts and untranslated names stay Dutch. Screen readers
pick their voice from the lang attribute, so Dutch inside English pages is marked.
"""

from collections.abc import Iterable

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from wagtail.models import Page

from core.models import TaxonomyTerm

register = template.Library()


@register.simple_tag
def dutch_content() -> SafeString:
    """` lang="nl"` for an element with Dutch content, when the interface is not Dutch."""
    return mark_safe(' lang="nl"') if get_language() != "nl" else mark_safe("")


@register.filter
def term(value: TaxonomyTerm) -> SafeString:
    """A term's name in the active language; a Dutch name in an English page is marked."""
    if value.name_language != get_language():
        return format_html('<span lang="{}">{}</span>', value.name_language, value)
    return conditional_escape(str(value))


@register.filter
def terms(values: Iterable[TaxonomyTerm]) -> SafeString:
    """Terms joined by commas, each marked as `term` marks it."""
    return mark_safe(", ".join(term(value) for value in values))


@register.filter
def is_in_active_language(value: TaxonomyTerm) -> bool:
    return value.name_language == get_language()


@register.simple_tag(takes_context=True)
def content_language_notice(context: template.Context) -> SafeString:
    """Above a Wagtail page read in English: its texts exist in Dutch only.

    Not a translated string: it only ever shows in English, the one other language, and
    is marked so, like the footer's "Read this site in English"."""
    if get_language() == "nl" or not isinstance(context.get("page"), Page):
        return mark_safe("")
    return mark_safe(
        '<p class="container language-notice" lang="en">'
        "The texts on this page are only available in Dutch.</p>"
    )
