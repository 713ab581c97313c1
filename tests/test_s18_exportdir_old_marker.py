"""An export folder written by an older scriptkit (its .scriptkit-export lists no files): a file the writer
added inside a helpdesk folder is never replaced with the folder. What this export writes again, and what
reads as an export to that helpdesk writes it now, is the export's; any other file there stops the export
(exit code 2, each named, with what to do), and nothing is written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from export_fixtures import LATE, PACK_YAML, write_pack

from scriptkit.cli import main
from scriptkit.errors import ConfigError
from scriptkit.exporting import MARKER, MARKER_TEXT, export


def run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def older_export(tmp_path: Path, *targets: str) -> tuple[Path, Path]:
    """A pack, and its export as an older scriptkit left it: the marker says what the folder is, no list."""
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE}, PACK_YAML)
    out = tmp_path / "export"
    export(pack, list(targets), out, lint=False)
    (out / MARKER).write_bytes(MARKER_TEXT)
    return pack, out


@pytest.mark.timeout(60)
def test_a_note_inside_the_helpdesk_folder_stops_the_export_and_is_named(tmp_path: Path) -> None:
    pack, out = older_export(tmp_path, "zendesk")
    note = out / "zendesk" / "notes.txt"
    note.write_text("Post these to the sandbox account first.\n", encoding="utf-8")
    before = snapshot(out)
    result = run("export", str(pack), "--to", "zendesk", "--out", str(out))
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert f"{out / 'zendesk' / 'notes.txt'}:1:1" in result.stderr
    assert "older scriptkit" in result.stderr and "lists no files" in result.stderr
    assert "top of --out" in result.stderr  # (what to do with it)
    assert snapshot(out) == before  # nothing written, nothing lost
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".export.")] == []


@pytest.mark.timeout(60)
def test_once_the_note_is_moved_up_it_is_kept_and_the_folder_gets_a_list(tmp_path: Path) -> None:
    pack, out = older_export(tmp_path, "zendesk")
    (out / "zendesk" / "notes.txt").write_text("Sandbox first.\n", encoding="utf-8")
    # a reply an older export wrote for a script since removed from the pack: no export writes it now
    (out / "zendesk" / "macros" / "old-reply.json").write_text('{"macro": {"title": "Old"}}\n', encoding="utf-8")
    with pytest.raises(ConfigError) as refused:
        export(pack, ["zendesk"], out, lint=False)
    assert refused.value.exit_code == 2
    assert "zendesk/macros/old-reply.json" in refused.value.message and "zendesk/notes.txt" in refused.value.message
    (out / "zendesk" / "notes.txt").rename(out / "notes.txt")
    (out / "zendesk" / "macros" / "old-reply.json").unlink()
    result = export(pack, ["zendesk"], out, lint=False)
    assert result.kept == ["notes.txt"]
    assert (out / "notes.txt").read_text(encoding="utf-8") == "Sandbox first.\n"
    assert "zendesk/macros.json" in (out / MARKER).read_text(encoding="utf-8")


@pytest.mark.timeout(60)
def test_another_helpdesks_folder_is_replaced_only_when_it_is_what_an_export_writes(tmp_path: Path) -> None:
    pack, out = older_export(tmp_path, "zendesk", "freshdesk")
    (out / "freshdesk" / "folder-ids.txt").write_text("Orders is folder 12.\n", encoding="utf-8")
    (out / "drafts").mkdir()
    (out / "drafts" / "refund.txt").write_text("A refund reply to write.\n", encoding="utf-8")
    before = snapshot(out)
    with pytest.raises(ConfigError) as refused:
        export(pack, ["zendesk"], out, lint=False)
    assert "drafts/refund.txt" in refused.value.message and "freshdesk/folder-ids.txt" in refused.value.message
    # the files Freshdesk's export writes read as it writes them: not named
    assert "canned_responses" not in refused.value.message
    assert snapshot(out) == before
    (out / "freshdesk" / "folder-ids.txt").rename(out / "folder-ids.txt")
    (out / "drafts" / "refund.txt").rename(out / "refund.txt")
    result = export(pack, ["zendesk"], out, lint=False)
    assert result.replaced == ["freshdesk"]
    assert sorted(result.kept) == ["drafts", "folder-ids.txt", "refund.txt"]  # (the emptied folder too)
    assert not (out / "freshdesk").exists()


@pytest.mark.timeout(60)
def test_a_target_that_fails_while_its_files_are_checked_leaves_them_named_not_a_traceback(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from scriptkit import exporting

    pack, out = older_export(tmp_path, "zendesk", "freshdesk")
    real = exporting.build

    def failing(pack: Any, target: Any, messages: Any) -> Any:
        if target.name == "freshdesk":
            raise RuntimeError("a plug-in's bug")
        return real(pack, target, messages)

    monkeypatch.setattr(exporting, "build", failing)
    before = snapshot(out)
    with pytest.raises(ConfigError) as refused:
        export(pack, ["zendesk"], out, lint=False)
    assert "freshdesk/canned_responses.json" in refused.value.message
    assert snapshot(out) == before
