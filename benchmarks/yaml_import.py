"""Reading a generic YAML library (``scriptkit import lib.yaml``): libyaml's reading against ruamel's.

Writes two libraries of ``--items`` replies (our own sentences, seeded): a list of ``{title, body}``
mappings and a ``{title: text}`` mapping, and reads each with the importer's YAML reader
(``scriptkit.importers.structured.read_yaml``, every check it makes) twice: as it reads it (libyaml's
C parser, ruamel only for what that does not take) and with ruamel's round-trip parser alone, as it
read every library up to session 22. Prints CPU seconds (the machine is shared: wall time varies
2x with the other jobs), best of ``--rounds``, and checks that both readings give the same items,
placed alike. The whole import (slots inferred, scripts written) is ``scriptkit import`` itself:
time it with ``--write DIR`` and ``/usr/bin/time scriptkit import DIR/list-<n>.yaml -o pack``.

    python -m benchmarks.yaml_import [--items 20000] [--rounds 1] [--write DIR]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import scriptkit.importers.structured as structured
from scriptkit.importers.common import ItemProblem, RawItem, ReadOptions

WORDS = ("sorry", "refund", "order", "shipping", "thanks", "please", "help", "account", "password", "reset",
         "delivery", "late", "invoice", "charge", "parcel", "courier", "today", "tomorrow", "label", "return")


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def libraries(items: int, folder: Path) -> list[Path]:
    """A list of {title, body} (quoted bodies with a placeholder) and a {title: text} mapping (plain texts)."""
    rng = random.Random(23)
    listed = folder / f"list-{items}.yaml"
    listed.write_text("".join(f"- title: Reply {n} {_sentence(rng, 3)[:-1]}\n"
                              f"  body: \"Hi {{{{ticket.requester.first_name}}}}, {_sentence(rng, 12)} "
                              f"{_sentence(rng, 8)}\"\n" for n in range(items)), encoding="utf-8")
    mapped = folder / f"map-{items}.yaml"
    mapped.write_text("".join(f"Reply {n} {_sentence(rng, 3)[:-1]}: Hi there, {_sentence(rng, 12)} "
                              f"{_sentence(rng, 8)}\n" for n in range(items)), encoding="utf-8")
    return [listed, mapped]


def _read(path: Path) -> list[tuple[Any, ...]]:
    return [(type(item).__name__, getattr(item, "title", ""), getattr(item, "body", ""), item.location.line,
             item.location.col) for item in structured.read_yaml(path, ReadOptions())
            if isinstance(item, RawItem | ItemProblem)]


def _cpu(run: Callable[[], Any], rounds: int) -> tuple[float, Any]:
    best, out = float("inf"), None
    for _ in range(rounds):
        start = time.process_time()
        out = run()
        best = min(best, time.process_time() - start)
    return best, out


def _none(*_: object) -> None:
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--write", type=Path, help="keep the libraries in this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.write or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        print(f"{'library':<22} {'items':>7} {'libyaml (s)':>12} {'ruamel (s)':>11} {'same items':>11}")
        for path in libraries(args.items, folder):
            fast, items = _cpu(partial(_read, path), args.rounds)
            parse = getattr(structured, "fast_parse")  # noqa: B009  (its reader's name for libyaml's reading)
            setattr(structured, "fast_parse", _none)  # noqa: B010  (ruamel's round-trip parser alone)
            try:
                slow, again = _cpu(partial(_read, path), args.rounds)
            finally:
                setattr(structured, "fast_parse", parse)  # noqa: B010
            print(f"{path.name:<22} {len(items):>7,} {fast:>12.2f} {slow:>11.2f} {items == again!s:>11}")

if __name__ == "__main__":
    main()
