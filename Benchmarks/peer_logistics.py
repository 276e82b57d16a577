#!/usr/bin/env python3
"""Peer measurement for CorridorLogistics' sea routes: searoute-py 1.6.0 on the same network.

The network is the same file both sides read (`logistics/searoute_marnet.geojson`), loaded with
searoute's own `Marnet.from_geojson`, plus the zero-length edges that join (180, y) to (-180, y)
which Corridor adds (searoute's bundled network adds the same joins). Each pair is routed from the
same port coordinates; the route length is searoute's own (`properties.length`, km). Timings are
the best of 5 calls per pair, as Corridor's are, and the median over the pairs is compared.

Usage: peer_logistics.py DATA_DIR WORK_DIR   (run inside the venv Benchmarks/run creates)
"""
import json
import os
import sys
import time
import warnings

warnings.filterwarnings("ignore")
import searoute as sr  # noqa: E402
from searoute.classes.marnet import Marnet  # noqa: E402

data, work = sys.argv[1], sys.argv[2]
swift = json.load(open(os.path.join(work, "swift.json")))["sea"]

M = Marnet.from_geojson(os.path.join(data, "logistics/searoute_marnet.geojson"))
lats = {n[1] for n in list(M.nodes) if n[0] == 180} & {n[1] for n in list(M.nodes) if n[0] == -180}
for y in lats:
    M.add_edge((180, y), (-180, y), weight=0.0)
    M.add_edge((-180, y), (180, y), weight=0.0)
M.update_kdtree()

rows, times, agree, unreachable = [], [], 0, 0
for pair in swift["pairs"]:
    best, feature = float("inf"), None
    for _ in range(5):
        t = time.perf_counter()
        try:
            feature = sr.searoute(pair["origin"], pair["destination"], M=M, units="km")
        except Exception as exc:  # searoute raises when no path exists
            feature = None
            err = str(exc)
        best = min(best, time.perf_counter() - t)
    times.append(best)
    peer = feature["properties"]["length"] if feature else float("inf")
    ours = pair["length_km"]
    if ours < 0 or peer in (0, float("inf")):
        unreachable += 1
        ok = ours < 0 and peer in (0, float("inf"))
    else:
        ok = abs(ours - peer) / peer <= 1e-4
    agree += ok
    rows.append((pair["from"], pair["to"], ours, peer, ok))

times.sort()
peer_median = times[len(times) // 2]
ours_median = swift["median_seconds"]
print("## Logistics (issue 8): sea routes vs searoute-py 1.6.0, same network\n")
print(f"network: {swift['nodes']} nodes, {swift['edges']} edges; 200 seeded port pairs; {unreachable} unreachable on both sides\n")
print("| check | result | figures |")
print("|---|---|---|")
share = agree / len(rows)
print(f"| lengths within 0.01% on ≥ 99% of pairs | {'PASS' if share >= 0.99 else 'FAIL'} | {agree} of {len(rows)} pairs ({share:.1%}) |")
speed = peer_median / ours_median
print(f"| median query ≥ 15× faster | {'PASS' if speed >= 15 else 'FAIL'} | searoute {peer_median * 1e3:.2f} ms, Corridor {ours_median * 1e3:.3f} ms: {speed:.0f}× |")
plan = json.load(open(os.path.join(work, "swift.json")))["plan"]
worst_plan = max(q["median_seconds"] for q in plan["queries"][:2])
print(f"| Pareto plan, two Chinese inland cities → a European city, < 10 ms | {'PASS' if worst_plan < 0.010 else 'FAIL'} | "
      + "; ".join(f"{q['from']} → {q['to']}: {q['median_seconds'] * 1e3:.2f} ms, {q['options']} options" for q in plan["queries"]) + " |")
raptor = json.load(open(os.path.join(work, "swift.json")))["raptor"]
print(f"| RAPTOR on the NYC feed, median < 1 ms | {'PASS' if raptor['median_seconds'] < 0.001 else 'FAIL'} | "
      f"median {raptor['median_seconds'] * 1e6:.1f} µs, p99 {raptor['p99_seconds'] * 1e6:.1f} µs over {raptor['queries']} seeded queries "
      f"({raptor['reached']} reachable; {raptor['stations']} stations, {raptor['trips']} trips on 2025-01-08) |")
worst = sorted((abs(o - p) / p if p not in (0, float('inf')) and o > 0 else 0, a, b, o, p) for a, b, o, p, _ in rows)[-5:]
print("\nLargest relative differences (from, to, Corridor km, searoute km):\n")
for d, a, b, o, p in reversed(worst):
    print(f"- {a} → {b}: {o:.3f} vs {p:.3f} ({d:.2e})")
sys.exit(0 if share >= 0.99 and speed >= 15 and worst_plan < 0.010 and raptor["median_seconds"] < 0.001 else 1)
