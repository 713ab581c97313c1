"""An export into its --out replaces only what an earlier export wrote: a file the writer added there is
kept, and one of the export's that the writer changed stops it (exit code 2, named); nothing is deleted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from export_fixtures import LATE, PACK_YAML, write_pack

from scriptkit import exporting
from scriptkit.cli import main
from scriptkit.errors import ConfigError
from scriptkit.exporting import MARKER, MARKER_TEXT, export


def run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def two_helpdesks(tmp_path: Path) -> tuple[Path, Path]:
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE}, PACK_YAML)
    out = tmp_path / "export"
    export(pack, ["zendesk", "freshdesk"], out, lint=False)
    return pack, out


@pytest.mark.timeout(60)
def test_second_export_keeps_the_writers_files_in_the_new_folder(tmp_path: Path) -> None:
    pack, out = two_helpdesks(tmp_path)
    (out / "sign-off.txt").write_text("Signed off by legal, 20 November.\n", encoding="utf-8")
    (out / "zendesk" / "IMPORT-NOTES.txt").write_text("Try it in the sandbox first.\n", encoding="utf-8")
    result = run("export", str(pack), "--to", "zendesk", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "Kept 2 files" in result.stderr and "sign-off.txt" in result.stderr
    assert (out / "sign-off.txt").read_text(encoding="utf-8") == "Signed off by legal, 20 November.\n"
    assert (out / "zendesk" / "IMPORT-NOTES.txt").read_text(encoding="utf-8") == "Try it in the sandbox first.\n"
    assert not (out / "freshdesk").exists()
    assert "IMPORT-NOTES" not in (out / MARKER).read_text(encoding="utf-8")  # (still the writer's, next time too)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".export.")) == []


def test_a_file_changed_since_the_export_wrote_it_is_named_too(tmp_path: Path) -> None:
    pack, out = two_helpdesks(tmp_path)
    readme = out / "zendesk" / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8") + "\nOur own import notes.\n", encoding="utf-8")
    with pytest.raises(ConfigError) as refused:
        export(pack, ["zendesk"], out, lint=False)
    assert refused.value.exit_code == 2
    assert "edited since: zendesk/README.md" in refused.value.message
    assert "Our own import notes." in readme.read_text(encoding="utf-8")


def test_only_its_own_files_it_replaces_and_says_so(tmp_path: Path) -> None:
    pack, out = two_helpdesks(tmp_path)
    result = run("export", str(pack), "--to", "zendesk", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "freshdesk/" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == [MARKER, "zendesk"]
    # the marker lists what this export wrote, so the next one knows its own files
    listed = (out / MARKER).read_text(encoding="utf-8")
    assert "zendesk/macros.json" in listed and "freshdesk" not in listed
    # what a file browser leaves in any folder it shows is no one's work: it does not stop the export
    (out / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    (out / "zendesk" / "Thumbs.db").write_bytes(b"\xd0\xcf\x11\xe0")
    again = run("export", str(pack), "--to", "zendesk", "--out", str(out))
    assert again.exit_code == 0, again.output
    assert not (out / ".DS_Store").exists()


def test_a_marker_from_before_the_manifest_still_keeps_files_beside_the_helpdesk_folders(tmp_path: Path) -> None:
    pack, out = two_helpdesks(tmp_path)
    (out / MARKER).write_bytes(MARKER_TEXT)  # as an export before this one wrote it
    (out / "sign-off.txt").write_text("Signed off.\n", encoding="utf-8")
    result = export(pack, ["zendesk"], out, lint=False)
    assert result.kept == ["sign-off.txt"]
    assert sorted(p.name for p in out.iterdir()) == [MARKER, "sign-off.txt", "zendesk"]


def test_a_file_added_while_the_export_runs_is_swapped_back_not_deleted(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    pack, out = two_helpdesks(tmp_path)
    real = exporting._exchange
    calls: list[int] = []

    def late_writer(a: Path, b: Path) -> bool:
        if not calls:
            (out / "late-note.txt").write_text("Written during the export.\n", encoding="utf-8")
        calls.append(1)
        return real(a, b)

    monkeypatch.setattr(exporting, "_exchange", late_writer)
    with pytest.raises(ConfigError, match=r"late-note\.txt"):
        export(pack, ["zendesk"], out, lint=False)
    assert (out / "late-note.txt").read_text(encoding="utf-8") == "Written during the export.\n"
    assert (out / "freshdesk").is_dir()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".export.")] == []


def test_without_an_atomic_swap_a_late_file_is_kept_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pack, out = two_helpdesks(tmp_path)

    def no_swap(a: Path, b: Path) -> bool:
        (out / "late-note.txt").write_text("Written during the export.\n", encoding="utf-8")
        return False

    monkeypatch.setattr(exporting, "_exchange", no_swap)
    with pytest.raises(ConfigError, match=r"late-note\.txt"):
        export(pack, ["zendesk"], out, lint=False)
    assert (out / "late-note.txt").is_file() and (out / "freshdesk").is_dir()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".export.")] == []
