"""`lint_text(text, agent=...)` in Python names its own argument when the agent is not found:
its message spoke of --agent only, an option a Python caller never wrote."""

from __future__ import annotations

import pytest

import scriptkit

CHAT = "Customer: my order never came\nRosa: I can see how annoying that is. I've reshipped it today.\n"


def test_an_agent_not_in_the_transcript_names_agent_equals() -> None:
    with pytest.raises(scriptkit.ConfigError) as caught:
        scriptkit.lint_text(CHAT, agent="Rossa")
    said = str(caught.value)
    assert "no speaker 'Rossa' in the transcript: its speakers are Customer, Rosa" in said
    # (the two lines are a chat, one role label and one name: the hint names its speakers for both APIs)
    assert '--agent "Rosa"' in said and "agent=NAME in lint_text" in said and "--agent (" not in said


def test_a_transcript_with_no_agent_turns_names_agent_equals() -> None:
    with pytest.raises(scriptkit.ConfigError, match=r"\(--agent NAME in scriptkit review, agent=NAME in lint_text\)"):
        scriptkit.lint_text("Customer: hello?\nCustomer: anyone there?\n")
