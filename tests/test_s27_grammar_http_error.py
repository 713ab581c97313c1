"""A server that answers the health check with an HTTP error is said to, not to have given "no reply": the user
was sent looking for a server that was there, at the wrong address."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

import scriptkit


class _NotFound(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # (the standard library's name)
        self.send_error(404, "Not Found")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def not_languagetool() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _NotFound)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_an_http_error_is_said_as_one(not_languagetool: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCRIPTKIT_GRAMMAR_CACHE", "off")
    with pytest.raises(scriptkit.ScriptkitError) as raised:
        scriptkit.lint_text("Hi Sam, I've sent the refund today.", grammar=not_languagetool + "/lt")
    said = str(raised.value)
    assert f"{not_languagetool}/lt/v2/healthcheck answered HTTP 404 Not Found" in said and "no reply" not in said


def test_no_server_listening_is_said_as_a_refused_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    # it was "no reply to http://127.0.0.1:9/v2/healthcheck within 3s" and "Raise SCRIPTKIT_LT_TIMEOUT", though
    # nothing waited: nothing listens there, and the connection was refused at once
    monkeypatch.setenv("SCRIPTKIT_GRAMMAR_CACHE", "off")
    with pytest.raises(scriptkit.ScriptkitError) as raised:
        scriptkit.lint_text("Hi Sam, I've sent the refund today.", grammar="http://127.0.0.1:9")
    said = str(raised.value)
    assert "127.0.0.1:9 refused the connection: no server is listening at that address and port" in said, said
    assert "no reply" not in said and "SCRIPTKIT_LT_TIMEOUT" not in said, said
    assert "Check the URL's address and port" in (raised.value.hint or ""), raised.value.hint
