"""`scriptkit render` prints a script as the customer reads it: the pack's escapes without their
backslash, a link as its text and address, and no direction control that would reorder the terminal."""

from __future__ import annotations

from typing import Any

from click.testing import CliRunner

from scriptkit.cli import main


def test_render_shows_escapes_and_links_as_read(make_pack: Any) -> None:
    script = ("id: r\ntitle: R\nacknowledgment: I can see how frustrating this is.\n"
              "solution: \"Please \\\\[file an issue](https://example.com/i) or read [our guide](https://example.com/g)."
              "\\n2024\\\\. What a year.\"\n")
    root = make_pack({"r.yaml": script})
    result = CliRunner().invoke(main, ["render", str(root), "--channel", "email"], env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    assert "Please [file an issue](https://example.com/i) or read our guide (https://example.com/g)." in result.output
    assert "\n2024. What a year." in result.output and "\\" not in result.output


def test_check_and_render_show_direction_controls_as_a_picture(make_pack: Any) -> None:
    script = ("id: r\ntitle: R\nacknowledgment: I can see how frustrating this is.\n"
              "solution: I've refunded you \u202etoday\u202c, and it reaches you by Friday.\n")
    root = make_pack({"r.yaml": script})
    # (check's source lines name each control by its code point, as the audit report does; render marks it)
    named = "you \u27e8U+202E\u27e9today\u27e8U+202C\u27e9, and"
    for args, shown in ((["check", str(root), "--grammar", "off"], named),
                        (["render", str(root)], "you \ufffdtoday\ufffd, and")):
        result = CliRunner().invoke(main, args, env={"NO_COLOR": "1"})
        assert "\u202e" not in result.output and "\u202c" not in result.output, args
        assert shown in result.output, args


def test_a_slot_that_starts_with_an_escaped_line_reads_without_its_backslash_on_chat(make_pack: Any,
                                                                                       tmp_path: Any) -> None:
    # (chat joins the slots into one paragraph: the slot's first line is mid-line there, and was sent as '2024\.')
    script = ("id: r\ntitle: R\nchannels: [chat]\nacknowledgment: I can see how frustrating this is.\n"
              "warm_language: \"2024\\\\. What a year it has been for orders.\"\n"
              "solution: I've sent a new one today, and it reaches you by Friday.\n")
    root = make_pack({"r.yaml": script})
    rendered = CliRunner().invoke(main, ["render", str(root)], env={"NO_COLOR": "1"})
    assert "this is. 2024. What a year" in rendered.output, rendered.output
    done = CliRunner().invoke(main, ["export", str(root), "--to", "intercom", "--out", str(tmp_path / "x"),
                                     "--grammar", "off"])
    assert done.exit_code == 0, done.output
    text = next((tmp_path / "x" / "intercom" / "macros").glob("*.txt")).read_text(encoding="utf-8")
    assert "2024. What a year" in text and "\\" not in text


def test_a_backslash_mid_sentence_is_the_writers_own(make_pack: Any, tmp_path: Any) -> None:
    script = ("id: r\ntitle: R\nacknowledgment: I can see how frustrating this is.\n"
              "solution: 'I''ve sent it today: type \\- draft to hide drafts, by Friday.'\n")
    root = make_pack({"r.yaml": script})
    rendered = CliRunner().invoke(main, ["render", str(root), "--channel", "email"], env={"NO_COLOR": "1"})
    assert "type \\- draft" in rendered.output, rendered.output
