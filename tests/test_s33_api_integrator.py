"""What an API integrator tripped on: a rule registered after the first lint never ran; no way to apply a lint's
fixes to the text linted; a severity formatted as 'Severity.WARNING'."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

import scriptkit
from scriptkit.message import Message
from scriptkit.rules import Finding, Rule, RuleContext, all_rules, register
from scriptkit.rules.base import _REGISTRY

REPLY = "I know this is urgent. I've escalated this to L2 as a P1 and they'll call you today."


@pytest.fixture
def registry() -> Iterator[None]:
    all_rules()
    before = dict(_REGISTRY)
    yield
    _REGISTRY.clear()
    _REGISTRY.update(before)
    all_rules.cache_clear()


def late_rule() -> type[Rule]:
    class TicketJargon(Rule):
        """Flags ticket jargon.

        What it does:
            Flags L2.
        """

        code = "SK896"
        name = "late-ticket-jargon"

        def check(self, message: Message, ctx: RuleContext) -> Iterator[Finding]:
            at = message.text.find("L2")
            if at >= 0:
                yield Finding(at, at + 2, "'L2' is internal jargon")

    return TicketJargon


# ---------------------------------------------------------------- 1. a rule registered after the first lint


def test_a_rule_registered_after_the_first_lint_runs_in_the_next(registry: None) -> None:
    assert "SK896" not in {d.code for d in scriptkit.lint_text(REPLY).diagnostics}
    register(late_rule())
    assert "SK896" in {d.code for d in scriptkit.lint_text(REPLY).diagnostics}
    selected = scriptkit.load_config().override(select="SK896")
    assert [d.code for d in scriptkit.lint_text(REPLY, config=selected).diagnostics] == ["SK896"]


def test_a_late_rule_does_not_load_the_plug_ins_again(registry: None, tmp_path: Path) -> None:
    # a plug-in's function that makes its rule classes, called twice, would make a second class under its code
    (tmp_path / "acme_made.py").write_text('''from scriptkit.rules import Finding, Rule


def rules():
    class Made(Rule):
        """Flags P1."""

        code = "SK897"
        name = "acme-made"

        def check(self, message, ctx):
            at = message.text.find("P1")
            if at >= 0:
                yield Finding(at, at + 2, "'P1' is internal jargon")

    return [Made]
''', encoding="utf-8")
    info = tmp_path / "acme_made-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme_made\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[scriptkit.rules]\nmade = acme_made:rules\n", encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    try:
        all_rules.cache_clear()
        assert "SK897" in {d.code for d in scriptkit.lint_text(REPLY).diagnostics}
        register(late_rule())
        assert {"SK896", "SK897"} <= {d.code for d in scriptkit.lint_text(REPLY).diagnostics}
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("acme_made", None)


# ---------------------------------------------------------------- 2. a lint's fixes made in the text linted

COLD = ("Please be advised that we are sorry. Please do not hesitate to contact us if you need further assistance. "
        "I have refunded it today.")


def test_apply_fixes_makes_the_safe_fixes_in_the_text_linted() -> None:
    before = scriptkit.lint_text(COLD).diagnostics
    fixed = scriptkit.apply_fixes(COLD, before)
    assert fixed == ("Please be advised that we're sorry. Please do not hesitate to contact us if you need more help. "
                     "I've refunded it today.")
    after = scriptkit.lint_text(fixed).diagnostics
    assert len(after) < len(before)
    assert not [d for d in after if d.fix is not None and d.fix.safe]
    assert scriptkit.apply_fixes(fixed, after) == fixed


def _edit(d: scriptkit.Diagnostic, start: int, end: int, replacement: str, *,
          safe: bool = True) -> scriptkit.Diagnostic:
    return replace(d, fix=scriptkit.Fix("rewrite", (scriptkit.Edit(d.location.file, start, end, replacement),), safe))


def test_apply_fixes_leaves_unsafe_fixes_unless_asked() -> None:
    text = "I have refunded it today."
    d = scriptkit.lint_text(text).diagnostics[0]
    risky = [_edit(d, 0, 6, "We have", safe=False)]
    assert scriptkit.apply_fixes(text, risky) == text
    assert scriptkit.apply_fixes(text, risky, unsafe=True) == "We have refunded it today."


def test_apply_fixes_skips_overlapping_edits_as_fix_does() -> None:
    text = "I have refunded it today."
    d = scriptkit.lint_text(text).diagnostics[0]
    # an edit inside another gives way to it; of two that overlap, the later one is made
    inside = [_edit(d, 2, 6, "'ve"), _edit(d, 0, 6, "We have")]
    assert scriptkit.apply_fixes(text, inside) == "We have refunded it today."
    crossing = [_edit(d, 0, 6, "We have"), _edit(d, 2, 15, "sent")]
    assert scriptkit.apply_fixes(text, crossing) == "I sent it today."


def test_apply_fixes_refuses_fixes_found_in_another_text() -> None:
    d = scriptkit.lint_text(COLD).diagnostics[0]
    with pytest.raises(ValueError, match="not found in this text"):
        scriptkit.apply_fixes("Thanks!", [_edit(d, 90, 95, "help")])


# ---------------------------------------------------------------- 3. what lint_text(locale=...) changes (docs/python)


def test_an_english_locale_sets_the_dialect_the_rules_judge_and_advise_in() -> None:
    reply = "Whilst we apologize for the wait, I have sent your refund today."

    def found(locale: str) -> list[tuple[str, str, str]]:
        return [(d.code, d.text, d.suggestion or "") for d in scriptkit.lint_text(reply, locale=locale).diagnostics]

    assert ("SK201", "Whilst", '"While"') in found("en-US")
    assert not [text for _, text, _ in found("en-GB") if text == "Whilst"]
    assert any(advice.startswith("apologise as yourself") for _, _, advice in found("en-GB"))
    assert any(advice.startswith("apologize as yourself") for _, _, advice in found("en-US"))


# ---------------------------------------------------------------- 4. audit_library(skip_bad=True) with no readable item


def test_an_audit_with_no_readable_item_names_the_items_to_fix(tmp_path: Path) -> None:
    library = tmp_path / "macros.json"
    library.write_text('{"macros": [{"id": 1, "title": 5, "actions": [{"field": "comment_value", "value": 7}]}]}',
                       encoding="utf-8")
    with pytest.raises(scriptkit.ErrorGroup) as caught:
        scriptkit.audit_library(library, skip_bad=True)
    first, *items = caught.value.errors
    assert first.message == "nothing to audit: none of the items could be read"
    assert first.hint is not None and "above" not in first.hint and "macro 1" in first.hint
    assert [e.message for e in items] == ["macro 1: 'title' should be text but is a number"]


# ---------------------------------------------------------------- 5. a severity printed


def test_a_severity_prints_as_its_name() -> None:
    d = next(d for d in scriptkit.lint_text(COLD).diagnostics if d.severity == "warning")
    assert f"{d.severity}" == str(d.severity) == format(d.severity) == "%s" % d.severity == "warning"
    assert f"{scriptkit.Severity.ERROR:>8}" == "   error"
    assert repr(scriptkit.Severity.SUGGESTION) == "<Severity.SUGGESTION: 'suggestion'>"
