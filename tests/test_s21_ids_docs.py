"""The reference table of a pack's placeholders says where an export names a placeholder by its description:
wherever it tells the agent what to fill in."""

from __future__ import annotations

import importlib.util
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_the_description_field_says_the_exports_name_the_placeholder_by_it() -> None:
    spec = importlib.util.spec_from_file_location("scriptkit_docs_hooks_ids", DOCS / "hooks.py")
    assert spec is not None and spec.loader is not None
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)
    (row,) = [line for line in hooks.gen_model_fields("CustomPlaceholder").splitlines()
              if line.startswith("| `description` |")]
    assert "What the helpdesk fills in." in row
    assert "name the placeholder by it where they tell the agent what to fill in" in row
    assert "Zendesk's description" in row and "playbook" in row and "CSV" in row
