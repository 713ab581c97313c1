"""Every registered rule documents itself and proves itself on its own examples.

Each rule's docs carry the sections of ``DOC_SECTIONS`` (the docs site and ``scriptkit rule``
are generated from them), and each rule has at least one failing and one passing example.
A generic test builds a tiny pack on disk from each example and lints it with that rule
alone: a bad example must produce the rule's code, a good one must not.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import require_external

from scriptkit.loading import load_pack
from scriptkit.rules import all_rules
from scriptkit.rules.base import DOC_SECTIONS, FAMILIES, Example, Rule
from scriptkit.rules.examples import example_findings

RULES = list(all_rules())
IDS = [f"{r.code}-{r.name}" for r in RULES]


def lint_example(rule: type[Rule], example: Example, root: Path) -> list[str]:
    return example_findings(rule, example, root, _grammar_mode() if rule.family() == "grammar" else None)


def _grammar_mode() -> str:
    import os

    url = os.environ.get("SCRIPTKIT_LANGUAGETOOL_URL")
    if url:
        return url
    from scriptkit.engines.lt_server import assembled

    if shutil.which("java") is None or assembled() is None:
        require_external("grammar examples need Java and the assembled LanguageTool server (make unit builds it)")
    return "local"


def test_rules_are_registered() -> None:
    assert RULES, "no rules registered: is RULE_MODULES empty?"
    assert len({r.code for r in RULES}) == len(RULES) and len({r.name for r in RULES}) == len(RULES)


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_identity(rule: type[Rule]) -> None:
    assert re.fullmatch(r"SK\d{3}", rule.code)
    assert rule.code[2] in FAMILIES and rule.family() != "other"
    assert re.fullmatch(r"[a-z]+(-[a-z0-9]+)*", rule.name), "names are kebab-case and name the pattern"
    assert rule.summary() and not rule.summary().startswith("#")


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_docs_have_every_section_in_order(rule: type[Rule]) -> None:
    docs = rule.docs()
    positions = []
    for section in DOC_SECTIONS:
        m = re.search(rf"^\s*## {re.escape(section)}\s*$", docs, re.M)
        assert m, f"{rule.code} docs lack '## {section}'"
        body = docs[m.end():].split("\n## ", 1)[0].strip()
        assert body, f"{rule.code} section '{section}' is empty"
        positions.append(m.start())
    assert positions == sorted(positions), f"{rule.code} sections are out of order"


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_has_bad_and_good_examples(rule: type[Rule]) -> None:
    assert rule.bad_examples, f"{rule.code} has no failing example"
    assert rule.good_examples, f"{rule.code} has no passing example"


CASES = [(r, "bad", i, ex) for r in RULES for i, ex in enumerate(r.bad_examples)] + \
        [(r, "good", i, ex) for r in RULES for i, ex in enumerate(r.good_examples)]


@pytest.mark.parametrize(("rule", "kind", "index", "example"), CASES,
                         ids=[f"{r.code}-{k}{i}" for r, k, i, _ in CASES])
def test_examples(rule: type[Rule], kind: str, index: int, example: Example, tmp_path: Path) -> None:
    codes = lint_example(rule, example, tmp_path / "pack")
    if kind == "bad":
        assert rule.code in codes, f"{rule.code} [{rule.name}] missed its bad example {index}: {example.scripts}"
    else:
        assert rule.code not in codes, f"{rule.code} [{rule.name}] flagged its good example {index}"


def test_custom_rules_document_themselves(make_pack: Any) -> None:
    from scriptkit.config import load_config

    root = make_pack({"a.yaml": "id: a\ntitle: A\nacknowledgment: I see.\nsolution: I'll fix it.\n"},
                     pack_yaml="name: T\nrules:\n  custom:\n"
                               "    - {name: no-jargon, kind: existence, terms: [synergy]}\n")
    (rule,) = load_config(load_pack(root)).custom
    test_docs_have_every_section_in_order(rule)
    assert rule.summary() == "Team rule (existence): Flags 'synergy'."


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_rule_command_prints_every_word_of_the_docs_at_a_narrow_terminal(rule: type[Rule]) -> None:
    """``scriptkit rule`` wraps the docs to the terminal; it cut the examples off at its edge."""
    from click.testing import CliRunner

    from scriptkit.cli import main

    result = CliRunner().invoke(main, ["rule", rule.code], env={"NO_COLOR": "1", "COLUMNS": "60"})
    assert result.exit_code == 0, result.output

    def words(text: str) -> list[str]:
        return text.replace("`", "").replace("**", "").split()

    printed = words(result.output)
    for section in ("Example", "Use instead"):
        body = re.search(rf"## {section}\n(.*?)(?=\n## |\Z)", rule.docs(), re.S)
        assert body is not None
        wanted = words(body.group(1).replace("```", " "))
        assert any(printed[i:i + len(wanted)] == wanted for i in range(len(printed))), (section, wanted)
