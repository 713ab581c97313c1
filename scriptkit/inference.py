"""Slot inference: which practice each sentence of a free-text reply carries.

Used by ``scriptkit review`` (an agent's real reply) and by the importers (helpdesk macros
have no slots). Each sentence is read for cues from the shared lexicon
(``scriptkit/rules/data/lexicon.yaml``): acknowledgment openers and feeling words,
apologies and warm phrases, owned actions and time frames. The strongest family wins;
the confidence says by how much.

The same per-sentence cues serve the empathy and warmth rules (``analyse_message``), so a
reply is read once whichever rules run.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from scriptkit.message import Message, Text
from scriptkit.rules.lexicon import CaselessRegex, MultiMatcher, Tokens, fold, joins_words, normalise, pattern
from scriptkit.text import (
    holding_one_of,
    inside_one_of,
    list_item_at,
    reading_spans,
    sentence_spans,
    trimmed,
    words_start,
)

INFERRED_SLOTS = ("acknowledgment", "warm_language", "solution", "other")
#: Slots whose text is part of the reply's body (greeting, sign-off and joiners are not).
BODY_SLOTS = ("acknowledgment", "warm_language", "solution", "other")
FRAME_SLOTS = ("greeting", "signoff", "layout")

# these run on folded (lower-cased) text
# "\b(?:you(?:r|rs|rself|'(?:ve|re|d|ll))?|u|ur)\b", written to start with its letters: a regex
# starting with \b is tried at every position, one starting with literals skips ahead to them
# (the word start is then looked behind for); the same matches, found about twice as fast
_SECOND_PERSON = re.compile(r"(?:y(?<!\wy)ou(?:r|rs|rself|'(?:ve|re|d|ll))?|u(?<!\wu)r?)\b")
# (after what may come before an instruction: an emoji, a bullet, bold, a step's number: "🔍 Send us the details",
# "- Tap Settings", "1. Open the app")
# what asks the customer to do the verb after it: "please", "could I ask you to", "can I ask that you",
# "may I ask for"
_ASK = (r"(?:please|(?:can|could|may|might)\s+(?:i|we)\s+(?:please\s+)?ask\s+(?:you\s+to|that\s+you|for))"
        r"\s+(?:please\s+)?")
# ... but not in the formulas that ask for nothing: "please note", "please don't hesitate",
# "may I ask for your patience"
_ASKS_NOTHING = (r"(?:note|be|accept|feel|rest|know|understand|bear|kindly|allow|find|see|excuse|forgive)\b"
                 r"|don['’]t\s+hesitate|do\s+not\s+hesitate|your\s+(?:patience|understanding)\b")
#: a request of the customer, anywhere in a text ("Thanks for the report, please send it to the author"): SK403
#: reads it as the customer's own step
REQUEST = re.compile(rf"\b{_ASK}(?!{_ASKS_NOTHING})[a-z]+\b", re.IGNORECASE)
#: an instruction at the start of folded text ("please restart the router", "1. tap Settings"): slot inference and
#: the solution rules read it as a step the customer is given (public: scriptkit.rules.solution uses it)
IMPERATIVE = re.compile(
    r"^(?:[\W_]|\d+[.)])*(?:please\s+)?(?:click|tap|go|head|open|select|choose|enter|type|reply|send|upload|download|dm|"
    r"restart|reinstall|clear|try|log|sign|check|visit|call|use|follow|update|install|turn|press|add|"
    r"remove|return|keep|contact|let\s+(?:me|us)\s+know|(?:don't|do\s+not)(?!\s+hesitate\b)|make\s+sure|take|set|put|"
    # (not the notice's "be": "Please be advised that delays happen" tells, it gives no step)
    r"just\s+be|be(?!\s+(?:advised|aware|informed|notified)\b))\b"
    # a request and any verb of doing ("please report it to the author", "could I ask you to restart the app?")
    rf"|^(?:[\W_]|\d+[.)])*{_ASK}(?!{_ASKS_NOTHING})[a-z]+\b",
)
# "that's such a hassle", "what a pain", "how annoying": a feeling aimed at the situation
# (each split in two: the part at the start is matched there only, and the rest searched for
# only when the text holds a word it needs; a regex starting with \b tries every position)
_DEICTIC_START = re.compile(r"(?:\W*\w+\W+)?(?:that|this|it)(?:'s|\s+(?:is|was|has\s+been|must\s+be|sounds|seems))\b")
_DEICTIC_EXCLAIM = re.compile(r"(?:w(?<!\ww)hat\s+an?|s(?<!\ws)uch\s+an?|h(?<!\wh)ow)\s+\w+")  # (\b first, as above)
# "\b(?:could|can|would|will)\s+you\b" (or a question: "?" ends the sentence), starting with its letters
# the writer speaking of themselves ("I", "I'm", "me", "my"), starting with its letters (as _SECOND_PERSON): before
# a feeling word in its clause, the feeling is theirs ("I was stressed for weeks", "my week was awful")
_FIRST_PERSON = re.compile(r"(?:i(?<!\wi)(?:'(?:m|ve|d|ll)|m)?|m(?<!\wm)(?:e|y|yself))\b")
# what ends a clause before a feeling word: "Two hours on hold is miserable, and I'm sorry" keeps the writer's "I"
# apart from the customer's hours; "I'm sorry, that is so sad" the "I'm" apart from the "sad"
_CLAUSE_ENDS = ",;:.!?()\n"
# a feeling said of something, right before its word: "Two hours on hold is miserable", "Those settings are
# genuinely confusing", "a late parcel is the worst" (not "less confusing than the old one": no comparison)
_SAID_OF = re.compile(
    r"(?:\b(?:is|are|was|were|been|be|gets|get|got|feels|felt|seems|seemed|sounds|sounded|looks|looked)|'s|'re)\s+"
    r"(?:(?:so|really|very|genuinely|truly|incredibly|such|quite|pretty|super|seriously|properly|absolutely|totally|"
    r"completely|utterly|just|rather|deeply|extremely|downright|frankly|honestly|always|a\s+bit|a\s+little|"
    r"a\s+real|a\s+total|an\s+absolute|a\s+complete|a\s+huge|such\s+a)\s+){0,2}$")
# ... unless it tells how hard a thing is to do ("Quitting is hard to stick to", "it's really hard to focus"), or
# for whom ("stressful for me"): a difficulty, no feeling heard
_NOT_HEARD = re.compile(r"\s+(?:to\s+[a-z]|for\s+(?:me|us|myself)\b)")
_FEELING_REACH = 60  # characters before a feeling word where its subject and verb are read
_ASKS_YOU = re.compile(r"(?:c(?<!\wc)(?:ould|an)|w(?<!\ww)(?:ould|ill))\s+you\b")


def _deictic(s: str) -> bool:
    return _DEICTIC_START.match(s) is not None or (
        ("what" in s or "such" in s or "how" in s) and _DEICTIC_EXCLAIM.search(s) is not None)


def _asks(s: str) -> bool:
    return s.rstrip().endswith("?") or ("you" in s and _ASKS_YOU.search(s) is not None)


class Cues(NamedTuple):
    """What one sentence contains, as match spans ``(start, end)`` relative to the sentence.

    (A named tuple: one is made for every new sentence, several times faster than a frozen
    dataclass, and just as immutable.)
    """

    greeting: bool
    signoff: bool
    acknowledgment: tuple[tuple[int, int], ...]
    feelings: tuple[tuple[int, int], ...]
    situation: tuple[tuple[int, int], ...]
    apologies: tuple[tuple[int, int], ...]
    personal_apologies: tuple[tuple[int, int], ...]
    warmth: tuple[tuple[int, int], ...]
    ownership: tuple[tuple[int, int], ...]
    actions: tuple[tuple[int, int], ...]
    time_frames: tuple[tuple[int, int], ...]
    advice: tuple[tuple[int, int], ...]
    second_person: bool
    deictic: bool
    reactions: tuple[tuple[int, int], ...]
    asks: bool
    imperative: bool
    thanks_for_waiting: tuple[tuple[int, int], ...]
    #: where an upbeat lead-in ("Good news:", "Happily,") at the sentence's start ends; 0 when there is none
    lead_in: int
    #: thanks for praise: "the kind words", "your lovely review" (see ``replies_to_praise``)
    praise: tuple[tuple[int, int], ...]
    #: every feeling named is the writer's own: "I was stressed for weeks", "we're disappointed"
    own_feeling: bool = False
    #: a feeling is said of something (not the writer): "Two hours on hold is miserable", "Those settings are
    #: genuinely confusing"
    said_of: bool = False

    @property
    def names_feeling(self) -> bool:
        return bool(self.feelings)

    @property
    def names_situation(self) -> bool:
        return bool(self.situation)

    @property
    def acknowledges(self) -> bool:
        """An acknowledging stance, or a feeling word aimed at the customer or their situation: "you", "that's
        ...", "what a ...", or what happened named with it ("Two hours on hold is miserable", "Moving house is
        stressful enough without the internet going down", "Those settings are genuinely confusing": a feeling
        said of it), unless the writer tells of their own ("I was stressed for weeks" is their feeling, not the
        customer's heard; "Two hours on hold is miserable, and I'm sorry" is the customer's, the writer's "I"
        apart from it)."""
        return bool(self.acknowledgment) or (bool(self.feelings) and (
            self.second_person or self.deictic or ((bool(self.situation) or self.said_of) and not self.own_feeling)))

    @property
    def acts(self) -> bool:
        """Help is offered: an owned action, an instruction, a time frame, a question that moves on, or
        advice with an action in it ("you can claim compensation on our site")."""
        return bool(self.ownership and self.actions) or self.imperative or bool(self.time_frames and self.actions) \
            or (self.asks and bool(self.actions)) or bool(self.advice and self.actions)

    def score_values(self) -> tuple[float, float, float]:
        """The scores of acknowledgment, warm_language and solution (``INFERRED_SLOTS`` order)."""
        # a thank-you for waiting is an acknowledgment opener too (SK301 counts it), but it says thanks, not
        # that the writer sees how the customer feels: it weighs as warm language, as strongly as an opener would;
        # their patience told back with no thanks in it ("You've been more than patient with us") acknowledges
        thanks = _holding(self.thanks_for_waiting, self.warmth)
        stance = _not_within(self.acknowledgment, thanks)
        ack = 0.0
        if stance:
            ack += 0.6
        if self.feelings:
            # (a feeling said of what happened is aimed at it as one said to "you" is: "Waiting on a refund is the
            # worst" hears the customer, whatever the "refund" in it names; "Oh no, that's a shame!" reacts, warmly)
            ack += 0.35 if (self.second_person or _has(stance) or (self.said_of and not self.reactions)) else 0.15
        if self.situation and (stance or self.feelings):
            ack += 0.1
        warm = 0.0
        if self.personal_apologies:
            warm += 0.6
        elif self.apologies:
            warm += 0.4
        warmth = self.warmth
        if self.lead_in and (self.ownership or self.actions or self.time_frames or self.imperative or self.advice):
            # "Good news: your refund went through this morning.": the lead-in announces the solution that
            # follows, it is not the sentence's warmth; a warm phrase after it still counts
            warmth = tuple(span for span in warmth if span[1] > self.lead_in)
        if warmth:
            warm += 0.35
        if thanks:
            warm += 0.25
        if self.praise:  # ("Thank you for the kind words, I'll pass them on!": gratitude, not a step)
            warm += 0.25
        if self.reactions and not self.personal_apologies:
            warm += 0.35
        sol = 0.0
        if self.ownership:
            sol += 0.3
        if self.actions:
            sol += 0.3
        if self.time_frames:
            sol += 0.3
        if self.imperative:
            sol += 0.4
        if self.advice:
            sol += 0.4
        if self.asks:
            sol += 0.15
        return ack, warm, sol


def _has(spans: tuple[tuple[int, int], ...]) -> bool:
    return bool(spans)


def _holding(spans: tuple[tuple[int, int], ...], inner: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    """The spans of ``spans`` that hold one of ``inner``."""
    if not inner:
        return ()
    holding = holding_one_of(inner)
    return tuple((x, y) for x, y in spans if holding(x, y))


def _not_within(spans: tuple[tuple[int, int], ...], outer: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    """The spans of ``spans`` that lie inside none of ``outer``."""
    if not outer:
        return spans
    inside = inside_one_of(outer)
    return tuple((a, b) for a, b in spans if not inside(a, b))


_CUE_LISTS = {
    "acknowledgment": "acknowledgment_openers", "feelings": "feelings", "situation": "situation_cues",
    "apologies": "apologies", "personal_apologies": "personal_apologies", "warmth": "warmth",
    "ownership": "ownership", "actions": "actions", "time_frames": "time_frames", "reactions": "emotional_reactions",
    "advice": "advice", "thanks_for_waiting": "thanks_for_waiting", "praise": "praise",
}


@lru_cache(maxsize=1)
def _cue_matcher() -> MultiMatcher:
    return MultiMatcher(_CUE_LISTS.values())


@lru_cache(maxsize=16_384)  # review reads each "other" sentence again; stock sentences recur
def cues(sentence: str) -> Cues:
    """The lexicon cues of one sentence (matched case-insensitively, typographic quotes as ASCII)."""
    s = fold(sentence)
    words = s[_words_from(s):]
    if _whole(_greeting_at_start(words), words) or _whole(pattern("signoffs").match(words, folded=True), words):
        return _make_cues(s, {})  # a frame has nothing else to read
    found = _cue_matcher().spans(Tokens(s))
    return _make_cues(s, {field: found[name] for field, name in _CUE_LISTS.items()})


def _make_cues(s: str, spans: dict[str, list[tuple[int, int]]]) -> Cues:
    """The cues of folded sentence ``s`` with the matches ``spans`` (by field; a field left out has none)."""
    greeting, signoff, second_person, deictic, asks, imperative, lead_in = _flags(s)
    if spans and may_refuse(s):
        spans = _unnegated(s, spans)
    if spans.get("acknowledgment") and _DOUBT_WORDS.search(s):
        spans = {**spans, "acknowledgment": _undoubted(s, spans["acknowledgment"])}
    get = spans.get
    own, said_of = _whose_feelings(s, spans["feelings"]) if spans.get("feelings") else (False, False)
    # (positional: a named tuple built from keywords costs twice as much, and one is made per new sentence)
    return Cues(greeting, signoff, tuple(get("acknowledgment", ())), tuple(get("feelings", ())),
                tuple(get("situation", ())), tuple(get("apologies", ())), tuple(get("personal_apologies", ())),
                tuple(get("warmth", ())), tuple(get("ownership", ())), tuple(get("actions", ())),
                tuple(get("time_frames", ())), tuple(get("advice", ())), second_person, deictic,
                tuple(get("reactions", ())), asks, imperative, tuple(get("thanks_for_waiting", ())), lead_in,
                tuple(get("praise", ())), own, said_of)


# The writer doubting that a thing would upset anyone: "I don't think a short delay would bother anyone", "I doubt
# that would upset anybody". A dismissal, not the feeling validated ("that would frustrate anyone"). Only a "would"
# acknowledgment is read so: "I don't think anyone would be happy with that" agrees with the customer.
_DOUBT_WORDS = re.compile(r"\b(?:doubt|doubts|(?:don't|do\s+not|didn't|did\s+not)\s+think|hardly|"
                          r"(?:can't|cannot|can\s+not)\s+imagine|not\s+sure)\b")


def _undoubted(s: str, acks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The acknowledgments of folded sentence ``s`` less a "would ... anyone" one after the writer's doubt."""
    return [(a, b) for a, b in acks if not (s.startswith("would", a) and _DOUBT_WORDS.search(s, 0, a))]


def _whose_feelings(s: str, feelings: list[tuple[int, int]]) -> tuple[bool, bool]:
    """Whether every feeling of folded sentence ``s`` is the writer's own (the writer speaks of themselves before
    it in its clause), and whether one of the others is said of something (``_SAID_OF`` before it)."""
    said_of = False
    every_own = True
    for a, b in feelings:
        start = max(0, a - _FEELING_REACH)
        clause = max(start, *(s.rfind(ch, start, a) + 1 for ch in _CLAUSE_ENDS))
        if _FIRST_PERSON.search(s, clause, a) is not None:
            continue
        every_own = False
        if not said_of and _SAID_OF.search(s, start, a) is not None and _NOT_HEARD.match(s, b) is None:
            said_of = True
    return every_own, said_of


# The writer's own "not" right before an apology or thanks: "I'm not sorry", "I won't apologise", "we will
# never apologize", a bare "Not sorry." (not the customer told "don't be sorry", nor "no need to apologise":
# reassurance), with what may stand between ("not at all", "not going to", "will not be").
_NEGATED = re.compile(
    r"(?:^|\b(?:i|we)(?:'m|'re|'ll|'d)?\s*(?:(?:am|are|will|would|do|did|shall|should|can|could|wo|ca|sha)\s*)?)"
    r"(?:not|n't|never)\s+(?:(?:at\s+all|really|even|ever|one\s+bit|in\s+the\s+least|going\s+to|gonna|be|feel|"
    r"feeling|say|said|saying)\s+)*$")
# ... unless the "not" says how much: "I can't apologise enough", "I cannot thank you enough"
_ENOUGH = re.compile(r"\s*(?:you\s+)?enough\b")
# thanks taken back: "Thanks for nothing"
_FOR_NOTHING = re.compile(r"\s+for\s+nothing\b")
_NEGATION_REACH = 80  # characters before an apology or thanks where its "not" may stand
_CARING = ("apologies", "personal_apologies", "reactions", "warmth", "praise", "thanks_for_waiting")
#: the writer refusing a step, up to the step's verb: "we will not refund", "we won't be refunding", "we cannot
#: replace", "we are unable to", "we do not offer refunds". A past "we couldn't" is no refusal ("I'm sorry we
#: couldn't deliver on time"), nor a "not" before what spares the customer ("we won't charge you", no action).
REFUSAL = re.compile(
    r"\b(?:i|we)(?:'m|'re|'ll)?\s*(?:(?:am|are|will|shall|can|do|does|wo|ca|sha)\s*)?"
    r"(?:(?:not|n't|never)\s+(?:(?:be|ever|going\s+to|able\s+to|allowed\s+to|in\s+a\s+position\s+to)\s+)*"
    r"|unable\s+to\s+)"
    r"(?:(?:offer|give|issue|provide|accept|do|make|grant|allow|process)\s+(?:(?:a|an|any|the|you|your)\s+)?)?"
    r"(?=[a-z])")


#: a step refused with nobody refusing it, where the refusal is said: "refunds are not possible", "a replacement
#: isn't available", "you are no longer eligible for a refund", "the item cannot be refunded", "your refund was
#: declined", "we've rejected the claim", "no refunds are given". Its whole clause is refused (``refused_spans``):
#: the step it names may come before it ("refunds are not possible after 14 days") or after it ("it is not
#: possible to refund used items").
_IMPERSONAL_REFUSAL = re.compile(
    r"\b(?:(?:is|are|was|were)\s*(?:not|n't|no\s+longer)|(?:will|would)\s+(?:not|no\s+longer)\s+be|won't\s+be"
    r"|wouldn't\s+be)\s+(?:[a-z]+ly\s+)?(?:possible|available|allowed|permitted|an\s+option|eligible|offered|accepted|"
    r"granted|given|issued|provided|covered)\b(?!\s+yet\b)"  # (not "your refund isn't available yet": a status)
    r"|\b(?:is|are|was|were|'s|'re)\s+(?:impossible|ineligible|"
    # ("the deposit is non-refundable": a step refused by the thing's terms)
    r"non-?(?:refundable|returnable|exchangeable|transferable|cancell?able))\b"
    # (a participle: not "that can't be right")
    r"|\b(?:cannot|can\s+not|can't)\s+be\s+(?:[a-z]+ly\s+)?(?:[a-z]+(?:ed|en)|sent|resent|set|reset|put|done|made|"
    r"paid|kept)\b"
    r"|\bno\s+(?:[a-z]+\s+){0,2}?(?:is|are|can\s+be|will\s+be)\s+(?:possible|available|allowed|permitted|offered|"
    r"accepted|granted|given|issued|provided)\b"
    # (not "your refund was not declined")
    # (its "\b" first, as every other way's: the regex then reads it once before them all, and goes on only at a
    # word's edge, not at each position: about 2.5 times faster)
    r"|\b(?<!not\s)(?<!n't\s)(?:is|are|was|were|been|be|got)\s+(?:[a-z]+ly\s+)?(?:declined|denied|rejected|refused|"
    r"turned\s+down|disallowed)\b"
    # the writer's refusal in its own verb: "we've declined your refund request", "I'm afraid we have to decline it"
    r"|\b(?:i|we)(?:'ve|'d|'ll|'m|'re)?\s+(?:(?:have|had|will|must|need|to|am|are|afraid|sadly|unfortunately|"
    r"respectfully|already|going|forced|been)\s+){0,4}(?:declin|deni|deny|reject|refus)[a-z]*"
    # ... or in what the writer lacks, whatever the verb after it: "we lack the ability to refund it", "we do not
    # have the capability to undo a payment", "we have no means to recover it" (not "we have no doubt")
    r"|\b(?:i|we)\s+(?:(?:simply|just|sadly|unfortunately)\s+)?(?:lack|(?:do\s*not|don't|have\s+not|haven't)\s+(?:got\s+)?"
    r"(?:have\s+|got\s+)?|have\s+no)\s+(?:the\s+)?(?:ability|capability|capacity|means|authority|power|access|tools?|"
    r"way)\s+to\b")
# what ends the clause an impersonal refusal refuses: a mark, a dash, or a word that joins clauses ("Refunds are not
# possible, but I'll send a replacement today", "as the item has been used"), or starts one inside another ("I've
# refunded the payment that was declined": the payment's clause, not the step)
_REFUSAL_BREAK = re.compile(r"[,;:()!?\n\u2013\u2014]|\.(?!\d)|\s-\s|\b(?:and|but|so|or|as|because|since|though|"
                            r"although|while|whereas|however|unless|until|once|when|if|then|instead|that|which|"
                            r"who|whom)\b")
# the writer's own action before a refusal in its clause: what is refused there is what the customer met before
_OWNED_BEFORE = re.compile(r"\b(?:i|we)(?:'ve|'ll|'d)?\s+(?:have\s+|will\s+|had\s+)?(?:just\s+|already\s+)?[a-z]+ed\b"
                           r"|\b(?:i|we)'ve\b|\b(?:i|we)\s+(?:have|will)\b")
_REFUSAL_WORDS = ("n't", "not", "never", "unable", "longer", "declin", "deni", "deny", "reject", "refus", "turned",
                  "lack", "impossible", "ineligible", "no ", "non-", "nonre", "nontr", "nonex", "nonca")


def may_refuse(folded: str) -> bool:
    """Whether folded text holds a word a refusal or a taken-back apology needs: "not", "n't", "never",
    "unable", or one of a refusal said by nobody ("declined", "no longer", "impossible"). Most sentences do
    not, and skip the patterns."""
    return any(map(folded.__contains__, _REFUSAL_WORDS))


def refused_spans(folded: str) -> list[tuple[int, int]]:
    """Where folded text refuses a step, in order and apart: the writer's refusal through the verb it refuses
    ("we will not refund", ``REFUSAL``), and the whole clause of a refusal said by nobody ("refunds are not
    possible after 14 days", ``_IMPERSONAL_REFUSAL``). An action there is no step offered. (Asked only of
    text that ``may_refuse``: both callers ask that first.)"""
    spans: list[tuple[int, int]] = []
    for m in REFUSAL.finditer(folded):
        verb = _VERB.match(folded, m.end())
        spans.append((m.start(), verb.end() if verb else m.end()))
    anchors = [m.span() for m in _IMPERSONAL_REFUSAL.finditer(folded)]
    if anchors:
        breaks = [m.span() for m in _REFUSAL_BREAK.finditer(folded)]
        ends = [b for _, b in breaks]
        starts = [a for a, _ in breaks]
        owned: dict[int, int] = {}
        for a, b in anchors:
            k = bisect_right(ends, a) - 1  # (the last break that ends before the anchor)
            start = ends[k] if k >= 0 else 0
            if start not in owned:  # (where the writer's first own action in the clause ends: searched once a clause)
                own = _OWNED_BEFORE.search(folded, start)
                owned[start] = own.end() if own else len(folded) + 1
            if owned[start] <= a:  # ("I've approved the refund you were denied": ours, done)
                start = a
            k = bisect_left(starts, b)  # (the first break from the anchor's end)
            spans.append((start, starts[k] if k < len(starts) else len(folded)))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for x, y in spans:
        if merged and x <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], y))
        else:
            merged.append((x, y))
    return merged


_VERB = re.compile(r"[a-z]+")
# a character no refusal's words hold (``REFUSAL``, ``_IMPERSONAL_REFUSAL``: letters, "'", "-", spaces): reading
# from where one may start never goes past the first such character after it
_NO_REFUSAL_WORD = re.compile(r"[^a-z'\-\s]")


def refusal_before(text: str) -> Callable[[int], bool]:
    """Whether ``text`` refuses a step before a place: for each ``start``, ``may_refuse(before) and
    bool(refused_spans(before))`` with ``before`` the folded text up to ``start``, the reply read once rather than
    once per place asked about. (Exactly that, a refusal cut at ``start`` included: "we can't " is none, whatever
    word follows. A match starting before the last character no refusal's words hold reads nothing from there
    on, so it is the same in the whole text as in ``before``; only the words after that character are read
    again, as ``before`` ends.)"""
    folded = text.lower().replace("’", "'")
    if len(folded) != len(text):  # ("İ" lowers to two characters: places in ``folded`` are not those in ``text``)
        return lambda start: _refuses(text[:start].lower().replace("’", "'"))
    needed = [(at, at + len(word)) for word in _REFUSAL_WORDS if (at := folded.find(word)) >= 0]
    ends = sorted(end for _, end in needed)  # (``may_refuse(before)``: one of its words ends by ``start``)
    first = min((m.start() for m in (REFUSAL.search(folded), _IMPERSONAL_REFUSAL.search(folded)) if m),
                default=len(folded) + 1)
    stops = [m.start() for m in _NO_REFUSAL_WORD.finditer(folded)]

    def refused_before(start: int) -> bool:
        if not ends or ends[0] > start:
            return False
        k = bisect_left(stops, start) - 1
        run = stops[k] + 1 if k >= 0 else 0  # (where the words ``before`` ends on begin)
        return first < run or any(p.search(folded, run, start) for p in (REFUSAL, _IMPERSONAL_REFUSAL))
    return refused_before


def refused(spans: list[tuple[int, int]], starts: list[int], a: int, b: int) -> bool:
    """Whether ``(a, b)`` overlaps one of ``spans`` (``refused_spans``; ``starts`` their starts)."""
    k = bisect_right(starts, b - 1) - 1
    return k >= 0 and spans[k][1] > a


def _unnegated(s: str, spans: dict[str, list[tuple[int, int]]]) -> dict[str, list[tuple[int, int]]]:
    """``spans`` less what a "not" takes back in folded sentence ``s``: a negated apology or thanks is no
    warmth, and a refused step ("we will not refund you today", "refunds are not possible after 14 days",
    "the refund was declined") no owned action, nor timed (its time frame times the refusal), unless another
    action is left."""
    out = dict(spans)
    negations: list[tuple[int, int]] = []  # (and the "I will" of "I will never apologise" owns no step)
    for field in _CARING:
        kept = []
        for a, b in out.get(field, ()):
            # (the "not" stands a few words before it: read only those, not the whole sentence again for each
            # apology, which took minutes for a pasted run of thousands of "I'm not sorry,")
            m = _NEGATED.search(s, max(0, a - _NEGATION_REACH), a)
            if m is not None and _ENOUGH.match(s, b) is None:
                negations.append(m.span())
            elif _FOR_NOTHING.match(s, b) is None:
                kept.append((a, b))
        if field in out:
            out[field] = kept
    actions = out.get("actions")
    if actions:
        refusals = refused_spans(s)  # (in order, apart)
        starts = [x for x, _ in refusals]
        kept_actions = [(a, b) for a, b in actions if not refused(refusals, starts, a, b)]
        if len(kept_actions) < len(actions):
            negations += refusals
            out["actions"] = kept_actions
            if not kept_actions:
                out["time_frames"] = []
    if negations and out.get("ownership"):
        # (the negations merged, then a bisection for each owner: a sentence of thousands of refusals has
        # thousands of each, and checking every pair took seconds)
        merged: list[list[int]] = []
        for x, y in sorted(negations):
            if merged and x <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], y)
            else:
                merged.append([x, y])
        starts = [x for x, _ in merged]
        out["ownership"] = [(a, b) for a, b in out["ownership"]
                            if (k := bisect_right(starts, a) - 1) < 0 or a >= merged[k][1]]
    return out


@lru_cache(maxsize=65_536)  # sentences recur across a pack's scripts and channels
def _flags(s: str) -> tuple[bool, bool, bool, bool, bool, bool, int]:
    """greeting, signoff, second_person, deictic, asks, imperative and lead_in of one folded sentence."""
    # (how it opens is read from its first word: "1️⃣ Please ...", "👋 Dear Mrs Patel," open as without the keycap
    # or the emoji)
    at = _words_from(s)
    words = s[at:] if at else s
    lead_in = pattern("upbeat_lead_ins").match(words, folded=True)
    return (
        _whole(_greeting_at_start(words), words),
        pattern("signoffs").match(words, folded=True) is not None,
        bool(_SECOND_PERSON.search(s)),
        _deictic(words),
        _asks(s),
        IMPERATIVE.match(words) is not None or (words.startswith("if") and _after_condition(words)),
        at + lead_in[1] if lead_in else 0,
    )


def _words_from(s: str) -> int:
    """Where the words of sentence ``s`` begin: past emoji, symbols, bullets, keycaps and opening marks
    (``words_start``), and the line breaks between them ("👋\nDear Mrs Patel,"), and the handles a social reply
    opens with ("@12345 Hey Sara,")."""
    at = words_start(s)
    while at < len(s) and s[at] in "\n\r":
        at = words_start(s, at + 1)
    return _past_handles(s, at)


# the handles a social reply opens with ("@12345 @sara_k Hey Sara, ..."): its words, and a greeting, come after them
_LEADING_HANDLES = re.compile(r"(?:@\w+[ \t]+)+")


def _past_handles(s: str, at: int) -> int:
    handles = _LEADING_HANDLES.match(s, at) if s.startswith("@", at) else None
    return handles.end() if handles else at


# the condition before an instruction: "If it persists, restart the app", "If not - please subscribe to the issue"
_CONDITION = re.compile(r"if\b[^,;:.!?\n–—-]{0,80}?(?:[,;:]|\s[-–—])\s*")
# ... unless the instruction is to get in touch: "If you have any questions, please contact us" offers help for
# later, it is no step
_GET_IN_TOUCH = re.compile(r"(?:please\s+)?(?:just\s+)?(?:contact|let\s+(?:me|us)\s+know|reach|get\s+in\s+touch|call|"
                           r"e-?mail|message|reply|write|drop|give\s+(?:me|us)|send\s+(?:me|us)\s+a\s+(?:message|note|line))\b")


def _after_condition(s: str) -> bool:
    """Whether folded sentence ``s`` is an instruction after its condition ("If it persists, restart the app"),
    not an offer to get in touch ("If anything comes up, let us know")."""
    m = _CONDITION.match(s)
    if m is None:
        return False
    rest = s[m.end():]
    return IMPERATIVE.match(rest) is not None and _GET_IN_TOUCH.match(rest) is None


@lru_cache(maxsize=65_536)  # splitting a reply's greeting off and reading its flags ask about the same sentences
def _greeting_at_start(folded: str) -> tuple[int, int] | None:
    """The longest greeting at the start of a folded text (``pattern("greetings").match``)."""
    return pattern("greetings").match(folded, folded=True)


def _whole(found: tuple[int, int] | None, s: str) -> bool:
    """A greeting is a sentence of its own ("Hi Sam,"), not a sentence that starts with one."""
    return found is not None and not s[found[1]:].strip()


def _cues_by_sentence(text: str, pieces: tuple[tuple[int, int], ...]) -> tuple[Cues, ...]:
    """Cues of each piece of ``text``, from one pass over the whole text (offsets made relative)."""
    found = _cues_cached(text, pieces)
    if len(pieces) < 2:
        return found
    if found[0].greeting and not found[1].greeting and _no_words(text, *pieces[1]):
        found = (found[0], found[1]._replace(greeting=True), *found[2:])  # ("Hello! 👋": the wave greets too)
    # ("Hi Sam, Thanks! I've ...", "Hello! 👋 Thanks! I've ...": the thanks after the greeting opens the reply)
    first = 0
    while first < len(found) and found[first].greeting:
        first += 1
    if len(pieces) > first + 1 and found[first].signoff and not all(c.signoff for c in found[first + 1:]):
        # (a sign-off ends a reply, and sentences follow this one: it is the thanks it reads as)
        found = (*found[:first], found[first]._replace(signoff=False), *found[first + 1:])
    signed = min(_signature_from(text, pieces, found), _signed_below(text, pieces, found))
    closed, own = _closed_above(text, pieces, found, signed)
    if closed < signed:  # (the signature, and the footer under it but a P.S.)
        found = (*found[:closed], *(c if c.signoff or k in own else c._replace(signoff=True)
                                    for k, c in enumerate(found[closed:], closed)))
    elif not all(c.signoff for c in found[signed:]):
        found = (*found[:signed], *(c._replace(signoff=True) for c in found[signed:]))
    return found


# a postscript opening its line: "P.S. I've added a code", "PS: ...", "P.P.S. ..." (the agent's own, under the
# signature)
_POSTSCRIPT_LINE = re.compile(r"[ \t]*(?:P\.?){1,2}S\b", re.IGNORECASE)
_CLOSING_LONGEST = 60  # characters: a longer line is no closing (and is not folded to ask)


def _closed_above(text: str, pieces: tuple[tuple[int, int], ...], found: tuple[Cues, ...],
                  signed: int) -> tuple[int, frozenset[int]]:
    """The first piece of a signature that ends the reply whatever follows it (before ``signed``, the first the
    other readings sign off), and the pieces under it that are the reply's own; or ``len(pieces)`` and none.

    A closing alone on its line, under a sentence of the reply ("Kind regards,"), a name alone on the line under
    it (or under a blank line), and the signature's lines under the name up to a blank line: what follows is
    the email's footer, office hours or a disclaimer no pattern knows, not sentences of the reply (read bottom-up,
    the other readings gave up at it, and the whole signature became one). A closing with no comma ("Take
    care!") only with such lines under its name ("Thanks!\nNext Steps" is a heading). A P.S. under it is the
    agent's, up to a blank line."""
    n = len(pieces)
    first = 0  # (the reply's first sentence: a closing over none is the opening thanks)
    while first < n and (found[first].greeting or found[first].signoff):
        first += 1
    for k in range(first + 1, min(signed, n)):
        a = pieces[k][0]
        # (a piece's cues read it whole: "Kind regards,\nLena Brandt\n..." has none of a sign-off)
        if text[a - 1] not in "\n \t" or (eol := text.find("\n", a, a + _CLOSING_LONGEST)) < 0:
            continue  # (most pieces: after a sentence on their line, or a line longer than a closing)
        if not _starts_line(text, a) or not _closing(text[a:_rstrip(text, a, eol)]):
            continue
        name = eol + 1
        end = text.find("\n", name)
        if end >= 0 and not text[name:end].strip():  # (one blank line between the closing and the name)
            name = end + 1
            end = text.find("\n", name)
        if end < 0 or not _signature_line(text, *trimmed(text, name, end)):
            continue  # (a name that ends the text: the other readings' case)
        lines = 0
        while True:  # the signature's lines under the name, to a blank line
            line = text.find("\n", end + 1)
            line = len(text) if line < 0 else line
            if not text[end + 1:line].strip() or lines == _DETAIL_LINES or not _detail(text, end + 1, line):
                break
            lines, end = lines + 1, line
        if text[end + 1:line].strip() or not text[end:].strip() or not (lines or text[a:eol].rstrip().endswith(",")):
            continue  # (a line of the reply's own under it, or nothing under it but its own lines)
        own: set[int] = set()
        for j in range(k + 1, n):
            x = pieces[j][0]
            if (_POSTSCRIPT_LINE.match(text, x) and _starts_line(text, x)) \
                    or (j - 1 in own and text.count("\n", pieces[j - 1][1], x) < 2):  # (its paragraph)
                own.add(j)
        return k, frozenset(own)
    return n, frozenset()


def _signature_from(text: str, pieces: tuple[tuple[int, int], ...], found: tuple[Cues, ...]) -> int:
    """The first of the pieces that sign the reply off and are not read as a sign-off yet, or ``len(pieces)``: a
    social reply's initials ("^JR"), a name alone on the last line under a closing ("Take care!\nMia"), signing a
    reply that has no closing ("...by Friday.\n\nMia") or as the agent's fill-in; and the lines a signature has
    under its name, a job title, a team, a phone number, an email or web address ("Kind regards,\nSam Jones\n
    Senior Support Specialist", "Sam\nAcme Support\n0800 123 456"), under a closing or a name: none of them is
    a sentence of the reply (read as one, the lines had made a solution with no step)."""
    n = len(pieces)
    a, b = pieces[-1]
    if _details_from(text, a, b) == b and (found[-1].signoff or _INITIALS.fullmatch(text, a, b) is not None or (
            _signature_line(text, a, b) and (found[-2].signoff or _AGENT_LINE.fullmatch(text, a, b) is not None
                                             or _bare_name(found[-1], text, pieces[-2], (a, b))))):
        return n - 1 if not found[-1].signoff else n  # (no lines under it: the last piece alone)
    # the closing or the name the lines are under: the last piece's first line, or that of a piece above those
    # that are only such lines (a hard break ended each: "Sam  \nSupport Lead  \n0800 123 456")
    for k in range(n - 1, max(0, n - _DETAIL_LINES), -1):
        a, b = pieces[k]
        cut = _details_from(text, a, b)
        if k < n - 1 or cut < b:
            if found[k].signoff:
                return k
            if _signs(text, pieces, found, k, _rstrip(text, a, cut)):
                return k if any(not (c.greeting or c.signoff) for c in found[:k]) else n
        if not _details_only(text, a, b):
            break
    return n


def _signed_below(text: str, pieces: tuple[tuple[int, int], ...], found: tuple[Cues, ...]) -> int:
    """The piece that starts with a closing alone on its line ("Best regards,") when every line under it is a
    signature's, or ``len(pieces)``: a name, a job title, a phone, an address, a legal line, a disclaimer, each
    line whole ("London EC1A 1BB. Registered in England No. 01234567." is two pieces of one line, which
    ``_signature_from``, reading piece by piece, does not reach)."""
    n = len(pieces)
    start, cut = pieces[0][0], pieces[-1][1]
    for _ in range(2 * _DETAIL_LINES + 4):  # (a closing, a name, the details and blank lines between)
        line = text.rfind("\n", start, cut)
        a, b = trimmed(text, line + 1 if line >= 0 else start, cut)
        if line < 0 and a == start:
            # (the reply's first line, from its first piece: a closing there has no sentence above it, and nothing
            # else is read above it, so the answer is no. Asked first, it spares a reply of one paragraph, most of
            # a pack's, reading the whole of it as a name, a signature's detail and a closing: 2% of its rules' time)
            return n
        if a < b and not (_signature_line(text, a, b) or _detail(text, a, b)):
            if not _closing(text[a:b]):
                return n
            k = bisect_left(pieces, (a, a))
            signs = k < n and pieces[k][0] == a and any(not (c.greeting or c.signoff) for c in found[:k])
            return k if signs else n
        if line < 0:
            return n
        cut = line
    return n


@lru_cache(maxsize=4096)  # (asked of each reply's last lines: a team's closing recurs in every reply)
def _closing(lines: str) -> bool:
    """Whether ``lines`` are a closing and what may stand under it, whole ("Kind regards,", "Best,\nSam")."""
    head = fold(lines)
    head = head[_words_from(head):]  # ("🙏 Kind regards,": from its first word)
    if _whole(pattern("signoffs").match(head, folded=True), head):
        return True
    # (a reply in two languages closes in both: "Un saludo / Best,", each side a closing)
    first, slash, rest = head.partition(" / ")
    return bool(slash) and "\n" not in first and _closing(first.rstrip(",") + ",") and _closing(rest)


def _signs(text: str, pieces: tuple[tuple[int, int], ...], found: tuple[Cues, ...], k: int, b: int) -> bool:
    """Whether ``text[pieces[k][0]:b]``, the top of piece ``k`` with only a signature's lines under it, is a
    closing ("Kind regards,\nSam Jones") or a name alone on its line under one, or signing a reply that has
    none."""
    a = pieces[k][0]
    return _closing(text[a:b]) or (_signature_line(text, a, b) and (
        found[k - 1].signoff or _AGENT_LINE.fullmatch(text, a, b) is not None
        or _bare_name(cues(text[a:b]), text, pieces[k - 1], (a, b))))


# a social reply's initials or name after its last sentence: "... restarting the app? ^JR", "/AY", "-AD", "- Paige",
# "2/2 ^JR" (a thread's count before or after them, or alone: "1/2"), "^RR https://t.co/..." (the link of an
# attached picture after them)
_INITIALS = re.compile(r"(?:\d+/\d+\s+)?(?:[\^/~][A-Za-z]{1,12}|[-–—]\s?[A-Z][A-Za-z]{0,11})(?:\s+\d+/\d+)?"
                       r"(?:\s+https?://\S+)*|\d+/\d+")


def _no_words(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` has no letter or digit (an emoji, a dash)."""
    return not any(ch.isalnum() for ch in text[a:b])


# a name alone on the reply's last line, under a closing: "Mia", "Mia Chen", "- Mia C." (a sentence of
# its own after "Take care!" or "See you soon!", which the closings' patterns then no longer reach)
# (or in capitals, as a reply written all in capitals signs: "SUPPORT TEAM", "MIA CHEN")
_NAME_LINE = re.compile(r"[-–—~]*[ \t]*(?:[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]*\.?){0,2}"
                        r"|[A-Z][A-Z'’-]+(?:[ \t]+[A-Z][A-Z'’-]*\.?){0,2})")


# the agent's name as another helpdesk's fill-in: "{agent_name}", "{{ agent }}", "[Agent Name]", "<agent>"
_AGENT_LINE = re.compile(r"[-–—~]*[ \t]*(?:\{\{?\s*agent[\w. ]*\}\}?|\[\s*agent[\w ]*\]|<\s*agent[\w ]*>)",
                         re.IGNORECASE)


def _signature_line(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` is a name alone on its line, or the agent's name as a fill-in (``_signature_from``
    reads it at the reply's end, with only a signature's details under it)."""
    return ((_NAME_LINE.fullmatch(text[a:b].strip()) is not None or _AGENT_LINE.fullmatch(text, a, b) is not None)
            and _starts_line(text, a))


def _starts_line(text: str, a: int) -> bool:
    """Whether only spaces stand between ``a`` and the line break before it (read back from ``a``: a copy of all
    the text before it, for each piece of a reply of thousands of lines, took seconds)."""
    while a > 0 and text[a - 1] in " \t":
        a -= 1
    return a > 0 and text[a - 1] == "\n"


# a line of a signature under the name: a job title, a team or a company ("Senior Support Specialist", "Head of
# Customer Care", "Acme Ltd"), a phone number ("0800 123 456", "Tel: +44 (0)20 7946 0958 ext. 12"), an email
# or web address, a postal address ("12 High Street, London EC1A 1BB."); or several, set apart ("Senior Support
# Specialist | Acme Ltd", "Acme - www.acme.com"). A line a person writes to the customer has words in lower case
# ("Please reply with your order number") or a mark.
_DETAIL_ITEM = (r"(?:(?i:tel|phone|mobile|mob|direct|office|fax|email|e-mail|web|website|[tmpew])\.?[ \t]*:?[ \t]*)?"
                r"(?:\+?\(?\d[\d() ./-]{4,}\d(?:[ \t]*(?i:ext\.?|x)[ \t]*\d{1,6})?"
                r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
                r"|(?i:https?://|www\.)\S+"
                r"|(?:\d{1,5}[A-Za-z]?(?:[-–]\d{1,5})?[ \t]+)?"  # (a house number: "12 High Street", "12-14 Mill Lane")
                r"[A-Z][\w'’.&+–-]*(?:[ \t]+(?:[A-Z0-9][\w'’.&+–-]*|of|and|for|at|in|on|to|the|de|du|von|van|&|@|/"
                r"|plc|ltd\.?|inc\.?|llc|gmbh|co\.?|pty))"  # (a company's suffix in lower case: "Paysend plc")
                r"{0,7}"
                # (the hours the team answers in: "Office hours: Mon-Fri 9am-5pm", "Support hours: 9 to 5, Monday
                # to Friday": under a name, no sentence of the reply)
                r"|(?i:(?:office|opening|support|business|working)[ \t]+hours|hours)[ \t]*:[ \t]*[^\n]{1,80})")
_SIGNATURE_DETAIL = re.compile(rf"{_DETAIL_ITEM}(?:(?:[ \t]*[|·•,/][ \t]*|[ \t]+[-–—][ \t]+){_DETAIL_ITEM}){{0,5}}")
_DETAIL_LONGEST = 100  # characters: a longer line is the reply's own (and the pattern reads no more)
# ... or the company's legal line a signature ends with ("Registered in England and Wales, company number 01234567,
# 1 High Street, Leeds", "VAT no. GB123456789", "Registered office: ..."), as long as such lines run
_LEGAL_LINE = re.compile(r"(?i:registered\s+(?:in|office|address|number|no\.?)|(?:company|vat|registration)\s+"
                         r"(?:registration\s+)?(?:number|no\.?)|reg\.?\s+no\.?)\b[^\n]{0,200}")
# ... or the email's disclaimer under it all ("This email and any attachments are confidential and intended solely
# for the addressee.", "If you have received this message in error, please delete it.", "Please consider the
# environment before printing this email.")
_DISCLAIMER = re.compile(r"(?i:(?:this|the\s+information\s+in\s+this|the\s+contents?\s+of\s+this)\s+(?:e-?mail|message|"
                         r"communication|transmission)\b[^\n]{0,200}?\b(?:confidential|privileged|intended\s+(?:solely|only)"
                         r"|not\s+the\s+intended)|if\s+you\s+(?:have\s+received|are\s+not\s+the\s+intended\s+recipient)"
                         r"|please\s+(?:consider\s+the\s+environment|think\s+before\s+(?:you\s+)?print))\b[^\n]{0,300}")
_DETAIL_LINES = 6  # at most under a name
# a line of a signature's details may hold more than one ("Acme Ltd, 12 High Street, London EC1A 1BB. Registered
# in England No. 01234567."): each of its sentences is then one (the space after its mark looked back from: a regex
# that starts with a lookbehind is tried at every position)
_DETAIL_SENTENCE = re.compile(r"[ \t](?<=[.!?][ \t])[ \t]*(?=[A-Z])")


def _detail(text: str, a: int, b: int) -> bool:
    """Whether the line ``text[a:b]`` is one of a signature's under its name (``_SIGNATURE_DETAIL``), its company's
    legal line (``_LEGAL_LINE``) or the email's disclaimer (``_DISCLAIMER``), or holds only such sentences."""
    a, b = trimmed(text, a, b)
    # (a line of a few hundred characters is remembered: a team's closing and signature recur in every reply)
    return _line_detail(text[a:b]) if b - a <= 4 * _DETAIL_LONGEST else _trimmed_detail(text, a, b)


@lru_cache(maxsize=4096)
def _line_detail(line: str) -> bool:
    return _trimmed_detail(line, 0, len(line))


def _trimmed_detail(text: str, a: int, b: int) -> bool:
    """``_detail`` of ``text[a:b]``, trimmed. (Its patterns read nothing outside the line.)"""
    if b > a and text[b - 1] == "\\":  # (a Markdown hard break's)
        b -= 1
    if _one_detail(text, a, b):
        return True
    cuts = [m.span() for m in _DETAIL_SENTENCE.finditer(text, a, b)] if b - a <= 4 * _DETAIL_LONGEST else []
    return bool(cuts) and all(_one_detail(text, x, y) for x, y in zip(
        (a, *(end for _, end in cuts)), (*(start for start, _ in cuts), b), strict=True))


def _one_detail(text: str, a: int, b: int) -> bool:
    return (0 < b - a <= _DETAIL_LONGEST and _SIGNATURE_DETAIL.fullmatch(text, a, b) is not None) \
        or _LEGAL_LINE.fullmatch(text, a, b) is not None or _DISCLAIMER.fullmatch(text, a, b) is not None


def _details_from(text: str, a: int, b: int) -> int:
    """Where the lines of a signature's details that end ``text[a:b]`` start (the line break before them; ``b``
    when its last line is none): its first line is not read (the closing or the name above them)."""
    cut = b
    for _ in range(_DETAIL_LINES):
        line = text.rfind("\n", a, cut)
        if line < 0 or not _detail(text, line + 1, cut):
            break
        cut = line
    return cut


def _details_only(text: str, a: int, b: int) -> bool:
    """Whether every line of ``text[a:b]``, a piece starting its own line, is one of a signature's details."""
    first = text.find("\n", a, b)
    if first < 0:
        first = b
    return _starts_line(text, a) and text.count("\n", a, b) < _DETAIL_LINES and _detail(text, a, first) \
        and (first == b or _details_from(text, a, b) == first)


def _bare_name(last: Cues, text: str, before: tuple[int, int], name: tuple[int, int]) -> bool:
    """Whether the name-shaped last line ``text[name[0]:name[1]]`` signs a reply that has no closing
    ("...by Friday.\n\nMia"): the sentence above it is finished (it ends with ".", "!" or "?", or is a list's
    item, which needs no full stop) and the line says nothing. A one-word solution says something: its
    action ("Refunded", "Sent", a cue of the lexicon), or, as "Approved" or "Done", it is one word in "-ed"
    or "done"; a name is neither (a name in "-ed", such as "Fred", signs only with a surname or under a
    closing)."""
    said = text[name[0]:name[1]].strip().lower()
    # (or a thanks of its own words that ends in a comma, as a closing does: "Thanks for bearing with us,\n\nMia")
    return ((text[before[1] - 1] in ".!?," or list_item_at(text, before[0])) and max(last.score_values()) <= 0.0
            and not (" " not in said and (said.endswith("ed") or said == "done")))


@lru_cache(maxsize=256)  # review infers slots and then lints the same text: read it once
def _cues_cached(text: str, pieces: tuple[tuple[int, int], ...]) -> tuple[Cues, ...]:
    folded = fold(text)
    matcher = _cue_matcher()
    if not matcher.piecewise(folded, pieces):
        return _split_cues(folded, pieces, matcher.spans_in_pieces(folded, pieces))
    # each piece reads as it would alone: its cues are cached by its text (stock sentences recur)
    cache = _piece_cues
    texts = [folded[a:b] for a, b in pieces]
    # read into a dict of this call's own: another thread may empty the shared cache meanwhile
    found = {piece: hit for piece in texts if (hit := cache.get(piece)) is not None}
    new = [piece for piece in dict.fromkeys(texts) if piece not in found]
    if new:
        fresh = dict(zip(new, _new_piece_cues(matcher, new), strict=True))
        if len(cache) + len(fresh) > _PIECE_CUES_SIZE:
            cache.clear()
        cache.update(fresh)
        found.update(fresh)
    return tuple(map(found.__getitem__, texts))


def _new_piece_cues(matcher: MultiMatcher, new: list[str]) -> Iterator[Cues]:
    """The cues of each of ``new`` (folded pieces, each read alone: ``piecewise`` said so)."""
    if any(joins_words(p[-1:]) and joins_words(q[:1]) for p, q in pairwise(new)):
        for piece in new:  # (two would meet word to word in one text of them)
            found = matcher.spans(Tokens(piece))
            yield _make_cues(piece, {field: found[name] for field, name in _CUE_LISTS.items()})
        return
    # matched together, as one text of them apart by spaces: the same matches, found in one
    # pass instead of one per piece
    joined = " ".join(new)
    spans: list[tuple[int, int]] = []
    at = 0
    for piece in new:
        spans.append((at, at + len(piece)))
        at += len(piece) + 1
    yield from _split_cues(joined, tuple(spans), matcher.spans(Tokens(joined)))


def _split_cues(folded: str, pieces: tuple[tuple[int, int], ...],
                found: dict[str, list[tuple[int, int]]]) -> tuple[Cues, ...]:
    """The cues of each piece of ``folded``, from the matches ``found`` in the whole of it."""
    # (a piece's fields with a match only: most sentences match two or three of the eleven lists)
    per: list[dict[str, list[tuple[int, int]]]] = [{} for _ in pieces]
    starts = [a for a, _ in pieces]
    for field, name in _CUE_LISTS.items():
        for a, b in found[name]:
            k = bisect_right(starts, a) - 1
            if k >= 0 and a < pieces[k][1]:
                base = pieces[k][0]
                per[k].setdefault(field, []).append((a - base, min(b, pieces[k][1]) - base))
    return tuple(_make_cues(folded[a:b], per[k]) for k, (a, b) in enumerate(pieces))


_PIECE_CUES_SIZE = 65_536  # stock sentences recur across scripts, channels and replies
#: folded piece -> its cues read alone (emptied when full)
_piece_cues: dict[str, Cues] = {}


@lru_cache(maxsize=65_536)  # (a named tuple hashes in C: cheaper than scoring it again) stock sentences recur
def classify(c: Cues) -> tuple[str, float]:
    """The slot a sentence's cues point to, with a confidence in (0, 1)."""
    if c.greeting or c.signoff:
        return "other", 0.9
    values = c.score_values()
    # the highest score wins, the first slot of INFERRED_SLOTS on a tie; second: the runner-up's score
    top = max(values)
    best = INFERRED_SLOTS[values.index(top)]
    second = sorted(values)[1]
    if top <= 0.0:
        return "other", 0.3
    confidence = 0.5 + 0.5 * (top - second) / (top + 0.2)
    return best, round(min(0.99, max(0.34, confidence * min(1.0, top / 0.6 + 0.2))), 2)


@lru_cache(maxsize=65_536)  # every sentence of every message is asked: stock sentences recur
def _greeting_cut(sentence: str) -> int:
    # (an emoji before it is the greeting's: "👋 Hi Sam, ..."; so are the handles before it: "@12345 Hey Sara, ...")
    start = cut = _past_handles(sentence, words_start(sentence))
    end = len(sentence)
    for _ in range(2):  # "Hi {{customer.first_name}}, Sam, ..." has two
        m = _greeting_at_start(fold(sentence[cut:end]))
        if not m or cut + m[1] >= end:
            break
        cut += m[1]
        while cut < end and (sentence[cut].isspace() or sentence.startswith("\\\n", cut)):  # (a hard break's "\\")
            cut += 1
    return cut if cut > start else 0


@lru_cache(maxsize=256)  # slot inference and the rules' analysis split the same reply
def _pieces(text: str) -> tuple[tuple[int, int], ...]:
    """Sentences (``reading_spans``: a hard line break ends one too), with a leading greeting split off its
    sentence ("Hi Sam, I can see..."), and an emoji or symbol alone before a sentence on its line, or before a
    greeting, joined to it ("👋 Please be advised ...", "👋\nDear Mrs Patel,": the splitter ends a sentence at an
    emoji before a capital, which left the emoji a sentence of its own, read as no greeting)."""
    pieces: list[tuple[int, int]] = []
    lead: tuple[int, int] | None = None  # (such an emoji, not yet placed)
    for a, b in reading_spans(text):
        if lead is not None:
            if "\n" not in text[lead[1]:a] or _greeting_at_start(fold(text[a:b])) is not None:
                a = lead[0]
            else:
                pieces.append(lead)
            lead = None
        if words_start(text, a) >= b:  # (no word in it: "👋", "✅ ★")
            lead = (a, b)
            continue
        cut = a + _greeting_cut(text[a:b])
        if a < cut < b:
            pieces.append((a, _rstrip(text, a, cut)))
            pieces.append((cut, b))
        else:
            pieces.append((a, b))
    if lead is not None:
        pieces.append(lead)
    return tuple(pieces)


def _rstrip(text: str, a: int, b: int) -> int:
    """``b`` moved back over whitespace, and over the "\\" of a hard line break ("Hi Sam,\\")."""
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a and text[b - 1] == "\\" and text.startswith("\n", b):
        b -= 1
    return b


def infer_slots(text: str, *, frames: bool = False) -> list[tuple[int, int, str, float]]:
    """``(start, end, slot, confidence)`` for each sentence of ``text``.

    ``slot`` is one of acknowledgment, warm_language, solution, other (greetings, sign-offs
    and sentences with no cue). Spans are offsets into ``text``, in order, not overlapping.
    A sentence that acknowledges and then acts ("I can see how worrying this is, and I've
    refunded you today.") is two spans, one per clause: its care and its solution.
    ``frames``: a greeting or a sign-off is "greeting" or "signoff" instead of other, as the
    whole reply reads it (a wave after "Hello!", a name under a closing, not an opening "Thanks!").
    """
    pieces = _pieces(text)
    cues_of = _cues_by_sentence(text, pieces)
    out: list[tuple[int, int, str, float]] = []
    for (a, b, slot, confidence), c in zip(_sentence_slots(text, pieces, cues_of), cues_of, strict=True):
        if frames and (c.greeting or c.signoff):
            out.append((a, b, "greeting" if c.greeting else "signoff", confidence))
            continue
        # (a sentence is split by clause only where it is one a person wrote: a pasted run of thousands of
        # clauses would be tried at every break, each copying the sentence's cues, gigabytes for 28 KB)
        clauses = _care_then_action(text[a:b], c) if slot != "solution" and b - a <= _CLAUSES_LONGEST \
            and _cares_and_acts(c, text[a:b]) else None
        if clauses is None:
            out.append((a, b, slot, confidence))
        else:
            (cut, care), (resume, solution) = clauses
            out += [(a, a + cut, *care), (a + resume, b, *solution)]
    return out


_CLAUSES_LONGEST = 1_000  # characters: the longest sentence read clause by clause (a long one is read whole)


def _sentence_slots(text: str, pieces: tuple[tuple[int, int], ...],
                    cues_of: tuple[Cues, ...]) -> list[tuple[int, int, str, float]]:
    """``infer_slots`` a whole sentence at a time (a slot per piece)."""
    out: list[tuple[int, int, str, float]] = []
    seen_body = False
    fixing: bool | None = None  # (asked once, at the first sentence with no cue inside the body)
    for (a, b), c in zip(pieces, cues_of, strict=True):
        slot, confidence = classify(c)
        if slot == "other" and not (c.greeting or c.signoff) and seen_body and not _no_words(text, a, b):
            # (an emoji alone on its line, "🙏", carries no detail of the fix)
            if fixing is None:
                fixing = not replies_to_praise(cues_of, [text[a:b] for a, b in pieces])
            if fixing:
                # a sentence with no cue inside the body usually carries detail of the fix (a reply to
                # praise has none: "It made our day." says so)
                slot, confidence = "solution", 0.35
        if slot != "other":
            seen_body = True
        if slot == "solution" and b - a <= _NO_STEP_LONGEST and offers_no_step(text[a:b]):
            slot, confidence = "other", 0.3  # (still the body's: a sentence after it with no cue is read as above)
        out.append((a, b, slot, confidence))
    return out


# A sentence that offers the customer no step, whole: a receipt notice ("Your request has been received."), an
# order to calm down, a bare "anything else?", or nothing left to do ("Sadly there's nothing we can do."). Read
# as a solution, a cold reply of such sentences was told who should act (SK403), not that it offers nothing (SK401).
_NOTICE = r"(?:request|message|e-?mail|enquiry|inquiry|query|ticket|case|complaint|feedback|application|submission)"
# more help promised after an offer of it: "..., and I'll be happy to help", "and I'll walk you through it" (not "and
# I'll refund it": a step of ours)
_GLAD_TAIL = (r"(?:,?\s*and\s+(?:i|we)(?:'ll|\s+will|'d|\s+would)\s+(?:be\s+(?:(?:more\s+than|very|so|only\s+too)\s+)?"
              r"(?:happy|glad|pleased|delighted)\s+to\s+(?:help|assist)(?:\s+(?:you|further))*|walk\s+you\s+through\s+it))?")
# help offered and no step named, the reply's closer ("Is there anything else I can help with?", "We're always here
# to help.", "Let me know if you need anything else!"): ``offers_more_help_only``
_HELP_OFFERS = (
    r"(?:is\s+there\s+)?anything\s+else(?:\s+(?:that\s+)?(?:i|we)\s+(?:can|could|may)\s+(?:help(?:\s+you)?(?:\s+with)?|"
    r"do\s+for\s+you|assist(?:\s+you)?(?:\s+with)?))?(?:\s+(?:today|now))?"
    # help offered and no step named: "How can I help today?", "How else can we help?", "We can help."
    r"|(?:how|what)\s+(?:else\s+)?(?:can|could|may)\s+(?:i|we)\s+(?:help|assist|do\s+for)(?:\s+you)?(?:\s+(?:today|now))?"
    r"|(?:i|we)\s+(?:can|could)\s+(?:(?:definitely|certainly|surely|always)\s+)?help(?:\s+you)?"
    # ... or gladly: "We will be more than happy to help you.", "I'd be glad to assist.", "We're always here to help."
    r"|(?:i|we)(?:'ll|\s+will|'d|\s+would|'re|\s+are|'m|\s+am)?(?:\s+always)?(?:\s+be)?\s+(?:(?:more\s+than|very|always|only\s+too|so)\s+)?"
    r"(?:happy|glad|pleased|delighted|here)\s+to\s+(?:help|assist|support)(?:\s+you)?(?:\s+(?:further|any\s*time|again))?"
    # (... if more is needed: "We're here to help if you need any further assistance.")
    r"(?:\s+(?:if|should)\s+you\s+(?:need|have|require)\s+(?:any(?:thing)?|more|further)(?:\s+(?:else|more|further|other))?"
    r"(?:\s+(?:help|assistance|support|questions?))?)?"
    # an open offer of more help: "Let me know if you need anything else!", "Feel free to reach out if you have any
    # other questions." (the reply's step is elsewhere; this one offers none)
    r"|(?:please\s+)?(?:(?:feel\s+free\s+to|do(?:n't|\s+not)\s+hesitate\s+to)\s+)?"
    r"(?:let\s+(?:me|us)\s+know|reach\s+out|get\s+in\s+touch|contact\s+(?:me|us)|drop\s+(?:me|us)\s+a\s+line|"
    r"give\s+(?:me|us)\s+a\s+shout|ask)(?:\s+(?:again|any\s*time|anytime))?\s+if\s+(?:there(?:'s|\s+is)|you\s+(?:have|need)|"
    r"you(?:'ve|\s+have)\s+got)\s+(?:any(?:thing)?|something|more|further)(?:\s+(?:else|more|other|further))?"
    r"(?:\s+(?:questions?|queries|concerns?|issues?|problems?|help|assistance))?"
    r"(?:\s+(?:(?:that\s+)?(?:i|we)\s+can\s+(?:help(?:\s+you)?(?:\s+with)?|do(?:\s+for\s+you)?|assist(?:\s+you)?"
    r"(?:\s+with)?)|(?:you\s+)?(?:need|want)(?:\s+help)?(?:\s+with)?))?"
    + _GLAD_TAIL)
_NO_STEP = re.compile(
    r"\W*(?:(?:your|the)\s+(?:[a-z]+\s+)?" + _NOTICE + r"\s+(?:has|have)?\s*(?:been|was|is|were)\s+"
    r"(?:successfully\s+)?(?:received|logged|noted|registered|recorded)"
    r"|(?:i|we)(?:'ve|\s+have)?\s+(?:successfully\s+)?received\s+your\s+(?:[a-z]+\s+)?" + _NOTICE +
    r"|(?:please\s+)?(?:calm\s+down|stay\s+calm|keep\s+calm|relax)(?:,?\s+please)?"
    r"|" + _HELP_OFFERS +
    # the customer's answer waited for: "We look forward to your reply.", "We eagerly await your response."
    r"|(?:i|we)(?:'re|\s+are|'m|\s+am|'ll\s+be|\s+will\s+be)?\s+(?:(?:eagerly|patiently|now)\s+)?"
    r"(?:await(?:ing)?|look(?:ing)?\s+forward\s+to|wait(?:ing)?\s+for)\s+(?:your\s+)?(?:further\s+)?"
    r"(?:reply|response|answer|confirmation|feedback|message|e-?mail|hearing\s+(?:back\s+)?from\s+you)"
    # a holding line, asking the customer to wait: "One sec, let me check.", "Just a moment, I'll take a look.", "Bear
    # with me while I look into it" (not a bare "Let me take a look.": in an email a look promised still owes a when)
    r"|(?:(?:(?:just\s+)?(?:one|a|1)\s+(?:sec(?:ond)?|moment|min(?:ute)?|mo)|bear\s+with\s+(?:me|us)|hang\s+on|hold\s+on|"
    r"give\s+(?:me|us)\s+(?:a|one)\s+(?:sec(?:ond)?|moment|min(?:ute)?))(?:\s+please)?\s*[,.!:;\u2013\u2014-]*\s*"
    r"(?:(?:while\s+)?(?:let\s+(?:me|us)|i(?:'ll|\s+will)?|we(?:'ll|\s+will)?)\s+)?)"
    r"(?:(?:quickly|just)\s+)?(?:check|look|have\s+a\s+look|take\s+a\s+look|dig|see)?"
    r"(?:\s+(?:into\s+(?:it|this|that)|(?:on\s+)?(?:it|this|that)|(?:that\s+)?for\s+you|here|now)){0,2}"
    r"(?:\s*,?\s*(?:one|a|1)\s+(?:sec(?:ond)?|moment|min(?:ute)?))?"
    r"|(?:(?:unfortunately|sadly|regrettably|i'm\s+afraid)\s*,?\s+)?there(?:'s|\s+is)\s+nothing\s+"
    r"(?:(?:more|else|further)\s+)?(?:that\s+)?(?:i|we)\s+can\s+do(?:\s+(?:about\s+(?:it|this|that)|for\s+you|here))?"
    # a lead-in line, what follows it is the step: "Regarding your request of 3 May,", "Here's a quick summary of
    # what happened:", and a bold label alone on its line, "**Next steps:**"
    r"|(?:regarding|concerning|with\s+regards?\s+to|in\s+regards?\s+to|as\s+(?:for|to|regards))\s+your\s+(?:[a-z]+\s+)?"
    + _NOTICE + r"(?:\s+(?:from|of|dated|on|about)\s+[^,:;.!?]{1,40})?\s*[,:]"
    r"|here(?:'s|\s+is)\s+(?:an?\s+)?(?:[a-z]+\s+){0,2}?(?:breakdown|summary|overview|rundown|recap|update)"
    r"(?:\s+(?:of|on)\s+(?:the\s+situation|what(?:'s|\s+has)?\s+(?:happened|going\s+on)|where\s+things\s+stand|"
    r"(?:the|your)\s+[a-z]+))?\s*:"
    r"|(?<=\*\*)[^*:\n]{1,30}(?::\s*\*\*|\*\*\s*:)"  # (read from its first word: the opening "**" is behind)
    # ... or with no colon, a heading of a few words and no sentence's mark: "**Your refund**", "**{{order.number}}**"
    r"|(?<=\*\*)(?:(?:\{\{[^{}\n]*\}\}|[^\s*:.!?{])+\s+){0,3}(?:\{\{[^{}\n]*\}\}|[^\s*:.!?{])+\*\*"
    r")\W*")
_HELP_OFFER_ALONE = re.compile(r"\W*(?:" + _HELP_OFFERS + r")\W*")
# a notice's lead: "Please be advised that ...", "Kindly note that ...", "Please be aware ..."
_NOTICE_LEAD = re.compile(r"(?:please|kindly)\s+(?:be\s+(?:advised|aware|informed|notified)|note)\b")
_THAT = re.compile(r"\W*that\b")
# a question for the customer's answer, about their side: "Do you see an error message?", "Which browser are you
# using?", "Did the code arrive?" (not an offer put as a question, "Do you want me to ...", nor a request, "Could you
# send a photo?": the customer's step, nor advice, "Have you tried restarting it?")
_QUESTION_FOR_THEM = re.compile(
    r"(?:(?:(?:what|which|when|where|how\s+(?:long|often|many|much))\b[^?]{0,40}?\s+)?"
    r"(?:do|does|did|are|is|was|were)\s+(?:you|your|the|it|this|that)\b"
    # ... or the thing asked about its subject: "Which number is calling you?", "What message is showing?"
    r"|(?:what|which)\s+(?:[a-z]+\s+){1,2}?(?:is|are|was|were)\s+[a-z]+ing\b)"
    r"(?!\s+(?:want|like|wish|need)\s+(?:me|us)\b|\s+mind\b)"
    r"(?![^?]*\b(?:i|we)\s+(?:can|could|will|'ll)\b)")


def asks_the_customer(sentence: str) -> bool:
    """Whether ``sentence`` is a question for the customer's answer ("Do you see an error message?", "Which browser
    are you using?"). The rules read it as the solution's first step, what happens next (they answer: SK401, SK404);
    review shows it as asking, not as a solution of the writer's."""
    folded = fold(sentence).rstrip()
    if not folded.endswith("?"):
        return False
    if _QUESTION_FOR_THEM.match(folded, _words_from(folded)) is not None:
        return True
    # (or after a lead, its last clause a wh-question: "Happy to look into it, which card did you pay with?")
    lead = _WH_AFTER_LEAD.search(folded)
    return lead is not None and _QUESTION_FOR_THEM.match(folded, lead.end()) is not None


_WH_AFTER_LEAD = re.compile(r",\s+(?=(?:what|which|when|where|who|how)\b[^,]*\?$)")


#: what review shows a sentence of the solution as when it asks the customer for an answer (``practice_shown``)
ASKS = "asks"


def practice_shown(slot: str, sentence: str) -> str:
    """The practice review shows a sentence as, in every report: its slot, or ``ASKS`` for a question of the
    solution for the customer's answer (``asks_the_customer``), which the rules read as what happens next but which
    is no solution of the writer's."""
    return ASKS if slot == "solution" and asks_the_customer(sentence) else slot


_NO_STEP_LONGEST = 200  # characters: a longer sentence says more than a notice or a refusal (and is not read)


@lru_cache(maxsize=4096)  # stock sentences recur across replies
def offers_more_help_only(sentence: str) -> bool:
    """Whether ``sentence`` only offers more help, the reply's closer, asked or said, an emoji after it or not ("Is
    there anything else I can help you with? 🙂", "If you have any questions, please don't hesitate to contact us.",
    "We're always here to help."): the part of ``offers_no_step`` that closes a reply."""
    folded = fold(sentence)
    words = _words_from(folded)
    return _HELP_OFFER_ALONE.fullmatch(folded, words) is not None \
        or (len(folded) <= _MORE_HELP_LONGEST and _MORE_HELP.match(folded, words) is not None)


@lru_cache(maxsize=4096)  # stock sentences recur across replies
def offers_no_step(sentence: str) -> bool:
    """Whether ``sentence`` offers the customer no step: one of ``_NO_STEP``, or a refusal of a step with nothing
    else offered ("Refunds are not possible after 30 days.", "We can't replace it."; not "We can't refund it, but I'll
    send a replacement", whose step is what is left once the refusal is taken out)."""
    folded = fold(sentence)
    words = _words_from(folded)  # (from its first word: "1️⃣ Anything else?")
    if _NO_STEP.fullmatch(folded, words) or (len(folded) <= _MORE_HELP_LONGEST and _MORE_HELP.match(folded, words)):
        return True
    c = cues(sentence)
    lead = _NOTICE_LEAD.match(folded, words)
    if lead and (c.score_values()[2] == 0.0 or offers_more_help_only(_THAT.sub("", folded[lead.end():], 1))):
        # (a notice of how things are, "Please be advised that delays happen.", or of help there for the asking,
        # "Please note that we are always here to help.": no step in it)
        return True
    blames = _BLAME.match(folded, words) is not None  # (its "you should have" is no advice)
    if (blames or _POLICY_LEAD.match(folded, words)) \
            and not ((c.ownership and c.actions) or c.imperative or (c.advice and not blames)):
        # the rules quoted ("Per our policy, changes must be made 7 days ahead."), a deflection ("It's not our fault
        # ...") or a reproach ("You should have checked ..."): an action they name is no step offered, unless the
        # writer owns it or asks for it
        return True
    # (a refusal of a step the sentence names: a policy's, "refunds are not possible", or one the lexicon knows,
    # "we can't replace it"; not "we can't invest too much in one thing", advice, read as the fix's detail; the
    # lexicon's actions read before the refusal took them out: "we are unable to process it" names one)
    if not (may_refuse(folded) and (_IMPERSONAL_REFUSAL.search(folded) or (
            REFUSAL.search(folded) and (c.actions or _cue_matcher().spans(Tokens(folded))["actions"])))):
        return False
    kept, at = [], 0
    for start, end in refused_spans(folded):
        # (the whole clause of the refused verb: what it refuses comes after it, "we can't restore deleted notes",
        # and names no step of its own)
        brk = _REFUSAL_BREAK.search(folded, end)
        end = brk.start() if brk else len(folded)
        if start < at:
            start = at
        kept += [folded[at:start], " " * (end - start)]
        at = max(at, end)
    # (what the company is, before the refusal, names no step: "As a payments processing company, we can't ...")
    rest = cues(_ROLE_LEAD.sub(lambda m: " " * len(m.group(0)), "".join(kept) + folded[at:], count=1))
    return rest.score_values()[2] == 0.0


# a lead saying what the writer's company is: "As a payments processing company,", "As a regulated institution,"
_ROLE_LEAD = re.compile(
    r"^\W*as\s+an?\s+(?:[\w&'-]+\s+){0,4}?(?:company|business|firm|bank|institution|provider|processor|platform|"
    r"service|marketplace|retailer|store|shop|organi[sz]ation|merchant|operator|carrier)\s*,")


# the rules quoted as the reason: "Per our policy, ...", "As per our terms ...", "According to our Terms & Conditions,
# ...", "Our policy states that ...", "As a regulated company, we have to abide by ...", "We are obliged to follow ..."
_POLICY_LEAD = re.compile(
    r"(?:(?:as\s+)?per|according\s+to|in\s+(?:line|accordance)\s+with|under)\s+(?:our|the)\s+(?:[a-z&]+\s+){0,3}?"
    r"(?:policy|policies|terms|rules|regulations|guidelines|t\s*&\s*cs?)\b"
    r"|our\s+(?:[a-z]+\s+)?(?:policy|policies|terms|rules)\s+(?:states?|says?|is|are|requires?|do(?:es)?\s+not)\b"
    r"|(?:as\s+an?\s+[^,.!?]{1,40},\s*)?(?:i|we)(?:'re|\s+are|\s+am)?\s+(?:have\s+to|must|are\s+(?:obliged|required|"
    r"bound)\s+to|(?:obliged|required|bound)\s+to)\s+(?:abide\s+by|comply\s+with|follow|adhere\s+to|respect)\b")
# blame put elsewhere, or on the customer: "It's not our fault ...", "That is not our responsibility", "You should have
# checked the settings", "You could have read the terms" (not "You should have received an email": what to expect)
_BLAME = re.compile(
    r"(?:it|this|that)(?:'s|\s+is|\s+was)\s+(?:not|n't)\s+(?:our|my)\s+(?:fault|responsibility|problem|issue)\b"
    r"|you\s+(?:should|could|ought\s+to|were\s+supposed\s+to)(?:\s+have|'ve)\s+(?:(?:already|just|first)\s+)?"
    r"(?!received|got|gotten|been|seen|heard|noticed|had)[a-z]+(?:ed|en|ne|wn|ad|ot|t)\b")


def replies_to_praise(cues_of: Sequence[Cues], sentences: Sequence[str]) -> bool:
    """Whether a reply (its sentences' cues, and the sentences) answers praise and only that: it thanks the
    customer for their kind words, review or compliment ("Thank you for the kind words about Mia, I'll pass
    them on!"), and nothing in it apologises, names a feeling, acknowledges a problem ("I can see..."),
    thanks them for waiting or acts (a fix, an instruction, a step with its time): there is nothing to
    acknowledge or fix. An offer of more help acts on nothing ("If there's anything else we can help with,
    just give us a shout."). "Thanks for the feedback, sorry the parcel was late." is no such reply.
    Greetings and sign-offs are not read."""
    if not any(c.praise for c in cues_of):
        return False
    body = [(c, s) for c, s in zip(cues_of, sentences, strict=True) if not (c.greeting or c.signoff)]
    # (a thanks for waiting is an acknowledgment opener too)
    # (a stance that hears nothing of theirs and goes on to something else is no acknowledgment of a problem: "I'll
    # pass them on, and I know it will make his week"; one said on its own, "I completely understand.", is)
    # (a step refused answers a request: "Unfortunately we can't refund the deposit.")
    return any(c.praise for c, _ in body) and not any(
        c.apologies or c.personal_apologies or c.feelings
        or (c.acknowledgment and (c.second_person or c.situation or c.deictic or _said_alone(s, c.acknowledgment)))
        or (c.acts and not (len(s) <= _MORE_HELP_LONGEST and _MORE_HELP.match(folded := fold(s), _words_from(folded))))
        or _refuses(fold(s)) for c, s in body)


def _said_alone(sentence: str, spans: tuple[tuple[int, int], ...]) -> bool:
    """Whether one of the ``spans`` of ``sentence`` ends its clause: "I completely understand.", "I get it, ..."."""
    return any(not sentence[b:].strip() or sentence[b:].lstrip()[0] in ".!?,;:" for _, b in spans)


def _refuses(folded: str) -> bool:
    return may_refuse(folded) and bool(refused_spans(folded))


# an offer of more help and nothing else: a condition about more questions or help, then a way to get in
# touch ("If there's anything else we can help with, just give us a shout", "If you have any questions,
# please don't hesitate to contact us"); not "If you need anything else, I've refunded it today". (Such an
# offer is one short sentence: a longer one is not read, which also keeps this regex's work bounded.)
_MORE_HELP = re.compile(
    r"\W*(?:if|in\s+case|should\s+you|(?=any\b))\b(?=[^.!?]*?\b(?:questions?|queries|query|inquiries|enquiries|concerns?|"
    r"assistance|help|anything|something\s+else)\b)"
    r"[^.!?]*?,\s*(?:(?:please|just|simply),?\s+|feel\s+free\s+to\s+)*(?:do(?:n't|\s+not)\s+hesitate\s+to\s+)?"
    r"(?:drop|shoot|ping|send|message|e-?mail|dm|write|ask|reply|hit\s+reply|reach\s+out|get\s+in\s+touch|give\s+(?:me|us)|"
    r"let\s+(?:me|us)\s+know|contact)\b(?:(?!\b(?:and|but|then|so)\s+(?:i|we)\b)[^.!?;,])*+"
    + _GLAD_TAIL + r"[.!?]*\W*$")
_MORE_HELP_LONGEST = 300


def _cares_and_acts(c: Cues, sentence: str) -> bool:
    """Care (an acknowledgment, an apology, warmth) and an action in one sentence: worth reading by clause
    (the action may be an instruction in a later clause: "thanks for the report, please send the file", whose
    verb the lexicon need not know: "please report it to its author")."""
    return (c.acknowledges or bool(c.apologies or c.warmth or c.reactions)) \
        and (bool(c.acts or c.actions) or ", please " in sentence or (bool(c.apologies) and bool(c.time_frames))
             or _instructs_later(sentence))


@lru_cache(maxsize=4096)  # stock sentences recur across replies
def _instructs_later(sentence: str) -> bool:
    """A later clause opens with an instruction: "Sorry, DM us your order number", "Thanks for flagging this -
    try the link below" (``Cues.imperative`` reads a sentence's first words only)."""
    folded = fold(sentence)
    return any(IMPERATIVE.match(folded[m.end():]) for m in _CLAUSE_BREAK.finditer(folded))  # (its "^": a slice)


# where one clause ends and the next starts: ", " "; " ": " " - ", a line break inside the sentence (a chat
# or social reply often has no full stop) (the conjunction stays with the second clause)
_CLAUSE_BREAK = re.compile(r"[,;:](?=\s)|\s[-–—](?=\s)|[ \t]*\n")


@lru_cache(maxsize=4096)  # stock sentences recur across replies
def _care_then_action(sentence: str, whole: Cues) -> tuple[tuple[int, tuple[str, float]],
                                                           tuple[int, tuple[str, float]]] | None:
    """``((end of the care clause, its slot and confidence), (start of the rest, its slot and
    confidence))`` when the sentence's first clauses carry care and the rest is a solution; else None.

    ``whole``: the sentence's cues, whose matches are shared out to the clauses (matching each
    clause again would cost a lexicon pass per clause tried).
    """
    folded = fold(sentence)
    # (the care clause holds a whole cue of care: no break before the first one ends can split it off)
    first_care = min((b for _, b in (*whole.acknowledgment, *whole.feelings, *whole.apologies, *whole.warmth,
                                     *whole.reactions)), default=0)
    for m in _CLAUSE_BREAK.finditer(sentence, first_care):
        cut = m.start() + 1 if sentence[m.start()] in ",;:" else m.start()
        resume = len(sentence) - len(sentence[m.end():].lstrip())
        if resume >= len(sentence):
            break
        if not (any(x >= resume for x, _ in (*whole.actions, *whole.time_frames))
                or IMPERATIVE.match(folded[resume:])):
            continue  # (the rest names neither an action nor a time, nor starts with an instruction: it cannot act)
        care = _clause_cues(whole, folded, 0, cut)
        if care.signoff:  # ("Thanks, DM us your order number": a closing's words, but the sentence goes on)
            care = care._replace(signoff=False)
        care_slot = classify(care)
        if care_slot[0] not in ("acknowledgment", "warm_language"):
            continue
        action = _clause_cues(whole, folded, resume, len(sentence))
        action_slot = classify(action)
        if action_slot[0] == "solution" and (action.acts or _apology_then_news(care, action, folded[resume:])):
            return (cut, care_slot), (resume, action_slot)
    return None


# a clause that goes on with the sentence before it, or asks something, rather than stating news of its own
_NOT_NEWS = re.compile(r"(?:and|but|so|or|how|what|why|when|where|who|which|do|did|does|are|is|can|could|would|will)\b")


def _apology_then_news(care: Cues, rest: Cues, folded_rest: str) -> bool:
    """A bare apology followed by the fix, stated with nobody in it: "Sorry, it ships today.", "Apologies for
    the mix-up, the refund went through this morning." (the apology had outweighed it, and the reply imported
    with no solution). Not a reflection of feelings ("I'm sorry you feel this way, and ..."), nor a question."""
    return bool(care.apologies) and not (care.feelings or care.acknowledgment) \
        and bool(rest.actions or rest.time_frames) and not rest.asks and _NOT_NEWS.match(folded_rest) is None


def _clause_cues(whole: Cues, folded: str, a: int, b: int) -> Cues:
    """The cues of ``folded[a:b]``, a clause of a sentence whose cues are ``whole``: its matches that
    lie inside the clause, moved to the clause's offsets."""
    spans = {field: [(x - a, y - a) for x, y in getattr(whole, field) if a <= x and y <= b] for field in _CUE_LISTS}
    return _make_cues(folded[a:b], spans)


# ---------------------------------------------------------------- messages, for the rules

class Sentence(NamedTuple):
    """One sentence of a rendered message: offsets into ``message.text``, its slot, its cues.

    (A named tuple, as ``Cues``: each message read makes one per sentence.)
    """

    start: int
    end: int
    text: str
    slot: str
    inferred: bool
    cues: Cues

    def span_of(self, rel: tuple[int, int]) -> tuple[int, int]:
        return self.start + rel[0], self.start + rel[1]

    @property
    def is_frame(self) -> bool:
        return self.slot in FRAME_SLOTS or self.cues.greeting or self.cues.signoff


# where a message keeps its sentences and body sentences, in its own __dict__ (as its cached_property
# text does): the many rules of one lint run share one reading of each message, and it lives as long
# as the message (a cache keyed by id needed a weak reference and its callback per message); pickling
# a message sends its fields only (scriptkit.parallel)
_ANALYSIS = "_scriptkit_analysis"


def analyse_message(message: Message) -> tuple[Sentence, ...]:
    """The sentences of ``message.text`` with slots (from segments, or inferred) and cues.

    Cached per message object, so the many rules that read a message share one pass.
    """
    return _analysis(message)[0]


def _analysis(message: Message) -> tuple[tuple[Sentence, ...], tuple[Sentence, ...]]:
    kept: tuple[tuple[Sentence, ...], tuple[Sentence, ...]] | None = message.__dict__.get(_ANALYSIS)
    if kept is None:
        layout = tuple([(s, seg.slot) for s, _, seg in message.spans()])
        kept = message.__dict__[_ANALYSIS] = _analyse(message.text, layout)
    return kept


_new_tuple = tuple.__new__

# a message has slots of its own when one of its segments carries one of these
_OWN_SLOTS = frozenset(INFERRED_SLOTS + FRAME_SLOTS) - {"other", "layout"}
_FRAME_SLOTS = frozenset(FRAME_SLOTS)


def _analyse(text: str, layout: tuple[tuple[int, str], ...]) -> tuple[tuple[Sentence, ...], tuple[Sentence, ...]]:
    """The sentences of a message's text and those of its body (``Sentence.is_frame`` false), in one pass."""
    pieces = _pieces(text)
    slots = [slot for _, slot in layout]
    own = not _OWN_SLOTS.isdisjoint(slots)
    if own:
        pieces = _frames_apart(text, pieces, layout)
    cues_of = _cues_by_sentence(text, pieces)
    found: list[Sentence] = []
    body: list[Sentence] = []
    if not own:
        # (a slot per piece, in order: never a frame slot)
        for (a, b, slot, _), c in zip(_sentence_slots(text, pieces, cues_of), cues_of, strict=True):
            sentence = Sentence(a, b, text[a:b], slot, True, c)
            found.append(sentence)
            if not (c.greeting or c.signoff):
                body.append(sentence)
        return tuple(found), tuple(body)
    starts = [start for start, _ in layout]
    for (a, b), c in zip(pieces, cues_of, strict=True):
        # the slot of the last segment starting at or before the sentence's first word (the first
        # segment's before any); its last character's when that is a joiner
        first = a
        while first < b and not text[first].isalnum():
            first += 1
        i = bisect_right(starts, first) - 1
        slot = slots[i] if i > 0 else slots[0]
        if slot == "layout":
            i = bisect_right(starts, b - 1) - 1
            slot = slots[i] if i > 0 else slots[0]
        # (tuple.__new__ builds the named tuple without the Python frame of Sentence(...))
        sentence = _new_tuple(Sentence, (a, b, text[a:b], slot, False, c))
        found.append(sentence)
        if not (slot in _FRAME_SLOTS or c.greeting or c.signoff):
            body.append(sentence)
    return tuple(found), tuple(body)


def _frames_apart(text: str, pieces: tuple[tuple[int, int], ...],
                  layout: tuple[tuple[int, str], ...]) -> tuple[tuple[int, int], ...]:
    """``pieces``, each cut where the message's greeting or sign-off meets its body: a greeting with no full stop
    ("Freshly Forked:", "Hi Sam -") runs into the acknowledgment's first sentence, and a sign-off on the line of
    the solution's last, with no mark between. The pieces take their slot from their first word, and the
    sentence would have been the greeting's, its acknowledgment lost."""
    cuts: list[int] = []
    before: bool | None = None  # (whether the last segment with a slot of its own was a frame)
    for start, slot in layout:
        if slot != "layout":
            frame = slot in _FRAME_SLOTS
            if before is not None and frame != before:
                cuts.append(start)
            before = frame
    if not cuts:
        return pieces
    out: list[tuple[int, int]] = []
    k = 0  # (the first cut after the piece's start: the pieces are in order, so it only moves on)
    for a, b in pieces:
        while k < len(cuts) and cuts[k] <= a:
            k += 1
        for cut in cuts[k:bisect_left(cuts, b, k)] if k < len(cuts) and cuts[k] < b else ():
            x, y = trimmed(text, a, cut)
            if x < y and cut < _rstrip(text, cut, b):
                out.append((x, y))
                a = cut
        out.append(trimmed(text, a, b))
    return tuple(out)


def body_sentences(message: Message) -> list[Sentence]:
    """The sentences a customer reads as content: no greeting, sign-off or joiner."""
    return list(_analysis(message)[1])


def only_thanks_for_praise(message: Message) -> bool:
    """Whether the reply answers praise and only that (``replies_to_praise``): SK301 and SK401 stand down."""
    body = _analysis(message)[1]
    # (most replies thank nobody for praise: asked first, that is all they cost)
    # (a sentence opening on the customer's thing with no thanks or delight in it, "Your parcel is delayed.", is news
    # of their problem: "Thanks for being part of our community." beside it is a closer, not the reply)
    return any(s.cues.praise for s in body) and replies_to_praise([s.cues for s in body], [s.text for s in body]) \
        and not any(_OF_THEIR_THING.match(s.text) and not (s.cues.praise or s.cues.warmth or s.cues.reactions)
                    for s in body)


_OF_THEIR_THING = re.compile(r"\W*your\b", re.IGNORECASE)  # (a sentence that opens on the customer's thing)


# the customer named in the third person as a sentence's subject, or a note's field: "Customer wants a refund", "The
# client called twice", "**Summary:** Customer unable to log in" (not "Dear Customer,", "Customers are advised",
# "customer service", "our customer team", nor "by the customer" inside a sentence)
_THE_CUSTOMER = re.compile(r"[\W_]*(?:[a-z][\w ]{0,30}:[\W_]*)?(?:the\s+)?(?:customer|client|caller)\b(?!['’-])"
                           r"(?!\s+(?:service|support|care|team|success|experience|portal|area|feedback|relations|"
                           r"centre|center|agreement|number|id)s?\b)", re.IGNORECASE)
# anyone spoken to as "you", but for the "you" of a thank-you ("Thank you for your help, team" speaks to the team)
_SPOKEN_TO = re.compile(r"(?<!thank\s)\b(?:you|your|yours|yourself|y'all)\b", re.IGNORECASE)
_NAMES_THE_CUSTOMER = re.compile(r"customer|client|caller", re.IGNORECASE)
_NAMES_THE_CUSTOMER_FOLDED = CaselessRegex(_NAMES_THE_CUSTOMER)
#: why a text was read as an internal note by its wording, as the reports say it
NOTE_BY_WORDING = 'it tells of the customer in the third person and says "you" to no one'


def reads_as_note(message: Message) -> bool:
    """Whether ``message`` reads as a note about the customer for colleagues, never sent to them ("Customer wants
    their address changed. Please action, thanks!", "**Issue:** Customer charged twice"): a sentence has the
    customer, in the third person, as its subject, nothing speaks to a "you", and nobody apologises (a note tells
    colleagues what happened; "I'm sorry. The customer will get a refund today." is said to the customer, coldly).
    Such a text is an internal note by its wording, as one is by its setting (``linting.internal_note``): a reply's
    rules do not judge it."""
    # (the words first: few replies name the customer, which a lower-cased copy tells in a few microseconds, and most
    # say "you", which _SPOKEN_TO, with no fixed start, takes some 30 us to find; a pack's are not all analysed in
    # this process)
    if _NAMES_THE_CUSTOMER_FOLDED.span(message.text) is None or _SPOKEN_TO.search(normalise(message.text)) is not None:
        return False
    body = _analysis(message)[1]
    return any(_THE_CUSTOMER.match(normalise(s.text)) for s in body) and not any(s.cues.apologies for s in body)


def text_segments(message: Message) -> Iterator[tuple[int, int, Text]]:
    """The literal text segments of a message with their offsets."""
    for s, e, seg in message.spans():
        if isinstance(seg, Text):
            yield s, e, seg


def acknowledges_feelings(text: str) -> bool:
    """Whether any sentence of ``text`` acknowledges the reader's feeling or situation.

    The detector behind SK301 (missing-acknowledgment), on free text; the agreement
    benchmark scores it against human ratings of emotional reactions.
    """
    return any(cues(text[a:b]).acknowledges for a, b in sentence_spans(text))


def reacts_emotionally(text: str) -> bool:
    """Acknowledgment or an emotional reaction (sympathy, care, solidarity) in any sentence."""
    for a, b in sentence_spans(text):
        c = cues(text[a:b])
        if c.acknowledges or c.reactions:
            return True
    return False
