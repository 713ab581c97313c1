"""``scriptkit review``'s text summary counts the marked sentences out of the same sentences as
the clean ones: a finding on the sign-off made it read "0 of 3 sentence(s) ... ; 4 marked !"."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

REPLY = ("Hi Dana,\n\nI understand how frustrating a late parcel is. I have shipped it again today. "
         "You will get it by Friday.\n\nRegards,\nThe Customer Support Department\n")


def _summary(text: str) -> str:
    return next(line for line in text.splitlines() if "cleanly" in line).strip()


def test_a_marked_sign_off_is_named_apart_from_the_count_of_the_reply_s_sentences(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    reply = tmp_path / "reply.txt"
    reply.write_text(REPLY, encoding="utf-8")
    run = CliRunner().invoke(main, ["review", str(reply)])
    assert run.exit_code == 1, run.output
    lines = run.output.splitlines()
    marks = [line.split()[2] for line in lines if line.startswith("  ! ")]
    # the two sentences without a contraction and the team-name sign-off are marked
    assert marks == ["solution", "solution", "sign-off"], run.output
    assert _summary(run.output) == (
        "1 of 3 sentence(s) of the reply (greeting and sign-off aside) acknowledge, show warmth or offer a "
        "solution cleanly; 2 marked ! could improve. The sign-off, outside that count, is marked ! too: "
        "SK206 [robotic-closer]."), run.output


def test_an_unmarked_sign_off_adds_nothing_to_the_summary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    reply = tmp_path / "reply.txt"
    reply.write_text(REPLY.replace("The Customer Support Department", "Sam"), encoding="utf-8")
    run = CliRunner().invoke(main, ["review", str(reply)])
    assert "sign-off" in run.output and "outside that count" not in run.output, run.output
    assert _summary(run.output).endswith("; 2 marked ! could improve."), run.output


def test_a_settings_warning_is_shown_under_its_file_not_on_the_reply(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # (it was matched to a sentence by its offset alone: SK800 at scriptkit.toml 1:1 marked the reply's first)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "scriptkit.toml").write_text('ignore = ["warmthh"]\n', encoding="utf-8")
    (tmp_path / "reply.txt").write_text("I can see how worrying a double charge is. I've refunded it today, and it "
                                        "reaches your card by Tuesday. Thanks for telling me!\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["review", "reply.txt", "--grammar", "off"], env={"NO_COLOR": "1"})
    reply, settings = run.output.split("scriptkit.toml", 1)
    assert "SK800" not in reply and "  ! " not in reply and "0 marked !" in reply, run.output
    assert "SK800 [setting-not-applied] unknown rule selector 'warmthh'" in settings


def test_a_greeting_and_sign_off_alone_are_said_so_not_counted_as_0_of_0(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("Dear valued customer,\n\nBest regards,\nThe Support Team\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["review", str(tmp_path / "empty.txt"), "--grammar", "off"], env={"NO_COLOR": "1"})
    said = " ".join(run.output.split())
    assert "0 of 0" not in said and "outside that count" not in said, said
    assert "the reply is a greeting and a sign-off only: nothing acknowledges the customer or offers a solution." \
        in said
    assert "The greeting is marked !: SK201 [corporate-phrase]." in said
