"""A ``select`` that names no known rule is an error, not a run that checks nothing and passes.

A typo as the only entry (``select: [warmthh]``) switched every rule off: ``scriptkit check``
showed one SK800 warning and, with ``fail-on: error``, exited 0, so a CI gate passed with nothing
checked. ``LintConfig.override`` took a str as a list of letters and an unknown keyword as a
bare TypeError.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.config import LintConfig, load_config
from scriptkit.errors import ConfigError, ErrorGroup
from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack

COLD = textwrap.dedent("""\
    id: refund-late
    title: Refund late
    acknowledgment: "We apologize for any inconvenience."
    solution: "Per our policy, refunds take 10 days."
    """)


def pack_with(make_pack: Any, select: str) -> Path:
    return make_pack({"a.yaml": COLD}, pack_yaml=f"name: T\nrules:\n  select: {select}\n  fail-on: error\n")


def test_a_select_of_only_a_typo_is_an_error_at_the_entry(make_pack: Any) -> None:
    root = pack_with(make_pack, "[warmthh]")
    with pytest.raises(ConfigError) as caught:
        load_config(load_pack(root))
    exc = caught.value
    assert exc.message.startswith("unknown rule selector 'warmthh' in select")
    assert "no rule would run" in exc.message
    assert exc.hint == "Did you mean 'warmth'?"
    assert exc.location is not None and exc.location.file.endswith("pack.yaml")
    assert (exc.location.line, exc.location.col) == (3, 12)


def test_each_unknown_entry_is_said_when_none_is_known(make_pack: Any) -> None:
    root = pack_with(make_pack, "[warmthh, empaty]")
    with pytest.raises(ErrorGroup) as caught:
        load_config(load_pack(root))
    assert [(e.location.col if e.location else 0) for e in caught.value.errors] == [12, 21]


def test_the_cli_exits_2_and_checks_nothing(make_pack: Any) -> None:
    root = pack_with(make_pack, "[warmthh]")
    result = CliRunner().invoke(main, ["check", str(root)], env={"NO_COLOR": "1"})
    assert result.exit_code == 2, result.output
    assert "pack.yaml:3:12: error: unknown rule selector 'warmthh' in select" in result.output
    assert "Traceback" not in result.output


def test_an_unknown_selector_beside_a_known_one_stays_a_warning(make_pack: Any) -> None:
    root = pack_with(make_pack, "[warmthh, SK2]")
    result = lint_pack(load_pack(root))
    sk800 = [d for d in result.diagnostics if d.code == "SK800"]
    assert [(d.message, d.severity.value) for d in sk800] == [("unknown rule selector 'warmthh' in select", "warning")]
    assert any(d.code.startswith("SK2") for d in result.diagnostics)  # the known part ran


def test_a_project_file_select_of_only_typos_is_an_error_there(tmp_path: Path, make_pack: Any) -> None:
    root = make_pack({"a.yaml": COLD})
    (tmp_path / "scriptkit.toml").write_text('select = ["warmthh"]\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(load_pack(root))
    assert caught.value.location is not None and caught.value.location.file.endswith("scriptkit.toml")


def test_override_select_of_only_unknown_selectors_is_an_error() -> None:
    with pytest.raises(ConfigError, match="unknown rule selector 'warmthh' in select"):
        LintConfig().override(select=["warmthh"])
    assert [s.text for s in LintConfig().override(select=["warmthh", "SK2"]).select] == ["warmthh", "SK2"]


@pytest.mark.parametrize("key", ["select", "ignore"])
def test_override_takes_a_str_as_selectors_not_letters(key: str) -> None:
    config = LintConfig().override(**{key: "SK201"})
    assert [s.text for s in getattr(config, key)] == ["SK201"]
    # comma-separated, as --select SK201,SK105 and select: "SK201, SK105" in pack.yaml read
    config = LintConfig().override(**{key: "SK201, SK105"})
    assert [s.text for s in getattr(config, key)] == ["SK201", "SK105"]


def test_override_refuses_a_selector_that_is_not_text() -> None:
    with pytest.raises(ConfigError, match=r"select"):
        LintConfig().override(select=[201])  # type: ignore[list-item]


def test_override_names_its_keywords_for_an_unknown_one() -> None:
    with pytest.raises(ConfigError) as caught:
        LintConfig().override(failon="error")  # type: ignore[call-arg]
    assert "failon" in caught.value.message
    assert caught.value.hint is not None and "fail_on" in caught.value.hint
    for keyword in ("select", "ignore", "fail_on", "grammar"):
        assert keyword in caught.value.hint
