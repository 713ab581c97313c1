"""``scriptkit init``: a new pack a content writer can start from."""

from __future__ import annotations

import shutil
from pathlib import Path

import click

from scriptkit.errors import ConfigError
from scriptkit.templates import template_dir


@click.command()
@click.argument("path", type=click.Path())
@click.option("--name", help="The pack's display name (default: the folder name).")
@click.option("--from", "source", default="new", show_default=True,
              help="Built-in template to copy: 'new' (one example script) or 'starter' (the full starter pack).")
def init(path: str, name: str | None, source: str) -> None:
    """Create a pack folder at PATH with pack.yaml and an example script."""
    target = Path(path)
    if target.exists() and any(target.iterdir()):
        raise ConfigError(f"{target} already exists and is not empty",
                          hint="Choose a new folder name; nothing was changed.")
    src = template_dir(source)
    tmp = target.with_name(f".{target.name}.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.copytree(src, tmp)
    meta = tmp / "pack.yaml"
    text = meta.read_text(encoding="utf-8")
    display = name or target.name.replace("-", " ").replace("_", " ").title()
    meta.write_text(text.replace("name: New pack", f"name: {display}", 1), encoding="utf-8")
    if target.exists():
        target.rmdir()
    tmp.rename(target)
    click.echo(f"Created {target}/ with pack.yaml and scripts/.")
    click.echo(f"Next: scriptkit render {target} --preview")


commands = [init]
