"""Decides a question through the Python binding (bindings/python): `pip install ./bindings/python`,
then `python decide.py boekel.table.json`. scripts/embedding-check runs it."""
import sys

import covenant

table = covenant.Table.open(sys.argv[1])  # checks the table's SHA-256 and every index
decision = table.decide({"from": "ggz", "to": "dorpsteam", "share": "health", "for": "support",
                         "facts": {"consent": "given", "age": 30}}, date="2026-11-30", language="en")
print(decision["effect"], decision["decidedBy"], decision["obligations"][0]["id"])
try:
    table.decide({"from": "ggz", "to": "wijkteam", "share": "health", "for": "support"})
except covenant.QueryError as error:  # never a deny: the query is wrong
    print(error.kind, "-", error.message)
