"""What a service passes lint_text that no reader could read: half a character (an emoji cut in two by
browser code) was judged and then every json, sarif and text report of it failed half written; marks no
reader sees (a zero-width space, a byte order mark) were judged as a reply lacking everything."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import scriptkit
from scriptkit import linting
from tests.conftest import run_cli


def test_half_a_character_is_refused_where_it_is() -> None:
    with pytest.raises(scriptkit.ConfigError) as caught:
        scriptkit.lint_text("Hi Sam,\nI'm sorry \ud83d the order is late. I've refunded it.")
    assert str(caught.value.location) == "<text>:2:11"
    assert "'\\ud83d', half of a character" in str(caught.value)


@pytest.mark.parametrize("text", ["\ufeff", "\u200b\u200b", "\u200b \u2060\n\ufeff", "\ufe0f" * 3, "\u3164\u115f",
                                  "\u2800 \u034f", "\ufe0e\n"])
def test_marks_no_reader_sees_are_nothing_to_review(text: str) -> None:
    with pytest.raises(scriptkit.ConfigError, match="nothing to review: the text has no character a reader sees"):
        scriptkit.lint_text(text)


def test_a_reply_of_an_emoji_alone_is_still_judged() -> None:
    result = scriptkit.lint_text("\U0001F600")
    out = io.StringIO()
    result.report(out, "json")
    assert '"diagnostics"' in out.getvalue()


def test_review_of_a_file_of_invisible_marks_is_bad_input(tmp_path: Path) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text("\u200b\u200b\n", encoding="utf-8")
    result = run_cli("review", str(reply))
    assert result.exit_code == 2 and f"{reply}:1:1" in result.output and "no character a reader sees" in result.output


def test_warm_sets_up_the_config_lint_text_uses_by_default() -> None:
    linting._default_config.cache_clear()
    linting.warm()
    assert linting._default_config()._memo  # (its rules set up: the first real reply does not pay for them)


def test_a_text_over_the_size_of_one_reply_is_refused_at_once() -> None:
    from scriptkit.sourcetext import MAX_FILE_BYTES

    with pytest.raises(scriptkit.ConfigError, match=f"over the {MAX_FILE_BYTES:,} one reply or conversation may be"):
        scriptkit.lint_text("I'm sorry. " * (MAX_FILE_BYTES // 10))
