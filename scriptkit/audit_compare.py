"""What changed in a macro library since an earlier audit: ``scriptkit audit NEW --compare OLD.json``.

A support lead audits the library every month; the question is what moved. The earlier audit is read from its
``--format json`` report (nothing else is kept between runs), and the new one is compared with it: macros added,
removed and changed (matched by their helpdesk id, else by title: a macro renamed in the helpdesk keeps its id),
each macro's overall and practice scores up or down, the library's averages, and by rule the problems fixed and
the new ones (in the macros of both audits; those that came and went with added and removed macros are counted
apart, so deleting a bad macro is not read as fixing it).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scriptkit.diagnostics import Location
from scriptkit.errors import ConfigError

if TYPE_CHECKING:
    from scriptkit.audit import AuditReport

#: a score moves when it moves by at least this much (the reports say them to the point; less is rounding)
MOVED = 0.5
_AGAIN = "Audit the earlier library again with this scriptkit (`scriptkit audit OLD --format json > old.json`)"


@dataclass(frozen=True)
class _Macro:
    """A macro as both sides of a comparison know it."""

    export_id: str | None
    title: str
    overall: float | None
    scores: Mapping[str, float | None]
    codes: Counter[str]
    text: str


@dataclass(frozen=True)
class _Side:
    source: str
    overall: float | None
    averages: Mapping[str, float | None]
    macros: list[_Macro]
    names: dict[str, str]  # rule code -> its name


@dataclass(frozen=True)
class MacroChange:
    """A macro of both audits that changed: its text, a score, or its problems."""

    title: str
    export_id: str | None
    old_title: str
    old_overall: float | None
    new_overall: float | None
    #: each practice's (old, new) score where it moved
    practices: dict[str, tuple[float | None, float | None]]
    fixed: Counter[str]
    new: Counter[str]
    text_changed: bool

    @property
    def delta(self) -> float | None:
        """How far its overall score moved (None where either side has none: judged in part)."""
        return None if self.old_overall is None or self.new_overall is None else self.new_overall - self.old_overall

    @property
    def named(self) -> str:
        return f"{self.title} (id {self.export_id})" if self.export_id else self.title


@dataclass(frozen=True)
class RuleChange:
    code: str
    name: str
    fixed: int = 0  # gone from macros of both audits
    new: int = 0  # come in macros of both audits
    removed_with_macros: int = 0
    added_with_macros: int = 0


@dataclass(frozen=True)
class AuditComparison:
    """The new audit against the earlier one (``compare_audits``)."""

    old_file: str
    old_source: str
    new_source: str
    old_overall: float | None
    new_overall: float | None
    averages: dict[str, tuple[float | None, float | None]]
    added: list[str]  # named as the new audit names them
    removed: list[str]  # as the earlier one did
    changed: list[MacroChange]
    unchanged: int
    rules: list[RuleChange] = field(default_factory=list)

    def movers(self, n: int = 10) -> tuple[list[MacroChange], list[MacroChange]]:
        """The ``n`` macros whose overall score rose most, and the ``n`` whose fell most."""
        moved = [c for c in self.changed if c.delta is not None and abs(c.delta) >= MOVED]
        up = sorted((c for c in moved if c.delta and c.delta > 0), key=lambda c: (-(c.delta or 0), c.title))
        down = sorted((c for c in moved if c.delta and c.delta < 0), key=lambda c: (c.delta or 0, c.title))
        return up[:n], down[:n]

    def lines(self, shown: int = 5) -> list[str]:
        """The comparison as the text report says it, a line each."""
        said = [f"Changes since {self.old_file} (the audit of {self.old_source}): overall "
                f"{_arrow(self.old_overall, self.new_overall, 1)}"]
        from scriptkit.audit import PRACTICE_LABELS

        practices = [f"{PRACTICE_LABELS.get(p, p)} {_arrow(old, new)}" for p, (old, new) in self.averages.items()
                     if _moved(old, new)]
        said.append("  Average scores: " + (", ".join(practices) if practices else "none moved"))
        said.append(f"  Macros: {len(self.added)} added, {len(self.removed)} removed, {len(self.changed)} changed, "
                    f"{self.unchanged} unchanged")
        for what, names in (("added", self.added), ("removed", self.removed)):
            if names:
                more = f" and {len(names) - shown} more" if len(names) > shown else ""
                said.append(f"  {what}: " + "; ".join(names[:shown]) + more)
        up, down = self.movers(shown)
        for what, found in (("Up most", up), ("Down most", down)):
            if found:
                said.append(f"  {what}: " + "; ".join(f"{c.named} {_arrow(c.old_overall, c.new_overall)}"
                                                      for c in found))
        for what, pick in (("Problems fixed", "fixed"), ("New problems", "new")):
            counted = rules_by(self.rules, pick)
            said.append(f"  {what}: " + (", ".join(f"{r.code} {r.name} {getattr(r, pick)}" for r in counted[:10])
                                         + (f" and {len(counted) - 10} more rule(s)" if len(counted) > 10 else "")
                                         if counted else "none"))
        gone = sum(r.removed_with_macros for r in self.rules)
        came = sum(r.added_with_macros for r in self.rules)
        if gone or came:
            said.append(f"  With the macros removed, {gone} problem(s) went; with those added, {came} came")
        return said

    def to_dict(self) -> dict[str, Any]:
        up, down = self.movers(len(self.changed))
        return {
            "compared_with": self.old_file, "old_source": self.old_source, "new_source": self.new_source,
            "overall": {"old": self.old_overall, "new": self.new_overall},
            "averages": {p: {"old": old, "new": new} for p, (old, new) in self.averages.items()},
            "macros": {"added": self.added, "removed": self.removed, "changed": len(self.changed),
                       "unchanged": self.unchanged, "up": len(up), "down": len(down)},
            "changed": [{"title": c.title, "export_id": c.export_id, "old_title": c.old_title,
                         "overall": {"old": c.old_overall, "new": c.new_overall},
                         "scores": {p: {"old": old, "new": new} for p, (old, new) in c.practices.items()},
                         "fixed": dict(sorted(c.fixed.items())), "new": dict(sorted(c.new.items())),
                         "text_changed": c.text_changed} for c in self.changed],
            "rules": [{"code": r.code, "name": r.name, "fixed": r.fixed, "new": r.new,
                       "removed_with_macros": r.removed_with_macros, "added_with_macros": r.added_with_macros}
                      for r in self.rules],
        }


def _moved(old: float | None, new: float | None) -> bool:
    return (old is None) != (new is None) or (old is not None and new is not None and abs(new - old) >= MOVED)


def _arrow(old: float | None, new: float | None, digits: int = 0) -> str:
    """'62 -> 68 (+6)'; '-' for a score that is not there. The library's overall is said to ``digits=1``, as the
    report's heading and --fail-under say it."""
    shown = f"{'-' if old is None else f'{old:.{digits}f}'} -> {'-' if new is None else f'{new:.{digits}f}'}"
    if old is None or new is None:
        return shown
    # (the move of the numbers shown: 63.4 -> 64.6 read '63 -> 65 (+1)')
    moved = round(round(new, digits) - round(old, digits), digits)
    return f"{shown} ({moved:+.{digits}f})" if moved else f"{shown} (±0)"


def read_audit_report(path: str | Path) -> _Side:
    """The earlier audit, from its ``--format json`` report; a file that is not one is a located ConfigError."""
    from scriptkit.audit import AUDIT_SCHEMA_VERSION

    file = Path(path)
    where = Location(str(path), 1, 1)
    if file.is_dir():
        raise ConfigError(f"{path} is a folder, not an audit report", where,
                          "Pass the file `scriptkit audit ... --format json` wrote.")
    if not file.is_file():
        raise ConfigError(f"no such audit report: {path}" if not file.exists()
                          else f"{path} is a device, a pipe or a socket, not an audit report", where,
                          "Save one with `scriptkit audit SOURCE --format json > report.json`.")
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"the audit report is not UTF-8 text ({exc.reason})", where, _AGAIN + ".") from None
    except json.JSONDecodeError as exc:
        raise ConfigError(f"the audit report is not valid JSON: {exc.msg}", Location(str(path), exc.lineno,
                                                                                        exc.colno),
                          f"Fix it, or {_AGAIN[0].lower()}{_AGAIN[1:]}.") from None
    if not isinstance(data, dict) or "macros" not in data or "summary" not in data:
        kind = ("scriptkit check's report, not an audit's" if isinstance(data, dict) and "diagnostics" in data
                else "not a scriptkit audit report (--format json)")
        raise ConfigError(f"{path} is {kind}", where, "Pass the file `scriptkit audit ... --format json` wrote.")
    version = data.get("version")
    if version != AUDIT_SCHEMA_VERSION:
        older = isinstance(version, int) and not isinstance(version, bool) and version < AUDIT_SCHEMA_VERSION
        raise ConfigError(f"{path} is an audit report of version {version!r}, "
                          f"{'written by an older scriptkit' if older else 'not one this scriptkit reads'} "
                          f"(it reads version {AUDIT_SCHEMA_VERSION})", where, _AGAIN + ".")
    if data.get("errors"):
        raise ConfigError(f"{path} holds no audit: its input could not be read then", where,
                          "Compare with a report of an audit that was made.")
    try:
        return _side(data)
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise ConfigError(f"{path} is an audit report with a part that is not as scriptkit writes it: {exc}", where,
                          _AGAIN + ".") from None


def _number(value: object, what: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError(f"{what} is {value!r}, not a score")
    return float(value)


def _text(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{what} is {value!r}, not text")
    return value


def _side(data: dict[str, Any]) -> _Side:
    """The parts of a report a comparison reads, each checked (ValueError says which is not as written)."""
    summary, macros = data["summary"], data["macros"]
    if not isinstance(summary, dict) or not isinstance(summary.get("averages"), dict):
        raise ValueError("summary.averages is missing")
    if not isinstance(macros, list):
        raise ValueError("macros is not a list")
    names: dict[str, str] = {}
    read: list[_Macro] = []
    for i, m in enumerate(macros):
        at = f"macros[{i}]"
        if not isinstance(m, dict):
            raise ValueError(f"{at} is not an object")
        scores = m.get("scores")
        diagnostics = m.get("diagnostics")
        if not isinstance(scores, dict) or not isinstance(diagnostics, list):
            raise ValueError(f"{at} has no scores or diagnostics")
        codes: Counter[str] = Counter()
        for j, d in enumerate(diagnostics):
            if not isinstance(d, dict):
                raise ValueError(f"{at}.diagnostics[{j}] is not an object")
            code = _text(d.get("code"), f"{at}.diagnostics[{j}].code")
            names.setdefault(code, _text(d.get("name", ""), f"{at}.diagnostics[{j}].name"))
            codes[code] += 1
        export_id = m.get("export_id")
        read.append(_Macro(None if export_id is None else _text(export_id, f"{at}.export_id"),
                           _text(m.get("title"), f"{at}.title"), _number(m.get("overall"), f"{at}.overall"),
                           {_text(p, f"{at}.scores"): _number(v, f"{at}.scores.{p}") for p, v in scores.items()},
                           codes, _text(m.get("text", ""), f"{at}.text")))
    averages = {_text(p, "summary.averages"): _number(v, f"summary.averages.{p}")
                for p, v in summary["averages"].items()}
    return _Side(_text(data.get("source", ""), "source"), _number(summary.get("overall"), "summary.overall"),
                 averages, read, names)


def _of_report(report: AuditReport) -> _Side:
    names: dict[str, str] = {}
    macros = []
    for m in report.macros:
        for d in m.diagnostics:
            names.setdefault(d.code, d.name)
        macros.append(_Macro(m.export_id, m.title, m.overall, m.scores, Counter(d.code for d in m.diagnostics),
                             m.text))
    return _Side(report.source, report.overall, report.averages, macros, names)


def _pairs(old: list[_Macro], new: list[_Macro]) -> tuple[list[tuple[_Macro, _Macro]], list[_Macro], list[_Macro]]:
    """The macros of both (by helpdesk id, then by title for those without one), those removed, those added."""
    pairs: list[tuple[_Macro, _Macro]] = []
    by_id: dict[str, list[_Macro]] = {}
    for m in old:
        if m.export_id is not None:
            by_id.setdefault(m.export_id, []).append(m)
    matched: set[int] = set()  # (ids of the old macros matched)
    unmatched: list[_Macro] = []
    for m in new:
        same = by_id.get(m.export_id) if m.export_id is not None else None
        if same:
            was = same.pop(0)
            matched.add(id(was))
            pairs.append((was, m))
        else:
            unmatched.append(m)
    # (by title: a pack's scripts, a sheet without ids; a title given twice is matched in order)
    by_title: dict[str, list[_Macro]] = {}
    for m in old:
        if id(m) not in matched:
            by_title.setdefault(m.title, []).append(m)
    added = []
    for m in unmatched:
        same = by_title.get(m.title)
        # (an id on both sides that differs is another macro, whatever its title)
        candidates = [w for w in same or () if w.export_id is None or m.export_id is None]
        if candidates:
            was = candidates[0]
            same.remove(was)  # type: ignore[union-attr]
            matched.add(id(was))
            pairs.append((was, m))
        else:
            added.append(m)
    removed = [m for m in old if id(m) not in matched]
    return pairs, removed, added


def _named(m: _Macro) -> str:
    return f"{m.title} (id {m.export_id})" if m.export_id else m.title


def compare_audits(old: _Side, new: AuditReport | _Side, old_file: str) -> AuditComparison:
    """The new audit against the earlier one read by ``read_audit_report``."""
    now = new if isinstance(new, _Side) else _of_report(new)
    pairs, removed, added = _pairs(old.macros, now.macros)
    names = {**old.names, **now.names}
    fixed: Counter[str] = Counter()
    came: Counter[str] = Counter()
    changed: list[MacroChange] = []
    for was, m in pairs:
        gone, new_ones = was.codes - m.codes, m.codes - was.codes
        fixed += gone
        came += new_ones
        practices = {p: (was.scores.get(p), m.scores.get(p)) for p in dict.fromkeys([*was.scores, *m.scores])
                     if _moved(was.scores.get(p), m.scores.get(p))}
        text_changed = was.text != m.text
        if practices or gone or new_ones or text_changed or _moved(was.overall, m.overall):
            changed.append(MacroChange(m.title, m.export_id, was.title, was.overall, m.overall, practices, gone,
                                       new_ones, text_changed))
    with_removed = sum((m.codes for m in removed), Counter[str]())
    with_added = sum((m.codes for m in added), Counter[str]())
    codes = sorted(set(fixed) | set(came) | set(with_removed) | set(with_added))
    rules = [RuleChange(c, names.get(c, ""), fixed[c], came[c], with_removed[c], with_added[c]) for c in codes]
    both = list(dict.fromkeys([*old.averages, *now.averages]))
    return AuditComparison(old_file, old.source, now.source, old.overall, now.overall,
                           {p: (old.averages.get(p), now.averages.get(p)) for p in both},
                           [_named(m) for m in added], [_named(m) for m in removed], changed,
                           len(pairs) - len(changed), rules)


def rules_by(rules: Iterable[RuleChange], pick: str) -> list[RuleChange]:
    """The rules with problems ``pick`` ('fixed', 'new'), the most first."""
    return sorted((r for r in rules if getattr(r, pick)), key=lambda r: (-getattr(r, pick), r.code))
