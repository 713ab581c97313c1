"""A refused command line never writes through a link to a file the run may read (a script, pack.yaml, any file of
the pack); render's -o replies are removed, not left stale; and --format concise says a load error once on stderr,
and once as its SK000 line on standard output (for grep and editors, as json has it)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import Result

from tests.conftest import run_cli

STALE = "last run's output: all clear"
REPLY = """id: late
title: Late parcel
channels: [email]
acknowledgment: "I'm sorry your parcel is running late."
warm_language: "Thanks for waiting with us."
solution: "I've asked the courier to trace your parcel today."
"""
SETTINGS = "name: Test pack\n"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def pack(make_pack) -> Path:  # type: ignore[no-untyped-def]
    return make_pack({"late.yaml": REPLY})  # type: ignore[no-any-return]


def _link(tmp_path: Path, name: str, to: Path) -> Path:
    link = tmp_path / name
    os.symlink(os.path.relpath(to, tmp_path), link)
    return link


def _refused(result: Result) -> None:
    assert result.exit_code == 2, result.output
    assert "No such option: --bogus" in result.stderr or "No such option '--bogus'" in result.stderr, result.stderr


@pytest.mark.parametrize("command", ["check", "render"])
@pytest.mark.parametrize("target", ["scripts/late.yaml", "pack.yaml"])
def test_a_link_to_a_file_of_the_pack_is_not_written_through(pack: Path, tmp_path: Path, command: str,
                                                               target: str) -> None:
    link = _link(tmp_path, "r.txt", pack / target)
    before = (pack / target).read_text(encoding="utf-8")
    result = run_cli(command, "pack", "--bogus", "-o", "r.txt")
    _refused(result)
    assert (pack / target).read_text(encoding="utf-8") == before
    assert link.is_symlink() and "left as it is" in result.stderr, result.stderr


def test_review_does_not_write_through_a_link_to_the_settings(pack: Path, tmp_path: Path) -> None:
    _link(tmp_path, "r.txt", pack / "pack.yaml")
    result = run_cli("review", "-", "--bogus", "-o", "r.txt")
    _refused(result)
    assert (pack / "pack.yaml").read_text(encoding="utf-8") == SETTINGS


def test_a_link_to_another_file_in_the_pack_folder_is_left_too(pack: Path, tmp_path: Path) -> None:
    notes = pack / "notes.txt"  # (a refused run learnt nothing of which of the pack's files it reads)
    notes.write_text(STALE, encoding="utf-8")
    _link(tmp_path, "r.txt", notes)
    _refused(run_cli("check", "pack", "--bogus", "-o", "r.txt"))
    assert notes.read_text(encoding="utf-8") == STALE


def test_a_link_to_a_report_outside_the_pack_is_still_replaced(pack: Path, tmp_path: Path) -> None:
    (tmp_path / "reports").mkdir()
    report = tmp_path / "reports" / "report.txt"
    report.write_text(STALE, encoding="utf-8")
    _link(tmp_path, "r.txt", report)
    _refused(run_cli("check", "pack", "--bogus", "-o", "r.txt"))
    assert "command line was refused" in report.read_text(encoding="utf-8")


def test_a_run_does_not_write_its_report_through_a_link_into_the_scripts_folder(pack: Path, tmp_path: Path) -> None:
    # (a link to where a new script would be: the next run would read the report as a script)
    _link(tmp_path, "r.txt", pack / "scripts" / "new.yaml")
    for command in ("check", "render"):
        result = run_cli(command, "pack", "-o", "r.txt")
        assert result.exit_code == 2, result.output
        assert "scripts folder" in result.stderr, result.stderr
        assert not (pack / "scripts" / "new.yaml").exists()


def test_a_pack_that_cannot_be_read_does_not_write_its_report_through_a_link_to_a_script(
        make_pack, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack({"late.yaml": REPLY}, pack_yaml="name: Test pack\nlocale: x-klingon\n")
    _link(tmp_path, "r.txt", pack / "scripts" / "late.yaml")
    result = run_cli("check", "pack", "-o", "r.txt")
    assert result.exit_code == 2 and "is a file this run reads" in result.stderr, result.stderr
    assert (pack / "scripts" / "late.yaml").read_text(encoding="utf-8") == REPLY


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_render_refused_removes_the_last_runs_replies(pack: Path, tmp_path: Path, fmt: str) -> None:
    replies = tmp_path / "replies.txt"
    assert run_cli("render", "pack", "--format", fmt, "-o", "replies.txt").exit_code == 0
    assert "courier" in replies.read_text(encoding="utf-8")
    result = run_cli("render", "pack", "--format", fmt, "--bogus", "-o", "replies.txt")
    _refused(result)
    assert not replies.exists()
    assert "removed replies.txt" in result.stderr, result.stderr


def test_render_refused_makes_no_replies_where_there_were_none(pack: Path, tmp_path: Path) -> None:
    _refused(run_cli("render", "pack", "--bogus", "-o", "replies.txt"))
    assert not (tmp_path / "replies.txt").exists()


def _said_once(result: Result, words: str) -> None:
    assert result.exit_code == 2, result.output
    assert [line for line in result.stdout.splitlines() if words in line and " error SK000 " in line], result.stdout
    assert result.stdout.count(words) == 1 and result.stderr.count(words) == 1, result.output


def test_concise_says_a_bad_locale_once(make_pack) -> None:  # type: ignore[no-untyped-def]
    make_pack({"late.yaml": REPLY}, pack_yaml="name: Test pack\nlocale: x-klingon\n")
    _said_once(run_cli("check", "pack", "--format", "concise"), "x-klingon")


def test_concise_says_a_script_that_cannot_be_read_once(make_pack) -> None:  # type: ignore[no-untyped-def]
    make_pack({"late.yaml": REPLY, "late-copy.yaml": REPLY})  # (one id, two scripts)
    _said_once(run_cli("check", "pack", "--format", "concise"), "'late'")


def test_concise_into_a_file_still_holds_the_load_error(make_pack, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    make_pack({"late.yaml": REPLY}, pack_yaml="name: Test pack\nlocale: x-klingon\n")
    result = run_cli("check", "pack", "--format", "concise", "-o", "report.txt")
    assert result.exit_code == 2
    assert "SK000" in (tmp_path / "report.txt").read_text(encoding="utf-8")
