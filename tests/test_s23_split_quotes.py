"""A quotation is no place to split a sentence: 'You wrote: "I was charged twice. It\'s ridiculous."' is one sentence
of the reply, and 'click "Forgot password?" and we\'ll email you a link' goes on after the quote."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.text import sentences

ENV = {"NO_COLOR": "1", "COLUMNS": "200"}


def review(tmp_path: Path, text: str) -> str:
    path = tmp_path / "reply.txt"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["review", str(path)], env=ENV)
    assert result.exit_code in (0, 1), result.output
    return result.output



def test_a_quotation_is_not_split() -> None:
    text = ('Hi Jordan,\n\nYou wrote: "I\'ve been charged twice and nobody is answering me. This is ridiculous."\n\n'
            "You're absolutely right to be annoyed, and I'm sorry it took us three days to reply.")
    # (the closing quote after the mark is left between the sentences, as after any sentence)
    assert sentences(text)[1] == 'You wrote: "I\'ve been charged twice and nobody is answering me. This is ridiculous.'
    click = ('You can reset your password from the sign-in page: click "Forgot password?" and we\'ll email you a '
             "link straight away. If it doesn't arrive, reply here.")
    assert sentences(click) == [click[:click.index(" If")], "If it doesn't arrive, reply here."]
    # a quotation that ends its sentence ends it
    assert sentences('She said "I\'ll be late." Then she left.') == ['She said "I\'ll be late.', "Then she left."]


def test_a_button_name_in_quotes_is_not_read_as_two_sentences(tmp_path: Path) -> None:
    text = ("Hi Ben,\n\nThanks for getting in touch, and sorry you've been locked out.\n\n"
            'You can reset your password from the sign-in page: click "Forgot password?" and we\'ll email you a '
            "link straight away.\n\nBest,\nJess\n")
    out = review(tmp_path, text)
    assert "and we'll email you a link straight away." in out
    assert not any(line.strip().startswith(("✓ 5:77", "! 5:77")) for line in out.splitlines())
