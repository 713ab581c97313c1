"""The command line's help: every option described, values that complete, one spelling per idea, and a
help that reflows to the terminal's width."""

from __future__ import annotations

import click
import pytest

from scriptkit.cli import main


def _option(command: str, name: str) -> click.Option:
    found = next(p for p in main.commands[command].params if isinstance(p, click.Option) and name in p.opts)
    assert isinstance(found, click.Option)
    return found


def _completions(command: str, name: str, typed: str) -> list[str]:
    ctx = click.Context(main.commands[command], info_name=command)
    return [item.value for item in _option(command, name).shell_complete(ctx, typed)]


@pytest.mark.parametrize(("command", "name"), [("rules", "--format"), ("audit", "--format")])
def test_every_format_option_is_described(command: str, name: str) -> None:
    assert _option(command, name).help


def test_fixed_values_complete() -> None:
    assert _completions("init", "--from", "st") == ["starter"]
    assert "warmth" in _completions("rules", "--family", "wa")
    assert "zendesk" in _completions("export", "--to", "zen")
    assert "all" in _completions("export", "--to", "")


def test_locale_is_spelled_one_way() -> None:
    assert _option("init", "--locale").metavar == _option("review", "--locale").metavar == "LOCALE"


def test_select_says_comma_separated_as_ignore_does() -> None:
    for command in ("check", "review"):
        assert "comma-separated" in (_option(command, "--select").help or "")


def test_import_help_fits_a_narrow_terminal() -> None:
    ctx = click.Context(main.commands["import"], info_name="import", terminal_width=60, max_content_width=60)
    text = main.commands["import"].get_help(ctx)
    # (the option table's choice lists are one word click cannot break; the prose must fit)
    prose = text.split("Options:")[0]
    assert max(len(line) for line in prose.splitlines()) <= 60, prose
    assert "Formats:" in prose
