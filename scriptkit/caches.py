"""What scriptkit remembers of the texts it has read, and the call that forgets it.

Rules run per sentence and keep what they found by its text (stock sentences recur from reply to
reply). Each such cache has a fixed size, so a long-running process levels off; ``clear_caches``
gives that memory back at once (a service between batches, a worker before it is reused).
"""

from __future__ import annotations

import sys
from functools import _lru_cache_wrapper

# Caches of at most this many entries are left: they hold what a language, a config or a pack
# loads once (phrase tables, patterns, set-up rules), which the next reply would only load again.
_KEPT_SIZE = 64

# the module-level dicts kept by text: module -> their names (a module not yet imported holds none)
_DICTS: dict[str, tuple[str, ...]] = {
    "scriptkit.inference": ("_piece_cues",),
    "scriptkit.engines.readability": ("_SYLLABLES", "_SHORT_SENTENCE", "_SENTENCE_COUNTS"),
    "scriptkit.rules.warmth": ("_word_codes",),
    "scriptkit.linting": ("_TEXT_CONFIGS",),
}


def clear_caches() -> None:
    """Forget every sentence, word and reply scriptkit has kept from the texts read so far.

    The caches have fixed sizes, so a process reviewing reply after reply levels off without this
    (see "In a service" in the docs' Python page); call it to take that memory back now. Findings
    are the same after it: the next replies are read afresh, a little slower until their sentences
    are seen again. The phrase lists and rules loaded stay loaded (``warm`` need not run again).
    Safe while other threads lint: a reply being read finishes with what it has.
    """
    for name, module in list(sys.modules.items()):
        if module is None or not (name == "scriptkit" or name.startswith("scriptkit.")):
            continue
        for value in list(vars(module).values()):
            if isinstance(value, _lru_cache_wrapper):
                size = value.cache_parameters()["maxsize"]
                if size is not None and size > _KEPT_SIZE:
                    value.cache_clear()
        for attr in _DICTS.get(name, ()):
            getattr(module, attr).clear()
    lexicon = sys.modules.get("scriptkit.rules.lexicon")
    if lexicon is not None:
        lexicon.forget_texts()
