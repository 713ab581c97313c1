"""A team's line under the agent's own name is a warm signature: "Kind regards\\nPriya\\nSupport Team" was told
SK206 "Sign as a person", suggesting the first name that is already there. A team signed alone is still found."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli

BODY = ("Hi Sam,\n\nThanks for bearing with us, and sorry the app logged you out. I've reset your session today, "
        "so you can sign in again now.\n\n")


def _review(tmp_path: Path, signature: str) -> str:
    reply = tmp_path / "reply.txt"
    reply.write_text(BODY + signature, encoding="utf-8")
    return run_cli("review", str(reply)).output


@pytest.mark.parametrize("signature", [
    "Kind regards\nPriya\nSupport Team\n",
    "Kind regards,\nPriya\nThe Brightwave Support Team\n",
    "Best,\nPriya S.\nCustomer Support Team\n",
    "Thanks,\nJo-Anne O'Neil\nHelp Desk Team",
])
def test_a_team_under_a_persons_name_is_not_robotic(tmp_path: Path, signature: str) -> None:
    assert "SK206" not in _review(tmp_path, signature)


@pytest.mark.parametrize("signature", [
    "Kind regards\nSupport Team\n",
    "Kind regards,\nThe Brightwave Support Team\n",
    "Cheers\nSupport Team\n",
    "Have a lovely week\nSupport Team\n",
])
def test_a_team_signed_alone_is_still_robotic(tmp_path: Path, signature: str) -> None:
    assert "SK206 [robotic-closer] robotic closing" in _review(tmp_path, signature)
