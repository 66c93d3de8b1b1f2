#!/usr/bin/python3
"""Turns `pm bench` result lines ("<axis> {json}") into a Markdown table and a two-panel PNG plot.
usage: plot_scaling.py RESULTS TABLE.md PLOT.png"""
import json, sys
import matplotlib
matplotlib.use("Agg")  # no display on a server
import matplotlib.pyplot as plt

rows = []
for line in open(sys.argv[1]):
    axis, payload = line.split(" ", 1)
    rows.append((axis, json.loads(payload)))

with open(sys.argv[2], "w") as table:
    device = rows[0][1]["device"] if rows else "?"
    table.write(f"# Scaling ({device})\n\nEnd-to-end seconds of `pm bench` (after a warm-up), books from benchmarks/peers/book.py "
                "(100 positions per account, 50 underlyings). Regenerate with `benchmarks/scaling.sh`.\n\n"
                "Along the accounts axis the books draw on the same ~8,000 distinct instruments, so revaluation, the "
                "largest stage, stays nearly flat and only aggregation and the tail grow with accounts: time grows "
                "less than linearly. Along the paths axis every stage is linear in paths.\n\n")
    table.write("| axis | accounts | positions | instruments | paths | seconds | seconds per million account-paths |\n|---|---|---|---|---|---|---|\n")
    for axis, r in rows:
        per = r["seconds"] / (r["accounts"] * r["paths"] / 1e6)
        table.write(f"| {axis} | {r['accounts']} | {r['positions']} | {r['instruments']} | {r['paths']} | {r['seconds']:.2f} | {per:.3f} |\n")

fig, panels = plt.subplots(1, 2, figsize=(10, 4))
for panel, axis, key in ((panels[0], "accounts", "accounts"), (panels[1], "paths", "paths")):
    points = [(r[key], r["seconds"]) for a, r in rows if a == axis]
    if not points:
        continue
    xs, ys = zip(*points)
    panel.plot(xs, ys, "o-", label="measured")
    panel.plot(xs, [ys[0] * x / xs[0] for x in xs], "--", color="grey", label="linear from the smallest")
    panel.set_xlabel(axis)
    panel.set_ylabel("end-to-end seconds")
    panel.set_title(f"time vs {axis}")
    panel.legend()
fig.tight_layout()
fig.savefig(sys.argv[3], dpi=100)
