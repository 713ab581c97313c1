"""A rule that raises is a located error finding at the reply it was judging, naming the rule and the exception:
the other rules' findings, on every script, are kept, and the run exits 2 (one failing plug-in rule used to end
the whole run with one line, and ``lint_pack`` raised a bare ScriptkitError)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from scriptkit.cli import main
from scriptkit.config import LintConfig, Selector
from scriptkit.diagnostics import Severity
from scriptkit.linting import RULE_FAILED, lint_pack, lint_text
from scriptkit.loading import load_pack
from scriptkit.message import Message
from scriptkit.rules import Finding, Rule, RuleContext, all_rules
from scriptkit.rules.base import _REGISTRY

REFUND = ("id: refund\ntitle: Refund\nacknowledgment: I know the wait for this refund has been frustrating.\n"
          "solution: I've sent your refund today, and it reaches you within 5 days.\n")
WELCOME = ("id: welcome\ntitle: Welcome back\nacknowledgment: It's good to have you back today.\n"
           "solution: I've restored your saved settings today.\n")


class Kettle(Rule):
    """Fails on a refund."""

    code, name = "SK871", "acme-kettle"

    def check(self, message: Message, ctx: RuleContext) -> Iterator[Finding]:
        if "refund" in message.text:
            raise KeyError("kettle")
        yield from ()


class Today(Rule):
    """Flags 'today'."""

    code, name = "SK872", "acme-today"

    def check(self, message: Message, ctx: RuleContext) -> Iterator[Finding]:
        at = message.text.find("today")
        if at >= 0:
            yield Finding(at, at + 5, "today noted")


@pytest.fixture
def with_rules() -> Iterator[None]:
    all_rules()
    before = dict(_REGISTRY)
    _REGISTRY.update({Kettle.code: Kettle, Today.code: Today})
    all_rules.cache_clear()
    yield
    _REGISTRY.clear()
    _REGISTRY.update(before)
    all_rules.cache_clear()


def check(root: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["check", str(root), "--grammar", "off", "--format", "concise", "--jobs", "1",
                                     *args], env={"NO_COLOR": "1", "SCRIPTKIT_DEBUG": ""})


@pytest.mark.usefixtures("with_rules")
def test_a_failing_rule_is_an_error_finding_and_the_other_findings_are_kept(make_pack: Any) -> None:
    root = make_pack({"refund.yaml": REFUND, "welcome.yaml": WELCOME})
    result = check(root, "--select", "SK871,SK872")
    assert result.exit_code == 2, result.output
    refund, welcome = root / "scripts" / "refund.yaml", root / "scripts" / "welcome.yaml"
    failed = [line for line in result.output.splitlines() if "SK871" in line]
    assert len(failed) == 1 and failed[0].startswith(f"{refund}:"), result.output
    assert "error SK871 [acme-kettle] rule failed on this reply (email): KeyError: 'kettle'" in failed[0], failed
    today = [line for line in result.output.splitlines() if "SK872" in line]
    assert {line.split(":")[0] for line in today} == {str(refund), str(welcome)}, result.output


@pytest.mark.usefixtures("with_rules")
def test_ignoring_the_failing_rule_switches_it_off(make_pack: Any) -> None:
    root = make_pack({"refund.yaml": REFUND})
    result = check(root, "--select", "SK871,SK872", "--ignore", "SK871")
    assert result.exit_code == 1 and "SK871" not in result.output and "SK872" in result.output, result.output


@pytest.mark.usefixtures("with_rules")
def test_from_python_the_failure_is_a_diagnostic_and_the_exit_code_is_2(make_pack: Any) -> None:
    pack = load_pack(make_pack({"refund.yaml": REFUND, "welcome.yaml": WELCOME}))
    config = LintConfig(select=(Selector("SK871"), Selector("SK872")), severities=((Selector("SK871"),
                                                                                     Severity.SUGGESTION),))
    result = lint_pack(pack, config)
    (failed,) = [d for d in result.diagnostics if d.code == "SK871"]
    assert failed.severity == Severity.ERROR and failed.extra[RULE_FAILED] == "KeyError"  # (not demoted)
    assert failed.script_id == "refund" and failed.location.file.endswith("refund.yaml")
    assert failed.suggestion and "tell its authors" in failed.suggestion and "--ignore SK871" in failed.suggestion
    assert len([d for d in result.diagnostics if d.code == "SK872"]) == 2
    assert result.exit_code == 2
    text = lint_text("I know the refund took long. I've sent it today.",
                     config=LintConfig(select=(Selector("SK871"), Selector("SK872"))))
    assert [d.code for d in text.diagnostics] == ["SK871", "SK872"] and text.exit_code == 2
