"""--bodies markdown (bodies='markdown' in import_library): a generic library's replies written in Markdown,
such as saved replies kept as a YAML or JSON list of {title, body}, are read as a Markdown library's replies
are (a link '[text](address)' a link, '**really**' the word), by the Markdown reader's own code; without it
they are read word for word. A helpdesk export, whose bodies are HTML, refuses the option."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import scriptkit
from scriptkit.cli import main
from scriptkit.importers import import_library

REPLY = ("I'm **really** sorry the reset email never came.\n"
         "You can reset it from [the help page](https://x.example/help) or [our guide](/docs/reset),\n"
         "with the code `SAVE_10`.")
#: the reply as the pack writes it once read as Markdown
READ = ("I'm really sorry the reset email never came.\n"
        "You can reset it from [the help page](https://x.example/help) or [our guide](/docs/reset),\n"
        "with the code SAVE_10.")


def _library(tmp_path: Path, fmt: str) -> Path:
    replies = [{"title": "Reset link", "body": REPLY}]
    if fmt == "yaml":
        path = tmp_path / "replies.yaml"
        body = "\n".join("    " + line for line in REPLY.split("\n"))
        path.write_text(f"- title: Reset link\n  body: |\n{body}\n", encoding="utf-8")
    elif fmt == "json":
        path = tmp_path / "replies.json"
        path.write_text(json.dumps(replies), encoding="utf-8")
    elif fmt == "jsonl":
        path = tmp_path / "replies.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in replies), encoding="utf-8")
    elif fmt == "js":
        path = tmp_path / "replies.js"
        path.write_text(f"export const replies = [{{title: 'Reset link', body: {json.dumps(REPLY)}}}];\n",
                        encoding="utf-8")
    else:
        path = tmp_path / "replies.csv"
        path.write_text('title,body\nReset link,"' + REPLY.replace('"', '""') + '"\n', encoding="utf-8")
    return path


def _text(library: scriptkit.Library) -> str:
    (macro,) = library.macros
    return macro.text


@pytest.mark.timeout(60)
@pytest.mark.parametrize("fmt", ["yaml", "json", "jsonl", "js", "csv"])
def test_a_generic_librarys_bodies_are_read_as_markdown_when_asked(tmp_path: Path, fmt: str) -> None:
    path = _library(tmp_path, fmt)
    # (word for word by default: the brackets are text the customer reads, escaped from reading as a link)
    assert "\\[the help page](https://x.example/help)" in _text(import_library(path))
    library = import_library(path, bodies="markdown")
    assert _text(library) == READ
    (macro,) = library.macros
    assert any("'/docs/reset'" in note and "relative" in note for note in macro.about)
    # the command line: the pack's script holds the link, and the Zendesk export writes it as one
    out = tmp_path / "pack"
    done = CliRunner().invoke(main, ["import", str(path), "--bodies", "markdown", "-o", str(out)])
    assert done.exit_code == 0, done.output
    script = (out / "scripts" / "reset-link.yaml").read_text(encoding="utf-8")
    assert "[the help page](https://x.example/help)" in script and "with the code SAVE_10." in script
    assert "**really**" not in script and "`SAVE_10`" not in script
    exported = CliRunner().invoke(main, ["export", str(out), "--to", "zendesk", "-o", str(tmp_path / "out"),
                                         "--force"])
    assert exported.exit_code == 0, exported.output
    html = (tmp_path / "out" / "zendesk" / "macros.json").read_text(encoding="utf-8")
    assert '<a href=\\"https://x.example/help\\">the help page</a>' in html


def test_a_body_reads_as_the_markdown_reader_reads_the_same_reply(tmp_path: Path) -> None:
    """One reading of Markdown, not two: a body with --bodies markdown is what --from markdown makes of it."""
    text = ("Sorry for the wait!\n\n* Open **Settings**\n* Press _Delete_\n\n"
            "See https://x.example/a_b, [the form](https://x.example/form?a=1&b=(2)) or `__init__`. 2024\\. Thanks")
    markdown = tmp_path / "replies.md"
    markdown.write_text(f"## Delete\n\n{text}\n", encoding="utf-8")
    generic = tmp_path / "replies.json"
    generic.write_text(json.dumps([{"title": "Delete", "body": text}]), encoding="utf-8")
    assert _text(import_library(generic, bodies="markdown")) == _text(import_library(markdown))


def test_an_html_body_is_read_as_html_either_way(tmp_path: Path) -> None:
    path = tmp_path / "replies.json"
    path.write_text(json.dumps([{"title": "Late", "body_html": "<p>Sorry, **see** <a href='https://x.example'>"
                                                               "our page</a>.</p>"}]), encoding="utf-8")
    assert _text(import_library(path, bodies="markdown")) == _text(import_library(path)) == \
        "Sorry, **see** [our page](https://x.example)."


def test_scriptkits_own_csv_rows_are_read_back_as_written(tmp_path: Path) -> None:
    """A row of scriptkit's own CSV export is in the pack's notation already: '*' in it is the writer's."""
    path = tmp_path / "pack.csv"
    path.write_text("script_id,channel,variant,category,name,text,fallbacks\n"
                    "late,email,1,,Late,\"Sorry, it is *late* and [here](https://x.example) is why.\",\n",
                    encoding="utf-8")
    assert _text(import_library(path, bodies="markdown")) == _text(import_library(path)) == \
        "Sorry, it is *late* and [here](https://x.example) is why."


def test_a_bad_value_is_refused_naming_the_choices(tmp_path: Path) -> None:
    path = _library(tmp_path, "yaml")
    done = CliRunner().invoke(main, ["import", str(path), "--bodies", "md", "-o", str(tmp_path / "out")])
    assert done.exit_code == 2 and "Traceback" not in done.output
    assert "Invalid value for '--bodies': 'md' is not one of 'plain', 'markdown'." in done.output
    assert not (tmp_path / "out").exists()
    with pytest.raises(scriptkit.ConfigError) as raised:
        import_library(path, bodies="Markdown ")
    assert raised.value.message == "import_library() has no bodies='Markdown '"
    assert raised.value.hint is not None and raised.value.hint.startswith("Did you mean 'markdown'? ")
    with pytest.raises(scriptkit.ConfigError, match="bodies"):
        import_library(path, bodies=True)  # type: ignore[arg-type]


ZENDESK = {"macros": [{"id": 1, "title": "Late", "actions": [
    {"field": "comment_value_html", "value": "<p>Sorry, see <a href='https://x.example'>our page</a>.</p>"}]}]}


def test_a_helpdesk_export_refuses_the_option_saying_its_bodies_are_html(tmp_path: Path) -> None:
    path = tmp_path / "macros.json"
    path.write_text(json.dumps(ZENDESK), encoding="utf-8")
    done = CliRunner().invoke(main, ["import", str(path), "--bodies", "markdown", "-o", str(tmp_path / "out")],
                              env={"COLUMNS": "1000"})
    said = " ".join(done.output.split())
    assert done.exit_code == 2 and "Traceback" not in said, said
    assert said.startswith(f"{path}:1:1: error: --bodies markdown is for the bodies of a CSV, JSON, JSON lines, "
                           "YAML or JavaScript file; a Zendesk export's replies are HTML"), said
    assert "Leave out --bodies, or pass --from json if the file is a generic library" in said
    assert not (tmp_path / "out").exists()
    with pytest.raises(scriptkit.ConfigError) as raised:
        import_library(path, "zendesk", bodies="plain")
    assert raised.value.message.startswith("bodies='plain' is for the bodies of a CSV")
    assert raised.value.hint is not None and "Leave out bodies, or pass fmt='json'" in raised.value.hint
    assert str(raised.value.location) == f"{path}:1:1"


def test_a_markdown_library_takes_markdown_and_refuses_plain(tmp_path: Path) -> None:
    path = tmp_path / "replies.md"
    path.write_text(f"## Reset link\n\n{REPLY}\n", encoding="utf-8")
    assert _text(import_library(path, bodies="markdown")) == READ
    with pytest.raises(scriptkit.ConfigError) as raised:
        import_library(path, bodies="plain")
    assert "a Markdown library's replies are Markdown" in raised.value.message
