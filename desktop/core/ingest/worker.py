"""Run a reader on untrusted bytes in a worker process, with a time and a memory limit.

A PDF or XML file from the internet can make a parser loop or allocate without end, and
PDFium is C++: a hostile file may even crash it. None of that may take the import, the window
or the library down with it. So readers run in one long-lived worker process that is reused
across files and replaced after it was killed: an import of 1000 PDFs pays one interpreter
start, not 1000. The worker caps its own address space (RLIMIT_AS); the parent waits at most
the time limit for each answer, then kills the worker. Plain text goes there too: its cleaner
is not linear on every input (see desktop.core.ingest.parse).

The worker is ``python -m desktop.core.ingest.worker`` speaking length-prefixed pickles over its
stdin/stdout, not a multiprocessing child: 'spawn' re-runs the parent's main script in the
child (a script without a ``__main__`` guard, or one read from stdin, breaks), and 'fork'
copies the window's threads and locks. A reader is a module-level function, sent to the worker
by reference (pickle sends its module and name; the worker imports it); it takes (data: bytes, source: str) and returns a Draft or raises
LetterError. This contains runaway parsers; it is no security sandbox (the worker runs as the
same user, and its answers are pickles).
"""

from __future__ import annotations

import atexit
import importlib
import itertools
import os
import pickle
import queue
import signal
import struct
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO, cast

from desktop.core.model.draft import Draft, LetterError

DEFAULT_SECONDS = 30.0
DEFAULT_MEMORY_MB = 1024
STARTUP_SECONDS = 60.0  # a cold start on a slow disk; a normal start takes 0.1 s
# One size rule. The largest Kamerstuk PDFs with annexes run to a few MB and a letter's text to
# tens of KB: a file over MAX_BYTES is something else, refused by its size before it is read
# (parse.py). Its text may have as many characters as that, which no file under the limit
# exceeds in any encoding (a character takes a byte at least), while a PDF's compressed text can.
MAX_BYTES = 20 * 1024 * 1024
MAX_TEXT_CHARS = MAX_BYTES
LIFELINE_ENV = "KAMERBRIEF_PARSER_LIFELINE"
_HEADER = struct.Struct(">Q")

Reader = Callable[..., Draft]  # (data: bytes, source: str, *extra) -> Draft
_tokens = itertools.count(1)


@dataclass(frozen=True, slots=True, eq=False)
class Kept:
    """An argument for the reader too large to send with every file: the library's words
    take a megabyte and 40 ms to pickle and unpickle at 100,000 forms, more than parsing a
    letter. Each worker process is sent it once and keeps it; later files name it."""

    value: object
    token: int = field(default_factory=lambda: next(_tokens))


@dataclass(frozen=True, slots=True)
class _KeptRef:
    token: int


@dataclass(frozen=True, slots=True)
class Limits:
    seconds: float = DEFAULT_SECONDS
    memory_mb: int = DEFAULT_MEMORY_MB

    @classmethod
    def from_env(cls) -> Limits:
        """KAMERBRIEF_PARSE_SECONDS / KAMERBRIEF_PARSE_MEMORY_MB override the defaults: for a
        slow machine, a huge legitimate file, or a test that must not wait 30 s."""
        seconds = _env_number("KAMERBRIEF_PARSE_SECONDS", DEFAULT_SECONDS)
        memory = _env_number("KAMERBRIEF_PARSE_MEMORY_MB", DEFAULT_MEMORY_MB)
        return cls(seconds, int(memory))


def _env_number(name: str, default: float) -> float:
    try:
        value = float(os.environ.get(name, default))
    except ValueError:
        return default
    return value if value > 0 else default


class ParserPool:
    """One worker process, started on first use; thread-safe (calls are serialised).
    *preload*: modules the worker imports before it is ready, so that importing a reader
    (PDFium alone takes 50 ms) never counts against a file's time limit."""

    def __init__(self, preload: tuple[str, ...] = ()) -> None:
        self._lock = threading.Lock()
        self._worker: _Worker | None = None
        self._preload = preload
        self.starts = 0  # how many worker processes were started: tests check the reuse

    def run(
        self, reader: Reader, data: bytes, source: str, limits: Limits | None = None, *extra: object
    ) -> Draft:
        """reader(data, source, *extra) in the worker: its draft, or LetterError naming
        *source* and what went wrong."""
        limits = limits or Limits.from_env()
        with self._lock:
            worker = self._send(reader, data, source, extra, limits.memory_mb)
            try:
                status, payload = worker.answer(limits.seconds)
            except TimeoutError:
                self._stop()
                raise LetterError(f"{source}: timed out after {limits.seconds:g} s") from None
            except EOFError:
                reason = worker.crash_reason(limits.memory_mb)
                self._stop()
                raise LetterError(f"{source}: {reason}") from None
            if status == "ok":
                return cast(Draft, payload)
            if status == "memory":
                self._stop()  # a worker that ran out of memory is not trusted with more
                payload = f"{source}: out of memory (limit {limits.memory_mb} MB)"
            raise LetterError(_one_line(str(payload)))

    def close(self) -> None:
        with self._lock:
            self._stop()

    def _send(
        self, reader: Reader, data: bytes, source: str, extra: tuple, memory_mb: int
    ) -> _Worker:
        for attempt in (1, 2):
            try:
                if self._worker is None or not self._worker.alive():
                    self._stop()
                    self._worker = _Worker(self._preload)
                    self.starts += 1
                worker = self._worker
                worker.send((reader, data, source, worker.shipped(extra), memory_mb))
                return worker
            except OSError:  # it died between two files: start another, once
                self._stop()
                if attempt == 2:
                    raise LetterError(f"{source}: the parser could not be started") from None
        raise AssertionError("unreachable")

    def _stop(self) -> None:
        if self._worker is not None:
            self._worker.stop()
            self._worker = None


class _Worker:
    """The parent's handle on one worker process. A thread reads its answers into a queue,
    so waiting for one can time out on every platform (select() cannot wait on a Windows
    pipe)."""

    def __init__(self, preload: tuple[str, ...]) -> None:
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(p or os.getcwd() for p in sys.path))
        lifeline, self._lifeline = os.pipe() if os.name == "posix" else (-1, -1)
        if lifeline >= 0:
            env[LIFELINE_ENV] = str(lifeline)
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "desktop.core.ingest.worker", *preload],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                env=env,
                pass_fds=(lifeline,) if lifeline >= 0 else (),
            )
        finally:
            if lifeline >= 0:
                os.close(lifeline)  # the worker's end; ours closes when this process ends
        self.kept = 0  # the token of the Kept value the process holds
        self._answers: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True, name="parser-answers").start()
        # The time limit is for parsing, not for starting Python: wait for the worker first.
        try:
            self.answer(STARTUP_SECONDS)
        except (TimeoutError, EOFError):
            self.stop()
            raise OSError("the parser process did not start") from None

    def alive(self) -> bool:
        return self.process.poll() is None

    def shipped(self, extra: tuple) -> tuple:
        """*extra* as sent: a :class:`Kept` value this process has already, by its token
        (it keeps the last one it was sent)."""
        out = []
        for arg in extra:
            if isinstance(arg, Kept):
                if arg.token == self.kept:
                    arg = _KeptRef(arg.token)
                else:
                    self.kept = arg.token
            out.append(arg)
        return tuple(out)

    def send(self, request: tuple) -> None:
        assert self.process.stdin is not None
        write_message(self.process.stdin, request)

    def answer(self, seconds: float) -> tuple[str, object]:
        try:
            answer = self._answers.get(timeout=seconds)
        except queue.Empty:
            raise TimeoutError from None
        if answer is None:
            raise EOFError
        return answer

    def _read(self) -> None:
        assert self.process.stdout is not None
        try:
            while (message := read_message(self.process.stdout)) is not None:
                self._answers.put(message)
        except (OSError, EOFError, pickle.UnpicklingError, ValueError):
            pass
        self._answers.put(None)

    def crash_reason(self, memory_mb: int) -> str:
        try:
            code = self.process.wait(5)
        except subprocess.TimeoutExpired:
            return "the parser stopped answering"
        if code < 0:
            name = signal.Signals(-code).name if -code in signal.valid_signals() else -code
            return f"the parser crashed ({name}; out of memory at {memory_mb} MB?)"
        return f"the parser stopped unexpectedly (exit status {code})"

    def stop(self) -> None:
        """Kill first, close after: closing stdout while the answer thread is blocked reading
        it would wait for that thread's buffer lock forever."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        if self._lifeline >= 0:
            os.close(self._lifeline)
            self._lifeline = -1
        for stream in (self.process.stdin, self.process.stdout):
            try:
                if stream is not None:
                    stream.close()
            except OSError:
                pass


def write_message(stream: IO[bytes], message: object) -> None:
    body = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(body)) + body)
    stream.flush()


def read_message(stream: IO[bytes]) -> object | None:
    """One message, or None at the end of the stream."""
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        return None
    (size,) = _HEADER.unpack(header)
    body = stream.read(size)
    if len(body) < size:
        return None
    return pickle.loads(body)


def _one_line(message: str, limit: int = 300) -> str:
    """Messages end up as one line of CLI output or one row in a dialog."""
    flat = " ".join(message.splitlines())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


_default: ParserPool | None = None
_default_lock = threading.Lock()


def default_pool(preload: tuple[str, ...] = ()) -> ParserPool:
    """The pool shared by every parse in this process, made on first use (with *preload*
    then), stopped at exit."""
    global _default
    with _default_lock:
        if _default is None:
            _default = ParserPool(preload)
            atexit.register(_default.close)
        return _default


# -- the worker process ----------------------------------------------------------------------


def serve(preload: list[str]) -> None:
    """The worker's loop: one request, one answer, until the parent closes the pipe. The
    protocol gets private copies of stdin/stdout; a stray print (or C library output) goes
    to stderr instead of corrupting it."""
    _watch_parent()
    for module in preload:
        importlib.import_module(module)
    requests = os.fdopen(os.dup(0), "rb")
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the parent to handle
    write_message(answers, ("ready", None))
    while (request := read_message(requests)) is not None:
        reader, data, source, extra, memory_mb = cast(
            tuple[Reader, bytes, str, tuple, int], request
        )
        _limit_memory(memory_mb)
        answer = _answer(reader, data, source, extra)
        del data, request
        write_message(answers, answer)
        if answer[0] == "memory":
            return


def _watch_parent() -> None:
    """Exit the moment the parent process is gone, even in the middle of a parse that would
    never end: the parent holds the write end of a pipe (the lifeline) that only this
    worker reads, and its end closes when the parent dies, however it dies. (Not
    PR_SET_PDEATHSIG: that fires when the parent *thread* that started the worker ends, and
    the worker outlives the import that started it.) The requests pipe cannot serve: it is
    read only between two files."""
    fd = int(os.environ.pop(LIFELINE_ENV, "-1"))
    if fd < 0:
        return

    def watch() -> None:
        while True:
            try:
                if not os.read(fd, 1):
                    break
            except InterruptedError:
                continue
            except OSError:
                break
        os._exit(0)

    threading.Thread(target=watch, daemon=True, name="lifeline").start()


_kept: dict[int, object] = {}  # in the worker: the last Kept value, by its token


def _unpacked(extra: tuple) -> tuple:
    out = []
    for arg in extra:
        if isinstance(arg, Kept):
            _kept.clear()
            _kept[arg.token] = arg.value
            arg = arg.value
        elif isinstance(arg, _KeptRef):
            arg = _kept[arg.token]
        out.append(arg)
    return tuple(out)


def _answer(reader: Reader, data: bytes, source: str, extra: tuple) -> tuple[str, object]:
    out_of_memory = False
    try:
        draft = reader(data, source, *_unpacked(extra))
        _check_size(draft, source)
        return ("ok", draft)
    except LetterError as exc:
        return ("error", str(exc))
    except MemoryError:
        out_of_memory = True  # answer outside the handler: its traceback holds the memory
    except RecursionError:
        return ("error", f"{source}: nested too deeply to read")
    except Exception as exc:  # a reader bug on odd input: refuse the file, keep importing
        return ("error", f"{source}: the reader failed ({type(exc).__name__}: {exc})")
    assert out_of_memory
    return ("memory", "")


def _check_size(draft: Draft, source: str) -> None:
    size = sum(len(b.plain()) for b in draft.blocks) + sum(len(n) for n in draft.notes.values())
    if size > MAX_TEXT_CHARS:
        raise LetterError(
            f"{source}: too much text ({size:,} characters; a letter has at most "
            f"{MAX_TEXT_CHARS:,})"
        )


def _limit_memory(memory_mb: int) -> None:
    try:
        import resource
    except ImportError:  # Windows has no rlimits; the time limit still holds there
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = memory_mb * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))


if __name__ == "__main__":
    # The module's own copy, not __main__'s: requests are unpickled with its classes (Kept).
    importlib.import_module("desktop.core.ingest.worker").serve(sys.argv[1:])
