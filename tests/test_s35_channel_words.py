"""Session 35: the words for a channel that are not its name ('text' for sms, 'twitter' for social) are one table
beside CHANNELS, read the same way by a pack's check (its did-you-mean) and by an import (the record's channel)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scriptkit import PackError, load_pack
from scriptkit.errors import ErrorGroup
from scriptkit.importers import import_library
from scriptkit.message import CHANNEL_WORDS, CHANNELS, channel_named

_REPLY = ("title: Refund\nacknowledgment: \"I can see the refund is late.\"\n"
          "solution: \"I have sent it again today.\"\n")
_BODY = "I'm sorry the parcel is late. I have sent a new one today and it arrives on Friday."


def _suggested(tmp_path: Path, written: str) -> str | None:
    """The channel a pack's check suggests for ``written`` in a script's channels, if it suggests one."""
    (tmp_path / "pack" / "scripts").mkdir(parents=True)
    (tmp_path / "pack" / "pack.yaml").write_text("name: Replies\n", encoding="utf-8")
    (tmp_path / "pack" / "scripts" / "a.yaml").write_text(
        f"id: late\nchannels: [email, {json.dumps(written)}]\n{_REPLY}", encoding="utf-8")
    with pytest.raises((PackError, ErrorGroup)) as caught:
        load_pack(tmp_path / "pack")
    found = caught.value
    [error] = list(found.errors) if isinstance(found, ErrorGroup) else [found]
    assert f"'{written}' is not a channel" in error.message
    hint = error.hint or ""
    return hint.split("'")[1] if hint.startswith("Did you mean '") else None


def _imported(tmp_path: Path, words: list[str]) -> list[str]:
    """The channel an import reads from each record's channel column."""
    tmp_path.mkdir()
    path = tmp_path / "replies.jsonl"
    path.write_text("".join(json.dumps({"title": f"Late {i}", "body": _BODY, "channel": word}) + "\n"
                            for i, word in enumerate(words)), encoding="utf-8")
    return [macro.raw.channel for macro in import_library(path).macros]


@pytest.mark.timeout(300)
def test_an_import_and_a_pack_read_each_word_for_a_channel_alike(tmp_path: Path) -> None:
    words = sorted(CHANNEL_WORDS)
    assert _imported(tmp_path / "import", words) == [CHANNEL_WORDS[w] for w in words]
    for i, word in enumerate(words):
        assert _suggested(tmp_path / str(i), word) == CHANNEL_WORDS[word], word


def test_the_words_name_channels_and_are_none_of_their_names() -> None:
    assert set(CHANNEL_WORDS.values()) <= set(CHANNELS) and not set(CHANNEL_WORDS) & set(CHANNELS)
    # (youtube and threads an import read as social, a pack was told nothing; dm the reverse)
    assert {CHANNEL_WORDS[w] for w in ("youtube", "threads", "dm", "twitter")} == {"social"}
    # ('messaging' is Salesforce's SMS channel and many a team's chat; 'mobile' an app, a call or a text: neither
    # is read as one channel)
    assert "messaging" not in CHANNEL_WORDS and "mobile" not in CHANNEL_WORDS


@pytest.mark.parametrize(("said", "channel"), [("WhatsApp", "chat"), ("Social_Media", "social"), ("  E-mail ", "email"),
                                               ("SMS", "sms"), ("fax", None)])
def test_a_word_is_read_whatever_its_case_and_spacing(said: str, channel: str | None) -> None:
    assert channel_named(said) == channel
