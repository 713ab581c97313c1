"""A helpdesk id that is not one (-5, "abc", 1.5, true, 1e999) was dropped unsaid while a good one was carried to
the script's export settings, so the script exported back made a copy of its macro; now it is said where the file
writes it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli

_REPLY = "I am sorry the parcel was late. I have refunded the postage."


@pytest.mark.parametrize("written", ["-5", '"abc"', "1.5", "true", "1e999"])
def test_a_zendesk_id_that_is_not_one_is_said_where_it_is(tmp_path: Path, written: str) -> None:
    source = tmp_path / "macros.json"
    source.write_text('{"macros": [\n  {"id": 7, "title": "Fine", "actions": [{"field": "comment_value", "value": "'
                      + _REPLY + '"}]},\n  {"title": "Odd", "id": ' + written
                      + ', "actions": [{"field": "comment_value", "value": "' + _REPLY + '"}]}\n]}', encoding="utf-8")
    result = run_cli("import", str(source), "-o", str(tmp_path / "pack"))
    assert result.exit_code == 0, result.output
    column = 1 + source.read_text(encoding="utf-8").splitlines()[2].index(written)
    said = f"macros.json:3:{column}: its id {written} is not a Zendesk id"
    assert said in result.output
    odd = (tmp_path / "pack" / "scripts" / "odd.yaml").read_text(encoding="utf-8")
    assert said in odd and "id: 7" not in odd
    fine = (tmp_path / "pack" / "scripts" / "fine.yaml").read_text(encoding="utf-8")
    assert "id: 7" in fine and "is not a Zendesk id" not in fine
