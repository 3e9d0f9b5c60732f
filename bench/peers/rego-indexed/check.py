#!/usr/bin/env python3
"""Validates `covenantc export --to rego` (the indexed style) on one covenant: exports it, runs
the queries through regopy with the exported covenant.rego and data.json, and compares each
decision's effect and sorted decidedBy with `covenantc eval`'s. Prints the disagreements (the
first ten), the load time and the time per decision.

    check.py COVENANT --queries q.ndjson [--answers answers.ndjson] [--covenantc PATH]
             [--export-dir DIR] [--style indexed|rules] [-n N] [--seconds S] [--mode bundle|query] [--json]
             [--mutate OLD NEW]

COVENANT is a .covenant (or .covenant.md) file. The export goes to --export-dir (kept), else to
a temporary directory. Without --answers, `covenantc eval COVENANT` gives the reference
answers. --covenantc defaults to $COVENANTC, else `covenantc` on the PATH.

Mode `bundle` (the default) compiles policy and data once (Interpreter.build, like OPA's
prepared query) and decides each query with set_input + query_bundle on a fresh Interpreter;
mode `query` calls Interpreter.query per query, which recompiles everything every time (what
bench/peers/compare.py does). regopy has no batch call: a comprehension `with input as q`
crashes it, so one call per query either way. Exit status 1 on any disagreement or failed
query. --json prints the figures as one JSON line at the end.

--mutate OLD NEW replaces the text OLD by NEW in the exported policy before loading it (it must
occur), to see that the queries catch a mistake: e.g. --mutate '; not defeated4[x]' '' drops
the defeats by exceptions of depth 4."""
import argparse, json, os, subprocess, sys, tempfile, time

import regopy


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("covenant")
    ap.add_argument("--queries", required=True)
    ap.add_argument("--answers")
    ap.add_argument("--covenantc", default=os.environ.get("COVENANTC", "covenantc"))
    ap.add_argument("--export-dir")
    ap.add_argument("--style", choices=["indexed", "rules"], default="indexed")
    ap.add_argument("-n", type=int, default=None, help="at most this many queries")
    ap.add_argument("--seconds", type=float, default=None, help="stop deciding after this long")
    ap.add_argument("--mode", choices=["bundle", "query"], default="bundle")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--mutate", nargs=2, metavar=("OLD", "NEW"))
    a = ap.parse_args()

    with open(a.queries) as f:
        lines = [l for l in f if l.strip()][:a.n]
    queries = [json.loads(l) for l in lines]
    if a.answers:
        with open(a.answers) as f:
            answers = [json.loads(l) for l in f if l.strip()][:len(queries)]
    else:
        out = subprocess.run([a.covenantc, "eval", a.covenant], input="".join(lines), capture_output=True,
                             text=True, check=True).stdout
        answers = [json.loads(l) for l in out.splitlines() if l.strip()]
    assert len(answers) == len(queries), "covenantc answered a different number of queries"
    errors = sum(1 for x in answers if "error" in x)
    assert not errors, f"covenantc refused {errors} queries; the export handles valid queries only"

    # The export under test: the policy and the data document, as a user would get them.
    temporary = None
    if a.export_dir is None:
        temporary = tempfile.TemporaryDirectory(prefix="rego-kit-")
        a.export_dir = temporary.name
    export = subprocess.run([a.covenantc, "export", "--to", "rego", "--style", a.style, a.covenant,
                             "--output-dir", a.export_dir], capture_output=True, text=True)
    if export.returncode != 0:
        sys.exit(f"covenantc export failed ({export.returncode}): {export.stderr.strip()}")
    with open(os.path.join(a.export_dir, "covenant.rego")) as f:
        policy = f.read()
    with open(os.path.join(a.export_dir, "data.json")) as f:
        data_json = f.read()
    if a.mutate:
        assert a.mutate[0] in policy, f"--mutate: {a.mutate[0]!r} is not in the policy"
        policy = policy.replace(a.mutate[0], a.mutate[1])
    data = json.loads(data_json)
    rules = len(data["covenant"]["rules"]) if a.style == "indexed" else None
    print(f"{os.path.basename(a.covenant)}: " + (f"{rules} rules, " if rules is not None else "")
          + f"data.json {len(data_json.encode()):,} bytes, covenant.rego {len(policy.encode()):,} bytes")

    start = time.perf_counter()
    rego = regopy.Interpreter()
    rego.add_module("covenant.rego", policy)
    rego.add_data_json(data_json)
    added = time.perf_counter() - start
    if a.mode == "bundle":
        bundle = rego.build("x := data.covenant.decision", [])
        run = regopy.Interpreter()
    load = time.perf_counter() - start
    print(f"load: {load:.2f} s (add policy and data {added:.2f} s"
          + (f", build {load - added:.2f} s)" if a.mode == "bundle" else ")"), flush=True)

    disagree, failed, times = 0, 0, []
    effects = {"permit": 0, "deny": 0, "deny by default": 0}
    start = time.perf_counter()
    for q, ours in zip(queries, answers):
        t0 = time.perf_counter()
        if a.mode == "bundle":
            run.set_input(q)
            output = str(run.query_bundle(bundle))
        else:
            rego.set_input(q)
            output = str(rego.query("x := data.covenant.decision"))
        times.append(time.perf_counter() - t0)
        mine = {"effect": ours["effect"], "decidedBy": sorted(ours["decidedBy"])}
        effects["deny by default" if mine["effect"] == "deny" and not mine["decidedBy"] else mine["effect"]] += 1
        if '"bindings"' not in output:
            failed += 1
            if failed + disagree <= 10:
                print(f"FAILED {json.dumps(q)}\n  covenantc {mine}\n  rego      {output.strip()}")
        else:
            theirs = json.loads(output)["bindings"]["x"]
            theirs = {"effect": theirs["effect"], "decidedBy": sorted(theirs["decidedBy"])}
            if theirs != mine:
                disagree += 1
                if failed + disagree <= 10:
                    print(f"DISAGREE {json.dumps(q)}\n  covenantc {mine}\n  rego      {theirs}")
        if a.seconds is not None and time.perf_counter() - start > a.seconds:
            break
    total = time.perf_counter() - start
    done = len(times)
    if done == 0:
        sys.exit("no queries")
    times.sort()
    mean, median = 1000 * total / done, 1000 * times[done // 2]
    p99 = 1000 * times[min(done - 1, done * 99 // 100)]
    print(f"queries: {done}, agree: {done - disagree - failed}, disagree: {disagree}, rego failed: {failed} "
          f"(covenantc: {effects['permit']} permit, {effects['deny']} deny by a rule, "
          f"{effects['deny by default']} deny by default)")
    print(f"per decision: mean {mean:.2f} ms, median {median:.2f} ms, p99 {p99:.2f} ms; total {total:.1f} s")
    if a.json:
        print(json.dumps({"covenant": os.path.basename(a.covenant), "rules": rules, "data_bytes": len(data_json.encode()),
                          "queries": done, "agree": done - disagree - failed, "disagreements": disagree,
                          "failed": failed, "load_s": round(load, 3), "mean_ms": round(mean, 3),
                          "median_ms": round(median, 3), "p99_ms": round(p99, 3), **effects}))
    sys.exit(1 if disagree or failed else 0)


main()
