"""How well scriptkit tells the language of a reply (``scriptkit.language``, behind SK006).

    python -m benchmarks.language

- Real support macros with the language their library gives (``../shared/corpus/real_macros.jsonl``,
  field ``lang``): how many of each language are told, left undecided, or told wrong.
- The same macros framed as a pack sends them, between an English greeting and sign-off
  ("Hi {{ customer.first_name }},", "Best,"): how many are told otherwise than alone (the frame
  is no evidence of the reply's language).
- English text written by people (``../shared/eval/``: Reddit peer support, Stack Exchange and
  Wikipedia requests, sentences rated for formality, negotiation offers): how many are wrongly
  told to be another language. This is the error that costs a user most: an English reply the
  English rules would then not judge.
- The time per reply.

Reads ``$SCRIPTKIT_SHARED`` or ``../shared`` at run time only; prints ``SKIPPED`` and exits 0
when it is absent. Nothing from it is copied anywhere.
"""

from __future__ import annotations

import csv
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

from scriptkit.language import language_of

REPO = Path(__file__).resolve().parent.parent
#: the greeting and sign-off a pack puts around each reply
FRAME = ("Hi {{ customer.first_name }},\n\n", "\n\nBest,\n{{ agent.first_name }}")
# (file under eval/, the column holding English text written by people)
ENGLISH_SOURCES = (
    ("epitome/emotional-reactions-reddit.csv", "response_post"),
    ("epitome/emotional-reactions-reddit.csv", "seeker_post"),
    ("stanford_politeness/stack-exchange.annotated.csv", "Request"),
    ("stanford_politeness/wikipedia.annotated.csv", "Request"),
    ("pavlick_formality_subset/test.csv", "text"),
    ("yeomans_politeness_r/bowl_offers.csv", "message"),
)


def shared_dir() -> Path | None:
    env = os.environ.get("SCRIPTKIT_SHARED")
    candidate = Path(env) if env else REPO.parent / "shared"
    return candidate if (candidate / "corpus" / "real_macros.jsonl").is_file() else None


def corpus(shared: Path) -> None:
    rows = [json.loads(line) for line in (shared / "corpus" / "real_macros.jsonl").read_text(encoding="utf-8")
            .splitlines() if line.strip()]
    outcome: Counter[tuple[str, str]] = Counter()
    for row in rows:
        found = language_of(str(row.get("body") or ""))
        label = str(row.get("lang") or "en")
        outcome[label, "told" if found == label else "undecided" if found is None else f"wrong ({found})"] += 1
    print(f"== real macros, language as their library labels it ({len(rows)} macros)")
    for label in sorted({lab for lab, _ in outcome}, key=lambda lab: -sum(n for (x, _), n in outcome.items()
                                                                          if x == lab)):
        parts = {kind: n for (lab, kind), n in outcome.items() if lab == label}
        total = sum(parts.values())
        print(f"  {label}: {total:4d}  " + ", ".join(f"{kind} {n}" for kind, n in sorted(parts.items())))
    foreign = sum(n for (lab, _), n in outcome.items() if lab != "en")
    told = sum(n for (lab, kind), n in outcome.items() if lab != "en" and kind == "told")
    wrong_en = sum(n for (lab, kind), n in outcome.items() if lab == "en" and kind.startswith("wrong"))
    print(f"  other languages told: {told}/{foreign}; English macros told as another language: {wrong_en}")


def framed(shared: Path) -> None:
    rows = [json.loads(line) for line in (shared / "corpus" / "real_macros.jsonl").read_text(encoding="utf-8")
            .splitlines() if line.strip()]
    changed: Counter[tuple[str, str]] = Counter()
    for row in rows:
        body = str(row.get("body") or "")
        alone, told = language_of(body), language_of(f"{FRAME[0]}{body}{FRAME[1]}")
        if told != alone:
            changed[str(row.get("lang") or "en"), f"{alone} -> {told}"] += 1
    print(f"\n== the same macros between an English greeting and sign-off: told otherwise than alone: "
          f"{sum(changed.values())}/{len(rows)} {dict(changed) or ''}")


def english_text(shared: Path) -> None:
    csv.field_size_limit(10**8)
    print("\n== English written by people: told as another language (the costly error)")
    for name, column in ENGLISH_SOURCES:
        path = shared / "eval" / name
        if not path.is_file():
            print(f"  {name}: SKIPPED (not found)")
            continue
        with path.open(encoding="utf-8", errors="replace", newline="") as fh:
            texts = [row[column] for row in csv.DictReader(fh) if row.get(column)]
        found = Counter(language_of(t) for t in texts)
        wrong = {code: n for code, n in found.items() if code not in ("en", None)}
        print(f"  {name} [{column}]: {len(texts)} texts, English {found['en']}, undecided {found[None]}, "
              f"another language {sum(wrong.values())} {wrong or ''}")


def speed(shared: Path) -> None:
    rows = [json.loads(line) for line in (shared / "corpus" / "real_macros.jsonl").read_text(encoding="utf-8")
            .splitlines() if line.strip()]
    texts = [str(r.get("body") or "") for r in rows]
    tell = language_of.__wrapped__  # (the uncached function: every reply is new)
    start = time.perf_counter()
    rounds = 20
    for _ in range(rounds):
        for text in texts:
            tell(text)
    per = (time.perf_counter() - start) / (rounds * len(texts)) * 1e6
    print(f"\n== time: {per:.1f} us per reply (mean over {len(texts)} real macros, {rounds} rounds)")


def main() -> int:
    shared = shared_dir()
    if shared is None:
        print("SKIPPED: no ../shared/corpus/real_macros.jsonl (set SCRIPTKIT_SHARED to the folder holding corpus/)")
        return 0
    corpus(shared)
    framed(shared)
    english_text(shared)
    speed(shared)
    return 0


if __name__ == "__main__":
    sys.exit(main())
