"""A script's alternatives and conditions are text the agent may send: the phrase rules read them.

The rules that judge a whole reply (an acknowledgment first, a solution, its length) do not: an
alternative is a part of a reply, with nothing of that to judge.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack

SCRIPT = """\
id: damaged
title: Damaged order
channels: [email, chat]
acknowledgment: "I can see how disappointing it is to find your order broken."
warm_language: "Thanks for sending the photos so quickly."
solution: "I've sent a replacement today, and it'll reach you by Friday."
flexibility:
  guidance: Kindly check the photos before you reply.
  alternatives:
    - label: Refund instead
      text: "Please be advised that a refund is possible. I'll send it today."
  conditions:
    - when: they ask to talk
      text: "Do not hesitate to contact us, I'm here until 6pm."
"""
PACK = "name: T\nrules:\n  ignore: [SK105]\n"  # (a short email: its length is not what these tests are about)
ALTERNATIVE_LINE = next(n for n, line in enumerate(SCRIPT.splitlines(), 1) if "Please be advised" in line)
CONDITION_LINE = next(n for n, line in enumerate(SCRIPT.splitlines(), 1) if "Do not hesitate" in line)


def _check(root: Path, *args: str) -> Any:
    return CliRunner().invoke(main, ["check", str(root), "--grammar", "off", *args], env={"NO_COLOR": "1"})


def test_a_cold_phrase_in_an_alternative_or_a_condition_is_found_where_it_is_written(make_pack: Any) -> None:
    found = lint_pack(load_pack(make_pack({"damaged.yaml": SCRIPT}, pack_yaml=PACK))).diagnostics
    where = sorted((d.code, d.location.line, d.location.col, d.text, d.slot) for d in found)
    assert where == [
        ("SK201", ALTERNATIVE_LINE, len('      text: "') + 1, "Please be advised that", "flexibility"),
        ("SK201", CONDITION_LINE, len('      text: "') + 1, "Do not hesitate to contact us", "flexibility"),
    ], found
    # one finding for the two channels, as for the reply's own text
    assert {d.extra["channels"] for d in found} == {"email,chat"}


def test_guidance_is_for_the_agent_and_is_not_judged(make_pack: Any) -> None:
    # "Kindly" is an SK201 phrase, but guidance is never sent to the customer
    found = lint_pack(load_pack(make_pack({"damaged.yaml": SCRIPT}, pack_yaml=PACK))).diagnostics
    assert not [d for d in found if "Kindly" in d.text]


def test_whole_reply_rules_do_not_judge_an_alternative_on_its_own(make_pack: Any) -> None:
    # a bare alternative has no acknowledgment and no time frame; that is the reply's business
    warm = SCRIPT.replace("Please be advised that a refund is possible. I'll send it today.",
                          "I could refund you instead, if you'd rather.").replace(
        "Do not hesitate to contact us, I'm here until 6pm.", "Call me whenever suits you.")
    assert lint_pack(load_pack(make_pack({"damaged.yaml": warm}, pack_yaml=PACK))).diagnostics == []


def test_a_teams_banned_term_is_found_in_an_alternative_but_a_required_phrase_counts_in_the_reply(
    make_pack: Any,
) -> None:
    rules = ("name: T\nrules:\n  select: [custom, SK105]\n  ignore: [SK105]\n  custom:\n"
             "    - name: no-store-credit\n      kind: existence\n      terms: [store credit]\n"
             "    - name: say-thanks\n      kind: occurrence\n      terms: [thank]\n      min: 1\n")
    script = SCRIPT.replace("a refund is possible", "store credit is possible").replace(
        "I can see how disappointing", "Thank you for telling me. I can see how disappointing")
    found = lint_pack(load_pack(make_pack({"damaged.yaml": script}, pack_yaml=rules))).diagnostics
    assert [(d.name, d.location.line, d.text) for d in found] == [
        ("no-store-credit", ALTERNATIVE_LINE, "store credit")], found


def test_fix_rewrites_the_alternative_in_the_yaml(make_pack: Any) -> None:
    script = SCRIPT.replace("Please be advised that a refund is possible.", "Kindly reply with your bank details.")
    root = make_pack({"damaged.yaml": script}, pack_yaml=PACK)
    result = _check(root, "--fix")
    assert result.exit_code == 1, result.output  # the condition's stock line has no safe fix
    written = (root / "scripts" / "damaged.yaml").read_text(encoding="utf-8")
    assert 'text: "Please reply with your bank details.' in written, written
    assert "guidance: Kindly check the photos" in written  # agent-only text is left as written


def test_a_suppression_on_the_alternatives_line_switches_it_off(make_pack: Any) -> None:
    script = SCRIPT.replace("I'll send it today.\"", "I'll send it today.\"  # scriptkit: ignore SK201")
    result = _check(make_pack({"damaged.yaml": script}, pack_yaml=PACK))
    assert f":{ALTERNATIVE_LINE}:" not in result.output and f":{CONDITION_LINE}:" not in result.output, \
        result.output
    assert f"{CONDITION_LINE}:14" in result.output and "Do not hesitate" in result.output, result.output
