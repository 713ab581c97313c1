"""Import a helpdesk's export, write the pack, export it back and import that again: the same pack. A property over
the starter pack and tricky texts, for every helpdesk that has an importer, and the drifts it found, each on the
file a helpdesk would give: a paragraph that starts like a numbered item ('2024. What a year'), a plain reply's
literal '[1](2)', a link address with parentheses."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import yaml

from scriptkit import export, import_library
from scriptkit.templates import template_dir

#: each helpdesk with an importer: the file its export writes, which its importer reads
BUNDLES = {
    "zendesk": "zendesk/macros.json",
    "freshdesk": "freshdesk/canned_responses.json",
    "helpscout": "helpscout/saved_replies.json",
    "intercom": "intercom/macros.json",
    "gorgias": "gorgias/macros.json",
    "front": "front/message_templates.json",
    "salesforce": "salesforce/quick_text.json",
}

#: replies whose text an import or an export might read otherwise than written (each the writer's own words)
TRICKY = {
    "year": "2024\\. What a year it has been, and I'm sorry it ended with a lost parcel.",
    "first": "3\\. Only the first three boxes shipped, and I'm sorry for the wait.\nThe rest leave the depot today.",
    "mid": "I'm sorry for the trouble.\n1999\\. That is when we opened, and we still care.",
    "steps": "I'm sorry the screen is confusing. Here is what to do today:\n\n1. Open Settings\n2. Pick Account\n"
             "3. Press Save",
    "later": "I'm sorry it stopped halfway.\n\n4. Restart the upload\n5. Wait for the green tick",
    "options": "I'm sorry about the mix-up. You can choose:\n\\- a refund today\n\\- a new one by Friday",
    "bullets": "I'm sorry about the mix-up.\n\n- Look in your junk folder\n- Or write back to me",
    "signoff": "I'm sorry for the wait; the fix went out today.\n\nThanks,\n- Sam",
    "brackets": "I'm sorry the footnote \\[1](2) confused you, and the note \\[see](here) too. I'll fix both today.",
    "wiki": "I'm sorry for the confusion. [This article](https://en.wikipedia.org/wiki/Router_(computing)) "
            "explains it, and I'll call you today.",
    "bare": "I'm sorry. The page https://en.wikipedia.org/wiki/Router_(computing) explains it.",
    "mail": "I'm sorry. Write to [our team](mailto:care@example.com) or call [the desk](tel:+15550100) today.",
    "marks": "I'm sorry: Tom & Jerry <b>said</b> 3 < 4 and 5 > 2, & more, today.",
    "decimal": "I'm sorry.\n1.5 million people use it, and I'll fix it by noon.",
    "dashes": "I'm sorry.\n-this is no bullet\nand neither is this - one.",
    "unicode": "I'm sorry \N{PENSIVE FACE} \N{EM DASH} truly. \N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}Bien"
               "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}, I'll fix it today.",
}


def _tricky_pack(root: Path) -> Path:
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text("name: Tricky\nversion: 0.1.0\nlocale: en-US\n", encoding="utf-8")
    for key, text in TRICKY.items():
        script = {"id": key, "title": f"Tricky {key}", "scenario": "A reply with tricky text.", "channels": ["email"],
                  "acknowledgment": "I'm sorry this happened to your order.", "warm_language": "I'm here to help.",
                  "flexibility": "We can do this another way if you like.", "solution": text}
        (root / "scripts" / f"{key}.yaml").write_text(yaml.safe_dump(script, allow_unicode=True, sort_keys=False),
                                                      encoding="utf-8")
    return root


def _pack_text(pack: Path) -> dict[str, str]:
    """Every file of a pack, without the comment naming the file it was imported from (a path of this test's), and
    without the import's record of the files it wrote (their hashes hold that comment)."""
    return {str(f.relative_to(pack)): "".join(line for line in f.read_text(encoding="utf-8").splitlines(True)
                                              if not line.startswith("# Imported by"))
            for f in sorted(pack.rglob("*")) if f.is_file() and f.name != ".scriptkit-import"}


def _through(pack: Path, helpdesk: str, work: Path) -> Path:
    """``pack`` exported to ``helpdesk``, imported back and written as a pack."""
    export(pack, [helpdesk], work / "out", force=True, lint=False)
    return import_library(work / "out" / BUNDLES[helpdesk], helpdesk).write(work / "pack")


@pytest.mark.timeout(240)
@pytest.mark.parametrize("helpdesk", sorted(BUNDLES))
@pytest.mark.parametrize("corpus", ["starter", "tricky"])
def test_an_imported_pack_exported_and_imported_again_is_the_same_pack(tmp_path: Path, helpdesk: str,
                                                                       corpus: str) -> None:
    source = template_dir("starter") if corpus == "starter" else _tricky_pack(tmp_path / "tricky")
    first = _through(source, helpdesk, tmp_path / "1")
    second = _through(first, helpdesk, tmp_path / "2")
    before, after = _pack_text(first), _pack_text(second)
    assert sorted(after) == sorted(before)
    for name, text in before.items():
        assert after[name] == text, name


def _zendesk(tmp_path: Path, body: str) -> Path:
    source = tmp_path / "zendesk.json"
    source.write_text(json.dumps({"macros": [{"id": 1, "title": "Reply", "actions": [
        {"field": "comment_value_html", "value": body}]}]}), encoding="utf-8")
    return source


def _zendesk_body(out: Path) -> str:
    macro = json.loads((out / "zendesk" / "macros.json").read_text(encoding="utf-8"))["macros"][0]
    return str(next(a["value"] for a in macro["actions"] if a["field"] == "comment_value_html"))


NUMBERED = ("<p>I'm sorry your parcel went missing.</p><p>2024. What a year it has been for deliveries.</p>"
            "<p>3. Only the first three boxes shipped.<br>The rest leave the depot today.</p>"
            "<p>You can choose:<br>- a refund today<br>- a new one by Friday</p>"
            "<ol><li>Open Settings</li><li>Pick Orders</li></ol><p>Thanks,<br>- Sam</p>")


def test_a_paragraph_that_starts_like_a_numbered_item_stays_a_paragraph(tmp_path: Path) -> None:
    first = import_library(_zendesk(tmp_path, NUMBERED), "zendesk")
    text = first.macros[0].text
    assert "2024\\. What a year" in text and "3\\. Only the first three boxes shipped.\nThe rest" in text
    assert "You can choose:\n\\- a refund today\n\\- a new one by Friday" in text
    assert "1. Open Settings\n2. Pick Orders" in text and "Thanks,\n- Sam" in text  # (a list, and a sign-off)
    pack = first.write(tmp_path / "pack")
    export(pack, ["zendesk", "gorgias"], tmp_path / "out", lint=False)
    body = _zendesk_body(tmp_path / "out")
    assert "<p>2024. What a year it has been for deliveries.</p>" in body
    assert "<p>3. Only the first three boxes shipped.<br>The rest leave the depot today.</p>" in body
    assert "<p>You can choose:<br>- a refund today<br>- a new one by Friday</p>" in body
    assert "<ol><li>Open Settings</li><li>Pick Orders</li></ol>" in body and "start=" not in body
    assert "\\" not in body
    gorgias = json.loads((tmp_path / "out/gorgias/macros.json").read_text(encoding="utf-8"))["macros"][0]
    plain = gorgias["actions"][0]["arguments"]["body_text"]
    assert "2024. What a year" in plain and "\n- a refund today" in plain and "\\" not in plain
    again = import_library(tmp_path / "out" / "zendesk" / "macros.json", "zendesk")
    assert again.macros[0].text == text


def test_a_markdown_line_escaped_from_a_list_stays_a_paragraph(tmp_path: Path) -> None:
    source = tmp_path / "replies.md"
    source.write_text("## Year\n\nI'm sorry for the wait.\n\n2024\\. What a year it has been.\n\n1. Open Settings\n"
                      "2. Pick Orders\n", encoding="utf-8")
    library = import_library(source, "markdown")
    assert "2024\\. What a year" in library.macros[0].text
    export(library.write(tmp_path / "pack"), ["zendesk"], tmp_path / "out", lint=False)
    body = _zendesk_body(tmp_path / "out")
    assert "<p>2024. What a year it has been.</p>" in body and "<ol><li>Open Settings</li>" in body


def _quick_text(tmp_path: Path, message: str) -> Path:
    source = tmp_path / "quick_text.json"
    source.write_text(json.dumps({"records": [{"attributes": {"type": "QuickText"}, "Id": "0QT9", "Name": "Footnote",
                                                  "Message": message, "Channel": "Email", "IsInsertable": True}]}),
                      encoding="utf-8")
    return source


FOOTNOTE = "I'm sorry the footnote [1](2) confused you. The note [see](here) is the next one. I'll fix it today."


@pytest.mark.parametrize("fmt", ["salesforce", "csv", "gorgias"])
def test_a_plain_reply_keeps_a_bracketed_text_as_written(tmp_path: Path, fmt: str) -> None:
    if fmt == "salesforce":
        source = _quick_text(tmp_path, FOOTNOTE)
    elif fmt == "csv":
        source = tmp_path / "replies.csv"
        with source.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows([["title", "body"], ["Footnote", FOOTNOTE]])
    else:  # (a macro with only its plain text)
        source = tmp_path / "gorgias.json"
        source.write_text(json.dumps([{"id": 3, "name": "Footnote", "actions": [
            {"name": "setResponseText", "type": "user", "arguments": {"body_text": FOOTNOTE}}]}]),
            encoding="utf-8")
    first = import_library(source, fmt)
    assert "\\[1](2)" in first.macros[0].text and "\\[see](here)" in first.macros[0].text
    pack = first.write(tmp_path / "pack")
    export(pack, ["salesforce", "zendesk"], tmp_path / "out", lint=False)
    # (a Quick Text imported with its Id goes back as an update)
    sent = tmp_path / "out/salesforce" / ("quick_text_update.json" if fmt == "salesforce" else "quick_text.json")
    quick = json.loads(sent.read_text(encoding="utf-8"))["records"][0]
    assert "footnote [1](2) confused you. The note [see](here) is" in quick["Message"]
    assert "footnote [1](2) confused" in _zendesk_body(tmp_path / "out") and "href" not in _zendesk_body(
        tmp_path / "out")
    again = import_library(sent, "salesforce")
    assert "\\[1](2)" in again.macros[0].text and "1 (2)" not in again.macros[0].text
    if fmt == "csv":  # (a row of scriptkit's own CSV export is the pack's text: its links stay links)
        export(_tricky_pack(tmp_path / "tricky"), ["csv"], tmp_path / "own", lint=False, force=True)
        texts = {m.id: m.text for m in import_library(tmp_path / "own" / "csv" / "scripts.csv", "csv").macros}
        assert "[This article](https://en.wikipedia.org/wiki/Router_(computing))" in texts["wiki"]
        assert "\\[1](2)" in texts["brackets"] and "\\[\\[1]" not in texts["brackets"]


def test_a_link_address_with_parentheses_is_kept_as_written(tmp_path: Path) -> None:
    body = ("<p>I'm sorry for the confusion. <a href=\"https://en.wikipedia.org/wiki/Router_(computing)\">This "
            "article</a> explains it; <a href=\"https://example.com/a b(c\">this one</a> does not.</p>")
    library = import_library(_zendesk(tmp_path, body), "zendesk")
    text = library.macros[0].text
    assert "[This article](https://en.wikipedia.org/wiki/Router_(computing))" in text
    assert "[this one](https://example.com/a%20b%28c)" in text  # (an unpaired one: escaped, as a space is)
    export(library.write(tmp_path / "pack"), ["zendesk"], tmp_path / "out", lint=False)
    assert '<a href="https://en.wikipedia.org/wiki/Router_(computing)">This article</a>' in _zendesk_body(
        tmp_path / "out")


def test_a_help_scout_chat_text_that_is_the_reply_with_its_links_is_no_alternative(tmp_path: Path) -> None:
    source = tmp_path / "helpscout.json"
    source.write_text(json.dumps([{"id": 4, "name": "Write to us", "text":
        "<p>I'm sorry for the wait. Write to <a href=\"mailto:care@example.com\">our team</a> today.</p>"
        "<p>2024. What a year it has been.</p>",
        "chatText": "I'm sorry for the wait. Write to our team (care@example.com) today.\n\n"
                    "2024. What a year it has been."}]), encoding="utf-8")
    macro = import_library(source, "helpscout").macros[0]
    assert macro.alternatives == []


@pytest.mark.timeout(60)
def test_reading_the_new_escapes_takes_linear_time() -> None:
    from scriptkit.importers.html import html_to_text, literal_brackets
    from scriptkit.targets.base import ESCAPED_ITEM

    # (hang guards: each is read once, not from every character)
    assert html_to_text(f"<a href=\"https://x/{'(' * 50_000})\">t</a>").startswith("[t](https://x/%28")
    assert html_to_text("<p>" + "a<br>- b<br>" * 5_000 + "</p>").count("\\- b") == 5_000
    assert len(literal_brackets("[" * 50_000 + "](x)")) > 50_000
    assert ESCAPED_ITEM.sub(r"\1", "123456789\\" * 5_000 + "\n" + "\\" * 50_000).count("\\") == 55_000



def test_a_help_scout_chat_text_keeps_a_bracketed_text_as_written(tmp_path: Path) -> None:
    source = tmp_path / "helpscout.json"
    source.write_text(json.dumps([{"id": 5, "name": "Footnote", "text": "<p>I'm sorry the footnote confused you.</p>",
                                   "chatText": "Sorry the footnote [1](2) confused you!"}]), encoding="utf-8")
    library = import_library(source, "helpscout")
    assert len(library.macros[0].alternatives) == 1  # (the chat version differs from the reply)
    export(library.write(tmp_path / "pack"), ["helpscout"], tmp_path / "out", lint=False)
    record = json.loads((tmp_path / "out/helpscout/saved_replies.json").read_text(encoding="utf-8"))
    assert record["saved_replies"][0]["chatText"] == "Sorry the footnote [1](2) confused you!"
