"""LintConfig's messages about settings given as data say what was wrong with them (QA of the settings-as-data
work): a tuple of codes is a list of codes, the constructor names what it was given, and rule files named in
a mapping are found relative to the working folder, as there is no file listing them."""

from __future__ import annotations

from pathlib import Path

import pytest

import scriptkit
from scriptkit import LintConfig


def test_a_tuple_of_rule_codes_is_read_as_a_list_is() -> None:
    assert [s.text for s in LintConfig.from_mapping({"select": ("SK201", "warmth")}).select] == ["SK201", "warmth"]
    assert [s.text for s in LintConfig.from_mapping({"ignore": ("SK201",)}).ignore] == ["SK201"]
    with pytest.raises(scriptkit.ConfigError, match=r"select\[1\]: 'select' entries must be rule codes"):
        LintConfig.from_mapping({"select": ("SK201", 201)})


def test_the_constructor_names_the_entries_it_was_given() -> None:
    with pytest.raises(scriptkit.ConfigError) as caught:
        LintConfig(select=("SK201",))  # type: ignore[arg-type]
    said = str(caught.value)
    assert "not a tuple" not in said
    assert "the tuple given holds the str 'SK201'" in said
    with pytest.raises(scriptkit.ConfigError, match=r"not a list"):
        LintConfig(ignore=[])  # type: ignore[arg-type]


def test_rule_files_in_a_mapping_are_relative_to_the_working_folder(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(scriptkit.ConfigError) as caught:
        LintConfig.from_mapping({"files": ["voice.yaml"]}, "tenant 7")
    said = str(caught.value)
    assert f"tenant 7: files[0]: rules file not found: {tmp_path / 'voice.yaml'}" in said
    assert "relative to the file that lists them" not in said
    assert f"relative to the working folder ({tmp_path})" in said
