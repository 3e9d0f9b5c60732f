/* A property test of libcovenant's C interface (include/covenant.h), built with AddressSanitizer
 * and LeakSanitizer by scripts/embedding-check: random bytes as a table (raw, and behind a valid
 * header), random and mutated query lines, random queries by index, NULL in every pointer, and
 * eight threads sharing one table. Every string and table handed out is freed, so LeakSanitizer
 * reports any the library loses. Properties: statuses are the header's; a permit comes only
 * with COVENANT_OK; a failed load hands out no table; every answer is a JSON object.
 *
 *   abi_check TABLE QUERIES.ndjson [ITERATIONS]
 */
#include <covenant.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

#define CHECK(condition, ...)                                      \
    do {                                                           \
        if (!(condition)) {                                        \
            pthread_mutex_lock(&lock);                             \
            failures++;                                            \
            fprintf(stderr, "abi_check: " __VA_ARGS__);            \
            fprintf(stderr, " (%s:%d)\n", __FILE__, __LINE__);     \
            pthread_mutex_unlock(&lock);                           \
        }                                                          \
    } while (0)

static unsigned long long next_random(unsigned long long *state) {
    *state ^= *state << 13; *state ^= *state >> 7; *state ^= *state << 17;
    return *state;
}

static char *read_file(const char *path, size_t *length) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *bytes = malloc((size_t)n + 1);
    *length = fread(bytes, 1, (size_t)n, f);
    bytes[*length] = 0;
    fclose(f);
    return bytes;
}

static int is_object(const char *text) { return text && text[0] == '{' && text[strlen(text) - 1] == '}'; }

/* Loads bytes that are probably not a table: either it fails cleanly or the table answers. */
static void try_load(const unsigned char *bytes, size_t length) {
    covenant_table *table = (covenant_table *)0x1;
    char *error = NULL;
    int32_t status = covenant_table_load(bytes, length, "nl", &table, &error);
    if (status == COVENANT_OK) {
        CHECK(table != NULL && error == NULL, "a load that succeeded gave no table");
        char *info = covenant_table_info(table);
        CHECK(is_object(info), "table info is not an object");
        covenant_free(info);
        covenant_table_free(table);
    } else {
        CHECK(status == COVENANT_ERROR_TABLE, "load status %d", status);
        CHECK(table == NULL, "a failed load handed out a table");
        CHECK(is_object(error) && strstr(error, "\"kind\""), "load error is not a JSON error");
        covenant_free(error);
    }
}

static void decide_line(const covenant_table *table, const char *line, size_t length) {
    char *answer = NULL;
    int32_t status = covenant_decide_json(table, line, length, "2026-11-30", NULL, &answer);
    CHECK(status == COVENANT_OK || status == COVENANT_ERROR_QUERY, "decide_json status %d", status);
    CHECK(is_object(answer), "decide_json answer is not an object");
    if (status == COVENANT_OK) CHECK(strstr(answer, "\"effect\"") != NULL, "a decision without effect");
    covenant_free(answer);
}

/* A line resolved once and decided by index gets the effect the line gets decided as JSON. */
static void resolve_and_decide(const covenant_table *table, const char *line, size_t length) {
    int64_t facts[256];
    covenant_query q;
    char *error = NULL, *answer = NULL;
    int32_t resolved = covenant_resolve(table, line, length, "2026-11-30", NULL, &q, facts, 256, &error);
    int32_t direct = covenant_decide_json(table, line, length, "2026-11-30", NULL, &answer);
    if (resolved == COVENANT_OK) {
        int32_t effect = 42;
        CHECK(error == NULL && q.facts == (q.fact_count ? facts : NULL), "resolve filled the query wrongly");
        CHECK(covenant_decide(table, &q, NULL, &effect, NULL) == COVENANT_OK, "a resolved query does not fit");
        CHECK(direct == COVENANT_OK, "resolved, but decide_json refused it");
        int permit = answer && strstr(answer, "\"effect\":\"permit\"") != NULL;
        CHECK(permit == (effect == COVENANT_PERMIT), "resolve + decide and decide_json disagree");
    } else {
        CHECK(resolved == COVENANT_ERROR_QUERY && is_object(error), "resolve status %d", resolved);
        CHECK(direct == COVENANT_ERROR_QUERY, "decide_json decided what resolve refused");
    }
    covenant_free(error);
    covenant_free(answer);
}

static void decide_indices(const covenant_table *table, unsigned long long *state) {
    int64_t facts[8];
    size_t count = next_random(state) % 8;
    for (size_t i = 0; i < count; i++) {
        unsigned long long r = next_random(state);
        facts[i] = r % 4 == 0 ? COVENANT_MISSING : (int64_t)(r % 200) - 20;
    }
    covenant_query q = {
        .sender = (int32_t)(next_random(state) % 10) - 1, .recipient = (int32_t)(next_random(state) % 10) - 1,
        .category = (int32_t)(next_random(state) % 14) - 1, .purpose = (int32_t)(next_random(state) % 8) - 1,
        .facts = count ? facts : NULL, .fact_count = count,
        .date = next_random(state) % 2 ? 0 : 20200101 + (int32_t)(next_random(state) % 100000),
    };
    int32_t effect = 42;
    char *decision = NULL;
    int32_t status = covenant_decide(table, &q, next_random(state) % 2 ? "en" : NULL, &effect,
                                     next_random(state) % 2 ? &decision : NULL);
    CHECK(effect == COVENANT_PERMIT || effect == COVENANT_DENY, "effect %d", effect);
    CHECK(effect != COVENANT_PERMIT || status == COVENANT_OK, "a permit with status %d", status);
    CHECK(status == COVENANT_OK || status == COVENANT_ERROR_QUERY, "decide status %d", status);
    CHECK(decision == NULL || is_object(decision), "decision is not an object");
    covenant_free(decision);
}

struct work { const covenant_table *table; char **lines; size_t *lengths; size_t count; unsigned long long seed; int rounds; };

static void *worker(void *argument) {
    struct work *w = argument;
    unsigned long long state = w->seed;
    char mutated[4096];
    for (int round = 0; round < w->rounds; round++) {
        size_t i = next_random(&state) % w->count;
        decide_line(w->table, w->lines[i], w->lengths[i]);
        resolve_and_decide(w->table, w->lines[i], w->lengths[i]);
        /* The same line with a few bytes changed, cut short, or with random bytes. */
        size_t n = w->lengths[i] < sizeof mutated ? w->lengths[i] : sizeof mutated;
        memcpy(mutated, w->lines[i], n);
        for (int k = 0; k < 3 && n > 0; k++) mutated[next_random(&state) % n] = (char)next_random(&state);
        size_t cut = next_random(&state) % (n + 1);
        decide_line(w->table, mutated, cut);
        resolve_and_decide(w->table, mutated, cut);
        decide_indices(w->table, &state);
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: abi_check TABLE QUERIES.ndjson [ITERATIONS]\n"); return 2; }
    int iterations = argc > 3 ? atoi(argv[3]) : 2000;
    CHECK(covenant_abi_version() == COVENANT_ABI_VERSION, "ABI %u", covenant_abi_version());

    /* NULL wherever a pointer goes: a status, never a crash. */
    covenant_table *none = NULL;
    CHECK(covenant_table_open(NULL, NULL, &none, NULL) == COVENANT_ERROR_ARGUMENT, "open(NULL)");
    CHECK(covenant_table_open(argv[1], NULL, NULL, NULL) == COVENANT_ERROR_ARGUMENT, "open(table NULL)");
    CHECK(covenant_table_load(NULL, 10, NULL, &none, NULL) == COVENANT_ERROR_ARGUMENT, "load(NULL, 10)");
    CHECK(covenant_table_open("/nonexistent", "en", &none, NULL) == COVENANT_ERROR_IO, "open(missing)");
    CHECK(covenant_table_open(argv[1], "fr", &none, NULL) == COVENANT_ERROR_ARGUMENT, "open(language fr)");
    CHECK(covenant_decide_json(NULL, "{}", 2, NULL, NULL, NULL) == COVENANT_ERROR_ARGUMENT, "decide_json(NULL)");
    CHECK(covenant_decide(NULL, NULL, NULL, NULL, NULL) == COVENANT_ERROR_ARGUMENT, "decide(NULL)");
    CHECK(covenant_table_info(NULL) == NULL, "info(NULL)");
    CHECK(covenant_lookup(NULL, COVENANT_PARTY, "x") == -1, "lookup(NULL)");
    covenant_table_free(NULL);
    covenant_free(NULL);

    size_t table_length = 0;
    char *table_bytes = read_file(argv[1], &table_length);
    CHECK(table_bytes != NULL, "cannot read %s", argv[1]);
    if (!table_bytes) return 1;
    covenant_table *table = NULL;
    char *error = NULL;
    if (covenant_table_load((const unsigned char *)table_bytes, table_length, NULL, &table, &error) != COVENANT_OK) {
        fprintf(stderr, "abi_check: the table does not load: %s\n", error);
        return 1;
    }
    CHECK(covenant_decide(table, NULL, NULL, NULL, NULL) == COVENANT_ERROR_ARGUMENT, "decide(query NULL)");
    CHECK(covenant_decide_json(table, NULL, 5, NULL, NULL, NULL) == COVENANT_ERROR_ARGUMENT, "decide_json(query NULL)");
    CHECK(covenant_decide_json(table, "{}", 2, "2026-13-01", NULL, NULL) == COVENANT_ERROR_ARGUMENT, "bad date");
    CHECK(covenant_lookup(table, 99, "ggz") == -1, "lookup(kind 99)");
    CHECK(covenant_resolve(table, "{}", 2, NULL, NULL, NULL, NULL, 0, NULL) == COVENANT_ERROR_ARGUMENT,
          "resolve(query NULL)");
    char *mismatch = NULL;
    CHECK(covenant_table_check_source(table, (const uint8_t *)"x", 1, "nl", &mismatch) == COVENANT_ERROR_TABLE &&
              strstr(mismatch, "otherSource") != NULL,
          "check_source accepted another text");
    covenant_free(mismatch);

    /* Random bytes as a table; the real table with bytes changed; the real table cut short. */
    unsigned long long state = 0x9E3779B97F4A7C15ull;
    unsigned char *bytes = malloc(table_length + 1);
    for (int i = 0; i < iterations; i++) {
        size_t n = next_random(&state) % 512;
        for (size_t k = 0; k < n; k++) bytes[k] = (unsigned char)next_random(&state);
        try_load(bytes, n);
        memcpy(bytes, table_bytes, table_length);
        for (int k = 0; k < 2; k++) bytes[next_random(&state) % table_length] = (unsigned char)next_random(&state);
        try_load(bytes, table_length);
        try_load((const unsigned char *)table_bytes, next_random(&state) % table_length);
    }
    free(bytes);

    /* Query lines from the file, eight threads on one table. */
    size_t queries_length = 0;
    char *queries = read_file(argv[2], &queries_length);
    CHECK(queries != NULL, "cannot read %s", argv[2]);
    if (!queries) return 1;
    char *lines[4096];
    size_t lengths[4096], count = 0;
    for (char *line = strtok(queries, "\n"); line && count < 4096; line = strtok(NULL, "\n")) {
        lines[count] = line;
        lengths[count] = strlen(line);
        count++;
    }
    pthread_t threads[8];
    struct work work[8];
    for (int t = 0; t < 8; t++) {
        work[t] = (struct work){table, lines, lengths, count, 0x1234567ull * (t + 1), iterations};
        pthread_create(&threads[t], NULL, worker, &work[t]);
    }
    for (int t = 0; t < 8; t++) pthread_join(threads[t], NULL);

    covenant_table_free(table);
    free(queries);
    free(table_bytes);
    if (failures) { fprintf(stderr, "abi_check: %d properties broken\n", failures); return 1; }
    printf("abi_check: %d loads, %d lines (each also resolved and decided by index) and %d random queries by "
           "index on 8 threads: all properties hold\n",
           iterations * 3, iterations * 8 * 2, iterations * 8);
    return 0;
}
