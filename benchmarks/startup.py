"""How long a user waits for one command: wall time of fresh ``scriptkit`` processes.

Run: ``python -m benchmarks.startup [--runs 7] [--no-bytecode]``. Prints the median (and min) wall
time and the peak memory of each command, each run a new process, so start-up (imports, compiled
patterns, textstat's dictionaries) counts as a user feels it; it asserts nothing. Beside them,
``proselint check`` on the same reply when proselint is installed (``pip install '.[bench]'``), and
the import time of ``scriptkit.cli`` as ``python -X importtime`` reports it.

Bytecode: an installed package runs from compiled ``.pyc`` files. The processes timed here write
and read theirs in a temporary folder (``PYTHONPYCACHEPREFIX``, after one untimed warm-up run),
whatever ``PYTHONDONTWRITEBYTECODE`` says, so a checkout whose ``__pycache__`` is stale is timed as
an installation runs; ``--no-bytecode`` keeps the environment as it is instead (with
``PYTHONDONTWRITEBYTECODE`` set, every changed module is compiled again on every run).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STARTER = ROOT / "templates" / "starter"

# a reply as an agent writes one (greeting, acknowledgment, a fix with a time frame, sign-off)
SAMPLE_REPLY = """Hi Morgan,

Thanks for letting us know, and I'm sorry the headphones stopped charging after a week.

I have booked a free replacement and it will ship on Monday with a prepaid return label.

Kind regards,
Jamie
"""


def _scriptkit() -> list[str]:
    """The installed ``scriptkit`` command beside this Python (as a user runs it), else the module."""
    script = Path(sys.executable).parent / "scriptkit"
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-c", "from scriptkit.cli import main; main()"]


def _time(argv: list[str], runs: int, env: dict[str, str], cwd: Path) -> tuple[float, float, float, float]:
    """Median and min wall seconds, median CPU seconds (user + system: less swayed by other jobs on the
    machine than wall time) and the peak resident MB of ``runs`` fresh processes (after a warm-up)."""
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd, env=env, check=False)
    walls: list[float] = []
    cpus: list[float] = []
    peak_kb = 0
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd, env=env)
        _, _, usage = os.wait4(proc.pid, 0)  # (this child's own peak, not the largest child's so far)
        walls.append(time.perf_counter() - start)
        proc.returncode = 0  # reaped above: keep Popen from waiting for it again
        cpus.append(usage.ru_utime + usage.ru_stime)
        peak_kb = max(peak_kb, usage.ru_maxrss)
    return statistics.median(walls), min(walls), statistics.median(cpus), peak_kb / 1024


def _import_ms(module: str, runs: int, env: dict[str, str], cwd: Path) -> float:
    """Median cumulative import time of ``module`` in a fresh interpreter, in ms (``-X importtime``)."""
    times: list[float] = []
    pattern = re.compile(rf"import time:\s+\d+ \|\s+(\d+) \|\s*{re.escape(module)}$", re.MULTILINE)
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-X", "importtime", "-c", f"import {module}"],
                              capture_output=True, text=True, cwd=cwd, check=True, env=env)
        found = pattern.search(done.stderr)
        if found:
            times.append(int(found[1]) / 1000)
    return statistics.median(times) if times else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="fresh processes per command (median reported)")
    parser.add_argument("--no-bytecode", action="store_true",
                        help="run with the environment as it is, not with bytecode cached in a temporary folder")
    args = parser.parse_args()
    runs = max(1, args.runs)
    sk = _scriptkit()
    # (run from a temporary folder: `python -c` puts the current folder first on the path, so the
    # scriptkit imported is the installed one, or the one PYTHONPATH names, as for the command)
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ)
        if not args.no_bytecode:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        reply = Path(tmp) / "reply.txt"
        reply.write_text(SAMPLE_REPLY, encoding="utf-8")
        commands: list[tuple[str, list[str]]] = [
            ("scriptkit --help", [*sk, "--help"]),
            ("scriptkit review REPLY", [*sk, "review", str(reply)]),
            ("scriptkit review REPLY --format json", [*sk, "review", str(reply), "--format", "json"]),
            ("scriptkit rules", [*sk, "rules"]),
            ("scriptkit rule SK201", [*sk, "rule", "SK201"]),
            ("scriptkit check templates/starter", [*sk, "check", str(STARTER)]),
        ]
        proselint = Path(sys.executable).parent / "proselint"
        proselint_cmd = str(proselint) if proselint.is_file() else shutil.which("proselint")
        if proselint_cmd:
            commands.append(("proselint check REPLY", [proselint_cmd, "check", str(reply)]))
        print(f"start-up: median of {runs} fresh processes each (python {sys.version.split()[0]}, "
              f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}; bytecode "
              f"{'as the environment says' if args.no_bytecode else 'cached'})")
        print(f"{'command':40} {'median':>8} {'min':>8} {'CPU':>8} {'peak MB':>8}")
        for label, argv in commands:
            median, fastest, cpu, peak = _time(argv, runs, env, Path(tmp))
            print(f"{label:40} {median:7.3f}s {fastest:7.3f}s {cpu:7.3f}s {peak:8.1f}")
        if not proselint_cmd:
            print("proselint check REPLY                    SKIPPED: not installed (pip install '.[bench]' to compare)")
        bare = _time([sys.executable, "-c", "pass"], runs, env, Path(tmp))[0]
        print(f"{'python -c pass (the floor)':40} {bare:7.3f}s")
        print(f"{'import scriptkit.cli':40} {_import_ms('scriptkit.cli', runs, env, Path(tmp)):6.1f}ms "
              "(python -X importtime, cumulative)")


if __name__ == "__main__":
    main()
