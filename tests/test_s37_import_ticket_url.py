"""A Zendesk macro's {{ticket.url}} is the catalogue's shared 'ticket.url', written in each helpdesk that has one and
left as a blank (SK503) where none does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

_REST = "I'm sorry your parcel is late. I've asked the courier to trace it today, and I'll email you by Friday."


def _import(tmp_path: Path, body: str) -> Path:
    """A one-macro Zendesk export whose plain-text reply ends with ``body``, imported into a pack."""
    export = {"macros": [{"id": 7, "title": "Late", "actions": [
        {"field": "comment_value", "value": f"{_REST}\n\n{body}"}]}]}
    source = tmp_path / "macros.json"
    source.write_text(json.dumps(export), encoding="utf-8")
    pack = tmp_path / "pack"
    result = CliRunner().invoke(main, ["import", str(source), "-o", str(pack)])
    assert result.exit_code == 0, result.output
    return pack


def _script(pack: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted((pack / "scripts").glob("*.yaml")))


def _exported(tmp_path: Path, pack: Path, target: str) -> tuple[str, str]:
    """What the export to ``target`` wrote (every file's text) and said."""
    out = tmp_path / f"out-{target}"
    result = CliRunner().invoke(main, ["export", str(pack), "--to", target, "-o", str(out), "--force"])
    assert result.exit_code in (0, 1), result.output
    files = "\n".join(p.read_text(encoding="utf-8") for p in sorted(out.rglob("*")) if p.is_file())
    return files, result.output


@pytest.mark.timeout(120)
def test_zendesk_ticket_url_is_the_shared_field_written_where_a_helpdesk_has_one(tmp_path: Path) -> None:
    pack = _import(tmp_path, "The full history is at {{ticket.url}} if you'd like to look.")
    script = _script(pack)
    assert "{{ ticket.url }}" in script and "zendesk.ticket_url" not in script
    assert "ticket_url" not in (pack / "pack.yaml").read_text(encoding="utf-8")
    for target, spelled in (("zendesk", "{{ticket.url}}"), ("freshdesk", "{{ticket.url}}")):
        files, said = _exported(tmp_path, pack, target)
        assert spelled in files, target
        assert "[[ticket url]]" not in files and "SK503" not in said, target
    # Help Scout has no documented conversation address: a blank for the agent, and SK503 says so, as for the
    # other shared fields a helpdesk lacks
    files, said = _exported(tmp_path, pack, "helpscout")
    assert "[[ticket url]]" in files and "zendesk" not in files
    assert "SK503" in said and "ticket.url" in said
