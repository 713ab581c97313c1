"""A terse macro with no English common word is told by its letters and words (see test_s35_lang_terse_macros).
Its accents were counted for every language that writes them, and a tie went to Spanish: "Facture envoyée par
courriel." read as Spanish. An English reply with a loan phrase ("Crème brûlée sold out.") read as French or
Spanish, and a German compound alone ("Rückerstattung veranlasst.") was not told at all."""

from __future__ import annotations

import pytest

from scriptkit.language import language_of

# (a) the letters that tell French, Spanish, Portuguese, Italian and German apart
TOLD_BY_LETTERS = {
    "Facture envoyée par courriel.": "fr",
    "Abonnement résilié.": "fr",
    "Livraison prévue jeudi.": "fr",
    "Bon cadeau activé.": "fr",
    "Suscripción cancelada.": "es",
    "Pedido con envío gratis.": "es",
    "Devolução aprovada.": "pt",
    "Pacco consegnato, però in ritardo.": "it",
    "Conto già chiuso.": "it",
}
# (b) English with a loan word or phrase: an English function word, or more English words than foreign ones
ENGLISH_WITH_LOAN_WORDS = [
    "Crème brûlée sold out.",
    "Our crème brûlée sold out.",
    "Iced café au lait restocked.",
    "Déjà vu? Same error again.",
    "Bon appétit! Order delivered.",
    "Über Eats voucher redeemed.",
    "Extra jalapeño by request.",
    "Mini piñata back soon.",
    "Sent your résumé over.",
    "Cancelled: fiancée changed plans.",
]
# (c) a German noun with its letters and a German ending is German on its own
GERMAN_COMPOUNDS = {
    "Rückerstattung veranlasst.": "de",
    "Kündigung bestätigt.": "de",
    "Änderung übernommen.": "de",
    "Bestellung storniert.": "de",
}


@pytest.mark.parametrize(("text", "code"), TOLD_BY_LETTERS.items())
def test_a_terse_macro_is_told_by_the_letters_its_language_writes(text: str, code: str) -> None:
    assert language_of(text) == code


@pytest.mark.parametrize("text", ENGLISH_WITH_LOAN_WORDS)
def test_terse_english_with_a_loan_word_stays_english(text: str) -> None:
    assert language_of(text) in (None, "en")


@pytest.mark.parametrize(("text", "code"), GERMAN_COMPOUNDS.items())
def test_a_german_compound_tells_a_terse_macro(text: str, code: str) -> None:
    assert language_of(text) == code


@pytest.mark.parametrize("text", ["Samsung repair booked.", "Jürgen approved.", "Müller order shipped.",
                                  "Hamstrung by delays."])
def test_a_name_with_german_letters_or_ending_is_no_german(text: str) -> None:
    assert language_of(text) in (None, "en")


@pytest.mark.parametrize(("text", "code"), [
    ("Remboursement de la commande en cours, que la carte soit créditée.", "fr"),
    ("La carte de la boutique envoyée en ligne.", "fr"),
    ("La caja de la tienda en línea.", "es"),
])
def test_common_words_two_languages_share_are_told_apart_by_the_other_words_letters(text: str, code: str) -> None:
    # ("de", "la", "en" and "que" are French and Spanish alike: a tie went to Spanish)
    assert language_of(text) == code
