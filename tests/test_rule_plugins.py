"""Third-party rules through the ``scriptkit.rules`` entry point group, as docs/python/plugins.md shows,
and a team's own YAML rules whose patterns would backtrack for minutes.

Each test installs a tiny distribution (a module plus a ``.dist-info`` with entry_points.txt)
into a temporary folder on ``sys.path``, which is what ``pip install`` leaves behind.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.errors import ConfigError
from scriptkit.linting import lint_text
from scriptkit.rules import all_rules
from scriptkit.rules.base import _REGISTRY
from scriptkit.rules.custom import slow_pattern

RULE_MODULE = '''
import re
from scriptkit.rules import Example, Finding, Rule, register

@register
class NoTicketJargon(Rule):
    """Internal ticket jargon in a customer-facing reply.

    ## What it does
    Flags queue names such as "L2".
    ## Why it matters
    Customers do not know the team's queue names.
    ## Example
    I've escalated this to L2.
    ## Use instead
    I've passed this to our senior engineers.
    ## Options
    None.
    ## Fix safety
    No fix.
    """

    code = "SK850"
    name = "ticket-jargon"

    def check(self, message, ctx):
        for m in re.finditer(r"\\bL[123]\\b", message.text):
            yield Finding(m.start(), m.end(), f"'{m.group()}' is internal jargon")
'''


def _install(root: Path, name: str, module_source: str, entry: str) -> None:
    (root / f"{name}.py").write_text(module_source, encoding="utf-8")
    info = root / f"{name}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[scriptkit.rules]\n{entry}\n", encoding="utf-8")


@pytest.fixture
def plugin_path(tmp_path: Path) -> Iterator[Path]:
    all_rules()  # every built-in family imported (and registered) before the snapshot
    before = dict(_REGISTRY)
    sys.path.insert(0, str(tmp_path))
    all_rules.cache_clear()
    yield tmp_path
    sys.path.remove(str(tmp_path))
    for name in [m for m in sys.modules if m.startswith("acme_")]:
        del sys.modules[name]
    _REGISTRY.clear()
    _REGISTRY.update(before)
    all_rules.cache_clear()


def test_a_rule_module_registered_by_entry_point_runs(plugin_path: Path) -> None:
    _install(plugin_path, "acme_rules", RULE_MODULE, "acme = acme_rules")
    codes = [r.code for r in all_rules()]
    assert "SK850" in codes and "SK301" in codes
    result = lint_text("I know this is urgent. I've escalated this to L2 and you'll hear back today.")
    found = [d for d in result.diagnostics if d.code == "SK850"]
    assert [d.message for d in found] == ["'L2' is internal jargon"]


def test_a_plugin_cannot_replace_a_builtin_rule(plugin_path: Path) -> None:
    _install(
        plugin_path,
        "acme_bad",
        RULE_MODULE.replace('"SK850"', '"SK301"').replace('"ticket-jargon"', '"ticket-jargon-2"'),
        "bad = acme_bad",
    )
    with pytest.raises(ConfigError, match="SK301"):
        all_rules()


def test_a_broken_plugin_is_a_located_error_not_a_traceback(plugin_path: Path) -> None:
    _install(plugin_path, "acme_broken", "raise ImportError('missing dependency acme-core')\n", "broken = acme_broken")
    with pytest.raises(ConfigError, match=r"rule plugin 'broken' .*missing dependency acme-core"):
        all_rules()


# ---------------------------------------------------------------- a team's own (YAML) rules: slow patterns

SLOW_HINT = "Give each stretch of text one way to match"
SCRIPT = ("id: refund\ntitle: Refund\n"
          'acknowledgment: "I can see how frustrating this wait has been, and I am sorry."\n'
          "solution: \"I've refunded your order today, as per our policy, and it will reach you within 5 days.\"\n")


def _check_with_patterns(make_pack: Any, patterns: list[str]) -> tuple[Path, Any]:
    root = make_pack({"refund.yaml": SCRIPT}, "name: T\nrules:\n  select: [custom]\n  files: [voice.yaml]\n")
    quoted = [p.replace("'", "''") for p in patterns]  # YAML single quotes: backslashes stay as written
    lines = ["- name: brand-voice", "  kind: existence", "  patterns:"] + [f"    - '{p}'" for p in quoted]
    (root / "voice.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(root), "--grammar", "off", "--format", "text"],
                                env={"NO_COLOR": "1"})
    return root, result


@pytest.mark.parametrize(("pattern", "why"), [
    ("(a|aa)+b", "exponential time"),
    ("(a+)+", "exponential time"),
    ("(a*)*b", "exponential time"),
    (r"(\w+\s?)+$", "exponential time"),
    (r"^(\d+)*$", "exponential time"),
    (r"(?:sorry|so+rry)+!", "exponential time"),
    (r"(?:\s*,\s*)+x", "exponential time"),
    (r"(?:[a-z]+|\w+)*\.", "exponential time"),
    ("(.*a){12}", "exponential time"),
    (r"(?=(\w+\s?)+!)sorry", "exponential time"),  # in a lookahead too
    ("(.*a){4}", "too long on a long reply"),
    (r"\w+\w+\w+!", "too long on a long reply"),
])
def test_patterns_that_backtrack_for_long_are_refused_at_load_where_written(make_pack: Any, pattern: str,
                                                                           why: str) -> None:
    root, result = _check_with_patterns(make_pack, ["\\bper (our|the) policy\\b", pattern])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "unexpected" not in result.output
    assert f"{root / 'voice.yaml'}:5:7: error: regular expression could take {why}" in result.output, result.output
    assert SLOW_HINT in result.output


def test_a_pattern_too_big_to_judge_is_refused(make_pack: Any) -> None:
    pattern = "(?:" + "|".join(f"word{i:03}" for i in range(60)) + ")+"
    root, result = _check_with_patterns(make_pack, [pattern])
    assert result.exit_code == 2, result.output
    assert f"{root / 'voice.yaml'}:4:7: error: regular expression is too complex to check" in result.output


BRAND_PATTERNS = [
    r"\bper (our|the) policy\b",
    r"\bunfortunately\b",
    r"\b(?:kindly|please be advised)\b",
    r"\bas per\b",
    r"\b(?:sorry|apologi[sz]e)\s+for\s+(?:any|the)\s+inconvenience\b",
    r"\b(?:we|i)\s+(?:can't|cannot|can not)\s+help\b",
    r"!{2,}",
    r"(?-i:\b[A-Z]{4,}\b)",
    r"\b(?:ticket|case)\s*#?\s*\d{4,}\b",
    r"\b(?:Mr|Mrs|Ms|Dr)\.?\s+[A-Z][a-z]+",
    r"\bhttps?://\S+",
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b",
    r"\b(?:very|really|so|super)\s+(?:sorry|sad)\b",
    r"\b(?:(?:so|super|really)\s+)+sorry\b",
    r"\b[\w.+-]+@[\w-]+\.[\w.]+\b",
    r"\b(?:\w+\s+){0,3}(?:sorry|apologi[sz]e)\b",
    r"\(\d{3}\)\s?\d{3}-\d{4}",
    r"\b(?:refund(?:ed|s)?|reimburse(?:ment|d)?)\b",
    r"\bL[1-3]\b",
    r"[.!?]\s+[a-z]",
    r"\b(\w+)\s+\1\b",
    r"\$\d+(?:,\d{3})*(?:\.\d{2})?",
    r"\bthanks?\s+(?:so\s+)?much\b",
    r"(?-i:\bFYI\b)",
    r"\b(?:no|not)\s+(?:\w+\s+)?(?:problem|worries)\b",
    r"(?<!\w)(?:ASAP|FYI|TBD)(?!\w)",
    r"\b\w+(?:-\w+)+\b",
    r".*\bpolicy\b.*",
]


def test_a_flag_for_the_whole_pattern_is_a_located_error(make_pack: Any) -> None:
    # each pattern is joined with the rule's others: "(?i)" there is a flag in the middle
    root, result = _check_with_patterns(make_pack, ["\\bas per\\b", "(?i)\\bkindly\\b"])
    assert result.exit_code == 2, result.output
    assert (f"{root / 'voice.yaml'}:5:7: error: a flag for the whole pattern such as (?i) is not allowed here"
            in result.output), result.output
    assert "(?-i:ASAP)" in result.output


@pytest.mark.parametrize("pattern", BRAND_PATTERNS)
def test_realistic_brand_patterns_are_accepted(pattern: str) -> None:
    assert slow_pattern(pattern, re.IGNORECASE) is None


def test_a_rule_with_every_brand_pattern_loads_and_finds_its_text(make_pack: Any) -> None:
    _, result = _check_with_patterns(make_pack, BRAND_PATTERNS)
    assert result.exit_code == 1, result.output  # findings, no error
    assert "error:" not in result.output
    assert "Avoid 'and I am sorry'." in result.output
    assert "as per our policy, and it will reach you" in result.output
