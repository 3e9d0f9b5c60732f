"""Covenant decisions from Python, through libcovenant (include/covenant.h) with ctypes.

A `Table` is loaded once (its SHA-256 and every index are checked) and is then safe to use from
any number of threads: each call decides with its own memory, and ctypes releases the GIL
while the library decides.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import json
import os
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


def _failure(text: Optional[str], status: int, error: type = CovenantError) -> CovenantError:
    body = json.loads(text) if text else {"error": f"status {status}", "kind": "unknown"}
    if error is QueryError:
        return QueryError(body["error"], body["kind"], status, body.get("id"))
    return error(body["error"], body["kind"], status)


class ResolvedQuery:
    """A query by index, resolved once and decided as often as needed (`Table.decide_resolved`).
    Facts: one value per fact of the table (see `Table.facts`), `MISSING` when not known."""

    __slots__ = ("_query", "_facts")

    def __init__(self, sender: int, recipient: int, category: int, purpose: int, facts: Sequence[int],
                 date: int = 0):
        self._facts = (ctypes.c_int64 * max(1, len(facts)))(*facts)
        self._query = _Query(sender, recipient, category, purpose, self._facts, len(facts), date)


class Table:
    """A decision table written by `covenantc compile`, checked and loaded."""

    def __init__(self, handle: int):
        self._handle = ctypes.c_void_p(handle)
        info = _take(ctypes.c_void_p(_lib.covenant_table_info(self._handle)))
        self.info: dict = json.loads(info)
        self._fact_index = {f["id"]: i for i, f in enumerate(self.info["facts"])}

    @classmethod
    def open(cls, path: Union[str, os.PathLike], language: Optional[str] = None) -> "Table":
        """Loads a table file. Raises TableError (kind: cannotRead, integrity, notATable...)."""
        handle, error = ctypes.c_void_p(), ctypes.c_void_p()
        status = _lib.covenant_table_open(os.fsencode(path), _encode(language), ctypes.byref(handle),
                                          ctypes.byref(error))
        if status != _OK:
            raise _failure(_take(error), status, TableError if status in (_IO, _TABLE) else CovenantError)
        return cls(handle.value)

    @classmethod
    def from_bytes(cls, data: bytes, language: Optional[str] = None) -> "Table":
        """Loads a table from the bytes of a table file."""
        handle, error = ctypes.c_void_p(), ctypes.c_void_p()
        status = _lib.covenant_table_load(data, len(data), _encode(language), ctypes.byref(handle),
                                          ctypes.byref(error))
        if status != _OK:
            raise _failure(_take(error), status, TableError if status in (_IO, _TABLE) else CovenantError)
        return cls(handle.value)

    def close(self) -> None:
        """Releases the table now (else when it is garbage collected)."""
        if self._handle.value:
            _lib.covenant_table_free(self._handle)
            self._handle = ctypes.c_void_p()

    def __del__(self):
        if getattr(self, "_handle", None) is not None and _lib is not None:
            self.close()

    def __enter__(self) -> "Table":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _live(self) -> ctypes.c_void_p:
        if not self._handle.value:
            raise ValueError("covenant: the table is closed")
        return self._handle

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

    def answer(self, line: Union[str, bytes], date: Optional[str] = None, language: Optional[str] = None) -> str:
        """Answers one wire line exactly as `covenantc eval` does: the decision or the error line,
        as text without a newline. date: "YYYY-MM-DD" for a query without "at" (None: today in
        the Netherlands); language: "en", "nl" or None (the covenant's)."""
        data = line.encode("utf-8") if isinstance(line, str) else bytes(line)
        answer = ctypes.c_void_p()
        status = _lib.covenant_decide_json(self._live(), data, len(data), _encode(date), _encode(language),
                                           ctypes.byref(answer))
        text = _take(answer)
        if status not in (_OK, _QUERY):
            raise _failure(text, status)
        return text

    def decide(self, query: Union[Mapping[str, Any], str], date: Optional[str] = None,
               language: Optional[str] = None) -> dict:
        """Decides a query (a dict in the wire format, or its JSON text) and returns the decision
        as a dict; raises QueryError when it cannot be decided."""
        line = query if isinstance(query, str) else json.dumps(query, ensure_ascii=False)
        data = line.encode("utf-8")
        answer = ctypes.c_void_p()
        status = _lib.covenant_decide_json(self._live(), data, len(data), _encode(date), _encode(language),
                                           ctypes.byref(answer))
        text = _take(answer)
        if status == _OK:
            return json.loads(text)
        raise _failure(text, status, QueryError if status == _QUERY else CovenantError)

    def index(self, kind: str, name: str) -> int:
        """The index of a party, category, purpose or fact; raises KeyError when there is none."""
        kinds = {"party": _PARTY, "category": _CATEGORY, "purpose": _PURPOSE, "fact": _FACT}
        found = _lib.covenant_lookup(self._live(), kinds[kind], name.encode("utf-8"))
        if found < 0:
            raise KeyError(f"{kind} {name!r}")
        return found

    def resolve(self, sender: str, recipient: str, share: str, purpose: str,
                facts: Optional[Mapping[str, Union[bool, int, str]]] = None, date: int = 0) -> ResolvedQuery:
        """Resolves names once for `decide_resolved`: fact values as the wire gives them (a bool,
        an int, or an enumeration value's name); a fact not given takes its default, else is MISSING,
        as in the wire format; date YYYYMMDD or 0
        for today in the Netherlands."""
        values = [MISSING if f["default"] is None else f["default"] for f in self.info["facts"]]
        for name, value in (facts or {}).items():
            i = self._fact_index.get(name)
            if i is None:
                raise KeyError(f"fact {name!r}")
            fact = self.info["facts"][i]
            if fact["kind"] == "enum":
                if value not in fact["values"]:
                    raise ValueError(f"{value!r} is not one of {fact['values']} for fact {name!r}")
                values[i] = fact["values"].index(value)
            else:
                values[i] = int(value)
        return ResolvedQuery(self.index("party", sender), self.index("party", recipient),
                             self.index("category", share), self.index("purpose", purpose), values, date)

    def decide_resolved(self, query: ResolvedQuery) -> bool:
        """The fast path: True for a permit, False for a deny. A query that does not fit the table
        raises QueryError (and would be a deny)."""
        effect = ctypes.c_int32(0)
        status = _lib.covenant_decide(self._live(), ctypes.byref(query._query), None, ctypes.byref(effect), None)
        if status != _OK:
            error = ctypes.c_void_p()
            _lib.covenant_decide(self._live(), ctypes.byref(query._query), None, ctypes.byref(effect),
                                 ctypes.byref(error))
            raise _failure(_take(error), status, QueryError)
        return effect.value == 1

    def decision_resolved(self, query: ResolvedQuery, language: Optional[str] = None) -> dict:
        """The whole decision of a resolved query, as a dict."""
        effect, decision = ctypes.c_int32(0), ctypes.c_void_p()
        status = _lib.covenant_decide(self._live(), ctypes.byref(query._query), _encode(language),
                                      ctypes.byref(effect), ctypes.byref(decision))
        text = _take(decision)
        if status != _OK:
            raise _failure(text, status, QueryError if status == _QUERY else CovenantError)
        return json.loads(text)
