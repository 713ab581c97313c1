"""``--fix`` edits the words of a link, never its brackets or address, whatever a fix would write."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit import fixing
from scriptkit.cli import main
from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack

VOICE = textwrap.dedent("""\
    name: Test pack
    rules:
      select: [custom]
      custom:
        - name: say-search
          kind: substitution
          swap: {"issue search": "[search]", "to check": "to look", "our": "[our]"}
    """)


def write(make_pack: Any, solution: str) -> Path:
    script = textwrap.dedent("""\
        id: search
        title: "Search"
        channels: [email]
        acknowledgment: "I can see how annoying it is when the export stops."
        """) + solution
    return make_pack({"a.yaml": script}, pack_yaml=VOICE) / "scripts" / "a.yaml"


@pytest.mark.timeout(60)
def test_a_fix_that_would_write_brackets_into_a_link_is_not_offered(make_pack: Any) -> None:
    path = write(make_pack, "solution: 'Please [use the issue search](https://x.example/s) to check.'\n")
    before = path.read_text(encoding="utf-8")
    diags = lint_pack(load_pack(path.parent.parent)).diagnostics
    fixes = {d.text: d.fix for d in diags if d.name == "say-search"}
    assert set(fixes) == {"issue search", "to check"}
    assert fixes["issue search"] is None  # ('[use the [search]](...)' is no link: its address would be sent)
    assert fixes["to check"] is not None
    run = CliRunner().invoke(main, ["check", str(path.parent.parent), "--grammar", "off", "--fix"],
                             env={"NO_COLOR": "1"})
    assert "Traceback" not in run.output
    assert path.read_text(encoding="utf-8") == before.replace("to check.", "to look.")


@pytest.mark.timeout(60)
def test_fix_refuses_an_edit_that_breaks_a_link_of_a_folded_text(make_pack: Any) -> None:
    # (the link runs over two lines of the file: the file's line alone shows none; the text YAML reads does)
    path = write(make_pack, "solution: >\n  Please [use our issue\n  search](https://x.example/s) soon.\n")
    before = path.read_text(encoding="utf-8")
    diags = lint_pack(load_pack(path.parent.parent)).diagnostics
    plans = fixing.plan(diags)
    assert [p.after for p in plans] == [before]
    reasons = [reason for p in plans for _, reason in p.refused]
    assert reasons and all("link" in reason for reason in reasons)
