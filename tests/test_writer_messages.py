"""Messages a content writer reads: in a writer's words, located, and saying what to do next."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.config import LintConfig
from scriptkit.errors import ConfigError, ScriptkitError, two_sentences
from scriptkit.loading import load_pack
from scriptkit.rules import all_rules

GOOD = textwrap.dedent("""\
    id: parcel-late
    title: Parcel late
    channels: [email]
    acknowledgment: "I can see how frustrating it is that your parcel is late."
    solution: "I've asked the carrier to rush it, and I'll email you by Friday."
    """)


def run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args), env={"NO_COLOR": "1", "COLUMNS": "200"})


@pytest.mark.parametrize(("first", "joined"), [
    ("'chatt' is not a channel", "'chatt' is not a channel. Did you mean 'chat'?"),
    ("nothing was written.", "nothing was written. Did you mean 'chat'?"),
    ("is it 'chat'?", "is it 'chat'? Did you mean 'chat'?"),
    ("it says 'stop.'", "it says 'stop.' Did you mean 'chat'?"),
    ("(as said.)", "(as said.) Did you mean 'chat'?"),
    ("the keys are:", "the keys are: Did you mean 'chat'?"),
    ("it is 'chatt'", "it is 'chatt'. Did you mean 'chat'?"),
])
def test_a_message_and_its_hint_are_two_sentences(first: str, joined: str) -> None:
    assert two_sentences(first, "Did you mean 'chat'?") == joined
    assert two_sentences(first, None) == first
    assert str(ScriptkitError(first, hint="Did you mean 'chat'?")) == joined


def test_check_prints_a_typo_and_its_hint_as_two_sentences(make_pack: Any) -> None:
    root = make_pack({"a.yaml": GOOD.replace("[email]", "[email, chatt]")})
    result = run("check", str(root))
    assert result.exit_code == 2
    assert "a.yaml:3:19: error: 'chatt' is not a channel. Did you mean 'chat'?" in result.output


@pytest.mark.parametrize(("tail", "col", "problem", "hint"), [
    ('"I see.\n', 17, "this quoted value has no closing quote: it runs on to the end of the file",
     "Add the closing \" where the text ends."),
    ("'I see.\n", 17, "this quoted value has no closing quote: it runs on to the end of the file",
     "Add the closing ' where the text ends."),
    ("[I see.\n", 17, "this '[' list has no closing ']' before the end of the file",
     "Add the ']' where the list ends, or quote the text if the '[' is part of it."),
    ("{a: I see.\n", 17, "this '{' mapping has no closing '}' before the end of the file",
     "Add the '}' where it ends, or quote the text if the '{' is part of it."),
])
def test_an_unclosed_quote_or_bracket_at_the_end_of_a_file_is_said_in_a_writers_words(
        make_pack: Any, tail: str, col: int, problem: str, hint: str) -> None:
    root = make_pack({"a.yaml": f"id: x\ntitle: x\nacknowledgment: {tail}"})
    with pytest.raises(ScriptkitError) as caught:
        load_pack(root)
    assert (caught.value.location.line, caught.value.location.col) == (3, col)  # type: ignore[union-attr]
    assert caught.value.message == f"YAML syntax error: {problem}"
    assert caught.value.hint == hint
    assert "scalar" not in str(caught.value) and "stream" not in str(caught.value)


def test_an_unknown_rule_option_hint_is_a_sentence(make_pack: Any) -> None:
    root = make_pack({"a.yaml": GOOD}, pack_yaml="name: P\nrules:\n  options:\n"
                                                  "    long-sentence: {max_wrds: 3, colour: red}\n")
    from scriptkit.config import load_config

    config: LintConfig = load_config(load_pack(root))
    hints = {d.text: d.suggestion or "" for d in config.problems(all_rules()) if "has no option" in d.message}
    assert hints["max_wrds"] == "Did you mean 'max_words'?"
    assert hints["colour"].startswith("Its options are ") and hints["colour"].endswith(".")


def test_review_of_a_pack_folder_says_to_use_check(make_pack: Any) -> None:
    root = make_pack({"a.yaml": GOOD})
    result = run("review", str(root))
    assert result.exit_code == 2
    assert f"{root}: error: {root} is a pack folder, and review judges free text" in result.output
    assert f"To check a pack, run `scriptkit check {root}`." in result.output


def test_review_of_a_pack_file_says_to_use_check(make_pack: Any) -> None:
    root = make_pack({"a.yaml": GOOD})
    script = root / "scripts" / "a.yaml"
    result = run("review", str(script))
    assert result.exit_code == 2, result.output
    assert f"{script}:1:1: error: {script} is a YAML file, and review judges free text" in result.output
    assert f"To check a pack's scripts, run `scriptkit check {script}`." in result.output
    assert "SK301" not in result.output


def test_export_counts_what_a_writer_calls_them(make_pack: Any, tmp_path: Path) -> None:
    root = make_pack({"a.yaml": GOOD})
    result = run("export", str(root), "--to", "zendesk", "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "zendesk: 1 macro\n" in result.output
    assert "record" not in result.output


def test_a_config_error_keeps_its_hint_apart() -> None:
    assert str(ConfigError("no export target given", hint="Use --to TARGET.")) == \
        "no export target given. Use --to TARGET."



@pytest.mark.parametrize(("ack", "col", "message", "hint"), [
    ("I can see order {{ order.number }}} is late.", 52,
     "'}}}' has one brace too many: the extra one is sent to the customer",
     "Write two braces on each side: {{ name }}."),
    ("I can see order {{ }} is late.", 34,
     "template syntax error in acknowledgment: '{{ }}' is empty: it names no placeholder",
     "Write a placeholder's name between the braces, e.g. {{ order.number }}, or delete them."),
    ("I can see order {{- -}} is late.", 34,
     "template syntax error in acknowledgment: '{{- -}}' is empty: it names no placeholder",
     "Write a placeholder's name between the braces, e.g. {{ order.number }}, or delete them."),
])
def test_a_brace_slip_next_to_a_placeholder_is_a_located_load_error(
        make_pack: Any, ack: str, col: int, message: str, hint: str) -> None:
    root = make_pack({"a.yaml": GOOD.replace("I can see how frustrating it is that your parcel is late.", ack)})
    with pytest.raises(ScriptkitError) as caught:
        load_pack(root)
    assert (caught.value.location.line, caught.value.location.col) == (4, col)  # type: ignore[union-attr]
    assert (caught.value.message, caught.value.hint) == (message, hint)
    assert "print statement" not in str(caught.value)


@pytest.mark.parametrize("ack", [
    "I can see the code {a}}} you were sent is wrong, and that is frustrating.",  # braces not after a placeholder
    "I can see the set {1, {2}} you were sent is wrong, and that is frustrating.",
])
def test_braces_that_follow_no_placeholder_are_text(make_pack: Any, ack: str) -> None:
    load_pack(make_pack({"a.yaml": GOOD.replace("I can see how frustrating it is that your parcel is late.", ack)}))


def test_a_custom_rule_that_is_no_mapping_gets_a_one_line_hint(make_pack: Any) -> None:
    root = make_pack({"a.yaml": GOOD}, pack_yaml="name: P\nrules:\n  custom:\n    - no-jargon\n")
    result = run("check", str(root))
    assert result.exit_code == 2
    assert result.output.strip().endswith(
        "pack.yaml:4:7: error: a custom rule must be a mapping with 'name' and 'kind'. "
        "Write it as one, e.g. - {name: no-jargon, kind: existence, terms: [synergy]}")
