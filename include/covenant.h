/*
 * covenant.h: the C interface of libcovenant, the Covenant evaluator as a shared library.
 *
 * Load a decision table (written by `covenantc compile`), then ask it questions: as a JSON
 * query line (exactly the wire format of `covenantc eval`, answered byte for byte as eval
 * answers it), or as resolved indices on a hot path. Every function is thread-safe: a table is
 * immutable once loaded and may be shared by any number of threads. No function aborts on bad
 * input: it returns a status, and where asked, a message.
 *
 * Memory: every `char *` the library hands out is allocated with malloc; release it with
 * covenant_free. A table is released with covenant_table_free.
 *
 * Errors: a status other than COVENANT_OK; when the caller passed a place for it, `*error`
 * (or `*answer`) receives a JSON object {"error": "<message>", "kind": "<stable kind>"}. The
 * kinds (listed in docs/embedding.md): a query's are those of eval's error lines
 * (schemas/error.schema.json); a table's are TableCodec.LoadError's ("integrity", "reformatted",
 * "notATable", ...); the library's own are "nullArgument", "badLanguage", "badDate",
 * "cannotRead", "tooLarge" and "otherSource".
 *
 * Languages: "en", "nl", or NULL. NULL means English when loading (there is no covenant yet to
 * ask) and the covenant's own language when deciding.
 *
 * Integrity is not authenticity: a table's SHA-256 shows that the file is the one the compiler
 * wrote, not who wrote it. covenant_table_check_source ties a table to its covenant's text;
 * keep tables where only those who may change the covenant can write.
 *
 * SPDX-License-Identifier: EUPL-1.2
 */
#ifndef COVENANT_H
#define COVENANT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The interface this header describes. A caller checks covenant_abi_version() against it
 * before anything else: a library with another number is not compatible with this header. */
#define COVENANT_ABI_VERSION 1

/* Statuses. */
enum {
    COVENANT_OK = 0,
    COVENANT_ERROR_ARGUMENT = 1, /* a null pointer, an unknown language, a malformed date */
    COVENANT_ERROR_IO = 2,       /* the table file cannot be read */
    COVENANT_ERROR_TABLE = 3,    /* not a table, damaged, or fails its SHA-256 or its checks */
    COVENANT_ERROR_QUERY = 4     /* the query cannot be decided: the answer says why */
};

/* Effects. Anything that is not a permit is a deny: the library fails closed. */
enum { COVENANT_DENY = 0, COVENANT_PERMIT = 1 };

/* What covenant_lookup looks up. */
enum { COVENANT_PARTY = 0, COVENANT_CATEGORY = 1, COVENANT_PURPOSE = 2, COVENANT_FACT = 3 };

/* The value of a fact the query does not give (a fact without a default is then "missing"). */
#define COVENANT_MISSING INT64_MIN

typedef struct covenant_table covenant_table;

/* A query by index, as the table numbers its parties, categories, purposes and facts
 * (covenant_lookup, or the lists of covenant_table_info). */
typedef struct covenant_query {
    int32_t sender;        /* a party (not a group) */
    int32_t recipient;     /* a party (not a group) */
    int32_t category;      /* any category, a leaf or a parent */
    int32_t purpose;
    const int64_t *facts;  /* one value per fact of the table: 0/1, the integer, or the index
                              of the enumeration value; COVENANT_MISSING when not known */
    size_t fact_count;     /* must equal the table's number of facts */
    int32_t date;          /* the day decided for as YYYYMMDD (20261130); 0 for today in the
                              Netherlands */
} covenant_query;

/* COVENANT_ABI_VERSION of the library that is loaded. */
uint32_t covenant_abi_version(void);

/* The library's version, e.g. "0.2.0" (a static string: do not free it). */
const char *covenant_version(void);

/* Loads a table from the bytes of a table file as `covenantc compile` writes it: JSON, or
 * binary (`--format binary`, the faster to load).
 * Checks the header, the body's SHA-256 and every index the evaluator relies on. On success
 * *table is set; on failure *table is NULL and *error (when error is not NULL) says why.
 * language: "en", "nl" or NULL (English) for the error message. */
int32_t covenant_table_load(const uint8_t *bytes, size_t length, const char *language,
                            covenant_table **table, char **error);

/* As covenant_table_load, from a file. */
int32_t covenant_table_open(const char *path, const char *language, covenant_table **table,
                            char **error);

/* Releases a table (NULL is allowed). No call may use the table during or after this. */
void covenant_table_free(covenant_table *table);

/* The table as JSON: {"abi", "sha256", "version", "title", "language", "validFrom",
 * "validUntil", "parties": [...], "groups": [...], "categories": [...], "purposes": [...],
 * "facts": [{"id", "kind": "bool"|"int"|"enum", "min", "max", "values", "default"}]},
 * the lists in index order. NULL only when table is NULL. */
char *covenant_table_info(const covenant_table *table);

/* COVENANT_OK when the table was compiled from exactly these bytes of covenant source (the
 * SHA-256 the table records), else COVENANT_ERROR_TABLE with kind "otherSource" in *error: a
 * table left behind after the covenant changed must not be used. */
int32_t covenant_table_check_source(const covenant_table *table, const uint8_t *source, size_t length,
                                    const char *language, char **error);

/* The index of a name of the given kind (COVENANT_PARTY ...), or -1 when the table has no
 * such name (a group is not a party here). */
int32_t covenant_lookup(const covenant_table *table, int32_t kind, const char *name);

/* Answers one query line of the wire format (LANGUAGE.md), as `covenantc eval` answers it.
 * query: the line's bytes (UTF-8, length bytes, no terminator needed). date: "YYYY-MM-DD" for
 * a query without "at", or NULL for today in the Netherlands. language: "en", "nl", or NULL
 * for the covenant's own language. *answer (always set when answer is not NULL) is the
 * decision or the error line, without a newline; for an argument the caller got wrong (a NULL
 * table or query, an unknown language, a malformed date) it is the error object.
 * Returns COVENANT_OK for a decision (permit or deny), COVENANT_ERROR_QUERY for an error line,
 * COVENANT_ERROR_ARGUMENT for a wrong argument. The query bytes are UTF-8 (invalid sequences
 * are read as U+FFFD); pass their length in bytes, not in characters. */
int32_t covenant_decide_json(const covenant_table *table, const char *query, size_t length,
                             const char *date, const char *language, char **answer);

/* Resolves a query line (the wire format) into a query by index, once, for covenant_decide:
 * names, fact values, defaults and the date exactly as covenant_decide_json reads them (date
 * and language as there). facts: room for `capacity` values, at least the table's number of
 * facts; on success *query is filled and query->facts points to `facts`. On failure,
 * COVENANT_ERROR_QUERY (or COVENANT_ERROR_ARGUMENT) and the error object in *error. */
int32_t covenant_resolve(const covenant_table *table, const char *query_json, size_t length,
                         const char *date, const char *language, covenant_query *query,
                         int64_t *facts, size_t capacity, char **error);

/* Decides a query by index: *effect is COVENANT_PERMIT or COVENANT_DENY. decision: NULL on a
 * hot path, or a place for the decision as JSON (the same object covenant_decide_json gives,
 * in language: "en", "nl" or NULL for the covenant's). A query that does not fit the table
 * (an index out of range, a value out of its fact's range, a wrong fact_count) is a deny with
 * COVENANT_ERROR_QUERY, and *decision is then the error line. */
int32_t covenant_decide(const covenant_table *table, const covenant_query *query,
                        const char *language, int32_t *effect, char **decision);

/* Releases a string the library handed out (NULL is allowed). */
void covenant_free(void *pointer);

#ifdef __cplusplus
}
#endif

#endif /* COVENANT_H */
