"""A script with a 'rules:' block copied from pack.yaml was told only "unknown key 'rules'. Known keys here: ...",
which does not say that a script switches rules off with its own 'ignore:' list, nor that the rest of the rule
settings are the pack's."""

from __future__ import annotations

from typing import Any

import pytest

from scriptkit import ScriptkitError, load_pack

SCRIPT = """\
id: late-parcel
title: Late parcel
acknowledgment: I know a late parcel is frustrating, and I'm sorry it hasn't arrived.
solution: I've sent a new one today, and it arrives within two days.
"""


def _only_problem(root: Any) -> ScriptkitError:
    with pytest.raises(ScriptkitError) as info:
        load_pack(root)
    errors = getattr(info.value, "errors", None) or [info.value]
    assert len(errors) == 1, errors
    return errors[0]


def test_a_scripts_rules_block_points_at_ignore_and_pack_yaml(make_pack: Any) -> None:
    root = make_pack({"late.yaml": SCRIPT + "rules:\n  ignore: [SK104, formal-tone]\n"})
    error = _only_problem(root)
    assert f"{error.location}: {error.message}" == f"{root}/scripts/late.yaml:5:1: unknown key 'rules'"
    # the writer's own list, as the script's key, and where the other settings go
    assert "ignore: [SK104, formal-tone]" in str(error.hint), error.hint
    assert "pack.yaml" in str(error.hint) and "Known keys here" not in str(error.hint), error.hint


def test_a_rules_block_without_ignore_gets_an_example(make_pack: Any) -> None:
    root = make_pack({"late.yaml": SCRIPT + "rules:\n  severity:\n    SK104: error\n"})
    error = _only_problem(root)
    assert "ignore: [" in str(error.hint) and "pack.yaml" in str(error.hint), error.hint
