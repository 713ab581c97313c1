"""The audit as ONE self-contained HTML file: inline CSS, inline SVG charts, a little inline JS.

Nothing is fetched at view time, and only the page's own style and script apply (a Content-Security-Policy
allowing each by its hash: ``scriptkit.csp``). Every piece of macro
text is escaped: a library is hostile input. The charts are drawn here as SVG, so they show
without JavaScript; the script only adds filtering, and the drill-down: each macro is a
``<details>`` element, opened by a click or by a ``#drill=<macro id>`` link.

A library of thousands is shown in full for its worst ``DETAILED`` macros only (``scriptkit audit --html-details``);
each of the others is a table row (score, title, top problem) that the filters and ``#drill=`` links reach too. Every
macro in full made a 20,000-macro page of 73 MB that a browser had not drawn after three minutes; ``--format json``
holds them all.
"""

# ruff: noqa: E501  (inline CSS, JS and HTML read better unwrapped)
from __future__ import annotations

import html
import os
import re
from bisect import bisect_left, insort
from pathlib import Path

from scriptkit.audit import (
    CAP,
    HTML_DETAILED,
    PRACTICE_LABELS,
    PRACTICES,
    WEIGHTS,
    WORK_ORDER_RULE,
    AuditReport,
    Highlight,
    MacroAudit,
    unmapped_advice,
)
from scriptkit.audit_compare import AuditComparison, MacroChange, rules_by
from scriptkit.csp import policy_meta
from scriptkit.diagnostics import Diagnostic
from scriptkit.language import language_of
from scriptkit.rules.base import FAMILIES
from scriptkit.sprawl import Quantity
from scriptkit.text import DIRECTION_CONTROLS, holds_right_to_left, text_direction

_COLORS = {"template": "#8d6e63", "readability": "#5c6bc0", "warmth": "#ef6c00", "empathy": "#d81b60",
           "solution": "#2e7d32", "export": "#6d4c41", "custom": "#00838f", "grammar": "#7b1fa2", "other": "#757575"}

_CSS = """
:root{--fg:#1d2330;--muted:#5f6b7a;--line:#e3e7ee;--bg:#f6f8fb;--card:#fff;--bad:#c62828;--mid:#f9a825;--good:#2e7d32}
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header{padding:24px 32px;background:#1d2330;color:#fff}header h1{margin:0 0 4px;font-size:22px}header p{margin:0;color:#c5ccd8}
main{padding:24px 32px;max-width:1200px;margin:auto}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin-bottom:20px}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 16px}
.card b{display:block;font-size:26px}.card span{color:var(--muted);font-size:13px}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(340px,1fr));gap:16px;margin-bottom:24px}
.chart{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 16px}
.chart h2,section h2{font-size:16px;margin:0 0 8px}
svg text{font:12px system-ui,sans-serif;fill:#333}svg .bar{cursor:pointer}svg .bar:hover{opacity:.8}svg a.on .bar{stroke:#1d2330;stroke-width:3}svg.filtered a:not(.on) .bar{opacity:.35}
section{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 16px;margin-bottom:20px}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top;font-size:14px}
.score{display:inline-block;min-width:34px;text-align:center;border-radius:4px;color:#fff;font-weight:600;font-size:13px;padding:0 4px}
.s-bad{background:var(--bad)}.s-mid{background:var(--mid);color:#222}.s-good{background:var(--good)}.s-none{background:#616161}
details.macro{border-top:1px solid var(--line);padding:6px 0}details.macro[hidden],tr.macro-row[hidden]{display:none}tr.macro-row.focus{background:#fffbe6}
details.macro>summary{cursor:pointer;display:flex;gap:8px;align-items:center;flex-wrap:wrap}
details.macro>summary .t{font-weight:600;flex:1 1 300px;font-size:15px;margin:0}
/* (a wide table scrolls inside its box: the common problems' table made a phone's page 435 px wide) */
.scroll{overflow-x:auto;max-width:100%}td.kind{overflow-wrap:normal}td.rule{overflow-wrap:normal;white-space:nowrap}
dl.practices{display:grid;grid-template-columns:max-content 1fr;gap:2px 8px;font-size:13px}dl.practices dd{margin:0}
details.macro>summary::before{content:"▸" / "";color:var(--muted)}details.macro[open]>summary::before{content:"▾" / ""}
.sev{font:10px ui-monospace,monospace;color:var(--muted);margin-left:1px;user-select:none}details.macro.focus{background:#fffbe6}
.body{white-space:pre-wrap;background:#fafbfc;border:1px solid var(--line);border-radius:6px;padding:10px 12px;margin:8px 0;font-size:14px}
mark{background:#ffe082;border-bottom:2px solid #f57f17;padding:0 1px}mark.error{background:#ffcdd2;border-color:var(--bad)}mark.suggestion{background:#e1f5fe;border-color:#0277bd}
.problems li{margin-bottom:4px}.code{font-family:ui-monospace,monospace;font-size:12px;color:var(--muted)}
.rewrite{color:var(--good)}.up{color:var(--good)}.down{color:var(--bad)}.muted{color:var(--muted)}.toolbar{display:flex;gap:8px;margin-bottom:8px;flex-wrap:wrap}
input[type=search]{padding:6px 8px;border:1px solid var(--line);border-radius:6px;min-width:260px}
/* (a long link or word in a macro wraps anywhere rather than run off a phone's screen) */
.body,.problems li,details.macro>summary .t,td,.muted,header p{overflow-wrap:anywhere}
.visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
#controls[hidden]{display:none}.filter-note{display:none}body:not([data-ready]) .filter-note:target{display:block}
button{padding:5px 10px;border:1px solid var(--line);border-radius:6px;background:#fff;cursor:pointer}
/* (on a phone the common problems are a card each: six columns in 300 px squeezed a rule's name to "no-flexi/bilit/y"
   and left its quotes off the screen, inside the table's scroll; the boxes around give the text room too) */
@media screen and (max-width:640px){
header{padding:16px 12px}main{padding:16px 8px}section{padding:12px 10px}
table.common,table.common tbody,table.common tr,table.common td{display:block}table.common tr:has(th){display:none}
table.common tr{border-bottom:1px solid var(--line);padding:6px 0}table.common td{border:0;padding:0 4px}
table.common td.code,table.common td.rule,table.common td[data-label]{display:inline-block}
table.common td[data-label]::before{content:attr(data-label) " ";color:var(--muted)}
}
@media print{
body{background:#fff}header{background:none;color:var(--fg);padding:0 0 12px}header p{color:var(--muted)}main{padding:0}
#controls,noscript,.filter-note a{display:none}.scroll{overflow:visible}
.card,.chart,svg,tr,li{break-inside:avoid}h1,h2,h3,summary{break-after:avoid}
/* (paper shows what the screen shows: the macros listed, each closed one as its summary line, each open one whole;
   every macro opened was 413 pages for a library of 489: "Expand shown" opens them first where that is wanted) */
}
"""

_JS = """
(function(){
  var macros=[].slice.call(document.querySelectorAll('details.macro'));
  // (the macros past the ones shown in full: a row each, filtered and drilled into as they are)
  var rows=[].slice.call(document.querySelectorAll('tr.macro-row'));
  var status=document.getElementById('filter-status');
  // (each macro's heading stands just before it, outside its summary: hidden and moved with it)
  function show(pred,label){var n=0;macros.forEach(function(m){var ok=pred(m);m.hidden=!ok;m.previousElementSibling.hidden=!ok;if(ok)n++;});
    rows.forEach(function(r){var ok=pred(r);r.hidden=!ok;if(ok)n++;});
    status.textContent=label?label+': '+n+' macro(s)':'';}
  function drill(id){var el=document.getElementById('m-'+id);if(!el)return false;
    show(function(){return true;},'');el.hidden=false;el.open=true;
    macros.concat(rows).forEach(function(m){m.classList.remove('focus');});el.classList.add('focus');
    el.setAttribute('data-drilled','1');el.scrollIntoView({block:'start'});return true;}
  // (the bar whose filter is on is marked, the others fade: the chart shows a filter is on)
  function mark(href){[].slice.call(document.querySelectorAll('svg a[href]')).forEach(function(a){
    var on=a.getAttribute('href')===href;a.classList.toggle('on',on);
    if(on)a.setAttribute('aria-current','true');else a.removeAttribute('aria-current');});
    [].slice.call(document.querySelectorAll('svg')).forEach(function(s){s.classList.toggle('filtered',!!s.querySelector('a.on'));});}
  // (the list is screens below the charts: a filter brings it on screen, as a drill-down does)
  function filter(pred,label,href){show(pred,label);mark(href);document.getElementById('macros').scrollIntoView({block:'start'});}
  function route(){var h=decodeURIComponent(location.hash.slice(1));
    if(h.indexOf('drill=')===0){mark('');drill(h.slice(6));}
    else if(h.indexOf('bucket=')===0){var b=parseInt(h.slice(7),10);
      filter(function(m){return !m.dataset.part&&Math.min(9,Math.floor(parseFloat(m.dataset.score)/10))===b;},'Score '+(b*10)+'-'+(b*10+(b===9?10:9)),'#bucket='+b);}
    else if(h.indexOf('family=')===0){var f=h.slice(7);
      filter(function(m){return (' '+m.dataset.families+' ').indexOf(' '+f+' ')>=0;},'Problems in '+f,'#family='+f);}
    else if(h.indexOf('rule=')===0){var r=h.slice(5);
      filter(function(m){return (' '+m.dataset.codes+' ').indexOf(' '+r+' ')>=0;},'Problems of '+r,'#rule='+r);}
    else if(h==='broken'){filter(function(m){return !!m.dataset.broken;},'Broken for the customer','#broken');}}
  window.addEventListener('hashchange',route);
  document.getElementById('search').addEventListener('input',function(e){var q=e.target.value.toLowerCase();
    mark('');show(function(m){return !q||m.textContent.toLowerCase().indexOf(q)>=0;},q?'Matching "'+e.target.value+'"':'');});
  document.getElementById('show-all').addEventListener('click',function(){history.replaceState(null,'',' ');mark('');show(function(){return true;},'');});
  document.getElementById('expand').addEventListener('click',function(){macros.forEach(function(m){if(!m.hidden)m.open=true;});});
  // (the list as written is worst first: the other orders are sorted from it, ties kept in its order)
  var said={worst:'worst first',best:'best first',title:'by title'};
  macros.concat(rows).forEach(function(m,i){m.setAttribute('data-rank',i);});
  function rank(m){return parseInt(m.getAttribute('data-rank'),10);}
  function title(m){return (m.querySelector('summary .t')||m.querySelector('bdi')).textContent;}
  // (the rows' part: its heading, note and table; the macros in full stay out of it, and its rows sort too: once
  // they were left worst first, and the macros in full were moved below their table)
  var rest=document.getElementById('other-macros-part');
  document.getElementById('sort').addEventListener('change',function(e){var how=e.target.value;
    function by(a,b){
      if(how==='best')return (a.dataset.part?1:0)-(b.dataset.part?1:0)||parseFloat(b.dataset.score)-parseFloat(a.dataset.score)||rank(a)-rank(b);
      if(how==='title')return title(a).localeCompare(title(b),undefined,{sensitivity:'base'})||rank(a)-rank(b);
      return rank(a)-rank(b);}
    var list=macros.slice().sort(by);
    var box=document.getElementById('macros');
    if(rest)box.appendChild(rest);
    list.forEach(function(m){box.insertBefore(m.previousElementSibling,rest);box.insertBefore(m,rest);});
    macros=list;
    if(rest){var body=rows.length?rows[0].parentNode:null;rows=rows.slice().sort(by);
      rows.forEach(function(r){body.appendChild(r);});
      // (best first: the rows are the library's better macros, past the worst shown in full, so they lead)
      if(how==='best'&&list.length)box.insertBefore(rest,list[0].previousElementSibling);}
    document.getElementById('order-said').textContent=said[how]||said.worst;});
  document.getElementById('controls').hidden=false;  // (drawn only when they work)
  document.body.setAttribute('data-ready','1');
  route();
})();
"""


# Characters a reader never sees: the direction controls reorder the rest of their line (a title's U+202E turned
# the quotes of other findings backwards, SK012's evidence read as an empty quote), the zero-width ones split a
# word unseen. Each is shown by its code point instead, as SK012 names it.
_UNSEEN = re.compile("[" + "".join(sorted(DIRECTION_CONTROLS | frozenset("\u200b\u2060\ufeff"))) + "]")


def _e(text: object) -> str:
    """``text`` escaped for HTML, its unseen characters shown as ``⟨U+202E⟩``."""
    return _UNSEEN.sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", html.escape(str(text), quote=True))


def _quote(text: str, limit: int, told: str = "") -> str:
    """``text`` in quotes, escaped; a text longer than ``limit`` characters is cut at a word and ends with an
    ellipsis inside the quotes, so a shortened quote never reads as the whole (the whole is in --format json,
    and a finding quoting its whole reply has it shown in full above). ``told``: its language's attributes
    (``_told``)."""
    # (isolated: a right-to-left quote, or one ending in a number, does not reorder the sentence around it)
    if len(text) <= limit:
        return f"&ldquo;<bdi{told}>{_e(text)}</bdi>&rdquo;"
    cut = text[:limit]
    space = max(cut.rfind(" "), cut.rfind("\n"))
    if space > limit * 2 // 3:  # (at a word, unless that loses a third of it)
        cut = cut[:space]
    return f'&ldquo;<bdi{told}>{_e(cut.rstrip())}&hellip;</bdi>&rdquo;'


def _told(language: str | None) -> str:
    """The ``lang`` and ``dir`` attributes of text in ``language`` (a code, "ar"), "" for English, the page's own:
    a screen reader voices it in its language (WCAG 3.1.2), and a right-to-left one reads so even where it starts
    with a placeholder or a comma, which a direction told by the first letter ran left to right."""
    if language is None or language == "en":
        return ""
    return f' lang="{_e(language)}"' + (f' dir="{rtl}"' if (rtl := text_direction(language)) else "")


def _title_told(title: str) -> str:
    """``_told`` of a title's language, where most of its words are in it: 'Shipping::Late — اعتذار' is English (as
    ``language_of``'s Arabic, it was read right to left, 'Shipping::Late —' reordered); where none is told, its
    ``<bdi>`` sets its direction by its first letter."""
    language = language_of(title)
    if text_direction(language) is not None:
        words = [word for word in title.split() if any(c.isalpha() for c in word)]
        if 2 * sum(1 for word in words if holds_right_to_left(word)) <= len(words):
            return ""
    return _told(language)


# an excerpt a finding's sentence quotes ("the reply reads '، شكراً ...'"): a quote opens after no letter, so an
# apostrophe ("customer's") opens none
_EXCERPT = re.compile(r"(?<!\w)'([^'\n]+)'(?!\w)")


def _said(sentence: str, told: str = "") -> str:
    """A finding's sentence escaped, each right-to-left excerpt it quotes isolated (``<bdi>``, in ``told``'s
    language): run into the English around it, its comma and placeholder stood on the wrong side."""
    out, pos = [], 0
    for m in _EXCERPT.finditer(sentence):
        if holds_right_to_left(m.group(1)):
            out.append(f"{_e(sentence[pos:m.start(1)])}<bdi{told if 'dir=' in told else ''}>{_e(m.group(1))}</bdi>")
            pos = m.end(1)
    return "".join(out) + _e(sentence[pos:])


def _more_rows(shown: int, total: int, what: str, columns: int) -> str:
    """A table's last row saying how many of its rows were left out, where some were."""
    if total <= shown:
        return ""
    return (f'<tr><td colspan={columns} class="muted">and {total - shown} more {what} '
            "(all in --format json)</td></tr>")


def _more_items(shown: int, total: int) -> str:
    """What a list cut at ``shown`` of ``total`` items ends with: how many more there are, where some were cut."""
    return f' <span class="muted">and {total - shown} more (all in --format json)</span>' if total > shown else ""


def _score(value: float | None, why: str | None = None) -> str:
    if value is None:
        return f'<span class="score s-none" title="not judged{f": {_e(why)}" if why else ""}">-</span>'
    cls = "s-bad" if value < 50 else "s-mid" if value < 80 else "s-good"
    return f'<span class="score {cls}">{value:.0f}</span>'


def _bucket(m: MacroAudit) -> int:
    """The score distribution's bar a macro is counted in: 0 for 0-9, ..., 9 for 90-100."""
    return min(9, int(m.held_mean // 10))


def _bucket_label(i: int) -> str:
    return f"{i * 10}-{i * 10 + 9 + (i == 9)}"


def _histogram(report: AuditReport) -> str:
    buckets = [0] * 10
    for m in report.judged_in_full:  # (as the overall score: one judged in part has flexibility alone)
        buckets[_bucket(m)] += 1
    width, height, pad = 420, 200, 26
    top = max(buckets) or 1
    bar_w = (width - pad * 2) / 10
    # (a group, not an image: role=img would hide the bars' links from a screen reader)
    parts = [f'<svg id="chart-scores" viewBox="0 0 {width} {height}" width="100%" role="group" '
             f'aria-label="Distribution of overall scores">']
    for i, n in enumerate(buckets):
        h = (height - pad * 2) * n / top
        x, y = pad + i * bar_w, height - pad - h
        color = "#c62828" if i < 5 else "#f9a825" if i < 8 else "#2e7d32"
        label = f"Score {i * 10}-{i * 10 + 9 + (i == 9)}: {n} macro(s)"
        bar = (f'<rect class="bar" data-bucket="{i}" data-count="{n}" x="{x + 3:.1f}" '
               f'y="{y:.1f}" width="{bar_w - 6:.1f}" height="{h:.1f}" fill="{color}">'
               f'<title>{i * 10}-{i * 10 + 9 + (i == 9)}: {n} macro(s)</title></rect>')
        # (an empty bar lists nothing: no link, so no keyboard stop)
        parts.append(f'<a href="#bucket={i}" aria-label="{label}">{bar}</a>' if n else bar)
        parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{height - pad + 14}" text-anchor="middle">{i * 10}</text>')
        if n:
            parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle">{n}</text>')
    parts.append(f'<line x1="{pad}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}" stroke="#999"/>')
    parts.append("</svg>")
    return "".join(parts)


def _bars(chart_id: str, name: str, rows: list[tuple[str, float, str, str]], unit: str,
          maximum: float | None = None) -> str:
    """Horizontal bars: (label, value, color, link), the chart named ``name`` for a screen reader."""
    width, row_h, label_w = 400, 24, 150  # (a label as long as "readability (SK1xx)")
    height = max(1, len(rows)) * row_h + 10
    top = maximum or max((v for _, v, _, _ in rows), default=1) or 1
    # (bars that are links: a group, whose links a screen reader reaches, each saying what it lists; bars without
    # links: an image, its name giving every value)
    linked = any(link for _, _, _, link in rows)
    per = unit if unit.startswith("/") else f" {unit}"  # ("78/100", "3 problem(s)")
    said = name if linked else f"{name}: " + ", ".join(f"{label} {value:.0f}{per}" for label, value, _, _ in rows)
    parts = [f'<svg id="{chart_id}" viewBox="0 0 {width} {height}" width="100%" '
             f'role="{"group" if linked else "img"}" aria-label="{_e(said)}">']
    for i, (label, value, color, link) in enumerate(rows):
        y = 5 + i * row_h
        w = (width - label_w - 60) * value / top
        bar = (f'<rect class="bar" data-label="{_e(label)}" data-value="{value}" x="{label_w}" y="{y}" '
               f'width="{w:.1f}" height="{row_h - 8}" fill="{color}"><title>{_e(label)}: {value:g} {unit}</title></rect>')
        parts.append(f'<text x="{label_w - 6}" y="{y + row_h / 2 + 1}" text-anchor="end">{_e(label)}</text>')
        parts.append(f'<a href="{_e(link)}" aria-label="{_e(label)}: {value:g} {_e(unit)}">{bar}</a>' if link and value else bar)
        # (a whole number, as the terminal prints it: an average of 78.1 is "78" there too)
        parts.append(f'<text x="{label_w + w + 6:.1f}" y="{y + row_h / 2 + 1}">{value:.0f}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _highlighted(text: str, highlights: list[Highlight]) -> str:
    out: list[str] = []
    pos = 0
    for h in _marked(highlights):
        out.append(_e(text[pos:h.start]))
        out.append(f'<mark class="{_e(h.severity)}" data-code="{_e(h.code)}" title="{_e(h.code)} {_e(h.message)}">'
                   f"{_e(text[h.start:h.end])}</mark><sup class=\"sev\">{_e(h.code)} {_e(h.severity)}</sup>")
        pos = h.end
    out.append(_e(text[pos:]))
    return "".join(out)


def _marked(highlights: list[Highlight]) -> list[Highlight]:
    """The spans to mark, in text order: the narrowest first, none overlapping. A phrase inside a
    finding about its whole sentence or reply (reading ease, formality) is marked rather than
    hidden under it; every finding is listed below the text either way."""
    chosen: list[Highlight] = []
    # (the chosen spans by (start, end): none overlapping, so their ends rise too, and a span overlaps
    # one of them only if it overlaps the last that starts before it ends; tested against each, a
    # macro repeating a phrase 20,000 times took minutes)
    spans: list[tuple[int, int]] = []
    for h in sorted(highlights, key=lambda h: (h.end - h.start, h.start)):
        k = bisect_left(spans, (h.end, -1)) - 1  # (the last chosen span starting before h ends)
        if k < 0 or spans[k][1] <= h.start:
            chosen.append(h)
            insort(spans, (h.start, h.end))
    return sorted(chosen, key=lambda h: h.start)


#: Each practice's name in a macro's row, where five scores share a line (the full name is its tooltip)
_SHORT_LABELS = {"acknowledgment": "Ack", "warm_language": "Warmth", "flexibility": "Flex", "solution": "Solution",
                 "readability": "Reading"}


def _read_as(full: str, short: str, cls: str) -> str:
    """``short`` shown, ``full`` read by a screen reader (most skip a title attribute: 'Ack 0' was all it said)."""
    if full == short:
        return f'<span class="{cls}" title="{_e(full)}">{_e(short)}</span>'
    return (f'<span class="{cls}" title="{_e(full)}" aria-hidden="true">{_e(short)}</span>'
            f'<span class="visually-hidden">{_e(full)}</span>')


def _read_score(value: float | None, why: str | None = None) -> str:
    """A score as ``_score`` shows it; one not judged is read as 'not judged', not as a dash."""
    if value is not None:
        return _score(value)
    return f'<span aria-hidden="true">{_score(value, why)}</span><span class="visually-hidden">not judged</span>'


def _filter_data(m: MacroAudit) -> str:
    """A macro's id and the data its filters read (#bucket=, #family=, #broken, #rule=), as its ``<details>`` and
    its row (``_row``) both carry them."""
    families = " ".join(sorted({_family(d.code) for d in m.diagnostics}))
    codes = " ".join(sorted({d.code for d in m.diagnostics}))  # (the #rule= lists)
    # (judged in part: not in the score distribution's buckets)
    part = ' data-part="1"' if m.judged_in_part else f' data-bucket="{_bucket(m)}"'
    part += ' data-broken="1"' if m.held_because is not None else ""  # (the #broken list)
    return f'id="m-{_e(m.id)}" data-score="{m.held_mean}"{part} data-families="{_e(families)}" data-codes="{_e(codes)}"'


def _macro(m: MacroAudit) -> str:
    # (spaces between: a flex row drops them from the layout, and without them '24' and 'Acknowledgment' were one word)
    scores = " ".join(f'{_read_as(PRACTICE_LABELS[p], _SHORT_LABELS[p], "muted")} '
                      f'{_read_score(m.scores[p], m.not_judged_because.get(p))}' for p in m.shown_practices)
    items = []
    told = _told(m.other_language)  # (its text's language, where not the page's English)
    for d in m.diagnostics:
        rewrite = f'<br><span class="rewrite">Suggested: {_said(d.suggestion, told)}</span>' if d.suggestion else ""
        if d.fix is not None and d.fix.edits and d.text:
            rewrite += (f'<br><span class="rewrite">Rewrite: {_quote(d.text, 120, told)} &rarr; '
                        f'{_quote(d.fix.edits[0].replacement, 160, told)}</span>')
        quoted = f" {_quote(d.text, 160, told)}" if d.text else ""
        items.append(f'<li><span class="code">{_e(d.code)} {_e(d.name)} · {_e(d.severity.value)}</span> '
                     f"{_said(d.message, told)}{quoted}{rewrite}</li>")
    # (at check's finding in a pack's script, else at the macro: the text report and the JSON say where too)
    risks = "".join(f"<li>{_e(m.placeholder_as_written(r))} can be empty and {m.lacks_fallback(r)} "
                    f"(<code>{_e(m.placeholder_location(r))}</code>)</li>" for r in m.blank_risks)
    risks += "".join(f"<li><b>{_e(u.text)}</b> is a placeholder that did not map: the customer gets it {_e(u.how_sent)} "
                     f"unless the agent replaces it; {_e(unmapped_advice(u))}</li>" for u in m.unmapped)
    if m.capped:
        risks += f"<li>Overall score capped at {CAP:g} (it would score {m.mean:.0f}) because {_e(m.held_because or '')}.</li>"
    if m.flexibility_note:
        risks += f"<li>Flexibility 0: {_e(m.flexibility_note)}.</li>"
    # (the heading stands before the details, for a screen reader's list of headings: inside the summary, which
    # is a button to one, its heading was flattened into the button's name)
    body = told if "dir=" in told else f'{told} dir="auto"'  # (another's by its first letter)
    title = f"<bdi{_title_told(m.title)}>{_e(m.title)}</bdi>"  # (by its own words: 'Refund' is no Arabic)
    return (f'<h3 class="macro-h visually-hidden">{title}{_state(m)}</h3>'
            f'<details class="macro" {_filter_data(m)}>'
            # (the title is read from the heading just before: in the summary too, a screen reader said it twice)
            f'<summary><span class="visually-hidden">overall score </span>{_read_score(m.overall)} '
            f'<span class="t" aria-hidden="true">{title}{_state(m)}</span> {scores}</summary>'
            # (the target of a #drill= link: a browser opens the details around it, with JavaScript off too)
            f'<div class="muted" id="drill={_e(m.id)}">{_e(m.id)}{f" · id {_e(m.export_id)}" if m.export_id else ""}'
            f'{f" · <b>{_e(m.unused)}</b> in the helpdesk" if m.unused else ""}'
            f'{" · <b>internal note</b>, not judged as a reply" if m.internal else ""}'
            f'{f" · <b>{_e(m.fragment)}</b>: not a whole reply, judged on its phrases only" if m.fragment else ""}'
            f' · {_e(m.location)}</div>'
            f'<div class="body"{body}>{_highlighted(m.text, m.highlights)}</div>'
            f'<ul class="problems">{"".join(items) or "<li>No problems found.</li>"}{risks}</ul></details>')


def _row(m: MacroAudit) -> str:
    """A macro past those shown in full: a table row of its score, title and top problem, with the data the filters
    read (as its ``<details>`` has) and the place a ``#drill=`` link opens."""
    # (what costs it most: what breaks it for the customer, else its first finding of the gravest severity)
    worst = max(m.diagnostics, key=lambda d: WEIGHTS.get(d.severity, 0.0), default=None)
    top = (f"broken: {_e(m.held_because)}" if m.held_because is not None else
           f'<span class="code">{_e(worst.code)} {_e(worst.name)} · {_e(worst.severity.value)}</span> {_e(worst.message)}'
           if worst is not None else "No problems found.")
    more = len(m.diagnostics) - (worst is not None and m.held_because is None)
    top += f' <span class="muted">({more} more)</span>' if more > 0 else ""
    return (f'<tr class="macro-row" {_filter_data(m)}><td>{_score(m.overall)}</td><td id="drill={_e(m.id)}"><bdi>{_e(m.title)}</bdi>'
            f'{_state(m)}</td><td>{top}</td></tr>')


def _rows(report: AuditReport, detailed: int) -> str:
    """The macros past the worst ``detailed``, a row each (``_row``), and what the page says of them; "" for none."""
    rest = report.macros[detailed:]
    if not rest:
        return ""
    # (one part, moved as a whole by the sort: best first puts it above the worst, shown in full)
    return (f'<div id="other-macros-part"><h3 id="other-macros">The other {len(rest)} macro(s), a row each</h3>'
            f'<p class="muted">The worst {detailed} are shown in full; each of these {len(rest)} has its overall '
            "score, title and top problem, worst first as written (the filters and the sort work on them too: best "
            "first lists these first, as they score higher; the text filter reads their title and top problem). "
            "<code>scriptkit audit --html-details N</code> shows N in full; <code>--format json</code> has every "
            "macro whole.</p>"
            + _table("The other macros", "<tr><th>overall</th><th>macro</th><th>top problem</th></tr>",
                     "".join(_row(m) for m in rest)) + "</div>")


def _state(m: MacroAudit) -> str:
    """A macro's mark beside its title where it is not a reply in use (switched off, an internal note), or not a
    whole reply (a fragment: "a list with no reply around it")."""
    marks = [s for s in (m.unused, "internal note" if m.internal else None, m.fragment) if s]
    return f' <span class="muted state">({_e(", ".join(marks))})</span>' if marks else ""


def _family_label(family: str) -> str:
    """A rule family with its codes: "empathy (SK3xx)"."""
    digit = next((d for d, name in FAMILIES.items() if name == family), None)
    return family if digit is None else f"{family} (SK{digit}xx)"


def _family(code: str) -> str:
    from scriptkit.audit import family_of

    return family_of(code)


#: the members of a duplicate group the report links to: a templated library's one group can hold thousands
_GROUP_SHOWN = 50


def _more(said: list[Quantity], shown: int = 4) -> str:
    """How many more macros give an amount than the first ``shown`` quotes of it name."""
    more = len({q.macro for q in said[shown:]} - {q.macro for q in said[:shown]})
    return f" <span class=muted>and {more} more macro(s)</span>" if more else ""


def _without_script(report: AuditReport) -> tuple[str, str]:
    """What makes the chart bars' links (#bucket=3, #family=empathy) filter the list with JavaScript off: a note
    per link, the link's target, and CSS hiding the other macros while it is the target (``:has``). Once the
    script runs (``data-ready``) it filters instead, and these stay out of its way."""
    filters = [(f"bucket={i}", f':is(details.macro,tr.macro-row):not([data-bucket="{i}"])', f"the macros scored {_bucket_label(i)}")
               for i in sorted({_bucket(m) for m in report.judged_in_full})]
    filters += [(f"family={f}", f':is(details.macro,tr.macro-row):not([data-families~="{f}"])', f"the macros with {_family_label(f)} problems")
                for f in report.by_family]
    filters += [("broken", ":is(details.macro,tr.macro-row):not([data-broken])", "the macros broken for the customer")] if report.broken else []
    filters += [(f"rule={code}", f':is(details.macro,tr.macro-row):not([data-codes~="{code}"])', f"the macros with {code} problems")
                for code in dict.fromkeys(c.code for c in report.common)]
    # (each macro's heading, just before it, is hidden with it)
    css = "".join(f'body:not([data-ready]):has([id="{target}"]:target) :is({others},h3.macro-h:has(+{others})){{display:none}}'
                  f'body:not([data-ready]):has([id="{target}"]:target) svg a[href="#{target}"] .bar{{stroke:#1d2330;stroke-width:3}}'
                  for target, others, _ in filters)
    notes = "".join(f'<p class="filter-note" id="{_e(target)}">Showing {_e(what)}. <a href="#macros">Show all</a></p>'
                    for target, _, what in filters)
    return css, notes


def _rule_filter(text: str, section: str, rules: dict[str, str]) -> str:
    """A work order step's link: the #rule= list of the common problem it names ("SK301 missing-acknowledgment in
    ..."), else its section."""
    if section == "common":
        code = next((code for named, code in rules.items() if text.startswith(named)), None)
        if code is not None:
            return f"rule={code}"
    return section


#: what each practice judges, as the page defines it
_PRACTICE_MEANING = {
    "acknowledgment": "the reply says what happened to the customer and how it feels, first",
    "warm_language": "a warm, human line: thanks, reassurance, an apology that owns it",
    "flexibility": "room the agent has to adapt the reply: notes, alternatives, fill-ins such as [reason]",
    "solution": "what happens next: who does what, and when",
    "readability": "plain, short sentences the customer reads at a glance; nothing sent as typed by mistake",
}


def _table(caption: str, head: str, rows: str, kind: str = "") -> str:
    """A table with its caption, in a box that scrolls sideways on a screen narrower than the table; ``kind``: its
    class."""
    return (f'<div class="scroll" role="region" tabindex="0" aria-label="{_e(caption)}"><table{f" class={kind}" if kind else ""}>'
            f'<caption class="visually-hidden">{_e(caption)}</caption>{head}{rows}</table></div>')


def _moved(old: float | None, new: float | None) -> str:
    """'62 &rarr; 68 <b class=up>+6</b>', the move coloured by its way."""
    said = f"{_score(old)} &rarr; {_score(new)}"
    if old is None or new is None or round(new) == round(old):
        return said
    return f'{said} <b class="{"up" if new > old else "down"}">{round(new) - round(old):+d}</b>'


def _changes(comparison: AuditComparison | None, shown: int = 15) -> str:
    """The section saying what changed since the earlier audit (``--compare``): the biggest movers first."""
    if comparison is None:
        return ""
    c = comparison
    averages = "".join(f"<tr><td>{_e(PRACTICE_LABELS.get(p, p))}</td><td>{_moved(old, new)}</td></tr>"
                       for p, (old, new) in c.averages.items())
    up, down = c.movers(shown)

    def movers(found: list[MacroChange], caption: str) -> str:
        rows = "".join(f"<tr><td><bdi>{_e(m.named)}</bdi>{' <span class=muted>(text edited)</span>' if m.text_changed else ''}</td>"
                       f"<td>{_moved(m.old_overall, m.new_overall)}</td><td>"
                       + ", ".join(f"{_e(PRACTICE_LABELS.get(p, p).lower())} {_moved(old, new)}" for p, (old, new) in m.practices.items())
                       + "</td></tr>" for m in found)
        return _table(caption, "<tr><th>macro</th><th>overall</th><th>practices that moved</th></tr>",
                      rows or "<tr><td colspan=3>None.</td></tr>")

    def rules(pick: str, caption: str) -> str:
        found = rules_by(c.rules, pick)
        rows = "".join(f"<tr><td class=code>{_e(r.code)}</td><td class=rule>{_e(r.name)}</td><td>{getattr(r, pick)}</td></tr>"
                       for r in found[:shown]) + _more_rows(shown, len(found), "rule(s)", 3)
        return _table(caption, "<tr><th>code</th><th>rule</th><th>problems</th></tr>", rows or "<tr><td colspan=3>None.</td></tr>")

    def names(found: list[str]) -> str:
        return ", ".join(f"<bdi>{_e(n)}</bdi>" for n in found[:shown]) + _more_items(shown, len(found))

    gone = sum(r.removed_with_macros for r in c.rules)
    came = sum(r.added_with_macros for r in c.rules)
    return (f'<section id="changes"><h2>Changes since the earlier audit</h2><p>Compared with <code>{_e(c.old_file)}</code> '
            f"(the audit of {_e(c.old_source)}): overall {_moved(c.old_overall, c.new_overall)}; {len(c.added)} macro(s) added, "
            f"{len(c.removed)} removed, {len(c.changed)} changed, {c.unchanged} unchanged. Macros are matched by their "
            "helpdesk id, else by title.</p>"
            + (f"<p>Added: {names(c.added)}</p>" if c.added else "") + (f"<p>Removed: {names(c.removed)}</p>" if c.removed else "")
            + _table("Average score per practice, then and now", "<tr><th>practice</th><th>then &rarr; now</th></tr>", averages)
            + "<h3>Biggest movers up</h3>" + movers(up, "Macros whose overall score rose most")
            + "<h3>Biggest movers down</h3>" + movers(down, "Macros whose overall score fell most")
            + "<h3>Problems fixed, by rule</h3>" + rules("fixed", "Problems fixed, by rule")
            + "<h3>New problems, by rule</h3>" + rules("new", "New problems, by rule")
            + (f'<p class="muted">Counted in the macros of both audits: with the macros removed, {gone} problem(s) went; with '
               f"those added, {came} came.</p>" if gone or came else "")
            + "</section>")


def render_html(report: AuditReport, detailed: int = HTML_DETAILED, comparison: AuditComparison | None = None) -> str:
    """The page: the worst ``detailed`` macros in full (text, highlights, every problem), the others a row each;
    with ``comparison``, a section on what changed since the earlier audit."""
    averages = report.averages
    n = len(report.macros)
    cards = [("macros", n), ("overall score", "-" if report.overall is None else f"{report.overall:.0f}/100"),
             ("problems", sum(len(m.diagnostics) for m in report.macros)),
             ("duplicate groups", len(report.duplicates)), ("contradictions", len(report.contradictions)),
             ("blank-risk placeholders", len(report.blank_risks)), ("unreadable items", len(report.unreadable))]
    # (each family by its codes too, as `scriptkit rules` lists them: "empathy" alone read as another name for the
    # acknowledgment practice the rest of the page scores)
    families = [(_family_label(f), float(c), _COLORS.get(f, "#757575"), f"#family={f}")
                for f, c in report.by_family.items()]
    practice_rows = [(PRACTICE_LABELS[p], float(averages[p] or 0), "#3949ab", "") for p in PRACTICES
                     if averages[p] is not None]
    # (over the macros the overall score is the mean of, as the text report says)
    # (the page says once, above, which macros those are and why: here only that these are the same)
    practice_note = (f'<p class="muted">Over the same {len(report.judged_in_full)} macro(s) as the overall '
                     'score.</p>' if report.judged_in_part else "")
    # (each practice said in a line: "Flexibility" was never defined on the page)
    practice_note += ('<dl class="muted practices">' + "".join(
        f"<dt>{_e(PRACTICE_LABELS[p])}</dt><dd>{_e(_PRACTICE_MEANING[p])}"
        f"{'' if p in report.judged else ' (not scored here: see below)'}</dd>" for p in PRACTICES) + "</dl>")
    # (the headline said "62" with no scale nor how it is made: that was only in --help and the JSON)
    judged = len(report.judged_in_full)
    headline = (f'<p class="headline-how muted">Overall score: out of 100, the mean of the overall scores of the '
                f"{judged} macro(s) judged on every practice; each macro's is the mean of its practice scores "
                f"({', '.join(PRACTICE_LABELS[p].lower() for p in PRACTICES if p in report.judged)}), at most "
                f"{CAP:g} when it is broken for the customer.</p>")
    common = "".join(f'<tr><td class=code><a href="#rule={_e(c.code)}">{_e(c.code)}</a></td>'
                     f"<td class=rule>{_e(c.name)}</td><td>{_e(c.label)}</td>"
                     f'<td data-label="macros">{c.macros}</td><td data-label="times">{c.count}</td><td>'
                     + "; ".join(f"&ldquo;<bdi>{_e(t)}</bdi>&rdquo; {k}" for t, k in c.phrases) + "</td></tr>"
                     for c in report.common[:15]) + _more_rows(15, len(report.common), "kind(s) of problem", 6)
    by_category = report.categories  # (grouped afresh on each read: read once)
    cats = "".join(
        f"<tr><td><bdi>{_e(c.name)}</bdi></td><td data-label=\"macros\">{c.macros}</td><td>{_score(c.overall)}</td>"
        f"<td>{_e(PRACTICE_LABELS[c.coldest].lower()) + ' ' + _score(c.averages[c.coldest]) if c.coldest else '-'}</td>"
        f'<td data-label="broken">{c.broken}</td></tr>'
        for c in by_category[:100]) + _more_rows(100, len(by_category), "categories", 5)
    categories = ('<section id="categories"><h2>Categories, coldest first</h2><p class="muted">Each category of the '
                  "titles (<code>Billing::Refunds::...</code>) by the overall score of its macros judged on every "
                  "practice, with the practice it scores lowest in: type a category in the filter above its macros "
                  "to list them.</p>"
                  + _table("Categories, coldest first", "<tr><th>category</th><th>macros</th><th>overall</th>"
                           "<th>lowest practice</th><th>broken</th></tr>", cats) + "</section>"
                  if by_category else "")
    titles = {m.id: m.title for m in report.macros}
    by_id = {m.id: m for m in report.macros}  # (a contradiction's quote in its macro's own words)
    dups = "".join(
        f"<tr><td class=kind>{_e(g.kind)}</td><td>{'1.00' if g.kind == 'exact' else f'&ge; {g.similarity:.2f}'}"
        f"{f'<br><b>{_e(g.note)}</b>' if g.note else ''}</td><td>"
        + ", ".join(f'<a href="#drill={_e(i)}"><bdi>{_e(titles.get(i, i))}</bdi></a>' for i in g.members[:_GROUP_SHOWN])
        + _more_items(_GROUP_SHOWN, len(g.members)) + "</td></tr>"
        for g in report.duplicates[:100]) + _more_rows(100, len(report.duplicates), "group(s)", 3)
    contra = "".join(
        f"<tr><td class=kind>{_e(c.topic)}</td><td class=kind>{_e(c.unit)}</td><td><ul>"
        + "".join(f"<li><b>{_e(v)}</b>: " + "; ".join(
            f'<a href="#drill={_e(q.macro)}"><bdi>{_e(titles.get(q.macro, q.macro))}</bdi></a> <span class=muted>'
            f"{_quote(by_id[q.macro].in_own_words(q.sentence) if q.macro in by_id else q.sentence, 140)}</span>"
            for q in qs[:4]) + _more(qs)
            + "</li>"
            for v, qs in c.values.items())
        + "</ul></td></tr>" for c in report.contradictions[:50]) + _more_rows(50, len(report.contradictions),
                                                                             "contradiction(s)", 3)
    # (found by English words: "None found." of a library in Spanish read as checked)
    unchecked = report.contradictions_not_checked
    not_checked = (f"not checked in {sum(unchecked.values())} macro(s) in another language "
                   f"({', '.join(f'{language} {count}' for language, count in unchecked.items())}): the check reads "
                   "English words only") if unchecked else ""
    contra_none = f"None found; {not_checked}." if not_checked else "None found."
    contra_note = f'<p class="muted">{_e(not_checked[:1].upper() + not_checked[1:])}.</p>' if not_checked and contra else ""
    unreadable = "".join(f"<li>{_e(p)}</li>" for p in report.unreadable)
    def problems(found: list[Diagnostic]) -> str:
        return "".join(f'<li><span class="code">{_e(d.code)} {_e(d.name)} · {_e(d.severity.value)}</span> '
                       f'{_e(d.message)} <span class="muted">{_e(d.location)}</span></li>' for d in found)

    pack_wide, settings = problems(report.pack_problems), problems(report.settings_problems)
    weights = ", ".join(f"{k.value} {v:g}" for k, v in WEIGHTS.items())
    notes = "".join(f'<p class="muted">{_e(line)}.</p>' for line in report.set_aside())
    # (what the customer would see broken first, then by what fixing it raises: the most common problem was first)
    # (a rule's step lists the macros with that rule's problems, as its row of the common problems does)
    rules = {f"{c.code} {c.name} ": c.code for c in report.common}
    order = "".join(f'<li><a href="#{_e(w.filter or _rule_filter(w.text, w.section, rules))}">{_e(w.text)}</a></li>'
                    for w in report.work_order()[:15])
    no_room = f'<p class="muted">{_e(report.no_room_note)}.</p>' if report.no_room_note else ""
    filter_css, filter_notes = _without_script(report)
    style = _CSS + filter_css  # (allowed by its hash, as the script is: no 'unsafe-inline')
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
{policy_meta([style], [_JS])}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>scriptkit audit: {_e(os.path.basename(report.source))}</title><style>{style}</style></head>
<body><header><h1>Macro library audit</h1><p>{_e(report.source)} · {_e(report.format_name)} · {n} macro(s)</p></header>
<main>
<div class="cards">{"".join(f'<div class="card"><b>{_e(v)}</b><span>{_e(k)}</span></div>' for k, v in cards)}</div>
{headline}
{_changes(comparison)}
<div class="charts">
<div class="chart"><h2>Score distribution</h2>{_histogram(report)}<p class="muted">Overall score per macro{' judged on every practice' if report.judged_in_part else ''}; click a bar to list those macros.</p></div>
<div class="chart"><h2>Problems by rule family</h2>{_bars("chart-families", "Problems by rule family", families, "problem(s)")}<p class="muted">Click a bar to list the macros with that kind of problem.</p></div>
<div class="chart"><h2>Average score per practice</h2>{_bars("chart-practices", "Average score per practice", practice_rows, "/100", 100)}{practice_note}</div>
</div>
{notes}<nav class="toolbar" id="order">Work in this order: <span class="muted">{_e(WORK_ORDER_RULE)}.</span><ol>{order}</ol>{no_room}</nav>
{categories}<section id="common"><h2>Most common problems</h2><p class="muted">A handful of phrases is usually most of the findings: one substitution (or <code>scriptkit check --fix</code>) fixes each everywhere.</p>{_table("Most common problems: each rule's code lists its macros", "<tr><th>code</th><th>rule</th><th>practice</th><th>macros</th><th>times</th><th>most quoted</th></tr>", common, "common")}</section>
<section id="duplicates"><h2>Macro sprawl: duplicates and near duplicates</h2>{_table("Groups of duplicate macros", "<tr><th>kind</th><th>similarity</th><th>macros</th></tr>", dups or '<tr><td colspan=3>None found.</td></tr>')}</section>
<section id="contradictions"><h2>Numbers that contradict each other</h2>{_table("Numbers that contradict each other, by topic", "<tr><th>topic</th><th>unit</th><th>values</th></tr>", contra or f'<tr><td colspan=3>{_e(contra_none)}</td></tr>')}{contra_note}</section>
<section id="macros"><h2>Macros, <span id="order-said">worst first</span></h2>{filter_notes}
<noscript><p class="muted">JavaScript is off: the chart bars still list their macros, and a macro opens with a click; filtering by text and opening them all need JavaScript.</p></noscript>
<div class="toolbar" id="controls" hidden><label for="search" class="visually-hidden">Filter the macros by title or text</label><input type="search" id="search" placeholder="Filter by title or text"><label for="sort">Sort</label><select id="sort"><option value="worst">worst first</option><option value="best">best first</option><option value="title">by title</option></select><button id="show-all">Show all</button><button id="expand">Expand shown</button><span id="filter-status" class="muted" aria-live="polite"></span></div>
{"".join(_macro(m) for m in report.macros[:detailed])}
{_rows(report, detailed)}
</section>
{f'<section id="unreadable"><h2>Unreadable items</h2><ul>{unreadable}</ul></section>' if unreadable else ''}
{f'<section id="pack-problems"><h2>Problems of the pack as a whole</h2><ul class="problems">{pack_wide}</ul></section>' if pack_wide else ''}
{f'<section id="settings-problems"><h2>Problems of the settings</h2><ul class="problems">{settings}</ul></section>' if settings else ''}
<p class="muted">Scores: a practice the reply lacks altogether (no acknowledgment, no warm line, no room for the agent, no solution) scores 0; otherwise 100 &times; the product of (1 &minus; weight) over its problems, weights {_e(weights)}. A macro's overall score is the mean of its scores, at most {CAP:g} when it would send a marker as written (a placeholder that did not map, a fill-in marker), has no solution or only a blank for its answer. {_e(report.no_room_note + '. ') if report.no_room_note else ''}Made by scriptkit audit.</p>
</main><script>{_JS}</script></body></html>
"""


def write_html(report: AuditReport, path: Path, detailed: int = HTML_DETAILED,
               comparison: AuditComparison | None = None) -> Path:
    """Write the report atomically; through a symlink, to the file it names (``write_atomic``). The worst
    ``detailed`` macros are shown in full, the others a row each."""
    from scriptkit.fixing import write_atomic

    # (write_atomic follows a link to a file itself, and writes into a device or a pipe: /dev/stdout)
    write_atomic(Path(path), render_html(report, detailed, comparison))
    return Path(os.path.realpath(path)) if os.path.isfile(path) else Path(path)
