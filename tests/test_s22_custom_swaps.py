"""A substitution's swap takes a term and the words to say instead: a blank one is a located error at load. Swapped
for nothing, a word's --fix left its spaces and commas around a hole ("Please  reply, and , we ...")."""

from __future__ import annotations

from typing import Any

import pytest

from scriptkit import lint_pack, load_pack
from tests.conftest import run_cli

SCRIPT = ("id: a\ntitle: A\nchannels: [email]\n"
          "acknowledgment: I can see how frustrating it is to be locked out, and I'm sorry.\n"
          "solution: Please kindly reply, and kindly, we will help you at once.\n")


def _pack(make_pack: Any, swap: str) -> Any:
    return make_pack({"a.yaml": SCRIPT}, "name: T\nrules:\n  select: [custom]\n  custom:\n    - name: voice\n"
                                         f"      kind: substitution\n      swap:\n{swap}")


@pytest.mark.parametrize(("swap", "said"), [
    ("        kindly: ''\n", "8:17: error: 'kindly' is swapped for nothing"),
    ("        at once: right away\n        kindly: '  '\n", "9:17: error: 'kindly' is swapped for nothing"),
    ("        kindly:\n", "8:9: error: 'kindly' is swapped for nothing"),  # (null: nothing after the colon)
    ("        '': please\n", "8:9: error: a swap's term is blank"),
])
def test_a_blank_swap_is_a_located_error(make_pack: Any, swap: str, said: str) -> None:
    root = _pack(make_pack, swap)
    script = (root / "scripts" / "a.yaml").read_text(encoding="utf-8")
    result = run_cli("check", str(root), "--fix")
    assert result.exit_code == 2
    assert f"pack.yaml:{said}" in result.output
    if "nothing" in said:
        assert "list it in an existence rule: kind: existence, terms: [kindly]" in result.output
    assert (root / "scripts" / "a.yaml").read_text(encoding="utf-8") == script  # nothing written


def test_a_replacement_is_said_with_single_spaces(make_pack: Any) -> None:
    root = _pack(make_pack, "        at once: '  right   away '\n")
    [found] = lint_pack(load_pack(root)).diagnostics
    assert found.message == "Say 'right away' instead of 'at once'."
    run_cli("check", str(root), "--fix")
    assert "we will help you right away.\n" in (root / "scripts" / "a.yaml").read_text(encoding="utf-8")
