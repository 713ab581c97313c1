"""A baseline: the findings a team accepts for now, so that ``scriptkit check`` reports only new ones.

A library imported from a helpdesk starts with hundreds of findings; gating CI on all of them
means nobody turns the gate on. ``check --write-baseline FILE`` records today's findings;
``check --baseline FILE`` then hides those and reports (and fails on) the rest.

A finding is recorded by what it is, not where: its rule (a team rule by its name, a built-in one by its
code), file (relative to the pack), script,
slot, the text it quotes and its message, so lines moved by an edit elsewhere still match, and so does a
script whose file was moved or renamed with its id kept (ids are unique in a pack).
Each key keeps a count, so a second copy of an accepted phrase is new. A finding of an edited
slot whose message is the same but for its numbers ('email is 26 words' after a phrase was cut)
matches an accepted one of that slot that is no longer found: the same problem, quoting the new
text. A finding of the same rule at the same words whose message is worded otherwise (a scriptkit
upgrade rewords its advice) matches too, and so does one of the same rule and slot whose quoted words
are nearly an accepted one's (another rule's fix contracted "do not" in them). Entries no longer
found are counted as fixed, and rewriting the baseline drops them: those of the part a run checked. A run of
one script, of some rules (``--select``) or some channels says the others' entries were not checked, and its
``--write-baseline`` keeps them.

From Python: ``record_baseline(result, path, pack=pack)`` writes one from a ``lint_pack`` result, and
``compare_baseline(result, path, pack=pack)`` returns the result with the accepted findings taken out.
"""

from __future__ import annotations

import difflib
import json
import os
import re
from collections import Counter, deque
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from scriptkit.diagnostics import Diagnostic, Location
from scriptkit.errors import ConfigError, argument_named

if TYPE_CHECKING:
    from scriptkit.linting import LintResult
    from scriptkit.models import Pack

VERSION = 1
_FIELDS = ("code", "file", "script", "slot", "text", "message")

Key = tuple[str, ...]  # the values of _FIELDS
_PLACE = re.compile(r" ?\(?[^\s()]+:\d+:\d+\)?")


@dataclass(frozen=True)
class Applied:
    """What a baseline did to a run: findings hidden, and entries no longer found (fixed since, or not checked)."""

    hidden: int
    fixed: int
    left: Counter[Key] = field(default_factory=Counter)  # the entries no longer found, each with its count
    accepted: list[Diagnostic] = field(default_factory=list)  # the findings hidden, in the order they came


_TEAM_CODE = re.compile(r"SK8(?!00)\d\d")  # a team rule's (SK800 is the settings' own warning)


def rule_key(code: str, name: str) -> str:
    """How a baseline names a finding's rule: a built-in one by its code; a team rule by its name, which is the
    same in every pack, where its code is handed out in order (SK801 here, SK802 in a pack with one rule more)."""
    return name if _TEAM_CODE.fullmatch(code) and name else code


def key_of(diag: Diagnostic, root: Path) -> Key:
    file = diag.location.file
    if not file.startswith("<"):  # (not "<default email layout>": a file, named as the run was given it)
        with suppress(ValueError):  # (another drive on Windows: kept as given)
            file = Path(os.path.relpath(file, root)).as_posix()
    # (a message that points at another place, "the same as 'x' (bl/scripts/x.yaml:2:1)", names it as
    # the run was given the pack: from another folder, or after an edit above it, it reads otherwise)
    return (rule_key(diag.code, diag.name), file, diag.script_id or "", diag.slot or "", diag.text,
            _PLACE.sub("", diag.message))


def write_baseline(diagnostics: Iterable[Diagnostic], path: Path, root: Path, kept: Counter[Key] | None = None) -> int:
    """Write the findings' keys, and the entries ``kept`` (those a partial run did not check), to ``path`` (sorted,
    one per line: a readable diff in review); their count."""
    from scriptkit.fixing import write_atomic

    counts = Counter(key_of(d, root) for d in diagnostics) + (kept or Counter())
    rows = [dict(zip(_FIELDS, k, strict=True)) | ({"count": n} if n > 1 else {}) for k, n in sorted(counts.items())]
    body = ",\n".join("  " + json.dumps(row, ensure_ascii=False) for row in rows)
    write_atomic(path, f'{{"scriptkit_baseline": {VERSION}, "findings": [\n{body}\n]}}\n')
    return sum(counts.values())


@dataclass(frozen=True)
class _Wording:
    """How a baseline's errors name the way to write one: the command line's flag, or the Python function."""

    writes: str  # what writes a baseline file
    again: str  # ...said as "write it again with ..."


_CLI_WORDING = _Wording("`scriptkit check PACK --write-baseline FILE`", "--write-baseline")
_API_WORDING = _Wording("scriptkit.record_baseline(result, FILE, pack=pack)", "scriptkit.record_baseline()")


def read_baseline(path: Path, wording: _Wording = _CLI_WORDING) -> Counter[Key]:
    """The keys a baseline file accepts; a file that is not one is a located ConfigError."""
    where = Location(str(path), 1, 1)
    if path.is_dir():  # (not "no such file": it is there, as something else)
        raise ConfigError(f"{path} is a folder, not a baseline file", where,
                          f"Pass the file {wording.writes} wrote.")
    if path.exists() and not path.is_file():  # (a device, a pipe: read, it may never end)
        raise ConfigError(f"{path} is a device, a pipe or a socket, not a baseline file", where,
                          f"Pass the file {wording.writes} wrote.")
    if not path.is_file():
        raise ConfigError(f"no such baseline file: {path}", where, f"Write one with {wording.writes}.")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"the baseline is not UTF-8 text ({exc.reason})", where,
                          f"Write it again with {wording.again}.") from None
    except json.JSONDecodeError as exc:
        raise ConfigError(f"the baseline is not valid JSON: {exc.msg}", Location(str(path), exc.lineno, exc.colno),
                          f"Fix it, or write it again with {wording.again}.") from None
    if not isinstance(data, dict) or data.get("scriptkit_baseline") != VERSION \
            or not isinstance(data.get("findings"), list):
        raise ConfigError("this is not a scriptkit baseline (version 1)", where,
                          f"Write it again with {wording.again}.")
    counts: Counter[Key] = Counter()
    for i, row in enumerate(data["findings"], 1):
        values = tuple(row.get(f, "") for f in _FIELDS) if isinstance(row, dict) else ()
        count = row.get("count", 1) if isinstance(row, dict) else 0
        if not values or not all(isinstance(v, str) for v in values) or type(count) is not int or count < 1:
            raise ConfigError(f"baseline entry {i} is not a finding ({', '.join(_FIELDS)} as text, count a "
                              "whole number)", where, f"Write the baseline again with {wording.again}.")
        counts[values] += count
    return counts


def apply_baseline(diagnostics: list[Diagnostic], accepted: Counter[Key], root: Path) -> tuple[list[Diagnostic],
                                                                                               Applied]:
    """The findings the baseline does not accept, and what it did."""
    keyed = [(diag, key_of(diag, root)) for diag in diagnostics]
    left = _moved(Counter(accepted), [k for _, k in keyed])
    unmatched: list[tuple[Diagnostic, Key]] = []
    for diag, k in keyed:
        # (a team rule's entry written by its code, as a baseline before session 36 named it: still accepted)
        by_code = (diag.code, *k[1:])
        if left[k] > 0:
            left[k] -= 1
        elif left[by_code] > 0:
            left[by_code] -= 1
        else:
            unmatched.append((diag, k))
    # then what is still found in the same slot with the same message but other words or numbers: the
    # slot was edited (a phrase fixed), and 'email is 26 words' became 34, or the whole solution
    # SK404 quotes changed (a finding that names its phrase in its message is new when the phrase is);
    # and last what is still found at the same words by the same rule with its message worded otherwise: a
    # scriptkit upgrade rewords a rule's message (its advice), and an accepted finding must stay accepted
    # (a baseline written before an upgrade failed CI on findings nobody had touched)
    kept = _match(unmatched, left, _edited)
    kept = _match(kept, left, _reworded)
    kept = _match_similar(kept, left)
    left = +left  # (the entries used up dropped)
    shown = {id(d) for d, _ in kept}
    return [d for d, _ in kept], Applied(hidden=len(diagnostics) - len(kept), fixed=sum(left.values()), left=left,
                                         accepted=[d for d in diagnostics if id(d) not in shown])


def _moved(accepted: Counter[Key], found: list[Key]) -> Counter[Key]:
    """``accepted`` with the entries of a script whose file was moved or renamed (``git mv``, its id kept) named by
    its new file: the script is told by its id, unique in a pack, and a reorganised scripts/ folder brought back
    every accepted finding of the scripts moved as new. Only where it is plain: the old file has no finding now,
    and of the files the script's findings are in now, one alone is named by no entry (pack.yaml, whose layout holds
    accepted findings of each script, is named)."""
    named = {k[1] for k in accepted}
    now = {k[1] for k in found}
    homes: dict[str, set[str]] = {}
    for k in found:
        if k[2] and k[1] not in named:
            homes.setdefault(k[2], set()).add(k[1])
    moved: Counter[Key] = Counter()
    for k, n in accepted.items():
        # (not where the script has findings in two new files: one in pack.yaml's layout, not accepted, one in its own)
        files = homes.get(k[2], set()) if k[2] and k[1] not in now else set()
        home = next(iter(files)) if len(files) == 1 else k[1]
        moved[(k[0], home, *k[2:])] += n
    return moved


def _match(found: list[tuple[Diagnostic, Key]], left: Counter[Key], loose: Callable[[Key], Key]
           ) -> list[tuple[Diagnostic, Key]]:
    """``found`` less those that match, by ``loose`` keys, an accepted entry in ``left``, which each match
    takes from (so ``left`` ends as the entries no finding matched)."""
    by_loose: dict[Key, deque[Key]] = {}
    for k, n in left.items():
        if n > 0:
            by_loose.setdefault(loose(k), deque()).append(k)
    kept: list[tuple[Diagnostic, Key]] = []
    for diag, k in found:
        entries = by_loose.get(loose(k))
        while entries and left[entries[0]] <= 0:  # (an entry used up is dropped once: linear in all)
            entries.popleft()
        if not entries:
            kept.append((diag, k))
        else:
            left[entries[0]] -= 1
    return kept


def _match_similar(found: list[tuple[Diagnostic, Key]], left: Counter[Key]) -> list[tuple[Diagnostic, Key]]:
    """``found`` less those whose quoted words are nearly those of an accepted entry of the same rule and slot
    that is no longer found: another rule's fix changed a few letters of them ('please do not hesitate' became
    'please don't hesitate' when SK203 contracted it), and the gate failed right after ``check --fix``. A
    different phrase ('Kindly note' for 'Please be advised') is not near, and stays new."""
    by_place: dict[Key, list[Key]] = {}
    for k, n in left.items():
        if n > 0:
            by_place.setdefault(k[:4], []).append(k)
    kept: list[tuple[Diagnostic, Key]] = []
    for diag, k in found:
        candidates = [e for e in by_place.get(k[:4], ()) if left[e] > 0] if _PHRASE[0] <= len(k[4]) <= _PHRASE[1] \
            else []
        scored = [(_likeness(e[4], k[4]), e) for e in candidates if _PHRASE[0] <= len(e[4]) <= _PHRASE[1]]
        best = max(scored, default=None)
        if best is None or best[0] < _NEAR:
            kept.append((diag, k))
        else:
            left[best[1]] -= 1
    return kept


_NEAR = 0.85  # (a contraction in a 40-letter phrase is 0.95; one word of three swapped, 0.5-0.7)
# a phrase's length, from 12 to 300 characters: a letter is much of a short one ("I will", "it will" are 0.92 alike),
# and a whole slot a finding quotes is matched by its message (_edited), not compared letter by letter (slow)
_PHRASE = (12, 300)


def _likeness(a: str, b: str) -> float:
    """How alike two quoted texts are, 0-1, by their letters (case and apostrophes' type aside)."""
    fold = str.maketrans("\u2019\u2018", "''")
    return difflib.SequenceMatcher(None, a.casefold().translate(fold), b.casefold().translate(fold),
                                   autojunk=False).ratio()


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _reworded(key: Key) -> Key:
    """A finding's key without its message: the rule, its place and the words it quotes."""
    return key[:5]


def _edited(key: Key) -> Key:
    """A finding's key without what an edit of its slot changes: the text it quotes, the numbers it gives,
    the case of a phrase it names (which now starts the sentence)."""
    code, file, script, slot, _, message = key
    return code, file, script, slot, _NUMBER.sub("#", message).casefold()


@dataclass(frozen=True)
class BaselineComparison:
    """What ``compare_baseline`` found: ``result``, the lint result with only the findings the baseline does not
    accept (new ones: its ``exit_code`` and ``has_failures`` are a CI gate's, as ``check --baseline`` exits; the
    accepted ones are its ``accepted``, which only its SARIF report lists, as suppressed results);
    ``hidden``, how many it took out; ``fixed``, how many of the baseline's entries are no longer found."""

    result: LintResult
    hidden: int
    fixed: int


def record_baseline(result: LintResult, path: str | os.PathLike[str], *, pack: Pack | str | os.PathLike[str]) -> int:
    """Write the findings of ``result`` (of ``lint_pack(pack)``) to the baseline file ``path``, as ``scriptkit
    check --write-baseline`` does; how many it records. ``pack``: the pack linted, or its folder: findings are
    recorded by file relative to it, so the baseline holds wherever the pack is checked out."""
    function = "record_baseline"
    root = _arguments(function, result, path, pack)
    target = Path(path)
    if target.is_dir():
        raise ConfigError(f"cannot write the baseline to {target}: it is a folder", Location(str(target), 1, 1),
                          "Name a file in it, such as baseline.json.")
    if not target.absolute().parent.is_dir():
        raise ConfigError(f"cannot write the baseline to {target}: {target.parent} is not a folder",
                          Location(str(target), 1, 1), "Create the folder first, or choose another place.")
    try:
        return write_baseline(result.diagnostics, target, root)
    except OSError as exc:
        raise ConfigError(f"cannot write the baseline to {target}: {exc.strerror}", Location(str(target), 1, 1)) \
            from None


def compare_baseline(result: LintResult, path: str | os.PathLike[str], *,
                     pack: Pack | str | os.PathLike[str]) -> BaselineComparison:
    """``result`` (of ``lint_pack(pack)``) without the findings the baseline file ``path`` accepts, as
    ``scriptkit check --baseline`` reports it; ``result`` itself is left as it was. A file that is not a
    baseline is a located ConfigError."""
    root = _arguments("compare_baseline", result, path, pack)
    accepted = read_baseline(Path(path), _API_WORDING)
    kept, applied = apply_baseline(list(result.diagnostics), accepted, root)
    return BaselineComparison(replace(result, diagnostics=kept, accepted=applied.accepted, baseline=str(path)),
                              applied.hidden, applied.fixed)


def _arguments(function: str, result: LintResult, path: object, pack: object) -> Path:
    """The pack's folder, once the arguments are what ``function`` takes (else a ConfigError saying so)."""
    from scriptkit.linting import LintResult, check_argument
    from scriptkit.models import Pack

    check_argument(result, LintResult, function, "result", "the LintResult of lint_pack(pack)",
                   "Lint the pack first: result = scriptkit.lint_pack(pack).")
    check_argument(path, (str, os.PathLike), function, "path", "the baseline file's path (a str or Path)")
    if isinstance(pack, Pack):
        return Path(pack.root)
    if isinstance(pack, (str, os.PathLike)):
        root = Path(pack)
        # (findings are kept by file relative to it: a folder that is not the pack's recorded "../pack/a.yaml",
        # which holds on no other machine)
        if not root.is_dir():
            raise ConfigError(f"{function}() takes pack as the Pack linted or its folder: {root} is no folder",
                              Location(str(root), 1, 1), "Pass the folder you gave lint_pack(), or the Pack itself.")
        return root
    raise ConfigError(f"{function}() takes pack as the Pack linted or its folder, not {argument_named(pack)}")
