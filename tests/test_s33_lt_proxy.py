"""`--grammar local` with HTTP(S)_PROXY set: the local server's health check went through the proxy (the
checks themselves do not), so the server that was up was never seen and the start failed after 90 s."""

from __future__ import annotations

import shutil
import socket
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from scriptkit.engines.lt_server import LocalServer, assembled, healthy
from tests.conftest import require_external


@pytest.fixture
def dead_proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Every proxy variable pointing at a port nobody listens on (and no NO_PROXY to save loopback)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{sock.getsockname()[1]}"
    for name in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.setenv(name, dead)
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    # urlopen keeps the opener its first call built, with the proxies of that moment (an earlier test's)
    urllib.request.install_opener(None)
    yield dead
    urllib.request.install_opener(None)


def test_the_local_server_starts_with_a_dead_proxy_set(dead_proxy: str, tmp_path: Path) -> None:
    if shutil.which("java") is None:
        require_external("Java 17+ is not installed: the LanguageTool server cannot run")
    home = assembled()
    if home is None:
        require_external("LanguageTool is not assembled (run `make languagetool`)")
    server = LocalServer(home.path, class_data=tmp_path / "class-data")
    try:
        server.start(timeout=60)
        assert server.running and healthy(server.url, direct=True)
        # a configured server's health check still goes the way the environment says (here: nowhere)
        assert not healthy(server.url)
    finally:
        server.stop()
