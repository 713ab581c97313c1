"""A sentence written in a YAML list in brackets is split at its commas: said, located, before it ships."""

from __future__ import annotations

from typing import Any

from click.testing import CliRunner

from scriptkit.cli import main

SOLUTION = "solution: I'll send a new parcel today, so it reaches you within 2 days.\n"


def check(make_pack: Any, slot_line: str) -> Any:
    root = make_pack({"a.yaml": f"id: a\ntitle: Flow\n{slot_line}\n{SOLUTION}"})
    return root, CliRunner().invoke(main, ["check", str(root), "--grammar", "off"], env={"NO_COLOR": "1"})


def test_a_sentence_split_at_its_comma_in_a_bracket_list_is_refused_at_the_split(make_pack: Any) -> None:
    line = "acknowledgment: [I understand the wait is frustrating, and I'm sorry it's taken so long.]"
    root, result = check(make_pack, line)
    assert result.exit_code == 2, result.output
    col = line.index("and I'm") + 1
    assert (f"{root / 'scripts' / 'a.yaml'}:3:{col}: error: 'acknowledgment' is a list in brackets, so YAML splits "
            "it at each comma: 'and I'm sorry it's taken so long.' is read as a phrasing of its own") in result.output
    assert "Quote the whole sentence" in result.output and "Traceback" not in result.output


def test_phrasings_in_brackets_or_a_quoted_sentence_are_read_as_written(make_pack: Any) -> None:
    for line in ('acknowledgment: [I understand the wait is frustrating., "Sorry, this took so long."]',
                 'acknowledgment: ["I understand the wait is frustrating, and I\'m sorry."]',
                 "acknowledgment:\n  - I understand the wait is frustrating,\n  - and it's on us."):
        _, result = check(make_pack, line)
        assert result.exit_code in (0, 1), (line, result.output)
