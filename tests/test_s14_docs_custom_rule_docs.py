"""A team's own YAML rule has a page (`scriptkit rule NAME --pack PACK`) like a built-in one.

Its Example used to be the rule's message as written, braces and all ("Say '{replacement}'
instead of '{match}'."), and its Use instead "Follow the team style guide." for every rule: a
writer reading the page of the rule they had just written learnt nothing from either.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

VOICE = """\
name: Plant shop
rules:
  custom:
    - name: say-parcel
      kind: substitution
      swap: {package: parcel}
    - name: no-asap
      kind: existence
      terms: [ASAP]
      message: "'{match}' is vague: give a day."
    - name: no-policy-talk
      kind: existence
      patterns: ['per (our|the) policy']
    - name: sign-off-cheers
      kind: occurrence
      terms: [Cheers]
      min: 1
    - name: one-sorry
      kind: occurrence
      terms: [sorry]
      max: 1
      suggestion: Say sorry once, and mean it.
    - name: short-sms
      kind: metric
      metric: words
      max: 30
"""

SCRIPT = """\
id: wilted-fern
title: Plants::Arrived wilted
acknowledgment: A wilted fern is such a letdown, and I understand why you're upset.
solution: I've sent a fresh fern today, and it arrives by Friday.
"""

# rule name -> (what its Example must say, what its Use instead must say)
EXPECTED = {
    "say-parcel": ("A reply that says 'package' is reported: Say 'parcel' instead of 'package'.", "'parcel'"),
    "no-asap": ("A reply that says 'ASAP' is reported: 'ASAP' is vague: give a day.", "The reply without it."),
    "no-policy-talk": ("A reply that matches the rule's patterns is reported: Avoid '...'.", "The reply without it."),
    "sign-off-cheers": ("A reply without 'Cheers' is reported: Use 'Cheers' at least 1 time(s) (found 0).",
                        "A reply that uses 'Cheers' at least 1 time(s)."),
    "one-sorry": ("A reply that uses 'sorry' 2 time(s) is reported: Use 'sorry' at most 1 time(s) (found 2).",
                  "Say sorry once, and mean it."),
    "short-sms": ("A reply with a word count of 31 is reported: Word count is 31; the limit is at most 30.",
                  "A reply with a word count of at most 30."),
}


def _section(page: str, heading: str) -> str:
    found = re.search(rf"^## {heading}\n(.*?)(?=\n## |\Z)", page, re.S | re.M)
    assert found, page
    return found.group(1).strip()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_custom_rule_page_shows_what_it_reports_and_what_to_write(make_pack: Any, name: str) -> None:
    root = make_pack({"wilted-fern.yaml": SCRIPT}, pack_yaml=VOICE)
    result = CliRunner().invoke(main, ["rule", name, "--pack", str(root)], env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    example, instead = EXPECTED[name]
    assert _section(result.output, "Example") == example
    assert _section(result.output, "Use instead") == instead
    assert "{" not in _section(result.output, "Example")  # (no template field left unfilled)
    kind = re.search(r"Team rule \((\w+)\)", result.output)
    assert kind, result.output
    article = "An" if kind.group(1) in ("existence", "occurrence") else "A"
    assert _section(result.output, "Why it matters").startswith(f"{article} {kind.group(1)} rule of this team's")
