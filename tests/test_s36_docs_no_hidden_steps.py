"""A page's steps are all on the page: a reader who types what it shows gets what it shows.

A hidden write or run (a script written, an export made, out of sight) left a reader of
"A typo is reported" with `no scripts found` instead of the two warnings the page showed.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"

mkdocs = pytest.importorskip("mkdocs", reason="the docs tools come with the dev extra: pip install -e '.[dev]'")


@pytest.fixture(scope="module")
def hooks() -> ModuleType:
    spec = importlib.util.spec_from_file_location("scriptkit_docs_hooks_s36", DOCS / "hooks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "page",
    [
        "<!-- write hidden: p/scripts/a.yaml -->\n```yaml\nid: a\n```\n",
        "<!-- run hidden: scriptkit --version -->\n",
        "<!-- write hidden: note.txt -->\n!!! note \"Draft\"\n    Not ready.\n\n",
    ],
)
def test_a_hidden_step_fails_the_build_naming_the_line(hooks: ModuleType, tmp_path: Path, page: str) -> None:
    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError, match=r"guide\.md:2: .*reader .*show"):
        hooks.process_markdown("\n" + page, tmp_path / "ws", "guide.md")
    assert not (tmp_path / "ws" / "p").exists() and not (tmp_path / "ws" / "note.txt").exists()


def test_no_page_hides_a_step() -> None:
    hidden = [
        f"{md.relative_to(DOCS)}:{text.count(chr(10), 0, m.start()) + 1}"
        for md in sorted(DOCS.rglob("*.md"))
        for text in [md.read_text(encoding="utf-8")]
        for m in re.finditer(r"<!--\s*(?:run|write)\s+hidden\b", text)
    ]
    assert hidden == []


def test_the_hook_docstring_offers_no_hidden_step(hooks: ModuleType) -> None:
    assert "hidden" not in (hooks.__doc__ or "")
