"""Heavy pages wait their turn, so light requests never do.

Rendering a whole story (as JSON or as a page) takes tens of milliseconds of Python,
holding the interpreter lock; a few at once would make every light request (health, the
story list, a document) wait behind them. :func:`heavy` wraps such an endpoint: at most
``MAX_HEAVY`` run at a time, the next ``MAX_WAITING`` wait on the event loop (not in a
worker thread, which light requests need), and any more are told to come back (``503``
with ``Retry-After``).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from dossier.web.errors import ApiError

MAX_HEAVY = 2
MAX_WAITING = 32

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
