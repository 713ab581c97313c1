"""' #' in unquoted text starts a YAML comment: 'box #2 of your order' was 'box' in every preview and
export, without a word. A comment that reads as more of the text is refused at its '#'; a comment
written as one (two spaces, then '# ') stays one."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit import load_pack
from scriptkit.errors import ScriptkitError
from tests.conftest import run_cli

PACK = "name: Forked\n"
BOX = """id: late-box
title: Late box
channels: [email, sms]
acknowledgment: I can see how frustrating it is that box #2 of your order hasn't arrived.
warm_language: Thanks for your patience, we're on it #teamforked
solution: I've sent a new box today, and it arrives within 2 days.
by_channel:
  sms:
    solution: Credit added today! Use code #FORKED10 on your next box.
"""
# the same script with its texts quoted: what the hints say to write
QUOTED = BOX.replace("acknowledgment: I can see how frustrating it is that box #2 of your order hasn't arrived.",
                     "acknowledgment: \"I can see how frustrating it is that box #2 of your order hasn't arrived.\"") \
    .replace("warm_language: Thanks for your patience, we're on it #teamforked",
             "warm_language: \"Thanks for your patience, we're on it #teamforked\"") \
    .replace("solution: Credit added today! Use code #FORKED10 on your next box.",
             'solution: "Credit added today! Use code #FORKED10 on your next box."')
KEEP = " (A comment after text needs two spaces before its '# '.)"


def _pack(root: Path, script: str, pack_yaml: str = PACK) -> Path:
    (root / "scripts").mkdir(parents=True, exist_ok=True)
    (root / "pack.yaml").write_text(pack_yaml, encoding="utf-8")
    (root / "scripts" / "box.yaml").write_text(script, encoding="utf-8")
    return root


def _errors(root: Path) -> list[str]:
    with pytest.raises(ScriptkitError) as caught:
        load_pack(root)
    return str(caught.value).splitlines()


def test_text_cut_by_a_hash_is_refused_at_the_hash(tmp_path: Path) -> None:
    root = _pack(tmp_path / "forked", BOX)
    file = root / "scripts" / "box.yaml"
    assert _errors(root) == [
        f"{file}:4:58: YAML reads ' #' as the start of a comment, so 'acknowledgment' ends before "
        "'#2 of your order hasn't…'. Quote the text to keep it all: acknowledgment: \"I can see how frustrating "
        f"it is that box #2 of your order hasn't arrived.\".{KEEP}",
        f"{file}:5:54: YAML reads ' #' as the start of a comment, so 'warm_language' ends before '#teamforked'. "
        "Quote the text to keep it all: warm_language: \"Thanks for your patience, we're on it #teamforked\"."
        f"{KEEP}",
        f"{file}:9:44: YAML reads ' #' as the start of a comment, so 'solution' ends before "
        "'#FORKED10 on your next box.' Quote the text to keep it all: solution: \"Credit added today! "
        f"Use code #FORKED10 on your next box.\".{KEEP}",
    ]
    result = run_cli("check", str(root))
    assert result.exit_code == 2 and "box.yaml:4:58" in result.output and "Traceback" not in result.output
    # quoted as the hints say, every word is kept
    (root / "scripts" / "box.yaml").write_text(QUOTED, encoding="utf-8")
    script = load_pack(root).scripts[0]
    assert script.acknowledgment == "I can see how frustrating it is that box #2 of your order hasn't arrived."
    assert script.by_channel["sms"].solution == "Credit added today! Use code #FORKED10 on your next box."


def test_a_variant_and_agent_text_cut_by_a_hash(tmp_path: Path) -> None:
    script = QUOTED.replace(
        "acknowledgment: \"I can see how frustrating it is that box #2 of your order hasn't arrived.\"",
        "acknowledgment:\n  - I can see order #4411 arrived without its salmon.\n"
        "  - I can see how frustrating a missing ingredient is.").replace(
        "by_channel:", "flexibility:\n  guidance: Check the order # of the box first\n  alternatives:\n"
        "    - label: Refund box #2\n      text: I've refunded the box today.\nby_channel:")
    root = _pack(tmp_path / "forked", script)
    file = root / "scripts" / "box.yaml"
    errors = _errors(root)
    assert [e.split(". ")[0] for e in errors] == [
        f"{file}:5:21: YAML reads ' #' as the start of a comment, so variant 1 of 'acknowledgment' ends before "
        "'#4411 arrived without its…'",
        f"{file}:10:29: YAML reads ' #' as the start of a comment, so 'guidance' ends before '# of the box first'",
        f"{file}:12:25: YAML reads ' #' as the start of a comment, so 'label' ends before '#2'",
    ]
    assert '- "I can see order #4411 arrived without its salmon."' in errors[0]
    assert 'label: "Refund box #2"' in errors[2]


def test_settings_text_in_pack_yaml_cut_by_a_hash(tmp_path: Path) -> None:
    pack_yaml = ("name: Forked\nconstants:\n  promo: Use code #FORKED10\n  refund_days: 5  # a week on holidays\n"
                 "channels:\n  sms:\n    signoff: Team #1 at Forked\n")
    root = _pack(tmp_path / "forked", QUOTED, pack_yaml)
    file = root / "pack.yaml"
    assert [e.split(". ")[0] for e in _errors(root)] == [
        f"{file}:3:19: YAML reads ' #' as the start of a comment, so 'promo' ends before '#FORKED10'",
        f"{file}:7:19: YAML reads ' #' as the start of a comment, so 'signoff' ends before '#1 at Forked'",
    ]


@pytest.mark.parametrize("line", [
    "solution: I've sent a new box today.  # TODO reword with Sam",  # two spaces, '# ': a comment
    "solution: I've sent a new box today. # TODO reword with Sam",  # a comment that is no more of the sentence
    "solution: I've sent a new box today. #",  # (nothing after the '#')
    "solution: I've sent a new box today. ## old wording below",
    "solution: I've sent a new box today.\n  # TODO: say when it arrives",  # a comment line under the text
    "solution: I've sent a new box today.\n#FIXME at the left edge, no part of the text",
    "solution: 'I''ve sent box #2 today.'",  # quoted: the '#' is text
    "solution: I've sent box#2 today.",  # no space before it: text, kept
    "solution: >\n  I've sent box #2 today.",  # a block: text, kept
])
def test_a_comment_written_as_one_stays_one(tmp_path: Path, line: str) -> None:
    script = QUOTED.replace("solution: I've sent a new box today, and it arrives within 2 days.", line)
    root = _pack(tmp_path / "forked", script)
    loaded = load_pack(root).scripts[0]
    assert isinstance(loaded.solution, str) and "TODO" not in loaded.solution and "old" not in loaded.solution
    assert loaded.solution.startswith("I've sent")


def test_settings_are_not_judged_as_text(tmp_path: Path) -> None:
    # a setting's value is no text anyone reads: a note after it, however written, is a comment
    script = QUOTED.replace("title: Late box", "title: Late box\nemotion: frustrated #vip\ntags:\n  - delivery #2")
    root = _pack(tmp_path / "forked", script, "name: Forked\nlocale: en-GB #uk\n")
    script_loaded = load_pack(root).scripts[0]
    assert script_loaded.tags == ["delivery"]


def test_a_sentence_that_goes_on_after_one_space(tmp_path: Path) -> None:
    # '# 2 of 3': after a single space, a small letter or a digit goes on with the sentence
    script = QUOTED.replace("solution: I've sent a new box today, and it arrives within 2 days.",
                            "solution: I've sent box # 2 of 3 today, and it arrives within 2 days.")
    root = _pack(tmp_path / "forked", script)
    [error] = _errors(root)
    assert error.endswith("so 'solution' ends before '# 2 of 3 today, and it arrives…'. Quote the text to keep it all: "
                          "solution: \"I've sent box # 2 of 3 today, and it arrives within 2 days.\"." + KEEP)
    assert ":6:25:" in error


def test_the_hint_keeps_a_comment_written_as_one(tmp_path: Path) -> None:
    script = QUOTED.replace("solution: I've sent a new box today, and it arrives within 2 days.",
                            "solution: I've sent box #2 today.  # TODO reword")
    [error] = _errors(_pack(tmp_path / "forked", script))
    assert error.endswith("Quote the text to keep it all: solution: \"I've sent box #2 today.\"  # TODO reword." + KEEP)


def test_text_over_several_lines(tmp_path: Path) -> None:
    # the '#' on the text's last line: it loads, without the words after it
    script = QUOTED.replace("solution: I've sent a new box today, and it arrives within 2 days.",
                            "solution: I've sent a new box today,\n  and it arrives within #2 days.")
    root = _pack(tmp_path / "forked", script)
    [error] = _errors(root)
    assert error.split(": ", 1)[1] == (
        "YAML reads ' #' as the start of a comment, so 'solution' ends before '#2 days.' Put the whole text, "
        f"lines 6 to 7, in double quotes to keep it all.{KEEP}")
    assert ":7:25:" in error
    # on a line of its own under the text, a '#' with words glued to it: more of the text
    script = QUOTED.replace("solution: I've sent a new box today, and it arrives within 2 days.",
                            "solution: I've sent a new box today. Use code\n  #FORKED10 on your next box.")
    [error] = _errors(_pack(tmp_path / "forked2", script))
    assert error.split(": ", 1)[1] == (
        "YAML reads this line as a comment (it starts with '#'), so 'solution' ends on the line above. "
        "Put the whole text, lines 6 to 7, in double quotes to keep it all. (A comment needs a space after "
        "its '#'.)")
    assert ":7:3:" in error
    # on a line with more of the text under it: YAML fails on that line, and the '#' is said
    script = QUOTED.replace("solution: I've sent a new box today, and it arrives within 2 days.",
                            "solution: I've sent box #2 of your order today,\n  and it arrives within 2 days.")
    [error] = _errors(_pack(tmp_path / "forked3", script))
    assert error.split(": ", 1)[1] == (
        "YAML syntax error: YAML reads ' #' as the start of a comment, so the text stops before '#2 of your order "
        "today,' and the line under it is left over. Put the whole text in double quotes to keep the '#' in it "
        "(a comment here needs a line of its own).")
    assert ":6:25:" in error


def test_a_hash_in_a_list_in_brackets(tmp_path: Path) -> None:
    script = QUOTED.replace("title: Late box", "title: Late box\ntags: [delivery, box #2]")
    [error] = _errors(_pack(tmp_path / "forked", script))
    assert error.split(": ", 1)[1] == (
        "YAML syntax error: YAML reads ' #' as the start of a comment, so the list stops before '#2]' and is never "
        'closed. Quote the text: tags: [delivery, "box #2"].')
    assert ":3:22:" in error


def test_long_adversarial_lines_are_read_quickly(tmp_path: Path) -> None:
    # 50 KB of '#'s and spaces: read once each, the check's patterns start at one place
    noise = " #2" * 17_000
    script = QUOTED.replace("solution: I've sent a new box today, and it arrives within 2 days.",
                            f"solution: I've sent a new box today.{noise}")
    [error] = _errors(_pack(tmp_path / "forked", script))
    assert "so 'solution' ends before '#" in error
    script = QUOTED.replace("solution: I've sent a new box today, and it arrives within 2 days.",
                            "solution: I've sent a new box today." + "  # " * 12_000)
    assert load_pack(_pack(tmp_path / "forked2", script)).scripts[0].solution == "I've sent a new box today."


def test_a_text_with_an_anchor(tmp_path: Path) -> None:
    # the text after its anchor's name is the text; the alias reusing it is said nowhere else
    script = QUOTED.replace("title: Late box", "title: &name Late box #2").replace(
        "channels: [email, sms]", "channels: [email, sms]\nscenario: *name")
    [error] = _errors(_pack(tmp_path / "forked", script))
    assert ":2:23:" in error and 'Quote the text to keep it all: title: &name "Late box #2".' in error
