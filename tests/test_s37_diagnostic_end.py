"""Session 37: where a finding ends, as numbers: Diagnostic.end (line, col, offset in the text given), and
offsets in the JSON."""

from __future__ import annotations

import json

import scriptkit


def test_a_finding_in_pasted_html_ends_where_the_caller_wrote_it() -> None:
    given = "<p>Hello&nbsp;there. Kindly&nbsp;allow 5 days.</p>"
    result = scriptkit.lint_text(given)
    assert result.diagnostics
    for d in result.diagnostics:
        if d.end is None:
            continue
        assert d.end_line == d.end.line and d.end_col == d.end.col
        assert 0 <= d.location.offset < d.end.offset <= len(given)
        assert d.end_col == int(d.extra["end_col"])  # (extra's readers keep working)
    # (the text judged reads "&nbsp;" as one space: its length is not where the finding ends in what was given)
    kindly = next(d for d in result.diagnostics if d.text == "Kindly allow 5 days.")
    assert kindly.end is not None
    assert given[kindly.location.offset:kindly.end.offset] == "Kindly&nbsp;allow 5 days."


def test_the_json_gives_each_finding_its_offsets() -> None:
    given = "Thanks for waiting.\nKindly allow 5 days. I refunded it today."
    result = scriptkit.lint_text(given)
    rows = json.loads(json.dumps(result.to_dict()))["diagnostics"]
    kindly = next(row for row in rows if row["text"].startswith("Kindly"))
    assert given[kindly["offset"]:kindly["end_offset"]] == kindly["text"]
    assert {"line", "col", "end_line", "end_col"} <= kindly.keys()
