"""The audit and the baseline from Python: scriptkit.audit_library, record_baseline and compare_baseline.

docs/python said everything the command line does is a typed Python API, but `scriptkit.audit`
was the module (calling it: TypeError) and the audit's errors named the command's flags
(--skip-bad, --channel) to a Python caller.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import scriptkit
from scriptkit.cli import main

LIBRARY = [
    {"title": "Late parcel", "body": "I'm sorry the parcel is late. I've sent a replacement today and it arrives "
                                     "within 3 days. If it doesn't, reply here and I'll refund you."},
    {"title": "Address", "body": "Please be advised that we are unable to change the address once shipped."},
]
PACK_YAML = "name: Pack\nversion: 1.0.0\n"
SCRIPT = """id: late
title: Late
acknowledgment: I can see how frustrating it is that the parcel is late.
solution: Please be advised that the replacement ships today and arrives within three days.
"""


def _export(tmp_path: Path, items: list[object] | None = None, name: str = "macros.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(items if items is not None else LIBRARY), encoding="utf-8")
    return path


def _pack(tmp_path: Path, scripts: dict[str, str]) -> Path:
    root = tmp_path / "pack"
    (root / "scripts").mkdir(parents=True, exist_ok=True)
    (root / "pack.yaml").write_text(PACK_YAML, encoding="utf-8")
    for name, text in scripts.items():
        (root / "scripts" / name).write_text(text, encoding="utf-8")
    return root


def test_audit_library_is_public_and_the_module_stays_a_module(tmp_path: Path) -> None:
    report = scriptkit.audit_library(_export(tmp_path))
    assert isinstance(report, scriptkit.AuditReport)
    assert [m.title for m in report.macros] == ["Address", "Late parcel"]  # worst first
    assert all(isinstance(m, scriptkit.MacroAudit) for m in report.macros)
    assert report.overall is not None and report.to_dict()["summary"]["macros"] == 2
    page = report.write_html(tmp_path / "audit.html")
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    for name in ("audit_library", "AuditReport", "MacroAudit", "record_baseline", "compare_baseline",
                 "BaselineComparison"):
        assert name in scriptkit.__all__ and name in dir(scriptkit)
    module = importlib.import_module("scriptkit.audit")
    assert scriptkit.audit is module and callable(module.audit)  # (the CLI's function, as it was)


def test_import_scriptkit_still_loads_no_audit_code() -> None:
    done = subprocess.run([sys.executable, "-c", "import sys, scriptkit; scriptkit.__all__; "
                           "print(sorted(m for m in sys.modules if m.startswith('scriptkit')))"],
                          capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['scriptkit']"


def test_an_unreadable_item_is_told_in_the_callers_words(tmp_path: Path) -> None:
    source = _export(tmp_path, [*LIBRARY, {"title": "Bad", "body": ["not", "text"]}])
    with pytest.raises(scriptkit.ImportFormatError) as raised:
        scriptkit.audit_library(source)
    said = str(raised.value)
    assert "skip_bad=True" in said and "--skip-bad" not in said, said
    report = scriptkit.audit_library(source, skip_bad=True)
    assert len(report.macros) == 2 and len(report.unreadable) == 1
    done = CliRunner().invoke(main, ["audit", str(source)])  # the command still names its flag
    assert done.exit_code == 2 and "pass --skip-bad to audit the rest" in " ".join(done.output.split())


def test_channel_on_a_pack_is_told_in_the_callers_words(tmp_path: Path) -> None:
    root = _pack(tmp_path, {"late.yaml": SCRIPT})
    with pytest.raises(scriptkit.ConfigError) as raised:
        scriptkit.audit_library(root, channel="chat")
    said = str(raised.value)
    assert "channel='chat'" in said and "--channel" not in said and said.startswith(f"{root}/pack.yaml:1:1")
    done = CliRunner().invoke(main, ["audit", str(root), "--channel", "chat"])
    assert done.exit_code == 2 and "--channel chat is for an export" in done.output


def test_a_folder_of_exports_is_told_in_the_callers_words(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    _export(folder, name="a.json")
    _export(folder, name="b.json")
    with pytest.raises(scriptkit.ConfigError) as raised:
        scriptkit.audit_library(folder)
    assert "audit_library(" in str(raised.value) and "scriptkit audit" not in str(raised.value)
    report = scriptkit.audit_library(sorted(folder.glob("*.json")))
    assert len(report.macros) == 4 and len(report.duplicates) == 2


@pytest.mark.parametrize(("arguments", "said"), [
    ({"skip_bad": "yes"}, "audit_library() takes skip_bad as True or False, not the str 'yes'"),
    ({"mapping": "title=Name"}, "audit_library() takes mapping as a dict of str to str"),
    ({"near_threshold": 5}, "audit_library() takes near_threshold as a similarity from 0.3 to 1, not the int 5"),
    ({"near_threshold": float("nan")}, "near_threshold as a similarity from 0.3 to 1, not the float nan"),
    ({"channel": "Email"}, "unknown channel 'Email'. Did you mean email?"),
    ({"fmt": "csv"}, "pass fmt='json'"),
])
def test_wrong_arguments_are_config_errors_naming_the_keyword(tmp_path: Path, arguments: dict[str, object],
                                                              said: str) -> None:
    with pytest.raises(scriptkit.ScriptkitError) as raised:
        scriptkit.audit_library(_export(tmp_path), **arguments)  # type: ignore[arg-type]
    assert said in str(raised.value) and "--" not in str(raised.value), str(raised.value)


@pytest.mark.parametrize("source", [[], 3, [None]])
def test_a_source_that_is_no_path_is_a_config_error(source: object) -> None:
    with pytest.raises(scriptkit.ConfigError, match=r"audit_library\(\) takes"):
        scriptkit.audit_library(source)  # type: ignore[arg-type]


def test_a_baseline_from_python_hides_the_accepted_findings_and_gates_on_new_ones(tmp_path: Path) -> None:
    root = _pack(tmp_path, {"late.yaml": SCRIPT})
    pack = scriptkit.load_pack(root)
    first = scriptkit.lint_pack(pack)
    assert first.diagnostics
    baseline = tmp_path / "baseline.json"
    assert scriptkit.record_baseline(first, baseline, pack=pack) == len(first.diagnostics)
    same = scriptkit.compare_baseline(scriptkit.lint_pack(pack), baseline, pack=str(root))
    assert isinstance(same, scriptkit.BaselineComparison)
    assert (same.hidden, same.fixed, same.result.diagnostics) == (len(first.diagnostics), 0, [])
    assert same.result.exit_code == 0 and first.diagnostics  # (the result given is left as it was)
    (root / "scripts" / "cold.yaml").write_text(
        "id: cold\ntitle: Cold\nacknowledgment: We regret any inconvenience caused.\n"
        "solution: Kindly note the matter is under review.\n", encoding="utf-8")
    pack = scriptkit.load_pack(root)
    later = scriptkit.compare_baseline(scriptkit.lint_pack(pack), baseline, pack=pack)
    assert later.result.diagnostics and {d.script_id for d in later.result.diagnostics} == {"cold"}
    # the command reads the file Python wrote, and hides the same findings
    done = CliRunner().invoke(main, ["check", str(root), "--baseline", str(baseline), "--format", "json"])
    assert {d["script"] for d in json.loads(done.stdout)["diagnostics"]} == {"cold"}


def test_baseline_errors_name_the_python_functions(tmp_path: Path) -> None:
    root = _pack(tmp_path, {"late.yaml": SCRIPT})
    pack = scriptkit.load_pack(root)
    result = scriptkit.lint_pack(pack)
    with pytest.raises(scriptkit.ConfigError) as raised:
        scriptkit.compare_baseline(result, tmp_path / "missing.json", pack=pack)
    assert "record_baseline(" in str(raised.value) and "--write-baseline" not in str(raised.value)
    (tmp_path / "junk.json").write_text("{}", encoding="utf-8")
    with pytest.raises(scriptkit.ConfigError, match=r"junk.json:1:1: .*record_baseline\(\)"):
        scriptkit.compare_baseline(result, tmp_path / "junk.json", pack=pack)
    with pytest.raises(scriptkit.ConfigError, match=r"no-folder.*is not a folder"):
        scriptkit.record_baseline(result, tmp_path / "no-folder" / "b.json", pack=pack)
    with pytest.raises(scriptkit.ConfigError, match=r"record_baseline\(\) takes result as the LintResult"):
        scriptkit.record_baseline("result", tmp_path / "b.json", pack=pack)  # type: ignore[arg-type]
    done = CliRunner().invoke(main, ["check", str(root), "--baseline", str(tmp_path / "missing.json")])
    assert done.exit_code == 2 and "--write-baseline" in done.output
