"""Export's list of the files a helpdesk will refuse (``ExportResult.refused``) names each record over its limits,
and only those, among many fine ones: the look-up of each one's file is made once, not per record."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scriptkit.exporting import export

REPLY = ("acknowledgment: I can see how annoying it is that the parcel has not come.\n"
         "warm_language: Thank you for waiting while I look into it.\n"
         "solution: I've sent a fresh one today, and it arrives on Friday.\n")


def test_only_the_records_over_the_limits_are_named_each_with_its_own_file(make_pack: Any, tmp_path: Path) -> None:
    long_titles = {"long-b": "A parcel " * 30 + "late", "long-d": "Boxes " * 50 + "lost"}
    titles = {"fine-a": "Parcel late", **long_titles, "fine-c": "Parcel lost", "fine-e": "Parcel damaged"}
    root = make_pack({f"{ident}.yaml": f"id: {ident}\ntitle: \"{title}\"\n{REPLY}" for ident, title in titles.items()},
                     "name: Demo\nexport:\n  salesforce: {limits: {title: 500}}\n")
    done = export(root, "salesforce", tmp_path / "out", lint=False)
    expected = [(f"salesforce/quick_text/{ident}.json", f"the title is {len(title)} characters; the limit is 255")
                for ident, title in sorted(long_titles.items())]
    assert sorted(done.refused["salesforce"]) == expected
    assert all(path in done.files for path, _ in expected)


def test_a_pack_within_the_limits_has_nothing_refused(make_pack: Any, tmp_path: Path) -> None:
    root = make_pack({f"s{i}.yaml": f"id: s{i}\ntitle: \"Parcel {i}\"\n{REPLY}" for i in range(30)})
    done = export(root, "zendesk", tmp_path / "out", lint=False)
    assert done.refused == {} and len(done.files) > 30
