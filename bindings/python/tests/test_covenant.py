"""The Python binding decides as `covenantc eval` does, fails closed, and is safe across threads.

Needs the binding installed (`pip install ./bindings/python`) and covenantc: $COVENANT_CLI, else
the checkout's .build/debug/covenantc. scripts/embedding-check runs it in CI.
"""
import json
import os
import random
import subprocess
import threading
from pathlib import Path

import pytest

import covenant

ROOT = Path(__file__).resolve().parents[3]
CLI = os.environ.get("COVENANT_CLI", str(ROOT / ".build" / "debug" / "covenantc"))
DAY = "2026-11-30"
# Covenants of every shape the repository ships: English and Dutch, plain and literate, with
# and without validity, consent roles, representatives and postponed duties.
COVENANTS = ["boekel.covenant", "boekel-nl.covenant", "noaberkracht.covenant", "veiligheidshuis.covenant",
             "wijkteam.covenant", "woerden-wmo.covenant.md", "boekel-sociaal-domein.covenant.md"]


@pytest.fixture(scope="session")
def tables(tmp_path_factory):
    out = tmp_path_factory.mktemp("tables")
    paths = {}
    for name in COVENANTS:
        target = out / (name.split(".")[0] + ".table.json")
        subprocess.run([CLI, "compile", str(ROOT / "covenants" / name), "-o", str(target)], check=True,
                       capture_output=True)
        paths[name] = target
    return paths


def eval_lines(table_path, lines, language):
    """What `covenantc eval` answers, line by line."""
    run = subprocess.run([CLI, "eval", "--date", DAY, "--lang", language, str(table_path)],
                         input="\n".join(lines) + "\n", capture_output=True, text=True, check=True)
    answers = run.stdout.split("\n")
    assert answers[-1] == ""
    return answers[:-1]


def generated_queries(info, rng, count):
    """Queries as a service would send them, and as it would get them wrong: every name of the
    table and some unknown ones, groups, every fact with values in and out of range, wrong
    types, dates inside and outside the validity, ids, unknown keys, broken JSON, empty lines."""
    def pick(good, bad):
        # Mostly right, as a service usually is; now and then wrong, as it sometimes is.
        return rng.choice(bad) if bad and rng.random() < 0.02 else rng.choice(good)

    lines = []
    for n in range(count):
        roll = rng.random()
        if roll < 0.01:
            lines.append(rng.choice(["", "   ", "{", "[]", "null", '{"from": 1}', "not json"]))
            continue
        query = {"from": pick(info["parties"], info["groups"] + ["onbekend"]),
                 "to": pick(info["parties"], info["groups"] + ["onbekend"]),
                 "share": pick(info["categories"], ["unknown_category"]),
                 "for": pick(info["purposes"], ["unknown_purpose"])}
        facts = {}
        for fact in info["facts"]:
            if rng.random() < 0.35:
                continue
            if fact["kind"] == "bool":
                value = pick([True, False], ["ja", "nee", 3])
            elif fact["kind"] == "int":
                value = pick([fact["min"], fact["max"], rng.randint(fact["min"], fact["max"])],
                             [fact["max"] + 1, fact["min"] - 1, "twaalf"])
            else:
                value = pick(fact["values"], ["onbekende_waarde", 1])
            facts[fact["id"]] = value
        if rng.random() < 0.02:
            facts["unknown_fact"] = True
        if facts or rng.random() < 0.5:
            query["facts"] = facts
        if rng.random() < 0.1:
            query["at"] = rng.choice(["2020-01-01", "2025-06-01", "2027-02-28", "2031-12-31", "2026-02-30"])
        if rng.random() < 0.3:
            query["id"] = rng.choice([n, f"q-{n}", n + 0.5])
        if rng.random() < 0.01:
            query["fact"] = {}
        lines.append(json.dumps(query, ensure_ascii=rng.random() < 0.5))
    return lines


def test_answers_ten_thousand_queries_as_covenantc_eval_does(tables):
    """10,000 generated queries over seven covenants, in both languages: every answer (decision
    or error line) is byte for byte the line covenantc eval writes."""
    rng = random.Random(20261130)
    total = 0
    decisions = errors = 0
    for index, (name, path) in enumerate(sorted(tables.items())):
        table = covenant.Table.open(path)
        count = 10_000 // len(tables) + (1 if index < 10_000 % len(tables) else 0)
        lines = generated_queries(table.info, rng, count)
        for language in ("en", "nl"):
            half = lines[:count // 2] if language == "en" else lines[count // 2:]
            expected = eval_lines(path, half, language)
            assert len(expected) == len(half)
            for line, want in zip(half, expected):
                got = table.answer(line, date=DAY, language=language)
                assert got == want, f"{name}: {line}"
                if '"effect"' in want:
                    decisions += 1
                else:
                    errors += 1
                total += 1
        table.close()
    assert total == 10_000
    # The generator must reach both kinds of answer in earnest, or the test proves little.
    assert decisions > 5_000 and errors > 1_000, (decisions, errors)


def test_resolved_fast_path_decides_as_the_json_path(tables):
    rng = random.Random(7)
    checked = 0
    for path in tables.values():
        with covenant.Table.open(path) as table:
            info = table.info
            for _ in range(500):
                facts = {}
                for fact in info["facts"]:
                    if rng.random() < 0.3:
                        continue
                    if fact["kind"] == "bool":
                        facts[fact["id"]] = rng.choice([True, False])
                    elif fact["kind"] == "int":
                        facts[fact["id"]] = rng.randint(fact["min"], fact["max"])
                    else:
                        facts[fact["id"]] = rng.choice(fact["values"])
                sender, recipient = rng.choice(info["parties"]), rng.choice(info["parties"])
                share, purpose = rng.choice(info["categories"]), rng.choice(info["purposes"])
                query = {"from": sender, "to": recipient, "share": share, "for": purpose, "facts": facts}
                by_json = table.decide(query, date=DAY)
                resolved = table.resolve(sender, recipient, share, purpose, facts, date=20261130)
                assert table.decide_resolved(resolved) == (by_json["effect"] == "permit")
                assert table.decision_resolved(resolved) == by_json
                checked += 1
    assert checked == 500 * len(tables)


def test_query_errors_carry_a_kind_and_the_id(tables):
    table = covenant.Table.open(tables["boekel.covenant"])
    with pytest.raises(covenant.QueryError) as caught:
        table.decide({"id": "a-1", "from": "nobody", "to": "ggz", "share": "health", "for": "support"}, date=DAY)
    assert caught.value.kind == "unknownParty" and caught.value.id == "a-1"
    with pytest.raises(covenant.QueryError) as caught:
        table.decide({"from": "ggz", "to": "dorpsteam", "share": "health", "for": "support", "fact": {}})
    assert caught.value.kind == "unknownKeyFact"
    line = json.loads(table.answer("", date=DAY))
    assert line["kind"] == "emptyLine"
    nl = json.loads(table.answer('{"from": "x", "to": "ggz", "share": "health", "for": "support"}', language="nl"))
    assert nl["kind"] == "unknownParty" and "geen partij" in nl["error"]


def test_a_resolved_query_that_does_not_fit_is_refused_never_permitted(tables):
    table = covenant.Table.open(tables["boekel.covenant"])
    facts = [covenant.MISSING] * len(table.facts)
    for bad in [covenant.ResolvedQuery(99, 0, 0, 0, facts), covenant.ResolvedQuery(0, -1, 0, 0, facts),
                covenant.ResolvedQuery(0, 0, 1000, 0, facts), covenant.ResolvedQuery(0, 0, 0, 5, facts),
                covenant.ResolvedQuery(0, 0, 0, 0, facts[:-1]), covenant.ResolvedQuery(0, 0, 0, 0, [7] * len(facts)),
                covenant.ResolvedQuery(0, 0, 0, 0, facts, date=20261331)]:
        with pytest.raises(covenant.QueryError) as caught:
            table.decide_resolved(bad)
        assert caught.value.kind in {"partyOutOfRange", "categoryOutOfRange", "purposeOutOfRange", "factCount",
                                     "valueDoesNotFit", "badDate"}


def test_damaged_and_foreign_tables_are_refused(tables):
    good = Path(tables["boekel.covenant"]).read_bytes()
    with pytest.raises(covenant.TableError) as caught:
        covenant.Table.from_bytes(b"")
    assert caught.value.kind == "emptyFile"
    flipped = bytearray(good)
    at = good.index(b'"rules"') + 20
    flipped[at] = ord("X") if flipped[at] != ord("X") else ord("Y")
    with pytest.raises(covenant.TableError) as caught:
        covenant.Table.from_bytes(bytes(flipped))
    assert caught.value.kind == "integrity"
    with pytest.raises(covenant.TableError) as caught:
        covenant.Table.from_bytes(good[: len(good) // 2])
    with pytest.raises(covenant.TableError) as caught:
        covenant.Table.open("/nonexistent/table.json")
    assert caught.value.kind == "cannotRead"
    with pytest.raises(covenant.CovenantError) as caught:
        covenant.Table.from_bytes(good, language="fr")
    assert caught.value.kind == "badLanguage"
    assert covenant.Table.from_bytes(good).sha256 == json.loads(good)["sha256"]


def test_random_bytes_never_load_and_never_crash():
    rng = random.Random(1)
    header = b'{"format":"covenant-decision-table","version":2,"sha256":"'
    for n in range(2_000):
        size = rng.randint(0, 300)
        data = bytes(rng.randint(0, 255) for _ in range(size))
        if n % 3 == 0:
            data = header + data
        with pytest.raises(covenant.TableError):
            covenant.Table.from_bytes(data)


def test_many_threads_share_one_table(tables):
    table = covenant.Table.open(tables["woerden-wmo.covenant.md"])
    lines = generated_queries(table.info, random.Random(3), 400)
    expected = [table.answer(line, date=DAY) for line in lines]
    failures = []

    def worker(offset):
        for i in range(len(lines)):
            j = (i + offset) % len(lines)
            if table.answer(lines[j], date=DAY) != expected[j]:
                failures.append(j)

    threads = [threading.Thread(target=worker, args=(k * 37,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []


def test_version_and_abi():
    assert covenant.abi_version() == covenant.ABI_VERSION == 1
    assert covenant.version().count(".") == 2


def test_the_fast_path_refuses_what_does_not_fit_instead_of_cutting_it_to_size(tables):
    """Numbers too large for the C types are refused, never wrapped into a valid index or value."""
    table = covenant.Table.open(tables["boekel.covenant"])
    with pytest.raises(covenant.QueryError):
        table.resolve("ggz", "dorpsteam", "health", "support", {"consent": "given", "age": 2**64 + 30}, date=DAY)
    facts = [0, 0, 0, 30, 0]
    for bad in [lambda: covenant.ResolvedQuery(2**32 + 3, 1, 4, 0, facts),
                lambda: covenant.ResolvedQuery(3, 1, 4, 0, [0, 0, 0, 2**64 + 30, 0]),
                lambda: covenant.ResolvedQuery(3, 1, 4, 0, facts, date=2**32 + 20261130),
                lambda: covenant.ResolvedQuery(3, 1, 4, 0, [0, 0, 0, 30.5, 0]),
                lambda: covenant.ResolvedQuery(True, 1, 4, 0, facts)]:
        with pytest.raises(covenant.QueryError):
            bad()


def test_resolve_reads_values_exactly_as_the_wire_does(tables):
    table = covenant.Table.open(tables["boekel.covenant"])
    base = {"from": "ggz", "to": "dorpsteam", "share": "health", "for": "support"}
    for facts in [{"consent": "given", "age": 30}, {"consent": "given", "age": "30"}, {"age": 30.9},
                  {"safety_risk": "ja", "age": 40}, {"safety_risk": "true"}, {"consent": "maybe"},
                  {"age": True}, {"unknown": 1}]:
        query = dict(base, facts=facts)
        wire = json.loads(table.answer(json.dumps(query), date=DAY))
        try:
            resolved = table.resolve(query, date=DAY)
        except covenant.QueryError as error:
            assert wire.get("kind") == error.kind, (facts, wire)
            continue
        assert "effect" in wire, (facts, wire)
        assert table.decision_resolved(resolved) == wire
    with pytest.raises(covenant.QueryError) as caught:
        table.resolve("ggz", "wijkteam", "health", "support")
    assert caught.value.kind == "groupRecipient"


def test_dates_may_be_text_numbers_or_dates(tables):
    import datetime
    table = covenant.Table.open(tables["boekel.covenant"])
    query = {"from": "ggz", "to": "dorpsteam", "share": "health", "for": "support",
             "facts": {"consent": "given", "age": 30}}
    expected = table.decide(query, date=DAY)
    assert table.decide(query, date=datetime.date(2026, 11, 30)) == expected
    for day in (DAY, 20261130, datetime.date(2026, 11, 30)):
        assert table.decision_resolved(table.resolve(query, date=day)) == expected
    with pytest.raises(covenant.CovenantError) as caught:
        table.decide(query, date="30-11-2026")
    assert caught.value.kind == "badDate"


def test_closing_while_other_threads_decide_is_safe(tables):
    path = tables["boekel.covenant"]
    line = json.dumps({"from": "ggz", "to": "dorpsteam", "share": "health", "for": "support"})
    for _ in range(20):
        table = covenant.Table.open(path)
        outcomes = []

        def worker():
            try:
                while True:
                    table.answer(line, date=DAY)
            except covenant.CovenantError as error:
                outcomes.append(error.kind)

        threads = [threading.Thread(target=worker) for _ in range(4)]
        for t in threads:
            t.start()
        table.close()
        for t in threads:
            t.join()
        assert outcomes == ["closed"] * 4
    with pytest.raises(covenant.CovenantError):
        table.decide({"from": "ggz"})


def test_a_table_can_be_tied_to_its_covenant_text(tables, tmp_path):
    source = ROOT / "covenants" / "boekel.covenant"
    table = covenant.Table.open(tables["boekel.covenant"], source=source)
    table.check_source(source.read_bytes())
    changed = tmp_path / "changed.covenant"
    changed.write_bytes(source.read_bytes() + b"\n// amended\n")
    with pytest.raises(covenant.TableError) as caught:
        covenant.Table.open(tables["boekel.covenant"], source=changed, language="nl")
    assert caught.value.kind == "otherSource" and "compileer" in caught.value.message


def test_a_table_saved_again_is_called_reformatted(tables):
    good = Path(tables["boekel.covenant"]).read_bytes()
    pretty = json.dumps(json.loads(good), indent=2).encode()
    for data in [pretty, b"\xef\xbb\xbf" + good, good.replace(b"\n", b"\r\n")]:
        with pytest.raises(covenant.TableError) as caught:
            covenant.Table.from_bytes(bytearray(data))
        assert caught.value.kind == "reformatted"
