"""``check --fix`` and the files scriptkit writes: a script saved while the fixes are made keeps what was saved
(nothing is written to it, exit 2); an error writing a fix is said of the script, not of a temporary file; the
fixes of one file are verified together (2,000 of them took a minute, each parsing the whole file twice); and a
report written to a device or a pipe (``-o /dev/stdout`` in a pipeline, a FIFO, ``/dev/full``) is written into,
never replaced by a file."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from scriptkit import fixing, linting
from scriptkit.cli import main
from scriptkit.diagnostics import Edit
from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack

PACK = "name: Writes\nversion: 0.1.0\nlocale: en-US\n"
SCRIPT = ("id: late\ntitle: Late parcel\nchannels: [email]\n"
          'acknowledgment: "I can see how annoying it is to wait for the parcel."\n'
          'warm_language: "Thank you for telling us."\n'
          'solution: "I have sent a new one today, and we will endeavour to assist you further."\n')
SCRIPTKIT = str(Path(sys.executable).with_name("scriptkit"))


def _pack(tmp_path: Path, script: str = SCRIPT) -> Path:
    root = tmp_path / "pack"
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text(PACK, encoding="utf-8")
    (root / "scripts" / "late.yaml").write_text(script, encoding="utf-8")
    return root


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


SAVED = SCRIPT.replace("Thank you for telling us.", "Thank you for telling us, Sam.") + "# saved by the writer\n"


@pytest.mark.timeout(60)
def test_a_script_saved_while_the_findings_are_made_is_not_overwritten(tmp_path: Path, monkeypatch: Any) -> None:
    root = _pack(tmp_path)
    script = root / "scripts" / "late.yaml"
    real = linting.lint_pack_again  # (--fix's check: it keeps what it found for the next round's)

    def saved_meanwhile(*args: Any, **kwargs: Any) -> Any:  # (the writer's editor saves the file as the check runs)
        result = real(*args, **kwargs)
        script.write_text(SAVED, encoding="utf-8")
        return result

    monkeypatch.setattr(linting, "lint_pack_again", saved_meanwhile)
    run = _run("check", str(root), "--fix")
    assert run.exit_code == 2, run.output
    assert script.read_text(encoding="utf-8") == SAVED  # (kept as saved, not the fixed text of the first read)
    assert f"{script}:1:1: error: {script} changed while the fixes were made" in run.output
    assert "nothing was written to it" in run.output
    assert "Traceback" not in run.output


def test_a_script_saved_just_before_it_is_replaced_is_kept(tmp_path: Path) -> None:
    root = _pack(tmp_path)
    script = root / "scripts" / "late.yaml"
    plans = fixing.plan(lint_pack(load_pack(root)).diagnostics)
    assert any(p.changed for p in plans)
    script.write_text(SAVED, encoding="utf-8")  # (after the fixes were worked out, before they are written)
    with pytest.raises(fixing.FixesNotWritten) as caught:
        fixing.apply(plans)
    assert script.read_text(encoding="utf-8") == SAVED
    (error,) = caught.value.errors
    assert error.location is not None and error.location.file == str(script)
    assert "nothing was written to it" in error.message and caught.value.written == 0
    assert not [p for p in script.parent.iterdir() if p.name.endswith(".tmp")]  # (no temporary file left)


def test_plan_given_the_text_read_refuses_a_file_that_holds_another_now(tmp_path: Path) -> None:
    root = _pack(tmp_path)
    loaded = load_pack(root)
    texts = {s.origin.source.path: s.origin.source.text for s in loaded.scripts if s.origin}
    diagnostics = lint_pack(loaded).diagnostics
    script = root / "scripts" / "late.yaml"
    script.write_text("# a line added at the top shifts every offset\n" + SCRIPT, encoding="utf-8")
    (plan,) = fixing.plan(diagnostics, texts)
    assert plan.late and not plan.changed and plan.applied == []


@pytest.mark.timeout(60)
@pytest.mark.skipif(shutil.which("chattr") is None, reason="needs chattr")
def test_a_fix_the_system_refuses_is_said_of_the_script(tmp_path: Path) -> None:
    root = _pack(tmp_path)
    script = root / "scripts" / "late.yaml"
    if subprocess.run(["chattr", "+i", str(script)], capture_output=True).returncode != 0:
        pytest.skip("cannot make a file immutable here")
    try:
        run = _run("check", str(root), "--fix")
    finally:
        subprocess.run(["chattr", "-i", str(script)], check=True)
    assert run.exit_code == 2, run.output
    assert f"{script}:1:1: error: cannot write the fixes: " in run.output
    assert "the file was not changed" in run.output
    assert ".tmp" not in run.output
    assert script.read_text(encoding="utf-8") == SCRIPT


@pytest.mark.timeout(60)
def test_the_fixes_of_a_file_are_verified_together(tmp_path: Path, monkeypatch: Any) -> None:
    # 300 zero-width spaces in one slot: 300 fixes, once parsed twice each
    script = SCRIPT.replace("further.", "further " + "ok\u200b" * 300 + ".")
    root = _pack(tmp_path, script)
    parses = []
    real = fixing._parse

    def counted(text: str) -> Any:
        parses.append(len(text))
        return real(text)

    monkeypatch.setattr(fixing, "_parse", counted)
    run = _run("check", str(root), "--fix")
    text = (root / "scripts" / "late.yaml").read_text(encoding="utf-8")
    # (a zero-width space between two words becomes a space, the last one before the full stop goes)
    assert "\u200b" not in text and "further " + " ".join(["ok"] * 300) + "." in text
    assert "Fixed 30" in run.output  # (the 300, and any other fix the check found)
    assert len(parses) < 60, len(parses)


def test_edits_that_need_quoting_are_made_together_in_their_spelling(tmp_path: Path) -> None:
    # (as they were made one by one: the same text, the same refusal)
    path = tmp_path / "a.yaml"
    path.write_text("a: 'one two one two'\nb: \"x y x\"\nc: plain y\n", encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    edits = [Edit(str(path), text.index("one"), text.index("one") + 3, "don't"),
             Edit(str(path), text.rindex("one"), text.rindex("one") + 3, "won't"),
             Edit(str(path), text.index("y x"), text.index("y x") + 1, 'say "hi"'),
             Edit(str(path), text.rindex("y"), text.rindex("y") + 1, "z: w")]  # (refused: ': ' in plain)
    plan = fixing.fix_file(str(path), edits)
    assert plan.after == "a: 'don''t two won''t two'\nb: \"x say \\\"hi\\\" x\"\nc: plain y\n"
    assert [e.replacement for e in plan.applied] == ["don't", "won't", 'say "hi"']
    assert [(e.replacement, reason) for e, reason in plan.refused] == [
        ("z: w", "the edited YAML would not parse")]


# ---------------------------------------------------------------- reports into devices and pipes

@pytest.mark.timeout(60)
def test_a_report_to_dev_stdout_in_a_pipeline_is_written_into_the_pipe(tmp_path: Path) -> None:
    root = _pack(tmp_path)
    run = subprocess.run([SCRIPTKIT, "check", str(root), "-o", "/dev/stdout", "--format", "json"],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 1, run.stderr  # (findings)
    assert run.stdout.lstrip().startswith("{") and '"diagnostics"' in run.stdout
    assert "error" not in run.stderr


@pytest.mark.timeout(60)
def test_a_report_to_a_fifo_is_written_into_it(tmp_path: Path) -> None:
    root = _pack(tmp_path)
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    run = _run("check", str(root), "-o", str(fifo), "--format", "json")
    reader.join(30)
    assert run.exit_code == 1, run.output
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # (still the pipe, not a file put in its place)
    assert got and b'"diagnostics"' in got[0]


@pytest.mark.timeout(60)
@pytest.mark.skipif(not os.path.exists("/dev/full") or not stat.S_ISCHR(os.stat("/dev/full").st_mode),
                    reason="needs /dev/full")
def test_a_full_device_is_a_located_error_and_stays_a_device(tmp_path: Path) -> None:
    root = _pack(tmp_path)
    run = _run("check", str(root), "-o", "/dev/full", "--format", "json")
    assert run.exit_code == 2
    assert ("/dev/full:1:1: error: cannot write the report to /dev/full: the disk is full (No space left on device)"
            in run.output)
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_write_atomic_refuses_a_folder_and_a_socket(tmp_path: Path) -> None:
    import socket

    with pytest.raises(IsADirectoryError) as folder:
        fixing.write_atomic(tmp_path, "x")
    assert folder.value.filename == str(tmp_path) and "folder" in str(folder.value.strerror)
    where = tmp_path / "s.sock"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(where))
        with pytest.raises(OSError) as caught:
            fixing.write_atomic(where, "x")
    assert caught.value.filename == str(where) and "socket" in str(caught.value.strerror)
    run = _run("check", str(_pack(tmp_path)), "-o", str(where))
    assert run.exit_code == 2 and f"{where}:1:1: error: cannot write the report to {where}: it is a socket" \
        in run.output


def test_write_atomic_still_writes_through_a_link_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "target.txt"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target.name)
    fixing.write_atomic(link, "new")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "new"
