"""Chat and call transcripts: which lines are the agent's, so ``review`` judges only what the agent wrote.

A transcript is text whose lines start with a speaker label (``Agent: ...``, ``[10:42] Dana:
...``, ``Sam (Support): ...``). Without this, ``review`` would read the customer's lines as part
of the reply: their complaint as a late acknowledgment, their swearing as the agent's.

The agent is the speaker named with ``agent`` (``review --agent Sam``), else every speaker whose
label says it is the support side ("Agent", "Support", "Sam (Support)", "Me"). Text whose labels
say nothing about the support side is read as a plain reply, unless ``agent`` names a speaker.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from scriptkit.diagnostics import Location
from scriptkit.errors import ConfigError

# A label at the start of a line: an optional time stamp, then a name of up to five words and a colon.
_LABEL = re.compile(
    r"^[ \t]*(?:\[[^\]\n]{1,25}\][ \t]*|\(?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[AaPp][Mm])?\)?[ \t]+)?"
    r"(?P<speaker>[^\W\d_][\w'’.()-]*(?:[ \t][\w'’.()-]+){0,4}?)[ \t]*:[ \t]+(?=\S)",
    re.M)
# What every label line has, cheap to look for: a colon and a space near the start of a line.
_LABEL_LIKE = re.compile(r"^[^\n]{1,80}?:[ \t]", re.M)
AGENT_WORDS = frozenset({"agent", "support", "rep", "representative", "advisor", "adviser", "staff", "operator",
                         "assistant", "csr", "helpdesk", "specialist", "associate", "concierge", "me"})
CUSTOMER_WORDS = frozenset({"customer", "client", "user", "caller", "guest", "member", "patient", "visitor",
                            "shopper", "buyer", "requester", "requestor", "cust"})


@dataclass(frozen=True)
class Turn:
    """One speaker's turn: ``text[start:end]`` is what they said, after the label."""

    speaker: str
    start: int
    end: int


def turns(text: str, agent: str | None = None) -> list[Turn] | None:
    """The speaker turns of a transcript, or None when ``text`` does not read as one.

    A speaker is a label that says who speaks ("Agent", "Customer"), ``agent``'s, or one that
    starts two lines or more; any other "Word: " line ("Order number: 123") belongs to the turn
    it is in. A
    transcript starts with a speaker's label and has at least two speakers; a turn runs to the
    next speaker's label, so it may span several lines.
    """
    if len(_LABEL_LIKE.findall(text, 0, 4096)) < 2:
        return None  # (most replies: ruled out without the full pattern, ~1 us instead of ~18)
    keyed = [(_key(m.group("speaker")), m) for m in _LABEL.finditer(text)]
    counts = Counter(k for k, _ in keyed)
    named = _key(agent) if agent is not None else None
    speakers = {k for k, n in counts.items() if n >= 2 or k == named or _words(k) & (AGENT_WORDS | CUSTOMER_WORDS)}
    labels = [m for k, m in keyed if k in speakers]
    if len(speakers) < 2 or text[:labels[0].start()].strip():
        return None  # (a reply with a "Note: ..." line is not a transcript)
    found = []
    for m, end in zip(labels, [*(n.start() for n in labels[1:]), len(text)], strict=True):
        body = text[m.end():end].rstrip()
        found.append(Turn(" ".join(m.group("speaker").split()), m.end(), m.end() + len(body)))
    return found


def agent_turns(text: str, agent: str | None = None, file: str = "<text>") -> list[Turn] | None:
    """The agent's turns of a transcript, or None for a plain reply (judge all of it).

    ``agent``: the agent's speaker label; a ConfigError (located at the top of ``file``) when
    the text has no such speaker, or is not a transcript.
    """
    found = turns(text, agent)
    if agent is not None:
        mine = [t for t in found or () if _key(t.speaker) == _key(agent)]
        if not mine:
            speakers = list(dict.fromkeys(" ".join(m.group("speaker").split()) for m in _LABEL.finditer(text)))
            where = f"its speakers are {', '.join(speakers)}" if speakers else "no line starts with 'Name: '"
            raise ConfigError(f"no speaker '{agent}' in the transcript: {where}", Location(file, 1, 1),
                              "Name the agent as the transcript labels them, or leave out --agent for a plain reply.")
        return mine
    if found is None:
        return None
    mine = [t for t in found if _words(t.speaker) & AGENT_WORDS]
    return mine or None


def _key(speaker: str) -> str:
    return " ".join(speaker.casefold().split())


def _words(speaker: str) -> set[str]:
    return set(re.findall(r"[a-z]+", speaker.casefold()))
