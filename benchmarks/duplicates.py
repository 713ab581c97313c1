"""duplicate-script (SK004) on templated macro libraries: its time and the scripts it flags.

Real helpdesk libraries are templated: many macros are one frame (a reply written once) with small
differing fills (an order number, a product, a number of days), a sentence added or dropped here and
there, and some exact copies. Their pairs sit around SK004's threshold in the thousands, which is
where duplicate search costs most. This writes such libraries (our own sentences, seeded) of 1,000,
4,000 and 20,000 macros as JSONL, imports each into a pack as ``scriptkit audit`` does, and times
SK004's whole work on it (``work_ahead``: shingles, candidates, exact comparisons), best of
``--rounds``. With ``--real``, the same on ../shared/corpus/real_macros.jsonl when it is there.

    python -m benchmarks.duplicates [--sizes 1000,4000,20000] [--rounds 3] [--write DIR] [--dump DIR]

``--write DIR`` keeps each library as DIR/templated-<n>.jsonl (for a ``scriptkit audit`` run);
``--dump DIR`` writes SK004's matches as DIR/matches-<n>.txt (one 'script earlier similarity' a line),
so two trees' results can be compared with diff.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from scriptkit import load_pack
from scriptkit.importers import import_libraries
from scriptkit.models import Script
from scriptkit.rules.template import work_ahead

REAL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real_macros.jsonl"

# frames' sentences, each with fills in braces; a frame is four to seven of them, fixed
SENTENCES = [
    "Thanks for getting in touch about order {order}.",
    "I'm sorry the {product} arrived in that state, {name}.",
    "I've checked order {order} and the {product} left our {city} warehouse on {day}.",
    "Your refund of {amount} dollars is on its way and reaches your card within {days} working days.",
    "The courier has the parcel at their {city} depot and will deliver it on {day}.",
    "I've sent a prepaid return label to your email, so you can drop the {product} at any post office.",
    "Once we have it back, a replacement {product} goes out the same day.",
    "Your new tracking number is {ref}, and the tracking page updates every few hours.",
    "I've taken {amount} dollars off your next invoice for the trouble.",
    "Your account is unlocked now, and the reset link I sent works for the next {days} hours.",
    "The charge of {amount} dollars on {day} was a duplicate, and I've reversed it today.",
    "Your subscription renews on {day}, and you can cancel it from the billing page before then.",
    "I've booked a new delivery slot for {day} between {hour} and {later} o'clock.",
    "Our {city} team will call you on {day} to arrange the repair of your {product}.",
    "If anything else comes up, just reply to this email and I'll pick it up.",
    "Your reference for this request is {ref} in case you need it.",
    "I know this isn't what you expected from us, and I'll make it right.",
    "The {product} is covered by its warranty for another {days} months.",
    "I've added a note to your account so the next agent sees the whole story.",
    "Please keep the original packaging until the replacement {product} arrives.",
    "You'll get an email from us the moment the {product} is back in stock, usually within {days} days.",
    "The gift card balance of {amount} dollars is restored and ready to use.",
    "Thanks for your patience while I looked into this, {name}.",
    "Have a lovely {day}, and thank you for shopping with us.",
]
FILLS: dict[str, Callable[[random.Random], str]] = {
    "order": lambda r: str(r.randint(10_000, 99_999)),
    "ref": lambda r: f"{r.choice('ABCDEFGH')}{r.randint(100_000, 999_999)}",
    "amount": lambda r: str(r.choice((5, 10, 12, 15, 20, 25, 30, 45, 60, 80, 120))),
    "days": lambda r: str(r.randint(2, 14)),
    "hour": lambda r: str(r.randint(7, 12)),
    "later": lambda r: str(r.randint(1, 6)),
    "day": lambda r: r.choice(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")),
    "city": lambda r: r.choice(("Leeds", "Bristol", "Dublin", "Lyon", "Austin", "Denver", "Porto", "Oslo")),
    "name": lambda r: r.choice(("Sam", "Priya", "Tom", "Ana", "Lee", "Maria", "Chris", "Noor", "Jo", "Ravi")),
    "product": lambda r: r.choice(("kettle", "desk lamp", "rain jacket", "blender", "backpack", "router",
                                   "coffee grinder", "yoga mat", "office chair", "headphones", "suitcase")),
}


def _fill(sentence: str, rng: random.Random) -> str:
    return sentence.format_map({key: make(rng) for key, make in FILLS.items()})


def templated_library(count: int, seed: int = 13) -> list[dict[str, str]]:
    """``count`` macros ({title, body}) from ``count // 200`` frames, frame sizes skewed (a few frames
    carry a thousand macros or more, as a library's order-status replies do). A frame is five to
    nine sentences filled once. Half the macros are form letters that fill all of them anew (another
    order, product, day: their pairs sit at 0.5-0.8, below the threshold but sharing most of their
    words), the others fill from none to all (pairs from copies to strangers); one in five drops or
    adds a sentence, one in ten copies an earlier macro of its frame."""
    rng = random.Random(seed)
    frames = [rng.sample(SENTENCES, rng.randint(5, 9)) for _ in range(max(1, count // 200))]
    filled = [[_fill(s, rng) for s in frame] for frame in frames]
    weights = [1 / (rank + 1) ** 0.8 for rank in range(len(frames))]
    made: dict[int, list[str]] = {}
    rows = []
    for i in range(count):
        f = rng.choices(range(len(frames)), weights)[0]
        earlier = made.setdefault(f, [])
        if earlier and rng.random() < 0.1:
            body = rng.choice(earlier)
        else:
            parts = list(filled[f])
            refills = len(parts) if rng.random() < 0.5 else rng.randint(0, len(parts))
            for k in rng.sample(range(len(parts)), refills):
                parts[k] = _fill(frames[f][k], rng)
            if rng.random() < 0.2:
                if rng.random() < 0.5:
                    del parts[rng.randrange(len(parts))]
                else:
                    parts.insert(rng.randrange(len(parts) + 1), _fill(rng.choice(SENTENCES), rng))
            body = " ".join(parts)
        earlier.append(body)
        rows.append({"title": f"Frame {f}::Reply {i}", "body": body})
    return rows


def _scripts(library: Path, tmp: Path) -> list[Script]:
    """The library imported into a pack, as ``scriptkit audit`` does."""
    imported = import_libraries([library], None)
    return load_pack(imported.write(tmp / "pack", name=library.stem)).scripts


def _measure(label: str, scripts: list[Script], rounds: int, dump: Path | None) -> None:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        ahead = work_ahead(scripts, 0.85)
        times.append(time.perf_counter() - start)
    exact = sum(1 for _, sim in ahead.matches.values() if sim >= 1.0)
    print(f"{label:>28}: {min(times):7.3f} s (best of {rounds}); "
          f"{len(ahead.matches):,} scripts flagged ({exact:,} identical)", flush=True)
    if dump is not None:
        dump.mkdir(parents=True, exist_ok=True)
        lines = (f"{scripts[i].id} {scripts[j].id} {sim:.12f}" for i, (j, sim) in sorted(ahead.matches.items()))
        (dump / f"matches-{label.split()[0]}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", default="1000,4000,20000")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--write", type=Path, help="keep the generated libraries in this folder")
    parser.add_argument("--dump", type=Path, help="write SK004's matches to this folder")
    parser.add_argument("--real", action="store_true", help=f"also run on {REAL}")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="scriptkit-dup-bench-") as name:
        tmp = Path(name)
        for size in map(int, args.sizes.split(",")):
            folder = args.write or tmp
            folder.mkdir(parents=True, exist_ok=True)
            library = folder / f"templated-{size}.jsonl"
            library.write_text("".join(json.dumps(row) + "\n" for row in templated_library(size)), encoding="utf-8")
            _measure(f"{size} templated macros", _scripts(library, tmp / str(size)), args.rounds, args.dump)
        if args.real:
            if not REAL.exists():
                print(f"{REAL} is missing: the real library is skipped")
            else:
                _measure("real macros", _scripts(REAL, tmp / "real"), args.rounds, args.dump)


if __name__ == "__main__":
    main()
