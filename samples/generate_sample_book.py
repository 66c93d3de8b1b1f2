#!/usr/bin/env python3
"""Generate the sample book for PortfolioMargin.Gpu: market.json, positions.csv, collateral.csv, config.json.

Usage:
    python3 samples/generate_sample_book.py samples            # write into samples/
    python3 samples/generate_sample_book.py OUTDIR --seed 7    # another (still deterministic) book

Standard library only, and deterministic: the market is a fixed table, and every random choice about an
account (strategies, strikes, quantities, target ratio, collateral) comes from a random.Random seeded with
the base seed and the account id, so one account's book does not depend on how many others were drawn
before it. (Which accounts fill the margin-call / liquidation quotas does depend on the whole book.)

What it builds
--------------
* A market of 14 underlyings (index ETFs, large caps, gold, oil, a euro-FX ETF) with a parametric smile
  sigma(K,T) = max(0.01, atmVol + skew*k + smile*k^2), k = ln(K/F)/sqrt(T), and a correlation matrix from a
  multi-factor model (market + sector loadings + idiosyncratic variance), so it is positive definite by
  construction; a pure-Python Cholesky checks that again after rounding to 3 decimals.
* 260 accounts of option/future/spot strategies (straddles, strangles, condors, butterflies, ratio spreads,
  verticals, covered calls, protective puts, futures hedges and cross-hedges, naked shorts, outrights) and a
  few special accounts (a perfect hedge, a spot-only account, a lone short straddle, an institutional book).
* Collateral sized so that, once the engine runs, accounts land in all three statuses. The script cannot run
  the engine, so it prices the book itself with the engine's formulas (Black-Scholes on the smile, futures at
  S*e^{(r-q)T}) and uses as a proxy for initial margin
      max(worst loss on the engine's stress grid, a rough 2-day 99% Monte Carlo ES, $0.375 x multiplier x |contracts|).
  Each account then gets a target ratio equity/IM (healthy 1.3-3.0, margin call 0.85-0.97, liquidation
  0.2-0.7), and its USD collateral is set to target*IM - NLV - (haircut value of any stock collateral).
"""

import argparse
import csv
import datetime as dt
import json
import math
import os
import random
from collections import Counter
from dataclasses import dataclass
from typing import Optional

# ----------------------------------------------------------------------------------------------------------
# Market
# ----------------------------------------------------------------------------------------------------------

AS_OF = dt.date(2026, 11, 20)
AS_OF_STAMP = "2026-11-20T21:00:00Z"
RATE = 0.04
HORIZON_DAYS = 2
CONFIDENCE = 0.99
HAIRCUT_STOCK = 0.15
MIN_PER_CONTRACT = 0.375
MAINTENANCE_RATIO = 0.8
ENGINE_SEED = 20261124

# Stress grid of the engine (FINRA 4210(g)-style): -15%..+15% in 3% steps x ATM vol -25%/0/+25%, all
# underlyings at once, no time decay.
PRICE_MOVES = [round(i * 0.03, 10) for i in range(-5, 6)]
VOL_MOVES = [-0.25, 0.0, 0.25]

# id, spot, dividendYield, atmVol, skew, smile, volOfVol, spotVolCorrelation, kind, factor loadings.
# kind decides the futures multiplier and the strike tick. Loadings are on the factors
# market / tech / energy / haven / small (small caps); each row's sum of squares is < 1 and the rest is
# idiosyncratic variance, which makes the correlation matrix positive definite by construction.
UNDERLYINGS = [
    # id     spot     q       vol   skew    smile  vov   rho_sv  kind         loadings
    ("SPY",  592.40, 0.0125, 0.16, -0.110, 0.020, 1.30, -0.75, "index",     {"market": 0.97, "tech": 0.12}),
    ("QQQ",  508.90, 0.0060, 0.21, -0.095, 0.018, 1.20, -0.72, "index",     {"market": 0.88, "tech": 0.35}),
    ("IWM",  236.15, 0.0120, 0.24, -0.085, 0.015, 1.10, -0.68, "index",     {"market": 0.85, "small": 0.30}),
    ("AAPL", 231.60, 0.0045, 0.26, -0.060, 0.012, 0.95, -0.60, "stock",     {"market": 0.62, "tech": 0.40}),
    ("MSFT", 424.30, 0.0075, 0.24, -0.055, 0.010, 0.90, -0.58, "stock",     {"market": 0.64, "tech": 0.42}),
    ("NVDA", 146.20, 0.0003, 0.50, -0.040, 0.020, 1.00, -0.45, "stock",     {"market": 0.58, "tech": 0.45}),
    ("AMZN", 204.75, 0.0000, 0.32, -0.050, 0.015, 0.95, -0.55, "stock",     {"market": 0.60, "tech": 0.33}),
    ("TSLA", 338.80, 0.0000, 0.58, -0.020, 0.030, 0.80, -0.35, "stock",     {"market": 0.50, "tech": 0.25}),
    ("JPM",  241.10, 0.0210, 0.25, -0.070, 0.012, 1.00, -0.62, "stock",     {"market": 0.66, "small": 0.20}),
    ("XOM",  118.40, 0.0300, 0.27, -0.060, 0.015, 0.85, -0.50, "stock",     {"market": 0.45, "energy": 0.60}),
    ("BKNG", 4862.50, 0.0070, 0.30, -0.065, 0.012, 0.85, -0.50, "stock",    {"market": 0.55, "small": 0.10}),
    ("GLD",  246.30, 0.0000, 0.15, -0.020, 0.025, 0.70, -0.30, "commodity", {"market": -0.08, "haven": 0.70}),
    ("USO",   74.85, 0.0000, 0.38, -0.030, 0.030, 1.00, -0.40, "commodity", {"market": 0.30, "energy": 0.65}),
    ("FXE",  101.35, 0.0000, 0.12, -0.010, 0.008, 0.60, -0.30, "fx",        {"market": 0.15, "haven": 0.40}),
]

FUTURE_MULTIPLIER = {"index": 50, "stock": 100, "commodity": 1000, "fx": 1000}
OPTION_MULTIPLIER = 100  # every underlying here is an ETF or a stock: 100-share option contracts

# Expiries (all Fridays). 2026-11-27 is the short-dated one (one week out); it is drawn rarely.
OPTION_EXPIRIES = [
    (dt.date(2026, 11, 27), 0.06),
    (dt.date(2026, 12, 18), 0.26),
    (dt.date(2027, 1, 15), 0.22),
    (dt.date(2027, 3, 19), 0.20),
    (dt.date(2027, 6, 18), 0.14),
    (dt.date(2027, 12, 17), 0.12),
]
FUTURE_EXPIRIES = [
    (dt.date(2026, 12, 18), 0.45),
    (dt.date(2027, 3, 19), 0.30),
    (dt.date(2027, 6, 18), 0.15),
    (dt.date(2027, 12, 17), 0.10),
]


@dataclass(frozen=True)
class Underlying:
    id: str
    spot: float
    q: float
    vol: float
    skew: float
    smile: float
    vov: float
    rho_sv: float
    kind: str
    loadings: dict


MARKET = {row[0]: Underlying(*row) for row in UNDERLYINGS}
IDS = [row[0] for row in UNDERLYINGS]


def correlation_matrix():
    """C = B B^T + D from the factor loadings, rounded to 3 decimals (symmetric, unit diagonal)."""
    n = len(IDS)
    c = [[0.0] * n for _ in range(n)]
    for i, a in enumerate(IDS):
        la = MARKET[a].loadings
        if sum(v * v for v in la.values()) >= 0.995:
            raise SystemExit(f"loadings of {a} leave no idiosyncratic variance")
        for j, b in enumerate(IDS):
            if i == j:
                c[i][j] = 1.0
            else:
                lb = MARKET[b].loadings
                c[i][j] = round(sum(la[f] * lb.get(f, 0.0) for f in la), 3)
    return c


def cholesky(c):
    """Cholesky-Banachiewicz; raises if the matrix is not (strictly) positive definite."""
    n = len(c)
    lower = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1):
            s = c[i][j] - sum(lower[i][k] * lower[j][k] for k in range(j))
            if i == j:
                if s <= 1e-9:
                    raise SystemExit(f"correlation matrix is not positive definite (pivot {s:.3g} at {IDS[i]})")
                lower[i][i] = math.sqrt(s)
            else:
                lower[i][j] = s / lower[j][j]
    return lower


def check_correlation(c):
    n = len(c)
    for i in range(n):
        assert c[i][i] == 1.0
        for j in range(n):
            assert -1.0 <= c[i][j] <= 1.0 and c[i][j] == c[j][i], (IDS[i], IDS[j])
    lower = cholesky(c)
    min_pivot = min(lower[i][i] for i in range(n))
    return lower, min_pivot


# ----------------------------------------------------------------------------------------------------------
# Pricing: the engine's formulas (InstrumentPricer / VolSmile / BlackScholes)
# ----------------------------------------------------------------------------------------------------------

def years_to(expiry):
    return (expiry - AS_OF).days / 365.0


def norm_cdf(x):
    return 0.5 * (1.0 + math.erf(x / math.sqrt(2.0)))


def implied_vol(u, atm, strike, spot, t):
    forward = spot * math.exp((RATE - u.q) * t)
    k = math.log(strike / forward) / math.sqrt(t)
    return max(0.01, atm + u.skew * k + u.smile * k * k)


def bs_price(omega, spot, strike, t, q, vol):
    if t <= 0.0:
        return max(omega * (spot - strike), 0.0)
    sd = vol * math.sqrt(t)
    d1 = (math.log(spot / strike) + (RATE - q) * t) / sd + 0.5 * sd
    d2 = d1 - sd
    return omega * (spot * math.exp(-q * t) * norm_cdf(omega * d1)
                    - strike * math.exp(-RATE * t) * norm_cdf(omega * d2))


@dataclass(frozen=True)
class Leg:
    type: str                 # spot | future | option
    underlying: str
    quantity: int
    multiplier: int
    strike: Optional[float] = None
    expiry: Optional[dt.date] = None
    right: Optional[str] = None  # call | put


def unit_value(leg, spot, atm, t_shift=0.0):
    """Value of one unit of the leg at the given spot and ATM vol, `t_shift` years after the as-of date."""
    u = MARKET[leg.underlying]
    if leg.type == "spot":
        return spot
    t = years_to(leg.expiry) - t_shift
    if leg.type == "future":
        return spot * math.exp((RATE - u.q) * t) if t > 0 else spot
    omega = 1.0 if leg.right == "call" else -1.0
    if t <= 0.0:
        return max(omega * (spot - leg.strike), 0.0)
    return bs_price(omega, spot, leg.strike, t, u.q, implied_vol(u, atm, leg.strike, spot, t))


def base_value(leg):
    u = MARKET[leg.underlying]
    return unit_value(leg, u.spot, u.vol)


def nlv(legs):
    """Net liquidation value: spot and options at model value (long adds, short subtracts); futures add 0."""
    return sum(leg.quantity * leg.multiplier * base_value(leg) for leg in legs if leg.type != "future")


def stress_worst_loss(legs):
    """Worst loss over the engine's stress grid (all underlyings move together; vol relative; no decay)."""
    worst = -math.inf
    base = [base_value(leg) for leg in legs]
    for dp in PRICE_MOVES:
        for dv in VOL_MOVES:
            pnl = 0.0
            for leg, v0 in zip(legs, base):
                u = MARKET[leg.underlying]
                v = unit_value(leg, u.spot * (1.0 + dp), u.vol * (1.0 + dv))
                pnl += leg.quantity * leg.multiplier * (v - v0)
            worst = max(worst, -pnl)
    return max(worst, 0.0)


def minimum_charge(legs):
    return sum(MIN_PER_CONTRACT * leg.multiplier * abs(leg.quantity) for leg in legs if leg.type == "option")


class RoughES:
    """A small Monte Carlo ES (2 days, 99%) used only as a cross-check on the stress proxy.

    The engine's own scenario model may differ (this one: correlated lognormal spots, lognormal ATM vol with
    vol-of-vol and spot-vol correlation, two days of time decay), so it is a safety net: where it exceeds the
    stress loss it raises the proxy IM, and accounts whose ES comes close to their stress loss are not used
    for the narrow margin-call band.
    """

    def __init__(self, lower, paths, seed):
        self.paths = paths
        self.h = HORIZON_DAYS / 365.0
        rng = random.Random(f"{seed}:rough-es")
        n = len(IDS)
        self.scen = []  # per path: {id: (spot, atmVol)}
        sh = math.sqrt(self.h)
        for _ in range(paths):
            eps = [rng.gauss(0.0, 1.0) for _ in range(n)]
            z = [sum(lower[i][k] * eps[k] for k in range(i + 1)) for i in range(n)]
            state = {}
            for i, a in enumerate(IDS):
                u = MARKET[a]
                w = u.rho_sv * z[i] + math.sqrt(1.0 - u.rho_sv ** 2) * rng.gauss(0.0, 1.0)
                s = u.spot * math.exp(u.vol * sh * z[i] - 0.5 * u.vol ** 2 * self.h)
                v = u.vol * math.exp(u.vov * sh * w - 0.5 * u.vov ** 2 * self.h)
                state[a] = (s, v)
            self.scen.append(state)
        self.cache = {}

    def _values(self, leg):
        key = (leg.type, leg.underlying, leg.strike, leg.expiry, leg.right)
        if key not in self.cache:
            self.cache[key] = [unit_value(leg, *st[leg.underlying], t_shift=self.h) for st in self.scen]
        return self.cache[key]

    def es(self, legs):
        if self.paths == 0:
            return 0.0
        losses = [0.0] * self.paths
        for leg in legs:
            v0 = base_value(leg)
            scale = leg.quantity * leg.multiplier
            for p, v in enumerate(self._values(leg)):
                losses[p] -= scale * (v - v0)
        losses.sort()
        tail = max(1, int(round(self.paths * (1.0 - CONFIDENCE))))
        return max(sum(losses[-tail:]) / tail, 0.0)


# ----------------------------------------------------------------------------------------------------------
# Strikes, quantities, expiries
# ----------------------------------------------------------------------------------------------------------

def tick(spot):
    """A plausible listed-strike spacing for the price level."""
    if spot < 25:
        return 0.5
    if spot < 200:
        return 1.0
    if spot < 500:
        return 2.5
    if spot < 1000:
        return 5.0
    return 10.0


def strike_bounds(spot):
    """Lowest and highest listed strike we use: on the tick grid, inside 0.7-1.3 x spot (realistic moneyness)."""
    tk = tick(spot)
    return math.ceil(0.7 * spot / tk) * tk, math.floor(1.3 * spot / tk) * tk


def round_strike(spot, raw):
    tk = tick(spot)
    lo, hi = strike_bounds(spot)
    k = min(max(round(raw / tk) * tk, lo), hi)
    return round(k, 4)


def strike_z(u, expiry, z):
    """Strike z standard deviations (of the ATM vol over the option's life) from spot, rounded to a tick."""
    t = years_to(expiry)
    return round_strike(u.spot, u.spot * math.exp(z * u.vol * math.sqrt(t)))


def ladder(u, expiry, zs):
    """Strictly increasing strikes for the given increasing z's (bumped by one tick when rounding collides).

    Long-dated, high-vol names would put the outer z's beyond 0.7-1.3 x spot, so the z's are first scaled
    down together (the structure keeps its shape, only narrower).
    """
    reach = max(abs(z) for z in zs) * u.vol * math.sqrt(years_to(expiry))
    if reach > math.log(1.22):
        zs = [z * math.log(1.22) / reach for z in zs]
    ks = []
    for z in zs:
        k = strike_z(u, expiry, z)
        if ks and k <= ks[-1]:
            k = round(ks[-1] + tick(u.spot), 4)
        ks.append(k)
    return ks


def pick_weighted(rng, pairs):
    items, weights = zip(*pairs)
    return rng.choices(items, weights=weights, k=1)[0]


def option_expiry(rng):
    return pick_weighted(rng, OPTION_EXPIRIES)


def future_expiry(rng):
    return pick_weighted(rng, FUTURE_EXPIRIES)


CONTRACT_SIZES = [(1, 10), (2, 10), (3, 8), (4, 6), (5, 10), (6, 4), (8, 4), (10, 10), (12, 3), (15, 5),
                  (20, 5), (25, 4), (30, 2), (40, 2), (50, 2)]


def contracts(rng, max_q=50):
    """Option contract count, 1-50, skewed toward small tickets like a real retail/prop mix."""
    return pick_weighted(rng, [(q, w) for q, w in CONTRACT_SIZES if q <= max_q])


def opt(u, qty, strike, expiry, right):
    return Leg("option", u.id, qty, OPTION_MULTIPLIER, strike, expiry, right)


def spot_leg(u, shares):
    return Leg("spot", u.id, shares, 1)


def future_leg(u, n, expiry):
    return Leg("future", u.id, n, FUTURE_MULTIPLIER[u.kind], None, expiry, None)


# ----------------------------------------------------------------------------------------------------------
# Strategies: each returns its legs. `u` is the underlying (a pair for the cross-hedge).
# ----------------------------------------------------------------------------------------------------------

def straddle(rng, u, sign):
    e, q = option_expiry(rng), contracts(rng)
    k = strike_z(u, e, 0.0)
    return [opt(u, sign * q, k, e, "call"), opt(u, sign * q, k, e, "put")]


def long_straddle(rng, u):
    return straddle(rng, u, +1)


def short_straddle(rng, u):
    return straddle(rng, u, -1)


def strangle(rng, u, sign):
    e, q = option_expiry(rng), contracts(rng)
    kp, kc = ladder(u, e, [-rng.uniform(0.4, 1.0), rng.uniform(0.4, 1.0)])
    return [opt(u, sign * q, kp, e, "put"), opt(u, sign * q, kc, e, "call")]


def long_strangle(rng, u):
    return strangle(rng, u, +1)


def short_strangle(rng, u):
    return strangle(rng, u, -1)


def iron_condor(rng, u):
    """Mostly sold (premium collection); one in six is bought. Wings are one more step out."""
    e, q = option_expiry(rng), contracts(rng)
    inner = rng.uniform(0.5, 1.0)
    wing = inner + rng.uniform(0.4, 0.8)
    kp_long, kp_short, kc_short, kc_long = ladder(u, e, [-wing, -inner, inner, wing])
    s = -1 if rng.random() < 5 / 6 else +1
    return [opt(u, -s * q, kp_long, e, "put"), opt(u, s * q, kp_short, e, "put"),
            opt(u, s * q, kc_short, e, "call"), opt(u, -s * q, kc_long, e, "call")]


def butterfly(rng, u):
    """Long call butterfly 1 / -2 / 1, equally spaced around a body near the money."""
    e, q = option_expiry(rng), contracts(rng, 25)
    tk = tick(u.spot)
    lo, hi = strike_bounds(u.spot)
    body = min(max(strike_z(u, e, rng.uniform(-0.3, 0.3)), lo + tk), hi - tk)
    width = tk * max(1, round(u.spot * u.vol * math.sqrt(years_to(e)) * rng.uniform(0.4, 0.9) / tk))
    width = min(width, body - lo, hi - body)  # both wings stay listed (inside 0.7-1.3 x spot)
    return [opt(u, q, round(body - width, 4), e, "call"), opt(u, -2 * q, body, e, "call"),
            opt(u, q, round(body + width, 4), e, "call")]


def ratio_spread(rng, u):
    """Long 1 near-the-money, short 2 further out: call 1x2 mostly, sometimes the put version."""
    e, q = option_expiry(rng), contracts(rng, 25)
    z1, z2 = rng.uniform(-0.2, 0.3), rng.uniform(0.7, 1.4)
    if rng.random() < 0.7:
        k1, k2 = ladder(u, e, [z1, z2])
        return [opt(u, q, k1, e, "call"), opt(u, -2 * q, k2, e, "call")]
    k2, k1 = ladder(u, e, [-z2, -z1])
    return [opt(u, q, k1, e, "put"), opt(u, -2 * q, k2, e, "put")]


def vertical_spread(rng, u):
    """Bull call, bear put, bull put (credit) or bear call (credit)."""
    e, q = option_expiry(rng), contracts(rng)
    z = rng.uniform(-0.5, 0.5)
    lo, hi = ladder(u, e, [z, z + rng.uniform(0.4, 0.9)])
    kind = rng.choice(["bull_call", "bear_put", "bull_put", "bear_call"])
    if kind == "bull_call":
        return [opt(u, q, lo, e, "call"), opt(u, -q, hi, e, "call")]
    if kind == "bear_put":
        return [opt(u, q, hi, e, "put"), opt(u, -q, lo, e, "put")]
    if kind == "bull_put":
        return [opt(u, -q, hi, e, "put"), opt(u, q, lo, e, "put")]
    return [opt(u, -q, lo, e, "call"), opt(u, q, hi, e, "call")]


def covered_call(rng, u):
    """Long 100*n shares and short n out-of-the-money calls."""
    e, n = option_expiry(rng), contracts(rng)
    return [spot_leg(u, 100 * n), opt(u, -n, strike_z(u, e, rng.uniform(0.3, 1.0)), e, "call")]


def protective_put(rng, u):
    """Long 100*n shares and long n puts a little below spot."""
    e, n = option_expiry(rng), contracts(rng)
    return [spot_leg(u, 100 * n), opt(u, n, strike_z(u, e, -rng.uniform(0.2, 0.9)), e, "put")]


def hedge_size(rng, u):
    """Futures contracts n and shares n*multiplier, with shares kept in 100..5000."""
    mult = FUTURE_MULTIPLIER[u.kind]
    n = rng.randint(max(1, -(-100 // mult)), 5000 // mult)
    return n, n * mult


def futures_hedge(rng, u):
    """Long spot against short futures of matching notional (contracts x multiplier = shares)."""
    n, shares = hedge_size(rng, u)
    return [spot_leg(u, shares), future_leg(u, -n, future_expiry(rng))]


def cross_hedge(rng, pair):
    """Long spot of one underlying hedged with short futures on a highly correlated one, dollar-matched."""
    a, b = pair if rng.random() < 0.5 else pair[::-1]
    shares = rng.randrange(500, 5001, 100)
    n = max(1, round(shares * a.spot / (FUTURE_MULTIPLIER[b.kind] * b.spot)))
    return [spot_leg(a, shares), future_leg(b, -n, future_expiry(rng))]


def naked_short_call(rng, u):
    e = option_expiry(rng)
    return [opt(u, -contracts(rng), strike_z(u, e, rng.uniform(0.5, 1.5)), e, "call")]


def naked_short_put(rng, u):
    e = option_expiry(rng)
    return [opt(u, -contracts(rng), strike_z(u, e, -rng.uniform(0.5, 1.5)), e, "put")]


def long_call(rng, u):
    e = option_expiry(rng)
    return [opt(u, contracts(rng), strike_z(u, e, rng.uniform(-0.5, 1.0)), e, "call")]


def long_put(rng, u):
    e = option_expiry(rng)
    return [opt(u, contracts(rng), strike_z(u, e, -rng.uniform(-0.5, 1.0)), e, "put")]


def outright_future(rng, u):
    n = rng.randint(1, 5) if FUTURE_MULTIPLIER[u.kind] >= 1000 else rng.randint(1, 20)
    return [future_leg(u, n if rng.random() < 0.6 else -n, future_expiry(rng))]


def outright_spot(rng, u):
    """Mostly long stock; one in six is a short sale."""
    shares = rng.randrange(100, 5001, 100)
    return [spot_leg(u, shares if rng.random() < 5 / 6 else -shares)]


STRATEGIES = {
    "long_straddle": long_straddle,
    "short_straddle": short_straddle,
    "long_strangle": long_strangle,
    "short_strangle": short_strangle,
    "iron_condor": iron_condor,
    "butterfly": butterfly,
    "ratio_spread": ratio_spread,
    "vertical_spread": vertical_spread,
    "covered_call": covered_call,
    "protective_put": protective_put,
    "futures_hedge": futures_hedge,
    "cross_hedge": cross_hedge,
    "naked_short_call": naked_short_call,
    "naked_short_put": naked_short_put,
    "long_call": long_call,
    "long_put": long_put,
    "outright_future": outright_future,
    "outright_spot": outright_spot,
}
# Spot-heavy strategies carry a large NLV, which makes an account healthy whatever its cash; they are
# drawn a little less often so that enough accounts can be put in margin call / liquidation.
STRATEGY_WEIGHTS = {name: 1.0 for name in STRATEGIES}
STRATEGY_WEIGHTS.update({"covered_call": 0.8, "protective_put": 0.8, "futures_hedge": 0.7, "cross_hedge": 0.6,
                         "outright_spot": 0.7})


# ----------------------------------------------------------------------------------------------------------
# Accounts
# ----------------------------------------------------------------------------------------------------------

N_ACCOUNTS = 260


@dataclass
class Account:
    id: str
    legs: list
    strategies: list
    special: str = ""
    status: str = ""
    ratio: float = 0.0
    usd: float = 0.0
    stock_collateral: Optional[tuple] = None  # (underlying id, shares)
    stress: float = 0.0
    es: float = 0.0
    min_charge: float = 0.0
    im: float = 0.0
    nlv: float = 0.0


def correlated_pairs(c, threshold=0.8):
    return [(MARKET[IDS[i]], MARKET[IDS[j]]) for i in range(len(IDS)) for j in range(i + 1, len(IDS))
            if c[i][j] >= threshold]


def account_rng(seed, account_id, purpose):
    # A string seed is hashed with SHA-512 by random.Random: stable across runs and Python versions.
    return random.Random(f"{seed}:{account_id}:{purpose}")


def build_regular(seed, account_id, pairs):
    """1-5 strategies on 1-3 underlyings."""
    rng = account_rng(seed, account_id, "book")
    names = rng.choices(list(STRATEGY_WEIGHTS), weights=list(STRATEGY_WEIGHTS.values()), k=rng.randint(1, 5))
    if "cross_hedge" in names:
        pair = rng.choice(pairs)
        unds = [pair[0], pair[1]]
    else:
        pair = None
        unds = []
    target = rng.choices([1, 2, 3], weights=[0.4, 0.35, 0.25])[0]
    others = [MARKET[a] for a in IDS if MARKET[a] not in unds]
    while len(unds) < target:
        unds.append(others.pop(rng.randrange(len(others))))
    legs = []
    for name in names:
        if name == "cross_hedge":
            legs += cross_hedge(rng, pair)
        else:
            legs += STRATEGIES[name](rng, rng.choice(unds))
    return Account(account_id, legs, names)


def build_specials(seed, pairs):
    msft, aapl, spy = MARKET["MSFT"], MARKET["AAPL"], MARKET["SPY"]
    specials = [
        # Long 1000 shares against 10 short futures x 100: the book's risk is only the futures carry.
        Account("ACC0001", [spot_leg(msft, 1000), future_leg(msft, -10, dt.date(2026, 12, 18))],
                ["futures_hedge"], special="perfect hedge"),
        Account("ACC0002", [spot_leg(aapl, 2000), spot_leg(msft, 500), spot_leg(MARKET["JPM"], 800)],
                ["outright_spot"] * 3, special="spot only"),
        Account("ACC0003", [opt(spy, -10, 590.0, dt.date(2026, 12, 18), "call"),
                            opt(spy, -10, 590.0, dt.date(2026, 12, 18), "put")],
                ["short_straddle"], special="short straddle only"),
    ]
    # Institutional book: every strategy twice over six underlyings, plus index cross-hedges.
    rng = account_rng(seed, "ACC0004", "book")
    unds = [MARKET[a] for a in ("SPY", "QQQ", "AAPL", "MSFT", "NVDA", "JPM", "GLD")]
    legs, names = [], []
    for _ in range(2):
        for name, fn in STRATEGIES.items():
            legs += fn(rng, rng.choice(pairs)) if name == "cross_hedge" else fn(rng, rng.choice(unds))
            names.append(name)
    specials.append(Account("ACC0004", legs, names, special="institutional book"))
    return specials


# ----------------------------------------------------------------------------------------------------------
# Collateral
# ----------------------------------------------------------------------------------------------------------

STATUS_SPLIT = {"healthy": 0.78, "margin-call": 0.12, "liquidation": 0.10}
RATIO_BANDS = {"healthy": (1.3, 3.0), "margin-call": (0.85, 0.97), "liquidation": (0.2, 0.7)}
# Largest rough-ES / stress-loss ratio for an account to be given a non-healthy target (see assign_statuses).
ES_MARGIN = {"liquidation": 0.9, "margin-call": 0.7}
STOCK_COLLATERAL_SHARE = 0.10
STOCK_COLLATERAL_ASSETS = ["SPY", "QQQ", "AAPL", "MSFT", "JPM", "GLD"]


def assign_statuses(accounts, seed):
    """Pick which accounts are meant to be healthy / margin-call / liquidation.

    USD collateral cannot go below zero, so an account whose NLV alone already exceeds the target equity
    (long stock, hedged books) can only be healthy. Accounts are taken in an account-specific random
    priority order and put in liquidation or margin call only when that is reachable. The engine's ES is
    not reproduced exactly here, so both are also kept to accounts whose IM is clearly the stress loss
    (which the script does reproduce): rough ES below 90% of it for liquidation, below 70% for the narrow
    margin-call band (0.85-0.97 of IM), leaving room for the engine's ES to come out higher than ours.
    """
    n = len(accounts)
    quota = {"liquidation": round(STATUS_SPLIT["liquidation"] * n),
             "margin-call": round(STATUS_SPLIT["margin-call"] * n)}
    for acc in accounts:
        rng = account_rng(seed, acc.id, "status")
        acc.priority = rng.random()
        acc.ratio_draw = {s: rng.uniform(*RATIO_BANDS[s]) for s in RATIO_BANDS}
    # The lone short straddle is meant to show a margin call; other specials are healthy by design.
    forced = {"ACC0003": "margin-call"}
    for acc in accounts:
        if acc.id in forced:
            acc.status = forced[acc.id]
            quota[acc.status] -= 1
    for acc in sorted(accounts, key=lambda a: a.priority):
        if acc.status:
            continue
        if acc.special:
            acc.status = "healthy"
            continue
        for status in ("liquidation", "margin-call"):
            reachable = acc.nlv < 0.8 * acc.ratio_draw[status] * acc.im
            stress_dominated = acc.es < ES_MARGIN[status] * acc.stress
            if quota[status] > 0 and reachable and stress_dominated:
                acc.status = status
                quota[status] -= 1
                break
        else:
            acc.status = "healthy"
    for acc in accounts:
        acc.ratio = acc.ratio_draw[acc.status]
    return quota


def size_collateral(acc, seed):
    """USD = target * IM - NLV - haircut value of stock collateral (>= 0); ~10% of accounts post stock."""
    rng = account_rng(seed, acc.id, "collateral")
    target_equity = acc.ratio * acc.im
    need = target_equity - acc.nlv
    if rng.random() < STOCK_COLLATERAL_SHARE:
        asset = rng.choice(STOCK_COLLATERAL_ASSETS)
        spot = MARKET[asset].spot
        if acc.status == "healthy":
            shares = rng.choice([100, 100, 200, 300, 500, 1000])
        else:
            # Leave part of the requirement to cash so the target stays exact.
            shares = int(rng.uniform(0.3, 0.7) * max(need, 0.0) / ((1 - HAIRCUT_STOCK) * spot) / 10) * 10
            if shares < 50:
                shares = 0  # too small a requirement for a stock deposit to look sensible: cash only
        if shares > 0:
            acc.stock_collateral = (asset, shares)
            need -= shares * spot * (1 - HAIRCUT_STOCK)
    if acc.status == "healthy":
        # More cash only makes a healthy account healthier: round up, and post at least $1,000 of cash.
        acc.usd = max(1000.0, math.ceil(max(need, 0.0) / 100.0) * 100.0)
        if acc.stock_collateral and need <= 0:
            acc.usd = 0.0  # stock alone is enough; this account posts no cash at all
    else:
        acc.usd = float(round(max(need, 0.0)))


def equity(acc):
    e = acc.usd + acc.nlv
    if acc.stock_collateral:
        asset, shares = acc.stock_collateral
        e += shares * MARKET[asset].spot * (1 - HAIRCUT_STOCK)
    return e


# ----------------------------------------------------------------------------------------------------------
# Output
# ----------------------------------------------------------------------------------------------------------

def num(x):
    """Shortest clean decimal (no trailing zeros, no exponent)."""
    s = f"{x:.6f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def write_market(path, corr):
    doc = {
        "asOf": AS_OF_STAMP,
        "currency": "USD",
        "rate": RATE,
        "underlyings": [
            {"id": u.id, "spot": u.spot, "dividendYield": u.q, "atmVol": u.vol, "skew": u.skew,
             "smile": u.smile, "volOfVol": u.vov, "spotVolCorrelation": u.rho_sv}
            for u in (MARKET[a] for a in IDS)
        ],
        "correlation": {"ids": IDS, "matrix": corr},
    }
    # Hand-laid JSON so that the file reads as a table: one underlying and one matrix row per line.
    u_lines = ",\n".join("    " + json.dumps(u) for u in doc["underlyings"])
    m_lines = ",\n".join("      " + json.dumps(row) for row in corr)
    text = (
        "{\n"
        f'  "asOf": {json.dumps(doc["asOf"])},\n'
        f'  "currency": {json.dumps(doc["currency"])},\n'
        f'  "rate": {json.dumps(doc["rate"])},\n'
        f'  "underlyings": [\n{u_lines}\n  ],\n'
        '  "correlation": {\n'
        f'    "ids": {json.dumps(IDS)},\n'
        f'    "matrix": [\n{m_lines}\n    ]\n'
        "  }\n"
        "}\n"
    )
    assert json.loads(text) == doc  # the layout must not change the content
    with open(path, "w", newline="\n") as f:
        f.write(text)


def write_positions(path, accounts):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["account", "type", "underlying", "quantity", "multiplier", "strike", "expiry", "right"])
        for acc in accounts:
            for leg in acc.legs:
                w.writerow([acc.id, leg.type, leg.underlying, leg.quantity, leg.multiplier,
                            num(leg.strike) if leg.strike is not None else "",
                            leg.expiry.isoformat() if leg.expiry else "", leg.right or ""])


def write_collateral(path, accounts):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["account", "asset", "amount"])
        for acc in accounts:
            if acc.usd > 0 or not acc.stock_collateral:
                w.writerow([acc.id, "USD", num(acc.usd)])
            if acc.stock_collateral:
                w.writerow([acc.id, acc.stock_collateral[0], acc.stock_collateral[1]])


def write_config(path):
    doc = {
        "horizonDays": HORIZON_DAYS,
        "confidence": CONFIDENCE,
        "paths": 10000,
        "steps": 1,
        "seed": ENGINE_SEED,
        "innovations": "normal",
        "haircuts": {"USD": 0.0, **{a: HAIRCUT_STOCK for a in IDS}},
        "minimumPerContract": MIN_PER_CONTRACT,
        "maintenanceRatio": MAINTENANCE_RATIO,
    }
    with open(path, "w", newline="\n") as f:
        json.dump(doc, f, indent=2)
        f.write("\n")


# ----------------------------------------------------------------------------------------------------------
# Checks and main
# ----------------------------------------------------------------------------------------------------------

def validate(accounts):
    """Fail loudly on anything that breaks the input formats or the brief's ranges."""
    for acc in accounts:
        assert acc.legs, acc.id
        for leg in acc.legs:
            u = MARKET[leg.underlying]
            assert leg.quantity != 0, acc.id
            if leg.type == "spot":
                assert leg.multiplier == 1 and leg.strike is None and leg.expiry is None and leg.right is None
                assert 100 <= abs(leg.quantity) <= 5000, (acc.id, leg)
            elif leg.type == "future":
                assert leg.expiry and leg.expiry > AS_OF and leg.strike is None and leg.right is None
                assert leg.multiplier == FUTURE_MULTIPLIER[u.kind]
            else:
                assert leg.expiry and leg.expiry >= dt.date(2026, 11, 23) and leg.right in ("call", "put")
                assert 1 <= abs(leg.quantity) <= 50, (acc.id, leg)
                assert 0.7 * u.spot - 1e-9 <= leg.strike <= 1.3 * u.spot + 1e-9, (acc.id, leg)
        if not acc.special:
            assert 1 <= len(acc.strategies) <= 5, acc.id
            assert 1 <= len({leg.underlying for leg in acc.legs}) <= 3, acc.id


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir", nargs="?", default=os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--seed", type=int, default=20261120, help="base seed of the book (default 20261120)")
    ap.add_argument("--es-paths", type=int, default=4000, help="paths of the rough ES cross-check (0 = off)")
    args = ap.parse_args()
    os.makedirs(args.outdir, exist_ok=True)

    corr = correlation_matrix()
    lower, min_pivot = check_correlation(corr)
    pairs = correlated_pairs(corr)
    assert any(c >= 0.85 for row in corr for c in row if c < 1.0), "need a pair with correlation >= 0.85"

    accounts = build_specials(args.seed, pairs)
    for i in range(len(accounts) + 1, N_ACCOUNTS + 1):
        accounts.append(build_regular(args.seed, f"ACC{i:04d}", pairs))
    validate(accounts)

    es_model = RoughES(lower, args.es_paths, args.seed)
    for acc in accounts:
        acc.nlv = nlv(acc.legs)
        acc.stress = stress_worst_loss(acc.legs)
        acc.es = es_model.es(acc.legs)
        acc.min_charge = minimum_charge(acc.legs)
        acc.im = max(acc.stress, acc.es, acc.min_charge)

    unfilled = assign_statuses(accounts, args.seed)
    if any(unfilled.values()):
        raise SystemExit(f"could not fill the status quotas: {unfilled}")
    for acc in accounts:
        size_collateral(acc, args.seed)
        eq, im = equity(acc), acc.im
        ok = {"healthy": eq >= im, "margin-call": MAINTENANCE_RATIO * im <= eq < im,
              "liquidation": eq < MAINTENANCE_RATIO * im}[acc.status]
        if not ok:
            raise SystemExit(f"{acc.id}: equity {eq:.0f} vs proxy IM {im:.0f} does not give {acc.status}")

    write_market(os.path.join(args.outdir, "market.json"), corr)
    write_positions(os.path.join(args.outdir, "positions.csv"), accounts)
    write_collateral(os.path.join(args.outdir, "collateral.csv"), accounts)
    write_config(os.path.join(args.outdir, "config.json"))

    # Summary
    strategy_counts = Counter(s for acc in accounts for s in acc.strategies)
    status_counts = Counter(acc.status for acc in accounts)
    n_pos = sum(len(acc.legs) for acc in accounts)
    print(f"underlyings: {len(IDS)}; correlation PD (min Cholesky pivot {min_pivot:.4f}); "
          f"pairs >= 0.8: {', '.join(f'{a.id}/{b.id}' for a, b in pairs)}")
    print(f"accounts: {len(accounts)}; positions: {n_pos} "
          f"({', '.join(f'{k} {v}' for k, v in sorted(Counter(l.type for a in accounts for l in a.legs).items()))})")
    print("strategies: " + ", ".join(f"{k} {strategy_counts[k]}" for k in STRATEGIES))
    print("intended status: " + ", ".join(f"{k} {status_counts[k]}" for k in STATUS_SPLIT))
    for status in STATUS_SPLIT:
        ratios = sorted(equity(a) / a.im for a in accounts if a.status == status)
        print(f"  {status:12s} equity/proxyIM min {ratios[0]:.3f} median {ratios[len(ratios) // 2]:.3f} "
              f"max {ratios[-1]:.3f}")
    for status in ("margin-call", "liquidation"):
        worst = max(a.es / a.stress for a in accounts if a.status == status)
        print(f"  {status:12s} largest rough-ES / stress-loss ratio {worst:.2f}")
    es_dom = sum(1 for a in accounts if a.es > a.stress)
    print(f"rough ES above stress loss in {es_dom} accounts; "
          f"stock collateral in {sum(1 for a in accounts if a.stock_collateral)} accounts")
    for acc in accounts[:4]:
        print(f"  {acc.id} ({acc.special}): {len(acc.legs)} positions, IM~{acc.im:,.0f}, status {acc.status}")


if __name__ == "__main__":
    main()
