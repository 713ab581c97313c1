"""Salesforce Quick Text: the JSON of a REST query (``records``) or a Data Loader CSV.

Either is read by the generic JSON or CSV reader, which knows a Quick Text record by its type or its
object's own columns (``tabular._quick_text``): ``Name`` the title, ``Message`` the reply, ``Category``
and ``FolderId`` settings for the Salesforce export, ``Channel`` the script's channel. ``--from
salesforce`` says the file is such an export: a record that is not a Quick Text is named.

A Channel of several values ('Email;Chat') gives the script each of them (that scriptkit knows), read
from the record itself, Id or not (``tabular._read_channel``), and the Salesforce export writes the
script back as one Quick Text with all of them, not one a channel.
"""

from __future__ import annotations

from pathlib import Path

from scriptkit.importers.common import ItemProblem, RawItem, Read, ReadOptions, read_text

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
