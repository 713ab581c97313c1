"""SK001 says what the customer sees where a placeholder on a line of its own is empty (the line before it,
then nothing), not "the reply reads ''"; and for "Dear {{ customer.first_name }}," it suggests a greeting that
reads without the name ("Hi {{ customer.first_name | fallback('there') }},"), not "Dear," or "Dear there,"."""

from __future__ import annotations

from pathlib import Path

from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack

PLACEHOLDERS = ("placeholders:\n  ticket.survey_link:\n    description: The survey link\n"
                "    sample: https://example.com/s/7\n")


def _sk001(tmp_path: Path, greeting: str, acknowledgment: str, solution: str) -> list[tuple[str, str]]:
    (tmp_path / "scripts").mkdir()
    (tmp_path / "pack.yaml").write_text(
        f"name: Garden centre\nlocale: en-GB\n{PLACEHOLDERS}channels:\n  email:\n"
        f"    greeting: \"{greeting}\"\n    signoff: \"Best wishes,\"\n", encoding="utf-8")
    (tmp_path / "scripts" / "survey.yaml").write_text(
        "id: survey\ntitle: Survey\n"
        f"acknowledgment: \"{acknowledgment}\"\n"
        "warm_language: \"Thanks for shopping with us again.\"\n"
        f"solution: |\n  {solution}\n", encoding="utf-8")
    return [(d.message, d.suggestion or "") for d in lint_pack(load_pack(tmp_path), grammar="off", jobs=1).diagnostics
            if d.code == "SK001"]


def test_a_placeholder_on_a_line_of_its_own_says_what_the_reply_shows(tmp_path: Path) -> None:
    (found,) = _sk001(tmp_path, "Hi there,", "I know how annoying a dead hedge is.",
                      "Could you tell us how the visit went?\n  {{ ticket.survey_link }}")
    message, suggestion = found
    assert "reads ''" not in message, message
    assert "on a line of its own" in message, message
    assert "the reply shows 'Could you tell us how the visit went?' and then an empty line" in message, message
    assert "{{ ticket.survey_link | fallback('...') }}" in suggestion, suggestion
    assert "Start the sentence" not in suggestion, suggestion


def test_dear_and_a_name_gets_a_greeting_that_reads_without_it(tmp_path: Path) -> None:
    (found,) = _sk001(tmp_path, "Dear {{ customer.first_name }},", "I know how annoying a dead hedge is.",
                      "We'll replace it this week.")
    message, suggestion = found
    assert "reads 'Dear ,'" in message, message
    assert "Hi {{ customer.first_name | fallback('there') }}," in suggestion, suggestion
    assert "Add one:" not in suggestion, suggestion  # ("Dear there,")


def test_dear_and_a_name_in_a_slot_is_not_reworded_to_dear_alone(tmp_path: Path) -> None:
    (found,) = _sk001(tmp_path, "Hello!", "Dear {{ customer.first_name }}, I know how annoying a dead hedge is.",
                      "We'll replace it this week.")
    _, suggestion = found
    assert "'Dear," not in suggestion, suggestion
    assert "Hi {{ customer.first_name | fallback('there') }}," in suggestion, suggestion


def test_hi_and_a_name_still_gets_there(tmp_path: Path) -> None:
    (found,) = _sk001(tmp_path, "Hi {{ customer.first_name }},", "I know how annoying a dead hedge is.",
                      "We'll replace it this week.")
    assert found[1] == "Add one: {{ customer.first_name | fallback('there') }}.", found
