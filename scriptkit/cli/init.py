"""``scriptkit init``: a new pack a content writer can start from."""

from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path

import click

from scriptkit.cli.options import one_line
from scriptkit.cli.output import as_typed, console
from scriptkit.diagnostics import Location
from scriptkit.errors import ConfigError
from scriptkit.templates import template_dir

_PLAIN_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9 _.()-]*")


@click.command()
@click.argument("path", type=click.Path(), callback=one_line("a folder name"))
@click.option("--name", callback=one_line("a pack's name"), help="The pack's display name (default: the folder name).")
@click.option("--from", "source", default="new", show_default=True,
              help="Built-in template to copy: 'new' (one example script) or 'starter' (the full starter pack).")
def init(path: str, name: str | None, source: str) -> None:
    """Create a pack folder at PATH with pack.yaml and an example script."""
    from scriptkit.loading import pack_of

    if not path:  # (Path("") is the working folder, which it would fill or call "not empty" by no name)
        raise ConfigError("the new pack's folder name is empty",
                          hint="Name a new folder: `scriptkit init my-pack` (or `scriptkit init .` to make an empty "
                               "working folder the pack). Nothing was changed.")
    try:
        target = Path(path).absolute()
    except OSError as exc:  # the working folder was deleted under us
        raise ConfigError(f"cannot use {path}: {exc.strerror}", Location(path, 1, 1)) from None
    if target.exists() and not target.is_dir():
        raise ConfigError(f"{path} already exists and is a file", Location(path, 1, 1),
                          "Choose a new folder name; nothing was changed.")
    if target.exists() and any(target.iterdir()):
        raise ConfigError(f"{path} already exists and is not empty", Location(path, 1, 1),
                          "Choose a new folder name; nothing was changed.")
    outer = pack_of(target)
    if outer is not None:  # (its pack.yaml and example would be read as the outer pack's scripts)
        raise ConfigError(f"{path} is inside the scripts folder of the pack {outer}", Location(path, 1, 1),
                          "Create the new pack outside it; to add a script to that pack, save a new .yaml file "
                          "in its scripts folder. Nothing was changed.")
    src = template_dir(source)
    # (as typed: in a C locale the folder's name holds the bytes it could not decode, which pack.yaml cannot)
    display = as_typed(name or "") or as_typed(target.name).replace("-", " ").replace("_", " ").title() or "My pack"
    # copy to a hidden sibling first so a failure never leaves a half-made pack behind
    tmp = target.with_name(f".{target.name}.scriptkit-init")
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        shutil.copytree(src, tmp)
        meta = tmp / "pack.yaml"
        text = meta.read_text(encoding="utf-8")
        quoted = display if _PLAIN_NAME.fullmatch(display) else json.dumps(display, ensure_ascii=False)
        meta.write_text(re.sub(r"(?m)^name: .*$", lambda _: f"name: {quoted}", text, count=1), encoding="utf-8")
        if target.exists():  # an empty folder the user made (maybe their working folder): fill it in place
            for child in tmp.iterdir():
                child.rename(target / child.name)
            tmp.rmdir()
        else:
            tmp.rename(target)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise ConfigError(f"cannot create {path}: {exc.strerror}", Location(path, 1, 1),
                          "Check that the parent folder exists and is writable.") from None
    # (the console, not click.echo: on a C locale's stdout, click wrote a folder's 'café' as 'caf??')
    con = console()
    con.print(f"Created {path}/ with pack.yaml and scripts/.", markup=False)
    con.print(f"Next: scriptkit render {shlex.quote(path)} --preview", markup=False)  # (a name with a space, quoted)


commands = [init]
