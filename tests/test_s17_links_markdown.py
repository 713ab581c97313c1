"""Markdown import writes a link as the pack does, [text](address), as the HTML import does, with the same note
on a relative address; '* item' and '1) item' lists become the pack's '- item' and '1. item', which the HTML
exports write as lists; the playbook keeps a pack's link a link."""

from __future__ import annotations

import json
from pathlib import Path

from scriptkit import export, import_library

LATE = ("# Late parcel\n\nI'm sorry your parcel is late. Follow it [on the tracking page](https://example.com/track) "
        "or [send us a request](/hc/en-us/requests/new). I'll chase the courier today.\n")
STEPS = ("# Reset password\n\nI'm sorry you're locked out. Here is what to do today:\n\n* Open Settings\n"
         "* Pick Security\n\n1) Press Reset\n2) Check your email\n\nI've unlocked your account today.\n")


def test_a_markdown_link_is_imported_as_the_pack_writes_it(tmp_path: Path) -> None:
    source = tmp_path / "reply.md"
    source.write_text(LATE, encoding="utf-8")
    macro = import_library(source).macros[0]
    assert "Follow it [on the tracking page](https://example.com/track) or " in macro.text
    assert "[send us a request](/hc/en-us/requests/new)" in macro.text
    assert any("'/hc/en-us/requests/new'" in note and "relative" in note for note in macro.notes)
    assert not any("example.com/track" in note for note in macro.notes)


def test_markdown_list_markers_become_the_packs_and_export_as_lists(tmp_path: Path) -> None:
    source = tmp_path / "reply.md"
    source.write_text(STEPS, encoding="utf-8")
    library = import_library(source)
    assert "\n\n- Open Settings\n- Pick Security\n\n1. Press Reset\n2. Check your email\n\n" in library.macros[0].text
    pack = library.write(tmp_path / "pack")
    export(pack, ["zendesk"], tmp_path / "out", lint=False)
    macro = json.loads((tmp_path / "out" / "zendesk" / "macros.json").read_text(encoding="utf-8"))["macros"][0]
    body = next(a["value"] for a in macro["actions"] if a["field"] == "comment_value_html")
    assert "<ul><li>Open Settings</li><li>Pick Security</li></ul><ol><li>Press Reset</li>" in body


def test_the_playbook_keeps_a_link_a_link(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    (pack / "scripts").mkdir(parents=True)
    (pack / "pack.yaml").write_text("name: P\nchannels:\n  email: {greeting: '', signoff: ''}\n", encoding="utf-8")
    (pack / "scripts" / "a.yaml").write_text(
        "id: a\ntitle: Late parcel\nchannels: [email]\nacknowledgment: I can see how frustrating the wait is.\n"
        "solution: \"I've chased the courier today: [track it here](https://example.com/track_1) or "
        "[ask us](/hc/requests/new), or [run this](javascript:void0).\"\n", encoding="utf-8")
    export(pack, ["playbook"], tmp_path / "out", lint=False)
    md = (tmp_path / "out" / "playbook" / "playbook.md").read_text(encoding="utf-8")
    assert "[track it here](https://example.com/track_1) or [ask us](/hc/requests/new)" in md
    page = (tmp_path / "out" / "playbook" / "playbook.html").read_text(encoding="utf-8")
    assert '<a href="https://example.com/track_1">track it here</a>' in page
    assert "run this (javascript:void0)" in page and 'href="javascript' not in page
    # read back, the playbook's reply is the pack's
    assert "[track it here](https://example.com/track_1)" in import_library(
        tmp_path / "out" / "playbook" / "playbook.md").macros[0].text


def test_an_escaped_bracket_in_markdown_stays_text(tmp_path: Path) -> None:
    source = tmp_path / "reply.md"
    source.write_text("# Codes\n\nSorry for the wait. Type \\[1](2) in the box, then [read this](https://e.com/a).\n",
                      encoding="utf-8")
    library = import_library(source)
    assert library.macros[0].text == ("Sorry for the wait. Type \\[1](2) in the box, then "
                                      "[read this](https://e.com/a).")
    export(library.write(tmp_path / "pack"), ["zendesk"], tmp_path / "out", lint=False)
    macro = json.loads((tmp_path / "out" / "zendesk" / "macros.json").read_text(encoding="utf-8"))["macros"][0]
    body = next(a["value"] for a in macro["actions"] if a["field"] == "comment_value_html")
    assert 'Type [1](2) in the box, then <a href="https://e.com/a">read this</a>.' in body
