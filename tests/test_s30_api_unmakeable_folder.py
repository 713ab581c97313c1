"""A destination folder that cannot be made is a located ConfigError from the library, not a raw OSError."""
import os
from pathlib import Path

import pytest

import scriptkit
from scriptkit.errors import ConfigError

_SCRIPT = (
    "id: late\ntitle: Late order\nacknowledgment: I can see your order is late, and that is frustrating.\n"
    "solution: I have sent a new one today; it will reach you by Friday.\n"
)
_UNMAKEABLE = "/proc/scriptkit-no-such-folder/out"  # (/proc takes no new folders, even from root)


def _library(tmp_path: Path) -> scriptkit.Library:
    sheet = tmp_path / "macros.csv"
    sheet.write_text("title,body\nLate order,\"I'm sorry it is late. I have sent a new one today.\"\n",
                     encoding="utf-8")
    return scriptkit.import_library(sheet)


def test_export_under_a_file_names_the_file(make_pack, tmp_path):
    pack = make_pack({"late.yaml": _SCRIPT})
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    out = tmp_path / "afile" / "sub"
    with pytest.raises(ConfigError) as raised:
        scriptkit.export(pack, ["zendesk"], out, force=True)
    assert raised.value.location is not None and raised.value.location.file == str(out)
    assert f"{tmp_path / 'afile'} is a file, not a folder" in str(raised.value)
    assert (tmp_path / "afile").read_text(encoding="utf-8") == "x"


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs Linux's /proc")
def test_export_where_no_folder_can_be_made_is_a_config_error(make_pack):
    pack = make_pack({"late.yaml": _SCRIPT})
    with pytest.raises(ConfigError) as raised:
        scriptkit.export(pack, ["zendesk"], _UNMAKEABLE, force=True)
    assert raised.value.location is not None and raised.value.location.file == _UNMAKEABLE
    assert str(raised.value).startswith(f"{_UNMAKEABLE}:1:1: cannot write")


def test_library_write_under_a_file_names_the_file(tmp_path):
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    out = tmp_path / "afile" / "sub"
    with pytest.raises(ConfigError) as raised:
        _library(tmp_path).write(out)
    assert raised.value.location is not None and raised.value.location.file == str(out)
    assert f"{tmp_path / 'afile'} is a file, not a folder" in str(raised.value)


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs Linux's /proc")
def test_library_write_where_no_folder_can_be_made_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError) as raised:
        _library(tmp_path).write(_UNMAKEABLE)
    assert str(raised.value).startswith(f"{_UNMAKEABLE}:1:1: cannot write")


def test_library_write_still_makes_missing_folders(tmp_path):
    written = _library(tmp_path).write(tmp_path / "new" / "deeper" / "pack")
    assert (written / "pack.yaml").is_file()
