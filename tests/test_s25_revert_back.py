"""'Please revert back to us' is a request for a reply: the warm rewrite takes 'back' with it ('Please reply to
us', not 'Please reply back to us'); 'please revert back my change' (undo it) is no request for a reply."""

from __future__ import annotations

import pytest

from scriptkit.config import LintConfig
from scriptkit.linting import lint_text

CONFIG = LintConfig().override(grammar="off", select=["SK201"])


def _fixes(text: str) -> list[tuple[str, str | None]]:
    result = lint_text(text, config=CONFIG)
    return [(d.text, "".join(e.replacement for e in d.fix.edits) if d.fix is not None and d.fix.safe else None)
            for d in result.diagnostics]


@pytest.mark.parametrize(("text", "found", "fix"), [
    ("Please revert back to us with the details.", "Please revert back", "Please reply"),
    ("Kindly revert back at the earliest.", "Kindly revert back", "Please reply"),
    ("Could you please revert back to me today?", "please revert back", "please reply"),
])
def test_revert_back_is_rewritten_whole(text: str, found: str, fix: str) -> None:
    assert (found, fix) in _fixes(text)


def test_revert_back_as_undo_is_no_request_for_a_reply() -> None:
    found = _fixes("Please revert back my last change.")
    assert all(fix is None or "reply" not in fix for _, fix in found), found
