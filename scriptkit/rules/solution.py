"""Flexibility and solution (SK4xx): a concrete, owned, timed next step; balance; room for the agent.

The seed's fourth practice: "Focus on solutions while showing care". A solution the customer
can act on names what happens next, who does it and when.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING, Any, ClassVar

from scriptkit.diagnostics import AGENT_TURNS, Diagnostic, Location, Severity
from scriptkit.inference import (
    IMPERATIVE,
    REQUEST,
    Sentence,
    analyse_message,
    body_sentences,
    may_refuse,
    offers_more_help_only,
    offers_no_step,
    only_thanks_for_praise,
    refused_spans,
)
from scriptkit.message import Blank, Message, Segment, Text
from scriptkit.placeholders import (
    DEFAULT_CATALOGUE,
    FILL_IN,
    HELPDESK_VARIABLE,
    PlaceholderSpec,
    helpdesk_spellings,
    in_spans,
    is_plain_bracket,
    marked_literal_spans,
)
from scriptkit.rules.base import Example, Finding, Rule, RuleContext, empty_slot_location, register
from scriptkit.rules.empathy import asks_about_it, hands_over, offers_more_help, opens_with_good_news
from scriptkit.rules.lexicon import CaselessRegex, fold, lowers_plainly, pattern
from scriptkit.rules.readability import WORD, word_count
from scriptkit.rules.warmth import written_for_locale
from scriptkit.text import MARKERS, SPACE_AFTER_STOP, SPACELESS, emoji_ended, sentence_window, slug

if TYPE_CHECKING:  # (the pack models load pydantic: `review` of one reply needs none)
    from scriptkit.models import Flexibility, Pack, Script

_VERBS = (
    # nouns that double as verbs ("your order", "the link", "a text") are left out on purpose
    "activate add adjust apply arrange attach book call cancel change chase check collect confirm connect "
    "create credit deliver delete dispatch escalate expedite extend fix forward issue "
    "merge move phone process provide push raise rebook refund reinstate release "
    "remove reopen repair replace reroute reschedule reserve reset resend restart restore reverse "
    "schedule send ship skip swap switch track transfer unblock unlock upgrade "
    "downgrade verify waive click tap sign enter select dm sell upload "
    # a deliverable made public or put in place: "our engineers will publish a full report", "we'll deploy the fix"
    "publish deploy install "
    # the customer's own fixes on their device: "Please reboot the modem", "reinstall the app", "reload the page"
    "reboot reinstall uninstall relaunch refresh reload "
    # taking themselves off a list, or a card linked again ("unsubscribe from the newsletter", "relink your card")
    "unsubscribe relink"
)
# (and forms of verbs whose base is more often another word: "a clear answer", "the start date",
# and "-ied" forms the regular endings above do not spell: "applied", "verified"; not "applies", which is
# "is valid for" as often: "the discount applies to orders over 20 pounds")
# (not "resent": "customers resent this policy" is no step; "re-sent" is written apart)
# ("corrected", not "correct", as often "the charge is correct": the verb with what it corrects is read below)
# ("update" only as a verb: "updated", "I'll update you", not the news "Here's an update", "Quick update:")
_IRREGULAR = ("sent paid set put made gave got took brought sorted shipped reshipped cleared clearing started "
              "updated updating reupdated "
              "corrects corrected correcting emailed emailing reemailed "
              "applied reapplied verified verifies paused pausing lock freeze froze logged reported "
              "specify specified specifies "
              # a block taken off or a fault mended, told as news: "the hold has been lifted", "the fault has been
              # resolved" (the forms only: "a lift", "we'll resolve this" name no step)
              "lifted resolved")
# the spellings the endings added to a verb above miss: "-ing" without the verb's final "e" ("updating",
# "replacing"), a doubled last letter ("shipping", "resetting", British "cancelled", "transferred")
_RESPELT = sorted({f"{pre}{verb[:-1]}ing" for verb in _VERBS.split() if verb.endswith("e") for pre in ("", "re")}
                  | {f"{pre}{form}" for form in ("shipping", "skipped", "skipping", "swapping", "tapping", "resetting",
                                                 "cancelled", "cancelling", "transferred", "transferring")
                     for pre in ("", "re")})
# a service told as restored, the problem gone ("Everything is back up", "your account is working again", "the
# site's back online"), not the state it is still in ("isn't back up yet", "is not working again"): a step (SK402),
# and one finished, with nobody left to own it (SK403's _DONE_NEWS)
_RESTORED = re.compile(
    r"(?:\b(?:is|are)|['’](?:s|re))\s+(?:(?:now|all|already|fully)\s+)?(?:back\s+(?:up|online|on-?line|to\s+normal)|"
    r"(?:up\s+and\s+)?(?:running|working)(?:\s+(?:normally|properly|fine|as\s+normal))?\s+again|up\s+and\s+running)\b",
    re.IGNORECASE)
# ... told as news, not asked or hedged, where the same words are none ("we can't say when the service is up and
# running again", "if the checkout is working again", "Hopefully the site is back up soon", "Is it working again?")
_NOT_NEWS = re.compile(r"\b(?:if|whether|when|whenever|until|till|once|soon\s+as|hopefully|hope|wish|expect|unless|"
                     r"can['’]?t\s+say|cannot\s+say|(?:don['’]t|do\s+not)\s+know|not\s+sure|unsure|let\s+(?:me|us|you)\s+know|"
                     r"will|would|should|could|might|may)\b", re.IGNORECASE)


def _restored(text: str) -> bool:
    """A service told as restored, the problem gone ("Payments are working again", "the booking page is back
    online"): a step done (SK402), with nobody left to own it (SK403); not said in a question or under a hedge."""
    if "again" not in text and "back" not in text and "running" not in text:
        return False
    for m in _RESTORED.finditer(text):
        start, end = sentence_window(text, m.start(), m.end())
        if text[end - 1:end] != "?" and not _NOT_NEWS.search(text, start, m.start()) \
                and not _NEGATED.search(text, m.start(), m.end()):
            return True
    return False


# a verb that names something done or to be done, in any common inflection
_ACTION = re.compile(
    r"\b(?:re)?(?:" + "|".join(sorted(_VERBS.split(), key=len, reverse=True)) + r")(?:s|es|ed|d|ing)?\b"
    r"|\b(?:" + "|".join(_IRREGULAR.split() + _RESPELT) + r")\b"
    r"|\b(?:follow(?:ing|ed)? up|set(?:ting)? up|arriv(?:e|es|ed|ing)|receiv(?:e|es|ed|ing)|"
    r"here's how|here is how|step \d|"
    r"correct(?=\s+(?:it|this|that|them|these|those|the|your|my|our|their|his|her|an?|any)\b)|"  # "correct the address"
    # "email" the verb ("I'll email you", "please email us the photo"), not the noun ("reply to this email")
    r"(?:(?:i|we|to|will|ll|can|could|please|just|also|then|and|or|simply|kindly)\s+)e-?mails?\b|"
    r"e-?mails?(?=\s+(?:you|us|me|it|them|him|her|the|your|our|this|that|an?|over|back|through|directly)\b)|"
    # getting in touch with someone else, who can act ("contact your bank", "I've contacted the courier"; not "contact
    # us", "we'll contact you": an offer of being in touch)
    r"contact(?:s|ed|ing)?\s+(?!(?:us|me|you|our|we|them|him|her|it|again|anyone|anybody|someone|support|customer|this|"
    r"that|the\s+(?:support|customer|help|team)|details?|info|information|numbers?|forms?|page|preferences?|"
    r"list|centre|center)\b)(?=[a-z])|"
    # "posted" as sent, not "I'll keep you posted": after who or what was posted ("was posted this morning")
    r"(?:i|we|['’]ve|was|were|been|has|have|had|just|already)\s+(?:re)?posted|"
    # ... and "post" as the writer's step still to take ("I'll post what went wrong on our status page", "we will post
    # an update on the blog"), not the noun ("your post", "by post")
    r"(?:(?:i|we|will|shall|can|could)\s+|['’]ll\s+)(?:(?:also|then|just|now)\s+)?(?:re)?post\b|"
    r"(?:i|we)(?:\s+am|\s+are|['’]m|['’]re)\s+(?:(?:also|just|now)\s+)?(?:re)?posting\b|"
    # "report" the verb, to someone who can act ("please report the bug to its author", "you can report it on the
    # tracker"), not the noun ("thanks for the report", "the report shows")
    r"(?:please|kindly|just|simply|can|could|will|['’]ll|to|i|we)\s+report\s+(?:it|this|that|them|the|your|an?)\b|"
    r"roll(?:s|ed|ing)?\s+out\b|"  # a fix put in place: "we're rolling out the fix this afternoon"
    # signing out and in again ("Please log out and back in", "log back in"; not "the log shows", "your login")
    r"log(?:s|ged|ging)?\s+(?:(?:back|straight\s+back)\s+)?(?:in(?:to)?|out|on|off)\b|"
    # a payment or refund that went through, told as news ("It went through this morning."), not what went
    # wrong ("the order went through twice") nor looking ("I went through your account")
    r"went\s+through(?=\s*(?:[.!,;:)]|$)|\s+(?:this\s+(?:morning|afternoon|evening)|today|yesterday|earlier|last\s+night|"
    r"just\s+now|now|fine|ok|okay|successfully|on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day|at\s+\d|and|so)\b)|"
    r"here(?:['’]s|\s+is)\s+(?:a|an|the|your)\s+(?:new|fresh|replacement|working|updated)|"  # "here's a new link"
    r"update[sd]?(?=\s+(?:it|them|you|your|the|this|that|my|our|their|his|her|an?|any|all|everything)\b)"
    # a request of the customer: "Could I ask for a photo of the label?" (not "for your patience")
    r"|(?:can|could|may|might)\s+(?:i|we)\s+(?:please\s+)?ask\s+(?:you\s+)?for(?!\s+your\s+(?:patience|understanding)\b))\b",
    re.IGNORECASE,
)
# Single words that settle a search at once; the full regexes run only when none is present.
_ACTION_WORDS = frozenset(
    f"{pre}{verb}{suffix}" for verb in _VERBS.split() for pre in ("", "re")
    for suffix in ("", "s", "es", "ed", "d", "ing")
) | frozenset(_IRREGULAR.split()) | frozenset(_RESPELT)
# verbs that switch an account, a card or a service off or on, and their reversals ("I've frozen the card",
# "we've blocked the payment", "I'll suspend the direct debit", "I've re-enabled your login"): a step taken for
# the customer, whichever way it switches; not the state it leaves ("your card is locked", "the account stays
# frozen", "it's still blocked"), which is as often the problem the customer wrote about
_SWITCHES = "block lock freeze suspend pause disable enable activate deactivate"


_UNDONE = "block lock freeze suspend pause"  # (the ones "un-" reverses: "unfreeze", not "undisable")


def _switch_forms() -> list[str]:
    forms = {"froze", "frozen", "unfroze", "unfrozen", "refroze", "refrozen"}
    for verb in _SWITCHES.split():
        for pre in ("", "re", *(("un",) if verb in _UNDONE.split() else ())):
            stem = pre + verb
            past = () if verb == "freeze" else (stem + ("d" if verb.endswith("e") else "ed"),)
            forms |= {stem, stem + "s", *past, (stem[:-1] if verb.endswith("e") else stem) + "ing"}
    return sorted(forms - _ACTION_WORDS)  # (what the verbs above already count stays as it was)


_SWITCH_FORMS = _switch_forms()
_SWITCH_WORDS = frozenset(_SWITCH_FORMS)
# (and the noun after an article: "there's a block on your card", "a short pause")
_STATE_BEFORE = ("is are was were been be being stays stay stayed remains remain remained still gets get got 's ’s "
                 "a an the this that")
_SWITCH = re.compile("".join(f"(?<!{re.escape(w)} )" if w[0] in "'’" else f"(?<!\\b{w} )"
                             for w in _STATE_BEFORE.split())
                     + r"\b(?:" + "|".join(_SWITCH_FORMS) + r")\b", re.IGNORECASE)
_TIME_WORDS = frozenset(["today", "tonight", "tomorrow", "now", "immediately", "monday", "tuesday", "wednesday",
                         "thursday", "friday", "saturday", "sunday"])
_LETTERS = re.compile(r"[a-z]+")
# Every match of _ACTION or _VAGUE_TIME is bounded by non-word characters, so its words are whole letter runs
# of the lower-cased text: the regex can only match when one of these words is among the runs. Real replies
# mostly have none, and a set test is far cheaper than scanning the text with a long alternation.
# (what _ACTION can match that _ACTION_WORDS does not hold)
_ACTION_REST = ("follow following followed setting arrive arrives arrived arriving receive receives received "
                "receiving here step ask posted reposted went correct email emails mail mails contact contacts "
                "contacted contacting update updates post posting roll rolls rolled rolling back again running "
                "log logs logging report")
_ACTION_REST_WORDS = frozenset(_ACTION_REST.split())
_VAGUE_WORDS = "soon shortly asap course point future promptly eventually"
_VAGUE_TIME_WORDS = frozenset(_VAGUE_WORDS.split())
# _TIME's words are bounded on the left only ("from mar" matches in "from marketing"), so its gates look for
# letter runs that start with them: each kind of alternative runs only when a word it needs is there (its
# leading "by", "on", "next"... stand as whole words, followed by a space).
_WORD_STARTS = ("today tonight tomorrow now immediately away eod morning afternoon evening day week month "
                "monday tuesday wednesday thursday friday saturday sunday lunch shift teatime fortnight")
# (and a few phrases whole: a head may hold a space, as the spaced letters do)
_WORD_PREFIXES = (*_WORD_STARTS.split(), "close of", "end of play", "tea time")
_UNIT_PREFIXES = ("min", "hour", "hr", "day", "week", "month", "fortnight")
_MONTH_STARTS = "jan feb mar apr may jun jul aug sep oct nov dec"
_LEAD_OBJECTS = tuple(f"mon tue wed thu fri sat sun noon midday tomorrow tonight week fortnight business working "
                      f"bill statement invoice cob {_MONTH_STARTS}".split())
_LEAD_WORDS = "by on before until from next at"
_LEADS = frozenset(_LEAD_WORDS.split())
_NUMBER_PREFIXES = tuple(f"am pm {_MONTH_STARTS}".split())
_DIGIT = re.compile(r"\d")


def _has_word(words: frozenset[str], text: str) -> bool:
    return not words.isdisjoint(_letter_runs(text))


def _may_match(words: frozenset[str], text: str) -> bool:
    """False only when a cue regex cannot match: none of its words is among the text's letter runs."""
    return not lowers_plainly(text) or _has_word(words, text)


@lru_cache(maxsize=4096)  # SK404 and SK105's advice ask about the same solution text
def _has_time(text: str) -> bool:
    """``_has_word(_TIME_WORDS, text) or _BRACED_TIME.search(text) or _TIME.search(text)``: each kind of
    _TIME's alternatives is searched alone, and only when the reply has a word it needs (long replies pass
    some gate: a shorter regex then)."""
    if "now" in _letter_runs(text) and lowers_plainly(text):
        stated = _without_present_now(text)
        if stated != text:
            return _has_time(stated)
    if _has_word(_TIME_WORDS, text):
        return True
    if "{" in text and _BRACED_TIME.search(text):
        return True
    if not lowers_plainly(text) or "[[" in text:
        return _TIME_FOLDED.span(text) is not None
    runs, low, digit = _letter_runs(text), text.lower(), _DIGIT.search(text) is not None
    spaced = _spaced_letters(text)
    return bool(
        (_starts_any(spaced, _WORD_HEADS) and _TIME_WORD.search(low))
        or (_starts_any(spaced, _UNIT_HEADS) and _TIME_UNIT.search(low))
        or (not _LEADS.isdisjoint(runs) and (digit or _starts_any(spaced, _LEAD_HEADS)) and _TIME_LEAD.search(low))
        or (digit and (":" in text or _starts_any(spaced, _NUMBER_HEADS)) and _TIME_NUMBER.search(low))
        or (digit and _TIME_DIGIT.search(low)))


# "now" that says how things stand, not when a step happens: "for now, please use the app" (meanwhile), "until
# now", "by now", and "right now" in a sentence with no step promised or owned ("some payments are failing right
# now"; not "I'm resending the code right now")
_STANDING_NOW = re.compile(r"\b(?:for|until|till|up\s+to|by|just)\s+now\b", re.IGNORECASE)
_RIGHT_NOW = re.compile(r"\bright\s+now\b", re.IGNORECASE)


def _without_present_now(text: str) -> str:
    """``text`` with each "now" that tells how things stand blanked (``_STANDING_NOW``, ``_RIGHT_NOW``)."""
    text = _STANDING_NOW.sub(lambda m: " " * len(m.group(0)), text)
    for m in _RIGHT_NOW.finditer(text):
        start = max(text.rfind(c, 0, m.start()) for c in ".!?\n") + 1
        ends = [i for i in (text.find(c, m.end()) for c in ".!?\n") if i >= 0]
        sentence = text[start:min(ends, default=len(text))]
        if not (_PROMISE.search(sentence) or _OWNER.search(sentence)):
            text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    return text


def _heads(prefixes: tuple[str, ...]) -> tuple[str, ...]:
    """Each prefix (two letters or more) after a space: in ``_spaced_letters`` it starts a run."""
    return tuple(" " + p for p in prefixes)


_WORD_HEADS, _UNIT_HEADS = _heads(_WORD_PREFIXES), _heads(_UNIT_PREFIXES)
_LEAD_HEADS, _NUMBER_HEADS = _heads(_LEAD_OBJECTS), _heads(_NUMBER_PREFIXES)


def _starts_any(spaced: str, heads: tuple[str, ...]) -> bool:
    """Whether a letter run of the text starts with one of the prefixes (``_heads``): a substring test each,
    at C speed, where reading every run costs more (13 -> 5 us on a real reply)."""
    return any(map(spaced.__contains__, heads))


# a-z stay, every other byte (each byte of a character outside ASCII too) becomes a space
_LETTERS_ONLY = bytes(c if 97 <= c <= 122 else 32 for c in range(256))


@lru_cache(maxsize=4096)  # SK402 and SK404 both read the same solution text
def _spaced_letters(text: str) -> str:
    """A space, then ``text.lower()`` with a space for every character but a-z: its runs are
    ``_LETTERS.findall(text.lower())``."""
    return " " + text.lower().encode("utf-8", "surrogatepass").translate(_LETTERS_ONLY).decode("ascii")


@lru_cache(maxsize=4096)
def _letter_runs(text: str) -> frozenset[str]:
    return frozenset(_spaced_letters(text).split())


_APOS = r"['’]"
_OWNER = re.compile(
    # ("I can't reproduce it" owns nothing, and nor does "we are unable to", SK201's "we can't" said formally)
    rf"\b(?:i|we)(?:(?:{_APOS}(?:m|re)|\s+(?:am|are))(?!\s+(?:(?:currently|still|sadly|unfortunately)\s+)?"
    rf"(?:unable|not\s+able)\b)|{_APOS}(?:ll|ve|d)|\s+(?:will|have|can(?!{_APOS}t)|would|just|already|personally))\b"
    # a chat's "ive cancelled it", "weve sent it", "im sending it" (with the verb after: "ive" and "im" alone may
    # be a name or an instant message)
    r"|\b(?:i|we)ve\s+(?:(?:just|already|also|now)\s+)?\w+(?:ed|en|t)\b|\bim\s+(?:(?:just|also|now)\s+)?\w+ing\b"
    rf"|\blet(?:{_APOS}s|\s+(?:me|us))\b"
    # (not "we need your name", a request; "we need to check" and "we need more time" are the writer's)
    r"|\b(?:i|we)\s+(?:(?!need\s+(?:a|an|the|your|some)\b)\w+ed|sent|made|set|put|got|gave|took|paid)\b"
    # "our team will call you", "our billing team has confirmed": the company owning it, as "we'll" does
    rf"|\bour\s+(?:[a-z-]+\s+){{0,2}}?(?:team|engineers?|technicians?|specialists?|experts?|staff|agents?|"
    rf"department|pharmacists?|drivers?|crew|developers?|devs)(?:{_APOS}ll|\s+(?:will|has|have|is|are|can|already|\w+ed|found|sent|made|"
    rf"set|put|got|gave|took|paid)|,?\s+(?:and\s+they|who)(?:{_APOS}ll|\s+will))\b",
    re.IGNORECASE,
)
_DAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)"
_MONTHS = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
           r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)")
_UNITS = r"(?:minutes?|mins?|hours?|hrs?|days?|business days?|working days?|weeks?|fortnights?|months?)"
_NUMBER = r"(?:\d+|one|two|three|four|five|six|seven|ten|twelve|24|48|72|a few|a couple of|an?)"
# _TIME's alternatives, each with the part of it that a reply's words let through (see _has_time)
_TIME_ALTERNATIVES = (
    ("word", "today"), ("word", "tonight"), ("word", "tomorrow"), ("word", "now"), ("word", "right away"),
    ("word", "straight away"), ("word", "immediately"),
    ("word", "this (?:morning|afternoon|evening|week|fortnight|month)"),
    ("lead", f"next (?:week|fortnight|business day|working day|{_DAYS})"),
    ("word", "end of (?:the )?(?:day|week|month)"), ("word", "eod"),
    # the British office's end of the day: "by close of business", "by COB", "before close of play", "by end of play"
    ("word", "close of (?:business|play)"), ("word", "end of play"), ("lead", r"(?:by|before|at|until) cob\b"),
    ("word", r"(?:by|before|at|after|around|until|over) (?:my |our |the )?tea ?time"),
    ("unit", rf"(?:within|in|under|inside|after) (?:the next )?{_NUMBER}(?:[ -](?:more|further))? {_UNITS}"),
    ("unit", "(?:within|in|for|over) the (?:next|coming) (?:hour|day|few days|week|fortnight)"),
    ("unit", "within the (?:hour|day|week|fortnight)"),
    # no number, but a wait the customer can picture: "Transfers usually arrive within minutes", "in a few hours"
    # ("in hours" alone is a British "in office hours")
    ("unit", "(?:within (?:(?:just|a few|a matter of) )?|in (?:just|a few|a matter of) )(?:minutes|mins|hours)"),
    # a number with its unit run on, as a chat writes it: "within 48h", "in 24hrs", "5mins"
    ("digit", r"\d+(?:h|hrs?|hours?|mins?|days?|wks?|weeks?)\b"),
    # "over the weekend", "after lunch", "before my shift ends": a time the customer can hold us to
    ("word", r"(?:over|during|at|by|on|this|next|until) (?:the )?weekend"),
    ("word", r"(?:after|before|by|at|over) (?:my |our |the )?lunch(?:time| break)?"),
    ("word", r"(?:before|by|at) the end of (?:my|our|the) shift|before (?:my|our) shift (?:ends|finishes)"),
    # a clock time with no am/pm, at a clause's end or before "today"/"o'clock": "before my shift ends at 6."
    ("lead", r"(?:at|by|until|before) \d{1,2}(?:[:.]\d\d)?"
             r"(?=\s*(?:o['’]clock|today|tonight|tomorrow|this\b|[.,;!?)]|$))"),
    ("lead", rf"(?:by|on|before|until|from) (?:the end of )?(?:{_DAYS}|{_MONTHS}|tomorrow|tonight|noon|midday|\d)"),
    ("lead", r"(?:by|on|before|until|from) the \d{1,2}(?:st|nd|rd|th)\b"),
    # a credit or refund seen "on your next bill": the bill's date is the time frame
    ("lead", r"(?:on|in) your next (?:bill|statement|invoice)"),
    ("word", "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"),
    ("number", rf"{_MONTHS} \d{{1,2}}"), ("number", r"\d{1,2}(?::\d\d)?\s?(?:am|pm)"), ("number", r"\d{1,2}:\d\d"),
    ("unit", f"{_NUMBER} {_UNITS}"), ("blank", r"(?:by|on|before|within|until|in) \[\["),
    ("word", "the (?:same|next) day"), ("word", "the day (?:before|after)"),
)
_TIME = re.compile(
    r"\b(?:" + "|".join(alternative for _, alternative in _TIME_ALTERNATIVES) + ")"
    r"|\[\[\w*(?:time|date|day|eta|when|deadline|hour|week|month)\w*\]\]",
    re.IGNORECASE,
)
# a time left as a placeholder in a pasted reply ("within {timeframe}"): a time frame, which SK407 asks to fill in
_BRACED_TIME = re.compile(r"\{[^{}\n]{0,40}?(?:time|date|day|eta|when|deadline|hour|week|month)[^{}\n]{0,40}\}",
                          re.IGNORECASE)

# a date a state is set until: "until June", "till Monday", "until 12 June", "until the 3rd", "until next week"
_UNTIL_DATE = rf"(?:until|till)\s+(?:{_MONTHS}|{_DAYS}|next|tomorrow|the\s+(?:end|\d+)|\d+)\b"
# the customer's thing set in a state they asked for, until a date: "Your box is paused until June", "your membership
# is on hold until 12 June", "it's frozen until Monday" (a membership or a plan frozen on request). A suspension, a
# lock, a block or a closing until a date is as often a penalty ("Your account is suspended until 4 May"), so it
# counts only told as asked for ("suspended at your request until 4 May"); a hold waiting on something ("until
# further notice", "until we hear from the bank") is the problem's state, not a step
_SET_UNTIL = re.compile(
    rf"(?:{_APOS}s|{_APOS}re|\b(?:is|are|has\s+been|have\s+been|was|were))\s+(?:(?:now|already|all)\s+)?"
    r"(?:paused|on\s+hold|frozen|(?:suspended|deactivated|disabled|locked|blocked|closed|cancell?ed)\s+"
    r"(?:at\s+your\s+request|as\s+(?:you\s+)?(?:requested|asked)))(?:\s+for\s+you)?,?\s+" + _UNTIL_DATE,
    re.IGNORECASE)


def _time_part(kind: str) -> re.Pattern[str]:
    """The alternatives of one kind as a regex of their own, for lower-cased text (see CaselessRegex)."""
    return re.compile(r"\b(?:" + "|".join(a for k, a in _TIME_ALTERNATIVES if k == kind) + ")")


_TIME_WORD, _TIME_UNIT, _TIME_LEAD, _TIME_NUMBER, _TIME_DIGIT = map(_time_part,
                                                                   ("word", "unit", "lead", "number", "digit"))
# ("as soon as the check is over, I'll email you" waits for an event: no vague "soon" in it, and the event is its
# time frame, _EVENT; "as soon as we can" is as vague as "soon")
_VAGUE_TIME = re.compile(r"\b(?:(?<!\bas\s)soon(?!\s+as\b)|(?<=\bas\s)soon(?=\s+as\s+(?:(?:we|i)\s+can|"
                         r"(?:we|i)(?:['’]re|['’]m|\s+are|\s+am)\s+able)\b)|shortly|asap|as soon as possible|"
                         r"in due course|at some point|in the near future|promptly|eventually)\b", re.IGNORECASE)

# A wait tied to a named event: "I'll email you as soon as it's fixed", "the moment it's live", "once the courier
# scans it", "when we hear back from the bank". Where nobody can give a date (a bug with no fix yet), the event is
# the time frame the customer can hold us to. A conjunction, then a clause with a subject and its verb, in a
# sentence that promises a step ("will", "'ll", "going to"). Not the writer's own capacity or work, which they
# could put a time on ("as soon as we can", "when I'm able", "once I've had a look", "once I've checked with the
# team": with "I" or "we" only a verb of receiving, "hear", "get", "have"...), nor news with no event in it ("when I
# have an update", "when there's news"); not "will" in the clause ("we don't know when it'll be fixed" asks it).
_EVENT_SUBJECT = (
    # someone or something else, with a verb in the present or past: "it's fixed", "the courier scans it", "the
    # parcel reaches us", "our engineers release the update" (a plural's bare verb), "they confirm it"
    rf"(?:(?:it|this|that|he|she|(?:the|your|our|their|its|his|her|my)\s+(?:[a-z-]+\s+){{0,2}}?[a-z-]+)"
    rf"(?:{_APOS}(?:s|ve)|\s+(?:is|are|was|were|has|have|had|gets|goes|comes|does)\b|\s+(?:finally\s+)?[a-z]+(?:s|ed)\b)"
    rf"|(?:they|you|(?:the|your|our|their)\s+(?:[a-z-]+\s+){{0,2}}?[a-z-]+s)(?:{_APOS}(?:re|ve))?\s+"
    r"(?!(?:can|could|will|would|may|might|should|must|shall|are|were|want|wish|like|need)\b)[a-z]+\b"
    # ... or the writer receiving what they wait on: "we hear back from the bank", "I have the photo"
    rf"|(?:i|we)(?:{_APOS}ve|\s+have)?\s+(?:(?:just|finally)\s+)?(?:hear|heard|receive[sd]?|get|got|have|had|see|seen)\b)"
)
_EVENT = re.compile(
    rf"\b(?:(?:as\s+)?soon\s+as|(?<!\bat\s)(?<!\bfor\s)(?<!\bin\s)(?<!\bof\s)the\s+(?:moment|minute|second|instant|day)"
    rf"|(?<!\bat\s)once|when)\s+{_EVENT_SUBJECT}"
    # (what is received is news, a chance or a look: "when I have an update", "once I've had a look"; or the state is
    # only readiness, which names no event: "when it's all ready", "once it's done")
    r"(?!\s+(?:(?:an?|any|more|some|further|enough|all)\s+)?(?:update|updates|news|info|information|details|"
    r"answer|chance|moment|minute|sec|second|time|opportunity|capacity|more|look|able|possible|convenient|"
    r"practical|feasible|free|ready|done|finished|complete|completed)\b)",
    re.IGNORECASE,
)
# an event that is the customer's step, or what they send reaching us: "once you reply", "as soon as we receive it"
_THEIR_STEP = re.compile(
    rf"\S+(?:\s+(?:soon|moment|minute|second|instant|day))?(?:\s+as)?\s+(?:you\b|(?:i|we)(?:{_APOS}ve|\s+have)?\s+"
    r"(?:have|get|got|receive[sd]?)\s+(?:(?:this|that|these|those|the|your)\s+(?:[a-z-]+\s+)?(?:information|info|"
    r"details|photos?|pictures?|screenshots?|documents?|receipts?|replies|reply|answers?|form|item|parcel|return)\b|"
    r"your\b|(?:[a-z-]+\s+){0,3}?from\s+you\b))", re.IGNORECASE)
_PROMISE_CLAUSE = re.compile(rf"\s+(?:i|we|you|they|someone|it|(?:the|your|our)\s+[a-z-]+)"
                             rf"(?:{_APOS}ll|\s+will|\s+shall)\b", re.IGNORECASE)
_EVENT_WORDS = frozenset(["soon", "moment", "minute", "second", "instant", "day", "once", "when"])
_PROMISE = re.compile(rf"\b(?:will|shall|going\s+to)\b|{_APOS}ll\b", re.IGNORECASE)


# A step set for the moment the customer's own step lands: "ships as soon as we scan the old one", "the moment we
# receive your parcel", "as soon as you send the form". When is the customer's to choose, and "as soon as" says
# how soon after, which is all they could be told (not "once" or "when", which leave how soon after open; nor an
# event of someone else's, "as soon as the supplier restocks it", which nobody can date: _EVENT's)
_RIGHT_AFTER_THEIR_STEP = re.compile(
    r"\b(?:as\s+soon\s+as|the\s+(?:moment|minute|instant|second))\s+(?:you\s+(?!can\b|could\b|are\s+able\b)[a-z]+|"
    rf"(?:i|we)(?:{_APOS}ve|\s+have)?\s+(?:receive[sd]?|get|got|have|scan(?:ned)?|(?:get|got)\s+back)\s+"
    # (what the customer sends, not news the writer waits on: "as soon as we have them", updates, is vague still)
    r"(?:this|that|these|those|the|your)\s+(?!(?:[a-z-]+\s+)?(?:update|updates|news|info|information|answer|fix)\b))",
    re.IGNORECASE)


def _right_after_their_step(text: str) -> bool:
    return ("soon" in text or "the m" in text or "the i" in text or "the s" in text) \
        and _RIGHT_AFTER_THEIR_STEP.search(text) is not None


def _tied_to_event(text: str) -> re.Match[str] | None:
    """Where a step is promised for when a named event happens (``_EVENT``), in a sentence that promises it."""
    if not _may_match(_EVENT_WORDS, text):
        return None
    for m in _EVENT.finditer(text):
        start = max(text.rfind(c, 0, m.start()) for c in ".!?;") + 1
        if _PROMISE.search(text, start, m.start()):
            return m  # ("I'll email you as soon as it's fixed")
        if not text[start:m.start()].strip(" \t\n\"'“‘(-–—*"):  # ("Once the courier scans it, I'll email you")
            ends = [i for i in (text.find(c, m.end()) for c in ".!?;") if i >= 0]
            if _PROMISE.search(text, m.end(), min(ends, default=len(text))):
                return m
    return None


# Nothing left to wait for ("you're all set", "it's all done") or the customer's own time ("whenever
# you're ready", "whenever suits you", "at your convenience", "until you tell me"): no time frame is owed.
# Searched only when the reply has one of the words "all", "go", "whenever", "until", "log", "sign", "anything",
# "convenience" or "own".
_NO_WAIT = re.compile(
    # (and a fix done now: "you should be good to go", "it should be all set", unless it waits on something: "you'll
    # be good to go once the part arrives")
    rf"\b(?:(?:you{_APOS}re|you\s+are|you{_APOS}ll\s+be|it{_APOS}s|that{_APOS}s|everything{_APOS}s|everything\s+is|"
    rf"(?:you|it|everything)\s+should\s+(?:now\s+)?be)"
    rf"\s+(?:now\s+)?(?:all\s+(?:set|sorted|done)|(?:all\s+)?good\s+to\s+go)"
    rf"(?!\s+(?:once|when|after|as\s+soon|from|as\s+of)\b)|whenever\s+you(?:{_APOS}re\s+ready|\s+(?:like|want|wish|need\s+it))"
    # ("whenever suits you", SK201's rewrite of "at your convenience", leaves it to them as that does)
    rf"|whenever\s+(?:it\s+)?suits\s+you|at\s+your\s+convenience|in\s+your\s+own\s+time"
    rf"|until\s+you(?:{_APOS}re\s+ready|\s+(?:tell|let)\s+(?:me|us))"
    # "you'll see it when you next log in": it is there already, waiting for them
    rf"|(?:when|next\s+time)\s+you\s+(?:next\s+)?(?:log|sign)\s+(?:back\s+)?(?:in|on)"
    # "I've cancelled the fine. You don't need to pay anything."
    rf"|you\s+(?:don{_APOS}t|do\s+not)\s+need\s+to\s+(?:do|pay|send\s+us)\s+anything)\b",
    re.IGNORECASE,
)
_NO_WAIT_GATES = (" all ", " go ", " whenever ", " until ", " log ", " sign ", " anything ", " convenience ", " own ")


@lru_cache(maxsize=4096)  # SK404 and SK105's advice ask about the same solution text
def _nothing_to_wait_for(text: str) -> bool:
    spaced = _spaced_letters(text)  # (cached: SK404 read it for its time gates)
    return any(map(spaced.__contains__, _NO_WAIT_GATES)) and _NO_WAIT.search(text) is not None


# A finished action: nothing is left to wait for, so no time frame is owed, and a status update of
# it ("your refund went through this morning") needs nobody to own a next step. Done by the writer
# ("I've reissued the ticket", "we refunded it"), or reported ("has shipped", "has been reversed",
# "was sent yesterday", "is unlocked now", "went through").
_DONE_FORM = (r"(?:\w+ed|sent|made|set|reset|put|got|given|taken|paid|done|built|brought|kept|found|frozen|undone|"
              r"shown|split)")
# ("is" and "are" only with "now" or "already": "transfers are sent within minutes" and "the country is
# determined by your number" describe how things work, not something done)
# (each alternative starts with its letters and looks behind for the word start, where "\b" would come
# first: the regex engine then skips ahead to those letters instead of trying every position)
_NOT_A_THING = r"(?!(?:i|we|you|they|he|she|it|sorry|thanks|thank|hi|hello|hey)\b)"  # (a headline's thing, below)
_FINISHED = re.compile(
    rf"(?:i(?<!\wi)(?:{_APOS}?ve|\s+have)?|we(?<!\wwe)(?:{_APOS}?ve|\s+have)?|h(?<!\wh)a(?:s|ve|d)|w(?<!\ww)(?:as|ere))\s+"
    rf"(?:(?:already|just|now|also|since|all|[a-z]+ly)\s+)*(?:been\s+(?:[a-z]+ly\s+)?)?{_DONE_FORM}\b"
    rf"|(?:i(?<!\wi)s|a(?<!\wa)re)\s+(?:(?:now|already)\s+{_DONE_FORM}|{_DONE_FORM}\s+(?:now|already))\b"
    r"|w(?<!\ww)ent\s+through\b",
    re.IGNORECASE,
)
# ... and a step done told as news, with nobody in it (a regex of its own: _FINISHED reads as its reference test
# spells it)
_DONE_NEWS = re.compile(
    # ("your password's reset as of now", "it's all sorted", "the card's now frozen")
    rf"(?:{_APOS}s|{_APOS}re|(?:i(?<!\wi)s|a(?<!\wa)re)(?=\s+(?:all|{_DONE_FORM}\s+as\s+of)\b))\s+"
    rf"(?:(?:now|already|all)\s+{_DONE_FORM}|{_DONE_FORM}\s+(?:now|already|as\s+of\s+(?:now|today|this\s+"
    r"(?:morning|afternoon|evening))))\b"
    # the customer's own thing in the state the step left it, told as news: "Your table's confirmed for 7pm
    # tonight.", "your refund is approved" (with "your", and ending its clause: not "transfers are sent within
    # minutes" nor "your refund is processed within 5 days", how things work)
    # ... or in transit: "Your order is on its way", "your new cards are already on their way to you", and a new
    # thing sent, whoever's it is called: "A replacement is on its way", "the new charger is on the way"
    # (an amount may name it: "your refund of $20 is on the way")
    rf"|(?:y(?<!\wy)our|t(?<!\wt)he|a(?<!\wa)n?)\s+(?:[\w$€£.,-]+\s+){{0,3}}?[\w$€£.,-]+(?:{_APOS}s|\s+is|\s+are)\s+(?:(?:now|already)\s+)?"
    r"on\s+(?:its|their|the)\s+way\b(?!\s+(?:back\s+)?to\s+(?:us|our|the\s+(?:manager|team|warehouse|depot|seller)))"
    rf"|y(?<!\wy)our\s+(?:[a-z-]+\s+){{0,2}}?[a-z-]+(?:{_APOS}s|{_APOS}re|\s+is|\s+are)\s+(?:(?:all|now|already)\s+)?"
    rf"{_DONE_FORM}(?=\s*(?:[.!;,:]|$)|\s+(?:for|and|as\s+of)\b"
    # ... or set until a date the customer asked for: "Your box is paused until June" (not "until you call us",
    # "until further notice": the problem's state, waiting on something)
    rf"|\s+{_UNTIL_DATE})"
    # a thing the step was done to, then its verb in the past with when: "The replacement shipped this morning.",
    # "your refund cleared an hour ago", or told of it: "It shipped this morning." (not the customer's own past: "the
    # item you ordered yesterday")
    rf"|(?:(?:t(?<!\wt)he|y(?<!\wy)our|o(?<!\wo)ur)\s+(?:(?!(?:you|i|we|they|he|she|it|never|not|{_DONE_FORM})\b)"
    r"[a-z-]+\s+){1,3}?|(?:i(?<!\wi)t|t(?<!\wt)hey)\s+)"
    # (and where from: "Your package left our warehouse today", "shipped from our depot"; not what was done to the
    # customer's thing, "Our app deleted your files yesterday", someone's harm, not a step)
    r"(?:(?:\w+ed|sent|went\s+out)\s+(?:(?:out|off|through|back|over)\s+)?(?:(?:from|out\s+of)\s+(?:our|the|your)\s+"
    r"[a-z-]+\s+)?|left\s+(?:(?:from\s+|out\s+of\s+)?(?:our|the|your)\s+[a-z-]+\s+)?)(?:this\s+(?:morning|afternoon|evening)|"
    r"today|yesterday|earlier|last\s+night|just\s+now|an?\s+(?:few\s+)?(?:minutes?|hours?)\s+ago|\d+\s+(?:minutes?|hours?)\s+ago)\b"
    # a headline of the step done, at a sentence's start: "New code sent: check your texts", "Refund processed.",
    # "Done!", "All sorted."
    rf"|(?:^|(?<=[.!?]\s))\W{{0,4}}+(?:(?:a|the|your|new|fresh)\s+)?(?:{_NOT_A_THING}[a-z-]+\s+)?"
    rf"(?:{_NOT_A_THING}[a-z-]+\s+{_DONE_FORM}|(?:all\s+)?(?:done|sorted|fixed))(?=\s*(?:[:!.;]|\s[-–—]|$))",
    re.IGNORECASE,
)
# ... unless something is still to happen ("and will send the new card", "is being processed") or the
# action hands the problem on to someone who has yet to act ("escalated", "passed to", "asked the courier")
_PAST_PARTICIPLE = (r"(?:[a-z]{2,}ed|sent|done|gone|got|gotten|made|given|taken|come|seen|known|told|paid|put|"
                    r"left|kept|set|shown|heard|caught|brought|bought|found|had)")
_HAPPY = r"(?!\s+be\s+(?:more\s+than\s+|very\s+|really\s+|so\s+)?(?:happy|glad|pleased)\b)"  # an offer, not a step
_PENDING = re.compile(
    rf"\b(?:will{_HAPPY}|shall|won{_APOS}t|going\s+to|being|once|pending|yet\s+to|soon|shortly|future|"
    # "should be credited", "may have received": still to happen, or not known to have
    # (not the month: "paused until 4 May", "sent on May 2", "by the end of May")
    # (nor what should have happened and didn't, "the code should have applied", "we could've told you sooner": an
    # admission of the fault, past, however the step beside it stands; "may have received" is still unknown)
    rf"(?:should|would|could)(?!(?:\s+have|{_APOS}ve)\s+(?:been\s+)?{_PAST_PARTICIPLE}\b)|"
    r"(?<!\d\s)(?<!\bin\s)(?<!\bby\s)(?<!\bof\s)(?<!\bon\s)(?<!\buntil\s)(?<!\btill\s)"
    r"(?<!\bsince\s)(?<!\bfrom\s)may(?!\s+\d)|might|"
    # "you can expect the refund within 5 days" says what "you'll receive it within 5 days" says
    r"can\s+expect|"
    r"escalat\w*|pass(?:ed|ing)?\s+(?:it|this|that|them|your|the|on|to|along)|forward\w*|referr\w*|rais(?:ed|ing)|"
    # (the customer's own request hands nothing on: "suspended at your request", "as you requested", "as requested")
    # (nor does what the customer reported: "the fault you reported has been resolved")
    r"logg?ed|(?<!\byou\s)report\w*|flagg?ed|ask\w*|(?<!\byour\s)(?<!\byou\s)(?<!\bas\s)request\w*|submitt\w*|notif\w*|"
    r"contact\w*|chas(?:ed|ing)|"
    r"look(?:ing)?\s+into|investigat\w*|review\w*|check(?:ing)?\s+with)\b"
    rf"|{_APOS}ll\b{_HAPPY}",
    re.IGNORECASE,
)
# a sentence that starts "If" offers help for later ("If anything else comes up, I'll help"): nothing pending
_OFFER = re.compile(r"(?:^|(?<=[.!?]))\s*if\b[^.!?]*[.!?]*", re.IGNORECASE)
# ... and one about more questions or help ("If you have any questions, please don't hesitate to contact us")
_HELP_OFFER = re.compile(r"(?:^|(?<=[.!?]))\s*if\b[^.!?]*?\b(?:questions?|queries|query|concerns?|assistance|help|"
                         r"anything(?:\s+else)?|something\s+else)\b", re.IGNORECASE)


# the words and word starts a match of _PENDING needs: a reply with none of them is not read by it
_PENDING_WORDS = frozenset(["will", "shall", "won", "going", "being", "once", "pending", "yet", "soon", "shortly",
                            "future", "should", "would", "could", "may", "might", "ll", "expect"])
_PENDING_HEADS = _heads(("escalat", "pass", "forward", "referr", "rais", "log", "report", "flag", "ask", "request",
                         "submitt", "notif", "contact", "chas", "look", "investigat", "review", "check"))


@lru_cache(maxsize=4096)  # SK403, SK404 and SK105's advice ask about the same solution text
def _finished(text: str) -> bool:
    """The solution reports an action already done, with nothing left to happen (what it means for the customer
    aside: ``_consequences``)."""
    # (cheapest first: the action words, then the finished forms, found in a third of real solutions)
    # (a condition's "if you have been charged" is the customer's case, not a step finished; a refusal, "the
    # refund was declined", is no step, finished or not)
    # (nor is a look the writer took, "I've reviewed your account and refunded the fee", still to happen)
    # (the thing handed over, "Here's the right one: SPRING20.", is a step the writer has just taken and finished)
    # (the customer's thing sent off, "Your order is on its way", "Your package left our warehouse today", is a step
    # done though no verb of doing is in it)
    # (nor one hedged: "It's on its way, we think", "and may arrive Friday, or may not")
    return (((_offers_action(text) or _sets_off(text)) and _done_in(text) and _done_in(_OFFER.sub(" ", text)))
            or _hands_over(text)) and not _pending(_without_asked_check(_without_looks(_consequences(text)[0]))) \
        and _HEDGED.search(text) is None


# after the news, the writer announcing it ("We would like to inform you that") and the customer asked to check it
# ("We kindly ask you to confirm that it works.", "Please confirm that everything works now."): nothing of the
# company's still to happen, though "would" and "ask" read as pending
_ASKED_CHECK = re.compile(
    rf"\b(?:i|we)(?:{_APOS}d|\s+would)\s+like\s+to\s+(?:inform\s+you|let\s+you\s+know|tell\s+you|advise\s+you)\b"
    r"|(?:^|(?<=[.!?]))\s*(?:(?:therefore|so|now)\s*,?\s+)?(?:(?:we|i)\s+(?:would\s+)?(?:kindly\s+)?(?:ask|request)\s+"
    r"(?:that\s+)?you\s+(?:to\s+)?|(?:please|kindly)\s+)(?:confirm|check|test|verify|let\s+(?:us|me)\s+know)\b"
    r"[^.!?]*[.!?]*", re.IGNORECASE)


# (one of them is in every match of _ASKED_CHECK, in any case: "PLEASE CONFIRM" is asked as "please confirm" is)
_ASKED_CHECK_WORDS = frozenset({"like", "confirm", "check", "know", "test", "verify"})


def _without_asked_check(text: str) -> str:
    """The text with the announcement and the customer's check asked after a step done (``_ASKED_CHECK``) blanked."""
    if not _may_match(_ASKED_CHECK_WORDS, text):
        return text
    return _ASKED_CHECK.sub(lambda m: " " * len(m.group(0)), text)


# a step told as only believed done, or as maybe not happening: "on its way, we think", "we believe it went out
# today", "and may arrive Friday, or may not", "it apparently shipped"
_HEDGED = re.compile(r",\s*(?:i|we)\s+(?:think|believe|reckon|guess)\s*[,.!?]"
                     r"|\b(?:i|we)\s+(?:think|believe|reckon|guess)\s+(?:that\s+)?(?:it|they|your|the|this)\b"
                     r"|\bor\s+(?:(?:may|might)\s+)?not\b|\b(?:probably|apparently|supposedly|presumably)\b",
                     re.IGNORECASE)
# the customer's thing on its (or "the") way to them or gone from where it was kept (not on its way to us, where our
# step is still to come: "Your return is on its way to our warehouse", "your complaint is on its way to the manager")
_SETS_OFF = re.compile(r"\bon\s+(?:its|their|the)\s+way\b(?!\s+(?:back\s+)?to\s+(?:us|our|the\s+(?:manager|team|"
                       r"warehouse|depot|seller)))|\b(?:left|went\s+out)\b", re.IGNORECASE)


def _sets_off(text: str) -> bool:
    return (" way" in text or "left" in text or "out" in text) and _SETS_OFF.search(text) is not None


def finished(text: str) -> bool:
    """Whether ``text`` reports a step already done, with nothing left to happen (``_finished``)."""
    return _finished(text)


def _hands_over(text: str) -> bool:
    """``empathy.hands_over``, read only when a word it needs is there."""
    return _may_match(_HAND_OVER_WORDS, text) and hands_over(text)


_HAND_OVER_WORDS = frozenset(["here", "find"])


# What a step done means for the customer, told after it: "so you'll see it on your statement by Wednesday", "so
# you'll only be charged once", "which means you won't be charged again", "and it should show on your statement",
# "It should reach your account within 3 days." Its "you'll" or "should" is no step still to happen: read as one,
# it made "It went through this morning" a step nobody owned (SK403) or timed (SK404). Not a step of the
# company's put in the passive ("you will be refunded", "it will be processed"): that is still to happen.
_YOU_WILL = (rf"you(?:{_APOS}ll|\s+will|\s+won{_APOS}t|\s+will\s+not|\s+should(?:n{_APOS}t)?|\s+may|\s+might|"
             r"\s+can\s+expect\s+to)")
# (what the customer sees, gets or no longer pays; "wait" verbs are the ones a time frame still answers, _WAIT;
# not "you'll hear from us", which is the writer's step)
_YOU_SEE = (r"see|notice|spot|find|receive|get|have|need|be\s+able|be\s+(?:all\s+)?set|"
            r"be\s+(?:charged|billed|debited)")
_IT_WILL = (r"(?:it|they|this|that|(?:the|your)(?:\s+[a-z-]+){1,2}?)"
            rf"(?:{_APOS}ll|\s+will|\s+should|\s+may|\s+might|\s+can|\s+could)")
_IT_SHOWS = (r"show|appear|arrive|reach|land|clear|take|reflect|come\s+through|go\s+through|drop\s+off|fall\s+off|"
             r"be\s+(?:back|visible|there|available|reflected|with\s+you|on\s+your|in\s+your)")
_CONSEQUENCE = re.compile(
    # where it starts: a sentence, a clause after a comma, or "so", "and", "which means"
    r"(?:(?<=[.!?;:,])|^|\b(?:so|and|which\s+means|meaning)\b)\s*(?:(?:so|and)\s+)?(?:that\s+)?"
    # (or the step's own thing, unsaid after "and": "Your card shipped today and should arrive by Monday")
    rf"(?P<who>{_YOU_WILL}|{_IT_WILL}|(?P<unsaid>(?<=\band\s)(?:will|should|may|might|can|could)))\s+(?P<adverbs>(?:(?:only|also|now|then|just|still|usually|normally|no\s+longer|"
    rf"not|never)\s+)*)(?P<verb>{_YOU_SEE}|{_IT_SHOWS})\b(?P<what>(?:\s+[\w'’-]+){{0,3}})"
    # ... to the end of its clause: the sentence's, or where the writer's own step goes on ("..., and I'll send")
    r"[^.!?;]*?(?=[.!?;]|,?\s+(?:and|but|so|then)\s+(?:i|we|let|our)\b|$)",
    re.IGNORECASE)
# the wait verbs: a consequence with one is still waited for, and a time frame still answers it (SK404)
_WAIT = re.compile(r"see|notice|spot|find|receive|get|hear|show|appear|arrive|reach|land|clear|take|reflect|come|go|"
                   r"be\s+(?:back|visible|there|available|reflected|with|on|in)", re.IGNORECASE)
# a decision only promises its step: after "your claim has been accepted", "you'll receive the credit" is a step
# still to happen, owned by nobody
_DECISION = re.compile(r"\b(?:approved|accepted|authori[sz]ed|granted|agreed)\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _consequences(text: str) -> tuple[str, bool]:
    """The text with what its step means for the customer blanked out (``_CONSEQUENCE``), and whether one of
    those is still waited for ("you'll see it on your statement"; not "you'll only be charged once", "you won't
    see the charge again"). A decision's consequences are its step still to happen: nothing is blanked."""
    if not _may_match(_CONSEQUENCE_WORDS, text) or _DECISION.search(text):
        return text, False
    kept, at, waits = [], 0, False
    for m in _CONSEQUENCE.finditer(text):
        if _GETS.fullmatch(m.group("verb")) and not _got_back(m.group("what"), text[:m.start()]):
            continue  # ("so you'll get a refund": a step still to happen, not what the step done sent)
        if m.group("unsaid") and not _SHOWS.fullmatch(m.group("verb")):
            continue  # (with its thing unsaid, "and will get back to you" is the writer's step still to happen)
        kept += [text[at:m.start()], " " * (m.end() - m.start())]
        at = m.end()
        negated = _NEGATED.search(m.group("who")) or _NEGATED.search(m.group("adverbs"))
        waits = waits or (not negated and _WAIT.match(m.group("verb")) is not None)
    return ("".join(kept) + text[at:], waits) if at else (text, False)


_CONSEQUENCE_WORDS = frozenset(["you", "it", "they", "this", "that", "the", "your"])
_GETS = re.compile(r"receive|get|have", re.IGNORECASE)
_SHOWS = re.compile(_IT_SHOWS, re.IGNORECASE)
_BACK_TO_IT = frozenset(["it", "them", "this", "that", "these", "those", "back"])
_NEW_THING = frozenset(["a", "an", "some", "any", "another", "new", "more", "further"])
_DETERMINERS = frozenset(["the", "your", "my", "our", "its", "their", "full", "whole"])


def _got_back(what: str, before: str) -> bool:
    """Whether what the customer will receive or get is what the step done sent: "it", "them", or a thing the
    solution named before ("Your refund has been issued, so you'll get the refund by Friday"); not a new thing,
    "a refund", "the credit" after "your claim was accepted", which is a step still to happen."""
    words = _WORDS.findall(what.lower())
    if not words or words[0] in _NEW_THING:
        return False
    if words[0] in _BACK_TO_IT:
        return True
    named = set(_WORDS.findall(before.lower()))
    return any(w in named for w in words if w not in _DETERMINERS and len(w) > 2)
_NEGATED = re.compile(rf"n{_APOS}t\b|\b(?:not|never|no)\b", re.IGNORECASE)


def _done_in(text: str) -> bool:
    """A finished form (``_FINISHED``) or a step done told as news (``_DONE_NEWS``) in the text."""
    return _FINISHED_FOLDED.span(text) is not None or _DONE_NEWS_FOLDED.span(text) is not None or _restored(text) \
        or _set_until(text)


def _set_until(text: str) -> bool:
    """The customer's thing in a state they asked for, until a date (``_SET_UNTIL``): a step done (SK402) that
    nobody is left to own (SK403)."""
    return ("until" in text or "till" in text) and _SET_UNTIL.search(text) is not None


def _pending(text: str) -> bool:
    if lowers_plainly(text) and not _has_word(_PENDING_WORDS, text) \
            and not _starts_any(_spaced_letters(text), _PENDING_HEADS):
        return False
    return _PENDING_FOLDED.span(_OFFER.sub(" ", text)) is not None


@lru_cache(maxsize=16_384)  # (SK401 to SK404 and SK105's advice ask it of the same solution texts)
def _has_action(text: str) -> bool:
    """A verb of doing in the solution: one of the verbs above, or any verb the writer owns with what it is done
    to or when ("I've emailed the invoice", "I'll ring you tomorrow", "I can hold the item for you", "I've re-run
    it": the lexicon's ``owned_steps``, which slot inference reads as an action too). Not a look the writer took
    with what it looked at (``_LOOKED``): "We've looked at your account", "we have followed the procedure"."""
    text = _without_looks(text)
    return _has_word(_ACTION_WORDS, text) or (_may_match(_ACTION_REST_WORDS, text) and _ACTION_FOLDED.span(text)
                                              is not None) \
        or (_may_match(_SWITCH_WORDS, text) and _SWITCH.search(text) is not None) \
        or pattern("owned_steps").search(text) or _hands_over(text) or _restored(text) or _set_until(text) \
        or (_may_match(_ARRIVES_WORDS, text) and _ARRIVES.search(text) is not None)


# the customer's thing promised to reach them, said as "arrive" is (an action above): "It'll be with you by Thursday",
# "the replacement should reach you within 2 days", "they'll get to you on Monday"; not the writer coming back to
# them, "We'll be with you shortly", which promises nothing sent
_ARRIVES = re.compile(
    rf"\b(?:it|they|(?:the|your)\s+(?:[a-z-]+\s+){{0,2}}?[a-z-]+)(?:{_APOS}ll|\s+will|\s+should|\s+shall)\s+"
    r"(?:(?:now|then|also|definitely|still|hopefully)\s+)?(?:be\s+(?:back\s+)?with\s+you|reach\s+you|get\s+to\s+you)\b",
    re.IGNORECASE)
_ARRIVES_WORDS = frozenset(["with", "reach", "get"])


# A look the writer took, or a procedure followed, with what it was done to: "We've looked at your account", "I've
# reviewed your refund request", "we have followed the correct procedure", "I've taken a look at it". It does
# nothing for the customer: what it found, or a step after it ("..., and I've refunded the fee"), is the solution.
# (Not "I'll check your account", a look still to take, nor "Have you checked your spam folder?", the customer's;
# not "followed up".)
_LOOK = (r"(?:(?:just|already|now|also|then|carefully|fully|thoroughly|personally|closely|since|both)\s+)*"
         r"(?:(?:re-?|double[- ]?)?checked(?!\s+(?:you\s+|them\s+)?(?:in|out)\b)|re-?reviewed|reviewed|"
         r"looked(?!\s+after\b)|investigated|examined|considered|assessed|"
         r"(?:gone|went)\s+(?:over|through)|followed(?!\s+up\b)|(?:taken|had|took)\s+an?\s+"
         r"(?:(?:quick|close|closer|good|careful|full|thorough|detailed)\s+)?look)\b"
         # ... and what it was done to, to the end of its clause ("..., and refunded the fee": a step after it)
         r"[^.!?;,:]*?(?=\s+(?:and|but|so|then|which)\b|[.!?;,:]|$)")
_LOOKED = re.compile(rf"\b(?:i|we)(?:{_APOS}ve|\s+have|\s+had)?\s+{_LOOK}(?:\s+and\s+{_LOOK})*", re.IGNORECASE)
# (the words a match of _LOOKED needs one of: see _may_match)
_LOOK_LIST = ("checked rechecked reviewed rereviewed looked investigated examined considered assessed gone went "
              "followed look")
_LOOK_WORDS = frozenset(_LOOK_LIST.split())


def _without_looks(text: str) -> str:
    """The text with each look the writer took (``_LOOKED``) blanked out."""
    if not _may_match(_LOOK_WORDS, text):
        return text
    return _LOOKED.sub(lambda m: " " * len(m.group(0)), text)


@lru_cache(maxsize=16_384)  # (SK401 to SK404 and SK105's advice ask it of the same solution texts)
def _offers_action(text: str) -> bool:
    """``_has_action`` of what the solution does not refuse: "We will not refund you today." and "Refunds are not
    possible after 14 days." offer no step, "We won't charge you for the return, and I'll send a label" does (see
    inference.refused_spans)."""
    if not _has_action(text):
        return False
    folded = fold(text)
    if not may_refuse(folded):
        return True
    spans = refused_spans(folded)
    return not spans or _has_action(_blanked(text, spans))


_ACTION_FOLDED, _OWNER_FOLDED = CaselessRegex(_ACTION), CaselessRegex(_OWNER)
_FINISHED_FOLDED, _PENDING_FOLDED = CaselessRegex(_FINISHED), CaselessRegex(_PENDING)
_DONE_NEWS_FOLDED = CaselessRegex(_DONE_NEWS)
_TIME_FOLDED, _VAGUE_TIME_FOLDED = CaselessRegex(_TIME), CaselessRegex(_VAGUE_TIME)


# a chat held while the writer checks: "Bear with me while I check.", "Let me check that for you, one moment please.",
# "Give me a few minutes to look into this." The ask to wait (_HOLD_ASK; not "for a moment", how long something
# lasted), and the look it waits on (_HOLD_LOOK), with nothing else beside them: the writer's next step, owned, its
# time the moment asked for, and the answer in the next message (SK301 leaves such a reply alone too)
_HOLD_ASK = re.compile(
    r"\b(?:bear\s+with\s+(?:me|us)|(?<!\bfor\s)(?:just\s+)?(?:one|a|1)\s+(?:sec(?:ond)?|moment|min(?:ute)?|mo)\b|"
    r"hang\s+on|hold\s+on|(?:give|allow)\s+(?:me|us)\s+(?:just\s+)?(?:a|one|two|a\s+few|a\s+couple(?:\s+of)?|\d+)\s+"
    r"(?:more\s+)?(?:sec(?:ond)?s?|moments?|min(?:ute)?s?))\b", re.IGNORECASE)
_HOLD_LOOK = re.compile(
    rf"\b(?:let\s+(?:me|us)|(?:while|whilst|as|and|so)\s+(?:i|we)|(?:i|we)(?:{_APOS}ll|\s+will)|to)\s+"
    r"(?:(?:just|quickly)\s+)?(?:check|look|see|dig|(?:have|take)\s+an?\s+(?:(?:quick|closer|close)\s+)?look)\b"
    r"(?:\s+(?:into|at|on|over|up))?(?:\s+(?:it|this|that|your\s+[\w'’-]+|the\s+[\w'’-]+))?(?:\s+for\s+you)?",
    re.IGNORECASE)


@lru_cache(maxsize=4096)  # (SK402 to SK404 ask it of the same solution text)
def _holds_the_chat(text: str) -> bool:
    """Every sentence of ``text`` asks the customer to wait while the writer checks (``_HOLD_ASK``), with no step
    beside the look it waits on: "Bear with me while I check." (not "Bear with me, I'll send a new card.")."""
    if "moment" not in text and not _may_match(_HOLD_WORDS, text):
        return False
    sentences = [part for part in SPACE_AFTER_STOP.split(text.strip()) if part]
    return bool(sentences) and all(
        _HOLD_ASK.search(part) and not _offers_action(_HOLD_LOOK.sub(" ", _HOLD_ASK.sub(" ", part)))
        for part in sentences)


_HOLD_WORDS = frozenset(["bear", "sec", "second", "moment", "min", "minute", "minutes", "mo", "hang", "hold",
                         "give", "allow"])


# the turn from a feeling to good news inside one sentence of care: "I know this has been stressful, so I'm glad
# to say your refund is approved", "..., and I'm pleased to tell you ..." (what follows is read as the solution)
_NEWS_TURN = re.compile(rf",?\s+(?:so|and)\s+(?=(?:i|we)(?:{_APOS}m|{_APOS}re|\s+am|\s+are)\s+"
                        r"(?:so\s+|really\s+|very\s+)?(?:glad|happy|pleased|delighted|thrilled)\s+to\s+(?:say|tell|let|confirm|report|share)\b)",
                        re.IGNORECASE)
_NEWS_TAILS = "_sk_news_tails"


def _news_tails(message: Message) -> tuple[tuple[int, int], ...]:
    """Where good news told after the care in a sentence of care starts and ends (``_NEWS_TURN``, news that
    names a step or a step done): the solution's, though inference keeps the sentence whole as care. With none,
    in a reply whose sentences were read into no solution, the ones read as neither care nor solution that tell
    a step done or hold the chat (``_holds_the_chat``). Asked once per message."""
    kept: tuple[tuple[int, int], ...] | None = message.__dict__.get(_NEWS_TAILS)
    if kept is None:
        found = []
        for s in body_sentences(message):
            m = _NEWS_TURN.search(s.text) if s.slot in ("acknowledgment", "warm_language") else None
            if m is not None and (_offers_action(tail := s.text[m.end():]) or _finished(tail)):
                found.append((s.start + m.end(), s.end))
        if not found and slot_range(message, "solution") is None:
            # (a reply read sentence by sentence with nothing placed in the solution: what was asked, told as done,
            # "Done! Your box is paused until June.", or a chat held while the writer checks, "Bear with me while I
            # check.", is its solution, as a script's solution slot holding it is)
            found = [(s.start, s.end) for s in body_sentences(message)
                     if s.inferred and s.slot == "other" and (_finished(s.text) or _holds_the_chat(s.text))]
        kept = message.__dict__[_NEWS_TAILS] = tuple(found)
    return kept


def solution_text(message: Message) -> str:
    """The solution slot's text, after any good news told inside a sentence of care (``_news_tails``)."""
    tails = _news_tails(message)
    own = message.slot_text("solution")
    if not tails:
        return own
    return " ".join([*(message.text[a:b].strip() for a, b in tails), *([own] if own else [])])


def slot_range(message: Message, slot: str) -> tuple[int, int] | None:
    start = end = -1
    for a, b, seg in message.spans():
        if seg.slot == slot:
            if start < 0:
                start = a
            end = b
    return (start, end) if start >= 0 else None


def _slot_offset(message: Message, slot: str, offset: int) -> int:
    """Where ``offset`` into ``message.slot_text(slot)`` lies in ``message.text``: the slot's
    segments are joined there, and another slot's sentence can sit between two of them."""
    seen = 0
    last = 0
    for a, b, seg in message.spans():
        if seg.slot == slot:
            if offset < seen + (b - a):
                return a + offset - seen
            seen += b - a
            last = b
    return last


def _solution_offset(message: Message, offset: int) -> int:
    """Where ``offset`` into ``solution_text(message)`` lies in ``message.text``: in good news told inside a
    sentence of care, or in the solution slot after it."""
    for a, b in _news_tails(message):
        told = message.text[a:b].strip()
        if offset < len(told):
            return a + (len(message.text[a:b]) - len(message.text[a:b].lstrip())) + offset
        offset -= len(told) + 1
    return _slot_offset(message, "solution", max(offset, 0))


def _solution_span(message: Message) -> tuple[int, int]:
    """Where a finding about the solution points: the solution slot (from any good news told inside a sentence of
    care before it), else the whole reply."""
    own, tails = slot_range(message, "solution"), _news_tails(message)
    if tails:
        return tails[0][0], own[1] if own else tails[-1][1]
    return own or (0, len(message.text))


# where a message keeps its ``_has_solution`` answer, in its own __dict__ (as inference keeps its analysis)
_HAS_SOLUTION = "_sk_has_solution"


def _has_solution(message: Message) -> bool:
    """Whether the reply has a solution (SK401-SK404 ask this, and SK105's advice through ``_gives_next_step``):
    three words of the solution's own, or fewer that name a step ("We'll check.", "Refund sent."), and not a
    refusal that offers no way forward (``_refuses_only``). Asked once per message: four rules ask it."""
    kept: bool | None = message.__dict__.get(_HAS_SOLUTION)
    if kept is None:
        kept = message.__dict__[_HAS_SOLUTION] = _has_solution_text(message) and not _refuses_only(message)
    return kept


# where a transcript's message keeps its agent turns (``_turns``), in its own __dict__: two rules ask
_TURNS = "_sk_turns"


def _turns(message: Message) -> list[tuple[int, Message]]:
    """A reviewed transcript's agent turns that hold a sentence of solution, each as a message of its own with
    where it starts in ``message.text`` (``text_message`` joins the turns with a layout "\n\n" of no source);
    none for any other message."""
    kept: list[tuple[int, Message]] | None = message.__dict__.get(_TURNS)
    if kept is None:
        kept = message.__dict__[_TURNS] = []
        if message.meta.get(AGENT_TURNS):
            meta = {k: v for k, v in message.meta.items() if k != AGENT_TURNS}
            start, segments = 0, list[Segment]()
            for _, b, seg in [*message.spans(), (-1, -1, None)]:
                if seg is None or (isinstance(seg, Text) and seg.slot == "layout" and seg.source is None
                                   and seg.text == "\n\n"):
                    if any(isinstance(s, Text) and s.slot == "solution" for s in segments):
                        kept.append((start, replace(message, segments=tuple(segments), meta=meta)))
                    start, segments = b, []
                else:
                    segments.append(seg)
    return kept


def _judged_by_turn(judge: Callable[[Message, RuleContext], Iterable[Finding]], settles: Callable[[str], bool],
                    message: Message, ctx: RuleContext) -> Iterable[Finding]:
    """SK403's and SK404's findings, in a transcript turn by turn. The reply is judged as a whole, as any other; and
    each agent turn that promises something of its own (a "will" or "'ll" in its solution, not only what an earlier
    step means for the customer, "It will be back on your card by Friday.") is judged on its own
    instead, so an earlier turn's time or owner does not cover a later promise ("You'll hear from them when they
    have news."). A turn's finding, or the whole reply's on a turn, stands unless a later turn judged clean
    ``settles`` it: the step done, timed or owned there ("we'll get this sorted", then "I've unlocked your
    account")."""
    whole = list(judge(message, ctx))
    turns = _turns(message)
    if len(turns) < 2:
        yield from whole
        return
    judged = [(start, turn, list(judge(turn, ctx))) for start, turn in turns]

    def settled(k: int) -> bool:
        return any(not later and settles(solution_text(turn)) for _, turn, later in judged[k + 1:])

    # (what an earlier turn's step means for the customer, "It will be back on your card by Friday.", is that
    # step's, not a promise of its own)
    own = {k for k, (_, turn, _) in enumerate(judged) if _PROMISE.search(_consequences(solution_text(turn))[0])}
    for k in sorted(own):
        start, _, findings = judged[k]
        if not settled(k):
            yield from (replace(f, start=f.start + start, end=f.end + start) for f in findings)
    for f in whole:
        at = next((k for k, (start, turn, _) in enumerate(judged) if start <= f.start < start + len(turn.text)), None)
        if at is None or (at not in own and not settled(at)):
            yield f


def _has_solution_text(message: Message) -> bool:
    text = solution_text(message)
    return (_enough_words(text) or _short_step(text)) and not _only_closes(message)


# thanks or good wishes that close a reply: "Thanks again for your patience.", "Have a lovely day!", "Take care"
_CLOSING_WORDS = re.compile(r"\W*(?:(?:many|again|once\s+again)\s*,?\s*)?(?:thanks|thank\s+you|cheers|"
                            r"(?:i|we)\s+(?:really\s+|truly\s+)?appreciate\s+(?:your|you)|have\s+an?\s+"
                            r"(?:great|good|nice|lovely|wonderful|fantastic|brilliant)|take\s+care|"
                            r"(?:all\s+the\s+|best\s+)?(?:best\s+)?wishes|"
                            r"enjoy\s+(?:your|the)\s+(?:day|weekend|evening))\b",
                            re.IGNORECASE)


def _only_closes(message: Message) -> bool:
    """The solution slot holds only a closing: a sign-off ("Kind regards, The Support Team"), or thanks or good
    wishes ("Thank you for your patience.", "Have a lovely day!") with no step in them. A helpdesk import may put a
    macro's sign-off there; it is no solution. (An offer of more help, "Is there anything else I can help with?",
    stays SK402's: it names no step, as its docs say.)"""
    if _news_tails(message):
        return False
    own = [s for s in analyse_message(message) if s.slot == "solution"]
    return bool(own) and all(
        s.cues.signoff or (
            _CLOSING_WORDS.match(s.text)
            and not (s.cues.apologies or _offers_action(s.text) or _finished(s.text) or asks_about_it(s)))
        for s in own)


# the door closed on any further step: "There is nothing more we can do", "there's nothing further I can do", "we
# are unable to help any further", "our decision is final"
_CLOSED = re.compile(
    r"\bnothing\s+(?:more|further|else)\s+(?:that\s+)?(?:we|i)\s+(?:can|could|are\s+able\s+to|am\s+able\s+to)\s+do\b"
    rf"|\b(?:we|i)\s+(?:can(?:no|{_APOS})t|are\s+(?:unable|not\s+able)\s+to|am\s+(?:unable|not\s+able)\s+to)\s+"
    r"(?:do\s+(?:anything|any\s*more)(?:\s+(?:more|further|else))?|help\s+(?:you\s+)?(?:any\s+)?further)\b"
    r"|\b(?:this|our|the|that)\s+decision\s+is\s+final\b", re.IGNORECASE)


def _closed_spans(text: str) -> list[tuple[int, int]]:
    # (each way _CLOSED can match has one of these words: "nothing", "unable"/"not able", "can't/cannot ... do"
    # or "help ... further", "decision is final"; tested as written and in capitals: most sentences have none)
    low = text if text.islower() else text.lower()
    if "nothing" not in low and "able" not in low and "final" not in low and "further" not in low \
            and not ("can" in low and ("do" in low or "help" in low)):
        return []
    return [m.span() for m in _CLOSED.finditer(text)]


def _refuses(text: str) -> bool:
    """Whether ``text`` refuses a step or closes the door on any ("We can't change the fare.", "There is nothing
    more we can do.")."""
    return bool(_closed_spans(text)) or (_has_action(text) and not _offers_action(text))


def _refuses_only(message: Message) -> bool:
    """The reply refuses and offers no way forward: its solution is a refusal ("Unfortunately we can't replace worn
    boots.") with no step beside it, or the reply closes the door ("There is nothing more we can do.", in whichever
    slot) and its solution has no step the writer owns, none of the customer's, no question about the problem
    ("Exchanges must be requested within 30 days. Yours was made on day 41." names no step: its verbs are the
    policy's and the customer's). No solution, whether or not an apology comes first: slot inference reads a
    refusal after an apology as the solution, and without one as neither (SK401 then found it, SK402 now).
    ("We can't exchange them": "exchange" is no verb of ``_VERBS``, as "the exchange rate" would make it one.)"""
    text = solution_text(message)
    if not _has_solution_text(message):
        return False
    body = body_sentences(message)
    closed = any(_closed_spans(s.text) for s in body)
    # (a step refused, not news unknown: "we can't say when the service is back up" refuses no step, SK402's)
    refused = _has_action(text) and not _offers_action(text)
    if not closed and not refused:
        return False
    if _customer_acts(message, text) or any(asks_about_it(s) for s in body):
        return False  # (a way forward that is the customer's: "please contact your bank about the charge")
    if not closed:
        # (a step owned beside the refusal, however vague, is SK402's and SK404's to judge: "we can't change the
        # address, but our team will contact you by email tomorrow"; only a refusal with none is no solution)
        folded = fold(text)
        owned = _blanked(folded, refused_spans(folded) if may_refuse(folded) else [])
        return not _gives_next_step(message) and not _OWNER_FOLDED.span(owned)
    kept = _blanked(text, _closed_spans(text))  # ("nothing more we can do": no "we can" that owns a step)
    return not (_OWNER_FOLDED.span(kept) and (_offers_action(kept) or _finished(kept)))


def _blanked(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with each of ``spans`` (in order, apart) written as spaces: what is left, at the same offsets."""
    kept, at = [], 0
    for start, end in spans:
        kept += [text[at:start], " " * (end - start)]
        at = end
    return "".join(kept) + text[at:] if kept else text


@lru_cache(maxsize=4096)
def _short_step(text: str) -> bool:
    """Whether ``text``, without its blanks, names a step in a word or two, as SK402 reads one."""
    if "{{" in text or "[[" in text:
        text = MARKERS.sub("", text)
    return WORD.search(text) is not None and (_offers_action(text) or _finished(text))


def _gives_next_step(message: Message) -> bool:
    """Whether the reply says what happens next as SK401 and SK402 read it (neither flags it): the one
    answer SK105's advice gives too. A question about the problem is the customer's step, and a blank named for
    the step ("Here's what we'll do next: {{ blank.step_1 }}") is the step the agent fills in."""
    if not _has_solution_text(message):
        return any(asks_about_it(s) for s in body_sentences(message))
    text = solution_text(message)
    return _offers_action(text) or _finished(text) or only_thanks_for_praise(message) or _asks_about_it(message) \
        or _closes_a_settled_reply(message) or _holds_the_chat(text) \
        or ("[[" in text and _STEP_BLANK.search(text) is not None)


# a blank named for the step it holds: [[step_1]], [[next_steps]], [[action_taken]], [[resolution]] (as SK404 reads
# [[new_time]] as the time): the agent fills the step in, so the script names one (not [[prefix]]: a word's part)
_STEP_BLANK = re.compile(r"\[\[(?:\w*_)?(?:steps?|actions?|solution|resolution|fix|instructions?|workaround)"
                         r"(?:_\w*)?\]\]", re.IGNORECASE)


# a subject line: "Your inquiry regarding billing from 3 May (case 123)", "Re: your request about the refund"
_SUBJECT_LINE = re.compile(r"\W*(?:re:\s*)?your\s+(?:[a-z]+\s+)?(?:request|message|e-?mail|enquiry|inquiry|query|"
                           r"ticket|case|complaint|application|submission)\s+(?:regarding|about|concerning|on|from|of|re)\b",
                           re.IGNORECASE)
# someone speaking or spoken to (``_PERSON``), but not "US" in capitals: "-US passport" is a country's
_SPEAKS = re.compile(r"\b(?:(?i:i|we|you|your|yours|our|ours|me|my)|us|Us)\b")
_ENDS_FINISHED = re.compile(r"[.!?…][\"'”’)\]*_]*\s*\Z")
# a blank alone on its line, as a list item or in bold: the answer the agent writes ("Here's what happened:\n
# [[reason]]"), no fragment of a reply
_LONE_BLANK = re.compile(r"[\s*_>•·:-]*\[\[\w+\]\][\s*_.:!]*")


def _fragment_line(sentence: str) -> bool:
    """Whether a sentence of the solution is no sentence of a reply: a line with no end mark (nor an emoji in its
    place) that is a link, a list's or a form's item, a label ("Form:", "-US passport", "Market: [[bp]]"), an
    opener that leads into the answer ("Regarding your inquiry from [[date]],") or a subject line ("Your inquiry
    regarding [[topic]] from [[date]]"). A line with no mark that speaks for the writer or to the customer ("we're
    looking into it", as chats are written) is a sentence, and judged; so is one holding a blank alone on its line,
    the answer the agent writes ("Here's what happened:\n[[reason]]", ``_LONE_BLANK``)."""
    text = sentence.rstrip()
    if not text or _ENDS_FINISHED.search(text) or emoji_ended(text, 0, len(text)) \
            or ("[[" in text and any(_LONE_BLANK.fullmatch(line) for line in text.splitlines())):
        return False
    return text.endswith((",", ":")) or _SPEAKS.search(MARKERS.sub(" ", text)) is None \
        or _SUBJECT_LINE.match(text) is not None


def _sent_as_a_fragment(message: Message) -> bool:
    """The solution is a fragment of a reply sent alone, as helpdesk libraries keep them (a bare link, a subject
    line, an opener ending in a comma, a form's fields, a list of documents), maybe with a closing line
    (``offers_more_help_only``): no reply whose step is missing, so SK402 and SK404 leave it to the reply it goes
    into (an import writes it straight into the solution slot, where review's slot inference would not put it)."""
    own = [s for s in body_sentences(message) if s.slot == "solution"]
    return any(_fragment_line(s.text) for s in own) \
        and all(_fragment_line(s.text) or offers_more_help_only(s.text) for s in own)


@lru_cache(maxsize=16_384)  # SK401-SK404 all ask, about the same solution texts
def _enough_words(text: str) -> bool:
    """``word_count(MARKERS.sub("", text)) >= 3``, reading no further than the third word."""
    if "{{" in text or "[[" in text:
        text = MARKERS.sub("", text)
    return sum(1 for _ in islice(WORD.finditer(text), 3)) >= 3




def short_reply_advice(message: Message, reviewed: bool = False) -> str | None:
    """What a short reply should add (SK105's advice): an acknowledgment of how the customer feels, a next step,
    what an email under ``min_words`` rarely has room for. None when it needs neither, a reply that only answers
    praise or thanks, or one that acknowledges the customer (or opens with good news done) and gives the next
    step: short is then fine and SK105 says nothing. A step with no time frame is said apart (SK404's point): it
    is no cure for the length, so it alone does not make a short reply worth reporting. ``reviewed``: a reply
    judged as an email because no channel was chosen (``scriptkit review``), where one with no greeting or
    sign-off and under 40 words is likely a chat's: the advice names ``--channel chat``."""
    if only_thanks_for_praise(message):
        return None
    missing = []
    body = body_sentences(message)
    # (good news told first hears the customer, as SK301 reads it: "Your refund has been approved.")
    if not any(s.cues.acknowledges for s in body) and not opens_with_good_news(body):
        missing.append("an acknowledgment of how the customer feels")
    steps = _gives_next_step(message)
    if not steps:
        missing.append("a concrete next step")  # (what SK401 or SK402 says is missing)
    if not missing:
        return None
    # (what SK404 says is missing: a point of its own, "Add when the next step will happen" read as the cure for length)
    when = " Separately, say when the next step will happen." if steps and solution_text(message) \
        and _owes_a_when(message) else ""
    channel = (" Read as an email (the default): for a chat reply, use --channel chat."
               if reviewed and _looks_like_chat(message) else "")
    return f"Add {' and '.join(missing)}.{when}{channel}"


_CHAT_LENGTH = 40  # words: a reply this short with no greeting or sign-off reads as a chat's


def _looks_like_chat(message: Message) -> bool:
    """A reply with no greeting or sign-off and under ``_CHAT_LENGTH`` words: likely a chat's."""
    return message.channel == "email" and word_count(message.text) < _CHAT_LENGTH \
        and not any(seg.slot in ("greeting", "signoff") for _a, _b, seg in message.spans())


def _script_location(script: Script, path: tuple[str | int, ...] = ("id",)) -> Location:
    if script.origin is None:
        return Location(script.file, 1, 1)
    return script.origin.location(path, key=True)


@register
class MissingSolution(Rule):
    """The reply has no solution: nothing tells the customer what happens next.

    ## What it does
    Flags a reply whose solution slot is empty or has fewer than three words of its own
    (a blank alone does not count) and those name no step ("We'll check." and "Refund sent." do:
    SK402 to SK404 judge them). A solution slot holding only a closing is empty too: a sign-off
    ("Kind regards, The Support Team") or thanks or good wishes ("Thank you for your patience.",
    "Have a lovely day!"), as a helpdesk import may place a macro's sign-off there (an offer of
    more help alone, "Is there anything else I can help with?", is SK402's). A reply read sentence by sentence
    (`scriptkit review`) with nothing read as its solution still has one when it tells what was
    asked as done ("Done! Your box is paused until June.") or holds a chat while the writer
    checks ("Bear with me while I check."), as SK301 leaves such a holding reply alone.
    A reply that only thanks the customer for praise ("Thank you
    for the lovely review!") has nothing to solve and is left alone; one that also apologises,
    names a feeling or acknowledges a problem ("Thanks for the kind words, sorry the parcel was
    late.") still owes the customer what happens next. SK402 to SK405 leave such a reply alone
    too: there is no fix for them to judge. A question to the customer about their problem ("Sorry
    to hear that, is it the layout or the speed?") is what happens next, wherever it stands: they
    answer it (not one that only offers more help, "Is there anything else I can help with?").

    A refusal that offers no way forward is no solution either, with or without an apology before
    it: a solution that only refuses ("Unfortunately we can't replace worn boots.", "Refunds are
    not possible after 14 days.", "The refund was declined."), or a reply that closes the door
    ("There is nothing more we can do.", "Our decision is final.") with no step the writer owns,
    none the customer can take and no question beside it ("Exchanges must be requested within 30
    days. There is nothing more we can do."). A way forward beside the refusal is a solution, which
    SK402 to SK404 judge ("We can't replace them, but I've sent a 20% voucher today.", "There's
    nothing more we can do here, so please contact your bank about the charge.").

    ## Why it matters
    Empathy without action is the seed's definition of sympathy: it "can feel shallow or
    dismissive". The customer wrote in to get something fixed.

    ## Example
    `solution: "{{ blank.next_step }}"` or a reply that ends after the apology.

    ## Use instead
    "I've sent a replacement today; it will arrive by Friday."

    ## Options
    None.

    ## Fix safety
    No automatic fix.
    """

    code = "SK401"
    whole_reply = True
    name = "missing-solution"
    severity = Severity.ERROR
    bad_examples = (Example.of(acknowledgment="I can see how frustrating this is.", solution="Thanks."),
                    Example.of(acknowledgment="I can see how frustrating this is.",
                               solution="Unfortunately refunds are not possible after 14 days."),)
    good_examples = (Example.of(acknowledgment="I can see how frustrating this is.",
                                solution="I've sent a replacement today."),
                     Example.of(acknowledgment="I can see how frustrating this is.",
                                solution="Refunds are not possible after 14 days, but I'll send a replacement today."),)

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        if _has_solution(message) or only_thanks_for_praise(message) or _closes_a_settled_reply(message) \
                or any(asks_about_it(s) for s in body_sentences(message)):
            return  # (a question about the problem, "is it the layout or the speed?": they answer, that is what's next)
        where = _solution_span(message)
        if _refuses_only(message) or any(_refuses(s.text) for s in body_sentences(message)):
            yield Finding(where[0], where[1], "the reply refuses and offers no way forward: nothing says what happens "
                                              "next",
                          "Say what you can still do, or who can help, and when: \"I can't replace them, but I've "
                          "sent a 20% voucher today.\"", location=empty_slot_location(message, ctx, "solution"))
            return
        yield Finding(where[0], where[1], "the reply has no solution: nothing says what happens next",
                      "Say what you will do, or what the customer can do, and when.",
                      location=empty_slot_location(message, ctx, "solution"))


@register
class NoNextStep(Rule):
    """The solution names no concrete action.

    ## What it does
    Flags a solution that names no step: nothing the customer can picture happening next.
    A step is something done or to be done, by you or by the customer, or the thing they
    need handed over. For example:

    - "I'll reset your password now and email you a link." (your step, promised)
    - "Please log out and back in." (theirs)
    - "Here's the right one: SPRING20." (the thing handed over)
    - "Your order is on its way." (a step done, told as news)

    Edge cases:

    - Verbs that count: send, refund, replace, reset, book, call, ship, "follow up", "here's
      how"; something made public or put in place ("our engineers will publish a full report",
      "I'll post what went wrong on our status page", "we'll deploy the fix"); the customer's
      own fixes ("log out and back in", "reboot the modem", "reload the page", "unsubscribe from the
      newsletter"); and any verb
      the writer owns with what it is done to or when ("I've emailed the invoice", "I'll ring
      you at 9am", "I'll post it first class today", "I can hold the item for you until
      Sunday", "I've re-run it").
    - A reply promised with a time counts ("I'll answer your message first thing on Monday",
      "I'll get back to you by noon tomorrow"); a bare "I'll get back to you" or "we'll be in
      touch soon" does not.
    - A verb of feeling, knowing or waiting is no step, nor is an offer of more help ("I can
      see how...", "Is there anything else I can help you with?").
    - A service told as restored counts ("everything is back up", "your account is working
      again"); "it isn't back up yet" does not.
    - Switching a card, an account or a service off or on counts ("I've frozen the card",
      "we've blocked the payment", "I'll pause the plan"). The state alone does not ("your card
      is locked"): it is as often the customer's problem. A state set until a date, confirming
      what was asked, is the step done ("Done! Your box is paused until June.", "Your plan is on
      hold until 12 June", "frozen until Monday", "suspended at your request until May"); a
      suspension, lock or block until a date alone is not, being as often a penalty ("Your
      account is suspended until 4 May"), nor a hold until further notice.
    - Something sent on its way to the customer counts, whoever's it is called ("A replacement
      is on its way."), and so does its arrival promised ("It'll be with you by Thursday", "It should
      reach you on Monday"); on its way to you ("Your return is on its way to our warehouse") does not.
    - A look the writer took, or a procedure followed, does nothing for the customer by itself
      ("We've looked at your account.", "I've reviewed it and the charge is correct.", "We have
      followed the correct procedure."): what it found must come with a step ("I've checked
      your account and refunded the extra charge today.").
    - A step the writer refuses is not one ("We will not refund you today.", "We can't replace
      it."), nor is one refused with nobody refusing it ("Unfortunately refunds are not possible
      after 14 days.", "The refund was declined.", "The voucher cannot be refunded.", "You are
      no longer eligible for a refund."): a solution that only refuses is no solution, which
      SK401 reports. A step offered in another clause still counts ("Refunds are not possible,
      but I'll send a replacement today."), and a "not" that spares the customer refuses
      nothing ("We won't charge you for the return, and I'll send a label today.").
    - A question to the customer about their problem ("Is it the app or the website?") is a
      step, theirs. Handing over counts ("Please find the invoice attached"); "Here's what
      happened: ..." hands nothing over.
    - A blank named for the step is the step, which the agent fills in ("Here's what we'll do
      next: {{ blank.step_1 }}", `{{ blank.next_steps }}`, `{{ blank.resolution }}`); one named
      for anything else (`{{ blank.explanation }}`) is not.
    - A fragment of a reply kept alone in a helpdesk library, which an import writes straight
      into the solution, is left to the reply it goes into (by SK404 too): a bare link, a subject
      line ("Your inquiry regarding {{ blank.topic }}"), an opener ending in a comma ("Regarding
      your inquiry from {{ blank.date }},"), a form's fields, a list of documents, with a closing
      line after it or not. A line with no full stop that speaks for the writer or to the
      customer ("we're still looking into it", as chats are written) is a sentence, and judged.
    - A chat held while the writer checks ("Bear with me while I check.", "Let me check that
      for you, one moment please.") is the writer's next step, the answer coming in the next
      message. Beside another step ("Bear with me, I'll send a new card.") that step is judged.
    - A solution that only offers more help, asked or said, an emoji after it or not ("Anything
      else I can help with today? 🙂", "If you have any questions, please don't hesitate to
      contact us."), alone or in a reply that otherwise only thanks the customer or confirms the
      problem is settled ("That's brilliant, glad it's sorted!"), is the reply's closer (a
      helpdesk's closing macro), not a failed solution, and is left alone (by SK404 too); after
      an apology or a problem named, the offer alone still names no step.

    ## Why it matters
    "We will look into it" and "the matter is under review" leave the customer guessing,
    which is why they write back.

    ## Example
    "I'm sorry for the trouble. Your feedback is important to us and the matter is under review."

    ## Use instead
    "I'll reset your password now and send you a link to choose a new one."

    ## Options
    None. Its default severity is suggestion, not warning: on real replies written by support teams it is
    mostly wrong, while on cold stock sentences ("The matter is under review") it is right. Of its 40 findings
    on 489 real replies at the start of session 38, 4 were right, 5 debatable and 31 wrong: closing lines and
    fragments sent alone (a link, a subject line, an opener, a form), steps left in blanks, replies that only
    explain. With those fragments, closers and blanks read (session 38) it makes 24 findings there, and all 24
    read by a support coach were right 4 times (a holding reply with no step: "We'll be in touch soon"; a
    notice that leaves the customer to guess what to send), debatable 5 times (an explanation left in a blank,
    a queue's "will be reviewed when we are able") and wrong 15 times. The largest wrong class left is a reply
    that only explains (a policy, "it works as intended", a duplicate ticket's note): an explanation that
    answers the customer's question needs no step, one of a problem still open does, and the rule cannot yet
    tell them apart.
    Where every reply should name a step, raise it: `severity: {SK402: warning}`.

    ## Fix safety
    No automatic fix.
    """

    code = "SK402"
    name = "no-next-step"
    severity = Severity.SUGGESTION  # (mostly wrong on real replies: see Options)
    bad_examples = (Example.of(acknowledgment="I can see how frustrating this is.",
                               solution="Your feedback is important and the matter will be reviewed by us today."),
                    Example.of(acknowledgment="I can see how frustrating this is.",
                               solution="We've looked at your account and the charge is correct."),)
    good_examples = (Example.of(acknowledgment="I can see how frustrating this is.",
                                solution="I'll reset your password today and email you a new link."),
                     Example.of(acknowledgment="I can see how frustrating this is.",
                                solution="Refunds are not possible after 14 days, but I'll send a replacement today."),)

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        if not _has_solution(message) or _gives_next_step(message) or _sent_as_a_fragment(message):
            return  # (a question about the problem is the customer's step: "Is it the app or the website?")
        a, b = _solution_span(message)
        yield Finding(a, b, "the solution has no concrete next step",
                      "Name the action: what will be sent, refunded, replaced, booked or reset.")


@register
class NoOwner(Rule):
    """Nobody owns the next step.

    ## What it does
    Looks in the solution for a first-person commitment ("I'll", "I've", "I will", "we'll", "let
    me", "let's", "I sent") and flags solutions that have none. A status update of an action
    already finished ("Your refund went through this morning.", "The replacement shipped this
    morning.", "Your table's confirmed for 7pm tonight.", "Done! Your password's reset as of
    now.", "New code sent: check your texts.", "Here's the right one: SPRING20.", a service told
    as restored: "The booking page is up and running again.", news of a fix with the customer asked to check
    it: "The fault has been resolved. Please confirm that it works.") is left alone:
    nothing is left for anyone to own, and what it means for the customer, told after it, leaves
    nothing either ("It went through this morning, so you'll see it on your statement by
    Wednesday.", "and it should arrive by Friday"). One still to happen, or handed on ("Your
    case has been escalated."), or only promised ("The order was cancelled, so you'll get a
    refund.", "Your claim has been accepted. You'll receive the credit..."), is flagged, and so
    is a refusal ("The refund was declined.", "Refunds are not possible as the item has been
    used."): no step was taken for the customer. A step the solution tells the customer to take
    ("Please reset your password from the sign-in page.", "Just restart your router.", "You can
    download the invoice under My Orders.", "Can you DM us the order number?", "Is it the app or
    the website?", "If anything else comes up, just drop me a line.", "Feel free to check the add-on's own forum.") has
    its owner, the customer, unless a step of the
    company's still has nobody in it ("Your case will be escalated. Please reply with the order
    number."). A chat held while the writer checks ("Bear with me while I check.", "One moment
    please, let me look into it.") is the writer's, who comes back with the answer. A solution
    that only explains what something is ("A bank statement is a document
    issued by a bank that ...", nobody speaking or spoken to, no step of anyone's) has no step
    to own, nor has one that names no step still to happen, taken by nobody, handed on or under
    way: a reply that only informs ("Most parcels arrive within four days."), refuses in the
    writer's voice ("We are not able to reverse the payment."), or is a form's fields, a link or an
    opener alone. A step with nobody in it is still flagged ("will be sent", "has been escalated",
    "was passed to the warehouse", "is under review", "Our policy is to refund within 5 days.").

    In a transcript the reply is the agent's turns, judged as a whole; a turn that promises something
    of its own ("will", "'ll") is judged on its own instead, so an owner named in an earlier turn
    does not cover a later "You'll hear from them when they have news." A turn's finding is left out
    when a later turn owns the step or reports it done.

    ## Why it matters
    "Your case will be escalated" has no person behind it; "I'll escalate it" does. Owning
    the step is what makes the customer trust it will happen.

    ## Example
    "A replacement will be sent today."

    ## Use instead
    "I'll send a replacement today."

    ## Options
    None. Its default severity is suggestion, not warning: on 30 real replies written by support teams it
    was right 3 times, wrong 19 times and debatable 8 times (a refusal, news of a step finished, a reply that
    only informs, a fragment that is no reply), while on cold stock sentences ("The matter will be reviewed")
    it is right. Since it asks only of a solution that names a step (session 38), a sample of 13 of its findings
    on real replies went from 3 right to 3 of the 4 it still makes (the 9 gone each wrong: a reply that only
    informs or refuses, a form, a link, an opener); on 489 real replies it makes 18 findings, not 45.
    Where every step should be owned, raise it: `severity: {SK403: warning}`.

    ## Fix safety
    No automatic fix.
    """

    code = "SK403"
    name = "no-owner"
    severity = Severity.SUGGESTION  # (often wrong on real replies: see Options)
    bad_examples = (Example.of(acknowledgment="I can see how frustrating this is.",
                               solution="A replacement will be sent today."),)
    good_examples = (Example.of(acknowledgment="I can see how frustrating this is.",
                                solution="I'll send a replacement today."),)

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        return _judged_by_turn(self._judge, lambda text: bool(_OWNER_FOLDED.span(text)) or _finished(text),
                               message, ctx)

    def _judge(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        if not _has_solution(message):
            return
        text = solution_text(message)
        if _OWNER_FOLDED.span(text) or _finished(text) or _holds_the_chat(text) or not _step_to_own(text) \
                or (_customer_acts(message, text) and not _NOBODYS_STEP.search(text)) \
                or only_thanks_for_praise(message) or _explains(message, text):
            return  # (a definition, as SK404 reads it, has no step for anyone to own)
        a, b = _solution_span(message)
        yield Finding(a, b, "the solution does not say who will act",
                      "Own it: \"I'll ...\", \"I've ...\" or \"Let's ...\".")


# a step still under way with nobody named ("the case is under review", "your refund is pending", "isn't back up
# yet"), or set by a rule with nobody to take it ("Our policy is to refund within 5 days.")
_UNDER_WAY = re.compile(r"\b(?:under\s+(?:review|investigation|consideration)|pending|yet|in\s+progress|on\s+hold|"
                        r"(?:policy|procedure|process)\s+is\s+to\s+[a-z]+)\b", re.IGNORECASE)


# ... or told as done to it, by nobody: "the claim was passed to our warehouse", "the refund was declined", or set
# for a day: "the form is checked by Friday" (not "this is correct", "the transfer is processed": how things stand)
_WAS_DONE = re.compile(r"\b(?:was|were)\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en|t)\b|\b(?:is|are)\s+[a-z]{3,}ed\s+by\s+"
                       r"(?:the\s+end|end|close|noon|midday|mon|tue|wed|thu|fri|sat|sun|tomorrow|tonight|next|\d)",
                       re.IGNORECASE)


def _step_to_own(text: str) -> bool:
    """Whether the solution names a step someone could own: one promised ("will", "'ll", "going to"), one taken
    with nobody in it ("has been escalated", ``_NOBODYS_STEP``; "was passed to"), handed on ("passed to our team",
    ``_HANDED_ON``) or under way ("under review"). A reply that only informs ("Transfers usually arrive within
    minutes."), refuses in the writer's voice, or is a form's fields, a link or a greeting alone has none: of 45
    findings on real replies, the 27 without such a step were each wrong (session 38)."""
    return _PROMISE.search(text) is not None or _NOBODYS_STEP.search(text) is not None \
        or _HANDED_ON.search(text) is not None or _UNDER_WAY.search(text) is not None \
        or _WAS_DONE.search(text) is not None


# a step of the company's with nobody in it, which the customer's own step does not excuse: "your case will be
# escalated", "is being reviewed", "has been passed on"
# (not what was done to the customer, "if you have been charged twice": their situation, or a step finished)
_NOBODYS_STEP = re.compile(r"\b(?:will|shall|is|are|(?<!you\s)has|(?<!you\s)have)\s+(?:[a-z]+ly\s+|now\s+|already\s+)?"
                           r"(?:be|been|being)\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en|t)\b", re.IGNORECASE)


def _customer_acts(message: Message, text: str) -> bool:
    """A sentence of the solution tells the customer what to do, so they own the step: an instruction
    ("Please reset your password from the sign-in page", not "Don't hesitate to contact us"), a step put to
    them ("You can download the invoice under My Orders", "we recommend that you call your bank") or advice with
    an action in it ("the quickest way is to reset it from the sign-in page"), a question to them ("Can you
    DM us the order number?"), or "please" and a verb after a condition ("If it has not arrived, please send
    us the statement") or after care ("Thanks for the report, please send it to the author"), or its casual
    form, "just" and a verb of getting in touch ("If anything else comes up, just drop me a line"), a step left
    to their choice ("Feel free to check the plugin's own forum") or to the one they send to ("Your recipient can
    spend the card in any shop")."""
    if ("lease" in text or "ask" in text) and REQUEST.search(text) is not None:  # (in a clause read as care too)
        return True
    for s in body_sentences(message):
        if s.slot == "solution":
            c = s.cues
            if c.imperative or (c.advice and (c.actions or c.second_person)) or (c.asks and c.second_person) \
                    or _CASUAL_ASK.match(s.text) is not None or _JUST_DO.match(s.text) is not None \
                    or _FEEL_FREE.search(s.text) is not None or _THEIR_PARTY_MAY.match(s.text) is not None \
                    or asks_about_it(s) or _instructs_after_purpose(s.text):
                return True
    return False


# a step the person the customer sends to or buys for may take, told as "you can" is: "Your recipient can spend the
# card in any shop", "The recipient may collect it from the locker" (not "can't": a refusal)
_THEIR_PARTY_MAY = re.compile(r"\W*(?:your|the)\s+(?:recipients?|beneficiar(?:y|ies)|payees?|receivers?)\s+"
                              r"(?:can|may|(?:is|are|will\s+be)\s+able\s+to)\s+(?!not\b)\w+", re.IGNORECASE)


# what a step is for, or when to take it, before the instruction: "To download your invoice, open Billing",
# "If you'd like to change it, tap Edit", "Once the app has updated, open Settings" (``Cues.imperative`` reads
# the sentence's first words only)
_PURPOSE_CLAUSE = re.compile(r"\W*(?:to|once|after|if\s+you(?:['’]d|\s+would)\s+(?:like|prefer)\s+to|"
                             r"if\s+you\s+(?:want|wish|need)\s+to)\s[^,;:.!?\n]{1,80}?,\s*", re.IGNORECASE)


def _instructs_after_purpose(sentence: str) -> bool:
    """The sentence is an instruction after a clause saying what it is for (``_PURPOSE_CLAUSE``)."""
    m = _PURPOSE_CLAUSE.match(sentence)
    return m is not None and IMPERATIVE.match(fold(sentence[m.end():])) is not None


def _asks_about_it(message: Message) -> bool:
    """A sentence of the solution asks the customer about their problem (``empathy.asks_about_it``: "Is it the app
    or the website?", with or without "you"): theirs to answer, and what happens next."""
    return any(s.slot == "solution" and asks_about_it(s) for s in body_sentences(message))


# a definition opening the solution: "A bank statement is a document issued by a bank that ...", "3D Secure
# (Three-Domain Secure) is an online payment security protocol" (not "this is a known issue", "your order is a
# pre-order", "what is a chargeback?": the reply's own matter, or a question)
_DEFINITION = re.compile(
    # (\W*+: a run of '(' or '-' before the words is taken once, not tried again by the word pattern that
    # also reads those characters: 20 KB of dashes took 30 s)
    r"\W*+(?!(?:this|that|it|there|here|what|which|who|he|she|they|these|those|we|i|you|your|our|my)\b)"
    r"(?:(?:an?|the)\s+)?[\w'’().-]+(?:\s+[\w'’().-]+){0,5}?\s+(?:(?:refers\s+to|means|stands\s+for)\s+(?:an?|the)\s+\w|"
    # ("is a document issued by ...", "is a temporary authorisation hold.": a kind, and what sets it apart or
    # nothing more; not "A replacement is the fastest fix here", "is a good way to fix it" or "is a common
    # outcome for ...": an answer that still owes its step)
    r"(?:is|are)\s+an?\s+(?!(?:[\w'’-]+\s+){0,3}?(?:(?:way|option|fix|solution|choice|idea|answer|alternative|remedy|"
    r"route|outcome|result|part|step)s?|common|standard|usual|typical|normal|good|better|best|great|simple|easy|"
    r"easier|quick|quicker|fast|faster)\b)[\w'’-]+(?:\s+[\w'’-]+){0,4}?(?:\s+(?:that|which|who|whose|where|used|issued|"
    r"designed|made|sent|given|provided|offered|created|of|for|by|to)\b|\s*(?:[.;:(]|$)))", re.IGNORECASE)
# someone speaking or spoken to ("I", "we'll", "your card", "contact us")
_PERSON = re.compile(r"\b(?:i|we|you|your|yours|our|ours|us|me|my)\b", re.IGNORECASE)


def _explains(message: Message, text: str) -> bool:
    """The solution explains what something is, and no more: it opens with a definition, and nothing in it
    speaks for the company or to the customer, nor names a step, nobody's ("the card will be blocked") or the
    customer's ("Download it from the app"). Nobody waits on an explanation."""
    first = next((s.text for s in body_sentences(message) if s.slot == "solution"), text)
    return _DEFINITION.match(first) is not None and _PERSON.search(text) is None \
        and _NOBODYS_STEP.search(text) is None and not _customer_acts(message, text)


# the casual form of "Please let me know if anything comes up" (which REQUEST reads as the customer's step):
# "If anything else comes up, just drop me a message", "Just give us a shout if it happens again"; without it the
# formal reply's offer counted as the customer's step and the casual one's as nobody's
_CASUAL_ASK = re.compile(r"\W*(?:if\b[^.!?,]*,\s*(?:just\s+|simply\s+)?|(?:just|simply)\s+)"
                         r"(?:drop|shoot|ping|send|message|e-?mail|dm|write|tell|ask|reply|reach\s+out|get\s+in\s+touch|give\s+(?:me|us)|"
                         r"let\s+(?:me|us)\s+know)\b", re.IGNORECASE)


# a step left to the customer's choice: "Feel free to check the plugin's forum", "you're welcome to open a request
# with their team" (as "please" and a verb is)
_FEEL_FREE = re.compile(rf"\b(?:feel\s+free|you(?:{_APOS}re|\s+are)\s+(?:welcome|free))\s+to\s+[a-z]", re.IGNORECASE)


# an instruction opened by "just" or "simply" ("Just restart your router.", "If it freezes again, simply reinstall
# the app"): the customer's step as "Please restart your router." is, which slot inference may not read as an
# imperative (the "just" before the verb); a verb of doing after it, not "Just a quick note" nor "just so you know"
_JUST_VERBS = (*_VERBS.split(), "log", "try", "give", "turn", "open", "clear", "unplug", "plug", "update", "go")
_JUST_DO = re.compile(r"\W*(?:if\b[^.!?,]*,\s*)?(?:just|simply)\s+(?:re)?(?:"
                      + "|".join(sorted(set(_JUST_VERBS), key=len, reverse=True))
                      + r")\b", re.IGNORECASE)


@register
class NoTimeFrame(Rule):
    """The solution gives no time frame.

    ## What it does
    Looks in the solution for a concrete time ("today", "by Friday", "within 2 business days",
    "in the next hour", "within the hour", "within minutes", "on the 14th", "on your next bill", "by close of business",
    "within a fortnight", "within 48h", "by {{ blank.date }}",
    a blank named like a time such as `{{ blank.new_time }}`, or in a pasted reply a placeholder
    left unfilled such as `{timeframe}`, which SK407 reports) and flags solutions without one. Vague
    words such as "soon", "shortly" or "as soon as possible" do not count, and the message says so.
    A step promised for when a named event happens ("I'll email you as soon as it's fixed", "once
    the verification is over", "when we hear back from the bank") still leaves the customer unable
    to tell how long: the message names the event and asks for how long it usually takes or, where
    nobody can give it a date (a bug with no fix yet), when the customer will next hear from you
    ("I'll update you by Friday, fixed or not"). A step set for the moment the customer's own step
    lands ("ships as soon as we scan the old one", "as soon as you send the form") is timed: when is
    theirs, and "as soon as" says how soon after ("once you reply" still leaves that open). A solution that
    leaves nothing to wait for ("you're all set", "it's all done", "you should be good to go" after a fix
    done now; not "... once the part arrives") or leaves the timing to
    the customer ("whenever you're ready", "whenever suits you", "until you tell me") needs no
    time frame, and
    neither does an action already finished ("I've already reissued the ticket.", "Here's the
    right one: SPRING20.", "I've cancelled
    the duplicate order, so you'll only be charged once."), unless the customer still waits for
    what it sent ("I've refunded the fee, so you'll see it on your statement." says when it was
    sent, not when it shows). A
    hand-off is not finished: "I've escalated it" or "I've asked the courier" still owes
    the customer a when.

    A solution that is only the customer's own step asks for no time frame of its own. A step
    they take and are done with ("Please restart the app and try again.", "You need to enter the
    code when you pay.", "All we can suggest is to update the driver.", "We kindly ask you to use
    your other account.": the writer advising or asking owns no step of their own, nor does an offer of more
    help closing a how-to, "We'll be happy to help with anything else.") leaves nobody waiting,
    and is left alone, as is one forbidden ("Please do not reply to this email.": it asks for
    nothing). Nor is a reply whose next step is the customer's answer: a question ("Which browser
    are you using?") or a request for details ("Could you send me a screenshot of the error?",
    "DM us and we'll take a look.", "Once I have it, I'll be glad to help."), with no step of
    yours but what waits on that answer; they know when they will send it. A step of yours beside
    it still owes a when ("I've passed this to our developers.", "Send a photo and I'll send the
    replacement."), and so does goods sent back ("Please return the item."): the finding then asks
    what happens once it arrives, and when. A step of yours kept for when their own fix fails is
    no such step: it waits on their answer ("Could you reinstall the app? If the problem persists,
    let me know and I'll run a deeper check."). A question that only offers
    help ("How can I help?", "Anything else I can help with?") hands nothing back, and in a chat
    the look the agent takes while the customer waits ("Let me take a look.", "Let me just check
    that for you.", answered in the next message) is no step to time, so a chat's "You can update
    it under Billing > Payment method." is left alone (an email's "Let me take a look.", or a
    chat's "Let me check with the warehouse", still owes a when). A look that the questions after it
    are for waits on their answer, in any channel ("Let's take a look. Could you tell me the order
    number?": no time can be promised before it; not "I'll look into it. Which browser ...?", a look
    under way). A holding line that asks the
    customer to wait while the writer checks ("Bear with me while I check.", "Let me check that
    for you, one moment please.", "Give me a few minutes to look into this.") says its own when,
    in any channel; beside another step ("Bear with me, I'll send a new card.") that step still
    owes one. A solution that only explains
    what something is ("A bank statement is a document issued by a bank that lists ...", with no
    step of anyone's and nobody speaking or spoken to) leaves nobody waiting either. A reply that only thanks
    the customer for praise has no solution to time (see SK401), and nor has one that only offers
    more help ("If you have any questions, please don't hesitate to contact us."): SK402 says
    it names no next step.

    A "now" that says how things stand is no time frame: "For now, please use the app", "some payments are
    failing right now" (not "I'm resending the code right now").

    In a transcript the reply is the agent's turns, judged as a whole; a turn that promises something
    of its own ("will", "'ll"; not only what an earlier step means for the customer, "It'll be back
    on your card within 3 days.") is judged on its own instead, so a time given in an earlier turn
    does not cover a later "You'll hear from them when they have news." A turn's finding is left
    out when a later turn gives the time or reports the step done ("We'll get you back in.", then
    "I've reset your access just now.").

    The advice says "within 2 working days" in a pack whose `locale` is en-GB, en-IE, en-AU, en-NZ
    or en-IN, where "business days" reads as American.

    ## Why it matters
    Not knowing when is what makes waiting hard. A time frame also tells the customer when
    it is reasonable to chase.

    ## Example
    "I'll send a replacement soon." / "There's no fix yet, but I'll email you as soon as it's fixed."

    ## Use instead
    "I'll send a replacement today; it will arrive by Friday." / "There's no fix yet, but I'll
    email you as soon as it's fixed, and I'll update you by Friday either way."

    ## Options
    None.

    ## Fix safety
    No automatic fix.
    """

    code = "SK404"
    name = "no-time-frame"
    bad_examples = (Example.of(acknowledgment="I can see how frustrating this is.",
                               solution="I'll send a replacement soon."),)
    good_examples = (Example.of(acknowledgment="I can see how frustrating this is.",
                                solution="I'll send a replacement within 2 business days."),)

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        return _judged_by_turn(self._judge, lambda text: _has_time(text) or _finished(text), message, ctx)

    def _judge(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        if not _has_solution(message):
            return
        text = solution_text(message)
        if message.channel == "chat" and _may_match(_CHAT_LOOK_WORDS, text):
            text = _CHAT_LOOK.sub(lambda m: " " * len(m.group(0)), text)  # (taken while the customer waits)
        if _has_time(text) or _nothing_to_wait_for(text) or (_finished(text) and not _consequences(text)[1]) \
                or only_thanks_for_praise(message) or _holds_the_chat(text) or _right_after_their_step(text) \
                or _closes_a_settled_reply(message) or (_sent_as_a_fragment(message) and not _gives_next_step(message)):
            # (a step done, unless the customer still waits for what it sent: "you'll see it on your statement"; a
            # closer, "Anything else I can help with? 🙂", has no step to time)
            return
        vague = _VAGUE_TIME_FOLDED.span(text) if _may_match(_VAGUE_TIME_WORDS, text) else None
        if not vague and (_explains(message, text) or _waits_on_their_answer(message)):
            # (a definition, "A bank statement is a document that lists ...": nobody waits on it; nor on a reply whose
            # next step is the customer's answer, "Which browser are you using?": they know when they will send it)
            return
        if not vague and _customers_step_only(message, text):
            if not _hands_back(message, text):
                return  # (a step the customer takes and is done with, "Please restart the app": nobody waits)
            a, b = _solution_span(message)
            yield Finding(a, b, "the solution asks the customer for something but does not say what happens then, "
                                "or when",
                          "Say what you will do with it and when: \"Once I have the photo, I'll send the replacement "
                          "the same day.\"")
            return
        if vague:
            start = _solution_offset(message, vague[0])
            end = _solution_offset(message, vague[1] - 1) + 1
            yield Finding(start, end, f"'{text[vague[0]:vague[1]]}' is not a time frame",
                          f"Say when: \"today\", \"by Friday\", \"within 2 {_days_off_excluded(ctx)}\".")
        elif _has_action(text) or _pending(looked := _without_looks(text)) \
                or not (_HELP_OFFER.search(text) or looked != text):
            # (a solution that only offers help for later, "If you have any questions, please don't hesitate to
            # reach out. We'll be happy to help.", or tells of a look taken and how things stand, "We've looked at
            # your account. The charge is correct.", has no step to time: SK402 says it has no next step; "I'll
            # look into it" before the offer still owes a when)
            a, b = _solution_span(message)
            event = _tied_to_event(text)
            if event is not None and not _customers_step_only(message, text):
                # (a wait for an event, "as soon as it's fixed", "once the verification is over": the customer still
                # cannot tell how long; where nobody can give the event a date, a promised update is the time frame)
                ends = [i for i in (text.find(c, event.end()) for c in ".,;!?\n") if i >= 0]
                main = _PROMISE_CLAUSE.search(text, event.end())  # ("as soon as we receive it we will send ...")
                ends += [main.start()] if main else []
                clause_end = min(ends, default=len(text))
                clause = " ".join(text[event.start():clause_end].split())
                clause = clause if len(clause) <= 60 else clause[:57].rsplit(" ", 1)[0] + "..."
                # (at the clause that waits, in its own sentence: the whole solution's span began at its first
                # sentence, which said nothing of the wait, and ran on past the sign-off)
                a = _solution_offset(message, event.start())
                b = max(a + 1, _solution_offset(message, clause_end - 1) + 1)
                if _THEIR_STEP.match(clause):
                    # (the customer's own step sets it off, "once you reply with the photo", "once I have this
                    # information": the date is theirs, how soon after is ours)
                    yield Finding(a, b, f"the solution waits for '{clause}' but does not say how soon after",
                                  "Say how soon after: \"Once I have the photo, I'll send the replacement the same "
                                  "day.\"")
                    return
                yield Finding(a, b, f"the solution waits for '{clause}' but does not say when that will be",
                              "Say how long it usually takes, or when you'll update them until then: \"I'll update "
                              "you by Friday, fixed or not.\"")
                return
            yield Finding(a, b, "the solution does not say when",
                          f"Add a time frame: \"today\", \"by Friday\", \"within 2 {_days_off_excluded(ctx)}\".")


# where "business days" reads as American: British, Irish, Australian, New Zealand and Indian readers count
# "working days"
_WORKING_DAY_LOCALES = ("en-GB", "en-IE", "en-AU", "en-NZ", "en-IN")


def _days_off_excluded(ctx: RuleContext) -> str:
    """Days that leave out weekends and holidays, as the pack's readers say it."""
    working = any(written_for_locale(ctx, locale) for locale in _WORKING_DAY_LOCALES)
    return "working days" if working else "business days"


# a look the agent takes in a chat while the customer waits on the line, its outcome the next message: "Let me
# take a look.", "Let me just check that for you.", "Let's have a quick look." (not "Let me check with the
# warehouse", a step that takes its own time and owes a when)
_CHAT_LOOK = re.compile(rf"\blet(?:{_APOS}s|\s+(?:me|us))\s+(?:(?:just|quickly|quick)\s+)?(?:check|see|look|"
                        r"(?:take|have)\s+an?\s+(?:(?:quick|closer|close)\s+)?(?:look|peek))"
                        r"(?:\s+(?:into\s+)?(?:that|this|it|your\s+account))?(?:\s+for\s+you)?(?:\s+(?:now|quickly))?"
                        r"\s*(?:[.!]+|$)", re.IGNORECASE)
_CHAT_LOOK_WORDS = frozenset(("check", "see", "look", "peek"))


def _owes_a_when(message: Message) -> bool:
    """Whether SK404 finds the solution owes the customer a time frame: SK105's advice on a short reply
    asks for one only then (it asked "when" of a step the customer takes and is done with)."""
    return next(iter(NoTimeFrame().check(message, RuleContext(None, {}))), None) is not None


def _customers_step_only(message: Message, text: str) -> bool:
    """The solution is the customer's step alone (``_customer_acts``): no step of the company's is in it,
    owned ("I'll replace it") or not ("your case will be escalated"). The writer advising or asking the step
    ("All we can suggest is to update the driver", "We kindly ask you to use your other account") or telling what
    they noticed ("We noticed that you have two accounts") is no step of the company's, nor is an offer of more
    help after the step ("If you need anything else, please reach out. We'll be more than happy to help.":
    ``offers_no_step``); without that, how-to answers closed so were told to say when (session 38)."""
    if _NOBODYS_STEP.search(text) or not _customer_acts(message, text):
        return False
    for s in body_sentences(message):
        if s.slot == "solution" and s.text in text and offers_no_step(s.text):
            text = text.replace(s.text, " " * len(s.text))
    if _may_match(_ADVISES_WORDS, text):
        text = _ADVISES.sub(lambda m: " " * len(m.group(0)), text)
    if _may_match(_OWNS_NOTHING_WORDS, text):
        text = _OWNS_NOTHING.sub(lambda m: " " * len(m.group(0)), text)
    return not _OWNER_FOLDED.span(text)


# the writer advising, asking or noticing: "all we can suggest", "we would recommend", "we kindly ask you to", "I'd
# advise", "we noticed", "I can see that" (not "I'll ask the courier", "we can ask the warehouse": a step of theirs)
_ADVISES = re.compile(rf"\b(?:i|we)(?:{_APOS}d|\s+(?:would|can|could|may|must|do))?\s+"
                      r"(?:(?:only|kindly|strongly|therefore|also|politely|respectfully|would\s+like\s+to)\s+)*"
                      r"(?:suggest|recommend|advise|urge|encourage|invite|(?:ask|request)(?=\s+(?:that\s+)?you\b)|"
                      r"noticed|(?:can\s+)?see(?=\s+that\b))\b", re.IGNORECASE)
_ADVISES_WORDS = frozenset(["suggest", "recommend", "advise", "urge", "encourage", "invite", "ask", "request",
                            "noticed", "see"])
# the writer's words that own no step though "we can" or "we have" is in them: a hedge ("as far as we can tell"),
# reports told of ("we've had several reports of this") and what they cannot act on ("this is not a request we can
# act on", "isn't something we can change": a refusal)
_OWNS_NOTHING = re.compile(
    rf"\bas\s+far\s+as\s+(?:i|we)\s+(?:can|could)\s+(?:tell|see|know)\b"
    rf"|\b(?:i|we)(?:{_APOS}ve|\s+have)\s+(?:already\s+)?had\s+(?:(?:quite\s+)?(?:a\s+)?(?:lot|lots|few|number|"
    r"couple|handful|many|several|some|other|similar|more|multiple|numerous|plenty)\s+)?(?:of\s+)?(?:\w+\s+)?"
    r"(?:reports?|complaints?|cases?|tickets?|messages?|questions?)\b"
    rf"|\b(?:not|n{_APOS}t)\s+(?:a|an|one|something|anything)\s+(?:[\w-]+\s+){{0,3}}?(?:that\s+)?(?:i|we)\s+"
    r"(?:can|could)\s+(?:\w+\s+){0,2}?\w+", re.IGNORECASE)
_OWNS_NOTHING_WORDS = frozenset(["far", "had", "not", "t"])


# a step that hands something back to the company, after which the customer waits for it to act: "send us a
# photo", "reply with the order number", "let us know", "return the item" (a verb that is also a noun only with
# what it sends: "email us", not "our email support")
_HANDS_BACK = re.compile(
    # (not what a thing is for: "3D Secure is designed to provide an extra layer of security")
    r"\b(?:reply|respond|(?<!designed\sto\s)(?<!intended\sto\s)(?<!meant\sto\s)(?<!built\sto\s)(?<!aims\sto\s)"
    r"(?<!helps\sto\s)(?<!serves\sto\s)provide|share|upload|attach|confirm|specify|clarify|submit|return|"
    r"comment\s+(?:with|below|here|back)|"
    r"(?:forward|e-?mail|message|dm)\s+(?:us|me|it|them|the|this|that|your)|(?:in|via|by)\s+(?:a\s+)?dm|"
    r"tell\s+(?:me|us)|let\s+(?:me|us)\s+know|(?:i|we)(?:['’]ll|\s+will)?\s+need\s+(?:a|an|the|your|some|to\s+see)\b|(?:drop|shoot|pop)\s+(?:me|us)\s+an?\s+(?:line|message|note|dm|email)|keep\s+(?:me|us)\s+posted|fill\s+(?:in|out)|send(?:ing)?\s+(?:it|them)|"
    r"add\s+(?:[\w-]+\s+){1,3}?to\s+(?:the|this|your)\s+(?:report|ticket|issue|case|thread)|"
    # "send" with what is sent to us ("send us the details", "send a photo"), not "you send the right amount"
    r"send(?:ing)?\s+(?:\w+\s+){0,4}?(?:us|me|over|back|in|photos?|pictures?|screenshots?|images?|cop(?:y|ies)|"
    r"scans?|receipts?|details|numbers?|files?|videos?|recordings?|proof|invoices?|statements?|dms?|messages?))\b",
    re.IGNORECASE)
# (no fixed start, and IGNORECASE: 80-160 us a sentence searched as it is; see ``CaselessRegex``)
_HANDS_BACK_FOLDED = CaselessRegex(_HANDS_BACK, screened=True)
# a verb forbidden just before it ("do not reply", "don't respond", "never reply", "no need to reply"; not "don't
# forget to send", where the verb is asked for)
_FORBIDDEN = re.compile(rf"(?:n{_APOS}t|\bnot|\bnever|\bno\s+need\s+to|\bwithout)\s+$", re.IGNORECASE)
# a request put as a question ("Could you restart the app?", "Could I ask you to restart the app?"): its verb says
# whether it hands anything back ("Could I ask for a photo?" does)
# ("Would you like to verify your account?" asks them, a question to answer)
_REQUEST = re.compile(r"\b(?:(?:can|could|would|will)\s+you\b(?!\s+like\b)"
                      r"|(?:can|could|may|might)\s+(?:i|we)\s+(?:please\s+)?ask\s+(?:you\s+to|that\s+you)\b)",
                      re.IGNORECASE)


# goods sent back ("return it to us", "send the kettle back"), not an answer: the customer then waits for the refund
# or the replacement, and is owed a when for it
_RETURNS_GOODS = re.compile(r"return\b(?!\s+to\b)|send(?:ing)?\s+(?:\w+\s+){0,3}?back\b", re.IGNORECASE)
# a step of ours said as what the customer's answer is for: "DM us so we can look into this", "so that I can check"
_FOR_WHICH = re.compile(r"\bso(?:\s+that)?\s*$", re.IGNORECASE)
# a step handed on to someone who has yet to act ("I've passed this to our developers"), which a verb of doing
# (``_has_action``) does not read: it still owes the customer a when
_HANDED_ON = re.compile(r"\b(?:escalat\w*|pass(?:ed|ing)?\s+(?:it|this|that|them|your|the|on|along)|forward\w*|"
                        r"referr\w*|rais(?:ed|ing)|logg?ed|flagg?ed|submitted|handed|sent\s+(?:on\s+)?to\s+(?:our|the|a)\b)\b",
                        re.IGNORECASE)


# an owner just before a verb of sending: our own step ("I'll send it on Monday"), not one asked of the customer
_OWNED_VERB = re.compile(rf"\b(?:i|we)(?:{_APOS}(?:ll|d|ve)|\s+(?:will|shall|can|could|would|have|am|are))?\s+"
                         r"(?:(?:also|then|just|now|happily|gladly|\w+ly)\s+)?$", re.IGNORECASE)


def _asks_for_answer(s: Sentence) -> bool:
    """The sentence asks the customer for an answer: something handed back to us (``_HANDS_BACK``; not forbidden,
    not goods returned, not sent by us) or a question to them that is no request to act; not an offer of help
    ("If you have any questions, let me know")."""
    t = s.text
    if _HELP_OFFER.match(t):
        return False
    if any(_FORBIDDEN.search(t, max(0, a - 30), a) is None and not _RETURNS_GOODS.match(t, a)
           and _OWNED_VERB.search(t, max(0, a - 20), a) is None for a, _ in _HANDS_BACK_FOLDED.spans(t)):
        return True
    return t.rstrip().endswith("?") and not _REQUEST.search(t) and not _offers_help(s)


def _our_steps(sentence: str) -> Iterable[str]:
    """Each step of ours in the sentence: from a first-person owner (``_OWNER``) to the end of its clause, unless it
    is what the customer's answer is for ("send us a DM so we can look into it"); or a step with nobody in it."""
    for a, _ in _OWNER_FOLDED.spans(sentence):
        if _FOR_WHICH.search(sentence, max(0, a - 12), a) is None:
            yield _CLAUSE_END.split(sentence[a:], maxsplit=1)[0]
    if _NOBODYS_STEP.search(sentence):
        yield sentence


# where an owner's clause ends: a stop, or the event or condition it waits on ("I'll refund you once you send it")
_CLAUSE_END = re.compile(r"[.,;:!?]|\s(?:once|when|after|as\s+soon\s+as|if|until|before)\s", re.IGNORECASE)


def _waits_on_their_answer(message: Message) -> bool:
    """The solution's next step is the customer's answer: it asks them for one (``_asks_for_answer``: "Which
    browser are you using?", "Could you send me a screenshot of the error?", "We'll need the email on your
    account") and no step of ours is in it but what follows that answer with no action of its own ("We'll take a
    look", "I'll be glad to help", "We'll go from there") or news of one done ("We updated the app last week"). A
    step of ours ("I'll send a replacement", "I've passed this to our developers", "your case will be escalated")
    still owes the customer a when."""
    # (a question read as warm language, "Can you DM me the order number?" before "I'd be glad to look into it", is
    # still asked; one read as acknowledgment, "Annoying, isn't it?", is not, but a request after the care in its
    # sentence is: "I understand this is annoying, please DM us the order number so I can look into it")
    sentences = [s for s in body_sentences(message) if s.slot != "acknowledgment" or ", please " in s.text.lower()]
    asks = [_asks_for_answer(s) for s in sentences]
    if not any(asks):
        return False
    for i, s in enumerate(sentences):
        if asks[i] and _FALLBACK.match(s.text):
            continue  # (a step held back for when their own fix fails: "If it persists, let me know and I'll ...")
        if not asks[i] and any(asks[i + 1:]) and _only_a_look(s.text):
            continue  # (the look the questions after it are for: "Let's take a look. Could you tell me the order
            # number?" can start only with the answer, and no time can be promised before it)
        for step in _our_steps(s.text):
            # (a look promised before the question is under way already, "I'll look into it. Which browser ...?";
            # one after it waits on the answer, "I'd be glad to look into it further")
            if _HANDS_BACK_FOLDED.span(step) is None and (_has_action(step) or _HANDED_ON.search(step)
                                                  or (not any(asks[:i + 1]) and _LOOK_INTO.search(step))):
                # (a sentence of a step done is no step of ours to wait for: asked last, it costs the most)
                if _finished(s.text):
                    break
                return False
    return True


# a condition that the customer's own fix failed: "If the problem persists", "If that doesn't work", "If it still
# happens after that", "If it happens again" (not "If you send a photo": the answer asked for, which still owes a when)
_FALLBACK = re.compile(rf"\W*(?:and\s+|but\s+)?if\s+(?:that|this|it|these|those|the\s+(?:[\w-]+\s+){{0,2}}?[\w-]+|"
                       rf"(?:the\s+)?(?:issue|problem|error|app|page|code|link))\s+(?:still\s+|also\s+|then\s+)?"
                       rf"(?:persists?|continues?|keeps|happens|occurs|recurs|returns|comes\s+back|fails|"
                       rf"(?:does|do|did|is|will|wo)(?:n{_APOS}t|\s+not)|is\s+still|still|again)\b", re.IGNORECASE)


def _only_a_look(sentence: str) -> bool:
    """Whether the sentence is a look alone (``_CHAT_LOOK``: "Let's take a look.", "Okay, let me check."), with no
    step beside it."""
    return _may_match(_CHAT_LOOK_WORDS, sentence) and _LOOK_ALONE.fullmatch(sentence) is not None


# a look alone in its sentence, at what the customer wrote of ("Let me take a look at your order."), maybe after a
# word of assent ("Okay,", "Sure!", "Right, so"); not "Let me check with the warehouse", a step of its own
_LOOK_ALONE = re.compile(
    r"\W*(?:(?:ok(?:ay)?|sure|right|alright|all\s+right|great|so|now|first|absolutely|of\s+course|no\s+problem|"
    r"thanks?|thank\s+you)\b\W*)*"
    rf"let(?:{_APOS}s|\s+(?:me|us))\s+(?:(?:just|quickly|quick)\s+)?(?:check|see|look|"
    r"(?:take|have)\s+an?\s+(?:(?:quick|closer|close)\s+)?(?:look|peek))"
    r"(?:\s+(?:at|into|over))?(?:\s+(?:that|this|it|(?:your|the|this)\s+[\w-]+(?:\s+[\w-]+)?))?"
    r"(?:\s+for\s+you)?(?:\s+(?:now|quickly|first))?\s*[.!]*\s*", re.IGNORECASE)


_LOOK_INTO = re.compile(r"\b(?:look(?:ing)?\s+into|investigat\w*|(?:take|have)\s+an?\s+(?:\w+\s+)?look)\b",
                        re.IGNORECASE)


def _hands_back(message: Message, text: str) -> bool:
    """The customer's step hands something back: a verb of sending it to us (``_HANDS_BACK``), not forbidden
    ("Please do not reply to this email" asks for nothing), or a question to answer ("What model are you
    using?", "Have you tried another device?")."""
    if any(_FORBIDDEN.search(text, max(0, a - 30), a) is None for a, _ in _HANDS_BACK_FOLDED.spans(text)):
        return True
    return "?" in text and any(s.slot == "solution" and s.text.rstrip().endswith("?") and not _REQUEST.search(s.text)
                               and not _offers_help(s) for s in body_sentences(message))


# a question that only offers help, the chat's opener or its closer: "How can I help?", "What can I do for you
# today?", "Anything else I can help with?" (``empathy``'s offer of more help): it asks for nothing to be handed
# back, and is no step of its own
_HELP_QUESTION = re.compile(r"\W*(?:how\s+(?:can|may|could)\s+(?:i|we)\s+help(?:\s+you)?|what\s+(?:can|could)\s+"
                            r"(?:i|we)\s+do\s+for\s+you)(?:\s+today)?\s*\?+\W*$", re.IGNORECASE)


def _offers_help(s: Sentence) -> bool:
    """Whether the sentence is a question that only offers help (``_HELP_QUESTION``)."""
    return s.text.rstrip().endswith("?") and (_HELP_QUESTION.match(s.text) is not None or offers_more_help(s))


def _closes(s: Sentence) -> bool:
    """Whether the sentence only offers more help, asked (``_offers_help``) or said, an emoji after it or not ("If you
    have any questions, please don't hesitate to contact us.", "Anything else I can help with? 🙂":
    ``offers_more_help_only``)."""
    return _offers_help(s) or offers_more_help_only(s.text)


def _closes_a_settled_reply(message: Message) -> bool:
    """The solution only offers more help ("Anything else I can help with today?", "Feel free to reach out if you
    have any questions 🙂") in a reply that otherwise only thanks or confirms ("Thanks for waiting!", "That's
    brilliant, glad it's sorted!"), or is that closer alone (a helpdesk's closing macro): the closer of a reply whose
    problem is settled, not a solution that failed (nothing in it apologises, names a feeling or a problem)."""
    body = body_sentences(message)
    solution = [s for s in body if s.slot == "solution"]
    if not solution:
        # (slot inference reads such an offer as no solution, "other": it closes a settled reply, SK401 asks, when
        # the rest only thanks or confirms: not beside "Your enquiry has been received.")
        solution = [s for s in body if _closes(s)]
        if not all(s.slot == "warm_language" or _closes(s) for s in body):
            return False
    return bool(solution) and all(_closes(s) for s in solution) and not any(
        s.cues.apologies or s.cues.personal_apologies or s.cues.feelings
        or (s.cues.acknowledgment and not s.cues.thanks_for_waiting) for s in body)


def _care_and_solution_words(message: Message) -> tuple[int, int, int, tuple[int, int] | None]:
    """Words of acknowledgment, warm language and solution, the solution's head counted as care, and that
    head's span in the message (None when there is none).

    Sentences at the head of the solution slot that only acknowledge (no action, no time) are care: an import
    keeps a paragraph whole in one slot, so "I can see your parcel is late. I've chased the courier." lands in
    the solution with its acknowledgment. ("I know it's been frustrating, so I'm glad to say your refund is
    approved" is news of the solution, and stays one.) A solution of sympathy alone stays a solution: it is
    the thin one.
    """
    words = {slot: word_count(message.slot_text(slot)) for slot in ("acknowledgment", "warm_language", "solution")}
    head: list[tuple[int, int, int]] = []  # (start, end, words) of each sentence of the head
    for s in body_sentences(message):
        if s.slot != "solution":
            continue
        c = s.cues
        if not c.acknowledges or c.acts or c.actions or c.time_frames:
            break
        head.append((s.start, s.end, word_count(s.text)))
    else:
        head = []  # (nothing but care in the solution: nothing moves)
    moved = sum(n for _, _, n in head)
    # (good news told after the care in its sentence is the solution's: "..., so I'm glad to say it's approved")
    for a, b in _news_tails(message):
        news = word_count(message.text[a:b])
        slot = "acknowledgment" if any(s.start <= a < s.end and s.slot == "acknowledgment"
                                       for s in body_sentences(message)) else "warm_language"
        words[slot] -= news
        words["solution"] += news
    return (words["acknowledgment"] + moved, words["warm_language"], words["solution"] - moved,
            (head[0][0], head[-1][1]) if head else None)


def _names_their_feeling(message: Message, head: tuple[int, int] | None) -> bool:
    """A sentence of care (or of the solution's ``head``, counted as care) acknowledges a feeling of the
    customer's: "I know it may be frustrating", "I can see how worrying this is"; not a bare "Thanks for your
    email." or "Sorry!", nor a sympathetic line among the steps."""
    return any(s.cues.feelings and s.cues.acknowledges
               and (s.slot in ("acknowledgment", "warm_language") or (head and head[0] <= s.start < head[1]))
               for s in body_sentences(message))


def _acknowledges_in_care(message: Message, head: tuple[int, int] | None) -> bool:
    """A sentence of care (or of the solution's ``head``) acknowledges the customer or says sorry, however briefly
    ("Sorry!", "Sorry to hear that!"): a thank-you alone ("Thank you for your response.") does neither, and steps
    after it lack an acknowledgment, which SK301 reports, rather than weigh too much against one."""
    return any((s.cues.acknowledges or s.cues.apologies)
               and (s.slot in ("acknowledgment", "warm_language") or (head and head[0] <= s.start < head[1]))
               for s in body_sentences(message))


def _complete_step(text: str) -> bool:
    """The solution is a whole step: an action the writer owns, with when ("I've refunded your shipping today."),
    or one already finished ("Your refund went through this morning.")."""
    return _offers_action(text) and (_finished(text) or (_OWNER_FOLDED.span(text) is not None and _has_time(text)))


@register
class CareSolutionImbalance(Rule):
    """Care and solution are out of balance.

    ## What it does
    Compares the words of the acknowledgment and warm language (care) with the words of the
    solution. Flags a long acknowledgment with a thin solution (care more than
    `max_care_ratio` times the solution) and the reverse: a long solution with a token
    acknowledgment (solution more than `max_solution_ratio` times the care). Sentences that
    only acknowledge (no action, no time) at the head of the solution count as care: an
    imported paragraph keeps its acknowledgment and its steps together. A short reply whose
    care is a sentence or two (under twice `min_words`) before a whole step, owned and timed
    ("Thanks for getting in touch about the late delivery, I can see how annoying that is.
    I've refunded your shipping today.") or already done, is not out of balance: the step
    needs no more words. A long solution after care that names the customer's feeling ("I know it may be
    frustrating, but we need to check a few details with you.") is not flagged either: the acknowledgment is
    there, and an email's length is SK105's. Nor is a long solution after care that neither acknowledges
    nor says sorry ("Thank you for your response." and the steps): the reply lacks an acknowledgment, which
    SK301 reports (SK302 when it comes after the steps), rather than weighs too much against a token one.
    Good news told after the care in one sentence ("I know this has been stressful, so I'm glad to say your
    refund is approved.") counts as solution, as the solution rules read it.

    ## Why it matters
    Care and action belong together: a reply should weigh how the customer feels against
    what will be done about it.
    Three sentences of sympathy before one vague line sound like stalling; a wall of steps
    after a two-word "Sorry!" sounds like a machine.

    ## Example
    Forty words about how sorry we are, then "We'll check."

    ## Use instead
    One or two sentences of acknowledgment, then a solution with its next step, owner and time.

    ## Options
    - `max_care_ratio` (default 2.5), `max_solution_ratio` (default 8).
    - `min_words` (default 12): the longer side must have at least this many words.

    ## Fix safety
    No automatic fix.
    """

    code = "SK405"
    whole_reply = True
    name = "care-solution-imbalance"
    options: ClassVar[Mapping[str, Any]] = {"max_care_ratio": 2.5, "max_solution_ratio": 8.0, "min_words": 12}
    bad_examples = (Example.of(
        acknowledgment="I can only imagine how upsetting and exhausting it has been to chase this order for "
                       "weeks, to be passed from one person to another, and to still not have an answer.",
        warm_language="I'm truly, deeply sorry for all of it, and I really appreciate your patience with us.",
        solution="I'll check today."),)
    good_examples = (Example.of(
        acknowledgment="I can see how tiring it has been to chase this order for weeks.",
        warm_language="I'm really sorry.",
        solution="I've found your parcel at the depot, and I'll have it delivered to you by Friday."),)

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        acknowledgment, warm, sol, head = _care_and_solution_words(message)
        care = acknowledgment + warm
        if not care or not sol:
            return  # missing parts are other rules' business
        floor = int(ctx.option("min_words", 12))
        care_ratio = float(ctx.option("max_care_ratio", 2.5))
        sol_ratio = float(ctx.option("max_solution_ratio", 8.0))
        care_heavy = care >= floor and care > care_ratio * sol
        solution_heavy = sol >= floor and sol > sol_ratio * care
        if (care_heavy or solution_heavy) and only_thanks_for_praise(message):
            return  # (a reply to praise has no solution to weigh its thanks against)
        if care_heavy and care < 2 * floor and _complete_step(solution_text(message)):
            return  # (a sentence or two of care before a whole step, owned and timed: short, not out of balance)
        if care_heavy:
            # (at the longer care slot, and named: that is the one to trim)
            long_slot = "warm_language" if warm > acknowledgment else "acknowledgment"
            # (care moved from the solution's head is where that head is: the acknowledgment may be empty)
            a, b = slot_range(message, long_slot) or head or (0, 0)
            trim = (f"the {long_slot.replace('_', ' ')}" if min(acknowledgment, warm) * 2 < max(acknowledgment, warm)
                    else "the acknowledgment and the warm language")  # (both long: both to trim)
            yield Finding(a, b, f"{care} words of care but only {sol} of solution",
                          f"Trim {trim} to a sentence or two and say more about the next step.")
        elif solution_heavy and _acknowledges_in_care(message, head) and not _names_their_feeling(message, head):
            # (after "I know it may be frustrating", the advice to acknowledge how they feel is already taken: a
            # long email's length is SK105's; after a thank-you with no acknowledgment anywhere before the steps,
            # it is SK301's missing acknowledgment or SK302's late one, not a token one to weigh)
            a, b = slot_range(message, "solution") or (0, 0)
            yield Finding(a, b, f"{sol} words of solution after only {care} of acknowledgment",
                          "Acknowledge how the customer feels before the steps.", severity=Severity.SUGGESTION)


@register
class NoFlexibility(Rule):
    """The script leaves the agent no room at all.

    ## What it does
    Flags a script with no flexibility: no guidance for the agent, no blanks to fill in,
    no alternatives or conditions, and only one phrasing of every slot. A guidance of one or
    two words ("Refunds", as a helpdesk's description field often holds) is a label, not room. In a
    script written without spaces (Japanese, Chinese, Thai) two characters count as a word.

    ## Why it matters
    Every conversation differs, and a script that fixes every word leaves the agent no
    way to fit it to the person in front of them. A script with no room gets pasted as is, and customers can tell.

    ## Example
    A script with only `acknowledgment` and `solution`, each a single string.

    ## Use instead
    Add `flexibility:` with a line of guidance, a blank for the detail that changes, or a
    second phrasing of the acknowledgment as a list.

    ## Options
    None.

    ## Fix safety
    No automatic fix.
    """

    code = "SK406"
    whole_reply = True
    name = "no-flexibility"
    bad_examples = (Example.of(acknowledgment="I can see how frustrating this is.",
                               solution="I'll send a replacement today."),
                    Example.of(acknowledgment="I can see how frustrating this is.", flexibility="Replacements",
                               solution="I'll send a replacement today."))
    good_examples = (Example.of(acknowledgment="I can see how frustrating this is.",
                                flexibility="If they mention a deadline, offer express shipping.",
                                solution="I'll send a replacement today."),)

    def check_pack(self, pack: Pack, messages: list[Message], ctx: RuleContext) -> Iterable[Diagnostic]:
        wanted = {m.script_id for m in messages}
        for script in pack.scripts:
            if script.id not in wanted:
                continue
            flex = script.flexibility
            if script.variant_count != 1 or (flex is not None and not flex.is_empty and not _a_label(flex)):
                continue
            label = flex.guidance if flex is not None and not flex.is_empty else None
            # (a guidance of a word or two is a label, "Refunds", as a helpdesk's description field often holds)
            message = (f"the script's only room for the agent is the guidance '{label}', a label that says "
                       "nothing about adapting it" if label else "the script gives the agent no room to adapt it")
            # (at the label, or at a flexibility written empty, where the writer looks to fix it; else at the id)
            where = _script_location(script) if flex is None else \
                script.origin.location(("flexibility", "guidance")) if label and script.origin else \
                _script_location(script, ("flexibility",))
            yield Diagnostic(self.code, self.name, message, self.severity, where,
                             slot="flexibility", text=script.title, script_id=script.id,
                             suggestion="Add flexibility: guidance, a blank, an alternative, or a second "
                                        "phrasing of the acknowledgment." if not label else
                                        "Say in the guidance when or how to adapt the reply (\"If they mention "
                                        "a deadline, offer express shipping.\"), or add a blank or an alternative.")


def _a_label(flex: Flexibility) -> bool:
    """Whether the flexibility is a guidance of one or two words alone (see NoFlexibility)."""
    return (not (flex.blanks or flex.alternatives or flex.conditions)
            and _guidance_words(flex.guidance or "") <= 2)


_SPACELESS = re.compile(f"[{SPACELESS}]")


def _guidance_words(guidance: str) -> float:
    """How many words a guidance holds. Split at spaces, a Japanese or Chinese sentence was one word (a label); there
    a word is about two characters, so each character of such a script counts half a word ("返品", returns: one)."""
    spaceless = len(_SPACELESS.findall(guidance))
    if not spaceless:
        return len(guidance.split())
    # (the rest's words, without the punctuation left standing alone: "。", "、")
    rest = sum(1 for w in _SPACELESS.sub(" ", guidance).split() if any(c.isalnum() for c in w))
    return rest + spaceless / 2


# Leftover fill-in markers in text that is about to be sent.
_LEFTOVER = re.compile(
    r"\[\[[^\]\n]{0,60}\]\]"
    r"|\[(?:[A-Z][A-Z0-9 _'’-]{1,40}|(?i:insert|add|enter|your|customer|agent|name|date|order|first|last)"
    r"[^\]\n]{0,40})\]"
    # (a '$' before the brace is the marker's own, '${x}', as the import names it: not a price sign)
    r"|\$?\{\{?\s*[A-Za-z_][\w.]*\s*\}\}?"
    # (Salesforce's '{!Contact.FirstName}' and Help Scout's '{%customer.firstName%}', pasted from a macro: a pack
    # refuses them when it loads, so only a reviewed reply holds them)
    r"|\{![A-Za-z_][\w.]*\}|\{%[A-Za-z_][\w.]*(?:,fallback=[^%{}\n]{0,40})?%\}"
    r"|<(?:[A-Z][A-Z0-9_ ]{1,30}|(?i:insert|name|date|customer|agent|order)[^>\n]{0,30})>"
    # (a mention whose handle is a word in angle brackets, '@<maintainer>': no handle is written so, nor a tag)
    r"|(?<=@)<[A-Za-z][\w-]{0,30}>"
    # "xxx", and a name between x's in either case, "XXXSTEPSXXX", "xxxopenerxxx" (not "XXXL"; possessive: a
    # long word of x's is read once)
    r"|\b[xX]{3}(?:\w*+(?<=[xX]{3}))?\b|\b(?:TBD|TODO|FIXME|TKTK)\b|_{3,}"
)

# More markers, as writers leave them: '[amount]', '[Refund amount]', '[phone number]' (a bracket the importer
# reads as a fill-in: its rule is asked, see _bracket_is_fill_in), '<phone number>', '£XX', '$XX.XX', '__/__'
# and a fill-in word in capitals standing in lower-case text ('on DATE', 'ORDER NUMBER'; not an acronym such
# as SIM or EEA, nor a capitals heading or shout, 'PLEASE NOTE THE DATE'). Not '[text](url)', '[1]', '\\[x]'.
_FILL_IN_WORD = (r"(?:DATE|AMOUNT|NAME|FIRSTNAME|LASTNAME|FULLNAME|ADDRESS|PHONE|NUMBER|TIME|PRICE|TOTAL|COUNTRY|CITY"
                 r"|REASON)")
_MORE = re.compile(
    r"(?P<square>(?<!\\)\[[A-Za-z][\w .'/-]{0,40}?\](?![(\[:]))"
    # words in single braces, '{app/website}', '{menu or button}', '{clear, short explanation}' (see _brace_is_fill_in)
    r"|(?P<brace>(?<![{$])\{[A-Za-z][^{}\n]{0,80}\}(?!\}))"
    r"|(?P<angle><[a-z]{2,20}(?: [a-z]{2,20}){1,3}>)"
    r"|(?<![\w£$€¥₹])[£$€¥₹] ?[xX]++(?:[.,][xX]++)?(?![\w.,])"
    r"|(?<![_/])_{2,}+(?:/_{2,}+)+"
    rf"|(?P<caps>\b(?:(?:ORDER|FIRST|LAST|FULL|TRACKING|REFUND|ACCOUNT|CUSTOMER|AGENT|DELIVERY|CARD|PHONE)[ _])?"
    rf"{_FILL_IN_WORD}[0-9]?\b)"
)
_CAPS_WORD = re.compile(r"[A-Z]{2,}\b")
_CAPS_HINT = re.compile(_FILL_IN_WORD)


def fill_in_markers(text: str) -> list[tuple[int, int]]:
    """The spans of a text's fill-in markers ('[AMOUNT]', '{customer_name}', 'XXXXXXX'): ``_LEFTOVER``'s and
    ``_MORE``'s, leftmost first, none inside another. SK407 reports them as blanks left unfilled; SK901-SK903
    (grammar: markup, not words to spell) and SK208 (warmth: capitals that are no one's voice) share this reading,
    so the three agree on what a marker is."""
    found = [m.span() for m in _LEFTOVER.finditer(text)]
    for m in _MORE.finditer(text):
        if m.lastgroup == "square" and not (_bracket_is_fill_in(text, m.start(), m.end())
                                            and _names_a_value(m.group(0))):
            continue
        if m.lastgroup == "brace" and not _brace_is_fill_in(text, m.start(), m.end()):
            continue
        if m.lastgroup == "angle" and not _names_a_value(m.group(0)):
            continue
        if m.lastgroup == "caps" and (_among_capitals(text, m.start(), m.end())
                                      or _names_a_ui_part(text, m.start(), m.end())):
            continue
        found.append(m.span())
    found.sort(key=lambda ab: (ab[0], -ab[1]))
    kept: list[tuple[int, int]] = []
    for a, b in found:
        if not kept or a >= kept[-1][1]:
            kept.append((a, b))
    return kept


def _bracket_is_fill_in(text: str, start: int, end: int) -> bool:
    """Whether the importer reads the bracket ``text[start:end]`` as a fill-in ('[amount]', '[phone number]';
    not '[x]', '[sic]'): the same rule, so a macro audited after import and a reply reviewed agree."""
    m = FILL_IN.match(text, start)
    if m is None or m.lastgroup != "square" or m.end() != end or is_plain_bracket(m.group("qname")):
        return False
    # (and an aside is no fill-in: "the refund [see below]", "[optional]", "[if needed]")
    return m.group("qname").split()[0].lower().rstrip(".") not in _ASIDE_START


def _brace_is_fill_in(text: str, start: int, end: int) -> bool:
    """Whether the braces ``text[start:end]`` hold a fill-in as the importer reads one (``FILL_IN``): words
    ('{app/website}', '{menu or button}', '{clear, short explanation}'), not code or data ('{a: 1}', '{ return x; }',
    '{draft,final}'). Unlike a square bracket, which prose uses for a button or an aside ('[Continue]', '[see
    below]'), single braces around words are nothing a reply means to send: what the words name is not asked."""
    m = FILL_IN.match(text, start)
    return m is not None and m.lastgroup == "single" and m.end() == end


_ASIDE_START = frozenset({"see", "cf", "e.g", "eg", "i.e", "ie", "optional", "optionally", "if", "as", "or", "and",
                          "but", "and/or", "via", "from", "with", "without", "only", "also", "etc", "continued",
                          "redacted", "removed", "emphasis", "translated", "laughs", "sighs", "smiles"})


# A bracket of words is a fill-in when they name a value ('[refund amount]', '[phone number]', '<first name>') or
# ask for one ('[insert date]', '[your reference]'); not a button, menu or aside ('[Continue]', '[Save changes]',
# '[Refunds]', '[Security]', '[top right]', '[Form W-9]'), nor a part of a screen ('[Account settings]').
_VALUE_NOUNS = frozenset({
    "name", "names", "firstname", "lastname", "surname", "fullname", "username", "amount", "sum", "fee", "cost",
    "date", "dates", "time", "day", "deadline", "number", "phone", "mobile", "email", "e-mail", "address",
    "postcode", "zip", "order", "ticket", "tracking", "reference", "ref", "id", "price", "total", "link", "url",
    "code", "company", "product", "account", "agent", "customer", "invoice", "quantity", "dob",
    # the same values in the other languages packs are written in (a Spanish pack's "[Nombre del cliente]",
    # a German one's "[Kundenname]"): the customer got them as written
    "nombre", "apellido", "fecha", "hora", "importe", "cantidad", "monto", "número", "numero", "teléfono",
    "correo", "dirección", "pedido", "referencia", "cliente", "factura", "enlace", "código", "precio",
    "vorname", "nachname", "kundenname", "datum", "uhrzeit", "betrag", "summe", "nummer", "telefonnummer",
    "bestellnummer", "adresse", "kunde", "rechnung", "preis", "nom", "prénom", "heure", "montant", "numéro",
    "téléphone", "commande", "référence", "facture", "lien", "prix", "nome", "data", "valor", "telefone",
    "endereço", "fatura", "preço"})
_FILL_START = frozenset({"insert", "enter", "add", "your", "customer", "agent", "customer's", "agent's",
                         "insertar", "introducir", "einfügen", "insérer", "inserir"})
_UI_NOUNS = frozenset({"field", "fields", "button", "buttons", "column", "columns", "tab", "tabs", "menu", "box",
                       "option", "options", "key", "list", "page", "setting", "settings", "section", "screen",
                       "link", "icon", "label", "panel", "history", "dropdown"})
_SCREEN_PARTS = frozenset({"button", "tab", "menu", "page", "setting", "settings", "section", "screen", "icon",
                           "panel", "history", "dropdown"})
_WORDS = re.compile(r"[a-z0-9']+")


_BRACKET_WORDS = re.compile(r"[^\W_]+(?:'[^\W_]+)*")  # (accented letters too: '[número de pedido]')


def _names_a_value(bracket: str) -> bool:
    """Whether the words of a bracket ('[refund amount]', '<insert date>') name or ask for a value to fill in."""
    words = _BRACKET_WORDS.findall(bracket.lower())
    if not words:
        return False
    if words[0] in _FILL_START:
        return True
    if any(w in _SCREEN_PARTS for w in words[1:]):  # ('[Account settings]', '[Order history]': a part of a screen)
        return False
    return any(w in _VALUE_NOUNS for w in words)


_UI_VERBS = frozenset({"the", "choose", "select", "press", "click", "tap", "pick", "hit", "tick", "untick"})


def _names_a_ui_part(text: str, start: int, end: int) -> bool:
    """Whether the capitals word ``text[start:end]`` names a part of a screen, not a value to fill in: next to a
    field, button or column ('the DATE field', 'the field REASON'), after 'the' or a verb such as choose or press
    ('choose COUNTRY'), or what a field is set to ('Set the column to NUMBER'). Not 'on DATE', 'Dear NAME'."""
    before = [w.strip(".,;:!?()\"'").lower() for w in text[max(0, start - 60):start].split()]
    after = [w.strip(".,;:!?()\"'").lower() for w in text[end:end + 40].split()[:1]]
    if after and after[0] in _UI_NOUNS:
        return True
    if not before:
        return False
    if before[-1] in _UI_NOUNS or before[-1] in _UI_VERBS:
        return True
    return before[-1] in ("to", "as") and any(w in _UI_NOUNS for w in before[-4:-1])


def _among_capitals(text: str, start: int, end: int) -> bool:
    """Whether a word next to ``text[start:end]`` is in capitals too: a heading or a shout, not a marker."""
    before = text[max(0, start - 40):start].split()
    after = text[end:end + 40].split()
    near = [w.strip(".,;:!?()\"'") for w in (before[-1:] + after[:1])]
    return any(_CAPS_WORD.fullmatch(w) for w in near)


@register
class UnfilledBlank(Rule):
    """Fill-in markers left in text that is about to be sent, or blanks the agent cannot fill.

    ## What it does
    In any text segment, flags leftover fill-in markers such as `[[reason]]`, `[NAME]`, `[amount]`,
    `[phone number]`, `{name}`, words in single braces such as `{menu or button}` or `{clear, short
    explanation}` (not code or data: `{a: 1}`, `{ return x; }`), `<insert date>`, `<phone number>`, a mention
    such as `@<maintainer>`, `£XX`, `$XX.XX`, `DATE` in lower-case text, `xxx`, `XXXSTEPSXXX` or `xxxstepsxxx`,
    `TBD`, `___` or `__/__` as errors (a bracket counts as one
    where `scriptkit import` reads it as a fill-in and its words name a value, `[refund amount]` (or in Spanish,
    German, French or Portuguese, `[Nombre del cliente]`, `[Kundenname]`), or ask for
    one, `[insert date]`; not a button or menu such as `[Continue]`, a Markdown link, a `[1]` footnote, an escaped
    `\\[` or an aside such as `[see below]`; nor a capitals word naming a part of a screen, `the DATE field`,
    `choose COUNTRY`): the helpdesk will send
    them to the customer as they are. A contact or detail field left empty is one too: a line that is only a
    label such as `Tel:`, `- Email:`, `Working hours:` or `Order number:` (or `- Correo electrónico:`,
    `Öffnungszeiten:`), nothing after the colon; not when its value follows on the next line (indented, a list
    under it, or a line of text right below), nor a heading such as `Steps:`. In a macro, a declared blank
    (`{{ blank.x }}`) is meant for the agent; it is flagged (warning) only when it has no prompt telling the agent what
    to write. An alternative's or a condition's text is read too, as the agent may send it (not its label, its
    `when` or the guidance, which are for the agent). `scriptkit review` reads an agent's actual reply, so every
    marker there is a leftover, to fill in before sending; a helpdesk's placeholder there
    (`{{ticket.requester.first_name}}`, Salesforce's `{!Contact.FirstName}`, Help Scout's `{%customer.firstName%}`)
    is a macro pasted, not applied, and the finding says whose it is.

    ## Why it matters
    "Dear [NAME]" is the fastest way to show a customer they are talking to a template.

    ## Example
    "Your refund of [AMOUNT] will arrive by xxx."

    "You can reach their team here:\\n\\n- Tel:\\n- Email:"

    ## Use instead
    In a macro: `{{ blank.amount }}` declared under `flexibility: blanks:` with a prompt.
    In a reply: the real amount and date, the real phone number and email address.

    ## Options
    None.

    ## Fix safety
    No automatic fix: only the agent knows the missing value.
    """

    code = "SK407"
    name = "unfilled-blank"
    severity = Severity.ERROR
    reads_alternatives = True  # (an alternative, a condition, an untaken {% if %} branch: sent as well)
    bad_examples = (Example.of(acknowledgment="I can see how frustrating this is.",
                               solution="I'll refund [AMOUNT] to your card by xxx."),
                    Example.of(acknowledgment="I can see how frustrating this is.",
                               solution="I'll pass you to the courier, who can help today:\n\n- Tel:\n- Email:"))
    good_examples = (Example.of(acknowledgment="I can see how frustrating this is.",
                                flexibility={"blanks": [{"name": "amount", "prompt": "The refund amount"}]},
                                solution="I'll refund {{ blank.amount }} to your card today."),)

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        for start, end, label in _empty_fields(message.text):
            yield Finding(start, end, f"'{label}:' has nothing after it: the field was never filled in",
                          _empty_field_advice(label, ctx))
        if not may_hold_fill_in_marker(message.text):
            return  # no segment's text can hold a marker, and a blank would show as [[name]]
        for a, _b, seg in message.spans():
            if isinstance(seg, Text):
                if not _segment_may_hold_marker(seg.text):
                    continue
                for start, end in fill_in_markers(seg.text):
                    marker = seg.text[start:end]
                    if marker[0] == "[" and _escaped_in_file(seg, start):
                        continue  # ('\[[name]]', '\[STEPS]': a bracket the writer escaped is text, sent as '[')
                    if _marked_literal_in_file(seg, start):
                        continue  # ('{% raw %}{{ticket.id}}{% endraw %}': text the writer marked to be sent as written)
                    yield Finding(a + start, a + end, f"'{marker}' is a fill-in marker that would be sent as is",
                                  _marker_advice(marker, ctx, message.script_id))
            elif isinstance(seg, Blank) and not seg.prompt.strip():
                yield Finding(a, a + len(seg.marker), f"blank '{seg.name}' has no prompt for the agent",
                              "Add a prompt: flexibility: blanks: - name: ... prompt: what to write here.",
                              severity=Severity.WARNING)


# a contact or detail label, as a template writes a field for the agent to fill in ("Tel:", "Working hours:"),
# in English and the other languages whose markers are read ("Correo electrónico:", "Öffnungszeiten:")
_FIELD_LABEL = (
    r"(?:(?:tele)?phone|tel\.?|mobile(?:\s+phone)?|cell(?:\s+phone)?|fax|contact)(?:\s+(?:number|no\.?|#))?"
    r"|e-?mail(?:\s+address)?"
    r"|(?:postal\s+|mailing\s+|street\s+|shipping\s+|delivery\s+|billing\s+|return\s+)?address"
    r"|(?:(?:working|opening|office|business|support|service|contact)\s+)?hours|web\s?site"
    r"|(?:order|reference|ref\.?|account|tracking|case|ticket)\s+(?:number|no\.?|#|id)|reference"
    r"|tel[ée]fono(?:\s+m[óo]vil)?|m[óo]vil|correo(?:\s+electr[óo]nico)?|direcci[óo]n"
    r"|horario(?:\s+de\s+(?:apertura|atenci[óo]n))?|sitio\s+web|n[úu]mero\s+de\s+pedido"
    r"|telefon(?:nummer)?|handy|adresse|öffnungszeiten|bestellnummer|webseite"
    r"|t[ée]l[ée]phone|portable|courriel|horaires(?:\s+d'ouverture)?|site\s+web|num[ée]ro\s+de\s+commande"
    r"|telefone|celular|endere[çc]o|hor[áa]rio(?:\s+de\s+(?:funcionamento|atendimento))?"
)
_EMPTY_FIELD = re.compile(
    rf"^(?P<indent>[ \t]*)(?P<field>(?P<bullet>[-*•+–]\s*)?(?P<label>{_FIELD_LABEL})[ \t]*:)[ \t]*$",
    re.IGNORECASE | re.MULTILINE)
# a line that is a field of its own ("- Dealer ID:", "Website: example.com"): a sibling, not a label's value
_FIELD_LINE = re.compile(r"[ \t]*(?:[-*•+–]\s*)?[^\s:][^:\n]{0,40}:(?:\s|$)")
_BULLET = re.compile(r"[ \t]*[-*•+–]\s")


def _empty_fields(text: str) -> Iterable[tuple[int, int, str]]:
    """The contact or detail fields left empty (``[start, end)`` of the bullet and label with its colon, and the
    label): a line that is only a label and a colon, whose value does not follow on the line below (indented
    under it, a list under an unlisted label, or text right below it)."""
    if ":" not in text:
        return
    for found in _EMPTY_FIELD.finditer(text):
        rest = text[found.end():].split("\n")[1:]  # (the lines after the label's)
        below = next((line for line in rest if line.strip()), None)
        if below is not None:
            below_indent = len(below) - len(below.lstrip())
            if below_indent > len(found["indent"]) and below_indent >= len(found["indent"] + (found["bullet"] or "")):
                continue  # ('Phone:\n  0161 ...', '- Address:\n    12 Mill Lane': the value indented under its label)
            if not found["bullet"] and _BULLET.match(below):
                continue  # ('Opening hours:\n- Monday to Friday'): a list under the label
            if rest[0].strip() and not _FIELD_LINE.match(rest[0]) and not _BULLET.match(rest[0]):
                continue  # ('Address:\n12 Mill Lane'): the value on the line right below
        yield found.start("field"), found.end("field"), found["label"]


def _empty_field_advice(label: str, ctx: RuleContext) -> str:
    """How to mend an empty field: write the value in; in a macro, a blank asks the agent for it."""
    if ctx.pack is None:
        return "Write the value in after the colon before sending, or take the line out."
    name = slug(label, "_") or "value"
    return (f"Write the value in, or declare a blank: {{{{ blank.{name} }}}} after the colon, and under "
            f"flexibility: blanks: - name: {name} with a prompt for the agent.")


def _escaped_in_file(seg: Text, i: int) -> bool:
    """Whether the character at ``i`` of ``seg`` (as read: a backslash escape already taken off) is written
    after a backslash in its file."""
    src = seg.source
    if src is None or src.source is None or not src.offsets or i >= len(src.offsets):
        return False
    at = src.offsets[i]
    return at > 0 and src.source.text[at - 1] == "\\"


def _marked_literal_in_file(seg: Text, i: int) -> bool:
    """Whether the character at ``i`` of ``seg`` is written in its file inside ``{% raw %}`` or a quoted string of a
    ``{{ }}`` ("{{ '{{ticket.id}}' }}"): the writer marked it as text to show as written, as an escaped bracket is."""
    src = seg.source
    if src is None or src.source is None or i >= len(src.offsets):
        return False
    return in_spans(_literal_spans(src.source.text), src.offsets[i])


_literal_spans = lru_cache(maxsize=256)(marked_literal_spans)


def _marker_advice(marker: str, ctx: RuleContext, script_id: str) -> str:
    """How to mend a marker: '{ customer.first_name }' in a pack is a placeholder short of a brace;
    '[[refund_amount]]' names a blank the script declares, to be used as {{ blank.refund_amount }}; any other
    is filled in, or declared as a blank named from its words ('{code}': {{ blank.code }})."""
    if ctx.pack is None:  # (a reply about to be sent: no macro to write, no blank to declare)
        return _reply_marker_advice(marker)
    inner = marker.strip("{} ")
    if marker.startswith("{") and not marker.startswith("{{") \
            and (inner in ctx.pack.catalogue or inner in ctx.pack.constants or inner.startswith("blank.")):
        return f"Write two braces on each side: {{{{ {inner} }}}}."
    names = _blank_names(marker)
    if names:
        # ("[[refund_amount]]", "[[blank.refund_amount]]", "[REFUND AMOUNT]", "{refund_amount}": one blank)
        try:
            declared = ctx.pack.script(script_id).blanks
        except KeyError:  # (a message made for no script of the pack)
            declared = {}
        name = next((n for n in names if n in declared), None)
        if name is not None:
            return f"'{name}' is declared as a blank: write it as {{{{ blank.{name} }}}} and the agent is asked for it."
    if not names:  # ("TBD", "___": no words to name it by)
        return ("Fill it in, or in a macro declare it as a blank named for what goes there: {{ blank.<its name> }} "
                "here, and under flexibility: blanks: - name: <its name> with a prompt for the agent.")
    name = names[-1]
    return (f"Fill it in, or in a macro declare it as a blank: {{{{ blank.{name} }}}} here, and under "
            f"flexibility: blanks: - name: {name} with a prompt for the agent.")


def _reply_marker_advice(marker: str) -> str:
    """How to mend a marker in a reply about to be sent: fill it in. A helpdesk's placeholder
    ('{{ticket.requester.first_name}}', '{!Contact.FirstName}') says the macro was pasted rather than applied, so
    the helpdesk never filled it in; which helpdesk's, and what to write, are told where known. scriptkit's own
    notation ('{{ blank.amount }}', '{{customer.first_name}}') says the script's text was pasted instead."""
    found = HELPDESK_VARIABLE.fullmatch(marker)
    inner = marker.strip("{} ")
    if found is None:
        spec = DEFAULT_CATALOGUE.get(inner) if marker.startswith("{") else None  # ('{ customer.first_name }')
        return f"Write {_what_it_holds(spec)} in before sending." if spec is not None else "Fill it in before sending."
    name = found["mustache"] or found["helpscout"] or found["salesforce"]
    if found["mustache"] and name.startswith("blank."):  # (scriptkit's notation for the agent's fill-in)
        what = name.removeprefix("blank.").replace("_", " ").strip() or "the value"
        return (f"It is a scriptkit blank, which the agent fills in when using the macro: the script's text was "
                f"pasted, not applied as a macro. Write the {what} in before sending.")
    meanings = helpdesk_spellings().get(name, {})
    if found["helpscout"] or found["salesforce"]:
        whose = "a Help Scout placeholder" if found["helpscout"] else "a Salesforce placeholder"
    else:
        helpdesks = list(dict.fromkeys(h for names in meanings.values() for h in names))
        whose = f"a {' or '.join(helpdesks)} placeholder" if helpdesks else "a helpdesk's placeholder"
    canonical = next(iter(meanings)) if len(meanings) == 1 else name  # ({{customer.first_name}}: scriptkit's own)
    spec = DEFAULT_CATALOGUE.get(canonical)
    what = _what_it_holds(spec) if spec is not None else _named_by_its_words(name)
    if not meanings and spec is not None:  # (no helpdesk spells it so: a script's text, not a helpdesk's macro)
        return (f"It is a scriptkit placeholder, which the helpdesk fills in once the pack is exported: the script's "
                f"text was pasted, not applied as a macro. Write {what} in before sending.")
    return f"It is {whose}: the macro was pasted, not applied. Write {what} in before sending."


def _what_it_holds(spec: PlaceholderSpec) -> str:
    """What a placeholder holds, to write in its place: "the customer's first name"."""
    return spec.description[:1].lower() + spec.description[1:]


_PLAIN_NAME = re.compile(r"[A-Za-z]+(?:_[A-Za-z]+)*")


def _named_by_its_words(name: str) -> str:
    """What a placeholder no catalogue knows holds, read from the last part of its name ('author': the author,
    'ticket.order_ref': the order ref, 'shipmentCarrier': the shipment carrier); a name that is no plain words
    ('custom_field_81', 'Field__c') says only "the value"."""
    last = name.rsplit(".", 1)[-1]
    if not _PLAIN_NAME.fullmatch(last):
        return "the value"
    return "the " + re.sub(r"(?<=[a-z])(?=[A-Z])", " ", last).replace("_", " ").lower()


# the words of a marker that only ask for its value ("[insert date]", "<enter the amount>"), and the markers
# that are only filler, with no word that names it ("xxx", "TBD")
_ASKING = re.compile(r"(?:insert|enter|add|type|put|fill\s+in)\s+(?:(?:the|a|an|your)\s+)?", re.IGNORECASE)
_FILLER = frozenset(["x", "xx", "xxx", "xxxx", "tbd", "tba", "tbc", "todo", "fixme", "tktk", "blank", "fill_in"])


def _blank_names(marker: str) -> tuple[str, ...]:
    """The blank names a marker's words spell (``slug``: as the loader accepts them): as written, then
    without the words asking for it ('[insert date]': insert_date, date); a sum ('£XX') is an amount, and a
    marker of filler alone ('xxx', 'TBD', '___') names none."""
    words = marker.strip("[]{}<>() ").removeprefix("blank.")
    if _CURRENCY_MARKER.fullmatch(words):
        return ("amount",)
    words = re.sub(r"^x{3,}(.+?)x{3,}$", r"\1", words, flags=re.IGNORECASE)  # ("XXXSTEPSXXX": steps)
    names = [slug(words, "_"), slug(_ASKING.sub("", words, count=1) if _ASKING.match(words) else words, "_")]
    return tuple(dict.fromkeys(n for n in names if n and n not in _FILLER))


_CURRENCY_MARKER = re.compile(r"[£$€¥₹]\s?x+(?:[.,]x+)?", re.IGNORECASE)


_HINTS = ("[", "{", "<", "_", "xxx", "tbd", "todo", "fixme", "tktk", "£x", "$x", "€x", "¥x", "₹x", "£ x", "$ x",
          "€ x", "¥ x", "₹ x")
_MARKER_HINT = re.compile("|".join(map(re.escape, _HINTS)), re.IGNORECASE)


def may_hold_fill_in_marker(text: str) -> bool:
    """Whether ``text`` may hold a fill-in marker: a cheap pre-check before ``fill_in_markers``, as most text has
    none of the characters a marker needs (False means it holds none). Shared with SK901-SK903 (grammar)."""
    if _CAPS_HINT.search(text) is not None:  # ('on DATE': a fill-in word in capitals)
        return True
    if text.isascii():  # then IGNORECASE is plain lower-casing, and substring tests are many times faster
        return any(map(text.lower().__contains__, _HINTS))
    return _MARKER_HINT.search(text) is not None


# the check of a segment's text, remembered: the text of a message nearly always passes it (from the
# markers of its placeholders), and then each of its literal segments, stock text, is checked again
_segment_may_hold_marker = lru_cache(maxsize=16_384)(may_hold_fill_in_marker)


__all__ = ["CareSolutionImbalance", "MissingSolution", "NoFlexibility", "NoNextStep", "NoOwner", "NoTimeFrame",
           "UnfilledBlank", "fill_in_markers", "may_hold_fill_in_marker", "short_reply_advice"]
