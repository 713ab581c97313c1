"""The ``{{name}}`` placeholder spelling shared by Gorgias and Front, which document no
fallback and no escape for a literal ``{{``."""

from __future__ import annotations

from scriptkit.targets.base import escape_html


def write_curly(name: str, fallback: str | None, as_html: bool) -> str:
    # No documented fallback: the checks report SK504 and the bare variable is written.
    return "{{" + name + "}}"


#: Literal text Gorgias and Front read as template syntax: their ``{{…}}`` variables, the only syntax they document.
UNSAFE = ("{{",)
#: Jinja's tags and comments, which a ``{{ }}`` engine with Jinja-like filters (Gorgias's) may read as syntax too,
#: though neither helpdesk documents them: a warning, not a refusal.
UNCONFIRMED = ("{%", "{#")


def spells_default(fallback: str) -> bool:
    """A fallback ``|default("...")`` can hold: one kind of quote left free, nothing Jinja would read."""
    return ('"' not in fallback or "'" not in fallback) and not any(c in fallback for c in "{}\\")


def write_default(name: str, fallback: str | None, as_html: bool) -> str:
    """``{{ticket.customer.firstname|default("there")}}``: Jinja's default filter, which Gorgias does not
    document but a library already using it shows its Gorgias reads."""
    if fallback is None:
        return write_curly(name, None, as_html)
    text = escape_html(fallback) if as_html else fallback
    quote = "'" if '"' in text else '"'
    return "{{" + f"{name}|default({quote}{text}{quote})" + "}}"
