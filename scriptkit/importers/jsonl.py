"""Generic JSON Lines: one object a line, read through a column mapping (see ``tabular``).

A line that is not a JSON object is reported by ``file:line:col`` and the rest is read.
"""

from __future__ import annotations

import json
from pathlib import Path

from scriptkit.diagnostics import Location
from scriptkit.importers.common import (
    ItemProblem,
    LongNumberError,
    Read,
    ReadOptions,
    json_reason,
    json_slip,
    kind_of,
    loads_once,
    read_text,
)
from scriptkit.importers.tabular import check_columns, from_record, made_titles_note, unread_columns, unread_note

LABEL = "JSON Lines, one object a line (--map title=KEY,body=KEY)"


def read(path: Path, options: ReadOptions) -> Read:
    source = read_text(path, "JSONL file")
    checked = False
    first_item: Location | None = None
    fields: dict[str, None] = {}  # (every line's field names, in order: those none is read from are named)
    lines = source.text.split("\n")
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = source.at(lineno - 1, 0)
        try:
            record, repeated = loads_once(line)
        except LongNumberError as exc:
            yield ItemProblem(source.at(lineno - 1, exc.colno - 1), f"line {lineno}", f"has {json_reason(exc)}")
            continue
        except json.JSONDecodeError as exc:
            # the last line cut short, with no line break after it: the download or the copy stopped there
            cut = lineno == len(lines) and (exc.pos >= len(line.rstrip()) or exc.msg.startswith("Unterminated"))
            slip = json_slip(exc)  # (a comma told at the comma, not at the bracket after it)
            yield ItemProblem(source.at(lineno - 1, exc.colno - 1 if slip is None else slip[0]), f"line {lineno}",
                              f"is not valid JSON: {json_reason(exc)}"
                              + ("; it is the last line and stops short: the file may be truncated (export it "
                                 "again)" if cut else ""))
            continue
        if repeated is not None:
            key, second, first = repeated
            yield ItemProblem(source.at(lineno - 1, second), f"line {lineno}",
                              f"has the key {key!r} twice (first at column {first + 1}): remove the one you do not "
                              "want (a reader keeps only the last)")
            continue
        if not isinstance(record, dict):
            yield ItemProblem(where, f"line {lineno}", f"should be a JSON object, found {kind_of(record)}")
            continue
        if not checked:
            check_columns([str(k) for k in record], options, where, "JSONL file", "field")
            checked, first_item = True, where
        fields.update(dict.fromkeys(map(str, record)))
        item = from_record(record, lineno - 1, where, options, what="line")
        if item is not None:
            yield item
    # (as a CSV's columns are: a 'platform' field of tweets went unread unsaid, and its replies were judged as email)
    if first_item is not None and (unread := unread_columns(list(fields), options)):
        yield unread_note(first_item, path.name, unread, options, "field")
    if first_item is not None and (made := made_titles_note(first_item, path.name, list(fields), options,
                                                            "field")) is not None:
        yield made
