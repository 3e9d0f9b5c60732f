/* Decides two questions against a compiled table through libcovenant: one as a JSON line (the
 * wire format of `covenantc eval`), one by index on the hot path. Built and run by
 * scripts/embedding-check; the README shows it.
 *
 *   cc decide.c -I include -L .build/release -lcovenant -o decide && ./decide boekel.table.json
 */
#include <covenant.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    if (argc != 2 || covenant_abi_version() != COVENANT_ABI_VERSION) {
        fprintf(stderr, "usage: decide TABLE (and a libcovenant for ABI %d)\n", COVENANT_ABI_VERSION);
        return 2;
    }
    covenant_table *table = NULL;
    char *error = NULL;
    if (covenant_table_open(argv[1], "en", &table, &error) != COVENANT_OK) {
        fprintf(stderr, "%s\n", error);
        covenant_free(error);
        return 1;
    }

    /* A question as JSON: the answer is the line `covenantc eval` would write. */
    const char *query = "{\"id\": 1, \"from\": \"ggz\", \"to\": \"dorpsteam\", \"share\": \"health\","
                        " \"for\": \"support\", \"facts\": {\"consent\": \"given\", \"age\": 30}}";
    char *answer = NULL;
    int32_t status = covenant_decide_json(table, query, strlen(query), "2026-11-30", NULL, &answer);
    printf("%s\n", answer);
    covenant_free(answer);

    /* The same question by index: look the names up once, then decide as often as needed. */
    int64_t facts[5];
    for (int i = 0; i < 5; i++) facts[i] = COVENANT_MISSING;
    facts[covenant_lookup(table, COVENANT_FACT, "consent")] = 0; /* given: the first value */
    facts[covenant_lookup(table, COVENANT_FACT, "age")] = 30;
    covenant_query q = {
        .sender = covenant_lookup(table, COVENANT_PARTY, "ggz"),
        .recipient = covenant_lookup(table, COVENANT_PARTY, "dorpsteam"),
        .category = covenant_lookup(table, COVENANT_CATEGORY, "health"),
        .purpose = covenant_lookup(table, COVENANT_PURPOSE, "support"),
        .facts = facts,
        .fact_count = 5,
        .date = 20261130,
    };
    int32_t effect = COVENANT_DENY;
    if (covenant_decide(table, &q, NULL, &effect, NULL) == COVENANT_OK) {
        printf("%s\n", effect == COVENANT_PERMIT ? "permit" : "deny");
    }
    covenant_table_free(table);
    return status == COVENANT_OK ? 0 : 1;
}
