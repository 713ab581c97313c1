"""'I've reshipped it' and 'I've resent it' are steps taken (SK402, and the help SK304 looks for), while
a reply that says sorry and offers nothing keeps its SK304: an owner in one sentence and a passive
promise in another are no one's help."""

from __future__ import annotations

import pytest

from scriptkit.config import LintConfig
from scriptkit.linting import lint_text

CONFIG = LintConfig().override(grammar="off")


def _codes(reply: str) -> set[str]:
    return {d.code for d in lint_text(reply, config=CONFIG).diagnostics}


@pytest.mark.parametrize("reply", [
    "I'm so sorry the blender arrived late. I've reshipped it today.",
    "I'm sorry the code never reached you. I've re-sent it to your inbox just now.",
])
def test_a_step_taken_is_help(reply: str) -> None:
    assert not {"SK304", "SK402"} & _codes(reply)


@pytest.mark.parametrize("reply", [
    "I'm so sorry your mug came chipped. Thanks a lot for bearing with us.",
    "We have received your note. We're so sorry about this. The case will be looked at and closed as needed.",
    "We regret any trouble caused. We have received your note. The case will be reviewed under our terms.",
    "We are sorry. Many customers resent this rule, and it stays in place.",
])
def test_sorry_and_nothing_done_is_still_reported(reply: str) -> None:
    assert "SK304" in _codes(reply)
