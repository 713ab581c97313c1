"""SARIF results had no partialFingerprints, so GitHub code scanning told an alert by a hash of its line: a line
added above a finding closed its alert and opened a new one. Each result now carries the fingerprint the GitLab
report gives the same finding (what it is, not where its line is), and a property with no value (a finding on
pack.yaml has no script) is left out rather than written as null."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack
from scriptkit.reporters import get_reporter
from scriptkit.reporters.sarif import FINGERPRINT

SCRIPT = ("id: parcel\ntitle: Parcel\n"
          "acknowledgment: I'm sorry your parcel is late, TODO.\n"
          "solution: I've sent a new one today, and it will arrive on TODO.\n")


def _report(root: Path, fmt: str) -> Any:
    out = io.StringIO()
    get_reporter(fmt)(lint_pack(load_pack(root)), out)
    return json.loads(out.getvalue())


def _results(root: Path) -> list[dict[str, Any]]:
    (run,) = _report(root, "sarif")["runs"]
    return list(run["results"])


def test_a_result_keeps_its_fingerprint_when_lines_are_added_above_it(make_pack: Any) -> None:
    root = make_pack({"parcel.yaml": SCRIPT})
    before = _results(root)
    todo = [r for r in before if r["ruleId"] == "SK407"]
    assert len(todo) == 2
    (root / "scripts" / "parcel.yaml").write_text("# Late parcels\n\n" + SCRIPT, encoding="utf-8")
    after = [r for r in _results(root) if r["ruleId"] == "SK407"]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after] == \
        [r["locations"][0]["physicalLocation"]["region"]["startLine"] + 2 for r in todo]
    assert [r["partialFingerprints"] for r in after] == [r["partialFingerprints"] for r in todo]
    # (two findings of one rule quoting the same word in one script are two alerts, not one)
    assert len({r["partialFingerprints"][FINGERPRINT] for r in todo}) == 2


def test_the_fingerprints_are_the_gitlab_reports(make_pack: Any) -> None:
    root = make_pack({"parcel.yaml": SCRIPT})
    sarif = [r["partialFingerprints"][FINGERPRINT] for r in _results(root)]
    assert sarif and sarif == [issue["fingerprint"] for issue in _report(root, "gitlab")]


def test_a_property_with_no_value_is_left_out(make_pack: Any) -> None:
    root = make_pack({"parcel.yaml": SCRIPT}, pack_yaml="name: Test pack\nlocale: de-DE\n")
    results = _results(root)
    on_pack = [r for r in results if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(
        "pack.yaml")]
    assert on_pack and all("script" not in r["properties"] and "slot" not in r["properties"] for r in on_pack)
    assert all(value is not None for r in results for value in r["properties"].values())
    assert any(r["properties"].get("script") == "parcel" for r in results)
