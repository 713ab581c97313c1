"""``scriptkit audit``: the linter over a whole macro library, plus library-level findings.

Input is a pack folder, or any export ``scriptkit import`` reads, or several read as one library
(imported into a temporary pack first, so every macro is judged exactly as its imported script
would be).

Scores. Each macro gets a score from 0 to 100 on each of the four practices and on
readability, computed from its diagnostics (``practice_score``)::

    score(practice) = 0   when a finding says the practice is missing (``ABSENCE_RULES``:
                          missing-acknowledgment, no-warm-language, no-flexibility, missing-solution)
    score(practice) = 100 * product over its other findings of (1 - weight(severity))
    weight: error 0.5, warning 0.3, suggestion 0.1

so a missing practice scores 0, not a flaw's 70: a reply of "Your message has been noted and logged." has no
acknowledgment, warmth, room or solution to score. One warning costs 30 points, two cost 51. A reply over its
channel's length limit (SK104, SK105) weighs ``1 - sqrt(limit / length)`` where that is more than its
severity's: 1,152 words against email's 125 cost 67% of readability, 140 words a suggestion's 10% (``weight``).
The practice of a diagnostic is its rule family: empathy (SK3xx) -> acknowledgment, warmth (SK2xx) -> warm
language, solution (SK4xx) -> solution, except the flexibility rules (no-flexibility, unfilled-blank) -> flexibility;
readability (SK1xx) and grammar (SK9xx) -> readability. Dismissive language that shuts the door
(SK305's policy and deflecting kinds: "per our policy", "this decision is final") counts against the
solution too: a refusal is no way forward. Template (SK0xx) and custom rules are listed but not scored,
except those whose finding the customer reads (``READ_BY_CUSTOMER``: a sentence said again word for word, SK011;
Markdown stars or a typed ``\n`` sent as typed, SK007; a pasted thread, a hidden or garbled character, a greeting
run on or said twice), which cost readability (``audit_practice``).

Blanks. A blank the agent fills with what only the agent knows (a date, an amount, the reason) is
room: flexibility. A blank for a value the helpdesk holds (the customer's or the agent's name, the ticket
or order number: ``[Customer Name]``, ``{agent_name}`` as an export spells it; a helpdesk's field by its
path in single braces, ``{ticket.requester.first_name}``: ``field_placeholder``), or a placeholder in a
style no helpdesk fills (``{{ author }}`` in a CSV), is a placeholder that did not map (``Unmapped``):
the customer gets it as written unless the agent spots it. So does a fill-in marker that names nothing
(``XXXX``, ``____``): the agent is not told what goes there, and the helpdesk sends it as written, as it does
``[order number]``. Neither is room, and a macro that would send one,
or a fill-in marker SK407 finds in its text, is broken whatever else it does well: its overall score is at
most ``CAP`` (50), as is a reply with no solution (SK401: an apology alone is sympathy, not a reply) and
one more than a third of whose text repeats what it said already (SK011: a broken paste, ``REPEATED_SHARE``).
A helpdesk's own placeholder scriptkit does not know (an unknown Zendesk field) is the helpdesk's to fill:
no room either. A macro whose every blank is no room has no flexibility (0). A reply with no next step whose
answer is a blank alone on its line ("Here's what's going on: {explanation}") is no complete reply: solution 0,
capped at ``CAP``.

Helpdesks without agent notes. Flexibility is told in notes beside the reply (guidance, alternatives,
conditions); where the library's helpdesk has no field for them (Freshdesk, Help Scout, Front...:
``unscored_flexibility``), flexibility is not scored and SK406 no-flexibility not reported. A Help Scout saved
reply's chat text (``chatText``, kept by the import as an alternative) is judged as its chat reply
(``_chat_as_channel``), a problem both its texts have counted once.

A practice whose rules did not run (deselected) has no score, nor has a macro in another language than the
pack's (SK006) any but flexibility, nor an internal note (written for the agents: its findings on
the other practices are left out too). A fragment (``fragment_kind``: a bare list, a line with no finished
sentence, a few words; a building block of a compose-from-parts library, not a whole reply) is judged on its
phrases only: the judgements of a whole reply (``WHOLE_REPLY_RULES``: the readability formulas, a solution with
an owner and a time frame, an acknowledgment that comes first, some warmth, room for the agent) are left out,
and it has a score only in the practices its phrases cost points in (a 100 in the others would praise what was
not judged: ``not_judged_because`` says why each is None).
``overall`` is the mean of the scores (capped as above). The
library's overall score is the mean of the overall scores of the macros judged on every practice; one
judged in part (another language, an internal note, a fragment) has none (None: its flexibility score, or its
phrases' scores, alone are no overall) and is ranked apart. A macro its
helpdesk keeps from the agents (switched off, archived) is judged, and marked ``unused``.

Library findings: the most common problems, exact and near-duplicate macros (``sprawl``),
numbers that contradict each other across macros, and placeholders that can render blank.
"""

from __future__ import annotations

import gc
import os
import re
import tempfile
from bisect import bisect_right
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scriptkit.config import LintConfig, find_project_config, load_config
from scriptkit.diagnostics import Diagnostic, Location, Severity
from scriptkit.errors import ConfigError, ScriptkitError, argument_named, each_error
from scriptkit.importers import (
    API_WORDING,
    CLI_WORDING,
    ItemProblem,
    Library,
    Wording,
    import_libraries,
    refuse_content,
    refuse_folder,
)
from scriptkit.importers.common import BODIES
from scriptkit.importers.convert import HELPDESKS, TARGET_DIALECTS, ImportedMacro
from scriptkit.importers.dialects import PlaceholderPiece, broken_advice
from scriptkit.language import name_of, written_language
from scriptkit.loading import load_pack, load_readable_part
from scriptkit.message import Blank, Message, Placeholder, render_segment
from scriptkit.models import Pack, Script
from scriptkit.placeholders import FILL_IN, Catalogue
from scriptkit.rules.base import family_of as family_of  # (audit reports name a finding by its family)
from scriptkit.rules.base import practice_of as practice_of
from scriptkit.rules.language import expected_language, judges
from scriptkit.sprawl import Contradiction, DuplicateGroup, find_contradictions, find_duplicates
from scriptkit.text import MARKERS, emoji_ended, plain_identifiers, sentence_spans
from scriptkit.text import words as words_of

if TYPE_CHECKING:  # (the targets load when a report needs one)
    from scriptkit.targets.base import BaseTarget

PRACTICES = ("acknowledgment", "warm_language", "flexibility", "solution", "readability")
PRACTICE_LABELS = {"acknowledgment": "Acknowledgment", "warm_language": "Warm language",
                   "flexibility": "Flexibility", "solution": "Solution", "readability": "Readability"}
WEIGHTS = {Severity.ERROR: 0.5, Severity.WARNING: 0.3, Severity.SUGGESTION: 0.1}
#: The rules whose finding says a practice is not there at all: that practice then scores 0.
ABSENCE_RULES = {"missing-acknowledgment": "acknowledgment", "no-warm-language": "warm_language",
                 "no-flexibility": "flexibility", "missing-solution": "solution"}
#: The most a macro scores overall when it would send a marker as written (a placeholder that did not map,
#: a fill-in marker left in its text), or has no solution: broken or empty, however good the rest.
CAP = 50.0
#: SK305's kinds that refuse a way forward ("per our policy", "there is nothing we can do"): the solution's too
_DOOR_SHUT = ("policy language", "deflecting language")

Stage = Callable[[str], None]
_PHRASE_CHARS = 60  # the longest quote the most common problems count as a phrase


#: Template rules whose finding the customer reads, so it costs readability: a sentence or paragraph said again
#: word for word (SK011 repeated-text; a paste gone wrong reads as no one having read the reply), what the editor
#: meant for itself sent as typed ('**bold**', a typed '\n': SK007), an earlier thread pasted in (SK010), a hidden
#: or garbled character (SK012, SK016), a greeting run on into the reply or said twice, a sign-off said twice
#: (SK005, SK008, SK009). (Left unscored, they let a reply full of stars score 100 and top the best list.) The
#: other template rules are the pack's hygiene (an unused constant, two scripts of one title): no customer reads them.
READ_BY_CUSTOMER = {name: "readability" for name in (
    "repeated-text", "text-artifact", "quoted-thread", "hidden-character", "garbled-text", "greeting-run-on",
    "duplicate-greeting", "duplicate-signoff")}
#: The length rules (SK104 too-long-for-channel, SK105 email-length), whose cost grows with how far over its
#: channel's limit a reply runs (``weight``).
LENGTH_RULES = ("too-long-for-channel", "email-length")
#: The share of a reply its repeats (SK011) may be before it is a broken paste, capped at ``CAP``.
REPEATED_SHARE = 1 / 3

#: The rules that judge a reply as a whole, left out for a fragment (``fragment_kind``): a list of documents has
#: no owner, time frame or reading grade to judge, and a one-line apology from a compose-from-parts library no
#: solution; what its phrases say (a stock phrase, an impersonal apology, a long sentence, a marker) is judged.
WHOLE_REPLY_RULES = frozenset((
    "low-reading-ease", "high-grade-level", "email-length",  # (formulas and a length that need a whole reply)
    "formal-tone", "no-contractions", "no-warm-language",  # (the tone of the whole, and warmth somewhere in it)
    "missing-acknowledgment", "late-acknowledgment", "sympathy-without-action", "over-apologising",
    "missing-solution", "no-next-step", "no-owner", "no-time-frame", "care-solution-imbalance", "no-flexibility"))
#: A reply with no finished sentence is a fragment when it has fewer words than this: a longer one is a whole reply
#: whose writer left off the full stop, as a tweet's often is (a 28-word one in the same library).
UNFINISHED_WORDS = 20
#: a line that is a list's item: "- ", "-US passport", "* ", "• ", "1. ", "2) ", "#. " ('**Issue:**' is bold)
_LIST_LINE = re.compile(r"[ \t]*(?:[-+•·–]|\*(?!\*)|#\.|\d{1,2}[.)])")
#: a sentence that ends with its mark, closing quotes and emoji after it allowed ("Anything else? 🙂")
_FINISHED = re.compile(r"[.!?…][\"'”’)\]]*[^\w]*\Z")
#: the slots that frame a reply, not its content: not counted in a fragment's words
_FRAME_SLOTS = ("greeting", "signoff", "flexibility")


def fragment_kind(text: str) -> str | None:
    """What makes a reply's text (its content, without greeting and sign-off) a fragment rather than a whole reply,
    as the reports label it: "a list with no reply around it" (each line a list's item), "fragment: N words, no
    sentence" (no finished sentence in fewer than ``UNFINISHED_WORDS``); None for a whole reply, however short: a
    finished "Noted." may be all a customer gets, and it is judged as such. A placeholder, a blank, a link or a code
    is one word."""
    readable = plain_identifiers(MARKERS.sub("x", text))
    lines = [line for line in readable.splitlines() if line.strip()]
    if len(lines) >= 2 and all(_LIST_LINE.match(line) for line in lines):
        return "a list with no reply around it"
    count = len(words_of(readable))
    finished = any(_FINISHED.search(readable, a, b) or emoji_ended(readable, a, b)
                   for a, b in sentence_spans(readable))
    if not finished and count < UNFINISHED_WORDS:
        return f"fragment: {count} word{'' if count == 1 else 's'}, no sentence"
    return None


def _content(message: Message) -> str:
    """A message's text without its greeting, sign-off (the layout's or its own) and agent's alternatives."""
    return "".join(render_segment(seg) for seg in message.segments if seg.slot not in _FRAME_SLOTS)


def weight(d: Diagnostic) -> float:
    """The share of a practice's points a diagnostic takes (``WEIGHTS`` by its severity). A reply over its channel's
    length limit takes at least that, and ``1 - sqrt(limit / length)`` when more: 1,152 words against email's
    125 take 70% of readability, 250 words 29%, 140 words a suggestion's 10%. (A length finding weighed the same
    for 21 words over as for a thousand, so a paste of one sentence sixty times ranked above ordinary replies.)"""
    base = WEIGHTS.get(d.severity, 0.1)
    if d.name not in LENGTH_RULES or not (d.extra.get("count", "").isdigit() and d.extra.get("limit", "").isdigit()):
        return base  # (a baseline's or a plug-in's diagnostic may not say them)
    count, limit = int(d.extra["count"]), int(d.extra["limit"])
    return max(base, 1.0 - (limit / count) ** 0.5) if count > limit > 0 else base


def score(diagnostics: list[Diagnostic]) -> float:
    """The score of one practice from the diagnostics that count against it: 0 when one says the practice
    is missing (``ABSENCE_RULES``), else 100 less a share of what is left per finding (``weight``)."""
    if any(d.name in ABSENCE_RULES for d in diagnostics):
        return 0.0
    value = 100.0
    for d in diagnostics:
        value *= 1.0 - weight(d)
    return round(value, 1)


def audit_practice(code: str, name: str) -> str | None:
    """The practice a rule's findings cost points in, in an audit: its rule's (``practice_of``), and readability
    for the template rules whose finding the customer reads (``READ_BY_CUSTOMER``)."""
    return practice_of(code, name) or READ_BY_CUSTOMER.get(name)


def counts_against(d: Diagnostic) -> tuple[str, ...]:
    """The practices a diagnostic costs points in: its rule's (``audit_practice``), and the solution too for
    dismissive language that shuts the door ("per our policy", "this decision is final"): a reply that
    refuses with no way forward has no solution, whatever its words of action."""
    practice = audit_practice(d.code, d.name)
    if practice is None:
        return ()
    if d.name == "dismissive-language" and d.message.startswith(_DOOR_SHUT) and practice != "solution":
        return (practice, "solution")
    return (practice,)


def sends_marker(d: Diagnostic) -> bool:
    """A finding of a fill-in marker the customer would get as written (SK407's error, not its warning
    about a blank with no prompt)."""
    return d.name == "unfilled-blank" and d.severity is Severity.ERROR


@dataclass(frozen=True)
class Unmapped:
    """A blank that stands for a value the helpdesk holds, or a placeholder in a style no helpdesk fills:
    the customer gets ``text`` as written (or empty, where the import says the helpdesk sends it so: a misspelt
    Zendesk field) unless the agent replaces it."""

    text: str  # as the export spelled it ("[Customer Name]"), or the pack's "{{ blank.customer_name }}"
    blank: str  # the blank's name in the pack
    placeholder: str | None  # the catalogue's placeholder for the value, where one holds it
    #: that placeholder as the export's helpdesk writes it ('{{ticket.requester.first_name}}'), where it has one
    written: str | None = None
    #: why the import kept it as a blank, in the import's words ("unknown Zendesk placeholder: ... sends it empty
    #: ...; did you mean {{ticket.requester.first_name}}?"), "" where it said none
    reason: str = ""
    #: the helpdesk whose export it is, where scriptkit exports to it (its catalogue says which placeholders it
    #: fills); None for a pack or a sheet
    helpdesk: str | None = None

    @property
    def how_sent(self) -> str:
        """How the customer gets it, as the import's reason says: "empty" (Zendesk's Liquid sends a field it does
        not have empty), "empty or as written", else "as written"."""
        sent = re.search(r"sends it (empty or as written|empty|as written)", self.reason)
        return sent.group(1) if sent else "as written"


@dataclass
class Highlight:
    start: int
    end: int
    code: str
    name: str
    message: str
    severity: str
    suggestion: str | None


@dataclass
class MacroAudit:
    """One macro of an audit (``AuditReport.macros``): its ``scores`` (0-100 per practice and readability, None
    where it was not judged), its ``overall`` score (None when it is judged in part: another language, an
    internal note), the ``diagnostics`` that cost the points, its ``text`` and where it is (``location``: the
    item in the export, or the script file)."""

    id: str
    title: str
    text: str
    location: Location  # the item in the export, or the script file
    #: the file to open to mend it: the pack's script file, or for an export the export file (an export is
    #: audited as a temporary pack, removed once it is loaded: its diagnostics are located at the item too)
    script_file: str
    diagnostics: list[Diagnostic]
    scores: dict[str, float | None]
    highlights: list[Highlight] = field(default_factory=list)
    blank_risks: list[str] = field(default_factory=list)  # placeholders that can render blank
    #: the language it reads as when the English rules did not judge it (SK006), else None
    other_language: str | None = None
    #: the id its helpdesk gives it, to find it there: the export's (the helpdesk's macro id, a sheet's id
    #: column), or for a pack's script its ``export: {<helpdesk>: {id}}``, that of the helpdesk whose ids most of
    #: the pack's scripts carry where it has several (``export_ids`` lists them all); None where it has none
    export_id: str | None = None
    #: each helpdesk's id for it (the helpdesk, 'salesforce' for a Quick Text sheet too, or a generic sheet's format,
    #: 'csv' -> id), ``export_id``'s first
    export_ids: dict[str, str] = field(default_factory=dict)
    #: how its helpdesk keeps it from the agents ("switched off", "archived"), None when it is in use:
    #: a lead fixes the macros in use first
    unused: str | None = None
    #: an internal note (for the agents, never sent to the customer): the rules that read a reply to a
    #: customer do not judge it
    internal: bool = False
    #: an internal note told by its wording, not a setting (``inference.reads_as_note``)
    note_by_wording: bool = False
    #: the helpdesk it came from, where that cannot hold a placeholder's fallback (Front, Salesforce, Gorgias
    #: without ``|default``): a placeholder that can render blank is reworded around, not given a fallback
    no_fallbacks: str | None = None
    #: its blanks that are placeholders which did not map (``Unmapped``): sent as written unless replaced
    unmapped: list[Unmapped] = field(default_factory=list)
    #: why its flexibility is 0 though SK406 did not fire (its blanks are no room for the agent), else None
    flexibility_note: str | None = None
    #: an export's macro: the pack's words for each of its placeholders and blanks -> the export's
    #: ('[[customer_name]]' -> '[Customer Name]'), so a quote of the pack's text reads as the helpdesk shows it
    spellings: dict[str, str] = field(default_factory=dict)
    #: why it is not a whole reply ("a list with no reply around it", "fragment: 5 words, no sentence":
    #: ``fragment_kind``), else None: judged on its phrases only (``WHOLE_REPLY_RULES`` left out), ranked apart
    fragment: str | None = None
    #: why its flexibility is not scored where its helpdesk cannot hold it (``unscored_flexibility``), else None
    flexibility_unscored: str | None = None
    #: the blank that stands alone where its answer goes ('[[reason]]', as the pack writes it), when it has no next
    #: step besides: the agent writes the whole answer, and the macro is no complete reply
    blank_answer: str | None = None

    @property
    def named(self) -> str:
        """How a report names it, for a lead to find it in the helpdesk: its title, and its id there where it has
        one ('Refund issued (id 360233)'), not the pack's name for it."""
        return f"{self.title} (id {self.export_id})" if self.export_id else self.title

    def in_own_words(self, text: str) -> str:
        """``text`` (the pack's words: a sentence of it, a placeholder '{{ customer.first_name }}') with each of its
        placeholders and blanks as the export spelled them; as it is for a pack's script."""
        return _respelled(text, self.spellings)

    def read_without(self, unmapped: Unmapped) -> str:
        """The line the customer reads where the helpdesk sends ``unmapped`` empty ('Hi ,'); "" where it is not
        in the text shown."""
        line = next((line for line in self.text.splitlines() if unmapped.text in line), "")
        read = line.replace(unmapped.text, "").strip()
        return read if len(read) <= 60 else read[:59] + "…"

    def placeholder_as_written(self, name: str) -> str:
        """A placeholder of the pack's catalogue as this macro's export spelled it ('{{ticket.requester.first_name}}'
        for customer.first_name), else as the pack writes it."""
        return self.spellings.get("{{" + name + "}}", f"{{{{ {name} }}}}")  # (the pack's marker has no spaces)

    def lacks_fallback(self, name: str) -> str:
        """How placeholder ``name``, which can render blank, lacks a fallback, as check's finding (SK001) says:
        "has an empty fallback" (Help Scout's '{%customer.firstName,fallback=%}') or "has no fallback"."""
        spelt = {"{{" + name + "}}", self.placeholder_as_written(name)}
        found = next((d for d in self.diagnostics if d.code == "SK001" and d.text in spelt), None)
        return "has an empty fallback" if found is not None and "empty fallback" in found.message else \
            "has no fallback"

    def placeholder_location(self, name: str) -> Location:
        """Where placeholder ``name`` can render blank, to open it at: check's finding (SK001) about it, in a pack's
        script; an export's macro, whose finding is respelled as the helpdesk writes it, is placed where it is."""
        spelt = {"{{" + name + "}}", self.placeholder_as_written(name)}
        found = next((d for d in self.diagnostics if d.code == "SK001" and d.text in spelt), None)
        return found.location if found else self.location

    @property
    def sends_markers(self) -> bool:
        """It would send a marker as written: a placeholder that did not map, or a fill-in marker (SK407).
        (An internal note is never sent to the customer.)"""
        return not self.internal and (bool(self.unmapped) or any(sends_marker(d) for d in self.diagnostics))

    @property
    def held_because(self) -> str | None:
        """Why its overall score is at most ``CAP``, else None: it would send a marker as written, or it has
        no solution (SK401: an apology alone is sympathy, not a reply)."""
        if self.sends_markers:
            if not self.unmapped:
                return "it would send a fill-in marker (unfilled-blank) as written"
            how = list(dict.fromkeys(u.how_sent for u in self.unmapped[:3]))
            said = "; ".join(", ".join(repr(u.text) for u in self.unmapped[:3] if u.how_sent == sent) + f" {sent}"
                             for sent in how)
            return f"it would send {said}"
        if self.scores.get("solution") is not None and any(d.name == "missing-solution" for d in self.diagnostics):
            return "it has no solution: nothing says what happens next (missing-solution)"
        if self.blank_answer is not None and self.scores.get("solution") is not None:
            return (f"its answer is only a blank, {self.in_own_words(self.blank_answer)}: the agent writes the whole "
                    "answer, so it is no complete reply")
        if self.scores.get("readability") is not None and (share := self.repeated_share) > REPEATED_SHARE:
            return (f"{share:.0%} of it repeats what it said already, word for word: a broken paste "
                    "(repeated-text)")
        return None

    @property
    def repeated_share(self) -> float:
        """The share of its text that says again what it said already (SK011's findings)."""
        repeated = sum(len(d.text) for d in self.diagnostics if d.name == "repeated-text")
        return repeated / len(self.text) if self.text else 0.0

    @property
    def capped(self) -> bool:
        """Its overall score is capped at ``CAP`` (``held_because`` says why)."""
        return self.held_because is not None and self.mean > CAP

    @property
    def judged_in_part(self) -> bool:
        """Scored on flexibility only (another language), not at all (an internal note), or on its phrases only
        (a fragment): that is no overall score, so it is ranked apart from the macros judged on every practice, not
        among the worst of them."""
        return self.other_language is not None or self.internal or self.fragment is not None

    @property
    def shown_practices(self) -> tuple[str, ...]:
        """The practices whose scores the reports show for it: flexibility left out where its helpdesk cannot hold
        it (``flexibility_unscored``), which the report says once."""
        return tuple(p for p in PRACTICES if p != "flexibility" or not self.flexibility_unscored)

    @property
    def not_judged_because(self) -> dict[str, str]:
        """Why each practice it has no score in was not judged, by practice (none for one it is scored in)."""
        if self.other_language is not None:
            why = f"in {name_of(self.other_language)}: the English rules do not judge it"
        elif self.internal:
            why = "an internal note: not judged as a reply to a customer"
        elif self.fragment is not None:
            why = f"not a whole reply ({self.fragment}): judged on its phrases only, and none of them bears on it"
        else:
            why = "its rules were not run"
        flexibility = "its helpdesk's macros have no field for agent notes" if self.flexibility_unscored else why
        return {p: flexibility if p == "flexibility" else why for p, v in self.scores.items() if v is None}

    @property
    def mean(self) -> float:
        """The mean of its practice scores."""
        judged = [v for v in self.scores.values() if v is not None]
        return round(sum(judged) / len(judged), 1) if judged else 100.0

    @property
    def overall(self) -> float | None:
        """Its overall score (``held_mean``); None when it is judged in part: its flexibility alone is no
        overall score, and read as one a French macro with no room for the agent showed a red 0."""
        return None if self.judged_in_part else self.held_mean

    @property
    def held_mean(self) -> float:
        """The mean of its practice scores, at most ``CAP`` when it would send a marker as written or has no
        solution (``held_because``)."""
        return min(self.mean, CAP) if self.held_because is not None else self.mean


@dataclass
class CommonProblem:
    code: str
    name: str
    family: str
    count: int
    macros: int
    #: the words it quotes most often, with how often (those quoted twice or more, at most three): a
    #: handful of stock phrases is usually most of a rule's findings, and one substitution fixes each
    phrases: list[tuple[str, int]] = field(default_factory=list)

    @property
    def practice(self) -> str | None:
        """The practice its findings cost points in (``audit_practice``): SK406 no-flexibility is a
        solution-family rule that judges flexibility, SK011 repeated-text a template rule that costs readability.
        None for hygiene (template, export, custom)."""
        return audit_practice(self.code, self.name)

    @property
    def label(self) -> str:
        """What a report shows beside the rule: its practice as the score columns name it, or its family
        where no score counts it. "SK406 no-flexibility (solution)" beside a Flexibility column read
        as a solution finding."""
        practice = self.practice
        return PRACTICE_LABELS[practice].lower() if practice else f"{self.family}, not scored"


@dataclass(frozen=True)
class WorkStep:
    """One step of the order of work (``AuditReport.work_order``): what to do, how many macros it is, the
    report's section that lists them, and how much doing it raises the library's overall score (None for what the
    customer would see broken: first whatever it gains)."""

    text: str
    macros: int
    section: str  # the HTML page's section: "macros", "contradictions", "common"
    gain: float | None = None
    #: the HTML page's filter of the macros list that shows the step's macros ("broken"), where one does
    filter: str | None = None


@dataclass(frozen=True)
class CategoryScore:
    """One category of a library whose titles hold categories ('Billing::Refunds::Double charge' is in
    'Billing::Refunds', as Zendesk shows it): how many ``macros`` it has, its ``overall`` (the mean overall score of
    its macros judged on every practice, as the library's is; None when none is), each practice's ``averages`` over
    the same macros, and how many of its macros are ``broken`` for the customer."""

    name: str
    macros: int
    judged: int
    overall: float | None
    averages: dict[str, float | None]
    broken: int

    @property
    def coldest(self) -> str | None:
        """The practice it scores lowest in (the first of ``PRACTICES`` on a tie), None when none was scored."""
        scored = [(v, i, p) for i, (p, v) in enumerate(self.averages.items()) if v is not None]
        return min(scored)[2] if scored else None


#: the name of the category of the macros whose title has none, beside those that have one
NO_CATEGORY = "(no category)"


def _means(macros: list[MacroAudit], practices: Sequence[str]) -> tuple[float | None, dict[str, float | None]]:
    """The mean overall score of ``macros`` and each practice's mean over those scored on it, to a tenth as the
    report shows them (the library's and each category's, over their macros judged on every practice); None where
    there is no score."""
    def mean(values: list[float]) -> float | None:
        return round(sum(values) / len(values), 1) if values else None

    return mean([m.held_mean for m in macros]), {
        p: mean([v for m in macros if (v := m.scores.get(p)) is not None]) for p in practices}


#: how many macros, worst first, the HTML report shows in full (their text, highlights and every problem); each of
#: the others is a row of its score, title and top problem (``scriptkit audit --html-details``): every macro in full
#: made a 20,000-macro page of 73 MB that a browser had not drawn after three minutes
HTML_DETAILED = 1000

#: the version of ``scriptkit audit --format json``'s shape (``AuditReport.to_dict``), as check's JSON has its
#: own: keys may be added within a version, none renamed or dropped (docs/reference/cli.md)
AUDIT_SCHEMA_VERSION = 1

#: how the order of work is chosen, as the reports and the guide say it
WORK_ORDER_RULE = ("what the customer would see broken first (macros capped at 50, numbers that contradict each "
                   "other, errors), then each problem by how much fixing it everywhere raises the overall score")


@dataclass
class AuditReport:
    """What ``audit_library`` found in a library: the ``macros``, worst first, each a ``MacroAudit``; the
    library's ``overall`` score (the mean over the macros judged on every practice, None when there is none)
    and each practice's ``averages``; the most ``common`` problems, the ``duplicates`` and the
    ``contradictions``; the items that could not be read (``unreadable``, with ``skip_bad=True``).
    ``to_dict()`` is ``scriptkit audit --format json``'s document, ``write_html(path)`` its ``--html`` page."""

    source: str
    format: str
    macros: list[MacroAudit]  # worst first
    common: list[CommonProblem]
    duplicates: list[DuplicateGroup]
    contradictions: list[Contradiction]
    unreadable: list[ItemProblem] = field(default_factory=list)
    skipped: list[ItemProblem] = field(default_factory=list)
    #: the import's notes on an export file as a whole (a sheet's columns not read, its titles made up)
    import_notes: list[str] = field(default_factory=list)
    judged: tuple[str, ...] = PRACTICES
    #: each export file read, and the format it was read as (none for a pack)
    read_as: dict[str, str] = field(default_factory=dict)
    #: findings of the pack as a whole (pack.yaml's constants, its channels' greetings) and of the settings it was
    #: judged by (scriptkit.toml's unknown selectors), not of one macro: ``pack_problems`` and ``settings_problems``
    library_diagnostics: list[Diagnostic] = field(default_factory=list)
    #: the settings files the library was judged by (``scriptkit.toml``, ``pyproject.toml``), as absolute paths
    settings_files: tuple[str, ...] = ()

    @property
    def format_name(self) -> str:
        """What the library was read as, for a reader: its helpdesk or format, "scriptkit pack" for a pack (a pack
        folder named "pack" read "pack · pack")."""
        return "scriptkit pack" if self.format == "pack" else self.format

    @property
    def settings_problems(self) -> list[Diagnostic]:
        """The findings of the settings files (an unknown selector in ``scriptkit.toml``), at their own place."""
        return [d for d in self.library_diagnostics if self._of_settings(d)]

    @property
    def pack_problems(self) -> list[Diagnostic]:
        """The findings of the pack as a whole (pack.yaml's, an export's file), not of its settings nor one macro."""
        return [d for d in self.library_diagnostics if not self._of_settings(d)]

    def _of_settings(self, diagnostic: Diagnostic) -> bool:
        return str(Path(diagnostic.location.file).absolute()) in self.settings_files

    @property
    def averages(self) -> dict[str, float | None]:
        """Each practice's mean score over the macros judged on every practice, those the overall score is
        the mean of (an internal note's flexibility 0 pulled the library's flexibility down, for a note no
        customer reads); None for a practice none of them was scored on."""
        return _means(self.judged_in_full, PRACTICES)[1]

    @property
    def categories(self) -> list[CategoryScore]:
        """The library's categories, coldest first (lowest overall, then the one with more macros; those with no
        macro judged on every practice last, by name): empty unless its titles hold at least two categories
        (``Billing::Refunds::...``), so a lead sees which part of the library to work on."""
        from scriptkit.targets.base import categories as title_categories  # (how the exports split a title)

        groups: dict[str, list[MacroAudit]] = {}
        for m in self.macros:
            folders, _ = title_categories(m.title)
            groups.setdefault("::".join(folders) or NO_CATEGORY, []).append(m)
        if len(set(groups) - {NO_CATEGORY}) < 2:
            return []
        found = []
        for name, members in groups.items():
            whole = [m for m in members if not m.judged_in_part]
            overall, averages = _means(whole, self.judged)
            found.append(CategoryScore(name, len(members), len(whole), overall, averages,
                                       sum(1 for m in members if m.held_because is not None)))
        found.sort(key=lambda c: (c.overall is None, c.overall or 0.0, -c.macros, c.name))
        return found

    @property
    def judged_in_full(self) -> list[MacroAudit]:
        """The macros judged on every practice: the library's overall score is theirs alone."""
        return [m for m in self.macros if not m.judged_in_part]

    @property
    def judged_in_part(self) -> int:
        """How many macros were judged in part (another language, an internal note, a fragment)."""
        return sum(1 for m in self.macros if m.judged_in_part)

    @property
    def overall(self) -> float | None:
        """The mean of the overall scores of the macros judged on every practice; None when there is none.
        (A macro judged in part has its flexibility score alone: counted as an overall, a Spanish macro's 100 for
        having alternatives raised the library's score for what was never judged.)"""
        return _means(self.judged_in_full, ())[0]

    def falls_short(self, bar: float) -> str | None:
        """Why the library fails a ``--fail-under bar`` gate, or None when its overall score reaches it.

        The gate is the library's overall score (the mean of the overall scores of the macros judged on
        every practice), so one weak macro among many does not fail a build; the message names the macros
        under the bar. A library whose every macro is judged only in part has no score to hold to the bar,
        and fails it (unless the bar is 0), saying so: a gate that judged nothing must not pass in silence.
        """
        if self.overall is None and self.macros and bar > 0:  # (a bar of 0 holds no library back)
            return (f"no macro is judged on every practice (all {len(self.macros)} are judged in part: in another "
                    f"language, internal notes, or fragments of a reply), so the library has no overall score to "
                    f"hold to --fail-under {bar:g}; gate a library of customer replies in English, or leave out "
                    "--fail-under")
        if self.overall is None or self.overall >= bar:
            return None
        whole = self.judged_in_full
        under = [m for m in whole if m.held_mean < bar]  # worst first
        worst = ", ".join(f"{m.title!r} {m.held_mean:.1f}" for m in under[:3])
        more = f" and {len(under) - 3} more" if len(under) > 3 else ""
        apart = f" ({self.judged_in_part} judged in part left out)" if self.judged_in_part else ""
        return (f"overall score {self.overall:.1f} is under --fail-under {bar:g}; "
                f"{len(under)} of {len(whole)} macro(s){apart} score under it: {worst}{more}")

    @property
    def not_judged(self) -> dict[str, int]:
        """Macros in another language, which the English rules did not judge: language name -> count."""
        return dict(Counter(name_of(m.other_language) for m in self.macros if m.other_language).most_common())

    @property
    def contradictions_not_checked(self) -> dict[str, int]:
        """The macros whose numbers were not compared, by language: the contradictions are found by English words
        (a topic, "refund"; a unit, "business days"), so none is found in a macro in another language, and "0"
        alone would read as checked."""
        return self.not_judged

    def set_aside(self) -> list[str]:
        """What the report says of the macros scored on flexibility only (another language, internal
        notes) and of those the helpdesk keeps from the agents, a line each."""
        lines = []
        if self.not_judged:
            counts = ", ".join(f"{language} {count}" for language, count in self.not_judged.items())
            lines.append("Not judged by the English rules (SK006), so "
                         + ("scored on flexibility only: " if "flexibility" in self.judged else "not scored: ")
                         +
                         f"{sum(self.not_judged.values())} macro(s) in another language ({counts})")
        if self.contradictions_not_checked:
            counts = ", ".join(f"{language} {count}" for language, count in self.contradictions_not_checked.items())
            lines.append(f"Contradictions not checked in {sum(self.contradictions_not_checked.values())} macro(s) "
                         f"in another language ({counts}): the check reads English words only")
        garbled = sum(1 for m in self.macros if any(d.code == "SK016" for d in m.diagnostics))
        if garbled:  # (one export saved in the wrong encoding garbles many macros: worth saying once, with the cure)
            lines.append(f"Garbled text (SK016) in {garbled} macro(s): text read in the wrong encoding; "
                         "if the export shows it right, save it as UTF-8 and import it again")
        if self.internal_notes:
            from scriptkit.linting import notes_told  # (by a setting or by their wording)

            lines.append("Not judged as replies to a customer, so not scored: "
                         f"{self.internal_notes} internal note(s) (for the agents, never sent)"
                         f"{notes_told(self.internal_notes, self.internal_notes_by_wording)}")
        if self.fragments:
            kinds = Counter("lists with no reply around them" if m.fragment.startswith("a list") else
                            "with no finished sentence" for m in self.macros if m.fragment)
            said = ", ".join(f"{n} {kind}" for kind, n in kinds.most_common())
            lines.append(f"Not whole replies: {self.fragments} fragment(s) ({said}), judged on their phrases only "
                         "(no readability formula, solution, owner, time frame or acknowledgment check) and ranked "
                         "apart")
        if self.judged_in_part:
            whole = len(self.judged_in_full)
            # (an internal note is not scored at all, as the line above says: "judged in part" read as a reply
            # half judged)
            notes, in_part = self.internal_notes, self.judged_in_part - self.internal_notes
            left_out = ([f"the {in_part} judged in part are left out of it"] if in_part else []) + (
                [f"the {notes} internal note{' is' if notes == 1 else 's are'} not scored"] if notes else [])
            lines.append(f"The overall score is the mean of the {whole} macro(s) judged on every practice; "
                         + ", and ".join(left_out) if whole else
                         "No macro was judged on every practice, so the library has no overall score")
        if self.unused:
            how = ", ".join(f"{count} {state}" for state, count in self.unused.items())
            lines.append(f"Not in use in the helpdesk: {sum(self.unused.values())} macro(s) ({how}), marked "
                         "beside them: fix the macros in use first")
        return lines

    @property
    def internal_notes(self) -> int:
        return sum(1 for m in self.macros if m.internal)

    @property
    def internal_notes_by_wording(self) -> int:
        """How many of ``internal_notes`` were told by their wording, not a setting."""
        return sum(1 for m in self.macros if m.note_by_wording)

    @property
    def fragments(self) -> int:
        """How many macros are fragments of a reply (``fragment_kind``): judged on their phrases only."""
        return sum(1 for m in self.macros if m.fragment)

    @property
    def unused(self) -> dict[str, int]:
        """Macros the helpdesk keeps from the agents, by how (switched off, archived) -> count."""
        return dict(Counter(m.unused for m in self.macros if m.unused).most_common())

    @property
    def by_family(self) -> dict[str, int]:
        counts: Counter[str] = Counter()
        for m in self.macros:
            counts.update(family_of(d.code) for d in m.diagnostics)
        return dict(counts.most_common())

    @property
    def blank_risks(self) -> list[tuple[str, str]]:
        return [(m.id, p) for m in self.macros for p in m.blank_risks]

    @property
    def unmapped(self) -> list[tuple[str, Unmapped]]:
        """Each placeholder that did not map, with its macro's id: sent as written unless the agent replaces it."""
        return [(m.id, u) for m in self.macros for u in m.unmapped]

    @property
    def helpdesk(self) -> str | None:
        """The helpdesk the library came from: the export's, or for a pack the one whose ids most of its macros
        carry (the one it was imported from); None for a sheet or a pack written by hand."""
        return _helpdesk_of(self.format, [m.export_ids for m in self.macros])

    @property
    def no_room_note(self) -> str | None:
        """Where the library's helpdesk has no field for agent notes (Freshdesk, Help Scout, Front...), what the
        report says once of flexibility, which it does not score there (``unscored_flexibility``); else None."""
        return unscored_flexibility(self.helpdesk) if "flexibility" not in self.judged else None

    @property
    def broken(self) -> list[MacroAudit]:
        """The macros broken for the customer (``held_because``), whatever they score: capped at ``CAP`` where they
        would score more. One judged in part (another language) is too: a '[Customer Name]' sent as written is broken
        in any language, and the summary's ``capped`` counted it while the order of work did not."""
        return [m for m in self.macros if m.held_because is not None]

    def work_order(self) -> list[WorkStep]:
        """What to fix, in order (``WORK_ORDER_RULE``): the macros capped at ``CAP``, the contradictions, the errors
        in the other macros, then each rule of the most common problems by how much fixing it in every macro
        raises the overall score (those no score counts last, by how many macros they are in)."""
        whole = self.judged_in_full
        steps: list[WorkStep] = []
        broken = self.broken
        if broken:
            kinds = Counter("would send a placeholder or marker as written" if m.sends_markers else
                            "have no solution" if "no solution" in (m.held_because or "") else
                            "have only a blank for an answer" if "only a blank" in (m.held_because or "") else
                            "repeat themselves" for m in broken)
            said = ", ".join(f"{n} {kind}" for kind, n in kinds.most_common())
            # (every broken macro, as the JSON's broken_because gives them; only those that would score more are
            # capped: one with no solution scoring 18 was counted among "52 capped" beside the JSON's 36)
            capped = sum(1 for m in broken if m.capped)
            held = ("all capped at" if capped == len(broken) else f"{capped} of them capped at" if capped else
                    "each scoring no more than") + f" {CAP:g}"
            steps.append(WorkStep(f"{len(broken)} macro(s) broken for the customer, {held}: {said}",
                                  len(broken), "macros", filter="broken"))
        if self.contradictions:
            steps.append(WorkStep(f"{len(self.contradictions)} number(s) that contradict each other across macros: "
                                  "the customer is told two things", len(self.contradictions), "contradictions"))
        erring = [m for m in whole if m.held_because is None and any(d.severity is Severity.ERROR
                                                                     for d in m.diagnostics)]
        if erring:
            names = Counter(f"{d.code} {d.name}" for m in erring for d in m.diagnostics
                            if d.severity is Severity.ERROR)
            steps.append(WorkStep(f"errors in {len(erring)} other macro(s): "
                                  + ", ".join(f"{name} {n}" for name, n in names.most_common(3)), len(erring),
                                  "macros"))
        unranked = "no-flexibility" if self.no_room_note else None
        rules = [(c, self.gain_without(c.name)) for c in self.common if c.name != unranked]
        rules.sort(key=lambda cg: (-cg[1], -cg[0].macros))
        for c, gain in rules:
            raises = f": +{gain:.1f} overall" if gain > 0 else f" ({c.label})"
            steps.append(WorkStep(f"{c.code} {c.name} in {c.macros} macro(s){raises}", c.macros, "common",
                                  round(gain, 1)))
        return steps

    def gain_without(self, rule: str) -> float:
        """How much the overall score rises when no macro has a finding of ``rule``: each macro's practices scored
        again without it (a macro capped at ``CAP`` stays capped: what caps it is fixed first)."""
        whole = self.judged_in_full
        if not whole:
            return 0.0
        rise = 0.0
        for m in whole:
            if not any(d.name == rule for d in m.diagnostics):
                continue
            kept = [d for d in m.diagnostics if d.name != rule]
            scores = [0.0 if p == "flexibility" and m.flexibility_note else
                      score([d for d in kept if p in counts_against(d)])
                      for p, v in m.scores.items() if v is not None]
            mean = sum(scores) / len(scores) if scores else 100.0
            rise += (min(mean, CAP) if m.held_because is not None else mean) - m.held_mean
        return rise / len(whole)

    def macro(self, ident: str) -> MacroAudit:
        """The (first) macro of that id. By an index built once for the list of macros: the text report
        asks for a macro for each blank risk and duplicate, and a search each was quadratic."""
        index = self.__dict__.get("_index")
        if index is None or index[0] is not self.macros or index[1] != len(self.macros):
            by_id: dict[str, MacroAudit] = {}
            for m in self.macros:
                by_id.setdefault(m.id, m)
            self.__dict__["_index"] = index = (self.macros, len(self.macros), by_id)
        found = index[2].get(ident)
        if found is not None and found.id == ident:
            return found
        return next(m for m in self.macros if m.id == ident)  # (an id changed since: StopIteration if none)

    def write_html(self, path: str | os.PathLike[str], detailed: int = HTML_DETAILED) -> Path:
        """Write the report as one self-contained HTML page (``scriptkit audit --html``), atomically; the
        file written. The worst ``detailed`` macros are shown in full, each of the others as a row of its score,
        title and top problem (``HTML_DETAILED``). A folder, or a place whose folder does not exist, is a
        ConfigError."""
        from scriptkit.linting import check_argument
        from scriptkit.reporters.html import write_html

        check_argument(path, (str, os.PathLike), "AuditReport.write_html", "path", "the file to write (a str or Path)")
        if isinstance(detailed, bool) or not isinstance(detailed, int) or detailed < 0:
            raise ConfigError(f"AuditReport.write_html() takes detailed as a whole number, 0 or more, not "
                              f"{argument_named(detailed)}", hint=f"{HTML_DETAILED}, the default, shows the worst "
                                                                  f"{HTML_DETAILED} macros in full.")
        target = Path(path)
        if target.is_dir():
            raise ConfigError(f"cannot write the HTML report to {target}: it is a folder",
                              Location(str(target), 1, 1), "Name a file in it, such as report.html.")
        if not target.absolute().parent.is_dir():
            raise ConfigError(f"cannot write the HTML report to {target}: {target.parent} is not a folder",
                              Location(str(target), 1, 1), "Create the folder first, or choose another place.")
        try:
            return write_html(self, target, detailed)
        except OSError as exc:
            raise ConfigError(f"cannot write the HTML report to {target}: {exc.strerror}",
                              Location(str(target), 1, 1)) from None

    def to_dict(self) -> dict[str, Any]:
        """The report as ``scriptkit audit --format json`` prints it (its shape: ``AUDIT_SCHEMA_VERSION``)."""
        from scriptkit.reporters import display_path

        def at(location: Location) -> dict[str, Any]:
            """A place as check's JSON gives it, for tools (the ``location`` string beside it is for people)."""
            return {"file": display_path(location.file), "line": location.line, "col": location.col}

        return {
            "version": AUDIT_SCHEMA_VERSION,
            "source": self.source,
            "format": self.format,
            # (why the input could not be read, when it could not: exit code 2, and nothing above is scored)
            "errors": [],
            "summary": {
                "macros": len(self.macros), "overall": self.overall, "averages": self.averages,
                # (overall, and each practice's average, are over the macros judged on every practice: those
                # judged in part are left out)
                "judged_in_full": len(self.judged_in_full), "judged_in_part": self.judged_in_part,
                "diagnostics": sum(len(m.diagnostics) for m in self.macros), "by_family": self.by_family,
                "unreadable": len(self.unreadable), "skipped": len(self.skipped),
                "duplicate_groups": len(self.duplicates), "contradictions": len(self.contradictions),
                # (the macros whose numbers were not compared, by language: see contradictions_not_checked)
                "contradictions_not_checked": self.contradictions_not_checked,
                "blank_risks": len(self.blank_risks), "unmapped_placeholders": len(self.unmapped),
                "capped": sum(1 for m in self.macros if m.capped),
                # (broken for the customer, capped or scoring under the cap already: the order of work's first step)
                "broken": len(self.broken), "not_judged_other_language": self.not_judged,
                "not_judged_internal_notes": self.internal_notes, "unused": self.unused,
                "internal_notes_by_wording": self.internal_notes_by_wording,
                # (not whole replies: judged on their phrases only, ranked apart; see scoring.fragment)
                "fragments": self.fragments,
                "pack_problems": len(self.pack_problems), "settings_problems": len(self.settings_problems),
            },
            "scoring": {"weights": {k.value: v for k, v in WEIGHTS.items()}, "judged": list(self.judged),
                        "formula": "0 when a finding says the practice is missing (absent), else 100 * "
                                   "product(1 - weight(severity)) over the practice's diagnostics (a reply over "
                                   "its channel's length limit: at least 1 - sqrt(limit / length)); overall: the "
                                   "mean, at most cap when the macro would send a marker as written, has "
                                   "no solution, or repeats itself for more than a third of its text",
                        "repeated_text": "readability",
                        # (the template rules whose finding the customer reads, and the practice each costs)
                        "read_by_customer": READ_BY_CUSTOMER,
                        "absent": ABSENCE_RULES, "cap": CAP,
                        # (why flexibility is not scored, where the helpdesk's macros cannot hold it: not in judged)
                        "flexibility": self.no_room_note,
                        "blank_answer": "a reply with no next step whose answer is a blank alone on its line "
                                        "('Here is what happened: {explanation}') scores 0 in solution and at most "
                                        "cap overall: the agent writes the whole answer",
                        "averages": "each practice's mean over the macros judged on every practice "
                                    "(judged_in_full), the macros overall is the mean of",
                        "judged_in_part": "a macro in another language (scored on flexibility only), an "
                                          "internal note (not scored), or a fragment (scored on its phrases only): its "
                                          "overall is null and it is ranked apart",
                        "fragment": "a macro that is not a whole reply: each line a list's item ('a list with no "
                                    f"reply around it'), no finished sentence in under {UNFINISHED_WORDS} words "
                                    "besides its greeting and sign-off ('fragment: N words, no sentence'); "
                                    "whole_reply_rules are left out of its findings, and it is scored only in "
                                    "the practices its phrases cost points in (null in the others: not_judged "
                                    "says why)",
                        "whole_reply_rules": sorted(WHOLE_REPLY_RULES)},
            "macros": [{
                "id": m.id, "export_id": m.export_id, "export_ids": m.export_ids, "title": m.title,
                "location": str(m.location), **at(m.location),
                "overall": m.overall, "capped": m.capped, "held_because": m.held_because if m.capped else None,
                # (why it is broken for the customer, capped or not: a reply with no solution scoring 18 too)
                "broken_because": m.held_because,
                "scores": m.scores, "not_judged": m.not_judged_because, "flexibility_note": m.flexibility_note,
                "unmapped_placeholders": [{"text": u.text, "blank": u.blank, "placeholder": u.placeholder,
                                           "placeholder_as_written": u.written,
                                           "sent": u.how_sent, "reason": u.reason}
                                          for u in m.unmapped],
                "text": m.text, "blank_risks": m.blank_risks,
                "blank_risks_as_written": [m.placeholder_as_written(p) for p in m.blank_risks],
                "blank_risks_at": [{"location": str(place), **at(place)}
                                   for place in map(m.placeholder_location, m.blank_risks)],
                "other_language": m.other_language,
                "internal": m.internal, "unused": m.unused, "no_fallbacks": m.no_fallbacks,
                "judged_in_part": m.judged_in_part, "fragment": m.fragment,
                "diagnostics": [{"code": d.code, "name": d.name, "severity": d.severity.value,
                                 "message": d.message, "text": d.text, "suggestion": d.suggestion,
                                 "slot": d.slot, **at(d.location),
                                 "end_line": int(d.extra["end_line"]) if "end_line" in d.extra else None,
                                 "end_col": int(d.extra["end_col"]) if "end_col" in d.extra else None}
                                for d in m.diagnostics],
            } for m in self.macros],
            "work_order": {"rule": WORK_ORDER_RULE, "note": self.no_room_note,
                           "steps": [{"text": w.text, "macros": w.macros, "section": w.section, "gain": w.gain}
                                     for w in self.work_order()]},
            "common_problems": [{"code": c.code, "name": c.name, "family": c.family, "practice": c.practice,
                                 "count": c.count,
                                 "macros": c.macros, "phrases": [{"text": t, "count": k} for t, k in c.phrases]}
                                for c in self.common],
            # (coldest first; empty unless the titles hold at least two categories: 'Billing::Refunds::...')
            "categories": [{"name": c.name, "macros": c.macros, "judged_in_full": c.judged, "overall": c.overall,
                            "averages": c.averages, "coldest": c.coldest, "broken": c.broken}
                           for c in self.categories],
            # (note: what sets the copies apart, "differs only in the link": merged blindly, one sends the wrong link)
            "duplicates": [{"kind": g.kind, "similarity": g.similarity, "note": g.note, "macros": g.members,
                            "titles": [self.macro(i).title for i in g.members]} for g in self.duplicates],
            # (each quote in its macro's own words, with its title and helpdesk id: 'macro' is the id to join on)
            "contradictions": [{"topic": c.topic, "unit": c.unit, "copies": c.copies,
                                "values": {v: [{"macro": q.macro, "title": (m := self.macro(q.macro)).title,
                                                "export_id": m.export_id, "sentence": m.in_own_words(q.sentence)}
                                               for q in qs]
                                           for v, qs in c.values.items()}} for c in self.contradictions],
            "unreadable": [{"location": str(p.location), **at(p.location), "item": p.item, "message": p.message}
                           for p in self.unreadable],
            "skipped": [{"location": str(p.location), **at(p.location), "item": p.item, "message": p.message}
                        for p in self.skipped],
            **{key: [{"location": str(d.location), **at(d.location), "code": d.code, "name": d.name,
                      "severity": d.severity.value, "message": d.message, "suggestion": d.suggestion} for d in found]
               for key, found in (("pack_problems", self.pack_problems),
                                  ("settings_problems", self.settings_problems))},
        }


#: ``scriptkit audit``'s words in its errors: its flags (``--from``, ``--skip-bad``)
AUDIT_CLI_WORDING = replace(CLI_WORDING, skip_bad="Fix the item, or pass --skip-bad to audit the rest.")
#: ``audit_library()``'s: its keywords (``fmt='zendesk'``, ``skip_bad=True``)
AUDIT_API_WORDING = replace(API_WORDING, skip_bad="Fix the item, or pass skip_bad=True to audit the rest: the "
                                                  "report's unreadable then lists it.")


def audit_library(source: str | os.PathLike[str] | Sequence[str | os.PathLike[str]], fmt: str | None = None, *,
                  mapping: Mapping[str, str] | None = None, where: Mapping[str, str] | None = None,
                  skip_bad: bool = False, channel: str | None = None, grammar: str | None = None,
                  near_threshold: float = 0.7, bodies: str | None = None,
                  config: LintConfig | None = None) -> AuditReport:
    """Audit a macro library as ``scriptkit audit`` does: a pack folder, a helpdesk's export or a sheet, or
    several export files read as one library (a list of paths). Returns the ``AuditReport``: each macro's
    scores (``report.macros``, worst first), the library's ``overall`` score, the most common problems,
    duplicates and contradictions; ``report.to_dict()`` is ``--format json``'s document and
    ``report.write_html(path)`` writes ``--html``'s page.

    ``fmt``, ``mapping``, ``where``: how to read an export, as ``import_library`` takes them (``--from``,
    ``--map``, ``--where``); ``skip_bad``: go on without the items that cannot be read, an export's or a pack's
    script files (``report.unreadable`` lists them), instead of raising ``ImportFormatError`` or ``PackError``;
    ``channel``: the one an export's macros are sent on, for its length limits (``--channel``; a pack's scripts
    name their own); ``grammar``: ``"off"``, ``"local"`` or a LanguageTool URL (``--grammar``; default: the
    pack's setting, else off);
    ``near_threshold``: the similarity, from 0.3 to 1, from which two macros count as near duplicates
    (``--near``); ``bodies``: how a generic file's plain bodies are read, ``"plain"`` word for word (the
    default) or ``"markdown"`` (``--bodies``), as ``import_library`` reads them, so the audit judges the replies the
    import writes; ``config``: the settings to judge the library by (a ``LintConfig``, as
    ``scriptkit.load_config(...)`` reads them), used as given, as ``lint_pack`` uses it. By default an export is
    judged by the project's settings (``scriptkit.toml``, ``[tool.scriptkit]``) found from its file's folder
    upward, else the defaults, and a pack by its own (``load_config(pack)``): the working folder's are never
    read (pass ``config=scriptkit.load_config()`` for them). Errors name these keywords, not the command's flags.
    """
    from scriptkit.linting import check_argument

    function = "audit_library"
    refuse_content(source, function)
    path_like = (str, os.PathLike)
    if isinstance(source, path_like):
        paths: list[str | Path] = [Path(source)]
    elif isinstance(source, Sequence) and source and all(isinstance(p, path_like) for p in source):
        paths = [Path(p) for p in source]
    elif isinstance(source, Sequence) and not source:
        raise ConfigError(f"{function}() takes at least one source: the list is empty",
                          hint="Pass a pack folder, an export file, or several export files in a list.")
    else:  # (a list with one wrong item: that item named)
        odd = [p for p in source if not isinstance(p, path_like)] if isinstance(source, Sequence) else []
        wrong = f"a list holding {argument_named(odd[0])}" if odd else argument_named(source)
        raise ConfigError(f"{function}() takes source as a path (a str or Path), or a list of export files' "
                          f"paths, not {wrong}",
                          hint="Pass a pack folder, an export file, or several export files in a list.")
    check_argument(fmt, (str, type(None)), function, "fmt", "a format's name such as 'zendesk', or None")
    for name, value, example in (("mapping", mapping, "{'title': 'Name', 'body': 'Text'}"),
                                 ("where", where, "{'status': 'active'}")):
        if value is not None and not (isinstance(value, Mapping)
                                      and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())):
            raise ConfigError(f"{function}() takes {name} as a dict of str to str, or None, not "
                              f"{argument_named(value)}", hint=f"Pass a dict: {name}={example}.")
    check_argument(skip_bad, bool, function, "skip_bad", "True or False")
    check_argument(channel, (str, type(None)), function, "channel", "a name such as 'email', or None")
    check_argument(grammar, (str, type(None)), function, "grammar", "'off', 'local' or a LanguageTool URL, or None")
    check_argument(config, (LintConfig, type(None)), function, "config", "a LintConfig or None",
                   "Read settings with scriptkit.load_config(), then .override(...) them"
                   + ("; a dict of them with scriptkit.LintConfig.from_mapping(settings)."
                      if isinstance(config, Mapping) else "."))
    check_argument(bodies, (str, type(None)), function, "bodies",
                   "how a generic file's bodies are read: 'plain' or 'markdown', or None",
                   "Pass bodies='markdown' to read them as Markdown.")
    if bodies is not None and bodies not in BODIES:
        raise ConfigError(f"{function}() has no bodies={bodies!r}",
                          hint="Pass bodies='markdown' to read a generic file's bodies as Markdown, 'plain' (the "
                               "default) to keep them word for word.")
    if isinstance(near_threshold, bool) or not isinstance(near_threshold, (int, float)) \
            or not 0.3 <= near_threshold <= 1.0:  # (nan is in no range)
        raise ConfigError(f"{function}() takes near_threshold as a similarity from 0.3 to 1, not "
                          f"{argument_named(near_threshold)}", hint="0.7, the default, counts macros that share "
                                                                    "most of their word pairs as near duplicates.")
    if len(paths) > 1 and (folder := next((p for p in paths if Path(p).is_dir()), None)):
        raise ConfigError(f"{folder} is a folder: a pack is audited alone, and several sources are export files",
                          Location(str(folder), 1, 1), "Audit the pack by itself, or name the export files in "
                                                       "the folder, in a list.")
    return audit(paths, fmt, mapping=mapping, where=where, skip_bad=skip_bad, grammar=grammar,
                 near_threshold=float(near_threshold), channel=channel, wording=AUDIT_API_WORDING, bodies=bodies,
                 config=config)


def audit(path: str | Path | Sequence[str | Path], fmt: str | None = None, *,
          mapping: Mapping[str, str] | None = None, where: Mapping[str, str] | None = None, skip_bad: bool = False,
          grammar: str | None = None, near_threshold: float = 0.7, stage: Stage | None = None,
          channel: str | None = None, wording: Wording = AUDIT_CLI_WORDING, bodies: str | None = None,
          config: LintConfig | None = None) -> AuditReport:
    """Audit a pack folder, an export file, or several export files as one library; see the module
    docs for the scores. ``channel``: the one an export's macros are sent on (see ``Library.write``).
    ``wording``: whose words the errors speak in, the command line's by default (``scriptkit audit``);
    ``audit_library``, the public API, passes ``AUDIT_API_WORDING``. ``bodies``: how a generic file's plain
    bodies are read (``import_library``'s). ``config``: the settings to judge by, else a pack's own and an
    export's beside it (``export_config``)."""
    tell = stage or (lambda _: None)
    paths = [path] if isinstance(path, (str, Path)) else list(path)
    source = Path(paths[0])
    if len(paths) == 1 and source.is_dir() and fmt is None:
        if not (source / "pack.yaml").exists():  # (a library kept in files, not a pack: say how to read it)
            refuse_folder(source, "audit", command_line=wording.command_line)
        if channel is not None:
            given = wording.given(wording.channel, channel)
            raise ConfigError(f"{given} is for an export: a pack's scripts say their own channels",
                              Location(str(source / "pack.yaml"), 1, 1),
                              hint=f"Leave out {wording.channel}, or set `channels:` in the scripts.")
        if bodies is not None:
            given = wording.given(wording.bodies, bodies)
            raise ConfigError(f"{given} is for an export's bodies: a pack's scripts are read as the pack writes them",
                              Location(str(source / "pack.yaml"), 1, 1),
                              hint=f"Leave out {wording.bodies}.")
        tell("Loading the pack")
        # (skip_bad: the scripts that cannot be read are left out and listed, as an export's items are; check's
        # reports hold the others' findings beside them the same way)
        # (a pack none of whose scripts can be read, or whose settings cannot, is still an error: exit 2)
        pack, unread = load_readable_part(source) if skip_bad else (load_pack(source), None)
        report = _audit_pack(pack, str(source), "pack", None, grammar, near_threshold, tell, config)
        report.unreadable = [_unreadable_script(e, source) for e in each_error(unread)] if unread else []
        return report
    if config is None:  # (before the long part: settings that cannot be read are refused first)
        config = export_config(paths)
    tell(f"Reading {source.name}")
    library = import_libraries(paths, fmt, mapping=mapping, where=where, wording=wording, bodies=bodies,
                               progress=(lambda n: tell(f"Reading {source.name}: {n} items")) if stage else None)
    if not skip_bad:
        library.raise_if_unreadable()
    library.raise_if_empty("audit", where, listed=False)  # (the import command lists them as it reads)
    tell(f"Importing {len(library.macros)} macros")
    # (the pack is held by _audit_pack alone, which lets it go once the macros are scored)
    # (named as read: a Quick Text sheet or query is Salesforce's, as its ids are, not 'csv' or 'json')
    return _audit_pack(_imported_pack(library, source.stem, channel), library.label, library.read_as, library,
                       grammar, near_threshold, tell, config)


def _imported_pack(library: Library, name: str, channel: str | None) -> Pack:
    """The library written as a pack in a temporary folder and loaded; the folder is removed at once, before the
    lint: nothing reads its files again, and files kept through a long lint are written out to the disk
    meanwhile, which made removing them afterwards slow (20 s of a 6,000-macro audit, against a second now)."""
    with tempfile.TemporaryDirectory(prefix="scriptkit-audit-") as tmp:
        # (an error in the pack is told in the export, not in tmp)
        return library.load_written(library.write(Path(tmp) / "pack", name=name, channel=channel))


def _unreadable_script(error: ScriptkitError, pack: Path) -> ItemProblem:
    """A pack's script that could not be read, as an export's unreadable item: where the error is, the script file
    by its path in the pack ('scripts/refund.yaml'), and the error with its hint."""
    where = error.location or Location(str(pack / "pack.yaml"), 1, 1)
    try:
        named = Path(where.file).relative_to(pack).as_posix()
    except ValueError:  # (not under the pack's folder as given)
        named = where.file
    return ItemProblem(where, named, f"{error.message}. {error.hint}" if error.hint else error.message)


def export_config(paths: Sequence[str | Path]) -> LintConfig:
    """The settings an export is judged by: the project's (``scriptkit.toml``, else ``pyproject.toml`` with
    ``[tool.scriptkit]``) found from the export file's folder upward, as ``scriptkit check`` finds a pack's and
    ``scriptkit review FILE`` a reply's; the defaults where there is none. Never the working folder's: a
    program or a service auditing a file got the settings of wherever it ran (every rule ignored, a score of
    100; a broken file, an error about settings it was never given). Export files under different settings
    are refused: the library would be judged by one of them in silence."""
    found: dict[Path | None, str] = {}
    for path in paths:
        found.setdefault(find_project_config(Path(path).absolute().parent), str(path))
    if len(found) > 1:
        (one, first), (other, second) = list(found.items())[:2]
        said = [f"{name} under {settings or 'no settings (the defaults)'}" for settings, name in
                ((one, first), (other, second))]
        raise ConfigError(f"the export files are under different settings: {said[0]}, {said[1]}; a library is "
                          "judged by one", Location(second, 1, 1),
                          "Audit them apart, or put them in one folder with the settings to judge them by.")
    return load_config(None, Path(paths[0]).absolute().parent)


def settings_at(place: str | os.PathLike[str], option: str = "--config") -> LintConfig:
    """The settings named by ``scriptkit audit --config``: a ``scriptkit.toml`` (or ``pyproject.toml`` with
    ``[tool.scriptkit]``), or a folder to find them from, upward (``--config .``: the working folder's)."""
    path = Path(place)
    if path.is_dir():
        return load_config(None, path)
    if not path.is_file():
        raise ConfigError(f"{option} {place}: no such file or folder", Location(str(place), 1, 1),
                          "Name a scriptkit.toml, or the folder whose settings to use (. for this one).")
    if find_project_config(path) != path.resolve():
        raise ConfigError(f"{option} {place} is not a settings file: scriptkit reads scriptkit.toml, or "
                          "pyproject.toml with a [tool.scriptkit] table", Location(str(place), 1, 1),
                          "Name a scriptkit.toml, or the folder whose settings to use.")
    return load_config(None, path.parent)


def reword_advice(helpdesk: str) -> str:
    """What to do about a placeholder that can render blank in a helpdesk that holds no fallback."""
    return (f"{helpdesk.capitalize()} cannot hold a fallback: reword so the sentence reads well without the "
            "value (\"Hi,\" or \"Hello,\" rather than \"Hi {{ customer.first_name }},\"), "
            "or leave the placeholder out.")


#: a placeholder as scriptkit writes it in advice, with or without a fallback: '{{ customer.first_name }}',
#: "{{ customer.first_name | fallback('there') }}"
_PACK_PLACEHOLDER = re.compile(r"""\{\{\s*([a-z_][\w.]*)\s*(?:\|\s*fallback\((['"])(.*?)\2\)\s*)?\}\}""")


def in_helpdesk_syntax(advice: str, helpdesk: str | None) -> str:
    """``advice`` (a finding's suggestion) with each placeholder scriptkit's syntax writes as ``helpdesk`` writes
    it, where it has a field for it: a Help Scout lead is told '{%customer.firstName,fallback=there%}', what the
    helpdesk takes. Liquid (Zendesk, Freshdesk) has no fallback filter: its fallback is an if block, and the advice
    says so. As it is for a pack or a sheet (no helpdesk), and for a placeholder the helpdesk has no field for."""
    target = _helpdesk_target(helpdesk)
    dialect = target.dialect if target is not None else None
    if target is None or dialect is None:
        return advice
    blocks = False

    def respell(found: re.Match[str]) -> str:
        nonlocal blocks
        if found[1] not in dialect.names:
            return found[0]
        written = dialect.placeholder(Placeholder(found[1], "", found[3]), as_html=False)
        blocks = blocks or (found[3] is not None and "{%" in written and "{% if" in written)
        return written

    said = _PACK_PLACEHOLDER.sub(respell, advice)
    if blocks:
        said += (f" ({target.name.capitalize()}'s Liquid has no fallback filter: the if block sends the word when "
                 "the field is empty.)")
    return said


def _fallbackless_helpdesks(pack: Pack, first: Mapping[str, Message], raws: Mapping[str, Any]) -> set[str]:
    """The helpdesks of the library's macros whose export target writes no fallback for any of them, as
    each script's settings say: a Gorgias library whose macros use ``|default`` somewhere can hold them (its
    target's ``default_filter``), one that never does cannot. The targets know: no list is kept here."""
    from scriptkit import targets
    from scriptkit.exporting import target_settings
    from scriptkit.targets.base import BaseTarget

    holds: dict[str, bool] = {}
    for script in pack.scripts:
        helpdesk = raws[script.id].dialect if script.id in raws else None
        message = first.get(script.id)
        if helpdesk is None or message is None or holds.get(helpdesk) or helpdesk not in targets.available():
            continue
        target = targets.get(helpdesk)
        if not isinstance(target, BaseTarget) or target.dialect is None:
            continue
        try:
            conf = target_settings(pack, script, target)
        except ConfigError:  # (a setting export would refuse is not the audit's to report: the defaults)
            conf = {}
        dialect = target.dialect_for(replace(message, meta={**message.meta, "export": conf}))
        holds[helpdesk] = dialect is not None and dialect.fallbacks
    return {helpdesk for helpdesk, held in holds.items() if not held}


def _helpdesk_of(fmt: str, export_ids: Sequence[Mapping[str, str]]) -> str | None:
    """The helpdesk a library came from (``AuditReport.helpdesk``): the export's format, or the one whose ids most
    of a pack's scripts carry."""
    from scriptkit import targets

    if fmt in targets.available():
        return fmt
    carried = Counter(next(iter(ids)) for ids in export_ids if ids)
    return carried.most_common(1)[0][0] if carried else None


def unscored_flexibility(helpdesk: str | None) -> str | None:
    """Why flexibility is not scored for a library from ``helpdesk``, or None where it is. Flexibility is what the
    agent may adapt, told in notes beside the reply (guidance, alternatives, conditions); a helpdesk whose macros
    have no field for them (Freshdesk, Help Scout, Front...) cannot hold it, and scoring it there ranked complete
    replies under templates that are mostly blanks."""
    from scriptkit.importers import FORMAT_NAMES  # ("a Help Scout": the helpdesk as its users spell it)

    target = _helpdesk_target(helpdesk)
    if helpdesk is None or target is None or target.keeps_notes:
        return None
    named = FORMAT_NAMES.get(helpdesk, f"a {helpdesk}").split(" ", 1)[1]
    return (f"Flexibility is not scored: {named}'s macros have no field for agent notes, so guidance and "
            "alternatives cannot reach its agents there; it is left out of every overall score and SK406 "
            "no-flexibility is not reported (a fill-in the agent completes, [reason], is still checked: one "
            "sent as written caps the macro at 50)")


def _chat_as_channel(pack: Pack) -> set[str]:
    """Judge a Help Scout saved reply's chat text (its ``chatText``, which the import keeps as the alternative
    ``CHAT_VERSION``) as the reply chat customers get: in the pack read for the audit, it becomes the script's chat
    text (``by_channel``), no longer an alternative for the agent. The ids of the scripts changed so."""
    from scriptkit.models import ChannelText
    from scriptkit.targets.helpscout import CHAT_VERSION

    changed: set[str] = set()
    for i, script in enumerate(pack.scripts):
        flex = script.flexibility
        chat = next((a for a in flex.alternatives if a.label.strip() == CHAT_VERSION), None) if flex else None
        if flex is None or chat is None or "chat" in script.by_channel:
            continue
        kept = flex.model_copy(update={"alternatives": [a for a in flex.alternatives if a is not chat]})
        pack.scripts[i] = script.model_copy(update={
            "flexibility": kept, "channels": list(dict.fromkeys([*script.channels, "chat"])),
            # (the whole chat text as its reply: its slots are not told apart, as the import guessed the email's)
            "by_channel": {**script.by_channel, "chat": ChannelText(acknowledgment="", warm_language="",
                                                                     solution=chat.text)}})
        changed.add(script.id)
    return changed


def _pack_export_ids(pack: Pack) -> dict[str, dict[str, str]]:
    """Each script's helpdesk ids (``export: {<helpdesk>: {id}}`` in its own file, as an import writes it; an id in
    pack.yaml names no one macro), the helpdesk whose ids most of the pack's scripts carry first (the one it was
    imported from, where it was exported elsewhere since), then by name: auditing an imported pack gives each
    macro the id auditing its export did."""
    from scriptkit import targets
    from scriptkit.targets.base import BaseTarget, macro_id

    found: dict[str, dict[str, str]] = {}
    for script in pack.scripts:
        for helpdesk, block in script.export.items():
            if not isinstance(block, Mapping) or "id" not in block or helpdesk not in targets.available():
                continue
            target = targets.get(helpdesk)
            ident = macro_id(block["id"], target.id_kind if isinstance(target, BaseTarget) else "number")
            if ident is not None:
                found.setdefault(script.id, {})[helpdesk] = str(ident)
    carried = Counter(helpdesk for ids in found.values() for helpdesk in ids)
    return {ident: dict(sorted(ids.items(), key=lambda kv: (-carried[kv[0]], kv[0]))) for ident, ids in found.items()}


def _zendesk_setting(script: Script, key: str) -> Any:
    """A setting of a pack's script for its Zendesk export (``active: false``, as the import of a
    switched-off macro writes it): auditing the imported pack marks the macro as auditing the export did."""
    zendesk = script.export.get("zendesk")
    return zendesk.get(key) if isinstance(zendesk, Mapping) else None


def _audit_pack(pack: Pack, source: str, fmt: str, library: Library | None, grammar: str | None,
                near_threshold: float, tell: Stage, config: LintConfig | None = None) -> AuditReport:
    macros, in_file_order, judged, library_level, settings = _scored(pack, library, grammar, tell, config)
    # (what the reports need of each macro is kept: the lint's rendered replies, every channel's and variant's, went
    # with _scored, and an export's temporary pack goes here, nothing else holding it; their cycles are collected
    # now, so the duplicates' search reuses their memory rather than adding to it: 8,000 macros peaked at 649 MB)
    del pack
    gc.collect()
    tell("Looking for duplicates and contradictions")
    counts: Counter[tuple[str, str]] = Counter()
    spread: dict[tuple[str, str], set[str]] = defaultdict(set)
    quoted: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    spelled: dict[str, str] = {}  # a phrase as first written, for its case-folded self
    for audited in macros:
        for d in audited.diagnostics:
            counts[(d.code, d.name)] += 1
            spread[(d.code, d.name)].add(audited.id)
            # (a phrase: not a whole reply, nor the title some rules quote to name the macro)
            if d.text and len(d.text) <= _PHRASE_CHARS and d.text != audited.title:
                quoted[(d.code, d.name)][spelled.setdefault(d.text.casefold(), d.text)] += 1
    common = [CommonProblem(code, name, family_of(code), n, len(spread[(code, name)]),
                            [(text, k) for text, k in quoted[(code, name)].most_common(3) if k > 1])
              for (code, name), n in sorted(counts.items(), key=lambda kv: (-len(spread[kv[0]]), -kv[1], kv[0]))]
    duplicates = find_duplicates(in_file_order, near_threshold)
    return AuditReport(
        source=source, format=fmt, macros=macros, common=common, duplicates=duplicates,
        contradictions=find_contradictions(in_file_order, near_threshold),  # copies' numbers are compared too
        unreadable=list(library.problems) if library else [],
        skipped=list(library.skipped) if library else [], import_notes=list(library.notes) if library else [],
        judged=judged, library_diagnostics=library_level, settings_files=settings,
        read_as={part.source: part.read_as for part in library.parts or [library]} if library else {})


def _scored(pack: Pack, library: Library | None, grammar: str | None, tell: Stage,
            config: LintConfig | None) -> tuple[list[MacroAudit], list[tuple[str, str]], tuple[str, ...],
                                                list[Diagnostic], tuple[str, ...]]:
    """Lint the pack and score each of its macros: the macros, worst first; each one's text as the pack writes it
    (for the duplicates and contradictions), in the pack's order; the practices judged; the findings of no one
    macro; and the settings files read."""
    from scriptkit.linting import judged as as_read
    from scriptkit.linting import judges_internal_notes, lint_pack

    # (an export's id is its helpdesk's, named as the pack's export block names it: a Quick Text record read from a
    # CSV is Salesforce's, a Zendesk macro of a two-helpdesk library Zendesk's; a sheet's id column, the sheet's)
    export_ids = {m.id: {m.raw.dialect if m.raw.dialect in TARGET_DIALECTS else library.format: m.raw.export_id}
                  for m in library.macros if m.raw.export_id} if library else _pack_export_ids(pack)
    # (named by what the library was read as, as the report's format and helpdesk are: a Salesforce Quick Text file,
    # read through the JSON reader, is 'json' by its format, and was judged as JSON's, with flexibility scored)
    helpdesk = _helpdesk_of(library.read_as if library else "pack", [export_ids.get(s.id, {}) for s in pack.scripts])
    chat_versions = _chat_as_channel(pack) if helpdesk == "helpscout" else set()
    linting = f"Linting {len(pack.scripts)} scripts"
    tell(linting)
    # (an export has no pack.yaml of its own: ``audit`` passes the settings beside it, ``export_config``; a
    # pack's own are read by lint_pack when none are given)
    # (the audit judges the replies: a helpdesk setting export would refuse, as an imported library
    # may hold, is export's and check's to report, not a reason to audit nothing)
    # (a count as each batch comes back from the workers: the whole pack's lint was minutes of one line)
    result = lint_pack(pack, config, grammar=grammar, export_settings=False,
                       progress=lambda n: tell(f"{linting}: {n} done"))
    judged = tuple(p for p in PRACTICES if any(practice_of(r.code, r.name) == p for r in result.rules))

    first: dict[str, Message] = {}
    for m in as_read(result.messages):  # (the replies as judged, which the findings quote: each is marked in them)
        first.setdefault(m.script_id, m)
    origins = {m.id: m.raw.location for m in library.macros} if library else {}
    # (where the helpdesk's macros cannot hold agent notes, flexibility is not scored, nor SK406 reported: see
    # unscored_flexibility)
    flexibility_unscored = unscored_flexibility(helpdesk)
    if flexibility_unscored:
        judged = tuple(p for p in judged if p != "flexibility")
    raws = {m.id: m.raw for m in library.macros} if library else {}
    imported = {m.id: m for m in library.macros} if library else {}
    if library is not None:
        _name_export_places(result.diagnostics, pack, origins, library.source)
    by_file = {s.file: s.id for s in pack.scripts}
    per_macro: dict[str, list[Diagnostic]] = defaultdict(list)
    library_level: list[Diagnostic] = []
    for d in result.diagnostics:
        ident = d.script_id or by_file.get(d.location.file)
        if ident is None or ident not in first:
            library_level.append(d)
        else:
            per_macro[ident].append(d)
    for ident in chat_versions & per_macro.keys():  # (what its email text does too is one problem, not two)
        email = [d for d in per_macro[ident] if d.channel != "chat"]
        per_macro[ident] = email + [d for d in per_macro[ident] if d.channel == "chat" and not any(
            (o.code, o.name) == (d.code, d.name) and (o.text == d.text or d.name in WHOLE_REPLY_RULES) for o in email)]
    settings = tuple(str(Path(f).absolute()) for f in result.config.sources)
    if library is not None:  # (a macro's findings keep their place in its script: highlights read it)
        for d in library_level:  # (the temporary pack's files are gone: its findings point at the export; the
            # settings file's, 'scriptkit.toml:5:1', keep their place, as `scriptkit check` gives it)
            if str(Path(d.location.file).absolute()) not in settings:
                d.location = origins.get(d.script_id or "") or Location(library.source, 1, 1)
    catalogue = pack.catalogue
    expected = expected_language(pack)
    notes, by_wording = set(result.internal_notes), set(result.notes_by_wording)
    fallbackless = _fallbackless_helpdesks(pack, first, raws)
    macros: list[MacroAudit] = []
    pack_texts: dict[str, str] = {}
    for script in pack.scripts:
        message = first.get(script.id)
        if message is None:
            continue
        # an internal note is written for the agents, never sent: no practice of a reply is scored, flexibility
        # (room to fit a reply to the customer) included, and only its hygiene findings are kept (template, export,
        # custom rules). A note scored 0 with SK406 'no room to adapt it' was the top problem of a clean library
        # (linting.internal_note; an importer's note, should it not say so in its settings, too)
        set_so = script.id in raws and raws[script.id].internal
        internal = script.id in notes or set_so
        # a macro in another language (SK006) is not judged by the rules that read English: no score
        # for what they would have scored, where a 100 would read as praise
        english = judges(message, expected)
        other = None if english else (written_language(message) or expected)
        replies = english and not internal
        # (a fragment, a list or a building block of a reply, is judged on its phrases: not as a whole reply)
        fragment = fragment_kind(_content(message)) if replies else None
        diags = [d for d in per_macro.get(script.id, []) if (not internal or judges_internal_notes(d))
                 and (fragment is None or d.name not in WHOLE_REPLY_RULES)
                 and not (flexibility_unscored and d.name == "no-flexibility")
                 # (a title the import made from the reply's first words, said once in the import's notes: two
                 # replies that open alike are no library with duplicate titles)
                 and not (d.code == "SK014" and script.id in raws and raws[script.id].made_title)]
        grouped: dict[str, list[Diagnostic]] = defaultdict(list)
        for d in diags:
            for practice in counts_against(d):
                grouped[practice].append(d)
        # (a fragment is scored only in the practices its phrases cost points in: a 100 in the others read as
        # a practice done well, where none of a list's acknowledgment, warmth or solution was judged)
        scores: dict[str, float | None] = {p: (score(grouped[p]) if p in judged and not internal
                                               and (replies or p == "flexibility")
                                               and (fragment is None or grouped[p]) else None) for p in PRACTICES}
        # (an internal note is never sent: its blanks are the agents' business)
        unmapped, no_room = ([], set()) if internal else _blanks_of(
            script, imported.get(script.id), catalogue, raws[script.id].dialect if script.id in raws else None)
        flexibility_note = None
        if no_room and scores["flexibility"] and fragment is None and not _has_room(script, no_room):
            scores["flexibility"] = 0.0
            flexibility_note = _no_room_note(unmapped, no_room)
        blank_answer = _blank_answer(script, diags, no_room) if replies and fragment is None else None
        if blank_answer is not None and scores["solution"] is not None:
            scores["solution"] = 0.0  # (a blank is no answer: scored as none, as missing-solution would be)
        # (those check reports (SK001): where an empty one reads badly; 'order {{ order.number }}' in mid-sentence
        # is not, and a pack check called all clear was told here of placeholders that can render blank)
        flagged = {d.text for d in diags if d.code == "SK001"}
        risks = [seg.name for seg in message.segments if isinstance(seg, Placeholder) and seg.canonical in flagged]
        no_fallbacks = raws[script.id].dialect if risks and script.id in raws \
            and raws[script.id].dialect in fallbackless else None
        if no_fallbacks:
            for d in diags:
                if d.code == "SK001":
                    d.suggestion = reword_advice(no_fallbacks)
        if script.id in raws:  # (an export's lead writes its helpdesk's syntax, not the pack's)
            for d in diags:
                if d.suggestion:
                    d.suggestion = in_helpdesk_syntax(d.suggestion, raws[script.id].dialect)
        highlights = _highlights(message, diags)
        # (an export's macro is shown in its helpdesk's own words, '[Customer Name]', not the pack's
        # '[[customer_name]]': what a lead searches the helpdesk for; duplicates and contradictions read the pack's
        # text, whose markers they know)
        shown, spellings = (_as_exported(message, imported[script.id], diags, highlights) if script.id in imported
                            else (message.text, {}))
        pack_texts[script.id] = message.text
        location = origins.get(script.id, Location(script.file, 1, 1))
        if library is not None:  # (now the highlights are placed: the temporary pack's files are gone after the
            # audit, so its findings point at the item in the export, as the macro does, 'macros.csv:3:1')
            for d in diags:
                d.location = location
                for key in ("end_line", "end_col"):  # (a region's end, in the script that is gone)
                    d.extra.pop(key, None)
        macros.append(MacroAudit(
            id=script.id, title=script.title, text=shown, location=location,
            script_file=location.file if library is not None else script.file,
            diagnostics=diags, scores=scores, highlights=highlights,
            blank_risks=list(dict.fromkeys(risks)), other_language=other,
            export_id=next(iter(export_ids.get(script.id, {}).values()), None),
            export_ids=export_ids.get(script.id, {}),
            unused=(raws[script.id].unused if script.id in raws else
                    "switched off" if _zendesk_setting(script, "active") is False else "") or None,
            internal=internal, note_by_wording=script.id in by_wording and not set_so,
            no_fallbacks=no_fallbacks, unmapped=unmapped, flexibility_note=flexibility_note,
            spellings=spellings, fragment=fragment, blank_answer=blank_answer,
            flexibility_unscored=flexibility_unscored))
    # worst first among the macros judged on every practice; those judged in part after them, worst first too
    macros.sort(key=lambda m: (m.judged_in_part, m.held_mean, -len(m.diagnostics), m.id))
    texts = [(m.id, pack_texts[m.id]) for m in macros]
    order = {m.id: i for i, m in enumerate(pack.scripts)}
    return macros, sorted(texts, key=lambda t: order[t[0]]), judged, library_level, settings


#: A blank's name -> the catalogue's placeholder for the value it stands for, a value the helpdesk holds: a
#: fill-in for it ("[Customer Name]", "{agent_name}", "[Order Number]") is a placeholder that did not map.
#: (Besides these, a blank named as a placeholder of the pack's catalogue is, "order_number".)
_HELD_VALUES: dict[str, str] = {
    **dict.fromkeys(("name", "customer", "customer_name", "customer_first_name", "first_name", "firstname",
                     "client_name", "client_first_name", "recipient_name", "requester_name", "contact_name"),
                    "customer.first_name"),
    **dict.fromkeys(("last_name", "lastname", "surname", "customer_last_name", "customer_surname"),
                    "customer.last_name"),
    **dict.fromkeys(("full_name", "fullname", "customer_full_name", "client_full_name", "first_and_last",
                     "first_and_last_name", "first_last_name"), "customer.full_name"),
    **dict.fromkeys(("email_address", "customer_email", "customer_email_address"), "customer.email"),
    **dict.fromkeys(("agent", "agent_name", "agent_first_name", "my_name", "your_name", "rep_name",
                     "advisor_name"), "agent.first_name"),
    "agent_full_name": "agent.full_name",
    **dict.fromkeys(("ticket_id", "ticket_number", "ticket_no", "case_number", "case_id", "case_no"), "ticket.id"),
    **dict.fromkeys(("order_number", "order_id", "order_no", "order_num"), "order.number"),
    **dict.fromkeys(("company_name", "brand_name", "store_name", "shop_name"), "brand.name"),
}
_IMPORTED_AS = " in the original ("  # the prompt an import writes: "Was [Customer Name] in the original (reason)."


def held_value(blank: str, catalogue: Catalogue) -> str | None:
    """The placeholder of ``catalogue`` for the value a blank named ``blank`` stands for, when the helpdesk
    holds it (the customer's or the agent's name, the ticket or order number), else None."""
    key = blank.lower().strip("_")
    return next((spec.name for spec in catalogue if spec.name.replace(".", "_") == key), None) or \
        _HELD_VALUES.get(key)


# a helpdesk's field written with single braces, '{ticket.requester.first_name}', '{customer.firstName}': no
# helpdesk fills it (Zendesk's and Gorgias's take two, Help Scout's '{%...%}'), so the customer gets it as written
_SINGLE_BRACE_FIELD = re.compile(r"\{\s*([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)\s*\}")
_DOTTED = re.compile(r"[{%\s]*([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)[}%\s]*")
#: the field of a person an unknown dotted name ends in -> that field in the catalogue's words
_PERSON_FIELDS = {**dict.fromkeys(("first_name", "firstname"), "first_name"),
                  **dict.fromkeys(("last_name", "lastname", "surname"), "last_name"),
                  **dict.fromkeys(("name", "full_name", "fullname"), "full_name"), "email": "email"}
#: whose field it is, by the object that holds it ("user" is the customer in Intercom, the agent in Front)
_ROLES = {**dict.fromkeys(("requester", "customer", "contact", "client", "recipient", "end_user", "visitor",
                           "lead"), "customer"),
          **dict.fromkeys(("agent", "assignee", "current_user", "currentuser", "teammate", "rep", "advisor",
                           "staff"), "agent")}


def _snake(name: str) -> str:
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).lower()


@lru_cache(maxsize=1)
def _helpdesk_fields() -> dict[str, str | None]:
    """Every helpdesk's field (its path, snake case) -> the catalogue's placeholder for it; None where two
    helpdesks mean different values by one path ('user.first_name': Intercom's customer, Front's agent)."""
    from scriptkit.importers.dialects import DIALECTS

    table: dict[str, str | None] = {}
    for fields in DIALECTS.values():
        for path, placeholder in fields.items():
            if "." not in path:
                continue
            key = ".".join(_snake(part) for part in path.split("."))
            table[key] = placeholder if table.get(key, placeholder) == placeholder else None
    return table


def field_placeholder(original: str, catalogue: Catalogue) -> tuple[bool, str | None]:
    """Whether ``original`` (as the export spelled a blank) names a value a helpdesk holds by its field's path
    ('{ticket.requester.first_name}', '{{ customer.firstname }}', '{current_user.first_name}'), and the
    catalogue's placeholder for it where one is known: (False, None) for any other spelling."""
    found = _DOTTED.fullmatch(original.strip())
    if found is None:
        return False, None
    parts = [_snake(part) for part in found.group(1).split(".")]
    path = ".".join(parts)
    if path in (known := _helpdesk_fields()):
        placeholder = known[path]
    elif path in (names := {spec.name for spec in catalogue}):
        placeholder = path
    else:
        field, owner = _PERSON_FIELDS.get(parts[-1]), _ROLES.get(parts[-2] if len(parts) > 1 else "")
        placeholder = f"{owner}.{field}" if field and owner and f"{owner}.{field}" in names else None
        if not (field and (owner or parts[-2] == "user")) and not _SINGLE_BRACE_FIELD.fullmatch(original.strip()):
            return False, None
    return True, placeholder


def _imported_origin(prompt: str) -> tuple[str, str] | None:
    """How an imported blank was spelled in the export, and why it became a blank, from the prompt the import
    wrote for it ("Was [Customer Name] in the original (fill-in written as [Name]). ..."); None for another."""
    at, end = prompt.find(_IMPORTED_AS), prompt.rfind(").")
    if not prompt.startswith("Was ") or at < 0 or end < at:
        return None
    return prompt[4:at], prompt[at + len(_IMPORTED_AS):end]


def _blanks_of(script: Script, imported: ImportedMacro | None, catalogue: Catalogue,
               helpdesk: str | None = None) -> tuple[list[Unmapped], set[str]]:
    """A script's blanks that are placeholders which did not map, and the names of all its blanks that are no
    room for the agent (those, and the helpdesk's own placeholders scriptkit does not know: the helpdesk fills
    them). Read from the export's macro when it is audited directly, else from the prompt its import wrote."""
    unmapped: list[Unmapped] = []
    no_room: set[str] = set()
    for name, spec in script.blanks.items():
        piece = imported.blanks.get(name) if imported is not None else None
        origin = (piece.original, piece.reason) if piece is not None else _imported_origin(spec.prompt)
        original, reason = origin if origin is not None else ("{{ blank." + name + " }}", "")
        held = held_value(name, catalogue)
        if held and origin is None and not _filled_anywhere(helpdesk, held):
            held = None  # (a pack's own blank, prompted, for a value no helpdesk fills: '{{ blank.order_number }}'
            # is the agent's to fill wherever it goes, as SK503 tells {{ order.number }} to be written)
        # (a helpdesk's field by its path, '{ticket.requester.first_name}': the import names the blank by its last
        # fields, 'requester_first_name', but the customer gets the marker as written all the same)
        by_field, placeholder = field_placeholder(original, catalogue) if not held else (False, None)
        # (an unnamed marker, 'XXXX' or '____', tells the agent nothing of what goes there: the helpdesk sends it as
        # written, as it does '[order number]', so it is held the same and is no room)
        unnamed = FILL_IN.fullmatch(original.strip())  # (its "run": 'XXXX' or '____', as the import reads one)
        if held or by_field or "cannot map" in reason or (unnamed is not None and unnamed["run"] is not None):
            value = held or placeholder
            unmapped.append(Unmapped(original, name, value, _helpdesk_spelling(helpdesk, value), reason,
                                     helpdesk if helpdesk in TARGET_DIALECTS else None))
            no_room.add(name)
        elif reason.startswith("unknown ") or "template logic" in reason or "filter" in reason:
            no_room.add(name)  # (a field of the helpdesk's own: it fills it, the agent does not)
    return unmapped, no_room


def _helpdesk_target(helpdesk: str | None) -> BaseTarget | None:
    """The export target of ``helpdesk`` (its dialect, whether it keeps notes), where one is installed; else None."""
    from scriptkit import targets
    from scriptkit.targets.base import BaseTarget

    if helpdesk is None or helpdesk not in targets.available():
        return None
    target = targets.get(helpdesk)
    return target if isinstance(target, BaseTarget) else None


def _filled_anywhere(helpdesk: str | None, placeholder: str) -> bool:
    """Whether ``helpdesk`` (any helpdesk scriptkit exports to, for a pack of no helpdesk) fills ``placeholder``."""
    return any(_helpdesk_spelling(h, placeholder) is not None
               for h in ((helpdesk,) if helpdesk is not None else sorted(TARGET_DIALECTS)))


def _helpdesk_spelling(helpdesk: str | None, placeholder: str | None) -> str | None:
    """A placeholder of the catalogue as ``helpdesk``'s export writes it ('{{ticket.requester.first_name}}'), where
    that helpdesk has a field for it; else None."""
    target = _helpdesk_target(helpdesk)
    dialect = target.dialect if target is not None else None
    if placeholder is None or dialect is None or placeholder not in dialect.names:
        return None
    return dialect.placeholder(Placeholder(placeholder, ""), as_html=False)


#: a line that is one blank alone, bold or bulleted or not ('**{{ blank.explanation }}**', '- {{ blank.reason }}.')
_BLANK_LINE = re.compile(r"[\s*_>•·:-]*\{\{\s*blank\.(\w+)\s*\}\}[\s*_.:!]*")


def _blank_answer(script: Script, diagnostics: list[Diagnostic], no_room: set[str]) -> str | None:
    """The blank that stands alone as a line of the solution of a reply with no next step (SK402), as the pack's
    text writes it ('[[explanation]]'): "Here's what's going on: {explanation}" leaves the answer all to the agent.
    None where the reply has a next step of its own, or no such blank."""
    if not any(d.name == "no-next-step" for d in diagnostics):
        return None
    for text in script.variants("solution"):
        for line in text.splitlines():
            alone = _BLANK_LINE.fullmatch(line)
            if alone is not None and alone[1] not in no_room:
                return f"[[{alone[1]}]]"
    return None


def _has_room(script: Script, no_room: set[str]) -> bool:
    """The script leaves the agent room (as SK406 reads it) besides the blanks that are none."""
    flex = script.flexibility
    return script.variant_count > 1 or (flex is not None and bool(
        flex.guidance or flex.alternatives or flex.conditions or any(b.name not in no_room for b in flex.blanks)))


def _no_room_note(unmapped: list[Unmapped], no_room: set[str]) -> str:
    if unmapped:
        texts = ", ".join(repr(u.text) for u in unmapped[:3])
        return (f"no room for the agent: its blank(s) ({texts}) are placeholders that did not map, not "
                "fill-ins for the agent")
    return f"no room for the agent: its blank(s) ({', '.join(sorted(no_room))}) are the helpdesk's to fill"


def unmapped_advice(u: Unmapped) -> str:
    """What to do about a placeholder that did not map. One the helpdesk sends empty is said in the import's words
    (a misspelt Zendesk field: "... Zendesk's Liquid sends it empty ...; did you mean ...?"), as its notes say it."""
    if u.how_sent != "as written":
        return u.reason
    if (broken := broken_advice(u.reason)) is not None:
        return broken
    if u.placeholder and (u.written or u.helpdesk is None):
        return f"use {u.written or '{{ ' + u.placeholder + ' }}'} (the helpdesk fills it)"
    if u.placeholder:  # (not {{ order.number }}: exported to this helpdesk, it is this marker again, SK503)
        return (f"{HELPDESKS.get(u.helpdesk or '', u.helpdesk)} has no field for {u.placeholder}: it stays a blank "
                "the agent fills before sending, or reword the reply without it")
    return "map it to a placeholder of the catalogue, or write the text"


def _name_export_places(diagnostics: list[Diagnostic], pack: Pack, origins: Mapping[str, Location],
                        source: str) -> None:
    """An audited export was imported into a temporary pack, gone by the time anyone reads the report:
    a message that names a file of it (SK004's 'the same as 'x' (file:line:col)') names that macro's
    place in the export instead, and any other file of it the export itself."""
    root = pack.root.rstrip("/\\")
    if not root:
        return
    places = {script.file: str(origins.get(script.id, source)) for script in pack.scripts}
    named = re.compile("(?P<file>" + re.escape(root) + r"[/\\][^\s()'\"]*?\.ya?ml)(?::\d+:\d+)?")

    def place(found: re.Match[str]) -> str:
        return places.get(found.group("file"), source)

    for d in diagnostics:
        if root in d.message:
            d.message = named.sub(place, d.message)


# a Liquid block's one output, '{{ticket.requester.first_name}}', and the tags on either side of its branch
_LIQUID_OUTPUT = re.compile(r"\{\{[^{}]*\}\}")


def _liquid_around(original: str) -> tuple[str, str]:
    """The words a Liquid fallback block ('{% if x != blank %}Hi {{x}}{% else %}Hi there{% endif %}') holds around
    its placeholder in the branch that shows it ('Hi ', ''): its import put them beside the placeholder, outside
    the block, so the reply reads 'Hi {{ customer.first_name }}'. ('', '') for any other spelling."""
    found = _LIQUID_OUTPUT.search(original) if original.startswith("{%") else None
    if found is None:
        return "", ""
    opened, closes = original.rfind("%}", 0, found.start()), original.find("{%", found.end())
    if opened < 0 or closes < 0:
        return "", ""
    return original[opened + 2:found.start()], original[found.end():closes]


def _as_exported(message: Message, imported: ImportedMacro, diagnostics: list[Diagnostic],
                 highlights: list[Highlight]) -> tuple[str, dict[str, str]]:
    """The message's text in its export's own words: each blank and placeholder as the export spelled it
    ('[Customer Name]', '{{ticket.requester.first_name}}'), the rest as it is; and the pack's words for each -> the
    export's (``MacroAudit.spellings``). The highlights are moved onto it and the diagnostics' quotes say it so
    too."""
    originals: dict[tuple[str, str | None], deque[str]] = defaultdict(deque)
    for piece in imported.pieces:  # (in the reply's order: a placeholder spelled two ways keeps each spelling)
        if isinstance(piece, PlaceholderPiece) and piece.original:
            originals[(piece.name, piece.fallback)].append(piece.original)
    text = message.text
    swaps: list[tuple[int, int, str]] = []  # (start, end) of the message's text -> the export's words there
    said: dict[str, str | None] = {}  # the pack's words -> the export's, None where they were written two ways
    at = 0
    for seg in message.segments:
        written = render_segment(seg)
        own: str | None = None
        if isinstance(seg, Blank) and (blank := imported.blanks.get(seg.name)) is not None:
            own = blank.original
        elif isinstance(seg, Placeholder) and (queue := originals.get((seg.name, seg.fallback))):
            own = queue.popleft()
        start, end = at, at + len(written)
        at = end
        if own is None or own == written:
            continue
        # ('Hi {% if … %}Hi {{…}}{% else %}Hi there{% endif %}': the words the block holds, which its import put
        # beside the placeholder, are the block's, not said again before it)
        before, after = _liquid_around(own)
        if (before or after) and text[start - len(before):start] == before and text.startswith(after, end) \
                and start - len(before) >= (swaps[-1][1] if swaps else 0):
            start, end = start - len(before), end + len(after)
        swaps.append((start, end, own))
        pack_words = text[start:end]
        said[pack_words] = own if said.get(pack_words, own) == own else None
    if not swaps:
        return text, {}
    parts: list[str] = []
    moves: list[tuple[int, int, int, bool]] = []  # (where it starts in the text, length shown, where shown, as is)
    pos = shown_at = 0
    for start, end, own in [*swaps, (len(text), len(text), "")]:
        for words, as_is, length in ((text[pos:start], True, start - pos), (own, False, end - start)):
            if words or length:
                moves.append((pos if as_is else start, len(words), shown_at, as_is))
                parts.append(words)
                shown_at += len(words)
        pos = end
    starts = [move[0] for move in moves]

    def place(offset: int, end: bool) -> int:
        i = max(0, bisect_right(starts, offset - 1 if end else offset) - 1)
        begins, length, shown, as_is = moves[i]
        if as_is:
            return shown + min(offset - begins, length)
        return shown + length if end and offset > begins else shown

    for h in highlights:
        h.start, h.end = place(h.start, False), place(h.end, True)
    spellings = {words: own for words, own in said.items() if own is not None}
    for d in diagnostics:
        d.text = _respelled(d.text, spellings)
    return "".join(parts), spellings


def _respelled(text: str, spellings: Mapping[str, str]) -> str:
    """``text`` with the pack's words of ``spellings`` (its markers, a Liquid block's 'Hi {{ customer.first_name }}')
    as the export's."""
    if not spellings or not text or not ("[[" in text or "{{" in text):
        return text
    # (the longer words first: a block's 'Hi {{ customer.first_name }}' before a bare marker)
    quoted = re.compile("|".join([re.escape(w) for w in sorted(spellings, key=len, reverse=True)
                                  if not MARKERS.fullmatch(w)] + [MARKERS.pattern]))
    return quoted.sub(lambda found: spellings.get(found.group(0), found.group(0)), text)


def _highlights(message: Message, diagnostics: list[Diagnostic]) -> list[Highlight]:
    """Where each diagnostic's text sits in the message (the occurrence its location points at, else
    the first). Each text's occurrences are located once, as far as a finding asks: a long macro that
    repeats a phrase has a finding for each time, and each looked from the start, 30 s for 4,500."""
    text = message.text
    out: list[Highlight] = []
    places: dict[str, _Places] = {}
    for d in diagnostics:
        if not d.text or len(d.text) > len(text):
            continue
        if d.text not in places:
            places[d.text] = _Places(message, d.text)
        best = places[d.text].find((d.location.line, d.location.col))
        if best is not None:
            out.append(Highlight(best, best + len(d.text), d.code, d.name, d.message, d.severity.value,
                                 d.suggestion))
    out.sort(key=lambda h: (h.start, -h.end))
    return out


class _Places:
    """The occurrences of ``needle`` in a message's text (overlapping ones too), located in order as
    far as a search needs: the first offset at each line and column."""

    def __init__(self, message: Message, needle: str) -> None:
        self.message, self.needle = message, needle
        self.first = self.next = message.text.find(needle)
        self.at: dict[tuple[int, int], int] = {}

    def find(self, where: tuple[int, int]) -> int | None:
        """The first occurrence at ``where``, else the first occurrence; None when there is none."""
        if where in self.at:
            return self.at[where]
        while self.next >= 0:
            start = self.next
            loc, _ = self.message.locate(start)
            self.at.setdefault((loc.line, loc.col), start)
            self.next = self.message.text.find(self.needle, start + 1)
            if (loc.line, loc.col) == where:
                return start
        return self.first if self.first >= 0 else None
