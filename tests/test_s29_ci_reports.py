"""CI reports: ``-o`` into a new folder, paths from the repository's root, options that cannot go
together, no stale text report, and the JSON report's documented shape."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from scriptkit.cli import main

COLD = ("id: cold\ntitle: Cold\nacknowledgment: We have received your request.\n"
        "solution: Please be advised that links expire after one hour. Kindly request a new link.\n")
REPLY = "We have received your request. Please be advised that links expire after one hour.\n"


def _run(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args), env={"NO_COLOR": "1"})
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def _pack(where: Path, scripts: dict[str, str] | None = None) -> Path:
    (where / "scripts").mkdir(parents=True)
    (where / "pack.yaml").write_text("name: P\n", encoding="utf-8")
    for name, text in (scripts or {"cold.yaml": COLD}).items():
        (where / "scripts" / name).write_text(text, encoding="utf-8")
    return where


# ---------------------------------------------------------------- 1. -o into a folder not made yet

@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit"])
def test_check_makes_the_reports_folder(tmp_path: Path, fmt: str) -> None:
    root = _pack(tmp_path / "pack")
    target = tmp_path / "reports" / "ci" / f"scriptkit.{fmt}"
    result = _run("check", str(root), "--format", fmt, "-o", str(target))
    assert result.exit_code == 1, result.output
    assert "SK" in target.read_text(encoding="utf-8")


def test_review_makes_the_reports_folder(tmp_path: Path) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text(REPLY, encoding="utf-8")
    target = tmp_path / "reports" / "review.json"
    result = _run("review", str(reply), "--format", "json", "-o", str(target))
    assert result.exit_code == 1, result.output
    assert json.loads(target.read_text(encoding="utf-8"))["diagnostics"]


def test_a_pack_that_cannot_be_read_is_still_reported_into_a_new_folder(tmp_path: Path) -> None:
    root = _pack(tmp_path / "pack", {"bad.yaml": "id: bad\ntitle: [\n"})
    target = tmp_path / "reports" / "scriptkit.sarif"
    result = _run("check", str(root), "--format", "sarif", "-o", str(target))
    assert result.exit_code == 2
    assert json.loads(target.read_text(encoding="utf-8"))["runs"][0]["results"][0]["ruleId"] == "SK000"


def test_a_file_where_the_folder_should_be_is_a_located_error(tmp_path: Path) -> None:
    root = _pack(tmp_path / "pack")
    (tmp_path / "reports").write_text("a file\n", encoding="utf-8")
    target = tmp_path / "reports" / "sub" / "r.json"
    result = _run("check", str(root), "--format", "json", "-o", str(target))
    assert result.exit_code == 2
    assert f"{target}: error: cannot write the report to {target}: {tmp_path / 'reports'} is a file, " \
           "not a folder" in result.output


@pytest.mark.skipif(os.name == "nt", reason="needs POSIX permissions")
def test_a_folder_that_may_not_be_written_is_a_located_error(tmp_path: Path) -> None:
    root = _pack(tmp_path / "pack")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    # (root may write anywhere a mode forbids, as CI runs: there, a kernel folder nobody may make one in)
    as_root = hasattr(os, "geteuid") and os.geteuid() == 0
    if as_root and not Path("/sys/kernel").is_dir():
        pytest.skip("running as root on a system without /sys/kernel: no folder root may not write")
    target = (Path("/sys/kernel") if as_root else locked) / "scriptkit-reports" / "r.json"
    try:
        result = _run("check", str(root), "--format", "json", "-o", str(target))
    finally:
        locked.chmod(0o700)
    assert result.exit_code == 2
    assert f"{target}: error: cannot write the report to {target}: " in result.output
    assert "Traceback" not in result.output


# ---------------------------------------------------------------- 2. paths from the repository's root

@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git work tree with the pack in support/pack; no CI variables."""
    for variable in ("GITHUB_WORKSPACE", "CI_PROJECT_DIR"):
        monkeypatch.delenv(variable, raising=False)
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    _pack(root / "support" / "pack")
    return root


def _sarif_location(output: str) -> dict[str, object]:
    run = json.loads(output)["runs"][0]
    location: dict[str, object] = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    return {"base": run.get("originalUriBaseIds"), **location}


def test_github_annotations_name_the_file_from_the_git_work_tree(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo / "support")
    result = _run("check", "pack", "--format", "github")
    assert result.exit_code == 1
    assert all(",file=" not in line and " file=support/pack/scripts/cold.yaml," in line
               for line in result.stdout.splitlines()), result.stdout


def test_sarif_uris_are_relative_to_srcroot_from_a_subfolder(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo / "support" / "pack" / "scripts")
    result = _run("check", "..", "--format", "sarif")
    assert result.exit_code == 1
    assert _sarif_location(result.stdout) == {"base": {"%SRCROOT%": {"uri": repo.as_uri() + "/"}},
                                              "uri": "support/pack/scripts/cold.yaml", "uriBaseId": "%SRCROOT%"}


@pytest.mark.parametrize("variable", ["GITHUB_WORKSPACE", "CI_PROJECT_DIR"])
def test_the_ci_workspace_is_the_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, variable: str) -> None:
    for name in ("GITHUB_WORKSPACE", "CI_PROJECT_DIR"):
        monkeypatch.delenv(name, raising=False)
    workspace = tmp_path / "ws"
    _pack(workspace / "support" / "pack")
    (workspace / "support" / ".git").mkdir()  # (a nested work tree: the CI's workspace still wins)
    monkeypatch.setenv(variable, str(workspace))
    monkeypatch.chdir(workspace / "support")
    github = _run("check", "pack", "--format", "github").stdout
    assert " file=support/pack/scripts/cold.yaml," in github, github
    sarif = _sarif_location(_run("check", "pack", "--format", "sarif").stdout)
    assert sarif["uri"] == "support/pack/scripts/cold.yaml"
    assert sarif["base"] == {"%SRCROOT%": {"uri": workspace.as_uri() + "/"}}


def test_a_file_outside_the_root_is_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path / "ws"))
    (tmp_path / "ws").mkdir()
    root = _pack(tmp_path / "elsewhere" / "pack")
    monkeypatch.chdir(tmp_path / "ws")
    github = _run("check", "../elsewhere/pack", "--format", "github").stdout
    assert f" file={(root / 'scripts' / 'cold.yaml').as_posix()}," in github, github
    sarif = _sarif_location(_run("check", "../elsewhere/pack", "--format", "sarif").stdout)
    assert sarif["uri"] == (root / "scripts" / "cold.yaml").as_uri() and "uriBaseId" not in sarif


def test_without_a_work_tree_the_root_is_the_working_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("GITHUB_WORKSPACE", "CI_PROJECT_DIR"):
        monkeypatch.delenv(variable, raising=False)
    _pack(tmp_path / "support" / "pack")
    monkeypatch.chdir(tmp_path / "support")
    assert " file=pack/scripts/cold.yaml," in _run("check", "pack", "--format", "github").stdout
    sarif = _sarif_location(_run("check", "pack", "--format", "sarif").stdout)
    assert sarif["uri"] == "pack/scripts/cold.yaml"
    assert sarif["base"] == {"%SRCROOT%": {"uri": (tmp_path / "support").as_uri() + "/"}}


def test_junit_names_files_from_the_root_and_text_and_json_from_the_working_folder(
        repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo / "support")
    junit = _run("check", "pack", "--format", "junit").stdout
    assert 'classname="support.pack.scripts.cold"' in junit, junit
    assert 'file="support/pack/scripts/cold.yaml"' in junit, junit
    text = _run("check", "pack").stdout
    assert "pack/scripts/cold.yaml" in text and "support/pack" not in text
    diagnostics = json.loads(_run("check", "pack", "--format", "json").stdout)["diagnostics"]
    assert {d["file"] for d in diagnostics} == {"pack/scripts/cold.yaml"}


# ---------------------------------------------------------------- 3. options that write no report

@pytest.mark.parametrize(("args", "said"), [
    (["--diff", "--format", "sarif"], "--diff prints the safe fixes as a unified diff; it has no --format sarif"),
    (["--diff", "-o", "{out}"], "--diff prints the safe fixes on standard output; it writes no -o file"),
    (["--write-baseline", "{baseline}", "--format", "sarif"], "--write-baseline records the findings and writes "
                                                             "no report"),
    (["--write-baseline", "{baseline}", "-o", "{out}"], "--write-baseline records the findings and writes no report"),
    (["--diff", "--statistics"], "--diff prints the safe fixes; --statistics a table of counts"),
])
def test_options_that_write_no_report_refuse_a_report(tmp_path: Path, args: list[str], said: str) -> None:
    root = _pack(tmp_path / "pack")
    out, baseline = tmp_path / "out.sarif", tmp_path / "baseline.json"
    given = [a.format(out=out, baseline=baseline) for a in args]
    result = _run("check", str(root), *given)
    assert result.exit_code == 2 and said in result.output, result.output
    assert not out.exists() and not baseline.exists()
    assert (root / "scripts" / "cold.yaml").read_text(encoding="utf-8") == COLD


# ---------------------------------------------------------------- 4. no stale text report

def test_a_text_report_of_a_pack_that_cannot_be_read_replaces_the_last_one(tmp_path: Path) -> None:
    root = _pack(tmp_path / "pack", {"bad.yaml": "id: bad\ntitle: [\n"})
    report = tmp_path / "r.txt"
    report.write_text("STALE\n", encoding="utf-8")
    result = _run("check", str(root), "-o", str(report))
    assert result.exit_code == 2
    written = report.read_text(encoding="utf-8")
    assert "STALE" not in written
    assert "bad.yaml\n  3:1     error      SK000 [load-error] YAML syntax error" in written, written


def test_a_text_report_review_cannot_read_replaces_the_last_one(tmp_path: Path) -> None:
    reply = tmp_path / "empty.txt"
    reply.write_text("  \n", encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_text("STALE\n", encoding="utf-8")
    result = _run("review", str(reply), "-o", str(report))
    assert result.exit_code == 2
    written = report.read_text(encoding="utf-8")
    assert "STALE" not in written and "nothing to review" in written, written


# ---------------------------------------------------------------- 5. the JSON report's documented shape

DOC = Path(__file__).resolve().parent.parent / "docs" / "reference" / "cli.md"
NOTE = ("id: note\ntitle: Note\nacknowledgment: Ask for the tracking number.\nsolution: Log it in the portal.\n"
        "export:\n  zendesk: {public: false}\n")
# (a note by its wording, not its setting: the customer told of in the third person, no "you")
WORDED = ("id: worded\ntitle: Worded\nacknowledgment: Customer disputes the late fee.\n"
          "solution: Escalating it to billing.\n")
TRANSCRIPT = ("Customer: my parcel still hasn't come\n"
              "Agent: We have received your request. Please be advised that it will be dispatched in due course.\n")
SPANISH = "Hola Marta, lamentamos mucho el retraso de tu pedido. Te enviamos uno nuevo hoy mismo.\n"


def _documented() -> dict[str, set[str]]:
    """Each table of the doc's 'The JSON report' section: its heading, and the keys of its first column."""
    # (up to the next section: the audit's JSON report has tables of its own, tested with the audit)
    section = DOC.read_text(encoding="utf-8").split("## The JSON report", 1)[1].split("\n## ", 1)[0]
    tables: dict[str, set[str]] = {}
    heading = ""
    for line in section.splitlines():
        if line.startswith("### "):
            heading = line[4:].strip()
        elif line.startswith("| `"):
            cell = line.split("|")[1]
            tables.setdefault(heading, set()).update(k.strip().strip("`") for k in cell.split(","))
    return tables


def _keys(objects: list[dict[str, object]]) -> set[str]:
    return set().union(*(o.keys() for o in objects))


def test_the_documented_json_keys_are_those_the_reports_have(tmp_path: Path) -> None:
    root = _pack(tmp_path / "pack", {"cold.yaml": COLD, "note.yaml": NOTE, "worded.yaml": WORDED})
    checked = json.loads(_run("check", str(root), "--format", "json").stdout)
    other = _pack(tmp_path / "other", {"cold.yaml": COLD})  # (several packs: their `packs`, s37)
    reports = [checked, json.loads(_run("check", str(root), str(other), "--format", "json").stdout)]
    for name, text in (("chat.txt", TRANSCRIPT), ("es.txt", SPANISH)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        reports.append(json.loads(_run("review", str(tmp_path / name), "--format", "json").stdout))
    diagnostics = [d for r in reports for d in r["diagnostics"]]
    fixes = [d["fix"] for d in diagnostics if d["fix"]]
    written = {
        "Top level": _keys(reports),
        "summary": _keys([r["summary"] for r in reports]),
        "diagnostics[]": _keys(diagnostics),
        "fix": _keys(fixes),
        "fix.edits[]": _keys([e for f in fixes for e in f["edits"]]),
        "sentences[] (review)": _keys([s for r in reports for s in r.get("sentences", [])]),
        "turns[] (review of a transcript)": _keys([t for r in reports for t in r.get("turns", [])]),
    }
    assert checked["summary"]["internal_notes_by_wording"] == 1 and "not_judged" in reports[3] and "turns" in reports[2]
    assert _documented() == written


def test_junit_case_names_stay_when_lines_move(tmp_path: Path) -> None:
    """CI servers keep a test's history by its name: with the line in it, a comment added above a finding made it a
    new failure and the old one fixed."""
    import xml.etree.ElementTree as ET

    root = _pack(tmp_path / "pack")

    def names() -> list[str]:
        out = _run("check", str(root), "--format", "junit", "--grammar", "off").output
        return sorted(c.attrib["name"] for c in ET.fromstring(out[out.index("<testsuites"):]).iter("testcase"))

    before = names()
    for script in (root / "scripts").glob("*.yaml"):
        script.write_text("# a note for the team\n\n" + script.read_text(encoding="utf-8"), encoding="utf-8")
    assert names() == before and before and not any(name[:1].isdigit() for name in before)
    assert len(set(before)) == len(before)  # (two alike are numbered)
