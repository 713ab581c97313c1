"""The phrase data files read the same with the fast (libyaml) parser as with the YAML 1.2 one."""

from __future__ import annotations

from importlib import resources

import pytest

from scriptkit.rules.lexicon import DATA_DIR, data_text, parse_data

FILES = sorted(p.name for p in resources.files(DATA_DIR[0]).joinpath(DATA_DIR[1]).iterdir()
               if p.name.endswith(".yaml"))


@pytest.mark.parametrize("filename", FILES)
def test_fast_parser_reads_data_as_yaml_1_2(filename: str) -> None:
    text = data_text(filename)
    assert parse_data(text) == parse_data(text, fast=False)


def test_yaml_1_1_words_stay_text() -> None:
    assert parse_data("- on\n- no\n- yes\n- off\n- 12:30\n- true\n") == ["on", "no", "yes", "off", "12:30", True]


def test_shipped_patterns_are_matched_a_sentence_at_a_time() -> None:
    """Every shipped phrase table, and the cue lists slot inference reads, match sentence by sentence.

    One pattern that can see past its sentence (a negated class such as ``[^.?!]``, an anchor)
    makes its whole table match every reply whole, with no per-sentence cache: one such
    entry made SK305 six times slower per message and cost the throughput target.
    Spell out the characters a sentence has between words instead.
    """
    import re

    from scriptkit.inference import _cue_matcher
    from scriptkit.rules.lexicon import table

    assert _cue_matcher()._regexes_local
    for matcher in (table("dismissive.yaml").matcher, table("corporate_phrases.yaml").matcher,
                    table("robotic.yaml", "openers").matcher, table("robotic.yaml", "closers", re.MULTILINE).matcher):
        assert matcher._by_piece, [rx.pattern for rx in matcher._regexes]
