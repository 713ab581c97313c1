"""Third-party rules through the ``scriptkit.rules`` entry point group, as docs/python/plugins.md shows.

Each test installs a tiny distribution (a module plus a ``.dist-info`` with entry_points.txt)
into a temporary folder on ``sys.path``, which is what ``pip install`` leaves behind.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from scriptkit.errors import ConfigError
from scriptkit.linting import lint_text
from scriptkit.rules import all_rules
from scriptkit.rules.base import _REGISTRY

RULE_MODULE = '''
import re
from scriptkit.rules import Example, Finding, Rule, register

@register
class NoTicketJargon(Rule):
    """Internal ticket jargon in a customer-facing reply.

    ## What it does
    Flags queue names such as "L2".
    ## Why it matters
    Customers do not know the team's queue names.
    ## Example
    I've escalated this to L2.
    ## Use instead
    I've passed this to our senior engineers.
    ## Options
    None.
    ## Fix safety
    No fix.
    """

    code = "SK850"
    name = "ticket-jargon"

    def check(self, message, ctx):
        for m in re.finditer(r"\\bL[123]\\b", message.text):
            yield Finding(m.start(), m.end(), f"'{m.group()}' is internal jargon")
'''


def _install(root: Path, name: str, module_source: str, entry: str) -> None:
    (root / f"{name}.py").write_text(module_source, encoding="utf-8")
    info = root / f"{name}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[scriptkit.rules]\n{entry}\n", encoding="utf-8")


@pytest.fixture
def plugin_path(tmp_path: Path) -> Iterator[Path]:
    all_rules()  # every built-in family imported (and registered) before the snapshot
    before = dict(_REGISTRY)
    sys.path.insert(0, str(tmp_path))
    all_rules.cache_clear()
    yield tmp_path
    sys.path.remove(str(tmp_path))
    for name in [m for m in sys.modules if m.startswith("acme_")]:
        del sys.modules[name]
    _REGISTRY.clear()
    _REGISTRY.update(before)
    all_rules.cache_clear()


def test_a_rule_module_registered_by_entry_point_runs(plugin_path: Path) -> None:
    _install(plugin_path, "acme_rules", RULE_MODULE, "acme = acme_rules")
    codes = [r.code for r in all_rules()]
    assert "SK850" in codes and "SK301" in codes
    result = lint_text("I know this is urgent. I've escalated this to L2 and you'll hear back today.")
    found = [d for d in result.diagnostics if d.code == "SK850"]
    assert [d.message for d in found] == ["'L2' is internal jargon"]


def test_a_plugin_cannot_replace_a_builtin_rule(plugin_path: Path) -> None:
    _install(
        plugin_path,
        "acme_bad",
        RULE_MODULE.replace('"SK850"', '"SK301"').replace('"ticket-jargon"', '"ticket-jargon-2"'),
        "bad = acme_bad",
    )
    with pytest.raises(ConfigError, match="SK301"):
        all_rules()


def test_a_broken_plugin_is_a_located_error_not_a_traceback(plugin_path: Path) -> None:
    _install(plugin_path, "acme_broken", "raise ImportError('missing dependency acme-core')\n", "broken = acme_broken")
    with pytest.raises(ConfigError, match=r"rule plugin 'broken' .*missing dependency acme-core"):
        all_rules()
