"""A greeting, a sign-off or a constant pasted into pack.yaml in curly quotes (greeting: “Hi {{ ... }},”) reached
every customer as typed while check said all clear. SK007 says so where it is written, and --fix deletes the quotes."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

SCRIPT = textwrap.dedent("""\
    id: late-parcel
    title: Orders::Late parcel
    channels: [email, chat]
    acknowledgment: I can see how annoying it is that the parcel still has not turned up.
    warm_language: Thanks for bearing with me while I look into it.
    flexibility:
      guidance: Look at the courier's tracking first.
    solution: I've chased the courier today; you can follow it on {{ tracking_site }} too.
    """)
PACK = textwrap.dedent("""\
    name: Parcels
    constants:
      tracking_site: “track.example.org”
      motto: Say what you will do
    channels:
      email:
        greeting: “Hi {{ customer.first_name | fallback('there') }},”
        signoff: |
          “Warm wishes,
          {{ agent.first_name }}”
      chat:
        greeting: "«Hi {{ customer.first_name | fallback('there') }}!»"
        signoff: “Talk soon!”
      phone:
        greeting: “Hi, this is {{ agent.first_name }}.”
    """)


def _check(root: Path, *options: str) -> Any:
    return CliRunner().invoke(main, ["check", str(root), "--select", "SK007", "--format", "json", *options],
                              env={"NO_COLOR": "1"})


def _found(root: Path) -> list[tuple[str, int, int, bool]]:
    result = _check(root)
    assert "Traceback" not in result.output, result.output
    return sorted((Path(d["file"]).name, d["line"], d["col"], bool(d["fix"]))
                  for d in json.loads(result.output)["diagnostics"])


@pytest.mark.timeout(60)
def test_quotes_around_a_greeting_sign_off_or_constant_are_said_in_pack_yaml_and_fixed(make_pack: Any) -> None:
    root = make_pack({"late.yaml": SCRIPT}, pack_yaml=PACK)
    # (the phone greeting: no script is sent by phone, so no customer reads it)
    # (a sign-off on several lines: said, with no fix, as for a slot)
    assert _found(root) == [("pack.yaml", 3, 18, True), ("pack.yaml", 7, 15, True), ("pack.yaml", 9, 7, False),
                            ("pack.yaml", 12, 16, True), ("pack.yaml", 13, 14, True)]
    result = _check(root, "--fix")
    assert "Traceback" not in result.output
    text = (root / "pack.yaml").read_text(encoding="utf-8")
    assert "  tracking_site: track.example.org\n" in text
    assert "    greeting: Hi {{ customer.first_name | fallback('there') }},\n" in text
    assert "    signoff: Talk soon!\n" in text
    assert "    greeting: \"Hi {{ customer.first_name | fallback('there') }}!\"\n" in text
    assert _found(root) == [("pack.yaml", 9, 7, False)]
    rendered = CliRunner().invoke(main, ["render", str(root)], env={"NO_COLOR": "1"})
    assert rendered.exit_code == 0, rendered.output
    assert 'Hi {{ customer.first_name | fallback("there") }},' in rendered.output
    assert "on track.example.org too" in rendered.output
    assert "“Hi" not in rendered.output and "«" not in rendered.output and "“Talk" not in rendered.output


def test_quotes_inside_a_greeting_or_a_constant_are_the_writers(make_pack: Any) -> None:
    pack = textwrap.dedent("""\
        name: Parcels
        constants:
          tracking_site: track.example.org
          motto: We say “sorry” and mean “we will fix it”
        channels:
          email:
            greeting: Hi from the “Parcels” team,
        """)
    root = make_pack({"late.yaml": SCRIPT.replace("{{ tracking_site }}", "{{ tracking_site }} ({{ motto }})")}, pack)
    assert _found(root) == []
