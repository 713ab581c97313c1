"""Export throughput: a generated pack to every built-in target, and the cost of each target.

Run: ``python -m benchmarks.export [--scripts 2000]``. Prints figures; asserts nothing.

- per target: render + checks + file layout of every message (``exporting.build`` and
  ``target.files``), on messages rendered once beforehand;
- end to end: ``scriptkit.export(pack, ["all"], out, lint=False)`` including the atomic
  write, then a second run over the first to time the replacement and confirm the bytes match;
- memory: the peak resident size of ``export(pack, ["all"], out, lint=False, force=True)`` in a process of its own
  (this one holds every target's files for the table above).
"""

from __future__ import annotations

import argparse
import hashlib
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.packgen import generate


def _digest(root: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.is_file():
            h.update(p.relative_to(root).as_posix().encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scripts", type=int, default=2000)
    args = parser.parse_args()

    from scriptkit import export, load_pack
    from scriptkit.exporting import build
    from scriptkit.rendering import render_pack
    from scriptkit.targets import available, get

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        root = generate(work / "pack", args.scripts)
        pack = load_pack(root)
        start = time.perf_counter()
        messages = render_pack(pack, all_variants=True)
        render_s = time.perf_counter() - start
        print(f"{args.scripts:,} scripts -> {len(messages):,} messages rendered in {render_s:.2f}s")
        print(f"{'target':12} {'records':>8} {'seconds':>8} {'records/s':>10} {'files':>6} {'MB':>7}")
        for name in available():
            target = get(name)
            start = time.perf_counter()
            rendered, _ = build(pack, target, messages)
            files = target.files(rendered)
            took = time.perf_counter() - start
            size = sum(len(b) for b in files.values()) / 1e6
            rate = len(rendered) / took if took else float("inf")
            print(f"{name:12} {len(rendered):8,} {took:8.2f} {rate:10,.0f} {len(files):6,} {size:7.2f}")
        out = work / "out"
        start = time.perf_counter()
        result = export(pack, ["all"], out, lint=False, force=True)
        first_s = time.perf_counter() - start
        first = _digest(out)
        start = time.perf_counter()
        export(pack, ["all"], out, lint=False, force=True)
        second_s = time.perf_counter() - start
        same = _digest(out) == first
        print(f"end to end, all targets: {len(result.files):,} files in {first_s:.2f}s; "
              f"rerun over it {second_s:.2f}s; byte-identical: {same}")
        code = ("import sys; from scriptkit import export; "
                "export(sys.argv[1], ['all'], sys.argv[2], lint=False, force=True)")
        subprocess.run([sys.executable, "-c", code, str(root), str(work / "alone")], check=True)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # (KB on Linux)
        print(f"memory: an export to all targets alone peaks at {peak:.0f} MB resident "
              f"({peak * 1024 / args.scripts:.0f} KB a script)")


if __name__ == "__main__":
    main()
