"""SK507 judges a Front template's title where teammates pick it: a teammate's private template
(``teammate_id``) is in that teammate's picker beside the shared ones, and in no one else's. Two teammates'
own "Refund" never meet, so both export; one teammate's two, or theirs and a shared one, still clash."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from export_fixtures import write_pack

from scriptkit.cli import main

SCRIPT = """\
id: {id}
title: Refund
channels: [email]
acknowledgment: I'm sorry the order wasn't what you hoped for.
solution: I've refunded it in full today, and you'll see it on your card within five days.
{export}"""


def _private(owner: str) -> str:
    return f"export:\n  front:\n    teammate_id: {owner}\n"


def _export(tmp_path: Path, *owners: str | None) -> Result:
    scripts = {f"r{i}.yaml": SCRIPT.format(id=f"r{i}", export="" if owner is None else _private(owner))
               for i, owner in enumerate(owners)}
    pack = write_pack(tmp_path / "p", scripts)
    return CliRunner().invoke(main, ["export", str(pack), "--to", "front", "-o", str(tmp_path / "out")],
                              env={"NO_COLOR": "1"})


def test_two_teammates_may_each_own_a_template_of_one_title(tmp_path: Path) -> None:
    result = _export(tmp_path, "tea_4", "tea_5")
    assert result.exit_code == 0, result.output
    assert "SK507" not in result.output
    for owner in ("tea_4", "tea_5"):
        assert (tmp_path / "out" / "front" / "teammates" / owner / "message_templates" / "r0.json").exists() or \
            (tmp_path / "out" / "front" / "teammates" / owner / "message_templates" / "r1.json").exists()


def test_one_teammate_written_two_ways_is_one_teammate(tmp_path: Path) -> None:
    # (the email address, with or without Front's alt:email: alias and in any case, names one teammate's folder)
    result = _export(tmp_path, "ana@example.com", "alt:email:Ana@Example.com")
    assert result.exit_code != 0
    assert "SK507" in result.output and "front title 'Refund' is also used by 'r0'" in result.output


@pytest.mark.parametrize("owners", [("tea_4", "tea_4"), ("tea_4", None), (None, "tea_4"), (None, None)],
                         ids=["one-teammate", "private-then-shared", "shared-then-private", "shared"])
def test_titles_a_teammate_sees_together_still_clash(tmp_path: Path, owners: tuple[str | None, ...]) -> None:
    result = _export(tmp_path, *owners)
    assert result.exit_code != 0
    assert "front title 'Refund' is also used by 'r0'" in result.output


def test_a_shared_template_clashes_with_every_teammate_holding_the_title(tmp_path: Path) -> None:
    # (tea_4's and tea_5's never meet, but everyone sees the shared one: it is named beside the first it meets)
    result = _export(tmp_path, "tea_4", "tea_5", None)
    assert result.exit_code != 0
    assert result.output.count("SK507") == 1, result.output
