"""A plug-in rule under a built-in's code or name is an error naming both rules: imported before the
built-ins loaded, it used to be replaced by the built-in without a word, and never ran."""

from __future__ import annotations

import importlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.rules import all_rules
from scriptkit.rules.base import _REGISTRY, RuleCollision

PLUGIN = '''
from scriptkit.rules import Finding, Rule, register


@register
class StockPhrase(Rule):
    """A team's own stock phrase."""

    code = "{code}"
    name = "{name}"

    def check(self, message, ctx):
        at = message.text.find("as per")
        if at >= 0:
            yield Finding(at, at + 6, "'as per' is our stock phrase")
'''


def _write(root: Path, module: str, code: str, name: str = "acme-stock-phrase") -> None:
    (root / f"{module}.py").write_text(PLUGIN.format(code=code, name=name), encoding="utf-8")


@pytest.fixture
def plugin_dir(tmp_path: Path) -> Iterator[Path]:
    all_rules()  # the built-ins registered before the snapshot
    before = dict(_REGISTRY)
    sys.path.insert(0, str(tmp_path))
    yield tmp_path
    sys.path.remove(str(tmp_path))
    for module in [m for m in sys.modules if m.startswith("acme_")]:
        del sys.modules[module]
    _REGISTRY.clear()
    _REGISTRY.update(before)
    all_rules.cache_clear()


def test_a_plugin_imported_before_the_builtins_under_a_builtin_code_is_an_error_naming_both(tmp_path: Path) -> None:
    # a fresh interpreter, as a user's script: the plug-in first, then the built-ins load
    _write(tmp_path, "acme_rules", "SK201")
    script = ("import sys; sys.path.insert(0, sys.argv[1]); import acme_rules; import scriptkit; "
              "scriptkit.lint_text('Hi Dana, as per our policy the refund is on its way.')")
    run = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 1, run.stdout + run.stderr
    last = run.stderr.strip().splitlines()[-1]
    # (located at the plug-in's class, the one its writer can rename)
    assert last.startswith(f"scriptkit.rules.base.RuleCollision: {tmp_path / 'acme_rules.py'}:6:1: rule code SK201 "
                           "is taken by two rules: scriptkit.rules.warmth.CorporatePhrase (SK201 corporate-phrase, "
                           "at "), last
    assert "and acme_rules.StockPhrase (SK201 acme-stock-phrase), which has it already" in last, last
    assert "a code no other rule has (SK850-SK899 are kept for plug-in rules)" in last, last


def test_a_plugin_under_a_builtin_name_is_an_error_and_its_own_code_is_fine(plugin_dir: Path) -> None:
    _write(plugin_dir, "acme_named", "SK851", name="corporate-phrase")
    with pytest.raises(RuleCollision, match=r"rule name 'corporate-phrase' is taken by two rules: "
                                         r"acme_named\.StockPhrase .* scriptkit\.rules\.warmth\.CorporatePhrase"):
        importlib.import_module("acme_named")
    assert _REGISTRY["SK201"].__module__ == "scriptkit.rules.warmth" and "SK851" not in _REGISTRY
    _write(plugin_dir, "acme_own", "SK852")
    module = importlib.import_module("acme_own")
    assert _REGISTRY["SK852"] is module.StockPhrase


def test_the_same_rule_registered_again_by_a_reload_replaces_itself(plugin_dir: Path) -> None:
    _write(plugin_dir, "acme_reloaded", "SK853")
    module = importlib.import_module("acme_reloaded")
    first = module.StockPhrase
    module = importlib.reload(module)  # a new class object, the same rule
    assert module.StockPhrase is not first and _REGISTRY["SK853"] is module.StockPhrase


def test_the_command_line_reports_a_plugin_entry_point_under_a_builtin_code_without_a_traceback(
    plugin_dir: Path, tmp_path: Path,
) -> None:
    _write(plugin_dir, "acme_clash", "SK301")
    info = plugin_dir / "acme_clash-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme_clash\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[scriptkit.rules]\nclash = acme_clash\n", encoding="utf-8")
    all_rules.cache_clear()
    reply = tmp_path / "reply.txt"
    reply.write_text("I can see how frustrating this is. I've refunded you today.\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["review", str(reply)], env={"NO_COLOR": "1"})
    assert run.exit_code == 2, run.output
    assert "Traceback" not in run.output
    assert "rule code SK301 is taken by two rules" in run.output and "acme_clash.StockPhrase" in run.output, run.output


def test_a_plugin_loaded_by_entry_point_under_a_builtin_code_is_told_to_rename_it(tmp_path: Path) -> None:
    all_rules()  # the built-ins first, as a command loads them
    before = dict(_REGISTRY)
    _write(tmp_path, "acme_taken", "SK201")
    info = tmp_path / "acme_taken-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme_taken\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[scriptkit.rules]\nacme = acme_taken\n", encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    all_rules.cache_clear()
    try:
        run = CliRunner().invoke(main, ["review", "-", "--grammar", "off"], input="Thanks for writing in.\n")
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("acme_taken", None)
        _REGISTRY.clear()
        _REGISTRY.update(before)
        all_rules.cache_clear()
    assert run.exit_code == 2, run.output
    assert "rule plugin 'acme' (acme_taken): rule code SK201 is taken by two rules" in run.output
    assert "acme_taken.StockPhrase" in run.output
    assert "Give your own rule a code no other rule has" in run.output
    assert "installed and up to date" not in run.output and "Traceback" not in run.output


def test_two_rules_a_function_makes_under_one_code_collide() -> None:
    from scriptkit.rules import Rule, register

    def make(name: str) -> type[Rule]:
        class Made(Rule):
            """A team's rule made by a factory."""

            code = "SK898"

            def check(self, message, ctx):  # type: ignore[no-untyped-def]
                return iter(())

        Made.name = name
        return Made

    before = dict(_REGISTRY)
    try:
        register(make("acme-first"))
        with pytest.raises(RuleCollision, match="SK898"):
            register(make("acme-second"))
    finally:
        _REGISTRY.clear()
        _REGISTRY.update(before)
