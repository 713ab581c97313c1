"""SK104 on an SMS that has its own text for some slots only said "Shorten the script's own sms text", though part of
the length came from the slots the SMS takes from the script's main text: it now names those slots and their length,
so the writer knows what to shorten or give sms its own text for."""

from __future__ import annotations

from typing import Any

from scriptkit import lint_pack, load_pack

ACK = "I found your order, and I know the wait has been frustrating."
WARM = "Thanks so much for your patience with us."
SMS_SOLUTION = ("I've sent a brand new plant to you by express courier today, and it will arrive within two working "
                "days, so you won't need to wait any longer at all. Thanks!")


def _script(warm: str = "", sms_ack: str | None = None) -> str:
    return (
        "id: late-parcel\ntitle: Late parcel\nchannels: [email, sms]\n"
        f"acknowledgment: {ACK}\n" + (f"warm_language: {warm}\n" if warm else "")
        + "solution: I've sent a new plant today, and it arrives within two days.\n"
        + "by_channel:\n  sms:\n" + (f"    acknowledgment: {sms_ack}\n" if sms_ack else "")
        + f"    solution: {SMS_SOLUTION}\n")


def _sk104(make_pack: Any, script: str) -> str:
    found = [d for d in lint_pack(load_pack(make_pack({"late.yaml": script})), grammar="off").diagnostics
             if d.code == "SK104"]
    assert len(found) == 1, found
    return found[0].suggestion or ""


def test_names_the_slot_the_sms_takes_from_the_main_text(make_pack: Any) -> None:
    advice = _sk104(make_pack, _script())
    assert f"acknowledgment ({len(ACK)} characters)" in advice, advice
    assert "main text" in advice and "'by_channel:' then 'sms:'" in advice, advice


def test_names_every_such_slot(make_pack: Any) -> None:
    advice = _sk104(make_pack, _script(warm=WARM))
    assert f"acknowledgment ({len(ACK)} characters)" in advice, advice
    assert f"warm_language ({len(WARM)} characters)" in advice, advice


def test_names_none_when_the_sms_has_its_own_text_for_each_slot(make_pack: Any) -> None:
    advice = _sk104(make_pack, _script(sms_ack="So sorry for the wait."))
    assert "main text" not in advice and "Shorten the script's own sms text" in advice, advice
