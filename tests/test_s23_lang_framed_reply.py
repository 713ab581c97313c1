"""A short reply in another language between an English greeting and sign-off reads as that language
(scriptkit.language, SK006).

"Hi {{ customer.first_name }},\\n\\n<two Japanese sentences>\\n\\nBest,\\nSam" read as English (or as too
short to tell, which an English pack takes as English): the Latin letters of the greeting, the
sign-off and the placeholders outweighed the Japanese body, so the English rules judged Japanese
text ("missing acknowledgment", "no solution") and SK006 said nothing. A Spanish body short enough
was outweighed the same way by "Hi there," and "Thanks so much,". The body decides now; an English
reply with a Japanese product name or a short phrase in another script stays English.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.language import language_of

BODIES = {
    "ja": "ご注文の商品が遅れており、大変申し訳ございません。本日、新しい商品を発送いたしました。",
    "zh": "很抱歉您的订单延迟了。我们今天已经为您重新发货。",
    "ko": "주문이 지연되어 죄송합니다. 오늘 새 상품을 발송했습니다.",
    "ru": "Извините за задержку заказа. Мы отправили новый сегодня.",
    "uk": "Вибачте за затримку. Ми відправили нове замовлення сьогодні.",
    "el": "Λυπούμαστε για την καθυστέρηση. Στείλαμε νέο σήμερα.",
    "ar": "نعتذر عن التأخير في طلبك. لقد أرسلنا طلبًا جديدًا اليوم.",
    "he": "אנו מצטערים על העיכוב. שלחנו הזמנה חדשה היום.",
    "th": "ขออภัยในความล่าช้า เราได้จัดส่งสินค้าใหม่แล้ววันนี้",
    "es": "Lamentamos la demora. Le enviamos un nuevo pedido hoy.",
}
GREETINGS = ("Hi {{ customer.first_name }},", "Hey {{ customer.first_name | fallback('there') }}!", "Hi there,",
             "Hi {{ticket.customer.firstname}},", "Dear Ana,")
SIGNOFFS = ("Best,\nSam", "Take care,\n{{agent.first_name}}", "Thanks so much,\nSam",
            "Kind regards,\nSam Jones\nCustomer Happiness @ Acme\nhttps://help.acme.example/contact",
            "All the best,\n{{ agent.full_name }}\nAcme Support", "Warm regards,\nSam from the Acme team")


@pytest.mark.parametrize("code", list(BODIES))
@pytest.mark.parametrize("greeting", GREETINGS)
def test_the_body_between_an_english_greeting_and_sign_off_decides(code: str, greeting: str) -> None:
    for signoff in SIGNOFFS:
        text = f"{greeting}\n\n{BODIES[code]}\n\n{signoff}"
        assert language_of(text) == code, text


def test_japanese_with_more_chinese_characters_than_kana_is_japanese() -> None:
    # (its kana were fewer than the English line's Latin letters, its kanji were not: it read as Chinese)
    body = "ご注文の商品発送遅延について深くお詫び申し上げます。代替品は本日発送済みです。"
    assert language_of(f"Thank you for writing.\n{body}") == "ja"
    assert language_of(f"Thank you for writing.\n{BODIES['zh']}") == "zh"


WITH_NAMES = {
    "ja": "iPhone 15 Proの修理は、Apple Storeで承っております。サポートページからご予約ください。",
    "zh": "您的Premium Plan已取消，下个月不会再扣款。",
    "ko": "Galaxy S24 수리가 완료되었습니다. Samsung Store에서 수령하실 수 있습니다.",
    "ru": "Подписка Premium Plan отменена.",
}


@pytest.mark.parametrize("code", list(WITH_NAMES))
def test_product_names_in_latin_letters_are_the_body_s_words(code: str) -> None:
    # (the names' Latin letters outweighed the body with the frame's: it was too short to tell)
    text = f"Hi {{{{ customer.first_name }}}},\n\n{WITH_NAMES[code]}\n\nBest regards,\nSam\nAcme Support"
    assert language_of(text) == code


def test_half_a_body_in_english_is_not_another_language() -> None:
    # (the body alone has more Russian letters than English ones, but not twice as many: the whole reply decides)
    text = "Hi Ana,\n\nYour refund is done.\n\nМосква, ул. Ленина, д. 5, кв. 12\n\nBest,\nSam"
    assert language_of(text) in ("en", None)


ENGLISH = {
    "a Japanese product name": ("Hi Ana,\n\nI'm so sorry your 抹茶セット order is late. I've sent a new one today and "
                                "you'll get the tracking number by email.\n\nBest,\nSam"),
    "a short Japanese phrase": ("Hi Ana,\n\nThank you for your order! We wrote ありがとうございます on the card as you "
                                "asked. It ships today.\n\nBest,\nSam"),
    "a Japanese thank-you line": ("Hi Ana,\n\nYour order ships today and the tracking number is on its way to "
                                  "you by email.\n\nありがとうございます！\n\nBest,\nSam"),
    "a Russian name": ("Hi {{ customer.first_name }},\n\nI've sent the refund for your order from Магазин Ромашка "
                       "today, and it will show in your account within 5 days.\n\nThanks,\nSam"),
    "a short body": "Hi there,\n\nYour refund is done.\n\nThanks so much,\nSam",
    "a Spanish greeting and sign-off": ("Hola Ana,\n\nYour refund is done and it will be back on your card by "
                                        "Friday.\n\nSaludos,\nLuis"),
}


@pytest.mark.parametrize("text", list(ENGLISH.values()), ids=list(ENGLISH))
def test_an_english_reply_with_a_little_of_another_language_stays_english(text: str) -> None:
    assert language_of(text) == "en"


PACK = """\
name: Demo
locale: en-US
channels:
  email:
    greeting: "Hi {{ customer.first_name | fallback('there') }},"
    signoff: |
      Take care,
      {{ agent.first_name }}
"""
JAPANESE = """\
id: late-ja
title: Late order
scenario: The order is late.
emotion: frustrated
channels: [email]
acknowledgment: ご注文の商品が遅れており、大変申し訳ございません。
solution: 本日、新しい商品を発送いたしました。
"""


def test_check_says_the_framed_japanese_reply_was_not_judged_by_the_english_rules(tmp_path: Path) -> None:
    (tmp_path / "scripts").mkdir()
    (tmp_path / "pack.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / "scripts" / "late-ja.yaml").write_text(JAPANESE, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--format", "json"])
    assert "Traceback" not in result.output
    codes = {d["code"] for d in _diagnostics(result.output)}
    assert "SK006" in codes
    assert not codes & {"SK301", "SK401", "SK207", "SK105"}, codes  # (English rules on Japanese text)


def _diagnostics(output: str) -> list[dict[str, object]]:
    import json

    data = json.loads(output)
    found = data["diagnostics"] if isinstance(data, dict) else data
    assert isinstance(found, list)
    return found
