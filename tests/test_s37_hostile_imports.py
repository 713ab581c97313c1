"""Hostile or careless exports (s37 security review): bounded reading, the export's own ids, portable ids."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from tests.conftest import run_cli as _run

_REPLY = "I am sorry the parcel is late. Thanks for waiting. I have sent a new one today."


def test_an_oversized_csv_cell_is_refused_without_reading_it_whole(tmp_path: Path) -> None:
    # (the csv module was allowed 2 GB a cell: a 200 MB cell was read whole, 2.8 GB at peak, before the refusal)
    big = tmp_path / "big.csv"
    big.write_text('title,body\nT1,"' + "I am sorry. " * 1_000_000 + f'"\nT2,{_REPLY}\n', encoding="utf-8")
    tracemalloc.start()
    try:
        result = _run("import", str(big), "--out", str(tmp_path / "out"), "--skip-bad")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.exit_code == 2
    assert f"{big}:2:1: error: row 1 has a cell longer than scriptkit reads from one field (1,000,000 " \
           "characters)" in result.output
    assert peak < 6 * big.stat().st_size, peak  # (the file, its text and a line, and imports: 16 times before)
    assert not (tmp_path / "out").exists()
