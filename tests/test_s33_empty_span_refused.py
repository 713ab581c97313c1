"""A finding marks text: a plug-in rule's Finding with an empty span (start == end) was shown at a place with no
text, and a replacement on one was dropped without a word (there are no insert fixes). It is refused naming the
rule, as a span outside the text is, unless the finding says its own ``location=``. The YAML rules' "at least N
times" check, which pointed at where a missing phrase would go, covers the text it searched instead."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from scriptkit import lint_pack, lint_text, load_pack
from scriptkit.config import LintConfig, Selector
from scriptkit.errors import ScriptkitError
from scriptkit.rules import all_rules
from scriptkit.rules.base import _REGISTRY

ONLY_SK871 = LintConfig(select=(Selector("SK871"),))
SCRIPTKIT = Path(sys.executable).with_name("scriptkit")

RULE_MODULE = '''
from scriptkit.diagnostics import Location
from scriptkit.rules import Finding, Rule, register


@register
class SignOff(Rule):
    """Asks for a sign-off after the reply."""

    code = "SK871"
    name = "acme-sign-off"
    fix_safe = True

    def check(self, message, ctx):
        end = len(message.text)
        if "PLACED" in message.text:  # (a place with no text, said with its own location: accepted)
            yield Finding(end, end, "add a sign-off here", location=Location(message.file, 2, 1))
        else:
            yield Finding(end, end, "add a sign-off here", replacement=" Warm wishes, Ana")
'''

SCRIPT = ("id: parcel\ntitle: Parcel\nacknowledgment: I know the parcel running late is a worry.\n"
          "solution: I've asked the courier to deliver it tomorrow morning.\n")


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Path]:
    """The plug-in as an installed package: its module and its entry point, on the path."""
    all_rules()
    before = dict(_REGISTRY)
    site = tmp_path / "site"
    site.mkdir()
    (site / "acme_sign_off.py").write_text(RULE_MODULE, encoding="utf-8")
    info = site / "acme_sign_off-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme_sign_off\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[scriptkit.rules]\nsign = acme_sign_off\n", encoding="utf-8")
    sys.path.insert(0, str(site))
    all_rules.cache_clear()
    yield site
    sys.path.remove(str(site))
    sys.modules.pop("acme_sign_off", None)
    _REGISTRY.clear()
    _REGISTRY.update(before)
    all_rules.cache_clear()


def test_an_empty_span_is_refused_naming_the_rule(site: Path) -> None:
    with pytest.raises(ScriptkitError) as caught:
        lint_text("I know the parcel running late is a worry. I've asked the courier to deliver it tomorrow.",
                  config=ONLY_SK871)
    said = str(caught.value)
    assert "rule SK871 [acme-sign-off] yielded an empty span [" in said, said
    assert "a Finding marks text" in said.lower() or "location=" in caught.value.hint, (said, caught.value.hint)


def test_an_empty_span_with_its_own_location_is_kept(site: Path) -> None:
    found = [d for d in lint_text("PLACED: I know the wait is a worry. I've sent a new one today.",
                                  config=ONLY_SK871).diagnostics if d.code == "SK871"]
    assert len(found) == 1 and found[0].location.line == 2, found


def test_the_command_line_refuses_it_at_the_script(site: Path, tmp_path: Path, make_pack: Any) -> None:
    root = make_pack({"parcel.yaml": SCRIPT})
    env = {**os.environ, "PYTHONPATH": str(site), "NO_COLOR": "1", "SCRIPTKIT_DEBUG": ""}
    run = subprocess.run([str(SCRIPTKIT), "check", str(root), "--grammar", "off", "--select", "SK871", "--fix"],
                         capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 2, run.stdout + run.stderr
    assert "Traceback" not in run.stderr, run.stderr
    first = (run.stdout + run.stderr).strip().splitlines()[0]
    n = len(load_pack(root).scripts[0].solution or "")  # (only to show the file is untouched below)
    assert first.startswith(f"{root / 'scripts' / 'parcel.yaml'}:1:1: error: rule SK871 [acme-sign-off] yielded "
                            "an empty span ["), first
    assert (root / "scripts" / "parcel.yaml").read_text(encoding="utf-8") == SCRIPT and n


OCCURRENCE = ("name: Shop\nrules:\n  custom:\n    - name: thank-them\n      kind: occurrence\n"
              "      terms: [thank you, thanks]\n      min: 1\n{extra}")


@pytest.mark.parametrize(("extra", "first", "covered"), [
    ("", (3, 17), "I know the parcel running late is a worry."),  # (the script's own slots, not the greeting)
    ("      slots: [solution]\n", (4, 11), "I've asked the courier to deliver it tomorrow morning."),
])
def test_at_least_n_times_covers_the_text_it_searched(make_pack: Any, extra: str, first: tuple[int, int],
                                                      covered: str) -> None:
    root = make_pack({"parcel.yaml": SCRIPT}, pack_yaml=OCCURRENCE.format(extra=extra))
    found = [d for d in lint_pack(load_pack(root)).diagnostics if d.name == "thank-them"]
    assert len(found) == 1, found
    where = found[0]
    assert (where.location.line, where.location.col) == first, where.location
    assert where.text.startswith(covered), where.text
    assert (where.extra["end_line"], where.extra["end_col"]) == ("4", str(11 + len(SCRIPT.splitlines()[3]) - 10))
    assert "'thank you' or 'thanks'" in where.message and "at least 1 time(s)" in where.message
