"""Reads a benchmark book (market.json, positions.csv, config.json) into the arrays both peers work on.

A book folder is what `pm bench generate` or benchmarks/peers/book.py writes, or samples/: the peers ignore
collateral.csv and every config field but horizonDays, confidence, paths and seed. Positions that differ only
by account or quantity are one distinct instrument, revalued once per path; the accounts' holdings are kept as
(account, instrument, quantity x multiplier) triplets so that each peer builds the sparse layout it prefers.
"""
import csv
import json
import math
import os
from dataclasses import dataclass
from datetime import date, datetime

import numpy as np

# The engine's defaults for the config fields a peer reads (docs/formats.md).
DEFAULTS = dict(horizonDays=2, confidence=0.99, paths=10000, seed=1)

SPOT, FUTURE, CALL, PUT = 0, 1, 2, 3


@dataclass
class Book:
    positions: int
    paths: int
    seed: int
    horizon_years: float
    confidence: float
    rate: float
    # per underlying
    spot: np.ndarray
    atm_vol: np.ndarray
    vol_of_vol: np.ndarray
    spot_vol_correlation: np.ndarray
    dividend_yield: np.ndarray
    skew: np.ndarray
    smile: np.ndarray
    correlation: np.ndarray  # underlyings x underlyings, identity where market.json gives none
    # per distinct instrument
    kind: np.ndarray  # SPOT, FUTURE, CALL or PUT
    underlying: np.ndarray
    strike: np.ndarray  # 0 unless an option
    years: np.ndarray  # to expiry from the as-of date (act/365); 0 for spot
    # holdings, one per position, in file order
    holding_account: np.ndarray
    holding_instrument: np.ndarray
    holding_weight: np.ndarray
    accounts: int

    @property
    def instruments(self):
        return len(self.kind)

    def tail_count(self):
        """Losses averaged into ES: ceil((1 - confidence) N), as the engine's TailRanks rounds it.

        1 - 0.99 is 0.010000000000000009 in binary, so without the slack 10,000 paths would average 101 losses.
        """
        slack = 1e-12 * max(1, self.paths)
        return min(self.paths, max(1, math.ceil((1.0 - self.confidence) * self.paths - slack)))


def parse_date(text):
    if "T" in text:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    return date.fromisoformat(text)


def load(folder, paths=None):
    with open(os.path.join(folder, "market.json")) as f:
        market = json.load(f)
    config = dict(DEFAULTS)
    config_path = os.path.join(folder, "config.json")
    if os.path.exists(config_path):
        with open(config_path) as f:
            config.update(json.load(f))
    with open(os.path.join(folder, "positions.csv"), newline="") as f:
        rows = list(csv.DictReader(f))

    underlyings = market["underlyings"]
    index_of = {u["id"]: i for i, u in enumerate(underlyings)}

    def per_underlying(field, default=None):
        return np.array([float(u[field] if default is None else u.get(field, default)) for u in underlyings])

    correlation = np.eye(len(underlyings))
    if "correlation" in market:
        ix = [index_of[i] for i in market["correlation"]["ids"]]
        correlation[np.ix_(ix, ix)] = np.array(market["correlation"]["matrix"])

    # Distinct instruments keyed on the position's text fields, numbered in order of first appearance.
    as_of = parse_date(market["asOf"])
    instrument_of, accounts = {}, {}
    kind, underlying, strike, years = [], [], [], []
    holding_account, holding_instrument, holding_weight = [], [], []
    for row in rows:
        key = (row["type"], row["underlying"], row.get("strike") or "", row.get("expiry") or "", row.get("right") or "")
        j = instrument_of.get(key)
        if j is None:
            j = instrument_of[key] = len(kind)
            typ, und, k, expiry, right = key
            kind.append(SPOT if typ == "spot" else FUTURE if typ == "future" else CALL if right == "call" else PUT)
            underlying.append(index_of[und])
            strike.append(float(k) if k else 0.0)
            years.append((parse_date(expiry) - as_of).days / 365.0 if expiry else 0.0)
        holding_account.append(accounts.setdefault(row["account"], len(accounts)))
        holding_instrument.append(j)
        holding_weight.append(float(row["quantity"]) * float(row.get("multiplier") or 1))

    return Book(
        positions=len(rows), paths=paths or int(config["paths"]), seed=int(config.get("seed", 1)),
        horizon_years=config["horizonDays"] / 365.0, confidence=float(config["confidence"]),
        rate=float(market.get("rate", 0.0)),
        spot=per_underlying("spot"), atm_vol=per_underlying("atmVol"),
        vol_of_vol=per_underlying("volOfVol", 0.0), spot_vol_correlation=per_underlying("spotVolCorrelation", 0.0),
        dividend_yield=per_underlying("dividendYield", 0.0), skew=per_underlying("skew", 0.0),
        smile=per_underlying("smile", 0.0), correlation=correlation,
        kind=np.array(kind, np.int64), underlying=np.array(underlying, np.int64),
        strike=np.array(strike), years=np.array(years),
        holding_account=np.array(holding_account, np.int64), holding_instrument=np.array(holding_instrument, np.int64),
        holding_weight=np.array(holding_weight), accounts=len(accounts))


def standard_normals(book):
    """The peers' one random stream: correlated spot shocks Z, then independent vol shocks E, each paths x underlyings."""
    rng = np.random.default_rng(book.seed)
    z = rng.standard_normal((book.paths, len(book.spot))) @ np.linalg.cholesky(book.correlation).T
    e = rng.standard_normal((book.paths, len(book.spot)))
    return z, e
