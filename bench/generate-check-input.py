#!/usr/bin/env python3
"""Writes a covenant of about N lines (default 10,000) for measuring `covenantc check`.

Deterministic: the same N gives the same file. Usage: bench/generate-check-input.py [LINES] > big.covenant
"""
import sys

lines_wanted = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
out = ['covenant "Generated" {', '  version "1"', '  controller p0', '  valid from 2025-01-01 until 2028-12-31', '}']
parties = max(8, lines_wanted // 40)
for i in range(parties):
    out.append(f'party p{i} "Party {i}" {{ kind {["government", "care", "enforcement", "education"][i % 4]} }}')
for g in range(parties // 4):
    out.append(f'group g{g} = p{4 * g}, p{4 * g + 1}, p{4 * g + 2}' + (f', g{g - 1}' if g % 5 else ''))
out.append('category root "Alles" {')
for c in range(parties // 2):
    out.append(f'  category c{c} "Categorie {c}" {{ nature {"what" if c % 2 else "that"} retention {c % 9 + 1} years }}')
out.append('}')
for p in range(parties // 4):
    out.append(f'purpose u{p} "Doel {p}"')
out += ['fact consent : given | refused | none default none', 'fact risk : bool default false', 'fact age : int 0..130',
        'basis b_consent { kind consent }', 'basis b_task { kind public_task }', 'obligation inform "Informeren"',
        'obligation record "Vastleggen"']
r = 0
while len(out) < lines_wanted - 8:
    effect = 'forbid' if r % 3 == 0 else 'permit'
    exception = f' exception to r{r - 1}' if r % 3 == 1 else ''
    out.append(f'rule r{r} "Regel {r}"{exception} {{')
    out.append(f'  {effect} g{r % (parties // 4)}, p{r % parties} -> p{(r * 7) % parties}')
    out.append(f'  share c{r % (parties // 2)}')
    out.append(f'  for u{r % (parties // 4)}')
    out.append(f'  when consent == given and age >= {r % 18} or risk')
    if effect == 'permit':
        out.append(f'  basis {"b_consent" if r % 2 else "b_task"}')
        out.append('  oblige record, inform within 4 weeks unless risk')
    out.append('}')
    r += 1
out += ['test "t" {', '  query p0 -> p1 share c0 for u0 given consent = given, age = 30', '  expect deny', '}']
print('\n'.join(out))
