"""A support lead's review of ``scriptkit audit``: the order of work counts the broken macros as the JSON does
and its HTML link lists them; what the customer reads as typed (Markdown stars, a pasted thread, a hidden or
garbled character) costs readability; a JSON lines library names the fields it did not read and can map one to
the channel; ``import --help`` says how a folder of files is read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import scriptkit
from scriptkit.audit import audit_practice
from scriptkit.importers import import_library

_GOOD = ("Hi there,\n\nThanks for writing in, and I'm sorry the parcel was late. I've refunded the delivery fee "
         "today, and you'll see it on your card within 5 days. If anything else comes up, just reply and I'll "
         "help.\n\nBest,\nRiya")


def _jsonl(tmp_path: Path, records: list[dict[str, str]]) -> Path:
    path = tmp_path / "replies.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.mark.timeout(120)
def test_the_broken_macros_step_counts_as_the_json_does_and_links_to_them(tmp_path: Path) -> None:
    path = _jsonl(tmp_path, [
        # (no solution: scores under 50 already, not capped)
        {"title": "Sorry only", "body": "We are so sorry for the trouble this has caused you."},
        {"title": "Marker", "body": _GOOD.replace("Hi there", "Hi [Customer Name]")},  # (capped at 50)
        {"title": "Fine", "body": _GOOD},
        # (judged in part, in another language, and broken all the same: the summary's capped counts such a macro)
        {"title": "Retraso", "body": "Hola [Customer Name], lamentamos mucho el retraso de su pedido. Le enviamos "
                                     "hoy uno nuevo y llegará el viernes por la mañana."},
    ])
    report = scriptkit.audit_library(path, grammar="off")
    data = report.to_dict()
    first = report.work_order()[0]
    broken = [m for m in data["macros"] if m["broken_because"]]
    assert any(m["judged_in_part"] for m in broken)
    capped = data["summary"]["capped"]
    assert data["summary"]["broken"] == len(broken) == 3 == first.macros and capped == sum(m["capped"] for m in broken)
    assert first.text.startswith(f"3 macro(s) broken for the customer, {capped} of them capped at 50")
    assert "1 have no solution" in first.text and "2 would send" in first.text
    page = report.write_html(tmp_path / "r.html").read_text(encoding="utf-8")
    assert f'<a href="#broken">{first.text}' in page
    assert page.count('data-broken="1"') == 3 and 'id="broken"' in page


@pytest.mark.timeout(120)
def test_what_the_customer_reads_as_typed_costs_readability(tmp_path: Path) -> None:
    for code, name in (("SK005", "greeting-run-on"), ("SK007", "text-artifact"), ("SK010", "quoted-thread"),
                       ("SK011", "repeated-text"), ("SK012", "hidden-character"), ("SK016", "garbled-text")):
        assert audit_practice(code, name) == "readability", code
    # (the pack's own hygiene reaches no customer: still not scored)
    for code, name in (("SK002", "unused-constant"), ("SK004", "duplicate-script"), ("SK014", "duplicate-title")):
        assert audit_practice(code, name) is None, code
    path = _jsonl(tmp_path, [{"title": "Plain", "body": _GOOD},
                             {"title": "Starred", "body": _GOOD.replace("I've refunded", "**I've refunded**")}])
    report = scriptkit.audit_library(path, grammar="off")
    plain, starred = (next(m for m in report.macros if m.title == t) for t in ("Plain", "Starred"))
    assert any(d.code == "SK007" for d in starred.diagnostics)
    assert starred.scores["readability"] is not None and plain.scores["readability"] is not None
    assert starred.scores["readability"] < plain.scores["readability"]
    assert starred.held_mean < plain.held_mean


@pytest.mark.timeout(120)
def test_a_json_lines_library_names_the_fields_it_did_not_read(tmp_path: Path) -> None:
    path = _jsonl(tmp_path, [{"title": "Late", "body": _GOOD, "platform": "email"},
                             {"title": "Late again", "body": _GOOD, "platform": "email", "agent": "Riya"}])
    notes = " ".join(import_library(path).notes)
    assert "'platform'" in notes and "'agent'" in notes and "'body'" not in notes


@pytest.mark.timeout(120)
def test_map_channel_reads_a_json_lines_field_as_the_channel(tmp_path: Path) -> None:
    tweet = "So sorry about the wait! Your parcel left today and arrives Friday. DM us if it does not."
    path = _jsonl(tmp_path, [{"title": "Late tweet", "body": tweet, "platform": "twitter"},
                             {"title": "Late chat", "body": tweet, "platform": "Chat"}])
    library = import_library(path, mapping={"channel": "platform"})
    assert [m.raw.channel for m in library.macros] == ["social", "chat"]
    assert not any("'platform'" in note for note in library.notes)
    report = scriptkit.audit_library(path, mapping={"channel": "platform"}, grammar="off")
    assert not any(d.name == "email-length" for m in report.macros for d in m.diagnostics)


def test_import_help_says_how_a_folder_of_files_is_read(tmp_path: Path) -> None:
    from tests.conftest import run_cli

    folder = tmp_path / "replies"
    folder.mkdir()
    (folder / "late.md").write_text("# Late parcel\n\nIt arrives on Friday.\n", encoding="utf-8")
    refused = run_cli("import", str(folder), "-o", str(tmp_path / "pack"))
    assert refused.exit_code == 2 and "replies/*.md" in refused.output
    helped = run_cli("import", "--help").output
    # (what the refusal asks for, the help says: name the folder's files)
    assert "folder of Markdown files" not in " ".join(helped.split()) and "*.md" in helped
