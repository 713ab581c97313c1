"""A LanguageTool URL whose server answers without end is cut off: a whole answer within the time
limit (a byte at a time kept a check waiting for ever), a size limit (gigabytes filled the memory),
and no more matches than characters (300,000 matches of a short reply were all kept)."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator

import pytest

from tests.test_s30_grammar_answers import _check, stand_in  # noqa: F401  (stand-in servers)


@pytest.fixture
def dripping_server(stand_in) -> Iterator[str]:  # noqa: F811
    """A server whose languages and health answer at once, but whose check answer comes a byte at a time
    (``stand_in``: for its settings, no grammar cache, and the checker's shutdown after)."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            listener.settimeout(0.2)
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            with conn:
                request = conn.recv(65536).decode("latin-1")
                path = request.split(" ", 2)[1].split("?")[0] if " " in request else ""
                if path != "/v2/check":  # (as the healthy stand-in answers)
                    body = json.dumps([{"name": "English (US)", "code": "en", "longCode": "en-US"}]) \
                        if path == "/v2/languages" else "OK"
                    # (each connection answers once: said, so the client opens a new one, not a closed one)
                    conn.sendall(f"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: {len(body)}\r\n\r\n"
                                 f"{body}".encode())
                    continue
                conn.sendall(b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: application/json\r\n"
                             b"Content-Length: 100000\r\n\r\n")
                try:
                    for _ in range(200):
                        if stop.is_set():
                            break
                        conn.sendall(b" ")
                        time.sleep(0.1)
                except OSError:
                    pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    thread.join()
    listener.close()


def test_an_answer_a_byte_at_a_time_is_cut_off_at_the_time_limit(make_pack, dripping_server: str,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCRIPTKIT_LT_TIMEOUT", "1")
    result = _check(make_pack, dripping_server)
    assert result.exit_code == 2, result.output
    assert f"LanguageTool at {dripping_server} did not finish its answer within 1s" in result.output


def test_an_answer_over_the_size_limit_is_cut_off(make_pack, stand_in,  # noqa: F811
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from scriptkit.engines import languagetool

    monkeypatch.setattr(languagetool, "MAX_ANSWER_BYTES", 1 << 20)
    server = stand_in({"/v2/check": [(200, {}, '{"matches": [], "padding": "' + "x" * (2 << 20) + '"}')]})
    result = _check(make_pack, server.url)
    assert result.exit_code == 2, result.output
    assert f"LanguageTool at {server.url} sent an answer over 1 MB" in result.output


def test_more_matches_than_characters_is_no_check_result(make_pack, stand_in) -> None:  # noqa: F811
    match = {"offset": 0, "length": 1, "message": "x", "rule": {"id": "X", "category": {"id": "C"}}}
    server = stand_in({"/v2/check": [(200, {}, json.dumps({"matches": [match] * 20_000}))]})
    result = _check(make_pack, server.url)
    assert result.exit_code == 2, result.output
    assert "is not a LanguageTool check result (20,000 matches in" in result.output
