"""The audit's score of a broken paste: a repeated sentence (SK011) costs readability, a reply far over its channel's
length costs more than one just over it, and a reply that is mostly repeats is held at the cap."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scriptkit.audit import CAP, audit, weight
from scriptkit.diagnostics import Diagnostic, Location, Severity
from tests.conftest import run_cli

GOOD = ("Hi {{ticket.requester.first_name}},\n\nI'm so sorry you're locked out, that's really frustrating. "
        "I've sent a reset link to your email just now; it works for the next 24 hours, and I'll check in "
        "tomorrow to make sure you're back in. If the link doesn't arrive, reply here and I'll call you instead."
        "\n\nWarmly,\nSam")
PASTE = "Click the link in the email we sent you and choose a new password for your account. "


def _length(count: int, limit: int, name: str = "email-length") -> Diagnostic:
    return Diagnostic("SK105", name, f"email is {count} words", Severity.SUGGESTION, Location("f", 1, 1),
                      extra={"count": str(count), "limit": str(limit)})


@pytest.mark.parametrize(("count", "limit", "expected"), [
    (1152, 125, 0.67),
    (250, 125, 0.29),
    (140, 125, 0.1),  # (just over: a suggestion's share)
    (21, 50, 0.1),  # (short: a suggestion's share)
    (1, 50, 0.1),
])
def test_a_length_costs_more_the_further_over_its_limit(count: int, limit: int, expected: float) -> None:
    assert weight(_length(count, limit)) == pytest.approx(expected, abs=0.005)


def test_a_channel_limit_costs_by_how_far_over() -> None:
    chat = _length(360, 90, "too-long-for-channel")
    sms = _length(640, 70, "too-long-for-channel")
    assert weight(chat) == pytest.approx(0.5) and weight(sms) == pytest.approx(1 - (70 / 640) ** 0.5)


def test_the_length_rules_say_the_count_and_the_limit() -> None:
    """The audit reads them from the finding's facts, not its wording (SK104, SK105: Diagnostic.extra)."""
    from scriptkit import lint_text

    reply = "I'm sorry the parcel is late, and I've asked the courier to deliver it tomorrow. " * 20
    email = [d for d in lint_text(reply, channel="email").diagnostics if d.code == "SK105"]
    chat = [d for d in lint_text(reply, channel="sms").diagnostics if d.code == "SK104"]
    assert [(d.extra["count"], d.extra["limit"]) for d in email] == [("300", "125")]
    assert [d.extra["limit"] for d in chat] == ["160"] and f"is {chat[0].extra['count']} characters" in chat[0].message


def _export(tmp_path: Path, settings: str | None = None) -> Path:
    folder = tmp_path / ("ignored" if settings else "plain")
    folder.mkdir()
    if settings:
        (folder / "scriptkit.toml").write_text(settings, encoding="utf-8")
    paste = GOOD.replace("\n\nWarmly", "\n\n" + PASTE * 60 + "\n\nWarmly")
    export = folder / "zendesk.json"
    export.write_text(json.dumps({"macros": [
        {"id": i, "title": title, "active": True, "actions": [{"field": "comment_value", "value": body}]}
        for i, title, body in ((1, "Password reset", GOOD), (2, "Password reset (long)", paste))]}),
        encoding="utf-8")
    return export


@pytest.mark.parametrize("settings", [None, 'ignore = ["SK105"]\n'])
def test_a_reply_pasted_over_and_over_ranks_among_the_worst(tmp_path: Path, settings: str | None) -> None:
    report = audit(_export(tmp_path, settings))
    long, good = report.macro("password-reset-long"), report.macro("password-reset")
    assert report.macros[0] is long and long.overall <= CAP < good.overall
    assert long.capped and "broken paste (repeated-text)" in str(long.held_because)
    read = long.scores["readability"]
    assert read is not None and read < 50
    [common] = [c for c in report.common if c.name == "repeated-text"]
    assert common.practice == "readability" and common.label == "readability"


def test_the_text_report_says_why_it_is_held(tmp_path: Path) -> None:
    result = run_cli("audit", str(_export(tmp_path)))
    assert result.exit_code == 0, result.output
    assert "of it repeats what it said already, word for word: a broken paste (repeated-text)" in result.stdout
    assert "SK011 repeated-text (readability)" in result.stdout


def test_a_sentence_said_twice_costs_readability_but_is_no_broken_paste(tmp_path: Path) -> None:
    again = "If the link doesn't arrive, reply here and I'll call you instead."
    twice = GOOD.replace("\n\nWarmly", f"\n\n{again}\n\nWarmly")
    export = tmp_path / "zendesk.json"
    export.write_text(json.dumps({"macros": [{"id": i, "title": title, "active": True,
                                              "actions": [{"field": "comment_value", "value": body}]}
                                             for i, title, body in ((1, "Once", GOOD), (2, "Twice", twice))]}),
                      encoding="utf-8")
    report = audit(export)
    once, macro = report.macro("once"), report.macro("twice")
    assert [d.name for d in macro.diagnostics if d.name == "repeated-text"] == ["repeated-text"]
    assert not macro.capped and macro.held_because is None
    read, before = macro.scores["readability"], once.scores["readability"]
    assert read is not None and before is not None and read == pytest.approx(before * 0.7, abs=0.1)
