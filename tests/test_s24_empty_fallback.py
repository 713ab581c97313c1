"""SK001 for a fallback of nothing: "Hi {{ customer.first_name | fallback('') }}," sends "Hi ," to a customer
with no first name as surely as no fallback does (Help Scout's ``{%customer.firstName,fallback=%}`` imports as
it), and it passed without a word."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

SCRIPT = """\
id: inv
title: Wrong invoice
channels: [email]
acknowledgment: "Hi {{{{ customer.first_name | fallback({fallback}) }}}}, I can see how annoying a wrong invoice is."
solution: I've corrected the invoice and I'll email you the new one within the hour.
"""


def _check(tmp_path: Path, fallback: str) -> str:
    (tmp_path / "scripts").mkdir()
    (tmp_path / "pack.yaml").write_text("name: ef\n", encoding="utf-8")
    (tmp_path / "scripts" / "inv.yaml").write_text(SCRIPT.format(fallback=fallback), encoding="utf-8")
    done = CliRunner().invoke(main, ["check", str(tmp_path), "--select", "SK001", "--format", "json"])
    return done.output


@pytest.mark.parametrize("fallback", ["''", "'  '", "'\\u00a0'"])
def test_a_blank_fallback_is_no_fallback(tmp_path: Path, fallback: str) -> None:
    out = _check(tmp_path, fallback)
    assert "customer.first_name has an empty fallback before ','" in out, out
    assert "Hi , I can see how annoying a wrong invoice is." in out


def test_a_fallback_word_is_enough(tmp_path: Path) -> None:
    assert "SK001" not in _check(tmp_path, "'there'")
