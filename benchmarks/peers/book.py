#!/usr/bin/python3
"""Writes a benchmark book of any size, in the engine's input format, for the sizes `pm bench generate` has no
name for (benchmarks/scaling.sh's sweep of accounts). Deterministic: numpy's PCG64 seeded with 11, drawn in the
order of the book script the project first used (kept outside the repository before commit 6acf4c9), so the books
are byte-identical to that script's and benchmarks/scaling.md stays comparable with the rows made by it.

Recipe: underlyings U000.. with uniform spots and ATM vols, one common factor (rho_ij = beta_i beta_j); each
account trades on five home underlyings: 10% spot, 10% futures, 80% options at thirteen strikes from 70% to
130% of spot, six expiries. The named sizes are S = 200 20 8 10000, M = 2000 100 50 100000, L = 100000 100 200
100000 (`pm bench generate OUT S|M|L` writes equivalent books faster, from Philox draws).

usage: book.py OUT_DIR ACCOUNTS POSITIONS_PER_ACCOUNT UNDERLYINGS PATHS   (Debian: python3-numpy)
"""
import csv
import json
import os
import sys

import numpy as np

EXPIRIES = ["2026-12-18", "2027-01-15", "2027-02-19", "2027-03-19", "2027-06-18", "2027-12-17"]
HOME_UNDERLYINGS = 5


def write_market(path, ids, spots, vols, betas):
    correlation = np.outer(betas, betas)
    np.fill_diagonal(correlation, 1.0)
    market = dict(
        asOf="2026-11-20T21:00:00Z", currency="USD", rate=0.03,
        underlyings=[dict(id=i, spot=float(s), dividendYield=0.01, atmVol=float(v), skew=-0.05, smile=0.02,
                          volOfVol=1.0, spotVolCorrelation=-0.6) for i, s, v in zip(ids, spots, vols)],
        correlation=dict(ids=ids, matrix=np.round(correlation, 4).tolist()))
    with open(path, "w") as f:
        json.dump(market, f)


def write_positions(path, rng, accounts, per_account, ids, spots):
    relative_strikes = np.linspace(0.7, 1.3, 13)
    with open(path, "w", newline="") as f:
        out = csv.writer(f)
        out.writerow(["account", "type", "underlying", "quantity", "multiplier", "strike", "expiry", "right"])
        for a in range(accounts):
            account = f"ACC{a:06d}"
            home = rng.choice(len(ids), size=min(len(ids), HOME_UNDERLYINGS), replace=False)
            for _ in range(per_account):
                # The draws' order is the book: keep it (underlying, kind, quantity, then the kind's own fields).
                u = int(rng.choice(home))
                kind = rng.random()
                quantity = int(rng.integers(-20, 21)) or 1
                if kind < 0.1:
                    out.writerow([account, "spot", ids[u], quantity * 100, 1, "", "", ""])
                elif kind < 0.2:
                    out.writerow([account, "future", ids[u], quantity, 100, "", str(rng.choice(EXPIRIES)), ""])
                else:
                    strike = round(float(spots[u] * rng.choice(relative_strikes)), 2)
                    expiry = str(rng.choice(EXPIRIES))
                    right = "call" if rng.random() < 0.5 else "put"
                    out.writerow([account, "option", ids[u], quantity, 100, strike, expiry, right])


def main(out, accounts, per_account, underlyings, paths, seed=11):
    rng = np.random.default_rng(seed)
    os.makedirs(out, exist_ok=True)
    ids = [f"U{i:03d}" for i in range(underlyings)]
    spots = np.round(rng.uniform(20, 500, underlyings), 2)
    vols = np.round(rng.uniform(0.15, 0.8, underlyings), 3)
    betas = rng.uniform(0.3, 0.9, underlyings)
    write_market(os.path.join(out, "market.json"), ids, spots, vols, betas)
    write_positions(os.path.join(out, "positions.csv"), rng, accounts, per_account, ids, spots)
    with open(os.path.join(out, "config.json"), "w") as f:
        json.dump(dict(paths=paths, horizonDays=2, confidence=0.99, seed=1), f)
    with open(os.path.join(out, "collateral.csv"), "w") as f:
        f.write("account,asset,amount\n")


if __name__ == "__main__":
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    main(sys.argv[1], *(int(x) for x in sys.argv[2:6]))
