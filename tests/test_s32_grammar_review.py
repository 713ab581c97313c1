"""A grammar user's review: LanguageTool failing on one reply, near-equal spelling suggestions, repetition
rules reading across joined texts, doubled words, names in greetings and sign-offs, plain server errors.

Against the session's real LanguageTool server (tests.test_grammar's ``lt_url``); a stand-in server only
plays what a real one does rarely (a reply it fails on whatever is tried).
"""

from __future__ import annotations

import json
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import scriptkit
from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack
from tests.test_grammar import grammar_cache, lt_url  # noqa: F401  (the session's one server)

_LANGUAGES = [{"name": "English (US)", "code": "en", "longCode": "en-US"}]


@pytest.fixture
def checking_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Callable[[str], tuple[int, str]]], str]]:
    """A stand-in server whose answer to a check depends on the text sent (``answer(text) -> status, body``)."""
    from scriptkit.engines import languagetool

    monkeypatch.setenv("SCRIPTKIT_GRAMMAR_CACHE", "off")
    servers: list[ThreadingHTTPServer] = []

    def make(answer: Callable[[str], tuple[int, str]]) -> str:
        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
                path = self.path.split("?")[0]
                if path == "/v2/check":
                    form = urllib.parse.parse_qs(body)
                    text = form["text"][0] if "text" in form else "".join(
                        a.get("text", a.get("markup", "")) for a in json.loads(form["data"][0])["annotation"])
                    status, reply = answer(text)
                else:
                    status, reply = 200, "OK" if path == "/v2/healthcheck" else json.dumps(_LANGUAGES)
                data = reply.encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
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
    languagetool.shutdown(keep_server=True)
    for server in servers:
        server.shutdown()
        server.server_close()

_BLANK_FIRST = ("id: on-its-way\ntitle: On its way\n"
                "acknowledgment: I know this is annoying, and I'm sorry.\n"
                "solution: \"{{ blank.item_name }} is on its way, and I've sent the tracking link.\"\n"
                "flexibility:\n  blanks:\n"
                "    - {name: item_name, prompt: The item, example: the watering can}\n")
_TYPO = ("id: typo\ntitle: Typo\nacknowledgment: I'm sorry the parcel was late.\n"
         "solution: I recieved your note and I've sent a replacement today.\n")


def _sk9(make_pack, url: str, scripts: dict[str, str], pack_yaml: str = "name: Test pack\n"):  # type: ignore[no-untyped-def]
    result = lint_pack(load_pack(make_pack(scripts, pack_yaml)), grammar=url, channels=["email"])
    return [d for d in result.diagnostics if d.code.startswith("SK9")]


# ---------------------------------------------------------------- 1. a server error on one reply

def test_a_blank_starting_a_slot_with_a_lower_case_example_does_not_stop_the_run(make_pack, lt_url,  # noqa: F811
                                                                                  grammar_cache) -> None:  # noqa: F811
    # LanguageTool answered HTTP 500 "fromPos (70) must be less than toPos (70) for match:
    # UPPERCASE_SENTENCE_START" for the batch, and the whole run stopped with exit 2
    found = _sk9(make_pack, lt_url, {"a.yaml": _BLANK_FIRST, "b.yaml": _TYPO})
    assert [(d.code, d.text, Path(d.location.file).name, d.location.line) for d in found] == [
        ("SK901", "recieved", "b.yaml", 4)], found


def test_a_reply_the_server_always_fails_on_is_a_located_note_and_the_others_are_checked(make_pack,
                                                                                        checking_server) -> None:
    match = {"offset": 0, "length": 2, "message": "Odd start.", "replacements": [],
             "rule": {"id": "ODD_START", "issueType": "grammar", "category": {"id": "GRAMMAR"}}}

    def answer(text: str) -> tuple[int, str]:
        if "Tripwire" in text:
            return 500, "Error: Internal Error: java.lang.RuntimeException: fromPos (9) must be less than toPos (9)"
        return 200, json.dumps({"matches": [match]})

    url = checking_server(answer)
    tripping = _TYPO.replace("id: typo", "id: trip").replace("I'm sorry the", "Tripwire, I'm sorry the")
    found = _sk9(make_pack, url, {"a.yaml": _TYPO, "b.yaml": tripping})
    assert [d.script_id for d in found if "Odd start." in d.message] == ["typo"], found
    (note,) = [d for d in found if d.script_id == "trip"]
    assert note.code == "SK902" and note.severity == "suggestion", note
    assert note.message.startswith("LanguageTool could not check this reply") and "fromPos (9)" in note.message
    assert Path(note.location.file).name == "b.yaml" and note.location.line == 3, note


# ---------------------------------------------------------------- 2. no fix when two suggestions are as close

def test_a_misspelling_with_two_suggestions_one_letter_away_is_not_fixed(make_pack, lt_url,  # noqa: F811
                                                                        grammar_cache) -> None:  # noqa: F811
    # LanguageTool suggests "real, ready, really" for "realy": --fix wrote "real", one letter away, though
    # "really" is one letter away too
    found = _sk9(make_pack, lt_url, {"a.yaml": _TYPO.replace("I recieved your note", "We realy appreciate your note")})
    (typo,) = [d for d in found if d.text == "realy"]
    assert typo.code == "SK901" and typo.fix is None, typo
    assert "real" in (typo.suggestion or "") and "really" in (typo.suggestion or ""), typo


# ---------------------------------------------------------------- 4. doubled words and "a email" are typos

def test_a_doubled_word_and_a_for_an_are_warnings_and_the_doubled_word_is_a_safe_fix(make_pack, lt_url,  # noqa: F811
                                                                                     grammar_cache) -> None:  # noqa: F811
    # they were SK903 suggestions, so with fail-on: warning a pack with "the the" passed
    found = _sk9(make_pack, lt_url, {"a.yaml": _TYPO.replace(
        "I recieved your note and I've sent a replacement today.",
        "I've refunded the the second payment and sent a email to confirm it.")})
    by_text = {d.text: d for d in found}
    assert by_text.keys() == {"the the", "a"}, found
    for d in by_text.values():
        assert (d.code, d.severity) == ("SK902", "warning"), d
    doubled = by_text["the the"].fix
    assert doubled is not None and doubled.safe and [e.replacement for e in doubled.edits] == ["the"], doubled
    assert by_text["a"].fix is None  # "an" is LanguageTool's guess at the fix: shown, never applied


# ---------------------------------------------------------------- 3. repetition rules read across the joined texts

def test_a_repetition_in_another_script_is_not_reported(make_pack, lt_url, grammar_cache) -> None:  # noqa: F811
    # REP_THANK_YOU_FOR ("already used this expression in nearby sentences") fired on the other
    # scripts' "Thank you for" across the paragraph breaks joining short chat texts in one request
    thanks = ("your patience while we sort this out", "flagging it so quickly", "bearing with us",
              "your understanding", "letting us know", "waiting")
    scripts = {f"s{i}.yaml": (f"id: s{i}\ntitle: S{i}\nacknowledgment: I'm sorry the parcel was late.\n"
                              f"channels: [email, chat, sms]\nwarm_language: Thank you for {words}.\n"
                              "solution: I've sent a replacement today, and it will arrive on Friday.\n")
               for i, words in enumerate(thanks)}
    result = lint_pack(load_pack(make_pack(scripts)), grammar=lt_url, channels=["chat", "sms"])
    assert not [d for d in result.diagnostics if "REP_" in d.message], result.diagnostics


# ---------------------------------------------------------------- 5. names in a greeting and a sign-off

_SIGNED = "Thanks for waiting, I have refnded you today.\n\n"


def _misspelt(url: str, reply: str) -> list[str]:
    return [d.text for d in scriptkit.lint_text(reply, grammar=url).diagnostics if d.code == "SK901"]


def test_names_in_a_greeting_and_a_sign_off_are_not_misspellings(lt_url, grammar_cache) -> None:  # noqa: F811
    # "Olwen", "Tamsyn" and "Okonkwo-Breck" were SK901 spelling mistakes, in a reply review read as greeted and signed
    reply = f"Hi Olwen,\n\n{_SIGNED}Cheers,\nTamsyn Okonkwo-Breck, custmer care\n"
    assert _misspelt(lt_url, reply) == ["refnded", "custmer"]


def test_a_misspelt_closing_and_a_name_in_the_body_are_still_misspellings(lt_url, grammar_cache) -> None:  # noqa: F811
    # "Thnaks," is no closing review knows, so the lines under it are no sign-off either
    reply = f"Hi there,\n\nOlwen, {_SIGNED[0].lower()}{_SIGNED[1:]}Thnaks,\nTamsyn\n"
    assert _misspelt(lt_url, reply) == ["Olwen", "refnded", "Thnaks", "Tamsyn"]
