"""A script file with a top-level key only there to hold an anchor ('defaults: &d' for '<<: *d') was refused
as a bare "unknown key 'defaults'. Known keys here: ..."; now the message says such a key is not allowed and
where the anchor can go instead. A key that is only unknown keeps its list of known keys."""

from __future__ import annotations

from click.testing import CliRunner

from scriptkit.cli import main

SCRIPT = """defaults: &d
  channels: [email]
  acknowledgment: I know waiting for a parcel is stressful.
id: late
title: Late
<<: *d
solution: I'll send the tracking link today.
"""


def test_a_key_only_holding_an_anchor_says_where_the_anchor_goes(make_pack) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack({"late.yaml": SCRIPT})
    result = CliRunner().invoke(main, ["check", str(pack)])
    assert result.exit_code == 2, result.output
    assert "scripts/late.yaml:1:1: error: unknown key 'defaults'" in result.output
    assert "only to hold an anchor" in result.output and "constants" in result.output
    assert "Traceback" not in result.output


def test_another_unknown_key_still_lists_the_known_ones(make_pack) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack({"late.yaml": SCRIPT.replace("defaults: &d\n", "defaults:\n").replace("<<: *d\n", "")})
    result = CliRunner().invoke(main, ["check", str(pack)])
    assert result.exit_code == 2, result.output
    assert "Known keys here:" in result.output and "anchor" not in result.output
