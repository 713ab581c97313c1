"""SK407 reads a fill-in in single braces as the importer does: '{app/website}', '{menu or button}', '{clear
explanation}' and '{clear, short explanation in everyday language}' were sent as written with no finding, while
'{option}' beside them was flagged. Braces of code, JSON or template logic are still text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.importers.dialects import BlankPiece, TextPiece, parse_body


def sk407(tmp_path: Path, body: str) -> list[str]:
    """The text of each SK407 finding of ``scriptkit review`` on a reply file holding ``body``."""
    reply = tmp_path / "reply.txt"
    reply.write_text(f"Hi Sam,\n\n{body}\n\nPriya\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["review", str(reply), "--grammar", "off", "--format", "json"],
                             env={"NO_COLOR": "1"})
    assert run.exit_code in (0, 1), run.output
    return [d["text"] for d in json.loads(run.stdout)["diagnostics"] if d["code"] == "SK407"]


@pytest.mark.timeout(60)
def test_words_in_single_braces_are_fill_ins(tmp_path: Path) -> None:
    body = ("I know this is confusing. {feature/process} means: {clear, short explanation in everyday language}. "
            "I will check back tomorrow.")
    assert sk407(tmp_path, body) == ["{feature/process}", "{clear, short explanation in everyday language}"]


@pytest.mark.timeout(60)
def test_every_brace_of_a_list_of_steps_is_flagged_not_only_the_one_word(tmp_path: Path) -> None:
    body = ("Here are the steps:\n\n1. Open **{app/website}**\n2. Tap **{menu or button}**\n3. Choose **{option}**\n"
            "4. Open {app/website} again\n\nI'll check back with you tomorrow. Thanks for your patience.")
    assert sk407(tmp_path, body) == ["{app/website}", "{menu or button}", "{option}", "{app/website}"]


@pytest.mark.timeout(60)
def test_a_fill_in_of_words_is_flagged_as_the_one_word_beside_it(tmp_path: Path) -> None:
    body = ("I understand your concern regarding **{issue}**. After reviewing your account, here's what I found: "
            "**{clear explanation}**. I've refunded the fee today. I'll call you on {customer's phone number}.")
    assert sk407(tmp_path, body) == ["{issue}", "{clear explanation}", "{customer's phone number}"]


@pytest.mark.timeout(60)
@pytest.mark.parametrize("text", [
    'Send it as {"plan": "pro", "seats": 2} in the body.',
    "Set it to {a: 1, b: 2} in the settings file.",
    "The snippet is function() { return total; } and nothing else.",
    "Write {% if vip %}Hello{% endif %} in the editor.",
    "Use {0} and {1} in the format string.",
    "Name the files {draft,final}.txt for the upload.",
    "It runs {quickly; safely} on every device.",
])
def test_braces_of_code_json_and_template_logic_are_text(tmp_path: Path, text: str) -> None:
    assert sk407(tmp_path, f"I've refunded the fee today. {text}") == []


@pytest.mark.parametrize(("text", "original"), [
    ("Open {app/website} now", "{app/website}"),
    ("Tap {menu or button} now", "{menu or button}"),
    ("It means {clear, short explanation in everyday language} now", "{clear, short explanation in everyday language}"),
    ("Call {customer's phone number} now", "{customer's phone number}"),
    ("It covers {Point 1 – what the charge is for} now", "{Point 1 – what the charge is for}"),
])
def test_the_importer_keeps_the_same_fill_ins_as_blanks(text: str, original: str) -> None:
    pieces = parse_body(text, "generic", "source")
    assert [p.original for p in pieces if isinstance(p, BlankPiece)] == [original]
    assert "".join(p.text if isinstance(p, TextPiece) else p.original for p in pieces) == text


@pytest.mark.parametrize("text", ['Send {"plan": "pro"} here.', "Use {a: 1, b: 2} here.", "Files {draft,final}.txt.",
                                  "function() { return total; }"])
def test_the_importer_leaves_code_braces_as_text(text: str) -> None:
    assert parse_body(text, "generic", "source") == [TextPiece(text)]
