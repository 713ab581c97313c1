"""A writer reading the docs' Markdown (on GitHub, in an editor) saw empty command blocks: their output is added only
when the site is built. Every page with a build-time marker says so in one visible line, which the built site drops."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"
MARKER = re.compile(r"<!--\s*(run|show|generate)\b")


def _hooks():  # type: ignore[no-untyped-def]
    pytest.importorskip("mkdocs")
    spec = importlib.util.spec_from_file_location("docs_hooks", DOCS / "hooks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_page_with_generated_output_points_to_the_built_site() -> None:
    hooks = _hooks()
    pages = [p for p in DOCS.rglob("*.md") if "_examples" not in p.parts and MARKER.search(p.read_text("utf-8"))]
    assert pages
    missing = [str(p.relative_to(DOCS)) for p in pages if not hooks.SOURCE_POINTER.search(p.read_text("utf-8"))]
    assert not missing, missing


def test_the_built_page_drops_the_pointer(tmp_path: Path) -> None:
    hooks = _hooks()
    page = f"# Title\n\n{hooks.SOURCE_POINTER_LINE}\n\nText.\n"
    built = hooks.process_markdown(hooks.without_source_pointer(page), tmp_path)
    assert "make docs" not in built and "Text." in built
