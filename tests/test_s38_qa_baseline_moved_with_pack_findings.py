"""A script moved with its id kept keeps its baseline entries (d2bdfb11) also where pack.yaml holds accepted findings
of it: a banned term in the layout's greeting fallback is reported in pack.yaml for each script, and the move
brought every accepted finding of the moved script back as new, failing the pull request that only reorganised
scripts/. (QA of session 38)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

PACK = """\
name: P
channels:
  email:
    greeting: "Dear {{ customer.first_name | fallback('Valued Customer') }},"
rules:
  custom:
    - name: no-valued-customer
      kind: existence
      terms: [valued customer]
"""
COLD = ("id: {id}\ntitle: Cold\nchannels: [email]\nacknowledgment: We have received your request.\n"
        "solution: Please be advised that links expire after one hour. Kindly request a new link.\n")


def _check(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", *args, "--grammar", "off"], env={"NO_COLOR": "1"})
    return result.exit_code, result.stdout, result.stderr


def test_a_moved_script_with_accepted_findings_in_pack_yaml_keeps_its_entries(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pack" / "scripts").mkdir(parents=True)
    (tmp_path / "pack" / "pack.yaml").write_text(PACK, encoding="utf-8")
    for name in ("cold", "other"):
        (tmp_path / "pack" / "scripts" / f"{name}.yaml").write_text(COLD.format(id=name), encoding="utf-8")
    assert _check("pack", "--write-baseline", "baseline.json")[0] == 0
    accepted = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))["findings"]
    assert {(e["file"], e["script"]) for e in accepted} >= {("pack.yaml", "cold"), ("scripts/cold.yaml", "cold")}
    (tmp_path / "pack" / "scripts" / "billing").mkdir()
    (tmp_path / "pack" / "scripts" / "cold.yaml").rename(tmp_path / "pack" / "scripts" / "billing" / "cold.yaml")
    code, out, err = _check("pack", "--baseline", "baseline.json", "--format", "json")
    assert code == 0, out
    assert json.loads(out)["diagnostics"] == []
    assert "gone" not in err, err
