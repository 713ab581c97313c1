"""scriptkit audit --skip-bad on a pack: the scripts that cannot be read are listed, the others audited."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from scriptkit import audit_library
from scriptkit.cli import main

GOOD = """\
id: late-parcel
title: Late parcel
acknowledgment: I can see how annoying it is that your parcel has still not turned up.
warm_language: I'm really sorry for the wait.
flexibility: If you would rather have your money back, just say so and I'll arrange it.
solution: I've asked the courier to trace it today, and I'll email you by Friday with news.
"""
# (a flow sequence left open: a YAML error on line 4, column 6)
BROKEN = "id: broken\ntitle: Broken\nbad: [one\n  two: : three\n"


def _audit(*args: str) -> Result:
    result = CliRunner().invoke(main, ["audit", *args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.fixture
def broken_pack(make_pack) -> Path:  # type: ignore[no-untyped-def]
    return make_pack({"good.yaml": GOOD, "broken.yaml": BROKEN})  # type: ignore[no-any-return]


def test_skip_bad_audits_the_readable_scripts_of_a_pack(broken_pack: Path) -> None:
    result = _audit(str(broken_pack), "--format", "json", "--skip-bad", "--fail-under", "60")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert [m["id"] for m in report["macros"]] == ["late-parcel"]
    assert report["summary"]["unreadable"] == 1
    [unreadable] = report["unreadable"]
    assert unreadable["file"].endswith("scripts/broken.yaml")
    assert (unreadable["line"], unreadable["col"]) == (4, 6)  # located where the YAML goes wrong
    assert unreadable["location"] == f"{unreadable['file']}:4:6"
    assert "YAML" in unreadable["message"] and unreadable["item"] == "scripts/broken.yaml"


def test_skip_bad_lists_the_unreadable_script_in_text_and_the_api(broken_pack: Path) -> None:
    text = _audit(str(broken_pack), "--skip-bad")
    assert text.exit_code == 0, text.stderr
    assert "1 macro(s)" in text.stdout
    assert f"unreadable: {broken_pack / 'scripts' / 'broken.yaml'}:4:6: scripts/broken.yaml: YAML" in text.stdout
    report = audit_library(broken_pack, skip_bad=True)
    assert [m.id for m in report.macros] == ["late-parcel"]
    assert [p.location.line for p in report.unreadable] == [4]


def test_without_skip_bad_a_broken_script_still_stops_the_audit(broken_pack: Path) -> None:
    result = _audit(str(broken_pack))
    assert result.exit_code == 2
    assert "broken.yaml:4:6" in result.stderr


def test_skip_bad_with_no_readable_script_is_bad_input(make_pack) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack({"broken.yaml": BROKEN})
    result = _audit(str(pack), "--skip-bad")
    assert result.exit_code == 2
    assert "broken.yaml:4:6" in result.stderr
