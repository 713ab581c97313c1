"""A team's pattern that could backtrack for ever is refused where it is written, before check,
audit or export runs it: identical options in a repeat ("(?:a|a)+x"), a repeat whose part can
match nothing in two ways, and a part that can match nothing repeated many times ("(a?){30}")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.rules.custom import SLOW_HINT, slow_pattern

# a reply that makes each of these run for minutes or more: 30 letters the pattern reads, then no ending
TRAPS = [
    ("(?:a|a)+x", "exponential time"),  # re reads "a|a" as "a" then a choice of nothing or nothing
    ("(a|a)+x", "exponential time"),
    ("(?:ab|ab)+x", "exponential time"),
    ("(?:a|a)*x", "exponential time"),
    ("(?:x(?:a?)*)+y", "exponential time"),  # "(a?)*" stops in two ways: no copy, or one that read nothing
    ("(?:x(?:a?)?)+y", "exponential time"),
    ("(?:x(?:|))+y", "exponential time"),
    ("(a?){30}a{30}", "exponential time"),
    ("(?:a|){30}a{30}", "exponential time"),
    ("(?:a{0,1}){12}x", "exponential time"),
]


def _pack(tmp_path: Path, pattern: str, reply: str = "a" * 30, where: str = "pack.yaml") -> Path:
    root = tmp_path / "pack"
    (root / "scripts").mkdir(parents=True)
    quoted = pattern.replace("'", "''")
    rule = ("- name: house-style\n  kind: existence\n"
            f"  patterns: ['\\bas per\\b', '{quoted}']\n")
    if where == "pack.yaml":
        (root / "pack.yaml").write_text("name: Voice\nrules:\n  custom:\n" + "".join(
            f"    {line}\n" for line in rule.splitlines()), encoding="utf-8")
    else:
        (root / "pack.yaml").write_text(f"name: Voice\nrules:\n  files: [{where}]\n", encoding="utf-8")
        (root / where).write_text(rule, encoding="utf-8")
    (root / "scripts" / "late.yaml").write_text(
        "id: late\ntitle: Late parcel\n"
        f'acknowledgment: "I can see the parcel is late, and I understand how annoying that is. {reply}"\n'
        "warm_language: Thank you for bearing with us.\n"
        "solution: I have sent a new parcel today, and it arrives by Friday.\n", encoding="utf-8")
    return root


@pytest.mark.timeout(60)
@pytest.mark.parametrize(("pattern", "why"), TRAPS)
def test_a_pattern_that_backtracks_for_ever_is_refused_where_written(tmp_path: Path, pattern: str, why: str) -> None:
    reply = "x" * 30 if pattern.endswith("y") else ("ab" * 15 if "ab" in pattern else "a" * 30)
    root = _pack(tmp_path, pattern, reply)
    result = CliRunner().invoke(main, ["check", str(root), "-j1", "--format", "text"], env={"NO_COLOR": "1"})
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    col = len("      patterns: ['\\bas per\\b', ") + 1  # at the pattern's quote
    assert f"{root / 'pack.yaml'}:6:{col}: error: regular expression could take {why}" in result.output, \
        result.output
    assert "Give each stretch of text one way to match" in result.output


@pytest.mark.timeout(60)
@pytest.mark.parametrize("command", [["audit"], ["export", "--to", "json"]])
def test_audit_and_export_refuse_the_pattern_in_a_rules_file_instead_of_hanging(tmp_path: Path,
                                                                                command: list[str]) -> None:
    root = _pack(tmp_path, "(?:a|a)+x", where="voice.yaml")
    args = [*command, str(root)] + (["-o", str(tmp_path / "out")] if command[0] == "export" else [])
    result = CliRunner().invoke(main, args, env={"NO_COLOR": "1"})
    assert result.exit_code == 2, result.output
    col = len("  patterns: ['\\bas per\\b', ") + 1
    assert f"{root / 'voice.yaml'}:3:{col}: error: regular expression could take exponential time" \
        in result.output, result.output


def test_the_hint_says_what_to_write_for_the_new_shapes() -> None:
    why = slow_pattern("(a?){30}a{30}", re.IGNORECASE)
    assert why is not None and "(a?){30}" in why
    assert "(a|a)+ as a+" in SLOW_HINT and "(a?){30} as a{0,30}" in SLOW_HINT


# ordinary patterns of a team's voice stay accepted (a guard: these passed before as well)
ORDINARY = [r"\bASAP\b", "per our policy", "colou?r", "e-?mail", r"\bper (our|the) policy\b",
            r"\b(?:refund|return)s?\b", r"(?:\d{3}-){2}\d{4}", r"(?-i:ASAP)", "(?i:a|A)+x",
            "(a?){5}x", "(a?){0,30}x", r"\bkind(?:ly)? regards\b", r"\w+!"]


@pytest.mark.parametrize("pattern", ORDINARY)
def test_ordinary_team_patterns_are_accepted(tmp_path: Path, pattern: str) -> None:
    assert slow_pattern(pattern, re.IGNORECASE) is None
    root = _pack(tmp_path, pattern, "Email us ASAP, as per our policy.")
    result = CliRunner().invoke(main, ["check", str(root), "-j1", "--format", "text"], env={"NO_COLOR": "1"})
    assert result.exit_code in (0, 1), result.output
    assert "regular expression" not in result.output
