"""Hostile command lines: a report written where the pack reads scripts, control characters in
names, a too deeply nested email, an interrupted --fix."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_cli


def _pack(tmp_path: Path) -> Path:
    root = tmp_path / "pack"
    assert run_cli("init", "--name", "Orders", str(root)).exit_code == 0
    return root


def test_a_report_is_not_written_into_the_scripts_folder(tmp_path: Path) -> None:
    # `check oo -o oo/scripts/new.yaml` wrote the report as a script: the pack no longer loaded
    root = _pack(tmp_path)
    for option, name in (("-o", "new.yaml"), ("--write-baseline", "sub/accepted.YML")):
        target = root / "scripts" / name
        result = run_cli("check", str(root), option, str(target))
        assert result.exit_code == 2, result.output
        assert f"{target}: error: {option} {target} is in the pack's scripts folder" in result.output
        assert not target.exists()
    assert run_cli("check", str(root)).exit_code == 0  # (the pack still loads)


def test_a_report_beside_the_scripts_folder_is_written(tmp_path: Path) -> None:
    root = _pack(tmp_path)
    for target in (root / "report.yaml", root / "scripts" / "report.json"):
        assert run_cli("check", str(root), "--format", "json", "-o", str(target)).exit_code == 0
        assert target.is_file()


def test_a_control_character_in_a_name_is_refused(tmp_path: Path) -> None:
    # `init --name $'a\x07b'` wrote a pack every `check` then refused; a folder name with a line
    # break split the "Next:" line printed to paste
    for args, shown in ((["--name", "a\x07b", str(tmp_path / "p")], "'a\\x07b'"),
                        ([str(tmp_path / "p\n6")], "6' holds a control character, U+000A")):
        result = run_cli("init", *args)
        assert result.exit_code == 2, result.output
        assert shown in result.output
        assert "\x07" not in result.output
    assert list(tmp_path.iterdir()) == []
    csv = tmp_path / "macros.csv"
    csv.write_text("title,body\nRefund,I've sent your refund today.\n", encoding="utf-8")
    result = run_cli("import", str(csv), "-o", str(tmp_path / "out"), "--name", "\x1b[2J")
    assert result.exit_code == 2, result.output
    assert "'\\x1b[2J' holds a control character, U+001B: a pack's name" in result.output
    assert not (tmp_path / "out").exists()


def test_a_name_of_visible_text_is_kept(tmp_path: Path) -> None:
    root = tmp_path / "p"
    assert run_cli("init", "--name", "Café: orders (EU)", str(root)).exit_code == 0
    assert "Café: orders (EU)" in (root / "pack.yaml").read_text(encoding="utf-8")
    assert run_cli("check", str(root)).exit_code == 0


def _nested_email(levels: int) -> str:
    parts = "".join(f"--b{i}\nContent-Type: multipart/mixed; boundary=b{i + 1}\n\n" for i in range(levels - 1))
    return ("From: a@example.com\nSubject: Your order\nMIME-Version: 1.0\n"
            "Content-Type: multipart/mixed; boundary=b0\n\n" + parts
            + f"--b{levels - 1}\nContent-Type: text/plain\n\n"
            + "I'm so sorry your order was late. I've sent a refund today.\n"
            + "".join(f"--b{i}--\n" for i in reversed(range(levels))))


def test_an_email_nested_too_deeply_is_refused_where_it_nests(tmp_path: Path) -> None:
    # MIME parts nested 10 deep: review judged the raw headers as the reply
    from scriptkit.errors import ConfigError
    from scriptkit.transcript import MAX_MIME_NESTING, pasted_text

    raw = _nested_email(MAX_MIME_NESTING + 2)
    try:
        pasted_text(raw, "n10.eml")
    except ConfigError as exc:
        assert exc.location is not None
        assert (exc.location.file, exc.location.line) == ("n10.eml", 4 + 3 * MAX_MIME_NESTING)
        assert f"nested more than {MAX_MIME_NESTING} deep" in exc.message
    else:
        raise AssertionError("no error")
    eml = tmp_path / "n10.eml"
    eml.write_text(raw, encoding="utf-8")
    result = run_cli("review", str(eml))
    assert result.exit_code == 2, result.output
    assert "MIME parts are nested more than" in result.output
    assert f"n10.eml:{4 + 3 * MAX_MIME_NESTING}:1:" in result.output  # (the file, not '<text>')
    assert "Content-Type" not in result.output


def test_an_email_nested_as_deep_as_read_is_judged_by_its_text(tmp_path: Path) -> None:
    from scriptkit.transcript import MAX_MIME_NESTING, pasted_text

    page = pasted_text(_nested_email(MAX_MIME_NESTING), "n8.eml")
    assert page is not None
    assert page.text.strip() == "I'm so sorry your order was late. I've sent a refund today."


_VOICE = """name: Test pack
rules:
  select: [custom]
  custom:
    - name: say-refund
      kind: substitution
      swap: {store credit: refund}
"""
_BAD = """id: {id}
title: Refund
acknowledgment: "I can see how frustrating this is."
solution: "I can offer store credit today."
"""


def test_an_interrupted_fix_says_how_many_files_it_fixed(make_pack: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # Ctrl-C during `check --fix` left some files rewritten and said only "interrupted"
    from scriptkit import fixing

    root = make_pack({f"{n}.yaml": _BAD.format(id=n) for n in ("a", "b", "c")}, pack_yaml=_VOICE)
    write, calls = fixing.write_atomic, []

    def interrupted(path: Path, text: str, **kwargs: Any) -> None:
        calls.append(path)
        if len(calls) == 3:
            raise KeyboardInterrupt
        write(path, text, **kwargs)

    monkeypatch.setattr(fixing, "write_atomic", interrupted)
    result = run_cli("check", str(root), "--fix")
    assert result.exit_code == 130, result.output
    assert f"interrupted: 2 file(s) already fixed (each whole, the others as they were); run `scriptkit check " \
           f"{root} --fix` again to finish" in result.output
    texts = [(root / "scripts" / f"{n}.yaml").read_text(encoding="utf-8") for n in ("a", "b", "c")]
    assert sum("store credit" not in t for t in texts) == 2
    monkeypatch.setattr(fixing, "write_atomic", write)
    result = run_cli("check", str(root), "--fix")
    assert result.exit_code == 0, result.output
    assert "Fixed 1 problem in 1 file(s)." in result.output
