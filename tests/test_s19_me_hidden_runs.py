"""SK012 on a long reply with many runs of mixed hidden characters asks once whether the reply is
right to left (it searched the whole reply again for each run). Hang guard only."""

from __future__ import annotations

import pytest

import scriptkit


@pytest.mark.timeout(60)
def test_many_mixed_runs_are_each_told_with_their_fix() -> None:
    text = "I'm sorry about the wait. " + "a\u200b\u202e" * 16000 + " I've refunded you today."
    found = [d for d in scriptkit.lint_text(text).diagnostics if d.code == "SK012"]
    assert len(found) == 16000 and all(d.fix is not None for d in found)


def test_a_right_to_left_reply_keeps_its_direction_controls_unfixed() -> None:
    text = "I've refunded you today \u202e\u200bשלום\u202c and it reaches you by Friday."
    found = [d for d in scriptkit.lint_text(text).diagnostics if d.code == "SK012"]
    assert found and all(d.fix is None for d in found)


def test_review_of_a_fill_in_does_not_load_the_importers() -> None:
    import subprocess
    import sys

    code = ("import sys, scriptkit; r = scriptkit.lint_text('I have refunded the extra [amount] today.'); "
            "assert any(d.code == 'SK407' for d in r.diagnostics), r.diagnostics; "
            "print(sorted(m for m in sys.modules if m.startswith('scriptkit.importers')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_a_finding_over_the_judged_parts_quotes_only_what_the_text_holds() -> None:
    # (a quoted line between two of the writer's: the reply judged is its two parts joined, '0\n\n0')
    text = "0\r>\x850"
    for d in scriptkit.lint_text(text).diagnostics:
        assert d.text == "" or d.text in text, d
