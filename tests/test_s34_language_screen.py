"""review's reading of sentences in another language beside English asks ``may_be_another_language`` first: it must
never say no where ``language_of`` would tell another language (a Spanish sentence would then be judged as English)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from scriptkit.language import _COMMON_WORDS, _TELLING_WORDS, language_of, may_be_another_language
from scriptkit.linting import NOT_JUDGED, lint_text

WORDS = sorted({w for words in (*_COMMON_WORDS.values(), *_TELLING_WORDS.values()) for w in words.split()}
               | {"refund", "parcel", "Sam", "order", "today", "Friday", "sorry", "card", "e-mail", "ok"})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=25), st.sampled_from([".", "!", "?", ""]))
def test_the_screen_never_hides_another_language(words: list[str], end: str) -> None:
    text = " ".join(words).capitalize() + end
    if not may_be_another_language(text):
        assert language_of(text) in (None, "en"), text


def test_english_replies_pass_the_screen_and_other_languages_do_not() -> None:
    assert not may_be_another_language("I'm so sorry your parcel is late. I've sent a new one today.")
    assert may_be_another_language("Siento mucho la espera. I've sent a new one today.")
    assert may_be_another_language("Danke schön! Your refund is on its way.")  # (a letter of another alphabet)


def test_review_still_leaves_a_spanish_sentence_unjudged() -> None:
    result = lint_text("Lamento mucho lo de tu pedido, te enviamos otro hoy. I'm so sorry your order is late, I know "
                       "how annoying that is. I've sent a new one that arrives on Monday.", grammar="off")
    assert [n.text for n in result.sentences if n.slot == NOT_JUDGED] == [
        "Lamento mucho lo de tu pedido, te enviamos otro hoy."], result.sentences
