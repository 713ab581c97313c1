"""Front, Intercom, Salesforce and file exports checked against the vendors' documented facts
(each fact is written into the test that relies on it; nothing is read from outside the project)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import jsonschema
import pytest
from export_fixtures import schema, write_pack

from scriptkit.errors import ScriptkitError, each_error
from scriptkit.exporting import export
from scriptkit.importers import import_library

# A script using every placeholder form: a fallback with an apostrophe and an ampersand, an empty
# fallback ("show nothing"), a bare placeholder, a blank, and non-ASCII text.
QUOTED = """\
id: quoted
title: "Orders::Café “late” & <b>"
channels: [email, sms]
tags: [orders, late delivery]
acknowledgment: "I'm sorry, {{ customer.first_name | fallback(\\"O'Brien & co\\") }}, the parcel to Malmö is late."
warm_language: "Thank you for waiting, {{ customer.full_name | fallback('') }}."
flexibility:
  blanks:
    - name: new_date
      prompt: The carrier's new date
solution: "I've chased it for {{ customer.email }}: it arrives by {{ blank.new_date }}, and I'll check that day."
"""

# Intercom's OpenAPI (2.16), schema 'macro': "body: The body of the macro in HTML format with placeholders
# transformed to XML-like format", example '<p>Hi <attribute key="user.name" default="there"/>, ...</p>';
# "body_text: The plain text version of the macro body with original Intercom placeholder format",
# example 'Hi {{user.name|fallback:"there"}}, ...'.
_ATTRIBUTE = re.compile(r'<attribute key="([^"]+)"(?: default="([^"]*)")?/>')


def _intercom(tmp_path: Path) -> tuple[list[dict[str, str]], Path]:
    pack = write_pack(tmp_path / "p", {"quoted.yaml": QUOTED})
    export(pack, ["intercom"], tmp_path / "out", lint=False)
    listed = json.loads((tmp_path / "out/intercom/macros.json").read_text(encoding="utf-8"))["macros"]
    return listed, tmp_path / "out/intercom"


def test_intercom_macros_json_body_is_in_the_api_read_back_form(tmp_path: Path) -> None:
    """macros.json says it holds what GET /macros returns, to compare a workspace with the pack: its HTML
    body spelled placeholders as {{...}} text, which the API's body never holds."""
    listed, _ = _intercom(tmp_path)
    email = listed[0]
    assert "{{" not in email["body"]
    tags = _ATTRIBUTE.findall(email["body"])
    assert tags == [("user.first_name", "there"), ("user.first_name", "O'Brien &amp; co"), ("user.name", ""),
                    ("user.email", ""), ("teammate.name", "")]
    assert '<attribute key="user.email"/>' in email["body"]  # no fallback: no default attribute at all
    assert '<attribute key="user.name" default=""/>' in email["body"]  # the empty fallback is kept
    # the plain text keeps Intercom's own placeholder syntax, as body_text does in the API
    assert email["body_text"].startswith('Hi {{user.first_name|fallback:"there"}},\n\n')
    assert '{{user.first_name|fallback:"O\'Brien & co"}}' in email["body_text"]
    assert "<attribute" not in email["body_text"]


def test_intercom_paste_page_keeps_the_text_an_admin_copies(tmp_path: Path) -> None:
    """The page is copied from a browser, which shows nothing for an <attribute/> tag: it keeps {{...}}."""
    _, out = _intercom(tmp_path)
    page = (out / "macros/quoted.html").read_text(encoding="utf-8")
    assert "<attribute" not in page
    assert '{{user.first_name|fallback:"O\'Brien &amp; co"}}' in page


def test_intercom_read_back_body_imports_to_the_same_script(tmp_path: Path) -> None:
    """The read-back body alone (as GET /macros gives it, without body_text) gives the same text."""
    listed, _ = _intercom(tmp_path)
    with_text = tmp_path / "with_text.json"
    with_text.write_text(json.dumps({"type": "list", "data": [dict(listed[0], type="macro", id="1")]}),
                         encoding="utf-8")
    html_only = tmp_path / "html_only.json"
    html_only.write_text(json.dumps({"type": "list", "data": [
        {"type": "macro", "id": "1", "name": listed[0]["name"], "body": listed[0]["body"]}]}), encoding="utf-8")
    (a,), (b,) = import_library(with_text, "intercom").macros, import_library(html_only, "intercom").macros
    assert a.text == b.text
    assert "{{customer.first_name}}" in b.text


def test_playbook_names_the_sms_channel_as_people_write_it(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"quoted.yaml": QUOTED})
    export(pack, ["playbook"], tmp_path / "out", lint=False)
    md = (tmp_path / "out/playbook/playbook.md").read_text(encoding="utf-8")
    page = (tmp_path / "out/playbook/playbook.html").read_text(encoding="utf-8")
    assert "**SMS**" in md and "**Sms**" not in md
    assert "<h4>SMS</h4>" in page


def test_csv_tags_keep_a_tag_with_a_space(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"quoted.yaml": QUOTED})
    export(pack, ["csv"], tmp_path / "out", lint=False)
    library = import_library(tmp_path / "out/csv/scripts.csv")
    assert library.macros[0].raw.tags == ["orders", "late delivery"]


MIXED_PACK = """\
name: Mixed
channels:
  email:
    greeting: "Hi {{ customer.first_name | fallback('there') }},"
  chat:
    greeting: "Hi {{ customer.first_name }}!"
"""


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_csv_fallbacks_column_lists_each_place_where_they_differ(tmp_path: Path) -> None:
    """A placeholder with a fallback in one place and none (or another) elsewhere: the column kept one
    value per name, so the import gave the chat greeting the acknowledgment's fallback."""
    pack = write_pack(tmp_path / "p", {"quoted.yaml": QUOTED.replace("[email, sms]", "[email, chat]")}, MIXED_PACK)
    export(pack, ["csv"], tmp_path / "out", lint=False)
    email, chat = (r for r in _rows(tmp_path / "out/csv/scripts.csv") if r["variant"] == "1")
    assert email["fallbacks"].splitlines() == ["customer.first_name=there", "customer.first_name=O'Brien & co",
                                               "customer.full_name="]
    assert chat["fallbacks"].splitlines() == ["customer.first_name", "customer.first_name=O'Brien & co",
                                              "customer.full_name="]


def test_scriptkit_csv_reads_back_as_it_was_written(tmp_path: Path) -> None:
    """Export to CSV, import, export again: each row's title, id, text, fallbacks, blanks and tags are the
    same (the category came back as part of the name only, the fallbacks and prompts not at all, a catalogue
    name such as order.number became a blank, and each channel's row was a duplicate of the script)."""
    pack = write_pack(tmp_path / "p", {"quoted.yaml": QUOTED.replace("[email, sms]", "[email, chat]").replace(
        "I've chased it", "I've chased order {{ order.number }}")}, MIXED_PACK)
    export(pack, ["csv"], tmp_path / "one", lint=False)
    library = import_library(tmp_path / "one/csv/scripts.csv")
    # (the chat row is the script's chat text, merged back into it: one script, as it was written)
    assert [m.id for m in library.macros] == ["quoted"]
    assert [m.title for m in library.macros] == ["Orders::Café “late” & <b>"]
    assert library.macros[0].raw.more_channels == ["chat"]
    assert not [n for m in library.macros for n in m.about if "another item" in n]
    export(library.write(tmp_path / "pack"), ["csv"], tmp_path / "two", lint=False)
    keep = ("script_id", "channel", "variant", "category", "name", "text", "fallbacks", "blanks", "tags")
    before, after = _rows(tmp_path / "one/csv/scripts.csv"), _rows(tmp_path / "two/csv/scripts.csv")
    assert [{k: r[k] for k in keep} for r in after] == [{k: r[k] for k in keep} for r in before]


SETTINGS_PACK = """\
name: Settings
export:
  salesforce:
    channels: [Email, Chat]
  front:
    inbox_ids: []
    subject: [Your refund]
"""

REFUND = """\
id: refund
title: Billing::Refund
channels: [email, chat]
acknowledgment: I know a double charge is worrying, and I'm sorry.
solution: I've refunded the second charge today; it shows within five days.
export:
  salesforce:
    channels: {email: Email, fax: Fax, chat: [Chat]}
"""


def test_front_and_salesforce_settings_of_the_wrong_shape_are_named_at_their_place(tmp_path: Path) -> None:
    """Front wrote subject "['Your refund']" and dropped an empty inbox_ids (its schema: "Array should be
    non-empty"; left out, the template is in every inbox); Salesforce ignored a channels list without a word."""
    plain = REFUND.split("export:")[0].replace("id: refund", "id: plain").replace("::Refund", "::Plain")
    pack = write_pack(tmp_path / "p", {"refund.yaml": REFUND, "plain.yaml": plain}, SETTINGS_PACK)
    with pytest.raises(ScriptkitError) as refused:  # (bad input, exit code 2, as check says)
        export(pack, ["front", "salesforce"], tmp_path / "out", lint=False)
    found = sorted({(e.location.line, e.message) for e in each_error(refused.value) if e.location})
    assert found == [
        (4, "salesforce setting 'channels' maps each scriptkit channel to a Channel picklist value; it is a list"),
        (6, "front setting 'inbox_ids' must be an inbox id or a non-empty list of them, not an empty list"),
        (7, "front setting 'subject' must be text, not a list"),
        (8, "salesforce Channel value for chat must be a picklist value, not a list"),
        (8, "salesforce setting 'channels' names 'fax', which is no channel a Quick Text is exported for"),
    ]
    assert not (tmp_path / "out").exists()
    # (forced too: a wrong value is bad input, not a finding --force passes; a forced export left it out)
    with pytest.raises(ScriptkitError):
        export(pack, ["front", "salesforce"], tmp_path / "out", lint=False, force=True)
    assert not (tmp_path / "out").exists()


def test_intercom_macros_json_entries_match_the_documented_macro(tmp_path: Path) -> None:
    """Each macros.json entry is a macro as scriptkit's own Intercom schema writes it down, its body's placeholders
    spelled <attribute .../>. (Against Intercom's published OpenAPI description: ``python -m
    benchmarks.vendor_schemas``, which needs ../shared.)"""
    listed, _ = _intercom(tmp_path)
    assert len(listed) == 2  # email and sms
    validator = jsonschema.Draft202012Validator(schema("intercom"))
    for entry in listed:
        validator.validate(entry)
        assert _ATTRIBUTE.search(entry["body"]) and "{{" not in entry["body"], entry["body"]
