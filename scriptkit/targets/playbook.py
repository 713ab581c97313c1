"""The agent-facing playbook: every script's reply per channel (phone and chat included), its
other phrasings, guidance, alternatives, conditions and blanks, grouped by category.
Written as Markdown and as a standalone HTML page (all text HTML-escaped)."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from scriptkit.csp import policy_meta
from scriptkit.message import PLAIN_TEXT_CHANNELS, Blank, Message, Placeholder, Segment
from scriptkit.placeholders import DEFAULT_CATALOGUE, Catalogue
from scriptkit.targets.base import (
    _HOLE,
    LINK,
    BaseTarget,
    Dialect,
    Limits,
    Payload,
    Rendered,
    _flatten,
    _text,
    blank_marker,
    blanks_of,
    catalogue_of,
    categories,
    placeholder_words,
    plain_address,
    text_direction,
    to_html,
    unsafe_address,
    url_address,
)
from scriptkit.text import slug

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
#: an ``&`` that Markdown would read as the start of an entity (``&amp;``, ``&#38;``): the customer reads it as typed
_MD_ENTITY = re.compile(r"&(?=#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")


def md_escape(text: str) -> str:
    return _MD_ENTITY.sub(r"\\&", _MD_SPECIAL.sub(r"\\\1", text))


def spoken(segments: Iterable[Segment], esc: Callable[[str], str], placeholder: Callable[[str], str],
           blank: Callable[[str], str], link: Callable[[str, str], str] | None = None,
           catalogue: Catalogue = DEFAULT_CATALOGUE) -> str:
    """Segments as a person reads them: placeholders named in words (by ``catalogue``'s descriptions), blanks
    marked; with ``link`` (the text as written, the address), a ``[text](address)`` of the pack is a link,
    except where the address holds a placeholder or is no web, mail or phone address: then the text and the
    address after it."""
    flat, holes = _flatten(segments)

    def words(part: str) -> str:
        out: list[str] = []
        pos = 0
        for m in _HOLE.finditer(part):
            if m.group(1) is None:  # (a \x00 of the text)
                continue
            out.append(esc(_text(part[pos:m.start()])))
            seg = holes[int(m.group(1))]
            if isinstance(seg, Placeholder):
                out.append(placeholder(esc(placeholder_words(seg, catalogue))))
            elif isinstance(seg, Blank):
                out.append(blank(esc(blank_marker(seg.name))))
            pos = m.end()
        out.append(esc(_text(part[pos:])))
        return "".join(out)

    if link is None:
        return words(flat).strip()
    out: list[str] = []
    pos = 0
    for m in LINK.finditer(flat):
        out.append(words(flat[pos:m.start()]))
        address = m.group(2)
        if _HOLE.search(address) or unsafe_address(address):
            out.append(f"{words(m.group(1))} ({words(plain_address(address))})")
        else:
            out.append(link(words(m.group(1)), url_address(address)))  # (a space in it: %20, as the exports)
        pos = m.end()
    out.append(words(flat[pos:]))
    return "".join(out).strip()


def channel_name(channel: str) -> str:
    """A channel as a heading reads it: 'Email', 'Chat', 'SMS' (not 'Sms')."""
    return "SMS" if channel == "sms" else channel.capitalize()


def _md(segments: Iterable[Segment], catalogue: Catalogue) -> str:
    # (a link stays a link: its text escaped, its address as written, which holds no space or parenthesis)
    return spoken(segments, md_escape, lambda w: f"*{{{w}}}*", lambda b: f"**{b}**",
                  lambda text, address: f"[{text}]({address})", catalogue)


def _html(segments: Iterable[Segment], catalogue: Catalogue, direction: str) -> str:
    """The reply as the helpdesk HTML exports write it (``to_html``: paragraphs, line breaks, ``- `` and ``1.`` lines
    as lists, links), each placeholder named in words and each blank marked, as ``spoken`` reads them; each
    paragraph with ``direction`` ('rtl', or 'auto': the direction of its first letter)."""
    segments = list(segments)

    def words(name: str, fallback: str | None, as_html: bool) -> str:
        said = html.escape(placeholder_words(Placeholder(name, "", fallback), catalogue), quote=True)
        # (dir="auto": an English description in an Arabic reply keeps its braces and words in order, and is
        # not what sets its paragraph's direction)
        return f'<em class="ph" dir="auto">{{{said}}}</em>' if as_html else f"{{{said}}}"

    # (every placeholder named as itself, so none is taken for one the helpdesk lacks; none filled in inside a
    # link's address, where ``spoken`` too writes the text and the address after it)
    names = {s.name: s.name for s in _flatten(segments)[1] if isinstance(s, Placeholder)}
    dialect = Dialect(names=names, write=words, empty_fallback=True, linked_placeholders=False)
    return to_html(segments, dialect, direction=direction)


def _sms_length(message: Message, catalogue: Catalogue) -> str:
    """The SMS's length as a phone counts it (SK104's counters): characters and parts, and the alphabet it is sent
    in; each placeholder as its sample, each blank as SK104 counts it."""
    from scriptkit.rules.readability import sampled_text, sms_size

    n, parts, alphabet = sms_size(sampled_text(message, catalogue.samples()))
    return f"{n} characters · {parts} SMS part{'s' if parts > 1 else ''} · {alphabet}"


def _texts(segments: Sequence[Segment], catalogue: Catalogue, direction: str, plain: bool) -> tuple[str, str]:
    """A reply's (or a note's) Markdown and HTML, each placeholder named in words and each blank marked; a
    plain-text channel's as the customer gets it (its links already "text (address)"), with no link, list or bold."""
    if not plain:
        return _md(segments, catalogue), _html(segments, catalogue, direction)
    return (spoken(segments, str, lambda w: f"{{{w}}}", str, catalogue=catalogue),
            spoken(segments, html.escape, lambda w: f'<em class="ph">{{{w}}}</em>', lambda b: f"<mark>{b}</mark>",
                   catalogue=catalogue))


class PlaybookTarget(BaseTarget):
    name = "playbook"
    summary = "an agent-facing playbook (Markdown and HTML) with guidance, alternatives and blanks"
    channels = ("email", "chat", "sms", "phone", "social")
    variants = "all"
    keeps_notes = True  # (beside each reply: no SK508 for them)
    limits = Limits()
    readme = """
# Agent playbook

`playbook.md` and `playbook.html` hold every script grouped by category, for agents on every
channel (phone and chat too): when to use it, the reply per channel, other ways to say it,
guidance, alternatives, conditions and the blanks to fill in. Placeholders are named in words
(*{customer's first name, or "there"}*); **[[blanks]]** must be replaced before sending.
"""

    def render(self, message: Message) -> Payload:
        cats, name = categories(message.title)
        catalogue = catalogue_of(message)  # (a pack's own placeholder is named by its description)
        # (a right-to-left pack's replies read so; another's each paragraph by its first letter: a Hebrew reply)
        direction = text_direction(message.meta.get("locale")) or "auto"
        plain = message.channel in PLAIN_TEXT_CHANNELS
        # (an SMS or a call has no link, list or bold: the agent copies or reads out the text the customer gets, as
        # ``render --preview`` shows it, the address after a link's text)
        shown = message.as_read if plain else message
        md, page = _texts(shown.segments, catalogue, direction, plain)
        return {
            "script_id": message.script_id, "category": " / ".join(cats) or "General", "name": name,
            "scenario": str(message.meta.get("scenario", "")), "emotion": str(message.meta.get("emotion", "")),
            "channel": message.channel, "variant": message.variant, "plain": plain,
            "length": _sms_length(shown, catalogue) if message.channel == "sms" else "",
            "md": md, "html": page,
            "notes": [(n.kind, n.label, *_texts(n.segments, catalogue, direction, plain)) for n in shown.notes],
            # (the reply's and those only an alternative or condition holds: the notes above name them too)
            "blanks": [(blank_marker(b.name), b.prompt, b.example or "") for b in blanks_of(message)],
        }

    def measure(self, payload: Payload) -> tuple[str, str]:
        return str(payload["name"]), str(payload["md"])

    def files(self, rendered: Sequence[Rendered]) -> dict[str, bytes]:
        groups: dict[str, dict[str, list[Payload]]] = {}
        for r in rendered:
            p = r.payload
            groups.setdefault(p["category"], {}).setdefault(p["script_id"], []).append(p)
        title = str(rendered[0].message.meta.get("pack_name", "")) if rendered else ""
        lang = str(rendered[0].message.meta.get("locale", "en")) if rendered else "en"
        return {"playbook/playbook.md": _markdown(title, groups).encode("utf-8"),
                "playbook/playbook.html": _page(title, lang, groups).encode("utf-8"),
                **self.readme_file()}


def _script_parts(items: list[Payload]) -> dict[str, Any]:
    first = items[0]
    replies = [p for p in items if p["variant"] == 0]
    others = [p for p in items if p["variant"] > 0]
    blanks: dict[str, tuple[str, str]] = {}  # a marker -> its prompt and example
    for p in items:
        for marker, prompt, example in p["blanks"]:
            blanks.setdefault(marker, (prompt, example))
    return {"first": first, "replies": replies, "others": others, "notes": first["notes"], "blanks": blanks}


def _quote(text: str) -> list[str]:
    """A Markdown blockquote keeping the reply's line breaks (two trailing spaces) and paragraphs."""
    lines = text.split("\n")
    out: list[str] = []
    for i, line in enumerate(lines):
        follows = i + 1 < len(lines) and lines[i + 1].strip() != ""
        out.append((f"> {line}" + ("  " if follows else "")) if line.strip() else ">")
    return out


def _md_box(text: str, plain: bool) -> list[str]:
    """A reply in Markdown: a quote, or a plain-text channel's as a fenced block, shown as the customer gets it
    (no link, list or emphasis made of its characters), a fence longer than any run of backticks in it."""
    if not plain:
        return _quote(text)
    fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", text)), default=0))
    return [f"{fence}text", *text.split("\n"), fence]


def _prompt(prompt: str, example: str, esc: Callable[[str], str]) -> str:
    """A blank's line after its marker: ': <prompt> (e.g. <example>)'."""
    said = " ".join(part for part in (esc(prompt), f"(e.g. {esc(example)})" if example else "") if part)
    return f": {said}" if said else ""


def _markdown(title: str, groups: dict[str, dict[str, list[Payload]]]) -> str:
    out = [f"# {md_escape(title)} — agent playbook", ""]
    for category in sorted(groups):
        out += [f"## {md_escape(category)}", ""]
        for items in groups[category].values():
            s = _script_parts(items)
            first = s["first"]
            out += [f"### {md_escape(first['name'])}", ""]
            # (each as written, either alone: no scenario hid the emotion, and no emotion read 'neutral')
            about = [*([f"*When:* {md_escape(first['scenario'])}"] if first["scenario"] else []),
                     *([f"*Customer feels:* {md_escape(first['emotion'])}"] if first["emotion"] else [])]
            if about:
                out += ["  \n".join(about), ""]
            for p in s["replies"]:
                out += [f"**{channel_name(p['channel'])}**" + (f" ({p['length']})" if p["length"] else ""), ""]
                out += _md_box(p["md"], p["plain"])
                out.append("")
            if s["others"]:
                out += ["**Other ways to say it**", ""]
                for p in s["others"]:  # (each its own reply box: its paragraphs and list lines as written)
                    out += [f"*{_variant_of(p)}*" + (f" ({p['length']})" if p["length"] else ""), ""]
                    out += _md_box(p["md"], p["plain"])
                    out.append("")
            for kind, label, md, _ in s["notes"]:
                head = "Alternative: " + label if kind == "alternative" else label
                out += [f"**{md_escape(head)}:**", "", *_md_box(md, first["plain"]), ""]
            if s["blanks"]:
                out += ["**Fill in before sending**", ""]
                out += [f"- **{md_escape(m)}**" + _prompt(pr, ex, md_escape) for m, (pr, ex) in s["blanks"].items()]
                out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


# (overflow-wrap: a long address or word breaks inside the reply box instead of running out of it; the border on
# the side a line starts, right in a right-to-left page; printed, no heading is left at a page's foot, and a
# reply is not split across two pages)
_CSS = ("body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5;"
        "overflow-wrap:anywhere}"
        "blockquote{border-inline-start:4px solid #9ab;margin:0;padding:.25rem 1rem;background:#f6f8fa;"
        "break-inside:avoid}"
        "h1,h2,h3,h4{break-after:avoid}"
        ".plain{white-space:pre-wrap}.length{color:#555;margin:0}"
        "mark{background:#fff3a3;font-weight:600}.ph{color:#246}.note{color:#333}"
        "#contents ul ul{columns:2 16rem}article:target h3{background:#fff3a3}")


def _category_ids(names: Iterable[str]) -> dict[str, str]:
    """Each category's anchor, ``category-<slug>``: as stable as its name, and one of its own where two names
    slug alike or one slugs to nothing (a name in another script)."""
    ids: dict[str, str] = {}
    for n, name in enumerate(names, 1):
        base = f"category-{slug(name, '-') or n}"
        anchor, k = base, 1
        while anchor in ids.values():
            k += 1
            anchor = f"{base}-{k}"
        ids[name] = anchor
    return ids


def _contents(groups: dict[str, dict[str, list[Payload]]], anchors: dict[str, str], en: str) -> list[str]:
    """The table of contents: each category, and under it a link to each of its scripts (``en``: its heading's
    language attribute)."""
    esc = html.escape
    out = [f'<nav id="contents" aria-labelledby="contents-title"><h2 id="contents-title"{en}>Contents</h2><ul>']
    for category in sorted(groups):
        out.append(f'<li><a href="#{esc(anchors[category])}">{esc(category)}</a>\n<ul>')
        out += [f'<li><a href="#{esc(script_id)}">{esc(items[0]["name"])}</a></li>'
                for script_id, items in groups[category].items()]
        out.append("</ul></li>")
    out.append("</ul></nav>")
    return out


def _note_head(kind: str, name: str, said: Callable[[str], str]) -> str:
    """A note's heading as HTML: 'Guidance', 'Alternative: <label>', 'If <when>', the English words by ``said``
    (the pack's own as written)."""
    if kind == "alternative":
        return f"{said('Alternative:')} {html.escape(name)}"
    if kind == "condition" and name.startswith("If "):  # (rendering's CONDITION_PREFIX)
        return f"{said('If')} {html.escape(name.removeprefix('If '))}"
    return html.escape(name)


def _box(p: Payload) -> str:
    """A reply's box: a plain-text channel's text kept as the customer gets it, line breaks and all."""
    kind = ' class="plain" dir="auto"' if p["plain"] else ""
    return f"<blockquote{kind}>{p['html']}</blockquote>"


def _length_line(p: Payload, said: Callable[[str], str]) -> str:
    return f'<p class="length">{said(p["length"])}</p>' if p["length"] else ""


def _variant_of(p: Payload) -> str:
    return f"({p['channel']}, variant {p['variant'] + 1})"


def _page(title: str, lang: str, groups: dict[str, dict[str, list[Payload]]]) -> str:
    esc = html.escape
    anchors = _category_ids(sorted(groups))
    rtl = text_direction(lang)
    # the page's own words are English: in a page of another language, marked so, for a screen reader to voice
    # them in English (``en``); a label before the pack's text also keeps its colon beside it in a right-to-left
    # line (``label``: dir="ltr" holds it apart)
    english = re.split(r"[-_]", lang.strip().lower())[0] == "en"
    en = "" if english else ' lang="en"'
    label = "" if english else ' lang="en" dir="ltr"'

    def said(words: str) -> str:
        return esc(words) if english else f"<span{label}>{esc(words)}</span>"

    # (the viewport line: without it a phone draws the page at desktop width and shrinks it; the policy allows the
    # page's style and no script: a reply's text is anyone's)
    out = ["<!DOCTYPE html>", f'<html lang="{esc(lang)}"' + (f' dir="{rtl}"' if rtl else "") + ">", "<head>",
           '<meta charset="utf-8">', policy_meta([_CSS]),
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{esc(title)} — agent playbook</title>", f"<style>{_CSS}</style>", "</head>", "<body>", "<main>",
           f"<h1>{esc(title)} — " + (f"<span{en}>agent playbook</span>" if en else "agent playbook") + "</h1>",
           *_contents(groups, anchors, en)]
    for category in sorted(groups):
        out.append(f'<section id="{esc(anchors[category])}"><h2>{esc(category)}</h2>')
        for script_id, items in groups[category].items():
            s = _script_parts(items)
            first = s["first"]
            out.append(f'<article id="{esc(script_id)}"><h3>{esc(first["name"])}</h3>')
            about = [*([f"<strong{label}>When:</strong> {esc(first['scenario'])}"] if first["scenario"] else []),
                     *([f"<strong{label}>Customer feels:</strong> {esc(first['emotion'])}"]
                       if first["emotion"] else [])]
            if about:
                out.append(f"<p>{'<br>'.join(about)}</p>")
            for p in s["replies"]:
                out.append(f"<h4{en}>{esc(channel_name(p['channel']))}</h4>{_length_line(p, said)}{_box(p)}")
            if s["others"]:
                # (each phrasing in a reply box of its own, labelled: not taken for the agent's prose)
                out.append(f"<h4{en}>Other ways to say it</h4>")
                out += [f'<p class="variant">{said(_variant_of(p))}</p>{_length_line(p, said)}{_box(p)}'
                        for p in s["others"]]
            for kind, name, _, body in s["notes"]:
                out.append(f'<div class="note"><strong{label if kind == "guidance" else ""}>'
                           f"{_note_head(kind, name, said)}:</strong> "
                           + (f'<span class="plain">{body}</span>' if first["plain"] else body) + "</div>")
            if s["blanks"]:
                out.append(f"<h4{en}>Fill in before sending</h4><ul>")
                out += [f"<li><mark>{esc(m)}</mark>" + _prompt(pr, ex, esc) + "</li>"
                        for m, (pr, ex) in s["blanks"].items()]
                out.append("</ul>")
            out.append("</article>")
        out.append("</section>")
    out += ["</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


def target() -> PlaybookTarget:
    return PlaybookTarget()
