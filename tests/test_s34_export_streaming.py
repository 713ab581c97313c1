"""Export writes each target's files as it makes them (into a temporary folder beside --out) rather than holding
every target's until the last is done, and still replaces --out all at once, or not at all."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from export_fixtures import LATE, LINT_ERROR_YAML, SAD, tree, write_pack

from scriptkit.exporting import MARKER, ExportRefused, export
from scriptkit.targets.zendesk import ZendeskTarget


def _staged(parent: Path) -> dict[str, bytes]:
    """The files in the export's temporary folders under ``parent``, by path inside them."""
    found: dict[str, bytes] = {}
    for folder in parent.rglob(".out.tmp-*"):
        found.update(tree(folder))
    return found


def test_a_targets_files_are_written_before_the_next_target_is_built(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE})
    seen: dict[str, bytes] = {}
    real = ZendeskTarget.files

    def spying(self: ZendeskTarget, rendered: Any) -> dict[str, bytes]:
        seen.update(_staged(tmp_path))
        return real(self, rendered)

    monkeypatch.setattr(ZendeskTarget, "files", spying)
    export(pack, ["playbook", "zendesk"], tmp_path / "out", lint=False)
    # the playbook was on disk, as written, before Zendesk's files were made; none of Zendesk's yet
    playbook = {rel: data for rel, data in tree(tmp_path / "out").items() if rel.startswith("playbook/")}
    assert playbook and seen == playbook
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "p"]  # (nothing left beside it)


def test_an_export_into_a_folder_still_to_be_made_writes_the_same_files(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE})
    flat = export(pack, ["all"], tmp_path / "flat", lint=False)
    deep = export(pack, ["all"], tmp_path / "new" / "deeper" / "out", lint=False)
    assert tree(tmp_path / "new" / "deeper" / "out") == tree(tmp_path / "flat")
    assert deep.files == flat.files and (tmp_path / "flat" / MARKER).is_file()
    # the files were staged above the folders still to be made, and moved: no temporary folder is left anywhere
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.name.startswith(".")) \
        == ["flat/.scriptkit-export", "new/deeper/out/.scriptkit-export"]


def test_a_refused_export_writes_nothing_and_leaves_the_earlier_one(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE}, LINT_ERROR_YAML)
    out = tmp_path / "out"
    export(pack, ["zendesk", "playbook"], out, lint=False)
    before = tree(out)
    (pack / "scripts" / "sad.yaml").write_text(SAD, encoding="utf-8")  # (a lint error: the export is refused)
    staged: list[dict[str, bytes]] = []
    real = ZendeskTarget.files

    def spying(self: ZendeskTarget, rendered: Any) -> dict[str, bytes]:
        staged.append(_staged(tmp_path))
        return real(self, rendered)

    monkeypatch.setattr(ZendeskTarget, "files", spying)
    with pytest.raises(ExportRefused):
        export(pack, ["playbook", "zendesk"], out)
    assert staged == [{}]  # (the playbook's files were not written for an export the lint error refuses)
    assert tree(out) == before and sorted(p.name for p in tmp_path.iterdir()) == ["out", "p"]
