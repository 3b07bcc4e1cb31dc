"""Worker processes and signals for ingest: workers never hold the index lock and die with their parent.

The pool is started (forked, on Linux) before the parent takes the index lock, so no worker
inherits it; each worker asks the kernel to kill it when its parent dies (PR_SET_PDEATHSIG on
Linux) and, everywhere, leaves when its parent is gone.  Ctrl-C and SIGTERM become a flag the
ingest loop checks between documents, so what was done is committed before the exit.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager


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


def start_pool(workers: int) -> ProcessPoolExecutor:
    """Worker processes, started now: before the index lock is taken, so none of them holds it."""
    import multiprocessing

    context = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_worker_init, initargs=(os.getpid(),))
    pool.submit(int).result()  # with fork, the first task starts every worker
    return pool


def stop_pool(pool: ProcessPoolExecutor, wait: bool) -> None:
    """Shut the pool down, cancelling what has not started.  Without waiting (after Ctrl-C, SIGTERM
    or an error, so that the summary comes at once) the pool's manager thread is still joined
    before the interpreter's exit: concurrent.futures' own exit hook writes to a pipe that thread
    closes as it ends, and the race between the two printed a traceback (EBADF) after the summary.
    Hooks registered later run first, so this join comes before that write."""
    manager = getattr(pool, "_executor_manager_thread", None)
    pool.shutdown(wait=wait, cancel_futures=True)
    register = getattr(threading, "_register_atexit", None)
    if not wait and manager is not None and register is not None:
        register(manager.join)


def _worker_init(parent: int) -> None:
    """Worker initialiser: Ctrl-C is the parent's to handle, and the worker dies with its parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
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
