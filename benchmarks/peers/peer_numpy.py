#!/usr/bin/python3
"""The repository's numpy/scipy performance peer: the margin engine's Monte Carlo ES as a competent quant
writes it in vectorized numpy, to time the engine against (after the model of the numpy peer the project was first
measured against).

Model (docs/model.md, the one-step normal case): over the horizon h, zero drift, each underlying's spot and
ATM vol move lognormally, spots correlated through the market's correlation matrix, each vol shock correlated
with its own spot shock. Every distinct instrument is revalued once per path (spot; future S e^{(r-q)tau};
option by Black-Scholes-Merton at the engine's smile vol, intrinsic once expired), accounts' P&L is a sparse
matrix product, and each account's ES is the mean of its ceil((1 - confidence) N) largest losses.

Stages, each timed: load (parse the book), simulate (draw and shape the factors), revalue (instruments x
paths), aggregate (accounts x paths), tail (ES by partial sort). Single process, numpy's own threading.

usage: peer_numpy.py BOOK_DIR [paths]   (Debian: python3-numpy python3-scipy)
Prints one JSON line: the stage seconds, total_s (from after the imports to the ES, so Python's start-up is
left out) and es_sum, the sum of every account's ES, as a checksum.
"""
import json
import math
import sys
import time

import numpy as np
import scipy.sparse as sp
from scipy.special import ndtr

import book_inputs
from book_inputs import CALL, FUTURE, SPOT


def unit_value(kind, spot, atm_vol, tau, strike, rate, dividend_yield, skew, smile):
    """Value of one unit at the spots and ATM vols given (arrays over paths), tau years before expiry."""
    if kind == SPOT:
        return spot
    if kind == FUTURE:
        return spot * math.exp((rate - dividend_yield) * tau) if tau > 0 else spot
    if tau <= 0:
        return np.maximum(spot - strike, 0) if kind == CALL else np.maximum(strike - spot, 0)
    forward = spot * math.exp((rate - dividend_yield) * tau)
    k = np.log(strike / forward) / math.sqrt(tau)
    vol = np.maximum(0.01, atm_vol + skew * k + smile * k * k)
    sd = vol * math.sqrt(tau)
    d1 = (np.log(spot / strike) + (rate - dividend_yield) * tau) / sd + 0.5 * sd
    d2 = d1 - sd
    if kind == CALL:
        return spot * math.exp(-dividend_yield * tau) * ndtr(d1) - strike * math.exp(-rate * tau) * ndtr(d2)
    return strike * math.exp(-rate * tau) * ndtr(-d2) - spot * math.exp(-dividend_yield * tau) * ndtr(-d1)


def simulate(book):
    """Spots and ATM vols at the horizon, paths x underlyings."""
    z, e = book_inputs.standard_normals(book)
    h, s0, vol0 = book.horizon_years, book.spot, book.atm_vol
    vov, rho = book.vol_of_vol, book.spot_vol_correlation
    spots = s0 * np.exp(-0.5 * vol0**2 * h + vol0 * math.sqrt(h) * z)
    vol_shock = rho * z + np.sqrt(1 - rho**2) * e
    vols = vol0 * np.exp(-0.5 * vov**2 * h + vov * math.sqrt(h) * vol_shock)
    return spots, vols


def revalue(book, spots, vols):
    """P&L of one unit of each distinct instrument on each path, instruments x paths."""
    pnl = np.empty((book.instruments, book.paths))
    h = book.horizon_years
    for j in range(book.instruments):
        i, kind, years = book.underlying[j], book.kind[j], book.years[j]
        terms = (book.strike[j], book.rate, book.dividend_yield[i], book.skew[i], book.smile[i])
        # Today's value from one-element slices, so that it goes through the same ufunc loops as the paths do.
        today = unit_value(kind, book.spot[i:i + 1], book.atm_vol[i:i + 1], years, *terms)[0]
        pnl[j] = unit_value(kind, spots[:, i], vols[:, i], years - h, *terms) - today
    return pnl


def main(folder, paths=None):
    t0 = time.time()
    book = book_inputs.load(folder, paths)
    weights = sp.csr_matrix((book.holding_weight, (book.holding_account, book.holding_instrument)),
                            shape=(book.accounts, book.instruments))
    t_load = time.time()
    spots, vols = simulate(book)
    t_simulate = time.time()
    instrument_pnl = revalue(book, spots, vols)
    t_revalue = time.time()
    account_pnl = weights @ instrument_pnl
    t_aggregate = time.time()
    n, k = book.paths, book.tail_count()
    tail = np.partition(-account_pnl, n - k, axis=1)[:, n - k:]
    es = tail.mean(axis=1)
    t_tail = time.time()
    print(json.dumps(dict(
        peer="numpy", accounts=book.accounts, instruments=book.instruments, positions=book.positions, paths=n,
        load_s=t_load - t0, simulate_s=t_simulate - t_load, revalue_s=t_revalue - t_simulate,
        aggregate_s=t_aggregate - t_revalue, tail_s=t_tail - t_aggregate, total_s=t_tail - t0,
        es_sum=float(es.sum()))))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else None)
