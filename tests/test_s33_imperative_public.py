"""The instruction pattern that the solution rules share with slot inference is public: a rule module imports no
private name of ``scriptkit.inference``."""

from __future__ import annotations

import ast
from pathlib import Path

import scriptkit.rules.solution as solution


def test_the_instruction_pattern_is_public() -> None:
    from scriptkit.inference import IMPERATIVE

    assert IMPERATIVE.match("please restart the router and wait two minutes") is not None
    assert IMPERATIVE.match("we restarted the router this morning") is None


def test_the_solution_rules_import_no_private_name_of_inference() -> None:
    tree = ast.parse(Path(solution.__file__).read_text(encoding="utf-8"))
    private = [alias.name for node in ast.walk(tree)
               if isinstance(node, ast.ImportFrom) and node.module == "scriptkit.inference"
               for alias in node.names if alias.name.startswith("_")]
    assert private == []
