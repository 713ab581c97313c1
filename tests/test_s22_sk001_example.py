"""SK001's example of the sentence without the placeholder drops the words left hanging before it: 'Assigned to
Sam in {{ team.name }}.' read 'Assigned to Sam in.' in the advice."""

from __future__ import annotations

from pathlib import Path

from scriptkit import lint_pack, load_pack


def test_the_example_drops_a_dangling_preposition(tmp_path: Path) -> None:
    (tmp_path / "scripts").mkdir()
    (tmp_path / "pack.yaml").write_text("name: S\nplaceholders:\n  team.name:\n    description: the team\n"
                                        "    sample: Billing\n", encoding="utf-8")
    (tmp_path / "scripts" / "a.yaml").write_text(
        "id: a\ntitle: A\nacknowledgment: I'm sorry the invoice was wrong.\n"
        "solution: I've reissued it today. Assigned to {{ agent.first_name }} in {{ team.name }}.\n", encoding="utf-8")
    [finding] = [d for d in lint_pack(load_pack(tmp_path)).diagnostics if d.code == "SK001"]
    assert finding.suggestion is not None and "e.g. 'Assigned to {{ agent.first_name }}.'" in finding.suggestion
