"""Salesforce Quick Text: the JSON of a REST query (``records``) or a Data Loader CSV.

Either is read by the generic JSON or CSV reader, which knows a Quick Text record by its type or its
object's own columns (``tabular._quick_text``): ``Name`` the title, ``Message`` the reply, ``Category``
and ``FolderId`` settings for the Salesforce export, ``Channel`` the script's channel. ``--from
salesforce`` says the file is such an export: a record that is not a Quick Text is named.

A Channel of several values ('Email;Chat') gives the script each of them (that scriptkit knows), and the
Salesforce export writes the script back as one Quick Text with all of them, not one a channel.
"""

from __future__ import annotations

import csv as stdcsv
import io
import json as stdjson
from functools import lru_cache
from pathlib import Path
from typing import Any

from scriptkit.errors import ScriptkitError
from scriptkit.importers.common import ItemProblem, RawItem, Read, ReadOptions, read_text
from scriptkit.message import CHANNELS
from scriptkit.targets.salesforce import CHANNEL_VALUES

LABEL = "Salesforce Quick Text (REST query JSON or Data Loader CSV)"


def read(path: Path, options: ReadOptions) -> Read:
    from scriptkit.importers import csv, structured

    # (a query's JSON starts with '{' or '['; a Data Loader sheet with its header)
    json = read_text(path, "Salesforce Quick Text export").text.lstrip()[:1] in ("{", "[")
    for item in (structured.read_json if json else csv.read)(path, options):
        if isinstance(item, RawItem) and item.dialect != "salesforce":
            yield ItemProblem(item.location, item.label or item.name,
                              "is not a Quick Text record (a query's record has attributes type QuickText; a Data "
                              "Loader sheet has Message with FolderId, IsInsertable or DeveloperName)")
            continue
        yield item


_KNOWN = {value.casefold(): channel for channel, value in CHANNEL_VALUES.items()}


def read_channels(item: RawItem) -> None:
    """A Quick Text whose Channel holds several values ('Email;Chat'): the script gets each one scriptkit
    knows (the generic reader, JSON or CSV, keeps the first), and a note says so."""
    if item.dialect != "salesforce" or not item.channel:
        return
    path = Path(item.location.file)
    try:
        stat = path.stat()
    except OSError:
        return
    _read_channels(item, _several_channels(str(path), stat.st_mtime_ns, stat.st_size).get(item.key, ""))


@lru_cache(maxsize=4)
def _several_channels(path: str, mtime: int, size: int) -> dict[str, str]:
    """Each record's Channel by its Id, where it holds several values ('Email;Chat'), read once a file."""
    try:
        text = read_text(Path(path), "Salesforce Quick Text export").text
    except ScriptkitError:
        return {}
    json = text.lstrip()[:1] in ("{", "[")
    records: list[Any] = []
    if json:
        try:
            data = stdjson.loads(text)
        except ValueError:
            return {}
        records = data.get("records", []) if isinstance(data, dict) else data if isinstance(data, list) else []
    else:
        records = list(stdcsv.DictReader(io.StringIO(text)))
    found: dict[str, str] = {}
    for record in records:
        if not isinstance(record, dict):
            continue
        said = next((v for k, v in record.items() if isinstance(k, str) and k.casefold() == "channel"), None)
        ident = next((v for k, v in record.items() if isinstance(k, str) and k.casefold() == "id"), None)
        if isinstance(said, str) and ";" in said and isinstance(ident, (str, int)) and str(ident).strip():
            found[str(ident)] = said.strip()
    return found


def _read_channels(item: RawItem, said: str) -> None:
    """The script's channels from a Channel of several values, each one scriptkit knows; the note says so
    (instead of the generic reader's, which asks for them to be added by hand)."""
    parts = [p.strip() for p in said.split(";") if p.strip()]
    known = [_KNOWN.get(p.casefold(), p.casefold() if p.casefold() in CHANNELS else "") for p in parts]
    if len(parts) < 2 or not all(known) or known[0] != item.channel:
        return
    item.more_channels = list(dict.fromkeys(known[1:]))
    item.notes = [n for n in item.notes if not n.startswith(f"its Channel in Salesforce is '{said}':")]
    item.notes.append(f"its Channel in Salesforce is '{said}': the script is for {' and '.join(dict.fromkeys(known))}, "
                      f"and the Salesforce export writes it back as one Quick Text with Channel '{said}'")
