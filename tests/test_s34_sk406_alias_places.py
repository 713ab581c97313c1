"""Session 34 (security review): SK406 at the guidance it judges, and an error in a list an alias repeats
where the alias is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit import PackError, lint_pack, load_pack
from scriptkit.errors import ErrorGroup, ScriptkitError


def _pack(root: Path, script: str, name: str = "a.yaml") -> Path:
    (root / "pack" / "scripts").mkdir(parents=True)
    (root / "pack" / "pack.yaml").write_text("name: Replies\n", encoding="utf-8")
    (root / "pack" / "scripts" / name).write_text(script, encoding="utf-8")
    return root / "pack"


def _errors(pack: Path) -> list[ScriptkitError]:
    with pytest.raises((PackError, ErrorGroup)) as caught:
        load_pack(pack)
    found = caught.value
    return list(found.errors) if isinstance(found, ErrorGroup) else [found]


def test_no_flexibility_of_a_label_guidance_is_reported_at_the_guidance(tmp_path: Path) -> None:
    pack = load_pack(_pack(tmp_path, "id: late\ntitle: Late\nemotion: upset\nchannels: [email]\n"
                                     "acknowledgment: \"I can see the parcel is late.\"\n"
                                     "solution: \"I have sent a new one today.\"\n"
                                     "flexibility:\n  guidance: none\n"))
    [found] = [d for d in lint_pack(pack, jobs=1).diagnostics if d.code == "SK406"]
    assert found.location is not None and (found.location.line, found.location.col) == (8, 13)


def test_no_flexibility_in_the_guidance_shorthand_is_reported_at_its_value(tmp_path: Path) -> None:
    pack = load_pack(_pack(tmp_path, "id: late\ntitle: Late\nacknowledgment: \"I can see the parcel is late.\"\n"
                                     "flexibility: Parcels\nsolution: \"I have sent a new one today.\"\n"))
    [found] = [d for d in lint_pack(pack, jobs=1).diagnostics if d.code == "SK406"]
    assert found.location is not None and (found.location.line, found.location.col) == (4, 14)


def test_an_error_in_a_list_repeated_by_an_alias_is_reported_where_the_alias_is(tmp_path: Path) -> None:
    pack = _pack(tmp_path, "id: late\ntitle: Late\n"
                           "acknowledgment: &both [\"I can see it is late.\", \"I know it is late.\"]\n"
                           "flexibility:\n  conditions:\n    - when: they are upset\n      text: *both\n"
                           "solution: \"I have sent a new one today.\"\n")
    [error] = _errors(pack)
    assert "must be text" in error.message
    assert error.location is not None and (error.location.line, error.location.col) == (7, 13)
