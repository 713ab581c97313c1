"""apply_fixes given findings made in another version of the text: each edit is checked against what it replaces."""

from __future__ import annotations

import pytest

import scriptkit

REPLY = "We are sorry. Let us know if you need further assistance. I have sent a new charger today."


def test_findings_of_an_earlier_draft_are_refused_not_spliced_into_the_new_one() -> None:
    result = scriptkit.lint_text(REPLY)
    edited = "Hi Sam! " + REPLY  # (the agent edited the draft after the review)
    with pytest.raises(scriptkit.ConfigError, match=r"SK\d{3}.*'We are'.*lint the text again") as caught:
        scriptkit.apply_fixes(edited, result.diagnostics)
    assert isinstance(caught.value, ValueError)  # (as an edit outside the text has always been)
    assert caught.value.location is not None and caught.value.location.line == 1


def test_a_shorter_text_is_a_config_error_too() -> None:
    result = scriptkit.lint_text(REPLY)
    with pytest.raises(scriptkit.ConfigError, match="made in another text"):
        scriptkit.apply_fixes("Thanks!", result.diagnostics)
    last = [d for d in result.diagnostics if d.fix][-1]
    with pytest.raises(scriptkit.ConfigError, match=f"{last.code} .* not found in this text of 7"):
        scriptkit.apply_fixes("Thanks!", [last])


def test_the_text_linted_is_fixed_from_a_result_or_its_diagnostics_alike() -> None:
    result = scriptkit.lint_text(REPLY)
    fixed = scriptkit.apply_fixes(REPLY, result.diagnostics)
    assert fixed != REPLY and "I've sent" in fixed
    assert scriptkit.apply_fixes(REPLY, result) == fixed


def test_edits_say_what_they_replace_as_the_caller_wrote_it() -> None:
    reply = "We are\u00a0sorry. I have sent a new charger today."  # (a no-break space, read as a space)
    result = scriptkit.lint_text(reply)
    edits = [e for d in result.diagnostics if d.fix for e in d.fix.edits]
    assert edits and all(e.replaces == reply[e.start:e.end] for e in edits)
    assert "I've sent" in scriptkit.apply_fixes(reply, result)


@pytest.mark.parametrize(("findings", "named"), [("We're sorry.", "the str"), (None, "None"),
                                                  (["We're sorry."], "the str")])
def test_findings_of_the_wrong_type_are_named(findings: object, named: str) -> None:
    with pytest.raises(scriptkit.ConfigError, match=f"apply_fixes.*LintResult.*not {named}"):
        scriptkit.apply_fixes(REPLY, findings)  # type: ignore[arg-type]


def test_a_text_of_the_wrong_type_is_named() -> None:
    with pytest.raises(scriptkit.ConfigError, match=r"apply_fixes.*text.*not the bytes"):
        scriptkit.apply_fixes(REPLY.encode(), scriptkit.lint_text(REPLY))  # type: ignore[arg-type]
