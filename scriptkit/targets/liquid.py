"""Liquid, the template engine of Zendesk and Freshdesk: placeholders with fallbacks written as
conditionals, and literal text kept literal with ``{% raw %}``."""

from __future__ import annotations

import re

from scriptkit.targets.base import escape_html

RAW_OPEN, RAW_CLOSE = "{% raw %}", "{% endraw %}"
_BRACES = re.compile(r"\{+")


def escape_liquid(text: str) -> str:
    """Make literal text inert for Liquid.

    A run of ``{`` starts a tag or an output when it is doubled, followed by ``%``, or sits at
    the end of the text (the next segment may be a ``{{`` placeholder or ``{%`` tag, making
    ``{{{`` or ``{{%``). Only those runs are wrapped in ``{% raw %}``; the raw body holds nothing
    but braces, so it can never contain an ``{% endraw %}`` of its own.
    """

    def wrap(m: re.Match[str]) -> str:
        after = text[m.end():m.end() + 1]
        if len(m.group(0)) > 1 or after in ("%", ""):
            return f"{RAW_OPEN}{m.group(0)}{RAW_CLOSE}"
        return m.group(0)

    return _BRACES.sub(wrap, text) if "{" in text else text


def write_liquid(name: str, fallback: str | None, as_html: bool) -> str:
    """``{{ticket.requester.first_name}}``, or with a fallback a conditional that also catches
    the empty string and whitespace (``x != blank``) and a missing value (``x and ...``)."""
    out = "{{" + name + "}}"
    if fallback is None:
        return out
    literal = escape_liquid(escape_html(fallback) if as_html else fallback)
    return f"{{% if {name} and {name} != blank %}}{out}{{% else %}}{literal}{{% endif %}}"
