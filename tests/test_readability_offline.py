"""Readability checks run on a machine with no network and no NLTK data.

A fresh interpreter gets a ``sitecustomize`` that makes every socket connect and DNS lookup
raise (and records the attempt), an empty HOME and NLTK_DATA, then loads a pack, renders it
and runs the readability rules. Newer textstat releases would try to download cmudict here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SITECUSTOMIZE = '''
import os, socket

_LOG = os.environ["NETWORK_ATTEMPTS_LOG"]


def _refuse(*args, **kwargs):
    with open(_LOG, "a", encoding="utf-8") as fh:
        fh.write(repr(args[:2]) + "\\n")
    raise OSError("network is unreachable (blocked by the offline test)")


socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
'''

PROBE = '''
import json, sys
from scriptkit import load_pack, render_pack
from scriptkit.engines import readability
from scriptkit.rules.base import RuleContext
from scriptkit.rules.readability import HighGradeLevel, LowReadingEase, neutral_text

pack = load_pack(sys.argv[1])
out = []
for message in render_pack(pack):
    scores = readability.scores(neutral_text(message), pack.meta.locale)
    found = []
    for rule in (LowReadingEase, HighGradeLevel):
        ctx = RuleContext(pack, dict(rule.options))
        found += [rule.code for _ in rule().check(message, ctx)]
    out.append({"script": message.script_id, "ease": scores.reading_ease, "grade": scores.grade, "found": found})
print(json.dumps(out))
'''


def test_readability_check_runs_with_the_network_unreachable(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    (tmp_path / "probe.py").write_text(PROBE, encoding="utf-8")
    pack = tmp_path / "pack"
    (pack / "scripts").mkdir(parents=True)
    (pack / "pack.yaml").write_text("name: Offline\nlocale: en-US\n", encoding="utf-8")
    (pack / "scripts" / "late.yaml").write_text(
        "id: late\ntitle: Late parcel\n"
        "acknowledgment: I can see how frustrating the wait for a parcel you needed this week has been.\n"
        "solution: I've sent a new one today, and it will reach you by Friday. I'll check in then.\n",
        encoding="utf-8")
    (pack / "scripts" / "cold.yaml").write_text(
        "id: cold\ntitle: Cold\n"
        "acknowledgment: We acknowledge receipt of your correspondence concerning the consignment.\n"
        "solution: A replacement consignment has subsequently been dispatched utilising expedited "
        "transportation arrangements.\n",
        encoding="utf-8")
    empty_home = tmp_path / "home"
    empty_home.mkdir()
    log = tmp_path / "attempts.log"
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": os.pathsep.join([str(site), str(Path(__file__).resolve().parent.parent)]),
        "HOME": str(empty_home),
        "NLTK_DATA": str(empty_home / "nltk_data"),
        "XDG_CACHE_HOME": str(empty_home / ".cache"),
        "NETWORK_ATTEMPTS_LOG": str(log),
        "NO_PROXY": "", "HTTP_PROXY": "", "HTTPS_PROXY": "",
    }
    proc = subprocess.run([sys.executable, str(tmp_path / "probe.py"), str(pack)], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    results = {r["script"]: r for r in json.loads(proc.stdout)}
    assert results["late"]["ease"] > 60 and results["late"]["grade"] < 8
    assert results["late"]["found"] == []
    assert results["cold"]["grade"] > 8 and set(results["cold"]["found"]) == {"SK101", "SK102"}
    assert not log.exists(), f"something tried to reach the network: {log.read_text()}"
    assert not (empty_home / "nltk_data").exists()


def test_the_blocker_really_blocks(tmp_path: Path) -> None:
    """The sitecustomize above is live in the child: a connect attempt fails and is logged."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    log = tmp_path / "attempts.log"
    code = ("import socket\ntry:\n    socket.create_connection(('127.0.0.1', 9))\nexcept OSError as e:\n"
            "    print('blocked', e)\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          env={"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(site),
                               "NETWORK_ATTEMPTS_LOG": str(log)})
    assert "blocked" in proc.stdout
    assert log.exists()
