"""Generic CSV with a header row, read through a column mapping (see ``tabular``)."""

from __future__ import annotations

import csv as _csv
import io
import sys
from pathlib import Path

from scriptkit.errors import ImportFormatError
from scriptkit.importers.common import Read, ReadOptions, read_text
from scriptkit.importers.tabular import check_columns, from_record

LABEL = "CSV with a header row (--map title=COL,body=COL)"


def read(path: Path, options: ReadOptions) -> Read:
    source = read_text(path, "CSV file")
    _csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    # split on "\n" only: other line separators (U+2028...) belong to the cells
    lines = io.StringIO(source.text, newline="\n")
    header = source.text.split("\n", 1)[0]
    # the header names the delimiter; sniffing the bodies can be fooled by their punctuation
    counts = {d: header.count(d) for d in ",;\t|"}
    delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else None
    dialect: type[_csv.Dialect] = _csv.excel
    if delimiter is None:
        try:
            dialect = _csv.Sniffer().sniff(source.text[:4096], delimiters=",;\t|")
        except _csv.Error:
            dialect = _csv.excel
    if delimiter is not None:
        reader = _csv.DictReader(lines, dialect=dialect, delimiter=delimiter)
    else:
        reader = _csv.DictReader(lines, dialect=dialect)
    try:
        fields = list(reader.fieldnames or [])
    except _csv.Error as exc:
        raise ImportFormatError(f"CSV header cannot be read: {exc}", source.location(0)) from None
    if not fields:
        raise ImportFormatError("CSV file is empty (no header row)", source.location(0),
                                "The first line must name the columns.")
    check_columns(fields, options, source.location(0), "CSV file")
    start_line = 2
    index = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except _csv.Error as exc:
            line = reader.line_num
            raise ImportFormatError(f"CSV row cannot be read: {exc}", source.at(max(0, line - 1), 0),
                                    "Check the quoting on this line.") from None
        where = source.at(start_line - 1, 0)
        start_line = reader.line_num + 1
        index += 1
        if None in row:
            from scriptkit.importers.common import ItemProblem

            yield ItemProblem(where, f"row {index}", f"has {len(fields) + len(row[None])} cells; the header "
                                                     f"names {len(fields)}")
            continue
        item = from_record(row, index - 1, where, options)
        if item is not None:
            yield item
