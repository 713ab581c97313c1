"""LanguageTool behind one small adapter: the only module that imports ``language_tool_python`` (for the
benchmark's baseline only: checks never need it).

Modes: ``off`` (nothing runs), ``local`` (a server this process starts from the assembled cache,
see ``lt_server``) or the URL of a running server. Texts go in batches: several documents
joined into one ``/v2/check`` request, two requests in flight, placeholders sent as markup
(the ``data`` annotation API, which the package lacks) so a match's offset is an offset in the
original text. A document that a text-level rule flags near a joint is checked again alone,
since those rules read across paragraphs. Results are cached in memory and on disk by (text,
language, settings, server), so a rerun on an unchanged pack makes no request and starts no JVM.

language-tool-python 3.4.0 is used where it is sound: its language-tag rules, and the plain
one-``check()``-per-text loop the benchmark compares against. Its known problems are kept
out: its ``Match`` keeps a class-level offset cache that concurrent ``check()`` calls corrupt
(so requests from threads go through our own HTTP code, with our own UTF-16 offset mapping);
its local mode polls the wrong port after a failed start, leaks JVMs, gives up after 15 s and
discards the server log (so ``lt_server`` starts the JVM); its requests wait up to 300 s (ours
have timeouts: 3 s to connect, ``SCRIPTKIT_LT_TIMEOUT`` = 60 s per check).
"""

from __future__ import annotations

import atexit
import contextlib
import email.utils
import hashlib
import json
import math
import os
import re
import sqlite3
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import requests
import urllib3

from scriptkit.engines.lt_server import (
    LT_VERSION,
    NOT_FOLLOWED,
    REDIRECT_HINT,
    REFUSED,
    REFUSED_HINT,
    SETTING_HINT,
    LocalServer,
    assemble,
    basic_auth,
    cache_root,
    endpoint,
    language_name,
    names_in_words,
    plainly,
    progress,
    redirected,
    seconds_setting,
    server_said,
    shown,
    start_timeout,
    unhealthy_because,
)
from scriptkit.errors import ConfigError, EngineUnavailable
from scriptkit.language import base_language
from scriptkit.text import TERMINAL_ESCAPE, sentence_spans, utf16_length

if TYPE_CHECKING:  # (the benchmark's baseline only: language-tool-python is no dependency of an install)
    import language_tool_python as ltp

#: Seconds for one /v2/check answer (SCRIPTKIT_LT_TIMEOUT, see ``request_timeout``); connecting to a URL gets a
#: much shorter limit.
REQUEST_TIMEOUT = 60.0
CONNECT_TIMEOUT = 3.0


def request_timeout() -> float:
    """Seconds for one check's answer: SCRIPTKIT_LT_TIMEOUT, else ``REQUEST_TIMEOUT`` (a ConfigError for a value
    that is no positive number of seconds)."""
    return seconds_setting("SCRIPTKIT_LT_TIMEOUT", REQUEST_TIMEOUT, "a check may take")


def health_timeout() -> float:
    """The health check of a URL waits 3 s, so a wrong address fails fast; a SCRIPTKIT_LT_TIMEOUT that is set
    (and longer) gives a server that is slow to start or busy that long to answer it too."""
    return max(CONNECT_TIMEOUT, request_timeout()) if "SCRIPTKIT_LT_TIMEOUT" in os.environ else CONNECT_TIMEOUT
#: A check the server rate-limits (HTTP 429) is sent this many times in all, with at most this many
#: seconds of waiting between them (see ``_rate_limit_wait``).
RATE_LIMIT_TRIES = 4
RATE_LIMIT_WAIT = 30.0
#: Documents joined into one request up to this many characters (LanguageTool's public
#: servers accept 20,000; per-request overhead dominates below a few thousand).
BATCH_CHARS = 6000
#: Two requests in flight keep a two-core server busy without queueing behind each other.
CONCURRENCY = 2
#: Characters in a batch at least, unless the documents run out (see ``_batches``).
MIN_BATCH_CHARS = 1000
_SEPARATOR = "\n\n"  # between joined documents: a paragraph break, as between replies


# ---------------------------------------------------------------- what goes in, what comes out

Part = tuple[str, "str | None"]  # (original text, interpretAs) -- markup when interpretAs is not None


@dataclass(frozen=True)
class Document:
    """Text to check, as plain runs and markup runs (a placeholder, read as a stand-in word)."""

    parts: tuple[Part, ...]

    @classmethod
    def plain(cls, text: str) -> Document:
        return cls(((text, None),))

    @property
    def text(self) -> str:
        return "".join(raw for raw, _ in self.parts)

    def annotation(self) -> list[dict[str, str]]:
        return [{"text": raw} if stand_in is None else {"markup": raw, "interpretAs": stand_in}
                for raw, stand_in in self.parts if raw]


@dataclass(frozen=True)
class Settings:
    """Request settings; part of every cache key."""

    language: str = "en-US"
    disabled_rules: tuple[str, ...] = ()
    enabled_rules: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    enabled_categories: tuple[str, ...] = ()
    picky: bool = False

    def params(self) -> dict[str, str]:
        params = {"language": self.language}
        for key, values in (("disabledRules", self.disabled_rules), ("enabledRules", self.enabled_rules),
                            ("disabledCategories", self.disabled_categories),
                            ("enabledCategories", self.enabled_categories)):
            if values:
                params[key] = ",".join(sorted(values))
        if self.picky:
            params["level"] = "picky"
        return params

    def key(self) -> str:
        return json.dumps(self.params(), sort_keys=True)


@dataclass(frozen=True)
class LTMatch:
    """One LanguageTool match, ``[start, end)`` in the document's original text (Python offsets)."""

    start: int
    end: int
    rule_id: str
    category: str
    issue_type: str
    message: str
    replacements: tuple[str, ...] = ()
    sub_id: str = ""

    def to_json(self) -> list[Any]:
        return [self.start, self.end, self.rule_id, self.category, self.issue_type, self.message,
                list(self.replacements), self.sub_id]

    @classmethod
    def of(cls, raw: dict[str, Any], start: int, end: int) -> LTMatch:
        """A match of the server's JSON reply, at ``[start, end)`` of our text."""
        rule = raw.get("rule", {})
        return cls(start, end, str(rule.get("id", "")), str(rule.get("category", {}).get("id", "")),
                   str(rule.get("issueType", "")), str(raw.get("message", "")),
                   tuple(str(r.get("value", "")) for r in raw.get("replacements", [])[:5]), str(rule.get("subId", "")))

    @classmethod
    def from_json(cls, row: list[Any]) -> LTMatch:
        start, end, rule_id, category, issue_type, message, replacements, sub_id = row
        return cls(start, end, rule_id, category, issue_type, message, tuple(replacements), sub_id)


# ---------------------------------------------------------------- result cache on disk

def default_cache_path() -> Path | None:
    env = os.environ.get("SCRIPTKIT_GRAMMAR_CACHE")
    if env:
        return None if env.lower() in ("off", "0", "false", "no") else Path(env)
    return cache_root() / "languagetool" / "results.sqlite"


class ResultCache:
    """Matches by key in one SQLite file (safe for several processes), used from one thread.

    Entries unused for ``KEEP_DAYS`` are dropped when the file is opened, so the file follows
    the packs being worked on instead of growing forever.
    """

    KEEP_DAYS = 60

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, timeout=30, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("DROP TABLE IF EXISTS results")  # the first layout, without 'used'
            self._db.execute("CREATE TABLE IF NOT EXISTS matches "
                             "(key TEXT PRIMARY KEY, matches TEXT NOT NULL, used INTEGER NOT NULL)")
            with self._db:
                self._db.execute("DELETE FROM matches WHERE used < ?", (int(time.time()) - self.KEEP_DAYS * 86400,))
        except (OSError, sqlite3.Error) as exc:
            raise ConfigError(f"cannot use the grammar results cache {path}: {exc}",
                              hint="Delete the file, or turn the cache off with SCRIPTKIT_GRAMMAR_CACHE=off "
                                   "or 'grammar: {cache: false}' in pack.yaml.") from None

    def get_many(self, keys: Sequence[str]) -> dict[str, tuple[LTMatch, ...]]:
        found: dict[str, tuple[LTMatch, ...]] = {}
        for i in range(0, len(keys), 500):
            chunk = list(keys[i:i + 500])
            marks = ",".join("?" * len(chunk))
            for key, matches in self._db.execute(f"SELECT key, matches FROM matches WHERE key IN ({marks})", chunk):
                found[key] = tuple(LTMatch.from_json(r) for r in json.loads(matches))
        if found:
            with self._db:
                self._db.executemany("UPDATE matches SET used = ? WHERE key = ?",
                                     [(int(time.time()), k) for k in found])
        return found

    def put_many(self, items: Iterable[tuple[str, tuple[LTMatch, ...]]]) -> None:
        now = int(time.time())
        rows = [(key, json.dumps([m.to_json() for m in matches]), now) for key, matches in items]
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO matches (key, matches, used) VALUES (?, ?, ?)", rows)

    def close(self) -> None:
        self._db.close()


# ---------------------------------------------------------------- the checker

@dataclass
class Stats:
    requests: int = 0  # /v2/check requests sent
    documents: int = 0  # documents asked for
    memory_hits: int = 0
    rechecked: int = 0  # documents checked again alone after a text-level rule flagged them in a batch
    plain: int = 0  # documents checked as plain text after their markup tripped a server bug (_check_plain)
    disk_hits: int = 0
    seconds: float = 0.0
    server_start_seconds: float = 0.0
    warmup_seconds: float = 0.0


@dataclass
class Checker:
    """Checks documents against one server (``local`` or a URL); one per mode per run."""

    mode: str
    cache: ResultCache | None = None
    concurrency: int = CONCURRENCY
    batch_chars: int = BATCH_CHARS
    timeout: float = field(default_factory=request_timeout)
    stats: Stats = field(default_factory=Stats)
    _url: str | None = None
    _languages: dict[str, str] = field(default_factory=dict)
    _memo: dict[str, tuple[LTMatch, ...]] = field(default_factory=dict)
    _local: threading.local = field(default_factory=threading.local)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _answered: int = 0  # checks the server answered (HTTP 200): with none, a failure is the server's, not a reply's
    _failed: int = 0  # documents it failed on whatever was tried

    def __post_init__(self) -> None:
        if self.mode == "off":
            raise ConfigError("grammar checks are off; there is no LanguageTool server to ask",
                              hint="Use --grammar local or --grammar URL.")

    @property
    def server_id(self) -> str:
        return f"local:{LT_VERSION}" if self.mode == "local" else endpoint(self.mode)  # (not its password)

    # ------------------------------------------------------------ public

    def check(self, documents: Sequence[Document], settings: Settings) -> list[tuple[LTMatch, ...]]:
        """Matches for each document, in order; raises EngineUnavailable rather than skipping."""
        started = time.perf_counter()
        self.stats.documents += len(documents)
        keys = [self._key(doc, settings) for doc in documents]
        results: dict[str, tuple[LTMatch, ...]] = {}
        missing: list[str] = []
        for key in dict.fromkeys(keys):
            if key in self._memo:
                results[key] = self._memo[key]
                self.stats.memory_hits += 1
            else:
                missing.append(key)
        if missing and self.cache is not None:
            found = self.cache.get_many(missing)
            self.stats.disk_hits += len(found)
            results.update(found)
            self._memo.update(found)
            missing = [k for k in missing if k not in found]
        if missing:
            by_key = {k: d for k, d in zip(keys, documents, strict=True)}
            fresh = self._fetch([(k, by_key[k]) for k in missing], settings)
            results.update(fresh)
            self._memo.update(fresh)
            if self.cache is not None:  # (a document the server failed on is asked again next run)
                self.cache.put_many((k, found) for k, found in fresh.items()
                                    if not any(m.rule_id == UNCHECKED for m in found))
        self.stats.seconds += time.perf_counter() - started
        return [results[k] for k in keys]

    def close(self) -> None:
        if self.cache is not None:
            self.cache.close()
            self.cache = None

    # ------------------------------------------------------------ requests

    def _key(self, doc: Document, settings: Settings) -> str:
        raw = json.dumps([self.server_id, settings.key(), doc.parts], ensure_ascii=False)
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()

    def _fetch(self, items: list[tuple[str, Document]], settings: Settings) -> dict[str, tuple[LTMatch, ...]]:
        url = self._connect()
        params = settings.params()
        params["language"] = self._language(url, settings.language)
        limit = self.batch_chars if self._text_level_rules(url, params["language"]) is not None else 0
        batches = _batches(items, limit, self.concurrency)
        out: dict[str, tuple[LTMatch, ...]] = {}
        if len(batches) == 1 or self.concurrency <= 1:
            for batch in batches:
                out.update(self._check_batch(url, params, batch))
        else:
            for part in _parallel(lambda b: self._check_batch(url, params, b), batches, self.concurrency):
                out.update(part)
        failures = [found[0] for found in out.values() if found and found[0].rule_id == UNCHECKED]
        if failures and not self._answered and len(failures) == len(out):  # (fewer than ALL_FAILED_STOP, all failed)
            raise _failed_every_check(url, SentenceFailed(failures[0].message))
        return out

    def _failing_server(self, url: str, failed: SentenceFailed) -> EngineUnavailable | None:
        """The error that stops the run when the server has failed every check so far (an overloaded or broken
        server, not a rule's bug on one reply): after ``ALL_FAILED_STOP`` documents, or all of them; else None.
        A document it fails on amid answered checks is the one unchecked reply told at its script."""
        with self._lock:
            self._failed += 1
            if self._answered or self._failed < ALL_FAILED_STOP:
                return None
        return _failed_every_check(url, failed)

    def _check_batch(self, url: str, params: dict[str, str],
                     batch: list[tuple[str, Document]]) -> dict[str, tuple[LTMatch, ...]]:
        annotation: list[dict[str, str]] = []
        bases: list[int] = []
        pos = 0
        for i, (_key, doc) in enumerate(batch):
            if i:
                annotation.append({"text": _SEPARATOR})
                pos += len(_SEPARATOR)
            bases.append(pos)
            annotation.extend(doc.annotation())
            pos += len(doc.text)
        joined = "".join(a.get("text", a.get("markup", "")) for a in annotation)
        try:
            reply = self._post(url, {**params, "data": json.dumps({"annotation": annotation})}, joined)
        except SentenceFailed as failed:
            if len(batch) > 1:  # find the document that trips the server; check the others as usual
                return {key: found for item in batch for key, found in self._check_batch(url, params, [item]).items()}
            try:
                return {batch[0][0]: self._check_plain(url, params, batch[0][1])}
            except SentenceFailed as again:  # (reported for this document; the others' results stand)
                if (stop := self._failing_server(url, again)) is not None:
                    raise stop from None
                return {batch[0][0]: (unchecked(again.message if again.message else failed.message),)}
        to_py = _utf16_to_python(joined)
        found: list[list[LTMatch]] = [[] for _ in batch]
        for raw in reply.get("matches", []):
            start = to_py(int(raw["offset"]))
            end = to_py(int(raw["offset"]) + int(raw["length"]))
            i = max(j for j, b in enumerate(bases) if b <= start)
            base, length = bases[i], len(batch[i][1].text)
            if end > base + length:
                continue  # spans the joint between two documents: not a finding in either
            found[i].append(LTMatch.of(raw, start - base, end - base))
        out = {key: tuple(matches) for (key, _), matches in zip(batch, found, strict=True)}
        if len(batch) > 1:
            # Text-level rules read across paragraphs, so across the joint into the neighbouring
            # documents. LanguageTool says how far each reaches (minToCheckParagraph: 0 = its own
            # paragraph, n = n paragraphs around, -1 = the whole text): a document with a match
            # that a neighbour could have caused, or with quotes or brackets a neighbour could
            # pair off, is checked again alone.
            reach = self._text_level_rules(url, params["language"]) or {}
            for key, doc in batch:
                if _unbalanced(doc.text) or any(_near_joint(doc.text, m, reach.get(m.rule_id)) for m in out[key]):
                    with self._lock:
                        self.stats.rechecked += 1
                    out.update(self._check_batch(url, params, [(key, doc)]))
        return out

    def _check_plain(self, url: str, params: dict[str, str], doc: Document) -> tuple[LTMatch, ...]:
        """``doc`` sent as plain text, each placeholder as its stand-in, the matches mapped back.

        For a document whose markup trips a LanguageTool bug: a rule's match that ends inside a
        placeholder's stand-in ("The [[item]]" read as "The the blue jacket") can be mapped to a
        negative position, and the server fails the whole request (HTTP 500, "Could not check
        sentence"). LanguageTool reads the same words either way; only the offsets are ours to map.
        """
        plain, to_original = _stand_in_text(doc)
        reply = self._post(url, {**params, "text": plain}, plain)
        to_py = _utf16_to_python(plain)
        with self._lock:
            self.stats.plain += 1
        return tuple(LTMatch.of(raw, to_original(to_py(int(raw["offset"])), False),
                                to_original(to_py(int(raw["offset"]) + int(raw["length"])), True))
                     for raw in reply.get("matches", []))

    def _text_level_rules(self, url: str, language: str) -> dict[str, int] | None:
        """The server's text-level rules for ``language`` and their reach in paragraphs (None: unknown)."""
        return text_level_rules(self._session(), url, language, self.timeout)

    def _session(self) -> requests.Session:
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            session.trust_env = self.mode != "local"  # no proxy between us and our own loopback server
            session.auth = basic_auth(self.mode) if self.mode != "local" else None
            self._local.session = session
        return session

    def _post(self, url: str, data: dict[str, str], text: str) -> dict[str, Any]:
        """The server's check result for ``data`` (whose text is ``text``), read and its shape checked."""

        def send() -> requests.Response:
            with self._lock:
                self.stats.requests += 1
            try:
                return self._session().post(endpoint(url, "/v2/check"), data=data,
                                            timeout=(CONNECT_TIMEOUT, self.timeout), allow_redirects=False,
                                            stream=True)  # (its body is read by _body, within limits)
            except requests.Timeout:
                raise EngineUnavailable(
                    f"LanguageTool at {shown(url)} did not answer a check within {self.timeout:.0f}s.",
                    hint="Raise SCRIPTKIT_LT_TIMEOUT for a slow server. " + SETTING_HINT) from None
            except requests.RequestException as exc:
                raise EngineUnavailable(f"LanguageTool at {shown(url)} stopped answering: {plainly(exc)}.",
                                        hint=SETTING_HINT) from None

        reply, tries, waited = _sent_within_rate_limit(send)
        _refuse_redirect(reply, endpoint(url, "/v2/check"))
        answer = _body(reply, url, self.timeout)
        if reply.status_code != 200:
            # (anyone's words: see server_said; a terminal's escape codes go whole, not as a stray '[31m')
            body = [server_said(TERMINAL_ESCAPE.sub("", answer[:4096].decode("utf-8", "replace")))]
            if reply.status_code == 429:
                body.append(f"(asked {tries} times in {waited:.0f}s)")
            if reply.status_code == 500:  # (a rule's bug on this text, most often: see SentenceFailed)
                raise SentenceFailed(f"LanguageTool at {shown(url)} failed on the text (HTTP 500): {' '.join(body)}",
                                     hint=SETTING_HINT)
            raise EngineUnavailable(f"LanguageTool at {shown(url)} refused a check (HTTP {reply.status_code}): "
                                    f"{' '.join(body)}", hint=SETTING_HINT)
        try:
            result: dict[str, Any] = json.loads(answer)
        except ValueError:
            raise EngineUnavailable(f"LanguageTool at {shown(url)} sent a reply that is not JSON.",
                                    hint=SETTING_HINT) from None
        if (wrong := _not_a_check_result(result, utf16_length(text))) is not None:
            raise EngineUnavailable(f"LanguageTool at {shown(url)} answered something that is not a LanguageTool "
                                    f"check result ({wrong}).", hint=SETTING_HINT)
        with self._lock:
            self._answered += 1
        return result

    # ------------------------------------------------------------ the server

    def _connect(self) -> str:
        """The server's base URL: start the local one, or make sure the configured one answers."""
        if self._url is not None:
            return self._url
        if self.mode == "local":
            server, started_now = local_server()
            if started_now:
                self.stats.server_start_seconds = server.start_seconds
                self.stats.warmup_seconds = server.warmup_seconds
            url = server.url
        else:
            url = self.mode
            if (because := unhealthy_because(url, timeout=health_timeout())) is not None:
                what_to_do = ("Raise SCRIPTKIT_LT_TIMEOUT for a slow server. " if because.startswith("no reply")
                              else REFUSED_HINT if REFUSED in because
                              else REDIRECT_HINT if NOT_FOLLOWED in because else "")
                raise EngineUnavailable(
                    f"grammar checks are on, but no LanguageTool server answers at {shown(url)} ({because}).",
                    hint=what_to_do + SETTING_HINT)
        self._url = url
        return url

    def _language(self, url: str, language: str) -> str:
        """The server's spelling of ``language``; a language it does not have is a config error."""
        if language not in self._languages:
            try:
                # our own request, with our timeout (the package's is 300 s)...
                reply, _, _ = _sent_within_rate_limit(lambda: self._session().get(
                    endpoint(url, "/v2/languages"), timeout=(CONNECT_TIMEOUT, self.timeout), allow_redirects=False,
                    stream=True))
                _refuse_redirect(reply, endpoint(url, "/v2/languages"))
                answer = _body(reply, url, self.timeout)
                reply.raise_for_status()
                codes = {c for lang in json.loads(answer) for c in (lang.get("code"), lang.get("longCode")) if c}
            except (requests.RequestException, ValueError, TypeError, AttributeError) as exc:
                raise EngineUnavailable(f"LanguageTool at {shown(url)} did not list its languages: {plainly(exc)}.",
                                        hint=SETTING_HINT) from None
            try:
                self._languages[language] = server_language(language, codes | {"auto"})
            except ValueError as exc:
                raise _lacks_the_language(url, language, codes, exc) from None
        return self._languages[language]


def _lacks_the_language(url: str, language: str, codes: set[str], said: ValueError) -> ConfigError:
    """The error for a server (``codes``: its /v2/languages) without ``language``: for a language told by name
    (a German pack), what the server has and where German is checked; else (a tag that names no language it
    could have, "C.UTF-8" on a server with no English) which locale to set."""
    code = base_language(language)
    name = language_name(code)
    if name == code:
        return ConfigError(f"LanguageTool at {shown(url)} {said}",
                           hint="Set the pack's locale (or grammar: {language: ...}) to one it has, "
                                "e.g. en-US or en-GB.")
    has = sorted({base_language(c) for c in codes if c != "auto"}, key=lambda c: (c != "en", c))
    return ConfigError(f"LanguageTool at {shown(url)} does not check {name} ({language}); "
                       + (f"it has {names_in_words(has)}" if 0 < len(has) <= 8 else f"it has {len(has)} languages"),
                       hint=f"Give --grammar the URL of a LanguageTool server that has {name}, "
                            "or set --grammar off for this pack.")


def server_language(tag: str, codes: Iterable[str]) -> str:
    """The code of ``codes`` (a server's /v2/languages) that means the language tag or POSIX locale ``tag``: the
    same code in any case and with ``_`` or ``-`` (en_US, en-us -> en-US), else its language alone (en-IE -> en);
    C and POSIX are English. A ``ValueError`` says (after "LanguageTool at URL") which tag it has no language for."""
    by_key = {code.lower().replace("_", "-"): code for code in codes}
    # (a locale's encoding and modifier say nothing of the language: en_US.UTF-8, de_DE@euro)
    key = re.split(r"[.@]", tag.strip(), maxsplit=1)[0].replace("_", "-").lower()
    if key in ("c", "posix", ""):
        english = next((by_key[k] for k in ("en-us", "en-gb", "en") if k in by_key), None)
        if english is not None and key:
            return english
        raise ValueError(f"has no English for {tag!r}" if key else "was asked for no language (an empty one)")
    if key in by_key:
        return by_key[key]
    language = re.fullmatch(r"([a-z]{2,3})(?:-[a-z0-9]{2,8})*", key)
    if language is not None and language[1] in by_key:
        return by_key[language[1]]
    raise ValueError(f"does not check language {tag!r}")


#: The most bytes one answer of a LanguageTool server may take: a check's answer is well under a megabyte
#: even for a batch full of mistakes, /v2/configinfo's about one. A server sending without end is cut off here.
MAX_ANSWER_BYTES = 64 << 20


def _refuse_redirect(reply: requests.Response, url: str) -> None:
    """EngineUnavailable when ``reply`` (to a request sent with ``allow_redirects=False``) is a redirect: a 307
    would have sent the replies' text on to whatever host it named (see ``redirected``)."""
    if reply.is_redirect:
        reply.close()
        raise EngineUnavailable("LanguageTool at " + redirected(url, reply.status_code, reply.headers.get("Location"))
                                + ".", hint=REDIRECT_HINT + SETTING_HINT)


def _body(reply: requests.Response, url: str, seconds: float) -> bytes:
    """The whole body of ``reply`` (sent with ``stream=True``), within ``seconds`` from now and
    ``MAX_ANSWER_BYTES``: the timeout of a request bounds each read of the socket, so a server that sent
    one byte every second kept a check waiting for ever, and one that sent gigabytes filled the memory."""
    deadline = time.monotonic() + seconds
    read = getattr(reply.raw, "read1", None) or reply.raw.read  # (read1: what one read of the socket has)
    chunks: list[bytes] = []
    size = 0
    try:
        while chunk := read(1 << 16, decode_content=True):
            size += len(chunk)
            if size > MAX_ANSWER_BYTES:
                raise EngineUnavailable(f"LanguageTool at {shown(url)} sent an answer over "
                                        f"{MAX_ANSWER_BYTES >> 20} MB, more than any check needs: it was cut off.",
                                        hint=SETTING_HINT)
            if time.monotonic() > deadline:
                raise EngineUnavailable(f"LanguageTool at {shown(url)} did not finish its answer within "
                                        f"{seconds:.0f}s.",
                                        hint="Raise SCRIPTKIT_LT_TIMEOUT for a slow server. " + SETTING_HINT)
            chunks.append(chunk)
    except (urllib3.exceptions.HTTPError, OSError) as exc:  # (a read timed out, the connection dropped)
        raise EngineUnavailable(f"LanguageTool at {shown(url)} stopped answering: {plainly(exc)}.",
                                hint=SETTING_HINT) from None
    finally:
        reply.close()
    return b"".join(chunks)


def _sent_within_rate_limit(send: Callable[[], requests.Response]) -> tuple[requests.Response, int, float]:
    """``send()``'s reply. A shared server limits how fast it is asked (HTTP 429): the request is sent
    again after the wait it asks for, a few times. Also how many times it was sent, and the seconds waited."""
    tries, waited = 0, 0.0
    while True:
        tries += 1
        reply = send()
        if reply.status_code != 429 or tries >= RATE_LIMIT_TRIES or waited >= RATE_LIMIT_WAIT:
            return reply, tries, waited
        reply.close()  # (its body is not wanted: the connection goes back to the pool)
        wait = _rate_limit_wait(reply.headers.get("Retry-After"), tries, waited)
        time.sleep(wait)
        waited += wait


def _rate_limit_wait(retry_after: str | None, tries: int, waited: float) -> float:
    """Seconds to wait before sending again a check the server rate-limited (HTTP 429) on try ``tries``,
    ``waited`` seconds having gone on waiting: its Retry-After (seconds or a date), else 1, 2, 4... s;
    never past ``RATE_LIMIT_WAIT`` in all."""
    wait = 2.0 ** (tries - 1)
    if retry_after is not None:
        try:
            said = float(retry_after)
        except ValueError:
            try:
                said = email.utils.parsedate_to_datetime(retry_after).timestamp() - time.time()
            except (TypeError, ValueError, OverflowError):
                said = math.nan
        if math.isfinite(said):
            wait = said
    return max(0.0, min(wait, RATE_LIMIT_WAIT - waited))


def _not_a_check_result(result: Any, characters: int) -> str | None:
    """What in a /v2/check reply to ``characters`` (UTF-16 units) of text is not as LanguageTool sends it (None: all
    of it is), so that a proxy's or another service's JSON is said to be one, not met as a TypeError deep in a rule."""
    if not isinstance(result, dict) or not isinstance(result.get("matches"), list):
        return "no list of matches"
    if len(result["matches"]) > characters + 1:  # (300,000 matches of a short reply: no checker finds those)
        return f"{len(result['matches']):,} matches in {characters:,} characters"
    for match in result["matches"]:
        if not isinstance(match, dict):
            return f"a match that is {type(match).__name__}"
        offset, length = match.get("offset"), match.get("length")
        if not (type(offset) is int and type(length) is int and offset >= 0 and length >= 0):  # (bool is not)
            return f"a match at offset {offset!r}, length {length!r}"
        if offset + length > characters:  # (was dropped without a word)
            return (f"a match at offset {offset}, length {length}, past the end of the "
                    f"{characters:,}-character text")
        rule = match.get("rule", {})
        if not isinstance(rule, dict) or not isinstance(rule.get("category", {}), dict):
            return f"a match whose rule is {json.dumps(rule)[:60]}"
        replacements = match.get("replacements", [])
        if not isinstance(replacements, list) or not all(isinstance(r, dict) for r in replacements):
            return f"a match whose replacements are {json.dumps(replacements)[:60]}"
    return None


_TEXT_LEVEL: dict[tuple[str, str], dict[str, int] | None] = {}  # (server URL, language) -> rule reach
_TEXT_LEVEL_LOCK = threading.Lock()


def text_level_rules(session: requests.Session, url: str, language: str, timeout: float) -> dict[str, int] | None:
    """The text-level rules of the server at ``url`` for ``language`` and their reach in paragraphs
    (None: unknown, so nothing is joined). Asked once per server and language: the reply is a
    megabyte of JSON, 0.4-0.6 s."""
    with _TEXT_LEVEL_LOCK:
        if (url, language) in _TEXT_LEVEL:
            return _TEXT_LEVEL[url, language]
    found: dict[str, int] | None
    try:
        reply, _, _ = _sent_within_rate_limit(lambda: session.get(
            endpoint(url, "/v2/configinfo"), params={"language": language}, timeout=(CONNECT_TIMEOUT, timeout),
            allow_redirects=False, stream=True))  # (a redirect is no 200: the rules' reach is then unknown)
        answer = _body(reply, url, timeout)
        rules = json.loads(answer)["rules"] if reply.status_code == 200 else None
        found = {r["ruleId"]: int(r.get("minToCheckParagraph", -1)) for r in rules
                 if r.get("isTextLevelRule") == "yes"} if rules else None
    except (requests.RequestException, ValueError, KeyError, TypeError, EngineUnavailable):
        found = None
    with _TEXT_LEVEL_LOCK:
        _TEXT_LEVEL[url, language] = found
    return found


def _batches(items: list[tuple[str, Document]], limit: int, concurrency: int) -> list[list[tuple[str, Document]]]:
    """``items`` in order, cut into batches that keep ``concurrency`` threads busy to the end.

    Guided cuts: each batch takes a ``concurrency``-th of half the work still to cut, so the
    batches shrink as the work runs out and the threads end within a small batch of each
    other (the starter pack in eight equal batches left one thread idle for the last 0.2 s of
    1.35 s). Work is LanguageTool's, estimated by ``_work``. A batch holds ``limit``
    characters at most (unless one document is longer) and ``MIN_BATCH_CHARS`` at least
    (below, a request's own cost, a few ms, starts to count). ``limit`` 0: one document a batch.
    """
    if limit <= 0:
        return [[item] for item in items]
    texts = [doc.text for _, doc in items]
    work = _work(texts)
    remaining = sum(work)
    batches: list[list[tuple[str, Document]]] = []
    batch: list[tuple[str, Document]] = []
    chars = 0
    done = target = 0.0
    for item, text, cost in zip(items, texts, work, strict=True):
        size = len(text) + len(_SEPARATOR)
        if batch and chars >= MIN_BATCH_CHARS and (done >= target or chars + size > limit):
            batches.append(batch)
            batch, chars, done = [], 0, 0.0
        if not batch:
            target = remaining / (2 * concurrency)
        batch.append(item)
        chars += size
        done += cost
        remaining -= cost
    if batch:
        batches.append(batch)
    return batches


def _work(texts: Sequence[str]) -> list[float]:
    """LanguageTool's work on each text, in arbitrary units, when checked in this order.

    The server analyses a sentence (tokens, tags, chunks: most of its time) once and takes it
    from its cache after that, so a sentence costs as much again only the first time it is
    seen, with the whitespace after it (measured: ~10 ms a sentence, ~1.5 ms a repeat, which
    the text-level rules and the splitter still read, ~6 ms a request).
    """
    seen: set[str] = set()
    out: list[float] = []
    for text in texts:
        cost = 1.0
        starts = [a for a, _ in sentence_spans(text)]
        for a, b in zip(starts, [*starts[1:], len(text)], strict=False):  # (no sentence: no pair)
            sentence = text[a:b]
            if sentence in seen:
                cost += 1 + len(sentence) / 60
            else:
                seen.add(sentence)
                cost += 2 + len(sentence) / 10
        out.append(cost)
    return out


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_COUNTS_BACK = {"ENGLISH_WORD_REPEAT_BEGINNING_RULE": 2}  # rule -> sentences it looks back over
_PAIRS = (("(", ")"), ("[", "]"), ("{", "}"), ("\u201c", "\u201d"))


def _near_joint(text: str, match: LTMatch, reach: int | None) -> bool:
    """Could a neighbouring document have caused this match of a rule reaching ``reach`` paragraphs?"""
    if match.rule_id.startswith("REP_"):
        # the style-repetition rules ("you have already used this expression in nearby sentences") count
        # nearby words, across paragraph breaks, into the neighbouring documents, though LanguageTool
        # says they reach no paragraph beyond their own (minToCheckParagraph 0)
        return True
    if reach is None or reach == 0:
        return False  # a sentence rule, or a text-level rule that reads only its own paragraph
    if match.rule_id in _COUNTS_BACK:
        # "three successive sentences start with the same word" is reported on the third: only
        # a match in a document's first two sentences can have counted the previous document's
        ends = [b for _, b in islice(sentence_spans(text), _COUNTS_BACK[match.rule_id])]
        return not ends or match.start < ends[-1]
    if reach < 0:
        return True
    breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]
    index = sum(1 for b in breaks if b <= match.start)
    return index < reach or index >= len(breaks) + 1 - reach


def _unbalanced(text: str) -> bool:
    """Quotes or brackets left open, which a neighbour's could close (hiding a real match)."""
    return text.count('"') % 2 == 1 or any(text.count(a) != text.count(b) for a, b in _PAIRS)


T = TypeVar("T")
R = TypeVar("R")


def _parallel(func: Callable[[T], R], items: Sequence[T], workers: int) -> list[R]:
    """``[func(x) for x in items]`` on ``workers`` daemon threads; the first error stops the rest.

    Daemon threads and a polling join keep Ctrl-C immediate: the interpreter does not wait
    for requests in flight (a ThreadPoolExecutor's workers are joined at exit), and the
    local server is then stopped by the exit handlers.
    """
    results: list[R | None] = [None] * len(items)
    errors: list[BaseException] = []
    queue = iter(enumerate(items))
    lock = threading.Lock()

    def work() -> None:
        while True:
            with lock:
                nxt = None if errors else next(queue, None)
            if nxt is None:
                return
            try:
                results[nxt[0]] = func(nxt[1])
            except BaseException as exc:  # handed to the calling thread below
                with lock:
                    errors.append(exc)
                return

    threads = [threading.Thread(target=work, name=f"languagetool-{i}", daemon=True)
               for i in range(max(1, min(workers, len(items))))]
    for thread in threads:
        thread.start()
    for thread in threads:
        while thread.is_alive():
            thread.join(0.2)
    if errors:
        raise errors[0]
    return [r for r in results if r is not None]


def _utf16_to_python(text: str) -> Any:
    """LanguageTool counts UTF-16 units; map such an offset to a Python index."""
    if all(ord(c) < 0x10000 for c in text):
        return lambda offset: offset
    table: list[int] = []
    for i, c in enumerate(text):
        table.extend([i, i] if ord(c) >= 0x10000 else [i])
    table.append(len(text))
    return lambda offset: table[min(offset, len(table) - 1)]


# ---------------------------------------------------------------- one server, one checker per mode, per process

_CHECKERS: dict[tuple[str, str], Checker] = {}
_SERVER: LocalServer | None = None
_STATE_LOCK = threading.RLock()


def local_server(*, warm: bool = True) -> tuple[LocalServer, bool]:
    """The process's local server, started (assembling LanguageTool first if needed) and warmed up.

    Returns the server and whether this call started it. However many checkers, rules and
    modes ask, a run has at most one JVM; ``shutdown()`` (also run at exit) stops it.
    ``warm=False`` (for the benchmark's cold figures) only waits for a first one-line check.
    """
    global _SERVER
    with _STATE_LOCK:
        if _SERVER is not None and _SERVER.running:
            return _SERVER, False
        server = LocalServer(assemble().path)
        progress("Starting the local LanguageTool server for grammar checks...")
        server.start()
        try:
            started = time.perf_counter()
            server.first_check_seconds = (warm_up(server.url) if warm
                                          else warm_up(server.url, text="This is a test.", checks=1, rules=False))
            server.warmup_seconds = time.perf_counter() - started
        except EngineUnavailable as exc:
            server.stop()
            raise EngineUnavailable(f"{exc.message} (log: {server.log_path})", hint=exc.hint) from None
        except BaseException:  # Ctrl-C: no half-ready JVM is left behind
            server.stop()
            raise
        _SERVER = server
        return server, True


#: Checked by a freshly started server before it counts as ready: English that no pack is made
#: of (so it cannot fill the server's sentence cache with a pack's sentences), with a misspelling,
#: agreement and confusion errors, a doubled word, a lowercase "i", quotes, dates, numbers, an
#: address and paragraphs, so the rules, tagger, chunker, speller and its suggestions, the
#: text-level rules and the JIT's first compilations are done before the first real request.
#: The misspelt park name is for the multi-word speller: LanguageTool loads its phrase lists the
#: first time a rule's capitalised words reach it (~0.3 s of CPU, in the starter pack's batched
#: pass when the warm-up did not do it).
WARM_UP_TEXT = (
    "Dear Ms Okonkwo,\n\n"
    "The telescope you ordered on 14 February 2024 were packed in the wrong crate, and the tripod "
    "legs was bent when it reached Aberdeen. The driver have a new route now. Their is no need to "
    "post it back: a courier will collect it between 9:30 and 11:00 on Tuesday, and the the new "
    "one leaves our warehouse today.\n\n"
    "i have also refunded the £12.50 for delivery. If the eyepiece dont fit, write to "
    "optics@example.org or visit https://example.org/returns, quoting case 58-2217.\n\n"
    "\u201cIt was fine last winter,\u201d you wrote, so we checked the batch; seven other lenses "
    "from it are being recalled... Please accept our apologies for the inconvenience.\n\n"
    "The tripod was meant for your trip to the Rocki Mountains National Park, so we have added a carry bag.\n\n"
    "Kind regards,\nTeodor\n"
)


#: Checked next, one per check thread at once, sent as the checker sends its batches (annotation
#: JSON with a placeholder as markup): so each thread's pipeline is made, the server's JSON reader and
#: markup path are loaded (0.1 s of CPU in the first batches otherwise), and the JIT compiles more of
#: the analysis. Texts other than the first one, so that they are analysed, not taken from the
#: sentence cache; like it, in no pack.
WARM_UP_REPLIES = (
    Document((("Dear ", None), ("{{ customer.title }}", "Mr Haraldsen"), (
        ",\n\nYour bicycle came back from the workshop on Thursday with its rear wheel trued, but the mechanic "
        "noticed that two spokes near the valve had worked loose again. Could you tell us whether the wheel "
        "rubbed against the frame on the ride home from Larkfield? If it did, please don't ride it further: "
        "bring it to the Harbour Street branch (open 8:00-17:30, Monday to Saturday) and we'll rebuild the "
        "wheel with new spokes at no charge.\n\nWe have also ordered the 28-tooth chainring you asked about; "
        "the supplier expects it in stock by 3 June, and we will hold it for you for fourteen days.", None))),
    Document((("Hello ", None), ("{{ customer.first_name }}", "Priya"), (
        ",\n\nThe meter reading we used for your March bill (reading 04417) was an estimate, which is why the "
        "total of 86.40 looked so much higher than January's. A reader visited on 9 April and recorded 04211, "
        "so the corrected bill comes to 61.15 and the difference has gone back onto your account. Nothing "
        "needs to be paid until the next statement.\n\nWould a smart meter suit you better? It sends a "
        "reading every half hour, so estimates stop altogether, and fitting one takes about forty minutes. "
        "Reply with two mornings that work for you and an engineer will be booked; the library on Mill Lane "
        "also lends out energy monitors if you would like to try one first.", None))),
)


def warm_up(url: str, *, text: str = WARM_UP_TEXT, checks: int = CONCURRENCY, rules: bool = True) -> float:
    """Have a freshly started server load everything a check needs, and learn its text-level rules;
    returns how long the first check took (loading the rules).

    The first check after start takes seconds (rules, tagger, chunker, dictionaries, JIT); the
    text-level rules the batches need are asked for meanwhile. Then ``checks`` checks of
    ``WARM_UP_REPLIES`` go at once, as the checker sends them, so each has its pipeline ready
    (made in a fraction of the first one's time now that the rules are loaded; made by two
    requests at once from a cold server, they cost ~1.5 s more CPU). Raises EngineUnavailable
    if any part fails, or if the warm-up text's mistakes are not found (a server that checks
    nothing must not pass for one that found nothing).
    """
    first_check: list[float] = []

    def one(task: str | Document) -> int:
        session = requests.Session()
        session.trust_env = False  # our own loopback server
        try:
            if task == "rules":
                text_level_rules(session, url, "en-US", start_timeout())
                return 0
            started = time.perf_counter()
            data = ({"language": "en-US", "text": text} if isinstance(task, str)
                    else {"language": "en-US", "data": json.dumps({"annotation": task.annotation()})})
            reply = session.post(endpoint(url, "/v2/check"), data=data, timeout=(CONNECT_TIMEOUT, start_timeout()))
            reply.raise_for_status()
            first_check.append(time.perf_counter() - started)
            return len(reply.json()["matches"])
        finally:
            session.close()

    try:
        found = _parallel(one, ["check", "rules"] if rules else ["check"], 2)[0]
        if checks > 1:
            _parallel(one, [WARM_UP_REPLIES[i % len(WARM_UP_REPLIES)] for i in range(checks)], checks)
    except (requests.RequestException, ValueError, KeyError, TypeError) as exc:
        raise EngineUnavailable(f"the local LanguageTool server did not finish loading: {plainly(exc)}.",
                                hint=SETTING_HINT) from None
    if found == 0 and text == WARM_UP_TEXT:
        raise EngineUnavailable("the local LanguageTool server answered its warm-up check but found none of the "
                                "mistakes in it: it is not checking English.", hint=SETTING_HINT)
    return first_check[0]


def checker(mode: str, *, cache: bool = True, cache_path: Path | None = None) -> Checker:
    """The process's checker for ``mode`` and cache: one per run, however many rules ask."""
    path = (cache_path or default_cache_path()) if cache else None
    key = (mode, str(path))
    with _STATE_LOCK:
        found = _CHECKERS.get(key)
        if found is None:
            found = _CHECKERS[key] = Checker(mode, ResultCache(path) if path is not None else None)
        return found


def shutdown(*, keep_server: bool = False) -> None:
    """Close every checker (and its in-memory results); stop the local server unless asked not to."""
    global _SERVER
    with _STATE_LOCK:
        for found in _CHECKERS.values():
            found.close()
        _CHECKERS.clear()
        if _SERVER is not None and not keep_server:
            _SERVER.stop()
            _SERVER = None


def _naive_tool(url: str, settings: Settings) -> ltp.LanguageTool:
    import language_tool_python as ltp  # (benchmark only: the bench and dev extras install it)

    tool = ltp.LanguageTool(settings.language, remote_server=url)
    tool.disabled_rules.update(settings.disabled_rules)
    tool.enabled_rules.update(settings.enabled_rules)
    tool.disabled_categories.update(settings.disabled_categories)
    tool.enabled_categories.update(settings.enabled_categories)
    tool.picky = settings.picky
    return tool


@contextlib.contextmanager
def package_server() -> Iterator[str]:
    """language-tool-python's own local server on the assembled LanguageTool, for the benchmark's
    naive baseline as a user of the package gets it; yields its URL, stops it at the end.

    The package starts the JVM its own way: no JVM options and no server settings, so no
    sentence cache and a new analysis pipeline for every request (``lt_server`` starts ours with
    both, and C1 only). It finds LanguageTool under ``LTP_PATH``, here a temporary folder naming
    the assembled one as its version; ``LTP_JAR_DIR_PATH`` tells it to download nothing.
    """
    import language_tool_python as ltp  # (benchmark only: the bench and dev extras install it)

    home = assemble().path
    with tempfile.TemporaryDirectory(prefix="scriptkit-ltp-") as folder:
        (Path(folder) / f"LanguageTool-{LT_VERSION}").symlink_to(home, target_is_directory=True)
        saved = {name: os.environ.get(name) for name in ("LTP_PATH", "LTP_JAR_DIR_PATH")}
        os.environ.update(LTP_PATH=folder, LTP_JAR_DIR_PATH=str(home))
        try:
            tool = ltp.LanguageTool("en-US", language_tool_download_version=LT_VERSION)
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
        try:
            yield tool.url.removesuffix("/").removesuffix("/v2")
        finally:
            tool.close()


def check_one_by_one(url: str, texts: Iterable[str], settings: Settings) -> int:
    """The naive way, for the benchmark: one language-tool-python ``check()`` per text, in a loop.

    Returns the number of matches. Runs in the calling thread only (the package's Match
    offset cache is class-level and not safe across threads).
    """
    tool = _naive_tool(url, settings)
    try:
        return sum(len(tool.check(text)) for text in texts)
    finally:
        tool.close()


def check_each_alone(url: str, documents: Iterable[Document], settings: Settings) -> list[tuple[LTMatch, ...]]:
    """The naive way with our results: one language-tool-python ``check()`` per document, in a loop.

    The package sends plain text only (no markup), so each placeholder goes in as its stand-in
    and a match's offsets are mapped back onto the document's original text, where ``check``
    reports them. The package drops the rule's sub-id, so ``sub_id`` is empty. Calling thread
    only, like ``check_one_by_one``.
    """
    tool = _naive_tool(url, settings)
    try:
        out = []
        for doc in documents:
            plain, to_original = _stand_in_text(doc)
            out.append(tuple(
                LTMatch(to_original(m.offset, False), to_original(m.offset + m.error_length, True), m.rule_id,
                        m.category, m.rule_issue_type, m.message, tuple(m.replacements[:5]))
                for m in tool.check(plain)))
        return out
    finally:
        tool.close()


class SentenceFailed(EngineUnavailable):
    """The server answered HTTP 500: most often one of its rules failed on a sentence of the request (a
    LanguageTool bug, not an outage: "Could not check sentence", "fromPos (70) must be less than toPos (70)
    for match: UPPERCASE_SENTENCE_START"). The checker retries the documents one by one, then as plain
    text; a document that still fails gets an ``unchecked`` match, and the others their results."""


#: The rule id of the one match of a document the server failed on whatever was tried (see ``unchecked``).
UNCHECKED = "SCRIPTKIT_UNCHECKED"
#: Documents the server may fail on, with no check answered, before the run stops (see ``Checker._failing_server``):
#: each costs two requests (as sent, then as plain text), so an overloaded server is not asked hundreds of times.
ALL_FAILED_STOP = 3


def _failed_every_check(url: str, failed: SentenceFailed) -> EngineUnavailable:
    """The run's stop when the server answers no check but HTTP 500: an overloaded or broken server would else
    make every reply an "unchecked" suggestion, and CI pass with no grammar checked."""
    said = failed.message.partition("(HTTP 500): ")[2] or failed.message
    return EngineUnavailable(f"LanguageTool at {shown(url)} failed on every check (HTTP 500): {said}",
                             hint="Its log says why (an overloaded server: try again later). " + SETTING_HINT)


def unchecked(why: str) -> LTMatch:
    """The match standing for "the server could not check this document": ``why`` is its message. Never cached."""
    return LTMatch(0, 0, UNCHECKED, "", "", why)


def _stand_in_text(doc: Document) -> tuple[str, Callable[[int, bool], int]]:
    """The document as plain text with stand-ins, and a map from its offsets to the original's.

    An offset inside a stand-in maps to the start of its markup (or, for an end, to the end).
    """
    runs: list[tuple[int, int, int, int, bool]] = []  # plain start, end, original start, end, markup
    pieces: list[str] = []
    plain_pos = original_pos = 0
    for raw, stand_in in doc.parts:
        piece = raw if stand_in is None else stand_in
        pieces.append(piece)
        runs.append((plain_pos, plain_pos + len(piece), original_pos, original_pos + len(raw), stand_in is not None))
        plain_pos += len(piece)
        original_pos += len(raw)

    def to_original(offset: int, is_end: bool) -> int:
        for start, end, o_start, o_end, markup in runs:
            if start <= offset < end or (is_end and start < offset <= end):
                if markup:
                    return o_end if is_end else o_start
                return o_start + offset - start
        return original_pos

    return "".join(pieces), to_original


atexit.register(shutdown)
