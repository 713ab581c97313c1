"""An export problem of the greeting scriptkit adds for a channel pack.yaml gives none (a hand-made pack
with only a name) is placed at pack.yaml and says what to write there, not '<default email layout> 1:1'
with 'pick a target with fallbacks'."""

from __future__ import annotations

from pathlib import Path

from export_fixtures import write_pack

from scriptkit.exporting import export

REFUND = """\
id: late-refund
title: "Billing::Refund is late"
channels: [email, chat]
acknowledgment: Waiting for money that is yours is stressful, and I understand why you are worried.
warm_language: Thank you for bearing with us.
flexibility:
  guidance: Check the bank.
solution: I've sent it to your card again today, and it will be there within 3 days.
"""


def sk504(pack: Path, out: Path) -> list:  # type: ignore[type-arg]
    result = export(pack, ["front", "gorgias"], out, lint=False)
    return [d for d in result.diagnostics if d.code == "SK504"]


def test_a_default_greetings_lost_fallback_points_at_pack_yaml(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"late-refund.yaml": REFUND}, "name: Typo pack\n")
    found = sk504(pack, tmp_path / "out")
    assert sorted((d.extra["target"], d.channel) for d in found) == [
        ("front", "chat"), ("front", "email"), ("gorgias", "chat"), ("gorgias", "email")]
    for d in found:
        assert (d.location.file, d.location.line) == (str(pack / "pack.yaml"), 1)
        assert f"default {d.channel} greeting" in d.message and "pack.yaml sets none" in d.message
        assert ",," not in d.message  # (the greeting's own comma ran into the sentence's)
        if d.channel == "email":
            assert 'greeting "Hi {{ customer.first_name' in d.message and ',", as pack.yaml sets none' in d.message
        assert "pick a target" not in (d.suggestion or "")
        assert f"channels: {{{d.channel}: {{greeting: " in (d.suggestion or "")
    # the warning is right: the export does write the bare name, which is blank for a customer without one
    body = (tmp_path / "out/front/message_templates.json").read_text(encoding="utf-8")
    assert "Hi {{recipient.first_name}}," in body


def test_following_the_advice_clears_it_and_a_channels_block_is_where_it_points(tmp_path: Path) -> None:
    settings = 'name: Typo pack\nchannels:\n  email:\n    greeting: "Hello,"\n'
    pack = write_pack(tmp_path / "p", {"late-refund.yaml": REFUND}, settings)
    found = sk504(pack, tmp_path / "out")
    assert [(d.channel, d.location.line) for d in found] == [("chat", 2), ("chat", 2)]  # (at 'channels:')
    settings += '  chat:\n    greeting: "Hello!"\n'
    (pack / "pack.yaml").write_text(settings, encoding="utf-8")
    assert sk504(pack, tmp_path / "out") == []
