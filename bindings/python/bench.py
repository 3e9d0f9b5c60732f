"""Per-decision latency through the Python binding, for BENCHMARKS.md.

    covenant-bench --emit medium > medium.covenant
    covenant-bench --emit-queries medium 50000 > medium.ndjson
    covenantc compile medium.covenant -o medium.table.json
    COVENANT_LIBRARY=.build/release/libcovenant.so python bindings/python/bench.py medium.table.json medium.ndjson

Prints the median of five runs for each path: a wire line answered as text (`Table.answer`), a
query dict decided into a dict (`Table.decide`, with json.dumps/json.loads), and a query resolved
once and decided by index (`Table.decide_resolved`).
"""
import json
import statistics
import sys
import time

import covenant


def timed(label, count, run):
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        run()
        runs.append((time.perf_counter() - start) / count)
    print(f"{label}: {statistics.median(runs) * 1e6:.2f} µs a decision (median of 5 runs of {count:,})")


def main():
    table = covenant.Table.open(sys.argv[1])
    lines = [line for line in open(sys.argv[2], encoding="utf-8").read().split("\n") if line]
    queries = [json.loads(line) for line in lines]
    day = "2026-11-30"
    resolved = []
    for q in queries:
        try:
            resolved.append(table.resolve(q["from"], q["to"], q["share"], q["for"], q.get("facts"), date=20261130))
        except (KeyError, ValueError):
            pass
    permits = sum(table.decide_resolved(r) for r in resolved)
    print(f"{len(lines):,} queries ({len(resolved):,} resolvable, {permits:,} permits); library {covenant.version()}")

    def answer_all():
        for line in lines:
            table.answer(line, date=day)

    def decide_all():
        for q in queries:
            try:
                table.decide(q, date=day)
            except covenant.QueryError:
                pass

    def resolved_all():
        for r in resolved:
            table.decide_resolved(r)

    timed("Table.answer (a JSON line in, a JSON line out)", len(lines), answer_all)
    timed("Table.decide (a dict in, a dict out)", len(queries), decide_all)
    timed("Table.decide_resolved (by index)", len(resolved), resolved_all)


if __name__ == "__main__":
    main()
