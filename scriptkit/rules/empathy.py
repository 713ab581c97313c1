"""Empathy rules (SK3xx): acknowledge first, name the feeling, pair sympathy with help.

Every rule reads the sentences of the rendered reply once (``scriptkit.inference``), with
the slot each sentence came from (or an inferred one for free text) and the cues of the
shared lexicon (``scriptkit/rules/data/lexicon.yaml``). Dismissive phrases are data in
``scriptkit/rules/data/dismissive.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Any, ClassVar

from scriptkit.diagnostics import AGENT_TURNS, Severity
from scriptkit.inference import Sentence, body_sentences, only_thanks_for_praise, reads_as_note
from scriptkit.message import Message, ReplyTurn, reply_turns
from scriptkit.rules import options
from scriptkit.rules.base import Example, Finding, Rule, RuleContext, empty_slot_location, register
from scriptkit.rules.lexicon import CaselessRegex, normalise, pattern, table
from scriptkit.text import (
    SPACE_AFTER_STOP,
    clipped,
    in_quotation,
    inside_one_of,
    opens_sentence,
    ordinal,
    quoted_spans,
    words_start,
)


def _first_acknowledging(body: list[Sentence]) -> int | None:
    for i, s in enumerate(body):
        if s.cues.acknowledges:
            return i
    return None


def acknowledgment_group(body: list[Sentence]) -> list[Sentence]:
    """The sentences that make up the acknowledgment: its slot, or else the first acknowledging run."""
    slotted = [s for s in body if s.slot == "acknowledgment"]
    if slotted and not all(s.inferred for s in slotted):
        return slotted
    first = _first_acknowledging(body)
    if first is None:
        return slotted
    group = [body[first]]
    for s in body[first + 1:]:
        if not s.cues.acknowledges:
            break
        group.append(s)
    return group


@register
class MissingAcknowledgment(Rule):
    """Reply never acknowledges the customer's feeling or situation.

    ## What it does
    Reports a reply in which no sentence acknowledges the customer: no "I can see how...",
    "that sounds...", "I understand why...", and no feeling word aimed at them ("this must be
    so frustrating"), at what happened ("Two hours on hold is miserable", "What a shame the
    jacket doesn't fit") or said of their week ("You've had a rotten week with us"). Owning the
    cause ("that's on me", or an apology naming the writer's own slip: "Sorry about the wrong
    link!", "Apologies for sending the wrong size"; not a courtesy for the wait, "Sorry for the
    wait!", which names no mishap: such a reply is told to say in it what happened) and telling back
    their patience ("You've been
    more than patient with us") acknowledge too, and so does news told as unwelcome ("I know a
    price rise is never welcome", "A bigger bill is nobody's idea of good news", "No one likes
    paying more", "Well, that's not the kind of welcome anyone wants from a new phone!"), though
    not "Your feedback is always welcome"; a feeling the writer tells of as
    their own ("I was stressed too") does not. A reply that is only a greeting or sign-off ("Hi {{
    customer.first_name }},") is reported too: it says nothing to the customer yet.

    A reply that only thanks the customer for praise ("Thank you for the kind words about Mia,
    I'll pass them on!") is left alone: it has no problem to acknowledge, and the thanks is what
    hears them. A thank-you that also apologises, names a feeling or fixes something is judged.
    Left alone too is a reply that answers the customer's thanks ("You're welcome! 😊", "Happy
    to help!") and apologises for nothing, and one that opens with good news already done ("Great news! I've
    approved your refund.", as SK302 lets it come first): the problem is behind them. News of a
    request granted needs no such lead-in ("Your refund has been approved and will reach your card
    within 5 days.", "All sorted! Your refund is on the way."), nor does news of it done told as
    news ("I'm happy to let you know your account has been reopened.", "This is to confirm you have
    been removed from our list."; not "We regret to inform you...", a hand-on, "...has been
    forwarded to our team", nor unwelcome news, "...has been cancelled"); a fix of something that
    went wrong ("Your order has been reshipped") still owes the customer hearing what happened. A
    reply that only holds the chat while the writer checks ("Thanks for your message. Give me a few
    minutes to look into it.", "Bear with me while I check.") is left alone too: the acknowledgment
    belongs in the answer that follows (beside anything more, an apology or news, it is judged). So
    is a note about the customer for colleagues, never sent to them, that speaks to no "you"
    ("Customer wants their address changed before dispatch. Please action, thanks!"). Telling
    them they are not alone with it ("You're not alone: we know about the outage") or that the
    writer reproduced it ("I followed your steps and reproduced the crash") or knows of it ("This
    is a known issue", "We've had several reports of this"; not "We're aware of your request")
    hears them too, and so
    does taking their reason for a request as the ordinary thing it is ("Life gets busy, and
    sometimes you need a break from deliveries.", "Plans change!"; not "Delays happen", which
    excuses a failure of ours). A cold reply is still reported: "Your ticket has been received."

    A reply that tells of no trouble (no apology, feeling, failure, refusal or wait in it: a
    how-to answer, a request for details) has no frustration to name: it is told, as a
    suggestion, to take up what the customer asked ("Thanks for asking about exports", "Happy
    to help with that"), and one that already opens that way ("Great question! Go to Settings >
    Export.") is left alone. Beside trouble ("Great question! Unfortunately exports are
    paused."), such an opening is not enough.

    ## Why it matters
    A customer who writes in wants to feel heard before being helped. A reply that opens by
    naming what they feel earns the trust the fix needs; without it, even a correct fix feels cold.

    ## Example
    ```
    Your order has been reshipped and will arrive on Friday.
    ```

    ## Use instead
    ```
    I can see how disappointing it is that your order still hasn't arrived.
    I've reshipped it and it will be with you on Friday.
    ```

    ## Options
    None.

    ## Fix safety
    No automatic fix: only the writer knows what this customer is feeling.
    """

    code = "SK301"
    whole_reply = True
    name = "missing-acknowledgment"
    severity = Severity.WARNING
    bad_examples = (
        Example.of(acknowledgment="Your order has been reshipped.", solution="It will arrive on Friday."),
    )
    good_examples = (
        Example.of(acknowledgment="I can see how disappointing it is that your order still hasn't arrived.",
                   solution="I've reshipped it and it will be with you on Friday."),
        Example.of(acknowledgment="Sorry about the wrong link!", solution="Here's the right one: example.com/reset."),
    )

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        body = body_sentences(message)
        if not body:  # a greeting or sign-off alone ("Hi {{name}},"): a reply that says nothing to the customer yet
            if message.text.strip():
                yield Finding(0, len(message.text), _NEVER_ACKNOWLEDGES, suggestion=_ACKNOWLEDGE_FIRST,
                              location=empty_slot_location(message, ctx, "acknowledgment"))
            return
        if _first_acknowledging(body) is not None or only_thanks_for_praise(message) \
                or any(_owns_a_slip(s) or _hears_it_otherwise(s) for s in body) \
                or opens_with_good_news(body) or _answers_thanks(body) or _only_holds(body) \
                or reads_as_note(message):
            return
        troubled = _shows_trouble(body) or _customer_tells_of_trouble(message)
        if not troubled and _takes_up_the_request(body):
            return  # ("Great question! Go to Settings > Export.": nothing went wrong, and the request is heard)
        # (the sentence of the acknowledgment slot that does not acknowledge; with none, the whole reply, which a
        # review lists apart: its first sentence, marked, was taken for the culprit)
        where = next((s for s in body if s.slot == "acknowledgment"), None)
        start, end = (where.start, where.end) if where is not None else (body[0].start, body[-1].end)
        location = empty_slot_location(message, ctx, "acknowledgment")
        if troubled:
            yield Finding(start, end, _NEVER_ACKNOWLEDGES, suggestion=_acknowledge_instead(body), location=location)
        else:
            # (a how-to answer, a request for details: no frustration to name, so it is their request to take up;
            # a suggestion, as a reply that answers well without it is no cold one)
            # (a receipt told in its place, "We acknowledge receipt of your email", is the cold reply itself: a warning)
            receipt = any(_RECEIPT.search(s.text) or _RECEIPT_OF.search(s.text) for s in body)
            yield Finding(start, end, _NEVER_TAKES_UP_THE_REQUEST, suggestion=_take_up_the_request_instead(body),
                          severity=None if receipt else Severity.SUGGESTION, location=location)


_NEVER_ACKNOWLEDGES = "the reply never acknowledges how the customer feels or what happened to them"
_ACKNOWLEDGE_FIRST = 'start with an acknowledgment such as "I can see how frustrating it is that ..."'
_NEVER_TAKES_UP_THE_REQUEST = "the reply never acknowledges what the customer asked for"
_TAKE_UP_THE_REQUEST = ('start by taking up what they asked: "Thanks for asking about <what they asked>", "Happy to '
                        'help with <what they asked>"')

_RECEIPT_OF = re.compile(r"\breceipt\s+of\s+(?:your|the)\b", re.IGNORECASE)
# a sign in the reply that something went wrong for the customer: it failed, was refused, went missing or wrong,
# kept them waiting, or cannot be done ("Unfortunately", "your card was declined", "we can't", "the parcel is late")
_TROUBLE = re.compile(
    r"\b(?:unfortunately|sadly|regrettably|(?<!no\s)(?:issues?|problems?)|errors?|bugs?|crash\w*|fail\w*|faults?|"
    r"faulty|glitch\w*|outages?|declined|rejected|refused|denied|blocked|locked|suspended|restricted|frozen|closed|closing|"
    r"cancell?ed|cancell?ation|delay\w*|late|overdue|lost|missing|damaged|broken|wrong|incorrect|mistakes?|"
    r"inconvenien\w*|troubles?|difficult\w*|complain\w*|disput\w*|refunds?|chargebacks?|exceeded|duplicates?|"
    r"stuck|re(?:ship|send|sent|issu|deliver)\w*|replac\w*|longer|more\s+time|than\s+usual|can\s+only|only\s+(?:one|to|support\w*)|unsupported|polic(?:y|ies)|"
    r"terms\s+of\s+(?:service|use)|reported|(?:the|your)\s+report|resolved|fixed|reached\s+(?:your|the)\s+(?:\w+\s+)?"
    r"limits?|waited|waiting|"
    r"(?:the|your|this|a\s+long|long)\s+wait|wait\s+(?:time|times|list)|queue|backlog|"
    r"cannot|can\s+not|can['’]t|couldn['’]t|could\s+not|won['’]t|unable|not\s+(?:able|possible|allowed|available|"
    r"supported|eligible|working|yet)|(?:n['’]t|not|never)\s+(?:\w+\s+)?(?:work\w*|arriv\w*|receiv\w*|reach\w*|"
    r"load\w*|show\w*|appear\w*|accept\w*|allow\w*|match\w*|support\w*|go(?:ne)?\s+through|come\s+through)|still\s+(?:not|no|n['’]t|"
    r"has\s+not|have\s+not|hasn['’]t|haven['’]t|waiting|seeing|having|getting))\b",
    re.IGNORECASE)
_TROUBLE_FOLDED = CaselessRegex(_TROUBLE)  # (run case-sensitively on the lower-cased text: twice as fast)
# a clause that puts a case to the customer, which tells of no trouble they have: "If it still fails, ...", "in case
# you see an error" (not a request put politely: "We'd appreciate it if you could describe the error")
# (led by a word boundary and what the words start with: lookbehinds first were tried at every character)
_SUPPOSED = re.compile(r"\b(?=if\b|in\s|unless|whether|should\s)(?<!helpful\s)(?<!appreciate\sit\s)(?<!grateful\s)"
                       r"(?:if(?!\s+you\s+(?:could|would|can)\b)|in\s+case|unless|whether|should\s+you)\b"
                       r"[^,;:.!?]*", re.IGNORECASE)


def _shows_trouble(body: list[Sentence]) -> bool:
    """Whether the reply tells of something that went wrong for the customer: an apology, a feeling named, a thanks
    for their patience, or a failure, refusal or wait it tells of (``_TROUBLE``), outside the questions and the
    cases it puts to them ("Are you seeing an error?", "If it still fails, ..."). Without one, the reply answers a
    plain request (a how-to, details asked for), and SK301 asks for the request to be taken up, not a frustration.
    (Not the lexicon's situation cues: "your" and any noun, "your recipient", names no trouble.)"""
    for s in body:
        c = s.cues
        if c.apologies or c.feelings or c.thanks_for_waiting:
            return True
        text = normalise(s.text)
        if text.rstrip(" \"'”’)").endswith("?") and not _ASKS_FOR.match(text, words_start(text)):
            if _PRESUPPOSED.search(text):
                return True  # ("What device is this happening on?", "Which app causes these issues?")
            continue
        if _TROUBLE_FOLDED.span(_SUPPOSED.sub(" ", text)) is not None:
            return True
    return False


def _customer_tells_of_trouble(message: Message) -> bool:
    """In a transcript judged on the agent's turns, whether the lines around them (the customer's) tell of
    something gone wrong ("Customer: the app keeps logging me out"): then "Sure thing" takes up no plain request,
    and the reply owes the trouble an acknowledgment however calm its own words are."""
    if not message.meta.get(AGENT_TURNS):
        return False
    source = None
    said: list[tuple[int, int]] = []  # the agent's parts, in the transcript
    for _a, _b, seg in message.spans():
        span = seg.source
        if span is not None and span.offsets and span.source is not None:
            source = span.source
            said.append((span.offsets[0], span.offsets[-1] + 1))
    if source is None:
        return False
    text, rest, at = source.text, [], 0
    for lo, hi in sorted(said):
        rest.append(text[at:lo])
        at = max(at, hi)
    rest.append(text[at:])
    told = _SUPPOSED.sub(" ", normalise(" ".join(rest)))
    return _TROUBLE_FOLDED.span(told) is not None or bool(_CUSTOMER_TROUBLE.search(told))


# what a customer writes of their own trouble, beside what a reply would tell of (``_TROUBLE``): a thing that keeps
# happening, a thing that will not let them in, how they feel about it ("it keeps logging me out", "it won't let me
# sign in", "I'm so frustrated!!")
_CUSTOMER_TROUBLE = re.compile(
    r"\b(?:keeps?|kept)\s+\w+ing\b|\b(?:n['’]t|not|never)\s+(?:\w+\s+)?(?:let\w*|open\w*|log\w*|sign\w*|connect\w*|"
    r"start\w*|sync\w*|updat\w*|send\w*|sav\w*|pay\w*|charg\w*)|\bcharged\s+(?:me\s+)?twice\b|"
    r"\b(?:frustrat|annoy|angry|upset|furious|disappoint|fed\s+up)\w*|!{2,}", re.IGNORECASE)


# a question that asks for something, and tells what it is about as fact: "Can you send the error message you see?"
_ASKS_FOR = re.compile(r"(?:can|could|would|will|may)\s+(?:you|we|i)\b(?:\s+please)?(?!\s+(?:try|check|confirm\s+if))",
                       re.IGNORECASE)
# a question that takes the trouble as told: "When did this start happening?", "Which app causes these issues?" (not
# "Are you seeing an error?", "Is there any error message?")
_PRESUPPOSED = re.compile(r"\b(?:(?:this|these|that|those|the)\s+(?:\w+\s+)?(?:issues?|problems?|errors?|"
                          r"behaviou?rs?|crash\w*)|happening|noticing\s+this)\b", re.IGNORECASE)


# an opening that takes up the customer's request: "Great question!", "Thanks for asking about exports", "Thank you
# for your question about ...", "Happy to help with that!", "I'd be glad to help you with this", "No problem!" (not
# the stock "Thank you for your inquiry", "Happy to help with your request": they name nothing asked)
_REQUEST_TAKEN_UP = re.compile(
    r"[\W_]*(?:(?:(?:what|that['’]s|such)\s+)?(?:an?\s+)?(?:(?:really|very|such\s+a)\s+)?"
    r"(?:great|good|excellent|fair|interesting|smart)\s+question"
    r"|(?:many\s+|big\s+)?(?:thanks|thank\s+you)(?:\s+(?:so|very)\s+much)?\s+for\s+(?:asking|your\s+(?:question|"
    r"interest)|the\s+question|(?:reaching\s+out|getting\s+in\s+touch|writing(?:\s+in)?|checking)"
    r"\s+(?:about|regarding|on)\b)"
    r"|(?:(?:i|we)(?:['’]m|['’]re|['’]d\s+be|['’]ll\s+be|\s+am|\s+are|\s+would\s+be|\s+will\s+be)\s+)?"
    r"(?:(?:so|very|more\s+than|always|really|most)\s+)?(?:happy|glad|pleased|delighted)\s+to\s+(?:help|assist)"
    r"(?:\s+you)?\s+(?:with|on)\b(?!\s+(?:your|this|the)\s+(?:request|query|inquiry|enquiry|ticket|case|message)\b)"
    r"|(?:no\s+problem|of\s+course|sure\s+thing)\b)",
    re.IGNORECASE)


def _takes_up_the_request(body: list[Sentence]) -> bool:
    """The reply opens (past an opening thanks) by taking up what the customer asked ("Great question!", "Thanks for
    asking about exports", "Happy to help with that"): where nothing went wrong, that is the acknowledgment owed."""
    return any(_REQUEST_TAKEN_UP.match(normalise(s.text)) for s in body[:_opening_thanks(body) + 1])


def _take_up_the_request_instead(body: list[Sentence]) -> str:
    """SK301's suggestion for a reply that tells of no trouble: after a thanks already there, say what was heard;
    else the request to take up (never a frustration the customer did not show)."""
    if _thanks_already(body):
        return _SAY_WHAT_YOU_HEARD
    return _TAKE_UP_THE_REQUEST


# an apology that owns the writer's own slip: "Sorry about the wrong link!", "Apologies for sending the wrong size",
# "sorry for my mistake", "I'm sorry we gave you the wrong code" (not "sorry for any inconvenience", "Sorry, you
# entered the wrong address": no slip of ours named)
_OWNED_SLIP = re.compile(
    r"(?:sorry|apolog(?:y|ies|i[sz]e))\s+(?:again\s+)?"
    r"(?:(?:about|for)\s+(?:(?:the|that|this|my|our)\s+)?(?:(?:sending|giving|quoting|sharing|linking|attaching|"
    r"using|charging|posting|shipping|packing)\s+(?:you\s+)?(?:the\s+|a\s+|an\s+)?)?"
    r"(?:(?:wrong|incorrect|mistaken|faulty|broken|dead|outdated|expired)\b|(?:mistake|error|oversight|slip|typo|"
    r"mix-?up)s?\b)"
    # (the writer's act, not their view of the customer's: "we think you typed the wrong postcode", "we can see you
    # picked the wrong plan" is blame, not a slip owned; "we gave you the wrong code" is owned)
    r"|(?:that\s+)?(?:i|we)\s+(?!(?:think|believe|guess|reckon|suspect|assume|noticed?|see|can\s+see|found|feel)\b)"
    r"(?:(?!you\s+(?!(?:the|a|an)\b))[\w'’]+\s+){1,4}?(?:the\s+|a\s+|an\s+)?(?:wrong|incorrect)\b)",
    re.IGNORECASE)


def _owns_a_slip(s: Sentence) -> bool:
    """An apology that names the writer's own slip ("Sorry about the wrong link!"): it owns the cause, as "that's on
    me" does, and so acknowledges what happened to the customer."""
    return any(_OWNED_SLIP.match(normalise(s.text), a) for a, _ in _apologies(s))


# "I've reproduced the crash", "we followed your steps and replicated it": their report confirmed on the writer's
# side (not "we couldn't reproduce it", "we tried to reproduce it", "I'll try to", "if we can reproduce it", nor
# "so that we can reproduce it")
_REPRODUCED = re.compile(r"(?<![\w'’])(?<!if\s)(?<!once\s)(?<!when\s)(?<!until\s)(?<!unless\s)(?<!whether\s)"
                         r"(?<!so\s)(?<!that\s)(?:i|we)(?:['’]ve)?\s+(?:(?:was|were)\s+able\s+to\s+|managed\s+to\s+|"
                         r"can\s+|could\s+)?(?:(?!not\b|never\b|\w*n['’]t\b|to\b|can\b|could\b|may\b|might\b|"
                         r"must\b|should\b|will\b|would\b|need|want|hope|unable\b)[\w'’]+\s+){0,10}?"
                         r"(?:reproduced?|replicated?|recreated?)\b",
                         re.IGNORECASE)
# an answer to the customer's thanks, and only that in its sentence: "You're welcome!", "Happy to help!", "My
# pleasure, Priya." (not "Happy to help with your order": a first reply's opening)
_WELCOME = re.compile(
    r"[\W_]*(?:you(?:['’]re|\s+are)\s+(?:(?:very|so|most|more\s+than)\s+)?welcome|(?:it\s+was\s+|it['’]s\s+)?"
    r"(?:my|our|a|the)\s+pleasure|(?:(?:i|we)(?:['’]m|['’]re|\s+am|\s+are)\s+)?(?:(?:so|very|always|really)\s+)?"
    r"(?:happy|glad|pleased)\s+(?:to|(?:i|we)\s+could)\s+(?:help|assist)|glad\s+(?:that|it|this)\s+(?:helped|worked)|"
    r"no\s+problem(?:\s+at\s+all)?|any\s*time)"
    r"(?:,?\s+(?-i:[A-Z][\w'’-]*))?[\W_]*", re.IGNORECASE)


# the customer's reason for a request taken as the ordinary thing it is: "Life gets busy", "sometimes you need a
# break from deliveries", "We all need a breather now and then", "Plans change" (of their life, not of our failure:
# "Delays happen" excuses it; and a "you" or "we all" that needs the break, not "parcels need a break too")
_ORDINARY_REASON = re.compile(
    r"\blife\s+(?:gets|can\s+get|is\s+getting|has\s+been|happens|gets\s+in\s+the\s+way|takes\s+over)\b"
    r"|\b(?:plans|circumstances)\s+(?:can\s+|do\s+)?change\b"
    r"|\b(?:you|we\s+all|everyone|everybody|all\s+of\s+us)\s+(?:just\s+|sometimes\s+|occasionally\s+)?"
    r"(?:needs?|deserves?)\s+(?:a\s+(?:little\s+|short\s+)?(?:break|breather|pause|rest)|time\s+off)\b",
    re.IGNORECASE)


# their problem confirmed as real and known: "This is a known issue", "There are known problems with ...", "We've had
# several reports of this", "We're aware of the sync problem" (as "Other customers have reported the same" is: not
# alone with it; not "We're aware of your request", nor a volume of requests, an excuse)
_KNOWN_PROBLEM = (r"(?:issues?|problems?|bugs?|faults?|errors?|outages?|glitch(?:es)?|limitations?|difficult(?:y|ies)|"
                  r"disruptions?|delays?)")
_CONFIRMED = re.compile(
    rf"\b(?:(?:this|that|it)(?:['’]s|\s+is|\s+was)\s+a\s+known|there\s+(?:is\s+a|are|have\s+been|has\s+been\s+a)\s+"
    rf"known)\s+(?:[\w-]+\s+){{0,2}}?{_KNOWN_PROBLEM}\b"
    rf"|\b(?:we|i)(?:['’]re|['’]m|\s+are|\s+am)\s+(?:already\s+|fully\s+|well\s+|now\s+)?aware\s+of\s+"
    rf"(?:this|that|the|these|an?)\s+(?:[\w-]+\s+){{0,2}}?{_KNOWN_PROBLEM}\b"
    r"|\b(?:we|i)(?:['’]ve|\s+have)\s+(?:had|received|seen|got(?:ten)?)\s+(?:quite\s+)?(?:a\s+(?:few|lot|number|couple)\s+"
    r"(?:of\s+)?|several\s+|many\s+|some\s+|lots\s+of\s+|other\s+|similar\s+)(?:other\s+|similar\s+)?"
    r"reports?\s+(?:about|of|on|like)\s+(?:this|that|it|the\s+same|yours)\b",
    re.IGNORECASE)


def _hears_it_otherwise(s: Sentence) -> bool:
    """A sentence that hears the customer without a feeling word: the writer reproduced their problem ("I followed
    your steps and reproduced the crash") or confirms it is known ("This is a known issue", "We've had several
    reports of this"), or takes their reason for a request as ordinary ("Life gets busy, and sometimes you need a
    break"), as "that makes sense" does. (Telling them they are not alone with it is an
    acknowledgment opener of the lexicon, which inference reads.)"""
    if s.text.rstrip(" \"'”’)").endswith("?"):
        return False
    text = normalise(s.text)
    return any(p.search(text) is not None for p in (_REPRODUCED, _ORDINARY_REASON, _CONFIRMED))


def opens_with_good_news(body: list[Sentence]) -> bool:
    """The reply opens with good news that is done ("Great news! I've approved your refund."), as SK302 lets it: the
    customer's problem is solved, and the news is what they waited for (not "Good news is something we love"). No
    upbeat lead-in is needed where the news is a request granted (``GRANTED``: "Your refund has been approved",
    "I can confirm your limit has been raised to 2,000", "All sorted! Your refund is on the way"): it hears what
    they asked for. (A fix of what went wrong, "Your order has been reshipped", still owes them hearing it.)"""
    if lead := _good_news(body):
        return any(s.cues.acts or step_done(s.text) for s in body[:lead])
    if _informs_of_news_done(body):
        return True
    if not body or body[0].cues.apologies:
        return False
    headline = _DONE_HEADLINE.fullmatch(body[0].text) is not None
    news = body[1] if headline and len(body) > 1 else body[0]
    if news.cues.apologies or news.text.rstrip(" \"'”’)").endswith("?") or _HEDGED_NEWS.search(news.text):
        return False
    return GRANTED.search(news.text) is not None or (headline and news is not body[0] and step_done(news.text))


# a headline that the customer's request is done, said alone: "All sorted!", "You're all set.", "Done!"
_DONE_HEADLINE = re.compile(r"\W*(?:(?:you['’]re|you\s+are|it['’]s|that['’]s|everything['’]s|everything\s+is)\s+)?"
                            r"(?:all\s+(?:set|sorted|done)|done|sorted)(?:\s+now)?\W*", re.IGNORECASE)
# a request of the customer's granted: their thing approved, raised, unlocked ("Your refund has been approved", "your
# limit has already been raised to 2,000"; "raised" only with what to, as "your complaint was raised with the team"
# hands it on), their money on its way to them ("Your refund of $20 is on the way"), or a step the writer went
# ahead with ("I've gone ahead and refunded the fee"). Not negated ("has not been approved", "hasn't been").
GRANTED = re.compile(
    r"\byour\b[^.!?]*?\b(?:has|have|is|are|was|were)\s+(?:(?:now|already|just|also|been)\s+)*"
    r"(?:approved|granted|increased|extended|upgraded|unlocked|reinstated|reactivated|waived|credited|refunded|"
    r"raised\s+to)\b"
    r"|\byour\s+(?:[\w$€£.,-]+\s+){0,3}?(?:refund|credit|reimbursement|cashback|compensation|payout)s?\b[^.!?]*?\b"
    r"(?:is|are|has\s+been|have\s+been)\s+(?:(?:now|already|just)\s+)?(?:on\s+(?:its|their|the)\s+way\b"
    r"(?!\s+(?:back\s+)?to\s+(?:us|our)\b)|sent|issued|processed|released|paid)\b"
    r"|\b(?:i|we)(?:['’]ve|\s+have)\s+(?:(?:now|already|just)\s+)?(?:gone|went)\s+ahead\s+and\s+\w+ed\b",
    re.IGNORECASE)
# news told as only believed, or still to be decided: "has been approved, I think", "once it has been approved"
_HEDGED_NEWS = re.compile(r"\b(?:think|believe|probably|apparently|once|if|when|until|yet|pending)\b", re.IGNORECASE)



# the news told as news, after opening thanks: "I'm happy to let you know that ...", "We are pleased to inform you
# that ...", "This is to confirm that ...", "We can confirm that ..." (not "We regret to inform you", nor "We would
# like to inform you", which may tell anything)
_INFORMS = re.compile(
    r"[\W_]*(?:(?:i|we)(?:['’]m|['’]re|\s+am|\s+are)\s+(?:(?:so|very|really|most)\s+)?(?:happy|pleased|glad|delighted)"
    r"\s+to\s+(?:inform\s+you|let\s+you\s+know|tell\s+you|confirm|report)"
    r"|(?:this\s+is\s+(?:just\s+)?to\s+|(?:i|we)\s+(?:can\s+(?:now\s+)?|(?:just\s+)?want(?:ed)?\s+to\s+)?)confirm)"
    r"(?:\s+(?:to\s+you|that))*\s+", re.IGNORECASE)
# a step of the writer's done with their thing, in the perfect: "we have now removed your card", "your address has
# been updated", "the limits have been lifted" (a regular past participle, or one of the common irregular ones)
_DONE_PERFECT = re.compile(r"\b(?:has|have)\s+(?:(?:now|already|just|successfully|also|fully)\s+)*"
                           r"(?:been\s+(?:(?:now|already|just|successfully|also|fully)\s+)*)?"
                           r"(?:[a-z]+ed|sent|paid|made|done|set\s+up|put\s+through|taken\s+off)\b", re.IGNORECASE)
# news that hands the request on, or that no one is glad of: "your request has been forwarded to the team", "your
# flight has been cancelled"
_NOT_DONE_NEWS = re.compile(
    r"\b(?:forwarded|passed|escalated|submitted|sent|referred|transferred|raised|assigned|handed)\b[^.!?]*?\bto\b"
    r"|\b(?:cancell?ed|delayed|declined|rejected|refused|denied|suspended|blocked|locked|restricted|terminated|"
    r"closed|lost|damaged|postponed|withdrawn|disabled|deleted|charged|not|n['’]t|never)\b", re.IGNORECASE)


def _informs_of_news_done(body: list[Sentence]) -> bool:
    """The reply tells, after its opening thanks, that the customer's request is done, said as news ("We are pleased
    to inform you that your address has been updated.", "This is to confirm that you have been removed from our
    list."): the news is what they waited for, as after "Great news!". Not a hand-on ("has been forwarded to the
    team"), a receipt, news no one is glad of ("has been cancelled"), nor news only hoped for or still to come."""
    start = _opening_thanks(body)
    if start >= len(body):
        return False
    s = body[start]
    informs = _INFORMS.match(s.text)
    if informs is None or s.cues.apologies or s.text.rstrip(" \"'”’)").endswith("?"):
        return False
    news = s.text[informs.end():]
    if _HEDGED_NEWS.search(news) or _NOT_DONE_NEWS.search(news) or _RECEIPT.search(news):
        return False
    return step_done(news) or GRANTED.search(news) is not None or _DONE_PERFECT.search(news) is not None


# a holding line of a chat, and the purpose it gives: "Please give me a few moments to check.", "Bear with me while I
# look into this", "One moment please", "I'm looking into this now and will be right back with you", "I'm passing
# this chat to our billing team", "Please await a reply." (its purpose runs to the clause's end: "Give me a moment,
# your card was declined" says more)
_WHILE = r"(?:\s*,?\s*(?:to|while|as|so|and|whilst)\s+[^.!?,;:]*)?"
_SPELL = r"(?:a|one|two|a\s+few|a\s+couple(?:\s+of)?|some|\d+|just\s+a|just\s+one)\s+(?:more\s+)?" \
         r"(?:moments?|minutes?|mins?|seconds?|secs?|mo)\b"
_HOLD = re.compile(
    r"(?:please\s*,?\s+)?(?:wait\s+for|await)\s+(?:a|their|our|the|his|her|my)\s+(?:reply|response|answer)"
    rf"|(?:please\s*,?\s+)?(?:give|allow|grant)\s+(?:me|us)\s+(?:just\s+)?{_SPELL}{_WHILE}"
    rf"|(?:please\s*,?\s+)?bear\s+with\s+(?:me|us)(?:\s+(?:for\s+)?{_SPELL})?{_WHILE}"
    rf"|(?:just\s+)?{_SPELL}(?:\s*,?\s*please)?{_WHILE}"
    rf"|(?:please\s*,?\s+)?(?:wait|hold\s+on|hang\s+on|hold)(?:\s+(?:for\s+)?{_SPELL})?{_WHILE}"
    r"|(?:i|we)(?:['’]m|['’]re|\s+am|\s+are)\s+(?:just\s+)?(?:now\s+)?(?:looking\s+into|checking(?:\s+on)?|reviewing|"
    r"investigating|looking\s+at|having\s+a\s+look\s+at)\s+(?:this|that|it|your\s+[\w'’-]+(?:\s+[\w'’-]+)?)"
    r"(?:\s+for\s+you)?(?:\s+(?:right\s+)?now)?"
    r"|(?:and\s+)?(?:(?:i|we)(?:['’]ll|\s+will)\s+|will\s+)be\s+(?:right\s+)?back(?:\s+with\s+you)?"
    r"(?:\s+(?:shortly|soon|in\s+a\s+(?:moment|minute|sec(?:ond)?|few\s+minutes)))?"
    r"|(?:(?:i(?:['’]m|\s+am)|we(?:['’]re|\s+are))\s+(?:now\s+)?|(?:i|we)(?:['’]ll|\s+will)\s+(?:now\s+)?)?"
    r"(?:transferring|passing|forwarding|transfer|pass|forward)\s+(?:you|this\s+chat|the\s+chat|your\s+chat|"
    r"this\s+conversation)\s+(?:over\s+)?to\s+[^.!?,;:]*"
    r"|(?:our|this|the|your)\s+(?:chat|conversation)\s+will\s+(?:now\s+)?be\s+(?:forwarded|transferred|passed)\s+"
    r"(?:over\s+)?to\s+[^.!?,;:]*",
    re.IGNORECASE)
_HOLD_FILLER = re.compile(r"(?:[\W_]|\bplease\b|\bthanks?\b|\bthank\s+you\b|\bfor\s+you\b|\bnow\b)*")


# (_HOLD has no fixed start: a search tries every alternative at every character, 100-500 us a sentence; run only
# on a sentence with a word it needs, as a case-sensitive copy on the lower-cased text)
_HOLD_FOLDED = CaselessRegex(_HOLD, screened=True)


def _holds(s: Sentence) -> bool:
    """A sentence that only holds the chat (``_HOLD``), with nothing else said: "Bear with me while I check." """
    text = normalise(s.text)
    if _HOLD_FOLDED.span(text) is None:
        return False
    return _HOLD_FILLER.fullmatch(_HOLD.sub(" ", text)) is not None


def _only_holds(body: list[Sentence]) -> bool:
    """The reply only holds the chat while the writer checks ("Thanks for your message. Give me a few minutes to look
    into it."), with at most thanks or an introduction beside it: the acknowledgment belongs in the answer that
    follows. (An apology, "Sorry, your card was declined", or any news beside it is judged as a reply.)"""
    # (each sentence read once: the first that is none of these ends it, as in most replies the first one does)
    held = False
    for s in body:
        if _holds(s):
            held = True
        elif not (_introduction(s) or (_thanks_only(s) and not (s.cues.acts or s.cues.apologies))):
            return False
    return held


def _answers_thanks(body: list[Sentence]) -> bool:
    """The reply answers the customer's thanks ("You're welcome! 😊", "Happy to help!") and apologises for nothing:
    their problem is behind them, and there is nothing to acknowledge."""
    return _WELCOME.fullmatch(body[0].text) is not None and not any(_apologies(s) for s in body)


def _acknowledge_instead(body: list[Sentence]) -> str:
    """SK301's suggestion, fitted to what the reply has: an apology already there is told to name what happened, a
    thank-you to say what it heard; else the opening to write."""
    # (patterns, not one case's words: a double charge told to someone pausing a subscription read as pasted)
    if any(_apologies(s) for s in body):
        return ('say in the apology what happened to them and how it landed: "I\'m sorry <what happened>; I know '
                'how much that matters to you"')
    if _thanks_already(body):
        return _SAY_WHAT_YOU_HEARD
    return _ACKNOWLEDGE_FIRST


def _thanks_already(body: list[Sentence]) -> bool:
    """Whether the reply already thanks the customer (a warm "Thanks for ..."): the suggestion builds on it."""
    return any(s.cues.warmth and _THANKS.match(s.text, words_start(s.text)) for s in body)


_SAY_WHAT_YOU_HEARD = ('after the thanks, say what you heard: "Thanks for letting us know; I can see why you\'d want '
                       '<what they asked for>"')


@register
class LateAcknowledgment(Rule):
    """Acknowledgment comes after other content instead of first.

    ## What it does
    Reports a reply whose acknowledgment is not among the first `within` sentences after the
    greeting (for example an apology, a policy or the fix comes first, and "I understand how
    stressful this is" only later). A closing thank-you for the customer's patience ("Thank you
    for your patience.", "We appreciate your patience.") is not the acknowledgment it means. A
    thank-you that opens the reply ("Thanks for sending the photo.") is a courtesy, as the
    greeting is, and is not counted; nor is a short yes or no that answers the customer's
    question first ("No, the charge won't be repeated."), nor the good news told first ("Great
    news, your visa letter is approved!", "Good news: ...", "Happily, ..."): a worried customer
    wants the answer before anything else. An acknowledgment may also open by telling back what happened to the
    customer ("You ordered it for the party and it came broken. That's so disappointing."): the
    facts it is about, not content before it. The acknowledgment slot a script's writer filled
    first is its acknowledgment, whatever words it uses ("Losing access mid-shift is a total
    write-off."), as long as it does nothing else (no fix, step, time frame or apology): an
    apology after it is not reported as the acknowledgment coming second; if the slot names
    neither a feeling nor the situation, SK303 says so at it. Nor is an acknowledgment of unwelcome news told
    just before it ("We can't extend the warranty. I know that isn't the news you wanted."): it can only follow
    the news; content before the news still makes it late.

    In a reviewed transcript the acknowledgment is placed among the agent's turns after the
    customer's first message, which tells the problem: the greeting and "How can I help?" sent
    before it do not count, nor does a turn that only asks the customer something ("Could you
    send me your order number?") before the turn with the acknowledgment. An acknowledgment that takes up what
    the customer has just written ("...and my meeting starts in 20 minutes", then "That sounds so stressful with
    the meeting so close.") is placed in the agent's answer to it: it could not have come sooner. One that takes
    up none of it ("seriously?", then "I understand how stressful the wait is.") is still placed after what the
    agent wrote since the customer's first message.

    ## Why it matters
    Order matters: the customer reads the first sentence as the answer to "did they hear
    me?". Put the recognition of their feelings first, and the help straight after it.

    ## Example
    ```
    Refunds take 5-7 days to process. I understand how stressful the wait is.
    ```

    ## Use instead
    ```
    I understand how stressful the wait is. Refunds take 5-7 days, and I've started yours today.
    ```

    ## Options
    - `within` (integer, default 1): how many body sentences may come before the acknowledgment.

    ## Fix safety
    No automatic fix: moving sentences changes how the reply reads.
    """

    code = "SK302"
    name = "late-acknowledgment"
    severity = Severity.WARNING
    options: ClassVar[Mapping[str, Any]] = {"within": 1}
    bad_examples = (
        Example.of(acknowledgment="Refunds take 5-7 days to process. I understand how stressful the wait is.",
                   solution="I've started yours today."),
    )
    good_examples = (
        Example.of(acknowledgment="I understand how stressful the wait is.",
                   solution="Refunds take 5-7 days, and I've started yours today."),
    )

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        # (a sentence that mostly quotes the customer, 'You wrote: "I've been charged twice."', is their words told
        # back, not the reply's first word)
        quoted = quoted_spans(message.text)
        body = [s for s in body_sentences(message) if not (quoted and _mostly_quoted(quoted, s))]
        turns = reply_turns(message) if ctx.pack is None else ()
        if turns:
            body = _after_the_problem(body, turns)
        first = _first_acknowledging(body)
        if first and _thanks_only(body[first]):
            # (a thank-you for the customer's patience acknowledges the wait, but after other content it
            # closes the reply: moving it to the top would not help, so the next acknowledgment is judged)
            first = next((i for i, s in enumerate(body) if s.cues.acknowledges and not _thanks_only(s)), None)
        answered = False
        if turns and first:
            body, first, answered = _from_the_answer(message, body, first, turns)
        within = options.integer(type(self), ctx, "within", 1)
        courtesy = _opening_courtesy(body[:first]) if first else 0
        if first is None or first - courtesy < within:
            return
        if first - courtesy == within and _REACTS_TO_THE_NEWS.search(body[first].text):
            return  # ("We can't extend the warranty. I know that isn't the news you wanted.": it can only follow it)
        if all(_restates(s) for s in body[courtesy:first]):
            return  # (the acknowledgment opens by telling back what happened to them, then how it feels)
        if all(_writers_acknowledgment(s) for s in body[courtesy:first]):
            return  # (the writer's acknowledgment slot comes first; whether it names enough is SK303's to say)
        ack = body[first]
        if ctx.pack is None and _opens_an_answer_to_a_quote(message, ack):
            return  # (a reply written as answers under the customer's quoted lines: it comes first where it belongs)
        # (quoted: the first sentence of content before it, not the opening thanks it may follow rightly)
        where = ("in the agent's answer to what the customer wrote before it" if answered
                 else "in the agent's turns after the customer's first message" if turns else "in the reply")
        yield Finding(ack.start, ack.end,
                      f"the acknowledgment comes {ordinal(first + 1)} {where}, after "
                      f'"{clipped(body[courtesy].text)}"',
                      suggestion="move the acknowledgment to the start, before apologies, policy or the fix")


# an acknowledgment of the unwelcome news just told: "I know that's not the answer you were hoping for", "that isn't
# the news you wanted"
_REACTS_TO_THE_NEWS = re.compile(r"\bnot\s+the\s+(?:answer|news|outcome|result|reply|update)\s+(?:you|anyone)\b"
                                 r"|\b(?:that|this|it)\s+(?:isn['’]t|is\s+not|wasn['’]t|was\s+not)\s+the\s+"
                                 r"(?:answer|news|outcome|result|reply|update)\b", re.IGNORECASE)


def _opens_an_answer_to_a_quote(message: Message, s: Sentence) -> bool:
    """Whether sentence ``s`` of a reviewed reply opens the answer to a line quoted from the customer ("> I'm fed up,
    this is the second time." then "I completely understand why you're fed up..."): in the text reviewed it starts
    its line, and the nearest line above it with words is a "> " quote. A reply written as answers under the
    customer's questions puts each answer under the question it answers; the acknowledgment of a complaint quoted
    third is not late for coming third."""
    run = message.literal_run(s.start, s.start + 1)
    if run is None or run[2] is None:
        return False
    at, text = run[0], run[2].text
    line = text.rfind("\n", 0, at) + 1
    if text[line:at].strip():
        return False  # (it follows another sentence on its line)
    while line > 0:
        above = text.rfind("\n", 0, line - 1) + 1
        said = text[above:line].strip()
        if said:
            return said.startswith(">")
        line = above
    return False


def _after_the_problem(body: list[Sentence], turns: tuple[ReplyTurn, ...]) -> list[Sentence]:
    """The sentences of a transcript's agent turns that may come before its acknowledgment: those after the
    customer's first message (which tells the problem; the greeting and "How can I help?" sent before it are
    not content before the acknowledgment), less the turns before the acknowledgment's that only ask the customer
    something ("Could you send me your order number?"): the customer answers, and what the agent writes next is
    the first they write knowing the problem. A transcript in which the customer never wrote before the agent is
    judged whole."""
    first = next((i for i, t in enumerate(turns) if t.answers), None)
    if first is None:
        return body
    kept: list[Sentence] = []
    heard = False  # (an acknowledgment is kept: the turns after it are kept whole)
    i = 0
    for turn in turns[first:]:  # (the sentences and the turns in order: one walk through both)
        while i < len(body) and body[i].start < turn.start:
            i += 1
        said = []
        while i < len(body) and body[i].start < turn.end:
            said.append(body[i])
            i += 1
        heard = heard or any(s.cues.acknowledges for s in said)
        if heard or not all(_only_asks(s) for s in said):
            kept += said
    return kept


def _from_the_answer(message: Message, body: list[Sentence], first: int,
                     turns: tuple[ReplyTurn, ...]) -> tuple[list[Sentence], int, bool]:
    """``body`` and the index of its acknowledgment ``body[first]`` measured from the agent's turn that answers the
    customer's latest message before it, where the acknowledgment takes up words of that message ("...and I have a
    meeting in 20 minutes" then "That sounds so stressful with a meeting so close."): it answers what the customer
    just said, and could not have come sooner. One that takes up nothing of it ("seriously?" then "I understand how
    stressful the wait is.") hears the problem told at first, after what the agent wrote before; it is measured as
    before. The third value: whether it was measured from the answer."""
    ack = body[first]
    at = max((i for i, t in enumerate(turns) if t.start <= ack.start), default=0)
    while at > 0 and not turns[at].answers:
        at -= 1  # (the agent's second message in a row goes on with the answer begun before it)
    if at == 0 or not turns[at].answers:
        return body, first, False
    said = _customer_lines(message, turns[at - 1], turns[at])
    if not said or not _takes_up(ack.text, said):
        return body, first, False
    kept = next((i for i, s in enumerate(body) if s.start >= turns[at].start), first)
    return body[kept:], first - kept, True


def _customer_lines(message: Message, before: ReplyTurn, after: ReplyTurn) -> str:
    """What the other speakers wrote between two agent turns of a transcript judged as one reply ("" where the
    turns are not found written in it)."""
    end, start = message.literal_run(before.end - 1, before.end), message.literal_run(after.start, after.start + 1)
    if end is None or start is None or end[2] is None or end[2] is not start[2]:
        return ""
    from scriptkit.transcript import turns  # (a transcript's reply only)

    text = end[2].text
    found = turns(text) or []
    return "\n".join(t.said if t.said is not None else text[t.start:t.end]
                     for t in found if t.start >= end[1] and t.end <= start[0])


_WORD = re.compile(r"[a-z][a-z'’]{3,}")
# words any acknowledgment or message may hold: sharing them is not taking up what the customer said
_COMMON_WORDS = """that this with have been just your what when will from they them there their about would could
should really very still please thanks thank sorry know here again because sure much such some into than then also
only even more most understand sounds hear feel feeling totally completely absolutely can't don't it's that's i've
you've you're we're i'm we've isn't wasn't doesn't didn't haven't hasn't must being going make made thing things
something anything time right well like need want okay"""
_COMMON = frozenset(_COMMON_WORDS.split())


def _stems(text: str) -> set[str]:
    return {w[:5] for w in _WORD.findall(text.lower().replace("’", "'")) if w not in _COMMON}


def _takes_up(acknowledgment: str, said: str) -> bool:
    """Whether ``acknowledgment`` shares a word (its first five letters) with what the customer ``said``, beyond
    the words any message holds: "a meeting so close" takes up "a client meeting in 20 minutes"."""
    return not _stems(acknowledgment).isdisjoint(_stems(said))


def _only_asks(s: Sentence) -> bool:
    """A question to the customer with no apology in it ("Could you send me your order number so I can take a
    look?")."""
    return s.text.rstrip(" \"'”’)").endswith("?") and not s.cues.apologies


def _mostly_quoted(quoted: list[tuple[int, int]], s: Sentence) -> bool:
    """Whether half or more of sentence ``s`` is inside the quotations ``quoted`` (``quoted_spans`` of its text)."""
    inside = sum(min(b, s.end) - max(a, s.start) for a, b in quoted if a < s.end and b > s.start)
    return inside * 2 >= s.end - s.start


_THANKS = re.compile(r"[\W_]*(?:many\s+|big\s+)?(?:thanks|thank\s+you)\b", re.IGNORECASE)
# ... and thanks said as appreciation ("We appreciate your patience.", "I really appreciate you waiting"), which
# closes or opens a reply as a thank-you does
_GRATITUDE = re.compile(r"[\W_]*(?:(?:many\s+|big\s+)?(?:thanks|thank\s+you)|(?:i|we)\s+(?:(?:really|truly|greatly|"
                        r"genuinely|sincerely|deeply|so|do|very\s+much|certainly)\s+){0,2}appreciate)\b", re.IGNORECASE)


# "No, the charge won't be repeated.": the answer to the customer's yes/no question, which they are
# waiting for; one short sentence, then the acknowledgment
_ANSWER = re.compile(r"\s*(?:yes|no|yep|nope|yeah)\s*(?:[,.!:;]|\s[-–—])", re.IGNORECASE)
_ANSWER_WORDS = 15


def _opening_courtesy(lead: list[Sentence]) -> int:
    """How many of the sentences before the acknowledgment are not content: a yes or no that answers
    the customer's question first, or the good news they are waiting for ("Great news, your visa letter is
    approved!"), and opening thanks."""
    first = lead[0].text if lead else ""
    answer = 1 if first and _ANSWER.match(first, words_start(first)) and len(first.split()) <= _ANSWER_WORDS else 0
    if not answer:
        answer = _good_news(lead)
    return answer + _opening_thanks(lead[answer:])


# The writer saying who they are, and nothing else: "I'm Sam from the billing team.", "My name is Sam and I'll be
# helping you today.", "Sam here, from Orders." A courtesy, as a greeting is; with anything more in the sentence
# ("I'm Sam and I've refunded you") it does not match whole, and is content. (The name is capitalised, case and all:
# "I'm sorry" is no name.)
_NAME = r"(?-i:[A-Z][\w'’-]*)(?:\s+(?-i:[A-Z][\w'’-]*))?"
_TEAM = r"(?:,\s*|\s+)(?:from|with|at|on|in)\s+(?:the\s+|our\s+)?[\w&'’-]+(?:\s+[\w&'’-]+){0,3}?"
_HELPING = (r"(?:,\s*|\s+)(?:and\s+)?(?:i['’]ll|i\s+will|i['’]m\s+going\s+to|i\s+am\s+going\s+to|i['’]m|i\s+am)\s+"
            r"(?:be\s+)?(?:helping|help|assisting|assist|looking\s+after|taking\s+care\s+of|here\s+to\s+help)"
            r"(?:\s+(?:you|with\s+(?:this|that|your\s+\w+(?:\s+\w+)?)|your\s+\w+(?:\s+\w+)?))?"
            r"(?:\s+(?:today|now|with\s+(?:this|that)))?")
_INTRODUCTION = re.compile(
    rf"[\W_]*(?:(?:i['’]m|i\s+am|my\s+name\s+is|this\s+is)\s+{_NAME}|{_NAME},?\s+here)"
    rf"(?:{_TEAM})?(?:{_HELPING})?[\s.!]*", re.IGNORECASE)


def _introduction(s: Sentence) -> bool:
    """A sentence in which the writer only says who they are (``_INTRODUCTION``; its "today" in "I'll be helping you
    today" times no step)."""
    return _INTRODUCTION.fullmatch(s.text) is not None


def _good_news(lead: list[Sentence]) -> int:
    """How many sentences at the start of ``lead`` tell the good news first: one that opens upbeat ("Great news,
    your visa letter is approved!", "Good news: ...", "Happily, ...") and apologises for nothing, and the news
    after a lead-in said alone ("Good news! Your refund is approved."). The customer waits for it more than for
    anything; how they felt may follow it."""
    if not lead or not lead[0].cues.lead_in or lead[0].cues.apologies:
        return 0
    first = lead[0]
    alone = not first.text[first.cues.lead_in:].strip(" \t\n!.:;,-\u2013\u2014")
    return 2 if alone and len(lead) > 1 and not lead[1].cues.apologies else 1


def _restates(s: Sentence) -> bool:
    """A sentence that tells the customer back what happened to them ("You ordered it for your daughter's
    birthday and it turned up smashed."): it is about them and their situation, and nothing in it acts,
    apologises, asks or times a step. An acknowledgment that opens so has not come second: the feeling
    follows the facts it is about. ("Your order has been reshipped." does something: the fix came first.)"""
    c = s.cues
    if not (c.second_person and c.situation) or _ABOUT_THEM.match(s.text, words_start(s.text)) is None or (
            c.ownership or c.time_frames or c.apologies or c.advice or c.imperative or c.asks):
        return False
    # (an action the customer took is what happened to them: "You booked the table...", "you cancelled it"; and
    # one in the words they wrote, quoted, is theirs: 'You wrote "calm down and just refund me".')
    text = normalise(s.text)
    quoted = quoted_spans(s.text)
    return all(_THEIR_ACTION.search(text, max(0, a - 40), a) or in_quotation(quoted, a, b) for a, b in c.actions)


def _writers_acknowledgment(s: Sentence) -> bool:
    """A sentence of the acknowledgment slot the writer filled ("Losing access mid-shift is such a headache."),
    telling of the customer or what happened to them (not reassurance: "Nobody can see your card details."),
    that does nothing else: no fix, step, time frame,
    apology, advice or question. Whatever cue it lacks, it is the acknowledgment the writer put first, not
    content before one ("Refunds take 5-7 days." in that slot times a step: content)."""
    c = s.cues
    if s.slot != "acknowledgment" or s.inferred or not (
            c.feelings or _ABOUT_THEM.match(s.text, words_start(s.text))
            or (c.second_person and _WHAT_HAPPENED.match(s.text, words_start(s.text)))) or (
            c.ownership or c.time_frames or c.apologies or c.advice or c.imperative or c.asks):
        return False
    text = normalise(s.text)  # (an action the customer took is what happened to them: "you wrote on Monday")
    return all(_THEIR_ACTION.search(text, max(0, a - 40), a) for a, _ in c.actions)


# what happened to them as the subject, told to judge it: "Losing access to your dashboard mid-shift is ...",
# "Waiting three weeks for your refund is ...", "Having your card declined at the till is ..."
_WHAT_HAPPENED = re.compile(r"[\W_]*[A-Za-z]+ing\s", re.IGNORECASE)


# the customer doing the action that follows: "you booked", "you've cancelled", "you had already sent"
_THEIR_ACTION = re.compile(r"\byou(?:['’]ve|['’]d|\s+have|\s+had)?\s+(?:already\s+|just\s+|even\s+)?$", re.IGNORECASE)
# the customer as the sentence's subject, telling what they did or went through ("You ordered...", "Your parcel
# turned up..."): not what they will or may do next ("You'll get...", "You can..."), and not a sentence about
# someone else that names their things ("Nobody can see your card details": reassurance, content before it)
_ABOUT_THEM = re.compile(r"[\W_]*(?:you(?:['’](?:ve|re|d))?|your)\b"
                         r"(?!['’]ll|\s+(?:will|can|could|may|might|should|need|must|would)\b)", re.IGNORECASE)


def _thanks_for_waiting(s: Sentence) -> bool:
    """"Thanks for your patience!": it counts for SK301, but names no feeling to be vague about."""
    return bool(s.cues.thanks_for_waiting) and not s.cues.feelings


def _thanks_for(s: Sentence) -> bool:
    """A thank-you for what the customer did ("Thanks for letting me know.", "Thank you for flagging this"), with no
    other stance and no feeling in it: warm language, as a thank-you for waiting is, and nothing to be vague about
    (a stiff "Thank you for bringing this to our attention", rewritten so by SK201, must not become a finding)."""
    c = s.cues
    return bool(c.acknowledgment) and not c.feelings and all(_GRATITUDE.match(s.text, a) for a, _ in c.acknowledgment)


def _thanks_only(s: Sentence) -> bool:
    """A thank-you ("Thanks for your patience.", "We appreciate your patience.") that names no feeling."""
    return not s.cues.feelings and _GRATITUDE.match(s.text, words_start(s.text)) is not None


def _opening_thanks(lead: list[Sentence]) -> int:
    """How many of the sentences before the acknowledgment are opening thanks ("Thanks for the
    photo.", "Thank you for the detailed report, it really helped.") or the writer's introduction ("I'm Sam
    from the billing team."): a courtesy, not content, unless the thanks carries the fix ("Thanks for waiting,
    I've refunded you")."""
    count = 0
    for s in lead:
        if _introduction(s):
            count += 1
            continue
        if not _GRATITUDE.match(s.text, words_start(s.text)) or s.cues.acts or s.cues.apologies:
            break
        count += 1
    return count


@register
class VagueAcknowledgment(Rule):
    """Acknowledgment names neither a feeling nor the customer's situation.

    ## What it does
    Reports an acknowledgment ("I understand.", "I hear you.", "I understand your concern.")
    that names neither what the customer feels (frustrated, worried, disappointed...) nor what
    happened to them (the late parcel, the double charge, the hours on hold). A thank-you for
    the customer's patience ("Thanks for waiting while I looked into it!", "I appreciate your
    patience.") or for telling you ("Thanks for letting me know.") is warm language, not an
    acknowledgment that could be vague, and is not judged here; an acknowledgment after it is.
    Nor is a reply that only thanks the customer for praise (as SK301 leaves it alone): "Thank
    you for the kind words about Leo! I'll pass them on, and I know it will make his week."

    ## Why it matters
    A generic "I understand" is what every script says; it proves nothing was read. Naming the
    feeling or the situation shows the customer that you actually heard them.

    ## Example
    ```
    I understand your concern.
    ```

    ## Use instead
    ```
    I understand how worrying it is to see a charge you don't recognise.
    ```

    ## Options
    None.

    ## Fix safety
    No automatic fix: the feeling and situation are the writer's to name.
    """

    code = "SK303"
    name = "vague-acknowledgment"
    severity = Severity.WARNING
    bad_examples = (
        Example.of(acknowledgment="I understand your concern.", solution="I've refunded the charge today."),
        Example.of(acknowledgment="I hear you.", solution="I've refunded the charge today."),
    )
    good_examples = (
        Example.of(acknowledgment="I understand how worrying it is to see a charge you don't recognise.",
                   solution="I've refunded the charge today."),
        Example.of(acknowledgment="I hear you: waiting three weeks for a refund is too long.",
                   solution="I've refunded the charge today."),
    )

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        body = body_sentences(message)
        group = acknowledgment_group(body)
        acknowledging = [s for s in group if s.cues.acknowledges and not _thanks_for_waiting(s) and not _thanks_for(s)]
        if not acknowledging:
            # the writer's acknowledgment slot, first in the reply, that no cue reads as one while a later
            # sentence acknowledges (so SK301 is silent, and SK302 leaves the slot where the writer put it)
            acknowledging = [s for s in group[:1] if _writers_acknowledgment(s) and s is body[0]
                             and any(t.cues.acknowledges for t in body)]
        if not acknowledging or only_thanks_for_praise(message):
            return  # nothing acknowledges at all (SK301's finding), or only a thank-you for waiting, or for praise
        if any(s.cues.names_feeling or s.cues.names_situation or _owns_the_slip(s) for s in group):
            return
        s = acknowledging[0]
        # (the example names no case of its own: a parcel's beside a sync problem read as pasted)
        yield Finding(s.start, s.end, f'the acknowledgment "{clipped(s.text)}" names neither a feeling nor the '
                                      "customer's situation",
                      suggestion='name one, ideally both: "I can see how frustrating it is that <what happened to '
                                 'them>"')


# the writer owning the slip: "That's on us", "our mistake", "we dropped the ball", "I got that wrong", "we let you
# down": it says whose the failure was, which is specific enough (not "that's not on us", a refusal of it)
_OWNS_THE_SLIP = re.compile(
    r"\b(?:(?:that|this|it|which)(?:['’]s|\s+is|\s+was|\s+one['’]s)\s+(?:(?:all|entirely|completely|totally|squarely|"
    r"really)\s+)?on\s+(?:me|us)\b|(?<!not\s)(?<!n['’]t\s)\b(?:my|our)\s+(?:own\s+)?(?:fault|mistake|error|bad|slip(?:-up)?)\b"
    r"|\b(?:i|we)(?:['’]ve|\s+have)?\s+(?:(?:really|clearly|completely|totally|badly)\s+)?(?:got|gotten)\s+(?:this|that|it)"
    r"\s+(?:badly\s+)?wrong\b|\b(?:i|we)(?:['’]ve|\s+have)?\s+(?:(?:really|clearly)\s+)?(?:let\s+you\s+down|dropped\s+the\s+"
    r"ball|messed\s+(?:this\s+|that\s+|it\s+)?up|slipped\s+up|made\s+(?:a|an)\s+(?:[a-z]+\s+)?(?:mistake|error|mess)))",
    re.IGNORECASE)


def _owns_the_slip(s: Sentence) -> bool:
    return bool(s.cues.acknowledgment) and _OWNS_THE_SLIP.search(s.text) is not None


@register
class SympathyWithoutAction(Rule):
    """Sympathy with no validation and no help.

    ## What it does
    Reports a reply that says sorry ("I'm sorry that happened") but neither validates the
    customer's feeling ("that must have been so frustrating") nor offers help (an owned next
    step, a promise of yours ("I'll keep an eye on it", "we'll let the courier know"; not "I'll be
    honest", "we'll have to wait and see" or "we will continue to improve"), an instruction, a
    time frame, a step already taken told as news ("Your package left our warehouse today and
    should arrive Friday."; not "We got your message."), the thing they need handed over
    ("Here's 50% off your next order", "Here's the right one: SPRING20."; not an explanation:
    "Here's what happened: ..."), or a question to the customer about their problem, whether or
    not it says "you": "Is it the app or the website?"; not one that only offers more help, "Is
    there anything else I can help you with?", nor one that asks nothing, "What more can I
    say?"). A "sorry" in another sense is no sympathy: asking again ("Sorry, what was the order
    number?"), saying goodbye ("We're sorry to see you go!") or
    interrupting ("Sorry to bother you, ..."); nor is one quoted from someone else.

    ## Why it matters
    Sympathy alone can feel shallow or dismissive: it pities instead of connecting, and
    leaves the customer where they were. Empathy names the feeling and then acts: "That
    sounds exhausting, and I want to get it sorted for you today."

    ## Example
    ```
    I'm sorry that happened.
    ```

    ## Use instead
    ```
    I can see how frustrating that was. Let me reset your password for you now.
    ```

    ## Options
    None.

    ## Fix safety
    No automatic fix.
    """

    code = "SK304"
    name = "sympathy-without-action"
    severity = Severity.WARNING
    bad_examples = (
        Example.of(acknowledgment="I'm sorry that happened.", solution="Thanks for your message."),
    )
    good_examples = (
        Example.of(acknowledgment="I'm sorry that happened, and I can see how frustrating it was.",
                   solution="Let me reset your password for you now."),
        Example.of(acknowledgment="I'm sorry that happened.", solution="I'll reset your password for you today."),
        Example.of(acknowledgment="I'm sorry that happened.", solution="Is it the app or the website?"),
        Example.of(acknowledgment="Sorry about the wrong link!", solution="Here's the right one: example.com/reset."),
        Example.of(acknowledgment="So sorry for the wait!",
                   solution="Your package left our warehouse today and should arrive Friday."),
    )

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        body = body_sentences(message)
        sorry = [s for s in body if _apologies(s)]
        if not sorry:
            return
        validates = any(s.cues.feelings or _validates(s) for s in body)
        helps = any((s.cues.acts and not offers_more_help(s)) or asks_about_it(s) or hands_over(s.text)
                    or step_done(s.text) or promises_help(s.text) for s in body)
        if validates or helps:
            return
        s = sorry[0]
        yield Finding(s.start, s.end, "sympathy without empathy or action: the reply says sorry but neither "
                                      "validates the feeling nor offers help",
                      suggestion='name the feeling and act: "I can see how frustrating that was. Let me fix it now."')


# the writer promising to do something ("I'll keep an eye on it", "we'll let the courier know", "I'll keep you
# posted", "we'll be monitoring it"): help offered, though no step the customer can picture (SK402 asks for that).
# Not a promise of nothing: a manner of speaking or a feeling ("I'll be honest", "I'll always remember"), a duty or
# refusal ("we'll have to wait", "we will not be able to"), a vow to do better in general ("we will continue to
# improve", "we'll strive to", "we'll take it on board"), nor an offer of more help ("we'll be happy to help with
# anything else")
_PROMISES = re.compile(
    r"\b(?:i|we)(?:['’]ll|\s+(?:will|shall)|(?:['’]m|['’]re|\s+am|\s+are)\s+going\s+to)\s+"
    r"(?:(?:also|personally|definitely|certainly|then|now|just|happily|gladly|closely)\s+)*"
    r"(?:be\s+(?:(?:also|closely|personally)\s+)?(?!(?:having|hoping|feeling|waiting|thinking|wondering|missing)\b)"
    r"[a-z]+ing\b|be\s+(?:back\s+)?in\s+touch\b|"
    r"(?!(?:be|have|need|not|never|always|feel|know|understand|see|hear|imagine|think|believe|hope|wish|want|love|"
    r"like|appreciate|apologi[sz]e|regret|remember|miss|say|admit|continue|strive|endeavou?r|aim|work|improve|learn|"
    r"do|help|assist|support|leave|close)\b)"
    # (feedback "taken on board" or "into account" changes nothing for this customer)
    r"(?!take\s+(?:[\w'’]+\s+){0,3}?(?:on\s+board|into\s+(?:account|consideration))\b)[a-z]+\b)",
    re.IGNORECASE)


def promises_help(text: str) -> bool:
    """A promise of the writer's to do something about the problem (``_PROMISES``: "I'll keep an eye on it"), in a
    sentence that does not only offer more help."""
    return _PROMISES.search(text) is not None and _OFFER_ONLY.search(text) is None


# a question that only offers more help ("Is there anything else I can help you with?") moves nothing on
_OFFER_ONLY = re.compile(r"\banything\s+else\b|\bany\s+(?:other|more|further)\b|\bany\s+questions?\b", re.IGNORECASE)
# ... nor does one that asks nothing: "What more can I say?", "what did you expect?", a tag ("..., okay?"), or the
# writer's own "why", answered next ("Why is it late? The van broke down.")
_ASKS_NOTHING = re.compile(r"\b(?:who\s+knew|what\s+(?:else|more)\s+(?:can|could|is\s+there\s+to)\s+(?:i\s+|we\s+)?"
                           r"(?:say|do)|what\s+(?:did|do|were)\s+you\s+expect(?:ing)?)\b"
                           r"|(?:^|[,;]\s*)(?:right|ok(?:ay)?|alright|all\s+right|eh|yeah|agreed)\s*\?+\W*$",
                           re.IGNORECASE)
_WHY = re.compile(r"[\W_]*why\b", re.IGNORECASE)


def offers_more_help(s: Sentence) -> bool:
    """A question that only offers more help: "Is there anything else I can help with?" names a step of the writer's
    ("I can help"), but on nothing the customer asked."""
    return s.cues.asks and _OFFER_ONLY.search(s.text) is not None


def asks_about_it(s: Sentence) -> bool:
    """A question put to the customer about their problem ("Is it the app or the website?", "Sorry to hear that,
    is it the layout or the speed?", "can I ask if it's the layout or the speed?"): the first step of the help, as a
    step of the writer's is, and what happens next (they answer). It need not say "you": the question is theirs to
    answer. Not one that only offers more help ("Is there anything else I can help you with?"), nor one that asks
    nothing ("What more can I say?", "..., okay?", the writer's own "Why is it late?")."""
    c = s.cues
    return c.asks and _OFFER_ONLY.search(s.text) is None and _ASKS_NOTHING.search(s.text) is None and (
        c.second_person or _WHY.match(s.text, words_start(s.text)) is None)


# the item handed over, named: "Here's the right one: SPRING20.", "here is your new code", "Here you go: ...", "here
# are the steps again", "Please find the corrected invoice attached". Not "Here's hoping", "here's to ...", "Here's
# what happened", "Here's the thing", "Here's the deal: we can't do anything", "Here's an update": a wish, a toast or
# an explanation gives them nothing, so the thing after "here's" must be an item (with up to two words before it)
_HANDED_ITEMS = (r"codes?|links?|labels?|numbers?|invoices?|receipts?|vouchers?|coupons?|passwords?|steps?|"
                 r"instructions?|guides?|forms?|address(?:es)?|details|info(?:rmation)?|one|ones|cop(?:y|ies)|replacements?|files?|"
                 r"documents?|references?|confirmations?|discounts?|credits?|keys?|pins?|urls?|pages?|articles?|"
                 r"emails?|tracking|bookings?|tickets?|lists?|screenshots?|attachments?|videos?|downloads?|"
                 r"certificates?|statements?|quotes?|options?|alternatives?|tutorials?|templates?|apps?|portal|"
                 r"usernames?|refunds?")
_HANDS_OVER = re.compile(
    r"\bhere\s+(?:you\s+go|it\s+is|they\s+are)\b"
    r"|\bhere(?:['’]s|['’]re|\s+(?:is|are))\s+(?:(?:your|the|a|an|my|our|that|this|these|those|some)\s+)?"
    r"(?:(?!(?:with|about|on|for|of|to|what|why|how|that)\b)[\w'’-]+\s+){0,2}?(?:" + _HANDED_ITEMS + r")\b"
    r"|\bplease\s+find\s+(?:[\w'’-]+\s+){0,4}?(?:attached|below|enclosed)\b"
    # an amount given: "Here's 50% off your next order", "here is a $20 credit for the trouble"
    # (the amount's noun ends its phrase: not "Here is a $20 refund policy explanation")
    r"|\bhere(?:['’]s|\s+is)\s+(?:an?\s+(?:extra\s+)?)?(?:\d+(?:\.\d+)?\s?%|[£$€]\s?\d+(?:\.\d+)?)\s+"
    r"(?:off|credit|discount|refund|voucher|back)\b(?!\s+(?!(?:for|on|off|to|towards?|in|as|from|at|with|your|and|"
    r"so|now|today)\b)[a-z])", re.IGNORECASE)
# a thing only wished or imagined handed over: "I wish I could say here's 50% off, but I can't"
_UNREAL = re.compile(r"\b(?:wish|if\s+only|(?:could|would)(?:\s+(?:love\s+to|like\s+to))?\s+say|imagine)\b[^.!?]*$",
                     re.IGNORECASE)


def hands_over(text: str) -> bool:
    """Whether ``text`` hands the customer the thing they need ("Here's the right one: SPRING20.", "Here you go:
    example.com/reset", "Please find the invoice attached"): help given, with nothing left for anyone to do."""
    return any(_UNREAL.search(text, max(0, m.start() - _UNREAL_REACH), m.start()) is None
               for m in _HANDS_OVER.finditer(text))


_UNREAL_REACH = 80  # characters before "here's" where its "I wish I could say" may stand


def step_done(text: str) -> bool:
    """A step already taken, told as news ("Your package left our warehouse today and should arrive Friday."):
    help given, though the sentence names nobody (SK403 reads it so too)."""
    from scriptkit.rules.solution import finished  # (solution reads this module's phrases: imported when asked)
    return finished(text) and _RECEIPT.search(text) is None


# the customer's message received or read: a step done, but no help ("We got your message.", "Your ticket has been
# received")
_RECEIPT = re.compile(r"\b(?:received|got|gotten|noted|read|seen|logged|registered|acknowledged)\s+(?:your|the)\s+"
                      r"(?:[\w'’-]+\s+)?(?:message|e-?mail|request|ticket|complaint|query|enquiry|inquiry|note|"
                      r"feedback|letter|call|reply|chat|question|case)s?\b"
                      r"|\b(?:message|e-?mail|request|ticket|complaint|query|enquiry|inquiry|feedback|case)s?\s+"
                      r"(?:has|have|was|were)\s+(?:been\s+)?(?:received|noted|logged|registered|read|acknowledged)\b",
                      re.IGNORECASE)


def _validates(s: Sentence) -> bool:
    return pattern("validation").search(s.text)


# "No need to apologise!", "you don't have to apologise", "no apology needed", "nothing to be sorry about": the
# word, but nobody is sorry. Only words that say no apology is owed come between: "There is no excuse and sorry
# again", "You had no reply so sorry about that" are apologies, as they are with a comma
_DECLINED = re.compile(r"\b(?:no|don't|do\s+not|never|nothing)(?:\s+(?:need|needs|needed|have|has|got|to|be|say|"
                       r"feel|ever|any|reason|call|cause|must|should|for|an|a|you|ya)){0,3}\s*$", re.IGNORECASE)


def _apologies(s: Sentence) -> tuple[tuple[int, int], ...]:
    """The apologies of a sentence (spans in its normalised text), less any that "no need to" declines, that
    says sorry in another sense ("Sorry, what was the order number?", "We're sorry to see you go!", "Sorry to
    bother you") or that is quoted ('You said "sorry isn't enough"')."""
    found = s.cues.apologies
    return _undeclined(s.text, found) if found else ()


@lru_cache(maxsize=16_384)  # three rules ask about the same sentences, and stock ones recur
def _undeclined(sentence: str, found: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    text = normalise(sentence)
    quoted = quoted_spans(sentence)
    # (the declining words are at most four before the apology: reading only that far back keeps a long
    # sentence of many apologies linear, where reading from its start each time took minutes)
    return tuple(span for span in found if not _DECLINED.search(text, max(0, span[0] - _DECLINED_REACH), span[0])
                 and not _OTHER_SORRY.match(text, span[0]) and not _pardon(text, span[0])
                 and not in_quotation(quoted, *span))


# "sorry" that is no sympathy: leaving ("We're sorry to see you go!", "sorry to lose you") and a polite
# interruption ("Sorry to bother you, could you ..."); not "sorry to see you go through this", which is
_OTHER_SORRY = re.compile(r"sorry\s+to\s+(?:see\s+you\s+(?:go|leave)|lose\s+you|hear\s+(?:that\s+)?you(?:'re|\s+are)\s+"
                          r"leaving|(?:bother|trouble|disturb|interrupt|chase)\s+you)\b"
                          r"(?!\s+(?:through|thru|into|without|back|on|down)\b)", re.IGNORECASE)
# "Sorry, what was the order number?": the bare "sorry" that opens a question asks the customer to say it again
_PARDON = re.compile(r"[\W_]*(?:(?:oh|oops|ah)\W+)?sorry\s*(?:[,\u2013\u2014-]|\.{3}|\u2026)", re.IGNORECASE)


_PARDON_REACH = 12  # characters before the "sorry" of a pardon: "Oh, " or "Oops! " and quotes


def _pardon(text: str, at: int) -> bool:
    """Whether the apology at ``at`` is the bare "Sorry," that opens a question: "Sorry, what was the order
    number?", "Sorry, could you send the photo again?" ("I'm sorry, could you..." apologises; "Sorry for the
    wait, could you..." too)."""
    lead = words_start(text)  # (past an emoji or a bullet: "🙋 Sorry, what was ...")
    if at > _PARDON_REACH or text[lead:at].strip(" \t\n\"'(,.!-").lower() not in ("", "oh", "oops", "ah"):
        return False
    m = _PARDON.match(text, lead)
    return m is not None and m.end() > at and text.rstrip(" \t\n\"')").endswith("?")


_DECLINED_REACH = 160  # characters: "do not" and three words, with room for long ones


@register
class DismissiveLanguage(Rule):
    """Dismissive, minimising or blaming language.

    ## What it does
    Finds phrases that dismiss the customer's feeling ("calm down"), talk down to them ("as I already said", "As
    explained, ...", "obviously", "That's not how the app works"), shrink their problem ("just simply", "it's not a big
    deal"), blame them ("you should have", "you failed to"), hide behind policy ("per our policy", "As per our
    contributing guidelines", "that is our policy", "unfortunately there is nothing further we can do"), set the records
    against their word ("our records show it was delivered", "according to our records, the parcel was delivered", "it
    was delivered according to our records"; not good news from them, "our system shows your refund went through") or
    declare their problem no problem ("this is working as intended"). It hears blame dressed as help too: advice as a
    telling-off ("Next time, please make sure you enter the right address", "In future, please read our emails"; not a
    tip, "Next time, check the Deals tab for a code"), their mistake as the cause ("This happened because you entered
    the wrong postcode", "If you had updated the app, this wouldn't have happened", "You didn't confirm your email",
    "you must have clicked twice", "we can't tell because you haven't filled in the form"), their report doubted ("No
    other customer has reported this"), the fault put or guessed on their side ("There's nothing wrong on our end",
    "It's probably something on your end", "This is most likely specific to your hardware setup", "This is your
    responsibility"), the work handed back ("You'll need to contact the courier yourself", "Your issue is with the
    courier, not us"), the door shut ("We can't help with that", "that's not something we can help with", "This is not
    something we can handle"; not when the sentence goes on to what the writer does: "We can't help with that ourselves,
    but I've asked the courier to call you today"), a bare refusal ("Unfortunately that's not possible."; not when
    the next sentence offers something, "What I can do is move it to Friday"), the team's workload given as the answer
    ("Our engineers are very busy."; not a notice of the wait that says what it means, "We're very busy this week, so
    replies may take 3 days"), the door shown ("You're free to shop elsewhere"), a shrug ("Your
    order will ship when it ships"), their feeling judged ("There's no need to get angry"), the wait put on them
    ("Please be patient", "Kindly be patient"; the finding offers a thank-you instead, "Thanks for bearing with us"),
    and plain sarcasm ("thanks for your patience, I guess"). A feeling is not blame ("You must have felt so let down"),
    nor a slip of the customer's forgiven ("No worries, these things happen!"), nor how little is left to them after
    help you gave ("I've emailed you a return label, so all you need to do is hand the box in"; handing the work back,
    "All you need to do is read our FAQ", is reported, after a link too), nor a policy named where their request is
    granted ("Your refund has been approved in line with our policy", "Per our policy, I've refunded you in full"),
    nor words in quotation marks, which are someone else's told back ('You wrote "calm down and just refund me"').
    The list is data in `dismissive.yaml`.

    ## Why it matters
    One dismissive phrase undoes every kind word around it: it tells a frustrated customer
    that their frustration is the problem.

    ## Example
    ```
    As I already said, you should have read the FAQ. It's easy.
    ```

    ## Use instead
    ```
    Here are the steps again, in order: ...
    ```

    ## Options
    - `allow` (list of phrases): entries your team accepts.

    ## Fix safety
    No automatic fix: removing a phrase usually needs the sentence rewritten.
    """

    code = "SK305"
    name = "dismissive-language"
    severity = Severity.WARNING
    reads_alternatives = True
    options: ClassVar[Mapping[str, Any]] = {"allow": []}
    bad_examples = (
        Example.of(acknowledgment="I can see the reset email hasn't arrived.",
                   solution="As I already said, you should have checked your spam folder."),
        Example.of(acknowledgment="I understand the refund is taking longer than you hoped.",
                   solution="Per our policy, there is nothing we can do before day 30."),
        Example.of(acknowledgment="I can see the parcel hasn't reached you.",
                   solution="According to our records, the parcel was delivered on Monday."),
    )
    good_examples = (
        Example.of(acknowledgment="I can see the reset email hasn't arrived, which is so annoying.",
                   solution="I've sent a new one now; if it's not in your inbox in five minutes, check spam."),
    )

    #: minimising words are often harmless in context ("simply choose a size"), so they only suggest
    SOFT_KINDS = frozenset({"minimising"})

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        allow = options.phrases(type(self), ctx, "allow")
        text = message.text
        quoted: list[tuple[int, int]] | None = None
        for start, end, entry in table("dismissive.yaml").finditer(text):
            found = text[start:end]
            if " ".join(found.lower().split()) in allow:
                continue
            if quoted is None:
                quoted = quoted_spans(text)
            if in_quotation(quoted, start, end):
                continue  # (someone else's words, told back: 'You wrote "calm down and just refund me".')
            if entry.get("opens_sentence") and not opens_sentence(text, start):
                continue
            if entry.get("fine_after_reassurance") and _REASSURED.search(_lead_up(text, start)):
                continue  # ("No worries at all, these things happen!": their slip forgiven, not their problem shrunk)
            kind = str(entry.get("kind", "dismissive"))
            if kind == "policy" and _grants(text, start, end):
                continue  # ("Your refund has been approved in line with our policy": the policy is on their side)
            if entry.get("fine_after_help") and _after_help(text, start) and not _sends_away(text, end):
                continue  # ("I've emailed you the label, so all you need to do is...": how little is left to them)
            if entry.get("ends_sentence") and not _ENDS_HERE.match(text, end):
                continue  # ("That's not possible on the Basic plan": the refusal goes on to its reason)
            if entry.get("fine_before_help") and _help_follows(text, end):
                continue  # ("Unfortunately that's not possible. What I can do is...": the refusal comes with help)
            yield Finding(start, end, f'{kind} language "{found}"',
                          suggestion=str(entry.get("advice", "")) or None,
                          severity=Severity.SUGGESTION if kind in self.SOFT_KINDS else None)


def _lead_up(text: str, at: int) -> str:
    """The words before ``at`` in its paragraph, up to two sentences back (the sentence before may be the
    reassurance: "No worries at all! These things happen.")."""
    start = max(text.rfind("\n\n", max(0, at - _LEAD_UP), at), at - _LEAD_UP)
    return text[max(0, start):at]


_LEAD_UP = 80  # characters: "No worries at all, honestly!" and the sentence's own start
_HELP_REACH = 300  # characters back, in the paragraph, where the help given before a phrase may be told


# a refusal or a condition in the sentence: "not", "nothing", "can't", "unable", "only if", "except"
_REFUSES = re.compile(r"\b(?:not|nothing|none|nor|cannot|can['’]t|won['’]t|n['’]t|never|unable|no|only|unless|except|"
                      r"however|but)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n\s*\n")


def _grants(text: str, start: int, end: int) -> bool:
    """Whether the sentence around ``text[start:end]`` grants the customer's request ("Your refund has been approved
    in line with our policy") and refuses nothing: the policy named is on their side, and hides no refusal."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, max(0, start - _HELP_REACH), start)]
    after = _SENTENCE_END.search(text, end)
    sentence = normalise(text[ends[-1] if ends else max(0, start - _HELP_REACH):after.end() if after else len(text)])
    return (GRANTED.search(sentence) is not None or _GRANTS.search(sentence) is not None) \
        and _REFUSES.search(sentence) is None


# the writer granting the request, done or promised: "we've refunded you in full", "I've issued a full refund",
# "we'll send you a replacement", "you're entitled to a refund" (``GRANTED`` tells it of the customer's thing)
_GRANTS = re.compile(
    r"\b(?:i|we)(?:['’]ve|\s+have|['’]ll|\s+will|\s+can)?\s+(?:(?:now|already|just|also|happily|gladly|gone\s+ahead\s+"
    r"and)\s+)*(?:refund(?:ed)?|reimbursed?|credit(?:ed)?|waived?|approved?|replaced?|reship(?:ped)?|"
    r"exchanged?)\b"
    r"|\b(?:issue|process|arrange|approve|send|sent)d?\s+(?:you\s+)?(?:a|an|your|the)\s+(?:[\w$€£.,%-]+\s+){0,3}?"
    r"(?:refund|credit|replacement|reimbursement|voucher|exchange)s?\b"
    r"|\byou(?:['’]re|\s+are|['’]ll\s+be|\s+will\s+be)\s+(?:(?:fully|also)\s+)?(?:entitled|eligible)\s+(?:to|for)\b",
    re.IGNORECASE)


# the sentence ends at a phrase that must end it ("Unfortunately that's not possible." / "...possible!\n")
_ENDS_HERE = re.compile(r"[ \t]*(?:[.!]+(?=\s|$)|\n|$)")
# what the customer is offered instead: "instead", "alternatively", "what I can do", "you can"
_ALTERNATIVE = re.compile(r"\b(?:instead|alternatively|what\s+(?:i|we)\s+(?:can|could)\s+do|(?:i|we|you)\s+"
                          r"(?:can|could)|the\s+good\s+news|however)\b", re.IGNORECASE)


def _help_follows(text: str, at: int) -> bool:
    """Whether the sentence after ``at`` (in its paragraph or the next) offers something: a step of the writer's
    ("I've sent you a voucher", "I'll reply by Thursday"), an alternative ("What I can do is...", "You can switch
    plans under Settings") or when they will hear ("within 2 days")."""
    ends = _SENTENCE_END.search(text, at)
    rest = text[ends.end() if ends else at:at + _HELP_REACH].lstrip()
    after = _SENTENCE_END.search(rest)
    lead = normalise(rest[:after.end() if after else len(rest)])
    return bool(pattern("owned_steps").search(lead) or promises_help(lead) or hands_over(lead) or step_done(lead)
                or pattern("time_frames").search(lead) or _ALTERNATIVE.search(lead))


# what is left to the customer sends them away to do the work: reading ("read the FAQ", "go through the guide"),
# working it out ("figure out the settings", "work it out"), alone ("...yourself", "on your own"), or a page to read
# ("the help centre", "our docs"); not a small concrete step ("print it and drop the box off", "click it")
_SENT_AWAY = re.compile(
    r"\b(?:(?:re-?)?read|study|research|browse|search|google|consult|learn|troubleshoot|watch|refer\s+to|"
    r"(?:look|go|read)\s+(?:it\s+|them\s+)?(?:up|through|over)|(?:figure|work|find|sort)\s+(?:[\w'’-]+\s+){0,3}?out|"
    r"yourself|yourselves|on\s+your\s+own|faqs?|help\s*(?:cent(?:er|re)|desk|pages?|docs?|articles?)|"
    r"knowledge\s*base|documentation|docs|manuals?|user\s+guides?|forums?|community|articles?|tutorials?|guides?)\b",
    re.IGNORECASE)


def _sends_away(text: str, at: int) -> bool:
    """Whether the rest of the sentence after ``at`` sends the customer away to do the work (``_SENT_AWAY``: "all
    you need to do is read our FAQ", "... follow it and figure it out yourself"): a link handed over first does
    not make that small."""
    after = _SENTENCE_END.search(text, at)
    return _SENT_AWAY.search(text, at, after.end() if after else len(text)) is not None


def _after_help(text: str, at: int) -> bool:
    """Whether help of the writer's is told before ``at``, in its sentence or the one before in its paragraph: a
    step owned ("I've emailed you a return label", "I'll book a courier"), done ("Your label has been sent") or the
    thing handed over ("Here's your label:")."""
    start = max(text.rfind("\n\n", max(0, at - _HELP_REACH), at), at - _HELP_REACH, 0)
    lead = " ".join(SPACE_AFTER_STOP.split(normalise(text[start:at]))[-2:])
    return pattern("owned_steps").search(lead) or hands_over(lead) or step_done(lead)
# the customer's own slip forgiven ("No worries, these things happen!", "Don't worry, it's no big deal"): the words
# that would shrink their problem reassure them instead
_REASSURED = re.compile(r"\b(?:no\s+worries|(?:don['’]t|do\s+not|never)\s+worry|no\s+problem|not\s+a\s+problem|"
                        r"no\s+harm\s+done|easily\s+done|easy\s+mistake|no\s+need\s+to\s+(?:apologi[sz]e|be\s+sorry)|"
                        r"happens\s+to\s+(?:the\s+best\s+of\s+us|everyone|all\s+of\s+us)|"
                        r"(?:it['’]s|it\s+is|that['’]s|that\s+is)\s+(?:totally\s+|completely\s+|absolutely\s+|"
                        r"perfectly\s+|quite\s+|all\s+)?(?:fine|ok(?:ay)?|alright|all\s+right|understandable))\b",
                        re.IGNORECASE)


# "yet" only as a conjunction, after a comma or semicolon and going on ("sorry, yet the policy..."): the
# adverb ends a clause ("I'm sorry it hasn't arrived yet") and takes nothing back
# "that said", "even so", "nevertheless", and "yet" opening a sentence, take it back as "but" does
_BUT = re.compile(r"(?:,|;|\s)\s*(?:but|however|although|though|nevertheless|nonetheless)\b"
                  r"|[,;]\s*yet\b(?!\s*(?:[.,;:!?)]|$))"
                  r"|[,;\u2013\u2014]\s*(?:that\s+said|having\s+said\s+that|that\s+being\s+said|with\s+that\s+said|"
                  r"even\s+so|all\s+the\s+same)\b"
                  r"|^\s*(?:but|however|although|though|nevertheless|nonetheless|that\s+said|having\s+said\s+that|"
                  r"that\s+being\s+said|with\s+that\s+said|even\s+so|all\s+the\s+same|"
                  r"yet\b(?!\s+(?:another|again|more|still)\b))\b",
                  re.IGNORECASE)
# "but" that does not take the apology back: "not only... but", "all but", "but also", or that goes on
# to the customer ("sorry, I can't share it, even though I know it would be quicker for you"), to good news
# ("but the good news is I've already refunded you", "however, happily, it's on its way"), or to what the writer
# has done or will do for them ("but I've already sent a new one", "but we'll refund it today"); not to an excuse
# in the same tenses ("but we've been swamped", "but I've been told I can't", "but we've had a lot of requests",
# "but I have to charge the fee", "but I'll have to close it")
_HARMLESS_BUT = re.compile(r"\b(?:but|however|though|although|yet|nevertheless|nonetheless|that\s+said|having\s+said\s+"
                           r"that|that\s+being\s+said|with\s+that\s+said|even\s+so|all\s+the\s+same),?\s+(?:also|"
                           r"(?:I|we)(?:['’]ve|\s+have)\b(?!\s+(?:been\b(?!\s+able\b)|had\b|not\b|never\b|no\b|to\b(?!\s+ask\b)|"
                           r"got\s+to\b))|(?:I|we)(?:['’]ll|\s+will)\b(?!\s+(?:have|need)\s+to\b(?!\s+(?:check|look|confirm|ask|"
                           r"verify|find)\b)|\s+not\b|\s+never\b)|"
                           r"(?:(?:the|some)\s+)?(?:good|great)\s+news|(?:happily|fortunately|luckily|thankfully)\b|"
                           r"I['’]m\s+going\s+to|let\s+me|let['’]s|"
                           r"I\s+(?:know|understand|reali[sz]e|can\s+see)\b(?!\s+(?:that\s+)?(?:our|the)\s+polic))\b",
                           re.IGNORECASE)


# an excuse that puts our busyness where the customer's problem was ("We've been swamped", "Our team is
# short-staffed", "a high volume of requests", "due to unprecedented demand", "It's been a hectic month for us"):
# after an apology, in a sentence that does nothing about it, it undoes the apology as "but we've been swamped" does
_US = (r"(?:we|I|everyone(?:\s+here)?|(?:our|the)\s+(?:[\w-]+\s+){0,2}?(?:team|teams|staff|agents|warehouse|office|"
       r"department|colleagues|crew|depot|store|shop|kitchen|workshop|lab|support|helpdesk|desk))")
_BE = r"(?:['’](?:ve|s|re|m)\s+been|\s+(?:have|has|had)\s+been|['’](?:re|s|m)|\s+(?:are|is|am|were|was))"
_QUITE = (r"(?:(?:really|very|so|extremely|incredibly|super|quite|rather|absolutely|completely|totally|currently|"
          r"just|all|particularly|especially|exceptionally|unusually|also|still|a\s+(?:little|bit))\s+)*")
_SWAMPED = (r"(?:swamped|snowed\s+under|inundated|overloaded|stretched(?:\s+thin)?|slammed|flat\s+out|"
            # (not thanks: "overwhelmed by your kind messages")
            r"overwhelmed(?!\s+(?:by|with)\s+(?:your|the\s+kind|kind|support|love)\b)|"
            r"run\s+off\s+(?:our|my|their)\s+feet|short[\s-]*(?:staffed|handed)|under[\s-]*staffed|"
            r"(?:running|fallen|falling)\s+behind|busier\s+than\s+(?:usual|normal|ever)|"
            # busy on the customer's own order ("busy preparing your sofa") is news about it, and busy at set
            # times ("We're busy on Saturdays, so ...") is advice on when to come
            r"busy\b(?!\s+(?:(?:with|on)\s+|[a-z]+ing\s+(?:on\s+)?)(?:your|yours)\b)"
            r"(?!\s+(?:on|at|in|during|around)\s+(?:weekends?|[a-z]+days|lunch(?:time)?|peak\s+times?|"
            r"the\s+(?:morning|afternoon|evening|weekend)s?)\b))")
_MANY = (r"(?:high|higher|heavy|heavier|large|larger|huge|massive|record|increased|unprecedented|exceptional|"
         r"overwhelming|unusually\s+(?:high|large))(?:\s+than\s+(?:usual|normal|expected|average))?")
# what we had to cope with ("We've had", "We are currently experiencing", "due to"): a number said alone ("A large
# number of customers have asked for it") tells them they are not alone
_COPING = (rf"(?:{_US}(?:['’](?:ve|re)|\s+(?:have|has|are|is|were|was))?\s+{_QUITE}(?:had|received|receiving|get|"
           r"getting|got|seen|seeing|experiencing|experienced|dealing\s+with|handling|facing|faced)|due\s+to|"
           r"because\s+of|owing\s+to|with)\s+(?:an?\s+|the\s+|our\s+)?")
_HECTIC = r"(?:hectic|busy|crazy|mad|manic|chaotic|frantic|full[\s-]on)"
_STRETCH = r"(?:few\s+)?(?:days?|weeks?|months?|time|period|season|year|stretch)\b"
_EXCUSE = re.compile(
    rf"\b{_US}{_BE}\s+{_QUITE}{_SWAMPED}"
    rf"|\b{_COPING}{_MANY}\s+(?:volumes?|numbers?|amounts?|influx|surge|spike)\s+of\s+(?:[\w-]+\s+){{0,2}}?"
    r"(?:requests|enquiries|inquiries|e-?mails|tickets|orders|calls|messages|contacts|queries|customers|chats|"
    r"applications|claims|returns|bookings)\b"
    rf"|\b{_COPING}(?:{_MANY}|high|peak)\s+(?:demand|volumes?|workload|traffic)\b"
    r"|\b(?:staff(?:ing)?\s+shortages?|short\s+of\s+staff|(?:un)?(?:foreseen|expected)\s+circumstances|"
    r"circumstances\s+beyond\s+our\s+control)\b"
    # a hectic stretch of ours ("It's been a hectic month", "Things are crazy here"); not the customer's ("It's
    # been a hectic week for you") nor a reaction to what happened ("It's crazy that the courier lost it twice")
    rf"|\b(?:it|this|things)(?:['’]s|\s+(?:has|have))\s+been\s+(?:a\s+)?{_QUITE}{_HECTIC}\b"
    rf"(?!\s+(?:{_STRETCH}\s+)?for\s+you\b)(?:\s+{_STRETCH})?"
    rf"|\b(?:it|this|things)(?:['’](?:s|re)|\s+(?:is|are))\s+(?:a\s+)?{_QUITE}{_HECTIC}\s+"
    rf"(?:{_STRETCH}(?!\s+for\s+you\b)|(?:here|for\s+us|at\s+our\s+end|on\s+our\s+end)\b)",
    re.IGNORECASE)
# the excuse sentence going on to what the writer does about it ("..., so I've moved yours up", "..., but I've made
# sure yours goes today"): a cause told with help, which the lexicon's actions may not all name
_THEN_HELPS = re.compile(r"[,;\s]\s*(?:so|and|but|however|though|which\s+is\s+why)\b,?\s+(?:I|we)(?:['’](?:ve|ll)|"
                         r"\s+(?:have|will)|['’]m\s+going\s+to)\s+(?:already\s+|now\s+|just\s+)?"
                         r"(?!(?:been|had|not|never|no|to|have\s+to|need\s+to)\b)", re.IGNORECASE)


@register
class ApologyThenBut(Rule):
    """Apology or acknowledgment undone by "but" or "however".

    ## What it does
    Finds an apology followed by "but", "however" or "although" (or "yet", "nevertheless",
    "that said", "even so"), in the same sentence or at the start of the next ("I'm sorry, but
    our policy...", "We apologise. However, ...", "I'm sorry. That said, ..."), and
    an acknowledgment undone the same way ("I completely understand your frustration, however
    there is nothing more to be done", "I can see you're upset. However, ..."): one that names
    the feeling, or says little else ("I hear you, but"). A "but" that goes on to your own
    action ("but I've already sent a new one", "however, I've refunded you today") or to good
    news ("but the good news is I've already refunded you today", "but luckily it's on its
    way") is allowed (an excuse is not: "but we've been swamped", "but I've been told I can't
    refund it", "but I'll have to close the ticket"), and so is an "I can see" that reports a
    fact before its "but" ("I can see the order was placed on Monday, but the courier hasn't
    collected it"). "I understand, but" and "I get that you're upset, but" are SK305's
    phrases, and reported there.

    The same excuse in its own sentence right after an apology is reported too: one that explains
    the problem away with how busy we are ("I'm sorry it's taken so long. Our team has been
    swamped.", "We're short-staffed this week", "We've had a high volume of requests", "due to
    unprecedented demand", "It's been a hectic month for us") and does nothing about it in that
    sentence. A cause that helps the customer understand, told with what you are doing ("A
    courier strike held up deliveries; I've rebooked yours for tomorrow", "We've been busy, so
    I've moved your order to the front of the queue"), is allowed, and so is busyness on their
    own order ("Our team has been busy preparing your sofa").

    ## Why it matters
    Everything before "but" is heard as not meant. The apology or the understanding turns into
    a preamble for a refusal or an excuse. An excuse about our busyness does the same without
    the "but": it moves the focus from the customer's wait to our workload.

    ## Example
    ```
    I'm sorry about the delay, but the courier is responsible for deliveries.
    I'm sorry your refund took so long. We've been really short-staffed this month.
    ```

    ## Use instead
    ```
    I'm sorry about the delay. I've chased the courier and your parcel will arrive tomorrow.
    I'm sorry your refund took so long. I've sent it today; it will reach your card by Friday.
    ```

    ## Options
    None.

    ## Fix safety
    No automatic fix: what follows the "but" usually needs rewriting, not just the word.
    """

    code = "SK306"
    name = "apology-then-but"
    severity = Severity.WARNING
    reads_alternatives = True
    bad_examples = (
        Example.of(acknowledgment="I can see the parcel is late, and I know how annoying that is.",
                   warm_language="I'm sorry about the delay, but the courier is responsible for deliveries.",
                   solution="I'll chase them today."),
        Example.of(acknowledgment="I understand how frustrating the double charge is.",
                   warm_language="I'm so sorry. However, refunds take ten days.",
                   solution="I've started yours today."),
        Example.of(acknowledgment="I can see how annoying the double charge is, but refunds take ten days.",
                   warm_language="Thanks for flagging it.",
                   solution="I've started yours today."),
        Example.of(acknowledgment="I can see your refund has taken far too long.",
                   warm_language="I'm sorry. We've been really short-staffed this month.",
                   solution="I've sent it today; it will reach your card by Friday."),
    )
    good_examples = (
        Example.of(acknowledgment="I can see the parcel is late, and I know how annoying that is.",
                   warm_language="I'm sorry about the delay.",
                   solution="I've chased the courier and your parcel will arrive tomorrow."),
        Example.of(acknowledgment="I can see how annoying the double charge is; however, I've refunded it today.",
                   warm_language="Thanks for flagging it.",
                   solution="It will show on your statement within 3 days."),
        Example.of(acknowledgment="I understand how annoying the double charge is, but the good news is it's "
                                  "refunded.",
                   warm_language="Thanks for flagging it.",
                   solution="I've refunded it today; it will show on your statement within 3 days."),
        Example.of(acknowledgment="I can see your parcel is late, and I know how annoying that is.",
                   warm_language="I'm sorry. A courier strike held up deliveries; I've rebooked yours for "
                                 "tomorrow.",
                   solution="You'll get a tracking link by text tonight."),
    )

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        body = body_sentences(message)
        reported: list[tuple[int, int]] | None = None  # (SK305's phrases, read only when an acknowledgment is undone)
        for i, s in enumerate(body):
            apologies = _apologies(s)
            what, after = ("apology", apologies[0][1]) if apologies else ("acknowledgment", _validation_end(s))
            if after is None:
                continue
            text = normalise(s.text)
            rest = text[after:]
            m = _BUT.search(rest)
            found: tuple[int, int] | None = None
            if m and not _HARMLESS_BUT.match(rest[m.start():].lstrip(",;\u2013\u2014 ")) and (
                    what == "apology" or _validates_before(s, text, after, after + m.start())):
                found = s.span_of((after + m.start(), after + m.end()))
            if found is None and i + 1 < len(body):
                nxt = body[i + 1]
                said = normalise(nxt.text)
                lead = words_start(said)  # (past an emoji or a bullet: "→ But we can't")
                m = _BUT.match(said[lead:])  # (sliced: its "^" holds only at a string's start)
                if m and not _HARMLESS_BUT.match(said, lead) and (
                        what == "apology" or _validates_before(s, text, after, len(text))):
                    found = nxt.start + lead + m.start(), nxt.start + lead + m.end()
            if found is None and what == "apology" and i + 1 < len(body) and not body[i + 1].cues.acts:
                nxt = body[i + 1]
                nxt_text = normalise(nxt.text)
                m = _EXCUSE.search(nxt_text)
                if m and not _THEN_HELPS.search(nxt_text, m.end()):
                    yield self._finding(message, nxt.start + m.start(), nxt.start + m.end(), excuse=True)
                continue
            if found is None:
                continue
            if what == "acknowledgment":
                # (SK305 already reports "I understand, but" and "I get that you're upset, but" as its phrases)
                if reported is None:
                    reported = [(a, b) for a, b, _ in table("dismissive.yaml").finditer(message.text)]
                if any(a < found[1] and found[0] < b for a, b in reported):
                    continue
            yield self._finding(message, *found, what)

    @staticmethod
    def _finding(message: Message, a: int, b: int, what: str = "apology", *, excuse: bool = False) -> Finding:
        text = message.text
        while a < b and not text[a].isalpha():
            a += 1
        if excuse:
            return Finding(a, b, f'the apology is undone by an excuse: "{text[a:b]}"',
                           suggestion="leave out how busy we are; after the apology, say what you are doing about "
                                      "their problem")
        return Finding(a, b, f'the {what} is undone by "{text[a:b]}"',
                       suggestion=f"end the {what} with a full stop, then say what you will do")


def _validation_end(s: Sentence) -> int | None:
    """Where the sentence's first acknowledging stance ends ("I completely understand", "I can see", "I hear
    you"), in its normalised text; None when it has none. A thank-you ("Thanks for your patience", "thanks for
    letting me know") is not one: thanks with a "but" after it takes nothing back the customer was told."""
    c = s.cues
    in_thanks = inside_one_of(c.thanks_for_waiting)
    for a, b in c.acknowledgment:
        if in_thanks(a, b) or _THANKS.match(s.text, a):
            continue
        return b
    return None


_BARE_VALIDATION_WORDS = 4  # "I understand your concern, but": words between the stance and its "but"
# what a bare validation takes as its object ("your concern", "where you're coming from", "that"): a
# word beyond these tells a fact ("I can see it shipped, but the courier lost it"), which "but" does not undo
_BARE_OBJECTS = frozenset(("you", "your", "you're", "you’re", "are", "that", "this", "it", "where", "how", "why",
                           "what", "coming", "from", "feel", "feels", "mean", "completely", "totally", "fully",
                           "really", "so", "the", "concern", "concerns", "point", "points", "position", "view",
                           "perspective", "situation", "side", "worry", "worries", "reasoning"))


def _validates_before(s: Sentence, text: str, start: int, end: int) -> bool:
    """Whether the stance that ends at ``start`` validates the customer before ``end`` (a "but"): it names
    a feeling ("I completely understand your frustration, however...") or says little else ("I hear you,
    but", "You're right, but"). "I can see your order was placed on Monday, but the courier..." tells a fact
    it found, and its "but" undoes no feeling."""
    if any(a < end for a, _ in s.cues.feelings):
        return True
    words = [word.strip(".,;:!?'\"’”").lower() for word in text[start:end].split()]
    return len(words) <= _BARE_VALIDATION_WORDS and all(word in _BARE_OBJECTS for word in words if word)


@register
class OverApologising(Rule):
    """Too many apologies in one reply.

    ## What it does
    Counts apologies ("sorry", "apologise", "my apologies", "regret"...) in the reply and
    reports the first one past `max_apologies`.

    ## Why it matters
    One sincere apology is warm; three sound anxious or scripted, and shift the focus from the
    customer's problem to the writer's guilt. Spend the words on the fix instead.

    ## Example
    ```
    I'm so sorry. Sorry again for the trouble, and apologies for the wait. Sorry!
    ```

    ## Use instead
    ```
    I'm so sorry for the wait. I've moved your order to the front of the queue.
    ```

    ## Options
    - `max_apologies` (integer, default 2): how many apologies a reply may carry.

    ## Fix safety
    No automatic fix.
    """

    code = "SK307"
    name = "over-apologising"
    severity = Severity.SUGGESTION
    options: ClassVar[Mapping[str, Any]] = {"max_apologies": 2}
    bad_examples = (
        Example.of(acknowledgment="I'm so sorry, I can see how stressful the wait has been.",
                   warm_language="Sorry again for the trouble, and apologies for the delay.",
                   solution="I've moved your order to the front of the queue, sorry!"),
    )
    good_examples = (
        Example.of(acknowledgment="I can see how stressful the wait has been.",
                   warm_language="I'm so sorry.",
                   solution="I've moved your order to the front of the queue today."),
    )

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        limit = options.integer(type(self), ctx, "max_apologies", 0)
        spans = list(_apology_spans(body_sentences(message)))
        if len(spans) <= limit:
            return
        a, b = spans[limit]
        yield Finding(a, b, f"{len(spans)} apologies in one reply (at most {limit})",
                      suggestion="keep one sincere apology and spend the words on the fix")


def _apology_spans(body: list[Sentence]) -> Iterator[tuple[int, int]]:
    for s in body:
        for rel in _apologies(s):
            yield s.span_of(rel)
