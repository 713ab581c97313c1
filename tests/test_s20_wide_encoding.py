"""Text saved as UTF-16 or UTF-32 without its byte order mark is told in any script, not only Latin letters."""

import pytest

from scriptkit.text import wide_encoding

TEXTS = ["name,body\nLate parcel,Sorry it is late\n", "имя,текст\nПосылка,Извините за задержку, я отправил её\n",
         "Ελληνικά, ένα κείμενο με κενά\n", "名前,本文\n遅延,申し訳ありません、今日発送しました\n",
         "😀 a reply with emoji 😀 and more words\n"]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("encoding", ["utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be"])
def test_without_a_mark(text: str, encoding: str) -> None:
    assert wide_encoding(text.encode(encoding)) == encoding


@pytest.mark.parametrize("raw", [b"Agent: I've sent it\x00\x01 today", bytes(range(256)) * 3,
                                 b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "UTF-8, café".encode()])
def test_other_bytes_are_not_wide_text(raw: bytes) -> None:
    assert wide_encoding(raw) is None
