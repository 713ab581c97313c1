"""A link whose text is its own address ('<a href="https://x.example/help">https://x.example/help</a>',
'[https://x.example](https://x.example)') is imported as the bare address, as a pack writes an address: the
round trip keeps the words the customer reads (the HTML exports write the address as text, which mail programs
and helpdesks show as a link; the plain ones write it once, as they write a link whose text is its address).
But a link whose text holds its address only as the start of a longer one ('https://x.example/status-page'
linking to https://x.example/status) kept only its text, which leads elsewhere, and a Markdown link whose text
is another address lost its own ('[https://other.example](0)'): both keep their address now."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.importers import import_library

HTML = ('<p>I\'m sorry the reset failed. Reset it here: <a href="https://x.example/help">https://x.example/help</a>, '
        'or write to <a href="mailto:help@x.example">help@x.example</a>. Our '
        '<a href="https://x.example/status">https://x.example/status-page</a> says more. '
        'See <a href="https://x.example/faq">the FAQ at https://x.example/faq</a> too.</p>')
#: the reply as the pack writes it: an address as its text, bare; the link to another page than its text names kept
TEXT = ("I'm sorry the reset failed. Reset it here: https://x.example/help, or write to help@x.example. Our "
        "[https://x.example/status-page](https://x.example/status) says more. See the FAQ at https://x.example/faq "
        "too.")
#: what a plain-text export writes: each address once, and a link that leads elsewhere than its text with both
PLAIN = ("I'm sorry the reset failed. Reset it here: https://x.example/help, or write to help@x.example. Our "
         "https://x.example/status-page (https://x.example/status) says more. See the FAQ at https://x.example/faq "
         "too.")


def _zendesk(path: Path, html: str) -> Path:
    path.write_text(json.dumps({"macros": [{"id": 1, "title": "Reset", "actions": [
        {"field": "comment_value_html", "value": html}]}]}), encoding="utf-8")
    return path


def _run(*args: str) -> str:
    done = CliRunner().invoke(main, list(args))
    assert done.exit_code == 0, done.output
    return done.output


@pytest.mark.timeout(120)
def test_the_round_trip_keeps_the_words_and_where_each_link_leads(tmp_path: Path) -> None:
    export = _zendesk(tmp_path / "macros.json", HTML)
    (macro,) = import_library(export).macros
    assert macro.text == TEXT
    _run("import", str(export), "-o", str(tmp_path / "pack"))
    _run("export", str(tmp_path / "pack"), "--to", "zendesk", "--to", "salesforce", "-o", str(tmp_path / "out"),
         "--force")
    (action,) = [a for a in json.loads((tmp_path / "out" / "zendesk" / "macros.json").read_text(encoding="utf-8"))
                 ["macros"][0]["actions"] if a["field"] == "comment_value_html"]
    sent = action["value"]
    assert "Reset it here: https://x.example/help, or write to help@x.example. Our " in sent
    assert '<a href="https://x.example/status">https://x.example/status-page</a>' in sent
    # the plain export writes a link whose text is its address as the address, once
    salesforce = (tmp_path / "out" / "salesforce").rglob("*.json")
    assert any(PLAIN in path.read_text(encoding="utf-8") for path in salesforce)
    # and the export read back is the same reply again
    (again,) = import_library(_zendesk(tmp_path / "again.json", sent)).macros
    assert again.text == TEXT


def test_a_markdown_link_reads_as_the_html_import_reads_one(tmp_path: Path) -> None:
    path = tmp_path / "replies.md"
    path.write_text("## Reset\n\nReset it at [https://x.example/help](https://x.example/help), write to "
                    "[help@x.example](mailto:help@x.example), see [https://x.example/status-page]"
                    "(https://x.example/status), [https://x.example/](https://x.example) or "
                    "[the FAQ at https://x.example/faq](https://x.example/faq).\n\n"
                    "> Agents: [https://x.example/admin-area](https://x.example/admin)\n", encoding="utf-8")
    (macro,) = import_library(path).macros
    assert macro.text == ("Reset it at https://x.example/help, write to help@x.example, see "
                          "[https://x.example/status-page](https://x.example/status), https://x.example/ or the FAQ "
                          "at https://x.example/faq.")
    # (guidance for the agent is plain: a link 'text (address)')
    assert macro.raw.guidance == "Agents: https://x.example/admin-area (https://x.example/admin)"


@pytest.mark.parametrize("label", ["https://other.example", "https://x.example/help-center", "www.x.example/help"])
def test_a_markdown_link_whose_text_is_another_address_keeps_its_own(tmp_path: Path, label: str) -> None:
    """'[https://other.example](https://x.example)' lost its address: the address in its text was read on into
    '](...)' as one address, and the link came out as '[https://other.example](0)'."""
    path = tmp_path / "replies.md"
    path.write_text(f"## Reset\n\nSee [{label}](https://x.example/help) now.\n", encoding="utf-8")
    (macro,) = import_library(path).macros
    assert macro.text == f"See [{label}](https://x.example/help) now."
    generic = tmp_path / "replies.json"
    generic.write_text(json.dumps([{"title": "Reset", "body": f"See [{label}](https://x.example/help) now."}]),
                       encoding="utf-8")
    (macro,) = import_library(generic, bodies="markdown").macros
    assert macro.text == f"See [{label}](https://x.example/help) now."
