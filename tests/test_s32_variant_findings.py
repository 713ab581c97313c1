"""A whole-reply finding on one variant of a script says which variant."""

from __future__ import annotations

from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack

PACK = "name: Test pack\nchannels:\n  sms:\n    greeting: ''\n"

TWO_ACKS = """id: late-refund
title: Late refund
channels: [email, sms]
acknowledgment:
  - I can see the refund has not reached you yet.
  - Waiting on money you are owed is stressful, and I am sorry it has taken this long for you.
solution: I have sent the refund again today.
by_channel:
  sms:
    solution: >-
      I have sent the refund again today, and your bank should show it within five working days from now on;
      I will text you once it lands.
"""


def test_a_whole_reply_finding_on_one_variant_names_the_variant(make_pack) -> None:  # type: ignore[no-untyped-def]
    result = lint_pack(load_pack(make_pack({"late.yaml": TWO_ACKS}, PACK)), jobs=1)
    too_long = [d for d in result.diagnostics if d.code == "SK104"]
    assert len(too_long) == 2, [d.message for d in too_long]
    by_variant = {d.variant: d.message for d in too_long}
    assert "first acknowledgment variant ('I can see the refund" in by_variant[0]
    assert "second acknowledgment variant ('Waiting on money" in by_variant[1]


def test_a_finding_on_every_variant_alike_is_said_once_without_one(make_pack) -> None:  # type: ignore[no-untyped-def]
    same_length = TWO_ACKS.replace("  - I can see the refund has not reached you yet.\n",
                                   "  - Waiting on money you are owed is stressful, and I am sorry it has taken this "
                                   "long for you!\n")
    result = lint_pack(load_pack(make_pack({"late.yaml": same_length}, PACK)), jobs=1)
    too_long = [d for d in result.diagnostics if d.code == "SK104"]
    assert len(too_long) == 1 and "variant" not in too_long[0].message
