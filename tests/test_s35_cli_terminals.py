"""The command line on a full disk, in a narrow terminal and in an ASCII locale: standard output that
cannot be written is one message and exit 2, rule codes are never cut, and a reply's punctuation reads
as text where the terminal cannot encode it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

_SCRIPT = """id: late-parcel
title: Late parcel
channels: [email]
acknowledgment: "We apologize for any inconvenience caused."
warm_language: "Please be advised that your request has been escalated as per our policy."
solution: "Kindly refer to the FAQ. Unfortunately there is nothing we can do."
"""


def _run(*args: str, stdout: int | None = subprocess.PIPE, env: dict[str, str] | None = None,
         cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "scriptkit", *args], stdout=stdout, stderr=subprocess.PIPE,
                          env={**os.environ, "SCRIPTKIT_NO_PROGRESS": "1", **(env or {})}, cwd=cwd, timeout=180)


_FULL_DISK = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")


@_FULL_DISK
@pytest.mark.parametrize("command", [["check", "{pack}", "--grammar", "off"], ["render", "{pack}"], ["rules"],
                                     ["rules", "--format", "json"]])
def test_standard_output_on_a_full_disk_is_one_message_and_exit_2(make_pack, command: list[str]) -> None:  # type: ignore[no-untyped-def]
    # (a traceback and exit 1 before, which a CI job reads as "findings")
    pack = make_pack({"late.yaml": _SCRIPT})
    with open("/dev/full", "wb") as full:
        run = _run(*(word.format(pack=pack) for word in command), stdout=full.fileno())
    err = run.stderr.decode()
    assert run.returncode == 2, err
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert err.count("error:") == 1, err
    assert "standard output" in err and "disk is full" in err, err


@_FULL_DISK
@pytest.mark.parametrize("command", [["check", "{pack}", "--grammar", "off", "-o", "/dev/full"],
                                     ["render", "{pack}", "-o", "/dev/full"]])
def test_a_file_on_a_full_disk_is_told_to_free_space(make_pack, command: list[str]) -> None:  # type: ignore[no-untyped-def]
    # (it said "Check that its folder exists and that you may write there.", which both were)
    pack = make_pack({"late.yaml": _SCRIPT})
    run = _run(*(word.format(pack=pack) for word in command))
    err = run.stderr.decode()
    assert run.returncode == 2, err
    assert "/dev/full:1:1: error: cannot write" in err and "disk is full" in err, err
    assert "Free some space" in err and "may write there" not in err, err


def test_a_file_on_a_read_only_disk_is_not_told_to_check_permissions(tmp_path: Path) -> None:
    import errno

    from scriptkit.cli.output import writing
    from scriptkit.errors import ConfigError

    target = tmp_path / "report.txt"
    with pytest.raises(ConfigError) as raised, writing("the report", target):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(target))
    said = f"{raised.value.message} {raised.value.hint}"
    assert "read-only" in said.lower() and "write elsewhere" in said and "may write" not in said, said


_NARROW = {"TTY_COMPATIBLE": "1", "NO_COLOR": "1"}  # (a terminal to rich, without colour codes to read past)


@pytest.mark.parametrize("columns", [40, 60, 80])
def test_every_rule_code_is_shown_whole_in_a_narrow_terminal(columns: int) -> None:
    # (the code column was cut first, 'SK0…', though the footer says 'Details: scriptkit rule CODE')
    import json

    codes = [rule["code"] for rule in json.loads(_run("rules", "--format", "json").stdout)]
    run = _run("rules", env={**_NARROW, "COLUMNS": str(columns)})
    out = run.stdout.decode()
    assert run.returncode == 0, run.stderr.decode()
    assert "…" not in out, out
    shown = {word for line in out.splitlines() for word in line.split()}
    assert [code for code in codes if code not in shown] == [], out
    assert all(len(line) <= columns for line in out.splitlines()), out


def test_a_long_title_wraps_in_a_narrow_terminal(make_pack) -> None:  # type: ignore[no-untyped-def]
    title = "Returns: when the parcel came back damaged after the second delivery attempt"
    pack = make_pack({"late.yaml": _SCRIPT.replace("title: Late parcel", f"title: '{title}'")})
    run = _run("render", str(pack), env={**_NARROW, "COLUMNS": "40"})
    out = run.stdout.decode()
    assert run.returncode == 0, run.stderr.decode()
    assert "…" not in out, out
    assert " ".join(out.split()).count(title) == 1, out


_ASCII = {"PYTHONIOENCODING": "ascii", "NO_COLOR": "1"}
_CURLY = "We\u2019re sorry \u2014 the \u201cexpress\u201d parcel\u2026 is late."


def test_a_replys_punctuation_reads_as_text_in_an_ascii_locale(tmp_path: Path, make_pack) -> None:  # type: ignore[no-untyped-def]
    # (a screen reader said "backslash u 2 0 1 9" for each apostrophe, and render's '·' was '\u00b7')
    reply = tmp_path / "reply.txt"
    reply.write_text(_CURLY + "\n", encoding="utf-8")
    pack = make_pack({"late.yaml": _SCRIPT.replace('"We apologize for any inconvenience caused."', f'"{_CURLY}"')})
    plain = "We're sorry -- the \"express\" parcel... is late."
    for run in (_run("review", str(reply), env=_ASCII), _run("render", str(pack), env=_ASCII),
                _run("check", str(pack), "--grammar", "off", "--select", "SK301", env=_ASCII)):
        out = run.stdout.decode("ascii")
        assert "\\u" not in out, out
    assert plain in _run("review", str(reply), env=_ASCII).stdout.decode()
    rendered = _run("render", str(pack), env=_ASCII).stdout.decode()
    assert plain in rendered and "late-parcel - email - Late parcel" in rendered, rendered


def test_machine_formats_keep_the_replys_own_characters_in_an_ascii_locale(tmp_path: Path) -> None:
    import json

    reply = tmp_path / "reply.txt"
    reply.write_text(_CURLY + "\n", encoding="utf-8")
    run = _run("review", str(reply), "--format", "json", env=_ASCII)
    assert run.stdout.isascii() and "\\u2019" in run.stdout.decode()
    assert any(finding["text"] == _CURLY for finding in json.loads(run.stdout)["diagnostics"]), run.stdout


@pytest.mark.parametrize("command", [["check", "{pack}", "--grammar", "off", "--format", "json"],
                                     ["render", "{pack}", "--format", "json"]])
def test_output_dash_is_standard_output(make_pack, tmp_path: Path, command: list[str]) -> None:  # type: ignore[no-untyped-def]
    # (a file named '-' was written in the working folder, and nothing printed)
    import json

    pack = make_pack({"late.yaml": _SCRIPT})
    run = _run(*(word.format(pack=pack) for word in command), "-o", "-", cwd=tmp_path)
    assert run.returncode in (0, 1), run.stderr.decode()
    assert json.loads(run.stdout), run.stdout
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("command", [["export", "{pack}", "--to", "zendesk", "--grammar", "off"],
                                     ["import", "{export}", "--from", "zendesk"]])
def test_a_folder_of_files_cannot_go_to_standard_output(make_pack, tmp_path: Path, command: list[str]) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack({"late.yaml": _SCRIPT})
    export = tmp_path / "macros.json"
    export.write_text('{"macros": []}', encoding="utf-8")
    run = _run(*(word.format(pack=pack, export=export) for word in command), "-o", "-", cwd=tmp_path)
    err = run.stderr.decode()
    assert run.returncode == 2, err
    assert "Traceback" not in err and "standard output" in err and "folder" in err, err
    assert not (tmp_path / "-").exists()


def test_the_narrow_rule_list_reads_as_text_in_an_ascii_locale() -> None:
    run = _run("rules", env={**_NARROW, **_ASCII, "COLUMNS": "40"})
    out = run.stdout.decode("ascii")
    assert "\\u" not in out and "template - warning" in out, out
