"""SK304 hears a refund or payment that went through, told as news ("It went through this morning"), as help given;
not one that went through twice, which is what went wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main


def review(tmp_path: Path, body: str) -> set[str]:
    """The codes ``scriptkit review`` reports on a reply file holding ``body``."""
    reply = tmp_path / "reply.txt"
    reply.write_text(body + "\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["review", str(reply), "--grammar", "off", "--format", "json"],
                             env={"NO_COLOR": "1"})
    assert run.exit_code in (0, 1), run.output
    return {d["code"] for d in json.loads(run.stdout)["diagnostics"]}




@pytest.mark.parametrize("body", [
    "I'm sorry the refund took so long. It went through this morning, so you'll see it on your statement by "
    "Wednesday.",
    "I'm sorry the refund took so long. It went through this morning, and it should show on your statement by "
    "Wednesday.",
])
def test_a_refund_that_went_through_is_sympathy_with_action(tmp_path: Path, body: str) -> None:
    assert "SK304" not in review(tmp_path, body)


def test_a_payment_that_went_through_twice_is_what_went_wrong(tmp_path: Path) -> None:
    assert "SK304" in review(tmp_path, "I'm sorry the payment went through twice yesterday.")
