"""The order of work: what the customer would see broken first (macros held at the cap, contradictions, errors),
then each rule by how much fixing it everywhere raises the overall score; and where the library came from a
helpdesk with no field for agent notes, SK406 no-flexibility said once, not ranked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import scriptkit


def _script(ident: str, helpdesk: str, greeting: str = "Hi {{ customer.first_name | fallback('there') }},") -> str:
    return (f"id: {ident}\ntitle: Late parcel {ident}\nacknowledgment: ''\n"
            f"solution: |-\n  {greeting}\n\n  I've sent a new one today, and it arrives by Friday.\n"
            f"export:\n  {helpdesk}:\n    id: {sum(map(ord, ident))}\n")


def _pack(make_pack: Any, helpdesk: str) -> Any:
    scripts = {f"{i}.yaml": _script(f"plain-{i}", helpdesk) for i in range(6)}
    scripts["held.yaml"] = _script("held", helpdesk, "Hi [[customer_name]],").replace(
        "solution:", "flexibility:\n  blanks:\n    - name: customer_name\n      prompt: Was [Customer Name] in the "
                     "original (fill-in written as [Name]). Fill it in or replace it.\nsolution:")
    return make_pack(scripts)


@pytest.mark.timeout(60)
def test_the_held_macro_comes_first_and_the_rules_by_what_they_raise(make_pack: Any) -> None:
    report = scriptkit.audit_library(_pack(make_pack, "zendesk"), grammar="off")
    steps = report.work_order()
    assert "broken for the customer" in steps[0].text and steps[0].macros == 1
    ranked = [s for s in steps if s.gain is not None]
    assert ranked and [s.gain for s in ranked] == sorted((s.gain for s in ranked), reverse=True)
    # (Zendesk keeps a macro's description for its agents: SK406 is ranked like any rule)
    assert any("SK406" in s.text for s in ranked)
    first = ranked[0]
    assert first.gain is not None and first.gain > 0


@pytest.mark.timeout(60)
def test_a_helpdesk_without_agent_notes_says_sk406_once(make_pack: Any) -> None:
    report = scriptkit.audit_library(_pack(make_pack, "freshdesk"), grammar="off")
    assert not any("SK406" in s.text for s in report.work_order())
    note = report.no_room_note
    assert note is not None and "Freshdesk" in note and "SK406" in note


@pytest.mark.timeout(60)
def test_the_reports_lead_with_it(make_pack: Any, tmp_path: Path) -> None:
    import io

    from rich.console import Console

    from scriptkit.cli.audit import print_text

    report = scriptkit.audit_library(_pack(make_pack, "freshdesk"), grammar="off")
    buffer = io.StringIO()
    print_text(report, Console(file=buffer, width=1000, color_system=None), 10)
    text = buffer.getvalue()
    assert text.index("Work in this order") < text.index("Worst")
    assert report.no_room_note is not None and report.no_room_note in text
    page = (report.write_html(tmp_path / "r.html")).read_text(encoding="utf-8")
    assert page.index("capped at 50") < page.index('<section id="common">')
