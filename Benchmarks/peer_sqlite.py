#!/usr/bin/env python3
"""Peer measurement: the same queries as corridor-bench, as raw SQL through Python's sqlite3
(the same system libsqlite3) on the same database file. It shows what Corridor's store adds
on top of the bare engine.

Usage: Benchmarks/peer_sqlite.py WORK_DIR   (the directory corridor-bench wrote)
"""
import os
import re
import sqlite3
import sys
import time

work = sys.argv[1]
db = sqlite3.connect(os.path.join(work, "bench.sqlite"))
codes = [line.split(",") for line in open(os.path.join(work, "codes.txt")).read().splitlines() if line]
phrases = [p for p in open(os.path.join(work, "phrases.txt")).read().splitlines() if p]
STOP = {"and", "or", "not", "near", "of", "the", "for", "a", "an"}


def pct(values, p):
    s = sorted(values)
    return s[int(round(p * (len(s) - 1)))] * 1000


def entry(release, code):
    return db.execute("SELECT * FROM nomenclature WHERE release_id = ? AND code = ?", (release, code)).fetchone()


def lookup(release, code):
    db.execute("SELECT * FROM release ORDER BY family, effective_from, id").fetchall()
    row = entry(release, code)
    parent = db.execute("SELECT parent FROM nomenclature WHERE release_id = ? AND code = ?", (release, code)).fetchone()[0]
    while parent:
        r = db.execute("SELECT * FROM nomenclature WHERE release_id = ? AND code = ?", (release, parent)).fetchone()
        if r is None:
            break
        parent = r[4]
    db.execute("SELECT * FROM nomenclature WHERE release_id = ? AND parent = ? ORDER BY code", (release, code)).fetchall()
    return row


def search(text):
    tokens = [t for t in re.split(r"[^\w]+", text.lower()) if t and t not in STOP][:16]
    for joiner in (" AND ", " OR "):
        match = joiner.join(f'"{t}"' for t in tokens)
        rows = db.execute(
            """SELECT n.*, bm25(nomenclature_fts, 2.0, 1.0, 0.0) AS rank
               FROM nomenclature_fts JOIN nomenclature n ON n.rowid = nomenclature_fts.rowid
               WHERE nomenclature_fts MATCH ? ORDER BY substr(n.code, 1, 2) IN ('98', '99'), rank, n.release_id DESC, n.code LIMIT 20""", (match,)).fetchall()
        if rows or len(tokens) == 1:
            return rows
    return []


for release, code in codes[:50]:
    entry(release, code)
e, l, s = [], [], []
for release, code in codes:
    t = time.perf_counter(); entry(release, code); e.append(time.perf_counter() - t)
    t = time.perf_counter(); lookup(release, code); l.append(time.perf_counter() - t)
for _ in range(25):
    for p in phrases:
        t = time.perf_counter(); search(p); s.append(time.perf_counter() - t)
print(f"## Queries (peer: Python {sys.version.split()[0]} sqlite3, SQLite {sqlite3.sqlite_version}, same SQL, same file)\n")
print("| query | n | p50 ms | p99 ms |\n|---|---:|---:|---:|")
for name, v in [("entry", e), ("lookup (entry + ancestors + children)", l), ("search (FTS5 bm25, limit 20)", s)]:
    print(f"| {name} | {len(v)} | {pct(v, .5):.3f} | {pct(v, .99):.3f} |")
