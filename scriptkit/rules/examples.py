"""A rule tried on its own examples (``bad_examples`` it must flag, ``good_examples`` it must not), each as a
small pack in a temporary folder, linted with that rule alone: what ``scriptkit.rules.check_examples`` gives a
plug-in's tests, and scriptkit's own test of its rules."""

from __future__ import annotations

import io
import shutil
import tempfile
from pathlib import Path
from typing import Any

from scriptkit.errors import ScriptkitError
from scriptkit.rules.base import Example, Rule


def _dump(data: Any) -> str:
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.width = 4096  # one line per value: no folding inside the example text
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def write_example(root: Path, example: Example) -> Path:
    """The example as a pack at ``root`` (made afresh): pack.yaml from ``example.pack``, one file per script."""
    if root.exists():
        shutil.rmtree(root)
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text(_dump({"name": "Example pack", **dict(example.pack)}), encoding="utf-8")
    for i, fields in enumerate(example.scripts):
        script = {"id": f"example-{i + 1}", "title": f"Example {i + 1}", "channels": [example.channel],
                  **dict(fields)}
        (root / "scripts" / f"example-{i + 1}.yaml").write_text(_dump(script), encoding="utf-8")
    return root


def example_findings(rule: type[Rule], example: Example, root: Path, grammar: str | None = None) -> list[str]:
    """The codes of what linting ``example`` (written at ``root``) with ``rule`` alone finds, its options set."""
    from scriptkit.config import LintConfig, Selector
    from scriptkit.linting import lint_pack  # (linting imports the rules)
    from scriptkit.loading import load_pack
    from scriptkit.rules import all_rules

    custom = () if rule in all_rules() else (rule,)  # (a rule tried before it is registered)
    config = LintConfig(select=(Selector(rule.code),), options={rule.name: dict(example.options)}, custom=custom)
    return [d.code for d in lint_pack(load_pack(write_example(root, example)), config, grammar=grammar).diagnostics]


def check_examples(rule: type[Rule], *, grammar: str | None = None) -> list[str]:
    """What is wrong with ``rule`` on its own examples, one line each; none when each bad example is flagged
    and no good one is, e.g. ``assert check_examples(RefundCurrency) == []`` in a plug-in's tests.

    Each example is a pack in a temporary folder, linted with ``rule`` alone and the example's
    ``options``. A rule with no bad or no good example is told so; an example that cannot be read is
    told with the error. ``grammar`` is the grammar mode, for a grammar rule ("local" or a server's URL).
    """
    problems = [f"{rule.code} [{rule.name}] has no {kind} examples ({kind}_examples)"
                for kind, examples in (("bad", rule.bad_examples), ("good", rule.good_examples)) if not examples]
    with tempfile.TemporaryDirectory(prefix="scriptkit-examples-") as folder:
        for kind, examples in (("bad", rule.bad_examples), ("good", rule.good_examples)):
            for i, example in enumerate(examples, 1):
                which = f"{rule.code} [{rule.name}] {kind} example {i}"
                try:
                    codes = example_findings(rule, example, Path(folder) / "pack", grammar)
                except ScriptkitError as exc:
                    problems.append(f"{which} could not be checked: {exc}")
                    continue
                if kind == "bad" and rule.code not in codes:
                    problems.append(f"{which} is not flagged: {dict(example.scripts[0]) if example.scripts else {}}")
                elif kind == "good" and rule.code in codes:
                    problems.append(f"{which} is flagged: {dict(example.scripts[0]) if example.scripts else {}}")
    return problems
