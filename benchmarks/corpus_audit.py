"""Import and audit every real template of ``../shared/corpus`` (see its README).

    python -m benchmarks.corpus_audit

For each native file under ``raw/`` and for ``real_macros.jsonl``: import it (time, macros,
unreadable items by name, blanks kept), check that the written pack renders back to the
imported text, and audit it (time, problems, duplicates, contradictions). Then a sanity check
that the scores match what a reader would say: the library's own author labels some replies
"Formal"/"Corporate"/"Assertive" and others "Warm"/"Empathetic"/"Friendly"; the cold ones
should score lower on warmth and acknowledgment. Last, near-duplicate search on the corpus
repeated ten times (about 4,900 replies), to show how it scales.

The corpus is ``$SCRIPTKIT_SHARED/corpus`` or ``../shared/corpus`` next to the repository;
when it is absent the harness says so and exits 0. Nothing from it is copied anywhere.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from scriptkit.audit import PRACTICES, AuditReport, audit
from scriptkit.errors import ScriptkitError
from scriptkit.importers import import_library
from scriptkit.loading import load_pack
from scriptkit.rendering import render_pack
from scriptkit.sprawl import find_duplicates

REPO = Path(__file__).resolve().parent.parent
COLD_WORDS = ("formal", "corporate", "professional neutral", "assertive")
WARM_WORDS = ("warm", "empathetic", "friendly")


def corpus_dir() -> Path | None:
    env = os.environ.get("SCRIPTKIT_SHARED")
    for candidate in ([Path(env) / "corpus"] if env else []) + [REPO.parent / "shared" / "corpus"]:
        if (candidate / "real_macros.jsonl").is_file():
            return candidate
    return None


def jobs(root: Path) -> list[tuple[Path, str, dict[str, Any]]]:
    """Every native file with the format (and options) that reads it; READMEs are not libraries."""
    raw = root / "raw"
    out: list[tuple[Path, str, dict[str, Any]]] = []
    for path in sorted(raw.rglob("*")):
        if not path.is_file() or path.name.lower() in ("readme.md", "style-guide.md"):
            continue
        suffix = path.suffix.lower()
        if suffix == ".csv":  # a tweet dump: keep the brands' own (outbound) replies
            out.append((path, "csv", {"mapping": {"id": "tweet_id", "body": "text"}, "where": {"inbound": "False"}}))
        elif suffix in (".json", ".js", ".md", ".yml", ".yaml"):
            fmt = {".json": "json", ".js": "js", ".md": "markdown", ".yml": "yaml", ".yaml": "yaml"}[suffix]
            out.append((path, fmt, {}))
    out.append((root / "real_macros.jsonl", "jsonl", {"mapping": {"id": "id", "title": "title", "body": "body"}}))
    return out


def run_one(path: Path, fmt: str, options: dict[str, Any], root: Path) -> tuple[dict[str, Any], AuditReport | None]:
    name = str(path.relative_to(root))
    row: dict[str, Any] = {"file": name, "format": fmt}
    started = time.perf_counter()
    try:
        library = import_library(path, fmt, **options)
        row["import_s"] = time.perf_counter() - started
        row.update(macros=len(library.macros), unreadable=len(library.problems), skipped=len(library.skipped),
                   blanks=library.blank_count)
        for problem in library.problems:
            print(f"  unreadable: {problem}")
        with tempfile.TemporaryDirectory() as tmp:
            pack = load_pack(library.write(Path(tmp) / "pack"))
            rendered = {m.script_id: m.text for m in render_pack(pack)}
            row["round_trip_ok"] = sum(rendered.get(m.id) == m.text for m in library.macros)
        started = time.perf_counter()
        report = audit(path, fmt, skip_bad=True, **options)
        row["audit_s"] = time.perf_counter() - started
        row.update(problems=sum(len(m.diagnostics) for m in report.macros), overall=report.overall,
                   duplicate_groups=len(report.duplicates), contradictions=len(report.contradictions),
                   blank_risks=len(report.blank_risks))
        return row, report
    except ScriptkitError as exc:  # a whole file that cannot be read is reported, never a crash
        row["error"] = str(exc).splitlines()[0]
        print(f"  unreadable file: {exc}")
        return row, None


def _mean(values: list[float | None]) -> str:
    """The mean of the scores given: a macro not judged (another language, judged only in part) has none."""
    given = [v for v in values if v is not None]
    return f"{statistics.mean(given):5.1f}" if given else "  -  "


def sanity(report: AuditReport, root: Path) -> None:
    """Cold vs warm, by the labels the library's author gave (titles), and by source."""
    lines = (root / "real_macros.jsonl").read_text(encoding="utf-8").split("\n")
    by_line = {m.location.line: m for m in report.macros}  # an imported macro points at its JSONL line
    groups: dict[str, list[Any]] = {"cold (author: formal/corporate/assertive)": [],
                                    "warm (author: warm/empathetic/friendly)": []}
    sources: dict[str, list[Any]] = {}
    for number, line in enumerate(lines, start=1):
        macro = by_line.get(number)
        if macro is None or not line.strip():
            continue
        row = json.loads(line)
        platform = row["platform"].split(" (")[0].split(";")[0]
        sources.setdefault("Twitter brand replies" if platform.startswith("Twitter") else platform, []).append(macro)
        title = (row.get("title") or "").lower()
        if "cxlib-tone" not in row["id"]:
            continue
        if any(w in title for w in COLD_WORDS):
            groups["cold (author: formal/corporate/assertive)"].append(macro)
        elif any(w in title for w in WARM_WORDS):
            groups["warm (author: warm/empathetic/friendly)"].append(macro)
    head = "group".ljust(52) + " n  overall " + " ".join(p[:6].rjust(6) for p in PRACTICES)
    print("\nDo the scores match what a reader would say? (mean scores, 0-100)")
    print(head)
    for label, macros in [*groups.items(), *sorted(sources.items(), key=lambda kv: -len(kv[1]))]:
        per = " ".join(_mean([m.scores[p] for m in macros if m.scores[p] is not None]).rjust(6) for p in PRACTICES)
        print(f"{label[:52].ljust(52)}{len(macros):3d}  {_mean([m.overall for m in macros])}  {per}")


def main() -> int:
    root = corpus_dir()
    if root is None:
        print("corpus_audit: skipped, no ../shared/corpus (or $SCRIPTKIT_SHARED/corpus) next to the repository.")
        return 0
    print(f"Corpus: {root}")
    started = time.perf_counter()
    rows: list[dict[str, Any]] = []
    reports: dict[str, AuditReport] = {}
    for path, fmt, options in jobs(root):
        row, report = run_one(path, fmt, options, root)
        rows.append(row)
        if report is not None:
            reports[row["file"]] = report
    total = time.perf_counter() - started
    print(f"\n{'file':58} {'fmt':8} {'macros':>6} {'bad':>4} {'skip':>4} {'blanks':>6} {'rt ok':>5} "
          f"{'import':>7} {'audit':>7} {'probs':>6} {'score':>5} {'dups':>4} {'contra':>6}")
    for r in rows:
        if "error" in r:
            print(f"{r['file'][:58]:58} {r['format']:8} ERROR {r['error']}")
            continue
        print(f"{r['file'][:58]:58} {r['format']:8} {r['macros']:6d} {r['unreadable']:4d} {r['skipped']:4d} "
              f"{r['blanks']:6d} {r['round_trip_ok']:5d} {r['import_s']:6.2f}s {r['audit_s']:6.2f}s "
              f"{r['problems']:6d} {r['overall'] or 0:5.1f} {r['duplicate_groups']:4d} {r['contradictions']:6d}")
    ok = [r for r in rows if "error" not in r]
    print(f"\nfiles: {len(rows)} ({len(rows) - len(ok)} unreadable), macros imported: {sum(r['macros'] for r in ok)}, "
          f"unreadable items: {sum(r['unreadable'] for r in ok)}, round trip pack->render equal: "
          f"{sum(r['round_trip_ok'] for r in ok)}/{sum(r['macros'] for r in ok)}, total time {total:.1f}s")
    jsonl = reports.get("real_macros.jsonl")
    if jsonl is not None:
        print(f"real_macros.jsonl: {len(jsonl.macros)} macros audited; "
              f"{sum(len(m.diagnostics) for m in jsonl.macros)} problems; "
              f"{sum(1 for g in jsonl.duplicates if g.kind == 'exact')} exact and "
              f"{sum(1 for g in jsonl.duplicates if g.kind == 'near')} near duplicate groups "
              f"({sum(len(g.members) for g in jsonl.duplicates)} macros); "
              f"{len(jsonl.contradictions)} contradiction(s); {len(jsonl.blank_risks)} blank-risk placeholders")
        top = ", ".join(f"{c.name} ({c.macros})" for c in jsonl.common[:6])
        print(f"most common problems (macros): {top}")
        sanity(jsonl, root)
        texts = [(m.id, m.text) for m in jsonl.macros]
        scaled = [(f"{i}-{ident}", f"{text} {i}") for i in range(10) for ident, text in texts]
        started = time.perf_counter()
        groups = find_duplicates(scaled)
        print(f"\nnear-duplicate search on {len(scaled)} replies: {time.perf_counter() - started:.2f}s, "
              f"{len(groups)} groups")
    return 0


if __name__ == "__main__":
    sys.exit(main())
