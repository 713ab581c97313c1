"""An Intercom id that is not one (-5, 1.5, true, "12 34") was dropped unsaid (true was even kept, as 'True') while
a good one was carried to export: intercom: id:, so the macro's page named no macro to paste into; now it is said
where the file writes it, as for the other helpdesks."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli

_REPLY = "I am sorry the parcel was late. I have refunded the postage."


@pytest.mark.parametrize("written", ["-5", "1.5", "true", '"12 34"', '""'])
def test_an_intercom_id_that_is_not_one_is_said_where_it_is(tmp_path: Path, written: str) -> None:
    source = tmp_path / "macros.json"
    source.write_text('{"type": "list", "data": [\n  {"type": "macro", "id": 7, "name": "Fine", "body_text": "'
                      + _REPLY + '"},\n  {"type": "macro", "name": "Odd", "id": ' + written
                      + ', "body_text": "' + _REPLY + '"}\n]}', encoding="utf-8")
    result = run_cli("import", str(source), "-o", str(tmp_path / "pack"))
    assert result.exit_code == 0, result.output
    column = 1 + source.read_text(encoding="utf-8").splitlines()[2].index('"id": ' + written) + len('"id": ')
    said = f"macros.json:3:{column}: its id {written} is not an Intercom id"
    assert said in result.output
    odd = (tmp_path / "pack" / "scripts" / "odd.yaml").read_text(encoding="utf-8")
    assert said in odd and "intercom:" not in odd  # (no id kept under export: intercom:)
    fine = (tmp_path / "pack" / "scripts" / "fine.yaml").read_text(encoding="utf-8")
    assert "'7'" in fine and "is not an Intercom id" not in fine
