"""An unnamed fill-in marker left in a helpdesk's macro ('order XXXX', '____') is sent as written, as
'[order number]' is: the audit holds the macro at the cap and says so, and the marker is no room for the agent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scriptkit.audit import CAP, audit

REPLY = ("Hi {{{{ticket.requester.first_name}}}},\\n\\nI'm sorry your parcel {marker}came in pieces, that is a "
         "rotten start. I've posted a new one today and you'll get a tracking email within 2 business days. If "
         "you'd rather have your money back, reply here and I'll arrange it.\\n\\nThanks,\\n"
         "{{{{current_user.first_name}}}}")


def _export(tmp_path: Path, markers: list[str]) -> Path:
    items = ",\n".join(
        f'{{"id": {i}, "title": "Broken parcel {i}", "active": true, "actions": [{{"field": "comment_value", '
        f'"value": "{REPLY.format(marker=marker)}"}}]}}' for i, marker in enumerate(markers, 1))
    path = tmp_path / "macros.json"
    path.write_text('{"macros": [\n' + items + "\n]}", encoding="utf-8")
    return path


@pytest.mark.parametrize("marker", ["XXXX ", "xxxxxx ", "____ "])
def test_an_unnamed_marker_is_held_like_a_named_one(tmp_path: Path, marker: str) -> None:
    report = audit(_export(tmp_path, ["", "[order number] ", marker]), grammar="off")
    by_title = {m.title: m for m in report.macros}
    clean, named, unnamed = (by_title[f"Broken parcel {i}"] for i in (1, 2, 3))
    assert unnamed.overall == named.overall == CAP
    assert unnamed.overall is not None and clean.overall is not None and unnamed.overall <= clean.overall
    assert unnamed.held_because is not None and repr(marker.strip()) in unnamed.held_because
    assert unnamed.scores["flexibility"] == 0.0  # (no room: the agent is not told what goes there)
    assert [u.text for u in unnamed.unmapped] == [marker.strip()]


def test_the_json_report_says_the_marker_is_sent_as_written(tmp_path: Path) -> None:
    from tests.conftest import run_cli

    result = run_cli("audit", str(_export(tmp_path, ["XXXX "])), "--grammar", "off", "--format", "json")
    macro = json.loads(result.stdout)["macros"][0]
    assert macro["capped"] and macro["held_because"] == "it would send 'XXXX' as written"
    assert macro["unmapped_placeholders"][0]["sent"] == "as written"


def test_an_imported_pack_holds_it_too(tmp_path: Path) -> None:
    """Audited after `scriptkit import`, the blank's prompt says how the export spelled it: held the same."""
    from tests.conftest import run_cli

    run_cli("import", str(_export(tmp_path, ["XXXX "])), "-o", str(tmp_path / "pack"))
    (macro,) = audit(tmp_path / "pack", grammar="off").macros
    assert macro.overall == CAP and macro.scores["flexibility"] == 0.0


def test_a_named_fill_in_for_the_agent_is_still_room(tmp_path: Path) -> None:
    """'[reason]' tells the agent what to write: room, as before (only a marker that names nothing is not)."""
    (macro,) = audit(_export(tmp_path, ["[reason] "]), grammar="off").macros
    assert macro.scores["flexibility"] == 100.0 and not macro.unmapped
