"""A service wanted an export in memory: scriptkit.export only wrote a folder. scriptkit.export_files returns each
file's text by its path, through export()'s own code path, so the files are the same bytes."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_fixtures import LATE, PACK_YAML, write_pack

import scriptkit
from scriptkit.targets import available


@pytest.mark.parametrize("target", available())
def test_the_files_in_memory_are_the_files_written(tmp_path: Path, target: str) -> None:
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE}, PACK_YAML)
    written = scriptkit.export(pack, target, tmp_path / "out", lint=False, force=True)
    made = scriptkit.export_files(pack, target, lint=False, force=True)
    assert sorted(made.files) == written.files and made.files
    for path, text in made.files.items():
        assert text.encode("utf-8") == (tmp_path / "out" / path).read_bytes(), path
    assert made.counts == written.counts
    assert [d.format() for d in made.diagnostics] == [d.format() for d in written.diagnostics]


def test_a_refused_export_raises_as_export_does(tmp_path: Path) -> None:
    too_long = LATE.replace('title: "Orders::Delivery::Parcel is late"', f'title: "{"Late " * 80}"')
    pack = write_pack(tmp_path / "p", {"late.yaml": too_long}, PACK_YAML)
    with pytest.raises(scriptkit.ExportRefused) as refused:
        scriptkit.export_files(pack, "freshdesk", lint=False)
    assert any(d.code == "SK501" for d in refused.value.errors)
    with pytest.raises(scriptkit.ConfigError, match=r"export_files\(\) takes targets"):
        scriptkit.export_files(pack, 3, lint=False)  # type: ignore[arg-type]
