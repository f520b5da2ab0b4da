import itertools
from typing import Any

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from glossary.linking import link_terms
from glossary.models import glossary_terms

register = template.Library()

# Shared by every call in the process, so tooltip ids stay unique when a page links the
# terms in several fields (an intro and a body, say).
_tooltip_ids = itertools.count(1)


@register.filter(needs_autoescape=True)
def link_glossary_terms(value: Any, autoescape: bool = True) -> SafeString:
    """Link glossary terms in HTML: a string marked safe, rich text or a stream field.
    A plain string is text, escaped first like any other template variable."""
    if hasattr(value, "__html__"):
        html = value.__html__()
    elif autoescape:
        html = conditional_escape(value)
    else:
        html = str(value)
    # Safe: link_terms escapes all text it writes and copies markup from the input as is.
    return mark_safe(link_terms(html, glossary_terms(), ids=_tooltip_ids))
