"""Session 34 (dialects): what scriptkit's export writes, its import reads back the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit import export, import_library
from scriptkit.importers.dialects import BlankPiece, PlaceholderPiece

BUNDLES = {
    "zendesk": "zendesk/macros.json",
    "freshdesk": "freshdesk/canned_responses.json",
    "helpscout": "helpscout/saved_replies.json",
    "intercom": "intercom/macros.json",
}


def _pack(root: Path, fallback: str) -> Path:
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text("name: Braces\n", encoding="utf-8")
    quoted = fallback.replace("\\", "\\\\").replace('"', '\\"')
    (root / "scripts" / "a.yaml").write_text(
        "id: braces\ntitle: Braces in a fallback\n"
        f"acknowledgment: \"Sorry the parcel is late, {{{{ customer.full_name | fallback(\\\"{quoted}\\\") }}}}.\"\n"
        "warm_language: \"Thanks for bearing with us.\"\n"
        "solution: \"I've sent a new parcel today.\"\n", encoding="utf-8")
    return root


@pytest.mark.parametrize("fallback", ["{you}", "you}", "{you", "a {b} c"])
@pytest.mark.parametrize("fmt", sorted(BUNDLES))
def test_a_fallback_with_a_brace_comes_back_from_import(tmp_path: Path, fmt: str, fallback: str) -> None:
    export(_pack(tmp_path / "pack", fallback), [fmt], tmp_path / "out", force=True, lint=False)
    again = import_library(tmp_path / "out" / BUNDLES[fmt], fmt)
    (macro,) = again.macros
    pieces = [p for slot in macro.slots.values() for p in slot]
    assert not [p for p in pieces if isinstance(p, BlankPiece)]
    assert [p.fallback for p in pieces if isinstance(p, PlaceholderPiece) and p.name == "customer.full_name"] == \
        [fallback]
    # and the pack it writes exports the same reply again
    pack = again.write(tmp_path / "pack2")
    export(pack, [fmt], tmp_path / "out2", force=True, lint=False)
    assert (tmp_path / "out2" / BUNDLES[fmt]).read_text(encoding="utf-8") == \
        (tmp_path / "out" / BUNDLES[fmt]).read_text(encoding="utf-8")
