"""A local LanguageTool HTTP server: assembled once from Maven, started on a free loopback port.

LanguageTool's own download site is not reachable everywhere, Maven Central usually is, so
the server (English, Spanish, Catalan, Portuguese: ``DEFAULT_LANGUAGES``) is assembled with
``mvn dependency:copy-dependencies`` from a generated pom into ``<cache>/languagetool/<version>/``
(a ``COMPLETE`` marker makes it idempotent).
Every server this process starts is stopped at exit, on SIGTERM/SIGHUP and on Ctrl-C: the
JVM runs in its own process group, which is killed whole.
"""

from __future__ import annotations

import atexit
import base64
import contextlib
import fcntl
import hashlib
import http.client
import json
import math
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

from scriptkit import engines
from scriptkit.errors import ConfigError, EngineUnavailable
from scriptkit.text import joined_with_and

LT_VERSION = "6.8"
DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy-dependencies"
HEAP = os.environ.get("SCRIPTKIT_LT_HEAP", "512m")
START_TIMEOUT = 90.0  # (seconds the local server may take to start: SCRIPTKIT_LT_START_TIMEOUT, see start_timeout)
ASSEMBLE_TIMEOUT = 900.0
MAIN_CLASS = "org.languagetool.server.HTTPServer"
SETTING_HINT = "Set --grammar off (or 'grammar: {mode: off}' in pack.yaml), or --grammar URL of a running server."

def seconds_setting(name: str, default: float, what: str) -> float:
    """The environment variable ``name``'s number of seconds (``what`` they are for), else ``default``. Read
    when used, not at import (a mistyped value was a ValueError from ``import``, said as a bug in a rule), and
    a value that is no positive number of seconds is a ConfigError saying so."""
    given = os.environ.get(name)
    if given is None:
        return default
    try:
        seconds = float(given)
    except ValueError:
        seconds = math.nan
    if not (math.isfinite(seconds) and seconds > 0):
        raise ConfigError(f"{name} is {given!r}, not a number of seconds",
                          hint=f"Set it to the seconds {what}, such as {default:.0f}, or unset it.")
    return seconds


def start_timeout() -> float:
    """Seconds the local server may take to start: SCRIPTKIT_LT_START_TIMEOUT, else ``START_TIMEOUT``."""
    return seconds_setting("SCRIPTKIT_LT_START_TIMEOUT", START_TIMEOUT, "the local server may take to start")


# languagetool-server depends on language-all (every language, ~250 MB): exclude it and add
# English. The server's language identifier (CommonWordsDetector) looks up es, ca and pt
# by code when it starts and fails without them, so those three modules come along (and
# are checked: a Spanish pack is checked by the local server as an English one is).
DEFAULT_LANGUAGES = ("en", "es", "ca", "pt")
_POM = """<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>scriptkit.tools</groupId>
  <artifactId>languagetool-server-en</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.languagetool</groupId>
      <artifactId>languagetool-server</artifactId>
      <version>{version}</version>
      <exclusions>
        <exclusion><groupId>org.languagetool</groupId><artifactId>language-all</artifactId></exclusion>
      </exclusions>
    </dependency>
{languages}  </dependencies>
</project>
"""
_POM_LANGUAGE = """    <dependency>
      <groupId>org.languagetool</groupId>
      <artifactId>language-{code}</artifactId>
      <version>{version}</version>
    </dependency>
"""
# Two check threads: the machines this runs on have two cores. The server's result cache holds
# analysed sentences and their matches, each half of cacheSize, weighing a sentence ~1 + chars/75:
# 20000 keeps the ~5,000 distinct sentences of a 1,000-script pack (every channel's layout puts
# different whitespace after a sentence, so the same slot sentence is several entries). 2000
# thrashed: an unchanged rerun on one server took 30 s of CPU instead of 7.5 s.
_SERVER_PROPERTIES = "maxCheckThreads=2\ncacheSize=20000\npipelineCaching=true\nmaxTextLength=200000\n"


def progress(message: str, *, once: bool = False) -> None:
    """Say what takes a while, through ``scriptkit.engines.on_progress`` when set."""
    if engines.on_progress is not None:
        engines.on_progress(message, once)


def cache_root() -> Path:
    """``$SCRIPTKIT_CACHE_DIR``, else ``.cache/`` of the checkout scriptkit runs from, else the user cache."""
    env = os.environ.get("SCRIPTKIT_CACHE_DIR")
    if env:
        return Path(env).expanduser().resolve()
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "pyproject.toml").is_file() and (checkout / "scriptkit").is_dir():
        return checkout / ".cache"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "scriptkit"


def lt_home(version: str = LT_VERSION) -> Path:
    return cache_root() / "languagetool" / version


@dataclass(frozen=True)
class Assembly:
    """A complete server folder and how it got there."""

    path: Path
    version: str
    files: int
    bytes: int
    seconds: float  # time the Maven run took (0 when it was already there)
    assembled_now: bool
    languages: tuple[str, ...] = DEFAULT_LANGUAGES  # (the language modules it holds: codes, "en")


def assembled(version: str = LT_VERSION) -> Assembly | None:
    home = lt_home(version)
    marker = home / "COMPLETE"
    if not marker.is_file():
        return None
    info = json.loads(marker.read_text(encoding="utf-8"))
    # (a folder assembled before the marker named its languages has the default ones)
    languages = tuple(str(code) for code in info.get("languages", DEFAULT_LANGUAGES))
    return Assembly(home, version, int(info["files"]), int(info["bytes"]), float(info["seconds"]), False, languages)


def local_languages(version: str = LT_VERSION) -> tuple[str, ...]:
    """The languages ``--grammar local`` checks: those its server was assembled with, else (not assembled
    yet) those ``assemble`` fetches. The one answer both the refusal of a pack and the assembly go by."""
    done = assembled(version)
    return done.languages if done is not None else DEFAULT_LANGUAGES


#: names of languages a LanguageTool server may have that scriptkit.language does not tell
_LANGUAGE_NAMES = {"ca": "Catalan"}


def language_name(code: str) -> str:
    """``code``'s name in English ("de": "German"), else the code itself."""
    from scriptkit.language import name_of

    return _LANGUAGE_NAMES.get(code) or name_of(code)


def names_in_words(codes: Iterable[str]) -> str:
    """"English, Spanish and Catalan" for ``("en", "es", "ca")``."""
    return joined_with_and(list(dict.fromkeys(language_name(code) for code in codes)))


def assemble(version: str = LT_VERSION, *, quiet: bool = True, languages: Iterable[str] = ()) -> Assembly:
    """Assemble the server from Maven Central once; later calls return at once. ``languages`` (codes: "de")
    are added to the default ones and to those it already has: the folder is assembled again with them."""
    wanted = _languages_to_assemble(languages)
    done = assembled(version)
    if done is not None and set(wanted) <= set(done.languages):
        return done
    wanted = tuple(dict.fromkeys((*(done.languages if done is not None else ()), *wanted)))
    mvn = shutil.which("mvn")
    if mvn is None:
        raise EngineUnavailable(f"LanguageTool is not assembled{' with ' + names_in_words(wanted) if done else ''} "
                                "and Maven (mvn) is not installed to assemble it.",
                                hint="Install Maven and Java 17+. " + SETTING_HINT)
    home = lt_home(version)
    home.parent.mkdir(parents=True, exist_ok=True)
    with _locked(home.parent / f"{version}.lock"):
        done = assembled(version)  # another process finished while we waited
        if done is not None and set(wanted) <= set(done.languages):
            return done
        progress(f"Assembling LanguageTool {version} ({', '.join(wanted)}) from Maven Central into {home}; "
                 "this happens once and takes a minute or two.", once=True)
        work = Path(tempfile.mkdtemp(prefix=f"{version}.partial-", dir=home.parent))
        try:
            pom = work / "pom.xml"
            modules = "".join(_POM_LANGUAGE.format(code=c, version=version) for c in wanted)
            pom.write_text(_POM.format(version=version, languages=modules), encoding="utf-8")
            cmd = [mvn, "-B", *(["-q"] if quiet else []), "-f", str(pom), DEPENDENCY_PLUGIN,
                   "-DincludeScope=runtime", "-Dmdep.stripVersion=true", f"-DoutputDirectory={work / 'libs'}"]
            started = time.perf_counter()
            try:
                run = subprocess.run(cmd, capture_output=quiet, text=True, timeout=ASSEMBLE_TIMEOUT, check=False)
            except subprocess.TimeoutExpired:
                raise EngineUnavailable(f"assembling LanguageTool {version} with Maven took over "
                                        f"{ASSEMBLE_TIMEOUT:.0f}s.", hint=SETTING_HINT) from None
            seconds = time.perf_counter() - started
            server_jar = work / "libs" / "languagetool-server.jar"
            if run.returncode != 0 or not server_jar.is_file():
                tail = "\n".join(((run.stdout or "") + (run.stderr or "")).strip().splitlines()[-15:])
                raise EngineUnavailable(f"Maven could not assemble LanguageTool {version} "
                                        f"(exit {run.returncode}).\n{tail}",
                                        hint="Maven Central must be reachable. " + SETTING_HINT)
            # The server jar's manifest Class-Path lists libs/<artifactId>.jar, the layout of
            # LanguageTool's own zip; keep it so the folder also works with `java -cp server.jar`.
            server_jar.rename(work / "languagetool-server.jar")
            (work / "server.properties").write_text(_SERVER_PROPERTIES, encoding="utf-8")
            files = [p for p in work.rglob("*.jar")]
            size = sum(p.stat().st_size for p in files)
            info = {"version": version, "files": len(files), "bytes": size, "seconds": round(seconds, 1),
                    "languages": list(wanted)}
            (work / "COMPLETE").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
            if home.exists():  # a stale, incomplete folder from an interrupted run, or one with fewer languages
                old = home.with_name(work.name + ".old")
                home.rename(old)  # (moved aside first: the new folder replaces it in one step)
                shutil.rmtree(old, ignore_errors=True)
            work.rename(home)
        finally:
            if work.exists():
                shutil.rmtree(work, ignore_errors=True)
    return Assembly(home, version, len(files), size, seconds, True, wanted)


def _languages_to_assemble(extra: Iterable[str]) -> tuple[str, ...]:
    """The default languages and ``extra`` ("de", " FR "), each a LanguageTool module's code, else a ConfigError."""
    codes = [code.strip() for code in extra if code.strip()]
    for code in codes:
        if not re.fullmatch(r"[a-zA-Z]{2,3}", code):
            raise ConfigError(f"{code!r} is not a language code to assemble LanguageTool with",
                              hint="Give two-letter codes with commas between: LANGUAGES=de,fr.")
    return tuple(dict.fromkeys((*DEFAULT_LANGUAGES, *(code.lower() for code in codes))))


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


#: Said of a server that refused the connection (``unhealthy_because``): nobody to wait for, nothing to raise.
REFUSED = "refused the connection"
REFUSED_HINT = "Check the URL's address and port, and that the LanguageTool server there is running. "


def plainly(exc: BaseException) -> str:
    """What went wrong in reaching a server, in words: the exception the others wrap (requests wraps urllib3's,
    which wraps the socket's), not their reprs ("('Connection aborted.', RemoteDisconnected(...))")."""
    seen: list[BaseException] = []
    todo = [exc]
    while todo:  # (breadth first: every exception wrapped in its arguments, reason, cause and context)
        one = todo.pop(0)
        if any(one is s for s in seen):
            continue
        seen.append(one)
        todo += [a for a in (*one.args, getattr(one, "reason", None), one.__cause__, one.__context__)
                 if isinstance(a, BaseException)]
    for found in seen:
        if isinstance(found, http.client.RemoteDisconnected):  # (a ConnectionResetError too: asked first)
            return "the server closed the connection without answering"
        if isinstance(found, ConnectionRefusedError):
            return f"the server {REFUSED}: no server is listening at that address and port"
        if isinstance(found, http.client.IncompleteRead):  # (urllib3's is one too)
            return "the server closed the connection before the end of its answer"
        if isinstance(found, ConnectionResetError | BrokenPipeError | ConnectionAbortedError):
            return "the server dropped the connection"
        if isinstance(found, socket.gaierror):
            return "no computer has the URL's host name (check its spelling)"
        if isinstance(found, TimeoutError):
            return "the server stopped sending before the time allowed ran out"
    innermost = seen[-1]
    if isinstance(innermost, OSError) and innermost.strerror:
        return innermost.strerror[:1].lower() + innermost.strerror[1:]
    return str(innermost) or type(innermost).__name__


# ------------------------------------------------------------ a server's URL

#: A URL's password ("//user:pass@host"): urllib read "user:pass" as the host, and messages printed it (CI logs).
_PASSWORD = re.compile(r"(//[^/?#@:\s]*):[^/?#@\s]*@")


def shown(url: str) -> str:
    """``url`` as a message shows it: its password masked, 'https://ana:***@lt.example'."""
    return _PASSWORD.sub(r"\1:***@", url)


def endpoint(url: str, path: str = "", *, credentials: bool = False) -> str:
    """The server at ``url``'s call ``path`` ("/v2/check"): joined to the URL's path before its query
    ('.../lt?token=abc' asks '.../lt/v2/check?token=abc', not the fragment '?token=abc/v2/check'), without the
    fragment, and without the credentials unless asked (they are sent as a header: ``basic_auth``)."""
    parts = urllib.parse.urlsplit(url)
    host = parts.netloc if credentials else parts.netloc.rpartition("@")[2]
    return urllib.parse.urlunsplit((parts.scheme, host, parts.path.rstrip("/") + path, parts.query, ""))


def basic_auth(url: str) -> tuple[str, str] | None:
    """The user name and password written in ``url`` ('https://ana:pw@lt.example'), sent as HTTP basic auth."""
    parts = urllib.parse.urlsplit(url)
    if "@" not in parts.netloc:
        return None
    return urllib.parse.unquote(parts.username or ""), urllib.parse.unquote(parts.password or "")


def server_said(text: str, limit: int = 150) -> str:
    """What a server sent, fit to quote in a message: a server is anyone's (a pack may name it), so its control
    and format characters (a terminal's escape codes, line breaks that forge lines of a CI log) are spaces, and
    it is cut at ``limit`` characters."""
    plain = " ".join("".join(" " if unicodedata.category(c)[0] == "C" else c for c in text).split())
    return plain if len(plain) <= limit else plain[:limit - 1] + "…"


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Follows no redirect (urllib then raises the 3xx as an HTTPError): urllib sent the Authorization header of
    a URL's credentials on to whatever host a redirect named, and the text to check goes only to the server the
    user named (see ``redirected``)."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


#: Opens URLs with no proxy: the HTTP(S)_PROXY a user set for the internet stands between us and our own loopback
#: server otherwise (a proxy cannot reach it, and the start waited out its time); the checks bypass it too.
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirects)

#: Said of a redirect (``redirected``), and what to do about it.
NOT_FOLLOWED = "which is not followed"
REDIRECT_HINT = ("If it names your LanguageTool server, give --grammar that server's URL (without the /v2/... "
                 "path). ")


def redirected(url: str, status: int, location: str | None) -> str:
    """A redirect from the server at ``url``, in words. It is never followed: the redirect could name any host,
    and the replies' text (and a URL's credentials) go only to the server the user named."""
    where = server_said(shown(location), 100) if location else "no address"
    return (f"{shown(url)} redirects to {where} (HTTP {status}), {NOT_FOLLOWED}: the text to check "
            "goes only to the server you named")


def healthy(url: str, timeout: float = 2.0, *, direct: bool = False) -> bool:
    return unhealthy_because(url, timeout, direct=direct) is None


def unhealthy_because(url: str, timeout: float = 2.0, *, direct: bool = False) -> str | None:
    """Why the server at ``url`` does not pass LanguageTool's health check, in words; None when it does. (A
    reply that is an HTTP error is said as one: "no reply" sent a user looking for a server that was there.)
    ``direct``: ask it with no proxy (our own loopback server); else the environment's proxy settings apply."""
    check = shown(endpoint(url, "/v2/healthcheck", credentials=True))
    try:
        request = urllib.request.Request(endpoint(url, "/v2/healthcheck"))
        if (auth := basic_auth(url)) is not None:
            request.add_header("Authorization", "Basic " + base64.b64encode(":".join(auth).encode()).decode())
        # (else the environment's proxy, read now as urlopen's first call did: a proxy set later is one to use)
        opener = _DIRECT if direct else urllib.request.build_opener(_NoRedirects)
        with opener.open(request, timeout=timeout) as reply:
            return None if reply.status == 200 else f"{check} answered HTTP {reply.status}"
    except urllib.error.HTTPError as exc:
        if 300 <= exc.code < 400:
            return redirected(check, exc.code, exc.headers.get("Location"))
        reason = server_said(str(exc.reason), 60)
        return f"{check} answered HTTP {exc.code} {reason}: is that a LanguageTool server's address?"
    except (OSError, urllib.error.URLError, ValueError) as exc:
        why = plainly(exc)
        if REFUSED in why:  # (at once: nothing listens there, so it is no slow server)
            host = urllib.parse.urlsplit(url).netloc.rpartition("@")[2]
            return f"{host} {REFUSED}: no server is listening at that address and port"
        if isinstance(exc, ValueError) or "time allowed" in why:
            return f"no reply to {check} within {timeout:.0f}s"
        return f"{check} could not be reached: {why}"


#: A terminal's colour and cursor codes (ESC [ ... letter), which the server's logging writes around its lines.
_ANSI_CODE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]")
#: Lines that say no why: a Java stack trace's frames ("\tat pkg.Class.method(File.java:12)", "\t... 4 more": the
#: line before says it) and the JVM's closing words after a refused start (its reason is the line before them).
_SAYS_NO_WHY = re.compile(r"\s+(?:at \S|\.\.\. \d+ more)|Error: (?:Could not create the Java Virtual Machine"
                          r"|A fatal exception has occurred)")


def last_meaningful_line(log: Path) -> str | None:
    """The last line of ``log`` that says why, colour codes taken out: no blank line, stack frame or JVM farewell."""
    try:
        text = log.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    for line in reversed(_ANSI_CODE.sub("", text).splitlines()):
        if line.strip() and not _SAYS_NO_WHY.match(line):
            return " ".join(line.split())
    return None


class LocalServer:
    """One LanguageTool JVM on 127.0.0.1, with a bounded heap and its log in the cache."""

    def __init__(self, home: Path, *, heap: str = HEAP, class_data: Path | None = None) -> None:
        self.home = home
        self.heap = heap
        self.class_data = class_data or home / "class-data"  # see ``_class_data_flags``
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None
        self._dumping: tuple[Path, Path] | None = None  # (partial, final) class-data archive this JVM writes at exit
        self._mapping: Path | None = None  # the class-data archive this JVM maps
        self.log_path = home.parent / "logs" / f"server-{os.getpid()}.log"
        self.start_seconds = 0.0  # until the health check answers
        self.first_check_seconds = 0.0  # the first check, which loads the rules
        self.warmup_seconds = 0.0  # every warm-up request, the first check included

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def command(self, port: int) -> list[str]:
        java = shutil.which("java")
        if java is None:
            raise EngineUnavailable("Java is not installed, so the local LanguageTool server cannot start.",
                                    hint="Install Java 17+. " + SETTING_HINT)
        classpath, shareable = self._classpath()
        # C1 only (TieredStopAtLevel=1): in a run of a minute or two, C2's compiler threads took
        # 16-28 s of CPU beside 18-22 s of checking, on two shared cores; C1's code checks ~15%
        # slower but the start-up check takes half as long and the JVM ~60 MB less memory.
        # C1 compiles a method after 20 calls, not 200: while one thread loads the rules the
        # other core is idle, so compiling early is nearly free there and the rule loading itself
        # runs compiled sooner (ready 0.45 s sooner of 7.4 s, three paired starts; checks as fast).
        # The heap starts at about what a warmed-up server holds, and class metadata may reach that
        # size before a collection: grown from 64 MB, the heap took three full collections while the
        # server started (0.5 s of 1.3 s of pauses, the last 0.3 s long), metadata one more.
        return [java, f"-Xmx{self.heap}", f"-Xms{initial_heap(self.heap)}", "-XX:MetaspaceSize=128m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:Tier3InvocationThreshold=20", "-XX:Tier3MinInvocationThreshold=10",
                "-XX:Tier3CompileThreshold=200", "-XX:Tier3BackEdgeThreshold=5000",
                *(self._class_data_flags(java) if shareable else []),
                "-Djava.awt.headless=true",
                # a crash report goes beside the server log, not into the user's working folder
                f"-XX:ErrorFile={self.log_path.parent / 'hs_err_pid%p.log'}",
                # The JDK's HTTP server writes a reply's headers and body as two TCP segments with
                # Nagle's algorithm on: on a kept-alive connection the body then waits for the
                # client's delayed ACK, ~40 ms per request (measured: 45 ms vs 3 ms a request).
                "-Dsun.net.httpserver.nodelay=true",
                # the server reads a GUI settings file from the home folder: keep it in the cache
                f"-Duser.home={self.home.parent / 'home'}",
                "-cp", classpath, MAIN_CLASS, "--port", str(port), "--config", str(self.properties_path())]

    def _classpath(self) -> tuple[str, bool]:
        """The server jar and its libraries, listed one by one (the order the class-data archive
        was made with), and whether classes can be shared. The server jar's manifest also puts
        its own folder on the class path, which class-data sharing refuses (the JVM then fails
        to start), so a copy without that entry is used; without one, nothing is shared."""
        server_jar, shareable = self.home / "languagetool-server.jar", False
        with contextlib.suppress(OSError, zipfile.BadZipFile):
            server_jar = _without_manifest_class_path(server_jar, self.class_data / "languagetool-server.jar")
            shareable = True
        libs = sorted(str(p) for p in (self.home / "libs").glob("*.jar"))
        return os.pathsep.join([str(server_jar), *libs]), shareable

    def class_archive(self) -> Path | None:
        """The class-data archive this server's JVM maps (None: no Java, or nothing to share)."""
        java = shutil.which("java")
        if java is None or not (self.home / "languagetool-server.jar").is_file():
            return None
        return self._archive(java)

    def _archive(self, java: str) -> Path:
        return self.class_data / f"{_jvm_identity(java)}.jsa"

    def _class_data_flags(self, java: str) -> list[str]:
        """Class-data sharing: the classes a warmed-up server loaded, parsed and verified once and
        mapped from a file by later starts (ready 0.65 s sooner of 6.8 s, three paired starts).
        The archive belongs to one JVM build, so its name carries the JVM's identity; the first
        server without one writes it when it stops (~2 s, once), under a partial name that
        ``stop`` renames only after the JVM exited by itself."""
        archive = self._archive(java)
        self._dumping = self._mapping = None
        quiet = ["-Xlog:cds=off", "-Xlog:cds+dynamic=off"]
        if archive.is_file():
            self._mapping = archive
            return [f"-XX:SharedArchiveFile={archive}", *quiet]
        try:
            self.class_data.mkdir(parents=True, exist_ok=True)
        except OSError:
            return []  # a read-only cache: start without sharing
        partial = archive.with_name(f"{archive.stem}.{os.getpid()}.partial")
        self._dumping = (partial, archive)
        return [f"-XX:ArchiveClassesAtExit={partial}", *quiet]

    def properties_path(self) -> Path:
        """The server settings of this scriptkit version, written next to the log at each start: the
        copy inside the assembled folder dates from its assembly, possibly by an older version."""
        path = self.log_path.parent / "server.properties"
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_text(encoding="utf-8") != _SERVER_PROPERTIES:
            partial = path.with_name(f"server.properties.{os.getpid()}")
            partial.write_text(_SERVER_PROPERTIES, encoding="utf-8")
            partial.replace(path)  # atomic: a server starting in another process never reads half a file
        return path

    def start(self, timeout: float | None = None) -> None:
        """Start and wait for the health check (``start_timeout()`` seconds when ``timeout`` is None); a failed
        try is killed before the next port is tried."""
        timeout = start_timeout() if timeout is None else timeout
        (self.home.parent / "home").mkdir(parents=True, exist_ok=True)
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        deadline = started + timeout
        for _attempt in range(3):
            port = free_port()
            cmd = self.command(port)
            with open(self.log_path, "wb") as log:
                self.process = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                                start_new_session=True, preexec_fn=_die_with_parent())
            self.port = port
            _register(self)
            url = self.url  # poll the port this attempt uses, not the first one tried
            while time.perf_counter() < deadline:
                if self.process.poll() is not None:
                    break
                if healthy(url, timeout=2.0, direct=True):
                    self.start_seconds = time.perf_counter() - started
                    return
                time.sleep(0.1)
            log_tail = self.log_tail()
            mapped, self._mapping = self._mapping, None
            crashed = self.process.poll() is not None
            self.stop()
            if mapped is not None and crashed and time.perf_counter() < deadline:
                # A damaged class-data archive (a dump cut short) can crash the JVM as it maps it:
                # drop it and try again without; that start writes a new one.
                with contextlib.suppress(OSError):
                    mapped.unlink()
                continue
            if time.perf_counter() >= deadline:
                raise EngineUnavailable(f"the local LanguageTool server did not answer its health check within "
                                        f"{timeout:.0f}s; {self._log_said()}", hint=SETTING_HINT)
            if "Address already in use" not in log_tail and "BindException" not in log_tail:
                break
        raise EngineUnavailable(f"the local LanguageTool server exited during start-up; {self._log_said()}",
                                hint=SETTING_HINT)

    def _log_said(self) -> str:
        """The log's path and its last meaningful line, for one line of a message (not the raw tail: the CLI
        escapes its line breaks and colour codes, and the hint then ran on from its last line)."""
        last = last_meaningful_line(self.log_path)
        return f'its log {self.log_path} ends "{last}"' if last else f"its log {self.log_path} says nothing"

    def log_tail(self, lines: int = 12) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        return "\n".join(text.strip().splitlines()[-lines:])

    def rss_bytes(self) -> int:
        """Resident memory of the JVM (Linux /proc), 0 when unknown."""
        if self.process is None:
            return 0
        try:
            status = Path(f"/proc/{self.process.pid}/status").read_text()
        except OSError:
            return 0
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
        return 0

    def stop(self) -> None:
        """SIGTERM the process group, SIGKILL what is left after 5 s (20 s while it writes its
        class-data archive, which is kept only if the JVM finished it)."""
        proc, self.process = self.process, None
        dumping, self._dumping = self._dumping, None
        _unregister(self)
        if proc is None:
            return
        finished = False
        if proc.poll() is None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(20 if dumping else 5)
                finished = True
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(5)
        else:  # reap it; its group may still hold children
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)
        if dumping:
            partial, archive = dumping
            with contextlib.suppress(OSError):
                if finished and partial.stat().st_size > 0:
                    partial.replace(archive)  # atomic: a server starting meanwhile maps all of it or none
                partial.unlink(missing_ok=True)


INITIAL_HEAP_MB = 320  # a warmed-up server's heap: ~300 MB committed after the warm-up


def _jvm_identity(java: str) -> str:
    """A short name for the JVM build ``java`` runs: its real path and its libjvm's size and time
    (a JDK update changes them), so a class-data archive is never offered to another JVM."""
    real = Path(os.path.realpath(java))
    libjvm = next((p for p in (real.parent.parent / "lib" / "server" / "libjvm.so",
                               real.parent.parent / "lib" / "server" / "libjvm.dylib") if p.is_file()), real)
    info = libjvm.stat()
    return hashlib.sha256(f"{real}|{libjvm}|{info.st_size}|{info.st_mtime_ns}".encode()).hexdigest()[:16]


def _without_manifest_class_path(jar: Path, copy: Path) -> Path:
    """``copy`` of ``jar`` whose manifest has no Class-Path (made once, atomically)."""
    made = jar.stat().st_mtime_ns  # raises first when there is no jar to copy
    if copy.is_file() and copy.stat().st_mtime_ns >= made:
        return copy
    copy.parent.mkdir(parents=True, exist_ok=True)
    partial = copy.with_name(f"{copy.name}.{os.getpid()}.partial")
    with zipfile.ZipFile(jar) as src, zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "META-INF/MANIFEST.MF":
                data = re.sub(rb"(?m)^Class-Path:.*\r?\n(?: .*\r?\n)*", b"", data)
            dst.writestr(item, data)
    partial.replace(copy)
    return copy


def initial_heap(limit: str) -> str:
    """``-Xms`` for the heap limit ``limit`` (Java's size syntax, e.g. 512m): ``INITIAL_HEAP_MB``, or the
    limit when that is smaller (the JVM refuses an initial heap above its limit)."""
    size = re.fullmatch(r"(\d+)([kmgt]?)", limit.strip().lower())
    if size is None:
        return "64m"  # let the JVM judge the limit; this start is what it was before
    megabytes = int(size[1]) * {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}[size[2]] >> 20
    return f"{max(1, min(megabytes, INITIAL_HEAP_MB))}m"


def _die_with_parent() -> Any:
    """On Linux, have the kernel SIGTERM the JVM when this process dies (even on SIGKILL).

    PR_SET_PDEATHSIG fires when the *thread* that forked exits, so only the main thread uses it.
    """
    if not sys.platform.startswith("linux") or threading.current_thread() is not threading.main_thread():
        return None
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None

    def set_pdeathsig() -> None:
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG

    return set_pdeathsig


# ---------------------------------------------------------------- stop everything we started

_SERVERS: list[LocalServer] = []
_LOCK = threading.Lock()
_HANDLERS_INSTALLED = False


def _register(server: LocalServer) -> None:
    global _HANDLERS_INSTALLED
    with _LOCK:
        if server not in _SERVERS:
            _SERVERS.append(server)
        if not _HANDLERS_INSTALLED:
            _HANDLERS_INSTALLED = True
            atexit.register(stop_all)
            if threading.current_thread() is threading.main_thread():
                for sig in (signal.SIGTERM, signal.SIGHUP):
                    _chain(sig)


def _unregister(server: LocalServer) -> None:
    with _LOCK:
        if server in _SERVERS:
            _SERVERS.remove(server)


def stop_all() -> None:
    for server in list(_SERVERS):
        server.stop()


def _chain(sig: signal.Signals) -> None:
    previous = signal.getsignal(sig)

    def handler(signum: int, frame: FrameType | None) -> None:
        stop_all()
        if callable(previous):
            previous(signum, frame)
        elif previous == signal.SIG_IGN:
            return
        else:
            raise SystemExit(128 + signum)

    signal.signal(sig, handler)
