#!/usr/bin/env python3
"""Runs one query set through Cedar (cedarpy) and Rego (regopy: the indexed export, and the
rules-style export for a footnote) on a covenant exported by `covenantc export`, checks every
decision against covenantc's, and prints the peers' timings as JSON. Used by bench/peers/run;
see BENCHMARKS.md."""
import json, resource, sys, time

import cedarpy
import regopy


def load_lines(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def main():
    work, queries_path, ours_path = sys.argv[1], sys.argv[2], sys.argv[3]
    rego_limit, rules_limit = int(sys.argv[4]), int(sys.argv[5])
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

    # --- Rego: `covenantc export --to rego` (the indexed style: one fixed policy, the rules as
    # data). regopy has no batch call that works here (a comprehension `with input as q` crashes
    # it), so policy and data are compiled once (Interpreter.build, like OPA's prepared query) and
    # each query is one set_input + query_bundle, on the first `rego_limit` queries, stopping
    # early after 180 s. The rules style (every rule as Rego rules) is timed the same way on
    # `rules_limit` queries, for the footnote in BENCHMARKS.md.
    def rego_run(directory, limit):
        answers, load_s, run_s = [], 0.0, 0.0
        if limit == 0:
            return answers, load_s, run_s
        start = time.perf_counter()
        rego = regopy.Interpreter()
        with open(f"{directory}/covenant.rego") as f:
            rego.add_module("covenant", f.read())
        with open(f"{directory}/data.json") as f:
            rego.add_data_json(f.read())
        bundle = rego.build("x := data.covenant.decision", [])
        runner = regopy.Interpreter()
        load_s = time.perf_counter() - start
        start = time.perf_counter()
        for q in queries[:limit]:
            runner.set_input(q)
            output = str(runner.query_bundle(bundle))
            if '"bindings"' not in output:
                print(f"rego ({directory}) failed on {json.dumps(q)}: {output}", file=sys.stderr)
                sys.exit(1)
            answers.append(json.loads(output)["bindings"]["x"])
            if time.perf_counter() - start > 180:
                break
        return answers, load_s, time.perf_counter() - start

    rego_answers, result["rego_load_s"], result["rego_s"] = rego_run(f"{work}/rego", rego_limit)
    result["rego_queries"] = len(rego_answers)
    rules_answers, result["rules_load_s"], result["rules_s"] = rego_run(f"{work}/rego-rules", rules_limit)
    result["rules_queries"] = len(rules_answers)

    # --- Agreement: effect and deciding rules, per query.
    disagreements = []
    for i, q in enumerate(queries):
        mine = {"effect": ours[i]["effect"], "decidedBy": sorted(ours[i]["decidedBy"])}
        if cedar[i] != mine:
            disagreements.append(("cedar", q, mine, cedar[i]))
        for engine, answers in (("rego", rego_answers), ("rego rules style", rules_answers)):
            if i < len(answers):
                theirs = {"effect": answers[i]["effect"], "decidedBy": sorted(answers[i]["decidedBy"])}
                if theirs != mine:
                    disagreements.append((engine, q, mine, theirs))
    result["disagreements"] = len(disagreements)
    for engine, q, mine, theirs in disagreements[:5]:
        print(f"DISAGREE {engine}: {json.dumps(q)}\n  covenantc {mine}\n  {engine} {theirs}", file=sys.stderr)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))
    sys.exit(1 if disagreements else 0)


main()
