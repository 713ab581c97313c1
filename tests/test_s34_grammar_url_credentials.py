"""How a LanguageTool URL is asked and shown: a URL with credentials was read by the health check as the host
"user:pass@..." ("no computer has the URL's host name") and its password printed in messages (CI logs); a query
string had "/v2/healthcheck" appended after it, into the fragment; a server's answer was quoted with its control
characters, three lines of 200 characters.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.conftest import run_cli

_REPLY = ("id: reply\ntitle: Reply\nacknowledgment: I'm sorry the parcel was late.\n"
          "solution: I've sent a replacement today, and it will arrive on Friday.\n")
_LANGUAGES = [{"name": "English (US)", "code": "en", "longCode": "en-US"}]


class Recorder:
    """A stand-in LanguageTool on a free loopback port: records each request's full path and Authorization
    header; ``languages`` and ``check`` are what /v2/languages and /v2/check answer (status, body)."""

    def __init__(self, languages: tuple[int, str] = (200, json.dumps(_LANGUAGES)),
                 check: tuple[int, str] = (200, '{"matches": []}')) -> None:
        self.seen: list[tuple[str, str | None]] = []
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                recorder.seen.append((self.path, self.headers.get("Authorization")))
                path = self.path.split("?")[0]
                status, body = ((200, "OK") if path.endswith("/v2/healthcheck") else
                                languages if path.endswith("/v2/languages") else
                                check if path.endswith("/v2/check") else (404, "not here"))
                data = body.encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = _answer

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    @property
    def paths(self) -> list[str]:
        return [path for path, _ in self.seen]


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> Iterator[type[Recorder]]:
    from scriptkit.engines import languagetool

    monkeypatch.setenv("SCRIPTKIT_GRAMMAR_CACHE", "off")
    monkeypatch.delenv("SCRIPTKIT_LT_ALLOW", raising=False)
    made: list[Recorder] = []

    def make(*args: tuple[int, str]) -> Recorder:
        made.append(Recorder(*args))
        return made[-1]

    yield make  # type: ignore[misc]
    languagetool.shutdown(keep_server=True)
    for server in made:
        server.httpd.shutdown()
        server.httpd.server_close()




def test_a_servers_text_in_a_message_is_short_and_has_no_control_characters(make_pack, recorder) -> None:
    server = recorder((200, json.dumps(_LANGUAGES)), (400, "\x1b]0;owned\x07\x1b[31m" + "A" * 5000 + "\r\nfake: line"))
    result = run_cli("check", str(make_pack({"a.yaml": _REPLY})), "--grammar", server.url)
    assert result.exit_code == 2, result.output
    said = result.output
    assert "\x1b" not in said and "\x07" not in said and "\r" not in said and "U+001B" not in said, said
    assert "refused a check (HTTP 400): AAAA" in said and "A" * 160 not in said and "fake: line" not in said, said
    assert "]0;owned" not in said and "[31m" not in said, said  # (an escape sequence goes whole, not its ESC alone)




def test_credentials_are_sent_as_basic_auth_and_never_shown(make_pack, recorder) -> None:
    server = recorder()
    url = server.url.replace("http://", "http://user:s3cretpw@") + "/x"
    result = run_cli("check", str(make_pack({"a.yaml": _REPLY})), "--grammar", url)
    assert result.exit_code == 1 and "SK406" in result.output, result.output  # (a finding; not 2)
    assert server.seen and all(auth == "Basic dXNlcjpzM2NyZXRwdw==" for _, auth in server.seen), server.seen
    assert "/x/v2/check" in server.paths and "s3cretpw" not in result.output


def test_a_message_naming_the_url_masks_its_password(make_pack, recorder) -> None:
    server = recorder((500, "boom"))
    url = server.url.replace("http://", "http://user:s3cretpw@") + "/x"
    result = run_cli("check", str(make_pack({"a.yaml": _REPLY})), "--grammar", url)
    assert result.exit_code == 2, result.output
    assert "s3cretpw" not in result.output and "user:***@127.0.0.1" in result.output, result.output


def test_a_password_in_a_refused_url_is_not_shown(make_pack, recorder) -> None:
    result = run_cli("check", str(make_pack({"a.yaml": _REPLY})), "--grammar", "http://user:s3cretpw@127.0.0.1:9")
    assert result.exit_code == 2 and "s3cretpw" not in result.output, result.output
    assert "refused the connection" in result.output, result.output


def test_a_query_string_is_kept_after_the_path(make_pack, recorder) -> None:
    server = recorder()
    result = run_cli("check", str(make_pack({"a.yaml": _REPLY})), "--grammar", f"{server.url}/x/v2?token=abc#frag")
    assert result.exit_code == 1 and "SK406" in result.output, result.output  # (a finding; not 2)
    assert "/x/v2/healthcheck?token=abc" in server.paths and "/x/v2/check?token=abc" in server.paths, server.paths
