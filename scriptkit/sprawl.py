"""Library-level findings over many replies: duplicates and numbers that contradict each other.

Duplicates ("macro sprawl"): texts are normalised (case, punctuation, placeholders and
blanks folded to one token each), cut into word 2-shingles (word pairs) with every id (an order,
ticket or reference number: ``fold_identifiers``) folded to one token, and compared by Jaccard
similarity. A link is one word, as written, never folded: replies that send different documents are
different replies. Exact duplicates share their text as written (blanks aside); the same words punctuated or
capitalised otherwise ("1." and a 1️⃣ keycap) are near duplicates of similarity 1.0 noted ``SAME_WORDING``, and a
group whose copies differ only in their links or their ids says so (``DuplicateGroup.note``). Near duplicates reach
``threshold`` (default 0.7: the same reply with a sentence reworded). Copies that differ only in
their ids are near duplicates of similarity 1.0, however short: the same reply filled in for
another customer. An amount is a word like any other ("refunds take 5 days" and "refunds take 30
days" say different things): copies that differ in one are as alike as their other words make them,
and the contradictions say which amounts differ. In a library of up to ``ALL_PAIRS`` (300) distinct texts every
pair is compared, so no copy is missed (MinHash banding missed about one pair in twenty of two short copies that
differ in one number, at 0.83); above it, candidate pairs come from MinHash signatures (32 hashes) bucketed in 8
bands of 4 rows, so thousands of replies cost about linear time (of 74,222 pairs above 0.7 in a templated library of
1,000, one was left in another group), and copies that differ only in their numbers are always compared. Every
candidate is checked with its true Jaccard.

Contradictions: each sentence's quantities (number + unit: "14 days", "a 14-day window",
"3-5 business days", "48 hours", "10%", "$4.99") are tied to the topic keyword that governs them
("refund", "return", "delivery"...): the noun the amount measures ("a 30-day return window"), else one
named before it in its clause ("return it within 30 days for a full refund" is the return window), else
one after it there, else one near it (``_nearest``; the first in ``TOPICS`` order where several are
alike). A placeholder is one opaque word there, however long its name, and its words are no keyword.
Two replies contradict when one topic has different amounts of one kind, e.g. a refund window of 14 days
in one and 30 (or 3 weeks) in another. A delivery time is compared with the
same delivery option only (``Quantity.option``: "express", "next-day", "replacement"; "" for the standard
one), so options named side by side in one reply are no contradiction, and a replacement's delivery is
neither the shop's delivery time nor the warranty's length; an exchange window is its own topic, not a
return window, and a card check's hold being released ("card hold") is not a refund. An amount that lies inside
another's range agrees with it ("3 business days" and "3-5 business days"): only amounts that clash, neither
inside the other, are listed. A number that is part of an
id, a phone number, a date or a rate ("24 hours a day") is no quantity. Quantities with no
topic near them are compared between copies of one reply (near duplicates when every number
reads alike, however short), where the words around them say what they are about: two copies that
differ only in "14 days" vs "30 days" are the contradiction a support lead must see.
"""

from __future__ import annotations

import hashlib
import math
import re
import struct
from bisect import bisect_left, bisect_right, insort
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice

from scriptkit.text import MARKERS, sentence_spans

# ---------------------------------------------------------------- duplicates

# (a link is one word, its address as written: "see https://example.org/DOC-146910" and ".../DOC-146932" point to
# different documents, and read as words and folded as ids the two were duplicates of similarity 1.00)
_TOKEN = re.compile(r"\{\{[^{}]*\}\}|\[\[[^\[\]]*\]\]|(?:https?://|www\.)[^\s<>\"'“”‘’]*[^\s<>\"'“”‘’.,;:!?)\]]"
                    r"|[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_PLACEHOLDER = re.compile(r"\{\{[^{}]*\}\}|\[\[[^\[\]]*\]\]")
_PERMUTATIONS = 32
_BANDS, _ROWS = 8, 4
#: up to this many distinct texts, every pair is compared (up to 45,000 pairs, a tenth of a second); above it, the
#: pairs MinHash banding finds (``_BANDS`` x ``_ROWS``), which misses some pairs near the threshold, and every
#: pair of copies that differ only in their numbers
ALL_PAIRS = 300


def normalise(text: str) -> list[str]:
    """Lower-case word tokens; any placeholder or blank becomes the token '<var>'."""
    out = []
    for m in _TOKEN.finditer(text.lower()):
        token = m.group(0)
        out.append("<var>" if token.startswith(("{{", "[[")) else token.replace("’", "'"))
    return out


def is_number(token: str) -> bool:
    """Whether a word is a number ('42', '3-5', 'three', 'thirty')."""
    return (_has_digit(token) and not is_link(token)) or token in _SMALL_NUMBERS or token in _TENS


def is_link(token: str) -> bool:
    """Whether a word of ``normalise`` is a link ('https://example.org/doc-146910')."""
    return token.startswith(("http://", "https://", "www."))


#: words after which a number names one thing rather than counting anything: "order 4471", "ticket 88",
#: "reference number 7870", "tracking code 5531"
_ID_WORDS = frozenset({
    "order", "orders", "ticket", "tickets", "case", "ref", "reference", "references", "number", "numbers", "id",
    "ids", "invoice", "invoices", "tracking", "account", "booking", "confirmation", "claim", "request", "rma",
    "sku", "code", "po", "receipt", "transaction", "membership", "serial", "incident", "phone", "extension", "ext",
    "pin", "postcode", "zip", "shipment", "consignment",
})
#: a short word for "number" after one of those ("order no. 4471", "case nr 12")
_NUMBER_WORDS = frozenset({"no", "nr", "num"})
_DIGITS_THEN_LETTERS = re.compile(r"\d+[^\W\d_]{1,3}")  # "24h", "5pm", "3rd", "10kg": an amount or a rank


def _word_like_id(token: str) -> bool:
    """A token of letters and digits that is a code, not a number with its unit ('inc0012345', 'a1b2', 'ps5';
    not '24h', '3rd')."""
    return not token.isdigit() and _has_digit(token) and _DIGITS_THEN_LETTERS.fullmatch(token) is None


def fold_identifiers(tokens: Sequence[str]) -> list[str]:
    """The words as duplicates compare them: each number that names a thing ('#' for it) and every other word
    as it is.

    A link is a word as written, never folded: links to different documents keep replies apart. A number
    names a thing, an id, when it follows a word such as "order", "ticket", "reference" or "number"
    ("order 4471", "ticket no 88"), when it holds letters ("inc0012345"), has five digits or more, starts with
    a 0 ("0800") or is a group of three digits or more after an id's own ("0800 123 4567"). Two copies of a
    reply that differ only in ids are the same reply, filled in for another customer. Every other number is
    an amount, a count or a time: "refunds take 5 days" and "refunds take 30 days", "$5" and "$50", "3 items"
    and "10 items" say different things, and a number followed by its unit ("days", "hours", "percent"...)
    is that even after such a word ("a ticket 2 days ago"). Word numbers ("thirty") are never ids.
    """
    if not _has_digit("".join(tokens)):  # (most texts: no digit in any token, asked at C speed)
        return list(tokens)
    out: list[str] = []
    before, ident = "", False  # the previous token, and whether it is (part of) an id
    for i, token in enumerate(tokens):
        if not _has_digit(token) or is_link(token):  # (a link names a document: never folded)
            out.append(token)
            before, ident = token, False
            continue
        if token.isdigit():
            after = tokens[i + 1] if i + 1 < len(tokens) else ""
            ident = after not in _COUNTED and (
                before in _ID_WORDS or (ident and len(token) >= 3) or len(token) >= 5
                or (before in _NUMBER_WORDS and i >= 2 and tokens[i - 2] in _ID_WORDS)
                or (token[0] == "0" and len(token) > 1 and not before.isdigit()))
        else:
            ident = _word_like_id(token)
        out.append("#" if ident else token)
        before = token
    return out


def fold_depends_across(last: str, first: str) -> bool:
    """Whether ``fold_identifiers`` may fold the tokens either side of a cut between ``last`` and ``first``
    otherwise when it reads them together than when it reads each side alone (texts cut in pieces check it
    at each cut): a number after it, a count's unit after a number, or a word such as "no" that an id may follow
    ("Order. No 42": the 42 is folded as the order's, read two tokens back)."""
    return first.isdigit() or first in _NUMBER_WORDS or (last.isdigit() and first in _COUNTED)


def _has_digit(token: str) -> bool:
    return any(map(str.isdigit, token))  # (each character asked at C speed, no generator frame)


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


_SHARED_AT_LEAST = 3  # word pairs two texts' prefixes must share (fewer when one has fewer to share)


def _rarest_first(sets: dict[str, set[str]], idents: Sequence[str],
                  threshold: float) -> dict[str, tuple[frozenset[str], int]] | None:
    """Each text's prefix, and how many of its word pairs a text at least ``threshold`` alike shares. Two
    sets that alike share at least o = ceil(threshold * size) of each one's word pairs, so with every set's
    pairs in one order (rarest first: fewest shared by chance), the first c of the pairs they share are
    among each one's first size - o + c. None when every pair is alike (a threshold of 0 or less)."""
    if threshold <= 0:
        return None
    seen = Counter(chain.from_iterable(sets[i] for i in idents))
    out: dict[str, tuple[frozenset[str], int]] = {}
    for ident in idents:
        words = sorted(sets[ident], key=lambda w: (seen[w], w))
        # (the nudge keeps 0.7 * 10 from rounding up to 8: a longer prefix is always safe)
        least = min(len(words), math.ceil(threshold * len(words) - 1e-9))
        shared = min(_SHARED_AT_LEAST, least)
        out[ident] = frozenset(words[:len(words) - least + shared]), shared
    return out


@dataclass
class DuplicateGroup:
    kind: str  # exact (the same text as written) | near
    members: list[str]  # ids, in input order
    similarity: float  # the lowest similarity of the pairs that joined the group (1.0 for exact)
    #: what sets the members apart where merging them blindly would lose it: SAME_WORDING, ONLY_LINK, LINKS_DIFFER,
    #: ONLY_REFERENCES; "" otherwise
    note: str = ""


#: copies whose words are the same and whose punctuation, emoji or capitals are not ("1." and a 1️⃣ keycap)
SAME_WORDING = "same wording; punctuation, emoji or capitals differ"
#: copies that differ in their links and nothing else: each sends its own document
ONLY_LINK = "differs only in the link"
#: copies whose links differ, among other words
LINKS_DIFFER = "the links differ"
#: copies that differ only in their order, ticket or reference numbers written in the text
ONLY_REFERENCES = "differs only in reference numbers"


def _note(members: Sequence[str], words: dict[str, list[str]], fold: Callable[[Sequence[str]], list[str]]) -> str:
    """What a near group's members differ in, where it is their links or reference numbers (``DuplicateGroup``)."""
    links = {tuple(t for t in words[i] if is_link(t)) for i in members}
    if len(links) > 1:
        unlinked = {tuple("<link>" if is_link(t) else t for t in words[i]) for i in members}
        return ONLY_LINK if len(unlinked) == 1 else LINKS_DIFFER
    if fold is fold_identifiers and len({tuple(fold(words[i])) for i in members}) == 1:
        return ONLY_REFERENCES  # (the words alike once the ids are folded: the ids are what differ)
    return ""


def find_duplicates(texts: Sequence[tuple[str, str]], threshold: float = 0.7, min_tokens: int = 4,
                    fold: Callable[[Sequence[str]], list[str]] | None = None) -> list[DuplicateGroup]:
    """Groups of (id, text) pairs that are exact or near duplicates; tiny texts are ignored. Near duplicates
    compare the words as ``fold`` leaves them (default ``fold_identifiers``: ids alike, amounts as written)."""
    fold = fold_identifiers if fold is None else fold
    order = {ident: i for i, (ident, _) in enumerate(texts)}
    exact: dict[str, list[str]] = defaultdict(list)  # the same words -> ids
    written: dict[str, dict[str, list[str]]] = defaultdict(dict)  # the same words -> the text as written -> ids
    sets: dict[str, set[str]] = {}
    words: dict[str, list[str]] = {}
    for ident, text in texts:
        tokens = normalise(text)
        if len(tokens) < min_tokens:
            continue
        key = " ".join(tokens)
        exact[key].append(ident)
        # (each placeholder alike: "[Customer Name]" and "{{ticket.requester.first_name}}" are one helpdesk's spelling)
        written[key].setdefault(" ".join(_PLACEHOLDER.sub("<var>", text).split()), []).append(ident)
        sets[ident] = shingles(fold(tokens))
        words[ident] = tokens
    # exact: the same text as written (blanks aside); the same words punctuated otherwise ("1." and a 1️⃣ keycap)
    # are the same wording, near duplicates of similarity 1.0, one of each way of writing it
    groups = [DuplicateGroup("exact", ids, 1.0) for same in written.values() for ids in same.values() if len(ids) > 1]
    groups += [DuplicateGroup("near", [ids[0] for ids in same.values()], 1.0, SAME_WORDING)
               for same in written.values() if len(same) > 1]
    # near duplicates among one representative per exact group
    reps = [ids[0] for ids in exact.values()]
    # representatives with the same word pairs (copies that differ only in their ids: a templated
    # library's "order 1001", "order 1002", ...) compare alike with every text and 1.0 with each other: one
    # stands for them all in the buckets (comparing every pair of thousands took minutes and gigabytes)
    alike: dict[frozenset[str], list[str]] = defaultdict(list)
    for ident in reps:
        alike[frozenset(sets[ident])].append(ident)
    parent = {r: r for r in reps}
    weakest: dict[str, float] = {}
    for same in alike.values():
        for other in same[1:]:
            parent[other] = same[0]
        if len(same) > 1:
            weakest[same[0]] = 1.0
    distinct = [same[0] for same in alike.values()]
    buckets: dict[tuple[int, tuple[int | str, ...]], list[str]] = defaultdict(list)
    if len(distinct) <= ALL_PAIRS:  # every pair is a candidate: one bucket of them all
        buckets[(0, ())] = distinct
    else:
        cache: dict[str, tuple[int, ...]] = {}  # libraries repeat phrases: hash each shingle once
        for ident in distinct:
            sig = minhash(sets[ident], cache)
            for band in range(_BANDS):
                buckets[(band, sig[band * _ROWS:(band + 1) * _ROWS])].append(ident)
            # copies that differ only in their numbers ("within 30 days", "within 5 days"), a lead's main case of
            # sprawl, are always compared: MinHash missed some of them
            # (its words with every number one token: copies of one reply share them)
            buckets[(_BANDS, (" ".join(_numbers_folded(words[ident])),))].append(ident)

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(a: str, b: str, sim: float) -> None:
        ra, rb = find(a), find(b)
        weakest[ra] = min(weakest.pop(ra, 1.0), weakest.pop(rb, 1.0), sim)
        parent[rb] = ra

    # Within a bucket, a text is compared with the members of each group it is not yet in, until one is
    # similar enough to join it: never with the rest of its own group. The groups are those every pair
    # would give (a pair is left out only when its texts are grouped already), and a templated library's
    # bucket of thousands of copies costs one comparison per copy, not one per pair (5,000 copies: 3.4
    # million comparisons, 45 s, before). The bucket's groups are kept in the order they first appeared
    # with their members in the order met, because that order decides which pair joins a text to a group
    # and so the similarity a group reports; only the groups a text joins are merged (into the largest
    # one's list), not the whole bucket rebuilt per text (5,000 copies: 15-25 million copied entries).
    # A text is only compared with members that share one of its rarest word pairs (its "prefix": two texts
    # at least `threshold` alike always share one), and only the groups holding such a member are visited:
    # replies alike but for their numbers all share a bucket, and visiting every group of it for every reply
    # was 4.5 million comparisons for 3,000 replies. Of the pairs compared, only those that joined matter
    # later (a pair compared in one bucket is not compared again in another): those are all that is kept.
    prefix = _rarest_first(sets, distinct, threshold)
    joined_pairs: set[tuple[str, str]] = set()
    for members in buckets.values():
        if len(members) < 2:
            continue
        # the bucket's groups (root, the bucket's members in it so far) by the place each first appeared
        in_bucket: dict[int, tuple[str, deque[str]]] = {}
        at_root: dict[str, int] = {}  # a group's root -> its place
        roots_with: dict[str, set[str]] = defaultdict(set)  # a prefix word pair -> roots of groups holding it
        for place, b in enumerate(members):  # (a new group's place: after every earlier one)
            own_root = find(b)
            own_at = at_root.get(own_root)
            if prefix is None:  # (every pair is alike at a threshold of 0 or less)
                places = list(in_bucket)
            else:
                near: set[str] = set()
                for pair_of_words in prefix[b][0]:
                    live = {find(r) for r in roots_with[pair_of_words]}  # (drop the roots of merged groups)
                    roots_with[pair_of_words] = live
                    near |= live
                places = sorted({*(at_root[r] for r in near), *(() if own_at is None else (own_at,))})
            joined: list[int] = []  # where the groups b joined are, in the order joined
            for at in places:
                listed = in_bucket[at][1]
                # once b has joined another group, its own (now under that group's root) is compared like
                # any other, as it always was: a pair of it can lower the similarity the group reports
                if at == own_at and not joined:
                    continue
                for a in listed:
                    pair = (a, b) if order[a] < order[b] else (b, a)
                    if pair in joined_pairs or (prefix is not None and len(prefix[a][0] & prefix[b][0])
                                                < min(prefix[a][1], prefix[b][1])):
                        continue
                    small, large = sorted((len(sets[a]), len(sets[b])))
                    if small / large < threshold:  # (they share at most `small` of `large` word pairs)
                        continue
                    sim = jaccard(sets[a], sets[b])
                    if sim >= threshold:
                        joined_pairs.add(pair)
                        join(a, b, sim)
                        joined.append(at)
                        break
            if not joined:
                if own_at is None:
                    at_root[own_root] = place
                    in_bucket[place] = (own_root, deque([b]))
                else:
                    in_bucket[own_at][1].append(b)
            else:
                # b follows the last group it joined (its root is now that group's); the merged group stands
                # where the first of its parts stood, its members in their parts' order
                in_bucket[max(at for at in joined if at != own_at)][1].append(b)
                parts = sorted({*joined, *(() if own_at is None else (own_at,))})
                lists = [in_bucket[at][1] for at in parts]
                largest = max(range(len(lists)), key=lambda i: len(lists[i]))
                merged = lists[largest]
                for before in reversed(lists[:largest]):
                    merged.extendleft(reversed(before))
                for after in lists[largest + 1:]:
                    merged.extend(after)
                for at in parts:
                    del at_root[in_bucket[at][0]]
                for at in parts[1:]:
                    del in_bucket[at]
                in_bucket[parts[0]] = (find(b), merged)
                at_root[find(b)] = parts[0]
            if prefix is not None:
                for pair_of_words in prefix[b][0]:
                    roots_with[pair_of_words].add(find(b))
    clusters: dict[str, list[str]] = defaultdict(list)
    for r in reps:
        clusters[find(r)].append(r)
    for root, members in clusters.items():
        if len(members) > 1:
            members.sort(key=order.__getitem__)
            groups.append(DuplicateGroup("near", members, round(weakest.get(root, threshold), 3),
                                         _note(members, words, fold)))
    groups.sort(key=lambda g: (g.kind != "exact", -len(g.members), order[g.members[0]]))
    return groups


# ---------------------------------------------------------------- contradictions

_SMALL_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                  "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
                  "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_ONES = "|".join(list(_SMALL_NUMBERS)[:9])
_WORD_NUMBER = (rf"(?:(?:{'|'.join(_TENS)})(?:[-\s](?:{_ONES}))?|"
                + "|".join(sorted(_SMALL_NUMBERS, key=len, reverse=True)) + ")")
# "1,000" is a thousand; "2,5" a decimal comma
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?"
_NUM = rf"(?:{_DIGITS}|{_WORD_NUMBER})"
# not part of an id, a phone number, a date or a price ("#1234", "555-0199", "24/7", "$10")
_STANDALONE = r"(?<![\w#/:.,$£€¥₹-])"
_QUANTITY = re.compile(
    rf"{_STANDALONE}(?:between\s+(?P<a2>{_NUM})\s*(?:and|-|–|—|to)\s*(?P<b2>{_NUM})"
    rf"|(?P<a>{_NUM})(?:\s*(?:-|–|—|to|or)\s*(?P<b>{_NUM}))?)"
    r"\s*(?:\(\d+\)\s*)?-?\s*"  # "fourteen (14) days", "a 14-day window"
    r"(?P<kind>business\s+|working\s+|calendar\s+)?"
    r"(?P<unit>days?|hours?|hrs?|h|weeks?|months?|years?|minutes?|mins?|%|percent)(?!\w)"
    # a rate or a past time is not a promise: "24 hours a day", "7 days a week", "3 days ago", "a 2-day delay"
    r"(?!\s+(?:a|an|per|each|every)\s+(?:day|week|month|year)\b|\s+(?:ago|delay|wait|late|overdue)\b)"
    r"(?<!\bper\s)(?<!\bevery\s)",
    re.IGNORECASE,
)
# every unit _QUANTITY can end with: most sentences have none, and this finds that fast
_UNIT_HINT = re.compile(r"day|hour|hr|h\b|week|month|year|min|%|percent", re.IGNORECASE)
_CURRENCY_CODES = "USD|EUR|GBP|CAD|AUD|NZD|CHF|INR"
_MONEY = re.compile(
    rf"{_STANDALONE}(?:(?P<symbol>[$£€¥₹])\s?(?P<a>{_DIGITS})|(?P<code>{_CURRENCY_CODES})\s?(?P<b>{_DIGITS})"
    rf"|(?P<c>{_DIGITS})\s?(?P<after>{_CURRENCY_CODES}|dollars?|euros?|pounds?)(?!\w))",
)
_CURRENCIES = {"$": "dollars", "£": "pounds", "€": "euros", "¥": "yen", "₹": "rupees", "dollar": "dollars",
               "euro": "euros", "pound": "pounds"}
#: unit as written -> (dimension, how many of the dimension's base unit it is, name). Weeks compare
#: with days and years with months ("2 weeks" is "14 days"), the interchangeable ways of writing a
#: policy; hours do not compare with days: on real libraries that paired a 24-hour wait, a 10-day
#: deadline and a 15-minute check of one broad topic, never the same promise
_UNITS: dict[str, tuple[str, float, str]] = {
    **dict.fromkeys(("minute", "minutes", "min", "mins"), ("minutes", 1.0, "minutes")),
    **dict.fromkeys(("hour", "hours", "hr", "hrs", "h"), ("hours", 1.0, "hours")),
    **dict.fromkeys(("day", "days"), ("days", 1.0, "days")),
    **dict.fromkeys(("week", "weeks"), ("days", 7.0, "weeks")),
    **dict.fromkeys(("month", "months"), ("months", 1.0, "months")),
    **dict.fromkeys(("year", "years"), ("months", 12.0, "years")),
    **dict.fromkeys(("%", "percent"), ("percent", 1.0, "percent")),
}
#: the words after a number that say it is an amount (a time, a share, a sum, a count), not an id
_COUNTED = frozenset({*_UNITS, *_CURRENCIES, "dollars", "euros", "pounds", "yen", "rupees",
                      *_CURRENCY_CODES.lower().split("|"), "business", "working", "calendar", "times", "items"})
#: topic -> keywords (regexes, matched at a word start); the keyword near a quantity names what
#: the quantity is about
TOPICS: dict[str, tuple[str, ...]] = {
    # a card check's temporary hold being released ("the verification charge is credited back within 3-5 business
    # days", "the pending authorisation drops off") is its own policy, not a refund: before "refund" in this order
    "card hold": (r"(?:temporary|pending|authori[sz]ation|pre-?authori[sz]ation|verification)\s+(?:hold|charge|amount|"
                  r"payment|transaction|deposit)s?\b", r"(?:hold|holds)\s+on\s+(?:your|the)\s+(?:card|funds)\b",
                  r"pre-?authori[sz]", r"authori[sz]ation\s+holds?\b"),
    "refund": ("refund", "reimburs", r"money[\s-]back", "credited", "chargeback"),
    # (a parcel the customer drops off or posts back is on its way back: "drop the parcel at any post office
    # within 30 days" is the return window, though "parcel" alone would be a delivery; where it is dropped
    # says who drops it: a courier drops a parcel "at your door", the customer at a post office)
    "return": ("return", "send it back",
               r"drop(?:ping|ped|s)?\s+(?:it|them|(?:the|your)\s+(?:parcel|package|item|items|order|box))\s+"
               r"(?:off\s+with\b|(?:off\s+)?(?:at|in|with)\s+(?:[\w'’&-]+\s+){0,4}?(?:post\s+office|drop[\s-]?off|"
               r"(?:collection|access|pick-?up|drop)\s+point|parcel\s+(?:shop|locker)|locker|depot|store|shop|branch)\b)",
               r"post(?:ing|ed)?\s+(?:it|them)\s+back"),
    # (an exchange window is its own policy: "exchanges within 60 days" says nothing of a 30-day return window;
    # "return or exchange it within 30 days" is the return window, the first topic in this order)
    "exchange": ("exchang",),
    "fee": (r"fees?\b", "surcharge"),
    # ("it should reach you within 5 days", "you'll receive your order in 3 days": its arrival too; not "we'll try
    # to reach you", nor a refund received)
    "delivery": ("deliver", "ship", "dispatch", "arriv", "courier", "parcel", "transit", "postage",
                 r"(?<!to\s)(?<!we\s)reach(?:es)?\s+you\b",
                 r"receiv(?:e|es|ing)\s+(?:your|the)\s+(?:order|package|items?|goods)\b"),
    # our answer, not the customer's ("please reply within 7 days", "if we don't hear back from you")
    "response time": (r"(?<!please\s)(?<!you\s)respond", r"(?<!your\s)response", r"(?<!please\s)(?<!you\s)"
                      r"(?<!your\s)repl(?:y|ies)", "get back to you", "hear from us", "hear back from us",
                      r"(?<!your\s)answer"),
    "cancellation": ("cancel",),
    "warranty": ("warrant", "guarantee"),
    "trial": (r"trials?\b",),
    "transfer": ("transfer", "payout", "withdraw"),
    "discount": ("discount", "off your", "coupon", "promo", "voucher"),
    "account": ("password", "verification", "verify", "locked", "account"),
}
#: amounts of money compare across replies on these topics only (a fee, a free-delivery threshold):
#: elsewhere they are limits, balances and examples, which differ by design
_MONEY_TOPICS = ("fee", "delivery", "discount")
_TOPIC = re.compile("|".join(rf"(?P<t{i}>\b(?:{'|'.join(kws)}))" for i, kws in enumerate(TOPICS.values())),
                    re.IGNORECASE)
_TOPIC_NAMES = list(TOPICS)
# a sentence's clauses: "returns are accepted within 30 days, and your refund takes 5 days" holds two
# ("you'll get a full refund if you return it within 30 days": the condition's number is the return window)
_CLAUSE_BREAK = re.compile(r"[,;:()]|\s[–—-]\s|\b(?:and|but|while|whereas|or|so|because|although|then|if|unless)\b",
                           re.IGNORECASE)
# nor is a time the customer already spent: "you've waited 5 days", "for the past 3 weeks", "it took 10 days"
# ("lasts 2 years", "bought in the last 30 days" are promises)
_PAST = re.compile(r"\b(?:(?:waited|waiting|been|taken|took|spent)\s+(?:(?:for|over|almost|nearly|about|more\s+than|"
                   r"the)\s+)*|(?:for|over)\s+the\s+(?:past|last)\s+)$", re.IGNORECASE)
# a keyword after these is the point a period starts from, not its topic: "within 30 days of delivery"
_REFERENCE = re.compile(r"\b(?:of|from|after|since|before)\s+(?:the\s+|your\s+|its\s+)?$", re.IGNORECASE)


# a delivery option named beside its time: "standard delivery takes 5 days and express 2" gives two options side
# by side, not two answers to one question ("standard" is the delivery every other reply means)
_DELIVERY_OPTION = re.compile(
    r"\b(?:(?P<default>standard|regular|normal)|(?P<named>express|expedited|priority|next[\s-]day|same[\s-]day|"
    r"overnight|economy|international|domestic|premium|tracked))\b", re.IGNORECASE)
# what is sent is a replacement, an exchange or a new size named before its time ("I've sent a replacement;
# it arrives within 3 days"): its own delivery, not the shop's delivery time nor the warranty's length
_REPLACEMENT = re.compile(r"\b(?:replac(?:ement|ements|e|ed|es|ing)|exchang\w*|new\s+(?:size|colou?r|one|unit|item|"
                          r"pair|part|device))\b", re.IGNORECASE)
# the warranty's own length: "a 2-year warranty", "90-day money-back guarantee" (after the quantity), "the
# warranty lasts 2 years", "guaranteed for 12 months" (before it)
_WARRANTY_AFTER = re.compile(r"\s*(?:[\w'’-]+\s+){0,2}?(?:warrant|guarant)", re.IGNORECASE)
_WARRANTY_BEFORE = re.compile(r"(?:warrant|guarant)\w*\s+(?:\w+\s+){0,2}?(?:of|for|lasts?|is|runs?|covers?)\s+"
                              r"(?:up\s+to\s+|a\s+full\s+|an?\s+)?$", re.IGNORECASE)


class _Cues:
    """Where a sentence names delivery options and replacements, read once: each of its quantities asks
    about its own clause and what comes before it (asked of the text each time, a 50 KB sentence of
    quantities took minutes)."""

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence
        self._options: tuple[list[int], list[int], list[str]] | None = None
        self._defaults: tuple[list[int], list[int]] | None = None
        self._replacements: tuple[list[int], list[int]] | None = None

    def _read_options(self) -> None:
        starts, ends, names, d_starts, d_ends = [], [], [], [], []
        for m in _DELIVERY_OPTION.finditer(self.sentence):
            if m.group("named"):
                starts.append(m.start())
                ends.append(m.end())
                names.append(" ".join(m.group(0).lower().replace("-", " ").split()).replace(" ", "-"))
            else:
                d_starts.append(m.start())
                d_ends.append(m.end())
        self._options, self._defaults = (starts, ends, names), (d_starts, d_ends)
        # the next option of another name after each: a span holds two names when the first's is inside it
        self._next_other = [len(names)] * len(names)
        for i in range(len(names) - 2, -1, -1):
            self._next_other[i] = i + 1 if names[i + 1] != names[i] else self._next_other[i + 1]

    def option(self, first: int, last: int, at: int) -> str:
        """The delivery option a delivery time at ``at`` (in the clause ``first``-``last``) is for: the one
        named in its clause, else the one the sentence names before it, else "replacement" when a replacement
        (an exchange, a new size) is named before it; "" for the standard delivery."""
        if self._options is None:
            self._read_options()
        assert self._options is not None and self._defaults is not None
        starts, ends, names = self._options
        d_starts, d_ends = self._defaults
        for lo, hi in ((first, last), (0, at)):
            i, j = bisect_left(starts, lo), bisect_right(ends, hi)
            named = j - i if j > i and starts[i] >= lo else 0
            default = bisect_right(d_ends, hi) > bisect_left(d_starts, lo)
            if named and not default and self._next_other[i] >= j:
                return names[i]
            if named or default:
                return ""
        return "replacement" if self.replacement(0, at) else ""

    def replacement(self, lo: int, hi: int) -> bool:
        """A replacement is named within ``lo``-``hi``."""
        if self._replacements is None:
            found = list(_REPLACEMENT.finditer(self.sentence))
            self._replacements = ([m.start() for m in found], [m.end() for m in found])
        starts, ends = self._replacements
        i = bisect_left(starts, lo)
        return i < len(starts) and ends[i] <= hi


# "return or exchange it within 30 days": the exchange named with the return is the return window
_RETURN_OR = re.compile(r"\breturn\w*\s*(?:or|and|&|/)\s*$", re.IGNORECASE)


# an arrival that names no thing ("it will reach you", "the money should arrive") after a refund named earlier in
# the sentence is the refund's: "I've issued your refund and it will reach you within 5 days" is a refund timeline
_ARRIVAL = re.compile(r"arriv|reach|receiv", re.IGNORECASE)
_UNNAMED_THING = re.compile(r"\b(?:it|this|that|they|the\s+(?:money|funds|amount|credit|payment))\b", re.IGNORECASE)


def _refund_arriving(sentence: str, places: dict[str, tuple[list[int], list[int]]], clause_start: int,
                     at: int) -> bool:
    """The delivery words near the quantity at ``at`` are only an arrival ("reach you", "arrive": no parcel,
    courier or shipping named in the sentence) of a refund named before its clause, told by "it" or "the money"."""
    refunds = places.get("refund", ([], []))[0]
    starts, ends = places.get("delivery", ([], []))
    arrivals_only = all(_ARRIVAL.match(sentence, a, b) for a, b in zip(starts, ends, strict=True))
    if not refunds or refunds[0] >= clause_start or not arrivals_only:
        return False
    arrival = next((a for a in starts if clause_start <= a < at), None)
    return arrival is not None and _UNNAMED_THING.search(sentence, clause_start, arrival) is not None


def _topic_of(sentence: str, keyword: re.Match[str]) -> str:
    topic = _TOPIC_NAMES[int(str(keyword.lastgroup)[1:])]
    if topic == "exchange" and _RETURN_OR.search(sentence, max(0, keyword.start() - 20), keyword.start()):
        return "return"
    return topic


def _warranty_length(sentence: str, m: re.Match[str]) -> bool:
    """The quantity is the warranty's own length ("a 2-year warranty", "the warranty lasts 90 days")."""
    return _WARRANTY_AFTER.match(sentence, m.end(), min(len(sentence), m.end() + 60)) is not None or \
        _WARRANTY_BEFORE.search(sentence, max(0, m.start() - 60), m.start()) is not None


@dataclass(frozen=True)
class Quantity:
    macro: str
    topic: str | None  # None: no topic word near it; then it is compared between copies of one reply only
    unit: str  # as written, normalised: days, business days, hours, weeks, percent, dollars...
    value: str  # as written: "14" or "3-5"
    sentence: str
    dimension: str = ""  # quantities of one dimension compare: days, hours, months, percent, money dollars...
    amount: tuple[float, float] = (0.0, 0.0)  # low and high end in the dimension's base unit
    # a quantity with no topic: the words either side ("please allow … for the money"), what copies of
    # one reply share and are compared by (the others are compared by topic: "")
    context: str = ""
    #: the delivery option it is for ("express", "next-day", "replacement"), "" for the standard one: options
    #: named side by side in one reply are no contradiction, and each compares with the same option elsewhere
    option: str = ""


@dataclass
class Contradiction:
    topic: str
    unit: str  # the values' unit: the smallest one the replies used ("2 weeks" and "30 days" -> days)
    values: dict[str, list[Quantity]] = field(default_factory=dict)  # value -> quantities
    copies: bool = False  # found between copies of one reply (near duplicates, or the same text but for numbers)

    @property
    def macros(self) -> list[str]:
        return list(dict.fromkeys(q.macro for qs in self.values.values() for q in qs))


def _number(text: str) -> float:
    text = text.lower()
    if text[0].isdigit():
        return float(text.replace(",", "") if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", text)
                     else text.replace(",", "."))
    if text in _SMALL_NUMBERS:
        return float(_SMALL_NUMBERS[text])
    tens, _, ones = text.replace(" ", "-").partition("-")
    return float(_TENS[tens] + _SMALL_NUMBERS.get(ones, 0))


def _shown(value: float) -> str:
    return f"{value:g}" if value.is_integer() or abs(value) >= 1e6 else f"{value:.2f}".rstrip("0").rstrip(".")


def _context(sentence: str, start: int, end: int, width: int = 3) -> str:
    """The words either side of a quantity, the quantity left out: 'checked, please allow … for the money'."""
    lo = start
    while True:  # (the words just before, not every word of a long sentence each time)
        lo = max(0, lo - 200)
        before = list(_TOKEN.finditer(sentence, lo, start))
        if len(before) > width or lo == 0:
            break
    before = before[-width:]
    after = list(islice(_TOKEN.finditer(sentence, end), width))
    left = sentence[before[0].start():start] if before else ""
    right = sentence[end:after[-1].end()] if after else ""
    return " ".join(f"{left}…{right}".split())


# "within a fortnight", "two fortnights", "the next fortnight": two weeks each (not a rate, "once a fortnight",
# "every fortnight", nor a time past, "a fortnight ago")
_FORTNIGHT = re.compile(
    rf"{_STANDALONE}(?<!\bonce\s)(?<!\btwice\s)(?<!\bevery\s)(?<!\bper\s)(?<!\beach\s)"
    rf"(?:(?P<a>{_NUM})|an?|the\s+(?:next|coming|following))\s+fortnight(?P<many>s)?(?![\w-])(?!\s+ago\b)",
    re.IGNORECASE,
)


def _found(sentence: str) -> Iterable[tuple[re.Match[str], str, float, str, str, str]]:
    """Each quantity of a sentence: match, dimension, base-unit factor, unit as written, low, high."""
    for m in _QUANTITY.finditer(sentence) if _UNIT_HINT.search(sentence) else ():
        kind = (m.group("kind") or "").split()
        dimension, factor, unit = _UNITS[m.group("unit").lower()]
        if kind and kind[0].lower() != "calendar":  # 5 business days is not 5 days
            dimension, factor, unit = f"business {unit}", 1.0, f"business {unit}"
        low, high = m.group("a") or m.group("a2"), m.group("b") or m.group("b2")
        yield m, dimension, factor, unit, low, high or low
    for m in _FORTNIGHT.finditer(sentence) if "fortnight" in sentence.lower() else ():
        weeks = str(2 * _number(m.group("a"))) if m.group("a") else "2"  # (told in weeks: a unit _UNITS knows)
        yield m, "days", 7.0, "weeks", weeks, weeks
    for m in _MONEY.finditer(sentence) if _has_digit(sentence) else ():
        currency = m.group("symbol") or m.group("code") or m.group("after")
        name = currency if currency.isupper() else _CURRENCIES[currency.lower().rstrip("s")]  # USD, dollars
        amount = m.group("a") or m.group("b") or m.group("c")
        yield m, f"money {name}", 1.0, name, amount, amount




def _opaque(sentence: str) -> tuple[str, list[int], list[int]]:
    """The sentence with each placeholder or blank one word ('x'), where each ends in it, and how far the
    original is ahead of it from there (``_back``)."""
    parts: list[str] = []
    ends: list[int] = []
    shifts: list[int] = []
    at = size = 0
    for m in MARKERS.finditer(sentence):
        parts += (sentence[at:m.start()], "x")
        size += m.start() - at + 1
        ends.append(size)
        shifts.append(m.end() - size)
        at = m.end()
    parts.append(sentence[at:])
    return "".join(parts), ends, shifts


def _back(at: int, ends: list[int], shifts: list[int]) -> int:
    """A place in ``_opaque``'s sentence, in the original (never inside a placeholder)."""
    i = bisect_right(ends, at)
    return at + shifts[i - 1] if i else at


def quantities(ident: str, text: str, window: int = 60) -> Iterable[Quantity]:
    """The quantities of a reply with the topic each is about (None when no topic word is near).

    A quantity's topic is the one whose keyword governs it in its clause (``_nearest``: "return it
    within 30 days for a full refund" is the return window, "your refund arrives in 5 days" is about the
    refund), or else the first in ``TOPICS`` order among the keywords of its sentence at most ``window``
    characters away. Not the previous sentence's: that is often a courtesy ("Thank you for
    your reply.") that says nothing of the number.
    """
    for a, b in sentence_spans(text):
        original = text[a:b]
        # a placeholder is one opaque word: its name's length put the topic out of reach ("I've refunded
        # {{ zendesk.ticket_ticket_field_360099 }} today; you'll see it within 14 days"), and its words are no
        # keyword of the sentence
        sentence, cut, shift = _opaque(original) if "{{" in original or "[[" in original else (original, [], [])
        found = list(_found(sentence))
        if not found:
            continue
        said = " ".join(original.split())
        places: dict[str, tuple[list[int], list[int]]] = {}  # topic -> where its keywords start, and end
        for m in _TOPIC.finditer(sentence):
            if not _REFERENCE.search(sentence[max(0, m.start() - 16):m.start()]):
                starts, ends = places.setdefault(_topic_of(sentence, m), ([], []))
                starts.append(m.start())
                ends.append(m.end())
        breaks = [m.start() for m in _CLAUSE_BREAK.finditer(sentence)]
        cues = _Cues(sentence)
        for m, dimension, factor, unit, low, high in found:
            lo, hi = _number(low), _number(high)
            if lo > hi or _PAST.search(sentence[max(0, m.start() - 30):m.start()]):  # "order 4471-30 days": an id
                continue
            at = bisect_left(breaks, m.start())
            first = breaks[at - 1] if at else 0
            at = bisect_left(breaks, m.end())
            last = breaks[at] if at < len(breaks) else len(sentence)
            topic = _nearest(places, dimension.startswith("money"), (first, last), m, window)
            # a replacement's time under a warranty ("under warranty, a replacement takes 3 days") is its
            # delivery, not the warranty's length (months and years are that, however worded)
            if topic == "warranty" and dimension != "months" and cues.replacement(first, last) \
                    and not _warranty_length(sentence, m):
                topic = "delivery"
            if topic == "delivery" and _refund_arriving(sentence, places, first, m.start()):
                topic = "refund"
            option = cues.option(first, last, m.start()) if topic == "delivery" else ""
            value = _shown(lo) if lo == hi else f"{_shown(lo)}-{_shown(hi)}"
            yield Quantity(ident, topic, unit, value, said, dimension, (lo * factor, hi * factor),
                           "" if topic is not None else _context(original, _back(m.start(), cut, shift),
                                                                 _back(m.end(), cut, shift)), option)


# the words between a quantity and the noun it measures: "30-day return window", "$5 delivery fee", "14-day free
# trial" (not a preposition's: "30 days for a full refund" is no refund's)
_HEAD = re.compile(r"[\s-]*(?:(?!(?:for|to|of|from|after|before|since|until|by|in|on|at|with|within|and|or|if|unless|"
                   r"so|then|but|is|are|was|will|we|you|it|they|your|our|the|a|an)\b)[\w'’]+[\s-]+){0,2}",
                   re.IGNORECASE)


def _nearest(places: dict[str, tuple[list[int], list[int]]], money: bool, clause: tuple[int, int],
             m: re.Match[str], window: int) -> str | None:
    """The topic whose word governs the quantity: one named in its clause before it ("return it within 30 days
    for a full refund" is the return window, "your refund takes 5 days" a refund time), the first in ``TOPICS``
    order where several are ("your refund arrives in 5 days" is the refund's); else the first named after it in
    its clause ("30 days to return it for a refund"); else the first in ``TOPICS`` order with a keyword at most
    ``window`` characters from it (the gap between them). A sum of money has the money topics only."""
    names = [t for t in _TOPIC_NAMES if t in places and (not money or t in _MONEY_TOPICS)]
    before: str | None = None
    after: tuple[int, str] | None = None
    for t in names:
        starts = places[t][0]
        i = bisect_left(starts, clause[0])
        if before is None and i < len(starts) and starts[i] < m.start():
            before = t
        i = bisect_left(starts, m.start(), i)
        if i < len(starts) and starts[i] < clause[1]:
            if starts[i] - m.end() <= 40 and _HEAD.fullmatch(m.string, m.end(), starts[i]):
                return t  # (the noun it measures: "a 30-day return window", "a flat $4.99 fee")
            if after is None or starts[i] < after[0]:
                after = (starts[i], t)
    if before is not None or after is not None:
        return before or (after[1] if after else None)
    for t in names:
        starts, ends = places[t]
        i = bisect_left(ends, m.start() - window)  # (keywords do not overlap: their ends are in order too)
        if i < len(ends) and starts[i] <= m.end() + window:
            return t
    return None


def _clashing(amounts: set[tuple[float, float]]) -> set[tuple[float, float]]:
    """The amounts (low, high) that clash with another: neither lies inside the other. "3 business days" lies
    inside "3-5 business days", so the two agree; "3-5" and "4-7", or "14" and "30", clash. Linear after sorting,
    however many amounts a library states: [a, b] clashes when some other amount ends before a or starts after b,
    or straddles one of its ends (starts before a and ends inside it, or starts inside it and ends after b)."""
    if len(amounts) < 2:
        return set()
    lowest_high = min(hi for _, hi in amounts)
    highest_low = max(lo for lo, _ in amounts)
    out = {(lo, hi) for lo, hi in amounts if lowest_high < lo or highest_low > hi}
    # starts before a, ends in [a, b): the ends of the amounts starting before a, as a grows
    highs: list[float] = []
    by_low = sorted(amounts)
    i = 0
    for lo, hi in by_low:
        while i < len(by_low) and by_low[i][0] < lo:
            insort(highs, by_low[i][1])
            i += 1
        j = bisect_left(highs, lo)
        if j < len(highs) and highs[j] < hi:
            out.add((lo, hi))
    # starts in (a, b], ends after b: the starts of the amounts ending after b, as b falls
    lows: list[float] = []
    by_high = sorted(amounts, key=lambda amount: amount[1], reverse=True)
    i = 0
    for lo, hi in by_high:
        while i < len(by_high) and by_high[i][1] > hi:
            insort(lows, by_high[i][0])
            i += 1
        j = bisect_right(lows, lo)
        if j < len(lows) and lows[j] <= hi:
            out.add((lo, hi))
    return out


def _disagreement(topic: str, found: list[Quantity], copies: bool = False) -> Contradiction | None:
    """The finding when two replies give different amounts, in the smallest unit any of them used. An amount that
    lies inside another's range ("3 business days" and "3-5 business days") agrees with it and is not listed: the
    finding lists the amounts that clash with another, and there is none when no two clash."""
    clashing = _clashing({q.amount for q in found})
    found = [q for q in found if q.amount in clashing]
    amounts = {q.amount for q in found}
    if len(amounts) < 2 or len({q.macro for q in found}) < 2:
        return None
    if all(len({q.amount for q in found if q.macro == macro}) == len(amounts) for macro in {q.macro for q in found}):
        return None  # every reply gives every value ("14 days, or 30 for faulty items")
    dimension, unit = found[0].dimension, found[0].unit
    factor = 1.0
    if dimension in ("days", "months"):
        factor, unit = min((_UNITS[q.unit][1], q.unit) for q in found)
    out = Contradiction(topic, unit, copies=copies)
    for q in found:
        lo, hi = (x / factor for x in q.amount)
        out.values.setdefault(_shown(lo) if lo == hi else f"{_shown(lo)}-{_shown(hi)}", []).append(q)
    return out


def _numbers_folded(tokens: Sequence[str]) -> list[str]:
    """Every number one token: copies of one reply whatever their numbers, whose numbers are compared."""
    return ["#" if is_number(t) else t for t in tokens]


def _masked(text: str) -> str:
    return " ".join(_numbers_folded(normalise(text)))


def find_contradictions(texts: Sequence[tuple[str, str]], threshold: float = 0.7) -> list[Contradiction]:
    """Topics where different replies state different amounts of the same kind (time, percent, money).

    Quantities with no topic word near them are compared between copies of one reply: replies that are
    near duplicates at ``threshold`` when every number reads alike (however short: as duplicates they differ,
    "We can hold the booking for 2 days." and "... for five days."), so that two copies that differ in
    "14 days" vs "30 days" disagree, whatever the sentence is about.
    """
    by_topic: dict[tuple[str, str, str], list[Quantity]] = defaultdict(list)
    loose: dict[str, list[Quantity]] = defaultdict(list)
    for ident, text in texts:
        for q in quantities(ident, text):
            if q.topic is None:
                loose[ident].append(q)
            else:
                by_topic[(q.topic, q.option, q.dimension)].append(q)
    out = [c for (topic, option, _), found in by_topic.items()
           if (c := _disagreement(f"{topic} ({option})" if option else topic, found))]
    if loose:
        for group in find_duplicates([t for t in texts if t[0] in loose], threshold, fold=_numbers_folded):
            by_context: dict[tuple[str, str], list[Quantity]] = defaultdict(list)
            for ident in group.members if group.kind == "near" else ():
                for q in loose.get(ident, ()):
                    by_context[(_masked(q.context.replace("…", " quantity ")), q.dimension)].append(q)
            out += [c for found in by_context.values()
                    if (c := _disagreement(f"“{found[0].context}” (near-duplicate copies)", found, copies=True))]
    out.sort(key=lambda c: (c.copies, -len(c.macros), c.topic, c.unit))
    return out
