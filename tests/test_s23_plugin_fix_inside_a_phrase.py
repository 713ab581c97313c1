"""A plug-in's safe swap inside a phrase SK201 asks to rewrite whole is held back by --fix, as a team's is, even
when the plug-in took a code in a built-in family (SK2xx): what counts as scriptkit's own drop-in is the rule's
origin, not its code's digits."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from scriptkit import lint_pack, load_pack
from scriptkit.rules import all_rules
from scriptkit.rules.base import _REGISTRY

RULE_MODULE = '''
from scriptkit.rules import Finding, Rule, register


@register
class EaseNotConvenience(Rule):
    """Say 'ease' for 'convenience'.

    ## What it does
    Swaps one word.
    """

    code = "SK299"
    name = "acme-ease"
    fix_safe = True

    def check(self, message, ctx):
        at = message.text.find("convenience")
        if at >= 0:
            yield Finding(at, at + len("convenience"), "say ease", replacement="ease")
'''

PASSIVE = ("acknowledgment: I can see how frustrating it is to be locked out, and I'm sorry.\n"
           "solution: Your refund will be processed at your earliest convenience, and I'll email you when it's done.\n")


@pytest.fixture
def plugin(tmp_path: Path) -> Iterator[None]:
    all_rules()
    before = dict(_REGISTRY)
    (tmp_path / "acme_ease.py").write_text(RULE_MODULE, encoding="utf-8")
    info = tmp_path / "acme_ease-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme_ease\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[scriptkit.rules]\nease = acme_ease\n", encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    all_rules.cache_clear()
    yield
    sys.path.remove(str(tmp_path))
    sys.modules.pop("acme_ease", None)
    _REGISTRY.clear()
    _REGISTRY.update(before)
    all_rules.cache_clear()


def test_a_plugin_swap_under_a_built_in_family_code_is_held_back_in_the_phrase(plugin: None, make_pack: Any) -> None:
    from scriptkit.rules.base import RuleWarning

    root = make_pack({"a.yaml": f"id: a\ntitle: A\nchannels: [email]\n{PASSIVE}"})
    with pytest.warns(RuleWarning, match="SK299 is outside SK850-SK899"):  # (a code of a built-in family, on purpose)
        found = [d for d in lint_pack(load_pack(root)).diagnostics if d.code == "SK299"]
    assert len(found) == 1 and found[0].fix is not None
    assert not found[0].fix.safe
    assert 'it lies inside "at your earliest convenience", which SK201 asks you to rewrite whole' in \
        found[0].fix.description
