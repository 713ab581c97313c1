"""`--format concise` of a pack with a file that cannot be read printed nothing on standard output (the error was on
stderr only), while json, junit and sarif held an SK000 result: `check --format concise | grep error` found none."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from scriptkit.cli import main

GOOD = """id: late
title: Late parcel
acknowledgment: "We have received your request."
solution: "Kindly wait."
"""


def test_concise_prints_the_load_error_as_a_finding_line(make_pack) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack({"late.yaml": GOOD, "broken.yaml": "id: broken\ntitle: [oops\n"})
    result = CliRunner().invoke(main, ["check", str(pack), "--format", "concise", "--grammar", "off"])
    assert result.exit_code == 2, result.output
    broken = [line for line in result.stdout.splitlines() if "broken.yaml" in line]
    assert len(broken) == 1 and broken[0].split(": error SK000 [load-error] ")[0].endswith("broken.yaml:2:8"), \
        result.stdout
    assert "late.yaml:" in result.stdout  # (the scripts it could read are judged, as in the other formats)
    assert "broken.yaml:2:8" in result.stderr  # (and the error is still said where errors are)


def test_review_of_unreadable_text_prints_it_too(tmp_path: Path) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_bytes(b"Hi \xff there")
    result = CliRunner().invoke(main, ["review", str(reply), "--format", "concise"])
    assert result.exit_code == 2 and "error SK000 [load-error]" in result.stdout, result.output
