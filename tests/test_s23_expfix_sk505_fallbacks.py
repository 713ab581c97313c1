"""SK505 judges a fallback only where the helpdesk gets it: a fallback of a placeholder a helpdesk lacks (exported
as a [[marker]] for the agent) or of a helpdesk with no fallbacks is never written, so '{{' in it blocked the
export for nothing. Where the fallback is written inside the placeholder's own braces (Intercom's
'{{user.first_name|fallback:"..."}}'), a '}}' in it would end the placeholder there: refused as the fallback
holding both quote kinds is."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit.message import Message, Placeholder, Text
from scriptkit.targets import get
from tests.conftest import run_cli as _run


def _pack(tmp_path: Path, line: str) -> Path:
    pack = tmp_path / "pack"
    (pack / "scripts").mkdir(parents=True)
    (pack / "pack.yaml").write_text('name: Edge\nversion: "1.0"\n', encoding="utf-8")
    (pack / "scripts" / "edge.yaml").write_text(
        "id: edge\ntitle: Edge\nchannels: [email]\n"
        "acknowledgment: I can see how frustrating it is that your parcel is a week late, and I'm sorry.\n"
        f"warm_language: '{line}'\nflexibility: Check the order first.\n"
        "solution: I've sent a replacement today, so it reaches you within two working days.\n", encoding="utf-8")
    return pack


def _message(name: str, fallback: str) -> Message:
    return Message(script_id="a", title="A", channel="email", variant=0, file="a.yaml", segments=(
        Text("Thank you, ", "warm_language", None), Placeholder(name, "warm_language", fallback),
        Text(".", "warm_language", None)))


@pytest.mark.parametrize("target", ["front", "gorgias", "intercom"])
def test_a_fallback_the_helpdesk_never_gets_is_not_judged(target: str) -> None:
    # (customer.last_name: none of the three has it, so each writes [[customer last name]] for the agent)
    found = get(target).check(_message("customer.last_name", "100% {{ ours }}"))
    assert [p.code for p in found if p.code == "SK505"] == []
    assert any(p.code == "SK503" for p in found)


@pytest.mark.parametrize("target", ["front", "gorgias"])
def test_no_fallback_is_judged_where_the_helpdesk_has_none(target: str) -> None:
    found = get(target).check(_message("customer.first_name", "friend {{ ours }}"))
    assert [p.code for p in found if p.code == "SK505"] == []
    assert any(p.code == "SK504" for p in found)


def test_a_written_fallback_is_still_judged() -> None:
    # (Intercom writes customer.first_name's fallback: '{{' in it would be read as an attribute)
    found = get("intercom").check(_message("customer.first_name", "100% {{ ours }}"))
    assert [p.code for p in found if p.code == "SK505"] == ["SK505"]
    found = get("helpscout").check(_message("customer.last_name", "100% sure"))
    assert any(p.code == "SK505" and "'%'" in p.message for p in found)


@pytest.mark.timeout(60)
def test_the_export_of_a_dropped_fallback_is_not_blocked(tmp_path: Path) -> None:
    pack = _pack(tmp_path, 'Thank you, {{ customer.last_name | fallback("100% {{ ours }}") }}.')
    for target in ("front", "gorgias", "intercom"):
        result = _run("export", str(pack), "--to", target, "-o", str(tmp_path / target))
        assert "SK505" not in result.output, result.output
        assert (tmp_path / target / target).is_dir(), result.output


@pytest.mark.timeout(60)
def test_intercom_refuses_a_fallback_that_would_close_the_attribute(tmp_path: Path) -> None:
    found = get("intercom").check(_message("customer.first_name", "friend }} of ours"))
    [refused] = [p for p in found if p.code == "SK505"]
    assert "'}}'" in refused.message and "friend }} of ours" in refused.message
    pack = _pack(tmp_path, 'Thank you for your patience, {{ customer.first_name | fallback("friend }} of ours") }}.')
    result = _run("export", str(pack), "--to", "intercom", "-o", str(tmp_path / "out"))
    assert result.exit_code != 0 and "SK505" in result.output, result.output
    assert not (tmp_path / "out" / "intercom").exists()


def test_a_lone_closing_brace_in_an_intercom_fallback_is_written() -> None:
    found = get("intercom").check(_message("customer.first_name", "friend :}"))
    assert [p.code for p in found if p.code == "SK505"] == []
