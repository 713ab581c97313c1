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


ORDER_OF_USE = ["init", "check", "render", "review", "export", "import", "audit", "rules", "rule"]


def test_commands_are_listed_in_the_order_of_use_each_summary_whole() -> None:
    from tests.conftest import run_cli

    text = run_cli("--help").output
    listed = [line.split()[0] for line in text.split("Commands:")[1].splitlines() if line.strip()]
    assert listed == ORDER_OF_USE, text
    assert "..." not in text.split("Commands:")[1], text


@pytest.mark.parametrize("command", ORDER_OF_USE)
def test_each_command_shows_examples(command: str) -> None:
    from tests.conftest import run_cli

    text = run_cli(command, "--help").output
    examples = text.split("Examples:\n")[1]
    assert f"scriptkit {command}" in examples.split("Options:")[0], text


def test_help_names_a_commands_help() -> None:
    from tests.conftest import run_cli

    asked = run_cli("help", "check")
    assert asked.exit_code == 0 and asked.output == run_cli("check", "--help").output
    assert run_cli("help").output == run_cli("--help").output
