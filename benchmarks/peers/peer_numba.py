#!/usr/bin/python3
"""The repository's compiled performance peer: the same model as peer_numpy.py written as numba loops run in
parallel over every core, what a performance-minded quant writes (after the model of the numba peer the project
was first measured against).

Same book, random stream and formulas as peer_numpy.py, so the two agree on es_sum to rounding. Stages: load
(parse the book, lay out instruments and a CSR weight matrix), compile (numba's JIT on a tiny problem, or its
on-disk cache: cache=True keeps the machine code in __pycache__ beside this file, so the second run of a
checkout shows the warm figure), simulate (factors per path), revalue (each distinct instrument once per
path), aggregate_tail (each account's losses folded from its CSR row, then ES by partial sort).

usage: peer_numba.py BOOK_DIR [paths]   (Debian: python3-numpy python3-numba)
Prints one JSON line: the stage seconds, compute_s (after compilation), total_s (from after the imports to the
ES, compilation included) and es_sum, the sum of every account's ES, as a checksum.
"""
import json
import math
import sys
import time

import numba as nb
import numpy as np

import book_inputs
from book_inputs import CALL, FUTURE, SPOT


@nb.njit(cache=True)
def normal_cdf(x):
    return 0.5 * math.erfc(-x / math.sqrt(2.0))


@nb.njit(cache=True)
def unit_value(kind, spot, atm_vol, tau, strike, rate, dividend_yield, skew, smile):
    """Value of one unit at one spot and ATM vol, tau years before expiry (peer_numpy.unit_value, per path)."""
    if kind == SPOT:
        return spot
    if kind == FUTURE:
        return spot * math.exp((rate - dividend_yield) * tau) if tau > 0 else spot
    if tau <= 0:
        return max(spot - strike, 0.0) if kind == CALL else max(strike - spot, 0.0)
    forward = spot * math.exp((rate - dividend_yield) * tau)
    k = math.log(strike / forward) / math.sqrt(tau)
    vol = max(0.01, atm_vol + skew * k + smile * k * k)
    sd = vol * math.sqrt(tau)
    d1 = (math.log(spot / strike) + (rate - dividend_yield) * tau) / sd + 0.5 * sd
    d2 = d1 - sd
    if kind == CALL:
        return spot * math.exp(-dividend_yield * tau) * normal_cdf(d1) - strike * math.exp(-rate * tau) * normal_cdf(d2)
    return strike * math.exp(-rate * tau) * normal_cdf(-d2) - spot * math.exp(-dividend_yield * tau) * normal_cdf(-d1)


@nb.njit(parallel=True, cache=True)
def simulate(z, e, s0, vol0, vol_of_vol, spot_vol_correlation, h):
    """Spots and ATM vols at the horizon, paths x underlyings."""
    paths, underlyings = z.shape
    spots = np.empty((paths, underlyings))
    vols = np.empty((paths, underlyings))
    sqrt_h = math.sqrt(h)
    for p in nb.prange(paths):
        for i in range(underlyings):
            rho = spot_vol_correlation[i]
            spots[p, i] = s0[i] * math.exp(-0.5 * vol0[i] ** 2 * h + vol0[i] * sqrt_h * z[p, i])
            vol_shock = rho * z[p, i] + math.sqrt(1.0 - rho ** 2) * e[p, i]
            vols[p, i] = vol0[i] * math.exp(-0.5 * vol_of_vol[i] ** 2 * h + vol_of_vol[i] * sqrt_h * vol_shock)
    return spots, vols


@nb.njit(parallel=True, cache=True)
def revalue(spots, vols, kind, underlying, strike, years, s0, vol0, rate, dividend_yield, skew, smile, h):
    """P&L of one unit of each distinct instrument on each path, instruments x paths."""
    paths = spots.shape[0]
    pnl = np.empty((kind.shape[0], paths))
    for j in nb.prange(kind.shape[0]):
        i = underlying[j]
        today = unit_value(kind[j], s0[i], vol0[i], years[j], strike[j], rate, dividend_yield[i], skew[i], smile[i])
        for p in range(paths):
            pnl[j, p] = unit_value(kind[j], spots[p, i], vols[p, i], years[j] - h, strike[j], rate,
                                   dividend_yield[i], skew[i], smile[i]) - today
    return pnl


@nb.njit(parallel=True, cache=True)
def aggregate_tail(row_start, instrument, weight, pnl, tail_count):
    """Each account's ES: its losses summed from its CSR row of holdings, then the mean of the largest."""
    accounts = row_start.shape[0] - 1
    paths = pnl.shape[1]
    es = np.empty(accounts)
    for a in nb.prange(accounts):
        loss = np.zeros(paths)
        for holding in range(row_start[a], row_start[a + 1]):
            j, w = instrument[holding], weight[holding]
            for p in range(paths):
                loss[p] -= w * pnl[j, p]
        es[a] = np.partition(loss, paths - tail_count)[paths - tail_count:].mean()
    return es


def csr_holdings(book):
    """Holdings sorted by account (stable, so each account keeps file order) and where each account's row starts."""
    order = np.argsort(book.holding_account, kind="stable")
    row_start = np.zeros(book.accounts + 1, np.int64)
    np.add.at(row_start, book.holding_account + 1, 1)
    return np.cumsum(row_start), book.holding_instrument[order], book.holding_weight[order]


def compile_kernels(book):
    """Run every kernel once on a two-path, one-instrument problem, so that compilation is timed on its own."""
    n = len(book.spot)
    spots, vols = simulate(np.zeros((2, n)), np.zeros((2, n)), book.spot, book.atm_vol, book.vol_of_vol,
                           book.spot_vol_correlation, book.horizon_years)
    pnl = revalue(spots, vols, book.kind[:1], book.underlying[:1], book.strike[:1], book.years[:1], book.spot,
                  book.atm_vol, book.rate, book.dividend_yield, book.skew, book.smile, book.horizon_years)
    aggregate_tail(np.array([0, 1], np.int64), np.zeros(1, np.int64), np.ones(1), pnl, 1)


def main(folder, paths=None):
    t0 = time.time()
    book = book_inputs.load(folder, paths)
    row_start, instrument, weight = csr_holdings(book)
    t_load = time.time()
    compile_kernels(book)
    t_compile = time.time()
    z, e = book_inputs.standard_normals(book)
    spots, vols = simulate(z, e, book.spot, book.atm_vol, book.vol_of_vol, book.spot_vol_correlation,
                           book.horizon_years)
    t_simulate = time.time()
    pnl = revalue(spots, vols, book.kind, book.underlying, book.strike, book.years, book.spot, book.atm_vol,
                  book.rate, book.dividend_yield, book.skew, book.smile, book.horizon_years)
    t_revalue = time.time()
    es = aggregate_tail(row_start, instrument, weight, pnl, book.tail_count())
    t_tail = time.time()
    print(json.dumps(dict(
        peer="numba", threads=nb.config.NUMBA_NUM_THREADS, accounts=book.accounts, instruments=book.instruments,
        positions=book.positions, paths=book.paths, load_s=t_load - t0, compile_s=t_compile - t_load,
        simulate_s=t_simulate - t_compile, revalue_s=t_revalue - t_simulate, aggregate_tail_s=t_tail - t_revalue,
        compute_s=t_tail - t_compile, total_s=t_tail - t0, es_sum=float(es.sum()))))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else None)
