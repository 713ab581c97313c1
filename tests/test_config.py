"""Lint settings: selection, severities, options, sources, custom rules, located errors."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any, ClassVar

import pytest

from scriptkit.config import LintConfig, Selector, is_known, load_config
from scriptkit.diagnostics import Severity
from scriptkit.errors import ConfigError, ErrorGroup, ScriptkitError
from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack
from scriptkit.rules.base import Rule

SCRIPT = textwrap.dedent("""\
    id: parcel-late
    title: Parcel late
    acknowledgment: "I can see how frustrating it is that your parcel is late."
    solution: "I've asked the carrier to rush it, and I'll email you by Friday."
    """)


class FakeWarm(Rule):
    """Fake warmth rule."""

    code = "SK201"
    name = "formal-apology"


class FakeWarm2(Rule):
    """Another fake warmth rule."""

    code = "SK215"
    name = "robotic-opener"


class FakeEmpathy(Rule):
    """Fake empathy rule."""

    code = "SK301"
    name = "missing-acknowledgment"
    options: ClassVar[dict[str, Any]] = {"max_words": 40}


RULES = [FakeWarm, FakeWarm2, FakeEmpathy]


def cfg(select: tuple[str, ...] = (), ignore: tuple[str, ...] = (), **kw: object) -> LintConfig:
    return LintConfig(select=tuple(Selector(s) for s in select), ignore=tuple(Selector(s) for s in ignore),
                      **kw)  # type: ignore[arg-type]


def enabled(config: LintConfig) -> list[str]:
    return [r.code for r in config.rules(RULES)]


@pytest.mark.parametrize("selector", ["SK201", "sk201", "formal-apology", "SK20", "SK2", "warmth"])
def test_select_by_code_name_prefix_family(selector: str) -> None:
    assert "SK201" in enabled(cfg(select=(selector,)))
    assert "SK301" not in enabled(cfg(select=(selector,)))


def test_default_selects_everything() -> None:
    assert enabled(LintConfig()) == ["SK201", "SK215", "SK301"]


def test_more_specific_selector_wins_and_ties_go_to_ignore() -> None:
    assert enabled(cfg(select=("SK2",), ignore=("SK201",))) == ["SK215"]
    assert enabled(cfg(select=("SK201",), ignore=("warmth",))) == ["SK201"]
    assert enabled(cfg(select=("warmth",), ignore=("warmth",))) == []
    assert enabled(cfg(ignore=("empathy",))) == ["SK201", "SK215"]


def test_severity_overrides_and_off() -> None:
    config = LintConfig(severities=((Selector("warmth"), Severity.SUGGESTION), (Selector("SK215"), Severity.ERROR),
                                    (Selector("SK301"), None)))
    assert config.severity_for(FakeWarm) == Severity.SUGGESTION
    assert config.severity_for(FakeWarm2) == Severity.ERROR  # the code is more specific than the family
    assert enabled(config) == ["SK201", "SK215"]


def test_fail_level() -> None:
    config = LintConfig(fail_on=Severity.ERROR)
    assert config.fails(Severity.ERROR) and not config.fails(Severity.WARNING)
    assert LintConfig().fails(Severity.WARNING) and not LintConfig().fails(Severity.SUGGESTION)


def test_known_selectors() -> None:
    assert is_known("warmth", RULES) and is_known("SK2", RULES) and is_known("robotic-opener", RULES)
    assert not is_known("warmthh", RULES) and not is_known("SK7", RULES) and not is_known("SK999", RULES)


def test_options_merge_defaults() -> None:
    config = LintConfig(options={"missing-acknowledgment": {"max_words": 12}})
    assert config.options_for(FakeEmpathy) == {"max_words": 12}
    assert LintConfig().options_for(FakeEmpathy) == {"max_words": 40}


def test_grammar_mode_reaches_grammar_rules_only_when_on() -> None:
    class FakeGrammar(Rule):
        """Fake grammar rule."""

        code = "SK901"
        name = "fake-grammar"

    assert FakeGrammar not in LintConfig(custom=(FakeGrammar,)).rules(RULES)
    on = LintConfig(custom=(FakeGrammar,), grammar="local")
    assert FakeGrammar in on.rules(RULES)
    assert on.options_for(FakeGrammar)["mode"] == "local"
    assert "mode" not in on.options_for(FakeWarm)


def test_pack_yaml_rules_key(make_pack) -> None:  # type: ignore[no-untyped-def]
    root = make_pack({"a.yaml": SCRIPT}, pack_yaml=textwrap.dedent("""\
        name: Test pack
        rules:
          select: [warmth, SK3]
          ignore: [robotic-opener]
          severity: {SK201: error}
          fail-on: error
          options:
            missing-acknowledgment: {max_words: 20}
        """))
    config = load_config(load_pack(root))
    assert [s.text for s in config.select] == ["warmth", "SK3"]
    assert enabled(config) == ["SK201", "SK301"]
    assert config.fail_on == Severity.ERROR
    assert config.severity_for(FakeWarm) == Severity.ERROR
    assert config.options_for(FakeEmpathy) == {"max_words": 20}
    assert config.problems(RULES) == []


def test_unknown_selectors_warn_located(make_pack) -> None:  # type: ignore[no-untyped-def]
    root = make_pack({"a.yaml": SCRIPT}, pack_yaml=textwrap.dedent("""\
        name: Test pack
        rules:
          select: [warmth, warmthh]
          ignore:
            - SK777
          options:
            no-such-rule: {x: 1}
            missing-acknowledgment: {max_wrds: 3}
        """))
    problems = load_config(load_pack(root)).problems(RULES)
    by_text = {p.message: p for p in problems}
    first = by_text["unknown rule selector 'warmthh' in select"]
    assert (first.location.line, first.location.col) == (3, 20)
    assert first.severity == Severity.WARNING and first.suggestion == "Did you mean 'warmth'?"
    assert by_text["unknown rule selector 'SK777' in ignore"].location.line == 5
    assert by_text["unknown rule selector 'no-such-rule' in options"].location.line == 7
    typo = by_text["rule SK301 [missing-acknowledgment] has no option 'max_wrds'"]
    assert typo.suggestion == "Did you mean 'max_words'?"
    assert all(p.location.file.endswith("pack.yaml") for p in problems)


def test_an_unknown_option_is_located_at_its_own_key(tmp_path: Path, make_pack) -> None:  # type: ignore[no-untyped-def]
    # under a rule with several options, the warning pointed at the rule's name lines above
    root = make_pack({"a.yaml": SCRIPT}, pack_yaml=textwrap.dedent("""\
        name: Test pack
        rules:
          options:
            missing-acknowledgment:
              max_words: 3
              max_wrds: 4
        """))
    problems = load_config(load_pack(root)).problems(RULES)
    assert [(p.message, p.location.line, p.location.col, p.text) for p in problems] == [
        ("rule SK301 [missing-acknowledgment] has no option 'max_wrds'", 6, 7, "max_wrds")]
    (root / "pack.yaml").write_text("name: Test pack\n", encoding="utf-8")
    (tmp_path / "scriptkit.toml").write_text("[options.missing-acknowledgment]\nmax_words = 3\nmax_wrds = 4\n",
                                             encoding="utf-8")
    problems = load_config(load_pack(root)).problems(RULES)
    assert [(p.location.line, p.location.col) for p in problems] == [(3, 1)]


def test_unknown_selector_is_a_warning_diagnostic_not_a_crash(make_pack) -> None:  # type: ignore[no-untyped-def]
    root = make_pack({"a.yaml": SCRIPT}, pack_yaml="name: T\nrules:\n  select: [custom]\n  ignore: [not-a-rule]\n")
    result = lint_pack(load_pack(root))
    assert [d.code for d in result.diagnostics] == ["SK800"]
    assert result.diagnostics[0].location.line == 4


def test_scriptkit_toml_found_upward_and_pack_refines(tmp_path: Path, make_pack) -> None:  # type: ignore[no-untyped-def]
    root = make_pack({"a.yaml": SCRIPT}, pack_yaml="name: T\nrules:\n  ignore: [SK215]\n")
    (tmp_path / "scriptkit.toml").write_text(textwrap.dedent("""\
        select = ["warmth", "empathy"]
        ignore = ["SK301"]
        fail-on = "suggestion"
        [severity]
        SK201 = "error"
        """), encoding="utf-8")
    config = load_config(load_pack(root))
    assert enabled(config) == ["SK201"]  # SK301 from toml, SK215 from pack.yaml: ignore adds up
    assert config.fail_on == Severity.SUGGESTION
    assert config.severity_for(FakeWarm) == Severity.ERROR
    assert config.sources[0].endswith("scriptkit.toml") and config.sources[1].endswith("pack.yaml")


def test_pyproject_tool_table(tmp_path: Path, make_pack) -> None:  # type: ignore[no-untyped-def]
    root = make_pack({"a.yaml": SCRIPT})
    (tmp_path / "pyproject.toml").write_text(textwrap.dedent("""\
        [project]
        name = "x"

        [tool.scriptkit]
        ignore = ["warmth", "nope"]
        """), encoding="utf-8")
    config = load_config(load_pack(root))
    assert enabled(config) == ["SK301"]
    (problem,) = config.problems(RULES)
    assert problem.message == "unknown rule selector 'nope' in ignore"
    assert problem.location.file.endswith("pyproject.toml") and problem.location.line == 5


def test_pyproject_without_table_is_skipped(tmp_path: Path, make_pack) -> None:  # type: ignore[no-untyped-def]
    root = make_pack({"a.yaml": SCRIPT})
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    assert load_config(load_pack(root)).sources == ()


def test_bad_toml_is_a_located_error(tmp_path: Path, make_pack) -> None:  # type: ignore[no-untyped-def]
    root = make_pack({"a.yaml": SCRIPT})
    (tmp_path / "scriptkit.toml").write_text('select = ["warmth"\nfail-on = 3\n', encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(load_pack(root))
    assert err.value.location is not None and err.value.location.file.endswith("scriptkit.toml")
    assert err.value.location.line >= 1


@pytest.mark.parametrize(("rules", "message", "line"), [
    ("  fail-on: loud\n", "'loud' is not a severity", 3),
    ("  selct: [warmth]\n", "unknown setting 'selct'", 3),
    ("  severity: {SK201: fatal}\n", "'fatal' is not a severity", 3),
    ("  grammar: maybe\n", "'maybe' is not a grammar mode", 3),
    ("  options: [1, 2]\n", "'options' must map rule names to mappings of option values", 3),
])
def test_bad_settings_are_located_errors(make_pack, rules: str, message: str, line: int) -> None:  # type: ignore[no-untyped-def]
    root = make_pack({"a.yaml": SCRIPT}, pack_yaml=f"name: T\nrules:\n{rules}")
    with pytest.raises(ConfigError) as err:
        load_config(load_pack(root))
    assert err.value.message == message
    assert err.value.location is not None and err.value.location.line == line


def test_unknown_setting_suggests(make_pack) -> None:  # type: ignore[no-untyped-def]
    root = make_pack({"a.yaml": SCRIPT}, pack_yaml="name: T\nrules:\n  selct: [warmth]\n")
    with pytest.raises(ConfigError) as err:
        load_config(load_pack(root))
    assert err.value.hint == "Did you mean 'select'?"


def test_grammar_setting(make_pack, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    root = make_pack({"a.yaml": SCRIPT}, pack_yaml="name: T\nrules:\n  grammar: http://lt.internal:8081/\n")
    monkeypatch.delenv("SCRIPTKIT_LT_ALLOW", raising=False)  # (a server only the pack names waits to be confirmed)
    assert load_config(load_pack(root)).unconfirmed_grammar == "http://lt.internal:8081"
    monkeypatch.setenv("SCRIPTKIT_LT_ALLOW", "http://lt.internal:8081")
    assert load_config(load_pack(root)).grammar == "http://lt.internal:8081"
    assert LintConfig().grammar == "off"
    assert LintConfig().override(grammar="LOCAL").grammar == "local"


def test_cli_overrides() -> None:
    base = cfg(select=("warmth",), ignore=("SK215",))
    over = base.override(select=["empathy"], ignore=["SK201"], fail_on="error")
    assert [s.text for s in over.select] == ["empathy"]
    # (as in ruff, a select given on top starts afresh: the settings' ignore gives way to it)
    assert [s.text for s in over.ignore] == ["SK201"]
    assert [s.text for s in base.override(ignore=["SK201"]).ignore] == ["SK215", "SK201"]
    assert over.fail_on == Severity.ERROR


# ---------------------------------------------------------------- custom rules

CUSTOM = textwrap.dedent("""\
    name: T
    rules:
      custom:
        - name: no-unfortunately
          kind: existence
          terms: [unfortunately]
          message: "Leave out '{match}'."
        - name: say-refund
          kind: substitution
          code: SK850
          swap: {store credit: refund}
        - name: thank-them
          kind: occurrence
          terms: [thank you, thanks]
          min: 1
          severity: suggestion
        - name: short-sentences
          kind: metric
          metric: sentence-words
          max: 12
    """)


def test_custom_rules_get_codes_and_run(make_pack) -> None:  # type: ignore[no-untyped-def]
    script = SCRIPT.replace("I've asked", "Unfortunately I can only offer store credit, but I've asked")
    root = make_pack({"a.yaml": script}, pack_yaml=CUSTOM)
    pack = load_pack(root)
    config = load_config(pack)
    assert [(r.code, r.name, r.family()) for r in config.custom] == [
        ("SK801", "no-unfortunately", "custom"), ("SK850", "say-refund", "custom"),
        ("SK802", "thank-them", "custom"), ("SK803", "short-sentences", "custom")]
    found = {(d.code, d.text) for d in lint_pack(pack).diagnostics}
    assert ("SK801", "Unfortunately") in found
    assert ("SK850", "store credit") in found
    # (over the text it searched, where the phrase is missing: an empty span marked no text)
    assert any(code == "SK802" and text.startswith("I can see how frustrating") for code, text in found)
    assert any(code == "SK803" for code, _ in found)
    messages = {d.code: d for d in lint_pack(pack).diagnostics}
    assert messages["SK801"].message == "Leave out 'Unfortunately'."
    assert messages["SK850"].message == "Say 'refund' instead of 'store credit'."
    assert messages["SK802"].severity == Severity.SUGGESTION
    # selectable like any rule
    assert {r.code for r in config.override(select=["custom"], ignore=["say-refund"]).rules([])} == {
        "SK801", "SK802", "SK803"}


def test_custom_rules_file(make_pack) -> None:  # type: ignore[no-untyped-def]
    root = make_pack({"a.yaml": SCRIPT.replace("frustrating", "super frustrating")},
                     pack_yaml="name: T\nrules:\n  select: [custom]\n  files: [voice.yaml]\n")
    (root / "voice.yaml").write_text("rules:\n  - name: no-super\n    kind: existence\n    terms: [super]\n",
                                     encoding="utf-8")
    result = lint_pack(load_pack(root))
    assert [(d.code, d.name, d.text) for d in result.diagnostics] == [("SK801", "no-super", "super")]


@pytest.mark.parametrize(("rule", "message", "line", "col"), [
    ("- name: No_Good\n  kind: existence\n  terms: [a]\n", "'No_Good' is not a kebab-case name", 1, 9),
    ("- name: ok\n  kind: existance\n  terms: [a]\n", "unknown kind 'existance'", 2, 9),
    ("- name: ok\n  kind: existence\n  patterns: ['(oops']\n",
     "invalid regular expression: missing ), unterminated subpattern", 3, 14),
    ("- name: ok\n  kind: existence\n  term: [a]\n", "unknown key 'term' in an existence rule", 3, 3),
    ("- name: ok\n  kind: existence\n  patterns: ['(\\w+\\s?)+!']\n",
     "regular expression could take exponential time", 3, 14),
    ("- name: ok\n  kind: substitution\n  swap: [a]\n",
     "a substitution rule needs 'swap': a mapping of term to replacement", 3, 9),
    ("- name: ok\n  kind: metric\n  metric: syllables\n  max: 3\n", "unknown metric 'syllables'", 3, 11),
    ("- name: ok\n  kind: occurrence\n  terms: [a]\n", "an occurrence rule needs 'min' or 'max'", 1, 3),
    ("- name: ok\n  kind: existence\n  terms: [a]\n  code: SK200\n", "'SK200' is not a custom rule code", 4, 9),
    ("- name: ok\n  kind: existence\n  terms: [a]\n  message: 'Bad {thing}'\n",
     "message has an unknown field 'thing'", 4, 12),
    ("- name: ok\n  kind: existence\n  terms: [a]\n- name: ok\n  kind: existence\n  terms: [b]\n",
     "rule name 'ok' is already used", 4, 9),
    ("- name: ok\n  kind: existence\n  terms: [a]\n  slots: [ack]\n", "unknown slot 'ack'", 4, 11),
    ("just text\n", "a rules file holds a list of rules (or 'rules:' with a list)", 1, 1),
    ("- name: ok\n  kind: existence\n  terms: [a\n", "YAML syntax error", 0, 0),
    # YAML reads 'no' as text: taken for true, it left case ignored and the swap fixable
    ("- name: ok\n  kind: existence\n  terms: [ASAP]\n  ignore-case: no\n",
     "'ignore-case' must be true or false, not 'no'", 4, 16),
    ("- name: ok\n  kind: substitution\n  swap: {a: b}\n  fix: no\n", "'fix' must be true or false, not 'no'", 4, 8),
    # a rule no reply can pass
    ("- name: ok\n  kind: occurrence\n  terms: [a]\n  min: 3\n  max: 1\n", "'min' (3) is more than 'max' (1)", 4, 8),
])
def test_bad_rule_files_are_located_errors(make_pack, rule: str, message: str, line: int, col: int) -> None:  # type: ignore[no-untyped-def]
    root = make_pack({"a.yaml": SCRIPT}, pack_yaml="name: T\nrules:\n  files: [voice.yaml]\n")
    (root / "voice.yaml").write_text(rule, encoding="utf-8")
    with pytest.raises(ScriptkitError) as err:
        load_config(load_pack(root))
    errors = err.value.errors if isinstance(err.value, ErrorGroup) else [err.value]
    assert all(isinstance(e, ConfigError) for e in errors)
    first = errors[0]
    assert first.message.startswith(message)
    assert first.location is not None and first.location.file.endswith("voice.yaml")
    if line:
        assert (first.location.line, first.location.col) == (line, col)


def test_missing_rules_file_is_located(make_pack) -> None:  # type: ignore[no-untyped-def]
    root = make_pack({"a.yaml": SCRIPT}, pack_yaml="name: T\nrules:\n  files:\n    - nope.yaml\n")
    with pytest.raises(ConfigError) as err:
        load_config(load_pack(root))
    assert err.value.message.startswith("rules file not found")
    assert err.value.location is not None and (err.value.location.line, err.value.location.col) == (4, 7)


def test_a_rules_file_that_is_a_folder_or_empty_says_so(make_pack) -> None:  # type: ignore[no-untyped-def]
    # a folder was "not found", and an empty file "holds a list of rules"
    root = make_pack({"a.yaml": SCRIPT}, pack_yaml="name: T\nrules:\n  files: [voice]\n")
    (root / "voice").mkdir()
    with pytest.raises(ConfigError) as err:
        load_config(load_pack(root))
    assert (err.value.message, err.value.hint) == (
        f"{root / 'voice'} is a folder, not a rules file", "Name the YAML files in it, e.g. files: [voice/rules.yaml].")
    assert err.value.location is not None and (err.value.location.line, err.value.location.col) == (3, 11)
    (root / "voice").rmdir()
    (root / "voice").write_text("# our voice rules\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(load_pack(root))
    assert (err.value.message, err.value.hint) == ("the rules file is empty", "Write its rules as a list, "
                                                   "each starting '- name: ...', or take it out of files:.")


def test_one_custom_rule_too_many_is_located(make_pack) -> None:  # type: ignore[no-untyped-def]
    # the 100th rule (past SK899) was refused with no file, line or column
    rules = "".join(f"- name: rule-{i}\n  kind: existence\n  terms: [word{i}]\n" for i in range(100))
    root = make_pack({"a.yaml": SCRIPT}, pack_yaml="name: T\nrules:\n  files: [voice.yaml]\n")
    (root / "voice.yaml").write_text(rules, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(load_pack(root))
    assert err.value.message == "too many custom rules (SK801-SK899)"
    assert err.value.location is not None and err.value.location.file.endswith("voice.yaml")
    assert (err.value.location.line, err.value.location.col) == (298, 9)


def test_custom_name_may_not_shadow_another(make_pack) -> None:  # type: ignore[no-untyped-def]
    root = make_pack({"a.yaml": SCRIPT}, pack_yaml=textwrap.dedent("""\
        name: T
        rules:
          custom:
            - {name: a-rule, kind: existence, terms: [x], code: SK810}
            - {name: b-rule, kind: existence, terms: [y], code: SK810}
        """))
    with pytest.raises(ConfigError, match="rule code 'SK810' is already used"):
        load_config(load_pack(root))


def test_toml_tables_locate_their_keys(tmp_path: Path, make_pack) -> None:  # type: ignore[no-untyped-def]
    root = make_pack({"a.yaml": SCRIPT})
    (tmp_path / "scriptkit.toml").write_text(textwrap.dedent("""\
        fail-on = "warning"

        [severity]
        SK201 = "error"
        warmthh = "suggestion"
        """), encoding="utf-8")
    (problem,) = load_config(load_pack(root)).problems(RULES)
    assert problem.message == "unknown rule selector 'warmthh' in severity"
    assert (problem.location.line, problem.location.col) == (5, 1)


@pytest.mark.parametrize(("options", "message", "col"), [
    ("long-sentence: {max_words: many}", "option 'max_words' of rule SK103 [long-sentence] must be a whole number, "
                                         "not text 'many'", 32),
    ("SK105: {min_words: null}", "option 'min_words' of rule SK105 [email-length] must be a whole number, not "
                                 "nothing (null)", 24),
    ("duplicate-script: {threshold: [1]}", "option 'threshold' of rule SK004 [duplicate-script] must be a number, "
                                           "not a list", 35),
    ("corporate-phrase: {allow: sorry}", "option 'allow' of rule SK201 [corporate-phrase] must be a list, not text "
                                         "'sorry'", 31),
    ("too-long-for-channel: {limits: 160}", "option 'limits' of rule SK104 [too-long-for-channel] must be a mapping, "
                                            "not the number 160", 36),
])
def test_an_option_of_the_wrong_type_is_a_located_error(make_pack, options: str, message: str, col: int) -> None:  # type: ignore[no-untyped-def]
    # it reached the rule, which failed with "this is a bug in the rule" and no place to look
    root = make_pack({"a.yaml": SCRIPT}, pack_yaml=f"name: T\nrules:\n  options:\n    {options}\n")
    with pytest.raises(ConfigError) as err:
        load_config(load_pack(root))
    assert err.value.message == message
    assert err.value.location is not None and (err.value.location.line, err.value.location.col) == (4, col)


def test_an_option_of_the_wrong_type_in_toml_is_located(tmp_path: Path, make_pack) -> None:  # type: ignore[no-untyped-def]
    root = make_pack({"a.yaml": SCRIPT})
    (tmp_path / "scriptkit.toml").write_text('fail-on = "warning"\n\n[options.long-sentence]\nmax_words = "many"\n',
                                             encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(load_pack(root))
    assert err.value.message.startswith("option 'max_words' of rule SK103 [long-sentence] must be a whole number")
    assert err.value.location is not None and err.value.location.line == 4
    # the right types pass: a whole number where a number is expected, a float, a list, a mapping
    (tmp_path / "scriptkit.toml").write_text(
        '[options]\nlong-sentence = {max_words = 20}\nlow-reading-ease = {min = 55, channels = {sms = 40}}\n'
        'corporate-phrase = {allow = ["kindly"]}\n', encoding="utf-8")
    assert load_config(load_pack(root)).options["long-sentence"] == {"max_words": 20}


def test_a_tool_table_that_is_not_a_table_is_a_located_error(tmp_path: Path, make_pack) -> None:  # type: ignore[no-untyped-def]
    root = make_pack({"a.yaml": SCRIPT})
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool]\nscriptkit = 5\n', encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(load_pack(root))
    assert err.value.message == "[tool.scriptkit] must be a table of settings, not the number 5"
    assert err.value.location is not None and err.value.location.line == 5


def test_toml_cut_short_and_toml_not_utf8_are_located(tmp_path: Path, make_pack) -> None:  # type: ignore[no-untyped-def]
    root = make_pack({"a.yaml": SCRIPT})
    config = tmp_path / "scriptkit.toml"
    config.write_text('fail-on = "warning"\nselect = [\n', encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(load_pack(root))
    assert err.value.message.startswith("TOML syntax error")
    assert err.value.location is not None and err.value.location.line == 3  # the end, where it was cut
    config.write_bytes('fail-on = "warning"\n# caf\u00e9\n'.encode("cp1252"))
    with pytest.raises(ConfigError) as err:
        load_config(load_pack(root))
    assert err.value.message == f"{config.name} is not valid UTF-8"
    assert err.value.location is not None and (err.value.location.line, err.value.location.col) == (2, 6)
    config.write_bytes(b"\xef\xbb\xbf# caf\xe9\n")  # (after a byte order mark, as Windows saves it)
    with pytest.raises(ConfigError) as err:
        load_config(load_pack(root))
    assert err.value.location is not None and (err.value.location.line, err.value.location.col) == (1, 6)


def test_an_export_check_in_the_settings_says_what_it_is(make_pack) -> None:  # type: ignore[no-untyped-def]
    # "Did you mean 'SK406'?" sent the writer to an unrelated rule
    root = make_pack({"a.yaml": SCRIPT}, pack_yaml="name: T\nrules:\n  ignore: [SK506]\n")
    config = load_config(load_pack(root))
    (problem,) = config.problems(RULES)
    assert problem.message == "unknown rule selector 'SK506' in ignore"
    assert problem.suggestion is not None
    assert problem.suggestion.startswith("SK506 [missing-setting] is an export check")


def test_toml_saved_with_a_byte_order_mark_is_read(tmp_path: Path, make_pack) -> None:  # type: ignore[no-untyped-def]
    # Windows editors save UTF-8 with a BOM: "TOML syntax error: Invalid statement" at 1:1 explained nothing
    root = make_pack({"a.yaml": SCRIPT})
    (tmp_path / "scriptkit.toml").write_bytes(b'\xef\xbb\xbfselect = ["warmth"]\r\n')
    assert [s.text for s in load_config(load_pack(root)).select] == ["warmth"]
    (tmp_path / "scriptkit.toml").unlink()
    (tmp_path / "pyproject.toml").write_bytes(b'\xef\xbb\xbf[tool.scriptkit]\nignore = ["SK105"]\n')
    assert [s.text for s in load_config(load_pack(root)).ignore] == ["SK105"]


@pytest.mark.parametrize(("options", "message", "col"), [
    ("formal-tone: {ceiling: 2.5}", "option 'ceiling' of rule SK202 [formal-tone] must be a number from 0 to 1, "
                                    "not 2.5", 28),
    ("SK203: {min_forms: 0}", "option 'min_forms' of rule SK203 [no-contractions] must be a whole number of at "
                              "least 1, not 0", 24),
    ("corporate-phrase: {allow: [kindly, 3]}", "option 'allow' of rule SK201 [corporate-phrase] must be a list of "
                                               "phrases", 31),
    ("corporate-phrase: {extra: [{phrase: ''}]}", "option 'extra' of rule SK201 [corporate-phrase] must be an entry",
     31),
])
def test_an_option_value_out_of_range_is_located_at_the_value(make_pack, options: str, message: str,  # type: ignore[no-untyped-def]
                                                              col: int) -> None:
    # the right type but a value the rule refuses (found when the rule reads it): it had no location
    from click.testing import CliRunner

    from scriptkit.cli import main

    root = make_pack({"a.yaml": SCRIPT}, pack_yaml=f"name: T\nrules:\n  options:\n    {options}\n")
    result = CliRunner().invoke(main, ["check", str(root), "--jobs", "1"])
    assert result.exit_code == 2, result.output
    assert f"{root / 'pack.yaml'}:4:{col}: error: {message}" in result.output
    assert "Traceback" not in result.output


def test_an_option_value_out_of_range_in_toml_or_pyproject_is_located(tmp_path: Path, make_pack) -> None:  # type: ignore[no-untyped-def]
    root = make_pack({"a.yaml": SCRIPT})
    for name, first, table in (("scriptkit.toml", 'fail-on = "warning"\n\n', "options.formal-tone"),
                               ("pyproject.toml", '[project]\nname = "x"\n', "tool.scriptkit.options.SK202")):
        config = tmp_path / name
        config.write_text(f'{first}\n[{table}]\nceiling = 7\n', encoding="utf-8")
        with pytest.raises(ConfigError) as err:
            lint_pack(load_pack(root), jobs=1)
        assert err.value.message.startswith("option 'ceiling' of rule SK202 [formal-tone] must be a number from 0")
        # (at the value, as pack.yaml's are)
        assert err.value.location is not None and str(err.value.location) == f"{config}:5:11"
        config.unlink()


def _all_problems(run: Any) -> list[str]:
    with pytest.raises(ScriptkitError) as info:
        run()
    exc = info.value
    return [str(e) for e in (exc.errors if isinstance(exc, ErrorGroup) else [exc])]


def test_every_bad_option_value_of_a_file_is_reported_in_one_run(tmp_path: Path, make_pack) -> None:  # type: ignore[no-untyped-def]
    # each refused value was found only as its rule ran, the first one ending the run: a writer
    # fixed one, ran the check again, met the next
    root = make_pack({"a.yaml": SCRIPT}, pack_yaml=(
        "name: T\nrules:\n  options:\n    formal-tone: {ceiling: 2.5}\n    SK203: {min_forms: 0}\n"
        "    long-sentence: {max_words: lots}\n    late-acknowledgment: {within: 0}\n"))
    found = _all_problems(lambda: load_config(load_pack(root)))
    pack_yaml = root / "pack.yaml"
    assert [line.split(" of rule")[0] for line in found] == [
        f"{pack_yaml}:4:28: option 'ceiling'", f"{pack_yaml}:5:24: option 'min_forms'",
        f"{pack_yaml}:6:32: option 'max_words'", f"{pack_yaml}:7:35: option 'within'"]
    # (a value of the wrong type is said once, as such, not again as out of range)
    assert "must be a whole number, not text 'lots'" in found[2]
    toml = tmp_path / "scriptkit.toml"
    toml.write_text("[options.formal-tone]\nceiling = 7\n[options.SK203]\nmin_forms = -1\n", encoding="utf-8")
    assert [line.split(": option")[0] for line in _all_problems(lambda: load_config(None, root))] == [
        f"{toml}:2:11", f"{toml}:4:13"]  # (at the values, as pack.yaml's above)


def test_readability_word_counts_out_of_range_are_refused_at_their_values(make_pack) -> None:  # type: ignore[no-untyped-def]
    root = make_pack({"a.yaml": SCRIPT}, pack_yaml=(
        "name: T\nrules:\n  options:\n    long-sentence: {max_words: 0}\n    email-length: {min_words: -1}\n"
        "    SK101: {min_words: -5}\n"))
    pack = load_pack(root)
    found = _all_problems(lambda: load_config(pack))
    assert [line.split(": option")[0].rsplit(":", 2)[1:] for line in found] == [["4", "32"], ["5", "31"], ["6", "24"]]
    assert "SK103 [long-sentence] must be a whole number of at least 1, not 0" in found[0]
    assert found[0].endswith("Set it to a whole number of at least 1, or leave it out for the default (25).")


def test_a_typo_in_pack_yaml_does_not_hide_its_bad_settings(make_pack) -> None:  # type: ignore[no-untyped-def]
    root = make_pack({"a.yaml": SCRIPT}, pack_yaml=(
        "name: T\nlokale: en-GB\nrules:\n  fail-on: sometimes\n  options:\n    formal-tone: {ceiling: 2.5}\n"))
    pack_yaml = root / "pack.yaml"
    found = _all_problems(lambda: load_pack(root))
    assert [line.split(". Did")[0].split(". Use")[0].split(" of rule")[0] for line in found] == [
        f"{pack_yaml}:2:1: unknown key 'lokale'", f"{pack_yaml}:4:12: 'sometimes' is not a severity",
        f"{pack_yaml}:6:28: option 'ceiling'"]
    # a script's mistake does not hide them either
    typo = SCRIPT.replace("solution:", "solutions:")
    root = make_pack({"a.yaml": typo}, pack_yaml="name: T\nrules:\n  fail-on: sometimes\n")
    found = _all_problems(lambda: load_pack(root))
    assert len(found) == 2 and "'sometimes' is not a severity" in found[0] and "key 'solutions'" in found[1], found
    # settings that could not be read add nothing of their own
    root = make_pack({"a.yaml": typo}, pack_yaml="name: T\nrules: [empathy]\n")
    found = _all_problems(lambda: load_pack(root))
    assert len(found) == 2 and "'rules' must be" in found[0] and "key 'solutions'" in found[1], found


@pytest.mark.parametrize(("toml", "expected"), [
    # TOML said "Illegal character '\n'" at the line's end
    ('fail-on = "warning"\nselect = "empathy\n', ('2:10', "TOML syntax error: this quote is not closed on its line",
                                                  'Close it: select = "empathy"')),
    # TOML said "Invalid value"
    ("fail-on = warning\n", ("1:11", "TOML syntax error: text must be in quotes in TOML",
                             'Write it so: fail-on = "warning"')),
])
def test_a_toml_slip_is_said_in_a_writers_words(tmp_path: Path, make_pack, toml: str,  # type: ignore[no-untyped-def]
                                                expected: tuple[str, str, str]) -> None:
    root = make_pack({"a.yaml": SCRIPT})
    config = tmp_path / "scriptkit.toml"
    config.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(load_pack(root))
    assert (str(err.value.location), err.value.message, err.value.hint) == (f"{config}:{expected[0]}", *expected[1:])


@pytest.mark.parametrize(("rules", "hint"), [
    # the example named a rule there is none of ('formality-score'): copied, it was an unknown selector
    ("  options: {long-sentence: 20}\n", "e.g. options: {formal-tone: {ceiling: 0.5}}"),
    ("  severity: warmth error\n", "e.g. severity: {warmth: error, SK105: off}"),
])
def test_a_setting_of_the_wrong_shape_shows_it_in_the_files_own_syntax(tmp_path: Path, make_pack, rules: str,  # type: ignore[no-untyped-def]
                                                                        hint: str) -> None:
    root = make_pack({"a.yaml": SCRIPT}, pack_yaml="name: T\nrules:\n" + rules)
    with pytest.raises(ConfigError) as err:
        load_config(load_pack(root))
    assert err.value.hint == hint
    from scriptkit.rules import all_rules

    assert {"formal-tone"} <= {r.name for r in all_rules()}  # (the example's rule is real)


@pytest.mark.parametrize(("toml", "message", "hint"), [
    ("[options]\nlong-sentence = 20\n", "'options' must map rule names to mappings of option values",
     'e.g. a [options.formal-tone] table with the line ceiling = 0.5'),
    ('severity = "warmth: error"\n', "'severity' must map rule selectors to error, warning, suggestion or off",
     'e.g. a [severity] table with the line warmth = "error"'),
    # pyproject.toml's table, copied into scriptkit.toml
    ('[tool.scriptkit]\nignore = ["SK105"]\n', "unknown setting 'tool'",
     "[tool.scriptkit] is for pyproject.toml; in scriptkit.toml the settings need no table: delete the "
     "[tool.scriptkit] line."),
    # the tool's own name as a table (as [tool.scriptkit] without 'tool.'): the hint listed the known settings
    ('[scriptkit]\nfail-on = "error"\n', "unknown setting 'scriptkit'",
     "In scriptkit.toml the settings need no table: delete the [scriptkit] line."),
    # a [rules] table beside settings outside it: the table was called an unknown setting, 'files' suggested
    ('ignore = ["SK105"]\n[rules]\nselect = ["warmth"]\n', "unknown setting 'rules'",
     "A [rules] table is read when it holds all the settings: move the lines above it under it, or delete "
     "the [rules] line."),
])
def test_a_toml_setting_of_the_wrong_shape_is_shown_in_toml(tmp_path: Path, make_pack, toml: str,  # type: ignore[no-untyped-def]
                                                           message: str, hint: str) -> None:
    root = make_pack({"a.yaml": SCRIPT})
    (tmp_path / "scriptkit.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(load_pack(root))
    assert (err.value.message, err.value.hint) == (message, hint)
