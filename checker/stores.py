"""Where a claim index is kept: an SQLite file, or a PostgreSQL server (psycopg 3).

Both take the same statements (``?`` marks, rewritten for psycopg) and give checker.index the
same few operations: execute, executemany, a write transaction in which writers take turns,
the tables held, a schema created inside a transaction.
"""
from __future__ import annotations

import re
import sqlite3
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

WRITE_LOCK = 0x6E657773  # the class of PostgreSQL's advisory lock that writers of an index take turns on


class IndexFileError(ValueError):
    """An index that cannot be used: not an index, or written by another schema version."""


def database_errors() -> tuple[type[BaseException], ...]:
    """The errors of the stores in use: sqlite3's, files', and psycopg's once it is loaded."""
    psycopg = sys.modules.get("psycopg")
    return (sqlite3.Error, OSError, *((psycopg.Error,) if psycopg else ()))


def is_database_url(target: str) -> bool:
    """True for a PostgreSQL URL (``postgresql://user@host/db``): an index on a server."""
    return str(target).startswith(("postgresql://", "postgres://"))


def without_password(url: str) -> str:
    """A URL fit for messages."""
    return re.sub(r"^(\w+://[^:/@]+):[^@]*@", r"\1:***@", url)


class SqliteConnection:
    """The embedded store: a file (or ":memory:") in WAL mode."""

    bytewise = ""  # text compared byte by byte (codepoint order, as Python sorts): SQLite's own way

    def __init__(self, path: str) -> None:
        self.raw = sqlite3.connect(path, timeout=30)
        self.raw.execute("PRAGMA foreign_keys=ON")

    def execute(self, sql: str, params: Sequence = ()):
        return self.raw.execute(sql, params)

    def executemany(self, sql: str, rows: list[tuple]) -> None:
        self.raw.executemany(sql, rows)

    @contextmanager
    def writing(self) -> Iterator[None]:
        """A transaction that holds the file's write lock from its start (waiting up to the
        timeout for another writer's), so that what it reads before writing stays true."""
        self.raw.execute("BEGIN IMMEDIATE")
        with self.raw:  # commits, or rolls back on an error
            yield

    def tables(self) -> set[str]:
        return {r[0] for r in self.raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}

    def create(self, script: str) -> None:
        for statement in script.split(";"):  # not executescript: it would commit the transaction
            if statement.strip():
                self.raw.execute(statement)

    def opened(self) -> None:
        # Only now: the journal mode is written into the file, and a foreign one must stay as it was.
        self.raw.execute("PRAGMA journal_mode=WAL")

    def close(self) -> None:
        self.raw.close()


class PostgresConnection:
    """A newsroom's shared store on a PostgreSQL server (psycopg 3): the same schema and
    statements; reads outside a transaction, each batch of writes one transaction."""

    bytewise = ' COLLATE "C"'  # text compared byte by byte (codepoint order, as Python sorts), not by locale

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError:
            raise IndexFileError(f"{without_password(url)}: a PostgreSQL index needs psycopg "
                                 "(pip install 'psycopg[binary]')") from None
        self.raw = psycopg.connect(url, autocommit=True, connect_timeout=30)

    def execute(self, sql: str, params: Sequence = ()):
        return self.raw.execute(sql.replace("?", "%s"), params)

    def executemany(self, sql: str, rows: list[tuple]) -> None:
        with self.raw.cursor() as cursor:
            cursor.executemany(sql.replace("?", "%s"), rows)

    @contextmanager
    def writing(self) -> Iterator[None]:
        """A transaction holding the index's advisory lock: the writers of one index (one schema)
        take turns per batch, so that one never inserts a row another has not yet committed
        (a unique error), nor counts keys out of rows it cannot see."""
        with self.raw.transaction():
            self.raw.execute("SELECT pg_advisory_xact_lock(%s, hashtext(current_schema()))", (WRITE_LOCK,))
            yield

    def tables(self) -> set[str]:
        return {r[0] for r in self.raw.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")}

    def create(self, script: str) -> None:
        for statement in script.split(";"):
            if statement.strip():
                self.raw.execute(statement)

    def opened(self) -> None:
        pass

    def close(self) -> None:
        self.raw.close()
