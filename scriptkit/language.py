"""Which language a reply is written in, told cheaply and offline, so that English-only judgement
is never passed on a Spanish or Russian reply.

Latin-script languages are told apart by their commonest short words (articles, pronouns,
prepositions, "thank you"), which make up a third or more of any reply; other scripts by their
letters. No model, no download: the lists below are this project's, a few dozen words each.
A reply too short to tell (fewer than ``_MIN_HITS`` such words) is undecided: ``None``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from scriptkit.text import run_table

#: language code -> its name, for messages
NAMES = {
    "en": "English", "es": "Spanish", "pt": "Portuguese", "fr": "French", "de": "German", "it": "Italian",
    "nl": "Dutch", "ru": "Russian", "uk": "Ukrainian", "el": "Greek", "ar": "Arabic", "he": "Hebrew",
    "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "th": "Thai", "hi": "Hindi",
}

# The other languages' lists leave out words English replies use too ("a", "in", "no", "do", "am",
# "will", "hat"...), so an English reply never scores for another language on its own words.
_COMMON_WORDS = {
    "en": "the and you your to of is it for that this we i are be have with on can will our please thank thanks"
          " my me not if as at was or from so an any do let know here help us all would just what there they",
    "es": "el la los las de que y en un una por para con su sus es se lo le del al usted gracias nos hola"
          " estamos como pero muy más este esta tu te sí también ya cuando hemos puede favor saludos",
    "pt": "o os de que e em uma para com da dos das na não por seu sua você obrigado obrigada olá é são mais"
          " muito nos ao pelo pela já também estamos hoje sem atenciosamente pode favor se ou foi está isso até lhe",
    "fr": "le la les de des du et est vous nous un une pour que qui dans en ne pas votre vos merci bonjour avec"
          " sur au aux je ce cette sont être avons sommes plus mais cordialement",
    "de": "der die das und ist ich sie wir nicht mit zu den dem ein eine einen für auf von es ihr ihre ihnen"
          " bitte vielen dank haben wird werden bei auch uns sehr geehrte geehrter oder wenn noch freundlichen",
    "it": "il lo la gli le di che e è un una per con non del della sono siamo grazie ciao ti vi ci al alla"
          " nel nella suo sua tuo tua abbiamo questo questa anche più cordiali",
    "nl": "de het een en van ik je uw wij niet met op voor dat die zijn hebben heeft bedankt dank graag ons"
          " onze naar bij ook maar om",
}
_LANGS_OF: dict[str, tuple[str, ...]] = {}
for _code, _words in _COMMON_WORDS.items():
    for _word in _words.split():
        _LANGS_OF[_word] = (*_LANGS_OF.get(_word, ()), _code)

# Letters of other scripts, and the language each most likely means (Cyrillic with і, ї, є or ґ: Ukrainian).
_SCRIPTS = (
    ("ru", re.compile("[\u0400-\u04ff]")), ("el", re.compile("[\u0370-\u03ff]")),
    ("ar", re.compile("[\u0600-\u06ff]")), ("he", re.compile("[\u0590-\u05ff]")),
    ("ja", re.compile("[\u3040-\u30ff]")), ("ko", re.compile("[\uac00-\ud7af]")),
    ("zh", re.compile("[\u4e00-\u9fff]")), ("th", re.compile("[\u0e00-\u0e7f]")),
    ("hi", re.compile("[\u0900-\u097f]")),
)
_OTHER_SCRIPT = re.compile("[\u0370-\u06ff\u0900-\u097f\u0e00-\u0e7f\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
_LATIN = re.compile("[a-zA-Z\u00c0-\u024f]")
_UKRAINIAN = re.compile("[іїєґІЇЄҐ]")
# ASCII letters, digits and "_" stay, other ASCII characters part tokens; UTF-8's other bytes stay (see text.run_table)
_TOKEN_BYTES = run_table("abcdefghijklmnopqrstuvwxyz0123456789_")
_LETTERS = (("es", re.compile("[ñ¿¡]")), ("pt", re.compile("[ãõ]")), ("de", re.compile("[ßäöü]")))
# Four of these make a reply English at once; no reply in another language of the corpus had more than one.
_ENGLISH_MARKERS = (" you", " the ", " to ", " and ", " your ", " I ", " i ", " we ", " for ", " is ", " it ",
                    " this ", " that ")
_MIN_MARKERS = 4
_MIN_HITS = 3  # different common words it takes to tell a language
_READ = 600  # characters read: a language shows in its first few sentences
_HEAD = 300  # ...and most English replies in their first two


@lru_cache(maxsize=4096)  # (every channel and variant of a script asks)
def language_of(text: str) -> str | None:
    """The language ``text`` is written in (a code of ``NAMES``), or None when it is too short to tell."""
    text = text[:_READ]
    head = text[:_HEAD]
    found = 0
    for marker in _ENGLISH_MARKERS:  # (most English replies, told by a few scans in C of their start)
        if marker in head:
            found += 1
            if found == _MIN_MARKERS:
                return "en"
    lowered = text.lower()
    spaced = f" {lowered.replace(chr(10), ' ')} "
    found = 0
    for marker in _ENGLISH_MARKERS:  # (the same over the whole text read, in lower case)
        if marker in spaced:
            found += 1
            if found == _MIN_MARKERS:
                return "en"
    ascii_only = text.isascii()
    if not ascii_only and _OTHER_SCRIPT.search(text):
        latin = len(_LATIN.findall(text))
        for code, letters in _SCRIPTS:
            if len(letters.findall(text)) > latin:
                return "uk" if code == "ru" and _UKRAINIAN.search(text) else code
    hits: dict[str, int] = {}
    # (whole tokens: no "e" out of an order number "A1E0"; each word once: "NA, NA, NA" is no Portuguese)
    tokens = lowered.encode("utf-8", "surrogatepass").translate(_TOKEN_BYTES).decode("utf-8", "surrogatepass")
    for word in _LANGS_OF.keys() & tokens.split():
        for code in _LANGS_OF[word]:
            hits[code] = hits.get(code, 0) + 1
    for code, letters in () if ascii_only else _LETTERS:  # (a tie of Spanish and Portuguese: "ñ" or "ã" decides)
        if code in hits and letters.search(text):
            hits[code] += 1
    if not hits:
        return None
    best = max(hits, key=lambda code: (hits[code], code == "en"))
    if hits[best] < _MIN_HITS:
        return None
    english = hits.get("en", 0)
    if best != "en" and hits[best] < 2 * english:
        return None  # mixed (a German product name in an English reply, a quoted English line): unsure
    return best


@lru_cache(maxsize=64)  # (asked for every message)
def base_language(locale: str) -> str:
    """``en`` for ``en-US``, ``pt`` for ``pt_BR``."""
    return re.split(r"[-_]", locale.strip().lower(), maxsplit=1)[0] or "en"


def name_of(code: str) -> str:
    return NAMES.get(code, code)


#: a locale to suggest for each language told (its region is a guess: the writer knows theirs)
LOCALES = {"en": "en-US", "es": "es-ES", "pt": "pt-BR", "fr": "fr-FR", "de": "de-DE", "it": "it-IT", "nl": "nl-NL",
           "ru": "ru-RU", "uk": "uk-UA", "el": "el-GR", "ar": "ar", "he": "he-IL", "zh": "zh-CN", "ja": "ja-JP",
           "ko": "ko-KR", "th": "th-TH", "hi": "hi-IN"}


def library_language(texts: Iterable[str], share: float = 0.8) -> str | None:
    """The language of a library: the one at least ``share`` of the texts whose language can be told read as."""
    told = Counter(code for code in map(language_of, texts) if code is not None)
    if not told:
        return None
    code, count = told.most_common(1)[0]
    return code if count >= share * sum(told.values()) else None
