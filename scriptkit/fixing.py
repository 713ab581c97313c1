"""``--fix`` and ``--diff``: apply safe fixes to the YAML source text itself.

Fixes are character edits of the file (never a re-dump of the YAML), so comments, quoting,
key order and blank lines survive. Each file is re-parsed after editing: every value must
be unchanged except the scalars an edit touched, and those must read exactly as the edit
intended. In quoted text the replacement is escaped as the quotes need ('don''t'); one that
would need more (a ': ' in unquoted text) is refused, not written. Files are replaced
atomically.
"""

from __future__ import annotations

import bisect
import codecs
import difflib
import errno
import itertools
import os
import re
import stat
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scriptkit.diagnostics import SPREAD, Diagnostic, Edit, Fix, Location
from scriptkit.errors import ConfigError, ErrorGroup, ScriptkitError
from scriptkit.loading import YAML, plain_data, value_at  # (ruamel.yaml, imported there keeping the warnings filters)
from scriptkit.sourcetext import SourceText, scalar_offsets
from scriptkit.text import clipped, folded_alike, keeps_links, sentence_spans

if TYPE_CHECKING:
    from scriptkit.linting import LintResult
    from scriptkit.rules.base import Rule


@dataclass
class FileFix:
    """The outcome for one file: its text before and after, and the edits applied or refused."""

    path: str
    before: str
    after: str
    applied: list[Edit] = field(default_factory=list)
    refused: list[tuple[Edit, str]] = field(default_factory=list)
    bom: str = ""  # a byte order mark the file starts with: not part of the text, written back
    late: bool = False  # the file no longer holds the text the edits were found in: changed during the run

    @property
    def changed(self) -> bool:
        return self.after != self.before

    def diff(self, label: str | None = None) -> str:
        name = label or self.path
        return "".join(difflib.unified_diff(_diff_lines(self.before), _diff_lines(self.after),
                                            f"a/{name}", f"b/{name}"))


def _diff_lines(text: str) -> list[str]:
    """The lines of a diff, each with its own end: "\r\n" kept, so that `patch` applies the diff of a
    Windows file, and a lone "\r" (old Mac) shown as "\n", which a terminal would otherwise write the
    next line over."""
    return [line[:-1] + "\n" if line.endswith("\r") else line for line in text.splitlines(keepends=True)]


def edits_by_file(diagnostics: Iterable[Diagnostic]) -> dict[str, list[Edit]]:
    """Every safe edit, once, grouped by file (several channels may carry the same fix)."""
    out: dict[str, dict[tuple[int, int, str], Edit]] = {}
    for d in diagnostics:
        if d.fix is None or not d.fix.safe:
            continue
        for e in d.fix.edits:
            out.setdefault(e.file, {}).setdefault((e.start, e.end, e.replacement), e)
    return {f: sorted(es.values(), key=lambda e: (e.start, e.end)) for f, es in out.items()}


@dataclass(frozen=True)
class RefusedFix(Fix):
    """A fix ``--fix`` refuses (``not_fixable`` made it one): not safe, its description saying why,
    and ``reason`` kept for ``plan``, which lists its edits as refused (``--fix`` and ``--diff`` say so)."""

    reason: str = ""


def plan(diagnostics: Iterable[Diagnostic], texts: Mapping[str, str] | None = None,
         progress: Callable[[int, int], None] | None = None, jobs: int | None = 1) -> list[FileFix]:
    """What ``--fix`` would do to each file, verified, without writing anything; the edits of a fix
    already found refused (``RefusedFix``: an anchor's text that an alias reuses) are listed as refused.
    ``texts``: each file's text as the findings were made in it; a file that holds another now gets no
    edit (``FileFix.late``). ``progress``: called with (files begun, files to fix) as they are begun.
    ``jobs``: worker processes for many files (as ``lint_pack``'s; None: one per CPU)."""
    diagnostics = list(diagnostics)
    texts = texts or {}
    held = inside_phrases(diagnostics, texts)
    by_file = edits_by_file(diagnostics)
    todo = [(path, [e for e in edits if e not in held], texts.get(path)) for path, edits in by_file.items()]
    fixes = dict(zip(by_file, _fixed_files(todo, progress, jobs), strict=True))
    for path, edits in by_file.items():
        if not fixes[path].late:
            fixes[path].refused = sorted([*fixes[path].refused, *((e, held[e]) for e in edits if e in held)],
                                         key=lambda r: (r[0].start, r[0].end), reverse=True)
    known: dict[str, dict[Edit, str]] = {}
    for d in diagnostics:
        if isinstance(d.fix, RefusedFix):
            for e in d.fix.edits:
                known.setdefault(e.file, {}).setdefault(e, d.fix.reason)
    for path, refused in known.items():
        fix = fixes.get(path)
        if fix is None:
            try:
                text = Path(path).read_bytes().decode("utf-8-sig")
            except (OSError, UnicodeDecodeError):
                continue  # (no file to edit: nothing --fix would try either)
            fix = fixes[path] = FileFix(path, text, text)
        fix.refused = sorted([*fix.refused, *refused.items()], key=lambda r: (r[0].start, r[0].end), reverse=True)
    return [fixes[path] for path in sorted(fixes)]


#: files fixed by each fork of workers: a stage line between them, and the queue of indexes fits a pipe
_FILES_A_BATCH = 500


def _fixed_files(todo: list[tuple[str, list[Edit], str | None]], progress: Callable[[int, int], None] | None,
                 jobs: int | None) -> list[FileFix]:
    """``fix_file`` of each (path, edits, expected), in order: on worker processes for many files (each file is
    parsed twice to verify its edits, and one process did them all while the check itself had several)."""
    from scriptkit.parallel import map_in_workers, workers_for

    workers = workers_for(len(todo), jobs)
    out: list[FileFix] = []
    if workers <= 1:
        for done, item in enumerate(todo, 1):
            if progress is not None:
                progress(done, len(todo))
            out.append(fix_file(*item))
        return out
    for start in range(0, len(todo), _FILES_A_BATCH):
        if progress is not None:
            progress(start + 1, len(todo))
        out += map_in_workers(lambda item: fix_file(*item), todo[start:start + _FILES_A_BATCH], workers)
    return out


_INSIDE = "it lies inside"
_PHRASE = 200  # characters: a phrase to rewrite is a part of a sentence


def _built_in(codes: set[str]) -> bool:
    """Whether only scriptkit's own rules make an edit: their safe fixes are drop-ins inside any phrase ('please do
    not hesitate' contracted to 'please don't hesitate' still reads, and SK201 still says to rewrite it); a team's
    swap (SK8xx) or a plug-in's is not written to know the phrase around it, whatever code the plug-in took."""
    from scriptkit.rules import all_rules

    return bool(codes) and codes <= _own_codes(all_rules())


@lru_cache(maxsize=2)
def _own_codes(rules: tuple[type[Rule], ...]) -> frozenset[str]:
    """The codes of the rules scriptkit ships: told by where a rule class lives, not by its code's digits (a
    plug-in may take a free code in a built-in family; a team's YAML rules are classes made in ``custom``)."""
    return frozenset(rule.code for rule in rules if rule.__module__.startswith("scriptkit.rules.")
                     and rule.__module__ != "scriptkit.rules.custom")


def inside_phrases(diagnostics: Iterable[Diagnostic], texts: Mapping[str, str] | None = None) -> dict[Edit, str]:
    """The safe edits that lie inside a phrase another rule reports with no fix, a part of a sentence to rewrite
    whole (SK201's "at your earliest convenience" where it times what is done for the customer), and why: a team's
    word swap there ("at your earliest ease") garbles the phrase and hides the finding that says what to write.
    (A finding about a whole sentence or slot, its length or what it lacks, holds back no edit: it is no phrase.)"""
    diagnostics = list(diagnostics)
    phrases: dict[str, list[tuple[int, Diagnostic]]] = {}
    for d in diagnostics:
        if d.fix is None and 0 < len(d.text) <= _PHRASE and d.location.offset >= 0 and SPREAD not in d.extra:
            phrases.setdefault(d.location.file, []).append((d.location.offset, d))
    out: dict[Edit, str] = {}
    if not phrases:
        return out
    codes: dict[Edit, set[str]] = {}  # (a rule's own finding holds back none of its edits)
    for d in diagnostics:
        if d.fix is not None and d.fix.safe:
            for e in d.fix.edits:
                codes.setdefault(e, set()).add(d.code)
    for path, edits in edits_by_file(diagnostics).items():
        found = sorted(phrases.get(path, ()), key=lambda p: p[0])
        starts = [at for at, _ in found]
        around = []
        for e in edits:  # (the phrases starting up to _PHRASE characters before the edit: 100,000 findings stay quick)
            for i in range(bisect.bisect_right(starts, e.start) - 1, bisect.bisect_left(starts, e.start - _PHRASE) - 1,
                           -1):
                at, d = found[i]
                if (e.start < e.end and e.end <= at + len(d.text) and (e.start, e.end) != (at, at + len(d.text))
                        and d.code not in codes.get(e, ()) and not _built_in(codes.get(e, set()))):
                    around.append((e, d))
        if not around:
            continue
        text = (texts or {}).get(path)
        if text is None:
            try:
                text = Path(path).read_bytes().decode("utf-8-sig")
            except (OSError, UnicodeDecodeError):
                continue
        data = _parse(text)
        if data is None:
            continue
        from scriptkit.loading import _index
        from scriptkit.models import Origin

        origin = Origin(SourceText("", text))
        _index(data, (), origin)
        plain = plain_data(data)
        scalars = _Scalars(origin, plain, text)
        sentences: dict[tuple[Any, ...], list[tuple[int, int]]] = {}  # (each value's, split once)
        for edit, d in around:
            start = d.location.offset
            if edit in out or text[start:start + len(d.text)] != d.text:
                continue  # (the finding's words are not written so in the file: a folded line, an escape)
            target = scalars.find(Edit(path, start, start + len(d.text), ""))
            if target is None:
                continue
            value = value_at(plain, target[0])
            a, b = target[1], target[2]
            if target[0] not in sentences:
                sentences[target[0]] = list(sentence_spans(value))
            spans = sentences[target[0]]
            i = bisect.bisect_right(spans, (a, len(value) + 1)) - 1
            sentence = spans[i] if i >= 0 and b <= spans[i][1] else None
            if sentence is not None and any(c.isalnum() for c in value[sentence[0]:a] + value[b:sentence[1]]):
                out[edit] = (f'{_INSIDE} "{d.text}", which {d.code} asks you to rewrite whole '
                             f"({d.suggestion or d.message})")
    return out


class FixesNotWritten(ErrorGroup):
    """Files ``apply`` wrote nothing to (each error located at one); ``written``: the edits it wrote to the others."""

    def __init__(self, errors: Iterable[ScriptkitError], written: int) -> None:
        super().__init__(errors)
        self.written = written


def apply(fixes: Iterable[FileFix]) -> int:
    """Write every changed file atomically; returns the number of edits written.

    A file that changed since its fixes were worked out (``FileFix.late``, or found so as it is about to be
    replaced: an editor saved it while the command ran) is left as it is, as is one the system will not let
    be replaced; the others are written, then ``FixesNotWritten`` names those files (exit 2)."""
    written = 0
    errors: list[ScriptkitError] = []
    for fix in fixes:
        if fix.late:
            errors.append(_changed_during_run(fix.path))
            continue
        if not fix.changed:
            continue
        refused = _link_out_of_pack(fix.path)
        if refused is not None:
            errors.append(refused)
            continue
        try:
            write_atomic(Path(fix.path), fix.bom + fix.after, unchanged=(fix.bom + fix.before).encode("utf-8"))
        except FileChangedError:
            errors.append(_changed_during_run(fix.path))
            continue
        except OSError as exc:
            errors.append(ConfigError(f"cannot write the fixes: {exc.strerror or exc}; the file was not changed",
                                      Location(fix.path, 1, 1),
                                      "Make it writable (chmod u+w) if --fix may change it, then run --fix again; "
                                      "or leave it as it is." if isinstance(exc, ReadOnlyFileError) else
                                      "Check that you may write to the file and its folder, then run --fix again."))
            continue
        written += len(fix.applied)
    if errors:
        raise FixesNotWritten(errors, written)
    return written


def _link_out_of_pack(path: str) -> ConfigError | None:
    """The refusal to write ``path`` when it is a link (or lies under one) out of the pack it is written in and out
    of the repository that holds the pack: a pull request's link (scripts/x.yaml -> ../../elsewhere) must not have
    --fix edit a file the repository does not hold. A script shared by several packs of one repository (a link to
    ../shared/refund.yaml) is fixed where it is. None for a file in no pack (``check reply.yaml``: the file asked
    for) and one its pack or repository holds. It names the link that leads out (the script, a folder holding it,
    the pack folder) and what it leads out of (a pack in no repository has none)."""
    from scriptkit.loading import link_out
    from scriptkit.reporters import display_path

    out = link_out(path)
    if out is None:
        return None
    if out.link == out.pack:
        what, instead = (f"the pack folder {display_path(str(out.link))} is a link to {os.path.realpath(out.link)}",
                         f"run check --fix on the pack where it is, {os.path.realpath(out.link)}")
    else:
        what, instead = out.said(path)
    return ConfigError(f"{what}, outside {out.outside}: --fix writes no file there, so it was not changed",
                       Location(path, 1, 1), f"Run check --diff to see the change and make it there by hand, or "
                       f"{instead}.")


def _changed_during_run(path: str) -> ConfigError:
    return ConfigError(f"{path} changed while the fixes were made (it was edited or saved during the run); "
                       "nothing was written to it, rather than lose those changes", Location(path, 1, 1),
                       "Run the command again: it finds the fixes in the file as it is now.")


def fix_file(path: str, edits: list[Edit], expected: str | None = None) -> FileFix:
    """The file at ``path`` with ``edits`` made, verified (nothing is written). ``expected``: the text the
    edits were found in (as loading read it); a file that no longer holds it changed since, and gets no edit
    (``FileFix.late``: ``apply`` says so and writes nothing to it).

    The edits are made together and the file is parsed once to verify them all; only when that fails are
    they made in halves, down to the edit that cannot be made (which is then tried in its other spellings):
    2,000 fixes of one file took 68 s, each verified by parsing the whole file twice."""
    # the text exactly as loading read it (the offsets of the edits are into it): no BOM, and
    # line ends as they are, so a Windows file keeps its CRLFs
    raw = Path(path).read_bytes()
    before = raw.decode("utf-8-sig")
    result = FileFix(path, before, before, bom="\ufeff" if raw.startswith(codecs.BOM_UTF8) else "")
    if expected is not None and before != expected:
        result.late = True
        return result
    data = _parse(before)
    if data is None:
        result.refused = [(e, "the file no longer parses") for e in edits]
        return result
    candidates = []
    for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        if not (0 <= edit.start <= edit.end <= len(before)):
            result.refused.append((edit, "outside the file"))
        # (a replacement that is part of the text it replaces, quotes deleted around a greeting, adds nothing)
        elif any(mark in edit.replacement for mark in ("{{", "{%", "{#")) \
                and edit.replacement not in before[edit.start:edit.end]:
            result.refused.append((edit, "the replacement would add template syntax"))
        else:
            candidates.append(edit)
    spellings = _likely_spellings(before, data, candidates)
    # An edit inside another (a team's word swap inside a corporate phrase's rewrite) gives way to it: the whole
    # phrase is rewritten, as ruff makes the fix that starts first, where the word's edit would leave half a
    # phrase that no rule finds any more. Where the outer edit cannot be made, the edits inside it are tried in
    # its place (rarely: a file is then made again without it).
    refused, given_up = list(result.refused), dict[Edit, str]()
    while True:
        outer, inner = _outermost([e for e in candidates if e not in given_up])
        result.applied, result.refused = [], [*refused, *given_up.items()]
        # (from the end, so that earlier offsets stay valid; an edit overlapping a kept one is refused)
        result.after, _ = _make(before, outer, len(before) + 1, spellings, result)
        covering = set(inner.values())
        failed = {edit: why for edit, why in result.refused if edit in covering and edit not in given_up}
        if not failed:
            break
        given_up.update(failed)
    result.refused += [(edit, _OVERLAPS) for edit in inner]
    result.applied.reverse()
    result.refused.sort(key=lambda r: (r[0].start, r[0].end), reverse=True)
    return result


_OVERLAPS = "overlaps another fix"


def _outermost(edits: list[Edit]) -> tuple[list[Edit], dict[Edit, Edit]]:
    """``edits`` (in their order) without those inside another, and each of those with the outermost edit it
    lies inside (a second edit of the same text lies inside the first; an insertion at an edit's edge does not)."""
    inner: dict[Edit, Edit] = {}
    cover: Edit | None = None
    for edit in sorted(edits, key=lambda e: (e.start, -e.end)):
        if edit == cover:
            continue  # (the same edit twice: _make makes it once)
        if cover is not None and edit.end <= cover.end and (edit.start < edit.end
                                                            or cover.start < edit.start < cover.end):
            inner[edit] = cover
        elif cover is None or edit.end > cover.end:
            cover = edit
    return [e for e in edits if e not in inner], inner


def _make(text: str, edits: list[Edit], floor: int, spellings: Mapping[Edit, str],
          result: FileFix) -> tuple[str, int]:
    """``text`` with those of ``edits`` (from the last to the first) made that verify, each edit that does not
    reach past ``floor`` or the start of one made after it; the others refused into ``result``. Returns the
    text and the new floor. All at once first, each spelled as its quoting likely needs; else in halves."""
    chosen, skipped = _not_overlapping(edits, floor)
    at = chosen[-1].start if chosen else floor
    if not chosen:
        result.refused.extend((edit, _OVERLAPS) for edit in edits)
        return text, floor
    if len(edits) == 1:  # (one edit: each spelling in turn, the plain one first, as before)
        made, reason = _edited(text, chosen[0])
        if reason:
            result.refused.append((chosen[0], reason))
            return text, floor
        result.applied.append(chosen[0])
        return made, chosen[0].start
    candidate = _spliced(text, chosen, spellings)
    if verify(text, candidate, chosen) is None:
        result.applied.extend(chosen)
        result.refused.extend((edit, _OVERLAPS) for edit in skipped)
        return candidate, at
    half = len(edits) // 2
    text, floor = _make(text, edits[:half], floor, spellings, result)
    return _make(text, edits[half:], floor, spellings, result)


def _likely_spellings(text: str, data: Any, edits: list[Edit]) -> dict[Edit, str]:
    """The replacement of each edit in quoted YAML text as the quotes need it ('don''t' between single quotes),
    where it differs from the replacement: what ``_make`` tries first (``_edited`` tries every spelling)."""
    from scriptkit.loading import _index
    from scriptkit.models import Origin

    origin = Origin(SourceText("", text))
    _index(data, (), origin)
    starts = sorted(origin.values.values())
    out: dict[Edit, str] = {}
    for edit in edits:
        i = bisect.bisect_right(starts, edit.start) - 1
        quote = text[starts[i]] if i >= 0 and starts[i] < len(text) else ""
        if quote == "'" and "'" in edit.replacement:
            out[edit] = edit.replacement.replace("'", "''")
        elif quote == '"' and ('"' in edit.replacement or "\\" in edit.replacement):
            out[edit] = edit.replacement.replace("\\", "\\\\").replace('"', '\\"')
        if (kept := _kept_breaks(text, edit, out.get(edit, edit.replacement))) is not None:
            out[edit] = kept
    return out


def _not_overlapping(edits: list[Edit], floor: int) -> tuple[list[Edit], list[Edit]]:
    """Those of ``edits`` (from the last to the first) that reach past neither ``floor`` nor the start of one
    chosen after them, and the others."""
    chosen, skipped = [], []
    for edit in edits:
        if edit.end > floor:
            skipped.append(edit)
        else:
            chosen.append(edit)
            floor = edit.start
    return chosen, skipped


class StaleFindings(ConfigError, ValueError):
    """Findings given to ``apply_fixes`` that were made in another text (an earlier draft): a ``ConfigError``, and
    the ``ValueError`` an edit outside the text always was."""

    def __str__(self) -> str:
        return ConfigError.__str__(self)  # (not ValueError's)


def apply_fixes(text: str, diagnostics: LintResult | Iterable[Diagnostic], *, unsafe: bool = False) -> str:
    """``text`` with the safe fixes of ``diagnostics`` made (and the unsafe ones too with ``unsafe=True``):
    the findings of ``lint_text(text)`` (its ``LintResult``, or its ``diagnostics``), whose edits are offsets into
    ``text``.

    As ``scriptkit check --fix``: an edit inside another gives way to it, and of two that overlap only the later
    one is made; lint the result again for what is left. An edit outside ``text``, or where ``text`` no longer
    holds what it replaces (``Edit.replaces``), raises ``StaleFindings``: the findings were made in another text,
    an earlier draft, and no fix is made."""
    from scriptkit.linting import LintResult, check_argument

    wanted = "a LintResult or a list of its diagnostics"
    check_argument(text, str, "apply_fixes", "the text", "a str",
                   "Decode it first: text.decode('utf-8')." if isinstance(text, bytes) else None)
    if isinstance(diagnostics, LintResult):
        diagnostics = diagnostics.diagnostics
    elif isinstance(diagnostics, str | bytes | Mapping) or not isinstance(diagnostics, Iterable):
        check_argument(diagnostics, (), "apply_fixes", "the findings", wanted)
    edits: dict[tuple[int, int, str], Edit] = {}
    for d in diagnostics:
        check_argument(d, Diagnostic, "apply_fixes", "the findings", wanted)
        if d.fix is not None and (d.fix.safe or unsafe):
            for e in d.fix.edits:
                if not 0 <= e.start <= e.end <= len(text):
                    raise StaleFindings(f"a fix of {d.code} at {d.location} replaces characters {e.start}-{e.end}, "
                                        f"not found in this text of {len(text)}", None, _LINT_AGAIN)
                if e.replaces is not None and text[e.start:e.end] != e.replaces:
                    raise StaleFindings(f"a fix of {d.code} replaces '{clipped(e.replaces, 40)}' at characters "
                                        f"{e.start}-{e.end}, where this text has '{clipped(text[e.start:e.end], 40)}': "
                                        "the findings were made in another text",
                                        SourceText(e.file, text).location(e.start), _LINT_AGAIN)
                edits.setdefault((e.start, e.end, e.replacement), e)
    outer, _ = _outermost(sorted(edits.values(), key=lambda e: (e.start, e.end), reverse=True))
    return _spliced(text, _not_overlapping(outer, len(text))[0])


_LINT_AGAIN = "Pass the text the findings were made in, or lint the text again: scriptkit.lint_text(text)."


def _spliced(text: str, edits: list[Edit], spellings: Mapping[Edit, str] | None = None) -> str:
    """``text`` with ``edits`` (from the last to the first, none overlapping) made, each as ``spellings`` has it."""
    pieces, end = [], len(text)
    for edit in edits:  # (from the last: the pieces are joined reversed)
        pieces += [text[edit.end:end], (spellings or {}).get(edit, edit.replacement)]
        end = edit.start
    pieces.append(text[:end])
    return "".join(reversed(pieces))


def _edited(text: str, edit: Edit) -> tuple[str, str | None]:
    """``text`` with ``edit`` made, and None; or ``text`` and why the edit cannot be made. In
    quoted YAML text the replacement is written as that quoting needs it ("don't" is 'don''t' in
    single quotes): whichever spelling reads back as the intended text is the one written."""
    kept = _kept_breaks(text, edit, edit.replacement)
    if kept is not None:  # (a wrapped line stays wrapped: "please be⏎  aware that" -> "just a⏎  heads-up that")
        candidate = text[:edit.start] + kept + text[edit.end:]
        if verify(text, candidate, [edit]) is None:
            return candidate, None
    first = text[:edit.start] + edit.replacement + text[edit.end:]
    reason = verify(text, first, [edit])
    if reason is None:
        return first, None
    escaped = []
    if "'" in edit.replacement:
        escaped.append(edit.replacement.replace("'", "''"))
    if '"' in edit.replacement or "\\" in edit.replacement:
        escaped.append(edit.replacement.replace("\\", "\\\\").replace('"', '\\"'))
    if "\n" in edit.replacement:
        escaped.extend(_line_break_spellings(text, edit))
    for spelling in escaped:
        candidate = text[:edit.start] + spelling + text[edit.end:]
        if verify(text, candidate, [edit]) is None:
            return candidate, None
    return text, reason  # (the plain replacement's reason: the one a writer can act on)


_WRAP = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t]*")


def _kept_breaks(text: str, edit: Edit, replacement: str) -> str | None:
    """``replacement`` with the line breaks of the wrapped words it replaces ("please be⏎  aware that") kept at its
    spaces, each at the last space no further along than it was ("just a⏎  heads-up that"), so the lines keep their
    width and a diff shows only the words changed; None where the words cross no line break or the rewrite has too
    few spaces ("prior⏎  to" -> "before": joined). ``verify`` decides whether the YAML reads it as the words."""
    if "\n" in replacement or "\r" in replacement:
        return None
    wraps = list(_WRAP.finditer(text, edit.start, edit.end))
    if not wraps:
        return None
    spaces = [i for i, ch in enumerate(replacement) if ch == " "]
    out, at, last, folded = [], 0, -1, 0  # (folded: characters the wraps before this one take beyond a space)
    for wrap in wraps:
        read_at = wrap.start() - edit.start - folded  # where the break stands in the words as read
        folded += len(wrap.group()) - 1
        fits = [i for i in spaces if last < i <= read_at] or [i for i in spaces if i > last]
        if not fits:
            return None
        last = fits[-1] if fits[-1] <= read_at else fits[0]
        out += [replacement[at:last], wrap.group()]
        at = last + 1
    return "".join(out) + replacement[at:]


def _line_break_spellings(text: str, edit: Edit) -> list[str]:
    """The replacement's line breaks as the YAML around the edit may need them: the next line
    indented like the edited one (a block), or further, and after a blank line (quoted and plain
    text, where one line break folds into a space). ``verify`` keeps the one that reads right."""
    newline = _line_ending(text, edit.end)
    line = text[max(text.rfind("\n", 0, edit.start), text.rfind("\r", 0, edit.start)) + 1:edit.start]
    indent = len(line) - len(line.lstrip(" "))
    return [edit.replacement.replace("\n", breaks + " " * width)
            for width in (indent, indent + 2) for breaks in (newline, newline * 2)]


_LINE_END = re.compile(r"\r\n|\r|\n")


def _line_ending(text: str, offset: int) -> str:
    """How the line holding ``offset`` ends ("\r\n", "\n", or an old Mac file's "\r"), so that a file mixing
    endings (CRLF lines, then LF ones pasted below) keeps each line's own. A last line with no ending takes
    the ending of the line before it ("\n" in a file of one line)."""
    if (end := _LINE_END.search(text, offset)) is not None:
        return end.group(0)
    before = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset))
    if before < 0:
        return "\n"
    return "\r\n" if text[before - 1:before + 1] == "\r\n" else text[before]


def verify(before: str, after: str, edits: list[Edit]) -> str | None:
    """None when ``after`` parses to ``before``'s data with exactly the intended scalar changes
    (``edits``: made in ``before``, none overlapping another)."""
    from scriptkit.loading import _index
    from scriptkit.models import Origin

    old = _parse(before)
    new = _parse(after)
    if old is None or new is None:
        return "the edited YAML would not parse"
    origin = Origin(SourceText("", before))
    _index(old, (), origin)
    expected = plain_data(old)
    scalars = _Scalars(origin, expected, before)
    targets = []
    for edit in edits:  # (each found in the values as they are, before any is changed)
        target = scalars.find(edit)
        if target is None:
            return "the text is not one literal YAML value"
        targets.append((target, edit))
    anchors = []
    # (several edits of one value: made from its end, so that each one's indexes stay valid)
    for (path, index_a, index_b), edit in sorted(targets, key=lambda t: (t[0][1], t[0][2]), reverse=True):
        value = value_at(expected, path)
        if isinstance(value, str) and not keeps_links(value, index_a, index_b, edit.replacement):
            return "the edit would change a link's brackets or address, not just its words"
        _set(expected, path, value[:index_a] + edit.replacement + value[index_b:])
        anchor = reused_anchor(old, path)
        if anchor:
            anchors.append(anchor)
    if plain_data(new) != expected:
        if anchors:  # (the edit changed each place that reuses the text too: not what was judged)
            return _anchor_reason(anchors[0])
        return "the replacement would change the YAML value differently (it needs quoting or escaping)"
    return None


def _anchor_reason(anchor: str) -> str:
    return f"the text has an anchor (&{anchor}) that another place reuses (*{anchor})"


def reused_anchor(data: Any, path: tuple[Any, ...]) -> str | None:
    """The anchor of the value at ``path`` in round-trip ``data``, or of a list or mapping holding
    it ('acknowledgment: &a1 [...]'), that an alias elsewhere repeats; None when there is none.
    (An alias is the anchored node itself, met again: it is counted by identity.)"""
    anchored: dict[int, str] = {}
    node = data
    for part in (None, *path):
        node = node if part is None else node[part]
        name = getattr(getattr(node, "anchor", None), "value", None)
        if name:
            anchored[id(node)] = name
    if not anchored:
        return None
    seen: dict[int, int] = {}
    stack = [data]
    while stack:
        node = stack.pop()
        if id(node) in anchored:
            seen[id(node)] = seen.get(id(node), 0) + 1
            if seen[id(node)] > 1:
                return anchored[id(node)]
            # (a list or mapping met again is not walked again: an alias repeats what it holds)
        if isinstance(node, dict):
            stack.extend(node.values())
            # (a merge key, '<<: *em', reuses the mapping it names: met again, as through an alias)
            # (ruamel.yaml lists the merged mappings, older releases (position, mapping) pairs)
            stack.extend(m[1] if isinstance(m, tuple) else m for m in getattr(node, "merge", ()))
        elif isinstance(node, list):
            stack.extend(node)
    return None


# an anchor's and an alias's name as YAML writes them ("&sol", "*sol"), after a space, a bracket or a key's colon
_ANCHOR = re.compile(r"(?:^|(?<=[\s\[{,:-]))&([^\s,\[\]{}]+)", re.M)
_ALIAS = re.compile(r"(?:^|(?<=[\s\[{,:-]))\*([^\s,\[\]{}]+)", re.M)


def refused_by_anchors(diagnostics: Iterable[Diagnostic], texts: Mapping[str, str]) -> dict[Edit, str]:
    """The safe edits ``--fix`` would refuse because their text has an anchor another place reuses (or they lie
    inside a phrase to rewrite whole: ``inside_phrases``), and why: found without making them (a report counts
    what --fix can do, and ``plan`` parses the file twice for each edit). ``texts``: each file's text as loaded;
    only one with an alias is parsed."""
    from scriptkit.loading import _index
    from scriptkit.models import Origin

    diagnostics = list(diagnostics)
    out: dict[Edit, str] = {}
    for path, edits in edits_by_file(diagnostics).items():
        text = texts.get(path)
        if text is None or "*" not in text or "&" not in text or \
                not set(_ANCHOR.findall(text)) & set(_ALIAS.findall(text)):
            continue  # (no anchor that an alias names: a "Terms & Conditions *" comment is none)
        data = _parse(text)
        if data is None:
            continue
        origin = Origin(SourceText("", text))
        _index(data, (), origin)
        scalars = _Scalars(origin, plain_data(data), text)  # (once a file: it sorts the file's values)
        for edit in edits:
            target = scalars.find(edit)
            anchor = reused_anchor(data, target[0]) if target is not None else None
            if anchor:
                out[edit] = _anchor_reason(anchor)
    # (and those inside a phrase another rule asks to be rewritten whole, or whose rewrite would say again the
    # words right beside it: --fix leaves them too)
    return {**inside_phrases(diagnostics, texts), **said_twice(diagnostics, texts), **out}


_REPEATS = "it would repeat"
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_BETWEEN_WORDS = re.compile(r"[^\S\r\n]+|[^\S\r\n]*(?:\r\n|\r|\n)[^\S\r\n]*")  # (a space, or a wrapped line's break)
# (between a phrase and the words beside it: spaces, a comma, a wrapped line's break; no blank line, a paragraph's end)
_BESIDE = re.compile(r"[^\S\r\n]*(?:(?:\r\n|\r|\n)[^\S\r\n]*)?,?[^\S\r\n]*(?:(?:\r\n|\r|\n)[^\S\r\n]*)?")


def said_twice(diagnostics: Iterable[Diagnostic], texts: Mapping[str, str]) -> dict[Edit, str]:
    """The safe one-edit rewrites whose words would stand twice in a row, case aside ("right now at this point in
    time" -> "right now right now"), and why: those left for a person. Where the words right before the phrase say
    all its rewrite says ("Thanks so much for your help, thank you for your cooperation"), the phrase says it
    again, so its fix is made a deletion of the phrase and what stands between (``d.fix`` replaced): "Thanks so much
    for your help." (The words right after it are not deleted up to: the phrase may open the sentence, and what is
    left would then need a capital; a person deletes it.) ``texts``: each file's text as the findings were made."""
    out: dict[Edit, str] = {}
    for d in diagnostics:
        fix = d.fix
        if fix is None or not fix.safe or len(fix.edits) != 1 or isinstance(fix, RefusedFix):
            continue
        edit = fix.edits[0]
        text = texts.get(edit.file)
        wanted = [w.lower() for w in _WORD.findall(edit.replacement)]
        if text is None or not wanted or not 0 <= edit.start < edit.end <= len(text):
            continue
        had = [w.lower() for w in _WORD.findall(text[edit.start:edit.end])]
        before, after = _words_beside(text, edit.start, len(wanted), -1), _words_beside(text, edit.end, len(wanted), 1)
        if before is not None and [w.lower() for w, _ in before] == wanted:
            cut = before[-1][1]  # (the end of the last word before: the comma and spaces go with the phrase)
            gone = text[cut:edit.end]
            d.fix = Fix(f"delete '{gone.strip(' ,')}': '{edit.replacement}' is said right before it",
                        (Edit(edit.file, cut, edit.end, "", gone),), True)
            continue
        repeat = _repeat_at_edges(wanted, had, [w for w, _ in before or ()], [w for w, _ in after or ()])
        if repeat is None:
            continue
        words, side = repeat
        if side == "after" and len(words.split()) == len(wanted):
            out[edit] = (f"{_REPEATS} '{words}', which comes right after it; to make it by hand, delete "
                         f"{_shown(text[edit.start:edit.end])} and the space after it")
        else:
            out[edit] = (f"{_REPEATS} '{words}' right {side} it ('{edit.replacement}' there); to make it by "
                         f"hand, reword the words around {_shown(text[edit.start:edit.end])}")
    return out


def _words_beside(text: str, at: int, count: int, way: int) -> list[tuple[str, int]] | None:
    """The ``count`` words (each with its far end's offset) right before (``way`` -1, nearest last) or after (1)
    ``at``, up to ``count`` of them where fewer stand there; a comma only between ``at`` and the nearest word, and
    single spaces or a wrapped line's break between the words. None where no word stands right beside ``at``."""
    if way < 0:
        words = list(_WORD.finditer(text, max(0, at - _PHRASE), at))
        near = words[-1] if words else None
        if near is None or not _BESIDE.fullmatch(text, near.end(), at):
            return None
        out = [near]
        for m in reversed(words[:-1]):
            if len(out) == count or not _BETWEEN_WORDS.fullmatch(text, m.end(), out[-1].start()):
                break
            out.append(m)
        return [(m.group(), m.end()) for m in reversed(out)]
    first = _WORD.search(text, at, min(len(text), at + _PHRASE))
    if first is None or not _BESIDE.fullmatch(text, at, first.start()):
        return None
    found = [first]
    while len(found) < count:
        nxt = _WORD.search(text, found[-1].end(), min(len(text), found[-1].end() + _PHRASE))
        if nxt is None or not _BETWEEN_WORDS.fullmatch(text, found[-1].end(), nxt.start()):
            break
        found.append(nxt)
    return [(w.group(), w.start()) for w in found]


def _repeat_at_edges(wanted: list[str], had: list[str], before: list[str], after: list[str]) -> tuple[str, str] | None:
    """The words a rewrite (``wanted``, lower case) would say twice in a row at its start or end, beside the words
    ``before`` or ``after`` it, and on which side; not where the phrase it replaces (``had``) said them twice too."""
    lower_before, lower_after = [w.lower() for w in before], [w.lower() for w in after]
    for k in range(min(len(wanted), len(before)), 0, -1):
        if lower_before[-k:] == wanted[:k] and had[:k] != wanted[:k]:
            return " ".join(before[-k:]), "before"
    for k in range(min(len(wanted), len(after)), 0, -1):
        if lower_after[:k] == wanted[-k:] and had[-k:] != wanted[-k:]:
            return " ".join(after[:k]), "after"
    return None


def not_fixable(diagnostics: Iterable[Diagnostic], refused: dict[Edit, str]) -> None:
    """Mark the fix of each diagnostic with an edit in ``refused`` (edit -> why) not safe, saying why:
    ``--fix`` will not make it, so it is not counted as fixable, yet it is still shown to make by hand."""
    if not refused:
        return
    for d in diagnostics:
        fix = d.fix
        if fix is None or not fix.safe:
            continue
        reason = next((refused[e] for e in fix.edits if e in refused), None)
        if reason is not None:
            d.fix = RefusedFix(f"{fix.description} (--fix cannot: {reason})", fix.edits, False, reason)


def refused_edits(fixes: Iterable[FileFix]) -> dict[Edit, str]:
    """Each edit ``plan`` refused, and why."""
    return {edit: reason for fix in fixes for edit, reason in fix.refused}


class _Scalars:
    """The string values of a parsed file, by where they start, for finding the one an edit covers; each value's
    file offsets worked out once (``verify`` looks up every edit of a file in the same values)."""

    def __init__(self, origin: Any, data: Any, text: str) -> None:
        self.text = text
        found = [(start, path, value) for path, start in origin.values.items()
                 if isinstance(value := value_at(data, path), str)]
        found.sort(key=lambda f: f[0])
        self.starts = [f[0] for f in found]
        self.found = found
        self.offsets: dict[int, tuple[Any, dict[int, int] | None]] = {}

    def _offsets(self, i: int) -> tuple[Any, dict[int, int] | None]:
        if i not in self.offsets:
            start, _path, value = self.found[i]
            offsets = scalar_offsets(self.text, start, value)
            index: dict[int, int] | None = None if isinstance(offsets, range) else {}
            if index is not None:
                for at, offset in enumerate(offsets):
                    index.setdefault(offset, at)  # (the first character at that offset, as list.index finds)
            self.offsets[i] = offsets, index
        return self.offsets[i]

    def find(self, edit: Edit) -> tuple[tuple[Any, ...], int, int] | None:
        # (the nearest value starting at or before the edit, then the ones before it)
        for i in range(bisect.bisect_right(self.starts, edit.start) - 1, -1, -1):
            _start, path, value = self.found[i]
            offsets, index = self._offsets(i)
            if not offsets or offsets[-1] < edit.start:
                continue
            a = _index_of(offsets, index, edit.start)
            if a is None:
                continue
            if edit.end == edit.start:
                return path, a, a
            b = _index_of(offsets, index, edit.end - 1)
            if b is None:
                continue
            b += 1
            written = self.text[edit.start:edit.end]
            if (b - a == edit.end - edit.start and written == value[a:b]) or folded_alike(written, value[a:b]) \
                    or unescaped(written) == value[a:b]:
                return path, a, b
        return None



def unescaped(written: str) -> str | None:
    """Words of double-quoted YAML text with an escape in them ("We will\\texpedite\\tit") as the YAML reads them
    (a tab between the words), so that an edit may replace them whole; None where there is no escape to read."""
    if "\\" not in written or re.search(r'(?<!\\)(?:\\\\)*"', written):
        return None  # (no escape, or a quote that ends the text: not one run of quoted words)
    try:
        value = YAML(typ="safe").load(f'"{written}"')
    except Exception:  # (a broken escape: no words to compare)
        return None
    return value if isinstance(value, str) else None


def _index_of(offsets: Any, index: dict[int, int] | None, offset: int) -> int | None:
    if index is not None:
        return index.get(offset)
    return offset - offsets.start if offset in offsets else None


@lru_cache(maxsize=8)
def _parse(text: str) -> Any:
    """``text`` parsed, round-trip; None where it does not parse. Kept for the next few calls, and read only by
    its callers: ``fix_file`` parses a file's text and ``verify`` then parsed it again, a third of ``--fix``'s time."""
    try:
        return YAML(typ="rt").load(text)
    except Exception:  # any parse failure means: do not touch this file
        return None


def _set(data: Any, path: tuple[Any, ...], value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


class FileChangedError(Exception):
    """``write_atomic``'s file no longer held what the caller read: nothing was written."""


class ReadOnlyFileError(PermissionError):
    """``write_atomic``'s file may not be written (its mode, or the user's rights): nothing was written."""


def write_atomic(path: Path, text: str, *, unchanged: bytes | None = None) -> None:
    """Write to a temporary file beside ``path`` and rename it over: never a half-written file.

    A symlink is written through, to the file it points at (a script shared by several packs):
    renaming over the link would replace it with a copy. A device or a pipe (``/dev/stdout`` in a
    pipeline, a FIFO, ``/dev/null``) is written into, as a shell's ``>`` does: renaming over it
    replaced the device with a file (and ``/dev/stdout`` named a pipe no rename can reach). A folder
    or a socket is refused (``OSError``, naming ``path``), and so is a file without write permission
    (``ReadOnlyFileError``: a rename would replace it all the same). ``unchanged``: the bytes the file must
    still hold (compared just before it is replaced; else ``FileChangedError``, nothing written).
    """
    try:
        kind = os.stat(path).st_mode
    except FileNotFoundError:
        kind = None  # (a new file, or a link to where one will be)
    if kind is not None and not stat.S_ISREG(kind):
        if stat.S_ISDIR(kind):
            raise IsADirectoryError(errno.EISDIR, "it is a folder, not a file", str(path))
        if stat.S_ISSOCK(kind):
            raise OSError(errno.ENXIO, "it is a socket, not a file", str(path))
        # (a device or a pipe: written into, under the name given; its realpath, for /dev/stdout in a
        # pipeline, is "/proc/<pid>/fd/pipe:[...]", which no open can reach)
        try:
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
        except OSError as exc:  # (a full device: said of the path given)
            raise OSError(exc.errno, exc.strerror, str(path)) from None
        return
    path = Path(os.path.realpath(path))
    # the file's own mode, or a new file's as open() would make it (mkstemp's is 0600: owner only)
    mode = path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask()
    if kind is not None and (not mode & 0o222 or not os.access(path, os.W_OK)):
        # a read-only file (chmod 444) in a folder one may write to: renaming over it would replace it
        # all the same, so it is refused as a write into it would be (and even for root, who may write
        # anything: no write permission at all says the file is not to be changed)
        raise ReadOnlyFileError(errno.EACCES, "the file is read-only", str(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:  # (a folder that takes no new file: said of the file asked for, not of a temporary name)
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    try:
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
            os.chmod(tmp, mode)
            if unchanged is not None and _contents(path) != unchanged:
                raise FileChangedError(str(path))
            os.replace(tmp, path)
        except OSError as exc:  # (a full disk, a refused rename: said of the file, not of the temporary one beside it)
            raise OSError(exc.errno, exc.strerror, str(path)) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _contents(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _umask() -> int:
    mask = os.umask(0)  # (the only way to read it is to set it)
    os.umask(mask)
    return mask


_UNDOES = "it would undo"


def undoing_reason(rules: Iterable[str], undoer: str, team: Iterable[type[Rule]] = ()) -> str:
    """Why a round of ``--fix`` does not make an edit that would bring back a text an earlier round had: ``rules``
    ("SK801 (house-style)") fix the text in ways that undo each other, ``undoer`` the code whose fix would undo;
    ``team``: the team's rules, each named where it is written (its code is only its place in the list)."""
    names = sorted(set(rules))
    who = (f"the fixes of {', '.join(names[:-1])} and {names[-1]} undo each other" if len(names) > 1 else
           f"the fixes of {names[0]} undo each other" if names else "the fixes undo each other")
    written = {f"{r.code} ({r.name})": (r.name, at) for r in team if (at := getattr(r, "written_at", None))}
    where = "; ".join(f"{name} is written at {at}" for n, (name, at) in written.items() if n in names)
    leave = next((name for n, (name, _) in written.items() if n.split(" ")[0] == undoer), undoer)
    return (f"{_UNDOES} a fix this run made, and fixing on would change the text back and forth: {who}. "
            f"Make the rules agree (change or drop one of them{': ' + where if where else ''}), "
            f"or leave one out: --ignore {leave}")


def refused_messages(fixes: Iterable[FileFix], on_disk: Mapping[str, str] | None = None) -> list[str]:
    """One line per refused edit, ``file:line:col: reason``, and the edit to make by hand. ``on_disk``: a file's
    text as it is on disk where a fix's ``before`` is another (``--diff``'s, the text its fixes leave in a copy):
    each edit is located in it, where the writer will look."""
    out = []
    for fix in fixes:
        disk = (on_disk or {}).get(fix.path, fix.before)
        source, place = SourceText(fix.path, disk), _placer(fix.before, disk)
        for edit, reason in fix.refused:
            by_hand = "" if reason.startswith((_INSIDE, _UNDOES, _REPEATS)) else \
                f"; to make it by hand, {_by_hand(fix.before[edit.start:edit.end], edit.replacement)}"
            out.append(f"{source.location(place(edit.start))}: fix not applied: {reason}{by_hand}")
    return out


def _placer(text: str, disk: str) -> Callable[[int], int]:
    """Where an offset of ``text`` lies in ``disk``, an earlier text of the file: the same line where that line is
    unchanged (lines matched as the diff shown matches them), else the start of the part the fixes changed (its
    characters matched too where that part is short)."""
    if text == disk:
        return lambda offset: offset
    ours, theirs = text.splitlines(keepends=True), disk.splitlines(keepends=True)
    our_starts, their_starts = list(itertools.accumulate(map(len, ours), initial=0)), \
        list(itertools.accumulate(map(len, theirs), initial=0))
    blocks = difflib.SequenceMatcher(None, theirs, ours).get_opcodes()  # (as the diff shown matches them)

    def place(offset: int) -> int:
        line = bisect.bisect_right(our_starts, offset) - 1
        for tag, i1, i2, j1, j2 in blocks:
            if j1 <= line < j2 or (line >= j2 == len(ours)):
                if tag == "equal":
                    return their_starts[i1 + line - j1] + offset - our_starts[line]
                a, b = disk[their_starts[i1]:their_starts[i2]], text[our_starts[j1]:our_starts[j2]]
                at = offset - our_starts[j1]
                if len(a) + len(b) <= _MATCHED:
                    for tag2, x1, _x2, y1, y2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
                        if y1 <= at < y2:
                            return their_starts[i1] + (x1 + at - y1 if tag2 == "equal" else x1)
                return their_starts[i1]
        return len(disk)

    return place


_MATCHED = 4000  # characters: a changed part matched character by character (difflib is quadratic in the worst case)


def _by_hand(text: str, replacement: str) -> str:
    """The edit as a writer makes it: 'replace 'Kindly' with 'Please'', a line break named, not escaped."""
    if not text:
        return f"insert {_shown(replacement)} there"
    if not replacement:
        return f"delete {_shown(text)}"
    return f"replace {_shown(text)} with {_shown(replacement)}"


_NUMBERS = ("", "a", "two", "three", "four", "five")
# the characters named, not quoted: line breaks, tabs and other spaces a reader cannot tell apart, and invisible ones
_UNSEEN = re.compile(r"(\r\n|\r|\n)+|([^\S\r\n]|[\u200b-\u200f\u2060\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f])\2*")


def _shown(text: str) -> str:
    """``text`` quoted plainly ('Kindly', "don't"), its line breaks, tabs and unseen characters named ("a line
    break"); spaces named only where the text is nothing else ("two spaces")."""
    parts, at = [], 0
    for m in _UNSEEN.finditer(text):
        if m.group(2) == " " and text.strip(" "):
            continue  # (a space between words reads as one, quoted)
        if m.start() > at:
            parts.append(_quoted(text[at:m.start()]))
        if m.group(1):
            count, name = len(re.findall(r"\r\n|\r|\n", m.group(0))), "line break"
        else:
            count, char = len(m.group(0)), m.group(2)
            name = {" ": "space", "\t": "tab"}.get(char) or \
                f"{unicodedata.name(char, 'control character').lower()} (U+{ord(char):04X})"
        number = _NUMBERS[count] if count < len(_NUMBERS) else str(count)
        parts.append(f"{number} {name}{'s' if count > 1 else ''}")
        at = m.end()
    if at < len(text):
        parts.append(_quoted(text[at:]))
    return ", ".join(parts)


def _quoted(text: str) -> str:
    return f'"{text}"' if "'" in text and '"' not in text else f"'{text}'"
