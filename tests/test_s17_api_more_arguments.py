"""Wrong-typed arguments to the rest of the public API are ConfigErrors saying what to pass."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import scriptkit
from scriptkit.errors import ConfigError


@pytest.fixture(scope="module")
def pack() -> scriptkit.Pack:
    return scriptkit.load_pack(scriptkit.template_dir("starter"))


CALLS: list[tuple[str, Callable[[Any, Path], object], str]] = [
    ("template_dir(None)", lambda pack, tmp: scriptkit.template_dir(None), "built-in pack's name"),  # type: ignore[arg-type]
    ("template_dir(5)", lambda pack, tmp: scriptkit.template_dir(5), "built-in pack's name"),  # type: ignore[arg-type]
    ("Pack.script([...])", lambda pack, tmp: pack.script(["late-delivery"]), "script's id"),
    ("Pack.script({})", lambda pack, tmp: pack.script({}), "script's id"),
    ("Catalogue.get([...])", lambda pack, tmp: pack.catalogue.get(["customer.first_name"]), "placeholder's name"),
    ("Severity.parse(None)", lambda pack, tmp: scriptkit.Severity.parse(None), "severity's name"),  # type: ignore[arg-type]
    ("Severity.parse(5)", lambda pack, tmp: scriptkit.Severity.parse(5), "severity's name"),  # type: ignore[arg-type]
    ("Severity.parse('bad')", lambda pack, tmp: scriptkit.Severity.parse("bad"), "severity's name"),
    ("export(force='no')", lambda pack, tmp: scriptkit.export(pack, ["csv"], tmp / "o", force="no"), "force"),
    ("export(lint=1)", lambda pack, tmp: scriptkit.export(pack, ["csv"], tmp / "o", lint=1), "lint"),
    ("lint_pack(export_settings='no')", lambda pack, tmp: scriptkit.lint_pack(pack, export_settings="no", jobs=1),
     "export_settings"),
]


@pytest.mark.parametrize(("label", "call", "says"), CALLS, ids=[c[0] for c in CALLS])
def test_a_wrong_argument_is_a_config_error_saying_what_to_pass(pack: scriptkit.Pack, tmp_path: Path, label: str,
                                                                call: Callable[[Any, Path], object], says: str) -> None:
    with pytest.raises(ConfigError) as raised:
        call(pack, tmp_path)
    assert says in str(raised.value)
    assert not (tmp_path / "o").exists()  # nothing written on a refused call


def test_severity_parse_still_reads_names_and_aliases_and_stays_a_value_error() -> None:
    assert scriptkit.Severity.parse("WARN") is scriptkit.Severity.WARNING
    assert scriptkit.Severity.parse("hint") is scriptkit.Severity.SUGGESTION
    assert scriptkit.Severity.parse(scriptkit.Severity.ERROR) is scriptkit.Severity.ERROR
    with pytest.raises(ValueError):  # callers that caught the enum's ValueError still do
        scriptkit.Severity.parse("fatal")


def test_right_arguments_still_work(pack: scriptkit.Pack) -> None:
    assert pack.script("late-delivery").id == "late-delivery"
    assert pack.catalogue.get("customer.first_name") is not None
    assert scriptkit.template_dir("starter").is_dir()
