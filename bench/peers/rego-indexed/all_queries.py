#!/usr/bin/env python3
"""Every (sender, recipient, category, purpose) of a small table, each with K random fact sets
(some facts left out, yes/no facts sometimes as words), on a date in force.

    all_queries.py table.json K [seed] > all.ndjson
"""
import json, random, sys
t = json.load(open(sys.argv[1]))["body"]
k = int(sys.argv[2])
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
at = t["covenant"]["validFrom"] or t["covenant"]["validUntil"] or "2026-06-01"
for s in t["parties"]:
    for r in t["parties"]:
        for c in t["categories"]:
            for p in t["purposes"]:
                for _ in range(k):
                    facts = {}
                    for f in t["facts"]:
                        if rng.random() < 0.25:
                            continue
                        if f["type"] == "bool":
                            facts[f["id"]] = rng.choice([True, False, True, False, "ja", "nee"])
                        elif f["type"] == "int":
                            facts[f["id"]] = rng.choice([f["low"], f["high"], rng.randint(f["low"], f["high"]), 11, 12, 13, 15, 16, 17, 18])
                        else:
                            facts[f["id"]] = rng.choice(f["values"])
                    print(json.dumps({"from": s["id"], "to": r["id"], "share": c["id"], "for": p["id"], "facts": facts, "at": at}))
