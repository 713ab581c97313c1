"""Review lists a finding under "the whole reply" when the finding is about the whole reply (no acknowledgment,
no warm line, its length), whatever the reply's number of sentences; and a finding about one sentence under that
sentence, even where review splits it in two. Before, a one-sentence reply's absence findings were hung on its one
sentence, with the slot "solution", and a finding whose sentence review split ran "past" it into the whole reply."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.config import LintConfig
from scriptkit.linting import LintResult, lint_text
from scriptkit.reporters import get_reporter, whole_reply

ONE_SENTENCE = ("Hello Priya,\n\nYour replacement charger has shipped this morning and reaches you by Thursday.\n\n"
                "Have a good one!\n\nCheers,\nMorgan\n")


def _json(result: LintResult) -> dict[str, Any]:
    out = io.StringIO()
    get_reporter("json")(result, out)
    data: dict[str, Any] = json.loads(out.getvalue())
    return data


def _review(result: LintResult) -> tuple[set[str], list[set[str]]]:
    data = _json(result)
    return set(data["whole_reply"]), [set(s["codes"]) for s in data["sentences"]]


def test_a_one_sentence_reply_lists_its_absence_findings_under_the_whole_reply(tmp_path: Path,
                                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    # (SK105's short email, asked for: it reports none by default)
    result = lint_text(ONE_SENTENCE, config=LintConfig(grammar="off", options={"email-length": {"min_words": 50}}))
    codes = {d.code for d in result.diagnostics}
    assert {"SK105", "SK207", "SK301"} <= codes, codes
    whole, by_sentence = _review(result)
    assert {"SK105", "SK207", "SK301"} <= whole, whole
    assert all(not ({"SK105", "SK207", "SK301", "SK401"} & c) for c in by_sentence), by_sentence
    data = _json(result)
    for d in data["diagnostics"]:
        if d["code"] in whole:
            assert d["slot"] is None, d  # (as a reply of several sentences reports it, not "solution")
    monkeypatch.setenv("NO_COLOR", "1")
    reply = tmp_path / "reply.txt"
    reply.write_text(ONE_SENTENCE, encoding="utf-8")
    out = CliRunner().invoke(main, ["review", str(reply), "--grammar", "off"]).output
    assert "the whole reply:" in out and out.index("the whole reply:") < out.index("SK301"), out
    body = next(line for line in out.splitlines() if "replacement charger" in line)
    assert not body.lstrip().startswith("!"), out


def test_a_one_line_chat_turn_lists_its_absence_findings_under_the_whole_reply() -> None:
    result = lint_text("Customer: the app keeps logging me out\nAgent: sure thing\n",
                       config=LintConfig(grammar="off"))
    assert {"SK301", "SK401"} <= {d.code for d in result.diagnostics}
    whole, by_sentence = _review(result)
    assert {"SK301", "SK401"} <= whole, whole
    assert all(not ({"SK301", "SK401"} & c) for c in by_sentence), by_sentence


def test_a_finding_about_one_sentence_stays_under_it_where_review_splits_that_sentence() -> None:
    # "... confusing, so let me ..." is one sentence to the rules and two to review: SK302 on it was listed
    # under the whole reply, as if the reply as a whole acknowledged late
    reply = ("Hi Lee,\n\nThanks for getting in touch. Refunds for the yearly plan take five to seven days to show "
             "on a card. I know invoices can be confusing, so let me walk you through it on a call tomorrow.\n\n"
             "Best,\nRia\n")
    result = lint_text(reply, config=LintConfig(grammar="off"))
    late = [d for d in result.diagnostics if d.code == "SK302"]
    assert late, [d.code for d in result.diagnostics]
    assert not any(id(d) in whole_reply(result) for d in late)
    whole, by_sentence = _review(result)
    assert "SK302" not in whole
    [hung] = [i for i, c in enumerate(by_sentence) if "SK302" in c]
    assert _json(result)["sentences"][hung]["text"].startswith("I know invoices")


def test_the_most_formal_sentence_of_sk202_is_listed_under_a_sentence() -> None:
    # "this sentence is the most formal" names a sentence: split in two by review, it was listed under the whole
    # reply, where no sentence is shown
    reply = ("We appreciate your correspondence regarding the aforementioned discrepancy, please provide the relevant "
             "transaction identification number for verification purposes.")
    result = lint_text(reply, channel="social", config=LintConfig(grammar="off"))
    assert len(result.sentences) == 2
    [formal] = [d for d in result.diagnostics if d.code == "SK202"]
    assert "this sentence" in formal.message
    whole, by_sentence = _review(result)
    assert "SK202" not in whole and "SK202" in by_sentence[0], (whole, by_sentence)
    assert {"SK101", "SK301"} <= whole


def test_a_chat_over_the_length_limit_is_the_whole_reply_and_a_long_turn_is_that_turn() -> None:
    step = "I've emailed you a fresh return label today, and the courier will collect the parcel within two days. "
    reply = lint_text("Hi Sam, " + step * 6, channel="chat", config=LintConfig(grammar="off"))
    [long_reply] = [d for d in reply.diagnostics if d.code == "SK104"]
    assert id(long_reply) in whole_reply(reply)
    chat = lint_text(f"Customer: hello\nAgent: {step * 6}\nCustomer: fine\nAgent: Thanks, I can see how annoying "
                     "this has been.\n", config=LintConfig(grammar="off"))
    [long_turn] = [d for d in chat.diagnostics if d.code == "SK104"]
    assert id(long_turn) not in whole_reply(chat)
    whole, by_sentence = _review(chat)
    assert "SK104" in by_sentence[0] and "SK104" not in whole
