"""`review --agent NAME` with a name no speaker of a transcript has: the hint said "or name no agent to judge
the text as a plain reply", but with no agent a transcript is still judged as one (its Agent's turns) or
refused (speakers that are only names). The hint now names the speakers to pass instead."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import scriptkit
from scriptkit.cli import main

LABELLED = ("Customer: hi my order never arrived\nAgent: I'm so sorry, I'll send a replacement today.\n"
            "Customer: thanks\nAgent: You're welcome!\n")
NAMES = ("[10:42] Dana: my parcel never came\n[10:43] Sam: Oh no, I'm so sorry Dana. Let me check that for you.\n"
         "[10:44] Dana: order 4471\n[10:45] Sam: Thanks! I've sent a replacement today, it'll arrive by Friday.\n")


@pytest.mark.parametrize(("text", "options"), [(LABELLED, '--agent "Customer" or --agent "Agent"'),
                                                 (NAMES, '--agent "Dana" or --agent "Sam"')])
def test_an_unknown_agent_is_told_the_speakers_to_name(tmp_path: Path, text: str, options: str) -> None:
    chat = tmp_path / "chat.txt"
    chat.write_text(text, encoding="utf-8")
    run = CliRunner().invoke(main, ["review", str(chat), "--grammar", "off", "--agent", "Bob"])
    assert run.exit_code == 2, run.output
    assert "no speaker 'Bob' in the transcript" in run.output
    assert "plain reply" not in run.output, run.output  # (with no agent, the text is no plain reply)
    assert f"Name the agent as the transcript labels them ({options})." in run.output, run.output


def test_the_python_hint_names_agent_equals() -> None:
    with pytest.raises(scriptkit.ConfigError) as caught:
        scriptkit.lint_text(NAMES, agent="Bob")
    assert "agent=NAME in lint_text" in str(caught.value) and "plain reply" not in str(caught.value)


def test_a_plain_reply_given_an_agent_is_still_told_to_name_none() -> None:
    with pytest.raises(scriptkit.ConfigError) as caught:  # (there, no agent does judge the text as a plain reply)
        scriptkit.lint_text("Hi Dana, I'll reship it today.\n", agent="Sam")
    assert "name no agent to judge the text as a plain reply" in str(caught.value)


def test_a_speaker_with_no_words_is_not_offered() -> None:
    text = "[10:00] Sam:\nCustomer: where is it\nAgent: It ships today.\n"
    with pytest.raises(scriptkit.ConfigError) as caught:
        scriptkit.lint_text(text, agent="Sam")
    said = str(caught.value)
    assert "no words of 'Sam'" in said and "plain reply" not in said, said
