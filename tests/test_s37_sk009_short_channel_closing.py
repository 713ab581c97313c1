"""SK009: a letter's closing in a chat, SMS or social reply ('...reach out. Kind regards, Sam') was flagged only
where the channel's layout adds a sign-off; it is now flagged on those channels without one too."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit import lint_pack, load_pack


def _sk009(tmp_path: Path, channel: str, solution: str) -> list[tuple[str, str, str]]:
    (tmp_path / "scripts").mkdir()
    (tmp_path / "pack.yaml").write_text("name: S\n", encoding="utf-8")
    (tmp_path / "scripts" / "a.yaml").write_text(
        f"id: a\ntitle: A\nchannels: [{channel}]\nacknowledgment: I'm sorry the refund is slow.\n"
        f"solution: \"{solution}\"\n", encoding="utf-8")
    return [(d.message, d.suggestion or "", d.text or "") for d in lint_pack(load_pack(tmp_path)).diagnostics
            if d.code == "SK009"]


@pytest.mark.parametrize("channel", ["chat", "sms", "social"])
@pytest.mark.parametrize("closing", ["Kind regards, Priya", "Best regards,\\nPriya\\nNorthwind Support", "Sincerely."])
def test_a_letters_closing_is_flagged(tmp_path: Path, channel: str, closing: str) -> None:
    [(message, advice, text)] = _sk009(tmp_path, channel, f"I sent it today. Any questions, reach out. {closing}")
    assert text.startswith(closing.split(",")[0].split(".")[0])
    assert f"{channel} reply" in message and advice.startswith("Delete it")


@pytest.mark.parametrize("solution", ["I've sent it again today.\\nThanks,\\nSam", "I've sent it again today. Cheers!",
                                      "I've sent it again today. Regards to your team from all of us."])
def test_a_casual_thanks_or_a_sentence_is_not(tmp_path: Path, solution: str) -> None:
    assert _sk009(tmp_path, "sms", solution) == []


def test_an_email_without_a_signoff_may_sign_its_own(tmp_path: Path) -> None:
    (tmp_path / "scripts").mkdir()
    (tmp_path / "pack.yaml").write_text("name: S\nchannels:\n  email:\n    signoff: ''\n", encoding="utf-8")
    (tmp_path / "scripts" / "a.yaml").write_text(
        "id: a\ntitle: A\nchannels: [email]\nacknowledgment: I'm sorry the refund is slow.\n"
        "solution: \"I've sent it again today.\\n\\nKind regards,\\nPriya\"\n", encoding="utf-8")
    assert [d for d in lint_pack(load_pack(tmp_path)).diagnostics if d.code == "SK009"] == []
