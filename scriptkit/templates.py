"""Where the built-in packs live: inside the wheel, or in the checkout when editable."""

from __future__ import annotations

import difflib
from pathlib import Path

from scriptkit.errors import ConfigError, argument_named


def templates_root() -> Path:
    packaged = Path(__file__).parent / "templates"  # wheel: force-included here
    if packaged.is_dir():
        return packaged
    return Path(__file__).parent.parent / "templates"  # editable install / checkout


def template_dir(name: str) -> Path:
    """The folder of a built-in pack (``"starter"``: 24 scripts to start from; ``"new"``: what
    ``scriptkit init`` writes); ``ConfigError`` names the known ones for any other name."""
    if not isinstance(name, str):
        raise ConfigError(f"template_dir() takes a built-in pack's name, not {argument_named(name)}",
                          hint="Pass 'starter' or 'new'; a pack of your own loads with scriptkit.load_pack(folder).")
    root = templates_root()
    path = root / name
    try:
        found = (path / "pack.yaml").is_file()
    except OSError:  # (a name the system refuses, 'File name too long': no built-in pack is named so)
        found = False
    if not found:
        known = sorted(p.name for p in root.iterdir() if (p / "pack.yaml").is_file()) if root.is_dir() else []
        close = difflib.get_close_matches(name, known, n=1)
        raise ConfigError(f"no built-in template named '{name if len(name) <= 80 else name[:60] + '…'}'",
                          hint=(f"Did you mean '{close[0]}'? " if close else "") + f"Known: {', '.join(known)}.")
    return path
