"""A safe SK201 rewrite is read as the words it replaced were: "whenever suits you" leaves the timing to the customer
as "at your convenience" does, and "we can't" refuses as "we are unable to" does (neither owns a step)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main


def review(tmp_path: Path, body: str) -> set[str]:
    """The codes ``scriptkit review`` reports on a reply file holding ``body``."""
    reply = tmp_path / "reply.txt"
    reply.write_text(body + "\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["review", str(reply), "--grammar", "off", "--format", "json"],
                             env={"NO_COLOR": "1"})
    assert run.exit_code in (0, 1), run.output
    return {d["code"] for d in json.loads(run.stdout)["diagnostics"]}




@pytest.mark.parametrize(("before", "after"), [
    ("I'm sorry the parcel was late. Please send a photo of the label at your convenience, and I'll send a "
     "replacement.",
     "I'm sorry the parcel was late. Please send a photo of the label whenever suits you, and I'll send a "
     "replacement."),
    ("I'm sorry the parcel was late. We are unable to refund the postage.",
     "I'm sorry the parcel was late. We can't refund the postage."),
])
def test_a_safe_rewrite_draws_no_solution_finding_its_words_did_not(tmp_path: Path, before: str, after: str) -> None:
    solution = {"SK401", "SK402", "SK403", "SK404"}
    assert review(tmp_path, after) & solution <= review(tmp_path, before) & solution


def test_whenever_suits_you_leaves_the_timing_to_the_customer(tmp_path: Path) -> None:
    codes = review(tmp_path, "I can see how frustrating the wait has been. I've reset your password, so you can "
                             "sign in whenever suits you.")
    assert "SK404" not in codes


@pytest.mark.parametrize("body", [
    "We're always here if you need more help. You can reach us via live chat or email at your convenience.",
    "We're always here if you need more help. You can reach us via live chat or email whenever suits you.",
])
def test_the_customers_own_time_owes_no_time_frame(tmp_path: Path, body: str) -> None:
    assert "SK404" not in review(tmp_path, body)


@pytest.mark.parametrize("body", [
    "I'm sorry the parcel was late. We are unable to refund the postage.",
    "I'm sorry the parcel was late. We're not able to refund the postage.",
    "I'm sorry the parcel was late. We can't refund the postage.",
])
def test_a_refusal_owns_no_step(tmp_path: Path, body: str) -> None:
    # (a refusal alone is no solution, SK401, rather than a step nobody owns)
    found = review(tmp_path, body)
    assert "SK401" in found and not {"SK402", "SK403"} & found, found


@pytest.mark.timeout(300)
def test_no_safe_fix_draws_a_solution_finding() -> None:
    """Every safe SK201 rewrite, in a reply with a whole step after it (the language test's carriers), draws no SK4xx
    finding its words did not. (Without that step, a plainer rewrite is read more exactly: "Please reply with the
    order number" is asked what happens then, as it should be, where "Please revert with ..." was not.)"""
    from test_s21_empathy_safe_fixes import ACK, FIX, _sentences

    from scriptkit import lint_text

    drawn = []
    for sentence in _sentences():
        for text in (f"{ACK} {sentence} {FIX}", f"{sentence} {FIX}"):  # (a reply with its whole step)
            before = lint_text(text).diagnostics
            edits = sorted((e for d in before if d.code == "SK201" and d.fix is not None for e in d.fix.edits),
                           key=lambda e: -e.start)
            fixed = text
            for edit in edits:
                fixed = fixed[:edit.start] + edit.replacement + fixed[edit.end:]
            new = {d.code for d in lint_text(fixed).diagnostics if d.code[:3] == "SK4"} \
                - {d.code for d in before if d.code[:3] == "SK4"}
            if fixed != text and new:
                drawn.append((text, sorted(new)))
    assert drawn == []
