"""A channel layout for one helpdesk: ``export: {front: {layouts: {email: {greeting: "Hello,"}}}}`` in pack.yaml.

Front, Gorgias and Salesforce have no fallback for a name, so the pack's "Hi {{ customer.first_name |
fallback('there') }}," reaches a nameless customer there as "Hi ,". The setting gives such a helpdesk its own
greeting or sign-off, merged key by key over the pack's ``channels:`` (a greeting alone keeps the pack's sign-off),
while the other helpdesks keep the pack's. It is checked as ``channels:`` is, each problem at its place.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from scriptkit.errors import ConfigError, ErrorCollector, ScriptkitError

if TYPE_CHECKING:  # (the models and pydantic load when a setting is read: SK504's advice, which the
    # targets import for `scriptkit import --help` and `review`, needs neither)
    from scriptkit.models import ChannelName, Layout, Origin, Pack

#: the setting's name under ``export: {<target>: ...}`` (``channels`` is Salesforce's Channel picklist setting)
SETTING = "layouts"
DESCRIPTION = ("this helpdesk's own greeting, sign-off or separator for a channel, over the pack's channels: "
               "(pack.yaml only), e.g. {email: {greeting: \"Hello,\"}} where the helpdesk has no fallback for a name")


def own_words(channel: str, slot: str, locale: object = None) -> str:
    """A greeting or sign-off to suggest for ``channel``: English words in an English pack (or one that names no
    ``locale``); in another language, a stand-in for the writer's own ("<your greeting in German>"), as scriptkit
    writes no words in it."""
    from scriptkit.language import base_language, name_of

    language = base_language(locale) if isinstance(locale, str) else "en"
    if language != "en":
        return f"<your {'sign-off' if slot == 'signoff' else 'greeting'} in {name_of(language)}>"
    return {"greeting": "Hello," if channel == "email" else "Hello!", "signoff": "Warm wishes,"}.get(slot, "Hello,")


def example(target: str, channel: str, slot: str = "greeting", locale: object = None) -> str:
    """The setting as pack.yaml writes it, for one channel's greeting or sign-off: what SK504 advises."""
    text = own_words(channel, slot, locale)
    return f'export: {{{target}: {{{SETTING}: {{{channel}: {{{slot}: "{text}"}}}}}}}}'


def given(pack: Pack, target: str) -> Any:
    """The setting as pack.yaml writes it for ``target``, or None."""
    conf = pack.meta.export.get(target)
    return conf.get(SETTING) if isinstance(conf, Mapping) else None


def for_target(pack: Pack, target: str) -> Pack:
    """``pack`` as ``target`` sends it: its channel layouts with pack.yaml's ``layouts`` for ``target`` over them,
    key by key; ``pack`` itself where there is none. Each greeting or sign-off the setting gives is placed at its
    line, so what a rule or an export check finds in it is told there. Raises ConfigError (ErrorGroup for
    several; a PackError for a value loading's checks refuse) for a setting that is wrong, at its place."""
    from scriptkit.models import Origin

    setting = given(pack, target)
    if setting is None:
        return pack
    errors = ErrorCollector()  # (the setting's own problems and its templates', told in one run)
    overrides = _checked(pack, target, errors)
    origin = pack.origin
    channels = dict(pack.meta.channels)
    values = dict(origin.values) if origin else {}
    keys = dict(origin.keys) if origin else {}
    own = ("export", target, SETTING)
    for channel, layout in overrides.items():
        written = {slot: _written_key(setting, channel, slot) for slot in layout.model_fields_set}
        channels[channel] = pack.meta.layout(channel).model_copy(update={k: getattr(layout, k) for k in written})
        for table, source in ((values, origin.values if origin else {}), (keys, origin.keys if origin else {})):
            if channel not in pack.meta.channels and (*own, channel) in source:
                table["channels", channel] = source[(*own, channel)]
            for slot, key in written.items():
                at = (*own, channel, key)
                if at in source:
                    table["channels", channel, slot] = source[at]
    derived = pack.model_copy(update={"meta": pack.meta.model_copy(update={"channels": channels})})
    if origin is not None:
        derived._origin = Origin(origin.source, values, keys)
    _check_templates(derived, errors)
    errors.raise_if_any()
    return derived


def _written_key(value: Any, channel: str, slot: str) -> str:
    """The key a layout's ``slot`` is written as: itself, or the typo read as it ('greting:', told apart)."""
    from scriptkit.loading import meant_key
    from scriptkit.models import Layout

    layout = value.get(channel) if isinstance(value, Mapping) else None
    if not isinstance(layout, Mapping) or slot in layout:
        return slot
    return next((str(key) for key in layout if meant_key(str(key), list(Layout.model_fields), layout) == slot),
                slot)


def check(pack: Pack) -> None:
    """Raise ConfigError (ErrorGroup for several) for a ``layouts`` setting an export would refuse: in pack.yaml, for
    any target (a target not installed is export's warning, SK506), and in a script's own block, where it has no
    place (a layout is the pack's)."""
    errors = ErrorCollector()
    for target in pack.meta.export:
        if target != "targets":
            try:
                for_target(pack, str(target))
            except ScriptkitError as exc:
                errors.extend([exc])
    for script in pack.scripts:
        errors.extend(in_script(script.export, script.origin, script.file))
    errors.raise_if_any()


def in_script(export: Mapping[str, Any], origin: Origin | None, file: str) -> list[ConfigError]:
    """A ``layouts`` setting in a script's own ``export:`` block, each refused at its key."""
    return [ConfigError(f"{target} export setting '{SETTING}' belongs in pack.yaml, not in a script",
                        origin.location(("export", target, SETTING), key=True) if origin else None,
                        f"A channel's greeting and sign-off are the pack's: move it to pack.yaml's export: "
                        f"{{{target}: {{{SETTING}: ...}}}} block (every script of the pack sent to {target}).")
            for target, conf in export.items() if isinstance(conf, Mapping) and SETTING in conf]


def _checked(pack: Pack, target: str, errors: ErrorCollector) -> dict[ChannelName, Layout]:
    """The setting's layouts, by channel, as pack.yaml's ``channels:`` is checked (the same messages: an unknown
    channel or key with the one meant, a value that is not text, a separator that glues the parts), its problems
    into ``errors``. A layout with a problem gives what of it is sound, salvaged as ``channels:`` is (a misspelt
    key read as the one meant), so the templates beside it are checked in the same run."""
    from pydantic import ValidationError

    from scriptkit.loading import _check_separators, _model_errors, salvage_meta
    from scriptkit.models import PackMeta

    value = given(pack, target)
    origin = pack.origin
    here = ("export", target, SETTING)
    if not isinstance(value, Mapping):
        raise ConfigError(f"{target} export setting '{SETTING}' must be a mapping of channels to their layout",
                          origin.location(here) if origin else None,
                          f"Write it as {example(target, 'email', locale=pack.meta.locale)}.")
    # the setting's block seen where pack.yaml's channels: is, so loading's own checks place each problem in it
    view = _moved(origin, here, ("channels",)) if origin else None
    data = {"name": pack.meta.name, "channels": dict(value)}
    try:
        channels = PackMeta.model_validate(data).channels
    except ValidationError as exc:
        if view is None:
            raise ConfigError(f"{target} export setting '{SETTING}' is not a channel layout: {exc}") from None
        _model_errors(exc, PackMeta, view, errors, data=data)
        channels = salvage_meta(data, PackMeta(name=pack.meta.name)).channels
    if view is not None:
        _check_separators(PackMeta(name=pack.meta.name, channels=channels), view, errors)
    return channels


def _moved(origin: Origin, path: tuple[str | int, ...], to: tuple[str | int, ...]) -> Origin:
    """``origin`` with what is under ``path`` seen under ``to`` instead."""
    from scriptkit.models import Origin

    size = len(path)

    def move(table: dict[tuple[str | int, ...], int]) -> dict[tuple[str | int, ...], int]:
        return {(*to, *key[size:]): at for key, at in table.items() if key[:size] == path}

    return Origin(origin.source, move(origin.values), move(origin.keys))


def _check_templates(pack: Pack, errors: ErrorCollector) -> None:
    """A template problem of the setting's greetings and sign-offs (an unknown placeholder, a broken ``{{``), at
    its line, into ``errors``: those of the pack's own were told when it was loaded."""
    from scriptkit.rendering import check_templates

    errors.extend(check_templates(pack, script_problems=()))
