"""QA round 2 of session 37: a Liquid filter's placeholder with one closing brace, a mail-merge field with a
space, a mail-merge fallback, the audit's score line, a title's direction, help text spacing, --html's value."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import scriptkit
from scriptkit.cli import main

_REST = "I'm sorry your parcel is late. I've asked the courier to trace it today, and I'll email you by Friday."


def _zendesk(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "export.json"
    macro = {"id": 3, "title": "Late", "actions": [{"field": "comment_value", "value": f"{body} {_REST}"}]}
    path.write_text(json.dumps({"macros": [macro]}), encoding="utf-8")
    return path


@pytest.mark.timeout(60)
@pytest.mark.parametrize("opened", ['{{ticket.requester.first_name | default: "there"}',
                                    "{{ticket.requester.first_name|fallback:'there'}"])
def test_a_filtered_placeholder_with_one_closing_brace_is_told_and_caps(tmp_path: Path, opened: str) -> None:
    export = _zendesk(tmp_path, f"Hi {opened},")
    report = scriptkit.audit_library(export, "zendesk", grammar="off")
    assert [u.text for _, u in report.unmapped] == [opened], report.unmapped
    assert report.macros[0].capped
    ran = CliRunner().invoke(main, ["audit", str(export), "--from", "zendesk", "--grammar", "off"])
    said = " ".join(ran.output.split())
    assert f"{opened}: a brace missing: write {opened}}}" in said, said
    assert "export.json:1:" in said


def _sheet(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "sheet.csv"
    path.write_text(f'Title,Body\nLate,"{body} {_REST}"\n', encoding="utf-8")
    return path


def _imported(tmp_path: Path, sheet: Path) -> tuple[str, str]:
    out = tmp_path / "pack"
    ran = CliRunner().invoke(main, ["import", str(sheet), "-o", str(out)])
    assert ran.exit_code == 0, ran.output
    return ran.output, next((out / "scripts").glob("*.yaml")).read_text(encoding="utf-8")


@pytest.mark.timeout(60)
def test_a_merge_field_with_a_space_is_read_as_the_customers(tmp_path: Path) -> None:
    said, script = _imported(tmp_path, _sheet(tmp_path, "Hi {{First Name}},"))
    assert "Hi {{ customer.first_name }}," in script, script
    assert "its {{First Name}} is read as {{ customer.first_name }}" in " ".join(said.split())


@pytest.mark.timeout(60)
def test_an_unknown_merge_field_with_a_space_is_said_to_be_kept_as_text(tmp_path: Path) -> None:
    said, _ = _imported(tmp_path, _sheet(tmp_path, "Your order {{Order Ref}} is late."))
    assert "{{Order Ref}} is kept as text" in " ".join(said.split()), said


@pytest.mark.timeout(60)
def test_a_merge_field_with_a_filter_not_read_gets_one_note_and_the_sheets_text(tmp_path: Path) -> None:
    said, script = _imported(tmp_path, _sheet(tmp_path, "Hi {{first_name|there}},"))
    flat = " ".join(said.split())
    assert "is read as {{ customer.first_name }}" not in flat, flat
    assert flat.count("{{first_name|there}}") >= 1 and "customer.first_name|there" not in flat, flat
    assert "prompt: Was {{first_name|there}} in the original" in script, script


@pytest.mark.timeout(60)
def test_the_overall_line_says_an_internal_note_is_not_scored(tmp_path: Path) -> None:
    note = {"id": 4, "title": "Note", "actions": [{"field": "comment_mode_is_public", "value": "false"},
                                                   {"field": "comment_value", "value": "Escalated to billing."}]}
    reply = {"id": 3, "title": "Late", "actions": [{"field": "comment_value", "value": _REST}]}
    export = tmp_path / "export.json"
    export.write_text(json.dumps({"macros": [reply, note]}), encoding="utf-8")
    ran = CliRunner().invoke(main, ["audit", str(export), "--from", "zendesk", "--grammar", "off"])
    said = " ".join(ran.output.split())
    assert "Internal notes: 1 not scored" in said or "1 internal note(s)" in said, said
    assert "judged in part are left out" not in said, said
    assert "the 1 internal note is not scored" in said, said


_ARABIC = "{{customer.first_name}}، شكراً لتواصلك معنا. طلبك في الطريق وسيصل خلال 3 أيام. مع التحية"


@pytest.mark.timeout(60)
@pytest.mark.parametrize(("title", "told"), [("Shipping::Late — اعتذار", ""),
                                             ("شحن::تأخير الطلب", ' lang="ar" dir="rtl"')])
def test_a_title_is_marked_by_most_of_its_words(tmp_path: Path, title: str, told: str) -> None:
    library = tmp_path / "library.jsonl"
    library.write_text(json.dumps({"title": title, "body": _ARABIC}, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "report.html"
    ran = CliRunner().invoke(main, ["audit", str(library), "--html", str(out)])
    assert ran.exit_code in (0, 1), ran.output
    assert f"<bdi{told}>{title}</bdi>" in out.read_text(encoding="utf-8")


def _commands(group: object, path: list[str]) -> list[list[str]]:
    import click

    found = [path]
    if isinstance(group, click.Group):
        for name, command in group.commands.items():
            found += _commands(command, [*path, name])
    return found


@pytest.mark.timeout(120)
@pytest.mark.parametrize("words", _commands(main, []), ids=lambda w: " ".join(w) or "scriptkit")
def test_help_text_has_single_spaces_between_its_words(words: list[str]) -> None:
    ran = CliRunner().invoke(main, [*words, "--help"], terminal_width=80)
    assert ran.exit_code == 0, ran.output
    runs = []
    in_options = False
    for line in ran.output.splitlines():
        in_options = in_options or (line.endswith(":") and not line.startswith(" "))
        text = line.strip().replace("  [", " [")  # (click's own gap before '[required]', '[default: x]')
        if in_options and line.startswith("  ") and line.lstrip().startswith("-"):
            text = re.split(r"\s{2,}", text, maxsplit=1)[-1]  # (the gap between an option and its help)
        if in_options and line.startswith("  ") and not line.lstrip().startswith("-") and "  " in text:
            text = re.split(r"\s{2,}", text, maxsplit=1)[-1]  # (a command's name and its summary)
        if re.search(r"\S {2,}\S", text):
            runs.append(line)
    assert runs == [], runs


@pytest.mark.timeout(60)
@pytest.mark.parametrize("value", ["-o", "--format"])
def test_html_refuses_an_option_as_its_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    export = _zendesk(tmp_path, "Hi,")
    monkeypatch.chdir(tmp_path)
    ran = CliRunner().invoke(main, ["audit", str(export), "--html", value, "a.html"])
    assert ran.exit_code == 2, ran.output
    assert f"Invalid value for '--html': '{value}' is an option" in " ".join(ran.output.split()), ran.output
    assert not (tmp_path / value).exists() and not (tmp_path / "a.html").exists()
    assert "Traceback" not in ran.output
