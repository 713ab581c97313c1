"""Custom rule patterns that would make check or review run for minutes are refused where written;
a long text is searched in bounded time even with a pattern the check lets through."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.rules.custom import bounded_finditer, slow_pattern

SCRIPT = ("id: late\ntitle: Late parcel\n"
          'acknowledgment: "I can see the parcel is late, and I understand how annoying that is."\n'
          "warm_language: Thank you for bearing with us.\n"
          "solution: I have sent a new parcel today, as our policy allows, and it arrives by Friday.\n")


def _pack(tmp_path: Path, pattern: str, acknowledgment: str | None = None) -> Path:
    root = tmp_path / "pack"
    (root / "scripts").mkdir(parents=True)
    quoted = pattern.replace("'", "''")
    (root / "pack.yaml").write_text("name: Voice\nrules:\n  custom:\n    - name: house-style\n      kind: existence\n"
                                    f"      patterns: ['\\bas per\\b', '{quoted}']\n", encoding="utf-8")
    script = SCRIPT if acknowledgment is None else SCRIPT.replace(
        "I can see the parcel is late, and I understand how annoying that is.", acknowledgment)
    (root / "scripts" / "late.yaml").write_text(script, encoding="utf-8")
    return root


# two loops in a row that read the same text (or one loop where a search starts, then another):
# a search tries every start, each start every split: 2,000 letters took 20 s
CUBIC = [r".*.*x", r"a*a*x", r"\w*\w*!", r"(.)*(.)*x", r"(?:.*){2}x", r"(.*)\1x", r"[\s\S]*[\s\S]*x",
         r"\s*\s*$", r"x*y*x*y*z", r".{0,5000}.{0,5000}x", r"(?i:s)*ſ*x", r"(?i:k)*\u212a*x"]


@pytest.mark.timeout(60)
@pytest.mark.parametrize("pattern", CUBIC)
def test_repeats_in_a_row_over_the_same_text_are_refused_at_load_where_written(tmp_path: Path,
                                                                              pattern: str) -> None:
    root = _pack(tmp_path, pattern, "I understand how frustrating this is. " + "a" * 2000)
    result = CliRunner().invoke(main, ["check", str(root), "-j1", "--format", "text"], env={"NO_COLOR": "1"})
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    col = len("      patterns: ['\\bas per\\b', ") + 1  # at the pattern's quote
    assert (f"{root / 'pack.yaml'}:6:{col}: error: regular expression could take too long on a long reply"
            in result.output), result.output


@pytest.mark.timeout(60)
def test_a_slow_pattern_in_scriptkit_toml_is_refused_before_review_reads_the_reply(tmp_path: Path) -> None:
    (tmp_path / "scriptkit.toml").write_text("[[custom]]\nname = \"no-shouting\"\nkind = \"existence\"\n"
                                             "patterns = ['\\w*\\w*!']\n", encoding="utf-8")
    reply = tmp_path / "reply.txt"
    reply.write_text("Hi Sam,\n\nI understand. " + "a" * 3000 + "\n\nBest,\nMia\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["review", str(reply)], env={"NO_COLOR": "1"})
    assert result.exit_code == 2, result.output
    assert f"{tmp_path / 'scriptkit.toml'}:4:" in result.output
    assert "error: regular expression could take too long on a long reply" in result.output


@pytest.mark.parametrize("pattern", [
    r".*\bpolicy\b.*", r"\b(\w+)\s+\1\b", r"\b(?:ticket|case)\s*#?\s*\d{4,}\b", r"\w+!", r"!{2,}",
    r"\b(?:\w+\s+){0,3}sorry\b", r"\bplease\s+(?:kindly\s+)?note\b", r"\$\d+(?:\.\d{2})?\s*(?:USD)?",
    r"\b[\w.+-]+@[\w-]+\.[\w.]+\b", r"^(?:Dear|Hi|Hello)\b.*", r"\bsorry\b.*\bsorry\b", r"\d+\s*-\s*\d+\s*days",
])
def test_patterns_teams_write_are_still_accepted(pattern: str) -> None:
    assert slow_pattern(pattern, re.IGNORECASE) is None


@pytest.mark.timeout(60)
def test_a_long_reply_is_searched_in_bounded_time_with_a_pattern_the_check_accepts(tmp_path: Path) -> None:
    # ".*\bpolicy\b.*" passes the check (it is linear from one start) but a search tries every start:
    # 150,000 letters on one line took minutes; searched a window at a time it takes a second
    root = _pack(tmp_path, r".*\bpolicy\b.*", "I understand how frustrating this is. " + "a" * 150_000)
    result = CliRunner().invoke(main, ["check", str(root), "-j1", "--format", "text"], env={"NO_COLOR": "1"})
    assert result.exit_code == 1, result.output
    assert "Avoid 'I have sent a new parcel today, as our policy allows, and it arrives by Friday.'" in result.output


def test_a_long_text_searched_in_windows_finds_what_a_whole_search_finds() -> None:
    words = ["sorry", "policy", "per", "our", "the", "refund", "ticket", "case", "12345", "as", "per", "kindly"]
    text = " ".join(words[(i * 7) % len(words)] + ("\n" if i % 11 == 0 else "") for i in range(6000))
    for pattern in (r"\bper (our|the) policy\b", r"\b(?:ticket|case)\s*#?\s*\d{4,}\b", r"\b(\w+)\s+\1\b",
                    r".*\bpolicy\b.*", r"\bas\s+per\b", r"x*"):
        compiled = re.compile(pattern, re.IGNORECASE)
        whole = [m.span() for m in compiled.finditer(text, 3, len(text) - 2)]
        assert [m.span() for m in bounded_finditer(compiled, text, 3, len(text) - 2)] == whole, pattern
    assert len(text) > 20_000


def test_each_rule_of_scriptkit_toml_is_located_at_its_own_pattern(tmp_path: Path) -> None:
    (tmp_path / "scriptkit.toml").write_text(
        '[[custom]]\nname = "no-unfortunately"\nkind = "existence"\npatterns = ["(a+)+"]\n\n'
        "[[custom]]\nname = \"no-shouting\"\nkind = \"existence\"\npatterns = ['\\bas per\\b', '\\w*\\w*!']\n",
        encoding="utf-8")
    reply = tmp_path / "reply.txt"
    reply.write_text("I understand. I will fix it today.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["review", str(reply)], env={"NO_COLOR": "1"})
    assert result.exit_code == 2, result.output
    toml = tmp_path / "scriptkit.toml"
    assert f"{toml}:4:13: error: regular expression could take exponential time" in result.output, result.output
    # the second [[custom]] rule's second pattern, not the first rule's line
    assert f"{toml}:9:27: error: regular expression could take too long" in result.output, result.output


def test_a_slow_pattern_in_a_rules_file_is_refused_at_its_line(tmp_path: Path) -> None:
    root = _pack(tmp_path, r"\bkindly\b")
    (root / "pack.yaml").write_text("name: Voice\nrules:\n  files: [voice.yaml]\n", encoding="utf-8")
    (root / "voice.yaml").write_text("- name: no-shouting\n  kind: existence\n  patterns:\n    - '\\bASAP\\b'\n"
                                     "    - '\\w*\\w*!'\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(root), "-j1", "--format", "text"], env={"NO_COLOR": "1"})
    assert result.exit_code == 2, result.output
    assert (f"{root / 'voice.yaml'}:5:7: error: regular expression could take too long on a long reply"
            in result.output), result.output
