"""A writer's slips in a script's YAML, made on real files the way an editor or a paste makes them:
each is one located message in a writer's words, exit code 2, no traceback, the file untouched."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

SWIM = textwrap.dedent("""\
    id: lesson-moved
    title: "Lessons::Moved to another day"
    channels: [email, chat]
    acknowledgment: I can see how frustrating it is that your lesson moved, when your week was planned around it.
    warm_language: Thanks for bearing with us.
    flexibility:
      guidance: Offer the Saturday class first, it has the most room.
    solution: I've booked the Saturday lesson for you, and you'll get the confirmation today.
    """)


def check(root: Path) -> Any:
    result = CliRunner().invoke(main, ["check", str(root)], env={"NO_COLOR": "1", "COLUMNS": "200"})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception  # (no crash)
    assert "Traceback" not in result.output
    return result


def written(make_pack: Any, raw: bytes) -> tuple[Path, Path]:
    root = make_pack({})
    script = root / "scripts" / "lesson-moved.yaml"
    script.write_bytes(raw)
    return root, script


def assert_refused(make_pack: Any, raw: bytes, expected: str) -> None:
    root, script = written(make_pack, raw)
    result = check(root)
    assert result.exit_code == 2, result.output
    assert f"{script}:{expected}" in result.output, result.output
    assert result.output.count(": error: ") == 1, result.output
    assert script.read_bytes() == raw  # nothing rewritten


def test_a_no_break_space_after_the_first_key_is_said_there(make_pack: Any) -> None:
    # YAML read 'id:\u00a0lesson-moved' as text and failed on the next line ("a ': ' in a value")
    assert_refused(make_pack, SWIM.replace("id: ", "id:\u00a0", 1).encode(),
                   "1:4: error: YAML syntax error: a no-break space follows the ':'. "
                   "Type an ordinary space after the ':'.")


def test_a_no_break_space_after_a_later_key_is_said_there(make_pack: Any) -> None:
    assert_refused(make_pack, SWIM.replace("solution: ", "solution:\u00a0").encode(),
                   "8:10: error: YAML syntax error: a no-break space follows the ':'.")


def test_a_line_indented_with_a_no_break_space_is_said_so(make_pack: Any) -> None:
    # it was "unknown key '<U+00A0> guidance'" with the list of the script's keys
    assert_refused(make_pack, SWIM.replace("  guidance:", "\u00a0 guidance:").encode(),
                   "7:1: error: YAML syntax error: a no-break space indents this line. Delete the spaces at the "
                   "start of the line and type ordinary ones")


def test_a_thin_space_indenting_a_line_that_breaks_the_yaml_is_named(make_pack: Any) -> None:
    text = SWIM.replace("  guidance: Offer", "  guidance:\n\u2009 Offer")
    assert_refused(make_pack, text.encode(), "8:1: error: YAML syntax error: an odd space, U+2009 (THIN SPACE), "
                                             "indents this line.")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_named(make_pack: Any, encoding: str) -> None:
    # it was "YAML error: unacceptable character #x0000: special characters are not allowed"
    assert_refused(make_pack, SWIM.encode(encoding),
                   "1:1: error: file is UTF-16, not UTF-8. Save the file as UTF-8 in your editor.")


@pytest.mark.parametrize(("char", "name"), [("\x07", "U+0007"), ("\x9f", "U+009F"), ("\x0c", "U+000C")])
def test_a_pasted_control_character_is_located(make_pack: Any, char: str, name: str) -> None:
    text = SWIM.replace("the confirmation", f"the confir{char}mation")
    column = text.split("\n")[7].index(char) + 1
    assert_refused(make_pack, text.encode(),
                   f"8:{column}: error: an invisible control character, {name}, is here. Delete it")


def test_flexibility_parts_at_the_left_edge_are_told_to_indent(make_pack: Any) -> None:
    text = SWIM.replace("  guidance:", "guidance:")
    assert_refused(make_pack, text.encode(), "7:1: error: unknown key 'guidance'. 'guidance' belongs under "
                                             "'flexibility:': indent it two spaces under that key")


def test_a_slot_indented_under_flexibility_is_told_to_move_left_once(make_pack: Any) -> None:
    # one problem: not also "missing required key 'solution'" for the slot that is there, misplaced
    text = SWIM.replace("solution:", "  solution:")
    assert_refused(make_pack, text.encode(), "8:3: error: unknown key 'solution'. 'solution' is a key of the "
                                             "script itself: move it to the left edge")


def test_a_no_break_space_inside_the_text_is_kept_and_passes(make_pack: Any) -> None:
    """Inside a sentence a no-break space is text (a pasted '10\u00a0am'), sent as written."""
    raw = SWIM.replace("today.", "by 10\u00a0am today.").encode()
    root, script = written(make_pack, raw)
    assert check(root).exit_code == 0
    assert script.read_bytes() == raw


def test_a_tab_inside_the_text_is_not_called_indentation(make_pack: Any) -> None:
    # it was "YAML does not allow tabs for indentation", for a tab between two words
    text = SWIM.replace("booked the Saturday", "booked the\tSaturday")
    column = text.split("\n")[7].index("\t") + 1
    assert_refused(make_pack, text.encode(), f"8:{column}: error: YAML syntax error: a tab inside the text, where "
                                             "YAML needs a space. Replace the tab with a space")


def test_a_tab_indenting_a_line_is_still_said_so(make_pack: Any) -> None:
    assert_refused(make_pack, SWIM.replace("  guidance:", "\tguidance:").encode(),
                   "7:1: error: YAML syntax error: a tab, where YAML needs spaces. YAML does not allow tabs for "
                   "indentation; use spaces.")


def test_an_id_written_as_a_title_gets_the_id_to_write(make_pack: Any) -> None:
    assert_refused(make_pack, SWIM.replace("id: lesson-moved", "id: Lesson Moved (Saturday)").encode(),
                   "1:5: error: 'Lesson Moved (Saturday)' is not a valid id. Use lower-case letters, digits, '-', "
                   "'_' and '.', starting with a letter or digit, e.g. lesson-moved-saturday.")


def test_a_blank_named_with_a_dash_is_one_problem_with_the_name_to_write(make_pack: Any) -> None:
    # the use written as it should be ('blank.new_day') was also 'used but not declared (did you mean new-day?)'
    text = SWIM.replace("  guidance: Offer the Saturday class first, it has the most room.\n",
                        "  blanks:\n    - name: new-day\n      prompt: The day of the new lesson\n").replace(
                        "booked the Saturday lesson", "booked the lesson on {{ blank.new_day }}")
    assert_refused(make_pack, text.encode(), "8:13: error: 'new-day' is not a valid name. Use lower-case letters, "
                                             "digits and '_', starting with a letter, e.g. new_day.")


def test_a_long_pasted_line_is_not_quoted_whole_in_the_hint(make_pack: Any) -> None:
    # the hint quoted all 26,000 characters of a policy pasted on one line with 'Rule 1: ...' in it
    policy = " ".join(f"Rule {n}: towels stay in the changing room." for n in range(1, 601))
    root, script = written(make_pack, SWIM.replace("warm_language: Thanks for bearing with us.",
                                                   f"warm_language: {policy}").encode())
    result = check(root)
    assert result.exit_code == 2
    assert (f"{script}:5:22: error: YAML syntax error: a ': ' in a value that is not quoted. A value containing ': ' "
            'must be quoted, e.g. warm_language: "Rule 1: towels stay in the changing room. Rule 2: towels \u2026 '
            '600: towels stay in the changing room.".') in result.output
    assert len(result.output) < 500


def test_blanks_written_as_a_list_of_names_are_told_how_once(make_pack: Any) -> None:
    # it was "'0' must be a mapping of keys and values" (the list's index), then "blank 'day' is used but not
    # declared" for the blank just written
    text = SWIM.replace("  guidance: Offer the Saturday class first, it has the most room.\n", "  blanks: [day]\n"
                        ).replace("booked the Saturday lesson", "booked the lesson on {{ blank.day }}")
    assert_refused(make_pack, text.encode(), "7:12: error: item 1 of 'blanks' must be a mapping of keys and values. "
                                             "Write each blank with its name and a prompt for the agent: - name: day "
                                             "(then, under it, prompt: What to fill in).")


def test_a_condition_written_with_if_is_told_when(make_pack: Any) -> None:
    # two problems were reported: "missing required key 'when'" and "unknown key 'if'. Known keys here: text, when."
    text = SWIM.replace("  guidance: Offer the Saturday class first, it has the most room.\n",
                        "  conditions:\n    - if: they ask about Sundays\n      text: We're closed on Sundays.\n")
    assert_refused(make_pack, text.encode(), "8:7: error: unknown key 'if'. Did you mean 'when'?")


def test_a_channel_in_capitals_is_given_its_spelling(make_pack: Any) -> None:
    # 'Chat' got "Did you mean 'chat'?", 'SMS' nothing: difflib sees no likeness in 'SMS' for 'sms'
    assert_refused(make_pack, SWIM.replace("channels: [email, chat]", "channels: [email, SMS]").encode(),
                   "3:19: error: 'SMS' is not a channel. Did you mean 'sms'? The channels are email, chat, sms, "
                   "phone and social.")


@pytest.mark.parametrize("folder", ["Scripts", "script"])
def test_scripts_in_a_folder_named_almost_scripts_are_told_to_rename_it(tmp_path: Path, folder: str) -> None:
    # it was "no scripts found in pack/scripts. Add one YAML file per script under scripts/."
    root = tmp_path / "pack"
    (root / folder).mkdir(parents=True)
    (root / "pack.yaml").write_text("name: Tidepool\n", encoding="utf-8")
    (root / folder / "lesson-moved.yaml").write_text(SWIM, encoding="utf-8")
    result = check(root)
    assert result.exit_code == 2
    assert (f"{root}/pack.yaml:1:1: error: no scripts found in {root}/scripts. Rename {root}/{folder} to scripts: "
            "that is the folder scriptkit reads.") in result.output


@pytest.mark.parametrize(("written", "meant"), [("Leçon déplacée", "lecon-deplacee"), ("🔑 Login", "login")])
def test_an_id_with_accents_or_an_emoji_gets_an_id_that_is_valid(make_pack: Any, written: str, meant: str) -> None:
    assert_refused(make_pack, SWIM.replace("id: lesson-moved", f"id: {written}").encode(),
                   f"1:5: error: '{written}' is not a valid id. Use lower-case letters, digits, '-', '_' and '.', "
                   f"starting with a letter or digit, e.g. {meant}.")


@pytest.mark.parametrize("indent", ["   ", "    "])
def test_a_variant_indented_deeper_than_the_one_above_is_refused(make_pack: Any, indent: str) -> None:
    """YAML reads '   - ...' under '  - ...' as more of the first variant's text: the customer got both
    phrasings as one, ' - ' and all, and the check said all clear."""
    text = SWIM.replace(
        "acknowledgment: I can see how frustrating it is that your lesson moved, when your week was planned around it.",
        "acknowledgment:\n  - I can see how frustrating it is that your lesson moved.\n"
        f"{indent}- I know a moved lesson upsets the whole week's plans.")
    assert_refused(make_pack, text.encode(), f"6:{len(indent) + 1}: error: this '- ' is indented deeper than the "
                                             "'- ' above it, so YAML reads it as more of the text above: the "
                                             "customer would get both as one text. Start it in the same column as "
                                             "the '- ' on line 5")


def test_a_second_phrasing_under_a_one_line_slot_is_refused(make_pack: Any) -> None:
    text = SWIM.replace("warm_language: Thanks for bearing with us.",
                        "warm_language: Thanks for bearing with us.\n  - Thanks so much for your patience.")
    assert_refused(make_pack, text.encode(), "6:3: error: this '- ' goes on the text of 'warm_language' on line 5, "
                                             "so YAML reads it as more of that text: the customer would get both as "
                                             "one. For variants, put each on a '- ' line under 'warm_language:'")


def test_a_dash_inside_quotes_or_a_block_is_text_not_a_slip(make_pack: Any) -> None:
    quoted = SWIM.replace("acknowledgment: I can see", "acknowledgment: \"I can see").replace(
        "planned around it.", "planned around it\n  - and I'm sorry.\"")
    block = SWIM.replace("solution: I've booked", "solution: |\n  Here's what I've done:\n    - I've booked")
    for text in (quoted, block):
        root, _ = written(make_pack, text.encode())
        assert check(root).exit_code != 2


@pytest.mark.parametrize("declared", ["Date de livraison prévue", "Refund Amount "])
def test_a_blank_used_as_its_hint_spells_it_is_one_problem_not_two(make_pack: Any, declared: str) -> None:
    """The hint for a blank's name and the check of where it is used spell it one way: used as the hint
    says, it was still 'used but not declared (or did you mean ...?)'."""
    from scriptkit.text import slug

    used = slug(declared, "_")
    text = SWIM.replace("  guidance: Offer the Saturday class first, it has the most room.",
                        f"  guidance: Offer the Saturday class first.\n  blanks:\n    - name: \"{declared}\"\n"
                        "      prompt: What to fill in") + f"  By {{{{ blank.{used} }}}}.\n"
    text = text.replace("you'll get the confirmation today.\n", "you'll get the confirmation today.\n  ", 1)
    result = check(make_pack({"lesson-moved.yaml": text}))
    assert result.exit_code == 2, result.output
    assert f"e.g. {used}." in result.output and "not declared" not in result.output, result.output


def test_a_scripts_folder_that_cannot_be_read_is_not_a_traceback(make_pack: Any,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_pack({})
    (root / "scripts").rmdir()
    (root / "scriptz").mkdir()
    real = Path.iterdir

    def refused(self: Path):  # type: ignore[no-untyped-def]
        if self.name == "scriptz":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "iterdir", refused)
    result = check(root)
    assert result.exit_code == 2 and "no scripts found" in result.output, result.output


def test_a_no_break_space_in_a_text_block_is_not_blamed_for_an_error_further_down(make_pack: Any) -> None:
    """Inside 'solution: >' YAML takes a no-break space as text: the unclosed list below is the error."""
    text = SWIM.replace("solution: I've booked the Saturday lesson for you, and you'll get the confirmation today.",
                        "solution: >\n  I've booked the Saturday lesson.\n  Note:\u00a0keep it.\n\n\n"
                        "  You'll get the confirmation today.\ntags: [swim, moved\n")
    assert_refused(make_pack, text.encode(), "14:7: error: YAML syntax error: this '[' list has no closing ']'")


@pytest.mark.parametrize(("title", "expected"), [("Ünïcode Straße", "unicode-strasse"), ("Ærø Øst", "aero-ost"),
                                                 ("Leçon déplacée", "lecon-deplacee"), ("🔑", "macro")])
def test_an_id_made_from_a_title_keeps_letters_nfkd_has_no_plain_form_for(title: str, expected: str) -> None:
    """'ß', 'æ', 'ø' were dropped whole ('Straße' -> 'strae', 'Ærø Øst' -> 'r-st'), in the id hint and on import."""
    from scriptkit.importers.convert import slugify
    from scriptkit.text import slug

    assert slugify(title) == expected
    assert slug(title, "-") == ("" if expected == "macro" else expected)
