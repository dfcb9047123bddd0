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
   light requests per second the server answers (the floor of phase 3, in the same run).
2. ``heavy, flat out``: the heavy routes alone (a whole story as JSON, a story page rendered
   as HTML, ordinary searches), flat out: what the server can render.
3. ``light N/s + heavy M/s``: light requests at ``--load`` (default half) of phase 1's rate
   and heavy ones at ``--heavy-load`` (default a quarter) of phase 2's, on a schedule that
   does not wait for answers (latency counts from when a request fell due, so a server that
   falls behind is charged for the wait; "from sending" leaves out this process's own
   delays, which only an overloaded machine causes). The floor of phase 4: phases 3 and 4
   take turns in ``--rounds`` short rounds (each ``1/rounds`` of the requests and seconds),
   pooled, so that other work slowing the machine for a while slows both alike.
4. ``... + hostile``: the same schedule while ``--hostile`` more threads
   send nothing but hostile searches: the costliest queries accepted (the four broadest
   prefixes, alone and with twelve of the commonest words) and two refused at once (sixteen
   one-letter prefixes, 40 KB of one word repeated).

Target: p99 of the light routes under 100 ms in phase 4. Prints markdown tables; writes
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
# The costliest searches the server accepts: the four broadest prefixes it takes (two
# letters each), alone and with twelve of the commonest words; and two it refuses at once.
HOSTILE_QUERIES = (
    "th* co* in* re*",
    "th* co* in* re* the said court a of to in and was that for with",
    " ".join(f"{c}*" for c in "abcdefghilmnoprs"),  # sixteen one-letter prefixes: refused
    "court " * 7000,  # 42 KB: refused before it reaches the store
)


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
    """Latencies and statuses per route class, from every client thread: from when each
    request fell due, and from when it was sent (the difference is this process being late,
    which an overloaded machine causes and the server does not)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.samples: dict[str, list[float]] = {}
        self.sent: dict[str, list[float]] = {}
        self.statuses: dict[str, dict[int, int]] = {}
        self.errors: list[str] = []

    def add(self, kind: str, seconds: float, status: int, since_sent: float | None = None) -> None:
        with self.lock:
            self.samples.setdefault(kind, []).append(seconds)
            self.sent.setdefault(kind, []).append(seconds if since_sent is None else since_sent)
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
        sent = time.perf_counter()
        try:
            status = _get(conn, url)
        except (OSError, http.client.HTTPException) as exc:
            recorder.errors.append(f"{url}: {exc}")
            conn.close()
            conn = _connection(port)
            continue
        done = time.perf_counter()
        recorder.add(kind, done - (at if timed_from_due else sent), status, done - sent)
    conn.close()


def _attacker(port: int, stop: threading.Event, recorder: Recorder) -> None:
    """Hostile searches, one after another, until ``stop``. Over a bare socket, reading the
    answer without parsing it: the attack costs the server, not this process (whose clients
    would otherwise fall behind their schedule and be charged for it)."""
    queries = itertools.cycle(HOSTILE_QUERIES)
    while not stop.is_set():
        request = (
            f"GET /api/search?limit=200&q={quote(next(queries))} HTTP/1.1\r\n"
            "Host: 127.0.0.1\r\nConnection: close\r\n\r\n"
        ).encode()
        started = time.perf_counter()
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
                sock.sendall(request)
                head = sock.recv(1 << 16)
                while sock.recv(1 << 20):
                    pass
        except OSError:
            continue
        status = int(head.split(b" ", 2)[1]) if head.startswith(b"HTTP/") else 0
        recorder.add("hostile search", time.perf_counter() - started, status)


def run_phase(
    port: int,
    picks: Callable[[int], tuple[str, str]],
    clients: int,
    requests: int,
    seconds: float,
    hostile: int = 0,
    rate: float | None = None,
    recorder: Recorder | None = None,
) -> dict[str, Any]:
    """``clients`` threads send ``picks(n)`` (kind, url) until ``requests`` or ``seconds``;
    ``hostile`` threads send hostile searches meanwhile.

    Without ``rate``, each client sends its next request when its last one is answered (the
    most the server can do). With ``rate``, requests fall due at ``rate`` per second whatever
    the answers, and a request's latency counts from when it fell due. With ``recorder``,
    the answers are added to it (rounds of one phase pooled)."""
    recorder = recorder if recorder is not None else Recorder()
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
    return {**_summary(recorder, elapsed), "recorder": recorder}


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
            "p99_sent_ms": _percentile(recorder.sent[kind], 0.99) * 1000,
            "max_ms": max(samples) * 1000,
            "statuses": recorder.statuses[kind],
        }
    return {"seconds": elapsed, "classes": classes, "errors": recorder.errors[:20]}


class Routes:
    """The URLs of each route class over one store."""

    def __init__(self, ids: dict[str, list[str]]) -> None:
        self.stories = [quote(s, safe="") for s in ids["stories"]]
        self.docs = [quote(d, safe="") for d in ids["documents"]]

    def light(self, n: int) -> tuple[str, str]:
        urls = ("/api/health", "/api/stories", f"/api/documents/{self.docs[n % len(self.docs)]}")
        return "light", urls[n % len(urls)]

    def heavy(self, n: int) -> tuple[str, str]:
        story = self.stories[n % len(self.stories)]
        query = quote(ORDINARY_QUERIES[n % len(ORDINARY_QUERIES)])
        urls = (f"/api/stories/{story}", f"/stories/{story}", f"/api/search?q={query}")
        return "heavy", urls[n % len(urls)]

    def mixed(self, heavy_share: float) -> Callable[[int], tuple[str, str]]:
        """Light requests with heavy ones spread evenly among them, ``heavy_share`` of all."""

        def pick(n: int) -> tuple[str, str]:
            if int((n + 1) * heavy_share) > int(n * heavy_share):
                return self.heavy(n)
            return self.light(n)

        return pick


def _rate(result: dict[str, Any], kind: str) -> float:
    return float(result["classes"].get(kind, {}).get("per_second", 0.0))


def run_phases(port: int, routes: Routes, args: argparse.Namespace) -> dict[str, Any]:
    phases = {
        f"{kind}, flat out": {
            k: v
            for k, v in run_phase(port, picks, args.clients, args.requests, args.seconds).items()
            if k != "recorder"
        }
        for kind, picks in (("light", routes.light), ("heavy", routes.heavy))
    }
    light = _rate(phases["light, flat out"], "light") * args.load
    heavy = _rate(phases["heavy, flat out"], "heavy") * args.heavy_load
    mix = routes.mixed(heavy / (light + heavy))
    clients = max(args.clients, 16)
    name = f"light {light:.0f}/s + heavy {heavy:.0f}/s"
    # The same schedule without then with the attack, in --rounds short turns, pooled: a
    # machine that other work slows for a while slows both alike.
    pooled = {attack: (Recorder(), [0.0]) for attack in (0, args.hostile)}
    for _ in range(args.rounds):
        for attack, (recorder, elapsed) in pooled.items():
            turn = run_phase(
                port,
                mix,
                clients,
                max(1, args.requests // args.rounds),
                args.seconds / args.rounds,
                hostile=attack,
                rate=light + heavy,
                recorder=Recorder(),
            )
            elapsed[0] += turn["seconds"]
            _merge(recorder, turn["recorder"])
    for attack, (recorder, elapsed) in pooled.items():
        phases[f"{name} + hostile" if attack else name] = _summary(recorder, elapsed[0])
    return phases


def _merge(into: Recorder, part: Recorder) -> None:
    for kind, samples in part.samples.items():
        into.samples.setdefault(kind, []).extend(samples)
        into.sent.setdefault(kind, []).extend(part.sent[kind])
        counts = into.statuses.setdefault(kind, {})
        for status, n in part.statuses[kind].items():
            counts[status] = counts.get(status, 0) + n
    into.errors.extend(part.errors)


def print_tables(phases: dict[str, Any], args: argparse.Namespace, rss: list[float]) -> bool:
    """The table, and whether the target is met with every answer as expected."""
    print(
        f"## Load test (loopback; {args.clients} clients, {args.hostile} hostile search "
        f"thread(s); at most {args.requests} requests or {args.seconds:g} s per phase; "
        f"store: seeds x{args.copies})\n"
    )
    print(
        "| phase | routes | requests | req/s | p50 ms | p99 ms | p99 from sending ms | max ms "
        "| statuses |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---|")
    for phase, result in phases.items():
        for kind, row in result["classes"].items():
            print(
                f"| {phase} | {kind} | {row['requests']} | {row['per_second']:.0f} | "
                f"{row['p50_ms']:.1f} | {row['p99_ms']:.1f} | {row['p99_sent_ms']:.1f} | "
                f"{row['max_ms']:.0f} | {row['statuses']} |"
            )
    print(f"\nServer memory: {rss[0]:.0f} MB before, {rss[1]:.0f} MB after.")
    *_, floor, last = phases.values()
    light_p99 = last["classes"].get("light", {}).get("p99_ms", float("inf"))
    floor_p99 = floor["classes"].get("light", {}).get("p99_ms", 0.0)
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
        f"(target < {P99_TARGET_MS:g} ms): {'met' if ok else 'MISSED'}; "
        f"{light_p99 / floor_p99 if floor_p99 else float('inf'):.2f}x its p99 without it "
        f"({floor_p99:.1f} ms, the same schedule in the same rounds)"
    )
    if bad or errors:
        print(f"Unexpected answers: {bad} {errors[:5]}")
    return ok


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
        "--rounds", type=int, default=3, help="turns of phases 3 and 4, one after the other"
    )
    parser.add_argument(
        "--load", type=float, default=0.5, help="phase 3's light rate, share of phase 1's"
    )
    parser.add_argument(
        "--heavy-load", type=float, default=0.25, help="phase 3's heavy rate, share of phase 2's"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="dossier-load-") as tmp:
        store = Path(tmp) / "dossier.sqlite"
        routes = Routes(build_store(store, args.copies))
        server = Server(store)
        try:
            rss = [server.rss_mb()]
            phases = run_phases(server.port, routes, args)
            rss.append(server.rss_mb())
        finally:
            server.stop()
    ok = print_tables(phases, args, rss)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(
        json.dumps({"args": vars(args), "phases": phases, "rss_mb": rss, "target_met": ok}),
        encoding="utf-8",
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
