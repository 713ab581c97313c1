"""When the local LanguageTool server fails to start, the message names its log and the log's last meaningful
line, then the hint. Before, it quoted the raw log tail: escaped by the CLI onto one line full of literal '\\n'
and ANSI codes, with the hint glued onto the last log line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scriptkit.engines.lt_server import SETTING_HINT, LocalServer, assembled, last_meaningful_line
from scriptkit.errors import EngineUnavailable
from tests.conftest import require_external


def test_the_last_meaningful_line_skips_colours_stack_frames_and_blanks(tmp_path: Path) -> None:
    log = tmp_path / "server.log"
    log.write_text("2026-01-02 INFO Starting LanguageTool 6.8 server\n"
                   "\x1b[1;31m[ERROR]\x1b[m Could not bind port 8081: java.net.BindException: Address in use\n"
                   "\tat java.base/sun.nio.ch.Net.bind(Net.java:565)\n"
                   "\t... 4 more\n"
                   "Error: A fatal exception has occurred. Program will exit.\n"
                   "\x1b[0m\n\n", encoding="utf-8")
    assert last_meaningful_line(log) == "[ERROR] Could not bind port 8081: java.net.BindException: Address in use"
    log.write_text("\x1b[0m\n  \n", encoding="utf-8")
    assert last_meaningful_line(log) is None
    assert last_meaningful_line(tmp_path / "absent.log") is None


def test_a_server_that_cannot_start_says_its_log_and_why_on_one_line(tmp_path: Path) -> None:
    if shutil.which("java") is None:
        require_external("Java 17+ is not installed: the LanguageTool server cannot run")
    home = assembled()
    if home is None:
        require_external("LanguageTool is not assembled (run `make languagetool`)")
    server = LocalServer(home.path, heap="lots", class_data=tmp_path / "class-data")  # the JVM refuses it
    with pytest.raises(EngineUnavailable) as caught:
        server.start(timeout=60)
    said = str(caught.value)
    assert "\n" not in said and "\x1b" not in said, said
    assert str(server.log_path) in said
    last = last_meaningful_line(server.log_path)
    assert last and f'"{last}"' in said
    assert last.startswith("Invalid maximum heap size"), last  # (the JVM's reason, not its "Program will exit")
    assert said.endswith((f'". {SETTING_HINT}', f'." {SETTING_HINT}')), said  # (the hint is a sentence of its own)
