"""Python API edges: a misspelt slot or sample name is told, not read as empty; channels are taken as one name
or names with commas, as export's targets are; Library.write names the option in its caller's words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import scriptkit
from scriptkit import ConfigError
from scriptkit.cli import main
from scriptkit.message import BODY_SLOTS, Message, Placeholder, Text

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


# ---------------------------------------------------------------- preview

def test_a_misspelt_sample_name_is_an_error_with_the_placeholder_meant(make_pack: Any) -> None:
    message = _message(make_pack)
    with pytest.raises(ConfigError) as caught:
        message.preview({"customer.firstname": "Sam"})
    assert caught.value.message == ("Message.preview() was given a sample for 'customer.firstname', which is no "
                                    "placeholder: this message's customer.first_name has none, and shows its fallback")
    assert caught.value.hint is not None and caught.value.hint.startswith("Did you mean 'customer.first_name'?")


def test_samples_for_placeholders_the_message_does_not_use_are_taken(make_pack: Any) -> None:
    pack_yaml = "name: T\nplaceholders:\n  order.carrier:\n    sample: DHL\n"
    message = _message(make_pack, pack_yaml)
    shown = message.preview(scriptkit.load_pack(make_pack({"late.yaml": SCRIPT}, pack_yaml)).catalogue.samples())
    assert "Maya" in shown and "A-10432" in shown
    # a catalogue's name (the pack's own too) is never read as a slip for the one the message uses
    assert message.preview({"customer.last_name": "Okafor", "order.carrier": "DHL"}) == message.preview({})
    # a key near none of its placeholders (a record's other fields) is left alone, as before
    assert "Sam" in message.preview({"customer.first_name": "Sam", "crm.segment": "gold"})
    # the misspelt key beside the right one: the preview is as meant
    assert "Sam" in message.preview({"customer.first_name": "Sam", "customer.firstname": "Sam"})


def test_a_message_of_no_pack_reads_its_own_placeholders() -> None:
    message = Message("s", "S", "email", 0, (Text("Hi ", "greeting"), Placeholder("contact.nickname", "greeting", None),
                                             Text(".", "greeting")))
    assert message.preview({"contact.nickname": "Sam"}) == "Hi Sam."
    with pytest.raises(ConfigError, match=r"Did you mean 'contact\.nickname'"):
        message.preview({"contact.nicknme": "Sam"})


# ---------------------------------------------------------------- channels

@pytest.mark.parametrize("channels", ["chat", "chat, email", " chat ,"])
def test_channels_may_be_one_name_or_names_with_commas(make_pack: Any, tmp_path: Path, channels: str) -> None:
    pack = scriptkit.load_pack(make_pack({"late.yaml": SCRIPT}))
    wanted = {name.strip() for name in channels.split(",") if name.strip()}
    assert {m.channel for m in scriptkit.render_pack(pack, channels)} == wanted
    assert {d.channel for d in scriptkit.lint_pack(pack, grammar="off", channels=channels, jobs=1).diagnostics} \
        <= wanted | {None}
    result = scriptkit.export(pack, "csv", tmp_path / "out", channels=channels, lint=False)
    assert result.files


def test_a_misspelt_channel_among_commas_is_told_once(make_pack: Any) -> None:
    pack = scriptkit.load_pack(make_pack({"late.yaml": SCRIPT}))
    with pytest.raises(ConfigError) as caught:
        scriptkit.render_pack(pack, "chat,emial")
    assert str(caught.value) == ("unknown channel 'emial'. Did you mean email? "
                                 "Channels: email, chat, sms, phone, social.")


def test_channels_as_bytes_are_refused_with_the_advice_said_once(make_pack: Any) -> None:
    pack = scriptkit.load_pack(make_pack({"late.yaml": SCRIPT}))
    with pytest.raises(ConfigError) as caught:
        scriptkit.render_pack(pack, b"chat")  # type: ignore[arg-type]
    assert str(caught.value).count("Pass ") == 1


# ---------------------------------------------------------------- Library.write

CSV = "title,body\nRefund sent,\"I've refunded your order today, and it reaches your card within 5 days.\"\n"


def test_writing_over_a_pack_names_force_in_the_callers_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    monkeypatch.chdir(tmp_path)
    Path("macros.csv").write_text(CSV, encoding="utf-8")
    library = scriptkit.import_library("macros.csv")
    library.write("imported")
    with pytest.raises(ConfigError) as caught:
        library.write("imported")
    assert caught.value.hint == "Choose a new folder, or pass force=True to replace it; nothing was changed."
    result = CliRunner().invoke(main, ["import", "macros.csv", "--out", "imported"])
    assert result.exit_code == 2
    assert "Choose a new folder, or pass --force to replace it; nothing was changed." in result.output
    assert "force=True" not in result.output
