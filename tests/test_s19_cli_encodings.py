"""Every command on a standard stream that cannot encode every character (a Windows pipe in cp1252,
PYTHONIOENCODING=ascii): no UnicodeEncodeError, what cannot be encoded escaped, JSON and SARIF still
valid JSON, JUnit still valid XML, files written with --output still UTF-8, and UTF-8 untouched."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

SCRIPTKIT = Path(sys.executable).parent / "scriptkit"

# a script whose own text holds what cp1252 cannot encode (an emoji, an arrow, a tick) next to what it
# can (curly quotes, a dash), with a finding past them on the same long line
SCRIPT = ("id: late-parcel\ntitle: Late parcel\nscenario: The parcel is a week late.\nchannels: [email]\n"
          "acknowledgment: \"I can see how worrying it is when a parcel you paid for doesn't show up.\"\n"
          "warm_language: \"Thanks for your patience 🙂 — I’m sorry the wait went on this long → we’ll sort it ✓. "
          "Unfortunately that is our policy.\"\n"
          "solution: \"I've sent a replacement today, and it'll reach you by Friday.\"\n")

PACK_YAML = """\
name: Encodings
rules:
  custom:
    - name: say-refund
      kind: substitution
      swap: {store credit: refund}
      description: "Say ‘refund’ → never ‘store credit’ ✓"
"""

REPLY = "Hi Dana,\nI’m so sorry 😞 your order → arrived late. I will refund you today.\nBest, Ana\n"

CSV = ('title,body\n'
       'Refund ✓ done,"Hi {{name}}, I’m sorry 😞 — we’ll refund you → today. Unfortunately that is policy."\n')


def run(args: list[str], cwd: Path, encoding: str, stdin: bytes | None = None) -> tuple[int, bytes, bytes]:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200", "PYTHONIOENCODING": encoding}
    env.pop("PYTHONUTF8", None)
    done = subprocess.run([str(SCRIPTKIT), *args], input=stdin, capture_output=True, cwd=cwd, env=env, timeout=120)
    assert b"UnicodeEncodeError" not in done.stderr and b"Traceback" not in done.stderr, done.stderr.decode("latin-1")
    return done.returncode, done.stdout, done.stderr


@pytest.fixture
def work(tmp_path: Path) -> Path:
    (tmp_path / "pack" / "scripts").mkdir(parents=True)
    (tmp_path / "pack" / "pack.yaml").write_text(PACK_YAML, encoding="utf-8")
    (tmp_path / "pack" / "scripts" / "late.yaml").write_text(SCRIPT, encoding="utf-8")
    (tmp_path / "reply.txt").write_text(REPLY, encoding="utf-8")
    (tmp_path / "macros.csv").write_text(CSV, encoding="utf-8")
    return tmp_path


# each command, with the exit code it gives on this input and something its output must hold
COMMANDS = [
    (["check", "pack"], 1, "SK305"),
    (["check", "pack", "--format", "github"], 1, "::warning"),
    (["review", "reply.txt"], 1, "SK301"),
    (["review", "-"], 1, "SK301"),
    (["render", "pack"], 0, "Thanks for your patience"),
    (["render", "pack", "--preview"], 0, "Thanks for your patience"),
    (["rules", "--pack", "pack"], 0, "say-refund"),
    (["rule", "say-refund", "--pack", "pack"], 0, "store credit"),
    (["audit", "pack"], 0, "macro"),
    (["audit", "macros.csv"], 0, "macro"),
    (["import", "macros.csv", "--out", "imported"], 0, ""),
    (["export", "pack", "--to", "zendesk", "--force", "--out", "exported"], 0, ""),
    (["init", "nouveau ✓"], 0, "Created"),
]


@pytest.mark.timeout(600)
@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
def test_every_command_prints_on_a_stream_that_cannot_encode(work: Path, encoding: str) -> None:
    for args, code, expected in COMMANDS:
        stdin = REPLY.encode("utf-8") if args[-1] == "-" else None
        rc, out, err = run(args, work, encoding, stdin)
        assert rc == code, (args, out.decode("latin-1"), err.decode("latin-1"))
        # (click writes its own messages as UTF-8 on a stream it calls 'ascii': both read as UTF-8 then)
        text = out.decode(encoding if encoding != "ascii" else "utf-8")
        assert expected in text, (args, text)
        err.decode(encoding if encoding != "ascii" else "utf-8")


@pytest.mark.timeout(300)
@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
def test_machine_formats_stay_valid(work: Path, encoding: str) -> None:
    for args in (["check", "pack"], ["review", "reply.txt"]):
        rc, out, _ = run([*args, "--format", "json"], work, encoding)
        assert rc == 1
        found = json.dumps(json.loads(out.decode(encoding)), ensure_ascii=False)
        if args[0] == "review":  # (the emoji came through whole, as JSON's escape of its two halves)
            assert "I’m so sorry 😞 your order → arrived late." in found
        rc, out, _ = run([*args, "--format", "sarif"], work, encoding)
        assert rc == 1
        assert json.loads(out.decode(encoding))["runs"]
        rc, out, _ = run([*args, "--format", "junit"], work, encoding)
        assert rc == 1
        assert ET.fromstring(out.decode(encoding).split("\n", 1)[1]).tag == "testsuites"


@pytest.mark.timeout(120)
def test_the_text_report_escapes_and_keeps_its_caret_under_the_words(work: Path) -> None:
    rc, out, _ = run(["check", "pack", "--select", "SK305"], work, "ascii")
    assert rc == 1
    lines = out.decode("ascii").splitlines()
    (at,) = [i for i, line in enumerate(lines) if "\\ud83d\\ude42" in line]  # 🙂, as JSON escapes it
    shown, caret = lines[at], lines[at + 1]
    # (its punctuation as ASCII: a screen reader read "\\u2019" aloud; other characters escaped)
    assert "\\u2192" in shown and "\\u2713" in shown and "I'm sorry" in shown and "\\u2019" not in shown
    assert shown.split()[1] == caret.split()[0] == "|"  # (the gutter's bar in ASCII)
    start = caret.index("^")
    assert shown[start:start + caret.count("^")] == "that is our policy"
    # cp1252 has the curly quote and the dash: they are written as they are
    rc, out, _ = run(["review", "reply.txt"], work, "cp1252")
    text = out.decode("cp1252")
    assert "I’m so sorry \\ud83d\\ude1e your order \\u2192 arrived late." in text
    assert "  + " in text  # (the tick of a sentence that does well)
    # UTF-8 as before, and a report written with --output is UTF-8 whatever the streams are
    rc, out, _ = run(["review", "reply.txt"], work, "utf-8")
    text = out.decode("utf-8")
    assert "I’m so sorry 😞 your order → arrived late." in text and "  ✓ " in text
    rc, out, _ = run(["check", "pack", "--output", "report.txt"], work, "ascii")
    assert rc == 1 and out == b""
    written = (work / "report.txt").read_bytes().decode("utf-8")
    assert "🙂 — I’m sorry" in written and "\\u" not in written and "     6 │ " in written
