"""A team's banned and preferred terms read a placeholder's fallback, which the customer reads whenever the helpdesk
has no value for the field: 'Hi {{ customer.first_name | default("valued customer") }}' escaped a rule banning
"valued customer". Reported where the fallback's words are written; a swap there is said, never made by --fix."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import run_cli

PACK = """\
name: Voice
channels:
  email:
    greeting: "Dear {{ customer.first_name | fallback('Valued Customer') }},"
rules:
  custom:
    - name: no-valued-customer
      kind: existence
      terms: [valued customer]
    - name: say-request
      kind: substitution
      swap: {ticket: request}
    - name: say-thanks
      kind: occurrence
      terms: [thank you]
      min: 1
"""
SCRIPT = """\
id: a
title: Late
channels: [email]
acknowledgment: Hi {{ customer.first_name | default("valued customer") }}, I'm sorry the parcel is late.
solution: I'll send a new one today and update {{ ticket.id | fallback('your ticket, thank you') }} by 5pm.
"""


def _team(root: Path, *args: str) -> list[dict[str, Any]]:
    result = run_cli("check", str(root), "--grammar", "off", "--select", "custom", "--format", "json", *args)
    assert result.exit_code in (0, 1), result.output
    return [d for d in json.loads(result.output)["diagnostics"] if d["code"].startswith("SK8")]


def test_a_banned_term_in_a_fallback_is_reported_at_the_fallbacks_words(make_pack: Any) -> None:
    root = make_pack({"a.yaml": SCRIPT}, PACK)
    found = {(Path(d["file"]).name, d["line"], d["col"], d["name"]) for d in _team(root)}
    assert ("a.yaml", 4, 54, "no-valued-customer") in found  # (at 'valued customer' inside default("..."))
    assert ("pack.yaml", 4, 56, "no-valued-customer") in found  # (the greeting's, once, in pack.yaml)
    (said,) = [d for d in _team(root) if d["name"] == "no-valued-customer" and d["file"].endswith("a.yaml")]
    assert "customer.first_name's fallback 'valued customer'" in said["message"]
    assert said["end_col"] == 54 + len("valued customer")


def test_a_preferred_term_in_a_fallback_is_said_and_left_to_the_writer(make_pack: Any) -> None:
    root = make_pack({"a.yaml": SCRIPT}, PACK)
    (swap,) = [d for d in _team(root) if d["name"] == "say-request"]
    assert (swap["line"], swap["col"]) == (5, 78)
    assert swap["fix"] is None and "by hand" in swap["suggestion"]
    run_cli("check", str(root), "--grammar", "off", "--select", "custom", "--fix")
    assert "fallback('your ticket, thank you')" in (root / "scripts" / "a.yaml").read_text()  # (not rewritten)


def test_a_required_phrase_only_in_a_fallback_is_still_missing(make_pack: Any) -> None:
    # (the fallback is read only when the field is empty: the phrase is not in every reply)
    root = make_pack({"a.yaml": SCRIPT}, PACK)
    assert [d["name"] for d in _team(root)].count("say-thanks") == 1


def test_a_rule_scoped_to_other_slots_and_a_placeholders_name_are_not_read(make_pack: Any) -> None:
    pack = PACK.replace("      terms: [valued customer]\n", "      terms: [valued customer]\n      slots: [solution]\n")
    root = make_pack({"a.yaml": SCRIPT.replace("your ticket", "the request")}, pack)
    # (the name ticket.id is no word of the reply; the fallbacks outside the solution are not this rule's)
    assert [d["name"] for d in _team(root)] == ["say-thanks"]


def test_a_fallbacks_finding_names_its_slot_and_words_in_every_format(make_pack: Any) -> None:
    # (the rule places it at the fallback's words itself: its slot and words were dropped with the span's place)
    root = make_pack({"a.yaml": SCRIPT}, PACK)
    said = {(d["name"], Path(d["file"]).name): (d["slot"], d["text"])
            for d in _team(root) if "fallback" in d["message"]}
    assert said == {("no-valued-customer", "a.yaml"): ("acknowledgment", "valued customer"),
                    ("no-valued-customer", "pack.yaml"): ("greeting", "Valued Customer"),
                    ("say-request", "a.yaml"): ("solution", "ticket")}
    sarif = run_cli("check", str(root), "--grammar", "off", "--select", "custom", "--format", "sarif")
    results = json.loads(sarif.output)["runs"][0]["results"]
    swap = next(r for r in results if r["ruleId"] == "SK802")
    assert (swap["properties"]["slot"], swap["properties"]["text"]) == ("solution", "ticket")
    assert swap["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == "ticket"
    text = run_cli("check", str(root), "--grammar", "off", "--select", "custom", "--format", "text").output
    assert "solution · email" in text and "acknowledgment · email" in text
    junit = run_cli("check", str(root), "--grammar", "off", "--select", "custom", "--format", "junit").output
    assert "SK802 [say-request] a email solution: ticket" in junit
