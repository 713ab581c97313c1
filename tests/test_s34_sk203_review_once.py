"""SK203 in review: each uncontracted form keeps its own finding and fix, and review says why once."""

from __future__ import annotations

import io

from scriptkit.linting import lint_text
from scriptkit.reporters import text as text_reporter


def _review(text: str) -> str:
    out = io.StringIO()
    text_reporter.report(lint_text(text, grammar="off"), out)
    return out.getvalue()


def test_no_contractions_says_why_once_in_review() -> None:
    text = ("I am sorry the parcel is late, that is a real pain.\n\nWe will send a new one today and you do not "
            "need to return the first.")
    result = lint_text(text, grammar="off")
    forms = [d for d in result.diagnostics if d.code == "SK203"]
    assert len(forms) >= 3  # (each form keeps its own fix)
    assert all(d.fix is not None for d in forms)
    shown = _review(text)
    assert shown.count("without a single contraction") == 1, shown
    for d in forms:  # (each form is still shown where it is, with its rewrite)
        assert f"{d.location.line}:{d.location.col}" in shown
        assert d.suggestion is not None and d.suggestion in shown
