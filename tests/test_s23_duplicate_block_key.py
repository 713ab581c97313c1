"""A key written twice whose value is a block of settings (two 'sms:' under by_channel) is said without Python's
printout of both blocks ("with value "{'solution': ..."), with the way to keep both: one 'sms:' holding them."""

from __future__ import annotations

from typing import Any

from tests.conftest import run_cli

SCRIPT = """id: a
title: A
channels: [email, sms]
acknowledgment: Moving is stressful, and I want your parcel to find you.
solution: I've redirected it today.
by_channel:
  sms:
    acknowledgment: Moving is a lot.
  sms:
    solution: Redirected today; I'll confirm tomorrow.
"""


def test_a_block_written_twice_is_said_in_the_writer_s_words(make_pack: Any) -> None:
    result = run_cli("check", str(make_pack({"a.yaml": SCRIPT})))
    out = " ".join(result.output.split())
    assert result.exit_code == 2
    assert ("a.yaml:9:3: error: YAML syntax error: found duplicate key \"sms\". Each key may appear once in a "
            "mapping; the first 'sms' is on line 7: put what both hold under one 'sms:'.") in out
    assert "{'" not in out


def test_a_text_written_twice_still_quotes_both_texts(make_pack: Any) -> None:
    result = run_cli("check", str(make_pack({"a.yaml": SCRIPT.replace("by_channel:", "solution: Done.\nby_channel:")})))
    assert 'found duplicate key "solution" with value "Done." (original value: "I\'ve redirected it today.")' in \
        " ".join(result.output.split())
