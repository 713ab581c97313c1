"""The ``{{name}}`` placeholder spelling shared by Gorgias and Front, which document no
fallback and no escape for a literal ``{{``."""

from __future__ import annotations


def write_curly(name: str, fallback: str | None, as_html: bool) -> str:
    # No documented fallback: the checks report SK504 and the bare variable is written.
    return "{{" + name + "}}"


#: Literal sequences a ``{{ }}`` engine with Jinja-like tags would read as syntax.
UNSAFE = ("{{", "{%", "{#")
