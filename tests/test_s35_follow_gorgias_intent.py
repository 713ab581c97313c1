"""A Gorgias macro's intent (kept by the import as the gorgias setting 'intent') exported to another helpdesk, which
has no intents: named by SK511 at the setting, as a lost ticket action is, and said for what it is."""

from __future__ import annotations

from pathlib import Path

from export_fixtures import write_pack

from scriptkit.exporting import export

PACK = "name: Intents\nversion: 1.0.0\nchannels:\n  email:\n    greeting: ''\n    signoff: ''\n"


def _script(block: str) -> str:
    return ("id: late-parcel\ntitle: Late parcel\nchannels: [email]\n"
            "acknowledgment: I'm sorry your parcel is late.\n"
            "solution: I asked the carrier to deliver it tomorrow.\n"
            f"export:\n  gorgias:\n{block}")


def _sk511(tmp_path: Path, block: str, target: str) -> list[tuple[str, str, int]]:
    pack = write_pack(tmp_path / target, {"late.yaml": _script(block)}, PACK)
    result = export(pack, [target], tmp_path / "out" / target, lint=False)
    return [(d.message, d.suggestion or "", d.location.line if d.location else 0)
            for d in result.diagnostics if d.code == "SK511"]


def test_an_intent_alone_is_named_without_saying_the_ticket_is_left_as_it_was(tmp_path: Path) -> None:
    [(message, hint, line)] = _sk511(tmp_path, "    intent: shipping/status\n", "zendesk")
    assert "in gorgias this macro also is filed under the intent 'shipping/status'" in message
    assert "zendesk macros have no intent" in message and "ticket as it was" not in message
    assert "title" in hint and "tags" in hint
    assert line == 8  # (at intent:)


def test_an_intent_beside_a_lost_action_is_named_with_it(tmp_path: Path) -> None:
    block = "    status: closed\n    intent: order/cancel\n"
    [(message, _, _)] = _sk511(tmp_path, block, "front")
    assert "sets the status to closed and is filed under the intent 'order/cancel'" in message
    assert "ticket as it was" in message


def test_gorgias_keeps_its_own_intent(tmp_path: Path) -> None:
    assert _sk511(tmp_path, "    intent: shipping/status\n", "gorgias") == []
