"""One export run for several helpdesks: a finding that is the same for several of them (same code and place,
the same words but for the helpdesk's name and its word for a reply) is reported once, naming them all, not once
a helpdesk for every script. ``export()`` keeps one a target, for a program that picks them by target."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from export_fixtures import PACK_YAML, write_pack

from scriptkit.cli import main
from scriptkit.exporting import export, said_once_across_targets

NOTES = """\
id: reset-{n}
title: Password reset {n}
scenario: The reset email never came.
emotion: frustrated
channels: [email]
acknowledgment: "I know it's annoying to be locked out."
flexibility:
  guidance: Check the spam folder with them first.
solution: "I've sent a fresh reset link just now."
"""


def _pack(tmp_path: Path) -> Path:
    return write_pack(tmp_path / "p", {f"reset-{n}.yaml": NOTES.format(n=n) for n in (1, 2)}, PACK_YAML)


def test_the_same_finding_for_several_helpdesks_is_said_once_naming_them(tmp_path: Path) -> None:
    found = export(_pack(tmp_path), ["freshdesk", "helpscout", "salesforce"], tmp_path / "out",
                   lint=False).diagnostics
    assert len([d for d in found if d.code == "SK508"]) == 6  # (the API's: one a target)
    dropped = [d for d in said_once_across_targets(found) if d.code == "SK508"]
    assert len(dropped) == 2  # (one a script, not three)
    for d in dropped:
        assert d.extra["target"] == "freshdesk,helpscout,salesforce"
        assert d.message.startswith("freshdesk has no place for agent notes in a canned response")
        assert d.message.endswith("(the same for helpscout and salesforce)")
    assert all("the same for" not in d.message for d in found)  # (the originals are left as they were)


def test_a_finding_for_one_helpdesk_alone_is_told_as_before(tmp_path: Path) -> None:
    found = export(_pack(tmp_path), ["helpscout"], tmp_path / "out", lint=False).diagnostics
    assert said_once_across_targets(found) == found


def test_findings_that_differ_beyond_the_helpdesk_stay_apart(tmp_path: Path) -> None:
    # (a title too long for both, whose limits differ: each says its own)
    script = NOTES.format(n=1).replace("title: Password reset 1", "title: " + "Reset " * 50)
    pack = write_pack(tmp_path / "p", {"a.yaml": script}, PACK_YAML)
    found = export(pack, ["freshdesk", "salesforce"], tmp_path / "out", lint=False, force=True).diagnostics
    told = [d.message for d in found if d.code == "SK501"]
    assert len(told) == 2 and [d.message for d in said_once_across_targets(found) if d.code == "SK501"] == told


def test_the_cli_says_it_once(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", str(_pack(tmp_path)), "--to", "freshdesk", "--to", "helpscout",
                                       "--to", "salesforce", "-o", str(tmp_path / "out"), "--grammar", "off"])
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    assert flat.count("has no place for agent notes") == 2 and "(the same for helpscout and salesforce)" in flat
