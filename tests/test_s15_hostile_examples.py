"""What the hostile-pack fuzzer (test_s15_hostile.py) found, each kept as a plain example."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from test_s15_hostile import BASE_PACK, BASE_SCRIPT, SCRIPT_NAME, assert_contract, invoke, run_commands

from scriptkit.errors import ConfigError
from scriptkit.loading import MAX_NESTING


@pytest.fixture
def pack(make_pack: Any) -> Path:
    root: Path = make_pack({SCRIPT_NAME: BASE_SCRIPT}, pack_yaml=BASE_PACK)
    return root


def errors_of(*args: str) -> str:
    result = invoke(*args)
    assert_contract(result, args[0])
    assert result.exit_code == 2, result.output
    return result.stderr


def test_a_script_linked_to_dev_zero_is_refused_not_read_until_memory_runs_out(pack: Path) -> None:
    # (the loader read the link to its end: 24 GB before the kernel stopped it)
    (pack / "scripts" / "zero.yaml").symlink_to("/dev/zero")
    stderr = errors_of("check", str(pack), "-j", "1")
    assert (f"{pack}/scripts/zero.yaml:1:1: error: this is a device, a pipe or a socket, not a file "
            "(a link to /dev/zero). Delete it, or put a YAML file in its place.") in stderr
    run_commands(pack)


def test_pack_yaml_linked_to_dev_zero(pack: Path) -> None:
    (pack / "pack.yaml").unlink()
    (pack / "pack.yaml").symlink_to("/dev/zero")
    assert f"{pack}/pack.yaml:1:1: error: this is a device" in errors_of("render", str(pack))


@pytest.mark.timeout(60)  # (a hang guard, not a speed target: the old code waited for ever or ran for minutes)
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_among_the_scripts_is_refused_without_waiting_for_a_writer(pack: Path) -> None:
    os.mkfifo(pack / "scripts" / "pipe.yaml")
    assert f"{pack}/scripts/pipe.yaml:1:1: error: this is a device, a pipe or a socket, not a file." \
        in errors_of("check", str(pack), "-j", "1")


def test_a_scriptkit_toml_linked_to_a_device_is_refused(pack: Path) -> None:
    from scriptkit.config import LintConfig, read_project_config
    from scriptkit.errors import ErrorCollector

    (pack / "scriptkit.toml").symlink_to("/dev/zero")
    with pytest.raises(ConfigError, match="a device, a pipe or a socket"):
        read_project_config(pack / "scriptkit.toml", LintConfig(), ErrorCollector())


def test_a_script_too_large_is_named_with_its_whole_size(pack: Path) -> None:
    (pack / "scripts" / "huge.yaml").write_bytes(b"# " + b"x" * 5_000_000 + b"\n")
    assert f"{pack}/scripts/huge.yaml:1:1: error: file is 5,000,003 bytes; the limit is 2,000,000." \
        in errors_of("check", str(pack), "-j", "1")


@pytest.mark.timeout(60)  # (a hang guard, not a speed target: the old code waited for ever or ran for minutes)
@pytest.mark.parametrize("brackets", [MAX_NESTING + 1, 3_000, 300_000])
def test_thousands_of_open_brackets_are_refused_at_once(pack: Path, brackets: int) -> None:
    # ruamel's scanner rechecks every open bracket at each token: 3,000 took nine seconds to refuse
    (pack / "scripts" / "deep.yaml").write_text("id: deep\ntitle: " + "[" * brackets + "\n", encoding="utf-8")
    stderr = errors_of("check", str(pack), "-j", "1")
    assert (f"{pack}/scripts/deep.yaml:2:{8 + MAX_NESTING}: error: lists or mappings are nested more than "
            f"{MAX_NESTING} deep. A script needs a few levels at most; look for brackets that were never closed.") \
        in stderr


def test_indented_lists_nested_too_deep_are_refused_where_they_pass_the_limit(pack: Path) -> None:
    # (refused before as a recursion error at 1:1, with the hint about brackets)
    nested = "".join(f"{'  ' * level}- \n" for level in range(1, 400))
    (pack / "scripts" / "deep.yaml").write_text(f"id: deep\ntitle:\n{nested}", encoding="utf-8")
    stderr = errors_of("render", str(pack))
    line = 2 + MAX_NESTING
    assert (f"{pack}/scripts/deep.yaml:{line}:{2 * MAX_NESTING + 1}: error: lists or mappings are nested more "
            f"than {MAX_NESTING} deep. A script needs a few levels at most; look for lines indented further and "
            "further, each under the one above.") in stderr


def test_nesting_a_pack_needs_still_loads(pack: Path) -> None:
    (pack / "scripts" / "nested.yaml").write_text(
        BASE_SCRIPT.replace("late-parcel", "nested").replace("tags: [shipping]", "tags: [[a, [b, {c: [d]}]]]"),
        encoding="utf-8")
    stderr = errors_of("check", str(pack), "-j", "1")
    # (the nesting is read; tags must be texts, which is its own error)
    assert stderr == f"{pack}/scripts/nested.yaml:6:8: error: each item of 'tags' must be text, not a list\n"


SET = "{% set a = 'x' * 9999 %}"
EIGHT = ", ".join(["{}"] * 8)


@pytest.mark.timeout(60)  # (a hang guard, not a speed target: the old code waited for ever or ran for minutes)
@pytest.mark.parametrize("template", [
    # each built gigabytes (or minutes of work) before the output limit could see it
    "{{ [[1] * 9999] * 9999 }}",  # 109 s and 900 MB to print
    "{{ '%0999999999d' % 1 }}",  # 100 s, 3.8 GB, then 'unexpected MemoryError'
    "{{ '%*d' % (999999999, 1) }}",
    "{{ '%.999999999f' % 1.5 }}",
    SET + "{% set b = a ~ a ~ a ~ a ~ a ~ a ~ a ~ a %}{% set c = b ~ b ~ b ~ b ~ b ~ b ~ b ~ b %}{{ c | length }}",
    SET + "{% set b = a + a + a + a + a + a + a + a %}{% set c = b + b + b + b + b + b + b + b %}{{ c | length }}",
    SET + "{% set l = [" + EIGHT.format(*"aaaaaaaa") + "] %}{% set m = [" + EIGHT.format(*"llllllll") + "] %}"
          "{% set n = [" + EIGHT.format(*"mmmmmmmm") + "] %}{{ n }}",
    SET + "{% set l = [a, a, a, a, a, a, a, a] %}{% set m = [l, l, l, l, l, l, l, l] %}{{ m | string | length }}",
    SET + "{% for c in 'y' * 9999 %}{{ a }}{% endfor %}",
    SET + "{% set s %}{% for c in 'y' * 9999 %}{{ a }}{% endfor %}{% endset %}{{ s | length }}",  # 430 MB
    SET + "{% filter upper %}{% for c in 'y' * 9999 %}{{ a }}{% endfor %}{% endfilter %}",
    SET + "{{ '%s%s%s%s%s%s' % (a, a, a, a, a, a) }}",
])
def test_templates_that_would_build_gigabytes_are_refused_before_they_build_them(pack: Path, template: str) -> None:
    script = BASE_SCRIPT.replace("solution: >\n  I've sent", f"solution: >\n  {template} I've sent")
    (pack / "scripts" / SCRIPT_NAME).write_text(script, encoding="utf-8")
    stderr = errors_of("render", str(pack))
    assert stderr.startswith(f"{pack}/scripts/{SCRIPT_NAME}:23:11: error: refused by the template sandbox: "), stderr
    assert any(why in stderr for why in ("the text would be longer than 50,000 characters", "repetition too large"))


@pytest.mark.parametrize("template", [
    "{% set a = 10 ** 64 %}{% set b = a * a * a * a * a * a * a * a %}{% set c = b * b * b * b * b * b * b * b %}"
    "{% set d = c * c * c * c * c * c * c * c %}{% set e = d * d * d * d * d * d * d * d %}{{ e > 1 }}",
    "{% set a = 10 ** 64 %}{% set b = a ** 64 %}{% set c = b ** 64 %}{{ c > 1 }}",
])
def test_numbers_of_millions_of_digits_are_refused(pack: Path, template: str) -> None:
    script = BASE_SCRIPT.replace("solution: >\n  I've sent", f"solution: >\n  {template} I've sent")
    (pack / "scripts" / SCRIPT_NAME).write_text(script, encoding="utf-8")
    stderr = errors_of("render", str(pack))
    assert stderr.startswith(f"{pack}/scripts/{SCRIPT_NAME}:23:11: error: refused by the template sandbox: "), stderr


def test_text_and_numbers_a_writer_builds_still_render(pack: Path) -> None:
    template = ("{{ [1, 2] + [3] }} {{ 'a' ~ return_days ~ '!' }} {{ '%05.1f' % 2.25 }} {{ 'x' | upper }} "
                "{{ 3 * 4 }} {{ 2 ** 10 }} {{ 'ab' * 3 }} "
                "{% set s %}{% for c in 'xyz' %}{{ c }}{% endfor %}{% endset %}{{ s | upper }} "
                "{{ '%s days' % return_days }}")
    script = BASE_SCRIPT.replace("solution: >\n  I've sent", f"solution: >\n  {template} I've sent")
    (pack / "scripts" / SCRIPT_NAME).write_text(script, encoding="utf-8")
    result = invoke("render", str(pack), "--channel", "chat", "--no-notes")
    assert result.exit_code == 0, result.output
    assert "[1, 2, 3] a14! 002.2 X 12 1024 ababab XYZ 14 days I've sent" in result.stdout


def test_a_pack_name_written_as_a_mapping_is_named_not_a_bug(pack: Path) -> None:
    # ('name: {}': the salvage of pack.yaml's valid settings kept it as an empty mapping of names)
    (pack / "pack.yaml").write_text(BASE_PACK.replace("name: Harbor support", "name: {}"), encoding="utf-8")
    stderr = errors_of("check", str(pack), "-j", "1")
    assert stderr == f"{pack}/pack.yaml:1:7: error: 'name' must be text, not a mapping\n"


@pytest.mark.parametrize(("line", "col", "written"), [
    (10, 17, 'warm_language: "\\ud800 and more"'),  # (at the escape, not the quote)
    (10, 25, 'warm_language: "A smile \\ude00\\ud83d"'),  # (an emoji's halves the wrong way round: each alone)
    (10, 1, '"\\udfff": 1'),
])
def test_half_a_character_written_as_an_escape_is_refused_where_it_is(pack: Path, line: int, col: int,
                                                                      written: str) -> None:
    # (every later write failed on it: 'unexpected UnicodeEncodeError' from render, check and export)
    script = BASE_SCRIPT.replace(BASE_SCRIPT.splitlines()[9], written)
    (pack / "scripts" / SCRIPT_NAME).write_text(script, encoding="utf-8")
    half = written.split("\\u")[1][:4]
    for command in ("check", "render", "export"):
        out = ["--to", "zendesk", "-o", str(pack.parent / "out")] if command == "export" else []
        assert errors_of(command, str(pack), *out) == (
            f"{pack}/scripts/{SCRIPT_NAME}:{line}:{col}: error: '\\u{half}' is half of a character (a surrogate), "
            "which no file or helpdesk can hold. Write the character itself, or its full code: '\\U0001F600' (or "
            "both its halves, '\\ud83d\\ude00').\n")
    assert not (pack.parent / "out").exists()


def test_half_a_character_made_by_a_template_is_refused_at_its_slot(pack: Path) -> None:
    script = BASE_SCRIPT.replace(BASE_SCRIPT.splitlines()[9], """warm_language: '{{ "\\ud800" }} Thanks.'""")
    (pack / "scripts" / SCRIPT_NAME).write_text(script, encoding="utf-8")
    assert errors_of("render", str(pack)) == (
        f"{pack}/scripts/{SCRIPT_NAME}:10:16: error: warm_language makes '\\ud800', half of a character (a surrogate), "
        "which no file or helpdesk can hold. Write the character itself, or its full code: '\\U0001F600'.\n")


def test_a_filter_given_a_length_it_cannot_take_is_named_at_its_slot(pack: Path) -> None:
    # (Jinja's truncate asserts its length: 'unexpected AssertionError')
    script = BASE_SCRIPT.replace(BASE_SCRIPT.splitlines()[9], """warm_language: "{{ 'Thanks.' | truncate(-1) }}\"""")
    (pack / "scripts" / SCRIPT_NAME).write_text(script, encoding="utf-8")
    assert errors_of("render", str(pack)) == (
        f"{pack}/scripts/{SCRIPT_NAME}:10:16: error: a filter in warm_language was given a value it cannot take: "
        "expected length >= 3, got -1. Check the numbers given to the filters (a length, a count).\n")


def test_a_template_error_is_one_line_of_the_report(pack: Path) -> None:
    # (Jinja's message of a syntax error ends '\n  line 1', a line of the report with no file:line:col; a \r is
    # read as a line break, so the sandbox's refusal is what this template gets)
    (pack / "scripts" / SCRIPT_NAME).write_text(
        'id: a\ntitle: t\nacknowledgment: "\\r{{ \'ab\' * 10**8 }}"\nsolution: "I sent it today."\n', encoding="utf-8")
    assert errors_of("check", str(pack), "-j", "1") == (
        f"{pack}/scripts/{SCRIPT_NAME}:3:17: error: refused by the template sandbox: repetition too large. A slot "
        "renders to at most 50,000 characters: shorten what the template makes.\n")


def test_a_line_break_character_in_a_name_quoted_by_an_error_stays_on_its_line(pack: Path) -> None:
    # (U+0085, NEL, quoted in the message split it, and the second half had no file:line:col)
    (pack / "pack.yaml").write_text('name: P\nconstants:\n  "\\x85a": 1\n', encoding="utf-8")
    assert errors_of("check", str(pack), "-j", "1").startswith(
        f"{pack}/pack.yaml:3:3: error: constant name '<U+0085>a' is not allowed. Use letters, digits and '_' "
        f"(e.g. a), and not a placeholder namespace.\n{pack}/scripts/")


@pytest.mark.parametrize("args", [["check"], ["render"], ["export", "--to", "zendesk", "-o", "never-written"]])
def test_a_device_passed_as_the_pack_is_named_at_its_path(args: list[str]) -> None:
    # (was 'error: Not a directory (/dev/zero)', with no file:line:col)
    assert errors_of(args[0], "/dev/zero", *args[1:]) == (
        "/dev/zero:1:1: error: /dev/zero is a device, a pipe or a socket, not a pack. Pass a folder holding "
        "pack.yaml, or one script file of it.\n")
    assert not Path("never-written").exists()


def test_a_device_passed_to_review_is_not_called_missing() -> None:
    assert errors_of("review", "/dev/zero") == ("/dev/zero:1:1: error: /dev/zero is a device, a pipe or a socket, not "
                                                "a file. Pass a text file, or - to read stdin.\n")


def test_an_export_folder_that_cannot_be_made_is_located(pack: Path) -> None:
    blocker = pack.parent / "blocker"
    blocker.write_text("a file where the folder would go\n", encoding="utf-8")
    stderr = errors_of("export", str(pack), "--to", "zendesk", "-o", str(blocker / "out"))
    assert stderr.startswith(f"{blocker}/out: error: cannot write the export to {blocker}/out: "), stderr
    assert blocker.read_text(encoding="utf-8") == "a file where the folder would go\n"


def test_a_template_that_fails_as_it_renders_is_in_the_sarif_report(pack: Path) -> None:
    # (the error came from linting, outside the block that writes load errors as SK000: stdout was empty)
    script = BASE_SCRIPT.replace(BASE_SCRIPT.splitlines()[7], """  - "{{ '%s' % () }}\"""")
    (pack / "scripts" / SCRIPT_NAME).write_text(script, encoding="utf-8")
    result = invoke("check", str(pack), "-j", "1", "--format", "sarif")
    assert_contract(result, "check --format sarif")
    assert result.exit_code == 2
    (found,) = json.loads(result.stdout)["runs"][0]["results"]
    assert found["ruleId"] == "SK000"
    assert found["message"]["text"].startswith("template failed in acknowledgment: not enough arguments")
    assert found["locations"][0]["physicalLocation"]["region"] == {"startLine": 8, "startColumn": 14}  # (at the % sign)


def test_a_line_break_quoted_in_an_error_keeps_the_error_on_one_line(pack: Path) -> None:
    # (a key written "\n" printed the message over two lines, the second with no file:line:col)
    (pack / "scripts" / SCRIPT_NAME).write_text(BASE_SCRIPT + '"\\n": 1\n', encoding="utf-8")
    stderr = errors_of("check", str(pack), "-j", "1")
    assert stderr.startswith(f"{pack}/scripts/{SCRIPT_NAME}:25:1: error: unknown key '\\n'. Known keys here: "), stderr
    assert stderr.count("\n") == 1
