"""Review's slots: JSON reports each sentence as the text report shows it, and lines that offer no step (an open
offer of more help, a flat refusal, a policy or a notice) are not read as the solution."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from scriptkit.cli import main

#: every value ``sentences[].slot`` may take (docs/reference/cli.md)
DOCUMENTED_SLOTS = {"acknowledgment", "warm_language", "solution", "asks", "other", "greeting", "signoff", None}


def _review(tmp_path: Path, text: str, fmt: str) -> str:
    reply = tmp_path / "reply.txt"
    reply.write_text(text, encoding="utf-8")
    run = CliRunner().invoke(main, ["review", str(reply), "--grammar", "off", "--format", fmt],
                             catch_exceptions=False)
    assert run.exit_code in (0, 1), run.output
    return run.output


QUESTION = "Hi Ana,\n\nI'm sorry the sync stopped. Does the app show an error code?\n\nBest,\nLee\n"


def test_json_shows_a_question_for_the_customer_as_asking_as_the_text_report_does(tmp_path: Path) -> None:
    data = json.loads(_review(tmp_path, QUESTION, "json"))
    by_text = {s["text"]: s["slot"] for s in data["sentences"]}
    assert by_text["Does the app show an error code?"] == "asks", by_text
    text = _review(tmp_path, QUESTION, "text")
    assert any("asks" in line and "error code?" in line for line in text.splitlines()), text


def test_json_slots_are_the_documented_ones(tmp_path: Path) -> None:
    data = json.loads(_review(tmp_path, QUESTION, "json"))
    assert {s["slot"] for s in data["sentences"]} <= DOCUMENTED_SLOTS
    docs = (Path(__file__).parent.parent / "docs" / "reference" / "cli.md").read_text(encoding="utf-8")
    table = docs[docs.index("### sentences[] (review)"):]
    row = next(line for line in table.splitlines() if line.startswith("| `slot` |"))
    for slot in DOCUMENTED_SLOTS - {None}:
        assert f"`{slot}`" in row, slot
