"""Timestamped chat logs whose labels have no words after them: `review` refused some with a message
naming an empty speaker list ("its speakers are." / "speakers are  and Dana"). Now such a text is
judged as the plain reply it reads as, or the message names who spoke and what to pass."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import scriptkit
from scriptkit.cli import main
from scriptkit.errors import ConfigError

STAMPED = "[10:00] parcel sorry please\n" * 8
# Two "Customer:" labels with nothing after them, then stamped lines with no label (a chat event's shape).
SILENT_LABELS = "[10:00] Customer:\n[10:01] Customer:\n" + STAMPED


def _review(path: Path, *extra: str) -> tuple[int, str]:
    run = CliRunner().invoke(main, ["review", str(path), "--grammar", "off", *extra])
    return run.exit_code, run.output


@pytest.mark.timeout(60)
def test_labels_with_no_words_and_stamped_lines_are_judged_as_a_plain_reply(tmp_path: Path) -> None:
    result = scriptkit.lint_text(SILENT_LABELS, grammar="off")
    judged = [n.text for n in result.sentences]
    assert any("parcel sorry please" in s for s in judged), judged
    assert result.turns == []
    log = tmp_path / "log.txt"
    log.write_text(SILENT_LABELS, encoding="utf-8")
    code, output = _review(log)
    assert code != 2 and "speakers are" not in output and "Traceback" not in output, output
    assert "parcel sorry please" in output


@pytest.mark.timeout(60)
@pytest.mark.parametrize("count", [8, 12, 20])
def test_stamped_lines_under_one_silent_label_are_judged(count: int) -> None:
    text = "[09:59] Customer:\n[10:00] Customer:\n" + "[10:00:05] parcel sorry please\n\n" * count
    result = scriptkit.lint_text(text, grammar="off")
    assert len([n for n in result.sentences if "parcel sorry please" in n.text]) == count


def test_the_only_speaker_with_words_beside_a_silent_name_is_asked_for_by_name(tmp_path: Path) -> None:
    text = "[10:02] Dana\n[10:00] Sam:\nSam:\n[10:00:05] Dana: I want my money back today\n[10:02] Dana\n"
    with pytest.raises(ConfigError) as caught:
        scriptkit.lint_text(text)
    message = str(caught.value)
    assert "cannot tell whether Dana is the agent: Dana is the only speaker with words (Sam wrote nothing)" in message
    assert '--agent "Dana"' in message and "are  and" not in message
    log = tmp_path / "chat.log"
    log.write_text(text, encoding="utf-8")
    code, output = _review(log)
    assert code == 2 and f"{log}:1:1: error: cannot tell whether Dana is the agent" in output, output
    assert "Traceback" not in output


def test_the_one_person_who_speaks_beside_silent_customer_labels_is_the_agent() -> None:
    text = ("[10:00] Customer:\n[10:01] Sam: I have sent a new kettle today.\n[10:02] Customer:\n"
            "[10:03] Sam: It arrives tomorrow morning.\n")
    result = scriptkit.lint_text(text, grammar="off")
    assert [t.speaker for t in result.turns] == ["Sam", "Sam"]


def test_a_named_agent_whose_labels_are_empty_is_told_so(tmp_path: Path) -> None:
    text = "[10:00] Sam:\n[10:01] Customer: where is my parcel\n[10:02] Sam:\n"
    with pytest.raises(ConfigError) as caught:
        scriptkit.lint_text(text, agent="Sam")
    message = str(caught.value)
    assert "no words of 'Sam' in the transcript: each line labelled Sam has nothing after its label" in message
    assert "its speakers are Sam" not in message
    log = tmp_path / "chat.txt"
    log.write_text(text, encoding="utf-8")
    code, output = _review(log, "--agent", "Sam")
    assert code == 2 and f"{log}:1:1: error: no words of 'Sam'" in output and "Traceback" not in output


def test_a_named_agent_in_stamped_lines_with_no_labels_names_no_sentence_as_a_speaker(tmp_path: Path) -> None:
    log = tmp_path / "log.txt"
    log.write_text(STAMPED, encoding="utf-8")
    code, output = _review(log, "--agent", "Sam")
    assert code == 2 and f"{log}:1:1: error: no speaker 'Sam' in the transcript" in output, output
    assert "speakers are parcel" not in output
    assert "no line that starts with a speaker's label" in output
