"""``check --baseline --format sarif`` dropped the accepted findings from the SARIF log, so code scanning had no
record of them (an alert opened before the baseline was written closed as fixed). They are now results with
``suppressions`` (external, naming the baseline file): closed alerts, not new ones. Every other format still
leaves them out, and the exit code is still that of the new findings alone."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from scriptkit.baseline import compare_baseline, record_baseline
from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack
from scriptkit.reporters.sarif import FINGERPRINT
from tests.conftest import run_cli

OLD = ("id: hamper\ntitle: Hamper\n"
       "acknowledgment: We have received your message about the hamper.\n"
       "solution: Please be advised that the hamper ships on Friday. Kindly wait for the tracking email.\n")
NEW = ("id: voucher\ntitle: Voucher\n"
       "acknowledgment: I'm sorry the voucher code did not work, TODO.\n"
       "solution: I've made a new code for you today, and it is in your inbox now.\n")

# SARIF 2.1.0's suppression object (section 3.34): kind is required, one of two values; status one of three
_SUPPRESSION_KEYS = {"guid", "kind", "status", "justification", "location", "properties"}


@pytest.fixture
def pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    root = tmp_path / "pack"
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text("name: Gifts\n", encoding="utf-8")
    (root / "scripts" / "hamper.yaml").write_text(OLD, encoding="utf-8")
    assert run_cli("check", "pack", "--grammar", "off", "--write-baseline", "baseline.json").exit_code == 0
    (root / "scripts" / "voucher.yaml").write_text(NEW, encoding="utf-8")
    return root


def _valid_suppressed(result: dict[str, Any]) -> list[dict[str, Any]]:
    suppressions = result["suppressions"]
    assert isinstance(suppressions, list) and suppressions
    for s in suppressions:
        assert set(s) <= _SUPPRESSION_KEYS, s
        assert s["kind"] in ("inSource", "external")
        assert s.get("status", "accepted") in ("accepted", "underReview", "rejected")
        assert isinstance(s.get("justification", ""), str)
    return list(suppressions)


def _results(path: Path) -> list[dict[str, Any]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == "2.1.0" and data["$schema"].endswith("sarif-2.1.0.json")
    (run,) = data["runs"]
    ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    for r in run["results"]:
        assert ids[r["ruleIndex"]] == r["ruleId"]
    return list(run["results"])


def _file(r: dict[str, Any]) -> str:
    return str(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])


def test_accepted_findings_are_suppressed_results(pack: Path) -> None:
    plain = run_cli("check", "pack", "--grammar", "off", "--format", "sarif", "-o", "all.sarif")
    gated = run_cli("check", "pack", "--grammar", "off", "--baseline", "baseline.json", "--format", "sarif",
                 "-o", "gated.sarif")
    everything, results = _results(Path("all.sarif")), _results(Path("gated.sarif"))
    accepted = [r for r in results if "suppressions" in r]
    new = [r for r in results if "suppressions" not in r]
    assert accepted and all(_file(r) == "pack/scripts/hamper.yaml" for r in accepted)
    assert new and all(_file(r) == "pack/scripts/voucher.yaml" for r in new)
    for r in accepted:
        assert _valid_suppressed(r) == [{"kind": "external", "justification": "accepted in the baseline baseline.json"}]
    # (the same results, each with the fingerprint it has without the baseline: the alert, closed)
    strip = [{k: v for k, v in r.items() if k != "suppressions"} for r in results]
    assert strip == everything
    assert {r["partialFingerprints"][FINGERPRINT] for r in accepted} == {
        r["partialFingerprints"][FINGERPRINT] for r in everything if _file(r).endswith("hamper.yaml")}
    # (the exit code is the new findings' alone: as the json report's, which lists only those)
    listed = run_cli("check", "pack", "--grammar", "off", "--baseline", "baseline.json", "--format", "json")
    assert gated.exit_code == listed.exit_code == plain.exit_code == 1
    codes = [d["code"] for d in json.loads(listed.stdout)["diagnostics"]]
    assert sorted(codes) == sorted(r["ruleId"] for r in new)
    assert all(d["file"].endswith("voucher.yaml") for d in json.loads(listed.stdout)["diagnostics"])


def test_the_exit_code_stays_that_of_the_new_findings(pack: Path) -> None:
    (pack / "scripts" / "voucher.yaml").unlink()  # (only accepted findings left: a pass)
    gated = run_cli("check", "pack", "--grammar", "off", "--baseline", "baseline.json", "--format", "sarif",
                 "-o", "gated.sarif")
    assert gated.exit_code == 0, gated.output
    results = _results(Path("gated.sarif"))
    assert results and all(_valid_suppressed(r) for r in results)
    assert run_cli("check", "pack", "--grammar", "off", "--format", "sarif", "-o", "all.sarif").exit_code == 1


def test_other_formats_still_leave_them_out(pack: Path) -> None:
    for fmt in ("github", "gitlab", "text", "concise"):
        out = run_cli("check", "pack", "--grammar", "off", "--baseline", "baseline.json", "--format", fmt).stdout
        assert "voucher.yaml" in out and "hamper.yaml" not in out, (fmt, out)


def test_compare_baselines_result_reports_them_suppressed_too(pack: Path) -> None:
    loaded = load_pack(pack)
    compared = compare_baseline(lint_pack(loaded), "baseline.json", pack=loaded)
    assert compared.hidden == len(compared.result.accepted) > 0
    assert all(d.location.file.endswith("hamper.yaml") for d in compared.result.accepted)
    out = io.StringIO()
    compared.result.report(out, "sarif")
    (run,) = json.loads(out.getvalue())["runs"]
    suppressed = [r for r in run["results"] if "suppressions" in r]
    assert len(suppressed) == compared.hidden
    assert {s["justification"] for r in suppressed for s in _valid_suppressed(r)} == {
        "accepted in the baseline baseline.json"}
    out = io.StringIO()
    compared.result.report(out, "json")
    assert "hamper.yaml" not in out.getvalue()


def test_a_baseline_recorded_from_the_api_suppresses_the_same(pack: Path, tmp_path: Path) -> None:
    loaded = load_pack(pack)
    record_baseline(lint_pack(loaded), tmp_path / "all.json", pack=loaded)
    compared = compare_baseline(lint_pack(loaded), tmp_path / "all.json", pack=loaded)
    assert compared.result.diagnostics == [] and compared.result.exit_code == 0
    out = io.StringIO()
    compared.result.report(out, "sarif")
    (run,) = json.loads(out.getvalue())["runs"]
    assert run["results"] and all("suppressions" in r for r in run["results"])
