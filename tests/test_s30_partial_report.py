"""A report of a pack one of whose scripts cannot be read holds the other scripts' findings beside the
SK000 load errors (exit 2 still): a CI report of SK000 alone made code scanning close every other alert,
and a team saw nothing of the pack until the one file was mended. What needs the whole pack (a constant
no script uses) is not judged then, and --fix, --diff and text on a terminal still wait for the whole."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.errors import ScriptkitError
from scriptkit.loading import load_readable_part

COLD = """id: cold
title: Cold
channels: [email]
acknowledgment: "I can see how worrying a missing refund is."
warm_language: "Please be advised that we value your business."
flexibility:
  guidance: Check the payment log first.
solution: "I've sent the refund today, and you'll see it within five days."
"""
BROKEN = "id: late\ntitle: [unclosed\n"
UNDEFINED = COLD.replace("id: cold", "id: undefined").replace("Check the", "{{ missing_name }} Check the")


def run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args), env={"NO_COLOR": "1"})


@pytest.fixture
def pack(make_pack: Any) -> Path:
    root: Path = make_pack({"cold.yaml": COLD, "late.yaml": BROKEN},
                           pack_yaml="name: Test pack\nconstants:\n  unused_line: nobody uses this\n")
    return root


def _codes(data: dict[str, Any]) -> list[tuple[str, str]]:
    return [(d["code"], Path(d["file"]).name) for d in data["diagnostics"]]


def test_json_holds_the_other_scripts_findings_beside_the_load_error(pack: Path) -> None:
    result = run("check", str(pack), "--grammar", "off", "--format", "json")
    assert result.exit_code == 2
    assert "late.yaml:2:8: error: YAML syntax error" in result.stderr
    codes = _codes(json.loads(result.stdout))
    assert ("SK000", "late.yaml") in codes and ("SK201", "cold.yaml") in codes
    # (the constant may be used by the script that did not load: not said to be unused)
    assert not any(file == "pack.yaml" for _, file in codes)


def test_sarif_and_github_too(pack: Path) -> None:
    result = run("check", str(pack), "--grammar", "off", "--format", "sarif")
    assert result.exit_code == 2
    rules = {r["ruleId"] for r in json.loads(result.stdout)["runs"][0]["results"]}
    assert {"SK000", "SK201"} <= rules
    result = run("check", str(pack), "--grammar", "off", "--format", "github")
    assert result.exit_code == 2
    assert "title=SK000 [load-error]" in result.stdout and "title=SK201 [corporate-phrase]" in result.stdout


def test_a_text_report_file_too(pack: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    result = run("check", str(pack), "--grammar", "off", "-o", str(out))
    assert result.exit_code == 2
    report = out.read_text(encoding="utf-8")
    assert "SK000 [load-error]" in report and "SK201 [corporate-phrase]" in report


def test_a_template_error_in_one_script_leaves_the_others_judged(make_pack: Any) -> None:
    root = make_pack({"cold.yaml": COLD, "undefined.yaml": UNDEFINED})
    result = run("check", str(root), "--grammar", "off", "--format", "json")
    assert result.exit_code == 2
    codes = _codes(json.loads(result.stdout))
    assert ("SK000", "undefined.yaml") in codes and ("SK201", "cold.yaml") in codes
    assert ("SK201", "undefined.yaml") not in codes  # (a script with a problem is not judged at all)


def test_the_terminal_and_fix_still_wait_for_the_whole_pack(pack: Path) -> None:
    before = (pack / "scripts" / "cold.yaml").read_text(encoding="utf-8")
    for extra in ((), ("--fix",), ("--diff",)):
        result = run("check", str(pack), "--grammar", "off", *extra)
        assert result.exit_code == 2
        assert "SK201" not in result.stdout
    assert (pack / "scripts" / "cold.yaml").read_text(encoding="utf-8") == before


def test_a_broken_pack_yaml_still_stops_everything(make_pack: Any) -> None:
    root = make_pack({"cold.yaml": COLD}, pack_yaml="name: [unclosed\n")
    result = run("check", str(root), "--grammar", "off", "--format", "json")
    assert result.exit_code == 2
    assert [code for code, _ in _codes(json.loads(result.stdout))] == ["SK000"]
    with pytest.raises(ScriptkitError):
        load_readable_part(root)


def test_load_readable_part(pack: Path) -> None:
    part, problem = load_readable_part(pack)
    assert [s.id for s in part.scripts] == ["cold"] and part.partial
    assert problem is not None and "late.yaml" in str(problem)
    (pack / "scripts" / "late.yaml").unlink()
    whole, none = load_readable_part(pack)
    assert none is None and not whole.partial
