"""``--format junit``: one test suite per file, one failing test case per diagnostic at or
above the fail level; a file with nothing to report is one passing case."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, TextIO

from scriptkit.diagnostics import Diagnostic
from scriptkit.reporters import display_path, slot_shown, whole_reply

if TYPE_CHECKING:
    from scriptkit.linting import LintResult

#: characters XML 1.0 cannot hold at all (control characters, lone surrogates, U+FFFE/U+FFFF)
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml(text: str) -> str:
    """``text`` with each character XML cannot hold written as its escape (\\x0b): still well-formed."""
    return NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}",
                       text)


def report(result: LintResult, stream: TextIO) -> None:
    by_file: dict[str, list[Diagnostic]] = {display_path(f): [] for f in result.files}
    for d in result.diagnostics:
        by_file.setdefault(display_path(d.location.file), []).append(d)
    root = ET.Element("testsuites", name="scriptkit")
    total = failures = 0
    whole = whole_reply(result)
    for file in sorted(by_file):
        diags, shown = by_file[file], _xml(file)
        suite = ET.SubElement(root, "testsuite", name=shown)
        failed = 0
        for d in diags:
            case = ET.SubElement(suite, "testcase", classname=shown,
                                 name=f"{d.location.line}:{d.location.col} {d.code} [{d.name}]")
            slot = slot_shown(d, whole)  # (none for a finding about the whole reply)
            body = _xml(f"{file}:{d.location.line}:{d.location.col} {d.code} [{d.name}] {d.message}"
                        + (f"\n  suggestion: {d.suggestion}" if d.suggestion else "")
                        + (f"\n  text: {d.text}" if d.text else "") + (f"\n  slot: {slot}" if slot else ""))
            if result.config.fails(d.severity):
                failed += 1
                fail = ET.SubElement(case, "failure", message=_xml(d.message), type=d.severity.value)
                fail.text = body
            else:
                out = ET.SubElement(case, "system-out")
                out.text = (f"{body}\n  severity: {d.severity.value}, below fail-on "
                            f"({result.config.fail_on.value}): this case passes")
        if not diags:
            ET.SubElement(suite, "testcase", classname=shown, name="no problems")
        count = max(1, len(diags))
        suite.set("tests", str(count))
        suite.set("failures", str(failed))
        suite.set("errors", "0")
        total += count
        failures += failed
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", "0")
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n")
