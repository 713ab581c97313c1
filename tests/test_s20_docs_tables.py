"""The docs site's tables show code as a writer should copy it.

Python-Markdown's tables already keep a '|' inside backticks in its cell, and print an escaped
'\\|' there as a backslash and a bar: a writer who copied `{{ x \\| upper }}` got a YAML error."""

import re
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_no_escaped_bar_inside_code_in_a_table() -> None:
    found = [f"{page.relative_to(DOCS)}:{n}: {span}"
             for page in sorted(DOCS.rglob("*.md"))
             for n, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1) if line.startswith("|")
             for span in re.findall(r"`[^`]*`", line) if "\\|" in span]
    assert not found, "\n".join(found)
