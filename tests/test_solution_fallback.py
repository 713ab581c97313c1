"""SK404 on a step of ours held back for when the customer's own fix fails ("If it still happens, let me know and
I'll ..."): it waits on their answer."""

import pytest

from scriptkit import lint_text


def _codes(text: str) -> set[str]:
    return {d.code for d in lint_text(text).diagnostics if d.code in ("SK403", "SK404")}


@pytest.mark.parametrize("text", [
    "I've had a look and it's probably a short outage. Could you close the app, reopen it and try again? "
    "If the problem persists after that, let me know and I'll run a deeper check.",
    "Please sign out and back in. If that doesn't work, tell me and I'll reset your session.",
])
def test_a_step_of_ours_kept_for_when_their_fix_fails_waits_on_their_answer(text: str) -> None:
    assert "SK404" not in _codes(text)


@pytest.mark.parametrize("text", [
    # (a step of ours still to come, not held back: a when is still owed)
    "Please send a photo of the label and I'll send the replacement.",
    "If you send a photo of the label, I'll send the replacement.",
    "Could you close the app and reopen it? I'll also pass this to our developers.",
])
def test_a_step_of_ours_beside_their_answer_still_owes_a_when(text: str) -> None:
    assert "SK404" in _codes(text)
