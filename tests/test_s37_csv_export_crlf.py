"""scriptkit's CSV export as RFC 4180 (which its README cites) writes one: CRLF between records, a cell's own
line breaks kept, the formula guard as before, and the import reads it back."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from export_fixtures import write_pack

from scriptkit.exporting import export
from scriptkit.importers import import_library

PACK = "name: Sheet\nchannels:\n  email: {}\n"
LATE = """\
id: late
title: "Orders::Delivery::Late parcel"
channels: [email]
tags: ["=vip", late]
acknowledgment: I'm sorry your parcel is late.
warm_language: Thanks for telling us.
flexibility:
  guidance: check the carrier first
solution: |-
  I've asked the carrier to look today.

  You'll hear from us by Friday.
"""


def test_csv_export_ends_each_record_with_crlf_and_reads_back(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE}, PACK)
    export(pack, ["csv"], tmp_path / "out", lint=False)
    raw = (tmp_path / "out" / "csv" / "scripts.csv").read_bytes().decode("utf-8-sig")
    header = raw.partition("\r\n")[0]
    assert header.startswith("script_id,") and "\n" not in header
    assert raw.endswith("\r\n") and raw.count("\r\n") == 2  # (the header's and the one row's; none in a cell)
    row = next(csv.DictReader(io.StringIO(raw, newline="")))
    assert row["tags"] == "'=vip, late" and row["text"].count("\n") == 6
    library = import_library(tmp_path / "out" / "csv" / "scripts.csv")
    (macro,) = library.macros
    assert macro.raw.title == "Orders::Delivery::Late parcel" and macro.raw.tags == ["=vip", "late"]
    assert "\r" not in macro.raw.body and "look today.\n\nYou'll hear" in macro.raw.body

