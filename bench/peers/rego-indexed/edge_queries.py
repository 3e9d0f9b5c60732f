#!/usr/bin/env python3
"""Edge-case queries for a compiled table, to test the Rego encoding where the benchmark's
query set is thin: queries aimed at the scope of exceptions (and exceptions to exceptions),
yes/no facts given as words ("ja", "nee", "true", "false"), facts left out (missing or
defaulted), no `facts` at all, and dates on and just outside the validity bounds.

    edge_queries.py table.json N [seed] > edge.ndjson

table.json is a JSON decision table of format 3 (`covenantc compile X.covenant -o table.json`).
"""
import datetime, json, random, sys


def main():
    table = json.load(open(sys.argv[1]))
    assert table.get("formatVersion") == 3, f"table format {table.get('formatVersion')}: this reads format 3 (JSON)"
    t = table["body"]
    n = int(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    rules = t["rules"]
    n_rules = len(rules)
    n_senders = max(t["senderClass"]) + 1
    n_recipients = t["recipientClassCount"]
    n_purpose_classes = max(t["purposeClass"]) + 1

    def classes(words, per_rule, r, count):
        """The classes whose bit is set in rule r's party bitset (format 3)."""
        return {c for c in range(count) if int(words[r * per_rule + (c >> 6)], 16) >> (c & 63) & 1}

    # Each rule's sender classes, recipient classes and (leaf class, purpose class) cells, read
    # from the table itself (not from the export, so that a wrong export cannot steer the queries).
    senders_of = [classes(t["ruleSenderBits"], t["senderWords"], r, n_senders) for r in range(n_rules)]
    recipients_of = [classes(t["ruleRecipientBits"], t["recipientWords"], r, n_recipients) for r in range(n_rules)]
    cells_of = [set() for _ in range(n_rules)]
    for k in range(len(t["cellOffsets"]) - 1):
        for r in t["cellRules"][t["cellOffsets"][k]:t["cellOffsets"][k + 1]]:
            cells_of[r].add(divmod(k, n_purpose_classes))
    parties_of = {}
    for p, c in enumerate(t["senderClass"]):
        parties_of.setdefault(("s", c), []).append(p)
    for p, c in enumerate(t["recipientClass"]):
        parties_of.setdefault(("r", c), []).append(p)
    purposes_of = {}
    for p, c in enumerate(t["purposeClass"]):
        purposes_of.setdefault(c, []).append(p)
    cats_of_leafclass = {}
    for c, cat in enumerate(t["categories"]):
        for l in cat["leaves"]:
            cats_of_leafclass.setdefault(t["leafClass"][l], set()).add(c)
    in_scope = [r for r in range(n_rules) if senders_of[r] and recipients_of[r] and cells_of[r]]
    excepted = [r for r in in_scope if rules[r]["depth"] > 0]
    deep = [r for r in excepted if rules[r]["depth"] > 1]
    vf, vu = t["covenant"]["validFrom"], t["covenant"]["validUntil"]
    # On the bounds of the validity, just outside them (the day before, the day after) and
    # mostly on a day in force.
    day = datetime.timedelta(days=1)
    if vf and vu:
        inside = datetime.date.fromordinal((datetime.date.fromisoformat(vf).toordinal()
                                            + datetime.date.fromisoformat(vu).toordinal()) // 2)
    else:
        inside = (datetime.date.fromisoformat(vf) + 180 * day if vf else
                  datetime.date.fromisoformat(vu) - 180 * day if vu else datetime.date(2026, 6, 1))
    dates = [d for d in [vf, vu] if d] + [inside.isoformat()] * 6
    if vf:
        dates.append((datetime.date.fromisoformat(vf) - day).isoformat())
    if vu:
        dates.append((datetime.date.fromisoformat(vu) + day).isoformat())

    def random_fact(f):
        if f["type"] == "bool":
            return rng.choice([True, False, "ja", "nee", "true", "false"])
        if f["type"] == "int":
            return rng.randint(f["low"], f["high"])
        return rng.choice(f["values"])

    def truth(node, values):
        """Kleene evaluation of a condition node over encoded values (None: missing)."""
        kind, op, f, value, first, count = t["nodes"][node]
        kids = t["children"][first:first + count]
        if kind in (0, 1, 2):
            v = values[f]
            if v is None:
                return None
            if kind == 0:
                return v != 0
            if kind == 1:
                return [v == value, v != value, v < value, v <= value, v > value, v >= value][op]
            return (v in t["setValues"][first:first + count]) != (op == 1)
        if kind == 3:
            x = truth(kids[0], values)
            return None if x is None else not x
        xs = [truth(k, values) for k in kids]
        if kind == 4:
            return False if False in xs else None if None in xs else True
        return True if True in xs else None if None in xs else False

    def chain(r):
        out = [r]
        while rules[out[-1]]["exceptionTo"] >= 0:
            out.append(rules[out[-1]]["exceptionTo"])
        return out

    def encoded(f, v):
        if v is None:
            return None
        if f["type"] == "bool":
            return 1 if v in (True, "ja", "true") else 0
        if f["type"] == "enum":
            return f["values"].index(v)
        return v

    for i in range(n):
        pool = deep if deep and i % 3 == 0 else excepted or in_scope
        facts = None
        if pool and i % 4 != 3:
            # A query in the scope of an exception and of the rules it excepts, as far as their
            # scopes overlap (in a covenant without exceptions: of any rule), with facts that
            # make as many of them apply as a few tries find.
            r = rng.choice(pool)
            rs = chain(r)
            while True:
                ss = set.intersection(*(senders_of[x] for x in rs))
                rcs = set.intersection(*(recipients_of[x] for x in rs))
                cells = set.intersection(*(cells_of[x] for x in rs))
                if (ss and rcs and cells) or len(rs) == 1:
                    break
                rs = rs[:-1]
            s = rng.choice(parties_of[("s", rng.choice(sorted(ss)))])
            to = rng.choice(parties_of[("r", rng.choice(sorted(rcs)))])
            lc, pc = rng.choice(sorted(cells))
            cat = rng.choice(sorted(cats_of_leafclass[lc]))
            purpose = rng.choice(purposes_of[pc])
            best = -1
            for _ in range(40):
                trial = {f["id"]: random_fact(f) for f in t["facts"] if rng.random() < 0.8}
                values = [encoded(f, trial.get(f["id"])) if f["id"] in trial else f["default"] for f in t["facts"]]
                score = sum(1 for x in rs if rules[x]["condition"] < 0
                            or (truth(rules[x]["condition"], values) is True if rules[x]["effect"] == "permit"
                                else truth(rules[x]["condition"], values) is not False))
                if score > best:
                    best, facts = score, trial
        else:
            s, to = rng.randrange(len(t["parties"])), rng.randrange(len(t["parties"]))
            cat, purpose = rng.randrange(len(t["categories"])), rng.randrange(len(t["purposes"]))
        q = {"from": t["parties"][s]["id"], "to": t["parties"][to]["id"], "share": t["categories"][cat]["id"],
             "for": t["purposes"][purpose]["id"]}
        if facts is None:
            facts = {f["id"]: random_fact(f) for f in t["facts"] if rng.random() < 0.7}
        if facts or rng.random() < 0.5:
            q["facts"] = facts
        if rng.random() < 0.97:
            q["at"] = rng.choice(dates)     # else: today, for both covenantc and Rego
        print(json.dumps(q))


main()
