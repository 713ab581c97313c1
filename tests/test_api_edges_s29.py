"""Python API edges: a misspelt slot or sample name is told, not read as empty; channels are taken as one name
or names with commas, as export's targets are; Library.write names the option in its caller's words."""

from __future__ import annotations

from typing import Any

import pytest

import scriptkit
from scriptkit import ConfigError
from scriptkit.message import BODY_SLOTS, Message

SCRIPT = ("id: late\ntitle: Late\nchannels: [email, chat]\n"
          "acknowledgment: I can see how frustrating it is that your parcel is late, {{ customer.first_name }}.\n"
          "solution: I've sent order {{ order.number }} again today, and it arrives by Friday.\n")


def _message(make_pack: Any, pack_yaml: str = "name: Test pack\n", script: str = SCRIPT) -> Message:
    pack = scriptkit.load_pack(make_pack({"late.yaml": script}, pack_yaml))
    return scriptkit.render_pack(pack, ["email"])[0]


# ---------------------------------------------------------------- slot_text

@pytest.mark.parametrize(("given", "meant"), [("acknowledgement", "acknowledgment"), ("solutions", "solution"),
                                              ("warm-language", "warm_language")])
def test_a_misspelt_slot_is_an_error_with_the_slot_meant(make_pack: Any, given: str, meant: str) -> None:
    message = _message(make_pack)
    with pytest.raises(ConfigError) as caught:
        message.slot_text(given)
    assert caught.value.message == f"Message.slot_text() has no slot '{given}'"
    assert caught.value.hint is not None and caught.value.hint.startswith(f"Did you mean '{meant}'? Slots: ")
    assert all(slot in caught.value.hint for slot in BODY_SLOTS)


def test_a_name_near_no_slot_lists_the_slots(make_pack: Any) -> None:
    with pytest.raises(ConfigError) as caught:
        _message(make_pack).slot_text("body")
    assert caught.value.hint is not None and caught.value.hint.startswith("Slots: greeting, acknowledgment")


def test_a_slot_the_message_has_no_text_for_is_empty(make_pack: Any) -> None:
    message = _message(make_pack)
    assert message.slot_text("acknowledgment").startswith("I can see how frustrating")
    assert message.slot_text("warm_language") == ""  # (the script writes none)
    assert message.slot_text("flexibility") == ""  # (the agent's notes are message.notes, not its text)
