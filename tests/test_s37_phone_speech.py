"""SK106 let through what cannot be done or said on a call: 'click here', 'see the link', a code or a long number
to type or note down.
"""

from __future__ import annotations

from typing import Any

from scriptkit import lint_pack, load_pack


def _findings(make_pack: Any, code: str, channel: str, solution: str, ack: str = "I'm sorry about the wait.",
              pack_yaml: str = "name: Test pack\n") -> list[Any]:
    script = (f"id: wait\ntitle: Wait\nchannels: [{channel}]\nacknowledgment: \"{ack}\"\n"
              f"solution: |\n" + "".join(f"  {line}\n" for line in solution.splitlines()))
    found = lint_pack(load_pack(make_pack({"wait.yaml": script}, pack_yaml)), grammar="off").diagnostics
    return [d for d in found if d.code == code]


def test_visual_instructions_are_flagged_on_the_phone(make_pack: Any) -> None:
    found = _findings(make_pack, "SK106", "phone",
                      "I've sent the reset email now. Click here if it doesn't arrive, or see the link in it.\n"
                      "The steps below show the rest.")
    said = sorted(d.message for d in found)
    assert len(found) == 3, said
    assert any("Click here" in m for m in said) and any("see the link" in m for m in said)
    assert any("below" in m for m in said)
    assert all(d.severity.value == "warning" for d in found)


def test_long_codes_and_numbers_get_a_suggestion_to_say_them_in_groups(make_pack: Any) -> None:
    found = _findings(make_pack, "SK106", "phone",
                      "Type code X7K-29QB on the login page. Your case number is #48213.\n"
                      "You can also call us on +442079460958 at any time.")
    said = sorted(d.message for d in found)
    assert len(found) == 3, said
    assert all(d.severity.value == "suggestion" for d in found), found
    assert any("X7K-29QB" in m for m in said) and any("48213" in m for m in said)
    assert "group" in (found[0].suggestion or "")


def test_ordinary_numbers_and_words_pass_on_the_phone(make_pack: Any) -> None:
    assert _findings(make_pack, "SK106", "phone",
                     "I've refunded the €49.99 to your card ending 4421; it reaches you within 3 days, by 2pm "
                     "on Friday. Lines are open 8am-6pm, and 10,000 customers moved in 2024.\n"
                     "Call us on +44 20 7946 0958 if it hasn't, and above all, don't worry: the charge is below "
                     "the limit.") == []


def test_visual_instructions_pass_on_other_channels(make_pack: Any) -> None:
    assert _findings(make_pack, "SK106", "email", "Click here if it doesn't arrive. Code X7K-29QB.") == []
