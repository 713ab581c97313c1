"""What an import must not lose quietly: a Help Scout fallback written empty, a repeated key in a
JSON export, a reply wrapped whole in curly quotes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scriptkit import export, import_library, load_pack, render_pack
from scriptkit.errors import ImportFormatError
from scriptkit.importers.dialects import PlaceholderPiece, parse_body


def test_a_help_scout_empty_fallback_is_kept() -> None:
    """``,fallback=`` says "write nothing when there is no name", which differs from no fallback."""
    pieces = parse_body("Hi {%customer.firstName,fallback=%}, thanks.", "helpscout", "Help Scout")
    assert pieces[1] == PlaceholderPiece("customer.first_name", "", "{%customer.firstName,fallback=%}")
    assert parse_body("Hi {%customer.firstName%}.", "helpscout", "Help Scout")[1] == \
        PlaceholderPiece("customer.first_name", None, "{%customer.firstName%}")


def test_a_help_scout_empty_fallback_comes_back_from_a_help_scout_round_trip(tmp_path: Path) -> None:
    source = tmp_path / "helpscout.json"
    source.write_text(json.dumps({"_embedded": {"saved_replies": [
        {"id": 7, "name": "Login help", "text": "<p>Hi {%customer.firstName,fallback=%}, I have reset your password "
                                                "today; please try again in a few minutes.</p>"}]}}), encoding="utf-8")
    pack = import_library(source, "helpscout").write(tmp_path / "pack")
    export(pack, ["helpscout"], tmp_path / "out", force=True, lint=False)
    (reply,) = json.loads((tmp_path / "out" / "helpscout" / "saved_replies.json").read_text(encoding="utf-8"))[
        "saved_replies"]
    assert reply["text"].startswith("<p>Hi {%customer.firstName,fallback=%}, I have reset")


def test_a_key_written_twice_in_a_json_export_is_reported_where_it_is(tmp_path: Path) -> None:
    """json keeps the last of two "title" (or "value") keys and drops the first without a word."""
    source = tmp_path / "zendesk.json"
    source.write_text('{"macros": [\n {"id": 1, "title": "Refund", "actions": [\n'
                      '  {"field": "comment_value", "value": "I have refunded it.", "value": "Sorry."}]},\n'
                      ' {"id": 2, "title": "Late", "title": "Late (old)", "actions": []}\n]}\n', encoding="utf-8")
    with pytest.raises(ImportFormatError) as caught:
        import_library(source, "zendesk")
    error = caught.value
    assert str(error.location) == f"{source}:3:62"  # the second "value"
    assert "'value' twice" in error.message and "line 3, column 30" in error.message
    assert error.hint


def test_a_key_written_twice_in_a_json_lines_row_is_reported_with_its_row(tmp_path: Path) -> None:
    source = tmp_path / "library.jsonl"
    source.write_text('{"title": "Refund", "body": "I have refunded it today."}\n'
                      '{"title": "Late", "body": "Sorry for the wait.", "body": "Sorry."}\n', encoding="utf-8")
    library = import_library(source, "jsonl", mapping={"title": "title", "body": "body"})
    assert [m.title for m in library.macros] == ["Refund"]
    (problem,) = library.problems
    assert str(problem.location) == f"{source}:2:50" and "'body' twice" in problem.message


def test_a_json_key_inside_a_text_value_is_no_duplicate(tmp_path: Path) -> None:
    source = tmp_path / "zendesk.json"
    source.write_text(json.dumps({"macros": [{"id": 1, "title": "Quoting", "actions": [
        {"field": "comment_value", "value": 'Send us {"title": "x", "title": "y"} as you see it.'}]}]}),
        encoding="utf-8")
    assert [m.title for m in import_library(source, "zendesk").macros] == ["Quoting"]


@pytest.mark.parametrize("body", [
    "\u201cThanks for waiting; I have refunded it today.\u201d",
    "\u201cSorry: the refund is on its way\u201d - Sam",
    "\u2018Sorry #1, it is on its way.\u2019",
    "\u201cHi {{ticket.requester.first_name}},\n\nI have refunded it today.\u201d",
    "\u201c\u201d",
])
def test_a_reply_wrapped_in_curly_quotes_reads_back_as_it_was(tmp_path: Path, body: str) -> None:
    """Curly quotes are no YAML quotes: written bare, the value still holds them, and must keep them."""
    source = tmp_path / "zendesk.json"
    source.write_text(json.dumps({"macros": [{"id": 1, "title": "Quoted", "actions": [
        {"field": "comment_value", "value": body}]}]}), encoding="utf-8")
    library = import_library(source, "zendesk")
    (macro,) = library.macros
    (message,) = render_pack(load_pack(library.write(tmp_path / "pack")))
    assert message.text == macro.text == body.replace("{{ticket.requester.first_name}}", "{{customer.first_name}}")


def test_a_zendesk_macro_with_two_comments_says_which_text_was_left_out(tmp_path: Path) -> None:
    source = tmp_path / "zendesk.json"
    source.write_text(json.dumps({"macros": [{"id": 4, "title": "Late", "actions": [
        {"field": "comment_value", "value": "Sorry for the wait; your parcel left our depot today."},
        {"field": "comment_value", "value": "I have asked the courier to call you."}]}]}), encoding="utf-8")
    (macro,) = import_library(source, "zendesk").macros
    assert macro.text == "I have asked the courier to call you."
    (note,) = [n for n in macro.about if "comment_value" in n]
    assert "two 'comment_value' actions" in note and "Sorry for the wait; your parcel left our depot today." in note


def test_a_paragraph_that_acknowledges_then_gives_the_step_lands_in_the_solution(tmp_path: Path) -> None:
    # the mixed paragraph went to the acknowledgment by a hair and the solution slot held only the
    # signature: the imported script had "no solution" (SK401, an error) and every export was refused
    body = ("<p>Hello {{ticket.requester.name}},</p><p>I completely understand how annoying it is to wait. "
            "Your parcel is running late; I'll chase the courier today and write to you by Friday.</p>"
            "<p>{{dc.signature}}</p>")
    source = tmp_path / "zendesk.json"
    source.write_text(json.dumps({"macros": [{"id": 4, "title": "Shipping::Delay", "active": True,
                                              "actions": [{"field": "comment_value_html", "value": body}]}]}),
                      encoding="utf-8")
    pack = load_pack(import_library(source, "zendesk").write(tmp_path / "pack"))
    (script,) = pack.scripts
    assert "I'll chase the courier today" in str(script.solution)
    assert "chase" not in str(script.acknowledgment)
    result = export(pack, ["zendesk"], tmp_path / "out")  # no error refuses it now
    (macro,) = [json.loads(p.read_text(encoding="utf-8"))["macro"]
                for p in (tmp_path / "out" / "zendesk" / "macros").glob("*.json")]
    assert [a["value"] for a in macro["actions"] if a["field"] == "comment_value_html"] == [body]
    assert not [d for d in result.diagnostics if d.code == "SK401"]
