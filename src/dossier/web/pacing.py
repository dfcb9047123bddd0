"""Heavy pages and searches wait their turn, so light requests never do.

Rendering a whole story (as JSON or as a page) takes tens of milliseconds of Python,
holding the interpreter lock; a few at once would make every light request (health, the
story list, a document) wait behind them. :func:`heavy` wraps such an endpoint: at most
``MAX_HEAVY`` run at a time, the next ``MAX_WAITING`` wait on the event loop (not in a
worker thread, which light requests need), and any more are told to come back (``503``
with ``Retry-After``).

Searches take turns too (:class:`SearchGate`), one at a time in a thread of their own, and
together keep the server busy at most ``SEARCH_SHARE`` of the time: after a search that
took ``t`` seconds the next starts ``t * (1 / share - 1)`` later at the earliest. Someone
sending the costliest searches one after another therefore costs the server a bounded share,
whatever the machine (a slower machine makes each search longer and the pause with it).
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import os
import sys
import threading
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from typing import TypeVar

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from dossier.web.errors import ApiError

MAX_HEAVY = 2
MAX_WAITING = 32
SEARCH_SHARE = 0.25  # of the time, at most, the server spends on searches
MAX_WAITING_SEARCHES = 8  # searches waiting their turn; more get 503
SEARCH_NICENESS = 19  # of the search thread: the lowest priority
MAX_SEARCH_WAIT = 3.0  # seconds: a search that would wait longer gets 503

T = TypeVar("T")

Endpoint = Callable[[Request], Response]


class HeavyGate:
    """The turns of the heavy endpoints of one app (one event loop at a time)."""

    def __init__(self, running: int = MAX_HEAVY, waiting: int = MAX_WAITING) -> None:
        self.running = running
        self.waiting = waiting
        self._queued = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._slots = asyncio.Semaphore(running)

    @asynccontextmanager
    async def turn(self) -> AsyncIterator[None]:
        loop = asyncio.get_running_loop()
        if loop is not self._loop:  # a new loop (a test client, a restart): fresh turns
            self._loop, self._slots, self._queued = loop, asyncio.Semaphore(self.running), 0
        if self._slots.locked() and self._queued >= self.waiting:
            raise ApiError(503, "the server is busy: try again", headers={"Retry-After": "1"})
        self._queued += 1
        try:
            await self._slots.acquire()
        finally:
            self._queued -= 1
        try:
            yield
        finally:
            self._slots.release()


def heavy(endpoint: Endpoint) -> Callable[[Request], object]:
    """``endpoint`` (a plain function) run in a worker thread when its turn comes."""

    async def take_turn(request: Request) -> Response:
        gate: HeavyGate = request.app.state.heavy
        async with gate.turn():
            return await run_in_threadpool(endpoint, request)

    take_turn.__name__ = getattr(endpoint, "__name__", "heavy")
    take_turn.__doc__ = endpoint.__doc__
    return take_turn


class SearchGate:
    """The turns of the searches of one app: one at a time, in their own thread (never one
    of the threads the light routes run in), at most ``share`` of the time together."""

    def __init__(
        self,
        share: float = SEARCH_SHARE,
        waiting: int = MAX_WAITING_SEARCHES,
        max_wait: float = MAX_SEARCH_WAIT,
    ) -> None:
        self.share = share
        self.waiting = waiting
        self.max_wait = max_wait
        self._pool = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="dossier-search", initializer=_lower_priority
        )
        self._loop: asyncio.AbstractEventLoop | None = None
        self._turn = asyncio.Lock()
        self._queued = 0
        self._free_at = 0.0  # loop time at which the next search may start

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

    async def run(self, fn: Callable[[], T]) -> T:
        """``fn()`` in the search thread when its turn comes (``503`` when too many wait,
        or the turn is further away than ``max_wait``)."""
        loop = asyncio.get_running_loop()
        if loop is not self._loop:  # a new loop (a test client, a restart): fresh turns
            self._loop, self._turn, self._queued, self._free_at = loop, asyncio.Lock(), 0, 0.0
        if self._queued >= self.waiting:
            raise _busy("too many searches at once: try again", 1.0)
        self._queued += 1
        try:
            async with self._turn:
                pause = self._free_at - loop.time()
                if pause > self.max_wait:
                    raise _busy("the server is busy with searches: try again", pause)
                if pause > 0:
                    await asyncio.sleep(pause)
                started = loop.time()
                try:
                    return await loop.run_in_executor(self._pool, fn)
                finally:
                    took = loop.time() - started
                    self._free_at = loop.time() + took * (1 / self.share - 1)
        finally:
            self._queued -= 1


def _lower_priority() -> None:
    """The calling thread yields the processor to the others (Linux: threads have their own
    niceness): a search waits while light requests run, not the other way round."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), SEARCH_NICENESS)


def _busy(message: str, seconds: float) -> ApiError:
    return ApiError(503, message, headers={"Retry-After": str(max(1, math.ceil(seconds)))})
