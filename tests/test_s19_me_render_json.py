"""render and audit --format json on a stream that is not UTF-8 (a Windows pipe in cp1252) is still JSON in
UTF-8 bytes: 'é' and '—' were written as cp1252's bytes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCRIPTKIT = str(Path(sys.executable).with_name("scriptkit"))


def _starter_with_title(tmp_path: Path) -> None:
    """The starter pack in tmp_path/pk, its first script titled with characters cp1252 has ('—', 'é')."""
    subprocess.run([SCRIPTKIT, "init", str(tmp_path / "pk")], check=True, capture_output=True)
    script = next((tmp_path / "pk" / "scripts").glob("*.yaml"))
    text = script.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    script.write_text(text.replace(title, 'title: "Orders::Late — café"'), encoding="utf-8")


def test_render_json_on_a_cp1252_stream_is_utf8_json(tmp_path: Path) -> None:
    _starter_with_title(tmp_path)
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    done = subprocess.run([SCRIPTKIT, "render", str(tmp_path / "pk"), "--format", "json"],
                          capture_output=True, env=env, check=True)
    assert json.loads(done.stdout.decode("utf-8"))[0]["title"] == "Orders::Late — café"
    plain = subprocess.run([SCRIPTKIT, "render", str(tmp_path / "pk"), "--format", "json"], capture_output=True,
                           env={**os.environ, "PYTHONIOENCODING": "utf-8"}, check=True)
    assert "Orders::Late — café".encode() in plain.stdout  # (UTF-8 output as before)


def test_audit_json_on_a_cp1252_stream_is_utf8_json(tmp_path: Path) -> None:
    _starter_with_title(tmp_path)
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    done = subprocess.run([SCRIPTKIT, "audit", str(tmp_path / "pk"), "--format", "json"], capture_output=True, env=env)
    assert done.returncode in (0, 1), done.stderr
    assert "Orders::Late — café" in json.dumps(json.loads(done.stdout.decode("utf-8")), ensure_ascii=False)
