"""Gorgias, Intercom and Zendesk macros that hold their reply as HTML and as plain text: the HTML is
imported (a link keeps its address), and a note names the first place where the two say different things."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scriptkit.importers import import_library

LINK = ('<p>Hi, you can start a return on <a href="https://shop.example.com/returns">our returns page</a> '
        'within 30 days.</p>')
LINK_TEXT = "Hi, you can start a return on our returns page within 30 days."


def _write(tmp_path: Path, name: str, data: object) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _gorgias(body_html: str, body_text: str) -> dict[str, object]:
    return {"id": 1, "name": "Returns", "actions": [
        {"name": "setResponseText", "arguments": {"body_html": body_html, "body_text": body_text}}]}


def test_gorgias_keeps_the_link_address_of_its_html(tmp_path: Path) -> None:
    (macro,) = import_library(_write(tmp_path, "g.json", {"data": [_gorgias(LINK, LINK_TEXT)]}), "gorgias").macros
    assert "[our returns page](https://shop.example.com/returns)" in macro.text
    assert not macro.notes  # (the same words: only the address is more)


def test_gorgias_names_a_plain_text_that_says_something_else(tmp_path: Path) -> None:
    data = {"data": [_gorgias("<p>Your parcel arrives in 7 days.</p>", "Your parcel arrives in 3 days.")]}
    (macro,) = import_library(_write(tmp_path, "g.json", data), "gorgias").macros
    assert macro.text == "Your parcel arrives in 7 days."
    (note,) = macro.notes
    assert "7 days" in note and "3 days" in note and "body_text" in note


def test_intercom_keeps_the_link_address_of_its_body(tmp_path: Path) -> None:
    data = {"type": "list", "data": [{"type": "macro", "id": "1", "name": "Returns", "body": LINK,
                                      "body_text": LINK_TEXT}]}
    (macro,) = import_library(_write(tmp_path, "i.json", data), "intercom").macros
    assert "[our returns page](https://shop.example.com/returns)" in macro.text
    assert not macro.notes


def test_intercom_names_a_body_text_that_says_something_else(tmp_path: Path) -> None:
    data = [{"type": "macro", "id": "1", "name": "Late", "body": '<p>Hi <attribute key="user.first_name" '
             'default="there"/>, it arrives in 7 days.</p>',
             "body_text": 'Hi {{user.first_name|fallback:"there"}}, it arrives in 3 days.'}]
    (macro,) = import_library(_write(tmp_path, "i.json", data), "intercom").macros
    assert macro.text == "Hi {{customer.first_name}}, it arrives in 7 days."
    assert len(macro.notes) == 1 and "3 days" in macro.notes[0]


def test_zendesk_names_a_comment_value_that_says_something_else(tmp_path: Path) -> None:
    data = {"macros": [{"id": 5, "title": "Delivery", "actions": [
        {"field": "comment_value", "value": "Your parcel arrives in 3 days."},
        {"field": "comment_value_html", "value": "<p>Your parcel arrives in 7 days.</p>"}]}]}
    (macro,) = import_library(_write(tmp_path, "z.json", data), "zendesk").macros
    assert macro.text == "Your parcel arrives in 7 days."
    assert any("'comment_value') say different things" in n and "3 days" in n for n in macro.notes)


def test_zendesk_html_without_text_leaves_the_plain_reply(tmp_path: Path) -> None:
    data = {"macros": [{"id": 5, "title": "Delivery", "actions": [
        {"field": "comment_value", "value": "Your parcel arrives in 3 days."},
        {"field": "comment_value_html", "value": "<p></p>"}]}]}
    (macro,) = import_library(_write(tmp_path, "z.json", data), "zendesk").macros
    assert macro.text == "Your parcel arrives in 3 days."


@pytest.mark.timeout(60)
def test_two_long_bodies_of_repeated_words_are_compared_at_once() -> None:
    # (a diff of the two word lists took 42 s for 20,000 repeated words, a body under the size limit)
    from scriptkit.importers.html import rich_or_plain

    notes: list[str] = []
    _, rich = rich_or_plain("<p>" + "a " * 19_990 + "</p>", "a " * 19_989 + "b", "body", "body_text", notes)
    assert rich and "the HTML says '... a a a' where the plain text says '... a a b'" in notes[0]
