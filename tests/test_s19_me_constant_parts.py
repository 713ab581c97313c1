"""A text or number constant has no parts: '{{ support_hours[0] }}' rendered its first letter ('8')
in silence, and '[99]' was told at the slot's start. Each is refused where it is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit import load_pack
from scriptkit.errors import ScriptkitError

PACK = 'name: T\nconstants:\n  support_hours: "8am to 8pm, Monday to Friday"\n'
SCRIPT = """\
id: hours
title: "Help::Hours"
acknowledgment: "I know how frustrating it is to wait for an answer."
solution: "I'll call you back today, within {written}."
"""


def _pack(root: Path, written: str) -> Path:
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text(PACK, encoding="utf-8")
    (root / "scripts" / "hours.yaml").write_text(SCRIPT.format(written=written), encoding="utf-8")
    return root


@pytest.mark.parametrize("key", ["[0]", "[-1]", "[0:3]", "[99]", "['x']"])
def test_a_part_of_a_text_constant_is_refused_where_written(tmp_path: Path, key: str) -> None:
    written = "{{ support_hours" + key + " }}"
    root = _pack(tmp_path / "p", written)
    with pytest.raises(ScriptkitError) as caught:
        load_pack(root)
    errors = getattr(caught.value, "errors", None) or [caught.value]
    said = [e for e in errors if "'support_hours' is a constant" in str(e)]
    assert said, [str(e) for e in errors]
    column = SCRIPT.format(written=written).split("\n")[3].index(key) + 1
    assert (said[0].location.line, said[0].location.col) == (4, column), str(said[0])

