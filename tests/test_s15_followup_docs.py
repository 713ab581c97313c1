"""What the plug-in page imports from scriptkit is documented where the API page reads it (the docstrings,
as griffe, mkdocstrings' reader, finds them in the source), so a plug-in author can look each name up."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
IMPORT = re.compile(r"^from (scriptkit[\w.]*) import (\([^)]*\)|[^\n]*)", re.MULTILINE)


def imported_names(page: Path) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for module, names in IMPORT.findall(page.read_text(encoding="utf-8")):
        found += [(module, n.strip()) for n in names.strip("()").replace("\n", " ").split(",") if n.strip()]
    return found


def test_every_name_the_plugin_page_imports_from_the_targets_base_has_a_docstring() -> None:
    griffe = pytest.importorskip("griffe", reason="the docs tools come with the dev extra")
    package = griffe.load("scriptkit")
    names = imported_names(REPO / "docs" / "python" / "plugins.md")
    assert {("scriptkit.targets.base", "problem"), ("scriptkit.targets.base", "Payload")} <= set(names)
    undocumented = []
    for module, name in names:
        if module != "scriptkit.targets.base":
            continue
        obj = package[f"{module.removeprefix('scriptkit').lstrip('.')}.{name}".lstrip(".")]
        if not (obj.docstring and obj.docstring.value.strip()):
            undocumented.append(f"{module}.{name}")
    assert undocumented == []
