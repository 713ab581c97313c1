"""The lint engine: every selected rule on every rendered script x channel x variant.

Rules return ``Finding``s as offsets into ``message.text``; this module turns them into
located ``Diagnostic``s (``message.locate``), attaches a ``Fix`` only where the span maps
back to literal YAML text, applies suppressions, dedupes what several channels or variants
report at the same place, and sorts the result so the same pack always reads the same.
"""

from __future__ import annotations

import copy
import functools
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn, ParamSpec, TextIO, TypeVar

from scriptkit.config import (
    LintConfig,
    Selector,
    find_project_config,
    held_by_order,
    is_known,
    load_config,
    matches,
    names_setting_warning,
    parse_severity,
    unknown_selector,
)
from scriptkit.diagnostics import (
    AGENT_TURNS,
    CHANNEL_DEFAULTED,
    SPREAD,
    VARIANT_OF,
    Diagnostic,
    Edit,
    Fix,
    Location,
    Severity,
)
from scriptkit.errors import ConfigError, ScriptkitError, argument_named, each_error
from scriptkit.inference import NOTE_BY_WORDING, infer_slots, reads_as_note
from scriptkit.message import (
    DEFAULT_LAYOUT_FILE,
    Message,
    SourceSpan,
    Text,
    known_channels,
    read_as_written,
    with_alternatives,
    without_unseen,
)
from scriptkit.rules import all_rules, innermost_line_in
from scriptkit.rules.base import Finding, Rule, RuleContext, practice_of
from scriptkit.rules.custom import CustomRule
from scriptkit.rules.language import expected_language, judges, reads_english
from scriptkit.rules.template import matches_ahead
from scriptkit.sourcetext import MAX_FILE_BYTES, SourceText, extent_of
from scriptkit.text import HALF_CHARACTER, apostrophes_like, clipped, has_visible, keeps_links, ordinal, read_text

if TYPE_CHECKING:
    from scriptkit.models import Origin, Pack, Script
    from scriptkit.transcript import PastedText, Turn

_P = ParamSpec("_P")
_R = TypeVar("_R")

# inline suppressions: 'scriptkit: ignore SK305, corporate-phrase', 'scriptkit: noqa', or a bare noqa
# (a verb is a whole word: 'ignore-files' is a typo, not 'ignore' of '-files')
_INLINE = re.compile(r"#[ \t]*(?:scriptkit:[ \t]*(?P<verb>ignore-file|ignore|noqa)(?![\w-])|(?P<noqa>noqa)\b):?"
                     r"(?P<codes>[ \t]*[A-Za-z0-9_-]+(?:[ \t]*,?[ \t]*[A-Za-z0-9_-]+)*)?")
# any '# scriptkit: VERB' comment, to warn of a verb _INLINE does not know
# (on its own line: a bare '# scriptkit:' read the next line's key as its verb)
_DIRECTIVE = re.compile(r"#[ \t]*scriptkit:[ \t]*(?P<verb>[A-Za-z][\w-]*)?")


@dataclass(frozen=True, slots=True)
class SentenceNote:
    """``scriptkit review``: one sentence of free text, the practice it shows, and its confidence."""

    start: int
    end: int
    text: str
    slot: str
    confidence: float
    location: Location


#: ``SentenceNote.slot`` of a sentence review left unjudged: in another language than the English beside it
NOT_JUDGED = "not_judged"


@dataclass(frozen=True)
class ReadingNote:
    """What review left out of a text's judgement (an email's quoted thread, signature, disclaimer, the HTML part
    beside its plain text) or read with a caveat (a charset no codec reads), said once where it starts: ``kind`` is
    one of "thread", "signature", "disclaimer", "html_part", "charset"; ``start`` the offset in the text as given,
    ``location`` its place; ``message`` says it, with the line."""

    kind: str
    start: int
    location: Location
    message: str


@dataclass
class LintResult:
    """What ``lint_pack()`` or ``lint_text()`` found.

    ``diagnostics`` are the findings, sorted by file and place (each a ``Diagnostic`` with its code,
    severity, message and location); ``count(severity)`` counts them, ``has_failures`` and
    ``exit_code`` say whether the configured ``fail_on`` level was reached (as ``scriptkit check``
    exits), ``fixes`` are the safe automatic fixes, the ones ``scriptkit check --fix`` applies (one whose
    text has a YAML anchor that an alias or a ``<<:`` merge key reuses is not among them: its diagnostic's
    ``fix`` has ``safe`` False and says why), ``report(stream, format)`` writes the result as
    ``scriptkit check --format`` does (a CI job's JUnit or SARIF file). ``messages`` are the rendered replies
    as written (a link as ``[text](address)``; each one's ``as_read`` is what the rules judged, a link as its
    text) and ``rules`` the rules that ran. For
    ``lint_text()`` (``scriptkit review``) ``sentences`` gives each sentence's inferred practice, ``turns``
    a transcript's agent turns, ``quoted_from`` where a quoted email thread starts, ``events`` the lines
    of a plain reply left out as chat events (``"*** Dana left the chat ***"``; a line that starts with a
    time, ``"[10:42] I've refunded it."``, is judged without the time) and ``read_as`` what pasted input
    was read as (``"HTML"``), ``reading_notes`` what of it was left out of the judgement or read with a caveat
    (``ReadingNote``: the quoted thread, a signature, a disclaimer, an email's HTML part, an unknown charset).
    """

    diagnostics: list[Diagnostic]
    messages: list[Message] = field(default_factory=list)
    config: LintConfig = field(default_factory=LintConfig)
    sources: dict[str, str] = field(default_factory=dict)  # file -> text, for context lines
    sentences: list[SentenceNote] = field(default_factory=list)  # review only
    turns: list[Turn] = field(default_factory=list)  # review of a transcript: the agent's turns, judged
    quoted_from: int | None = None  # review of an email: where the quoted thread under it starts (not judged)
    read_as: str | None = None  # review of pasted HTML or an email's source: what it was read as ("HTML")
    #: review of a plain reply: the (start, end) of each line left out as a chat event ("*** Dana left the chat ***")
    events: list[tuple[int, int]] = field(default_factory=list)
    #: review: the parts of the text left out of the judgement, or read with a caveat, each where it starts
    reading_notes: list[ReadingNote] = field(default_factory=list)
    rules: list[type[Rule]] = field(default_factory=list)  # the rules that ran, by code
    #: the scripts judged as internal notes (see ``internal_note``): on their hygiene only (``judges_internal_notes``)
    internal_notes: list[str] = field(default_factory=list)
    #: those of ``internal_notes`` told by their wording, not a setting (``inference.reads_as_note``)
    notes_by_wording: list[str] = field(default_factory=list)
    excluded: int = 0  # the pack's script files its ``exclude`` setting left out (``Pack.excluded``)
    #: ``check --baseline`` (``compare_baseline``): the findings the baseline accepted, not in ``diagnostics`` nor
    #: counted; SARIF alone lists them, as suppressed results (code scanning shows them closed, not as new alerts)
    accepted: list[Diagnostic] = field(default_factory=list)
    baseline: str = ""  # the baseline file that accepted them, as given

    def count(self, severity: Severity | str) -> int:
        # (a misspelt severity is a ConfigError, as in settings: not a bare ValueError from the enum)
        sev = severity if isinstance(severity, Severity) else parse_severity(severity, None)
        return sum(1 for d in self.diagnostics if d.severity == sev)

    @property
    def has_failures(self) -> bool:
        return any(self.config.fails(d.severity) for d in self.diagnostics)

    @property
    def exit_code(self) -> int:
        if any(RULE_FAILED in d.extra for d in self.diagnostics):
            return 2  # (a rule that failed: bad input, as a plug-in that cannot load is)
        return 1 if self.has_failures else 0

    @property
    def fixes(self) -> list[Fix]:
        return [d.fix for d in self.diagnostics if d.fix is not None and d.fix.safe]

    @property
    def files(self) -> list[str]:
        seen = dict.fromkeys(m.file for m in self.messages if m.file)
        return list(seen)

    def report(self, stream: TextIO, format: str = "text") -> None:
        """Write the result to ``stream`` as ``scriptkit check --format FORMAT`` prints it: ``"text"``,
        ``"json"``, ``"sarif"``, ``"github"``, ``"gitlab"`` or ``"junit"``, in any case (another name is a
        ConfigError)."""
        from scriptkit.reporters import get_reporter

        get_reporter(format.lower() if isinstance(format, str) else format)(self, stream)

    def to_dict(self) -> dict[str, Any]:
        """The result as ``--format json`` prints it (``scriptkit check``, ``scriptkit review``): a dict of plain
        values, for ``json.dumps`` or a service's own response."""
        from scriptkit.reporters.json import build

        return build(self)


# ---------------------------------------------------------------- public API

def check_argument(value: object, kind: type | tuple[type, ...], function: str, name: str, wanted: str,
                   hint: str | None = None) -> None:
    """Raise ConfigError for an argument of the wrong type to a public function: a caller's mistake
    said in scriptkit's words, as a bad setting is, not an AttributeError from deep inside."""
    if not isinstance(value, kind):
        raise ConfigError(f"{function}() takes {name} as {wanted}, not {argument_named(value)}", hint=hint)


# The grammar server's hints name the command line's flag ("Set --grammar off"), which a Python caller cannot type:
# said to one, they name the keyword argument instead.
_PYTHON_WORDS = ((re.compile(r"\bSet --grammar off\b"), 'Pass grammar="off"'),
                 (re.compile(r"--grammar (off|local)\b"), r'grammar="\1"'),
                 (re.compile(r"--grammar URL\b"), "grammar= the URL"),
                 (re.compile(r"--grammar\b"), "grammar="))


def _said_to_the_caller(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """``function`` (of the Python API) with its errors' hints in a Python caller's words: ``grammar="off"``, not
    ``--grammar off``. The command line, which calls it too, keeps its own."""

    @functools.wraps(function)
    def said(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return function(*args, **kwargs)
        except ScriptkitError as exc:
            if not on_the_command_line():
                for error in each_error(exc):
                    for flag, keyword in _PYTHON_WORDS if error.hint and "--grammar" in error.hint else ():
                        error.hint = flag.sub(keyword, error.hint or "")
            raise

    return said


def on_the_command_line() -> bool:
    """Whether a ``scriptkit`` command is running (its click context is current), not a Python program."""
    cli = sys.modules.get("scriptkit.cli")
    if cli is None:  # (never imported: no command runs)
        return False
    import click

    ctx = click.get_current_context(silent=True)
    return ctx is not None and ctx.find_root().command is getattr(cli, "main", None)


@_said_to_the_caller
def lint_pack(pack: Pack, config: LintConfig | None = None, *, grammar: str | None = None,
              channels: Iterable[str] | None = None, jobs: int | None = None,
              export_settings: bool = True, progress: Callable[[int], None] | None = None) -> LintResult:
    """Lint every script of ``pack`` on each of its channels, every variant.

    ``jobs``: worker processes for a large pack (None = one per CPU, 1 = this process only).
    ``progress``: called with how many scripts are rendered and judged so far, as each batch of them comes back
    from the workers (not called in a run in this process alone); the whole-pack rules run after the last call.
    ``channels`` naming only channels no script is written for raises ConfigError (as ``scriptkit check
    --channel`` does): a lint of nothing would read as a pass.

    First, as ``scriptkit check`` does, the pack's ``export:`` settings are checked: a target under
    ``targets:`` that is not installed, an unknown setting of an installed target or a wrong value
    raises ConfigError at its place in the YAML (ErrorGroup for several wrong values), so a pack
    that lints clean is not then refused by ``export``. ``export_settings=False`` judges the
    scripts' text alone.

    A fix ``scriptkit check --fix`` would refuse because its text has a YAML anchor that an alias
    or a ``<<:`` merge key reuses (the edit would change each place that reuses it) is marked not
    safe, its description saying why: ``LintResult.fixes`` lists what ``--fix`` applies, and their
    count is the CLI's "N fixable with --fix".
    """
    from scriptkit.models import Pack

    check_argument(pack, Pack, "lint_pack", "the pack", "a Pack",
                   f"Load it first: scriptkit.load_pack({pack!r})." if isinstance(pack, str | os.PathLike)
                   else "Load it with scriptkit.load_pack(folder).")
    check_argument(config, (LintConfig, type(None)), "lint_pack", "config", "a LintConfig or None",
                   "Read the pack's settings with scriptkit.load_config(pack), then .override(...) them.")
    check_argument(export_settings, bool, "lint_pack", "export_settings", "True or False")
    if export_settings:
        from scriptkit.exporting import check_settings

        check_settings(pack)
    config = config if config is not None else load_config(pack)
    if grammar is not None:
        config = config.override(grammar=grammar)
    from scriptkit.rendering import pack_place, wanted_channels, written_for

    wanted = wanted_channels(channels, "lint_pack")
    written_for(pack.scripts, wanted, pack_place(pack), "check")
    return _lint_rendered(pack, config, wanted, jobs, progress)[0]


def _lint_rendered(pack: Pack, config: LintConfig, wanted: list[str] | None, jobs: int | None,
                   progress: Callable[[int], None] | None, before: Judged | None = None,
                   keep: bool = False) -> tuple[LintResult, Judged | None]:
    """``lint_pack`` once its arguments and the pack's channels are checked. ``keep``: also return what its
    per-message rules found (``Judged``); ``before``: such a record of an earlier run, whose findings are taken
    for each script whose files are unchanged (``Judged.reuse``) instead of judging it again."""
    from scriptkit import parallel

    reused = before.reuse(pack, config, wanted, jobs) if before is not None else None
    kept: Judged | None = None
    if reused is not None:
        messages, ran = reused
        kept = Judged.of(pack, config, wanted, messages, ran) if keep else None
        result = lint_messages(messages, pack, config, ran=ran)
    elif (workers := parallel.jobs_for(pack, jobs)) > 1:  # render + per-message rules in workers; the rest here
        found = parallel.per_message_diagnostics(pack, config, wanted, workers, progress)
        kept = Judged.of(pack, config, wanted, found.messages, found.diagnostics) if keep else None
        # duplicate-script's fingerprints and matches were made by a worker
        with parallel.frozen_heap(), matches_ahead(found.duplicates):
            result = lint_messages(found.messages, pack, config, ran=found.diagnostics)
    else:
        from scriptkit.rendering import render_pack  # (a pack's; one reply's judgement never renders)

        messages = render_pack(pack, wanted, all_variants=True, every_branch=True)
        if keep:  # (lint_messages's per-message half first, kept, then the rest: the same findings)
            ran = per_message_rules(messages, pack, config)
            kept = Judged.of(pack, config, wanted, messages, ran)
            result = lint_messages(messages, pack, config, ran=ran)
        else:
            result = lint_messages(messages, pack, config)
    problems = [*_config_problems(config), *_script_ignore_problems(pack, config), *_other_branches(pack, config,
                                                                                                   wanted, result)]
    _say_variant(problems)  # (an other branch's finding, merged on its own)
    if problems:  # (lint_messages returns its diagnostics sorted)
        result.diagnostics = sorted_diagnostics([*problems, *result.diagnostics])
    from scriptkit import fixing

    # (a fix --fix would refuse is no safe fix: its text has an anchor that an alias or a '<<:' merge key reuses,
    # so the edit would change each place too; it stays shown, to make by hand, with the reason)
    texts = {o.source.path: o.source.text for o in (pack.origin, *(s.origin for s in pack.scripts)) if o}
    fixing.not_fixable(result.diagnostics, fixing.refused_by_anchors(result.diagnostics, texts))
    place_ends(result.diagnostics, result.sources)
    return result, kept


def lint_pack_again(pack: Pack, config: LintConfig, *, channels: Iterable[str] | None = None,
                    jobs: int | None = None, progress: Callable[[int], None] | None = None,
                    before: Judged | None = None) -> tuple[LintResult, Judged | None]:
    """``lint_pack(pack, config, export_settings=False)``, and what its per-message rules found, for the next run:
    ``check --fix`` lints the pack again after each round of fixes, and with ``before`` (the last run's) only the
    scripts whose files a round changed are judged again (most of a check's time; the rules that compare scripts
    and the grammar batch run on every message as before). The findings are those a fresh ``lint_pack`` makes."""
    from scriptkit.rendering import pack_place, wanted_channels, written_for

    wanted = wanted_channels(channels, "lint_pack")
    written_for(pack.scripts, wanted, pack_place(pack), "check")
    return _lint_rendered(pack, config, wanted, jobs, progress, before, keep=True)


def _copied(diagnostic: Diagnostic) -> Diagnostic:
    """A diagnostic of its own: ``lint_messages`` changes the ones it merges (channels, severity, fix, ends)."""
    out = copy.copy(diagnostic)
    out.extra = dict(diagnostic.extra)
    return out


@dataclass(frozen=True)
class Judged:
    """What the per-message rules of one ``lint_pack`` run found, by script, with the texts each script's messages
    were rendered from (its file, pack.yaml): ``reuse`` takes them for a script whose texts are unchanged. Those
    rules read one message, its script and the pack's settings (``RuleContext``), so their findings there are the
    ones a fresh run makes; a plug-in's rules may read more, and a run with one judges every script again."""

    config: LintConfig
    channels: tuple[str, ...] | None
    pack_text: str | None
    #: each script's messages' source texts, by path, and each per-message rule's findings in them (copies)
    scripts: Mapping[str, tuple[Mapping[str, str], tuple[tuple[Diagnostic, ...], ...]]]

    @classmethod
    def of(cls, pack: Pack, config: LintConfig, channels: list[str] | None, messages: list[Message],
           ran: list[list[Diagnostic]]) -> Judged | None:
        """The record of a run's ``messages`` and per-message findings ``ran`` (per rule, in message order); None
        where it could not be reused: a plug-in's rule, a rule that failed, a finding of no script's message."""
        if not _reusable(config) or any(RULE_FAILED in d.extra for found in ran for d in found):
            return None
        sources: dict[str, dict[str, str]] = {}
        for m in messages:
            texts = sources.setdefault(m.script_id, {})
            for seg in m.segments:
                if (span := seg.source) is not None and (source := span.source) is not None:
                    texts.setdefault(source.path, source.text)
        found: dict[str, list[list[Diagnostic]]] = {script: [[] for _ in ran] for script in sources}
        for i, diagnostics in enumerate(ran):
            for d in diagnostics:
                if d.script_id not in found:
                    return None
                found[d.script_id][i].append(_copied(d))
        return cls(config, None if channels is None else tuple(channels),
                   pack.origin.source.text if pack.origin is not None else None,
                   {script: (sources[script], tuple(map(tuple, found[script]))) for script in sources})

    def reuse(self, pack: Pack, config: LintConfig, channels: list[str] | None, jobs: int | None
              ) -> tuple[list[Message], list[list[Diagnostic]]] | None:
        """``pack`` rendered, and its per-message findings (as ``per_message_rules`` gives them): this record's for
        each script whose texts are those it records, the others' judged now. None where the settings, the
        channels or pack.yaml differ, the scripts to judge again are enough for worker processes, or a rule fails
        (each script is then judged again, the failure told as a fresh run tells it)."""
        from scriptkit import parallel

        if config is not self.config or (None if channels is None else tuple(channels)) != self.channels or \
                (pack.origin.source.text if pack.origin is not None else None) != self.pack_text:
            return None
        from scriptkit.rendering import render_pack

        messages = render_pack(pack, channels, all_variants=True, every_branch=True)
        again: list[Message] = []
        for m in messages:
            known = self.scripts.get(m.script_id)
            if known is None or any(source.path not in known[0] or known[0][source.path] != source.text
                                    for seg in m.segments if (span := seg.source) is not None
                                    and (source := span.source) is not None):
                again.append(m)
        stale = {m.script_id for m in again}
        if parallel.workers_for(len(stale), jobs) > 1:  # (all of them on workers: sooner than those here alone)
            return None
        again = [m for m in messages if m.script_id in stale]  # (every message of a script judged again)
        fresh = per_message_rules(again, pack, config) if again else None
        if fresh is not None and any(RULE_FAILED in d.extra for found in fresh for d in found):
            return None
        by_script: dict[str, list[list[Diagnostic]]] = {}
        for i, judged_now in enumerate(fresh or ()):
            for d in judged_now:
                if d.script_id not in stale:
                    return None
                by_script.setdefault(d.script_id or "", [[] for _ in fresh or ()])[i].append(d)
        order = list(dict.fromkeys(m.script_id for m in messages))
        steps = len(next(iter(self.scripts.values()))[1]) if self.scripts else len(fresh or ())
        ran: list[list[Diagnostic]] = [[] for _ in range(steps)]
        for script in order:
            of_script = by_script.get(script) if script in stale else \
                [list(map(_copied, step)) for step in self.scripts[script][1]]
            for i, diagnostics in enumerate(of_script or ()):
                ran[i].extend(diagnostics)
        return messages, ran


def _reusable(config: LintConfig) -> bool:
    """Whether every rule the config runs is scriptkit's or the team's YAML rule: they judge a message by what its
    ``RuleContext`` says of its script and the pack's settings; a plug-in's might read other scripts too."""
    return all(rule.__module__.startswith("scriptkit.rules.") for rule in _plan(config).active)


def _other_branches(pack: Pack, config: LintConfig, channels: list[str] | None,
                    today: LintResult) -> list[Diagnostic]:
    """What the rules that read alternatives too (SK201, SK305, a team's swaps, grammar: SK90x...) find in the text
    of an ``{% if %}`` branch (or an inline ``... if x else ...``) that the constants do not choose today
    (``closed_for_holidays: false``, ``delivery_fee: 3.50`` under ``{% if delivery_fee > 4 %}``): that text ships
    the day they change, unjudged till then. Each script that tests constants is rendered again for each other way
    its branches go under the choices of them (the first three it tests: an ``{% elif %}`` may need two changed;
    see ``rendering.branch_choices``; ``rendering.branch_outcomes`` tells the ways apart without rendering), and
    each finding in text today's replies do not have is said with when it is sent."""
    from itertools import product

    from scriptkit.rendering import branch_choices, branch_outcomes, render_pack

    plan, steps = _steps(config, pack)
    plan = replace(plan, per_message=tuple(i for i in plan.per_message if i in plan.reads_alternatives),
                   batched=tuple(i for i in plan.batched if i in plan.reads_alternatives))  # (grammar: SK90x)
    tested = branch_choices(pack) if plan.per_message or plan.batched else {}
    if not tested:
        return []
    seen = {_branch_key(d) for d in today.diagnostics}
    suppress = _suppressions(pack)
    by_key: dict[tuple[object, ...], Diagnostic] = {}
    # each text judged once: most choices send a text another sends too (once 'fee > 4' holds, the region an
    # elif below it tests changes nothing), today's included
    # (what a message sends is its reply and its alternatives' and conditions' texts: an {% if %} in an alternative
    # alone leaves the reply as today's)
    read = {_sends(m) for m in today.messages if m.script_id in tested}
    # (the batched rules' texts, with when each is sent: asked together once every choice is rendered, so the
    # grammar rules send LanguageTool one batch of them)
    batch: list[tuple[Message, str]] = []
    for script_id, choices in tested.items():
        choices = choices[:_BRANCH_CONSTANTS]
        # (a choice whose branch tests come out as another's, printing the same values, sends the same texts:
        # told from the tests, it is not rendered again)
        outcome = branch_outcomes(pack, pack.script(script_id), [options[0].name for options in choices])
        sent = set() if outcome is None else {outcome([options[0].value for options in choices])}  # (today's)
        # (fewest constants changed first: a text two ways send is said with the simpler, 'closed is true' rather
        # than 'delivery_fee is 5 and region is "EU"')
        for picked in sorted(product(*choices), key=lambda picked: sum(not choice.today for choice in picked)):
            changed = [choice for choice in picked if not choice.today]
            if not changed:
                continue  # (today's choice: judged already)
            if outcome is not None:
                sends = outcome([choice.value for choice in picked])
                if sends in sent:
                    continue
                sent.add(sends)
            meta = pack.meta.model_copy(update={"constants": {**pack.meta.constants,
                                                              **{c.name: c.value for c in changed}}})
            try:
                messages = judged(render_pack(pack.model_copy(update={"meta": meta}), channels, script_id,
                                              all_variants=True))
            except ScriptkitError:
                continue  # (a branch that does not render is a template problem, reported as one already)
            fresh = [m for m in messages if _sends(m) not in read]
            read.update(_sends(m) for m in fresh)
            messages = fresh
            when = "(in the text sent when " + " and ".join(c.said for c in changed) + ")"
            batch.extend((m, when) for m in messages if plan.batched)
            for i, found in zip(plan.per_message, _per_message(messages, plan, steps), strict=True):
                _tell_branch(_judged(steps[i], found, suppress), when, seen, by_key)
    if batch:
        told = [(part, when) for m, when in batch for part in with_alternatives([m])]  # (as lint_messages reads)
        read_too = [part for part, _ in told]
        whens = {id(part): when for part, when in told}
        current: Rule | None = None
        try:
            for i in plan.batched:
                current, ctx, severity = steps[i]
                for m, f in current.check_batch(read_too, ctx):
                    _tell_branch(_judged(steps[i], [_diagnostic(current, m, f, severity)], suppress), whens[id(m)],
                                 seen, by_key)
        except ScriptkitError:
            raise
        except Exception as exc:
            _rule_failed(current, exc)
    return list(by_key.values())


def _sends(message: Message) -> tuple[object, ...]:
    """What ``message`` sends, to tell a branch's text from one judged already: its reply and the texts of its
    alternatives and conditions (the guidance is never sent)."""
    return (message.script_id, message.channel, message.variant, message.text,
            *(note.text for note in message.notes if note.kind in ("alternative", "condition")))


def _tell_branch(diagnostics: Iterable[Diagnostic], when: str, seen: set[tuple[object, ...]],
                 by_key: dict[tuple[object, ...], Diagnostic]) -> None:
    """Add each of ``diagnostics`` (of a branch's text) that today's replies do not have to ``by_key``, saying
    ``when`` it is sent."""
    for diag in diagnostics:
        key = _branch_key(diag)
        if key not in seen or key in by_key:  # (each text once: with the first choice that sends it)
            diag.message = f"{diag.message} {when}"
            merge_diagnostic(by_key, diag, key)
            seen.add(key)


_BRANCH_CONSTANTS = 3  # constants of one script whose every choice is judged (a yes or no has 2, a number or text
# compared a few: rendering.MAX_BRANCH_VALUES)


def _branch_key(d: Diagnostic) -> tuple[object, ...]:
    return d.code, d.location.file, d.location.line, d.location.col, " ".join(d.text.split())


def internal_note(pack: Pack, script: Script) -> Location | None:
    """Where ``script`` is made a Zendesk internal note (``export: {zendesk: {public: false}}``, its own
    setting over the pack's, as the import of an internal note writes it), or None when it is not one.

    An internal note is written for the agents and never sent to the customer: check, audit and
    export all tell one by this."""
    for owner, conf in ((script, script.export.get("zendesk")), (pack, pack.meta.export.get("zendesk"))):
        if isinstance(conf, Mapping) and "public" in conf:
            if conf["public"] is not False:
                return None
            origin = owner.origin
            return origin.location(("export", "zendesk", "public")) if origin else Location(script.file, 1, 1)
    return None


def judges_internal_notes(diagnostic: Diagnostic) -> bool:
    """Whether ``diagnostic``'s rule judges an internal note too: only those of the script's hygiene
    (template, export, custom rules: no practice) do, as audit judges a note. Every practice is a reply's to a
    customer, flexibility included: a note is a form the agent completes for colleagues, so SK406 'no room to
    adapt it' does not apply and its blanks (SK407) are the agent's to fill, not text sent as is."""
    return practice_of(diagnostic.code, diagnostic.name) is None


def notes_told(notes: int, by_wording: int) -> str:
    """How ``notes`` internal notes were told, for a report's line about them: "" when all by their setting (the
    line says enough), else how many by their wording, which a writer may not have meant as a note."""
    if not by_wording:
        return ""
    why = f"by {'its' if by_wording == 1 else 'their'} wording ({NOTE_BY_WORDING})"
    if by_wording == notes:
        return f": {'read so' if notes == 1 else 'all read so'} {why}"
    return f": {notes - by_wording} by {'its' if notes - by_wording == 1 else 'their'} setting (public: false), " \
        f"{by_wording} {why}"


def _reply_rules_in_notes(pack: Pack | None, messages: list[Message]
                          ) -> tuple[list[str], list[str], Callable[[Diagnostic], bool]]:
    """The internal notes among ``messages`` (named in the report: a writer told why a cold note has no
    warmth findings), those of them told by their wording, and whether a diagnostic is one a reply's rule
    found in one of them, to be left out. A script is a note by its setting (``internal_note``) or by its
    wording (``reads_as_note``: every text of it). Asked of each message's own diagnostic, before those of
    the same shared text (the pack's sign-off) are merged: a merged one keeps the first script's id, and a
    note's copy would take a public reply's finding with it."""
    linted: dict[str, bool] = {}  # script id -> whether each of its texts reads as a note
    for m in messages:
        linted[m.script_id] = linted.get(m.script_id, True) and reads_as_note(m)
    by_setting = [] if pack is None else \
        [s.id for s in pack.scripts if s.id in linted and internal_note(pack, s) is not None]
    by_wording = [script for script, note in linted.items() if note and script not in by_setting]
    notes = by_setting + by_wording
    if not notes:
        return [], [], lambda d: False
    note_ids = set(notes)
    by_file = {} if pack is None else {s.file: s.id for s in pack.scripts}
    return notes, by_wording, lambda d: (not judges_internal_notes(d)
                                         and (d.script_id or by_file.get(d.location.file)) in note_ids)


@_said_to_the_caller
def lint_text(text: str, *, channel: str | None = None, config: LintConfig | None = None,
              grammar: str | None = None, file: str | os.PathLike[str] = "<text>",
              agent: str | None = None, locale: str | None = None, max_chars: int | None = None) -> LintResult:
    """Lint free text (an agent's actual reply), with each sentence's slot inferred.

    A transcript (lines labelled ``Agent: ``, ``Customer: ``...) is judged on the agent's turns
    only, as one reply; ``agent`` names the agent's label where the labels do not say it.
    ``channel``: default chat for a transcript, else email. Pasted HTML (a helpdesk's HTML view,
    a ticket comment's ``html_body``) or an email's source is judged as the text a reader sees,
    and every location points into ``text`` as given (``LintResult.read_as`` says so); such
    input with no text in it raises ConfigError.

    ``config``: default, the settings (``scriptkit.toml``, ``[tool.scriptkit]``) beside ``file``
    where it is a file on disk or an absolute path, else the defaults. The working
    folder is never read: pass ``config=scriptkit.load_config()`` for the settings ``scriptkit
    review`` would use there. ``locale``: the locale the reply is written in, over the settings' (``review
    --locale``): an English one ("en-GB") gives the dialect; another language's ("es-ES") leaves the reply to the
    rules that do not read English, unless it reads as English, with an SK006 note, as a pack of that locale.

    ``max_chars``: a service's own cap on the text's length (characters), below the 2,000,000 always refused: a
    longer text raises the same ConfigError, at once. The time a reply takes grows with its length and with what
    is found in it (see "In a service" in the docs' Python page).
    """
    from scriptkit.transcript import (  # (review only: not loaded by check)
        agent_turns,
        pasted_text,
        plain_spaces,
        quoted_thread,
        signature_parts,
        unified_breaks,
        unquoted_parts,
        within_a_turn,
    )

    check_argument(text, str, "lint_text", "the reply", "a str",
                   "Decode it first: text.decode('utf-8')." if isinstance(text, bytes) else None)
    check_argument(config, (LintConfig, type(None)), "lint_text", "config", "a LintConfig or None",
                   "Read settings with scriptkit.load_config(), then .override(...) them"
                   + ("; a dict of them with scriptkit.LintConfig.from_mapping(settings)."
                      if isinstance(config, Mapping) else "."))
    check_argument(channel, (str, type(None)), "lint_text", "channel", "a name such as 'email', or None")
    check_argument(agent, (str, type(None)), "lint_text", "agent", "the agent's label in the transcript, or None")
    check_argument(file, (str, os.PathLike), "lint_text", "file", "the name locations give (a str or Path)")
    if max_chars is not None and (isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 1):
        raise ConfigError(f"lint_text() takes max_chars as a count of characters over 0, or None, not "
                          f"{argument_named(max_chars)}")
    file = os.fspath(file)
    if len(text) > MAX_FILE_BYTES:  # (a log or a whole export passed by mistake: a minute and more of one worker)
        raise ConfigError(f"the text is {len(text):,} characters, over the {MAX_FILE_BYTES:,} one reply or "
                          "conversation may be (as scriptkit review's file)", Location(file, 1, 1),
                          "Pass one reply, or one transcript, at a time.")
    if max_chars is not None and len(text) > max_chars:  # (the caller's cap: a service's worker time per request)
        raise ConfigError(f"the text is {len(text):,} characters, over the {max_chars:,} max_chars allows",
                          Location(file, 1, 1), "Pass one reply, or one transcript, at a time.")
    if (half := HALF_CHARACTER.search(text)) is not None:  # (no report could be written: UTF-8 has no such thing)
        raise ConfigError(f"the text holds '\\u{ord(half[0]):04x}', half of a character (a surrogate: an emoji cut "
                          "in two)", SourceText(file, text).location(half.start()),
                          "Pass the whole character, or leave it out.")
    if not has_visible(text):
        # (as `scriptkit review` refuses it: an empty reply is no short one to judge; nor one of marks no reader
        # sees, a zero-width space or a byte order mark, which was judged as a reply lacking everything)
        raise ConfigError("nothing to review: the text is empty" if not text else
                          "nothing to review: the text is only white space" if not text.strip() else
                          "nothing to review: the text has no character a reader sees (only marks such as a "
                          "zero-width space)", Location(file, 1, 1),
                          "Pass the reply's text (an agent's reply, or a transcript of Agent: and Customer: lines).")
    if channel is not None:
        known_channels([channel])
    if config is None:  # (the settings beside a file given; never the working folder's, which a service inherits)
        # (a file on disk, or a whole path: "tickets/4521" is a label, read against the working folder)
        beside = file != "<text>" and (os.path.isfile(file) or os.path.isabs(file))
        config = _text_config(Path(file).parent) if beside else _default_config()
    if grammar is not None:
        config = config.override(grammar=grammar)
    if locale is not None:
        config = config.override(locale=locale)
    written = text
    kept = unified_breaks(text)  # (lines ending in "\r" alone are lines; offsets are kept)
    if kept.startswith("\ufeff"):  # a byte order mark read as text (open(..., encoding="utf-8")): no character a
        kept = " " + kept[1:]  # reader sees, but it hid a transcript's first label and a page's first tag
    # (the layout is read with no-break spaces as spaces, "Agent:\u00a0", "10:42\u202fAM"; the reply keeps them)
    given = text = plain_spaces(kept)
    page = pasted_text(given, file)
    if page is not None:
        text = page.text
        if not text.strip():
            raise ConfigError(f"nothing to review: no text in {page.what}", Location(file, 1, 1),
                              "Pass the reply's text, or HTML or an email that holds some.")
    turns = agent_turns(text, agent, file)
    given_channel = channel is not None
    channel = channel or ("email" if turns is None else "chat")
    parts = None if turns is None else [(t.start, t.end) for t in turns]
    thread = None
    events: list[tuple[int, int]] = []  # (a plain reply's lines left out as chat events)
    left_out: dict[str, int] = {}  # (the parts under the reply not judged, where each starts in ``text``)
    if turns is None:
        thread = quoted_thread(text)
        # (the thread quoted under an email reply is the earlier messages, not the reply; nor is a
        # customer's question quoted in between to answer it, "> And the fee?" then "There's none.";
        # nor the signature under it, after "-- " or a phone's "Sent from my iPhone", nor its disclaimer)
        left_out = {kind: at for kind, at in signature_parts(text).items() if thread is None or at < thread}
        if thread is not None:
            left_out["thread"] = thread
        cuts = list(left_out.values())
        end = min(cuts) if cuts else None
        spans, events = unquoted_parts(text, len(text) if end is None else end)
        parts = spans or (None if end is None else [(0, end)])
    if page is None:  # (the reply as written: a French SMS's "demain\u00a0!" is UCS-2 in review as in check)
        text = kept
    # (pasted HTML or an email's source shows a '[text](address)' of its text as it is written: no link)
    message, notes = text_message(text, channel=channel, file=file, parts=parts, links=page is None,
                                  channel_given=given_channel, turns=turns is not None)
    apart = _in_another_language(message, notes, config)
    if apart:  # (judged, "siento mucho la espera." came before the English apology as SK302's first sentence)
        parts = _without(parts or [(0, len(text))], [(n.start, n.end) for n in apart])
        message, notes = text_message(text, channel=channel, file=file, parts=parts, links=page is None,
                                      channel_given=given_channel, turns=turns is not None)
        notes = sorted([*notes, *(replace(n, slot=NOT_JUDGED, confidence=0.0) for n in apart)], key=lambda n: n.start)
    result = lint_messages([message], None, config)
    result.sentences = notes
    if apart:
        _say_not_judged(result, apart, text, file)
    result.turns = turns or []
    result.quoted_from = thread
    result.events = events
    result.sources[file] = text
    if turns:  # (a finding on the whole reply is placed on the agent's words, not the customer's between turns)
        within_a_turn(result.diagnostics, turns, SourceText(file, text))
    if page is not None:
        _in_the_given(result, page, given, file)
    elif given is not written:  # (no-break spaces, lone "\r": each finding quotes the text as written)
        for d in result.diagnostics:  # (not one read across a link's markup: its text is not written so)
            if d.text and d.location.file == file and d.location.offset >= 0 \
                    and text.startswith(d.text, d.location.offset):
                d.text = written[d.location.offset:d.location.offset + len(d.text)]
    if page is not None or given is not written:  # (each edit names what it replaces as the caller wrote it)
        for d in result.diagnostics:
            if d.fix is not None:
                d.fix = replace(d.fix, edits=tuple(replace(e, replaces=written[e.start:e.end]) if e.file == file
                                                   else e for e in d.fix.edits))
    if parts is not None:  # (a finding over the judged parts quotes them joined, which the text given never holds)
        for d in result.diagnostics:
            if d.extra.get(SPREAD) and d.text and d.location.file == file and d.text not in written:
                d.text = ""
    problems = _config_problems(config)
    if problems:  # (lint_messages sorted the rest already)
        result.diagnostics = sorted_diagnostics([*problems, *result.diagnostics])
    place_ends(result.diagnostics, result.sources)
    result.reading_notes = _reading_notes(left_out, page, given, file)
    return result


_LEFT_OUT = {  # (why each part under a reply is not judged)
    "signature": "the signature", "disclaimer": "the disclaimer", "thread": "the quoted thread",
    "html_part": "the email's HTML part"}
_WHY_LEFT_OUT = {
    "signature": "it is the sender's name and details, not the reply",
    "disclaimer": "it is the company's legal notice, not the agent's words",
    "thread": "it is the earlier messages",
    "html_part": "it is the same email as HTML; its plain-text part was read"}


def _reading_notes(left_out: dict[str, int], page: PastedText | None, given: str, file: str) -> list[ReadingNote]:
    """What of ``given`` was left out of the judgement (``left_out``: where each part starts in the text judged) or
    read with a caveat, each where it starts in ``given``, in order."""
    source = SourceText(file, given)

    def at(offset: int) -> tuple[Location, str]:
        where = source.location(offset)  # (HTML is often one line: its column too)
        return where, f"line {where.line}" if where.col == 1 else f"line {where.line}, column {where.col}"

    starts = {kind: page.origin(offset) if page is not None else offset for kind, offset in left_out.items()}
    if page is not None and page.html_part_at is not None:
        starts["html_part"] = page.html_part_at
    notes = []
    for kind, start in starts.items():
        where, said = at(start)
        notes.append(ReadingNote(kind, start, where, f"{_LEFT_OUT[kind]} from {said} on is not judged: "
                                                     f"{_WHY_LEFT_OUT[kind]}"))
    if page is not None and page.unknown_charset is not None:
        charset, start = page.unknown_charset
        where, said = at(start)
        notes.append(ReadingNote("charset", start, where, f'the charset "{charset}" that the Content-Type on {said} '
                                 "names is unknown: the email was read as UTF-8, so a letter may read wrong"))
    return sorted(notes, key=lambda n: n.start)


def _in_another_language(message: Message, notes: list[SentenceNote], config: LintConfig) -> list[SentenceNote]:
    """The sentences of a reply judged in English that read as another language ("siento mucho la espera." before
    the English reply): the rules that read English would misread them (an apology read as no apology, counted
    first before the English one). A reply that reads as another language as a whole is SK006's whole-reply case
    (none here); a greeting or sign-off ("Hola Ana,") is the frame, read as one."""
    from scriptkit.language import language_of, may_be_another_language

    # (the screen first: most English replies hold no other language's word, and language_of reads each sentence's
    # frame, some 0.1-0.2 ms a reply)
    if not may_be_another_language(message.text) or expected_language(None, config.locale) != "en" \
            or not judges(message, "en"):
        return []

    body = [n for n in notes if n.slot not in ("greeting", "signoff")]
    apart = [n for n in body if language_of(n.text) not in (None, "en")]
    return apart if len(apart) < len(body) else []


def _without(parts: Sequence[tuple[int, int]], cuts: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """``parts`` (spans in order) without the spans ``cuts`` (in order, each inside one part)."""
    kept, i = [], 0
    for lo, hi in parts:
        while i < len(cuts) and cuts[i][0] < hi:
            a, b = cuts[i]
            if lo < a:
                kept.append((lo, a))
            lo, i = max(lo, b), i + 1
        if lo < hi:
            kept.append((lo, hi))
    return kept


def _say_not_judged(result: LintResult, apart: list[SentenceNote], text: str, file: str) -> None:
    """Add SK006's note on the sentences of ``apart``, left unjudged as another language's (where SK006 ran)."""
    from scriptkit.language import language_of, name_of
    from scriptkit.rules.language import OtherLanguage

    if OtherLanguage not in result.rules:  # (--ignore SK006, or a select that leaves it out)
        return
    names = sorted({name_of(language_of(n.text) or "") for n in apart})
    first, source = apart[0], SourceText(file, text)
    last = source.location(first.end - 1)
    said = f"{len(apart)} sentence(s) read as {' and '.join(names)}"
    result.diagnostics = sorted_diagnostics([*result.diagnostics, Diagnostic(
        OtherLanguage.code, OtherLanguage.name, f"{said}, not English: the empathy, warmth, solution and readability "
        "rules read English only, so they did not judge them", Severity.SUGGESTION, first.location,
        text=first.text, suggestion="The English sentences were judged; judge these by hand, or review them on "
        "their own with --locale.", script_id="review", channel=result.messages[0].channel if result.messages else None,
        extra={"end_line": str(last.line), "end_col": str(last.col + 1)})])


_WARM_REPLY = ("Hi Sam,\n\nI'm so sorry the refund hasn't reached you yet; I can see how frustrating that is. "
               "I've asked our billing team to send it today, and I'll email you once it's done.\n\nBest,\nJo")
# (and one pasted from a macro, whose helpdesk placeholder and blank load the advice for them)
_WARM_REPLIES = (_WARM_REPLY, _WARM_REPLY.replace("Hi Sam", "Hi {{ticket.requester.first_name}}")
                 .replace("send it today", "send [AMOUNT] today"))


def warm(config: LintConfig | None = None) -> None:
    """Pay the one-off costs of linting now, in a process that will lint many replies (a review
    service, an editor plug-in, the parent of forked lint workers): the lazy imports and phrase
    data a first reply loads, and every phrase list's regexes, which replies otherwise compile as
    their texts first reach them (a tenth of the CPU of a first 300 real replies). It costs about 0.8 s of CPU,
    the imports it loads included (2-2.5 s of wall time measured on a busy two-core machine). Findings
    are the same with or without it. ``config``: the settings the replies will be linted with
    (which rules load their data); default, every default rule with grammar off."""
    from scriptkit.rules.lexicon import prepare

    # (checked here: lint_text would name itself, not warm, in the message)
    check_argument(config, (LintConfig, type(None)), "warm", "config", "a LintConfig or None",
                   "Read settings with scriptkit.load_config(), then .override(...) them.")
    for reply in _WARM_REPLIES:  # (the config lint_text(config=None) lints with: its rules are set up per config)
        lint_text(reply, config=config or _default_config())
    prepare()


# lint_text's settings when the caller passes none, by the project file they come from (None: there
# is none), with the size and time of each file they were read from
_TEXT_CONFIGS: dict[Path | None, tuple[LintConfig, tuple[tuple[str, tuple[int, int] | None], ...]]] = {}


@functools.cache
def _default_config() -> LintConfig:
    return LintConfig()


def _text_config(start: Path | None) -> LintConfig:
    """The project's settings for free text under ``start`` (the working folder), as ``load_config``
    reads them, read again only when a file they came from changed: read for each reply, their rules
    were set up anew each time, 5 ms of a short reply's 6 in a program reviewing one after another."""
    found = find_project_config(start or Path.cwd())
    kept = _TEXT_CONFIGS.get(found)
    if kept is not None and all(_stamp(path) == stamp for path, stamp in kept[1]):
        return kept[0]
    before = _stamp(str(found)) if found is not None else None  # (a change while it is read: read again next time)
    config = load_config(None, start)
    read = [(str(found), before)] if found is not None else []
    read += [(path, _stamp(path)) for path in config.sources if path != str(found)]
    if len(_TEXT_CONFIGS) >= 64:  # (one a project folder reviewed in: a few)
        _TEXT_CONFIGS.clear()
    _TEXT_CONFIGS[found] = (config, tuple(read))
    return config


def _stamp(path: str) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


def _spelled_as_read(written: str, read: str) -> bool:
    """Whether ``written`` (the file's text) is ``read`` (the text judged) as it stands, or but for its white
    space, with no markup, entity or soft line break in it: an edit of it changes just those words."""
    return written == read or (written.split() == read.split() and not any(c in written for c in "<>&="))


def _in_the_given(result: LintResult, page: PastedText, given: str, name: str) -> None:
    """Point what ``result`` found in the text of ``given`` (its sentences, turns, findings) at ``given``."""
    from dataclasses import replace

    source, judged = SourceText(name, given), SourceText(name, page.text)
    for d in result.diagnostics:
        if d.location.file == name and d.location.offset >= 0:
            d.location = source.location(page.origin(d.location.offset))
            if "end_line" in d.extra:  # (where the offending text ends: its last character, then one column on)
                last = source.location(page.origin(judged.offset(int(d.extra["end_line"]) - 1,
                                                                 int(d.extra["end_col"]) - 2)))
                d.extra = {**d.extra, "end_line": str(last.line), "end_col": str(last.col + 1)}
        if d.fix is not None:
            edits = tuple(replace(e, start=page.origin(e.start), end=page.origin_end(e.end))
                          if e.file == name else e for e in d.fix.edits)
            # (only where the file spells the replaced text as it reads: not across '</b>', nor in
            # base64, quoted-printable or '&amp;', which an edit of the file would corrupt; HTML's line
            # breaks and runs of spaces read as one space, so "we are\n  unable to" is the same words)
            literal = all(e.file != name or _spelled_as_read(given[e.start:e.end], page.text[o.start:o.end])
                          for e, o in zip(edits, d.fix.edits, strict=True))
            d.fix = replace(d.fix, edits=edits) if literal else None
    result.sentences = [replace(s, start=page.origin(s.start), end=page.origin_end(s.end),
                                location=source.location(page.origin(s.start))) for s in result.sentences]
    result.turns = [replace(t, start=page.origin(t.start), end=page.origin_end(t.end), said=page.text[t.start:t.end])
                    for t in result.turns]
    if result.quoted_from is not None:
        result.quoted_from = page.origin(result.quoted_from)
    result.events = [(page.origin(lo), page.origin_end(hi)) for lo, hi in result.events]
    result.sources[name] = given
    result.read_as = page.what


def lint_messages(messages: list[Message], pack: Pack | None, config: LintConfig, *,
                  ran: list[list[Diagnostic]] | None = None) -> LintResult:
    """Run the selected rules on ``messages`` (already rendered) and locate what they find.

    ``ran``: the per-message rules' diagnostics, already found by ``scriptkit.parallel`` (with
    ``per_message_rules``: their suppressions and severities are applied).
    """
    plan, steps = _steps(config, pack)
    written, messages = messages, judged(messages)
    found: list[list[Diagnostic]] = [[] for _ in steps]  # to be judged by suppressions and severities
    kept: list[Sequence[Diagnostic]] = [()] * len(steps)  # judged already (by a worker)
    if ran is not None:  # scriptkit.parallel ran the per-message rules in worker processes
        for i, diags in zip(plan.per_message, ran, strict=True):
            kept[i] = diags
    else:
        for i, diags in zip(plan.per_message, _per_message(messages, plan, steps), strict=True):
            found[i] = diags
    current: Rule | None = None
    try:
        alternatives: list[Message] | None = None
        for i in plan.batched:
            current, ctx, severity = steps[i]
            read = messages
            if i in plan.reads_alternatives:
                read = alternatives = alternatives if alternatives is not None else with_alternatives(messages)
            found[i].extend(_diagnostic(current, m, f, severity) for m, f in current.check_batch(read, ctx))
        if pack is not None:
            for i, (current, ctx, severity) in enumerate(steps):
                found[i].extend(item if isinstance(item, Diagnostic) else _pack_finding(current, item, severity)
                                for item in current.check_pack(pack, messages, ctx))
    except ScriptkitError:
        raise
    except Exception as exc:
        _rule_failed(current, exc)
    by_key: dict[tuple[object, ...], Diagnostic] = {}
    suppress = _suppressions(pack)
    notes, by_wording, in_note = _reply_rules_in_notes(pack, messages)
    for step, done, diags in zip(steps, kept, found, strict=True):
        for diag in done:
            if not in_note(diag):
                merge_diagnostic(by_key, diag)
        if diags:  # (most rules find nothing in a reply: no judging to set up for them)
            for diag in _judged(step, diags, suppress):
                if not in_note(diag):
                    merge_diagnostic(by_key, diag)
    _team_swaps_first(by_key, plan.team_swaps, plan.team_words)
    _say_variant(by_key.values())
    if pack is not None and pack.origin is not None:
        _name_the_scripts(by_key.values(), pack.origin.source.path)
        _out_of_the_default_layout(by_key.values(), pack.origin.source.path)
    sources: dict[str, str] = {}  # (every segment of every message: this loop is kept lean)
    texts: dict[str, SourceText] = {}
    for m in written:
        for seg in m.segments:
            if (span := seg.source) is not None and (source := span.source) is not None \
                    and source.path not in sources:
                sources[source.path] = source.text
                texts[source.path] = source
    if pack is not None and pack.origin is not None:  # (a rule's finding in pack.yaml, where no layout is)
        texts.setdefault(pack.origin.source.path, pack.origin.source)
        sources.setdefault(pack.origin.source.path, pack.origin.source.text)
    for diag in by_key.values():
        if "end_line" not in diag.extra and diag.text and (source := texts.get(diag.location.file)) is not None:
            _extend(diag, source)
    return LintResult(sorted_diagnostics(by_key.values()), written, config, sources, rules=list(plan.active),
                      internal_notes=notes, notes_by_wording=by_wording, excluded=pack.excluded if pack else 0)


_NAMED_SCRIPTS = 3  # scripts a finding in a pack.yaml constant names; the rest are counted


def _name_the_scripts(diagnostics: Iterable[Diagnostic], pack_file: str) -> None:
    """Add to the message of a finding in a pack.yaml constant (SK106 on a long ``help_url``) the scripts that send
    it, as SK005 names its reply: told at pack.yaml alone, the writer could not tell which of the scripts using the
    constant it was about. Not a channel's greeting or sign-off: every script of that channel sends it."""
    for diag in diagnostics:
        if diag.location.file != pack_file or diag.slot in (None, "greeting", "signoff", "layout") \
                or not diag.script_id:
            continue
        scripts = diag.extra.get("scripts", diag.script_id).split(",")
        more = f" and {len(scripts) - _NAMED_SCRIPTS} more" if len(scripts) > _NAMED_SCRIPTS else ""
        diag.message = _one(f"{diag.message} ({', '.join(scripts[:_NAMED_SCRIPTS])}{more})")


def _out_of_the_default_layout(diagnostics: Iterable[Diagnostic], pack_file: str) -> None:
    """A finding in the greeting or sign-off scriptkit adds for a channel pack.yaml gives none (a team's own rule
    on "Warm wishes"): told at pack.yaml with what to write there, as the export tells it. It was placed at
    '<default email layout>:1:1', a file no writer has."""
    for diag in diagnostics:
        if (default := DEFAULT_LAYOUT_FILE.fullmatch(diag.location.file)) is None:
            continue
        channel, slot = default.group(1), diag.slot if diag.slot in ("greeting", "signoff") else "greeting"
        said = "sign-off" if slot == "signoff" else "greeting"
        diag.location = Location(pack_file, 1, 1)
        # (its words go in the message: pack.yaml's first line holds none of them, to mark under)
        quoted = f' "{diag.text}"' if diag.text else ""
        diag.message += f" (in scriptkit's default {channel} {said}{quoted}, as pack.yaml sets none)"
        diag.text = ""
        write = f"Write your own {said} in pack.yaml: channels: {{{channel}: {{{slot}: ...}}}}."
        diag.suggestion = f"{diag.suggestion} {write}" if diag.suggestion else write
        diag.extra = {k: v for k, v in diag.extra.items() if k not in ("end_line", "end_col")}


_CHUNK = 64  # messages per chunk: within the per-message caches (analysis, tokens, formality)


class _Step(NamedTuple):
    """One selected rule, ready to run: its (stateless) instance, context and configured severity."""

    rule: Rule
    ctx: RuleContext
    severity: Severity | None


@dataclass(frozen=True)
class _Plan:
    """What a lint run derives from its config alone, derived once per config (see LintConfig.cached)."""

    active: tuple[type[Rule], ...]
    steps: tuple[_Step, ...]  # contexts without a pack; lint_messages gives them the pack it has
    per_message: tuple[int, ...]  # indexes into steps: rules that read one message at a time
    batched: tuple[int, ...]  # rules that override check_batch (grammar batches its requests)
    english_only: frozenset[int]  # rules that judge only replies that read as English (see rules.language)
    reads_alternatives: frozenset[int]  # rules that also read each alternative and condition (Rule.reads_alternatives)
    team_swaps: frozenset[str]  # the codes of the pack's own substitution rules (see _team_swaps_first)
    team_words: frozenset[str]  # the words they write, lowercased


def _plan(config: LintConfig) -> _Plan:
    available = all_rules()  # (loaded once a process; by the rule set, a config kept across reviews sees plug-ins)

    def make() -> _Plan:
        active = tuple(config.rules(available))
        swaps = [cls for cls in active if issubclass(cls, CustomRule) and cls.spec.kind == "substitution"]
        grammar = any(cls.family() == "grammar" for cls in active) or (None if config.grammar != "off" else False)
        steps = tuple(_Step(cls(), RuleContext(None, config.options_for(cls), config.value_locations,
                                               text_locale=config.locale, grammar=grammar), config.severity_for(cls))
                      for cls in active)
        per_message = tuple(i for i, cls in enumerate(active) if cls.check_batch is Rule.check_batch)
        batched = tuple(i for i in range(len(active)) if i not in per_message)
        return _Plan(active, steps, per_message, batched,
                     frozenset(i for i, cls in enumerate(active) if reads_english(cls)),
                     frozenset(i for i, cls in enumerate(active) if cls.reads_alternatives),
                     frozenset(cls.code for cls in swaps), frozenset(_said(word) for cls in swaps
                                                                     for word in cls.spec.swaps.values()))

    return config.cached(("lint-plan", available), make)


def _steps(config: LintConfig, pack: Pack | None) -> tuple[_Plan, tuple[_Step, ...]]:
    """The config's plan, and its steps with contexts that see ``pack``."""
    plan = _plan(config)
    if pack is None:
        return plan, plan.steps
    return plan, tuple(_Step(s.rule, RuleContext(pack, s.ctx.options, s.ctx.value_locations,
                                                 grammar=s.ctx.grammar), s.severity)
                       for s in plan.steps)


def per_message_rules(messages: list[Message], pack: Pack | None, config: LintConfig) -> list[list[Diagnostic]]:
    """Each rule that reads one message at a time, over ``messages``: its diagnostics, per rule,
    less those the pack suppresses, at their configured severities.

    The per-message half of ``lint_messages``, which ``scriptkit.parallel`` runs on each shard.
    """
    plan, steps = _steps(config, pack)
    suppress = _suppressions(pack)
    return [list(_judged(steps[i], diags, suppress))
            for i, diags in zip(plan.per_message, _per_message(judged(messages), plan, steps), strict=True)]


def judged(messages: list[Message]) -> list[Message]:
    """``messages`` as the rules judge them: as the customer reads each (``Message.as_read``: a link as its
    text, not its markup and address). The one place the rules are given what they read; what they find
    is located through it, into the YAML as written."""
    return [m.as_read for m in messages]


def _judged(step: _Step, diagnostics: Iterable[Diagnostic], suppress: _Suppressions | None) -> Iterator[Diagnostic]:
    """``diagnostics`` of ``step``'s rule at its configured severity, less those suppressed."""
    rule, severity = type(step.rule), step.severity
    for diag in diagnostics:
        if severity is not None and diag.severity != severity and RULE_FAILED not in diag.extra:  # (a failure stays)
            diag.severity = severity
        if suppress is None or not suppress.suppressed(rule, diag):
            yield diag


def _per_message(messages: list[Message], plan: _Plan, steps: tuple[_Step, ...]) -> list[list[Diagnostic]]:
    # The rules see the messages a chunk at a time, every rule on a chunk before the next: what
    # the rules share about a message (its sentences and cues, its words) is still cached when
    # the next rule asks. Each rule still sees messages in order.
    found: list[list[Diagnostic]] = [[] for _ in plan.per_message]
    expected = expected_language(steps[0].ctx.pack, steps[0].ctx.text_locale) if steps else "en"
    failed: set[int] = set()  # (the rules that raised: their failure is their one finding, and they run no more)
    for start in range(0, len(messages), _CHUNK):
        chunk = messages[start:start + _CHUNK]
        english = [m for m in chunk if judges(m, expected)] if plan.english_only else chunk
        kept = [len(into) for into in found]
        while True:  # (again without a rule that raised: the chunk's findings are found afresh)
            current: Rule | None = None
            judging: Message | None = None  # (the message the rule reads: where its failure is told)
            at = -1
            parts: dict[int, tuple[Message, ...]] = {}  # (each message's alternatives, made once a chunk)
            try:  # (one try for the whole chunk: a context manager per rule and message costs more than some rules)
                for at, (into, i) in enumerate(zip(found, plan.per_message, strict=True)):
                    if at in failed:
                        continue
                    current, ctx, severity = steps[i]
                    reading = english if i in plan.english_only else chunk
                    if current.reads_unseen:  # (SK012: the characters no one sees, which the others read through)
                        reading = [m.with_unseen for m in reading]
                    elif current.reads_links:  # (SK108: links as written, which the others read as their words)
                        reading = [m.as_written for m in reading]
                    for m in reading:
                        judging = m
                        for f in current.check(m, ctx):
                            into.append(_diagnostic(current, m, f, severity))
                        if i in plan.reads_alternatives and m.notes and m.variant == 0:
                            if (alternatives := parts.get(id(m))) is None:
                                alternatives = parts[id(m)] = m.alternatives()
                            for part in alternatives:
                                judging = part
                                for f in current.check(part, ctx):
                                    into.append(_diagnostic(current, part, f, severity))
                break
            except ScriptkitError:
                raise
            except Exception as exc:
                failure = rule_failure(current, exc, judging)
                for into, n in zip(found, kept, strict=True):
                    del into[n:]
                found[at][:] = [failure]
                failed.add(at)
    return found


#: ``Diagnostic.extra`` key of a rule's failure (its value: the exception's type): a rule that raised, told as an
#: error at the reply it was judging; the run exits 2, as for other bad input (``LintResult.exit_code``)
RULE_FAILED = "rule_failed"


def rule_failure(rule: Rule | None, exc: Exception, message: Message | None = None) -> Diagnostic:
    """A rule's bug, said so at the reply it was judging: an error finding of the rule (its other findings and the
    other rules' are kept; it was the end of the run, every finding lost), never a traceback for the writer, unless
    they ask for one (``SCRIPTKIT_DEBUG``, as the command line's own): then the rule's exception, noted."""
    which = f"{rule.code} [{rule.name}]" if rule is not None else "?"
    on = f" on script '{message.script_id}' ({message.channel})" if message is not None else ""
    if os.environ.get("SCRIPTKIT_DEBUG"):
        exc.add_note(f"(in rule {which}{on})")
        raise exc
    if rule is None:  # (before any rule ran: scriptkit's own bug, as it always was)
        raise ScriptkitError(f"rules failed: {type(exc).__name__}: {exc}", None,
                             "This is a bug in scriptkit; please report it with the pack. SCRIPTKIT_DEBUG=1 shows "
                             "where it happened.") from exc
    module = type(rule).__module__
    off = f"`--ignore {rule.code}` (or `ignore: [{rule.code}]` in the settings) switches it off until it is fixed"
    if module.partition(".")[0] == "scriptkit":
        hint = f"This is a bug in the rule; please report it with the pack. {off[0].upper()}{off[1:]}."
    else:  # (a plug-in's: its authors can fix it, not scriptkit's)
        where = innermost_line_in(module, exc)
        hint = (f"This is a bug in the plug-in rule {rule.code} (module {module}"
                f"{f', at {where.file}:{where.line}' if where else ''}), not in scriptkit or your files: tell its "
                f"authors; {off}.")
    location: Location = Location("<rules>", 1, 1)
    if message is not None:
        # (at the first of the reply's text written in its script, not a greeting of the layout's; else its start)
        first = next((start for start, _, segment in message.spans() if segment.source is not None
                      and segment.source.start.file == message.file), 0)
        location = message.locate_span(first, first)[0]
    return Diagnostic(code=rule.code, name=rule.name,
                      message=_one(f"rule failed on this reply{f' ({message.channel})' if message else ''}: "
                                   f"{type(exc).__name__}: {exc}"),
                      severity=Severity.ERROR, location=location,
                      suggestion=f"{hint} SCRIPTKIT_DEBUG=1 shows where it happened.",
                      script_id=message.script_id if message is not None else None,
                      channel=message.channel if message is not None else None,
                      variant=message.variant if message is not None else 0,
                      extra={RULE_FAILED: type(exc).__name__})


def _rule_failed(rule: Rule | None, exc: Exception, message: Message | None = None) -> NoReturn:
    """A rule's bug where no finding can hold it (a batch or pack rule's, mid-run): the run's end, said as
    ``rule_failure`` says it, at the reply's file."""
    diag = rule_failure(rule, exc, message)
    raise ScriptkitError(f"rule {diag.code} [{diag.name}] failed"
                         f"{f' on script {message.script_id!r} ({message.channel})' if message else ''}: "
                         f"{type(exc).__name__}: {exc}",
                         Location(message.file, 1, 1) if message is not None and message.file else None,
                         diag.suggestion) from exc


# ---------------------------------------------------------------- findings -> diagnostics

def _diagnostic(rule: Rule, message: Message, finding: Finding, severity: Severity | None) -> Diagnostic:
    if not 0 <= finding.start <= finding.end <= len(message.text):  # (a span elsewhere was told at the layout's 1:1)
        _span_refused(rule, message, finding)
    if finding.start == finding.end and finding.location is None:
        _empty_span_refused(rule, message, finding)
    if finding.location is not None:  # the rule knows better (an empty slot: its key in the script)
        location, slot, text, extra = finding.location, None, "", {}
        if finding.text is not None:  # (words of the span's slot written elsewhere: a placeholder's fallback)
            slot, text = message.locate_span(finding.start, finding.end)[1], _one(finding.text)
    else:
        location, slot, last = message.locate_span(finding.start, finding.end)
        # (a message with no curly apostrophe leaves every straight one as it is: most findings, asked nothing more)
        if "'" in (finding.suggestion or "") + (finding.replacement or "") and "\u2019" in message.text:
            finding = _typed_like(message, finding, slot)
        # where the offending text ends (exclusive column), when that is in the same file
        extra = {"end_line": _one(str(last[0])), "end_col": _one(str(last[1] + 1))} if last is not None else {}
        if last is not None and not message.one_text(finding.start, finding.end):
            extra[SPREAD] = "1"  # (the region runs over what is not the text's: slots' keys, another file)
        text = _one(message.text[finding.start:finding.end] if finding.text is None else finding.text)
    if finding.extra:
        extra = {**extra, **finding.extra}
    if rule.whole_reply and (varying := message.meta.get(VARIANT_OF)) \
            and (which := _variant_words(message, varying, slot)):  # type: ignore[arg-type]
        extra = {**extra, VARIANT_OF: which}
    return Diagnostic(
        code=rule.code, name=rule.name, message=_one(finding.message),
        severity=severity or finding.severity or rule.severity, location=location, slot=slot,
        text=text, suggestion=None if finding.suggestion is None else _one(finding.suggestion),
        # (asked only of a safe rule's replacement: most findings have none, and this runs for each)
        fix=_fix(rule, message, finding) if rule.fix_safe and finding.replacement is not None else None,
        script_id=message.script_id, channel=message.channel, variant=message.variant, extra=extra,
    )


def _variant_words(message: Message, varying: Sequence[tuple[str, int]], slot: str | None) -> str:
    """Which variant ``message`` is, in words (", with the second acknowledgment variant ('Waiting on…')"), for a
    whole-reply finding placed in ``slot``: placed the same in every variant, it says no more. A slot the finding
    is in says itself; one the message does not hold (an alternative's) is left out."""
    said = []
    for name, index in varying:
        if name != slot and (text := message.slot_text(name)).strip():
            said.append(f"the {ordinal(index + 1)} {name.replace('_', ' ')} variant ('{clipped(text, 40)}')")
    return ", with " + " and ".join(said) if said else ""


def _say_variant(diagnostics: Iterable[Diagnostic]) -> None:
    """Add to each message the variant it holds for (``VARIANT_OF``), kept till now so that the same finding on
    every variant merged as one."""
    for diag in diagnostics:
        if which := diag.extra.pop(VARIANT_OF, None):
            diag.message = _one(diag.message + which)


def _pack_finding(rule: Rule, item: object, severity: Severity | None) -> Diagnostic:
    """What ``check_pack`` yielded besides a ``Diagnostic``: a ``(message, Finding)`` pair, located as ``check``'s
    findings are; anything else is refused naming the rule (a bare Finding says no message its offsets are in)."""
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], Message) and isinstance(item[1], Finding):
        return _diagnostic(rule, item[0], item[1], severity)
    what = "a Finding without the message it is in" if isinstance(item, Finding) else argument_named(item)
    raise ScriptkitError(f"rule {rule.code} [{rule.name}] check_pack yielded {what}: yield (message, Finding) for a "
                         "finding in one message's text, or a Diagnostic",
                         hint="A Finding's offsets are into one message's text: pair it with the message "
                              "(one of the messages check_pack is given).")


def _span_refused(rule: Rule, message: Message, finding: Finding) -> NoReturn:
    raise ScriptkitError(f"rule {rule.code} [{rule.name}] yielded [{finding.start}, {finding.end}) outside the message "
                         f"text (0-{len(message.text)}) on script '{message.script_id}' ({message.channel})",
                         Location(message.file, 1, 1) if message.file else None,
                         "A Finding's start and end are offsets into message.text, start <= end: fix the rule.")


def _empty_span_refused(rule: Rule, message: Message, finding: Finding) -> NoReturn:
    # (an empty span marks no text: it was shown at a place with nothing to underline, and a replacement on it
    # was dropped, as fixes replace text and never insert)
    raise ScriptkitError(f"rule {rule.code} [{rule.name}] yielded an empty span [{finding.start}, {finding.end}) "
                         f"on script '{message.script_id}' ({message.channel})",
                         Location(message.file, 1, 1) if message.file else None,
                         "A Finding marks the text it is about: give it start < end, or a location= of its own "
                         "for a place with no text (see empty_slot_location): fix the rule.")


def place_ends(diagnostics: Iterable[Diagnostic], sources: Mapping[str, str]) -> None:
    """Set each finding's ``end_offset`` from its end's line and column, in its file's text (the text given, for a
    reply): done last, once every end is where the caller's text has it (pasted HTML, a transcript's turns)."""
    read: dict[str, SourceText] = {}
    for d in diagnostics:
        if (end := d.end) is not None and (text := sources.get(d.location.file)) is not None:
            source = read.get(d.location.file) or read.setdefault(d.location.file, SourceText(d.location.file, text))
            d.end_offset = source.offset(end.line - 1, end.col - 1)


def _extend(diag: Diagnostic, source: SourceText) -> None:
    """The end of a finding a rule located itself (a layout's placeholder in pack.yaml, an unused constant's
    name), where its text is written at its location: its words, each placeholder as its ``{{ expression }}``."""
    where = diag.location
    start = where.offset if where.offset >= 0 else source.offset(where.line - 1, where.col - 1)
    end = extent_of(source.text, start, diag.text)
    if end is not None and end > start:
        last = source.location(end - 1)
        diag.extra = {**diag.extra, "end_line": str(last.line), "end_col": str(last.col + 1)}


def _fix(rule: Rule, message: Message, finding: Finding) -> Fix | None:
    """An edit of the YAML file, only for safe rules and literal text that reads the same in the file."""
    if not rule.fix_safe or finding.replacement is None or finding.end <= finding.start:
        return None
    run = message.literal_run(finding.start, finding.end)
    if run is not None and (run[2] is None or run[2].text[run[0]:run[1]] != message.text[finding.start:finding.end]):
        return None  # escapes: the file spells it differently
    # (or wrapped over lines in the file, "prior\n  to": the edit takes the line break with the words it rewrites;
    # or spelled with escapes in quotes, "expedite\\tit": the edit takes them, as they read as the words)
    a, b, source = run or message.folded_run(finding.start, finding.end) or _escaped_run(message, finding) \
        or (0, 0, None)
    if source is None:
        return None
    # (a link's words only, never its brackets or address; keeps_links reads the edit's lines itself:
    # a slice here copied a 2 MB one-line reply for each of its findings)
    if not keeps_links(source.text, a, b, finding.replacement):
        return None
    description = _one(f"replace '{message.text[finding.start:finding.end]}' with '{finding.replacement}'")
    return Fix(description, (Edit(source.path, a, b, _one(finding.replacement), source.text[a:b]),))


def _escaped_run(message: Message, finding: Finding) -> tuple[int, int, SourceText] | None:
    """Where the finding's words are written in its file with escapes in double quotes ("We will\\texpedite\\tit"),
    which read as them; None elsewhere."""
    from scriptkit.fixing import unescaped

    run = message._written_at(finding.start, finding.end)
    source = run[2] if run is not None else None
    if run is None or source is None:
        return None
    said = message.text[finding.start:finding.end]
    return (run[0], run[1], source) if unescaped(source.text[run[0]:run[1]]) == said else None


def _typed_like(message: Message, finding: Finding, slot: str | None) -> Finding:
    """``finding`` with the apostrophes of its rewrite and its suggestion typed as the text around types them
    (``apostrophes_like``; ``slot`` holds the finding): "we'll" beside "I’ve" reads as a pasted patch. One choice
    for both, so the suggestion says what ``--fix`` writes. Not where the rewrite changes only the apostrophes of
    the words it replaces: a team's swap of "don’t" for "don't" chose that spelling."""
    text = message.text
    if finding.replacement is not None and _unaposed(finding.replacement) == _unaposed(text[finding.start:finding.end]):
        return finding
    around = message.slot_bounds(slot) if slot is not None else None

    def like(words: str | None) -> str | None:
        return None if words is None else apostrophes_like(words, text, finding.start, finding.end, around)

    return replace(finding, suggestion=like(finding.suggestion), replacement=like(finding.replacement))


def _unaposed(words: str) -> str:
    """``words`` lowercased, each apostrophe straight."""
    return _APOSTROPHE.sub("'", words).lower()


# One copy of each string that findings repeat (a reply that says "I am so sorry." 100,000 times has as many
# findings quoting it, each with the same message, suggestion and fix): equal strings, each kept once while
# a finding holds it (an interned string is freed with its last holder). A str subclass a plug-in's rule
# gives (Markup) is kept as given: sys.intern takes str only.
_APOSTROPHE = re.compile("['\u2019]")


def _one(text: str) -> str:
    return sys.intern(text) if text.__class__ is str else text


def _team_swaps_first(by_key: dict[tuple[object, ...], Diagnostic], swaps: frozenset[str],
                      words: frozenset[str]) -> None:
    """Drop a built-in rule's rewrite of the very words a team's own substitution rewrites, or writes: the team
    has said what they become ('reimbursement' -> 'refund', where SK201 says the same), so they are reported once,
    in the team's words, and ``--fix`` writes the team's choice, not whichever of two fixes came first; and a word
    the team chose ('please' -> 'kindly') is theirs to keep: SK201's rewrite of it back undid every fix."""
    if not swaps:
        return
    theirs = {(d.location.file, d.location.line, d.location.col, d.text)
              for d in by_key.values() if d.code in swaps}
    for key, diag in list(by_key.items()):
        # (a rewrite: a fix, or words to write instead, quoted; not another rule's judgement of the words, SK404's
        # "'as soon as possible' is not a time frame" where the team writes it for 'asap')
        rewrite = diag.fix is not None or (diag.suggestion or "").startswith(('"', "'"))
        if rewrite and diag.code not in swaps and not diag.code.startswith("SK8") and (
                _said(diag.text) in words
                or (diag.location.file, diag.location.line, diag.location.col, diag.text) in theirs):
            del by_key[key]


def _said(words: str) -> str:
    """``words`` as a swap is compared: lowercased, each space one."""
    return " ".join(words.lower().split())


def merge_diagnostic(by_key: dict[tuple[object, ...], Diagnostic], diag: Diagnostic,
                     key: tuple[object, ...] | None = None) -> None:
    """One diagnostic per place and message (or per ``key``); remember every channel and script that reported it
    (``extra``: "channels", and "scripts" where a script other than its own did)."""
    if key is None:
        location = diag.location
        # the text up to whitespace: email joins a reply's sentences with blank lines, chat with spaces,
        # and a finding on the same words must be shown once for both
        key = (diag.code, location.file, location.line, location.col, diag.message, " ".join(diag.text.split()))
    kept = by_key.get(key)
    if kept is None:
        if diag.channel:
            diag.extra.setdefault("channels", diag.channel)
        by_key[key] = diag
        return
    if (theirs := diag.extra.get("scripts", diag.script_id or "")) and theirs != kept.script_id:
        scripts = [s for s in kept.extra.get("scripts", kept.script_id or "").split(",") if s]  # (_name_the_scripts)
        kept.extra["scripts"] = ",".join([*scripts, *(s for s in theirs.split(",") if s not in scripts)])
    if diag.channel:
        channels = kept.extra.get("channels", "").split(",") if kept.extra.get("channels") else []
        for channel in diag.extra.get("channels", diag.channel).split(","):
            if channel not in channels:
                channels.append(channel)
        kept.extra["channels"] = ",".join(channels)
    if diag.variant != kept.variant:  # (found alike on two variants: about neither one)
        kept.extra.pop(VARIANT_OF, None)
    if diag.severity.rank > kept.severity.rank:
        kept.severity = diag.severity
    if kept.fix is None and diag.fix is not None:
        kept.fix = diag.fix


def sorted_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return sorted(diagnostics, key=_order)


def _order(d: Diagnostic) -> tuple[str, int, int, str, str, str, int]:
    """``d.sort_key()`` (file, line, column, code), then message, channel and variant (the location
    read once: a whole pack's diagnostics are sorted in the parent process, after the workers)."""
    location = d.location
    return location.file, location.line, location.col, d.code, d.message, d.channel or "", d.variant


# ---------------------------------------------------------------- suppressions

def _suppressions(pack: Pack | None) -> _Suppressions | None:
    # without a pack there are no scripts and no YAML comments: nothing can be suppressed
    return _Suppressions({s.id: s for s in pack.scripts}, pack.origin) if pack is not None else None


class _Suppressions:
    """Per-script ``ignore:`` and ``# scriptkit: ignore ...`` comments in the YAML.

    Asked once per diagnostic of a whole pack, so what it reads of a script, a file or a line
    is read once: a pydantic private attribute (the origin) is slow to reach, and most files
    have no comment at all.
    """

    def __init__(self, scripts: Mapping[str, Script], pack_origin: Origin | None = None) -> None:
        self.scripts = scripts
        self.pack_origin = pack_origin
        self._by_file: dict[str, Script] | None = None  # made if a diagnostic names no known script
        # (script id, file) of a diagnostic -> what can suppress it there (see _place)
        self._places: dict[tuple[str | None, str], _Place] = {}
        self._comments: dict[str, _Comments | None] = {}  # file -> its comments, None when it has none
        self._matched: dict[tuple[tuple[str, ...], type[Rule]], bool] = {}

    def _script(self, script_id: str | None, file: str) -> Script | None:
        if script_id and script_id in self.scripts:
            return self.scripts[script_id]
        if self._by_file is None:  # (script.file is slow to reach: a pydantic private attribute)
            self._by_file = {s.file: s for s in self.scripts.values()}
        return self._by_file.get(file)

    def _any(self, selectors: tuple[str, ...], rule: type[Rule]) -> bool:
        key = (selectors, rule)
        found = self._matched.get(key)
        if found is None:
            found = self._matched[key] = any(matches(sel, rule) for sel in selectors)
        return found

    def _place(self, script_id: str | None, file: str) -> _Place:
        """The script's ignore selectors, and the file whose comments count with its comments (when
        it has any) for a diagnostic of ``script_id`` located in ``file``."""
        script = self._script(script_id, file)
        origin, ignore = (script.origin, tuple(script.ignore)) if script is not None else (None, ())
        if self.pack_origin is not None and file == self.pack_origin.source.path:
            origin = self.pack_origin  # a layout or setting in pack.yaml: its comments count there
        if origin is None or file != origin.source.path:
            return ignore, None, None
        if file in self._comments:
            comments = self._comments[file]
        else:
            comments = self._comments[file] = _Comments.of(origin.source.text)
        return ignore, origin if comments is not None else None, comments

    def suppressed(self, rule: type[Rule], diag: Diagnostic) -> bool:
        # (the diagnostics of a script mostly share their place: what can suppress them is read once)
        key = (diag.script_id, diag.location.file)
        place = self._places.get(key)
        if place is None:
            place = self._places[key] = self._place(*key)
        ignore, origin, comments = place
        if ignore and self._any(ignore, rule):
            return True
        if origin is None or comments is None:
            return False
        lines, wide = comments.lines, comments.file_wide
        if wide is not None and (not wide or self._any(wide, rule)):
            return True
        candidates = {diag.location.line}
        if diag.slot and origin is not self.pack_origin:
            # (a comment on the slot's key covers its block text; a channel's own text for the slot is its own
            # block, under by_channel, which the comment on the main slot's line does not cover)
            own: tuple[str | int, ...] = ("by_channel", diag.channel or "", diag.slot)
            slot_key = own if diag.channel and own in origin.keys else (diag.slot,)
            if slot_key in origin.keys:
                candidates.add(origin.source.location(origin.keys[slot_key]).line)
        for line in candidates:
            if 0 < line <= len(lines):
                codes = comments.inline(line)
                if codes is not None and (not codes or self._any(codes, rule)):
                    return True
        return False


# a script's ignore selectors, and the origin whose comments count with those comments (None: none)
_Place = tuple[tuple[str, ...], "Origin | None", "_Comments | None"]


class _Comments:
    """A file's suppression comments: its lines, its file-wide selectors, each line's selectors."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        wide = _file_wide(self.lines)
        self.file_wide = tuple(wide) if wide is not None else None
        self._inline: dict[int, tuple[str, ...] | None] = {}

    @classmethod
    def of(cls, text: str) -> _Comments | None:
        return cls(text) if _may_suppress(text) else None  # (an ordinary YAML comment suppresses nothing)

    def inline(self, line: int) -> tuple[str, ...] | None:
        if line not in self._inline:
            codes = _inline(self.lines[line - 1])
            self._inline[line] = tuple(codes) if codes is not None else None
        return self._inline[line]


def _inline(line: str) -> list[str] | None:
    """The selectors of an inline suppression on ``line`` ([] = every rule), or None."""
    if "#" not in line:
        return None
    m = _INLINE.search(line)
    if m is None or m.group("verb") == "ignore-file":
        return None
    return re.findall(r"[A-Za-z0-9_-]+", m.group("codes") or "")


def _file_wide(lines: list[str]) -> list[str] | None:
    found: list[str] | None = None
    for line in lines:
        if "ignore-file" in line:
            m = _INLINE.search(line)
            if m is not None and m.group("verb") == "ignore-file":
                codes = re.findall(r"[A-Za-z0-9_-]+", m.group("codes") or "")
                if not codes:
                    return []
                found = [*(found or []), *codes]
    return found


def _config_problems(config: LintConfig) -> list[Diagnostic]:
    """Unknown selectors in the settings: warnings, unless ``ignore`` names SK800 itself."""
    if any(names_setting_warning(s.text) for s in config.ignore):
        return []
    # (found afresh when there are any, as diagnostics are mutable; most configs have none)
    if not config.cached("has-problems", lambda: bool(config.problems(all_rules()))):
        return []
    return config.problems(all_rules())


def _script_ignore_problems(pack: Pack, config: LintConfig) -> list[Diagnostic]:
    from scriptkit.config import CONFIG_CODE, SUPPRESSION_VERBS, unknown_suppression

    if any(s.text.upper() == CONFIG_CODE for s in config.ignore):
        return []
    rules = [*all_rules(), *config.custom]
    out: list[Diagnostic] = []
    commented: dict[int, SourceText] = {}  # id -> a file with a suppression comment (scripts may share one)
    for script in pack.scripts:
        for i, sel in enumerate(script.ignore):
            loc = script.origin.location(("ignore", i)) if script.origin else None
            out.extend(_suppression_problem(sel, loc, rules, config, f"script '{script.id}' ignore", "ignore"))
        if (origin := script.origin) is not None and _may_suppress(origin.source.text):
            commented[id(origin.source)] = origin.source
    if pack.origin is not None and _may_suppress(pack.origin.source.text):
        commented[id(pack.origin.source)] = pack.origin.source
    for source in commented.values():
        for sel, at, verb in _comment_selectors(source.text):
            out.extend(_suppression_problem(sel, source.location(at), rules, config, f"a '# {verb}' comment", verb))
        out.extend(unknown_suppression(m.group("verb") or "", source.location(m.start("verb") if m.group("verb")
                                                                              else m.start()))
                   for m in _DIRECTIVE.finditer(source.text) if m.group("verb") not in SUPPRESSION_VERBS)
    return out


def _suppression_problem(sel: str, location: Location | None, rules: Sequence[type[Rule]], config: LintConfig,
                         where: str, verb: str) -> Iterator[Diagnostic]:
    """A note on a suppression's selector that names no rule, or a team rule by the code its place in the list
    gives it (one rule more above it and the suppression silently switches off another): write the name."""
    team = config.custom
    if not is_known(sel, rules):
        note = unknown_selector(sel, location, rules, where)
        if team and re.fullmatch(r"SK8\d+", sel.upper()):  # (difflib's nearest code may be any rule's)
            listed = ", ".join(f"{r.name} ({r.code})" for r in team[:_TEAM_RULES_LISTED])
            unlisted = len(team) - _TEAM_RULES_LISTED
            more = f" and {unlisted} more (`scriptkit rules`)" if unlisted > 0 else ""
            note.suggestion = (f"No team rule has this code. The team rules: {listed}{more}; write the one you mean "
                               "by its name.")
        yield note
        return
    rule = next((r for r in team if getattr(r, "numbered", False) and r.code == sel.upper()), None)
    if rule is not None:  # (a note, as for the settings: the code is right today, another rule's tomorrow)
        yield replace(held_by_order(rule, Selector(sel, location), verb), severity=Severity.SUGGESTION, text=sel)


#: the team rules an unknown team code's note names (a pack may have dozens)
_TEAM_RULES_LISTED = 8


def _may_suppress(text: str) -> bool:
    """Whether a file may hold a suppression comment (most have none: they are not read further)."""
    return "#" in text and ("scriptkit:" in text or "noqa" in text)


def _comment_selectors(text: str) -> Iterator[tuple[str, int, str]]:
    """Each selector of the suppression comments of ``text``: itself, its offset, and the comment's verb
    ('scriptkit: ignore', 'noqa'...). As the suppressions read them: the first comment of a line."""
    line_start = -1
    for m in _INLINE.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        if start == line_start:
            continue
        line_start = start
        verb = f"scriptkit: {m.group('verb')}" if m.group("verb") else "noqa"
        for code in re.finditer(r"[A-Za-z0-9_-]+", m.group("codes") or ""):
            yield code.group(), m.start("codes") + code.start(), verb


# ---------------------------------------------------------------- free text

def text_message(text: str, *, channel: str = "email", file: str = "<text>", script_id: str = "review",
                 parts: Sequence[tuple[int, int]] | None = None, links: bool = True,
                 channel_given: bool = True, turns: bool = False) -> tuple[Message, list[SentenceNote]]:
    """A Message from plain text: one literal segment per inferred sentence, with its slot.

    ``parts``: the ``(start, end)`` spans of ``text`` to take (a transcript's agent turns), in
    order; the message joins them with a blank line. Default: all of it. ``links``: a ``[text](address)``
    is a link, read as its text, as Markdown shows it (``Message.as_read``); False, text read as written.
    ``turns``: the parts are a transcript's agent turns (``AGENT_TURNS`` in the message's meta).
    """
    source = SourceText(file, text)
    segments: list[Text] = []
    notes: list[SentenceNote] = []
    for lo, hi in parts if parts is not None else ((0, len(text)),):
        if segments:  # (the lines between two turns are the other side's: not in the reply)
            segments.append(Text("\n\n", "layout", None))
        pos = lo
        # (the sentences as the customer reads them, a link as its text: '[What About Formatting?](...) It'
        # is two sentences, as it reads; each sentence is the text as written, with its link's brackets
        # and address, from the character before it that is read to the next one that is: the rules
        # judge the message as read, ``Message.as_read``)
        read, where = read_text(text[lo:hi]) if links else (text[lo:hi], range(hi - lo + 1))
        read, where = without_unseen(read, where)  # (and through what no one sees: 'Thanks\u200b for waiting.')
        # (a layout span's start is located from its offsets only if something asks: SourceSpan(None, ...))
        # (greetings and sign-offs as the rules read them: from the whole reply, not each sentence alone)
        for a, b, slot, confidence in infer_slots(read, frames=True):
            a, b = max(lo + (where[a - 1] + 1 if a else 0), pos), lo + where[b]
            if pos < a:
                segments.append(Text(text[pos:a], "layout", SourceSpan(None, True, range(pos, a), source)))
            start, sentence = source.location(a), _one(text[a:b])  # (a sentence said again: one copy)
            if a < b:
                segments.append(Text(sentence, slot, SourceSpan(start, True, range(a, b), source)))
            notes.append(SentenceNote(a, b, sentence, slot, confidence, start))
            pos = b
        if pos < hi:
            segments.append(Text(text[pos:hi], "layout", SourceSpan(None, True, range(pos, hi), source)))
    message = Message(script_id=script_id, title=Path(file).name if file != "<text>" else "text",
                      channel=channel, variant=0, segments=tuple(segments), file=file,
                      meta={**({} if channel_given else {CHANNEL_DEFAULTED: True}),
                            **({AGENT_TURNS: True} if turns else {})})
    return (message if links else read_as_written(message)), notes
