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
from scriptkit.templates import template_dir, templates_root

_PLAIN_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9 _.()-]*")
_CHANNELS_BLOCK = re.compile(r"(?m)^channels:\n(?:[ \t]+\S.*\n|[ \t]*\n(?=[ \t]+\S))+")

# Each channel's greeting and sign-off in the languages scriptkit has them for (a fallback that reads where the
# customer has no name on file: "Hallo und guten Tag,", "Bonjour Madame, Monsieur,", "¡Hola, buenos días!");
# in another language, init's English ones stay, marked for the writer, and SK015 reports them until written
LAYOUTS = {
    "de": """channels:
  email:
    greeting: "Hallo {{ customer.first_name | fallback('und guten Tag') }},"
    signoff: |
      Viele Grüße
      {{ agent.first_name }}
  chat:
    greeting: "Hallo {{ customer.first_name | fallback('und guten Tag') }}!"
  phone:
    greeting: "Guten Tag, Sie sprechen mit {{ agent.first_name }}."
    signoff: "Kann ich sonst noch etwas für Sie tun?"
""",
    # (French sets "!" and "?" apart with a no-break space, which keeps them on the line of the word before)
    "fr": """channels:
  email:
    greeting: "Bonjour {{ customer.first_name | fallback('Madame, Monsieur') }},"
    signoff: |
      Bien cordialement,
      {{ agent.first_name }}
  chat:
    greeting: "Bonjour {{ customer.first_name | fallback('à vous') }}\\u00a0!"
  phone:
    greeting: "Bonjour, {{ agent.first_name }} à votre écoute."
    signoff: "Puis-je vous aider pour autre chose\\u00a0?"
""",
    "es": """channels:
  email:
    greeting: "¡Hola, {{ customer.first_name | fallback('buenos días') }}!"
    signoff: |
      Un saludo,
      {{ agent.first_name }}
  chat:
    greeting: "¡Hola, {{ customer.first_name | fallback('buenos días') }}!"
  phone:
    greeting: "Gracias por llamar, le atiende {{ agent.first_name }}."
    signoff: "¿Puedo ayudarle en algo más?"
""",
    # (Latin America's: "Saludos cordiales," closes a support email from Mexico to Argentina, where Spain's "Un
    # saludo," reads as foreign; "usted" stays the polite "you")
    "es-419": """channels:
  email:
    greeting: "¡Hola, {{ customer.first_name | fallback('buen día') }}!"
    signoff: |
      Saludos cordiales,
      {{ agent.first_name }}
  chat:
    greeting: "¡Hola, {{ customer.first_name | fallback('buen día') }}!"
  phone:
    greeting: "Gracias por comunicarse, le atiende {{ agent.first_name }}."
    signoff: "¿Hay algo más en lo que pueda ayudarle?"
""",
    # (Dutch support writes "u" to a customer it does not know; a team that writes "je" changes it here)
    # (Brazil's: "Um abraço" closes a support email there as "Un saludo" does in Spain; "você" is the polite "you")
    "pt": """channels:
  email:
    greeting: "Olá, {{ customer.first_name | fallback('bom dia') }}!"
    signoff: |
      Um abraço,
      {{ agent.first_name }}
  chat:
    greeting: "Olá, {{ customer.first_name | fallback('bom dia') }}!"
  phone:
    greeting: "Olá, você está falando com {{ agent.first_name }}."
    signoff: "Posso ajudar em mais alguma coisa?"
""",
    # (Portugal's, and Africa's Portuguese, which writes as Portugal does: "está a falar", "Com os melhores
    # cumprimentos")
    "pt-PT": """channels:
  email:
    greeting: "Olá, {{ customer.first_name | fallback('bom dia') }}!"
    signoff: |
      Com os melhores cumprimentos,
      {{ agent.first_name }}
  chat:
    greeting: "Olá, {{ customer.first_name | fallback('bom dia') }}!"
  phone:
    greeting: "Olá, está a falar com {{ agent.first_name }}."
    signoff: "Posso ajudar em mais alguma coisa?"
""",
    "nl": """channels:
  email:
    greeting: "Beste {{ customer.first_name | fallback('klant') }},"
    signoff: |
      Met vriendelijke groet,
      {{ agent.first_name }}
  chat:
    greeting: "Hallo {{ customer.first_name | fallback('en welkom') }}!"
  phone:
    greeting: "Goedendag, u spreekt met {{ agent.first_name }}."
    signoff: "Kan ik u verder nog ergens mee helpen?"
""",
}

# the example's constant the customer reads ("call us any time {{ support_hours }}"), in the same languages; in
# another, init's English stays behind a TODO, which check reports (SK407) in any reply that sends it
SUPPORT_HOURS = {"de": "Montag bis Freitag, 8 bis 18 Uhr", "fr": "du lundi au vendredi, de 8\\u00a0h à 18\\u00a0h",
                 "es": "de lunes a viernes, de 8:00 a 18:00", "es-419": "de lunes a viernes, de 8:00 a 18:00",
                 "nl": "maandag tot en met vrijdag, van 8.00 tot 18.00 uur",
                 "pt": "de segunda a sexta, das 8h às 18h", "pt-PT": "de segunda a sexta-feira, das 8h00 às 18h00"}
_SUPPORT_HOURS = re.compile(r'(?m)^(  support_hours: )"(.*)"$')


def _locale(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A language code for ``--locale`` ('de-DE', 'fr', 'zh-Hant-TW') as pack.yaml's ``locale`` takes it, written as
    codes are ('EN', 'en_us' are refused with 'en-US' meant), of a language there is ('zz-ZZ' is none)."""
    if value is None:
        return None
    from scriptkit.loading import locale_mistake  # (the one judgement pack.yaml's locale: is given too)

    value = value.strip()
    mistake = locale_mistake(value)
    if mistake is None:
        return value
    why, meant = mistake
    raise click.BadParameter(f"{value!r} is not a language code{why}. " + (f"Did you mean {meant}? " if meant else "")
                             + "Write one with its region, such as en-US, de-DE or fr-FR. Nothing was changed.")


# (on the locale line of a pack init writes in another language: the note SK006 gives every such pack, switched off
# on that line only)
_ENGLISH_ONLY = ("# scriptkit: ignore SK006 (its note that the warmth, empathy, solution and readability rules "
                 "read English only)")
# the example script in each language of LAYOUTS (templates/examples/: new/'s English one, translated)
EXAMPLE = "scripts/order-arrived-damaged.yaml"


def _written_in(locale: str) -> str | None:
    """The key of LAYOUTS (and of SUPPORT_HOURS, templates/examples/) for a pack in ``locale``; None for English
    and for a language init has no greetings in."""
    from scriptkit.language import base_language

    language = base_language(locale)
    if language not in LAYOUTS:
        return None
    # (Portuguese outside Brazil writes as Portugal does: pt-PT, pt-AO, pt-MZ...; bare "pt" is Brazil's, as LOCALES
    # has it)
    region = re.split(r"[-_]", locale)[-1].upper() if re.search(r"[-_]", locale) else ""
    if language == "pt" and region not in ("", "BR"):
        return "pt-PT"
    # (Spanish outside Spain, its Canaries, Ceuta and Melilla and Equatorial Guinea is Latin America's: es-MX,
    # es-AR, es-419, es-US...; bare "es" is Spain's)
    return "es-419" if language == "es" and region not in ("", "ES", "IC", "EA", "GQ") else language


def _swiss(text: str, locale: str) -> str:
    """``text`` as written in ``locale``: Swiss and Liechtenstein German write no ß ("Grüsse")."""
    return text.replace("ß", "ss") if re.search(r"[-_](?:CH|LI)\b", locale, re.I) else text


def _in_language(text: str, locale: str) -> tuple[str, str | None]:
    """pack.yaml's ``text`` for a pack in ``locale``: the locale, and each channel's greeting and sign-off in its
    language; and what to tell the writer of them (None for English, whose layouts are init's own)."""
    from scriptkit.language import NAMES, base_language

    text = re.sub(r"(?m)^locale: .*$", lambda _: f"locale: {locale}", text, count=1)
    language = base_language(locale)
    if language == "en":
        return text, None
    said = NAMES.get(language, f"the language of {locale}")  # (not "write them in sv")
    written = _written_in(locale)
    if written is not None:
        layout = _swiss(LAYOUTS[written], locale)
        text = _SUPPORT_HOURS.sub(lambda m: f'{m[1]}"{SUPPORT_HOURS[written]}"', text, count=1)
        # (SK006's note that the rules reading warmth and empathy read English only: said here, where the writer
        # reads it, and by init, rather than by every check of a pack that has not changed; its warning on an
        # English reply in the pack's scripts still runs)
        text = re.sub(r"(?m)^locale: .*$", lambda m: f"{m[0]}  {_ENGLISH_ONLY}", text, count=1)
        return (_CHANNELS_BLOCK.sub(lambda _: layout, text, count=1),
                f"The example script, greetings, sign-offs and support_hours are in {said}: read them through. "
                f"`scriptkit check` judges {said} replies for grammar, length, blanks and templates; its warmth, "
                f"empathy, solution and readability rules read English only.")
    text = _SUPPORT_HOURS.sub(lambda m: f"  # TODO: write support_hours in {said} (check reports it in a reply)\n"
                                        f'{m[1]}"TODO: {m[2]}"', text, count=1)
    # (SK015 reports an English greeting around replies in the pack's language: not around the example's English)
    todo = (f"# TODO: these greetings and sign-offs are English: write them in {said}\n"
            f"# (`scriptkit check` reports each one once the replies are in {said}).\n")
    return (re.sub(r"(?m)^channels:\n", lambda m: todo + m[0], text, count=1),
            f"The greetings, sign-offs and support_hours in pack.yaml are English: write them in {said}, and the "
            f"example script's replies too. `scriptkit check` reports each English greeting and sign-off once the "
            f"replies are in {said}, and support_hours in any reply that sends it.")


@click.command()
@click.argument("path", type=click.Path(), callback=one_line("a folder name"))
@click.option("--name", callback=one_line("a pack's name"), help="The pack's display name (default: the folder name).")
# (not a click.Choice: a misspelt name gets "Did you mean 'starter'?"; the names still complete)
@click.option("--from", "source", default="new", show_default=True, metavar="TEMPLATE",
              shell_complete=lambda ctx, param, typed: [name for name in ("new", "starter") if name.startswith(typed)],
              help="Built-in template to copy: 'new' (one example script) or 'starter' (the full starter pack).")
@click.option("--locale", callback=_locale, metavar="LOCALE",
              help="The language the replies are written in, such as de-DE or fr-FR (default: en-US). German, "
                   "French, Spanish, Portuguese and Dutch packs get greetings, sign-offs and support hours in their "
                   "language.")
def init(path: str, name: str | None, source: str, locale: str | None) -> None:
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
    if locale is not None and source == "starter" and not locale.lower().startswith("en"):
        raise click.UsageError(f"the starter pack's 24 scripts are written in English, not for locale {locale}. "
                               "Leave out --from starter to start a pack in another language (one example script), "
                               "or --locale to copy the starter pack. Nothing was changed.")
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
        text = re.sub(r"(?m)^name: .*$", lambda _: f"name: {quoted}", text, count=1)
        told = None
        if locale is not None:
            text, told = _in_language(text, locale)
            if (written := _written_in(locale)) is not None:  # (an English example fails its own check: SK006)
                example = (templates_root() / "examples" / f"{written}.yaml").read_text(encoding="utf-8")
                (tmp / EXAMPLE).write_text(_swiss(example, locale), encoding="utf-8")
        meta.write_text(text, encoding="utf-8")
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
    if told:
        con.print(told, markup=False)
    con.print(f"Next: scriptkit render {shlex.quote(path)} --preview", markup=False)  # (a name with a space, quoted)


commands = [init]
