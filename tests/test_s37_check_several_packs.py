"""`scriptkit check packs/a packs/b` (and `check packs`, a folder holding packs) checks each pack as when checked
alone, with its own settings, and writes one report in each format; the exit code is the worst pack's."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from scriptkit.cli import main

COLD = ("id: cold\ntitle: Cold\nacknowledgment: We have received your request.\n"
        "solution: Please be advised that links expire after one hour. Kindly request a new link.\n")
# (a zero-width space after 'Thanks': SK012, with a safe fix)
HIDDEN = ("id: late\ntitle: Late\nacknowledgment: \"I'm sorry the parcel is late.\"\n"
          "warm_language: \"Thanks\u200b for waiting.\"\nsolution: \"I'll send a new one today.\"\n")


def _run(*args: str) -> Result:
    result = CliRunner().invoke(main, [*args, "--grammar", "off"], env={"NO_COLOR": "1", "COLUMNS": "200"})
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def _pack(where: Path, script: str = COLD, rules: str = "") -> Path:
    (where / "scripts").mkdir(parents=True)
    (where / "pack.yaml").write_text(f"name: {where.name}\n{rules}", encoding="utf-8")
    (where / "scripts" / "one.yaml").write_text(script, encoding="utf-8")
    return where


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """packs/a (cold: fails), packs/b (cold, but its own settings fail on errors only), packs/c (an invisible
    character, fixable)."""
    for variable in ("GITHUB_WORKSPACE", "CI_PROJECT_DIR"):
        monkeypatch.delenv(variable, raising=False)
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    _pack(root / "packs" / "a")
    _pack(root / "packs" / "b", rules="rules:\n  fail-on: error\n")
    _pack(root / "packs" / "c", HIDDEN)
    monkeypatch.chdir(root)
    return root


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("fmt", ["text", "concise"])
def test_each_pack_is_reported_as_alone_and_the_exit_code_is_the_worst(repo: Path, fmt: str) -> None:
    both = _run("check", "packs/a", "packs/b", "--format", fmt)
    a, b = _run("check", "packs/a", "--format", fmt), _run("check", "packs/b", "--format", fmt)
    assert (a.exit_code, b.exit_code, both.exit_code) == (1, 0, 1)  # (b's own fail-on: error)
    # every line of each separate run is there, in order, apart from the framing
    shown = _lines(both.stdout)
    for alone in (a, b):
        for line in _lines(alone.stdout)[:-1]:
            assert line in shown, line
    assert "packs/a/scripts/one.yaml" in both.stdout and "packs/b/scripts/one.yaml" in both.stdout
    assert shown[-1].startswith("Checked 2 packs: ") and "failing: packs/a." in shown[-1], shown[-1]
    if fmt == "text":
        assert shown.index("=== packs/a ===") < shown.index("=== packs/b ===")
        assert _lines(a.stdout)[-1] in shown and _lines(b.stdout)[-1] in shown  # (each pack's own summary)
    if fmt == "concise":
        assert f"packs/a: {_lines(a.stdout)[-1]}" in shown


def test_a_pack_that_cannot_be_read_is_said_and_the_others_are_still_checked(repo: Path) -> None:
    (repo / "packs" / "b" / "pack.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    text = _run("check", "packs/a", "packs/b", "packs/c")
    assert text.exit_code == 2
    assert "packs/b/pack.yaml:1:" in text.stderr and "error:" in text.stderr  # (located, on stderr)
    assert "packs/a/scripts/one.yaml" in text.stdout and "packs/c/scripts/one.yaml" in text.stdout
    assert "packs/b: could not be read" in text.stdout
    assert "could not be read: packs/b." in text.stdout
    data = json.loads(_run("check", "packs/a", "packs/b", "packs/c", "--format", "json").stdout)
    assert [(p["pack"], p["exit_code"]) for p in data["packs"]] == [("packs/a", 1), ("packs/b", 2), ("packs/c", 1)]
    files = {d["file"].split("/")[1] for d in data["diagnostics"]}
    assert files == {"a", "b", "c"}
    assert any(d["code"] == "SK000" and d["file"] == "packs/b/pack.yaml" for d in data["diagnostics"])


def test_json_keeps_the_one_pack_shape_and_adds_each_pack(repo: Path) -> None:
    one = json.loads(_run("check", "packs/a", "--format", "json").stdout)
    assert "packs" not in one  # (one pack: as it always was)
    data = json.loads(_run("check", "packs/a", "packs/b", "--format", "json").stdout)
    other = json.loads(_run("check", "packs/b", "--format", "json").stdout)
    assert data["diagnostics"] == one["diagnostics"] + other["diagnostics"]
    assert [p["summary"] for p in data["packs"]] == [one["summary"], other["summary"]]
    assert data["summary"]["total"] == one["summary"]["total"] + other["summary"]["total"]
    assert data["summary"]["fail_on"] is None  # (a's warning, b's error)
    assert data["summary"]["failed"] is True and data["version"] == one["version"]


def test_sarif_is_one_run_that_an_upload_with_one_category_takes(repo: Path) -> None:
    log = json.loads(_run("check", "packs/a", "packs/c", "--format", "sarif").stdout)
    assert len(log["runs"]) == 1
    run = log["runs"][0]
    assert "automationDetails" not in run  # (the upload step's category files it)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert uris == {"packs/a/scripts/one.yaml", "packs/c/scripts/one.yaml"}
    rules = run["tool"]["driver"]["rules"]
    assert len({r["id"] for r in rules}) == len(rules)
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in run["results"])


def test_github_and_junit_hold_every_pack(repo: Path) -> None:
    github = _run("check", "packs/a", "packs/c", "--format", "github").stdout
    assert "file=packs/a/scripts/one.yaml" in github and "file=packs/c/scripts/one.yaml" in github
    junit = _run("check", "packs/a", "packs/b", "--format", "junit")
    root = ET.fromstring(junit.stdout.split("\n", 1)[1])
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["packs/a/scripts/one.yaml", "packs/b/scripts/one.yaml"]
    assert root.get("tests") == str(sum(int(s.get("tests", "0")) for s in suites))
    # (each pack's own fail-on: b's warnings pass, a's fail)
    assert suites[0].get("failures") != "0" and suites[1].get("failures") == "0"
    assert root.get("failures") == suites[0].get("failures")


def test_a_folder_holding_packs_checks_each_of_them(repo: Path) -> None:
    (repo / "packs" / "notes").mkdir()  # (no pack: left out)
    folder = _run("check", "packs", "--format", "json")
    given = _run("check", "packs/a", "packs/b", "packs/c", "--format", "json")
    assert folder.exit_code == given.exit_code == 1
    assert folder.stdout == given.stdout
    assert "holds 3 packs" not in folder.output
    assert _run("check", "packs", "packs/a").stdout.count("=== packs/a ===") == 1  # (given twice: once)


def test_a_baseline_cannot_span_packs(repo: Path) -> None:
    for option in ("--baseline", "--write-baseline"):
        result = _run("check", "packs/a", "packs/b", option, "base.json")
        assert result.exit_code == 2
        assert f"{option} base.json records one pack's findings, and this run checks 2 packs" in result.output
        assert f"`scriptkit check packs/a {option} packs/a/baseline.json`" in result.output
        assert not Path("base.json").exists()


def test_fix_fixes_each_pack_on_its_own(repo: Path) -> None:
    _pack(repo / "packs" / "d", HIDDEN)
    result = _run("check", "packs/c", "packs/d", "--fix")
    for pack in ("c", "d"):
        assert "\u200b" not in (repo / "packs" / pack / "scripts" / "one.yaml").read_text(encoding="utf-8")
    assert "SK012" not in result.stdout
    diff = _run("check", "packs/c", "packs/d", "--diff")
    assert diff.exit_code == 0 and diff.stdout == ""  # (nothing left to fix in either)


def test_several_scripts_of_one_pack_are_still_refused(repo: Path) -> None:
    (repo / "packs" / "a" / "scripts" / "two.yaml").write_text(COLD.replace("id: cold", "id: two"), encoding="utf-8")
    result = _run("check", "packs/a/scripts/one.yaml", "packs/a/scripts/two.yaml")
    assert result.exit_code == 2
    assert "To check every script, give the pack's folder: `scriptkit check packs/a`" in result.output


def test_o_writes_one_report_and_one_line_on_stderr(repo: Path) -> None:
    result = _run("check", "packs/a", "packs/b", "--format", "json", "-o", "out/report.json")
    assert result.exit_code == 1 and result.stdout == ""
    data = json.loads(Path("out/report.json").read_text(encoding="utf-8"))
    assert len(data["packs"]) == 2
    assert "fail-on (each pack's own): the report is in out/report.json" in result.stderr
