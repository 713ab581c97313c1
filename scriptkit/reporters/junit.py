"""``--format junit``: one test suite per file, one failing test case per diagnostic at or
above the fail level; a file with nothing to report is one passing case. Each case names its file
(``file``) and its class, the path as dotted folders and name (``_classname``). Every element has a ``time``
(``TIME``)."""

from __future__ import annotations

import codecs
import re
import xml.etree.ElementTree as ET
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, TextIO

from scriptkit.diagnostics import Diagnostic
from scriptkit.reporters import repository_path, slot_shown, whole_reply
from scriptkit.reporters.json import writes_utf8

if TYPE_CHECKING:
    from scriptkit.linting import LintResult

#: characters XML 1.0 cannot hold at all (control characters, lone surrogates, U+FFFE/U+FFFF)
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: what a document in ASCII writes as a character reference
NOT_ASCII = re.compile("[^\x00-\x7f]")
#: each suite's and case's ``time``, in seconds. Readers take it as given: without it, GitHub's test-report actions
#: (dorny/test-reporter) showed every suite's duration as "NaNms", and the Ant schema Jenkins' own follows requires
#: it. A finding takes no time of its own, and a fixed value keeps the report the same from run to run.
TIME = "0"


def _xml(text: str) -> str:
    """``text`` with each character XML cannot hold written as its escape (\\x0b): still well-formed."""
    return NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}",
                       text)


def _classname(file: str) -> str:
    """A file as a test class: its folders and name without the extension, joined by dots, a dot inside one made
    '_' (support/pack.v2/scripts/cold.yaml: support.pack_v2.scripts.cold). Jenkins splits a class name at its last
    dot into package and class: the path as it is made every script the class "yaml" of a package ".../cold".
    The path itself is the test case's ``file`` (GitLab shows it) and the suite's name."""
    path = PurePosixPath(file)
    parts = [p for p in (path.with_suffix("") if path.name else path).parts if p != "/"]
    return ".".join(p.replace(".", "_") for p in parts) or file


def _case_name(d: Diagnostic, slot: str | None, named: dict[str, int]) -> str:
    """A finding's test name, the same wherever its line moves (CI keeps each test's history by name: with the line
    in it, an edit above a finding made it a new failure and the old one fixed): the rule, where in the script, and
    the words; a second finding of the same is numbered. The position is in the failure's text."""
    words = " ".join(d.text.split())
    words = words if len(words) <= 60 else words[:57].rstrip() + "..."
    where = " ".join(w for w in (d.script_id, d.channel, slot) if w)
    name = f"{d.code} [{d.name}]" + (f" {where}" if where else "") + (f": {words}" if words else "")
    named[name] = named.get(name, 0) + 1
    return name if named[name] == 1 else f"{name} ({named[name]})"


def report(result: LintResult, stream: TextIO) -> None:
    write(suites(result), stream)


def suites(result: LintResult) -> ET.Element:
    """The ``testsuites`` element: a suite per file, its counts summed."""
    by_file: dict[str, list[Diagnostic]] = {repository_path(f): [] for f in result.files}
    for d in result.diagnostics:
        by_file.setdefault(repository_path(d.location.file), []).append(d)
    root = ET.Element("testsuites", name="scriptkit")
    total = failures = 0
    whole = whole_reply(result)
    for file in sorted(by_file):
        diags, shown, classname = by_file[file], _xml(file), _xml(_classname(file))
        suite = ET.SubElement(root, "testsuite", name=shown)
        failed = 0
        named: dict[str, int] = {}
        for d in diags:
            slot = slot_shown(d, whole)  # (none for a finding about the whole reply)
            case = ET.SubElement(suite, "testcase", classname=classname, name=_xml(_case_name(d, slot, named)),
                                 file=shown, time=TIME)
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
            ET.SubElement(suite, "testcase", classname=classname, name="no problems", file=shown, time=TIME)
        count = max(1, len(diags))
        suite.set("tests", str(count))
        suite.set("failures", str(failed))
        suite.set("errors", "0")
        suite.set("time", TIME)
        total += count
        failures += failed
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", "0")
    root.set("time", TIME)
    return root


def write(root: ET.Element, stream: TextIO) -> None:
    """``root`` as an XML document on ``stream``, in ASCII with character references where it is not UTF-8."""
    ET.indent(root)
    text = ET.tostring(root, encoding="unicode")
    declared = "UTF-8"
    if not writes_utf8(stream):
        # ASCII, each other character as its reference (&#xE9;): in the stream's own encoding, 'é' was a byte
        # that is no UTF-8, in a document that says it is
        text = NOT_ASCII.sub(lambda m: f"&#x{ord(m.group()):X};", text)
        declared = _ascii_declared(getattr(stream, "encoding", ""))
    stream.write(f'<?xml version="1.0" encoding="{declared}"?>\n' + text + "\n")


def _ascii_declared(encoding: str) -> str:
    """What an XML declaration says of an ASCII document written in ``encoding``: UTF-8 where the encoding
    writes ASCII as ASCII (cp1252, latin-1, ascii: the bytes are UTF-8's), else the encoding's own name (UTF-16
    writes two bytes a character)."""
    try:
        if "<?xml".encode(encoding) == b"<?xml":
            return "UTF-8"
        return codecs.lookup(encoding).name.upper()
    except (LookupError, UnicodeError, TypeError):
        return "UTF-8"
