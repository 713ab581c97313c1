"""Which findings `scriptkit review` lists under the whole reply is said by each rule (``Rule.whole_reply``), not by
a list of codes in the reporter: a team's own rule of a phrase every reply needs ("thank the customer") is about the
whole reply too, and was hung on the first sentence as if that sentence lacked it. A finding of such a rule about
one part only (a sentence over a team's word limit) says so (``diagnostics.PART``) and stays under its sentence."""

from __future__ import annotations

import io
import json
from pathlib import Path

from scriptkit.diagnostics import PART
from scriptkit.linting import lint_text
from scriptkit.reporters import get_reporter
from scriptkit.rules import all_rules

SETTINGS = """
[[rules.custom]]
name = "thank-the-customer"
kind = "occurrence"
terms = ["thank you", "thanks"]
min = 1

[[rules.custom]]
name = "short-sentences"
kind = "metric"
metric = "sentence-words"
max = 8
"""
REPLY = ("Hi Sam,\n\nI can see how annoying a double charge is, and I am sorry it happened to you this week.\n\n"
         "I've refunded the extra charge today and you'll see it by Friday.\n\nBest,\nDana\n")


def test_a_teams_missing_phrase_is_about_the_whole_reply(tmp_path: Path) -> None:
    (tmp_path / "scriptkit.toml").write_text(SETTINGS, encoding="utf-8")
    reply = tmp_path / "reply.txt"
    reply.write_text(REPLY, encoding="utf-8")
    result = lint_text(REPLY, file=reply, grammar="off")  # (the settings beside the file)
    out = io.StringIO()
    get_reporter("json")(result, out)
    data = json.loads(out.getvalue())
    names = {d["code"]: d["name"] for d in data["diagnostics"]}
    thank = next(code for code, name in names.items() if name == "thank-the-customer")
    short = next(code for code, name in names.items() if name == "short-sentences")
    assert thank in data["whole_reply"]
    assert all(thank not in s["codes"] for s in data["sentences"])
    assert sum(short in s["codes"] for s in data["sentences"]) == 2  # (each long sentence, under itself)
    assert short not in data["whole_reply"]
    assert all(PART in d.extra for d in result.diagnostics if d.code == short)


def test_the_built_in_rules_about_the_whole_reply_say_so() -> None:
    whole = {rule.code for rule in all_rules() if rule.whole_reply}
    assert {"SK105", "SK207", "SK301", "SK401"} <= whole
    assert not {"SK201", "SK302", "SK305", "SK402"} & whole  # (about the words they point at)
