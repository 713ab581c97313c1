"""A JSON or YAML library's yes-or-no and number values are read as the file spells them: ``--where active=true``
matches JSON's ``"active": true`` (it matched nothing, only Python's 'True' did, which still works), and a title
written ``true`` or ``1.5`` is that title ('True', or none at all, before)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_cli

ROWS = [{"title": "A", "body": "I'm sorry it's late. I've refunded it today.", "active": True},
        {"title": "B", "body": "I'm sorry it broke. I've sent a new one today.", "active": False},
        {"title": True, "body": "Thanks so much, I've fixed it today.", "active": True},
        {"title": 1.5, "body": "Thanks again, I've sent it today.", "active": True}]


def _titles(tmp_path: Path, where: str) -> list[str]:
    lib = tmp_path / "lib.json"
    lib.write_text(json.dumps(ROWS), encoding="utf-8")
    out = tmp_path / f"out-{where}"
    result = run_cli("import", str(lib), "--where", where, "-o", str(out), "--force")
    assert result.exit_code == 0, result.output
    return sorted(line.split(":", 1)[1].strip() for f in (out / "scripts").glob("*.yaml")
                  for line in f.read_text(encoding="utf-8").splitlines() if line.startswith("title:"))


def test_where_matches_a_json_true_as_json_spells_it(tmp_path: Path) -> None:
    assert _titles(tmp_path, "active=true") == ["'1.5'", "'true'", "A"]
    assert _titles(tmp_path, "active=True") == ["'1.5'", "'true'", "A"]
    assert _titles(tmp_path, "active=false") == ["B"]
