"""review -o naming the reply it reads (session 30's bad input) is said once, and the reply is left as it was."""

from __future__ import annotations

from pathlib import Path

from test_s15_hostile import assert_contract, invoke


def test_review_output_over_its_own_input_is_said_once(tmp_path: Path) -> None:
    reply = tmp_path / "reply.txt"
    text = "Hi Sam,\nI'm sorry the parcel is late. I have sent a new one today.\n"
    reply.write_text(text, encoding="utf-8")
    result = invoke("review", str(reply), "-o", str(reply))
    assert_contract(result, "review")
    assert result.exit_code == 2
    assert result.stderr == (f"{reply}:1:1: error: -o {reply} is a file this run reads: the report would replace "
                             "it. Write the report to a new file.\n")
    assert reply.read_text(encoding="utf-8") == text
