"""Pages a content writer follows hold what a writer needs; the edge cases live on reference pages.

The review tutorial and the import guide were long paragraphs of edge cases (36 lines in one), so a
writer lost the examples among them; the detail moved to reference/review.md and reference/import.md.
"""

from __future__ import annotations

import re
from pathlib import Path

from ruamel.yaml import YAML

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"
LONGEST = 10  # lines of prose in one paragraph of a page a writer follows


def _long_paragraphs(text: str, first_line: int = 1) -> list[tuple[int, int]]:
    """(line, length) of each prose paragraph over LONGEST lines; code blocks, tables, lists are not prose."""
    text = re.sub(r"```.*?```", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    found, start, length = [], 0, 0
    for number, line in enumerate([*text.split("\n"), ""], first_line):
        if line.strip() and not line.startswith(("|", "#", "<!--", "    ", "- ", "!!!")):
            start, length = (start, length + 1) if length else (number, 1)
            continue
        if length > LONGEST:
            found.append((start, length))
        length = 0
    return found


def test_the_tutorial_pages_have_no_long_paragraph() -> None:
    long = {page.name: _long_paragraphs(page.read_text(encoding="utf-8")) for page in (DOCS / "tutorial").glob("*.md")}
    assert all(not found for found in long.values()), long


def test_the_import_guide_from_the_imported_scripts_to_the_formats_has_no_long_paragraph() -> None:
    guide = (DOCS / "guides" / "import-audit.md").read_text(encoding="utf-8")
    start = guide.index("Each macro became a script")
    end = guide.index("A column mapping names the columns", start)
    assert _long_paragraphs(guide[start:end], guide.count("\n", 0, start) + 1) == []


def test_the_detail_is_on_reference_pages_in_the_nav_and_linked() -> None:
    yaml = YAML(typ="safe")
    yaml.Constructor.add_constructor("tag:yaml.org,2002:python/name:material.extensions.emoji.twemoji",
                                     lambda *_: None)
    nav = str(yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8")).get("nav"))
    for page, linked_from, facts in [
        ("reference/review.md", "tutorial/review.md", ["Sent from my iPhone", "--agent", "UTF-16", "`not_judged`"]),
        ("reference/import.md", "guides/import-audit.md", ["teammate_id", "--bodies plain", "{!Case.Due__c}"]),
    ]:
        assert page in nav
        assert f"../{page}" in (DOCS / linked_from).read_text(encoding="utf-8")
        text = (DOCS / page).read_text(encoding="utf-8")
        assert all(fact in text for fact in facts), page
