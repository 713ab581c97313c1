"""A rules file whose path the system refuses is a located ConfigError, not a raw OSError."""

from __future__ import annotations

import pytest

import scriptkit
from scriptkit.errors import ScriptkitError


@pytest.mark.timeout(60)
def test_rules_file_name_too_long_is_located(tmp_path):
    pack_dir = tmp_path / "pack"
    scripts = pack_dir / "scripts"
    scripts.mkdir(parents=True)
    long_name = "r" * 300 + ".yaml"
    (pack_dir / "pack.yaml").write_text(f"name: demo\nrules:\n  files: [{long_name}]\n", encoding="utf-8")
    starter = scriptkit.template_dir("starter") / "scripts"
    first = sorted(starter.glob("*.yaml"))[0]
    (scripts / first.name).write_text(first.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(ScriptkitError) as info:
        scriptkit.load_config(scriptkit.load_pack(pack_dir))
    assert "too long" in str(info.value)
    assert "pack.yaml" in str(info.value)
