"""Which language a reply is written in, told cheaply and offline, so that English-only judgement
is never passed on a Spanish or Russian reply.

Latin-script languages are told apart by their commonest short words (articles, pronouns,
prepositions, "thank you"), which make up a third or more of any reply, sentence by sentence, so
that the language of most of a reply decides (see ``language_of``); other scripts by their
letters. The greeting line, the sign-off and the template's placeholders are the frame a pack or
a team puts around every reply, not its body: the body is read first. No model, no download:
the lists below are this project's, a few dozen words each. A reply too short to tell (fewer
than ``_MIN_HITS`` such words) is undecided: ``None``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from scriptkit.text import quoted_spans

if TYPE_CHECKING:
    from scriptkit.message import Message

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
# Words as telling of a language, but rarer in a long reply, and letters only other languages write (in a word
# with no capital: "María", "José" and "Zoë" are names), read only where a short text is undecided by the words above
# and has little English (see ``_short_language``): "Lamentamos mucho el retraso." holds only two common words.
# None of them is an English word (not "excuse", "pronto", "encore", "hallo"); a loan word ("café", "piñata",
# "naïve") counts, but a short English reply has at least half as many English common words.
_TELLING_WORDS = {
    "es": "mucho mucha muchos muchas otro otra otros hoy ahora aquí nuestro nuestra nuestros siento sentimos"
          " lamentamos lamento disculpa disculpas disculpe perdón enviaremos enviamos pedido ayuda cuenta problema"
          " después mañana ayer porque tiene tenemos hacer desde sobre bien está están será ustedes",
    "pt": "um uns umas novo nova muita nosso nossa nossos desculpa desculpe desculpas pedimos lamentamos"
          " agora aqui ajuda conta problema pedido depois amanhã ontem porque tem temos fazer desde sobre bem"
          " vamos ainda então será sempre",
    "fr": "très désolé désolée désolés désolées notre nos commande aujourd hui ici déjà toujours cela ça leur"
          " peut pouvez avez êtes faire vraiment nouveau nouvelle colis envoyé remboursement",
    "de": "leider heute neue neuen neuer neues gerne schon jetzt unsere unser unseren ihren ihrem entschuldigung"
          " entschuldigen bestellung wieder aber nur kein keine können kann möchten danke sich tut leid zur vom"
          " über kommt kommen morgen paket gestern sofort erneut nochmals verschickt geschickt zurück bekommen erhalten"
          " gibt geht dass weil damit wurde wurden mir",
    "it": "molto oggi nuovo nuova ordine scusa scuse dispiace nostro nostra nostri vostro vostra ancora già sempre"
          " qui ora pacco spedito spedizione inviato invieremo problema aiuto rimborso",
    # (Dutch and German share "morgen": alone it tells neither, see ``undecided_languages``)
    "nl": "vandaag morgen gisteren opnieuw ongemak excuses excuus helaas sturen gestuurd verstuurd verzonden"
          " bestelling pakket terugbetaling weer nog alvast wordt worden kunt kunnen zullen zal kan wil komt krijgt"
          " ontvangt ontvangen waarom deze geen spijt jammer nieuwe nieuw jullie zich goed",
}
_TELLING_OF: dict[str, tuple[str, ...]] = {}
for _code, _words in _TELLING_WORDS.items():
    for _word in _words.split():
        _TELLING_OF[_word] = (*_TELLING_OF.get(_word, ()), _code)
_ACCENTS = (("es", re.compile("[ñáíóúé]")), ("pt", re.compile("[ãõçáéíóúâêôà]")), ("fr", re.compile("[éèêàçùûîôëïœ]")),
            ("de", re.compile("[äöüß]")), ("it", re.compile("[àèéìòù]")))
_ACCENTS_OF = dict(_ACCENTS)
_ALPHABETS = tuple((code, frozenset(letters.pattern.strip("[]"))) for code, letters in _ACCENTS)
# Of the languages whose letters a word's accents all are ("envoyée": é is French, Spanish, Portuguese and Italian),
# the spellings only one of them writes: French "-ée", an "é" that starts a word, "è" inside one; Spanish
# "-ción", "-ía"; Portuguese "-ê", "-ço", "-ível"; Italian "-ò", "-ché", a final "à" ("già", not "là")...
_SPELLINGS = (("fr", re.compile("ée|^é.|[œûîëï]|è.|ç[uo]n|çu")), ("es", re.compile("[ñ¿¡]|[cs]ión(es)?$|í[ao]s?$")),
              ("pt", re.compile("[ãõ]|ês?$|ços?$|[áí]vel$|[êâ]ncia")), ("it", re.compile("[ìò]|..[àùè]$|ché$")))
# ...and an "é" no such spelling places is French's: it writes one in most past participles ("résilié", "activé"),
# the others in a handful of words, most of them listed above ("también", "até", "perché")
_PLAIN_ACCENT = "é"
# The nouns another language writes with a capital and ends so ("Suscripción", "Devolução", "Rückerstattung"): no
# name's, so a capital (as at the start of a terse macro) does not make them one
_NOUN_ENDINGS = (("es", re.compile("[cs]ión$")), ("pt", re.compile("ção$|ções$")),
                 ("de", re.compile("[äöüß].*(ung|ungen|keit|heit|schaft)$")))
_GERMAN_PARTICIPLE = re.compile("[a-z]{3,}iert$")  # "storniert", "aktiviert": no English word ends so
# Words English writes as its own (a loan word or phrase: "crème brûlée", "café au lait", "bon appétit"): their
# letters are no evidence of another language
_LOAN_WORD_LIST = ("café cafés crème brûlée jalapeño jalapeños piñata piñatas piña résumé résumés fiancé fiancée"
                   " naïve naïveté façade señor señora señorita cliché clichés entrée entrées touché voilà rosé"
                   " soufflé crêpe crêpes açaí purée sauté décor protégé soirée matinée exposé passé fête"
                   " appétit doña adiós")
_LOAN_WORDS = frozenset(_LOAN_WORD_LIST.split())
# English words that are no other language's: one in a terse text makes it English ("Crème brûlée sold out."), as
# do English past forms ("restocked", "delivered") as many as the other language's words
_ENGLISH_FUNCTION_WORDS = ("out by up off now again same back only too yet soon today tomorrow yesterday but how"
                           " why who which its his their them these those been had were did does done sorry into"
                           " onto after before about until than then")
_ENGLISH_FUNCTION = frozenset(_ENGLISH_FUNCTION_WORDS.split())
_ORDER = tuple(_COMMON_WORDS)
_LANGS_OF: dict[str, tuple[str, ...]] = {}
for _code, _words in _COMMON_WORDS.items():
    for _word in _words.split():
        _LANGS_OF[_word] = (*_LANGS_OF.get(_word, ()), _code)
_ENGLISH = frozenset(_COMMON_WORDS["en"].split())
_ENGLISH_ONLY = frozenset(word for word in _ENGLISH if _LANGS_OF[word] == ("en",))
# the words that count for a language other than English (common or telling): see ``may_be_another_language``
_OTHERS_WORDS = frozenset(word for word, codes in _LANGS_OF.items() if codes != ("en",)) | frozenset(_TELLING_OF)

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
_LETTERS = (("es", re.compile("[ñ¿¡]")), ("pt", re.compile("[ãõ]")), ("de", re.compile("[ßäöü]")))
# The words of a reply, sentence by sentence: bytes.translate keeps ASCII letters, digits and "_" (an
# order number "A1E0" is no "e"), makes the ends of sentences and lines a line break, and every other ASCII
# character a space ("you're": "you re"; "your" is never "you"); UTF-8's other bytes stay (see text.run_table)
_TOKEN_BYTES = bytes(10 if chr(c) in ".!?\n" else c if c >= 128 or chr(c).isalnum() or c == 95 else 32
                     for c in range(256))
# ...and the other alphabets' stops, and the marks that stick to a word, for a reply that is not ASCII
_OTHER_STOPS = re.compile("[…。！？]")
_OTHER_MARKS = re.compile("[\u00a0\u00ab\u00bb\u00a1\u00bf\u2010-\u2015\u2018-\u201f\u2022\u2039\u203a]")
# The small words of names, addresses and firms in the languages above ("Juan de la Cruz y Santos", "Calle de
# los Reyes", "Rue de la Paix", "Van der Berg", "Müller und Söhne"): between two capitalised words they are part of
# a name, which says nothing of the language the reply is written in (see ``_name_words``)
_PARTICLE_WORDS = "de la las los le les del della di da das dos du des van von der den y e et und en al el"
_PARTICLES = frozenset(_PARTICLE_WORDS.split()) - _ENGLISH
# A quoted passage ('the customer wrote: "Je suis très déçu..."'), of three words or more: someone else's words
_QUOTED = re.compile('"[^"\n]*"|\u201c[^\u201c\u201d\n]*\u201d|\u00ab[^\u00ab\u00bb\n]*\u00bb'
                     '|\u201e[^\u201c\u201d\u201e\n]*[\u201c\u201d]')
_QUOTES = "\"\u201c\u00ab\u201e"
_MIN_HITS = 3  # different common words it takes to tell the language of a reply
_READ = 2000  # characters read: a language shows in its first paragraphs
_BODY_MARGIN = 2  # times the Latin letters another script's letters exceed in a body read alone (see _language)
# Japanese writes Chinese characters among its kana, which Chinese has none of: Japanese when at least one in
# this many of the two is kana (it is more than a third in any Japanese sentence; a katakana product name in
# a Chinese reply is far less)
_KANA_SHARE = 5

# The frame a pack or a team puts around a reply in any language, which is not the reply's body: template code
# ("{{ customer.first_name | fallback('there') }}"; its braces close the pattern's runs, so it stays linear)...
_TEMPLATE_CODE = re.compile(r"\{\{[^{}]*\}\}|\{%[^{}]*%\}|\{#[^{}]*#\}")
# ...a greeting line ("Hi Ana,", "Hey {{ customer.first_name }}!", "Hi there, thanks for writing in!"), a closing
# ("Best,", "Thanks so much,", "Un saludo cordial,") and the signature lines under it (a name, a title, a team, an
# address); lines in Latin letters, each of at most so many words, ending as a greeting or a closing does
_GREETING_WORDS = 10
_CLOSING_WORDS = 5
_SIGNATURE_WORDS = 8
_SIGNATURE_LINES = 4
_FRAME_CHARS = 80
# A word that is code, an address or a number, no language's: "first_name", "help.acme.com", "https://...",
# "sam@acme.com", "A1E0", "[AMOUNT]"
_CODE_WORD = re.compile(r"[\d_/@#=<>{}\[\]\\|~]|\w\.\w")
_WORD_MARKS = ".,;:!?()[]\"'\u00ab\u00bb\u201c\u201d\u2018\u2019\u00a1\u00bf"  # (around a word: "(Pro)", "¡Hola")
_STOPS = re.compile("[…。！？]|[.!?](?!\\S)")  # (the ends of sentences of any alphabet, for a reply in two)


def _hits(words: Iterable[str]) -> dict[str, int]:
    """How many of ``words`` (common words, each once: "NA, NA, NA" is no Portuguese) each language has."""
    hits: dict[str, int] = {}
    for word in words:
        for code in _LANGS_OF[word]:
            hits[code] = hits.get(code, 0) + 1
    return hits


def _name_word(token: str, lowered: str) -> bool:
    """Whether ``token`` is a capitalised word that is no language's common word ("Cruz", "Nación", "GmbH")."""
    return token[:1].isupper() and lowered not in _LANGS_OF


def _named(word: str) -> bool:
    """Whether ``word``, as written in a sentence ("Store", "iPhone", "Pro,"), is a name: it has a capital and is
    no language's common word."""
    return not word.islower() and word.strip(_WORD_MARKS).lower() not in _LANGS_OF


def _name_words(tokens: list[str], lowered: list[str]) -> set[int]:
    """The places in a sentence's ``tokens`` of the small words that are part of a name, not of its language.

    A run of ``_PARTICLES`` is part of a name when a capitalised word that is no common word follows
    it, and either such a word comes before it ("Casa de la Cultura", "Cruz y Santos") or it starts
    with a capital itself ("Van der Berg", "De la Cruz", "from El Corte Inglés"; at the start of a
    sentence, of two words or more: "Das Paket" is German). "Ihnen den Betrag", "vielen Dank für
    Ihre" and "de la empresa" are language: "Ihnen" and "Ihre" are common words, "empresa" no name.
    """
    names: set[int] = set()
    count = len(tokens)
    start = 0
    while start < count:
        if lowered[start] not in _PARTICLES:
            start += 1
            continue
        end = start
        while end < count and lowered[end] in _PARTICLES:
            end += 1
        # (a capital that starts a sentence is no name's: "Das Paket" is German, "De la Cruz" a name)
        capital = tokens[start][:1].isupper() and (start > 0 or end - start > 1)
        if end < count and _name_word(tokens[end], lowered[end]) and (
                capital or (start > 0 and _name_word(tokens[start - 1], lowered[start - 1]))):
            names.update(range(start, end))
        start = end
    return names


def may_be_another_language(text: str) -> bool:
    """Whether any part of ``text`` could read as a language other than English: False for text in ASCII that holds
    no common or telling word of another language (most English replies), which ``language_of`` would read as English
    or too short to tell, sentence by sentence, after reading its frame: asked first, it spares a reply that."""
    return not text.isascii() or not _OTHERS_WORDS.isdisjoint(_spaced(text).lower().split())


def _sentence_language(common: set[str]) -> str:
    """``en`` or ``*`` (another language) for a sentence holding the ``common`` words."""
    if common <= _ENGLISH_ONLY:  # (most sentences of most replies, told without counting)
        return "en"
    hits = _hits(common)
    english = hits.pop("en", 0)
    # (a tie is English's: an English reply left unjudged is the error that costs most)
    return "en" if english >= max(hits.values(), default=0) else "*"


@lru_cache(maxsize=4096)  # (every channel and variant of a script asks)
def language_of(text: str) -> str | None:
    """The language ``text`` is written in (a code of ``NAMES``), or None when it is too short to tell.

    Its body decides: the greeting line, the closing and signature under it and the template's
    placeholders are the frame a pack or a team puts around replies in every language ("Hi
    {{ customer.first_name }},", "Best,\\nSam"), so a short Japanese or Spanish reply between an
    English greeting and sign-off is Japanese or Spanish; the whole text decides only where the
    body alone is too short to tell. Other scripts are told by their letters against the Latin
    letters of the words around them (not of code, addresses or numbers, nor of a name inside a
    sentence of another script: "iPhone 15 Proの修理は"). In Latin letters, each sentence (or line) reads as
    English or as another language by its common words, and weighs as many as it has; the
    reply reads as the language that weighs most (English on a tie). So a Spanish reply with
    an English line or footer is Spanish, an English reply with a Spanish greeting or sign-off
    is English, and names, addresses and order numbers weigh nothing: their words are no
    language's common words, and the small words between their capitals ("Juan de la Cruz y
    Santos", "Calle de la Paz", "Van der Berg GmbH") are a name's, not a language's.
    """
    text = text[:_READ]
    body = _body(text)
    told = _unquoted_first(body, alone=True) if body != text else None
    return told if told is not None else _unquoted_first(text)


def written_language(message: Message) -> str | None:
    """``language_of`` what the writer wrote in ``message``: its text without the greeting and sign-off of the
    pack's layout (scriptkit's default, or pack.yaml's), which are the same around every reply and, on a
    channel that runs them into one line ("Thanks for calling, this is {{agent.first_name}}. Lo siento..."),
    no line ``language_of`` could tell from the body. A reviewed reply's own greeting stays: it is in its file.
    Asked once per message: the English-only gate, SK006, SK015, readability and grammar each ask it."""
    if _WRITTEN in message.__dict__:
        answer: str | None = message.__dict__[_WRITTEN]
        return answer
    found = message.__dict__[_WRITTEN] = language_of(written_text(message))
    return found


def written_text(message: Message) -> str:
    """What the writer wrote in ``message`` (see ``written_language``): its text without the layout's greeting and
    sign-off, or all of it where that leaves nothing."""
    text = message.text
    kept: list[str] = []
    layout = False
    for start, end, seg in message.spans():
        span = seg.source
        if seg.slot in _LAYOUT_SLOTS and (span is None or span.source is None or span.source.path != message.file):
            layout = True
        else:
            kept.append(text[start:end])
    own = "".join(kept) if layout else text
    return own if own.strip() else text


# where a message keeps its ``written_language`` answer, in its own __dict__ (as the solution rules keep theirs)
_WRITTEN = "_sk_written_language"

#: the slots a pack's layout writes around each reply
_LAYOUT_SLOTS = frozenset(("greeting", "signoff"))


def _body(text: str) -> str:
    """``text`` without its frame: template code, a greeting line and a sign-off (a closing, and the signature
    lines under it), each in Latin letters; at least one line of ``text`` is kept as the body."""
    if "{" in text:
        text = _TEMPLATE_CODE.sub(" ", text)
    lines = [line for line in text.splitlines() if line.strip()]
    start = 1 if len(lines) > 1 and _frame_line(lines[0], _GREETING_WORDS, closes=True) else 0
    end = len(lines)
    # (from the last line up: the signature lines, then the closing above them; a line above it stays the body)
    for k in range(len(lines) - 1, max(start, len(lines) - 2 - _SIGNATURE_LINES), -1):
        if _frame_line(lines[k], _CLOSING_WORDS, closes=True):
            end = k
            break
        if not _frame_line(lines[k], _SIGNATURE_WORDS, closes=False):
            break
    return text if start == 0 and end == len(lines) else "\n".join(lines[start:end])


def _frame_line(line: str, words: int, closes: bool) -> bool:
    """Whether ``line`` can be part of a reply's frame: short, in Latin letters, and (``closes``) ending as a
    greeting or a closing does, with "," or "!"."""
    line = line.strip()
    return (len(line) <= _FRAME_CHARS and len(line.split()) <= words and (not closes or line.endswith((",", "!")))
            and (line.isascii() or _OTHER_SCRIPT.search(line) is None))


def _unquoted_first(text: str, alone: bool = False) -> str | None:
    """``_language`` of ``text`` without its quotations, else of all of it."""
    # (a quoted passage of three words or more, 'the customer wrote: "Je suis très déçu..."', is someone
    # else's words, not the reply's language: the rest decides when it can)
    quoted = [(start, end) for start, end in quoted_spans(text) if text.count(" ", start, end) >= 2]
    if quoted:
        told = _language(" ".join(text[end:start] for end, start in
                                  zip([0] + [end for _, end in quoted], [start for start, _ in quoted] + [len(text)],
                                      strict=True)), alone)
        if told is not None:
            return told
    return _language(text, alone)


def _language(text: str, alone: bool = False) -> str | None:
    """``language_of`` of a ``text`` read as a whole (quotes and all): by its common words (``_common_language``),
    else, when they are too few to tell, by its telling words and letters (``_short_language``)."""
    told = _common_language(text, alone)
    return told if told is not None else _short_language(text)


def _spaced(text: str) -> str:
    """``text``'s words split by spaces, its sentences and lines by line breaks (see ``_TOKEN_BYTES``)."""
    plain = text if text.isascii() else _OTHER_MARKS.sub(" ", _OTHER_STOPS.sub("\n", text))
    return plain.encode("utf-8", "surrogatepass").translate(_TOKEN_BYTES).decode("utf-8", "surrogatepass")


def _short_language(text: str) -> str | None:
    """The language other than English of a short ``text`` its common words leave undecided, or None.

    Each word counts once for each language it is telling of: a common or telling word of that language, else a
    word with no capital written with its letters, of those writing them the ones its spelling tells ("envoyée" is
    French, "già" Italian: see ``_letter_languages``; "María" is a name). The language with most (at least
    ``_MIN_HITS``) is told, where the text's English common words are fewer than half as many: "Siento
    mucho que no pueda utilizar el servicio." is Spanish, "Muchas gracias for your order!" is not. A terse
    macro with no English common word at all ("Versand heute möglich.", "Pedido enviado, llega el lunes.") is
    told on less: two such words, or one written with that language's letters (see ``_terse_language``).
    """
    if text.isascii() and not any(word in _TELLING_OF for word in text.lower().split()):
        # (no telling word, no letter: most undecided English text, told at once; read on only where another
        # language's common words stand with no English one: "Betrag in 5 Tagen auf dem Konto.")
        words = _spaced(text).lower().split()
        if _OTHERS_WORDS.isdisjoint(words) or not _ENGLISH.isdisjoint(words):
            return None
    english, telling = _words_of(text)
    if not telling:
        return None
    best = max(telling, key=lambda code: (len(telling[code]), -_ORDER.index(code)))
    found = len(telling[best])
    if found >= _MIN_HITS and found > 2 * len(english):
        return best
    return None if english else _terse_language(telling, _spaced(text).split())


def _words_of(text: str) -> tuple[set[str], dict[str, set[str]]]:
    """The English common words of ``text``, and the words telling of each other language (see ``_short_language``:
    names left out)."""
    english: set[str] = set()
    telling: dict[str, set[str]] = {}
    for line in _spaced(text).splitlines():
        tokens = line.split()
        lowered = [token.lower() for token in tokens]
        names = _name_words(tokens, lowered) if _PARTICLES.intersection(lowered) else set()
        for place, (token, word) in enumerate(zip(tokens, lowered, strict=True)):
            if word in _ENGLISH:
                english.add(word)
            if place in names:
                continue
            codes = _LANGS_OF.get(word, ()) + _TELLING_OF.get(word, ())
            if not codes and not word.isascii() and word not in _LOAN_WORDS:
                codes = _letter_languages(word, capital=token != word)
            elif not codes and _GERMAN_PARTICIPLE.match(token):
                codes = ("de",)
            for code in codes:
                if code != "en":
                    telling.setdefault(code, set()).add(word)
    return english, telling


def undecided_languages(text: str) -> tuple[str, ...]:
    """The languages other than English that ``text``, too short for ``language_of`` to tell, may be written in: those
    with most words in it, where they outnumber its English common words ("Sorry, morgen!": German or Dutch). Empty
    where it is told, or reads as English as far as it can be read ("Sorry, we're on it."): the English rules judge
    such a reply under an English locale, and a user told this can name its language instead."""
    if language_of(text) is not None or not may_be_another_language(text):
        return ()
    english, telling = _words_of(text[:_READ])
    # (a word of one letter tells little: "O(n)" is no Portuguese "o")
    telling = {code: {word for word in words if len(word) > 1} for code, words in telling.items()}
    most = max(map(len, telling.values()), default=0)
    if most <= len(english):
        return ()
    return tuple(code for code in _ORDER if len(telling.get(code, ())) == most)


def _terse_language(telling: dict[str, set[str]], tokens: list[str]) -> str | None:
    """The language of a terse text with no English common word, by the words ``telling`` of each language: told
    where one has two ("Pedido enviado, llega el lunes."), or one with letters ASCII has none ("möglich",
    "días"). One plain word is not enough ("per", "plus" and "non" are English too), nor one word of one letter
    ("e.g." is no Italian "e"), nor a name ("José"); but a German noun with its letters ("Überweisung") counts
    beside another word of German. An English function word ("out", "again"), or as many English past forms
    ("restocked"), and it is English with a loan phrase ("Crème brûlée sold out.", "Bon appétit! Order delivered.")."""
    for code, words in telling.items():
        telling[code] = {word for word in words if len(word) > 1}
    german = {word for token in tokens if token[:1].isupper() and _ACCENTS_OF["de"].search(word := token.lower())}
    if german and telling.get("de"):
        telling["de"] |= german
    best = max(telling, key=lambda code: (len(telling[code]), -_ORDER.index(code)))
    words = telling[best]
    # (an English function word, or as many English past forms, and it is English: "Crème brûlée sold out.")
    lowered = [token.lower() for token in tokens]
    if not _ENGLISH_FUNCTION.isdisjoint(lowered):
        return None
    english = {word for word in lowered if len(word) >= 5 and word.endswith("ed") and word.isascii()
               and word not in _OTHERS_WORDS}
    if len(english) >= len(words):
        return None
    return best if len(words) >= 2 or any(not word.isascii() for word in words) else None


def _letter_languages(word: str, capital: bool) -> tuple[str, ...]:
    """The languages ``word`` (no list's, written with letters beyond ASCII) is telling of by its letters: those
    whose letters its accents all are, narrowed by ``_SPELLINGS`` ("envoyée" is French, "envío" Spanish). A word
    with a capital is a name's ("María", "Jürgen") unless it ends as ``_NOUN_ENDINGS`` ("Suscripción")."""
    if capital:
        return tuple(code for code, ending in _NOUN_ENDINGS if ending.search(word))
    accents = {letter for letter in word if not letter.isascii() and letter.isalpha()}
    codes = tuple(code for code, letters in _ALPHABETS if accents and accents <= letters)
    if len(codes) > 1:
        spelt = tuple(code for code, spelling in _SPELLINGS if code in codes and spelling.search(word))
        codes = spelt or (("fr",) if accents == {_PLAIN_ACCENT} else codes)
    return codes


def _common_language(text: str, alone: bool = False) -> str | None:
    """``_language`` of ``text`` by its common words alone.

    A reply's body read ``alone``, without the frame a reader sees around it, is told only where it clearly
    is one language: not where its English and other words weigh the same, nor where another script has
    fewer than twice its Latin letters ("Your refund is done." over a Russian address): the whole reply
    decides those, as it did a body that is half English.
    """
    if (not text.isascii() and _OTHER_SCRIPT.search(text)
            and (code := _other_script(text, _BODY_MARGIN if alone else 1)) is not None):
        return code
    weight = {"en": 0, "*": 0}  # the common words of the sentences read as English, and as another language
    common: dict[str, set[str]] = {"en": set(), "*": set()}  # ...each once
    spaced = _spaced(text)
    every = _LANGS_OF.keys() & spaced.lower().split()
    if every <= _ENGLISH_ONLY:  # (no other language's word anywhere: most English replies, told at once)
        return "en" if len(every) >= _MIN_HITS else None
    told_lines: list[tuple[str, set[str]]] = []  # (each sentence holding common words: how it reads, and its words)
    for line in spaced.splitlines():
        tokens = line.split()
        lowered = [token.lower() for token in tokens]
        sentence = _LANGS_OF.keys() & lowered
        if sentence & _PARTICLES:  # (the small words of a name are no language's: "Casa de la Cultura")
            names = _name_words(tokens, lowered)
            sentence = _LANGS_OF.keys() & {word for place, word in enumerate(lowered) if place not in names}
        if sentence:
            told_lines.append((_sentence_language(sentence), sentence))
    # An opening clearly in English decides: a greeting and the first sentences are the reply's own language,
    # a footer, sign-off or disclaimer comes last ("Vielen Dank für Ihre Geduld." closing an English reply).
    # (A foreign opening does not: "¡Hola María! Gracias por escribirnos." may open an English reply.)
    opening = told_lines[:len(told_lines) // 2] if len(told_lines) >= 4 else []
    english = sum(len(sentence) for told, sentence in opening if told == "en")
    other = sum(len(sentence) for told, sentence in opening if told != "en")
    words = set().union(*(sentence for told, sentence in opening if told == "en")) & _ENGLISH
    if english >= 2 * other and len(words) >= _MIN_HITS:
        return "en"
    for told, sentence in told_lines:
        weight[told] += len(sentence)
        common[told] |= sentence
    if weight["en"] == weight["*"] and alone:
        return None
    if weight["en"] >= weight["*"]:
        return "en" if len(common["en"] & _ENGLISH) >= _MIN_HITS else None
    hits = _hits(common["*"])
    hits.pop("en", None)
    for code, letters in _LETTERS:  # (a tie of Spanish and Portuguese: "ñ" or "ã" decides)
        if code in hits and letters.search(text):
            hits[code] += 1
    spelt: Counter[str] = Counter()
    if not text.isascii() and list(hits.values()).count(max(hits.values())) > 1:
        # (a tie of languages sharing the common words, "de la ... en": the letters of its other words decide)
        spelt.update(code for word in set(spaced.split()) if word.islower() and not word.isascii()
                     and word not in _LANGS_OF and word not in _LOAN_WORDS
                     for code in _letter_languages(word, capital=False))
    # (a tie still: the first of _COMMON_WORDS)
    best = max(hits, key=lambda code: (hits[code], spelt[code], -_ORDER.index(code)))
    return best if hits[best] >= _MIN_HITS else None


def _other_script(text: str, margin: int) -> str | None:
    """The script other than Latin that ``text`` is written in (a code of ``_SCRIPTS``), when its letters
    outnumber ``margin`` times the Latin letters of its words. A word that is code, an address or a number
    counts for neither. In a sentence with letters of that script, a name counts for neither ("iPhone 15 Pro
    の修理は", "Подписка Premium Plan"), and its other Latin words only where that script's letters are no
    more than ``margin`` times theirs."""
    letters = dict.fromkeys((code for code, _ in _SCRIPTS), 0)
    latin = 0
    for sentence in _STOPS.sub("\n", text).splitlines():
        words = [word for word in sentence.split() if _CODE_WORD.search(word) is None]
        if sentence.isascii() or _OTHER_SCRIPT.search(sentence) is None:
            latin += sum(len(_LATIN.findall(word)) for word in words)
            continue
        theirs = 0
        for code, pattern in _SCRIPTS:
            found = len(pattern.findall(sentence))
            letters[code] += found
            theirs += found
        own = sum(len(_LATIN.findall(word)) for word in words if not _named(word))
        if theirs <= margin * own:
            latin += own
    kana, han = letters.pop("ja"), letters.pop("zh")
    letters["ja" if kana and kana * _KANA_SHARE >= kana + han else "zh"] = kana + han
    code = max(letters, key=letters.__getitem__)
    if letters[code] <= margin * latin:
        return None
    return "uk" if code == "ru" and _UKRAINIAN.search(text) else code


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
