"""The embedded store: one SQLite file holding documents and stories, with full-text search.

One write connection guarded by a lock (one writer at a time); every write is
one transaction, rolled back whole on failure so what was stored stays intact.
Reads never take that lock: each thread reads through its own query-only
connection, in a read transaction (SQLite's WAL gives it a consistent snapshot
while a write goes on), so a long build or a slow search blocks nobody else.
A read may be given a time limit, after which SQLite interrupts it.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from dossier.errors import QueryTimeout, StoreError
from dossier.ingest.identity import content_id
from dossier.model import Corpus, CorrectionKind, Document, Story, StoryCorrection
from dossier.report.codec import field_types, from_plain
from dossier.store.corrections import add_correction, read_corrections
from dossier.store.history import read_builds, resolve_alias
from dossier.store.lock import writer_lock
from dossier.store.migrate import WaitFn, begin_immediate, migrate, schema_version
from dossier.store.read import read_documents, read_story
from dossier.store.reviews import Review, ReviewKind, clear_review, read_reviews, set_review
from dossier.store.search import SEARCH_SECONDS, SearchHit, SpellingCache, fts_query, run_search
from dossier.store.spellings import ExpandedQuery, SpellingIndex, entity_spellings, expand_query
from dossier.store.write import replace_corpus

log = logging.getLogger(__name__)

# SQLite virtual-machine steps between checks of a read's deadline (each check takes the
# interpreter lock from the other threads: not too often)
_PROGRESS_STEPS = 10_000


@dataclass(frozen=True, slots=True)
class StoryListing:
    """One line of the story list."""

    id: str
    title: str
    headline: str | None
    documents: int
    outlets: tuple[str, ...]
    entities: int
    events: int
    conflicts: int
    first_date: str | None
    last_date: str | None


class Store:
    """``with Store(path) as store: store.save_corpus(corpus)``.

    Opening creates the file if needed (unless ``create=False``) and applies pending
    migrations. Raises :class:`StoreError` naming the path when the file is not a Dossier
    store, is corrupt, or was written by a newer Dossier. When another process holds the
    write lock, ``on_wait`` is told (default: a logged warning) and the store waits up to
    ``timeout`` seconds for it.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        create: bool = True,
        on_wait: WaitFn | None = None,
        timeout: float = 600.0,
    ) -> None:
        self.path = Path(path)
        self.on_wait = on_wait
        self.timeout = timeout
        self._lock = threading.RLock()
        self._writers = threading.Lock()  # one update at a time in this process
        self._local = threading.local()  # this thread's read connection
        self._readers: list[sqlite3.Connection] = []
        self._closed = False
        self._write_owner: int | None = None  # the thread inside a write transaction
        self.search_seconds = SEARCH_SECONDS  # a search running longer is interrupted
        self._spellings = SpellingCache()  # the entities' spellings, read once per state
        self._probe: sqlite3.Connection | None = None  # never writes: tells of commits
        self._probe_lock = threading.Lock()
        if self.path.is_dir():
            raise StoreError(f"{self.path}: is a directory, not a store file")
        if not create and not self.path.is_file():
            raise StoreError(f"{self.path}: no such store")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(
                self.path, isolation_level=None, check_same_thread=False, timeout=timeout
            )
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"{self.path}: cannot open the store: {exc}") from exc
        self._conn = conn
        try:
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys = ON")
            _use_wal(conn)
            self.applied_migrations = migrate(
                conn,
                self.path,
                on_wait=on_wait,
                timeout=timeout,
                functions={"dossier_content_id": _content_id_sql},
            )
            # FULL: a commit is on disk before the build goes on to write its outputs.
            conn.execute("PRAGMA synchronous = FULL")
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise StoreError(f"{self.path}: not a usable Dossier store ({exc})") from exc
        except StoreError:
            conn.close()
            raise

    # -- lifecycle

    def close(self) -> None:
        with self._lock:
            self._closed = True
            for reader in self._readers:
                reader.close()
            self._readers.clear()
            with self._probe_lock:
                if self._probe is not None:
                    self._probe.close()
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _reader(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is not None:
            return conn
        with self._lock:
            if self._closed:
                raise StoreError(f"{self.path}: the store is closed")
            try:
                conn = sqlite3.connect(
                    self.path, isolation_level=None, check_same_thread=False, timeout=30
                )
                conn.row_factory = sqlite3.Row
                conn.execute("PRAGMA query_only = ON")
            except sqlite3.Error as exc:
                raise StoreError(f"{self.path}: cannot open the store to read: {exc}") from exc
            self._readers.append(conn)
        self._local.conn = conn
        return conn

    def _data_version(self) -> int:
        """A number that changes whenever any connection (in any process) commits to the
        store: SQLite's ``data_version`` on a connection of its own that never writes."""
        with self._probe_lock:
            if self._probe is None:
                try:
                    self._probe = sqlite3.connect(
                        self.path, isolation_level=None, check_same_thread=False, timeout=30
                    )
                except sqlite3.Error as exc:
                    raise StoreError(f"{self.path}: cannot open the store: {exc}") from exc
            return int(self._probe.execute("PRAGMA data_version").fetchone()[0])

    @contextmanager
    def reading(self, seconds: float | None = None) -> Iterator[sqlite3.Connection]:
        """A connection for reads, inside one read transaction (one consistent snapshot);
        interrupted after ``seconds`` when given.

        It is this thread's own read connection, so reads never wait for a write, except
        inside this thread's own write transaction, whose rows the reads then see.
        """
        if self._write_owner == threading.get_ident():
            with self._lock:
                yield self._conn
            return
        conn = self._reader()
        if seconds is not None:
            deadline = time.monotonic() + seconds
            conn.set_progress_handler(lambda: time.monotonic() > deadline, _PROGRESS_STEPS)
        try:
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                conn.execute("ROLLBACK")
        except sqlite3.OperationalError as exc:
            if seconds is not None and "interrupted" in str(exc):
                raise QueryTimeout(f"{self.path}: the query ran over {seconds:g} s") from exc
            raise StoreError(f"{self.path}: read failed: {exc}") from exc
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: read failed: {exc}") from exc
        finally:
            if seconds is not None:
                conn.set_progress_handler(None, 0)

    @contextmanager
    def writer(self) -> Iterator[None]:
        """Hold the store's writer lock (across threads and processes) for a whole update;
        reads go on meanwhile."""
        with self._writers, writer_lock(self.path, self.on_wait):
            yield

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed at the end of the block, rolled back whole
        on any error."""
        with self._lock:
            conn = self._conn
            try:
                begin_immediate(conn, self.path, self.on_wait, self.timeout)
            except sqlite3.Error as exc:
                raise StoreError(f"{self.path}: cannot start a write: {exc}") from exc
            self._write_owner = threading.get_ident()
            try:
                yield conn
            except BaseException as exc:
                conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise StoreError(
                        f"{self.path}: write failed and was rolled back: {exc}"
                    ) from exc
                raise
            else:
                try:
                    conn.execute("COMMIT")
                except sqlite3.Error as exc:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise StoreError(f"{self.path}: commit failed: {exc}") from exc
            finally:
                self._write_owner = None

    # -- writing

    def save_corpus(self, corpus: Corpus) -> None:
        """Store ``corpus``, replacing any earlier rows of the same documents and stories.

        Idempotent: saving the same corpus again leaves the same rows. Documents
        and stories of other corpora already in the store are kept. On any
        failure nothing is changed.
        """
        with self.transaction() as conn:
            replace_corpus(conn, corpus)
        log.info(
            "%s: stored %d documents, %d stories",
            self.path,
            len(corpus.documents),
            len(corpus.stories),
        )

    # -- reading

    @property
    def schema_version(self) -> int:
        with self.reading() as conn:
            return schema_version(conn)

    def load_corpus(self) -> Corpus:
        """Everything stored, as one corpus (documents and stories in stored order)."""
        with self.reading() as conn:
            return load_corpus(conn)

    def counts(self, tables: Sequence[str] | None = None) -> dict[str, int]:
        """Row counts of every table (for tests), or of ``tables`` (``/api/health`` asks
        for two, in one query: a light route does not count the whole store)."""
        with self.reading() as conn:
            names = [
                r[0]
                for r in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                    " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'documents_fts_%'"
                    " ORDER BY name"
                )
                if tables is None or r[0] in tables
            ]
            counted = ", ".join(f'(SELECT count(*) FROM "{t}")' for t in names)
            row = conn.execute(f"SELECT {counted}").fetchone() if names else ()
            return dict(zip(names, row, strict=True))

    def list_stories(self) -> list[StoryListing]:
        with self.reading() as conn:
            rows = conn.execute(
                """
                SELECT s.id, s.title,
                  (SELECT text FROM sentences
                     WHERE story_id = s.id AND kind = 'headline') AS headline,
                  (SELECT count(*) FROM story_documents WHERE story_id = s.id) AS documents,
                  (SELECT json_group_array(DISTINCT d.outlet) FROM story_documents sd
                     JOIN documents d ON d.id = sd.doc_id
                     WHERE sd.story_id = s.id AND d.outlet IS NOT NULL) AS outlets,
                  (SELECT count(*) FROM entities WHERE story_id = s.id) AS entities,
                  (SELECT count(*) FROM events WHERE story_id = s.id) AS events,
                  (SELECT count(*) FROM conflicts WHERE story_id = s.id) AS conflicts,
                  (SELECT min(date) FROM events WHERE story_id = s.id) AS first_date,
                  (SELECT max(date) FROM events WHERE story_id = s.id) AS last_date
                FROM stories s ORDER BY s.position, s.id
                """
            ).fetchall()
        return [
            StoryListing(
                id=r["id"],
                title=r["title"],
                headline=r["headline"],
                documents=r["documents"],
                outlets=tuple(sorted(json.loads(r["outlets"]))),
                entities=r["entities"],
                events=r["events"],
                conflicts=r["conflicts"],
                first_date=r["first_date"],
                last_date=r["last_date"],
            )
            for r in rows
        ]

    def get_story(self, story_id: str) -> Story | None:
        with self.reading() as conn:
            row = conn.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
            return None if row is None else read_story(conn, row)

    def story_documents(self, story_ids: Sequence[str]) -> dict[str, tuple[str, ...]]:
        """The document ids of each of ``story_ids`` (in story order)."""
        out: dict[str, list[str]] = {i: [] for i in story_ids}
        with self.reading() as conn:
            for story_id in story_ids:
                out[story_id] = [
                    r[0]
                    for r in conn.execute(
                        "SELECT doc_id FROM story_documents WHERE story_id = ? ORDER BY position",
                        (story_id,),
                    )
                ]
        return {k: tuple(v) for k, v in out.items()}

    def story_alias(self, story_id: str) -> str | None:
        """The story a gone story id now lives on in (merged or renamed), if any."""
        with self.reading() as conn:
            return resolve_alias(conn, story_id)

    def get_document(self, doc_id: str) -> Document | None:
        docs = self.get_documents([doc_id])
        return docs[0] if docs else None

    def get_documents(self, doc_ids: Sequence[str]) -> tuple[Document, ...]:
        """The stored documents among ``doc_ids``, in the order asked for."""
        with self.reading() as conn:
            found = {d.id: d for d in read_documents(conn, doc_ids)}
        return tuple(found[i] for i in doc_ids if i in found)

    def duplicates_of(self, doc_ids: Sequence[str]) -> tuple[Document, ...]:
        """The stored documents marked as duplicates of any of ``doc_ids``."""
        if not doc_ids:
            return ()
        with self.reading() as conn:
            marks = ",".join("?" * len(doc_ids))
            rows = conn.execute(
                f"SELECT id FROM documents WHERE duplicate_of IN ({marks}) ORDER BY position",
                tuple(doc_ids),
            )
            ids = [r[0] for r in rows]
        return self.get_documents(ids)

    def stories_of(self, doc_id: str) -> tuple[str, ...]:
        with self.reading() as conn:
            rows = conn.execute(
                "SELECT story_id FROM story_documents WHERE doc_id = ? ORDER BY story_id", (doc_id,)
            )
            return tuple(r[0] for r in rows)

    def stories_with_entity(self, entity_id: str) -> tuple[tuple[str, str], ...]:
        """``(story id, title)`` of every story with an entity of this id (entity ids are
        the same in every story: one person in two stories is one id)."""
        with self.reading() as conn:
            rows = conn.execute(
                "SELECT s.id, s.title FROM entities e JOIN stories s ON s.id = e.story_id"
                " WHERE e.id = ? ORDER BY s.position, s.id",
                (entity_id,),
            )
            return tuple((r[0], r[1]) for r in rows)

    def expand(self, query: str) -> ExpandedQuery:
        """``query`` as a full-text query that also matches every merged spelling of the
        entities it names (:mod:`dossier.store.spellings`)."""
        with self.reading() as conn:
            if self._write_owner == threading.get_ident():  # rows not committed yet
                return expand_query(query, entity_spellings(conn))
            index = self._spellings.get(
                self._data_version(), lambda: SpellingIndex(entity_spellings(conn))
            )
            return expand_query(query, index)

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Documents whose title or clean text contain every word of ``query`` (an entity's
        name standing for all its spellings), best first.

        Raises :class:`QueryError` for a query over the limits of :func:`fts_query` and
        :class:`QueryTimeout` when the search runs longer than ``search_seconds``.
        """
        fts_query(query)  # the limits on a query's length and words
        expanded = self.expand(query)
        if not expanded.fts:
            return []
        with self.reading(self.search_seconds) as conn:
            return run_search(conn, expanded, limit)

    # -- corrections of the grouping

    def corrections(self) -> tuple[StoryCorrection, ...]:
        """The user's merge / split / move corrections, oldest first (every build applies
        them, in this order, after grouping)."""
        with self.reading() as conn:
            return read_corrections(conn)

    def add_correction(
        self, kind: CorrectionKind, documents: Sequence[str], target: str | None = None
    ) -> StoryCorrection:
        """Record a correction (documents by id or content id, stored as content ids)."""
        with self.reading() as conn:
            keys = [_content_key(conn, d) for d in (*documents, *([target] if target else []))]
        with self.transaction() as conn:
            return add_correction(conn, kind, keys[: len(documents)], target and keys[-1])

    # -- review marks

    def reviews(self, keys: Sequence[str] | None = None) -> list[Review]:
        """Stored review marks (all, or those with the given keys), latest first."""
        with self.reading() as conn:
            return read_reviews(conn, keys)

    def set_review(self, review: Review) -> None:
        """Store a mark (replacing an earlier one on the same item); one transaction."""
        with self.transaction() as conn:
            set_review(conn, review)

    def clear_review(self, kind: ReviewKind, key: str) -> None:
        with self.transaction() as conn:
            clear_review(conn, kind, key)

    def key_names(self, story_ids: Sequence[str], per_story: int) -> dict[str, list[str]]:
        """The ``per_story`` most mentioned people and organisations of each story (a page
        of a story list), in order, ties in the story's own order; no story is loaded."""
        names: dict[str, list[str]] = {s: [] for s in story_ids}
        if not story_ids:
            return names
        with self.reading() as conn:
            rows = conn.execute(
                "SELECT e.story_id, e.name FROM entities e"
                f" WHERE e.story_id IN ({','.join('?' * len(story_ids))})"
                " AND e.type IN ('PERSON', 'ORG') ORDER BY e.story_id,"
                " (SELECT count(*) FROM mentions m WHERE m.entity_pk = e.pk) DESC, e.position",
                tuple(story_ids),
            ).fetchall()
        for story_id, name in rows:
            if len(names[story_id]) < per_story:
                names[story_id].append(name)
        return names

    def list_documents(self, status: str | None = None) -> list[tuple[str, str, str, str | None]]:
        """``(id, source, status, reason)`` of every stored document (or those with ``status``)."""
        query = "SELECT id, source, status, reason FROM documents"
        params: tuple[str, ...] = ()
        if status:
            query += " WHERE status = ?"
            params = (status,)
        with self.reading() as conn:
            rows = conn.execute(query + " ORDER BY position, id", params).fetchall()
        return [(r[0], r[1], r[2], r[3]) for r in rows]


def _content_key(conn: sqlite3.Connection, doc: str) -> str:
    """A document's content id, given its id or its content id."""
    row = conn.execute(
        "SELECT id, content_id FROM documents WHERE id = ? OR content_id = ?", (doc, doc)
    ).fetchone()
    if row is None:
        raise StoreError(f"no stored document {doc!r}")
    return str(row[1] or row[0])  # a document without a content id is named by its id


def load_corpus(conn: sqlite3.Connection) -> Corpus:
    """Everything stored (read through ``conn``, inside the caller's transaction if any)."""
    docs = read_documents(conn)
    rows = conn.execute("SELECT * FROM stories ORDER BY position, id").fetchall()
    stories = tuple(read_story(conn, row) for row in rows)
    meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    builds = read_builds(conn)
    extra = json.loads(meta.get("corpus_extra", "{}"))
    hints = field_types(Corpus)
    return Corpus(
        documents=docs,
        stories=stories,
        generated_at=meta.get("generated_at", ""),
        stage_log=tuple(json.loads(meta.get("stage_log", "[]"))),
        builds=builds,
        **{k: from_plain(hints[k], v) for k, v in extra.items() if k in hints and k != "builds"},
    )


def _content_id_sql(*args: object) -> str:
    raw, source = (str(a) if a is not None else "" for a in args)
    return content_id(raw, source)


def _use_wal(conn: sqlite3.Connection) -> None:
    """WAL lets readers go on while one process writes. Switching needs a moment alone with
    the file: another process opening it at the same time makes it retry."""
    deadline = time.monotonic() + 30
    while True:
        try:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc).lower() or time.monotonic() > deadline:
                raise
            time.sleep(0.05)
            continue
        if str(mode).lower() == "wal" or time.monotonic() > deadline:
            return
        time.sleep(0.05)
