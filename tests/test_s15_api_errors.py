"""The public API's error contract: each documented exception is importable from ``scriptkit`` and a
ScriptkitError, and bad input to lint_pack, lint_text and export (a wrong type, a missing folder, a
broken pack) raises one, said in scriptkit's words, never an AttributeError or TypeError from inside."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import scriptkit

SCRIPT = ("id: late\ntitle: Orders::Late\n"
          "acknowledgment: I can see how frustrating it is that your order is late.\n"
          "solution: I've sent a new one today, and it arrives by Friday.\n")


@pytest.mark.parametrize("name", ["ScriptkitError", "PackError", "ConfigError", "ImportFormatError",
                                  "EngineUnavailable", "ErrorGroup", "TemplateSecurityError", "ExportRefused"])
def test_each_documented_error_is_public_and_one_tree(name: str) -> None:
    error = getattr(scriptkit, name)
    assert issubclass(error, scriptkit.ScriptkitError) and name in scriptkit.__all__
    documented = (Path(__file__).parents[1] / "docs/python/index.md").read_text(encoding="utf-8")
    assert f"scriptkit.{name}" in documented or f"`{name}`" in documented


@pytest.mark.parametrize(("call", "words"), [
    (lambda pack: scriptkit.lint_pack("pack"), "lint_pack() takes the pack as a Pack, not the str 'pack'"),
    (lambda pack: scriptkit.lint_pack(None), "lint_pack() takes the pack as a Pack, not None"),
    (lambda pack: scriptkit.lint_pack(pack, {"select": ["SK3"]}), "takes config as a LintConfig or None, not a dict"),
    (lambda pack: scriptkit.lint_pack(pack, jobs="2"), "jobs (--jobs) must be a whole number, 1 or more, not '2'"),
    (lambda pack: scriptkit.lint_pack(pack, jobs=0), "jobs (--jobs) must be a whole number, 1 or more, not 0"),
    (lambda pack: scriptkit.lint_text(b"Thanks for waiting."), "lint_text() takes the reply as a str, not the bytes"),
    (lambda pack: scriptkit.lint_text(None), "lint_text() takes the reply as a str, not None"),
    (lambda pack: scriptkit.lint_text("Hi.", config={}), "lint_text() takes config as a LintConfig or None"),
    (lambda pack: scriptkit.export(5, "zendesk", "out"),
     "export() takes the pack as a Pack or a folder, not the int 5"),
    (lambda pack: scriptkit.export(pack, None, "out"), "export() takes targets as a name or a list of names, not None"),
    (lambda pack: scriptkit.export(pack, [1], "out"), "export() takes targets as a name or a list of names, not [1]"),
    (lambda pack: scriptkit.export(pack, "zendesk", None),
     "export() takes out_dir as a folder (str or Path), not None"),
    (lambda pack: scriptkit.load_pack(pack.root, jobs=1.5), "jobs (--jobs) must be a whole number, 1 or more, not 1.5"),
    (lambda pack: scriptkit.lint_text("Hi.", channel=5), "lint_text() takes channel as a name such as 'email'"),
    (lambda pack: scriptkit.lint_text("Sam: Hi.", agent=5), "lint_text() takes agent as the agent's label"),
    (lambda pack: scriptkit.lint_text("Hi.", file=None), "lint_text() takes file as the name locations give"),
    (lambda pack: scriptkit.export(pack, "zendesk", "out", config={}), "export() takes config as a LintConfig"),
    (lambda pack: scriptkit.export(pack, "zendesk", "out", channels="chat, fax"), "unknown channel 'fax'"),
])
def test_a_wrong_argument_is_a_config_error(make_pack: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            call: Any, words: str) -> None:
    pack = scriptkit.load_pack(make_pack({"late.yaml": SCRIPT}))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(scriptkit.ConfigError) as raised:
        call(pack)
    assert words in str(raised.value)
    assert not (tmp_path / "out").exists()


def test_a_missing_folder_is_a_located_pack_error(tmp_path: Path) -> None:
    with pytest.raises(scriptkit.PackError) as raised:
        scriptkit.export(tmp_path / "nowhere", "zendesk", tmp_path / "out")
    assert raised.value.location is not None and raised.value.location.file == str(tmp_path / "nowhere")
    assert raised.value.hint and not (tmp_path / "out").exists()


def test_a_broken_pack_names_each_problem_at_its_place(make_pack: Any, tmp_path: Path) -> None:
    root = make_pack({"late.yaml": SCRIPT.replace("your order", "{{ order.numbr }}"),
                      "bad.yaml": "id: bad\ntitle: [unclosed\n"})
    with pytest.raises(scriptkit.ScriptkitError) as raised:
        scriptkit.export(root, "zendesk", tmp_path / "out")
    errors = raised.value.errors if isinstance(raised.value, scriptkit.ErrorGroup) else [raised.value]
    assert sorted(Path(e.location.file).name for e in errors if e.location) == ["bad.yaml", "late.yaml"]
    assert all(e.location is not None and e.location.line > 1 for e in errors)
    assert not (tmp_path / "out").exists()


def test_a_wrong_jobs_from_the_command_line_is_still_refused_by_its_option(make_pack: Any) -> None:
    from click.testing import CliRunner

    from scriptkit.cli import main

    root = make_pack({"late.yaml": SCRIPT})
    result = CliRunner().invoke(main, ["check", str(root), "--jobs", "0", "--grammar", "off"])
    assert result.exit_code == 2 and "--jobs" in result.output and "Traceback" not in result.output


def test_a_folder_given_as_the_baseline_is_named_as_one(make_pack: Any, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from scriptkit.cli import main

    root = make_pack({"late.yaml": SCRIPT})
    result = CliRunner().invoke(main, ["check", str(root), "--baseline", str(tmp_path), "--grammar", "off"])
    assert result.exit_code == 2, result.output
    assert f"{tmp_path}: error: {tmp_path} is a folder, not a baseline file" in result.output
