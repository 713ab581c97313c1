"""British and American spellings of the same word ("apologise"/"apologize", "colour"/"color").

Read by import, to tell a British library from an American one, and by the spelling rule, so that swapping one
for its twin is never taken for a typo's fix. Only words listed here count: "advise" or "promise" ends in "-ise"
in both, and "advize" is no one's spelling.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

# stems spelt "-ise" in British and "-ize" in American English (with -e, -es, -ed, -ing, -ation(s), -er(s))
_ISE_STEMS = ("apologi", "reali", "organi", "recogni", "authori", "categori", "customi", "emphasi", "finali",
              "minimi", "maximi", "optimi", "personali", "speciali", "summari", "utili", "prioriti", "standardi",
              "synchroni", "itemi", "memori", "critici", "sympathi", "familiari", "stabili", "normali", "initiali",
              "digiti", "capitali", "visuali", "priori", "characteri", "centrali", "locali", "penali", "saniti",
              "scrutini", "legali", "moderni", "symboli", "reorgani", "amorti")
_ISE_ENDINGS = ("e", "es", "ed", "ing", "ation", "ations", "er", "ers")
# other pairs, British first; each also with an "s" (and the verbs' forms as listed)
_PAIRS = (
    "colour color", "favour favor", "favourite favorite", "behaviour behavior", "honour honor", "labour labor",
    "neighbour neighbor", "flavour flavor", "humour humor", "rumour rumor", "savour savor", "harbour harbor",
    "colourful colorful", "favourable favorable", "centre center", "theatre theater", "metre meter", "litre liter",
    "fibre fiber", "cancelled canceled", "cancelling canceling", "travelled traveled", "travelling traveling",
    "labelled labeled", "labelling labeling", "modelling modeling", "fuelled fueled", "counsellor counselor",
    "jewellery jewelry", "analyse analyze", "analysed analyzed", "analysing analyzing", "paralysed paralyzed",
    "licence license", "defence defense", "offence offense", "catalogue catalog", "dialogue dialog",
    "grey gray", "cheque check", "tyre tire", "aluminium aluminum", "enrol enroll", "enrolment enrollment",
    "fulfil fulfill", "fulfilment fulfillment", "instalment installment", "judgement judgment", "ageing aging",
    "manoeuvre maneuver", "pyjamas pajamas", "sceptical skeptical", "storey story", "mum mom", "plough plow",
)


def _pairs() -> dict[str, tuple[str, str]]:
    """Each spelling (lower case) → (its region, its twin)."""
    out: dict[str, tuple[str, str]] = {}
    for british, american in (pair.split() for pair in _PAIRS):
        for b, a in ((british, american), (british + "s", american + "s")):
            out.setdefault(b, ("en-GB", a))
            out.setdefault(a, ("en-US", b))
    for stem in _ISE_STEMS:
        for ending in _ISE_ENDINGS:
            british, american = f"{stem}s{ending}", f"{stem}z{ending}"
            out.setdefault(british, ("en-GB", american))
            out.setdefault(american, ("en-US", british))
    return out


_TWINS = _pairs()
# words that count as evidence: "check" and "story" and "mum" are words of British English too, "meter" a device
_NOT_EVIDENCE = frozenset({"check", "checks", "story", "mom", "moms", "meter", "meters", "tire", "tires",
                           "license", "licenses", "dialog", "dialogs", "program"})
_WORD = re.compile(r"[A-Za-z]+")


def regional_twin(word: str, other: str) -> str | None:
    """The region whose spelling ``word`` is ("en-GB", "en-US") when ``other`` is its twin in the other region
    ("colour", "color": "en-GB"); None when they are not twins."""
    found = _TWINS.get(word.lower())
    return found[0] if found is not None and found[1] == other.lower() else None


def spelling_region(texts: Iterable[str], least: int = 2, share: float = 0.9) -> tuple[str, Counter[str]] | None:
    """The region whose spelling ``texts`` write, and the words that say so (lower case, with their counts), when
    the evidence is clear: at least ``least`` such words, ``share`` of them one region's; else None."""
    regions: dict[str, Counter[str]] = {"en-GB": Counter(), "en-US": Counter()}
    for text in texts:
        for word in _WORD.findall(text):
            low = word.lower()
            found = _TWINS.get(low)
            if found is not None and low not in _NOT_EVIDENCE:
                regions[found[0]][low] += 1
    total = sum(sum(c.values()) for c in regions.values())
    for region, words in regions.items():
        count = sum(words.values())
        if count >= least and count >= share * total:
            return region, words
    return None
