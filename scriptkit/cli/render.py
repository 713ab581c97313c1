"""``scriptkit render``: each script as the customer would read it."""

from __future__ import annotations

import difflib
import io
import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import click

from scriptkit.cli.options import channel_option, dash_is_standard_output, written_for
from scriptkit.cli.output import console, escape_markup, make_folder_for, writing
from scriptkit.diagnostics import Location
from scriptkit.errors import ConfigError
from scriptkit.message import Blank, Placeholder, render_segment
from scriptkit.text import read_text

if TYPE_CHECKING:
    from collections.abc import Iterable

    from scriptkit.message import Message, Segment
    from scriptkit.models import Pack


@click.command()
@click.argument("pack", type=click.Path())
# (both repeatable, as check's and export's --channel is: a repeat kept only its last value, without a word)
@click.option("--script", "script_ids", multiple=True, metavar="ID",
              help="Render only the script with this id (repeatable).")
@channel_option(help="Render only this channel (repeatable).")
@click.option("--preview", is_flag=True,
              help="Fill placeholders with sample values. A blank stays its [[marker]], for the agent to fill in: "
              "an 'agent · fill in' line below the reply gives its prompt and example (not with --no-notes).")
@click.option("--variants", is_flag=True, help="Render every variant, not only the first.")
@click.option("--notes/--no-notes", default=True, help="Show the agent's guidance, alternatives and blanks to fill in.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              help="text, or json: each message's text as the pack writes it (text) and as the customer reads it "
              "(reads), with its notes; a placeholder as the pack writes it, fallback included, or with --preview "
              "its sample.")
# (as check's -o: UTF-8 whatever the console's encoding, which escapes what it cannot show, '\\ud83d\\ude42')
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None,
              callback=dash_is_standard_output,
              help="Write the replies to this file (UTF-8) instead of standard output ('-': standard output).")
def render(pack: str, script_ids: tuple[str, ...], channels: tuple[str, ...], preview: bool, variants: bool,
           notes: bool, fmt: str, output: str | None) -> None:
    """Print each script of PACK as the customer would read it."""
    from scriptkit.cli.check import _not_a_script, _not_an_input, _texts
    from scriptkit.loading import load_pack

    loaded = load_pack(pack)
    _not_an_input(output, [*_texts(loaded)], what="the replies")
    _not_a_script(output, loaded.root, what="the replies")
    if output is None:
        _render(loaded, pack, script_ids, channels, preview, variants, notes, fmt, sys.stdout)
        return
    from scriptkit.fixing import write_atomic

    buffer = io.StringIO()
    _render(loaded, pack, script_ids, channels, preview, variants, notes, fmt, buffer)
    make_folder_for("the replies", output)
    with writing("the replies", output):
        write_atomic(Path(output), buffer.getvalue())


def _render(loaded: Pack, pack: str, script_ids: tuple[str, ...], channels: tuple[str, ...], preview: bool,
            variants: bool, notes: bool, fmt: str, stream: TextIO) -> None:
    """Write the messages of ``loaded`` to ``stream`` in ``fmt``."""
    from scriptkit.rendering import render_pack
    from scriptkit.targets.base import blank_marker

    ids = [s.id for s in loaded.scripts]
    for script_id in script_ids:
        if script_id not in ids:
            close = difflib.get_close_matches(script_id, ids, n=1)
            # (located at the pack given, as every error is: an editor or a CI annotation finds it)
            raise ConfigError(f"no script with id '{script_id}' in {pack}", Location(pack, 1, 1),
                              f"Did you mean '{close[0]}'?" if close else "Known ids: " + ", ".join(ids[:20]))
    if not script_ids:
        written_for(loaded, channels, pack, "render")
    wanted = list(channels) or None
    messages: list[Message] = []
    chosen: list[str | None] = [*dict.fromkeys(script_ids)] or [None]
    for one in chosen:  # (each once, in the order given; none: every script)
        found = render_pack(loaded, wanted, one, all_variants=variants)
        if not found and one and channels:
            origin = loaded.script(one).origin
            raise ConfigError(f"script '{one}' is not written for the {' or '.join(channels)} channel",
                              origin.location(("channels",)) if origin else Location(pack, 1, 1),
                              f"Add {channels[0]} to a script's channels: list to render it there.")
        messages += found
    samples = loaded.catalogue.samples()

    def shown(segments: Iterable[Segment], to_agent: bool = False) -> str:
        """The text, each placeholder filled with its sample (--preview, as the customer reads it: its fallback
        where the sample is empty), else as the pack writes it, fallback and all: '{{customer.first_name}}' hid
        the 'there' a writer had given it. ``to_agent``: each blank as the exports write it, '[[new day]]', the
        marker the agent fills in the helpdesk (else its name as the pack writes it, '[[new_day]]', for tools)."""
        return "".join(blank_marker(seg.name) if to_agent and isinstance(seg, Blank)
                       else render_segment(seg, samples) if preview or not isinstance(seg, Placeholder)
                       else _as_written(seg) for seg in segments)

    if fmt == "json":
        # "text" as the pack writes it (Markdown links, '\\[' escapes), for tools; "reads" as the customer reads
        # it (Message.as_read, what the rules judge): escapes resolved, a link as its text ("text (address)" on SMS)
        out = [{"script": m.script_id, "channel": m.channel, "variant": m.variant, "title": m.title,
                "text": shown(m.segments), "reads": shown(m.as_read.segments),
                "notes": [{"kind": n.kind, "label": n.label, "text": shown(n.segments).strip()} for n in m.notes]}
               for m in messages]
        from scriptkit.reporters.json import writes_utf8  # (elsewhere: escapes, so the bytes are still JSON)

        stream.write(json.dumps(out, indent=2, ensure_ascii=not writes_utf8(stream)) + "\n")
        return
    from rich.text import Text

    from scriptkit.reporters.text import ascii_stand_ins
    from scriptkit.targets.base import blanks_of

    def readable(text: str) -> str:  # (a terminal that cannot encode '’' or '·' (an ASCII locale): "'" and '-')
        return ascii_stand_ins(text, stream)

    con = console(file=stream)
    for m in messages:
        variant = f" variant {m.variant + 1}" if variants else ""
        # (the writer's words are escaped: '[urgent]' in a title or a note is text, not terminal markup)
        heading = readable(f"[bold]{escape_markup(m.script_id)}[/bold] · {m.channel}{variant} · "
                           f"{escape_markup(m.title)}")
        if Text.from_markup(heading).cell_len + 4 <= con.width:
            con.rule(heading, align="left")
        else:  # (a rule cuts its title at the width, 'Returns::Whe…': the heading on lines of its own, wrapped)
            con.print(heading, soft_wrap=not con.is_terminal)
            con.rule()
        # (as the customer reads it: the pack's escapes, '\\[' and '2024\\.', without their backslash; a link
        # as its text and address, as a terminal shows no link)
        con.print(readable(read_text(shown(m.segments, to_agent=True), _every_link)[0]), markup=False)
        if preview and m.channel == "sms":  # (as SK104 and the playbook count it: characters, parts, alphabet)
            from scriptkit.rules.readability import sms_length

            con.print(readable(f"length · {sms_length(m, samples)}"), style="dim", markup=False)
        if notes:
            # (every line of a note marked the agent's: a second line read as part of the customer's reply)
            lines = [f"{escape_markup(note.label)}: {escape_markup(shown(note.segments, to_agent=True).strip())}"
                     for note in m.notes]
            lines += [f"fill in {escape_markup(blank_marker(b.name))}"
                      + (f": {escape_markup(b.prompt)}" if b.prompt else "")
                      + (f" (e.g. {escape_markup(b.example)})" if b.example else "") for b in blanks_of(m)]
            for line in "\n".join(lines).splitlines():
                con.print(readable(f"[dim]agent · {line}[/dim]"), markup=True)
        con.print()


def _as_written(seg: Placeholder) -> str:
    """``seg`` as a pack writes it: ``{{ customer.first_name | fallback("there") }}`` (as an import writes it)."""
    fallback = "" if seg.fallback is None else f" | fallback({json.dumps(seg.fallback, ensure_ascii=False)})"
    return "{{ " + seg.name + fallback + " }}"


def _every_link(_link: re.Match[str]) -> bool:
    return True


commands = [render]
