"""Settings given as data (a service's per-tenant settings): LintConfig.from_mapping, and a constructor that refuses
what it cannot use."""

from __future__ import annotations

import socket

import pytest

import scriptkit
from scriptkit import LintConfig, Severity

STIFF = "Please be advised that your ticket has been escalated. Kindly allow 5-7 business days for a response."


def _codes(config: LintConfig) -> dict[str, str]:
    return {d.code: d.severity.value for d in scriptkit.lint_text(STIFF, config=config).diagnostics}


def test_settings_from_a_mapping_read_as_a_settings_file_reads_them(tmp_path: object) -> None:
    tenant = {"ignore": ["SK201"], "severity": {"SK207": "error"}, "options": {"formal-tone": {"ceiling": 0.9}},
              "fail-on": "error", "locale": "en-GB"}
    config = LintConfig.from_mapping(tenant, "tenant 42")
    assert config.fail_on is Severity.ERROR and config.locale == "en-GB" and config.sources == ("tenant 42",)
    found = _codes(config)
    assert "SK201" not in found
    assert found.get("SK207") == "error"
    assert "SK201" in _codes(LintConfig.from_mapping({}))


def test_a_wrong_value_in_the_mapping_is_named_by_its_key_path() -> None:
    with pytest.raises(scriptkit.ConfigError, match=r"^tenant 42: options\.formal-tone\.ceiling: option 'ceiling'"):
        LintConfig.from_mapping({"options": {"formal-tone": {"ceiling": "high"}}}, "tenant 42")
    with pytest.raises(scriptkit.ScriptkitError) as caught:
        LintConfig.from_mapping({"fail_on": "fatal", "severty": {"SK404": "error"}})
    said = str(caught.value)
    assert "<settings>: fail_on: 'fatal' is not a severity" in said
    assert "<settings>: severty: unknown setting 'severty'" in said and "Did you mean 'severity'?" in said


def test_a_mapping_of_the_wrong_type_is_named() -> None:
    with pytest.raises(scriptkit.ConfigError, match=r"from_mapping\(\) takes the settings as a mapping"):
        LintConfig.from_mapping('{"select": ["SK201"]}')  # type: ignore[arg-type]


def test_the_constructor_refuses_what_it_cannot_use_and_points_at_from_mapping() -> None:
    with pytest.raises(scriptkit.ConfigError, match=r"LintConfig\(select=.*from_mapping"):
        LintConfig(select=("SK201",))  # type: ignore[arg-type]
    with pytest.raises(scriptkit.ConfigError, match=r"'fatal' is not a severity"):
        LintConfig(fail_on="fatal")  # type: ignore[arg-type]
    with pytest.raises(scriptkit.ConfigError, match=r"LintConfig\(options=.*mapping"):
        LintConfig(options={"formal-tone": 0.9})  # type: ignore[dict-item]
    assert LintConfig(fail_on="error").fail_on is Severity.ERROR  # type: ignore[arg-type]


def test_a_misspelt_grammar_mode_contacts_no_host(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_lookup(*args: object, **kwargs: object) -> object:
        raise AssertionError(f"looked up a host: {args[0]!r}")

    monkeypatch.setattr(socket, "getaddrinfo", no_lookup)
    with pytest.raises(scriptkit.ConfigError, match=r"'locall' is not a grammar mode.*Did you mean 'local'"):
        LintConfig(grammar="locall")
    with pytest.raises(scriptkit.ConfigError, match=r"<settings>: grammar: 'locall' is not a grammar mode"):
        LintConfig.from_mapping({"grammar": "locall"})


def test_settings_passed_as_a_dict_for_config_point_at_from_mapping() -> None:
    with pytest.raises(scriptkit.ConfigError, match=r"LintConfig\.from_mapping"):
        scriptkit.lint_text("Thanks for writing in!", config={"select": ["SK201"]})  # type: ignore[arg-type]
