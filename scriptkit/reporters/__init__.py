"""Reporters: one module per output format, each exposing ``report(result, stream)``.

``text`` is for people (grouped by file, with context); ``concise`` one line per finding (grep, editors);
``json`` for scripts; ``sarif`` for
code-scanning dashboards; ``github`` for workflow annotations; ``junit`` for CI test views; ``gitlab`` for
GitLab's Code Quality report on merge requests.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import io
import os
from bisect import bisect_right
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from scriptkit.diagnostics import PART
from scriptkit.errors import ConfigError, argument_named, two_sentences

if TYPE_CHECKING:
    from scriptkit.diagnostics import Diagnostic
    from scriptkit.linting import LintResult
    from scriptkit.rules.base import Rule

FORMATS: tuple[str, ...] = ("text", "json", "sarif", "github", "junit", "gitlab", "concise")

Reporter = Callable[["LintResult", TextIO], None]


def get_reporter(name: str) -> Reporter:
    if name not in FORMATS:
        raise ConfigError(f"unknown output format '{name}'", hint=f"Use one of: {', '.join(FORMATS)}.")
    module = importlib.import_module(f"scriptkit.reporters.{name}")
    report: Reporter = module.report

    def checked(result: LintResult, stream: TextIO) -> None:
        check_stream(stream, name)
        report(result, stream)

    return checked


def check_stream(stream: object, fmt: str) -> None:
    """A ConfigError for what ``LintResult.report`` cannot write to, before anything is written:
    given a file's name, or a binary file, a reporter's first write raised AttributeError or
    TypeError from inside."""
    if isinstance(stream, io.RawIOBase | io.BufferedIOBase):
        raise ConfigError("report() writes text, and this stream is binary",
                          hint="Open the file in text mode: open(path, 'w', encoding='utf-8').")
    if callable(getattr(stream, "write", None)):
        if getattr(stream, "closed", False) is True:  # (its first write raised a bare ValueError)
            raise ConfigError("report() was given a stream that is closed",
                              hint="Write while the file is open: inside its `with open(...)` block.")
        return
    given = f"the path '{stream}'" if isinstance(stream, Path) else argument_named(stream)
    if isinstance(stream, str) and stream in FORMATS:
        hint = f"The stream comes first, the format second: result.report(sys.stdout, {stream!r})."
    elif isinstance(stream, str | Path):
        hint = (f"To write a file, open it: with open({str(stream)!r}, 'w', encoding='utf-8') as out: "
                f"result.report(out, {fmt!r}).")
    else:
        hint = f"Pass sys.stdout, or a file opened with open(path, 'w'): result.report(sys.stdout, {fmt!r})."
    raise ConfigError(f"report() writes to an open text stream, not {given}", hint=hint)


def display_path(file: str) -> str:
    """``file`` for people (the text format, messages): relative to the working folder when it is inside
    it, with forward slashes; outside it, as it was given (``../pack.yaml`` stays so, an absolute path
    stays absolute). The machine formats that CI reads use ``repository_path``."""
    if file.startswith("<"):
        return file
    # (once per file and working folder: a report names a file for each of its findings, and
    # relpath and Path took 60 µs a name, a second for 20,000 findings)
    return _display_path(file, os.getcwd())


@functools.lru_cache(maxsize=65536)
def _display_path(file: str, cwd: str) -> str:
    try:
        rel = os.path.relpath(file, cwd)
    except ValueError:  # another drive on Windows
        return Path(file).as_posix()
    return Path(file).as_posix() if _outside(rel) else Path(rel).as_posix()


def _outside(rel: str) -> bool:
    return rel == os.pardir or rel.startswith(os.pardir + os.sep)  # (not a file named '..notes')


#: the CI variables naming the checkout, which GitHub (annotations, SARIF) and GitLab resolve paths against
WORKSPACE_VARIABLES = ("GITHUB_WORKSPACE", "CI_PROJECT_DIR")


def repository_root() -> str:
    """The folder a CI server reads a report's paths from: the CI's workspace (``GITHUB_WORKSPACE``, GitLab's
    ``CI_PROJECT_DIR``), else the git work tree the working folder is in, else the working folder."""
    for variable in WORKSPACE_VARIABLES:
        if os.environ.get(variable):
            return os.path.abspath(os.environ[variable])
    return work_tree(os.getcwd())


@functools.lru_cache(maxsize=64)
def work_tree(cwd: str) -> str:
    """The git work tree ``cwd`` is in (a folder holding ``.git``), else ``cwd`` itself."""
    here = cwd
    while not os.path.exists(os.path.join(here, ".git")):  # (a folder, or a file in a worktree or submodule)
        up = os.path.dirname(here)
        if up == here:
            return cwd
        here = up
    return here


def repository_path(file: str) -> str:
    """``file`` as the machine formats CI reads name it (``github``, ``sarif``, ``junit``, ``gitlab``): relative to
    ``repository_root()``, with forward slashes; outside it, absolute. GitHub reads an annotation's
    ``file=`` from the repository's root: relative to the working folder, ``scriptkit check pack`` run in
    support/ annotated a file that was not there."""
    if file.startswith("<"):
        return file
    return _repository_path(file, os.getcwd(), repository_root())


@functools.lru_cache(maxsize=65536)
def _repository_path(file: str, cwd: str, root: str) -> str:
    absolute = os.path.normpath(os.path.join(cwd, file))
    try:
        rel = os.path.relpath(absolute, root)
        if _outside(rel):  # (through a link: /tmp and /private/tmp on macOS, a workspace linked elsewhere)
            rel = os.path.relpath(os.path.realpath(absolute), os.path.realpath(root))
    except ValueError:  # another drive on Windows
        return Path(absolute).as_posix()
    return Path(absolute).as_posix() if _outside(rel) else Path(rel).as_posix()


def with_suggestion(d: Diagnostic) -> str:
    """The message and its suggestion as one line of prose (SARIF, GitHub annotations): the
    message ends its sentence first, so the two do not run together."""
    return two_sentences(d.message, d.suggestion and f"Suggestion: {d.suggestion}")


def unplaceable(file: str) -> bool:
    """Whether ``file`` is no file a CI server can place a finding in: standard input (``review -``), a text
    given to the API (``<text>``)."""
    return file.startswith("<")


def with_place(d: Diagnostic) -> str:
    """``with_suggestion`` led by the finding's line and column, for a report that cannot point at its file
    (``unplaceable``): where in the text is said in words."""
    return f"Line {d.location.line}, column {d.location.col}: {with_suggestion(d)}"


def rule_lookup(result: LintResult) -> dict[str, type]:
    """Code -> rule class for every rule that ran (plus any other code a diagnostic names)."""
    from scriptkit.rules import all_rules

    table: dict[str, type] = {r.code: r for r in result.rules}
    known = {r.code: r for r in (*all_rules(), *result.config.custom)}
    for d in (*result.diagnostics, *result.accepted):
        if d.code not in table and d.code in known:
            table[d.code] = known[d.code]
    return table


def by_sentence(result: LintResult) -> tuple[list[list[Diagnostic]], list[Diagnostic]]:
    """``scriptkit review``: the diagnostics inside each of ``result.sentences``, and the others.

    One pass over the diagnostics (a search among the sentence starts for each), not one per
    sentence: a long reply has as many diagnostics as sentences, and that was quadratic.
    """
    sentences = result.sentences
    order = sorted(range(len(sentences)), key=lambda i: sentences[i].start)
    starts = [sentences[i].start for i in order]
    inside: list[list[Diagnostic]] = [[] for _ in sentences]
    rest: list[Diagnostic] = []
    file = sentences[0].location.file if sentences else ""
    for d in result.diagnostics:
        if d.location.file != file:  # (a settings file's own, SK800 in scriptkit.toml: not the reply's at 1:1)
            rest.append(d)
            continue
        k = bisect_right(starts, d.location.offset) - 1
        if k >= 0 and d.location.offset < sentences[order[k]].end:
            inside[order[k]].append(d)
        else:
            rest.append(d)
    return inside, rest


#: The rules whose findings are about the reply as a whole, not the sentence they are placed at: what the reply
#: lacks (an acknowledgment, a warm line, a solution), its length, reading ease and grade, its language, the balance
#: of care and solution. Told by the rule, not by where a finding ends: a one-sentence reply's SK301 ended inside its
#: one sentence and was hung on it, and a finding about one sentence that review splits in two ("I know it's
#: confusing, so let me ...") ran past the first half into the whole reply.
def about_whole_reply(d: Diagnostic, rules: Mapping[str, type[Rule]]) -> bool:
    """Whether ``d`` is about the whole reply: its rule's ``whole_reply`` (``rules`` by code), unless it measured
    one part (``diagnostics.PART``: SK104 on one turn of a transcript, placed at its first sentence)."""
    rule = rules.get(d.code)
    return rule is not None and rule.whole_reply and PART not in d.extra


def whole_reply_apart(result: LintResult) -> tuple[list[list[Diagnostic]], list[Diagnostic]]:
    """``scriptkit review``: each of ``result.sentences``' own findings, and those about the whole reply
    (``about_whole_reply``, and any other of the reply's file in no sentence). Hung on the sentence they start in,
    a chat's "Hi Dana," was marked as what could improve because the reply had no solution, and a Spanish
    reply's "Hola Marta," because the reply was in Spanish. Findings in another file (a settings file's) are in
    neither."""
    inside, outside = by_sentence(result)
    file = result.sentences[0].location.file if result.sentences else ""
    rules = {rule.code: rule for rule in result.rules}
    whole = [d for diags in inside for d in diags if about_whole_reply(d, rules)]
    own = [[d for d in diags if not about_whole_reply(d, rules)] for diags in inside]
    # (in the order they were found, as the report lists them elsewhere)
    order = {id(d): i for i, d in enumerate(result.diagnostics)}
    whole += [d for d in outside if d.location.file == file]
    whole.sort(key=lambda d: order[id(d)])
    return own, whole


def whole_reply(result: LintResult) -> frozenset[int]:
    """The ids of ``scriptkit review``'s findings about the whole reply (see ``whole_reply_apart``);
    none elsewhere."""
    return frozenset(map(id, whole_reply_apart(result)[1])) if result.sentences else frozenset()


def fingerprint(path: str, d: Diagnostic, slot: str | None, seen: dict[tuple[str, ...], int]) -> str:
    """What ``d`` is, not where its line is: the file (``path``, from the repository's root), rule, place in the
    script and quoted words, numbered among the same in the file (``seen``, one per report). GitLab's issue
    fingerprint and SARIF's partial fingerprint: an edit above a finding leaves it the same finding."""
    from scriptkit.baseline import rule_key

    # (a team rule by its name: its code is handed out in order, and one more rule in the pack shifts it)
    what = (path, rule_key(d.code, d.name), d.script_id or "", d.channel or "", slot or "", " ".join(d.text.split()))
    seen[what] = seen.get(what, 0) + 1
    return hashlib.sha256("\0".join([*what, str(seen[what])]).encode("utf-8", "surrogatepass")).hexdigest()


def slot_shown(d: Diagnostic, whole: frozenset[int]) -> str | None:
    """The slot a report names for ``d``: none for a finding about the whole reply (``whole``, from
    ``whole_reply``), whose own slot is only that of the sentence it starts in."""
    return None if id(d) in whole else d.slot


def not_judged(result: LintResult) -> str | None:
    """``scriptkit review`` of a reply the English-only rules did not judge (SK006's case): why, in
    a sentence; None when they judged it. Its sentences then show no practice: telling one reads
    English phrases too, so "other" on each sentence of a Spanish reply meant "not read".

    Told from the reply itself, not from an SK006 finding: ``--ignore SK006`` hides the finding,
    the rules still did not judge the reply."""
    from scriptkit.language import language_of, name_of
    from scriptkit.rules.language import expected_language, judges

    if not result.sentences or not result.messages:
        return None
    reply = result.messages[0].as_read  # (as the rules read it)
    # (the linter's own test: free text is expected in English, or in the language of the locale it was given)
    if judges(reply, expected_language(None, result.config.locale)):
        return None
    found = language_of(reply.text)
    said = (f"reads as {name_of(found)}" if found is not None
            else f"is too short to tell its language, so it counts as the locale's ({result.config.locale})")
    return (f"not judged: the reply {said}, and the empathy, warmth, "
            "solution and readability rules read English only (SK006); its length and blanks were still checked")
