"""JUnit, JSON and SARIF reports on a standard stream that is not UTF-8 (a Windows pipe in cp1252,
PYTHONIOENCODING=ascii): the bytes written are a valid document as read by a tool that reads bytes (XML in the
encoding it declares, JSON in UTF-8), every character kept; on a UTF-8 stream the report is as it was."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack
from scriptkit.reporters import get_reporter

SCRIPTKIT = Path(sys.executable).parent / "scriptkit"

PACK_YAML = """\
name: Encodings out
rules:
  custom:
    - name: no-regret
      kind: existence
      terms: [regrettably]
      message: "“Regrettably” reads cold — say what you’ll do"
"""
# (é and curly quotes, which cp1252 has, and an emoji, which it has not; the file's own name holds an é)
SCRIPT = """\
id: cafe-order
title: Café order late
channels: [email]
acknowledgment: "Your café order hasn’t arrived — it’s a long wait 😟."
solution: "Regrettably the courier lost it, so I’ve sent a new one today and it’ll reach you by Friday."
"""
# (no feeling named: SK105 reports the short email and quotes it whole, SAID and all)
SAID = "Your café order hasn’t arrived — it’s a long wait 😟."
RULE = "“Regrettably” reads cold — say what you’ll do"


@pytest.fixture
def work(tmp_path: Path) -> Path:
    (tmp_path / "pack" / "scripts").mkdir(parents=True)
    (tmp_path / "pack" / "pack.yaml").write_text(PACK_YAML, encoding="utf-8")
    (tmp_path / "pack" / "scripts" / "café.yaml").write_text(SCRIPT, encoding="utf-8")
    return tmp_path


def run(fmt: str, cwd: Path, encoding: str, *more: str) -> bytes:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": encoding}
    env.pop("PYTHONUTF8", None)
    done = subprocess.run([str(SCRIPTKIT), "check", "pack", "--format", fmt, *more], capture_output=True, cwd=cwd,
                          env=env, timeout=120)
    assert done.returncode == 1, done.stderr.decode("latin-1")
    assert b"Traceback" not in done.stderr, done.stderr.decode("latin-1")
    return done.stdout


@pytest.mark.timeout(300)
@pytest.mark.parametrize("encoding", ["cp1252", "ascii", "latin-1"])
def test_reports_on_a_stream_that_is_not_utf8_are_valid_documents_as_bytes(work: Path, encoding: str) -> None:
    junit = run("junit", work, encoding)
    assert junit.isascii()
    root = ET.fromstring(junit)  # (the bytes, as a CI server reads the file: by the declared encoding)
    text = "".join(root.itertext())
    assert SAID in text and RULE in text
    assert {suite.attrib["name"] for suite in root.iter("testsuite")} == {"pack/scripts/café.yaml"}
    assert any(f.attrib["message"] == RULE for f in root.iter("failure"))
    for fmt in ("json", "sarif"):
        raw = run(fmt, work, encoding)
        assert raw.isascii()
        data = json.loads(raw)  # (bytes: read as UTF-8, as JSON is exchanged)
        found = json.dumps(data, ensure_ascii=False)
        assert SAID in found and RULE in found
        assert ("café.yaml" if fmt == "json" else "caf%C3%A9.yaml") in found  # (a SARIF uri is percent-encoded)


@pytest.mark.timeout(300)
@pytest.mark.parametrize("fmt", ["junit", "json", "sarif"])
def test_a_utf8_stream_gets_the_report_as_before(work: Path, fmt: str) -> None:
    out = run(fmt, work, "utf-8")
    run(fmt, work, "ascii", "--output", "report.out")  # (a file is UTF-8, whatever the streams are)
    assert out == (work / "report.out").read_bytes()
    assert SAID.encode() in out and RULE.encode() in out and b"&#x" not in out


def test_junit_on_a_utf16_stream_declares_it(work: Path) -> None:
    result = lint_pack(load_pack(work / "pack"))
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="utf-16", newline="\n")
    get_reporter("junit")(result, stream)
    stream.flush()
    assert SAID in "".join(ET.fromstring(raw.getvalue()).itertext())
