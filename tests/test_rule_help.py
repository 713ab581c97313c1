"""``scriptkit rule CODE``: each rule's docstring reads well as the help a writer gets in a terminal."""

from __future__ import annotations

import inspect
import re

import pytest

from scriptkit.rules import all_rules
from scriptkit.rules.base import Rule


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_every_line_of_a_rule_docstring_is_indented_like_its_class(rule: type[Rule]) -> None:
    # SK005's docstring said `separator: "\n"` in a plain string: a real line break at column 0,
    # so no common indent was found and `scriptkit rule SK005` printed the whole text as code
    lines = (rule.__doc__ or "").split("\n")[1:]
    assert all(not line.strip() or line.startswith("    ") for line in lines), rule.code

@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_an_example_reply_is_not_broken_mid_sentence(rule: type[Rule]) -> None:
    # an example is printed as written (a code block): a line broken to fit the source's width
    # showed in the terminal as a reply broken mid-sentence (SK202, SK301). One sentence a line.

    for block in re.findall(r"```[^\n]*\n(.*?)```", inspect.getdoc(rule) or "", re.S):
        lines = [line for line in block.split("\n") if line.strip()]
        # (a YAML block's "|" or ">" and a "# comment" line are not a reply's sentences)
        broken = [line for line in lines[:-1]
                  if not re.search(r"""[.!?:,"”)]\s*$|:\s*[|>]\s*$""", line) and not line.lstrip().startswith("#")]
        assert not broken, (rule.code, broken)


def test_rule_help_piped_to_a_file_is_its_markdown_without_padding() -> None:
    # laid out by rich, every line was padded with spaces to the terminal's width (29 of 46 lines)
    from click.testing import CliRunner

    from scriptkit.cli import main

    out = CliRunner().invoke(main, ["rule", "SK201"]).output
    assert out.startswith("# SK201 corporate-phrase\n"), out
    assert "## Use instead" in out and not any(line.endswith(" ") for line in out.splitlines()), out
