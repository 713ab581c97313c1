"""Chat and call transcripts: which lines are the agent's, so ``review`` judges only what the agent wrote.

A transcript is text whose lines start with a speaker label (``Agent: ...``, ``[10:42] Dana:
...``, ``Sam (Support): ...``). Without this, ``review`` would read the customer's lines as part
of the reply: their complaint as a late acknowledgment, their swearing as the agent's.

The agent is the speaker named with ``agent`` (``review --agent Sam``), else every speaker whose
label says it is the support side ("Agent", "Support", "Sam (Support)", "Me"). A transcript whose
labels are only names must name its agent (else a ConfigError asks for it).

``quoted_thread`` finds, in an email reply, where the earlier messages quoted under it start.
``pasted_text`` reads what a support lead pastes besides plain text (HTML, an email's source) as
the text a reader sees, each character located in what was pasted.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import html
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from email.message import Message
from email.parser import HeaderParser
from itertools import islice, pairwise

from scriptkit.diagnostics import Diagnostic, Location
from scriptkit.errors import ConfigError
from scriptkit.sourcetext import SourceText

# Emoji and their joiners, which helpdesks let people put in display names ("🌸 Dana", "Maya 💬").
_EMOJI = "\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d"
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[AaPp]\.?[Mm]\.?)?(?:Z|[+-]\d{2}:?\d{2})?"
_DATE = r"(?:\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})(?:,?[ \t]+|T)"
# A day in a header line: "Nov 26, 2026", "26 Nov 2026", "2026-11-26", "26/11/2026", "Yesterday".
_DAY = (r"(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}|\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?)(?:,?[ \t]+\d{4})?"
        r"|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|Today|Yesterday")
# A time stamp before a label: "[10:42] ", "(10:42:13 AM) ", "10:42 AM ", "2026-11-26 10:42:13 ",
# "26/11/2026, 10:42 - " (WhatsApp).
_STAMP = rf"\[[^\]\n]{{1,25}}\][ \t]*|\(?(?:{_DATE})?{_TIME}\)?[ \t]+(?:[-–][ \t]+)?"
# A label at the start of a line: an optional time stamp, then a name of up to five words (and
# perhaps a time: "Dana (10:42)") and a colon, with the words after it or on the next line
# ("Customer:" alone on its line, as some exports write); in bold too ("**Agent:**", pasted from Markdown).
# Weak forms, speakers only where one of them is a role or the named agent (else "Note - ..." would
# be one): no space after the colon ("Agent:Please"), a dash instead ("Customer - I was charged").
# Or a header line with a time, the words below it, speakers wherever there are two: Intercom's "Dana
# (customer) · 10:42 AM", a call transcript's "Speaker 1  0:05", Teams' "[10:42 AM] Dana Whitfield",
# Google Chat's "Dana Whitfield, 10:42 AM", Zendesk's name with the date and time (or a time alone) on
# the next line.
_LABEL = re.compile(
    rf"^[ \t]*(?:(?=\[[^\]\n]{{0,25}}?{_TIME}[^\]\n]{{0,10}}\])(?P<timed>){_STAMP}|{_STAMP})?\*{{0,2}}"
    rf"(?P<speaker>(?:[^\W\d_]|[{_EMOJI}])[\w'’.(){_EMOJI}-]*+(?:[ \t][\w'’.(){_EMOJI}-]++){{0,4}}?)"
    rf"(?:(?:[ \t]*[(\[]{_TIME}[)\]])?[ \t]*\*{{0,2}}"
    rf"(?::\*{{0,2}}(?:[ \t]+(?=\S)|[ \t]*\r?$|(?P<tight>)(?=[^\W\d_]))|(?P<dash>)[ \t]+[-–—][ \t]+(?=\S))"
    rf"|(?P<header>)(?:(?:[ \t]*[·•][ \t]*|,[ \t]+|[ \t]{{2,}}|\t)[^\n:·•]{{0,24}}?{_TIME}[ \t]*\r?$"
    rf"|(?(timed)[ \t]*\r?$|(?!))"
    rf"|[ \t]*\r?\n[ \t]*(?:(?:{_DAY}),?[ \t]+(?:at[ \t]+)?)?{_TIME}[ \t]*\r?$))",
    re.M)
# What most label lines have, cheap to look for: a colon near the start of a line, then a space or the line's end.
_COLON_LIKE = re.compile(r":\**(?:[ \t]|\r?$)", re.M)
# What the others have: a letter right after a colon ("Agent:Please"; not "https://"), a time at a line's end or
# closing a bracket ("· 10:42 AM", "[10:42 AM] Dana"); not a time inside a sentence ("by 10:30 tomorrow").
_OTHER_LIKE = re.compile(r":(?:[^\W\d_]|\d\d(?::\d\d)?(?:[ \t]*[AaPp]\.?[Mm]\.?)?(?:[ \t]*\r?$|\]))", re.M)
# Lines inside a turn that the speaker did not write: a quoted earlier message ("> ..."), a chat
# event ("*** Dana left the chat ***", "(10:43:30 AM) Dana left the chat": a bracketed time with
# no label after it; a bare "10:30 to 12:00" is the speaker's).
_NOT_SAID = re.compile(rf"[ \t]*(?:>|(?:{_STAMP})?\*\*\*|\[[^\]\n]{{0,25}}?{_TIME}[^\]\n]{{0,25}}\]|\({_TIME}\))")
# A chat event saying a speaker joined: Zendesk's and LiveChat's "*** Sam joined the chat ***".
_JOINED = re.compile(
    rf"^[ \t]*(?:{_STAMP})?\**[ \t]*(?P<speaker>[^\n*]{{1,60}}?) (?:has )?joined the (?:chat|conversation)", re.M)
_NOT_SAID_LINE = re.compile(rf"\n(?:{_NOT_SAID.pattern})")
# A line's opening before a chat event's "***" ("[10:43] ", "10:43 AM ", or none), and a time in brackets that
# opens a line of a plain reply, with the space after it ("[10:42] ", "(10:42 AM) "), which is cut from its words.
_BEFORE_EVENT = re.compile(rf"[ \t]*(?:{_STAMP})?")
_BRACKETED_TIME = re.compile(rf"[ \t]*(?:\[[^\]\n]{{0,25}}?{_TIME}[^\]\n]{{0,25}}\]|\({_TIME}\))[ \t]*")
# (with the commonest German, French and Spanish ones: "Mitarbeiterin:", "Conseillère :", "Asesor:")
AGENT_WORDS = frozenset({"agent", "support", "rep", "representative", "advisor", "adviser", "staff", "operator",
                         "assistant", "csr", "helpdesk", "specialist", "associate", "concierge", "me",
                         "mitarbeiter", "mitarbeiterin", "agentin", "berater", "beraterin", "kundenservice",
                         "kundendienst", "conseiller", "conseillère", "agente", "asesor", "asesora"})
# With a customer word, the support side: "Customer Service", "Customer Care", "Guest Services".
_SERVICE_WORDS = frozenset({"service", "services", "care", "success", "experience", "relations"})
CUSTOMER_WORDS = frozenset({"customer", "client", "user", "caller", "guest", "member", "patient", "visitor",
                            "shopper", "buyer", "requester", "requestor", "cust", "kunde", "kundin", "cliente",
                            "clienta"})
# Speakers that are no person: their turns are never the agent's ("Support Bot", "System").
BOT_WORDS = frozenset({"bot", "chatbot", "system", "automated", "autoresponder", "virtual"})
_ROLE_WORDS = AGENT_WORDS | CUSTOMER_WORDS | BOT_WORDS
# First words of field lines that a reply repeats ("Note: ...", "Order number: ...", an email's
# "From: ..."): repeated, they are still no speaker.
_FIELD_WORDS = frozenset({"note", "notes", "nb", "ps", "p.s.", "order", "tracking", "ticket", "case", "step", "tip",
                          "subject", "ref", "reference", "status", "update", "important", "warning", "email",
                          "phone", "address", "date", "time", "link", "url", "total", "amount", "re", "fwd",
                          "from", "to", "cc", "sent"})

# Last words of field lines that start with a role word ("Customer ID", "Support plan", "Agent notes").
_FIELD_NOUNS = frozenset({"id", "no", "number", "plan", "hours", "email", "name", "since", "note", "notes", "code",
                          "account", "type", "tier", "level", "status", "portal", "phone", "address", "priority",
                          "rating", "satisfaction", "score", "details", "info", "ref", "reference", "ticket"})


@dataclass(frozen=True)
class Turn:
    """One speaker's turn, or a part of it: ``text[start:end]`` is what they said, after the label.

    ``turn``: which turn of the transcript it is (0 for the first): the parts of one turn, split
    by lines the speaker did not write, share it.
    """

    speaker: str
    start: int
    end: int
    turn: int = 0
    #: what was judged of it, where that is not ``text[start:end]`` (HTML or an email's source: the decoded text)
    said: str | None = None


def turns(text: str, agent: str | None = None, speakers_out: dict[str, str] | None = None) -> list[Turn] | None:
    """The speaker turns of a transcript, or None when ``text`` does not read as one.

    Its labels end in a colon, or a header's time (``_labelled_turns``), or are alone on their lines with
    neither (``_bare_turns``: "You" / "Dana", "Customer" / "Agent", as some chat tools export them).

    ``speakers_out``: where given, filled with every speaker of the transcript (by key, as first
    written), those whose labels have nothing after them too (who have no Turn).
    """
    found = _labelled_turns(text, agent, speakers_out)
    return found if found is not None else _bare_turns(text, agent, speakers_out)


def _labelled_turns(text: str, agent: str | None = None,
                    speakers_out: dict[str, str] | None = None) -> list[Turn] | None:
    """The speaker turns of a transcript whose labels end in a colon (or a header's time), or None.

    A speaker is a label that says who speaks ("Agent", "Customer", "Bot"), ``agent``'s, one
    that starts two lines or more (where one such name says three words on a line: not an
    order's "Size: Large" fields), a header line with a time where two of them have words
    below, or, where only one speaker is found so far, the one other name that starts a single
    line between two of theirs ("Dana: ... / Sam: ... / Dana: ...": an agent who answered once);
    any other "Word: " line ("Order number: 123", "Customer ID: 4471") belongs to the
    turn it is in, and so do "Word - " and "Word:word" lines unless one of them says who speaks.
    A transcript has at least two speakers, or one whose label says who it is that speaks twice
    ("Agent: ..." twice), or ``agent`` (with whoever opens the text). It starts with a speaker's
    label, or with a header (an export's "Chat #4471, 26 Nov"), which is no one's turn: one short
    line, no sentence nor greeting, above speakers of whom one talks on a label's line, or any text
    where two speakers speak twice each. A turn runs to the next speaker's label, so it may span
    several lines; the lines in it that the speaker did not write (quoted "> ..." lines, "***
    Dana left ***") split it in parts, each a Turn.

    ``speakers_out``: where given, filled with every speaker of the transcript (by key, as first
    written), those whose labels have nothing after them too (who have no Turn).
    """
    enough = 1 if agent is not None or _opens_as_agent(text) else 2
    if not _lines_like_labels(text, enough) and not _other_labels_like(text):
        return None  # (most replies: ruled out without the full pattern, ~1 us instead of ~18)
    named = _key(agent) if agent is not None else None
    keyed = [(k, m) for m in _LABEL.finditer(text) if not _a_field(k := _key(m["speaker"]))]
    weak = [k for k, m in keyed if _weak(m)]
    if weak and not any(k == named or _says_who(k) for k in weak):
        keyed = [(k, m) for k, m in keyed if not _weak(m)]  # (no dash or tight label says who speaks: prose)
    if not keyed:
        return None
    counts = Counter(k for k, _ in keyed)
    ends = [*(m.start() for _, m in keyed[1:]), len(text)]
    headers = {k for (k, m), end in zip(keyed, ends, strict=True)  # (with words below: "Monday  9:00 AM" and
               if m["header"] is not None and _a_name(k) and text[m.end():end].strip()}  # "Tuesday  9:00 AM", none)
    roles = {k for k in counts if k == named or _says_who(k)}
    both_sides = any(_is_agent(k) for k in roles) and any(_words(k) & CUSTOMER_WORDS and not _is_agent(k)
                                                          for k in roles)
    # (where the labels say who the agent and the customer are, a repeated "Reason code: " is theirs, no speaker)
    names = {k for k, n in counts.items() if n >= 2 and _a_name(k)}
    speakers = roles if both_sides else roles | (names if _someone_talks(text, keyed, ends, names) else set())
    if len(headers) >= 2:  # ("Dana (customer) · 10:41 AM" and "Maya · 10:43 AM", each once, are a chat)
        speakers |= headers
    if len(speakers) == 1:
        speakers |= _answered_once(text, keyed, ends, next(iter(speakers)))
    elif not speakers:
        speakers = _two_names_talk(text, keyed, ends)
    if named in speakers and not text[:keyed[0][1].start()].strip():  # (the agent is named: who opens is a speaker)
        speakers.add(keyed[0][0])
    labels = [m for k, m in keyed if k in speakers]
    one_says_who = named in speakers or (len(labels) >= 2 and _says_who(_key(labels[0]["speaker"])))
    # ("Agent: one sec" alone: a chat turn by the agent, not an email that starts "Agent:")
    one_says_who |= len(labels) == 1 and _is_agent(labels[0]["speaker"]) and not _weak(labels[0]) \
        and not text[:labels[0].start()].strip()  # (not "Customer service - we're here 9-5.", a heading)
    if len(speakers) < 2 and not one_says_who:
        return None  # (a reply with a "Note: ..." line is not a transcript)
    # (under an export's header, each side talks: "Agent: Maya Lopez" over "Customer: I never got it" and an
    # email below is a form quoted in that email, not a chat)
    if text[:labels[0].start()].strip() and sum(counts[k] >= 2 for k in speakers) < 2 \
            and not (_a_header(text[:labels[0].start()])
                     and all(_someone_talks(text, keyed, ends, {k}) for k in speakers)):
        return None  # (nor one that starts "Hi Sam," and has "Customer: Dana Whitfield" and "Agent: Maya" lines)
    found = []
    for i, (m, end) in enumerate(zip(labels, [*(n.start() for n in labels[1:]), len(text)], strict=True)):
        speaker = " ".join(m.group("speaker").split())
        found += [Turn(speaker, lo, hi, i) for lo, hi in _said(text, m.end(), end)]
    if speakers_out is not None:  # (each speaker's label as first written, those who wrote nothing too)
        for m in labels:
            speakers_out.setdefault(_key(m["speaker"]), " ".join(m["speaker"].split()))
    return found


# A speaker's label alone on its line, with no colon ("You", "Dana", "Customer", "Sam (Support)"): a word or up to
# three, perhaps in bold, perhaps with a role in brackets.
_BARE_LABEL = re.compile(rf"[ \t]*\*{{0,2}}(?P<speaker>(?:[^\W\d_]|[{_EMOJI}])[\w'’.{_EMOJI}-]*"
                         rf"(?:[ \t]+[^\W\d_][\w'’.-]*){{0,2}}(?:[ \t]*\([^()\n]{{1,30}}\))?)\*{{0,2}}[ \t]*\r?\n?")


def _bare_turns(text: str, agent: str | None, speakers_out: dict[str, str] | None) -> list[Turn] | None:
    """The turns of a transcript whose labels are alone on their lines with no colon, or None.

    The text starts with such a label, and the labels are two speakers', each with words under it: where
    one says who speaks ("Agent", "Customer", "You") or is ``agent``, a turn each is enough; two names
    alone must alternate, one of them twice ("Dana" / "Sam" / "Dana"), since a reply's lines may be a name
    alone too (a sign-off's "Thanks" / "Sam"). The line under a label is its words, whatever they are
    ("Sure"); a line alone that is no speaker's ("Thanks", "Update") is in the turn it is in.
    """
    named = _key(agent) if agent is not None else None
    start = len(text) - len(text.lstrip())
    if not _bare_label(text, start, named):  # (most replies: "Hi Dana," is no label; one match and out)
        return None
    labels: list[tuple[str, re.Match[str]]] = []  # each candidate label, by key
    pos, under_label = start, False
    while pos < len(text):
        stop = text.find("\n", pos) + 1 or len(text)
        if text[pos:stop].strip():
            m = None if under_label else _bare_label(text, pos, named)
            if m is not None:
                labels.append((_key(m["speaker"]), m))
            under_label = m is not None
        pos = stop
    counts = Counter(k for k, _ in labels)
    speakers = set(counts) if len(counts) == 2 else {k for k, n in counts.items() if n >= 2 or _says_who(k)}
    keyed = [(k, m) for k, m in labels if k in speakers]
    if len(speakers) != 2 or keyed[0][1].start() != start:
        return None
    if not any(k == named or _says_who(k) for k in speakers) \
            and (len(keyed) < 3 or any(a == b for (a, _), (b, _) in pairwise(keyed))):
        return None  # (names only: they must alternate, "Dana" / "Sam" / "Dana")
    found = []
    ends = [*(m.start() for _, m in keyed[1:]), len(text)]
    for i, ((_, m), end) in enumerate(zip(keyed, ends, strict=True)):
        said = _said(text, m.end(), end)
        if not said:
            return None  # (a label has words under it)
        found += [Turn(" ".join(m["speaker"].split()), lo, hi, i) for lo, hi in said]
    if speakers_out is not None:
        for _, m in keyed:
            speakers_out.setdefault(_key(m["speaker"]), " ".join(m["speaker"].split()))
    return found


def _bare_label(text: str, pos: int, named: str | None) -> re.Match[str] | None:
    """The label alone on the line at ``pos``, if it may be one: a role word, ``named``, or a name of capitalised
    words that is no heading, greeting or sign-off ("Update", "Thanks", "Best")."""
    m = _BARE_LABEL.match(text, pos)
    if m is None or (m.end() < len(text) and text[m.end() - 1] != "\n"):
        return None
    key = _key(m["speaker"])
    if key == named or _says_who(key):
        return m
    name = m["speaker"].split("(")[0].split()
    if (not _a_name(key) or _a_field(key) or key.split("(")[0].strip() in _PROSE_LABELS
            or name[0].casefold() in _GREETING_WORDS or name[0].casefold() in _SIGN_OFF_WORDS
            or not all(w[:1].isupper() for w in name if w[:1].isalpha()) or m["speaker"].isupper()):
        return None
    return m


# First words of a sign-off alone on its line, which is no speaker's label: "Best", "Regards", "Cheers".
_SIGN_OFF_WORDS = frozenset({"best", "regards", "cheers", "thanks", "thank", "sincerely", "warmly", "kind", "warm",
                             "many", "all", "yours", "take", "talk", "speak", "love", "xo", "x"})


def _someone_talks(text: str, keyed: list[tuple[str, re.Match[str]]], ends: list[int], names: set[str]) -> bool:
    """Whether one of ``names`` says something on its label's line somewhere: three words or more, one of
    them a word people talk with ("I", "you", "is", "can't", "thanks") or a question. People talk; an
    order's fields do not, short ("Product: Rain jacket / Size: Large", twice) or long ("Product:
    Lightweight rain jacket with hood") (a terse "Dana: ok" beside one who talks is a speaker). (The
    line, not the turn: the last field's turn runs on into the reply.)"""
    def talks(m: re.Match[str], end: int) -> bool:  # (or the next line's, under a label alone on its line)
        line = text[m.end():end].lstrip().split("\n", 1)[0].rstrip()
        words = line.lower().replace("’", "'").split()
        return len(words) >= 3 and (line.endswith("?") or not _SPOKEN_WORDS.isdisjoint(w.strip(".,!;:") for w in words))

    return any(k in names and talks(m, end) for (k, m), end in zip(keyed, ends, strict=True))


# Words of something said, which an order's field values ("Lightweight rain jacket", "Deep sea blue") lack:
# pronouns, forms of "be", "have" and "do", modals, negation, greetings and thanks.
_SPOKEN_WORDS = frozenset({
    "i", "i'm", "i've", "i'll", "i'd", "im", "me", "my", "mine", "you", "you're", "you've", "you'll", "you'd",
    "your", "yours", "u", "ur", "we", "we're", "we've", "we'll", "our", "us", "he", "she", "they", "it", "it's",
    "its", "this", "that", "there", "here", "is", "isn't", "was", "wasn't", "are", "aren't", "were", "be", "been",
    "am", "have", "has", "had", "haven't", "hasn't", "do", "does", "did", "don't", "doesn't", "didn't", "can",
    "can't", "could", "couldn't", "will", "won't", "would", "wouldn't", "should", "not", "no", "never", "yes",
    "yeah", "ok", "okay", "please", "thanks", "thank", "hi", "hello", "hey", "sorry", "just", "what", "why", "how",
    "when", "where"})


def _two_names_talk(text: str, keyed: list[tuple[str, re.Match[str]]], ends: list[int]) -> set[str]:
    """Two names, each once ("Dana: my kettle broke ... / Sam: I've sent a new one ..."): a chat of
    one turn each, where judging the text as one reply read the customer's complaint as the agent's.
    Only where the labels are the whole text, each a capitalised word followed on its line by a
    sentence in the first person; else an empty set ("Refunds: we ... / Hours: ..." stays a reply's lines)."""
    if len(keyed) != 2 or text[:keyed[0][1].start()].strip():
        return set()
    keys = {k for k, _ in keyed}
    if len(keys) != 2:
        return set()
    for (key, label), end in zip(keyed, ends, strict=True):
        written = label["speaker"]
        if (_weak(label) or label["header"] is not None or " " in key or not _a_name(key) or key in _PROSE_LABELS
                or not written[:1].isupper() or written.isupper()
                or len(text[label.end():end].split()) < 3 or not _FIRST_PERSON.search(text, label.end(), end)):
            return set()  # (each says "I" or "my", as people in a chat do; a reply's lines say "we" and "you")
    return keys


_FIRST_PERSON = re.compile(r"\b(?:I|I['’](?:m|ve|ll|d)|my|me|mine)\b", re.I)


# Labels a reply's lines start with, each once, that are no person: "Reminder: ...", "Hours: ...".
_PROSE_LABELS = frozenset({"reminder", "summary", "answer", "question", "reason", "result", "example", "hint",
                           "steps", "solution", "issue", "problem", "cause", "fix", "workaround", "details", "info",
                           "faq", "edit", "disclaimer", "notice", "next", "today", "tomorrow", "hours", "price",
                           "cost", "fee", "refund", "delivery", "shipping", "returns", "return", "exchange",
                           "warranty", "policy", "location", "website", "web", "app", "contact", "attention",
                           "please", "also", "meanwhile", "yes", "no", "ok", "okay", "first", "second", "then",
                           "finally", "option", "alternatively", "tldr", "why", "what", "how", "when", "where",
                           "who", "good", "heads", "update", "urgent", "important", "attachment", "attachments",
                           "sorry", "thanks", "thank", "hi", "hello", "hey", "dear", "welcome", "congratulations",
                           "apologies", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday",
                           "saturday", "sunday", "weekdays", "weekends", "january", "february", "march", "april",
                           "may", "june", "july", "august", "september", "october", "november", "december",
                           "morning", "afternoon", "evening", "tonight", "now", "later", "soon", "before", "after",
                           "done", "fixed", "sent", "status", "plan", "goal", "outcome", "note", "tip"})


def _answered_once(text: str, keyed: list[tuple[str, re.Match[str]]], ends: list[int], speaker: str) -> set[str]:
    """The name that labels one line only, between two turns of ``speaker`` (the one speaker found), as a
    set of it, else an empty set: "Dana: ... / Sam: ... / Dana: ..." is a chat where the agent answered
    once. Not where two such names are there (which would be the speaker?), nor where the words after
    it are too few to be something said ("Size: Large" between two "Item: " lines of an order email).
    Where ``speaker``'s label says the agent or the customer, the name need not be between two of their
    turns, since that label tells who is who ("Customer: ... / Sam: ...", "Dana: ... / Agent: ..."), where
    both say something on their label's line ("Customer: Dana Whitfield / Product: Rain jacket with hood"
    says nothing) and the name is no reply's heading ("Refunds: ...", "Hours: ...").
    """
    others = [i for i, (k, m) in enumerate(keyed) if k != speaker and _a_name(k) and not _weak(m)]
    if len(others) != 1:
        return set()
    at = others[0]
    spoken_by = [i for i, (k, _) in enumerate(keyed) if k == speaker]
    if not spoken_by[0] < at < spoken_by[-1]:
        name = keyed[at][0]
        a_person = (_is_agent(speaker) or bool(_words(speaker) & CUSTOMER_WORDS)) and not _words(speaker) & BOT_WORDS
        if a_person and not {name, name.removesuffix("s")} & _PROSE_LABELS and keyed[at][1]["header"] is None \
                and _someone_talks(text, keyed, ends, {speaker}) and _someone_talks(text, keyed, ends, {name}):
            return {name}
        return set()
    after = next(i for i in spoken_by if i > at)
    if len(text[keyed[at][1].end():keyed[after][1].start()].split()) < 3:
        return set()
    return {keyed[at][0]}


# First words of a line that opens a reply, not an export's header: "Hi Sam", "Dear Dana", "Good morning".
_GREETING_WORDS = frozenset({"hi", "hello", "hey", "dear", "good", "greetings", "thanks", "thank", "morning",
                             "afternoon", "evening", "hiya", "howdy"})


def _a_header(before: str) -> bool:
    """Whether the text before a transcript's first label is an export's header ("Chat #4471", "Chat #4471,
    exported 26 Nov 2026"): one short line that is no sentence (no end punctuation) and no greeting ("Hi Sam,")."""
    line = before.strip()
    words = line.casefold().split()
    return ("\n" not in line and len(words) <= 12 and not line.endswith((".", ",", "!", "?", ";", ":"))
            and words[0].strip(",!") not in _GREETING_WORDS)


def _opens_as_agent(text: str) -> bool:
    """Whether the text's first line may start with the agent's label ("Agent: ...", "[10:42] Support: ..."),
    which alone makes it a turn: a word of the agent's side before its first colon."""
    head = text[:120].lstrip().split("\n", 1)[0]
    return ":" in head and not _words(head.split(": ", 1)[0]).isdisjoint(AGENT_WORDS)


def _lines_like_labels(text: str, enough: int) -> bool:
    """Whether ``enough`` lines have a colon in their first 80 characters (not the first), then a space or the
    line's end. Found from each such colon: a pattern anchored at every line start took ten times as long."""
    found, last = 0, -1
    for m in _COLON_LIKE.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        if start != last and 1 <= m.start() - start <= 80:
            found, last = found + 1, start
            if found >= enough:
                return True
    return False


def _other_labels_like(text: str) -> bool:
    """Whether ``text`` may have the labels that ``_lines_like_labels`` misses: a dash, a header line, no space."""
    return " - " in text or " – " in text or " — " in text or _OTHER_LIKE.search(text) is not None


def _weak(label: re.Match[str]) -> bool:
    """Whether a label is in a form that prose has too ("Note - ...", "Re:Your order")."""
    return label["dash"] is not None or label["tight"] is not None


def _said(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of ``text[start:end]`` that its speaker wrote, without the lines they did not, each stripped."""
    if not _NOT_SAID.match(text, start) and not _NOT_SAID_LINE.search(text, start, end):  # (most turns)
        part = text[start:end]
        return [(start + len(part) - len(part.lstrip()), start + len(part.rstrip()))] if part.strip() else []
    cuts, pos = [start], start
    for line in text[start:end].splitlines(keepends=True):
        if _NOT_SAID.match(line):
            cuts += [pos, pos + len(line)]
        pos += len(line)
    cuts.append(end)
    return _kept(text, cuts)


def _kept(text: str, cuts: list[int]) -> list[tuple[int, int]]:
    """The spans of ``text`` between each pair of ``cuts`` (start, end, start, end...) that hold words, each
    stripped."""
    spans = []
    for lo, hi in zip(cuts[::2], cuts[1::2], strict=True):
        part = text[lo:hi]
        if part.strip():
            spans.append((lo + len(part) - len(part.lstrip()), lo + len(part.rstrip())))
    return spans


def unquoted_parts(text: str, end: int) -> tuple[list[tuple[int, int]] | None, list[tuple[int, int]]]:
    """The spans of a plain reply ``text[:end]`` (no transcript) to judge, each stripped, and the
    lines left out as chat events.

    Its quoted lines ("> ...": a customer's question answered in between) are left out, and so is
    the "On ... wrote:" line over such quotes; a line that starts with a time stamp ("[10:42] I've
    refunded the order.") is the writer's, judged without its stamp; a line framed as a chat event
    ("*** Dana left the chat ***", perhaps after a stamp) is no one's words, left out and returned
    (the second value) so that the caller says so. The spans are None where nothing is left out nor
    stripped, or where it is all quote (then it is judged whole).
    """
    if not (_NOT_SAID.match(text) or _NOT_SAID_LINE.search(text, 0, end)):
        return None, []
    cuts = _attributions(text, end)  # (each is lines of its own, in order: it cuts a span in two at most)
    said, events = _plain_said(text, end)
    spans: list[tuple[int, int]] = []
    i = 0
    for span in said:  # (one pass over both: cutting every span by every line was quadratic)
        while i < len(cuts) and cuts[i][1] <= span[0]:
            i += 1
        pieces, j = [span], i
        while pieces and j < len(cuts) and cuts[j][0] < span[1]:
            pieces += _without(text, pieces.pop(), *cuts[j])
            j += 1
        spans += pieces
    return spans or None, events


def _plain_said(text: str, end: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The spans of ``text[:end]``, a plain reply, that its writer wrote, each stripped, and the chat
    event lines in it, each stripped. In a transcript a stamped line with no label is a chat event
    ("(10:43:30 AM) Dana left the chat"); in a reply it is the writer's words ("[10:42] I've refunded
    the order."), judged after its stamp. A line whose "***" has a space after it is an event's frame
    (Markdown's bold italic, "***Important***", has none), or a rule ("***" alone)."""
    cuts, pos, events = [0], 0, []
    for line in text[:end].splitlines(keepends=True):
        if _NOT_SAID.match(line):
            body = line.lstrip(" \t")
            if body.startswith(">"):
                cuts += [pos, pos + len(line)]
            else:
                before = _BEFORE_EVENT.match(line)  # (it matches "" at least)
                after = line[before.end() if before is not None else 0:]
                stamp = _BRACKETED_TIME.match(line)
                if after.startswith("***") and after[3:4] in ("", " ", "\t", "\r", "\n"):
                    cuts += [pos, pos + len(line)]
                    if after.strip(" \t\r\n*"):  # (a rule, "***" alone, has no words to leave out)
                        lo = pos + len(line) - len(line.lstrip())
                        events.append((lo, lo + len(line.strip())))
                elif stamp is not None:  # (the stamp is cut, the words after it judged)
                    cuts += [pos, pos + stamp.end()]
        pos += len(line)
    cuts.append(end)
    return _kept(text, cuts), events


def _without(text: str, span: tuple[int, int], lo: int, hi: int) -> list[tuple[int, int]]:
    """``span`` of ``text`` without ``text[lo:hi]``, each part stripped and none empty."""
    a, b = span
    parts = [(a, b)] if hi <= a or lo >= b else [(a, lo), (hi, b)]
    stripped = []
    for x, y in parts:
        part = text[x:y]
        if part.strip():
            stripped.append((x + len(part) - len(part.lstrip()), x + len(part.rstrip())))
    return stripped


def _naming(options: str, keyword: str = "agent=NAME") -> str:
    """How to name the agent, in the caller's words: on the command line the review option alone (a writer typing
    `scriptkit review` was told of `agent=NAME in lint_text`, the Python API); from Python, both."""
    from scriptkit.linting import on_the_command_line  # (read when a hint is written, after linting is loaded)

    return options if on_the_command_line() else f"{options} in scriptkit review, {keyword} in lint_text"


def agent_turns(text: str, agent: str | None = None, file: str = "<text>") -> list[Turn] | None:
    """The agent's turns of a transcript, or None for a plain reply (judge all of it).

    The agent is ``agent``, else every speaker whose label says support ("Agent", "Sam
    (Support)"), else, where the others' labels say customer or bot, the one speaker left, else
    the one a chat event says joined ("*** Sam joined the chat ***").

    A ConfigError (located at the top of ``file``) when ``agent`` is no speaker of the text,
    when the text is not a transcript though ``agent`` is given, when every speaker is the
    customer or a bot (there is no reply to judge), or when the labels are only names and none
    of the above says which is the agent (``agent`` must say it). Where no label has words after it
    (its lines are stamped ones, "[10:00] parcel sorry please", which a transcript reads as chat
    events) and none is the agent's, the text is judged as a plain reply (None).
    """
    if agent is not None:
        agent = agent.strip().removesuffix(":").rstrip()  # (a label copied with its colon is still the name)
        if not agent:
            raise ConfigError("the agent's name is empty", Location(file, 1, 1),
                              "Name the agent as the transcript labels them ("
                              + _naming("--agent Sam", keyword="agent='Sam'") + "), or leave it out.")
    speakers: dict[str, str] = {}  # every speaker, by key, as first written (those who wrote nothing too)
    found = turns(text, agent, speakers)
    if agent is not None:
        mine = [t for t in found or () if _key(t.speaker) == _key(agent)]
        if mine:
            return mine
        if found is not None:
            # (a transcript with no agent named is still one, judged or refused as such: the hint names the
            # speakers with words, not a "plain reply" the text is not)
            said = list(dict.fromkeys(t.speaker for t in found)) or list(speakers.values())
            options = _naming(" or ".join(f'--agent "{n}"' for n in said))
            if _key(agent) in speakers:  # ("[10:00] Sam:" lines, their words on none)
                raise ConfigError(f"no words of '{agent}' in the transcript: each line labelled "
                                  f"{speakers[_key(agent)]} has nothing after its label", Location(file, 1, 1),
                                  f"Write the agent's words after their label ('{speakers[_key(agent)]}: ...'), "
                                  f"or name a speaker who wrote some ({options}).")
            raise ConfigError(f"no speaker '{agent}' in the transcript: its speakers are "
                              f"{', '.join(speakers.values())}", Location(file, 1, 1),
                              f"Name the agent as the transcript labels them ({options}).")
        labels = _written_labels(text)
        where = (f"its speakers are {', '.join(labels)}" if labels else
                 "the text reads as a plain reply, with no line that starts with a speaker's label")
        raise ConfigError(f"no speaker '{agent}' in the transcript: {where}", Location(file, 1, 1),
                          "Name the agent as the transcript labels them, or name no agent to judge the text "
                          "as a plain reply.")
    if found is None:
        return None
    mine = [t for t in found if _is_agent(t.speaker)]
    if mine:
        return mine
    labelled: dict[str, str] = {}  # each speaker with words, by their label as first written
    for t in found:
        labelled.setdefault(_key(t.speaker), t.speaker)
    people = [k for k in labelled if not _words(k) & (CUSTOMER_WORDS | BOT_WORDS)]
    others = [k for k in speakers if k not in people]  # (the customer and bots, and speakers who wrote nothing)
    if len(people) == 1 and (len(labelled) > 1 or (others and all(_words(k) & (CUSTOMER_WORDS | BOT_WORDS)
                                                                    for k in others))):
        return [t for t in found if _key(t.speaker) == people[0]]  # (the others are the customer or bots)
    joined = {_key(m["speaker"]) for m in _JOINED.finditer(text)} & set(people)
    if len(joined) == 1 and len(people) > 1:  # ("*** Sam joined the chat ***": who joins a customer's chat answers it)
        return [t for t in found if _key(t.speaker) in joined]
    if not people:
        silent = [n for n in dict.fromkeys(" ".join(m["speaker"].split()) for m in _LABEL.finditer(text))
                  if _is_agent(n) and _key(n) not in labelled]
        if not found and not silent:  # (no label has words after it: the lines that do are no one's turn)
            return None  # (judged as the plain reply they read as, each stamp cut: nothing refused, nothing lost)
        names = list(labelled.values())
        where = f"its only speaker is {names[0]}" if len(names) == 1 else f"its speakers are {', '.join(names)}"
        if silent:  # ("Agent:" with nothing after it: the agent is there, their words are not)
            where = f"{' and '.join(silent)} wrote nothing"
        raise ConfigError(f"no agent turns in the transcript: {where}", Location(file, 1, 1),
                          f"Paste the agent's turns too, or name the label the agent writes under "
                          f"({_naming('--agent NAME')}).")
    # Only names, and nothing says which is the support side: a guess judges the customer's words as the
    # reply when wrong, and judging all of it does every time (their complaint read as the agent's).
    names = list(labelled.values())
    options = " or ".join(f'--agent "{n}"' for n in reversed(names))
    if len(names) == 1:  # (the others wrote nothing: "[10:00] Sam" lines with no words under them)
        quiet = [n for k, n in speakers.items() if k not in labelled and (n[:1].isupper() or _says_who(k))]
        besides = f" ({' and '.join(quiet)} wrote nothing)" if quiet else ""
        raise ConfigError(f"cannot tell whether {names[0]} is the agent: {names[0]} is the only speaker with words"
                          f"{besides}, and no label says Agent, Support or Customer", Location(file, 1, 1),
                          f"Name the agent ({_naming(options)}), or label "
                          f"the other side's lines 'Customer: ...'.")
    raise ConfigError(f"cannot tell which speaker is the agent: the transcript's speakers are "
                      f"{', '.join(names[:-1])} and {names[-1]}, and no label says Agent, Support or Customer",
                      Location(file, 1, 1),
                      f"Name the speaker whose turns are the reply ({_naming(options)}).")


def within_a_turn(diagnostics: Iterable[Diagnostic], turns: Sequence[Turn], source: SourceText) -> None:
    """End each of ``diagnostics`` located in ``source`` (a transcript) that runs past the agent's turn it starts
    in at that turn's end: a finding on the whole reply, read over the agent's turns joined, ran from the first
    to the last and so took in the customer's lines between them, which a code host's annotation then marks."""
    for d in diagnostics:
        where = d.location
        if where.file != source.path or where.offset < 0 or "end_line" not in d.extra:
            continue
        last = source.offset(int(d.extra["end_line"]) - 1, int(d.extra["end_col"]) - 2)  # (its last character)
        turn = next((t for t in turns if t.start <= where.offset < t.end), None)
        if turn is not None and last >= turn.end:
            end = source.location(turn.end - 1)
            d.extra = {**d.extra, "end_line": str(end.line), "end_col": str(end.col + 1)}


def _written_labels(text: str) -> list[str]:
    """The names that start lines as a label would, as written, for a message: not fields ("Order number: "),
    nor a stamped line's lower-case words ("[10:00] parcel sorry please" is no Teams header's name)."""
    return list(dict.fromkeys(
        " ".join(m["speaker"].split()) for m in _LABEL.finditer(text)
        if _a_name(_key(m["speaker"])) and not _a_field(_key(m["speaker"]))
        and (m["header"] is None or m["speaker"][:1].isupper())))


# Where the earlier messages quoted under an email reply start: Gmail's and Apple Mail's "On Tue,
# ... Dana <dana@example.com> wrote:" (perhaps wrapped) before "> " lines, Outlook's "-----Original
# Message-----" or its "From: ... / Sent: ..." block, a "Forwarded message" line; each also as a
# mail program set to German, French, Spanish, Dutch or Italian writes it ("Am ... schrieb Dana <...>:"). A rule
# over it is its first line: Outlook's "________________________________" (or dashes) over the From: block, which
# left in the reply read as a fill-in blank, and the sign-off above it as a sentence.
_THREAD = re.compile(
    r"^[ \t]*(?:(?:_{3,}|-{3,})[ \t]*\r?\n(?:[ \t]*\r?\n)*[ \t]*)?"  # (the rule over it)
    r"(?:(?P<on>(?:On|Am|Le|El|Op|Il) [^\n]{1,200}?(?:\n[^\n]{1,200}?)?"
    r"(?:wrote|schrieb[^\n]{0,100}?|a écrit[ \t]?|escribió|schreef|ha scritto):)[ \t]*\r?\n(?:[ \t]*\r?\n)*[ \t]*>"
    r"|-{3,}[ \t]*(?i:original message|forwarded message)[ \t]*-{3,}"
    r"|(?:From|Von|De|Van|Da)[ \t]?:[^\n]*\n[ \t]*"  # (not "From: 9am" then "To: 5pm")
    r"(?:Sent|Date|Gesendet|Datum|Envoyé|Enviado(?: el)?|Verzonden|Inviato|Data)[ \t]?:)",
    re.M)


# A signature under a reply: the "-- " line that delimits one (RFC 3676; mail programs also write "--"),
# or a mobile mail program's own line. Its name, title and phone number are not sentences of the reply.
_SIGNATURE = re.compile(r"^--[ \t]?\r?$|^[ \t]*(?:Sent from my [^\n]{1,40}|Get Outlook for (?:iOS|Android))[ \t]*\r?$",
                        re.M)


# An email's disclaimer, a paragraph of its own under the reply: "CONFIDENTIALITY NOTICE: ...", "Disclaimer: ...",
# "This email and any attachments are confidential and intended solely for ..." (its "Thank you for your
# understanding" and "We apologize for any inconvenience" are the company's legal text, not the agent's words).
_DISCLAIMER = re.compile(
    r"(?:\A|\n[ \t]*\r?\n)[ \t]*\**(?=(?:CONFIDENTIALITY(?:[ \t]+NOTICE)?|DISCLAIMER|PRIVILEGED(?:[ \t]+AND[ \t]+"
    r"CONFIDENTIAL)?|(?:LEGAL|IMPORTANT|PRIVACY)[ \t]+NOTICE|Confidentiality(?:[ \t]+[Nn]otice)?|Disclaimer)\**[ \t]*:"
    r"|(?i:this|the[ \t]+information[ \t]+in[ \t]+this|the[ \t]+contents?[ \t]+of[ \t]+this)[ \t]+(?i:e-?mail|message)"
    r"\b[^\n]{0,200}?\b(?i:confidential|privileged|intended[ \t]+(?:solely|only)|not[ \t]+the[ \t]+intended))")


def signature(text: str) -> int | None:
    """Where the signature under a reply starts ("-- ", "Sent from my iPhone"), or its disclaimer
    (``_DISCLAIMER``), or None (none, or nothing before it)."""
    return min(signature_parts(text).values(), default=None)


def signature_parts(text: str) -> dict[str, int]:
    """Where the ``"signature"`` under a reply ("-- ", "Sent from my iPhone") and its ``"disclaimer"`` start, each
    found with something before it."""
    found: dict[str, int] = {}
    # (most replies: no pattern run)
    if any(word in text for word in ("onfidential", "ONFIDENTIAL", "isclaimer", "ISCLAIMER", "NOTICE", "ntended")) \
            and (disclaimer := _DISCLAIMER.search(text)) is not None:
        found["disclaimer"] = disclaimer.end()
    if ("Sent from" in text or "--" in text or "Outlook" in text) and (signed := _SIGNATURE.search(text)) is not None:
        found["signature"] = signed.start()
    return {kind: at for kind, at in found.items() if text[:at].strip()}


def quoted_thread(text: str) -> int | None:
    """Where the thread quoted under an email reply starts, or None: ``text[:offset]`` is the reply.

    None too when nothing comes before the quote (a text that is only a quote is judged whole), and
    for quotes answered in between ("> And the fee?" then "There's none."): those answers are the reply.
    """
    cut = _quoted_tail(text)
    for header in _THREAD.finditer(text):
        if cut is not None and header.start() >= cut:
            break
        if header["on"] is None or not _answered_below(text, header.end()):
            cut = header.start()  # ("On ... wrote:" over questions answered below it: the answers are the reply)
            break
    return cut if cut is not None and text[:cut].strip() else None


def _answered_below(text: str, quote: int) -> bool:
    """Whether the "> " lines from the one that holds ``quote`` on are answered in between: a line of the
    writer's own comes after them ("> When will it arrive?" then "It ships today.") and a further quote
    after that, not a further quoted thread or a signature. A line the mail program wrapped, its ">" lost
    (a long quoted line with no end, then a line in lower case), is the quote's; and what follows the last
    quote alone (a company footer) answers nothing."""
    pos = text.find("\n", quote)
    line = text[text.rfind("\n", 0, quote) + 1:len(text) if pos < 0 else pos].strip()
    answered, last_quote = False, line if line.startswith(">") else ""
    while pos >= 0:
        start, pos = pos + 1, text.find("\n", pos + 1)
        said = text[start:len(text) if pos < 0 else pos].strip()
        if not said:
            last_quote = ""
        elif said.startswith(">"):
            if answered:
                return True
            last_quote = said
        elif last_quote and (said[0].islower() or (len(last_quote) >= 60 and not last_quote.endswith(_ENDS))):
            continue  # (the wrapped rest of the quoted line above)
        elif _THREAD.match(text, start) is not None or _SIGNATURE.match(text, start) is not None:
            return False
        else:
            answered, last_quote = True, ""
    return False


_ENDS = (".", "!", "?", ":", ")", '"', "'")


def _attributions(text: str, end: int) -> list[tuple[int, int]]:
    """The "On ... wrote:" lines of ``text[:end]`` over quotes answered below them (with the blank
    lines under them): the writer's mail program wrote them, not the writer."""
    return [(m.start(), text.rfind("\n", 0, m.end()) + 1) for m in _THREAD.finditer(text, 0, end)
            if m["on"] is not None and _answered_below(text, m.end())]


def _quoted_tail(text: str) -> int | None:
    """Where the block of "> " lines (and blank ones) that runs to the end of ``text`` starts, if any.

    A scan from the end, line by line: a pattern for it backtracked for seconds on a few thousand lines.
    """
    cut, pos = None, len(text)
    for line in reversed(text.splitlines(keepends=True)):
        pos -= len(line)
        said = line.strip()
        if said.startswith(">"):
            cut = pos
        elif said:
            break
    return cut


# Line breaks other than "\n" and "\r\n": a "\r" alone (old Mac files, some web exports), and the line and
# paragraph separators and NEL of text copied from web pages. Read as one line, a transcript is no transcript.
_BREAK_CHARS = "\r\u2028\u2029\x85"
_OTHER_BREAKS = re.compile(f"\r(?!\n)|[{_BREAK_CHARS[1:]}]")
# No-break spaces: after a label's colon copied from a chat widget, before "AM" in macOS's times ("10:42\u202fAM").
_SPACE_CHARS = "\u00a0\u202f\u2007"
_OTHER_SPACES = re.compile(f"[{_SPACE_CHARS}]")


def unified_breaks(text: str) -> str:
    r"""``text`` with each line break a "\n" or "\r\n", character for character (offsets stay the same)."""
    # (each pattern only where one of its characters is there at all: a scan per character is ~20x
    # cheaper than the patterns, which cannot skip ahead, over the ordinary reply that has none)
    if any(map(text.__contains__, _BREAK_CHARS)):
        text = _OTHER_BREAKS.sub("\n", text)
    return text


def plain_spaces(text: str) -> str:
    """``text`` with each no-break space a space, character for character: how its layout (labels, quoted
    threads, signatures) is read. The reply itself keeps them: a French SMS's "demain\u00a0!" is UCS-2 (SK104)."""
    if not text.isascii() and any(map(text.__contains__, _SPACE_CHARS)):
        text = _OTHER_SPACES.sub(" ", text)
    return text


def unified_spacing(text: str) -> str:
    r"""``text`` with each line break a "\n" or "\r\n" and each no-break space a space, character for character
    (offsets stay the same)."""
    return plain_spaces(unified_breaks(text))


# Pasted HTML (a helpdesk's HTML view, an email's source): the tags that say it is HTML, and its pieces.
_HTML_TAG = re.compile(r"<(?:p|br|div|span|li|ul|ol|table|tr|td|b|strong|i|em|a|font|h[1-6]|blockquote|hr|html|body)"
                       r"\b[^<>]*>", re.I)
_HTML_PIECE = re.compile(
    r"<!--.*?(?:-->|\Z)|<(?P<hidden>script|style|head|title)\b.*?(?:</(?P=hidden)\s*>|\Z)"
    r"|<(?P<close>/?)(?P<tag>[a-z][a-z0-9]*)\b[^<>]*>|<[!?][^<>]*>"
    r"|(?P<entity>&(?:#[0-9]{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,30});)|(?P<space>\s+)",
    re.I | re.S)
_LINE_TAGS = frozenset({"div", "li", "tr", "dt", "dd", "section", "article", "header", "footer", "address"})
_PARAGRAPH_TAGS = frozenset({"p", "ul", "ol", "dl", "table", "blockquote", "hr", "pre", "h1", "h2", "h3", "h4", "h5",
                             "h6", "body", "html"})


@dataclass(frozen=True)
class PastedText:
    """The text of what a user pasted (HTML, an email's source) as a reader sees it, and where each of
    its characters is in what they pasted.

    ``what``: what it was read as ("HTML", "an email"). From HTML, paragraphs and lines are
    kept, entities decoded, a list item is "- ...", a ``<blockquote>``'s lines are quoted ("> ...", so
    a thread quoted under an email is found as in plain text).
    """

    text: str
    what: str
    _starts: tuple[int, ...]  # the text's runs: where each starts in the text,
    _origins: tuple[int, ...]  # where it comes from,
    _copied: tuple[bool, ...]  # and whether it is the source's characters (else one piece: "&amp;", "=E2=80=99")
    _under: PastedText | None = None  # the text it was itself read from (an email's HTML part), if any
    #: an email's: the charset its text part names that no codec reads, and where its Content-Type header is
    unknown_charset: tuple[str, int] | None = None
    #: an email's: where the Content-Type of the text/html part it also holds is, left for its text/plain one
    html_part_at: int | None = None

    def origin(self, offset: int) -> int:
        """Where ``text[offset]`` is in the file (an offset at the text's end: the file's last run)."""
        i = max(0, bisect_right(self._starts, offset) - 1)
        at = self._origins[i] + (offset - self._starts[i] if self._copied[i] else 0) if self._starts else 0
        return self._under.origin(at) if self._under is not None else at

    def origin_end(self, end: int) -> int:
        """Where a span of ``text`` that ends (exclusive) at ``end`` ends in the file."""
        return self.origin(end - 1) + 1 if end > 0 else 0


class _Runs:
    """A text built in runs, each with where it comes from: the source's own characters, or one piece."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.starts: list[int] = []
        self.origins: list[int] = []
        self.copied: list[bool] = []
        self.length = 0

    def add(self, piece: str, origin: int, copied: bool) -> None:
        self.parts.append(piece)
        self.starts.append(self.length)
        self.origins.append(origin)
        self.copied.append(copied)
        self.length += len(piece)

    def text(self, what: str, under: PastedText | None = None) -> PastedText:
        return PastedText("".join(self.parts), what, tuple(self.starts), tuple(self.origins), tuple(self.copied),
                          under)


def pasted_text(raw: str, file: str = "<text>") -> PastedText | None:
    """The text to judge in ``raw`` where it is an email's source or HTML, else None (judge ``raw``).
    A ConfigError, located in ``file``, for an email whose parts nest too deeply to read."""
    return email_text(raw, file) or html_text(raw)


def html_text(raw: str) -> PastedText | None:
    """The text of ``raw`` if it is HTML (it starts with a tag, or has three), else None."""
    if "<" not in raw:
        return None
    tags = _HTML_TAG.finditer(raw)
    first = next(tags, None)
    if first is None or (first.start() != len(raw) - len(raw.lstrip()) and len(list(islice(tags, 2))) < 2):
        return None
    return _read_html(raw, "HTML")


def _read_html(raw: str, what: str, under: PastedText | None = None) -> PastedText:
    """The text of the HTML ``raw``; ``under``: the text it was itself read from (an email's HTML part)."""
    out = _Runs()
    breaks, break_at, space_at, quoted, bullet = 0, 0, -1, 0, -1

    def put(piece: str, origin: int, is_copy: bool) -> None:
        nonlocal breaks, space_at, bullet
        if breaks and out.length:
            out.add(("\n" * min(breaks, 2)) + "> " * quoted, break_at, False)
        elif space_at >= 0 and out.length and not out.parts[-1].endswith("\n"):
            out.add(" ", space_at, False)
        if bullet >= 0:
            out.add("- ", bullet, False)
        breaks, space_at, bullet = 0, -1, -1
        out.add(piece, origin, is_copy)

    def space(origin: int) -> None:
        """Words end here (white space, HTML's "&nbsp;"): one space between them, none at a line's start."""
        nonlocal space_at
        if space_at < 0 and not breaks:
            space_at = origin

    def line_break(origin: int, paragraph: bool = False, forced: bool = False) -> None:
        """A line ends here: a paragraph's end, a block's (collapsing into the breaks before it) or a forced <br>."""
        nonlocal breaks, break_at, space_at
        if not breaks:
            break_at = origin
        breaks, space_at = breaks + 1 if forced else max(breaks, 2 if paragraph else 1), -1

    pos, preformatted = 0, 0
    for m in _HTML_PIECE.finditer(raw):
        if pos < m.start():
            put(raw[pos:m.start()], pos, True)
        pos = m.end()
        tag = (m["tag"] or "").lower()
        if m["space"] is not None:
            if preformatted:  # (in <pre>, as written: a plain-text transcript's lines and spaces)
                put(m[0], m.start(), True)
            else:
                space(m.start())
        elif m["entity"] is not None:
            char = html.unescape(m["entity"])
            if char.isspace():  # (&nbsp;: a space)
                space(m.start())
            else:
                put(char, m.start(), False)
        elif tag == "br":
            line_break(m.start(), forced=True)  # (two in a row: a blank line)
        elif tag in _LINE_TAGS or tag in _PARAGRAPH_TAGS:
            line_break(m.start(), paragraph=tag in _PARAGRAPH_TAGS)
            if tag == "blockquote":
                quoted = max(0, quoted + (-1 if m["close"] else 1))
            if tag == "pre":
                preformatted = max(0, preformatted + (-1 if m["close"] else 1))
            if tag == "li" and not m["close"]:
                bullet = m.start()
        elif tag in ("td", "th") and m["close"]:  # (a table's cells: words apart)
            space(m.start())
    if pos < len(raw):
        put(raw[pos:], pos, True)
    return out.text(what, under)


# An email's source (Gmail's "Show original", a saved .eml): headers, a blank line, then the body,
# perhaps in MIME parts, each with headers of its own, perhaps quoted-printable or base64.
_HEADER_LINE = re.compile(r"[A-Za-z][\w-]{0,70}:")
# Headers that only an email has, one of which it must have, with one more of them or of _MAIL_HEADERS
# (or a subject alone, copied with the reply).
_ONLY_MAIL_HEADERS = frozenset({"subject", "date", "message-id", "mime-version", "content-type", "received",
                                "content-transfer-encoding", "return-path", "delivered-to", "in-reply-to"})
_MAIL_HEADERS = _ONLY_MAIL_HEADERS | {"from", "to", "cc", "bcc", "reply-to", "sender"}
_QUOTED_PRINTABLE = re.compile(r"=([0-9A-Fa-f]{2})|(=[ \t]*\r?\n)|[^=]+|=")


def email_text(raw: str, file: str = "<text>") -> PastedText | None:
    """The text of ``raw`` if it is an email's source (the text/plain part, else the text/html one), else None.
    A ConfigError, located in ``file``, for MIME parts nested more than MAX_MIME_NESTING deep."""
    start = len(raw) - len(raw.lstrip())
    read = _headers(raw, start, len(raw)) if _HEADER_LINE.match(raw, start) else None
    if read is None:
        return None
    headers, _ = read
    names = {k.lower() for k in headers}
    if not names & _ONLY_MAIL_HEADERS or (len(names & _MAIL_HEADERS) < 2 and names != {"subject"}):
        return None  # ("Order number: 4471", "From: 9am" and "To: 5pm" on top of a reply; "Subject:" alone is one)
    try:
        part = _text_part(raw, start, len(raw))
        if part is None:  # (an attachment alone, an image: judged, its headers read as the reply's first sentence)
            raise _Unreadable(_content_type_at(raw, start, len(raw)), "it has no text part"
                              + (f" (its parts: {', '.join(kinds)})" if (kinds := _part_kinds(raw[start:])) else ""))
    except _TooDeep as exc:  # (its text unread, the headers were judged as the reply)
        raise ConfigError(f"the email's MIME parts are nested more than {MAX_MIME_NESTING} deep, past where "
                          "review reads them", SourceText(file, raw).location(exc.args[0]),
                          "Paste the reply's text itself, or the email as the mail program shows it.") from None
    except _Unreadable as exc:
        raise _refused(raw, file, exc) from None
    headers, body, end = part
    charset = headers.get_content_charset() or "utf-8"
    unknown = ""
    try:
        if "a".encode(charset) != b"a":  # (UTF-16 and the like: an email's text is not in them)
            charset = "utf-8"
    except (LookupError, ValueError):  # (no such charset: said, since its letters may read wrong)
        unknown, charset = charset, "utf-8"
    encoding = str(headers.get("content-transfer-encoding", "")).strip().lower()
    decoded = _Runs()
    if encoding == "quoted-printable":
        _quoted_printable(raw, body, end, charset, decoded)
    elif encoding == "base64":
        try:
            _base64(raw, body, end, charset, decoded)
        except _Unreadable as exc:
            raise _refused(raw, file, exc) from None
    else:
        decoded.add(raw[body:end], body, True)
    # (base64 has no place for a word: the note says where its lines and columns point instead)
    what = ("an email with its text base64-encoded (a line and column are those of the base64 that encodes the "
            "words)" if encoding == "base64" else "an email")
    text = decoded.text(what)
    if headers.get_content_type() == "text/html":
        text = _read_html(text.text, text.what, text)
    # (said where each is, not in the note at 1:1: a reader looks for the header, or the part, it names)
    typed = raw.rfind("\n", 0, body - 1) + 1
    while typed > 0 and not _CONTENT_TYPE.match(raw, typed):  # (the text part's own Content-Type header)
        typed = raw.rfind("\n", 0, typed - 1) + 1
    html = None if headers.get_content_type() == "text/html" else next(
        (m.start() for m in _HTML_TYPE.finditer(raw, start) if not body <= m.start() < end), None)
    return replace(text, unknown_charset=(unknown, typed) if unknown else None, html_part_at=html)


_HTML_TYPE = re.compile(r"^content-type:[ \t]*text/html\b", re.I | re.M)


def _headers(raw: str, start: int, end: int) -> tuple[Message, int] | None:
    """The header block that starts ``raw[start:end]`` and where the body after it starts, or None (no headers)."""
    lines: list[str] = []
    pos = start
    while pos < end:
        stop = raw.find("\n", pos, end) + 1 or end
        line = raw[pos:stop]
        if not line.strip():
            return HeaderParser().parsestr("".join(lines)), stop
        if not (_HEADER_LINE.match(line) or (lines and line[:1] in " \t")):
            return None
        lines.append(line)
        pos = stop
    return None


# how deeply MIME parts may nest (a real email's: 3 or 4): each level scans its part's text again
MAX_MIME_NESTING = 8


class _TooDeep(Exception):
    """A multipart entity nested past MAX_MIME_NESTING; its offset in the text."""


class _Unreadable(Exception):
    """An email whose text cannot be read: the offset in the text where it breaks, and why."""


def _refused(raw: str, file: str, exc: _Unreadable) -> ConfigError:
    at, why = exc.args
    return ConfigError(f"the email could not be read: {why}", SourceText(file, raw).location(at),
                       "Paste the reply's text itself, or the whole email as the mail program saves it "
                       "(Show original, Save as .eml).")


_CONTENT_TYPE = re.compile(r"^content-type:", re.I | re.M)


def _content_type_at(raw: str, start: int, end: int) -> int:
    """Where the Content-Type header of the entity at ``raw[start:end]`` is (else ``start``)."""
    found = _CONTENT_TYPE.search(raw, start, end)
    return found.start() if found is not None else start


def _part_kinds(raw: str) -> list[str]:
    """The content types of an email's parts that are no multipart ("application/pdf", "image/png")."""
    from email import message_from_string

    return list(dict.fromkeys(p.get_content_type() for p in message_from_string(raw).walk()
                              if not p.is_multipart() and not p.get_content_type().startswith("multipart/")))


def _text_part(raw: str, start: int, end: int, depth: int = 0) -> tuple[Message, int, int] | None:
    """The text part of the MIME entity at ``raw[start:end]``: its headers, where its body starts and ends."""
    read = _headers(raw, start, end)
    if read is None and depth:  # (a part with no headers of its own is text/plain)
        read = (HeaderParser().parsestr(""), start)
    if read is None:
        return None
    headers, body = read
    kind = headers.get_content_type()
    if kind in ("text/plain", "text/html"):
        return headers, body, end
    if not kind.startswith("multipart/"):
        return None
    boundary = headers.get_param("boundary")
    if not isinstance(boundary, str) or not boundary:  # (its parts cannot be told apart)
        raise _Unreadable(_content_type_at(raw, start, body), f"its Content-Type is {kind} but names no boundary, "
                          "the line that separates its parts")
    if depth >= MAX_MIME_NESTING:
        raise _TooDeep(start)
    marks = list(re.compile(rf"^--{re.escape(boundary)}(--)?[ \t]*\r?$", re.M).finditer(raw, body, end))
    if not marks:  # (a boundary mistyped, or the email cut before its first part)
        raise _Unreadable(_content_type_at(raw, start, body), f'no line of it is the boundary "--{boundary}" that '
                          "its Content-Type names, so its parts cannot be found")
    if not any(m[1] for m in marks):  # (its text would be judged cut mid-word, or not found at all)
        raise _Unreadable(len(raw[:end].rstrip()), f'it ends before its closing boundary "--{boundary}--", '
                          "as if the email was cut short")
    found = None
    for mark, after in pairwise(marks):
        if mark[1]:
            break
        part = _text_part(raw, raw.find("\n", mark.end(), after.start()) + 1 or after.start(), after.start(),
                          depth + 1)
        if part is not None and part[0].get_content_type() == "text/plain":
            return part
        found = found or part
    return found


def _quoted_printable(raw: str, start: int, end: int, charset: str, out: _Runs) -> None:
    decoder = codecs.getincrementaldecoder(charset)("replace")
    pending = -1  # where the bytes of a character not yet whole start ("=E2" of "=E2=80=99")
    for m in _QUOTED_PRINTABLE.finditer(raw, start, end):
        if m[2]:
            continue  # (a soft line break: the encoding's, not the writer's)
        plain = m[1] is None
        chars = decoder.decode(m[0].encode(charset, "replace") if plain else bytes([int(m[1], 16)]))
        if not chars:
            pending = m.start() if pending < 0 else pending
            continue
        whole = plain and pending < 0 and len(chars) == len(m[0])
        out.add(chars, m.start() if pending < 0 else pending, whole)
        pending = -1


def _base64(raw: str, start: int, end: int, charset: str, out: _Runs) -> None:
    """Base64 has no place for each character: each is located at the base64 that encodes its first byte."""
    stray = re.compile(r"[^A-Za-z0-9+/=\s]").search(raw, start, end)
    if stray is not None:  # (dropped, the bytes after it shifted: garbage judged as the reply)
        raise _Unreadable(stray.start(), f"its base64 text has {stray[0]!r}, which base64 has no place for")
    where = [m.start() for m in re.finditer(r"[A-Za-z0-9+/]", raw[start:end])]
    code = "".join(raw[start + w] for w in where)
    if len(code) % 4 == 1:  # (no whole byte in a last group of one: the email was cut)
        raise _Unreadable(start + where[-1] + 1, "its base64 text stops part-way through a group of four "
                          "characters, as if the email was cut short")
    try:
        data = base64.b64decode(code + "=" * (-len(code) % 4))
    except binascii.Error as exc:
        raise _Unreadable(start, f"its base64 text does not decode ({exc})") from None
    decoder = codecs.getincrementaldecoder(charset)("replace")
    first = -1
    for k in range(len(data)):
        chars = decoder.decode(data[k:k + 1])
        first = k if first < 0 else first
        if chars:
            out.add(chars, start + where[min(first * 4 // 3, len(where) - 1)], False)
            first = -1


def _is_agent(speaker: str) -> bool:
    words = _words(speaker)
    return bool(words & AGENT_WORDS or (words & CUSTOMER_WORDS and words & _SERVICE_WORDS) or words == {"you"}) \
        and not words & BOT_WORDS


def _says_who(key: str) -> bool:
    """Whether a label says which side speaks: a role ("Agent", "Sam (Support)"), or "You" (a page's inbox)."""
    return bool(_words(key) & _ROLE_WORDS) or key == "you"


def _a_field(key: str) -> bool:
    """Whether a label is a field with a role word in it ("Customer ID: 4471", "Support plan: Pro"): no speaker."""
    return bool(set(key.split("(")[0].split()[1:]) & _FIELD_NOUNS)


def _a_name(key: str) -> bool:
    """Whether a label that is no role may be a person's name: not one letter ("Q: ... A: ..." is a
    reply's FAQ), nor a field ("Note: ...", "Order number: ...")."""
    return len(key) > 1 and key.split()[0] not in _FIELD_WORDS


def _key(speaker: str) -> str:
    return " ".join(speaker.casefold().split())


def _words(speaker: str) -> set[str]:
    return set(_WORD.findall(speaker.casefold()))


_WORD = re.compile(r"[^\W\d_]+")  # (letters, accented too: "conseillère" is one word, not "conseill" and "re")
