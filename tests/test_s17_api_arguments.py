"""The public API's wrong arguments: a ConfigError (a ScriptkitError) saying what to pass, never a bare
TypeError, ValueError or AttributeError from deep inside; and the values a Python caller naturally
passes (a number as a preview's sample, a Severity, grammar=False) taken as meant."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import scriptkit
from scriptkit import ConfigError, Library, LintConfig, Message, Pack, ScriptkitError, Severity

CSV = (
    "title,body\n"
    "Parcel late,\"Hi there, I'm sorry your parcel is late. I've asked the courier to hurry it, "
    "and it will reach you by Thursday.\"\n"
    "Wrong size,\"Hello, sorry the shoes were the wrong size. I've sent a label so you can swap them "
    "for free today.\"\n"
)


class Parts:
    """What the calls below are made on: real files on disk, read by scriptkit itself."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.csv = root / "macros.csv"
        self.csv.write_text(CSV, encoding="utf-8")
        self.pack: Pack = scriptkit.load_pack(scriptkit.template_dir("starter"))
        self.config: LintConfig = scriptkit.load_config(self.pack)
        self.library: Library = scriptkit.import_library(self.csv)
        script = next(s for s in self.pack.scripts
                      if "customer.first_name" in scriptkit.render_script(self.pack, s, s.channels[0]).text)
        self.message: Message = scriptkit.render_script(self.pack, script, script.channels[0])

    def out(self) -> Path:
        return self.root / "out"


@pytest.fixture(scope="module")
def parts(tmp_path_factory: pytest.TempPathFactory) -> Parts:
    return Parts(tmp_path_factory.mktemp("api"))


Call = Callable[[Parts], Any]

# (the call, what the message says to pass): each raised a bare Python exception, or took a wrong value silently
WRONG: dict[str, tuple[Call, str]] = {
    # LintConfig
    "override-select-int": (lambda p: p.config.override(select=5), "takes select as a list of rule codes"),
    "override-select-nan": (lambda p: p.config.override(select=math.nan), "not the float nan"),
    "override-ignore-path": (lambda p: p.config.override(ignore=Path("SK201")), "takes ignore as a list"),
    "override-ignore-dict": (lambda p: p.config.override(ignore={"SK201": True}), "not a dict"),
    "fails-none": (lambda p: p.config.fails(None), "takes severity as a Severity or its name"),
    "rules-none": (lambda p: p.config.rules(None), "takes available as rule classes"),
    "rules-of-names": (lambda p: p.config.rules(["SK201"]), "not the str 'SK201' among them"),
    "options-for-name": (lambda p: p.config.options_for("SK201"), "takes rule as a rule class"),
    "problems-int": (lambda p: p.config.problems(3), "takes available as rule classes"),
    "load-config-project-str": (lambda p: scriptkit.load_config(p.pack, project="no"), "project as True or False"),
    # import_library
    "import-path-none": (lambda p: scriptkit.import_library(None), "takes the path as a file's path"),
    "import-path-int": (lambda p: scriptkit.import_library(7), "not the int 7"),
    "import-fmt-list": (lambda p: scriptkit.import_library(p.csv, ["csv"]), "takes fmt as a format's name"),
    "import-mapping-cli-text": (lambda p: scriptkit.import_library(p.csv, mapping="title=Name"),
                                "Pass a dict: mapping={'title': 'Name'}"),
    "import-mapping-list": (lambda p: scriptkit.import_library(p.csv, mapping=["title", "Name"]),
                            "takes mapping as a dict of str"),
    "import-mapping-number": (lambda p: scriptkit.import_library(p.csv, mapping={"title": 3}), "holding the int 3"),
    "import-where-text": (lambda p: scriptkit.import_library(p.csv, where="inbound=False"),
                          "Pass a dict: where={'inbound': 'False'}"),
    "import-dialect-list": (lambda p: scriptkit.import_library(p.csv, dialect=["zendesk"]), "takes dialect as"),
    "import-dialect-misspelt": (lambda p: scriptkit.import_library(p.csv, dialect="zendsk"), "Did you mean 'zendesk'?"),
    "import-progress-int": (lambda p: scriptkit.import_library(p.csv, progress=1), "takes progress as a function"),
    "import-taken-list": (lambda p: scriptkit.import_library(p.csv, taken=["x"]), "Pass a set: taken=set(['x'])"),
    "import-taken-str": (lambda p: scriptkit.import_library(p.csv, taken="x"), "takes taken as a set of script ids"),
    "import-titles-named-str": (lambda p: scriptkit.import_library(p.csv, titles_named="no"), "True or False"),
    # Library.write
    "write-none": (lambda p: p.library.write(None), "takes out as the new pack's folder"),
    "write-int": (lambda p: p.library.write(123), "not the int 123"),
    "write-name-list": (lambda p: p.library.write(p.out(), name=["Shop"]), "takes name as the pack's name"),
    "write-force-text": (lambda p: p.library.write(p.out(), force="no"), "takes force as True or False"),
    "write-channel-list": (lambda p: p.library.write(p.out(), channel=["chat"]), "takes channel as a name"),
    "write-channel-path": (lambda p: p.library.write(p.out(), channel=Path("chat")), "takes channel as a name"),
    "write-channel-int": (lambda p: p.library.write(p.out(), channel=2), "not the int 2"),
    # render_pack
    "render-pack-folder": (lambda p: scriptkit.render_pack(str(p.pack.root)), "Load it first: scriptkit.load_pack("),
    "render-pack-script-id-list": (lambda p: scriptkit.render_pack(p.pack, None, ["a"]), "takes script_id as"),
    "render-pack-all-variants-text": (lambda p: scriptkit.render_pack(p.pack, all_variants="yes"), "True or False"),
    # Message
    "preview-none": (lambda p: p.message.preview(None), "Pass pack.catalogue.samples()"),
    "preview-list": (lambda p: p.message.preview(["Sam"]), "takes samples as a dict"),
    "preview-value-list": (lambda p: p.message.preview({"customer.first_name": ["Sam"]}),
                           "not a list (for customer.first_name)"),
    "preview-value-bool": (lambda p: p.message.preview({"customer.first_name": True}), "not the bool True"),
    "slot-text-list": (lambda p: p.message.slot_text(["solution"]), "takes slot as a slot's name"),
    "locate-none": (lambda p: p.message.locate(None), "takes start as an offset"),
    "locate-span-text": (lambda p: p.message.locate_span(0, "5"), "takes end as an offset"),
    "literal-span-float": (lambda p: p.message.literal_span(1.5, 3), "not the float 1.5"),
}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("name", list(WRONG))
def test_a_wrong_argument_is_a_config_error_saying_what_to_pass(parts: Parts, name: str) -> None:
    call, says = WRONG[name]
    with pytest.raises(ConfigError) as caught:
        call(parts)
    assert isinstance(caught.value, ScriptkitError)
    assert says in str(caught.value)
    assert not parts.out().exists()  # (nothing written for a refused call)


# the values a caller naturally passes, taken as meant (each raised, or was ignored, before)
def _first_name_shown(parts: Parts, value: object) -> str:
    return parts.message.preview({"customer.first_name": value}).split(",")[0]


@pytest.mark.timeout(60)
@pytest.mark.parametrize(("value", "shown"), [(5, "Hi 5"), (12.5, "Hi 12.5"), (math.nan, "Hi there")])
def test_a_preview_sample_may_be_a_number_and_none_or_nan_is_no_value(parts: Parts, value: object,
                                                                      shown: str) -> None:
    assert _first_name_shown(parts, value) == shown  # (NaN, a table's empty cell: the fallback, as for None)
    assert _first_name_shown(parts, None) == _first_name_shown(parts, "") == "Hi there"


@pytest.mark.timeout(60)
def test_fails_takes_a_severity_or_its_name(parts: Parts) -> None:
    assert parts.config.fails("error") is parts.config.fails(Severity.ERROR) is True
    assert parts.config.fails("suggestion") is False
    with pytest.raises(ConfigError, match="'fatal' is not a severity"):
        parts.config.fails("fatal")


@pytest.mark.timeout(60)
def test_override_takes_a_severity_and_grammar_false_turns_grammar_off(parts: Parts) -> None:
    assert parts.config.override(fail_on=Severity.ERROR).fail_on is Severity.ERROR
    local = parts.config.override(grammar="local")
    assert local.grammar == "local"
    assert local.override(grammar=False).grammar == "off"  # (False was ignored: grammar stayed on)


@pytest.mark.timeout(60)
def test_the_right_arguments_still_work(parts: Parts, tmp_path: Path) -> None:
    seen: list[int] = []
    taken: set[str] = {"parcel-late"}
    library = scriptkit.import_library(str(parts.csv), "csv", mapping={"title": "title", "body": "body"},
                                       dialect="generic", progress=seen.append, taken=taken, titles_named=False)
    assert seen == [1, 2] and len(library.macros) == 2 and "parcel-late-2" in taken
    written = library.write(tmp_path / "shop", name="Shop", force=False, channel="chat")
    assert (written / "pack.yaml").is_file()
    assert scriptkit.render_pack(parts.pack, ["email"], parts.pack.scripts[0].id, all_variants=True)
    assert parts.config.rules(list(parts.config.custom)) == []
    assert parts.message.slot_text("solution")
    assert parts.message.literal_span(3, 1) is None  # (a span that ends before it starts is no run)
