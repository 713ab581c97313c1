"""The Content-Security-Policy of every HTML page scriptkit writes: the audit report, the playbook, the Intercom
pages and the pages saying an audit could not be made. Each allows its own style and script by the SHA-256 of
the block and nothing else ('unsafe-inline' allowed a script a macro smuggled past an escape; the playbook and the
Intercom pages had no policy). Headless Chromium shows the report still works under it and hostile macro text,
escaped or spliced in raw, runs nothing."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from export_fixtures import LATE, write_pack

from scriptkit.csp import policy, source_hash
from scriptkit.exporting import export
from tests.browser import Page
from tests.conftest import run_cli

# (what a macro written by anyone may hold: a script, an event handler, a javascript: link, a redirect)
HOSTILE = ("Sorry <script>document.body.dataset.pwned='1'</script> "
           "<img src=x onerror=\"document.body.dataset.pwned='img'\"> "
           "<a id=js href=\"javascript:document.body.dataset.pwned='link'\">track it</a> "
           "<meta http-equiv=\"refresh\" content=\"0;url=moved.html\"> we will fix it today.")
# (the same, as if an escape had let it through: only the policy stands in its way; a refresh is no script, so
# escaping alone keeps it out, and is checked on the pages as written)
RAW = HOSTILE.replace('<meta http-equiv="refresh" content="0;url=moved.html"> ', "")
COLD = ("Dear Customer, We apologize for any inconvenience caused. Your request has been forwarded to the relevant "
        "department and will be processed in due course. Regards, Customer Service")


def _policy_of(page: str) -> str:
    found = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)
    assert len(found) == 1, page[:400]
    head = page[:page.index("</head>")]
    assert head.index("Content-Security-Policy") < min(head.find(t) for t in ("<style>", "<title>") if t in head)
    return str(found[0])


def _allows_only_its_own_blocks(page: str) -> None:
    """The page's policy: nothing fetched, no base, no form, and each inline block allowed by its hash alone."""
    csp = _policy_of(page)
    assert "unsafe" not in csp and "nonce" not in csp
    assert re.match(r"default-src 'none'", csp) and "base-uri 'none'" in csp and "form-action 'none'" in csp
    styles = re.findall(r"<style>(.*?)</style>", page, re.S)
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert csp == policy(styles, scripts)
    for block in (*styles, *scripts):
        assert source_hash(block) in csp


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("s38-csp")
    (root / "moved.html").write_text("<!DOCTYPE html><title>moved</title>", encoding="utf-8")
    rows = [{"title": "Hostile <script>document.body.dataset.pwned='title'</script>", "body": HOSTILE},
            *({"title": f"Cold {n}", "body": COLD.replace("course", f"course {n}")} for n in range(3)),
            {"title": "Warm", "body": "Hi there, I'm sorry the parcel is late. I've asked the courier to trace it and "
                                      "I'll email you by Friday."}]
    library = root / "library.jsonl"
    library.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = root / "report.html"
    result = run_cli("audit", str(library), "--grammar", "off", "--html", str(out))
    assert result.exit_code in (0, 1), result.output
    return out


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("s38-csp-export")
    hostile = LATE.replace("id: parcel-late", "id: hostile").replace(
        "warm_language: \"I'm really sorry, and thank you for your patience.\"",
        "warm_language: " + json.dumps(HOSTILE))
    export(write_pack(root / "p", {"hostile.yaml": hostile}), ["playbook", "intercom"], root / "out", lint=False,
           force=True)
    (root / "out/playbook/moved.html").write_text("<title>moved</title>", encoding="utf-8")
    (root / "out/intercom/macros/moved.html").write_text("<title>moved</title>", encoding="utf-8")
    return root / "out"


def test_the_report_allows_its_own_style_and_script_by_hash(report: Path) -> None:
    _allows_only_its_own_blocks(report.read_text(encoding="utf-8"))


def test_the_playbook_and_intercom_pages_allow_their_style_and_no_script(exported: Path) -> None:
    for page in (exported / "playbook/playbook.html", exported / "intercom/macros/hostile.html"):
        text = page.read_text(encoding="utf-8")
        _allows_only_its_own_blocks(text)
        assert "script-src" not in _policy_of(text) and "<script>" not in text


def test_the_pages_saying_no_audit_was_made_carry_the_policy(tmp_path: Path) -> None:
    broken = tmp_path / "library.json"
    broken.write_text('{"macros": [', encoding="utf-8")
    out = tmp_path / "unread.html"
    run_cli("audit", str(broken), "--html", str(out))
    refused = tmp_path / "refused.html"
    refused.write_text("an earlier run's report", encoding="utf-8")  # (replaced by the page saying why not)
    run_cli("audit", str(broken), "--html", str(refused), "--no-such-option")
    for page in (out, refused):
        text = page.read_text(encoding="utf-8")
        _allows_only_its_own_blocks(text)
        assert _policy_of(text) == "default-src 'none'; base-uri 'none'; form-action 'none'"


# ---------------------------------------------------------------- in headless Chromium

def _nothing_ran(page: Page, url: str, scripts: int = 0) -> None:
    """No hostile markup ran, redirected or became an element; ``scripts``: the page's own."""
    assert page.evaluate("document.body.dataset.pwned || ''") == ""
    assert page.evaluate("location.href") == url  # (no refresh took it elsewhere)
    assert page.evaluate("document.querySelectorAll('meta[http-equiv=refresh], img, a[href^=javascript]').length") == 0
    assert page.evaluate("document.scripts.length") == scripts


@pytest.mark.chromium
def test_the_report_works_under_its_policy_and_hostile_macros_run_nothing(report: Path) -> None:
    with Page(report.as_uri()) as page:
        page.settle()
        assert page.evaluate("document.body.dataset.ready") == "1"  # (its script ran: its hash is right)
        assert page.evaluate("getComputedStyle(document.querySelector('header')).backgroundColor") == "rgb(29, 35, 48)"
        _nothing_ran(page, report.as_uri(), scripts=1)
        assert "<script>document.body.dataset.pwned" in page.evaluate("document.body.textContent")
        # (the controls: the text filter, the sorting and a drill-down link)
        page.evaluate("var s = document.getElementById('search'); s.value = 'apologize';"
                      "s.dispatchEvent(new Event('input'))")
        shown = page.evaluate("[].slice.call(document.querySelectorAll('details.macro')).filter(function (m) {"
                              "return !m.hidden; }).map(function (m) { return m.id; })")
        assert sorted(shown) == ["m-cold-0", "m-cold-1", "m-cold-2"]
        page.evaluate("var s = document.getElementById('sort'); s.value = 'title';"
                      "s.dispatchEvent(new Event('change'))")
        titles = page.evaluate("[].slice.call(document.querySelectorAll('details.macro summary .t')).map("
                               "function (t) { return t.textContent; })")
        assert titles == sorted(titles, key=str.casefold)
        page.open(report.as_uri() + "#drill=warm")
        assert page.evaluate("document.getElementById('m-warm').open") is True
        assert not [m for m in page.console if "Content Security Policy" in m], page.console


@pytest.mark.chromium
def test_hostile_markup_spliced_into_the_report_is_refused(report: Path, tmp_path: Path) -> None:
    spliced = tmp_path / "spliced.html"
    spliced.write_text(report.read_text(encoding="utf-8").replace("</main>", RAW + "</main>"), encoding="utf-8")
    with Page(spliced.as_uri()) as page:
        page.evaluate("document.getElementById('js').click()")
        page.settle()
        assert page.evaluate("document.body.dataset.ready") == "1"
        assert page.evaluate("document.body.dataset.pwned || ''") == ""
        refused = [m for m in page.console if "Content Security Policy" in m]
        # (the script, the handler, the image fetch and the link, each refused by the policy)
        assert len(refused) == 4 and any("javascript" in m.lower() for m in refused), page.console


@pytest.mark.parametrize("name", ["playbook/playbook.html", "intercom/macros/hostile.html"])
@pytest.mark.chromium
def test_exported_pages_keep_their_style_and_run_nothing(exported: Path, tmp_path: Path, name: str) -> None:
    written = exported / name
    with Page(written.as_uri()) as page:
        page.settle()
        _nothing_ran(page, written.as_uri())
        assert page.evaluate("getComputedStyle(document.body).overflowWrap") == "anywhere"  # (its style applies)
        assert "document.body.dataset.pwned" in page.evaluate("document.body.textContent")
        assert not [m for m in page.console if "Content Security Policy" in m], page.console
    spliced = written.with_name("spliced-" + written.name)
    spliced.write_text(written.read_text(encoding="utf-8").replace("</body>", RAW + "</body>"), encoding="utf-8")
    with Page(spliced.as_uri()) as page:
        page.evaluate("document.getElementById('js').click()")
        page.settle()
        assert page.evaluate("document.body.dataset.pwned || ''") == ""
        assert len([m for m in page.console if "Content Security Policy" in m]) == 4, page.console
