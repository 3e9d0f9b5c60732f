#!/usr/bin/env python3
"""Runs one query set through Cedar (cedarpy) and Rego (regopy) on a covenant exported by
`covenantc export`, checks every decision against covenantc's, and prints the peers' timings
as JSON. Used by bench/peers/run; see BENCHMARKS.md."""
import json, resource, sys, time

import cedarpy
import regopy


def load_lines(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def main():
    work, queries_path, ours_path, rego_limit = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    queries = load_lines(queries_path)
    ours = load_lines(ours_path)
    assert len(queries) == len(ours), "covenantc eval answered a different number of queries"
    result = {"queries": len(queries)}

    # --- Cedar: one request per leaf category; a query is permitted when every leaf is.
    start = time.perf_counter()
    with open(f"{work}/cedar/policies.cedar") as f:
        policies = cedarpy.PolicySet.from_str(f.read())
    with open(f"{work}/cedar/entities.json") as f:
        entities_json = f.read()
    entities = cedarpy.Entities.from_json_str(entities_json)
    result["cedar_load_s"] = time.perf_counter() - start
    children = {}
    for e in json.loads(entities_json):
        if e["uid"]["type"] == "Category":
            for p in e["parents"]:
                children.setdefault(p["id"], []).append(e["uid"]["id"])

    def leaves(c):
        kids = children.get(c, [])
        return [c] if not kids else [l for k in kids for l in leaves(k)]

    requests, owner = [], []
    for i, q in enumerate(queries):
        for leaf in leaves(q["share"]):
            requests.append({"principal": f'Party::"{q["from"]}"', "action": 'Action::"share"',
                             "resource": f'Category::"{leaf}"',
                             "context": {"recipient": {"__entity": {"type": "Party", "id": q["to"]}},
                                         "purpose": {"__entity": {"type": "Purpose", "id": q["for"]}},
                                         "facts": q.get("facts") or {},
                                         "date": int(q["at"].replace("-", ""))}})
            owner.append(i)
    start = time.perf_counter()
    answers = cedarpy.is_authorized_batch(requests, policies, entities)
    result["cedar_s"] = time.perf_counter() - start
    result["cedar_requests"] = len(requests)
    allowed = [True] * len(queries)
    reasons_allow = [set() for _ in queries]
    reasons_deny = [set() for _ in queries]
    for i, answer in zip(owner, answers):
        # Cedar names policies policy0, policy1, ...; the @id annotation is the rule id.
        named = answer.diagnostics.id_annotations_by_reason or {}
        reasons = {named.get(r, r) for r in answer.diagnostics.reasons}
        if answer.decision == cedarpy.Decision.Allow:
            reasons_allow[i] |= reasons
        else:
            allowed[i] = False
            reasons_deny[i] |= reasons
    cedar = [{"effect": "permit" if allowed[i] else "deny",
              "decidedBy": sorted(reasons_allow[i] if allowed[i] else reasons_deny[i])} for i in range(len(queries))]

    # --- Rego: regopy has no batch call (a comprehension `with input as q` crashes it), so one
    # set_input + query per query, on the first `rego_limit` queries (regopy is slow), stopping
    # early after 180 s. A limit of 0 skips it (the large covenant, which regopy does not finish
    # loading; BENCHMARKS.md).
    queries_for_rego = queries[:rego_limit]
    rego_answers = []
    result["rego_load_s"] = 0
    if queries_for_rego:
        start = time.perf_counter()
        rego = regopy.Interpreter()
        with open(f"{work}/rego/covenant.rego") as f:
            rego.add_module("covenant", f.read())
        with open(f"{work}/rego/data.json") as f:
            rego.add_data_json(f.read())
        result["rego_load_s"] = time.perf_counter() - start
    start = time.perf_counter()
    for q in queries_for_rego:
        rego.set_input(q)
        output = str(rego.query("x := data.covenant.decision"))
        if '"bindings"' not in output:
            print(f"rego failed on {json.dumps(q)}: {output}", file=sys.stderr)
            sys.exit(1)
        rego_answers.append(json.loads(output)["bindings"]["x"])
        if time.perf_counter() - start > 180:
            break
    result["rego_s"] = time.perf_counter() - start
    result["rego_queries"] = len(rego_answers)

    # --- Agreement: effect and deciding rules, per query.
    disagreements = []
    for i, q in enumerate(queries):
        mine = {"effect": ours[i]["effect"], "decidedBy": sorted(ours[i]["decidedBy"])}
        if cedar[i] != mine:
            disagreements.append(("cedar", q, mine, cedar[i]))
        if i < len(rego_answers):
            theirs = {"effect": rego_answers[i]["effect"], "decidedBy": sorted(rego_answers[i]["decidedBy"])}
            if theirs != mine:
                disagreements.append(("rego", q, mine, theirs))
    result["disagreements"] = len(disagreements)
    for engine, q, mine, theirs in disagreements[:5]:
        print(f"DISAGREE {engine}: {json.dumps(q)}\n  covenantc {mine}\n  {engine} {theirs}", file=sys.stderr)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))
    sys.exit(1 if disagreements else 0)


main()
