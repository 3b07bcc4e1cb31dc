"""Worker processes and signals for ingest: workers never hold the index lock and die with their parent.

The pool is started (forked, on Linux) before the parent takes the index lock, so no worker
inherits it; each worker asks the kernel to kill it when its parent dies (PR_SET_PDEATHSIG on
Linux) and, everywhere, leaves when its parent is gone.  Ctrl-C and SIGTERM become a flag the
ingest loop checks between documents, so what was done is committed before the exit.

The pool is ours, not concurrent.futures': each worker has a pipe of its own, so a worker killed
at any moment (kill -9, the out-of-memory killer, even half-way through sending a result) costs
only the file it was reading; see Pool.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator
from multiprocessing.connection import wait as ready_among
from contextlib import contextmanager
from dataclasses import dataclass

from icpolicy.units import env_number


class Stop(threading.Event):
    """Set by Ctrl-C or SIGTERM; `by` names the signal."""

    by = ""


@contextmanager
def stop_flag():
    """Turn Ctrl-C and SIGTERM into a flag the ingest loop checks between documents (main thread only)."""
    stop = Stop()

    def handle(signum, _frame) -> None:
        stop.by = signal.Signals(signum).name
        stop.set()

    previous = {}
    try:
        for signum in (signal.SIGINT, signal.SIGTERM):
            previous[signum] = signal.signal(signum, handle)
    except ValueError:  # not the main thread: the signals keep their default behaviour
        yield stop
        return
    try:
        yield stop
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def start_pool(workers: int) -> "Pool":
    """Worker processes, started now: before the index lock is taken, so none of them holds it; a file
    still being read after FILE_SECONDS has its worker killed and is skipped."""
    return Pool(workers, FILE_SECONDS)


def stop_pool(pool: "Pool", wait: bool) -> None:
    """Let the workers go: after their tasks, or (after Ctrl-C, SIGTERM or an error, so that the
    summary comes at once) at once, their files' outcomes not wanted."""
    pool.close(wait)


FILE_SECONDS = env_number("ICPOLICY_FILE_SECONDS", 600, above=True)


@dataclass(frozen=True)
class WorkerFailed:
    """What a task gives when its worker died under it (killed, out of memory), the call raised,
    or it ran past the pool's time limit (the worker was then killed)."""

    why: str
    timed_out: bool = False

    def reason(self, again: str) -> str:
        """The skip reason a user reads; again: what to run for the file (e.g. "run ingest again")."""
        if self.timed_out:
            return (f"still being read after {self.why}, so it was stopped (a damaged or pathological file?); "
                    f"set ICPOLICY_FILE_SECONDS to allow longer")
        return f"worker process failed ({self.why}); {again} for this file"


UNSTARTED = object()  # the outcome of a task whose worker died before it began: it is handed out again


class Pool:
    """Worker processes, each with a pipe of its own to the parent.

    concurrent.futures' pool shares one result queue between its workers: a worker killed while
    writing a result (kill -9, the out-of-memory killer) left half a message in it and its lock
    held, and the pool's manager thread waited for the rest for ever (ingest hung).  Here a worker
    that dies costs the task it was running (WorkerFailed); the one it held next comes back as
    UNSTARTED, and the other workers go on.  A task running longer than `limit` seconds has its
    worker killed the same way (a reader stuck on a pathological file must not stop the batch).
    Tasks go to the least busy live worker, PREFETCH at a time, so a worker has its next file
    while the parent stores the last one.  Dead workers are not replaced: the parent holds the
    index lock by then, and a process forked now would hold it too.
    """

    PREFETCH = 2

    def __init__(self, size: int, limit: float | None = None) -> None:
        import multiprocessing

        context = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else multiprocessing.get_context()
        self.limit = limit
        self._workers: list[_Worker] = []
        try:
            for _ in range(size):
                ours, theirs = context.Pipe()
                process = context.Process(target=_serve, args=(theirs, os.getpid()), daemon=True)
                process.start()
                theirs.close()  # before the next fork: a dead worker's pipe then ends (EOF) here
                self._workers.append(_Worker(process, ours))
        except BaseException:
            self.close(wait=False)
            raise

    @property
    def live(self) -> int:
        return len(self._workers)

    @property
    def busy(self) -> int:
        return sum(len(w.keys) for w in self._workers)

    def free(self) -> bool:
        return any(len(w.keys) < self.PREFETCH for w in self._workers)

    def submit(self, key, fn, *args) -> None:
        """Hand fn(*args) to the least busy live worker (free() must be true); its outcome comes back under key."""
        worker = min(self._workers, key=lambda w: len(w.keys))
        if not worker.keys:
            worker.since = time.monotonic()
        worker.keys.append(key)
        try:
            worker.conn.send((fn, args))
        except (OSError, ValueError):  # the worker is dead: finished() reports its tasks
            pass

    def finished(self, timeout: float) -> list[tuple[object, object]]:
        """(key, outcome) of the tasks that ended within timeout seconds: fn's value, WorkerFailed, or UNSTARTED."""
        busy = [w for w in self._workers if w.keys]
        if not busy:
            return []
        if self.limit is not None:
            timeout = max(0.0, min(timeout, min(w.since for w in busy) + self.limit - time.monotonic()))
        ready = set(ready_among([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout))
        done = []
        for worker in busy:
            if worker.conn in ready or worker.process.sentinel in ready:
                done.extend(self._collect(worker, worker.conn in ready))
            elif self.limit is not None and time.monotonic() - worker.since > self.limit:
                worker.process.kill()
                done.extend(self._bury(worker, WorkerFailed(f"{self.limit:g} s", timed_out=True)))
        return done

    def _collect(self, worker: _Worker, readable: bool) -> list[tuple[object, object]]:
        try:
            if not readable and not worker.conn.poll(0):
                raise EOFError  # the process ended with nothing more to say
            ok, value = worker.conn.recv()
        except (EOFError, OSError):  # died, perhaps half-way through a message
            return self._bury(worker, WorkerFailed(_death(worker.process)))
        worker.since = time.monotonic()
        return [(worker.keys.popleft(), value if ok else WorkerFailed(value))]

    def _bury(self, worker: _Worker, failed: WorkerFailed) -> list[tuple[object, object]]:
        """A dead worker's tasks: the one it was running failed, the rest were not begun."""
        worker.process.join(5)
        self._workers.remove(worker)
        worker.conn.close()
        return [(worker.keys[0], failed)] + [(key, UNSTARTED) for key in list(worker.keys)[1:]]

    def close(self, wait: bool) -> None:
        """Let the workers go: after their tasks (wait), or at once (their tasks' outcomes are not wanted)."""
        for worker in self._workers:
            try:
                if wait and not worker.keys:
                    worker.conn.send(None)
                else:
                    worker.process.terminate()
            except (OSError, ValueError):
                pass
        for worker in self._workers:
            worker.process.join(5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(5)
            worker.conn.close()
        self._workers = []


def outcomes(pool: Pool | None, fn, items: list, args: tuple = (), stop: threading.Event | None = None) -> Iterator[tuple[object, object]]:
    """(item, fn(item, *args)) for each item, computed in the pool's workers and given in the order they finish
    (WorkerFailed for an item whose worker died under it or ran out of time); without a pool, or once every worker
    is dead, the items not handed out are computed here, one after the other (with no time limit).  Ends early,
    within half a second, once stop is set."""
    queue = list(reversed(items))
    stopped = lambda: stop is not None and stop.is_set()  # noqa: E731
    while pool is not None and pool.live and (queue or pool.busy) and not stopped():
        while queue and pool.free():
            item = queue.pop()
            pool.submit(item, fn, item, *args)
        for item, outcome in pool.finished(timeout=0.5):
            if outcome is UNSTARTED:
                queue.append(item)
            else:
                yield item, outcome
    while queue and not stopped():
        item = queue.pop()
        yield item, fn(item, *args)


class _Worker:
    def __init__(self, process, conn) -> None:
        self.process, self.conn, self.keys, self.since = process, conn, deque(), time.monotonic()


def _death(process) -> str:
    """Why a worker is gone, for the file it was reading: "killed by SIGKILL", "exit 1"."""
    process.join(1)
    code = process.exitcode
    if code is None or code >= 0:
        return "ended" if code is None else f"exit {code}"
    try:
        return f"killed by {signal.Signals(-code).name}"
    except ValueError:
        return f"killed by signal {-code}"


def _serve(conn, parent: int) -> None:
    """A worker: calls what the parent sends, one at a time, and sends back (ok, value) until told to stop."""
    _worker_init(parent)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        fn, args = task
        try:
            reply = (True, fn(*args))
        except Exception as exc:
            reply = (False, type(exc).__name__)
        try:
            conn.send(reply)
        except (OSError, ValueError):
            return
        except Exception as exc:  # the value does not pickle
            conn.send((False, type(exc).__name__))


def _terminated(_signum, _frame) -> None:
    raise SystemExit(128 + signal.SIGTERM)


def _worker_init(parent: int) -> None:
    """Worker initialiser: Ctrl-C is the parent's to handle, and the worker dies with its parent.  SIGTERM
    (the parent ending it at once) exits through Python, so its temporary folders (a LibreOffice
    conversion's copy of a document) are removed on the way out."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _terminated)
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(0)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    """Where PR_SET_PDEATHSIG is missing: leave when the parent is gone (the worker is re-parented)."""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(0)
