"""The language of a reply (SK006): scriptkit's judgement reads English only.

The readability, warmth, empathy and solution rules are built on English phrase lists and an
English readability formula. On a Spanish or Russian reply they would report nonsense (a
"missing acknowledgment" for "Sentimos mucho la demora", a grade level from English
syllables), so the lint engine runs them only on replies that read as English (see
``judges``), and this rule says which replies were left out and why.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from scriptkit.diagnostics import Diagnostic, Location, Severity
from scriptkit.language import LOCALES, base_language, name_of, undecided_languages, written_language, written_text
from scriptkit.message import Message
from scriptkit.rules.base import Example, Finding, Rule, RuleContext, register
from scriptkit.rules.readability import body_span

if TYPE_CHECKING:  # (the pack models load pydantic: `review` of one reply needs none)
    from scriptkit.models import Pack

#: the families whose rules read English (phrase lists, an English readability formula)
ENGLISH_FAMILIES = frozenset({"readability", "warmth", "empathy", "solution"})
# rules of those families that read any language: characters per channel, a script with no room, a blank left
# unfilled
_ANY_LANGUAGE = frozenset({"SK104", "SK406", "SK407"})


def reads_english(rule: type[Rule]) -> bool:
    """Whether ``rule`` judges English only (third-party and custom rules judge any language)."""
    return (rule.__module__.startswith("scriptkit.rules.") and rule.family() in ENGLISH_FAMILIES
            and rule.code not in _ANY_LANGUAGE)


def expected_language(pack: Pack | None, text_locale: str | None = None) -> str:
    """The language replies should be in: the pack's locale, or for free text the settings' (``review --locale``),
    else English."""
    return base_language(pack.meta.locale if pack is not None else text_locale or "en")


def judges(message: Message, expected: str) -> bool:
    """Whether the English-only rules judge ``message``: it reads as English, or is too short to
    tell and English is what its pack expects. The writer's words tell it, not the layout's greeting."""
    found = written_language(message)
    return found == "en" if found is not None else expected == "en"


@register
class OtherLanguage(Rule):
    """A reply in another language than the pack's: the English-only rules judge English replies only.

    ## What it does
    Tells the language of each rendered reply from its commonest words (or its script: Cyrillic,
    Greek, Arabic, CJK...) and reports a reply that reads as another language than the pack's
    `locale` (English for `scriptkit review`). Such a reply is not judged by the rules that read
    English: readability (SK101-SK103, SK105), warmth (SK2xx), empathy (SK3xx) and solution
    (SK401-SK405), nor by grammar (SK9xx) in the pack's language. Length limits (SK104), room for
    the agent (SK406), unfilled blanks (SK407), template, export and your own rules still run.
    In a pack whose `locale` is not English, the English rules judge only the replies that read
    as English, and this rule says so once, at the `locale` line. A reply too short to tell (a
    few words) counts as the pack's language; one that holds more words of another language than of
    English ("Sorry, morgen!": German or Dutch) is judged as English under an English locale, and
    this rule says so, as a suggestion naming the `--locale` (or pack `locale`) to give instead. A short
    reply whose words are clearly another language's is told ("Sorry, das Paket kommt morgen.").
    A reply in two languages counts as the one most
    of it is written in, sentence by sentence: a Spanish reply with an English line or footer
    is Spanish, an English reply with a Spanish greeting, a foreign name or sign-off English.
    Names, addresses and firms are no language: the "de la" of "Juan de la Cruz", "Calle de la
    Paz" or "Banco de la Nación" and the "van der" of "Van der Berg GmbH" count for no language.
    The greeting line, sign-off and placeholders are the frame around the reply, not the reply: a
    short Japanese or Spanish reply between an English greeting and sign-off ("Hi {{ customer.first_name }},"
    ... "Best,") is Japanese or Spanish, and a product name in Latin letters inside a Japanese
    sentence ("iPhone 15 Proの修理は") is part of it.

    ## Why it matters
    The empathy and warmth rules know English phrases. On "Sentimos mucho la demora" they
    would report a missing acknowledgment and a reading grade from English syllables: noise
    that buries what matters, and a score that means nothing for a Spanish macro.

    ## Example
    In an `en-US` pack: "Lamentamos mucho la demora con su pedido. Hoy mismo le enviamos uno nuevo."

    ## Use instead
    Keep each language in a pack of its own with its `locale` (`locale: es-ES`), or translate
    the reply.

    ## Options
    None.

    ## Fix safety
    No automatic fix: a translation is the writer's.
    """

    code = "SK006"
    whole_reply = True
    name = "other-language"
    severity = Severity.WARNING
    bad_examples = (
        Example.of(acknowledgment="Lamentamos mucho la demora con su pedido, sabemos que es muy molesto.",
                   solution="Hoy mismo le enviamos uno nuevo y le escribimos con el número de seguimiento."),
        Example.of(acknowledgment="Мне очень жаль, что ваш заказ задерживается.",
                   solution="Я уже отправил новый заказ сегодня."),
    )
    good_examples = (
        Example.of(acknowledgment="I'm so sorry your order is late, and I know how annoying that is.",
                   solution="I've sent a new one today and I'll email you the tracking number."),
    )

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        expected = expected_language(ctx.pack, ctx.text_locale)
        found = written_language(message)
        # (the script's own text, as SK105 spans it: the finding is about the whole reply, not its
        # first sentence; and it starts where the script does, the greeting being the pack's layout)
        start, end = body_span(message)
        if ctx.pack is None and expected != "en" and found != "en":
            # (free text under another language's locale: the note check_pack gives such a pack, said of the reply)
            # (grammar checks the locale's language: a reply in a third language is not sent to it)
            ran = ("Length, blank, template, grammar and your own rules still ran" if ctx.grammar and found in
                   (None, expected) else "Length, blank, template and your own rules still ran" +
                   (" (grammar is off: --grammar local or a LanguageTool URL turns it on)" if ctx.grammar is False
                    else ""))
            yield Finding(start, end, f"locale {ctx.text_locale}: the readability, warmth, empathy and solution "
                          "rules read English only, so they judge a reply only where it reads as English",
                          f"{ran}; turn this note off with --ignore SK006.", severity=Severity.SUGGESTION)
        if found is None and expected == "en" and (maybe := undecided_languages(written_text(message))):
            # (too short to tell, with another language's words: judged as English, which the user is told, with
            # how to name its language)
            names = " or ".join(map(name_of, maybe))
            locales = " or ".join(f"locale: {LOCALES.get(code, code)}" if ctx.pack is not None
                                  else f"--locale {LOCALES.get(code, code)}" for code in maybe)
            locale = ctx.pack.meta.locale if ctx.pack is not None else ctx.text_locale or "en-US"
            how = (f"give it a pack of its own with {locales} in pack.yaml (a script has no locale of its own)"
                   if ctx.pack is not None else f"review it with {locales} (a pack says it with locale: in pack.yaml)")
            yield Finding(start, end, f"could not tell the reply's language: it is short and holds {names} words, "
                          f"so the rules that read English judged it as English (the locale {locale})",
                          f"If it is {names}, say so: {how}.", severity=Severity.SUGGESTION)
        if found is None or found == expected or (expected, found) == ("uk", "en"):
            return  # (English under 'locale: uk': the pack's locale was meant as the UK's, said once by check_pack)
        if ctx.pack is None and expected != "en":  # (as in a pack of that locale, the locale named as given)
            judged = ("the rules that read English judged it, as they judge every English reply" if found == "en"
                      else "the rules that read English did not judge it")
            yield Finding(start, end, f"the reply reads as {name_of(found)}, not {name_of(expected)} (the locale "
                          f"{ctx.text_locale})", f"Review it with --locale {LOCALES.get(found, found)}, or translate "
                          f"it; {judged}.")
            return
        if ctx.pack is None:  # (free text: English is all there is to expect)
            yield Finding(start, end, f"the reply reads as {name_of(found)}: the empathy, warmth, solution and "
                          "readability rules read English only, so they did not judge it",
                          "Its length and blanks were still checked; judge the rest by hand.")
            return
        # (an English reply in a Spanish pack is the one the rules that read English do judge: say which)
        judged = ("the rules that read English judged it, as they judge every English reply" if found == "en"
                  else "the rules that read English did not judge it")
        yield Finding(start, end, f"the reply reads as {name_of(found)}, not {name_of(expected)} (the pack's locale)",
                      f"Keep it in a pack of its own with locale: {LOCALES.get(found, found)}, or translate it; "
                      f"{judged}.")

    def check_pack(self, pack: Pack, messages: list[Message], ctx: RuleContext) -> Iterable[Diagnostic]:
        expected = expected_language(pack)
        if expected == "en" or not messages:
            return
        location = pack.origin.location(("locale",)) if pack.origin else Location(f"{pack.root}/pack.yaml", 1, 1)
        english = sorted({m.script_id for m in messages if written_language(m) == "en"}) if expected == "uk" else []
        if 2 * len(english) > len({m.script_id for m in messages}):
            # ('locale: uk' meant the United Kingdom: exports said the replies were Ukrainian, grammar refused them)
            yield Diagnostic(self.code, self.name, f"locale {pack.meta.locale} is Ukrainian, but the pack's replies "
                             "read as English", Severity.WARNING, location, text=pack.meta.locale,
                             suggestion="For the United Kingdom's English write locale: en-GB.")
            return
        if english:  # (a Ukrainian pack's English replies: said here, as ``check`` leaves them to this)
            shown = ", ".join(english[:5]) + (f" and {len(english) - 5} more" if len(english) > 5 else "")
            yield Diagnostic(self.code, self.name, f"{len(english)} script(s) read as English, not Ukrainian (the "
                             f"pack's locale): {shown}", Severity.WARNING, location, text=pack.meta.locale,
                             suggestion="Keep them in a pack of their own with locale: en-US (or en-GB), or "
                                        "translate them; the rules that read English judged them.")
        yield Diagnostic(self.code, self.name,
                         f"locale {pack.meta.locale}: the readability, warmth, empathy and solution rules read "
                         f"English only, so they judge only this pack's replies that read as English",
                         Severity.SUGGESTION, location, text=pack.meta.locale,
                         suggestion=("Template, length, blank, export, grammar and your own rules still run"
                                     if ctx.grammar else "Template, length, blank, export and your own rules still "
                                     "run" + (" (grammar is off: grammar: {mode: local} in pack.yaml, or --grammar "
                                              "local, turns it on)" if ctx.grammar is False else ""))
                                    + "; turn this note off with ignore: [SK006].")
