"""The export's summary line counts the Quick Texts written: a script for email and chat is one record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit import import_library
from scriptkit.cli import main


@pytest.mark.timeout(60)
def test_the_count_line_says_the_records_written(tmp_path: Path) -> None:
    source = tmp_path / "source.json"
    source.write_text(json.dumps({"records": [
        {"attributes": {"type": "QuickText"}, "Name": "Refund resent", "Channel": "Email;Chat",
         "Message": "I'm sorry the refund took so long. I've sent it again today; it reaches you in 3 days."}]}),
        encoding="utf-8")
    pack = import_library(source).write(tmp_path / "pack")
    result = CliRunner().invoke(main, ["export", str(pack), "--to", "salesforce", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    records = json.loads((tmp_path / "out/salesforce/quick_text.json").read_text(encoding="utf-8"))["records"]
    assert len(records) == 1
    assert "salesforce: 1 Quick Text\n" in result.output
