"""Covenant decisions from Python, through libcovenant (include/covenant.h) with ctypes.

A `Table` is loaded once (its SHA-256 and every index are checked) and is then safe to use from
any number of threads: each call decides with its own memory, and ctypes releases the GIL
while the library decides.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import datetime
import json
import os
import threading
from pathlib import Path
from typing import Any, Mapping, Optional, Sequence, Union

__all__ = [
    "ABI_VERSION", "CovenantError", "TableError", "QueryError", "Table", "ResolvedQuery",
    "abi_version", "version", "MISSING",
]

#: The interface this binding was written for (COVENANT_ABI_VERSION in covenant.h).
ABI_VERSION = 1
#: A fact that is not known (COVENANT_MISSING).
MISSING = -(2**63)

_OK, _ARGUMENT, _IO, _TABLE, _QUERY = 0, 1, 2, 3, 4
_PARTY, _CATEGORY, _PURPOSE, _FACT = 0, 1, 2, 3


class CovenantError(Exception):
    """A call the library refused. `kind` is stable (for programs); `message` is for people."""

    def __init__(self, message: str, kind: str, status: int):
        super().__init__(message)
        self.message = message
        self.kind = kind
        self.status = status


class TableError(CovenantError):
    """The table cannot be loaded: unreadable, not a table, damaged, or failing its checks."""


class QueryError(CovenantError):
    """The query cannot be decided (an unknown name, a value out of range, malformed JSON...).
    `id` is the query's own `id` when it had one."""

    def __init__(self, message: str, kind: str, status: int, id: Any = None):
        super().__init__(message, kind, status)
        self.id = id


class _Query(ctypes.Structure):
    _fields_ = [
        ("sender", ctypes.c_int32), ("recipient", ctypes.c_int32), ("category", ctypes.c_int32),
        ("purpose", ctypes.c_int32), ("facts", ctypes.POINTER(ctypes.c_int64)),
        ("fact_count", ctypes.c_size_t), ("date", ctypes.c_int32),
    ]


def _load_library() -> ctypes.CDLL:
    here = Path(__file__).resolve().parent
    candidates = []
    if os.environ.get("COVENANT_LIBRARY"):
        candidates.append(os.environ["COVENANT_LIBRARY"])
    candidates += [str(here / "libcovenant.so"), str(here / "libcovenant.dylib")]
    found = ctypes.util.find_library("covenant")
    if found:
        candidates.append(found)
    tried = []
    for path in candidates:
        if path.startswith("/") and not os.path.exists(path):
            tried.append(path)
            continue
        try:
            lib = ctypes.CDLL(path)
        except OSError as error:
            tried.append(f"{path} ({error})")
            continue
        return _declare(lib)
    raise ImportError(
        "covenant: libcovenant not found; build it (swift build -c release --product covenant) and "
        "reinstall, or set COVENANT_LIBRARY to its path. Tried: " + "; ".join(tried))


def _declare(lib: ctypes.CDLL) -> ctypes.CDLL:
    c = ctypes
    out = c.POINTER(c.c_void_p)
    lib.covenant_abi_version.restype = c.c_uint32
    lib.covenant_abi_version.argtypes = []
    lib.covenant_version.restype = c.c_char_p
    lib.covenant_version.argtypes = []
    lib.covenant_table_load.restype = c.c_int32
    lib.covenant_table_load.argtypes = [c.c_char_p, c.c_size_t, c.c_char_p, c.POINTER(c.c_void_p), out]
    lib.covenant_table_open.restype = c.c_int32
    lib.covenant_table_open.argtypes = [c.c_char_p, c.c_char_p, c.POINTER(c.c_void_p), out]
    lib.covenant_table_free.restype = None
    lib.covenant_table_free.argtypes = [c.c_void_p]
    lib.covenant_table_info.restype = c.c_void_p
    lib.covenant_table_info.argtypes = [c.c_void_p]
    lib.covenant_lookup.restype = c.c_int32
    lib.covenant_lookup.argtypes = [c.c_void_p, c.c_int32, c.c_char_p]
    lib.covenant_decide_json.restype = c.c_int32
    lib.covenant_decide_json.argtypes = [c.c_void_p, c.c_char_p, c.c_size_t, c.c_char_p, c.c_char_p, out]
    lib.covenant_table_check_source.restype = c.c_int32
    lib.covenant_table_check_source.argtypes = [c.c_void_p, c.c_char_p, c.c_size_t, c.c_char_p, out]
    lib.covenant_resolve.restype = c.c_int32
    lib.covenant_resolve.argtypes = [c.c_void_p, c.c_char_p, c.c_size_t, c.c_char_p, c.c_char_p,
                                     c.POINTER(_Query), c.POINTER(c.c_int64), c.c_size_t, out]
    lib.covenant_decide.restype = c.c_int32
    lib.covenant_decide.argtypes = [c.c_void_p, c.POINTER(_Query), c.c_char_p, c.POINTER(c.c_int32), out]
    lib.covenant_free.restype = None
    lib.covenant_free.argtypes = [c.c_void_p]
    if lib.covenant_abi_version() != ABI_VERSION:
        raise ImportError(
            f"covenant: libcovenant has ABI {lib.covenant_abi_version()}, this binding needs {ABI_VERSION}")
    return lib


_lib = _load_library()


def abi_version() -> int:
    """COVENANT_ABI_VERSION of the loaded library."""
    return int(_lib.covenant_abi_version())


def version() -> str:
    """The library's version, e.g. "0.2.0"."""
    return _lib.covenant_version().decode()


def _take(pointer: ctypes.c_void_p) -> Optional[str]:
    """The library's string as Python text; the library's memory is released."""
    if not pointer.value:
        return None
    try:
        return ctypes.string_at(pointer.value).decode("utf-8")
    finally:
        _lib.covenant_free(pointer.value)


def _encode(text: Optional[str]) -> Optional[bytes]:
    return None if text is None else text.encode("utf-8")


Day = Union[None, str, datetime.date]


def _date_text(day: Day) -> Optional[bytes]:
    """A day as the library reads it: "YYYY-MM-DD", or None for today in the Netherlands."""
    if day is None:
        return None
    if isinstance(day, datetime.date):
        return day.isoformat()[:10].encode()
    if isinstance(day, str):
        return day.encode("utf-8")
    raise TypeError(f"covenant: a date is a str 'YYYY-MM-DD', a datetime.date or None, not {type(day).__name__}")


def _date_number(day: Union[Day, int]) -> int:
    """A day as covenant_query has it: YYYYMMDD, or 0 for today."""
    if day is None or day == 0:
        return 0
    if isinstance(day, bool):
        raise TypeError("covenant: a date is not a bool")
    if isinstance(day, int):
        return day
    if isinstance(day, datetime.date):
        return day.year * 10_000 + day.month * 100 + day.day
    if isinstance(day, str) and len(day) == 10 and day[4] == "-" and day[7] == "-" and (day[:4] + day[5:7] + day[8:]).isdigit():
        return int(day[:4] + day[5:7] + day[8:])
    raise QueryError(f"{day!r} is not a date: write YYYY-MM-DD", "badDate", _ARGUMENT)


def _failure(text: Optional[str], status: int, error: type = CovenantError) -> CovenantError:
    body = json.loads(text) if text else {"error": f"status {status}", "kind": "unknown"}
    if error is QueryError:
        return QueryError(body["error"], body["kind"], status, body.get("id"))
    return error(body["error"], body["kind"], status)


class ResolvedQuery:
    """A query by index, resolved once and decided as often as needed (`Table.decide_resolved`).
    Made by `Table.resolve`, or by hand: indices as `Table.info` lists them, one value per fact
    (`MISSING` when not known), the date as YYYYMMDD (or a date; 0 for today). A number that
    does not even fit the C types is refused here (QueryError), never cut to fit."""

    __slots__ = ("_query", "_facts")

    def __init__(self, sender: int, recipient: int, category: int, purpose: int, facts: Sequence[int],
                 date: Union[int, Day] = 0):
        def index(value, kind):
            if isinstance(value, bool) or not isinstance(value, int) or not -2**31 <= value < 2**31:
                raise QueryError(f"{value!r} is not an index of this table", kind, _QUERY)
            return value

        indices = (index(sender, "partyOutOfRange"), index(recipient, "partyOutOfRange"),
                   index(category, "categoryOutOfRange"), index(purpose, "purposeOutOfRange"))
        values = list(facts)
        for value in values:
            if isinstance(value, bool) or not isinstance(value, int) or not -2**63 <= value < 2**63:
                raise QueryError(f"{value!r} does not fit a fact of this table", "valueDoesNotFit", _QUERY)
        day = _date_number(date)
        if not 0 <= day < 2**31:
            raise QueryError(f"{day} is not a date: give YYYYMMDD", "badDate", _QUERY)
        self._facts = (ctypes.c_int64 * max(1, len(values)))(*values)
        self._query = _Query(*indices, self._facts, len(values), day)

    @classmethod
    def _filled(cls, query: "_Query", facts) -> "ResolvedQuery":
        made = cls.__new__(cls)
        made._facts = facts
        made._query = query
        made._query.facts = facts
        return made


class Table:
    """A decision table written by `covenantc compile`, checked and loaded."""

    def __init__(self, handle: int):
        self._handle = ctypes.c_void_p(handle)
        # Calls in flight, so that close() never frees the table under another thread's call.
        self._guard = threading.Lock()
        self._calls = 0
        self._closing = False
        info = _take(ctypes.c_void_p(_lib.covenant_table_info(self._handle)))
        self.info: dict = json.loads(info)

    @classmethod
    def open(cls, path: Union[str, os.PathLike], language: Optional[str] = None,
             source: Union[None, str, os.PathLike, bytes] = None) -> "Table":
        """Loads a table file. Raises TableError (kind: cannotRead, integrity, reformatted,
        notATable...). With `source` (the covenant's path, or its bytes), also refuses a table
        that was not compiled from that text as it is now (kind otherSource). `language` is that
        of the error messages ("en" or "nl")."""
        handle, error = ctypes.c_void_p(), ctypes.c_void_p()
        status = _lib.covenant_table_open(os.fsencode(path), _encode(language), ctypes.byref(handle),
                                          ctypes.byref(error))
        if status != _OK:
            raise _failure(_take(error), status, TableError if status in (_IO, _TABLE) else CovenantError)
        table = cls(handle.value)
        if source is not None:
            try:
                table.check_source(source, language)
            except CovenantError:
                table.close()
                raise
        return table

    @classmethod
    def from_bytes(cls, data: Union[bytes, bytearray, memoryview], language: Optional[str] = None) -> "Table":
        """Loads a table from the bytes of a table file."""
        data = bytes(data)
        handle, error = ctypes.c_void_p(), ctypes.c_void_p()
        status = _lib.covenant_table_load(data, len(data), _encode(language), ctypes.byref(handle),
                                          ctypes.byref(error))
        if status != _OK:
            raise _failure(_take(error), status, TableError if status in (_IO, _TABLE) else CovenantError)
        return cls(handle.value)

    def close(self) -> None:
        """Releases the table: now, or when the last call other threads have in flight returns.
        Calls after close raise CovenantError (kind "closed")."""
        with self._guard:
            if self._closing:
                return
            self._closing = True
            if self._calls:
                return
        self._free()

    def _free(self) -> None:
        handle, self._handle = self._handle, ctypes.c_void_p()
        if handle.value:
            _lib.covenant_table_free(handle)

    def __del__(self):
        if getattr(self, "_handle", None) is not None and _lib is not None and self._handle.value:
            self._free()

    def __enter__(self) -> "Table":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _call(self, function, *arguments):
        """Calls the library with this table, counted, so close() waits for it."""
        with self._guard:
            if self._closing:
                raise CovenantError("covenant: the table is closed", "closed", _ARGUMENT)
            self._calls += 1
        try:
            return function(self._handle, *arguments)
        finally:
            with self._guard:
                self._calls -= 1
                last = self._closing and self._calls == 0
            if last:
                self._free()

    @property
    def sha256(self) -> str:
        return self.info["sha256"]

    @property
    def language(self) -> str:
        return self.info["language"]

    @property
    def parties(self) -> list:
        return list(self.info["parties"])

    @property
    def categories(self) -> list:
        return list(self.info["categories"])

    @property
    def purposes(self) -> list:
        return list(self.info["purposes"])

    @property
    def facts(self) -> list:
        return [dict(f) for f in self.info["facts"]]

    def check_source(self, source: Union[str, os.PathLike, bytes], language: Optional[str] = None) -> None:
        """Raises TableError (kind otherSource) unless the table was compiled from exactly this
        covenant text (a path, or the file's bytes)."""
        data = bytes(source) if isinstance(source, (bytes, bytearray, memoryview)) else open(source, "rb").read()
        error = ctypes.c_void_p()
        status = self._call(_lib.covenant_table_check_source, data, len(data), _encode(language), ctypes.byref(error))
        if status != _OK:
            raise _failure(_take(error), status, TableError if status == _TABLE else CovenantError)

    def answer(self, line: Union[str, bytes], date: Day = None, language: Optional[str] = None) -> str:
        """Answers one wire line exactly as `covenantc eval` does: the decision or the error line,
        as text without a newline. date: "YYYY-MM-DD" or a datetime.date for a query without
        "at" (None: today in the Netherlands); language: "en", "nl" or None (the covenant's).
        Raises CovenantError only for a wrong argument (a bad date or language)."""
        data = line.encode("utf-8") if isinstance(line, str) else bytes(line)
        answer = ctypes.c_void_p()
        status = self._call(_lib.covenant_decide_json, data, len(data), _date_text(date), _encode(language),
                            ctypes.byref(answer))
        text = _take(answer)
        if status not in (_OK, _QUERY):
            raise _failure(text, status)
        return text

    def decide(self, query: Union[Mapping[str, Any], str], date: Day = None,
               language: Optional[str] = None) -> dict:
        """Decides a query (a dict in the wire format, or its JSON text) and returns the decision
        as a dict; raises QueryError when it cannot be decided, CovenantError for a wrong
        argument (a bad date or language)."""
        line = query if isinstance(query, str) else json.dumps(query, ensure_ascii=False)
        data = line.encode("utf-8")
        answer = ctypes.c_void_p()
        status = self._call(_lib.covenant_decide_json, data, len(data), _date_text(date), _encode(language),
                            ctypes.byref(answer))
        text = _take(answer)
        if status == _OK:
            return json.loads(text)
        raise _failure(text, status, QueryError if status == _QUERY else CovenantError)

    def index(self, kind: str, name: str) -> int:
        """The index of a party, category, purpose or fact; raises KeyError when there is none."""
        kinds = {"party": _PARTY, "category": _CATEGORY, "purpose": _PURPOSE, "fact": _FACT}
        found = self._call(_lib.covenant_lookup, kinds[kind], name.encode("utf-8"))
        if found < 0:
            raise KeyError(f"{kind} {name!r}")
        return found

    def resolve(self, sender: Union[str, Mapping[str, Any]], recipient: Optional[str] = None,
                share: Optional[str] = None, purpose: Optional[str] = None,
                facts: Optional[Mapping[str, Union[bool, int, str]]] = None, date: Union[Day, int] = None,
                language: Optional[str] = None) -> ResolvedQuery:
        """Resolves a query once for `decide_resolved`: `resolve("ggz", "dorpsteam", "health",
        "support", {"consent": "given"})`, or `resolve(query_dict)`. Names, fact values, defaults
        and the date are read exactly as the wire format reads them (the library resolves it);
        raises QueryError as `decide` would."""
        if isinstance(sender, Mapping):
            query = dict(sender)
        else:
            query = {"from": sender, "to": recipient, "share": share, "for": purpose}
            if facts:
                query["facts"] = dict(facts)
        if isinstance(date, int) and not isinstance(date, bool) and date != 0:
            date = f"{date // 10_000:04d}-{date // 100 % 100:02d}-{date % 100:02d}"
        data = json.dumps(query, ensure_ascii=False).encode("utf-8")
        count = len(self.info["facts"])
        values = (ctypes.c_int64 * max(1, count))()
        resolved, error = _Query(), ctypes.c_void_p()
        status = self._call(_lib.covenant_resolve, data, len(data), _date_text(date or None), _encode(language),
                            ctypes.byref(resolved), values, count, ctypes.byref(error))
        if status != _OK:
            raise _failure(_take(error), status, QueryError if status == _QUERY else CovenantError)
        return ResolvedQuery._filled(resolved, values)

    def decide_resolved(self, query: ResolvedQuery) -> bool:
        """The fast path: True for a permit, False for a deny. A query that does not fit the table
        raises QueryError (it would be a deny)."""
        effect = ctypes.c_int32(0)
        status = self._call(_lib.covenant_decide, ctypes.byref(query._query), None, ctypes.byref(effect), None)
        if status != _OK:
            error = ctypes.c_void_p()
            self._call(_lib.covenant_decide, ctypes.byref(query._query), None, ctypes.byref(effect),
                       ctypes.byref(error))
            raise _failure(_take(error), status, QueryError if status == _QUERY else CovenantError)
        return effect.value == 1

    def decision_resolved(self, query: ResolvedQuery, language: Optional[str] = None) -> dict:
        """The whole decision of a resolved query, as a dict."""
        effect, decision = ctypes.c_int32(0), ctypes.c_void_p()
        status = self._call(_lib.covenant_decide, ctypes.byref(query._query), _encode(language),
                            ctypes.byref(effect), ctypes.byref(decision))
        text = _take(decision)
        if status != _OK:
            raise _failure(text, status, QueryError if status == _QUERY else CovenantError)
        return json.loads(text)
