"""export with an out_dir the system refuses gives a located ScriptkitError, not a raw OSError."""

from __future__ import annotations

import pytest

import scriptkit
from scriptkit.errors import ScriptkitError


@pytest.mark.timeout(60)
def test_export_out_dir_too_long_is_located(tmp_path):
    pack = scriptkit.load_pack(scriptkit.template_dir("starter"))
    with pytest.raises(ScriptkitError) as info:
        scriptkit.export(pack, ["zendesk"], str(tmp_path / ("a" * 5000)))
    assert info.value.location is not None
    assert "too long" in str(info.value)
    assert info.value.hint
