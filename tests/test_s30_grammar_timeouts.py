"""A SCRIPTKIT_LT_TIMEOUT that is set gives a URL's health check that long too (a server slow to start or busy);
unset, the health check keeps its 3 s, so a wrong address fails fast (tests/test_grammar.py)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

from tests.test_s30_grammar_answers import _REPLY, stand_in  # noqa: F401  (stand-in servers)

_NO_MATCHES = (200, {}, '{"matches": []}')


def _cli(pack: Path, url: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", "from scriptkit.cli import main; main()", "check", str(pack),
                           "--grammar", url], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "NO_COLOR": "1", "SCRIPTKIT_GRAMMAR_CACHE": "off", **env})


def test_the_health_check_waits_as_long_as_scriptkit_lt_timeout_says(make_pack) -> None:
    with socket.socket() as s:  # a port that accepts connections and never answers
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        url = f"http://127.0.0.1:{s.getsockname()[1]}"
        run = _cli(make_pack({"a.yaml": _REPLY}), url, SCRIPTKIT_LT_TIMEOUT="4")
    assert run.returncode == 2, run.stderr
    assert f"no reply to {url}/v2/healthcheck within 4s" in run.stderr
    assert "Raise SCRIPTKIT_LT_TIMEOUT" in run.stderr and "Traceback" not in run.stderr


def test_a_server_slow_to_answer_its_health_check_is_used_when_the_timeout_allows(make_pack, stand_in) -> None:  # noqa: F811
    server = stand_in({"/v2/check": [_NO_MATCHES]}, health_delay=4.0)  # longer than the 3 s connect limit
    run = _cli(make_pack({"a.yaml": _REPLY}), server.url, SCRIPTKIT_LT_TIMEOUT="30")
    assert run.returncode in (0, 1) and "no LanguageTool server" not in run.stderr, run.stderr  # (1: its findings)
    assert server.requests["/v2/check"] == 1
