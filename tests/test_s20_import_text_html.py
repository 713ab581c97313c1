"""HTML bodies left unfinished (a quote never closed, a comment never closed) are read in time linear in their
length, their words kept as written; a '<![' the stdlib cannot name is read as a browser reads it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import scriptkit
from scriptkit.importers.html import html_relative_links, html_tables, html_to_text

_OPENING = "<p>Hi Sam, I'm sorry the parcel is late. I've sent a new one today.</p>"


@pytest.mark.timeout(60)
def test_a_file_of_bodies_whose_quotes_never_close_imports_in_linear_time(tmp_path: Path) -> None:
    # (each body 39,000 characters: the stdlib read each unfinished '<a href="' to the body's end, three times a body)
    records = [{"id": n, "title": f"Late {n}", "content_html": _OPENING + '<a href="' * 4_300} for n in range(6)]
    records += [{"id": 10 + n, "title": f"Image {n}", "content_html": _OPENING + "<img src=x " * 3_500}
                for n in range(6)]
    path = tmp_path / "macros.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    result = scriptkit.import_library(path)
    assert len(result.macros) == 12
    for macro in result.macros:
        text = macro.raw.body if not macro.raw.html else html_to_text(macro.raw.body)
        assert text.startswith("Hi Sam, I'm sorry the parcel is late. I've sent a new one today.")
        # (the unfinished markup is text as written, not dropped)
        assert text.count('<a href="') == 4_300 or text.count("<img src=x") == 3_500


def test_unfinished_markup_is_text_as_written_and_what_precedes_it_reads_as_before() -> None:
    assert html_to_text('<p>Hello</p><a href="<a href="<a href="') == 'Hello\n\n<a href="<a href="<a href="'
    # (a quote that never closes: the tag is text up to its '>', and the markup after it is read as markup)
    assert html_to_text('<p>See <b class="x>the page</b> for <i>more</i>.</p>') == \
        'See <b class="x>the page for more.'
    assert html_to_text("<p>One</p>" + "</b" * 3) == "One\n\n</b</b</b"
    assert html_to_text("<p>One</p><!-- note <p>Two</p>") == "One\n\n<!-- note <p>Two</p>"
    body = '<table><tr><td>Plan</td><td>Price</td></tr></table><a href="/help">help</a><a title="'
    assert html_tables(body) == [1]
    assert html_relative_links(body) == ["/help"]


def test_a_marked_section_the_stdlib_cannot_name_is_a_comment_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "macros.csv"
    path.write_text('title,body_html\nLate,"<p>Sorry the parcel is late.</p><![ note>I have sent a new one '
                    'today.</p>"\n', encoding="utf-8")
    (macro,) = scriptkit.import_library(path).macros
    assert html_to_text(macro.raw.body) == "Sorry the parcel is late.\n\nI have sent a new one today."
    assert html_to_text("<![foo[ x ]]>Kept") == "Kept"
    assert html_to_text("<![if !mso]>Shown<![endif]>") == "Shown"
