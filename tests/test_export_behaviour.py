"""Export as a whole: the lint gate, limits and unsupported features (SK5xx), determinism,
atomic replacement, settings errors, third-party targets, and the CLI."""

from __future__ import annotations

import csv
import io
import json
import sys
import textwrap
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner
from export_fixtures import BRACES, LATE, LINT_ERROR_YAML, PACK_YAML, SAD, schema, tree, write_pack

import scriptkit
from scriptkit import targets
from scriptkit.cli import main
from scriptkit.errors import ConfigError, ErrorGroup
from scriptkit.exporting import MARKER, ExportRefused, export
from scriptkit.loading import load_pack
from scriptkit.rendering import render_pack
from scriptkit.targets.zendesk import ZendeskTarget


def run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p.name.startswith(".out."))


# ---------------------------------------------------------------- lint gate

def test_lint_errors_refuse_export_with_exit_1(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"sad.yaml": SAD, "late.yaml": LATE}, LINT_ERROR_YAML)
    result = run("export", str(pack), "--to", "zendesk", "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "SK8" in result.stdout and "no-unfortunately" in result.stdout and "sad.yaml" in result.stdout
    assert "export refused" in result.stderr and "--force" in result.stderr
    assert not (tmp_path / "out").exists() and leftovers(tmp_path) == []


def test_force_exports_despite_lint_errors(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"sad.yaml": SAD}, LINT_ERROR_YAML)
    result = run("export", str(pack), "--to", "zendesk", "--out", str(tmp_path / "out"), "--force")
    assert result.exit_code == 0, result.output
    assert "no-unfortunately" in result.stdout  # still listed
    assert (tmp_path / "out/zendesk/macros/refund-denied.json").is_file()


def test_api_raises_export_refused_with_the_findings(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"sad.yaml": SAD}, LINT_ERROR_YAML)
    with pytest.raises(ExportRefused) as refused:
        scriptkit.export(pack, ["zendesk"], tmp_path / "out")
    assert refused.value.exit_code == 1
    assert [d.name for d in refused.value.diagnostics if d.severity.value == "error"] == ["no-unfortunately"]


# ---------------------------------------------------------------- limits and unsupported features

def test_title_over_freshdesk_limit_names_script_and_reason(tmp_path: Path) -> None:
    long_title = "Orders::" + "Very long title " * 15
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE.replace('"Orders::Delivery::Parcel is late"',
                                                                 f'"{long_title.strip()}"')})
    result = run("export", str(pack), "--to", "freshdesk", "--to", "zendesk", "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "SK501" in result.stdout and "title-length" in result.stdout and "late.yaml" in result.stdout
    assert "freshdesk title is" in result.stdout and "the limit is 240" in result.stdout
    assert "zendesk title" not in result.stdout  # 247 characters: within zendesk's 255
    assert not (tmp_path / "out").exists()


def test_salesforce_message_limit_and_override(tmp_path: Path) -> None:
    long = "I've sent a replacement today. " * 140  # > 4096 characters
    text = LATE.replace("channels: [email, chat, phone]", "channels: [email]") + f"  {long}\n"
    pack = write_pack(tmp_path / "p", {"late.yaml": text})
    with pytest.raises(ExportRefused) as refused:
        export(pack, ["salesforce"], tmp_path / "out", lint=False)
    (d,) = [d for d in refused.value.diagnostics if d.code == "SK502"]
    assert d.script_id == "parcel-late" and d.extra["target"] == "salesforce" and "4,096" in d.message
    raised = PACK_YAML + "export:\n  salesforce:\n    limits: {body: 100000}\n"
    pack = write_pack(tmp_path / "q", {"late.yaml": text}, raised)
    export(pack, ["salesforce"], tmp_path / "out", lint=False)
    assert (tmp_path / "out/salesforce/quick_text/parcel-late.json").is_file()


def test_unescapable_literal_refuses_target_that_cannot_escape(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"braces.yaml": BRACES})
    with pytest.raises(ExportRefused) as refused:
        export(pack, ["intercom"], tmp_path / "out", lint=False)
    (d,) = [d for d in refused.value.diagnostics if d.code == "SK505"]
    assert d.script_id == "code-help" and "'{{'" in d.message and d.location.file.endswith("braces.yaml")
    export(pack, ["zendesk"], tmp_path / "out", lint=False)  # Liquid can escape it: no error


def test_duplicate_titles_are_refused(tmp_path: Path) -> None:
    other = LATE.replace("id: parcel-late", "id: parcel-late-2")
    pack = write_pack(tmp_path / "p", {"a.yaml": LATE, "b.yaml": other})
    with pytest.raises(ExportRefused) as refused:
        export(pack, ["zendesk"], tmp_path / "out", lint=False)
    assert {d.code for d in refused.value.diagnostics if d.severity.value == "error"} == {"SK507"}


# ---------------------------------------------------------------- determinism

def test_export_is_byte_identical_on_rerun(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE, "braces.yaml": BRACES})
    export(pack, ["all"], tmp_path / "a", lint=False, force=True)
    first = tree(tmp_path / "a")
    export(pack, ["all"], tmp_path / "a", lint=False, force=True)  # over the previous export
    export(pack, ["all"], tmp_path / "b", lint=False, force=True)
    assert tree(tmp_path / "a") == first == tree(tmp_path / "b")
    assert len(first) > 30
    for name, data in first.items():
        assert b"/tmp/" not in data and str(tmp_path).encode() not in data, name  # no absolute paths
        if name.endswith(".json"):
            text = data.decode()
            assert text == json.dumps(json.loads(text), sort_keys=True, indent=2, ensure_ascii=False) + "\n"



def test_o_is_short_for_out_and_writes_the_same_files(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE})
    short = run("export", str(pack), "--to", "zendesk", "-o", str(tmp_path / "short"))
    long = run("export", str(pack), "--to", "zendesk", "--out", str(tmp_path / "long"))
    assert short.exit_code == 0 == long.exit_code, short.output
    assert tree(tmp_path / "short") == tree(tmp_path / "long") != {}
    assert "-o, --out DIRECTORY" in run("export", "--help").output
    missing = CliRunner().invoke(main, ["export", str(pack), "--to", "zendesk"])
    assert missing.exit_code == 2 and "--out DIR (-o DIR)" in missing.output


# ---------------------------------------------------------------- atomicity

@pytest.fixture
def previous(tmp_path: Path) -> tuple[Path, Path, dict[str, bytes]]:
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE})
    export(pack, ["zendesk", "playbook"], tmp_path / "out", lint=False)
    return pack, tmp_path / "out", tree(tmp_path / "out")


def test_target_failing_mid_export_leaves_previous_export(previous: tuple[Path, Path, dict[str, bytes]],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    pack, out, before = previous
    (pack / "scripts/braces.yaml").write_text(BRACES, encoding="utf-8")

    def broken(self: ZendeskTarget, rendered: Any) -> dict[str, bytes]:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(ZendeskTarget, "files", broken)
    with pytest.raises(RuntimeError):
        export(pack, ["playbook", "zendesk"], out, lint=False, force=True)
    assert tree(out) == before and leftovers(out.parent) == []


def test_write_failing_half_way_leaves_previous_export(previous: tuple[Path, Path, dict[str, bytes]],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    pack, out, before = previous
    calls = {"n": 0}
    real = Path.write_bytes

    def flaky(self: Path, data: bytes) -> int:
        calls["n"] += 1
        if calls["n"] == 4:
            raise OSError(28, "No space left on device")
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", flaky)
    with pytest.raises(OSError):
        export(pack, ["all"], out, lint=False, force=True)
    assert calls["n"] == 4
    monkeypatch.undo()
    assert tree(out) == before and leftovers(out.parent) == []
    export(pack, ["all"], out, lint=False, force=True)  # and a later export succeeds
    assert (out / "csv/scripts.csv").is_file() and (out / MARKER).is_file()


def test_a_successful_export_replaces_the_whole_folder(previous: tuple[Path, Path, dict[str, bytes]]) -> None:
    pack, out, _ = previous
    earlier = sorted(p.name for p in out.iterdir() if p.is_dir() and p.name != "front")
    result = export(pack, ["front"], out, lint=False)
    assert sorted({p.split("/")[0] for p in tree(out)}) == [MARKER, "front"]
    assert leftovers(out.parent) == []
    assert result.replaced == earlier and "zendesk" in earlier  # said, not lost unseen
    assert export(pack, ["front"], out, lint=False).replaced == []  # the same export again replaces nothing else


def test_an_out_folder_reached_through_a_symlink_is_exported_into(previous: tuple[Path, Path, dict[str, bytes]]
                                                                  ) -> None:
    # --out naming a link to the team's shared folder: the link was replaced by a local folder,
    # the shared one kept the old export, and a stray .link.tmp-* link was left beside it
    pack, out, _ = previous
    link = out.parent / "latest"
    link.symlink_to(out, target_is_directory=True)
    export(pack, ["csv"], link, lint=False)
    assert link.is_symlink() and link.resolve() == out.resolve()
    assert sorted(p.name for p in out.iterdir()) == [".scriptkit-export", "csv"]
    assert sorted(p.name for p in out.parent.iterdir()) == ["latest", "out", "p"]


def test_never_replaces_a_folder_scriptkit_did_not_write(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE})
    (tmp_path / "out").mkdir()
    (tmp_path / "out/thesis.docx").write_bytes(b"precious")
    result = run("export", str(pack), "--to", "zendesk", "--out", str(tmp_path / "out"))
    assert result.exit_code == 2 and "did not write" in result.stderr
    assert (tmp_path / "out/thesis.docx").read_bytes() == b"precious"


# ---------------------------------------------------------------- settings and targets

def test_unknown_setting_is_located(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE}, PACK_YAML + "export:\n  zendesk:\n    statuss: open\n")
    result = run("export", str(pack), "--to", "zendesk", "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    line = (PACK_YAML + "export:\n  zendesk:\n").count("\n") + 1
    assert f"pack.yaml:{line}:5" in result.stderr and "statuss" in result.stderr and "status" in result.stderr


def test_unknown_target_suggests(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE})
    result = run("export", str(pack), "--to", "zendsk", "--out", str(tmp_path / "out"))
    assert result.exit_code == 2 and "zendesk" in result.stderr and "Traceback" not in result.output


def test_bad_setting_value_is_an_error(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE}, PACK_YAML + "export:\n  zendesk:\n    status: closed\n")
    with pytest.raises(ConfigError) as refused:  # (bad input, as check says: it was an SK506 finding)
        export(pack, ["zendesk"], tmp_path / "out", lint=False)
    assert refused.value.message == "zendesk status 'closed' is not one a macro can set"


def test_targets_from_pack_settings_and_channel_filter(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE}, PACK_YAML + "export:\n  targets: [helpscout]\n")
    result = run("export", str(pack), "--out", str(tmp_path / "out"), "--channel", "chat")
    assert result.exit_code == 0, result.output
    names = sorted(tree(tmp_path / "out"))
    assert "helpscout/saved_replies/parcel-late.json" in names and "helpscout/README.md" in names
    reply = json.loads((tmp_path / "out/helpscout/saved_replies/parcel-late.json").read_text())
    assert reply["name"] == "Orders / Delivery / Parcel is late" and reply["chatText"].startswith("Hi {%")


def test_targets_in_pack_yaml_are_checked_where_they_are_written(tmp_path: Path) -> None:
    line = PACK_YAML.count("\n") + 2
    # one name where a list goes: it was read letter by letter ("unknown export target 'h'")
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE}, PACK_YAML + "export:\n  targets: helpscout, csv\n")
    result = run("export", str(pack), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith(".")) == ["csv", "helpscout"]
    # a misspelt target points at its place in pack.yaml
    pack = write_pack(tmp_path / "q", {"late.yaml": LATE}, PACK_YAML + "export:\n  targets: [csv, zendsk]\n")
    result = run("export", str(pack), "--out", str(tmp_path / "out2"))
    assert result.exit_code == 2
    assert f"pack.yaml:{line}:18: error: unknown export target 'zendsk'. Did you mean 'zendesk'?" in result.stderr
    pack = write_pack(tmp_path / "r", {"late.yaml": LATE}, PACK_YAML + "export:\n  targets: [csv, 7]\n")
    result = run("export", str(pack), "--out", str(tmp_path / "out3"))
    assert result.exit_code == 2 and f"pack.yaml:{line}:18: error: unknown export target '7'" in result.stderr
    assert not (tmp_path / "out2").exists() and not (tmp_path / "out3").exists()


def test_no_target_anywhere_is_a_usage_error(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE})
    with pytest.raises(ConfigError):
        export(pack, [], tmp_path / "out", lint=False)


def test_third_party_target_registers_through_the_same_entry_point_group(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    (site / "mydesk_scriptkit.py").parent.mkdir(parents=True)
    (site / "mydesk_scriptkit.py").write_text(textwrap.dedent('''
        from scriptkit.targets import BaseTarget, Dialect, Limits
        from scriptkit.targets.base import bundle_files, display_title

        class MyDesk(BaseTarget):
            name = "mydesk"
            summary = "MyDesk snippets"
            limits = Limits(title_max=50)
            dialect = Dialect({"customer.first_name": "c.first"}, lambda n, f, h: "<<" + n + ">>")

            def render(self, message):
                return {"label": display_title(message), "text": self.plain(message)}

            def measure(self, payload):
                return payload["label"], payload["text"]

            def files(self, rendered):
                return bundle_files("mydesk", "snippets", rendered, lambda p: p)

        def target():
            return MyDesk()
        '''), encoding="utf-8")
    dist = site / "mydesk_scriptkit-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: mydesk-scriptkit\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[scriptkit.targets]\nmydesk = mydesk_scriptkit:target\n")
    monkeypatch.syspath_prepend(str(site))
    targets._entry_points.cache_clear()
    targets.get.cache_clear()
    try:
        assert "mydesk" in targets.available()
        pack = write_pack(tmp_path / "p", {"late.yaml": LATE})
        result = run("export", str(pack), "--to", "mydesk", "--out", str(tmp_path / "out"))
        assert result.exit_code == 0, result.output
        snippet = json.loads((tmp_path / "out/mydesk/snippets/parcel-late.json").read_text())
        assert snippet["text"].startswith("Hi <<c.first>>,")
        assert "[[agent first name]]" in snippet["text"]  # unmapped placeholder: a blank for the agent
        assert "mydesk has no placeholder for 'agent.first_name'" in result.stdout
        assert "mydesk" in run("export", "--list").stdout
    finally:
        sys.modules.pop("mydesk_scriptkit", None)
        targets._entry_points.cache_clear()
        targets.get.cache_clear()


# ---------------------------------------------------------------- own formats

def test_json_export_is_lossless(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE})
    export(pack, ["json"], tmp_path / "out", lint=False)
    doc = json.loads((tmp_path / "out/json/pack.json").read_text())
    jsonschema.validate(doc, schema("json"))
    messages = render_pack(load_pack(pack), all_variants=True)
    assert len(doc["messages"]) == len(messages) == 6  # 3 channels x 2 variants
    for exported, msg in zip(doc["messages"], messages, strict=True):
        rebuilt = "".join(s["text"] if s["type"] == "text" else
                          "{{" + s["name"] + "}}" if s["type"] == "placeholder" else f"[[{s['name']}]]"
                          for s in exported["segments"])
        assert rebuilt == msg.text == exported["text"]
        assert [s.get("fallback") for s in exported["segments"] if s["type"] == "placeholder"] == \
            [getattr(s, "fallback", None) for s in msg.segments if type(s).__name__ == "Placeholder"]
        assert exported["file"] == "scripts/late.yaml"
        assert {n["kind"] for n in exported["notes"]} == {"guidance", "alternative", "condition"}
    literal = next(s for s in doc["messages"][0]["segments"] if s["slot"] == "acknowledgment")
    line = next(i for i, text in enumerate(LATE.splitlines(), 1) if "I can see how frustrating" in text)
    assert literal["source"] == {"file": "scripts/late.yaml", "line": line, "col": 6, "literal": True}


def test_csv_rows(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE})
    export(pack, ["csv"], tmp_path / "out", lint=False)
    rows = list(csv.DictReader(io.StringIO((tmp_path / "out/csv/scripts.csv").read_text(encoding="utf-8-sig"))))
    assert [(r["channel"], r["variant"]) for r in rows] == [
        ("email", "1"), ("email", "2"), ("chat", "1"), ("chat", "2"), ("phone", "1"), ("phone", "2")]
    assert rows[0]["category"] == "Orders / Delivery" and rows[0]["fallbacks"] == "customer.first_name=there"
    assert rows[0]["blanks"] == "new_date: The new delivery date from the carrier"
    assert "If you'd rather not wait, I can refund you within 14 days." in rows[0]["alternatives"]


def test_playbook_groups_by_category_and_escapes_html(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE, "braces.yaml": BRACES})
    export(pack, ["playbook"], tmp_path / "out", lint=False)
    md = (tmp_path / "out/playbook/playbook.md").read_text()
    page = (tmp_path / "out/playbook/playbook.html").read_text()
    assert md.index("## Account") < md.index("## Orders / Delivery")
    assert "*When:* The customer's parcel has not arrived on the promised day." in md
    assert "**Fill in before sending**" in md and "**\\[\\[new date\\]\\]**: The new delivery date" in md
    assert "Check the carrier's tracking page before replying." in md
    assert "**Alternative: Refund instead:**" in md and "**If the parcel is marked delivered:**" in md
    assert "**Other ways to say it**" in md and "Waiting all day" in md
    assert "**Phone**" in md and "**Chat**" in md
    assert "> Kind regards,  \n> *{replying agent's first name}*\n" in md  # a hard line break, as written
    assert "> Hi *{customer's first name, or \"there\"}*,\n>\n> I can see" in md
    assert "&lt;b&gt;HELLO&lt;/b&gt; &amp; the code" in page and "<b>HELLO</b>" not in page
    assert "<h3>Template &lt;tags&gt; &amp; {braces}</h3>" in page
    assert "<mark>[[new date]]</mark>" in page


# ---------------------------------------------------------------- details

def test_other_phrasings_and_notes_reach_zendesk_description_only(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE})
    export(pack, ["zendesk"], tmp_path / "out", lint=False)
    macro = json.loads((tmp_path / "out/zendesk/macros/parcel-late.json").read_text())["macro"]
    assert "Or say (acknowledgment): Waiting all day for a delivery that never shows up is exhausting." \
        in macro["description"]
    assert "If the parcel is marked delivered: Ask the customer to check with neighbours first." \
        in macro["description"]
    assert "Waiting all day" not in macro["actions"][0]["value"]


def test_variants_a_helpdesk_cannot_hold_are_named_where_they_are_written(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE})
    result = export(pack, ["helpscout", "zendesk"], tmp_path / "out", lint=False)
    # Zendesk keeps them in the description (the script's notes, which Help Scout has no place for, are SK508s of
    # their own)
    (dropped,) = [d for d in result.diagnostics if d.code == "SK508" and "agent notes" not in d.message]
    assert dropped.extra["target"] == "helpscout"
    assert (dropped.location.line, dropped.location.col) == (9, 6)  # the second acknowledgment, as written
    assert dropped.message == ("helpscout keeps one phrasing per saved reply: 1 other phrasing of the acknowledgment "
                               "is not exported")
    assert "variants: each" in (dropped.suggestion or "")
    assert result.counts["helpscout"] == 2  # email and chat (Help Scout has no phone), the first variant each


def test_variants_each_exports_every_variant_as_its_own_macro(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE},
                      PACK_YAML + "export:\n  helpscout: {variants: each}\n  gorgias: {variants: each}\n")
    result = export(pack, ["helpscout", "gorgias"], tmp_path / "out", lint=False)
    assert [d.code for d in result.diagnostics if d.code in ("SK507", "SK508") and "agent notes" not in d.message] == []
    replies = json.loads((tmp_path / "out/helpscout/saved_replies.json").read_text())["saved_replies"]
    names = sorted(r["name"] for r in replies)
    assert names == ["Orders / Delivery / Parcel is late", "Orders / Delivery / Parcel is late (chat)",
                     "Orders / Delivery / Parcel is late (chat, variant 2)",
                     "Orders / Delivery / Parcel is late (variant 2)"]
    second = json.loads((tmp_path / "out/helpscout/saved_replies/parcel-late-v2.json").read_text())
    assert "Waiting all day for a delivery" in second["text"]
    macros = json.loads((tmp_path / "out/gorgias/macros.json").read_text())["macros"]
    assert sorted(m["external_id"] for m in macros) == [
        "scriptkit:parcel-late", "scriptkit:parcel-late:chat", "scriptkit:parcel-late:chat:v2",
        "scriptkit:parcel-late:v2"]
    with pytest.raises(ConfigError, match="must be 'first'"):
        export(write_pack(tmp_path / "q", {"late.yaml": LATE}, PACK_YAML + "export:\n  front: {variants: all}\n"),
               ["front"], tmp_path / "out2", lint=False)


def test_an_export_finding_names_every_channel_that_met_it(tmp_path: Path) -> None:
    # it named only the last channel exported: an email macro with the same blank looked clean
    pack = write_pack(tmp_path / "p", {"braces.yaml": BRACES.replace("channels: [email]", "channels: [email, chat]")})
    result = export(pack, ["zendesk"], tmp_path / "out", lint=False)
    (d,) = [d for d in result.diagnostics if d.code == "SK503"]
    assert d.extra["channels"] == "email,chat"


def test_unsupported_placeholder_points_at_its_source(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"braces.yaml": BRACES})
    result = export(pack, ["zendesk"], tmp_path / "out", lint=False)
    (d,) = [d for d in result.diagnostics if d.code == "SK503"]
    line = next(i for i, text in enumerate(BRACES.splitlines(), 1) if "order.number" in text)
    assert d.location.file.endswith("braces.yaml") and d.location.line == line
    assert "order.number" in d.message and "[[order number]]" in d.message


def test_html_targets_escape_markup_even_when_forced(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"braces.yaml": BRACES})
    export(pack, ["front", "gorgias", "helpscout", "intercom"], tmp_path / "out", lint=False, force=True)
    gorgias = json.loads((tmp_path / "out/gorgias/macros/code-help.json").read_text())
    bodies = [
        json.loads((tmp_path / "out/front/message_templates/code-help.json").read_text())["body"],
        gorgias["actions"][0]["arguments"]["body_html"],
        json.loads((tmp_path / "out/helpscout/saved_replies/code-help.json").read_text())["text"],
        (tmp_path / "out/intercom/macros/code-help.html").read_text(),
    ]
    for body in bodies:
        assert "&lt;b&gt;HELLO&lt;/b&gt; &amp; the code" in body and "<b>HELLO" not in body


def test_replacement_without_atomic_exchange(previous: tuple[Path, Path, dict[str, bytes]],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the kernel cannot swap two folders in one step, two renames do it, same result."""
    from scriptkit import exporting

    pack, out, _ = previous
    monkeypatch.setattr(exporting, "_exchange", lambda a, b: False)
    export(pack, ["front"], out, lint=False)
    assert sorted({p.split("/")[0] for p in tree(out)}) == [MARKER, "front"]
    assert leftovers(out.parent) == []


def test_placeholder_mapping_skip_and_unknown_target_settings(tmp_path: Path) -> None:
    settings = PACK_YAML + "export:\n  zendesk:\n    placeholders: {order.number: ticket.external_id}\n  zendsk: {}\n"
    skipped = LATE.replace("channels: [email, chat, phone]", "channels: [email]\nexport:\n  zendesk: {skip: true}")
    pack = write_pack(tmp_path / "p", {"braces.yaml": BRACES, "late.yaml": skipped}, settings)
    result = export(pack, ["zendesk"], tmp_path / "out", lint=False)
    assert sorted(p.name for p in (tmp_path / "out/zendesk/macros").iterdir()) == ["code-help.json"]
    body = json.loads((tmp_path / "out/zendesk/macros/code-help.json").read_text())["macro"]["actions"][0]["value"]
    assert "order {{ticket.external_id}} for you" in body
    codes = [(d.code, d.message) for d in result.diagnostics]
    assert not any(code == "SK503" for code, _ in codes)
    (typo,) = [d for d in result.diagnostics if "zendsk" in d.message]
    assert typo.suggestion == "Did you mean 'zendesk'?" and typo.location.file.endswith("pack.yaml")


def test_mapping_to_something_that_is_not_a_field_is_refused(tmp_path: Path) -> None:
    settings = PACK_YAML + "export:\n  zendesk:\n    placeholders: {order.number: 'x}}{{y'}\n"
    pack = write_pack(tmp_path / "p", {"braces.yaml": BRACES}, settings)
    with pytest.raises(ConfigError) as refused:
        export(pack, ["zendesk"], tmp_path / "out", lint=False)
    assert "x}}{{y" in refused.value.message


@pytest.mark.parametrize(("target", "setting", "needle"), [
    ("freshdesk", "folder_id: abc", "not 'abc'"),
    ("freshdesk", "{visibility: groups, folder_id: 3, group_ids: [x1]}", "not 'x1'"),
    ("zendesk", "restriction: {type: Team, ids: [1]}", "restriction"),
    ("zendesk", "public: 'no'", "'public' must be true or false, not 'no'. Did you mean false?"),
    ("freshdesk", "visibility: [all, groups]", "freshdesk visibility '['all', 'groups']' is not one of"),
    ("freshdesk", "visibility: {all: 1}", "freshdesk visibility '{'all': 1}' is not one of"),
])
def test_bad_setting_values_are_errors_not_tracebacks(tmp_path: Path, target: str, setting: str,
                                                       needle: str) -> None:
    body = f"    {setting}\n" if not setting.startswith("{") else ""
    conf = f"export:\n  {target}:\n{body}" if body else f"export:\n  {target}: {setting}\n"
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE}, PACK_YAML + conf)
    result = run("export", str(pack), "--to", target, "--out", str(tmp_path / "out"), "--force")
    assert result.exit_code == 2 and needle in result.stderr and "pack.yaml:" in result.stderr, result.output
    assert "Traceback" not in result.output and not (tmp_path / "out").exists()


def test_bad_common_setting_is_located_exit_2(tmp_path: Path) -> None:
    conf = "export:\n  salesforce:\n    limits: {body: lots}\n"
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE}, PACK_YAML + conf)
    result = run("export", str(pack), "--to", "salesforce", "--out", str(tmp_path / "out"))
    line = (PACK_YAML + conf).splitlines().index("    limits: {body: lots}") + 1
    assert result.exit_code == 2 and f"pack.yaml:{line}:" in result.stderr and "whole numbers" in result.stderr


def test_a_zendesk_internal_note_exported_elsewhere_is_named_at_its_setting(tmp_path: Path) -> None:
    note = LATE.replace("id: parcel-late", "id: parcel-note").replace("Parcel is late", "Courier escalation").replace(
        "tags: [orders, late delivery]", "tags: [orders]\nexport:\n  zendesk: {public: false}")
    pack = write_pack(tmp_path / "p", {"note.yaml": note, "late.yaml": LATE})
    result = export(pack, ["zendesk", "freshdesk"], tmp_path / "out", lint=False)
    notes = [d for d in result.diagnostics if d.code == "SK509"]
    assert {d.extra["target"] for d in notes} == {"freshdesk"} and {d.script_id for d in notes} == {"parcel-note"}
    assert (notes[0].location.line, notes[0].location.col) == (8, 21)  # the false of 'public: false'
    assert "internal note in zendesk" in notes[0].message and "skip: true" in (notes[0].suggestion or "")
    # the pack's setting counts too, and a script's own public: true overrides it
    pack = write_pack(tmp_path / "q", {"note.yaml": note.replace("public: false", "public: true"), "late.yaml": LATE},
                      PACK_YAML + "export:\n  zendesk: {public: false}\n")
    found = export(pack, ["freshdesk"], tmp_path / "out2", lint=False).diagnostics
    assert {d.script_id for d in found if d.code == "SK509"} == {"parcel-late"}


def test_a_bad_helpdesk_setting_is_reported_where_it_is_written(tmp_path: Path) -> None:
    """A setting's wrong value (SK506 then, SK512 now) was pointed at the script's title, where no setting is: a
    lead looked there."""
    pack = tmp_path / "pack"
    (pack / "scripts").mkdir(parents=True)
    (pack / "pack.yaml").write_text("name: Settings\nversion: 0.1.0\nchannels: {email: {greeting: '', signoff: ''}}\n"
                                    "export:\n  zendesk:\n    active: true\n    public: maybe\n", encoding="utf-8")
    (pack / "scripts" / "a.yaml").write_text(
        "id: a\ntitle: Parcel late\nchannels: [email]\nacknowledgment: I'm sorry it's late.\n"
        "solution: I've chased the courier today.\n", encoding="utf-8")
    (pack / "scripts" / "b.yaml").write_text(
        "id: b\ntitle: Parcel lost\nchannels: [email]\nacknowledgment: I'm sorry it's lost.\n"
        "solution: I've sent a new one today.\nexport:\n  gorgias:\n    status: snoozed\n", encoding="utf-8")
    with pytest.raises(ErrorGroup) as refused:
        export(pack, ["zendesk", "gorgias"], tmp_path / "out", force=True, lint=False)
    where = sorted((e.location.file, e.location.line) for e in refused.value.errors if e.location)
    assert where == [(str(pack / "pack.yaml"), 7), (str(pack / "scripts" / "b.yaml"), 8)]
