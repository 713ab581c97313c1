"""An Intercom paste page gives the reply's paragraphs the direction of the language the reply is written in, not
of each paragraph's first letter: an Arabic reply in an English pack whose paragraph starts with a Latin brand
name read left to right."""

from __future__ import annotations

import re
from pathlib import Path

from scriptkit import export

ARABIC = """\
id: parcel-late-ar
title: Parcel late (Arabic)
channels: [email]
acknowledgment: "أفهم أن تأخر الطلب أمر مزعج حقًا، وأنا آسف لذلك."
warm_language: "شكرًا جزيلًا لصبرك معنا طوال هذا الوقت."
solution: "ShopLine أرسلت طردك اليوم، وسيصل إليك خلال ثلاثة أيام عمل."
"""
ENGLISH = """\
id: parcel-late
title: Parcel late
channels: [email]
acknowledgment: "I understand the late parcel is really annoying, and I'm sorry."
warm_language: "Thank you so much for your patience with us."
solution: "ShopLine sent your parcel today, and it reaches you within three working days."
"""


def _paragraph_directions(page: str, words: str) -> list[str]:
    return [m.group(1) for m in re.finditer(r'<p dir="(\w+)">([^<]*)', page) if words in m.group(2)]


def test_an_arabic_reply_in_an_english_pack_reads_right_to_left(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    (pack / "scripts").mkdir(parents=True)
    (pack / "pack.yaml").write_text("name: Shop help\nlocale: en-US\n", encoding="utf-8")
    (pack / "scripts" / "ar.yaml").write_text(ARABIC, encoding="utf-8")
    (pack / "scripts" / "en.yaml").write_text(ENGLISH, encoding="utf-8")
    export(pack, ["intercom"], tmp_path / "out", lint=False, force=True)
    arabic = (tmp_path / "out/intercom/macros/parcel-late-ar.html").read_text(encoding="utf-8")
    assert _paragraph_directions(arabic, "ShopLine") == ["rtl"]
    english = (tmp_path / "out/intercom/macros/parcel-late.html").read_text(encoding="utf-8")
    assert _paragraph_directions(english, "ShopLine") == ["auto"]  # (as before: the pack's own language)
