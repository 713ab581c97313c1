"""A LanguageTool server that hangs up, said plainly: not as a Python exception's repr
("('Connection aborted.', RemoteDisconnected(...))"). A stand-in plays the server: a real LanguageTool
does not hang up on demand.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

import scriptkit


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    from scriptkit.engines import languagetool

    monkeypatch.setenv("SCRIPTKIT_GRAMMAR_CACHE", "off")
    yield
    languagetool.shutdown(keep_server=True)


# ---------------------------------------------------------------- said plainly

def test_a_server_that_hangs_up_on_a_check_is_said_plainly(hanging_up: Callable[[str], str]) -> None:
    with pytest.raises(scriptkit.EngineUnavailable) as raised:
        scriptkit.lint_text("Hi Sam, I've sent the refund today.", grammar=hanging_up("hang up"))
    said = str(raised.value)
    assert "the server closed the connection without answering" in said, said
    assert "RemoteDisconnected" not in said and "Connection aborted" not in said, said


def test_a_server_that_stops_mid_answer_is_said_plainly(hanging_up: Callable[[str], str]) -> None:
    with pytest.raises(scriptkit.EngineUnavailable) as raised:
        scriptkit.lint_text("Hi Sam, I've sent the refund today.", grammar=hanging_up("cut short"))
    said = str(raised.value)
    assert "the server closed the connection before the end of its answer" in said, said
    assert "IncompleteRead" not in said and "ProtocolError" not in said, said


@pytest.fixture
def hanging_up() -> Iterator[Callable[[str], str]]:
    """A stand-in that passes the health check and lists English, then on a check hangs up ("hang up") or
    sends half an answer ("cut short")."""
    servers: list[ThreadingHTTPServer] = []

    def make(how: str) -> str:
        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if self.path.startswith("/v2/check"):
                    if how == "hang up":
                        self.connection.shutdown(socket.SHUT_RDWR)
                        self.close_connection = True
                        return
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", "1000")
                    self.end_headers()
                    self.wfile.write(b'{"matches": [')
                    self.wfile.flush()
                    self.connection.shutdown(socket.SHUT_RDWR)
                    self.close_connection = True
                    return
                data = b"OK" if self.path.startswith("/v2/healthcheck") else \
                    b'[{"name": "English (US)", "code": "en", "longCode": "en-US"}]'
                self.send_response(200)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = _answer

            def log_message(self, *args: object) -> None:
                pass

        servers.append(ThreadingHTTPServer(("127.0.0.1", 0), Handler))
        threading.Thread(target=servers[-1].serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{servers[-1].server_address[1]}"

    yield make
    for server in servers:
        server.shutdown()
        server.server_close()
