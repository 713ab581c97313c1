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
import warnings
from pathlib import Path

import pytest

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


# textstat is imported with a stand-in for pkg_resources (see scriptkit.engines.readability):
# what textstat reads through it, and what stays behind in sys.modules, in a fresh interpreter
TEXTSTAT_PROBE = '''
import json, sys, warnings
if sys.argv[1] == "real":
    warnings.simplefilter("ignore")
    import pkg_resources
from scriptkit.engines import readability

textstatistics, pyphen, langs = readability._textstat()
module = sys.modules["textstat.textstat"]
en = readability._instance("en_US")
es = textstatistics()
es.set_lang("es")
es.set_rounding(False)
de = textstatistics()
de.set_lang("de_DE")  # textstat has no easy words for German: it warns and reads the English list
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    german = de.difficult_words("Die Bestellung wurde gestern storniert und erstattet.")
SPANISH = "La conciliación de su cuenta extraordinariamente complicada."
text = "The reconciliation of your extraordinarily complicated account happened yesterday. Sorry!"
print(json.dumps({
    "pkg_resources_loaded": "pkg_resources" in sys.modules,
    "textstat_uses_real": module.pkg_resources is sys.modules.get("pkg_resources"),
    "difficult_en": en.difficult_words(text),
    "difficult_es": es.difficult_words(SPANISH),
    "difficult_es_read_as_en": en.difficult_words(SPANISH),
    "difficult_de": german,
    "fallback_warned": any("using english" in str(w.message) for w in caught),
    "ease": en.flesch_reading_ease(text),
    "scores": readability.scores(text).reading_ease,
}))
'''


def _textstat_probe(tmp_path: Path, mode: str) -> dict[str, object]:
    (tmp_path / "textstat_probe.py").write_text(TEXTSTAT_PROBE, encoding="utf-8")
    env = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    proc = subprocess.run([sys.executable, str(tmp_path / "textstat_probe.py"), mode], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    found: dict[str, object] = json.loads(proc.stdout)
    return found


def test_textstat_reads_its_word_lists_without_pkg_resources(tmp_path: Path) -> None:
    got = _textstat_probe(tmp_path, "stand-in")
    assert got["pkg_resources_loaded"] is False  # the stand-in left nothing behind
    assert got["textstat_uses_real"] is False
    assert got["fallback_warned"] is True  # a missing list raised FileNotFoundError, as textstat expects
    assert got["difficult_en"] == 4  # reconciliation, extraordinarily, complicated, happened
    # the Spanish list was read: its words are easy in Spanish, not in English
    assert got["difficult_es"] == 0 and got["difficult_es_read_as_en"] == 4
    assert got["ease"] == got["scores"]


def test_textstat_reads_the_same_through_the_stand_in_as_through_pkg_resources(tmp_path: Path) -> None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import pkg_resources  # noqa: F401
    except ImportError:
        pytest.skip("setuptools' pkg_resources is not installed")
    real = _textstat_probe(tmp_path, "real")
    assert real["textstat_uses_real"] is True  # already imported: textstat gets the real module
    stand_in = _textstat_probe(tmp_path, "stand-in")
    assert {k: v for k, v in real.items() if k not in ("pkg_resources_loaded", "textstat_uses_real")} == \
        {k: v for k, v in stand_in.items() if k not in ("pkg_resources_loaded", "textstat_uses_real")}


THREADS = '''
import threading, warnings
from scriptkit.engines import readability

before = list(warnings.filters)
start = threading.Barrier(16)

def first_score():
    start.wait()
    readability.scores("I'm sorry the parcel is late. I've sent a new one today.")

threads = [threading.Thread(target=first_score) for _ in range(16)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(warnings.filters == before)
'''


@pytest.mark.parametrize("run", range(3))
def test_first_scores_from_many_threads_at_once_leave_the_warning_filters_as_they_were(run: int) -> None:
    """Loading textstat hides a warning with catch_warnings, which swaps the process's filters: two
    threads loading at once put back each other's and could leave every warning ignored."""
    result = subprocess.run([sys.executable, "-c", THREADS], capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONWARNINGS": "default"})
    assert result.stdout.strip() == "True", result.stderr
