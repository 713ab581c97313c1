"""SK016 tells a writer what to write in characters they can see: a no-break space repaired from 'Â' was
suggested as Python's escape, "Write '\\xa0'"."""

from __future__ import annotations

from typing import Any

from scriptkit.config import LintConfig
from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack

SCRIPT = ("id: total\ntitle: Total\nacknowledgment: I can see how frustrating the wait has been.\n"
          "solution: \"Your total is:\u00c2\u00a0five items, and I'll send them today.\"\n")


def test_a_character_that_does_not_show_is_named(make_pack: Any) -> None:
    result = lint_pack(load_pack(make_pack({"total.yaml": SCRIPT})), LintConfig().override(grammar="off"))
    (found,) = [d for d in result.diagnostics if d.code == "SK016"]
    said = f"{found.message} {found.suggestion}"
    assert "\\xa0" not in said and "\u00a0" not in said, said
    assert found.suggestion == "Write U+00A0 (no-break space).", found.suggestion
    assert found.fix is not None
