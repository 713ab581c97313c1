"""A safe fix inside quoted YAML text is written as the quotes need it ('don''t', \\"), so it is made
instead of refused with a by-hand hint that, typed as shown, broke the file the same way."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit import load_pack
from scriptkit.cli import main
from scriptkit.diagnostics import Edit
from scriptkit.fixing import fix_file


def edit_of(path: Path, text: str, old: str, new: str) -> Edit:
    start = text.index(old)
    return Edit(str(path), start, start + len(old), new)


@pytest.mark.parametrize(("line", "old", "new", "written", "value"), [
    ("a: 'We do not charge twice.'\n", "do not", "don't", "a: 'We don''t charge twice.'\n", "We don't charge twice."),
    ('a: "We do not charge twice."\n', "do not", "don't", 'a: "We don\'t charge twice."\n', "We don't charge twice."),
    ('a: "We call it fast."\n', "fast", 'the "fast lane"', 'a: "We call it the \\"fast lane\\"."\n',
     'We call it the "fast lane".'),
    ("a: We do not charge twice.\n", "do not", "don't", "a: We don't charge twice.\n", "We don't charge twice."),
    ("a: >\n  We do not charge\n  twice.\n", "do not", "don't", "a: >\n  We don't charge\n  twice.\n",
     "We don't charge twice.\n"),
])
def test_a_fix_is_written_as_the_quotes_need_it(tmp_path: Path, line: str, old: str, new: str, written: str,
                                                value: str) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(line, encoding="utf-8")
    fixed = fix_file(str(path), [edit_of(path, line, old, new)])
    assert fixed.refused == [] and fixed.after == written
    from ruamel.yaml import YAML

    assert YAML(typ="safe").load(fixed.after) == {"a": value}


def test_a_fix_that_needs_more_than_escaping_is_still_refused(tmp_path: Path) -> None:
    line = "a: We do this today.\n"
    path = tmp_path / "s.yaml"
    path.write_text(line, encoding="utf-8")
    fixed = fix_file(str(path), [edit_of(path, line, "this", "this: now")])  # (': ' in unquoted text)
    assert fixed.after == line and [reason for _, reason in fixed.refused] == ["the edited YAML would not parse"]


def test_check_fix_makes_a_contraction_in_single_quotes(make_pack: Any) -> None:
    script = ("id: late\ntitle: Late\n"
              "acknowledgment: 'I can see how frustrating this wait has been, and I am sorry.'\n"
              "solution: 'I have sent a new one today, and it will arrive by Friday.'\n")
    root = make_pack({"late.yaml": script})
    result = CliRunner().invoke(main, ["check", str(root), "--fix", "--select", "SK203", "--grammar", "off"],
                                env={"NO_COLOR": "1"})
    assert "fix not applied" not in result.output, result.output
    after = (root / "scripts" / "late.yaml").read_text(encoding="utf-8")
    assert "I''m sorry" in after or "I''ve sent" in after, after
    loaded = load_pack(root).scripts[0]
    assert "'" in str(loaded.acknowledgment) + str(loaded.solution)
