"""SK404: a wait for an event is found at the clause that says it, in its own sentence, not from the solution's first
sentence on (across the sign-off)."""

from __future__ import annotations

import io
import json

from scriptkit.linting import lint_text
from scriptkit.reporters import text as text_reporter


def _review(text: str) -> str:
    out = io.StringIO()
    text_reporter.report(lint_text(text, grammar="off"), out)
    return out.getvalue()


def test_the_wait_for_an_event_is_found_at_the_sentence_that_says_it() -> None:
    text = ("We have forwarded the case you reported to our billing department. Our colleagues are already "
            "looking at it.\n\n"
            "We will get in touch with you as soon as we receive any further details.\n\n"
            "Thank you for your patience.")
    result = lint_text(text, grammar="off")
    found = [d for d in result.diagnostics if d.code == "SK404"]
    assert found, [d.code for d in result.diagnostics]
    d = found[0]
    assert "as soon as we receive any further details" in d.message
    assert d.location.line == 3, d.location  # (the sentence that waits, not the solution's first)
    shown = _review(text)
    under = shown.split("We will get in touch", 1)[1].split("Thank you for your patience", 1)[0]
    assert "SK404" in under, shown


def test_json_span_of_the_event_wait_stays_in_its_sentence() -> None:
    from scriptkit.reporters import json as json_reporter

    text = ("We have forwarded the case you reported to our billing department. Our colleagues are already "
            "looking at it.\n\n"
            "We will get in touch with you as soon as we receive any further details.\n\n"
            "Thank you for your patience.")
    out = io.StringIO()
    json_reporter.report(lint_text(text, grammar="off"), out)
    data = json.loads(out.getvalue())
    items = data["diagnostics"] if isinstance(data, dict) and "diagnostics" in data else data
    found = [d for d in items if d.get("code") == "SK404"]
    assert found
    assert found[0]["line"] == 3 and found[0]["end_line"] == 3, found[0]
