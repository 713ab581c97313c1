"""What a LanguageTool URL that answers badly gets: a plain message and exit 2, never "a bug in the rule".

Stand-in servers (the standard library's http.server, also used by test_s30_grammar_rate_limit and
test_s30_grammar_timeouts) play the bad answers a real server gives rarely: here, a check result of the
wrong shape (a proxy's or another service's JSON).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.conftest import run_cli

_LANGUAGES = [{"name": "English (US)", "code": "en", "longCode": "en-US"}]
_REPLY = ("id: reply\ntitle: Reply\nacknowledgment: I'm sorry the parcel was late.\n"
          "solution: I've sent a replacement today, and it will arrive on Friday.\n")
Answer = tuple[int, dict[str, str], str]  # status, headers, body


class StandIn:
    """A server on a free port answering each path with its next answer (the last one repeats)."""

    def __init__(self, answers: dict[str, list[Answer]], *, health_delay: float = 0.0) -> None:
        self.requests: dict[str, int] = {}
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                path = self.path.split("?")[0]
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                stand_in.requests[path] = stand_in.requests.get(path, 0) + 1
                if path == "/v2/healthcheck":
                    time.sleep(health_delay)
                queue = answers.get(path) or [(200, {}, "OK") if path == "/v2/healthcheck"
                                               else (200, {}, json.dumps(_LANGUAGES)) if path == "/v2/languages"
                                               else (404, {}, "not here")]
                status, headers, body = queue.pop(0) if len(queue) > 1 else queue[0]
                data = body.encode()
                self.send_response(status)
                for name, value in {"Content-Type": "application/json", **headers}.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = _answer

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def stand_in(monkeypatch: pytest.MonkeyPatch) -> Iterator[type[StandIn]]:
    from scriptkit.engines import languagetool

    monkeypatch.setenv("SCRIPTKIT_GRAMMAR_CACHE", "off")
    made: list[StandIn] = []

    def make(*args: object, **kwargs: object) -> StandIn:
        made.append(StandIn(*args, **kwargs))  # type: ignore[arg-type]
        return made[-1]

    yield make  # type: ignore[misc]
    languagetool.shutdown(keep_server=True)
    for server in made:
        server.close()


def _check(make_pack, url: str):  # type: ignore[no-untyped-def]
    return run_cli("check", str(make_pack({"a.yaml": _REPLY})), "--grammar", url)


# ---------------------------------------------------------------- a check result of the wrong shape

@pytest.mark.parametrize("body", [
    '{"matches": null}',
    '{"software": {"name": "LanguageTool"}}',
    '[]',
    '{"matches": [{"offset": "nine", "length": 3}]}',
    '{"matches": [{"offset": -4, "length": 3, "message": "x", "rule": {"id": "X"}}]}',
    '{"matches": [{"offset": 0, "length": 3, "message": "x", "rule": "X"}]}',
    '{"matches": [{"offset": 0, "length": 3, "message": "x", "rule": {"id": "X", "category": null}}]}',
    '{"matches": [{"offset": 0, "length": 3, "message": "x", "rule": {"id": "X"}, "replacements": [3]}]}',
])
def test_a_check_result_of_the_wrong_shape_is_said_to_be_one(make_pack, stand_in, body: str) -> None:
    server = stand_in({"/v2/check": [(200, {}, body)]})
    result = _check(make_pack, server.url)
    assert result.exit_code == 2, result.output
    assert f"LanguageTool at {server.url} answered something that is not a LanguageTool check result" in result.output
    assert "bug" not in result.output and "TypeError" not in result.output


def test_a_well_formed_check_result_is_read(make_pack, stand_in) -> None:
    match = {"offset": 0, "length": 3, "message": "Odd word.", "replacements": [{"value": "I am"}],
             "rule": {"id": "ODD_WORD", "issueType": "grammar", "category": {"id": "GRAMMAR"}}}
    server = stand_in({"/v2/check": [(200, {}, json.dumps({"matches": [match]}))]})
    result = _check(make_pack, server.url)
    assert result.exit_code == 1 and "SK902" in result.output and "Odd word." in result.output, result.output
