"""Lint throughput on a generated pack, per-rule cost, and per-text cost beside proselint.

Run: ``python -m benchmarks.throughput [--scripts 10000] [--texts 300] [--profile]``.
Prints figures against the targets (benchmarks/README.md); it does not assert them.

- throughput: generate a pack (not timed), then time ``load_pack`` and ``lint_pack``
  (render + every rule, grammar off) on it, on every CPU (``scriptkit.parallel``); peak
  memory is the sampled Pss of the process and its workers (max RSS when serial);
- per rule: each rule's own time over the same rendered messages;
- per text: the whole rule set on one reply (``lint_text``, as ``scriptkit review`` runs it)
  beside proselint on the same texts (a bench-only dependency: ``pip install .[bench]``), CPU
  time, text by text taking turns, in fresh interpreters (nothing read before in this process
  counts), without and with ``scriptkit.linting.warm()`` first (what a long-running process pays
  once at its start).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import os
import platform
import pstats
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.packgen import generate

TARGET_SCRIPTS_PER_S = 1_000
TARGET_PEAK_MB = 500
TARGET_SPEEDUP = 10.0


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    peak = resource.getrusage(who).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


class _TreeMemory:
    """Peak memory of this process and its worker processes, sampled every ``interval`` seconds.

    Linux Pss (proportional set size): a page the forked workers still share with the parent
    counts once in the sum, not once per process as RSS would. None where /proc has no Pss.
    """

    def __init__(self, interval: float = 0.1) -> None:
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(interval,), daemon=True)

    def __enter__(self) -> _TreeMemory:
        if Path("/proc/self/smaps_rollup").exists():
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    @property
    def peak_mb(self) -> float | None:
        return self.peak_kb / 1024 if self.peak_kb else None

    def _run(self, interval: float) -> None:
        while True:
            self.peak_kb = max(self.peak_kb, sum(_pss_kb(pid) for pid in [os.getpid(), *_children()]))
            if self._stop.wait(interval):
                return


def _children() -> list[int]:
    pids: list[int] = []
    for task in Path("/proc/self/task").iterdir():
        try:
            pids += [int(p) for p in (task / "children").read_text().split()]
        except OSError:
            continue
    return pids


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass  # a worker that has just exited
    return 0


def _timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def _cpu_s() -> float:
    """CPU seconds used so far by this process and its reaped workers (what contention cannot inflate)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def throughput(count: int, workdir: Path, profile: bool, jobs: int | None = None) -> tuple[Any, Any]:
    from scriptkit.parallel import jobs_for

    root, gen_s = _timed(lambda: generate(workdir / "pack", count))
    print(f"generated {count:,} scripts in {gen_s:.1f}s at {root}")
    # Time and memory come from two runs: reading a process's Pss (/proc/PID/smaps_rollup) walks
    # its page tables, ~5 ms for each of the three processes every 0.1 s, about 7% of a 2-core
    # machine, which would land in the timing. The memory run is a fresh interpreter, as this one is.
    memory = _memory_run(root, jobs)
    gc.collect()
    cpu_start = _cpu_s()
    if profile:
        prof = cProfile.Profile()
        prof.enable()
    pack, result, load_s, lint_s = _load_and_lint(root, jobs)
    if profile:  # the parent only: the workers' share shows as waiting
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(35)
    cpu = _cpu_s() - cpu_start
    total = load_s + lint_s
    rate = count / total
    # worker processes (lint_pack forks them for a large pack): the largest one's peak, counted
    # once per worker on top of the parent's; an upper bound, pages shared with the parent count twice
    jobs = jobs_for(pack, jobs)
    child = _peak_mb(resource.RUSAGE_CHILDREN) if jobs > 1 else 0.0
    bound = _peak_mb() + jobs * child if jobs > 1 else _peak_mb()
    peak = memory if jobs > 1 and memory is not None else bound
    print(f"\n== throughput: {count:,} scripts, {len(result.messages):,} messages "
          f"(script x channel x variant), {len(result.diagnostics):,} diagnostics")
    print(f"load      {load_s:7.2f}s  {load_s / count * 1e3:6.2f} ms/script")
    print(f"lint      {lint_s:7.2f}s  {lint_s / count * 1e3:6.2f} ms/script (render + rules)")
    print(f"total     {total:7.2f}s  {rate:,.0f} scripts/s     target >= {TARGET_SCRIPTS_PER_S:,}  "
          f"{_verdict(rate >= TARGET_SCRIPTS_PER_S)}   ({jobs} process{'es' if jobs > 1 else ''})")
    print(f"CPU       {cpu:7.2f}s  {count / cpu:,.0f} scripts per CPU-second (parent + workers; "
          f"wall on {jobs} idle core(s) >= {cpu / jobs:.1f}s)")
    what = "peak Pss " if peak is not bound else "peak RSS "
    print(f"{what} {peak:7.0f} MB                    target <  {TARGET_PEAK_MB} MB  "
          f"{_verdict(peak < TARGET_PEAK_MB)}")
    if jobs > 1:
        print(f"          ({jobs} workers; parent + workers sampled every 0.1 s in a second, untimed run; "
              f"RSS bound: parent {_peak_mb():.0f} MB + {jobs} x {child:.0f} MB = {bound:.0f} MB, "
              "shared pages counted in each)")
    return pack, result


def _load_and_lint(root: Path, jobs: int | None) -> tuple[Any, Any, float, float]:
    from scriptkit import load_pack
    from scriptkit.config import load_config
    from scriptkit.linting import lint_pack

    pack, load_s = _timed(lambda: load_pack(root, jobs=jobs))
    config = load_config(pack).override(grammar="off")
    result, lint_s = _timed(lambda: lint_pack(pack, config, jobs=jobs))
    return pack, result, load_s, lint_s


def _memory_run(root: Path, jobs: int | None) -> float | None:
    """Peak Pss (MB) of load + lint of the pack at ``root`` in a fresh interpreter and its workers."""
    if not Path("/proc/self/smaps_rollup").exists():
        return None
    command = [sys.executable, "-m", "benchmarks.throughput", "--memory-of", str(root)]
    if jobs is not None:
        command += ["--jobs", str(jobs)]
    done = subprocess.run(command, capture_output=True, text=True, check=True,
                          cwd=Path(__file__).resolve().parent.parent)
    return float(done.stdout.split()[-1]) if done.stdout.strip() else None


def per_rule(pack: Any, messages: list[Any]) -> None:
    from scriptkit.config import load_config
    from scriptkit.rendering import render_pack
    from scriptkit.rules import all_rules
    from scriptkit.rules.base import RuleContext

    config = load_config(pack).override(grammar="off")
    _, render_s = _timed(lambda: render_pack(pack, all_variants=True))
    rows = [("(render)", render_s)]
    for rule_cls in config.rules(all_rules()):
        rule = rule_cls()
        ctx = RuleContext(pack, config.options_for(rule_cls))

        def run(rule: Any = rule, ctx: RuleContext = ctx) -> None:
            for _ in rule.check_batch(messages, ctx):
                pass
            for _ in rule.check_pack(pack, messages, ctx):
                pass

        _, seconds = _timed(run)
        rows.append((f"{rule_cls.code} {rule_cls.name}", seconds))
    rows.sort(key=lambda r: -r[1])
    n = len(messages)
    print(f"\n== per rule over {n:,} messages (slowest first)")
    for name, seconds in rows[:15]:
        print(f"{name:40s} {seconds:7.2f}s  {seconds / n * 1e6:8.1f} us/message")
    rest = sum(s for _, s in rows[15:])
    print(f"{'(the other ' + str(max(0, len(rows) - 15)) + ')':40s} {rest:7.2f}s")


def per_text(messages: list[Any], n: int) -> None:
    """lint_text beside proselint, on the generated pack's replies and on real replies (if present).

    Each text is linted once, in order, after one warm-up text, in a fresh interpreter (``_compare``):
    scriptkit's caches of sentences it has already judged help only where a sentence recurs among
    the texts, as stock sentences do in a pack. The real replies (``../shared/corpus/real_macros.jsonl``,
    written by support teams, not by this project) are the fairer measure: few of their sentences recur.
    """
    from scriptkit.placeholders import DEFAULT_CATALOGUE

    samples = DEFAULT_CATALOGUE.samples()
    picked = messages[:: max(1, len(messages) // n)][:n]
    generated = [(m.preview(samples), m.channel) for m in picked]
    _compare("generated pack replies", generated)
    real = _corpus_texts(n)
    if real is None:
        print("\nreal replies  SKIPPED: ../shared/corpus/real_macros.jsonl not found (set SCRIPTKIT_SHARED)")
    else:
        _compare("real support replies (corpus)", real)


def _corpus_texts(n: int) -> list[tuple[str, str]] | None:
    import json

    shared = os.environ.get("SCRIPTKIT_SHARED") or str(Path(__file__).resolve().parent.parent.parent / "shared")
    path = Path(shared) / "corpus" / "real_macros.jsonl"
    if not path.is_file():
        return None
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = list(dict.fromkeys(str(r.get("body") or "").strip() for r in rows if r.get("lang", "en") == "en"))
    return [(t, "email") for t in texts if t][:n]


def _compare(label: str, texts: list[tuple[str, str]]) -> None:
    """Print scriptkit's and proselint's CPU ms per text on ``texts``, measured in fresh interpreters.

    In this process ``lint_pack`` has already read the pack's sentences (serially, with ``--jobs 1``
    or a small pack), which put ``lint_text`` at 0.95 ms a reply against 2.35-2.47 ms cold: the
    figure would depend on what ran before it. A fresh interpreter starts with every cache empty.
    """
    cold, ready = _fresh_run(texts, False), _fresh_run(texts, True)
    if cold is None:
        return
    ours, theirs = cold["ours"], cold["theirs"]
    print(f"\n== per text, {label}: {len(ours)} replies, mean "
          f"{statistics.mean(len(t) for t, _ in texts[1:]):.0f} characters (CPU time in a fresh interpreter, "
          "the two tools text by text, taking turns to go first)")
    print(f"scriptkit (all rules, lint_text)  {_ms(ours)}")
    if ready is not None:
        # What a long-running process (a review service, an editor plug-in) pays once, at start, by calling
        # scriptkit.linting.warm(): each phrase list's regexes compiled before the first reply reaches them.
        print(f"scriptkit (fresh, after warm())   {_ms(ready['ours'])}; warm() took {ready['warm_ms']:.0f} ms "
              "once, outside the figure")
    # The same replies again in the first run: every sentence is then one lint_text has read, so what is
    # left is the per-reply work (splitting, the Message, locating findings, the rules' cached answers).
    print(f"scriptkit (same replies again)    {cold['again'] * 1e3:8.3f} ms/text  (sentence caches warm)")
    rules: dict[str, float] = cold["rules"]
    parts = ", ".join(f"{f} {v * 1e3:.3f}" for f, v in sorted(rules.items(), key=lambda x: -x[1]))
    print(f"scriptkit (rules only, warm)      {sum(rules.values()) * 1e3:8.3f} ms/text  ({parts})")
    if theirs is None:
        print("proselint  SKIPPED: not installed (pip install '.[bench]' to compare)")
        return
    print(f"proselint (default checks)        {_ms(theirs)}")
    speedup = statistics.mean(theirs) / statistics.mean(ours)
    print(f"speed-up  {speedup:6.1f}x (median {statistics.median(theirs) / statistics.median(ours):.1f}x)"
          f"            target >= {TARGET_SPEEDUP:.0f}x  {_verdict(speedup >= TARGET_SPEEDUP)}")
    if ready is not None and ready["theirs"] is not None:
        print(f"          after warm(): {statistics.mean(ready['theirs']) / statistics.mean(ready['ours']):.1f}x "
              f"(proselint {statistics.mean(ready['theirs']) * 1e3:.3f} ms/text in that run)")


def _ms(seconds: list[float]) -> str:
    return f"{statistics.mean(seconds) * 1e3:8.3f} ms/text  (median {statistics.median(seconds) * 1e3:.3f})"


def _fresh_run(texts: list[tuple[str, str]], prepared: bool) -> dict[str, Any] | None:
    """``_fresh_texts`` on ``texts`` in a fresh interpreter (``prepared``: ``warm()`` called first): "ours" and
    "theirs", CPU seconds per text ("theirs" None without proselint); "warm_ms"; "again", scriptkit's mean
    seconds a text on the same texts a second time; "rules", the rules' seconds a text by family."""
    import json

    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as out:
        json.dump(texts, out)
    command = [sys.executable, "-m", "benchmarks.throughput", "--fresh-of", out.name, *(["--warm"] if prepared else [])]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False,
                              cwd=Path(__file__).resolve().parent.parent)
    finally:
        os.unlink(out.name)
    if done.returncode != 0 or not done.stdout.strip():
        print(f"scriptkit (fresh process)  FAILED: {done.stderr.strip()[-300:]}")
        return None
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


def _fresh_texts(path: Path, prepared: bool) -> None:
    """The ``--fresh-of`` run (see ``_fresh_run``): after one warm-up text each, scriptkit's ``lint_text``
    and proselint on every other text, interleaved (``_interleaved``); then scriptkit on them again and its
    rules alone. Prints the CPU seconds as one JSON line."""
    import json

    from scriptkit.config import LintConfig
    from scriptkit.linting import lint_text, warm

    texts = [(t, c) for t, c in json.loads(path.read_text(encoding="utf-8"))]
    config = LintConfig().override(grammar="off")
    start = time.process_time()
    if prepared:
        warm(config)
    warm_s = time.process_time() - start

    def ours(text: str, channel: str) -> None:
        lint_text(text, channel=channel, config=config)

    theirs = _proselint()
    ours(*texts[0])  # one warm-up text each: the lazy imports
    if theirs is not None:
        theirs(*texts[0])
    mine, other = _interleaved(texts[1:], ours, theirs)
    start = time.process_time()
    for text, channel in texts[1:]:
        ours(text, channel)
    again = (time.process_time() - start) / len(mine)
    print(json.dumps({"ours": mine, "theirs": other, "warm_ms": warm_s * 1e3, "again": again,
                      "rules": _rules_only(texts[1:], config)}))


def _proselint() -> Callable[[str, str], None] | None:
    """proselint's default checks on one text, or None where it is not installed."""
    try:
        from proselint.checks import __register__
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
    except ImportError:
        return None
    registry = CheckRegistry()
    if not registry.checks:
        registry.register_many(__register__)

    def lint(text: str, channel: str) -> None:
        LintFile("<bench>", text).lint()

    return lint


def _interleaved(texts: list[tuple[str, str]], ours: Callable[[str, str], None],
                 theirs: Callable[[str, str], None] | None) -> tuple[list[float], list[float] | None]:
    """CPU seconds (``time.process_time``) of ``ours`` and ``theirs`` on each text, the two run text by text
    and taking turns to go first: a busy spell on the machine, a collection or a cache the other filled
    lands on both alike, which two loops one after the other do not promise."""
    mine: list[float] = []
    other: list[float] = []
    for index, (text, channel) in enumerate(texts):
        turns = [(ours, mine), (theirs, other)] if index % 2 == 0 else [(theirs, other), (ours, mine)]
        for lint, into in turns:
            if lint is None:
                continue
            start = time.process_time()
            lint(text, channel)
            into.append(time.process_time() - start)
    return mine, (other if theirs is not None else None)


def _rules_only(texts: list[tuple[str, str]], config: Any) -> dict[str, float]:
    """CPU seconds per text of the rules alone (slots inferred beforehand, engine bookkeeping left out),
    by family; after lint_text read the same texts, so caches keyed by sentence are warm: a floor."""
    from scriptkit.linting import text_message
    from scriptkit.rules import all_rules
    from scriptkit.rules.base import RuleContext

    messages = [text_message(t, channel=c)[0] for t, c in texts]
    by_family: dict[str, float] = {}
    for rule_cls in config.rules(all_rules()):
        rule = rule_cls()
        ctx = RuleContext(None, config.options_for(rule_cls))
        list(rule.check(messages[0], ctx))  # lazy data loads happen once, outside the timing
        start = time.process_time()
        for m in messages:
            for _ in rule.check(m, ctx):
                pass
        family = rule_cls.family()
        by_family[family] = by_family.get(family, 0.0) + (time.process_time() - start) / len(messages)
    return by_family


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.throughput", description=__doc__.splitlines()[0])
    parser.add_argument("--scripts", type=int, default=10_000)
    parser.add_argument("--texts", type=int, default=300, help="replies for the per-text comparison (0: skip it)")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of lint_pack")
    parser.add_argument("--skip-rules", action="store_true", help="skip the per-rule table")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: one per CPU; 1: none)")
    parser.add_argument("--memory-of", type=Path, help=argparse.SUPPRESS)  # (the memory run, see throughput())
    parser.add_argument("--fresh-of", type=Path, help=argparse.SUPPRESS)  # (see _fresh_run)
    parser.add_argument("--warm", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.fresh_of is not None:
        _fresh_texts(args.fresh_of, args.warm)
        return 0
    if args.memory_of is not None:
        with _TreeMemory() as tree:
            _load_and_lint(args.memory_of, args.jobs)
        print(f"{tree.peak_mb or 0:.1f}")
        return 0
    print(f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs; "
          f"load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "")
    with tempfile.TemporaryDirectory(prefix="scriptkit-bench-") as tmp:
        pack, result = throughput(args.scripts, Path(tmp), args.profile, args.jobs)
        # The pack and its messages stay in memory (about a million objects for 10,000 scripts):
        # a full collection then takes ~0.65 s and lands in whichever loop is timed (one run put
        # readability at 2.26 ms/text instead of 0.09). Frozen, they are never traversed again,
        # as in a ``scriptkit review`` process, which holds no pack.
        gc.collect()
        gc.freeze()
        # Per text is timed in fresh interpreters, so neither lint_pack nor the per-rule table here (after
        # which every stock sentence of the generated replies is a cache hit: it once put lint_text at
        # 0.77 ms/text instead of 1.32 ms, and 5.8x vs 4.0x) can flatter it.
        if args.texts > 1:  # (one warm-up text, then the timed ones)
            per_text(result.messages, args.texts)
            gc.collect()
            gc.freeze()
        if not args.skip_rules:
            per_rule(pack, result.messages)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
