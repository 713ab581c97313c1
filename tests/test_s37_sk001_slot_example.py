"""SK001 on a short channel whose greeting ends with a comma: the example sentence took in the layout's greeting
('e.g. 'Hi {{ customer.first_name }}, I know a late parcel is frustrating.''), so pasting it into the slot greeted
twice, and every placeholder it quoted lost its fallback ('{{ order.carrier }}' for a carrier written with
fallback('Our courier'))."""

from __future__ import annotations

from pathlib import Path

from scriptkit import lint_pack, load_pack

_PACK = ("name: S\nplaceholders:\n  order.carrier:\n    description: The delivery company\n    sample: ParcelGo\n"
         "  order.tracking_url:\n    description: The tracking link of the order\n    sample: https://t.example/1\n"
         "channels:\n  sms:\n    greeting: \"Hi {{ customer.first_name | fallback('there') }},\"\n")


def _sk001(tmp_path: Path, script: str) -> list[tuple[str, str]]:
    (tmp_path / "scripts").mkdir()
    (tmp_path / "pack.yaml").write_text(_PACK, encoding="utf-8")
    (tmp_path / "scripts" / "a.yaml").write_text("id: a\ntitle: A\nchannels: [sms]\n" + script, encoding="utf-8")
    return [(d.message, d.suggestion or "") for d in lint_pack(load_pack(tmp_path)).diagnostics if d.code == "SK001"]


def test_the_example_is_the_slots_own_sentence(tmp_path: Path) -> None:
    [(_, advice)] = _sk001(tmp_path, "acknowledgment: I know a waiting parcel is a worry, {{ customer.first_name }}.\n"
                                     "solution: I'll check on it tomorrow and text you.\n")
    assert "e.g. 'I know a waiting parcel is a worry.'" in advice
    assert "Hi" not in advice


def test_a_quoted_placeholder_keeps_its_fallback(tmp_path: Path) -> None:
    [(message, _)] = _sk001(tmp_path, "acknowledgment: Good news, your order has left us!\n"
                                      "solution: \"{{ order.carrier | fallback('Our courier') }} brings it soon: "
                                      "{{ order.tracking_url }} Reply STOP to opt out.\"\n")
    assert "{{ order.carrier | fallback('Our courier') }} brings it soon:" in message
    assert "{{ order.carrier }}" not in message
