"""Generic CSV with a header row, read through a column mapping (see ``tabular``)."""

from __future__ import annotations

import csv as _csv
import re
from collections.abc import Iterator
from pathlib import Path

from scriptkit.diagnostics import Location
from scriptkit.errors import ImportFormatError
from scriptkit.importers.common import (
    MAX_BODY_CHARS,
    MAX_FIELD_CHARS,
    ItemProblem,
    Read,
    ReadOptions,
    read_text,
    refuse_json,
)
from scriptkit.importers.tabular import (
    FIELDS,
    OWN_COLUMNS,
    FileNote,
    check_columns,
    column,
    from_record,
    made_titles_note,
    unread_columns,
    unread_note,
)
from scriptkit.sourcetext import SourceText, lone_cr_as_newline
from scriptkit.targets.csvfile import unguard_cell

LABEL = "CSV with a header row (--map title=COL,body=COL)"
_EXCEL_SEP = re.compile(r'"?sep=([,;\t|])"?', re.I)


def read(path: Path, options: ReadOptions) -> Read:
    source = read_text(path, "CSV file")
    if "\r" in source.text:  # (a "\r" alone ends each row of Excel for Mac's "CSV (Macintosh)": read as the
        # "\n" it stands for, as the rest of a file's lines are; each offset, so each line and column, unchanged)
        source = SourceText(source.path, lone_cr_as_newline(source.text))
    refuse_json(source, "CSV file", "comma-separated rows", options.wording)
    # a cell longer than scriptkit reads from one field stops the reader there (a hostile 200 MB cell was read
    # whole, 2.8 GB at peak, before its refusal): one more character, so the refusal says the cap, not the size
    _csv.field_size_limit(MAX_FIELD_CHARS + 1)
    lines = _lines(source.text)
    # Excel's 'sep=;' line (written by some exports, added so Excel opens the file right) names the
    # delimiter; the header is the line after it
    named = _EXCEL_SEP.fullmatch(source.text[:_line_end(source.text, 0)].strip())
    skipped = len(next(lines)) if named else 0
    # (a sheet's title above its header, 'Support macros – Q3,,,', and an empty row under it: the header is below)
    above = _title_rows(source.text, skipped, options)
    while above is not None and skipped < above:
        skipped += len(next(lines))
    header = source.text[skipped:_line_end(source.text, skipped)]
    # the header names the delimiter; sniffing the bodies can be fooled by their punctuation
    counts = {d: header.count(d) for d in ",;\t|"}
    delimiter = named.group(1) if named else max(counts, key=lambda d: counts[d]) if any(counts.values()) else None
    dialect: type[_csv.Dialect] = _csv.excel
    if delimiter is None:
        try:
            dialect = _csv.Sniffer().sniff(source.text[:4096], delimiters=",;\t|")
        except _csv.Error:
            dialect = _csv.excel
    # strict: a quote left open must be an error, not a cell that swallows the rows after it
    if delimiter is not None:
        reader = _csv.DictReader(lines, dialect=dialect, delimiter=delimiter, strict=True)
    else:
        reader = _csv.DictReader(lines, dialect=dialect, strict=True)
    try:
        fields = list(reader.fieldnames or [])
    except _csv.Error as exc:
        raise ImportFormatError(f"CSV header cannot be read: {exc}", source.location(0)) from None
    if not fields:
        raise ImportFormatError("CSV file is empty (no header row)", source.location(0),
                                "The first line must name the columns.")
    if delimiter is not None:
        _refuse_other_delimiter(source, skipped + len(header) + 1, delimiter, len(fields))
    if column(fields, "body", options) is None and column(fields, "html", options) is None:
        _refuse_headless(fields, delimiter or ",", source.location(skipped))
    check_columns(fields, options, source.location(skipped), "CSV file")
    _refuse_repeated_columns(fields, options, header, delimiter, source, skipped)
    first_row = source.text.count("\n", 0, skipped) + 2  # (the reader counts the lines it reads, from the header on)
    start_line = first_row
    index = 0
    first_channels: dict[str, str] = {}  # (scriptkit's own CSV: each script's first channel)
    # scriptkit's own CSV export guards a cell a spreadsheet would run as a formula with a "'"
    # (targets/csvfile.py): taken off again, exactly
    guarded = set(fields) >= OWN_COLUMNS
    if above is not None:
        title = next(cell for line in source.text[:above].splitlines() for cell in _cells(line) if cell.strip())
        yield FileNote(source.location(skipped), path.name,
                       f"{path.name}'s header is line {first_row - 1} ({', '.join(f for f in fields if f.strip())}): "
                       f"the line(s) above it, '{title.strip()}', are read as the sheet's title, not as macros")
    unread = unread_columns(fields, options)
    if unread:  # (named once, for the file: in pack.yaml, not in one script's file as if about that macro)
        yield unread_note(source.location(skipped), path.name, unread, options)
    if (made := made_titles_note(source.location(skipped), path.name, fields, options)) is not None:
        yield made
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except _csv.Error as exc:
            index += 1  # the reader goes on from the line after the error
            if "field limit" in str(exc):  # (where that cell ends is unknown without reading it all: the file stops)
                raise ImportFormatError(
                    f"row {index} has a cell longer than scriptkit reads from one field ({MAX_FIELD_CHARS:,} "
                    f"characters); a reply's text may be at most {MAX_BODY_CHARS:,}", source.at(start_line - 1, 0),
                    "Shorten the cell or take the row out: the rows after it cannot be told apart from the cell "
                    "without reading all of it, so the file is not read.") from None
            last = reader.reader.line_num + first_row - 2  # (DictReader.line_num: rows read whole only)
            yield ItemProblem(source.at(start_line - 1, 0), f"row {index}",
                              _quoting_problem(str(exc), start_line, last))
            start_line = last + 1
            continue
        where = source.at(start_line - 1, 0)
        start_line = reader.line_num + first_row - 1
        index += 1
        if None in row:
            yield ItemProblem(where, f"row {index}", f"has {len(fields) + len(row[None])} cells; the header "
                                                     f"names {len(fields)}")
            continue
        if not any(isinstance(value, str) and value.strip() for value in row.values()):
            continue  # (a sheet's empty rows, ',,,' below its last macro: no macro, so no line each)
        if guarded:
            row = {key: unguard_cell(value) if isinstance(value, str) else value for key, value in row.items()}
        item = from_record(row, index - 1, where, options, first_channels=first_channels)
        if item is not None:
            yield item


def _cells(line: str) -> list[str]:
    """A line's cells, split by the delimiter it holds most of (a title row's own: 'Support macros,,,')."""
    delimiter = max(",;\t|", key=line.count)
    try:
        return next(_csv.reader([line], delimiter=delimiter), [])
    except _csv.Error:
        return [line]


def _title_rows(text: str, start: int, options: ReadOptions) -> int | None:
    """Where the header starts when a sheet's title and empty rows are above it ('Support macros – Q3,,,' then ',,,'),
    as a spreadsheet saves a sheet with a title: None where the first line is the header. Only a first line of at
    most one filled cell, that names no column the import reads, with a line of such columns below it, is passed
    over: a one-column sheet's header ('body') stays its header."""
    def readable(cells: list[str]) -> bool:
        names = [c.strip() for c in cells]
        if options.mapping:
            return all(c in names for c in options.mapping.values())
        return column(names, "body", options) is not None or column(names, "html", options) is not None

    offset = start
    for _ in range(5):  # (a title, a subtitle, empty rows: a few lines, never a search through the replies)
        end = _line_end(text, offset)
        cells = _cells(text[offset:end].rstrip("\r"))
        filled = sum(bool(c.strip()) for c in cells)
        if offset > start and filled >= 2 and readable(cells):
            return offset
        if filled > 1 or (offset == start and readable(cells)) or end >= len(text):
            return None
        offset = end + 1
    return None


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _lines(text: str) -> Iterator[str]:
    """The file's lines, each with its "\n", one at a time: split on "\n" only, as other line separators
    (U+2028...) belong to the cells; never a second copy of the whole text (io.StringIO held four bytes a
    character)."""
    start = 0
    while start < len(text):
        end = _line_end(text, start) + 1
        yield text[start:end]
        start = end


def _refuse_other_delimiter(source: SourceText, offset: int, delimiter: str, columns: int) -> None:
    """The header split by one delimiter and the rows by another (a header typed by hand over an
    export saved with another list separator): each row would be one cell, and nothing imported."""
    if columns < 2 or offset >= len(source.text):
        return
    line = source.text[offset:].split("\n", 1)[0]
    try:
        cells = next(_csv.reader([line], delimiter=delimiter), [])
        others = {d: next(_csv.reader([line], delimiter=d), []) for d in ",;\t|" if d != delimiter}
    except _csv.Error:
        return  # (a quoted cell over several lines: its row is read, and judged, as it is)
    used = next((d for d, split in others.items() if len(split) == columns), None)
    if len(cells) == 1 and used is not None:
        def name(d: str) -> str:
            return {"\t": "a tab", ",": "','", ";": "';'", "|": "'|'"}[d]
        raise ImportFormatError(
            f"CSV file's header is split by {name(delimiter)} but its first row by {name(used)}: each row "
            f"would be one cell", source.location(offset),
            f"Write the header with {name(used)} as the rows are, or save the file again with one list "
            "separator.")


def _refuse_headless(fields: list[str], delimiter: str, where: Location) -> None:
    """A sheet saved without its header row: the first reply was taken for the column names."""
    prose = next((f for f in fields if len(f) > 40 or (" " in f.strip() and f.rstrip()[-1:] in ".!?")), None)
    if prose is not None:
        quoted = prose if len(prose) <= 60 else prose[:57] + "..."
        raise ImportFormatError(
            f"CSV file's first line ('{quoted}') reads as a reply, not as a header naming the columns", where,
            f"Add a first line that names them, such as {delimiter.join(['title', 'body', 'tags'][:len(fields)])}"
            f"{'' if len(fields) <= 3 else delimiter + '...'}; the import reads title, body (or text, "
            "message), tags and guidance by name.")


def _refuse_repeated_columns(fields: list[str], options: ReadOptions, header: str, delimiter: str | None,
                             source: SourceText, start: int) -> None:
    """A column the import reads, named twice in the header: a row keeps only the last one's cell, so the
    first one's text would be dropped without a word."""
    read = {column(fields, f, options) for f in FIELDS} | set(options.where)
    for name in dict.fromkeys(fields):
        at = [i for i, f in enumerate(fields) if f == name]
        if len(at) > 1 and name in read:
            cells = header.split(delimiter) if delimiter and '"' not in header else []
            offset = sum(len(c) + 1 for c in cells[: at[1]]) if len(cells) == len(fields) else 0
            raise ImportFormatError(
                f"CSV file names the column '{name}' twice (columns {at[0] + 1} and {at[1] + 1})",
                source.location(start + offset),
                "Rename one of them; each row would keep only the last one's cell and lose the other's text.")


def _quoting_problem(error: str, first: int, last: int) -> str:
    """What a csv module error means for the person who wrote the file."""
    if "expected after" in error:
        return (f"the quoted cell that starts on line {first} ends on line {last} with text after its closing "
                f"quote: close the quote at the end of the cell, and write a quote inside a cell as two (\"\")")
    if "unexpected end of data" in error:
        return (f"the quoted cell that starts on line {first} is never closed: everything after it would be one "
                f"cell; add the closing quote")
    return f"cannot be read (lines {first}-{last}): {error}; check the quoting"
