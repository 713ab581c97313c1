"""Assemble and run the local LanguageTool server scriptkit uses for grammar checks.

    python tools/languagetool.py assemble   # once: Maven -> .cache/languagetool/<version>/ (idempotent)
    python tools/languagetool.py assemble --languages de,fr   # German and French too (make LANGUAGES=de,fr)
    python tools/languagetool.py serve      # start it on a free loopback port until Ctrl-C
    python tools/languagetool.py path       # print the assembled folder (exit 1 if missing)

``make test`` runs ``assemble`` before pytest. Java 17+ and Maven are needed; only Maven
Central is contacted.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scriptkit.engines.lt_server import LT_VERSION, LocalServer, assemble, assembled
from scriptkit.errors import ScriptkitError


def share_classes(home: Path) -> None:
    """Start and warm up a server once, so that it writes the class-data archive later starts
    map (see ``LocalServer._class_data_flags``), here rather than at the stop of a user's run."""
    from scriptkit.engines.languagetool import warm_up

    server = LocalServer(home)
    archive = server.class_archive()
    if archive is None or archive.is_file():
        return
    started = time.perf_counter()
    try:
        server.start()
        warm_up(server.url)
    except ScriptkitError as exc:  # servers then start without it, a little slower
        print(f"warning: could not share the server's classes: {exc}", file=sys.stderr)
    finally:
        server.stop()
    if archive.is_file():
        print(f"shared the server's classes in {time.perf_counter() - started:.1f}s: {archive}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("assemble", "serve", "path"))
    parser.add_argument("--version", default=LT_VERSION, help=f"LanguageTool version (default {LT_VERSION})")
    parser.add_argument("--languages", default="", help="languages to add to English, Spanish, Catalan and "
                        "Portuguese, commas between (de,fr); the server is assembled again with them")
    args = parser.parse_args(argv)
    try:
        if args.command == "path":
            done = assembled(args.version)
            if done is None:
                print(f"LanguageTool {args.version} is not assembled yet", file=sys.stderr)
                return 1
            print(done.path)
            return 0
        result = assemble(args.version, quiet=True, languages=args.languages.split(","))
        if result.assembled_now:
            print(f"assembled LanguageTool {result.version} ({', '.join(result.languages)}) in {result.seconds:.1f}s: "
                  f"{result.files} jars, {result.bytes / 1e6:.1f} MB -> {result.path}")
        elif args.command == "assemble":
            print(f"LanguageTool {result.version} ({', '.join(result.languages)}) already assembled: {result.path}")
        if args.command == "assemble":
            share_classes(result.path)
        if args.command == "serve":
            from scriptkit.engines.languagetool import warm_up

            server = LocalServer(result.path)
            try:
                server.start()
                started = time.perf_counter()
                warm_up(server.url)  # so that its first real check is answered as fast as the rest
                print(f"LanguageTool {result.version} ready at {server.url} after {server.start_seconds:.1f}s, "
                      f"warmed up in {time.perf_counter() - started:.1f}s (log: {server.log_path}); Ctrl-C stops it",
                      flush=True)
                while server.running:
                    time.sleep(1)
            finally:
                server.stop()
        return 0
    except ScriptkitError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
