"""Grammar (SK9xx) never sends a Zendesk internal note (``export: zendesk: public: false``) to
LanguageTool: check drops a reply rule's findings in a note, so asking the server was wasted work.
Run against the real local server, as tests/test_grammar.py does."""

from __future__ import annotations

import pytest

from scriptkit.engines.languagetool import checker
from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack
from tests.test_grammar import grammar_cache, lt_url  # noqa: F401  (the session's one server)

PACK = 'name: Notes\nchannels: {email: {greeting: "", signoff: ""}}\n'
# a misspelling LanguageTool flags ("recieved") in each script
NOTE = """id: refund-note
title: Refund note
channels: [email]
acknowledgment: "Customer recieved the wrong size twice."
solution: "Check the warehouse log before you refund."
export:
  zendesk: {public: PUBLIC}
"""
REPLY = """id: wrong-size
title: Wrong size
channels: [email]
acknowledgment: "I'm sorry you recieved the wrong size again."
solution: "I've sent the right one today; it arrives on Friday."
"""


def _lint(make_pack, url: str, public: str) -> tuple[int, set[str]]:  # type: ignore[no-untyped-def]
    """The documents the checker was asked about, and the scripts given a spelling finding."""
    root = make_pack({"note.yaml": NOTE.replace("PUBLIC", public), "reply.yaml": REPLY}, PACK)
    before = checker(url).stats.documents
    result = lint_pack(load_pack(root), grammar=url, channels=["email"], jobs=1)
    return checker(url).stats.documents - before, {d.script_id for d in result.diagnostics if d.code == "SK901"}


@pytest.mark.usefixtures("grammar_cache")
def test_an_internal_note_is_not_sent_to_languagetool(make_pack, lt_url: str) -> None:  # noqa: F811
    as_note, note_spelled = _lint(make_pack, lt_url, "false")
    as_reply, reply_spelled = _lint(make_pack, lt_url, "true")
    assert reply_spelled == {"wrong-size", "refund-note"}  # public, the same script is checked like any reply
    assert note_spelled == {"wrong-size"}
    # each SK9xx rule asks the checker about the documents it is given: two scripts' worth against one
    assert as_note > 0 and as_reply == 2 * as_note


@pytest.mark.usefixtures("grammar_cache")
def test_an_internal_note_is_not_sent_on_the_workers_path_either(make_pack, lt_url: str,  # noqa: F811
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from scriptkit import parallel

    monkeypatch.setattr(parallel, "MIN_SCRIPTS", 4)  # (jobs=2 on six scripts: the worker path, for real)
    replies = {f"reply{i}.yaml": REPLY.replace("wrong-size", f"wrong-size-{i}") for i in range(5)}
    root = make_pack({"note.yaml": NOTE.replace("PUBLIC", "false"), **replies}, PACK)
    before = checker(lt_url).stats.documents
    result = lint_pack(load_pack(root), grammar=lt_url, channels=["email"], jobs=2)
    spelled = {d.script_id for d in result.diagnostics if d.code == "SK901"}
    assert "refund-note" not in spelled and len(spelled) == 5
    # each of the three SK9xx rules asks about the five replies; the note made it six each (18) before
    assert checker(lt_url).stats.documents - before == 3 * 5
