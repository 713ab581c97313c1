"""scriptkit audit --format json: a versioned shape, each finding located by file, line and col."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner, Result

from scriptkit.cli import main

GOOD = """\
id: late-parcel
title: Late parcel
acknowledgment: I can see how annoying it is that your parcel has still not turned up.
warm_language: I'm really sorry for the wait.
flexibility: If you would rather have your money back, just say so and I'll arrange it.
solution: I've asked the courier to trace it today, and I'll email you by Friday with news.
"""


def _audit(*args: str) -> Result:
    result = CliRunner().invoke(main, ["audit", *args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_json_has_a_version_and_located_diagnostics(make_pack) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack({"good.yaml": GOOD.replace("I'm really sorry", "We apologize for any inconvenience")})
    result = _audit(str(pack), "--format", "json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["version"] == 1 and next(iter(report)) == "version"  # (first, as in check's JSON)
    [macro] = report["macros"]
    assert macro["location"] == f"{macro['file']}:{macro['line']}:{macro['col']}"
    assert macro["diagnostics"]
    lines = GOOD.splitlines()
    for d in macro["diagnostics"]:
        assert d["file"] == macro["file"]
        assert isinstance(d["line"], int) and isinstance(d["col"], int)
        assert 1 <= d["line"] <= len(lines) and d["col"] >= 1
    apology = next(d for d in macro["diagnostics"] if d["name"] == "impersonal-apology")
    # the phrase, where the script says it: 'warm_language: We apologize for any inconvenience.'
    assert (apology["line"], apology["col"], apology["end_line"], apology["end_col"]) == (4, 16, 4, 50)


def test_an_exports_unreadable_items_are_located_by_file_line_and_col(tmp_path: Path) -> None:
    export = tmp_path / "macros.jsonl"
    export.write_text(json.dumps({"title": "Refund", "body": GOOD}) + "\n{not json\n", encoding="utf-8")
    result = _audit(str(export), "--format", "json", "--skip-bad")
    assert result.exit_code == 0, result.stderr
    [unreadable] = json.loads(result.stdout)["unreadable"]
    assert (unreadable["file"], unreadable["line"], unreadable["col"]) == (str(export), 2, 2)
    assert unreadable["location"] == f"{export}:2:2" and unreadable["item"] == "line 2"


def _documented(heading: str) -> set[str]:
    """The keys the table under ``heading`` of the audit's JSON section of docs/reference/cli.md names."""
    docs = (Path(__file__).resolve().parent.parent / "docs" / "reference" / "cli.md").read_text(encoding="utf-8")
    section = docs.split("## The audit's JSON report", 1)[1]
    table = section.split(f"### {heading}\n", 1)[1].split("\n#", 1)[0]
    keys = {key for row in table.splitlines() if row.startswith("| `")
            for key in re.findall(r"`([a-z_]+)`", row.split("|")[1])}
    after = table.split("\n\nand ", 1)  # (the lesser keys, listed after the table)
    return keys | (set(re.findall(r"`([a-z_]+)`", after[1].split("\n\n")[0])) if len(after) > 1 else set())


def test_the_documented_shape_is_the_reports(make_pack) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack({"good.yaml": GOOD.replace("I'm really sorry", "We apologize for any inconvenience")})
    report = json.loads(_audit(str(pack), "--format", "json").stdout)
    # (compare is there with --compare only: against the report itself, as next month's audit is)
    earlier = pack.parent / "earlier.json"
    earlier.write_text(json.dumps(report), encoding="utf-8")
    compared = json.loads(_audit(str(pack), "--format", "json", "--compare", str(earlier)).stdout)
    assert _documented("Top level") == set(report) | {"compare"} == set(compared)
    [macro] = report["macros"]
    assert _documented("macros[]") == set(macro)
    assert _documented("macros[].diagnostics[]") == set(macro["diagnostics"][0])
    section = (Path(__file__).resolve().parent.parent / "docs" / "reference" / "cli.md").read_text(
        encoding="utf-8").split("## The audit's JSON report", 1)[1]
    examples = [json.loads(block.split("```", 1)[0]) for block in section.split("```json\n")[1:]]
    assert examples and all(e["version"] == report["version"] and set(e) <= set(report) for e in examples)
    example = next(e for e in examples if e["macros"])
    assert set(example["macros"][0]) <= set(macro)
    assert set(example["macros"][0]["diagnostics"][0]) == set(macro["diagnostics"][0])
