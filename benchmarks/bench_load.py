"""A bounded load test of ``dossier serve`` on loopback: requests/s and latency per route class,
with a hostile search running at the same time.

Usage::

    .venv/bin/python benchmarks/bench_load.py                        # defaults below
    .venv/bin/python benchmarks/bench_load.py --clients 8 --requests 4000 --seconds 30
    .venv/bin/python benchmarks/bench_load.py --copies 40            # a bigger store

The store holds the pipeline's output on the seed articles copied ``--copies`` times under
distinct ids (as ``bench_store_report.py`` builds it). The server is ``dossier serve`` in
its own process, on 127.0.0.1 only; ``--clients`` threads of this process send requests
over keep-alive connections. Every phase stops at ``--requests`` requests or ``--seconds``
seconds, whichever comes first.

Phases:

1. ``light, flat out``: the light routes alone (health, the story list, one document as
   JSON), each client sending its next request as soon as the last is answered: the most
   light requests per second the server answers.
2. ``mixed, flat out``: light and heavy routes (one in five: a whole story as JSON, a story
   page rendered as HTML, ordinary searches), flat out: the server's capacity for the mix,
   the floor of the next phase, measured in the same run.
3. ``mixed at N/s + hostile``: the same mix offered at ``--load`` (default half) of phase
   2's rate, on a schedule that does not wait for answers (latency counts from when a
   request was due, so a server that falls behind is charged for the wait), while
   ``--hostile`` more threads send nothing but hostile searches: the longest query
   accepted, made of the 16 most expensive prefix terms, and a 40 KB query of one word
   repeated (refused at once).

Target: p99 of the light routes under 100 ms in phase 3. Prints markdown tables; writes
``benchmarks/results/bench_load.json``; exits 1 when the target is missed or a request
failed (a hostile search answered ``400``/``503`` is the server defending itself, not a
failure).
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import os
import queue
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_store_report import copies, seed_json  # noqa: E402 (a sibling script)

RESULTS = HERE / "results" / "bench_load.json"
P99_TARGET_MS = 100.0
ORDINARY_QUERIES = ("court", "deport*", "asylum border", "lawyer said", "china camps", "zzzz")
# Sixteen one-letter prefixes: each expands to a large share of the index.
HOSTILE_QUERY = " ".join(f"{c}*" for c in "abcdefghilmnoprs")
HUGE_QUERY = "court " * 7000  # 42 KB: refused before it reaches the store


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def build_store(path: Path, n: int) -> dict[str, list[str]]:
    """The store, and the ids to request."""
    from dossier.store import Store

    corpus = copies(seed_json(), n)
    with Store(path) as store:
        store.save_corpus(corpus)
    return {
        "stories": [s.id for s in corpus.stories],
        "documents": [d.id for d in corpus.documents if d.ok],
    }


class Server:
    """``dossier serve`` in its own process, on loopback."""

    def __init__(self, store: Path) -> None:
        self.port = _free_port()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "dossier.cli",
                "serve",
                "--store",
                str(store),
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                conn.request("GET", "/api/health")
                if conn.getresponse().status == 200:
                    conn.close()
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise SystemExit("the server did not start")

    def rss_mb(self) -> float:
        try:
            for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


class Recorder:
    """Latencies and statuses per route class, from every client thread."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.samples: dict[str, list[float]] = {}
        self.statuses: dict[str, dict[int, int]] = {}
        self.errors: list[str] = []

    def add(self, kind: str, seconds: float, status: int) -> None:
        with self.lock:
            self.samples.setdefault(kind, []).append(seconds)
            counts = self.statuses.setdefault(kind, {})
            counts[status] = counts.get(status, 0) + 1


def _get(conn: http.client.HTTPConnection, url: str) -> int:
    conn.request("GET", url)
    response = conn.getresponse()
    response.read()
    return response.status


Due = queue.Queue[tuple[int, float] | None]


def _connection(port: int) -> http.client.HTTPConnection:
    return http.client.HTTPConnection("127.0.0.1", port, timeout=30)


def _client(
    port: int,
    due: Due,
    picks: Callable[[int], tuple[str, str]],
    timed_from_due: bool,
    recorder: Recorder,
) -> None:
    """Send the requests that fall due until told to stop (``None``)."""
    conn = _connection(port)
    while (item := due.get()) is not None:
        n, at = item
        kind, url = picks(n)
        started = at if timed_from_due else time.perf_counter()
        try:
            status = _get(conn, url)
        except (OSError, http.client.HTTPException) as exc:
            recorder.errors.append(f"{url}: {exc}")
            conn.close()
            conn = _connection(port)
            continue
        recorder.add(kind, time.perf_counter() - started, status)
    conn.close()


def _attacker(port: int, stop: threading.Event, recorder: Recorder) -> None:
    """Hostile searches, one after another, until ``stop``."""
    conn = _connection(port)
    queries = itertools.cycle([HOSTILE_QUERY, HOSTILE_QUERY, HUGE_QUERY])
    while not stop.is_set():
        url = "/api/search?limit=200&q=" + quote(next(queries))
        started = time.perf_counter()
        try:
            status = _get(conn, url)
        except (OSError, http.client.HTTPException):
            conn.close()
            conn = _connection(port)
            continue
        recorder.add("hostile search", time.perf_counter() - started, status)
    conn.close()


def run_phase(
    port: int,
    picks: Callable[[int], tuple[str, str]],
    clients: int,
    requests: int,
    seconds: float,
    hostile: int = 0,
    rate: float | None = None,
) -> dict[str, Any]:
    """``clients`` threads send ``picks(n)`` (kind, url) until ``requests`` or ``seconds``;
    ``hostile`` threads send hostile searches meanwhile.

    Without ``rate``, each client sends its next request when its last one is answered (the
    most the server can do). With ``rate``, requests fall due at ``rate`` per second whatever
    the answers, and a request's latency counts from when it fell due."""
    recorder = Recorder()
    stop = threading.Event()
    due: Due = queue.Queue(maxsize=0 if rate else clients)
    attackers = [
        threading.Thread(target=_attacker, args=(port, stop, recorder)) for _ in range(hostile)
    ]
    for thread in attackers:
        thread.start()
    if attackers:
        time.sleep(0.5)  # the hostile searches are running before the clients start
    workers = [
        threading.Thread(target=_client, args=(port, due, picks, bool(rate), recorder))
        for _ in range(clients)
    ]
    for thread in workers:
        thread.start()
    start = time.perf_counter()
    for n in range(requests):
        at = start + n / rate if rate else time.perf_counter()
        if at > start + seconds:
            break
        if rate and (pause := at - time.perf_counter()) > 0:
            time.sleep(pause)
        due.put((n, at))  # flat out: blocks while every client is busy
    for _ in workers:
        due.put(None)
    for thread in workers:
        thread.join()
    elapsed = time.perf_counter() - start
    stop.set()
    for thread in attackers:
        thread.join()
    return _summary(recorder, elapsed)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def _summary(recorder: Recorder, elapsed: float) -> dict[str, Any]:
    classes = {}
    for kind, samples in recorder.samples.items():
        classes[kind] = {
            "requests": len(samples),
            "per_second": len(samples) / elapsed if elapsed > 0 else 0.0,
            "p50_ms": _percentile(samples, 0.50) * 1000,
            "p99_ms": _percentile(samples, 0.99) * 1000,
            "max_ms": max(samples) * 1000,
            "statuses": recorder.statuses[kind],
        }
    return {"seconds": elapsed, "classes": classes, "errors": recorder.errors[:20]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--copies", type=int, default=20, help="copies of the seed corpus")
    parser.add_argument("--clients", type=int, default=8, help="client threads")
    parser.add_argument("--hostile", type=int, default=1, help="hostile search threads")
    parser.add_argument("--requests", type=int, default=4000, help="requests per phase")
    parser.add_argument("--seconds", type=float, default=30.0, help="time limit per phase")
    parser.add_argument(
        "--load",
        type=float,
        default=0.5,
        help="phase 3's request rate, as a share of phase 2's (default 0.5)",
    )
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="dossier-load-") as tmp:
        store = Path(tmp) / "dossier.sqlite"
        ids = build_store(store, args.copies)
        server = Server(store)
        try:
            stories = [quote(s, safe="") for s in ids["stories"]]
            docs = [quote(d, safe="") for d in ids["documents"]]
            light = [
                lambda n: "/api/health",
                lambda n: "/api/stories",
                lambda n: f"/api/documents/{docs[n % len(docs)]}",
            ]
            heavy = [
                lambda n: f"/api/stories/{stories[n % len(stories)]}",
                lambda n: f"/stories/{stories[n % len(stories)]}",
                lambda n: "/api/search?q=" + quote(ORDINARY_QUERIES[n % len(ORDINARY_QUERIES)]),
            ]

            def light_only(n: int) -> tuple[str, str]:
                return "light", light[n % len(light)](n)

            def mixed(n: int) -> tuple[str, str]:
                if n % 5 == 4:  # one request in five is heavy
                    return "heavy", heavy[(n // 5) % len(heavy)](n)
                return "light", light[n % len(light)](n)

            rss_before = server.rss_mb()
            phases = {
                "light, flat out": run_phase(
                    server.port, light_only, args.clients, args.requests, args.seconds
                ),
                "mixed, flat out": run_phase(
                    server.port, mixed, args.clients, args.requests, args.seconds
                ),
            }
            capacity = sum(c["per_second"] for c in phases["mixed, flat out"]["classes"].values())
            rate = capacity * args.load
            phases[f"mixed at {rate:.0f}/s + hostile"] = run_phase(
                server.port,
                mixed,
                max(args.clients, 16),
                args.requests,
                args.seconds,
                hostile=args.hostile,
                rate=rate,
            )
            rss_after = server.rss_mb()
        finally:
            server.stop()

    print(
        f"## Load test (loopback; {args.clients} clients, {args.hostile} hostile search "
        f"thread(s); at most {args.requests} requests or {args.seconds:g} s per phase; "
        f"store: seeds x{args.copies})\n"
    )
    print("| phase | routes | requests | req/s | p50 ms | p99 ms | max ms | statuses |")
    print("|---|---|---:|---:|---:|---:|---:|---|")
    for phase, result in phases.items():
        for kind, row in result["classes"].items():
            print(
                f"| {phase} | {kind} | {row['requests']} | {row['per_second']:.0f} | "
                f"{row['p50_ms']:.1f} | {row['p99_ms']:.1f} | {row['max_ms']:.0f} | "
                f"{row['statuses']} |"
            )
    print(f"\nServer memory: {rss_before:.0f} MB before, {rss_after:.0f} MB after.")
    light_p99 = list(phases.values())[-1]["classes"].get("light", {}).get("p99_ms", float("inf"))
    bad = [
        (phase, kind, status)
        for phase, result in phases.items()
        for kind, row in result["classes"].items()
        for status in row["statuses"]
        if status != 200 and not (kind == "hostile search" and status in (400, 503))
    ]
    errors = [e for result in phases.values() for e in result["errors"]]
    ok = light_p99 < P99_TARGET_MS and not bad and not errors
    print(
        f"Light routes' p99 with a hostile search running: {light_p99:.1f} ms "
        f"(target < {P99_TARGET_MS:g} ms): {'met' if ok else 'MISSED'}"
    )
    if bad or errors:
        print(f"Unexpected answers: {bad} {errors[:5]}")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "args": vars(args),
                "phases": phases,
                "rss_mb": [rss_before, rss_after],
                "light_p99_ms": light_p99,
                "target_met": ok,
            },
            indent=2,
        ),
        encoding="utf-8",
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
