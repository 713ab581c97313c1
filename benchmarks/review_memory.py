"""Peak memory of ``scriptkit review`` on long replies (``python -m benchmarks.review_memory``).

Each case writes a reply of one shape and size to a temporary file, runs ``scriptkit review`` on it in
a process of its own (text and JSON reports, to /dev/null) and prints that process's peak resident set
size (``/usr/bin/time -v``'s "Maximum resident set size"), its time and its findings' count.
Shapes: one sentence said again ("I am so sorry. "), a mix of three sentences, a line said again.
Sizes: 0.5 MB and 1.99 MB (review refuses over 2,000,000 bytes). Needs GNU time (``/usr/bin/time -v``).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHAPES = {
    "one sentence": "I am so sorry. ",
    "three sentences": "I'm sorry your parcel is late. Per our policy we cannot refund. I will send a new one today. ",
    "one line": "Unfortunately there is nothing we can do.\n",
}
SIZES = {"0.5 MB": 512 * 1024, "1.99 MB": 1_990_000}


def _scriptkit() -> list[str]:
    here = Path(sys.executable).with_name("scriptkit")
    return [str(here)] if here.exists() else [sys.executable, "-m", "scriptkit"]


def peak(args: list[str]) -> tuple[float, float, str]:
    """The peak RSS in MB, the seconds taken and the report's last line of running ``args``, measured by
    ``/usr/bin/time -v`` (a figure per process; ``wait4``'s ``ru_maxrss`` here gave the highest one so far)."""
    timer = shutil.which("time") or "/usr/bin/time"
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        subprocess.run([timer, "-v", *args], stdout=out, stderr=err, check=False)
        took = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        lines = out.read().rstrip().splitlines()
        found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", err.read())
    return (int(found[1]) / 1024 if found else float("nan")), took, lines[-1] if lines else ""


def main() -> None:
    sk = _scriptkit()
    print(f"{'shape':16} {'size':8} {'format':6} {'peak RSS':>10} {'time':>7}  report")
    with tempfile.TemporaryDirectory() as folder:
        for shape, unit in SHAPES.items():
            if len(sys.argv) > 1 and shape not in sys.argv[1:]:
                continue  # (python -m benchmarks.review_memory "one line": that shape only)
            for size_name, size in SIZES.items():
                reply = Path(folder) / "reply.txt"
                reply.write_text((unit * (size // len(unit) + 1))[:size], encoding="utf-8")
                for fmt in ("text", "json"):
                    mb, took, last = peak([*sk, "review", str(reply), "--format", fmt])
                    shown = last if fmt == "text" else ""
                    print(f"{shape:16} {size_name:8} {fmt:6} {mb:8.0f} MB {took:6.1f}s  {shown}")


if __name__ == "__main__":
    main()
