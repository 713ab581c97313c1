"""A script's agent notes (guidance, alternatives, conditions) exported to a helpdesk with no place for them: SK508
at each one, where it is written; none where the export keeps them. And Front's SK507 across teams: two teams'
templates of one name do not clash, a private template still clashes with the team templates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from export_fixtures import PACK_YAML, write_pack

from scriptkit.cli import main
from scriptkit.exporting import export

PLAN = """\
id: plan-change
title: Plan change
channels: [email]
acknowledgment: "I understand the price change is unwelcome."
flexibility:
  guidance: Look at their usage first.
  alternatives:
    - label: Offer the annual plan
      text: The annual plan would cost you less over the year.
  conditions:
    - when: they have been with us over five years
      text: As a long-standing customer, you keep your current price until June.
solution: "Your new price starts next month, and you can change plans at any time."
"""

#: where each note's own line is in PLAN (guidance, the alternative's label, the condition's when)
GUIDANCE_LINE, ALTERNATIVE_LINE, CONDITION_LINE = 6, 8, 11

LOSING = ["freshdesk", "helpscout", "gorgias", "front", "intercom", "salesforce"]
KEEPING = ["zendesk", "csv", "json", "playbook"]


def _notes_dropped(found: list, target: str) -> list:  # type: ignore[type-arg]
    return [d for d in found if d.code == "SK508" and d.extra.get("target") == target]


@pytest.mark.parametrize("target", LOSING)
def test_the_notes_a_helpdesk_cannot_hold_are_named_at_the_first(tmp_path: Path, target: str) -> None:
    """One finding a script, naming each note (three a script had made a pack with guidance in every script warn
    three times a helpdesk), at the first note's line."""
    pack = write_pack(tmp_path / "p", {"plan.yaml": PLAN}, PACK_YAML)
    [dropped] = _notes_dropped(export(pack, [target], tmp_path / "out", lint=False).diagnostics, target)
    assert dropped.location.line == GUIDANCE_LINE
    assert "the agent guidance, the alternative 'Offer the annual plan' and the condition 'they have been with us " \
           "over five years' are not exported" in dropped.message
    assert "playbook" in (dropped.suggestion or "")


def test_a_lone_note_is_named_at_its_line(tmp_path: Path) -> None:
    script = PLAN.replace("  guidance: Look at their usage first.\n", "").split("  conditions:")[0] + \
        'solution: "Your new price starts next month."\n'
    pack = write_pack(tmp_path / "p", {"plan.yaml": script}, PACK_YAML)
    [dropped] = _notes_dropped(export(pack, ["front"], tmp_path / "out", lint=False).diagnostics, "front")
    assert dropped.location.line == ALTERNATIVE_LINE - 1
    assert "'Offer the annual plan' is not exported" in dropped.message


@pytest.mark.parametrize("target", KEEPING)
def test_no_warning_where_the_export_keeps_them(tmp_path: Path, target: str) -> None:
    pack = write_pack(tmp_path / "p", {"plan.yaml": PLAN}, PACK_YAML)
    assert not [d for d in export(pack, [target], tmp_path / "out", lint=False).diagnostics if d.code == "SK508"]


def test_one_warning_per_note_not_per_saved_reply(tmp_path: Path) -> None:
    # (sent on email and chat, with two variants: four saved replies, one script's notes)
    script = PLAN.replace("channels: [email]", "channels: [email, chat]").replace(
        'acknowledgment: "I understand the price change is unwelcome."',
        'acknowledgment: ["I understand the price change is unwelcome.", "I know a higher bill is unwelcome."]')
    pack = write_pack(tmp_path / "p", {"plan.yaml": script}, PACK_YAML)
    pack.joinpath("pack.yaml").write_text(PACK_YAML + "export:\n  helpscout:\n    variants: each\n", encoding="utf-8")
    dropped = _notes_dropped(export(pack, ["helpscout"], tmp_path / "out", lint=False).diagnostics, "helpscout")
    assert [d.location.line for d in dropped] == [GUIDANCE_LINE]


def test_the_writers_repro_in_the_cli(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"plan.yaml": PLAN}, PACK_YAML)
    result = CliRunner().invoke(main, ["export", str(pack), "--to", "zendesk", "--to", "helpscout", "-o",
                                       str(tmp_path / "out"), "--grammar", "off"])
    assert "Traceback" not in result.output
    assert result.exit_code == 0  # (warnings do not stop the export)
    said = [line.split() for line in result.output.splitlines() if "SK508" in line]
    assert [words[0] for words in said] == ["6:13"]  # (at the guidance, naming the alternative and condition too)
    assert all("helpscout" in words for words in said)  # (Zendesk keeps them in the description)
    assert "'Offer the annual plan'" in result.output
    macro = json.loads((tmp_path / "out" / "zendesk" / "macros" / "plan-change.json").read_text(encoding="utf-8"))
    assert "Offer the annual plan" in macro["macro"]["description"]


def test_the_chat_version_is_not_named_twice(tmp_path: Path) -> None:
    script = PLAN.replace("Offer the annual plan", "Chat version")
    pack = write_pack(tmp_path / "p", {"plan.yaml": script}, PACK_YAML)
    found = export(pack, ["gorgias", "helpscout"], tmp_path / "out", lint=False).diagnostics
    # (Gorgias: the chat version's own SK508; Help Scout keeps it as chatText)
    assert [d.location.line for d in _notes_dropped(found, "gorgias")].count(ALTERNATIVE_LINE) == 1
    assert ALTERNATIVE_LINE not in [d.location.line for d in _notes_dropped(found, "helpscout")]


def test_the_readmes_say_what_is_left_out(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"plan.yaml": PLAN}, PACK_YAML)
    export(pack, LOSING, tmp_path / "out", lint=False)
    for target in LOSING:
        readme = (tmp_path / "out" / target / "README.md").read_text(encoding="utf-8")
        assert "alternatives" in readme and "conditions" in readme and "SK508" in readme, target


def _front(script_id: str, settings: str) -> str:
    return (f"id: {script_id}\ntitle: Refund sent\nacknowledgment: \"I'm sorry for the wait.\"\n"
            f"solution: \"Your refund is on its way.\"\nexport:\n  front:\n{settings}")


def _clashes(tmp_path: Path, scripts: dict[str, str]) -> list[str]:
    pack = write_pack(tmp_path / "p", scripts, PACK_YAML)
    found = export(pack, ["front"], tmp_path / "out", lint=False, force=True).diagnostics
    return sorted(d.script_id or "" for d in found if d.code == "SK507")


def test_two_teams_templates_of_one_name_do_not_clash(tmp_path: Path) -> None:
    assert _clashes(tmp_path, {"a.yaml": _front("a", "    team_id: tim_a\n"),
                               "b.yaml": _front("b", "    team_id: tim_b\n")}) == []


def test_one_teams_two_templates_of_one_name_clash(tmp_path: Path) -> None:
    assert _clashes(tmp_path, {"a.yaml": _front("a", "    team_id: tim_a\n"),
                               "b.yaml": _front("b", "    team_id: tim_a\n")}) == ["b"]


@pytest.mark.parametrize("other", ["    team_id: tim_a\n", "    subject: Refund\n"])
def test_a_private_template_clashes_with_the_team_and_shared_ones(tmp_path: Path, other: str) -> None:
    assert _clashes(tmp_path, {"a.yaml": _front("a", other),
                               "b.yaml": _front("b", "    teammate_id: tea_1\n")}) == ["b"]


def test_a_template_for_the_token_workspace_clashes_with_any_teams(tmp_path: Path) -> None:
    # (POST /message_templates creates it in "the oldest active workspace" of the token: it may be either team's)
    assert _clashes(tmp_path, {"a.yaml": _front("a", "    team_id: tim_a\n"),
                               "b.yaml": _front("b", "    team_id: tim_b\n"),
                               "c.yaml": _front("c", "    subject: Refund\n")}) == ["c"]
