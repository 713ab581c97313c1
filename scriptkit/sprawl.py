"""Library-level findings over many replies: duplicates and numbers that contradict each other.

Duplicates ("macro sprawl"): texts are normalised (case, punctuation, placeholders and
blanks folded to one token each, digits kept), cut into word 2-shingles (word pairs), and
compared by Jaccard similarity. Exact duplicates share a normalised text; near duplicates reach
``threshold`` (default 0.7: the same reply with a sentence reworded). Candidate pairs come
from MinHash signatures (32 hashes) bucketed in 8 bands of 4 rows, so thousands of replies
cost about linear time; every candidate is then checked with its true Jaccard.

Contradictions: each sentence's quantities (number + unit: "14 days", "3-5 business days",
"48 hours", "10%") are tied to a topic keyword near them ("refund", "return", "delivery"...;
the first topic in ``TOPICS`` order wins when several are near). Two replies contradict when
one topic has the same unit with different values, e.g. a refund window of 14 days in one and
30 in another.
"""

from __future__ import annotations

import hashlib
import re
import struct
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from scriptkit.text import sentence_spans

# ---------------------------------------------------------------- duplicates

_TOKEN = re.compile(r"\{\{[^}]*\}\}|\[\[[^\]]*\]\]|[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_PERMUTATIONS = 32
_BANDS, _ROWS = 8, 4


def normalise(text: str) -> list[str]:
    """Lower-case word tokens; any placeholder or blank becomes the token '<var>'."""
    out = []
    for m in _TOKEN.finditer(text.lower()):
        token = m.group(0)
        out.append("<var>" if token.startswith(("{{", "[[")) else token.replace("’", "'"))
    return out


def shingles(tokens: Sequence[str], k: int = 2) -> set[str]:
    if len(tokens) < k:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i:i + k]) for i in range(len(tokens) - k + 1)}


def _signature_of(shingle: str) -> tuple[int, ...]:
    # one 128-byte hash gives 32 independent 32-bit hash values: one per MinHash permutation
    digest = hashlib.blake2b(shingle.encode(), digest_size=64).digest() + \
        hashlib.blake2b(shingle.encode(), digest_size=64, person=b"scriptkit").digest()
    return struct.unpack(f">{_PERMUTATIONS}I", digest)


def minhash(items: set[str], cache: dict[str, tuple[int, ...]] | None = None) -> tuple[int, ...]:
    if not items:
        return (0,) * _PERMUTATIONS
    cache = {} if cache is None else cache
    rows = []
    for x in items:
        row = cache.get(x)
        if row is None:
            row = cache[x] = _signature_of(x)
        rows.append(row)
    return tuple(map(min, zip(*rows, strict=True)))


def jaccard(a: set[str], b: set[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


@dataclass
class DuplicateGroup:
    kind: str  # exact | near
    members: list[str]  # ids, in input order
    similarity: float  # lowest pairwise similarity that joined the group (1.0 for exact)


def find_duplicates(texts: Sequence[tuple[str, str]], threshold: float = 0.7,
                    min_tokens: int = 4) -> list[DuplicateGroup]:
    """Groups of (id, text) pairs that are exact or near duplicates; tiny texts are ignored."""
    order = {ident: i for i, (ident, _) in enumerate(texts)}
    exact: dict[str, list[str]] = defaultdict(list)
    sets: dict[str, set[str]] = {}
    for ident, text in texts:
        tokens = normalise(text)
        if len(tokens) < min_tokens:
            continue
        exact[" ".join(tokens)].append(ident)
        sets[ident] = shingles(tokens)
    groups = [DuplicateGroup("exact", ids, 1.0) for ids in exact.values() if len(ids) > 1]
    # near duplicates among one representative per exact group
    reps = [ids[0] for ids in exact.values()]
    buckets: dict[tuple[int, tuple[int, ...]], list[str]] = defaultdict(list)
    cache: dict[str, tuple[int, ...]] = {}  # libraries repeat phrases: hash each shingle once
    for ident in reps:
        sig = minhash(sets[ident], cache)
        for band in range(_BANDS):
            buckets[(band, sig[band * _ROWS:(band + 1) * _ROWS])].append(ident)
    parent = {r: r for r in reps}
    weakest: dict[str, float] = {}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    checked: set[tuple[str, str]] = set()
    for members in buckets.values():
        if len(members) < 2:
            continue
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                pair = (a, b) if order[a] < order[b] else (b, a)
                if pair in checked:
                    continue
                checked.add(pair)
                sim = jaccard(sets[a], sets[b])
                if sim >= threshold:
                    ra, rb = find(a), find(b)
                    joined = min(weakest.pop(ra, 1.0), weakest.pop(rb, 1.0) if rb != ra else 1.0, sim)
                    parent[rb] = ra
                    weakest[ra] = joined
    clusters: dict[str, list[str]] = defaultdict(list)
    for r in reps:
        clusters[find(r)].append(r)
    for root, members in clusters.items():
        if len(members) > 1:
            groups.append(DuplicateGroup("near", sorted(members, key=order.__getitem__),
                                         round(weakest.get(root, threshold), 3)))
    groups.sort(key=lambda g: (g.kind != "exact", -len(g.members), order[g.members[0]]))
    return groups


# ---------------------------------------------------------------- contradictions

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty-five": 45, "sixty": 60, "ninety": 90,
}
_NUM = r"(?:\d+(?:[.,]\d+)?|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"
_QUANTITY = re.compile(
    rf"\b(?P<a>{_NUM})(?:\s*(?:-|–|to|or)\s*(?P<b>{_NUM}))?\s*(?:\(\d+\)\s*)?"
    r"(?P<kind>business\s+|working\s+|calendar\s+)?"
    r"(?P<unit>days?|hours?|hrs?|weeks?|months?|years?|minutes?|mins?|%|percent)\b",
    re.IGNORECASE,
)
_UNITS = {"day": "days", "days": "days", "hour": "hours", "hours": "hours", "hr": "hours", "hrs": "hours",
          "week": "weeks", "weeks": "weeks", "month": "months", "months": "months", "year": "years",
          "years": "years", "minute": "minutes", "minutes": "minutes", "min": "minutes", "mins": "minutes",
          "%": "percent", "percent": "percent"}
#: topic -> keywords (stems); the keyword nearest a quantity names what the quantity is about
TOPICS: dict[str, tuple[str, ...]] = {
    "refund": ("refund", "reimburs", "money back", "credited", "chargeback"),
    "return": ("return", "send it back", "exchange"),
    "delivery": ("deliver", "shipping", "shipped", "dispatch", "arrive", "courier", "parcel", "transit"),
    "response time": ("respond", "response", "reply", "get back to you", "hear from us", "answer"),
    "cancellation": ("cancel",),
    "warranty": ("warranty", "guarantee"),
    "trial": ("trial",),
    "transfer": ("transfer", "payout", "withdraw"),
    "discount": ("discount", "off your", "coupon", "promo"),
    "account": ("password", "verification", "verify", "locked", "account"),
}
_TOPIC = re.compile("|".join(f"(?P<t{i}>{'|'.join(re.escape(k) for k in kws)})"
                             for i, kws in enumerate(TOPICS.values())), re.IGNORECASE)
_TOPIC_NAMES = list(TOPICS)


@dataclass(frozen=True)
class Quantity:
    macro: str
    topic: str
    unit: str  # days, business days, hours, weeks, percent...
    value: str  # "14" or "3-5"
    sentence: str


@dataclass
class Contradiction:
    topic: str
    unit: str
    values: dict[str, list[Quantity]] = field(default_factory=dict)  # value -> quantities

    @property
    def macros(self) -> list[str]:
        return list(dict.fromkeys(q.macro for qs in self.values.values() for q in qs))


def _number(text: str) -> str:
    text = text.lower()
    return str(_NUMBER_WORDS[text]) if text in _NUMBER_WORDS else text.replace(",", ".")


def quantities(ident: str, text: str, window: int = 60) -> Iterable[Quantity]:
    for a, b in sentence_spans(text):
        sentence = text[a:b]
        topics = [(m.start(), _TOPIC_NAMES[int(str(m.lastgroup)[1:])]) for m in _TOPIC.finditer(sentence)]
        if not topics:
            continue
        for m in _QUANTITY.finditer(sentence):
            near = [topic for at, topic in topics if min(abs(m.start() - at), abs(m.end() - at)) <= window]
            if not near:
                continue
            topic = min(near, key=_TOPIC_NAMES.index)  # "your refund arrives in 5 days" is about the refund
            value = _number(m.group("a")) + (f"-{_number(m.group('b'))}" if m.group("b") else "")
            kind = (m.group("kind") or "").strip().lower()
            unit = _UNITS[m.group("unit").lower()]
            yield Quantity(ident, topic, f"{kind} {unit}".strip(), value, " ".join(sentence.split()))


def find_contradictions(texts: Sequence[tuple[str, str]]) -> list[Contradiction]:
    """Topics where different replies state different values in the same unit."""
    found: dict[tuple[str, str], Contradiction] = {}
    for ident, text in texts:
        for q in quantities(ident, text):
            entry = found.setdefault((q.topic, q.unit), Contradiction(q.topic, q.unit))
            entry.values.setdefault(q.value, []).append(q)
    out = []
    for c in found.values():
        macros_per_value = [{q.macro for q in qs} for qs in c.values.values()]
        if len(c.values) > 1 and len(set().union(*macros_per_value)) > 1:
            out.append(c)
    out.sort(key=lambda c: (-len(c.macros), c.topic, c.unit))
    return out
