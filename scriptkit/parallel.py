"""Large packs on several cores: render and per-message rules in forked worker processes.

``lint_pack`` asks :func:`per_message_diagnostics` first. For a pack of more than
``MIN_SCRIPTS`` scripts on a machine with more than one CPU (and where ``fork`` exists), the
scripts are cut into contiguous shards; each worker renders its shard and runs every rule that
reads one message at a time, and sends back the messages and the diagnostics the pack does not
suppress. Meanwhile one more worker does duplicate-script's work on the whole pack (fingerprints
and matches), which would otherwise run alone at the end, and exits long before the others (its
memory is gone by their peak). The parent joins the shards in script order, so each rule's
diagnostics come in exactly the order a serial run makes them, and then runs what needs the whole
pack in one place: batch rules (the grammar pass, so one LanguageTool server per run),
``check_pack`` rules, their suppressions, dedupe and sorting. (``load_pack`` parses the script
files on workers the same way, each script's template checks with it.)

The workers are forked, so they read the loaded pack and the settings from the parent's memory:
only the shard bounds go out, results come back pickled. Template errors and rule failures
travel back as (class, message, location, hint) and are raised in the parent exactly as the
serial run raises them; Ctrl-C terminates the workers before it propagates.
"""

from __future__ import annotations

import contextlib
import copyreg
import gc
import io
import multiprocessing
import os
import pickle
import selectors
import signal
import struct
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn, TypeVar

from scriptkit.config import LintConfig
from scriptkit.diagnostics import Diagnostic, Edit, Fix, Location
from scriptkit.errors import ConfigError, ErrorCollector, ScriptkitError, each_error
from scriptkit.message import Message, Text
from scriptkit.models import Origin, Pack, Script
from scriptkit.sourcetext import SourceText

if TYPE_CHECKING:
    from scriptkit.rules.template import Ahead


MIN_SCRIPTS = 400  # below this, starting workers and pickling results costs more than it saves
MAX_JOBS = 256  # more workers than CPUs buys nothing; and map_in_workers's queue of item indexes (9 a worker,
# 4 bytes each) is written before any worker reads it, so it must fit in a pipe's buffer (64 KiB on Linux)
SHARDS_PER_JOB = 8  # several shards a worker: the parent unpickles early ones while later ones run, and a
# worker holds one small shard's results at a time (8 rather than 4: 20 MB less at the peak, same CPU)

_Error = tuple[type[ScriptkitError], str, Location | None, str | None]


@dataclass
class Shard:
    """What one worker sends back: its messages and, per per-message rule, its diagnostics."""

    messages: list[Message] = field(default_factory=list)
    found: list[list[Diagnostic]] = field(default_factory=list)
    render_errors: list[_Error] = field(default_factory=list)
    rule_error: _Error | None = None


def jobs_for(pack: Pack, jobs: int | None) -> int:
    """How many worker processes to lint ``pack`` on: ``jobs`` (None = one per CPU), 1 = serial."""
    return workers_for(len(pack.scripts), jobs)


def workers_for(count: int, jobs: int | None) -> int:
    """How many worker processes to run ``count`` items on: ``jobs`` (None = one per CPU), at most ``MAX_JOBS``;
    1 where workers cost more than they save (few items) or cannot be forked safely."""
    # (a setting: exit 2, as the CLI's own; '2' or 1.5 from a Python caller is one too, not a TypeError)
    if jobs is not None and (not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1):
        raise ConfigError(f"jobs (--jobs) must be a whole number, 1 or more, not {jobs!r}",
                          hint="Pass None for one worker per CPU, or 1 for this process only.")
    wanted = _cpus() if jobs is None else jobs
    if wanted <= 1 or count <= MIN_SCRIPTS or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    if any(not t.daemon for t in threading.enumerate() if t is not threading.current_thread()):
        # fork copies only this thread: a lock another thread of the application holds would stay
        # locked in a worker (daemon helpers, such as a memory sampler, are taken as harmless)
        return 1
    return min(wanted, count // (MIN_SCRIPTS // 2), MAX_JOBS)


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))  # what this process may run on (containers, taskset)
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class Found(NamedTuple):
    """What the workers found, joined in script order."""

    messages: list[Message]  # in ``render_pack`` order
    # for each per-message rule in the order ``lint_messages`` runs them, its diagnostics in message order
    diagnostics: list[list[Diagnostic]]
    duplicates: Ahead | None  # duplicate-script's matches, for rules.template.matches_ahead


def per_message_diagnostics(pack: Pack, config: LintConfig, channels: list[str] | None, jobs: int,
                            progress: Callable[[int], None] | None = None) -> Found:
    """Render ``pack`` and run its per-message rules on ``jobs`` worker processes. ``progress``: called with how
    many scripts are done so far each time a shard's results come back (a shard, not a script: it costs nothing)."""
    with _ONE_JOB:  # (two threads' runs at once would share _JOB and _SOURCES: one after the other)
        return _per_message_diagnostics(pack, config, channels, jobs, progress)


def _per_message_diagnostics(pack: Pack, config: LintConfig, channels: list[str] | None, jobs: int,
                             progress: Callable[[int], None] | None) -> Found:
    global _JOB
    _JOB = (pack, config, channels)
    _SOURCES.update((o.source.path, o.source) for o in [pack.origin, *(s.origin for s in pack.scripts)]
                    if o is not None)
    # item None: duplicate-script's work, in a worker of its own, started first: it needs none of the
    # rules' data, so it runs while this process warms them up for the others
    items: list[tuple[int, int] | None] = [None, *_shards(len(pack.scripts), jobs)]
    scripts_done = 0

    def shard_done(index: int) -> None:
        nonlocal scripts_done
        bounds = items[index]
        if bounds is not None and progress is not None:
            scripts_done += bounds[1] - bounds[0]
            progress(scripts_done)
    from scriptkit.rules import all_rules

    # the rule modules, imported here before the first fork, not in that worker and then here again
    # (it asks which rules run): 0.1-0.2 CPU s. (A plug-in that fails to load fails in the worker, as before)
    with contextlib.suppress(ScriptkitError):
        all_rules()
    try:
        results = map_in_workers(_run_item, items, jobs, started=_forget_job, alone=0,
                                 before_shared=lambda: _warm(pack, config, channels), done=shard_done)
    finally:
        _JOB = None
        _SOURCES.clear()
    from scriptkit.rules.template import Ahead  # (the rules are not imported to load a pack)

    ahead = results[0]  # (threshold, matches): the parent's own list of scripts is what they are of
    return _merge(results[1:], Ahead(ahead[0], pack.scripts, ahead[1], ahead[2]) if ahead is not None else None)


def _warm(pack: Pack, config: LintConfig, channels: list[str] | None) -> None:
    """Lint the first script here, before forking: the rules' lazily loaded data (lexicons, models)
    is then loaded once and shared by the workers, instead of once in each of them."""
    from scriptkit.rendering import render_pack

    first = pack.model_copy(update={"scripts": pack.scripts[:1]})
    with contextlib.suppress(ScriptkitError):  # the worker that renders this script reports it
        _per_message(render_pack(first, channels, all_variants=True), pack, config)


def load_scripts(files: list[str], errors: ErrorCollector, jobs: int | None = None,
                 check: Callable[[Script], list[ScriptkitError]] | None = None) -> list[Loaded]:
    """``load_pack``'s parse of each script file, in file order; on worker processes for many files.

    Each file's problems go to ``errors`` as the serial parse reports them; ``check``'s problems
    with each script that was built (its templates) come with it.
    """
    workers = workers_for(len(files), jobs)
    if workers <= 1:
        return [_load_file(file, errors, check) for file in files]
    # the first file read here first, its result dropped (a worker reads it again): what reading and checking
    # a script loads lazily (the helpdesks' placeholder spellings, the scalar reader, regexes) is then loaded
    # once and shared by the workers, instead of once in each of them. (A failure is the worker's to report)
    with contextlib.suppress(Exception):
        _load_file(files[0], ErrorCollector(), check)
    shards = map_in_workers(lambda shard: _load_shard(shard, check),
                            [files[a:b] for a, b in _shards(len(files), workers)], workers)
    out: list[Loaded] = []
    for shard in shards:
        for script, raw, problems, checked in shard:
            errors.errors.extend(map(_rebuilt, problems))
            out.append((script, raw, list(map(_rebuilt, checked))))
    return out


# a script file's script (None: it failed), its raw mapping when it failed validation, and check's problems
Loaded = tuple[Script | None, tuple[dict[str, Any], Origin] | None, list[ScriptkitError]]


def _load_file(file: str, errors: ErrorCollector,
               check: Callable[[Script], list[ScriptkitError]] | None) -> Loaded:
    from scriptkit.loading import _load_script

    script, raw = _load_script(Path(file), errors)
    return script, raw, check(script) if check is not None and script is not None else []


_T = TypeVar("_T")
_R = TypeVar("_R")


def map_in_workers(fn: Callable[[_T], _R], items: list[_T], jobs: int, started: Callable[[], None] | None = None,
                   alone: int | None = None, before_shared: Callable[[], None] | None = None,
                   done: Callable[[int], None] | None = None) -> list[_R]:
    """``fn`` on each item in forked workers, results in order; no worker outlives the call.

    Plain ``fork`` and one pipe per worker rather than ``multiprocessing.Pool``: the pool's
    ``terminate`` can deadlock on a lock an idle worker holds (a race seen under load), and a
    pool whose worker dies waits forever for the lost result. Here a worker that dies is
    noticed when its pipe closes early, and every worker is killed and reaped on the way out.
    The ``jobs`` workers take the items from a queue, each the next one when it is free (so none
    idles while another still has several to do): a pipe holding the items' indexes, written
    before they start (a few bytes an item: it holds thousands).
    ``alone``: an item run by a worker of its own, besides the ``jobs`` that share the others; that
    worker is started first, and ``before_shared`` is called in this process before the others are.
    ``done``: called here with an item's index as its result comes in.
    """
    shared = [i for i in range(len(items)) if i != alone]
    workers: dict[int, tuple[int, list[int]]] = {}  # read end -> (pid, the items it runs alone)
    queue, queue_write = os.pipe()
    try:
        os.write(queue_write, b"".join(map(_INDEX.pack, shared)))
    finally:
        os.close(queue_write)  # the workers read to its end
    gc.freeze()  # the collector must not touch (and so copy) every inherited object in each worker
    try:
        for own in ([[alone]] if alone is not None else []) + [[] for _ in range(min(jobs, len(shared)))]:
            if before_shared is not None and not own:
                before_shared()
                before_shared = None
                gc.freeze()  # what it made too (freeze is cumulative; the one unfreeze below undoes all)
            read, write = os.pipe()
            pid = os.fork()
            if pid == 0:  # pragma: no cover - the worker; its work is checked through the parent
                os.close(read)
                _worker(fn, items, own if own else _queued(queue), write)
            os.close(write)
            workers[read] = (pid, own)
    except BaseException:
        _reap(workers)
        raise
    finally:
        gc.unfreeze()
        os.close(queue)
    try:
        if started is not None:
            started()
        return _collect(workers, len(items), done)
    finally:
        _reap(workers)


_FRAME = struct.Struct("<Q")
_INDEX = struct.Struct("<I")


def _queued(queue: int) -> Iterator[int]:
    """In a worker: the next item's index from the queue, while there is one (a pipe's reads of a
    few bytes are whole: no two workers get parts of one index)."""
    while data := os.read(queue, _INDEX.size):
        yield _INDEX.unpack(data)[0]


def _worker(fn: Callable[[_T], _R], items: list[_T], indexes: Iterable[int], fd: int) -> NoReturn:
    """In a forked worker: ``fn`` on its items, each result framed on ``fd``; never returns.

    It says which item it takes before it runs it (a frame with no result), so that if it dies
    the parent can say which worker it was."""
    status = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and kills us
        with os.fdopen(fd, "wb") as out:
            for index in indexes:
                _send(out, (index, None, None))
                # no collections while an item runs: what it makes lives until it is sent, so passes
                # over it found nothing (a few % of a shard's CPU); its garbage cycles, if any, are in
                # the youngest generation, which the first allocation after this collects
                gc.disable()
                try:
                    payload: tuple[int, bool | None, Any] = (index, True, fn(items[index]))
                except Exception as exc:  # a bug in a rule or engine: raised again in the parent
                    payload = (index, False, exc if _picklable(exc) else RuntimeError(repr(exc)))
                _send(out, payload)
                # sent: without this the result would stay alive while the next item runs
                del payload
                gc.enable()
        status = 0
    finally:
        os._exit(status)  # never run the parent's exit handlers or return into its stack


def _send(out: Any, payload: tuple[int, bool | None, Any]) -> None:
    data = _dumps(payload)
    out.write(_FRAME.pack(len(data)))
    out.write(data)
    out.flush()


def _collect(workers: dict[int, tuple[int, list[int]]], count: int,
             done_with: Callable[[int], None] | None = None) -> list[Any]:
    """Read every worker's frames as they come; raise what a worker raised, or that it died."""
    results: list[Any] = [None] * count
    pending = {fd: _Frames() for fd in workers}
    holder = {i: fd for fd, (_, own) in workers.items() for i in own}  # item -> the worker running it
    done = 0
    try:
        with selectors.DefaultSelector() as selector:
            for fd in workers:
                selector.register(fd, selectors.EVENT_READ)
            while pending:
                for key, _ in selector.select():
                    fd = int(key.fd)
                    frames = pending[fd]
                    data = frames.read(fd)
                    if data is None:  # the pipe is closed
                        selector.unregister(fd)
                        del pending[fd]
                        if frames.started:
                            raise ScriptkitError("a worker process sent a truncated result")
                        continue
                    if data:
                        index, ok, value = _loads(data)
                        del data
                        if ok is None:  # the worker says it takes this item
                            holder[index] = fd
                            continue
                        del holder[index]
                        # what came is plain data, with no cycles for the collector to find: out of its
                        # passes (each a pass over the whole pack so far) until every result is in
                        gc.freeze()
                        if not ok:
                            raise value
                        results[index] = value
                        done += 1
                        if done_with is not None:
                            done_with(index)
    finally:
        gc.unfreeze()
    if done != count:
        # the worker holding an item it did not finish (or, if it died before it could say which
        # item it took, the first of those that shared them)
        fd = next(iter(holder.values())) if holder else next(fd for fd, (_, own) in workers.items() if not own)
        pid = workers[fd][0]
        raise ScriptkitError(f"a worker process (pid {pid}) ended before sending its results",
                             hint="It may have run out of memory; run again with --jobs 1 to lint in one process.")
    return results


class _Frames:
    """One worker's frames, read from its pipe straight into a buffer of the frame's size (no
    buffer of a megabyte allocated per read, nor copies of a growing buffer and of each frame)."""

    def __init__(self) -> None:
        self.header = bytearray(_FRAME.size)
        self.frame: bytearray | None = None  # the frame being read, once its header is in
        self.filled = 0

    @property
    def started(self) -> bool:
        return self.filled > 0 or self.frame is not None

    def read(self, fd: int) -> bytearray | None:
        """Read what is there: a whole frame (an empty one if none is complete yet), or None when
        the pipe is closed."""
        target = self.header if self.frame is None else self.frame
        got = os.readv(fd, [memoryview(target)[self.filled:]])
        if not got:
            return None
        self.filled += got
        if self.filled < len(target):
            return bytearray()
        self.filled = 0
        if self.frame is None:
            self.frame = bytearray(_FRAME.unpack(self.header)[0])
            return bytearray() if self.frame else self._done()  # (the frame: at the pipe's next turn)
        return self._done()

    def _done(self) -> bytearray:
        frame, self.frame = self.frame, None
        assert frame is not None
        return frame


def _loads(data: bytes | bytearray) -> Any:
    """``pickle.loads`` with the cyclic garbage collector paused.

    A shard's results are tens of thousands of new objects, and the collections their creation
    triggers (some of them full ones, over the whole pack) took longer than the unpickling
    itself; what is unpickled is plain data, with no cycles for the collector to find.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(data)
    finally:
        if enabled:
            gc.enable()


@contextlib.contextmanager
def frozen_heap() -> Iterator[None]:
    """Within the block, the objects that exist at its start (the pack, the messages and
    diagnostics the workers sent) are left out of the cyclic collector's passes.

    The parent's share of a parallel lint allocates enough to set off full collections, each of
    which would walk every message again: about a fifth of that share. They are not garbage until the
    result is dropped, and reference counting frees them then all the same.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _reap(workers: dict[int, tuple[int, list[int]]]) -> None:
    """Kill (if still running) and wait for every worker, and close the pipes."""
    for fd, (pid, _) in workers.items():
        with contextlib.suppress(OSError):
            os.close(fd)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)  # a no-op for a worker that has already exited
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)
    workers.clear()


def _picklable(value: object) -> bool:
    try:
        pickle.dumps(value)
    except Exception:
        return False
    return True


def _forget_job() -> None:
    global _JOB
    _JOB = None  # the workers have their copy; the parent must not keep the pack alive through it


def _shards(count: int, jobs: int) -> list[tuple[int, int]]:
    """Bounds of the shards ``count`` items are cut into for ``jobs`` workers, in order:
    ``SHARDS_PER_JOB`` equal ones a worker, the last ``jobs`` of them cut in two (the workers
    take them in order, so the one that finishes first then waits for half a shard, not a whole one)."""
    bounds = _bounds(count, jobs * SHARDS_PER_JOB)
    last = bounds[-jobs:] if len(bounds) > jobs else []
    halves = [half for a, b in last for half in ((a, (a + b) // 2), ((a + b) // 2, b)) if half[0] < half[1]]
    return bounds[:len(bounds) - len(last)] + halves


def _bounds(count: int, shards: int) -> list[tuple[int, int]]:
    size, extra = divmod(count, shards)
    out, start = [], 0
    for i in range(shards):
        end = start + size + (1 if i < extra else 0)
        out.append((start, end))
        start = end
    return [b for b in out if b[0] < b[1]]


def _merge(shards: list[Any], duplicates: Ahead | None) -> Found:
    errors = ErrorCollector()
    for shard in shards:  # every template error of the pack, as render_pack reports them
        errors.errors.extend(map(_rebuilt, shard.render_errors))
    errors.raise_if_any()
    for shard in shards:  # the first rule failure in message order, as the serial run meets it
        if shard.rule_error is not None:
            raise _rebuilt(shard.rule_error)
    messages = [m for shard in shards for m in shard.messages]
    found = [[d for shard in shards for d in shard.found[i]] for i in range(len(shards[0].found))] if shards else []
    return Found(messages, found, duplicates)


# ---------------------------------------------------------------- in the workers

_JOB: tuple[Pack, LintConfig, list[str] | None] | None = None
_ONE_JOB = threading.Lock()  # held while _JOB is this process's one parallel run


# What goes back to the parent is most of the cost of a worker's results: send messages without
# their caches (text, spans: recomputed if read), and a file's text as its path when the parent's
# pack holds that very SourceText (the parent's messages then share it, as in a serial run).
_SOURCES: dict[str, SourceText] = {}


_MESSAGE_FIELDS = tuple(f.name for f in fields(Message) if f.init)


def _reduce_message(message: Message) -> tuple[Any, ...]:
    # rebuilt from its fields' state (pickle sets them in the new instance's __dict__, as a
    # frozen dataclass's __init__ would, without calling it: a fifth of loading a message)
    state = message.__dict__
    return copyreg.__newobj__, (Message,), {name: state[name] for name in _MESSAGE_FIELDS}  # type: ignore[attr-defined]


def _reduce_source(source: SourceText) -> Any:
    if _SOURCES.get(source.path) is source:
        return _source, (source.path,)
    return object.__reduce_ex__(source, pickle.HIGHEST_PROTOCOL)


def _source(path: str) -> SourceText:
    return _SOURCES[path]


def _by_fields(cls: type[Any]) -> Callable[[Any], tuple[Any, ...]]:
    """A slotted dataclass sent as a call of its class with its fields' values: its default pickling reads
    and sets each field through ``dataclasses.fields`` (called for every one of the tens of thousands of
    findings and text segments a shard sends, and again for each as the parent unpickles it)."""
    values = attrgetter(*(f.name for f in fields(cls) if f.init))
    return lambda obj: (cls, values(obj))


_REDUCERS: dict[type[Any], Callable[[Any], Any]] = {
    Message: _reduce_message, SourceText: _reduce_source,
    # (classes whose __init__ sets each field as given: no __post_init__, no field left out of it)
    **{cls: _by_fields(cls) for cls in (Diagnostic, Fix, Edit, Text)},
}


def _dumps(value: object) -> bytes:
    out = io.BytesIO()
    pickler = pickle.Pickler(out, pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = {**copyreg.dispatch_table, **_REDUCERS}
    pickler.dump(value)
    return out.getvalue()


def _run_shard(bounds: tuple[int, int]) -> Shard:
    from scriptkit.rendering import render_pack

    assert _JOB is not None, "a worker runs only inside per_message_diagnostics"
    pack, config, channels = _JOB
    part = pack.model_copy(update={"scripts": pack.scripts[bounds[0]:bounds[1]]})
    try:
        messages = render_pack(part, channels, all_variants=True, every_branch=True)
    except ScriptkitError as exc:
        return Shard(render_errors=[_error(e) for e in _flat([exc])])
    try:
        return Shard(messages, _per_message(messages, pack, config))
    except ScriptkitError as exc:
        return Shard(rule_error=_error(exc))


def _run_item(item: tuple[int, int] | None) -> Any:
    """A shard's results, or (item None) duplicate-script's work on the whole pack."""
    if item is not None:
        return _run_shard(item)
    assert _JOB is not None, "a worker runs only inside per_message_diagnostics"
    return _duplicates_ahead(_JOB[0], _JOB[1])


def _duplicates_ahead(pack: Pack, config: LintConfig
                      ) -> tuple[float, dict[int, tuple[int, float]], Mapping[str, object] | None] | None:
    """duplicate-script's threshold and matches on the whole pack (not its list of scripts: the
    parent has its own)."""
    from scriptkit.rules import all_rules
    from scriptkit.rules.base import RuleContext
    from scriptkit.rules.template import DuplicateScript, work_ahead

    if DuplicateScript not in config.rules(all_rules()):
        return None
    try:
        threshold = DuplicateScript.threshold(RuleContext(pack, config.options_for(DuplicateScript)))
        ahead = work_ahead(pack.scripts, threshold, pack.constants)  # (the constants read as their values)
    except Exception:  # a bad threshold option: check_pack fails on it, as the serial run does
        return None
    return ahead.threshold, ahead.matches, ahead.constants


def _per_message(messages: list[Message], pack: Pack, config: LintConfig) -> list[list[Diagnostic]]:
    """The per-message half of ``lint_messages`` on one shard (tests/test_parallel.py holds them equal)."""
    from scriptkit.linting import per_message_rules

    return per_message_rules(messages, pack, config)


def _load_shard(files: list[str], check: Callable[[Script], list[ScriptkitError]] | None
                ) -> list[tuple[Script | None, tuple[dict[str, Any], Origin] | None, list[_Error], list[_Error]]]:
    out = []
    for file in files:
        errors = ErrorCollector()
        script, raw, checked = _load_file(file, errors, check)
        out.append((script, raw, [_error(e) for e in _flat(errors.errors)], [_error(e) for e in _flat(checked)]))
    return out


def _flat(errors: Iterable[ScriptkitError]) -> list[ScriptkitError]:
    return [e for error in errors for e in each_error(error)]


def _error(exc: ScriptkitError) -> _Error:
    return type(exc), exc.message, exc.location, exc.hint


def _rebuilt(error: _Error) -> ScriptkitError:
    """The error ``_error`` took apart, made again in the parent."""
    kind, message, location, hint = error
    return kind(message, location, hint)
