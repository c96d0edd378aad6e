"""The discrete-event core of docs/simulation.md, compiled with numba.

One call of `replicate` simulates one replication: a team of N members on a working-hour clock, requests
arriving per portfolio, members choosing at each decision point in two stages (stay with their own queue, or
idle, against helping; then whom to help), idle spells, and a bonus settled per period. Everything here works
on plain NumPy arrays and scalars so numba can compile it; engine.py translates `Params` into these arrays
(the `F_*`, `I_*` indices below) and reads the metrics back by the `M_*` indices.

Random numbers come from a xoshiro256** generator whose four-word state is taken from the replication's
`SeedSequence`, so a replication is a pure function of (parameters, seed, replication index) and does not
touch numba's global random state. Exponential draws use a ziggurat (no logarithm in the common case).

Choices the spec leaves open, as implemented here:
- When a request arrives (or rework comes back) its owner, if free and present, gets the first decision
  point; the other free members follow in order of member index, except those in an idle spell.
- Rework is a new request in the owner's queue arriving when the failed one finishes (half its service
  time, no revenue); it can come back again. The original's revenue is credited when it finishes.
- A period shorter than period_days (the last one) has its targets and Q scaled to its length.
- Team KPI with the `revenue` basis: team revenue / sum of the members' targets (team_target is not used);
  with no finished request in a period the service-level, lead-time and quality ratios are 0.
- Before the first period every colleague counts as an average reciprocator (g_ij = 1) and c_i starts at
  `willingness_initial`; after a period without any help g_ij = 0.
- Holiday blocks are scaled to the horizon (holiday_days * days / 250 days, blocks of 5, not overlapping
  where possible); sick spells start only on days a member is present.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, TypeVar, cast

import numpy as np
import numpy.typing as npt
from numba import njit
from numba.cpython.unsafe.numbers import trailing_zeros as _trailing_zeros_intrinsic

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
StateArray = npt.NDArray[np.uint64]

_F = TypeVar("_F", bound=Callable[..., Any])


def _jit(function: _F) -> _F:
    # numba is untyped; this keeps the functions' own signatures visible to mypy. error_model="numpy" drops the
    # zero-divisor check before every division (the divisions here are guarded where a zero can occur).
    return cast(_F, njit(cache=True, error_model="numpy")(function))


# Float parameters: positions in the `fp` vector.
F_HOURS_PER_DAY = 0
F_SERVICE_CV = 1
F_HELP_EFFICIENCY = 2
F_SICK_PROBABILITY = 3
F_SICK_MEAN_DAYS = 4
F_HOLIDAY_DAYS = 5
F_SERVICE_LEVEL_HOURS = 6
F_REWORK_OWN = 7
F_REWORK_HELP = 8
F_INDIVIDUAL_WEIGHT = 9
F_BONUS = 10
F_TARGET_LEVEL = 11
F_CAP_LEVEL = 12
F_TEAM_TARGET = 13
F_DUTY = 14
F_INTRINSIC_HELP = 15
F_RECIPROCITY = 16
F_APPRECIATION = 17
F_PERCEPTION_UNSEEN = 18
F_LEARNING_RATE = 19
F_EFFORT_MIN = 20
F_EFFORT_COST = 21
F_INTRINSIC_EFFORT = 22
F_TEMPERATURE = 23
F_WILLINGNESS_INITIAL = 24
F_MEASURE_FROM = 25  # metrics on requests arriving in [from, to); the queue check discards a warm-up
F_MEASURE_TO = 26
F_WITHIN = 27  # wait threshold for the internal M_WAIT_WITHIN_SHARE
F_COUNT = 28

# Integer parameters: positions in the `ip` vector.
I_MEMBERS = 0
I_DAYS = 1
I_PERIOD_DAYS = 2
I_POLICY = 3
I_DISTRIBUTION = 4
I_SHAPE = 5
I_BASIS = 6
I_TARGET_SCALED = 7
I_VISIBLE = 8
I_EFFORT_MODELLED = 9
I_COUNT = 10

POLICY_SCHEME = 0
POLICY_NONE = 1
POLICY_POOLED = 2

DISTRIBUTION_EXPONENTIAL = 0
DISTRIBUTION_LOGNORMAL = 1

SHAPE_NONE = 0
SHAPE_LINEAR = 1
SHAPE_THRESHOLD = 2
SHAPE_CAPPED = 3
SHAPE_RANK = 4

BASIS_SERVICE_LEVEL = 0
BASIS_LEAD_TIME = 1
BASIS_QUALITY = 2
BASIS_REVENUE = 3

# Metrics: positions in a replication's metric row.
M_LEAD_TIME_MEAN = 0
M_LEAD_TIME_P50 = 1
M_LEAD_TIME_P90 = 2
M_WAIT_MEAN = 3
M_SERVICE_LEVEL_SHARE = 4
M_BACKLOG_END = 5
M_REQUESTS_FINISHED = 6
M_HELP_HOURS = 7
M_HELP_SHARE = 8
M_HELP_AFTER_TARGET_SHARE = 9
M_WORKLOAD_GINI = 10
M_BONUS_GINI = 11
M_TEAM_REVENUE = 12
M_EFFORT_MEAN = 13
M_WAIT_WITHIN_SHARE = 14  # internal: share of waits <= F_WITHIN (queue validation)
M_COUNT = 15

HOLIDAY_BLOCK_DAYS = 5
DAYS_PER_YEAR = 250.0


# --- random numbers: xoshiro256** (Blackman & Vigna) ---------------------------------------------------------
# The state is a tuple of four uint64 words threaded through the calls (`x, rng = _uniform(rng)`): plain values,
# so the hot loop does no reference counting, as it would for a state array.

Rng = tuple[np.uint64, np.uint64, np.uint64, np.uint64]


@_jit
def _rotl(x: np.uint64, k: int) -> np.uint64:
    return (x << np.uint64(k)) | (x >> np.uint64(64 - k))


@_jit
def _next(rng: Rng) -> tuple[np.uint64, Rng]:
    """64 random bits and the next state."""
    s0, s1, s2, s3 = rng
    result = _rotl(s1 * np.uint64(5), 7) * np.uint64(9)
    t = s1 << np.uint64(17)
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = _rotl(s3, 45)
    return result, (s0, s1, s2, s3)


@_jit
def _uniform(rng: Rng) -> tuple[float, Rng]:
    """A double in [0, 1) and the next state."""
    bits, rng = _next(rng)
    return float(bits >> np.uint64(11)) * (1.0 / 9007199254740992.0), rng


def _ziggurat_tables() -> tuple[FloatArray, FloatArray, FloatArray]:
    """Marsaglia & Tsang's (2000) 256-layer ziggurat for the exponential, for 53-bit integers."""
    m2 = 2.0**53
    de = 7.697117470131487
    te = de
    ve = 3.949659822581572e-3
    k = np.zeros(256)
    w = np.zeros(256)
    f = np.zeros(256)
    q = ve / math.exp(-de)
    k[0] = (de / q) * m2
    k[1] = 0.0
    w[0] = q / m2
    w[255] = de / m2
    f[0] = 1.0
    f[255] = math.exp(-de)
    for i in range(254, 0, -1):
        de = -math.log(ve / de + math.exp(-de))
        k[i + 1] = (de / te) * m2
        te = de
        f[i] = math.exp(-de)
        w[i] = de / m2
    return k, w, f


_ZIG_K, _ZIG_W, _ZIG_F = _ziggurat_tables()
_ZIG_R = 7.697117470131487


@_jit
def _exponential(rng: Rng) -> tuple[float, Rng]:
    """Exponential with mean 1, by the ziggurat: one draw and a table look-up almost always, no logarithm."""
    while True:
        bits, rng = _next(rng)
        layer = int(bits & np.uint64(255))
        j = float(bits >> np.uint64(11))  # the top 53 bits; the layer uses the lowest 8
        x = j * _ZIG_W[layer]
        if j < _ZIG_K[layer]:
            return x, rng
        u, rng = _uniform(rng)
        if layer == 0:
            return _ZIG_R - math.log(1.0 - u), rng  # the tail beyond the base layer
        if _ZIG_F[layer] + u * (_ZIG_F[layer - 1] - _ZIG_F[layer]) < math.exp(-x):
            return x, rng


@_jit
def _normal(rng: Rng) -> tuple[float, Rng]:
    # Box-Muller; the second value is dropped to keep the stream simple.
    u1, rng = _uniform(rng)
    u2, rng = _uniform(rng)
    return math.sqrt(-2.0 * math.log(1.0 - u1)) * math.cos(2.0 * math.pi * u2), rng


# --- sets of members as bits: member i is bit i % 64 of word i // 64 ---------------------------------------------

# The number of trailing zero bits of a word: the lowest member in it (a single instruction).
_trailing_zeros = cast(Callable[[np.uint64], np.uint64], _trailing_zeros_intrinsic)


@_jit
def _add_member(bits: StateArray, i: int) -> None:
    bits[i >> 6] |= np.uint64(1) << np.uint64(i & 63)


@_jit
def _remove_member(bits: StateArray, i: int) -> None:
    bits[i >> 6] &= ~(np.uint64(1) << np.uint64(i & 63))


@_jit
def _members_except(bits: StateArray, i: int, out: IntArray) -> int:
    """The members in `bits` other than i into out[:count], in order of member index; returns count."""
    count = 0
    for word in range(bits.shape[0]):
        rest = bits[word]
        while rest != 0:
            x = (word << 6) + int(_trailing_zeros(rest))
            rest &= rest - np.uint64(1)
            if x != i:
                out[count] = x
                count += 1
    return count


# --- absence ------------------------------------------------------------------------------------------------


@_jit
def _absence(rng: Rng, n: int, days: int, fp: FloatArray) -> tuple[npt.NDArray[np.bool_], Rng]:
    """Which member is absent on which day, drawn in advance: holiday blocks first, then sick spells."""
    absent = np.zeros((days, n), dtype=np.bool_)
    holiday_total = min(days, int(fp[F_HOLIDAY_DAYS] * days / DAYS_PER_YEAR + 0.5))
    sick_p = fp[F_SICK_PROBABILITY]
    q = 1.0 / fp[F_SICK_MEAN_DAYS]
    for i in range(n):
        remaining = holiday_total
        while remaining > 0:
            length = min(HOLIDAY_BLOCK_DAYS, remaining)
            first = 0
            # A few tries to find a block that does not overlap an earlier one; overlap is accepted after that.
            for _ in range(50):
                u, rng = _uniform(rng)
                first = int(u * (days - length + 1))
                free = True
                for d in range(first, first + length):
                    if absent[d, i]:
                        free = False
                        break
                if free:
                    break
            for d in range(first, first + length):
                absent[d, i] = True
            remaining -= length
        if sick_p > 0.0:
            d = 0
            while d < days:
                if absent[d, i]:
                    d += 1
                    continue
                u, rng = _uniform(rng)
                if u < sick_p:
                    # Geometric spell length (days) with mean 1/q.
                    length = 1
                    if q < 1.0:
                        u, rng = _uniform(rng)
                        length = 1 + int(math.log(1.0 - u) / math.log(1.0 - q))  # floor of a number >= 0
                    end = min(days, d + length)
                    for dd in range(d, end):
                        absent[dd, i] = True
                    d = end
                else:
                    d += 1
    return absent, rng


# --- choices ------------------------------------------------------------------------------------------------


@_jit
def _marginal_own(shape: int, bonus: float, revenue: float, target: float, cap_level: float) -> float:
    """m_i: euros of bonus per euro of own revenue (docs/simulation.md §2)."""
    if shape == SHAPE_NONE or target <= 0.0:
        return 0.0
    if shape == SHAPE_THRESHOLD and revenue >= target:
        return 0.0
    if shape == SHAPE_CAPPED and revenue >= cap_level * target:
        return 0.0
    return bonus / target


@_jit
def _team_marginal(
    basis: int,
    wait: float,
    service_mean: float,
    rework: float,
    value: float,
    inv_q: float,
    inv_team_target_eur: float,
    sl: float,
) -> float:
    """k(r): the share of the team KPI that starting request r now adds (reciprocals passed: no divisions)."""
    if basis == BASIS_SERVICE_LEVEL:
        return (1.0 if wait + service_mean <= sl else 0.25) * inv_q
    if basis == BASIS_LEAD_TIME:
        return (1.0 + wait / sl) * inv_q
    if basis == BASIS_QUALITY:
        return (1.0 - rework) * inv_q
    return value * inv_team_target_eur


# --- statistics -----------------------------------------------------------------------------------------------


@_jit
def _select(a: FloatArray, k: int, lo: int, hi: int) -> None:
    """Reorder a[lo..hi] (inclusive) in place so that a[k] is its (k - lo)-th smallest value, smaller ones
    before it and larger ones after it (quickselect with a median-of-three pivot; no NaN in `a`)."""
    while lo < hi:
        mid = (lo + hi) >> 1
        if a[mid] < a[lo]:
            a[mid], a[lo] = a[lo], a[mid]
        if a[hi] < a[lo]:
            a[hi], a[lo] = a[lo], a[hi]
        if a[hi] < a[mid]:
            a[hi], a[mid] = a[mid], a[hi]
        pivot = a[mid]
        i = lo
        j = hi
        while i <= j:
            while a[i] < pivot:
                i += 1
            while a[j] > pivot:
                j -= 1
            if i <= j:
                a[i], a[j] = a[j], a[i]
                i += 1
                j -= 1
        if k <= j:
            hi = j
        elif k >= i:
            lo = i
        else:
            return


@_jit
def _bin_of_rank(counts: IntArray, k: int) -> tuple[int, int]:
    """The histogram bin holding order statistic k (0-based), and how many values lie in the bins before it."""
    below = 0
    b = 0
    while below + counts[b] <= k:
        below += counts[b]
        b += 1
    return b, below


@_jit
def _interpolate(buffer: FloatArray, size: int, rank: int, frac: float, has_next: bool) -> float:
    """Order statistic `rank` of buffer[:size], plus `frac` of the step to the next one when there is one."""
    _select(buffer, rank, 0, size - 1)
    low = buffer[rank]
    high = low
    if has_next:
        high = buffer[rank + 1]  # the smallest value after `rank`, once quickselect has put them all there
        for x in range(rank + 2, size):
            high = min(high, buffer[x])
    return float(low + frac * (high - low))


@_jit
def _largest(a: FloatArray) -> float:
    """The largest value of `a` (not empty, no NaN), in four running maxima: one would wait on the previous
    comparison at every step."""
    m = a.shape[0]
    h0 = h1 = h2 = h3 = a[0]
    x = 0
    while x + 4 <= m:
        h0 = max(h0, a[x])
        h1 = max(h1, a[x + 1])
        h2 = max(h2, a[x + 2])
        h3 = max(h3, a[x + 3])
        x += 4
    while x < m:
        h0 = max(h0, a[x])
        x += 1
    return float(max(max(h0, h1), max(h2, h3)))


@_jit
def _median_and_p90(a: FloatArray) -> tuple[float, float]:
    """p50 and p90 of `a` (not empty, values >= 0) with NumPy's default linear interpolation.

    A histogram pass (bins from 0 to the largest value) finds the bins that hold the order statistics needed;
    one more pass gathers only those bins' values, which are then selected exactly. Several times faster than
    quickselect over everything, and exact all the same."""
    m = a.shape[0]
    hi = _largest(a)
    if hi <= 0.0:
        return 0.0, 0.0
    bins = 4096
    scale = bins / hi
    bin_of = np.empty(m, dtype=np.int32)
    counts = np.zeros(bins, dtype=np.int64)
    for x in range(m):
        b = min(int(a[x] * scale), bins - 1)
        bin_of[x] = b
        counts[b] += 1
    # Each quantile interpolates between order statistics k and k + 1 (k alone at the end).
    pos50 = 0.5 * (m - 1)
    pos90 = 0.9 * (m - 1)
    k50 = int(pos50)
    k90 = int(pos90)
    first50, below50 = _bin_of_rank(counts, k50)
    last50 = _bin_of_rank(counts, min(k50 + 1, m - 1))[0]
    first90, below90 = _bin_of_rank(counts, k90)
    last90 = _bin_of_rank(counts, min(k90 + 1, m - 1))[0]
    buffer50 = np.empty(m)
    buffer90 = np.empty(m)
    size50 = 0
    size90 = 0
    for x in range(m):
        b = bin_of[x]
        if first50 <= b <= last50:
            buffer50[size50] = a[x]
            size50 += 1
        if first90 <= b <= last90:
            buffer90[size90] = a[x]
            size90 += 1
    p50 = _interpolate(buffer50, size50, k50 - below50, pos50 - k50, k50 + 1 < m)
    p90 = _interpolate(buffer90, size90, k90 - below90, pos90 - k90, k90 + 1 < m)
    return p50, p90


@_jit
def gini(x: FloatArray) -> float:
    """Gini coefficient (mean absolute difference / twice the mean); NaN when everything is zero."""
    n = x.shape[0]
    total = 0.0
    for i in range(n):
        total += x[i]
    if n == 0 or total <= 0.0:
        return np.nan
    diff = 0.0
    for i in range(n):
        for j in range(n):
            diff += abs(x[i] - x[j])
    return float(diff / (2.0 * n * total))


@_jit
def _tabulate(
    i: int,
    weigh: bool,
    own_utility: FloatArray,
    own_slope: FloatArray,
    help_utility: FloatArray,
    help_slope: FloatArray,
    own_weight: FloatArray,
    help_weight: FloatArray,
    help_weight_bound: FloatArray,
    idle_weight: FloatArray,
    help_fixed: FloatArray,
    help_scale: FloatArray,
    own_scale: FloatArray,
    marginal_full: FloatArray,
    portfolio_value: FloatArray,
    smean: FloatArray,
    basis: int,
    duty: float,
    w: float,
    team_eur: float,
    rank_penalty: float,
    rework_own: float,
    rework_help: float,
    inv_q: float,
    inv_team_target_eur: float,
    sl: float,
    inv_tau: float,
) -> None:
    """Member i's utilities for the period per option and request class, and with `weigh` their logit weights
    (see `tabulated` in _simulate).

    A utility is its class's value at a wait of 0 plus its slope times the wait: the slope is 0 except under the
    lead-time basis, whose team term grows with the wait. Under the service-level basis the class says whether
    the request is within reach, which stands in for the wait (0 when it is, infinity when not). Weights are
    taken relative to the largest utility of all options and classes, so none overflows."""
    n = own_utility.shape[0]
    within_matters = team_eur != 0.0 and basis == BASIS_SERVICE_LEVEL
    slope = team_eur * inv_q / sl if team_eur != 0.0 and basis == BASIS_LEAD_TIME else 0.0
    own_slope[i] = slope * own_scale[i]
    bound = 0.0  # idling
    for c in range(8):
        m = marginal_full[i] if c & 4 else 0.0
        v = portfolio_value[i] if c & 2 else 0.0
        wait = np.inf if within_matters and not c & 1 else 0.0
        gain = duty + w * m * v
        if team_eur != 0.0:
            gain += team_eur * _team_marginal(basis, wait, smean[i], rework_own, v, inv_q, inv_team_target_eur, sl)
        own_utility[i, c] = gain * own_scale[i]
        bound = max(bound, own_utility[i, c])
    for x in range(n):
        help_slope[i, x] = slope * help_scale[i, x]
        for c in range(4):
            v = portfolio_value[x] if c & 2 else 0.0
            wait = np.inf if within_matters and not c & 1 else 0.0
            gain = -rank_penalty * marginal_full[i] * v
            if team_eur != 0.0:
                gain += team_eur * _team_marginal(basis, wait, smean[x], rework_help, v, inv_q, inv_team_target_eur, sl)
            help_utility[i, x, c] = help_fixed[i, x] + gain * help_scale[i, x]
            if x != i:
                bound = max(bound, help_utility[i, x, c])
    if not weigh:
        return
    for c in range(8):
        own_weight[i, c] = math.exp((own_utility[i, c] - bound) * inv_tau)
    idle_weight[i] = math.exp(-bound * inv_tau)
    help_weight_bound[i] = 0.0
    for x in range(n):
        for c in range(4):
            weight = math.exp((help_utility[i, x, c] - bound) * inv_tau) if x != i else 0.0
            help_weight[i, x, c] = weight
            help_weight_bound[i] = max(help_weight_bound[i], weight)


# --- the replication --------------------------------------------------------------------------------------------

Replication = tuple[FloatArray, FloatArray, FloatArray, IntArray, IntArray, FloatArray, FloatArray, IntArray]


@_jit
def replicate(
    state: StateArray, fp: FloatArray, ip: IntArray, lam: FloatArray, smean: FloatArray, portfolio_value: FloatArray
) -> Replication:
    """One replication. Returns (metrics, help matrix hours, and per request: arrival, owner, handler, start,
    finish, rework generation). Unstarted/unfinished requests have NaN start/finish and handler -1."""
    lam_total = 0.0
    for j in range(lam.shape[0]):
        lam_total += lam[j]
    t_end = ip[I_DAYS] * fp[F_HOURS_PER_DAY]
    rework = max(fp[F_REWORK_OWN], fp[F_REWORK_HELP]) if ip[I_POLICY] == POLICY_SCHEME else 0.0
    expected = lam_total * t_end * (1.0 + 2.0 * rework)
    capacity = int(expected + 8.0 * math.sqrt(expected + 1.0)) + 64
    while True:
        # The request store has a fixed size inside the event loop (growing arrays there slows every event).
        # Running out is very rare; the replication then starts again from the same state with more room,
        # which gives exactly the same result.
        done, result = _simulate(state, fp, ip, lam, smean, portfolio_value, capacity)
        if done:
            return result
        capacity *= 2


@_jit
def _simulate(
    state: StateArray,
    fp: FloatArray,
    ip: IntArray,
    lam: FloatArray,
    smean: FloatArray,
    portfolio_value: FloatArray,
    cap: int,
) -> tuple[bool, Replication]:
    rng = (state[0], state[1], state[2], state[3])
    n = ip[I_MEMBERS]
    days = ip[I_DAYS]
    period_days = ip[I_PERIOD_DAYS]
    policy = ip[I_POLICY]
    scheme = policy == POLICY_SCHEME
    hours_per_day = fp[F_HOURS_PER_DAY]
    t_end = days * hours_per_day
    sl = fp[F_SERVICE_LEVEL_HOURS]
    # The validation policies are plain queues: no absence, no rework, helpers at full speed.
    e = fp[F_HELP_EFFICIENCY] if scheme else 1.0
    rework_own = fp[F_REWORK_OWN] if scheme else 0.0
    rework_help = fp[F_REWORK_HELP] if scheme else 0.0
    absent = np.zeros((days, n), dtype=np.bool_)
    if scheme:
        absent, rng = _absence(rng, n, days, fp)
    w = fp[F_INDIVIDUAL_WEIGHT]
    bonus_b = fp[F_BONUS]
    shape = ip[I_SHAPE]
    basis = ip[I_BASIS]
    cap_level = fp[F_CAP_LEVEL]
    inv_tau = 1.0 / fp[F_TEMPERATURE]
    duty = fp[F_DUTY]
    targets_exist = scheme and shape != SHAPE_NONE and w > 0.0
    perception = 1.0 if ip[I_VISIBLE] else fp[F_PERCEPTION_UNSEEN]
    help_constant = fp[F_INTRINSIC_HELP] + (fp[F_APPRECIATION] if ip[I_VISIBLE] else 0.0)

    lognormal = ip[I_DISTRIBUTION] == DISTRIBUTION_LOGNORMAL
    sigma2 = math.log(1.0 + fp[F_SERVICE_CV] ** 2)
    sigma = math.sqrt(sigma2)
    log_mu = np.log(smean) - sigma2 / 2.0

    lam_total = 0.0
    for j in range(n):
        lam_total += lam[j]
    # Cumulative rates of portfolios 0..n-2 (the last one takes the rest), padded with infinity to a multiple of
    # 4 so that the count over them below runs in whole vector steps.
    cumulative = np.full(max(4, (n + 2) & ~3), np.inf)
    cumulative[: n - 1] = np.cumsum(lam)[: n - 1]
    some_rate_zero = False
    for j in range(n):
        some_rate_zero = some_rate_zero or lam[j] <= 0.0
    mean_rate_value = 0.0
    for j in range(n):
        mean_rate_value += lam[j] * portfolio_value[j] / n

    # Request store, filled in as requests arrive; only the first n_req entries are ever read. Queues are linked
    # lists through `nxt` (FIFO: new requests always arrive "now"): nxt[r] is the request after r in its queue
    # (-1 at the end), the queue of portfolio j hangs from the anchor entry nxt[cap + j] (its head), and
    # qtail[j] is its last request, or that anchor while the queue is empty: appending needs no test.
    arrival = np.empty(cap)
    work = np.empty(cap)
    value = np.empty(cap)
    start = np.empty(cap)
    finish = np.empty(cap)
    owner = np.empty(cap, dtype=np.int64)
    handler = np.empty(cap, dtype=np.int64)
    generation = np.empty(cap, dtype=np.int64)
    nxt = np.empty(cap + n, dtype=np.int64)
    nxt[cap:] = -1
    n_req = 0
    qtail = np.arange(cap, cap + n)
    qlen = np.zeros(n, dtype=np.int64)
    queued = 0  # requests waiting in all queues together

    busy = np.full(n, -1, dtype=np.int64)
    busy_until = np.full(n, np.inf)
    help_counts_after = np.zeros(n, dtype=np.bool_)
    hours_worked = np.zeros(n)
    help_matrix = np.zeros((n, n))
    help_period = np.zeros((n, n))
    help_after_hours = 0.0
    team_revenue = 0.0
    finished_count = 0

    revenue = np.zeros(n)
    target = np.zeros(n)
    # m_i for the period (docs/simulation.md §2) while the revenue is below `marginal_until`, 0 from there on.
    marginal_full = np.zeros(n)
    marginal_until = np.zeros(n)
    effort = np.ones(n)
    willingness = np.full(n, fp[F_WILLINGNESS_INITIAL])
    perceived = np.ones((n, n))  # before any period: every colleague counts as an average reciprocator
    for i in range(n):
        perceived[i, i] = 0.0
    bonus_total = np.zeros(n)
    effort_sum = 0.0
    effort_count = 0
    q = 1.0
    team_target_eur = 0.0
    inv_q = 1.0
    inv_team_target_eur = 0.0
    team_eur = (1.0 - w) * bonus_b  # euros of each member's bonus per unit of team KPI
    rank_penalty = w / (n - 1) if shape == SHAPE_RANK and n > 1 else 0.0
    inv_smean = 1.0 / smean
    # Per period: the part of each option's utility that does not depend on the request (euros per hour).
    own_scale = np.empty(n)  # hours^-1 of own work: a_i / s_i
    help_scale = np.empty((n, n))  # a_i e / s_j
    help_fixed = np.empty((n, n))  # (alpha + beta c_i g_ij + sigma visible) a_i e / s_j
    # Within a period an option's utility depends on the request at the head of a queue only through its class:
    # whether it has revenue (rework has none; it matters under a rank bonus and the revenue basis), and whether
    # it can still finish within the service level (the service-level basis only). So the logit weight of every
    # option and class is computed once per period, relative to a bound on the member's utilities, and a
    # decision looks its weights up: no exp per queue. Only the lead-time basis, whose team term grows with
    # the wait itself, computes utilities at each decision (the exact path below).
    tabulated = not (team_eur != 0.0 and basis == BASIS_LEAD_TIME)
    # Without a team term or a rank penalty, helping is worth the same whatever the request: one class.
    help_static = team_eur == 0.0 and rank_penalty == 0.0
    within_matters = team_eur != 0.0 and basis == BASIS_SERVICE_LEVEL
    # help_weight[i, x, c]: helping x with a request of class c = 2 (has revenue) + 1 (within reach); 0 for x = i.
    help_weight = np.zeros((n, n, 4))
    help_utility = np.zeros((n, n, 4))  # its utility at a wait of 0 (euros per hour) ...
    help_slope = np.zeros((n, n))  # ... and how much it rises per hour of wait (the lead-time basis)
    help_weight_bound = np.zeros(n)  # the largest of them per member: help when every colleague has work waiting
    # own_weight[i, c]: own work with c = 4 (the bonus still moves, m > 0) + 2 (has revenue) + 1 (within reach).
    own_weight = np.zeros((n, 8))
    own_utility_class = np.zeros((n, 8))
    own_slope = np.zeros(n)
    idle_weight = np.zeros(n)
    # The cost of helping (euros per hour, subtracted from "help"): under a threshold or capped bonus while the
    # target is not reached, the bonus at stake over the working hours left in the period (computed at the
    # decision); under a linear or rank bonus the bonus an hour of own work earns, w m v_i a_i / s_i, fixed for
    # a period, as is its logit factor exp(-cost / tau); without an individual bonus nothing.
    deadline = shape in (SHAPE_THRESHOLD, SHAPE_CAPPED)
    # Per member, though it is the same for all: read inside the loop over members, it keeps the compiler from
    # hoisting the exp of the cost out of that loop and computing it at every event, needed or not.
    stake = np.full(n, w * bonus_b)
    help_cost = np.zeros(n)
    help_cost_weight = np.ones(n)
    period_end = 0.0
    # Idle spells: a member who chose to idle decides again only when their own queue gets work, after
    # finishing work (they were not idle then) or at the start of a day.
    resting = np.zeros(n, dtype=np.bool_)
    period_length = period_days
    p_finished = 0
    p_within = 0
    p_right = 0
    p_lead_sum = 0.0

    utilities = np.empty(n + 1)
    weights = np.empty(n + 1)

    x, rng = _exponential(rng)
    next_arrival = x / lam_total if lam_total > 0.0 else np.inf
    day = -1
    next_day_t = 0.0
    period = -1
    t = 0.0
    available = 0  # members free, present and not in an idle spell now
    # ... and which ones: a set of bits, so that an arrival offers itself to them without a scan of the team.
    ready = np.zeros((n + 63) >> 6, dtype=np.uint64)
    # ... and the portfolios with work waiting, so that a decision looks at those queues only: mostly a few.
    waiting = np.zeros((n + 63) >> 6, dtype=np.uint64)
    colleagues = np.empty(n, dtype=np.int64)  # a decision's colleagues with work waiting, `k` of them
    tc = np.inf  # the next completion, at time tc by member mc (kept up to date: a scan per event costs)
    mc = -1

    while True:
        t = min(tc, next_arrival, next_day_t)
        if t >= t_end:
            break
        # Who gets a decision point after this event: everyone free and present (`offer_all`, the owner of a
        # new request first, then the others by member index), or only the member who just finished (`single`).
        offer_all = False
        first = -1
        single = -1
        if next_day_t <= tc and next_day_t <= next_arrival:
            day += 1
            next_day_t = (day + 1) * hours_per_day
            resting[:] = False
            if day % period_days == 0:
                if period >= 0 and scheme:
                    _settle(
                        n,
                        revenue,
                        target,
                        bonus_total,
                        p_finished,
                        p_within,
                        p_right,
                        p_lead_sum,
                        help_period,
                        willingness,
                        perceived,
                        perception,
                        team_target_eur,
                        fp,
                        ip,
                    )
                period = day // period_days
                period_length = min(period_days, days - day)
                period_end = (day + period_length) * hours_per_day
                q = max(lam_total * hours_per_day * period_length, 1e-12)
                team_target_eur = 0.0
                for i in range(n):
                    base = mean_rate_value if ip[I_TARGET_SCALED] == 0 else lam[i] * portfolio_value[i]
                    target[i] = fp[F_TARGET_LEVEL] * base * hours_per_day * period_length
                    team_target_eur += target[i]
                    revenue[i] = 0.0
                    marginal_full[i] = _marginal_own(shape, bonus_b, 0.0, target[i], cap_level)
                    marginal_until[i] = np.inf
                    if shape == SHAPE_THRESHOLD:
                        marginal_until[i] = target[i]
                    elif shape == SHAPE_CAPPED:
                        marginal_until[i] = cap_level * target[i]
                    if scheme and ip[I_EFFORT_MODELLED]:
                        # Effort maximises M a - kappa (a - a_min)^2 with M the bonus one more unit of effort brings.
                        m0 = marginal_full[i]
                        gain = (
                            hours_per_day
                            * period_length
                            * (
                                w * m0 * portfolio_value[i] / smean[i]
                                + (1.0 - w) * bonus_b / (hours_per_day * period_length) / n
                                + fp[F_INTRINSIC_EFFORT]
                            )
                        )
                        a = fp[F_EFFORT_MIN] + gain / (2.0 * fp[F_EFFORT_COST])
                        effort[i] = min(max(a, fp[F_EFFORT_MIN]), 1.2)
                    effort_sum += effort[i]
                    effort_count += 1
                help_period[:, :] = 0.0
                inv_q = 1.0 / q
                inv_team_target_eur = 1.0 / team_target_eur if team_target_eur > 0.0 else 0.0
                for i in range(n):
                    own_scale[i] = effort[i] * inv_smean[i]
                    if not deadline:
                        m0 = marginal_full[i]
                        help_cost[i] = w * m0 * portfolio_value[i] * own_scale[i]
                        help_cost_weight[i] = math.exp(-help_cost[i] * inv_tau)
                    beta_c = fp[F_RECIPROCITY] * willingness[i]
                    for x in range(n):
                        help_scale[i, x] = effort[i] * e * inv_smean[x]
                        help_fixed[i, x] = (help_constant + beta_c * perceived[i, x]) * help_scale[i, x]
                    if scheme:
                        _tabulate(
                            i,
                            tabulated,
                            own_utility_class,
                            own_slope,
                            help_utility,
                            help_slope,
                            own_weight,
                            help_weight,
                            help_weight_bound,
                            idle_weight,
                            help_fixed,
                            help_scale,
                            own_scale,
                            marginal_full,
                            portfolio_value,
                            smean,
                            basis,
                            duty,
                            w,
                            team_eur,
                            rank_penalty,
                            rework_own,
                            rework_help,
                            inv_q,
                            inv_team_target_eur,
                            sl,
                            inv_tau,
                        )
                p_finished = 0
                p_within = 0
                p_right = 0
                p_lead_sum = 0.0
            available = 0
            ready[:] = 0
            for i in range(n):
                if busy[i] < 0 and not absent[day, i]:
                    available += 1
                    _add_member(ready, i)
            offer_all = True
        elif tc <= next_arrival:
            i = mc
            r = busy[i]
            finish[r] = t
            duration = t - start[r]
            hours_worked[i] += duration
            o = owner[r]
            # Help hours: added as 0 for own work rather than branched on (x + 0.0 is x).
            help_duration = duration if o != i else 0.0
            help_matrix[i, o] += help_duration
            help_period[i, o] += help_duration
            help_after_hours += help_duration if help_counts_after[i] else 0.0
            revenue[o] += value[r]
            team_revenue += value[r]
            finished_count += 1
            lead = t - arrival[r]
            p_finished += 1
            p_lead_sum += lead
            p_within += 1 if lead <= sl else 0
            busy[i] = -1
            if not absent[day, i]:
                available += 1
                _add_member(ready, i)
            busy_until[i] = np.inf
            tc = np.inf
            mc = -1
            for x in range(n):
                if busy_until[x] < tc:
                    tc = busy_until[x]
                    mc = x
            single = i
            chance = rework_own if i == o else rework_help
            u = 1.0
            if chance > 0.0:
                u, rng = _uniform(rng)
            if u < chance:
                # Not right the first time: the work comes back to the same queue, half as long, no revenue.
                if n_req == cap:
                    return False, _empty_replication()
                k = n_req
                n_req += 1
                arrival[k] = t
                work[k] = work[r] / 2.0
                value[k] = 0.0
                owner[k] = o
                generation[k] = generation[r] + 1
                nxt[k] = -1
                handler[k] = -1
                start[k] = np.nan
                finish[k] = np.nan
                nxt[qtail[o]] = k
                qtail[o] = k
                qlen[o] += 1
                _add_member(waiting, o)
                queued += 1
                offer_all = True  # the rework is an arrival: every free member (i among them) may take it
                first = o
            else:
                p_right += 1
        else:
            u, rng = _uniform(rng)
            u *= lam_total
            # The owner: the first portfolio whose cumulative rate exceeds u. Counted, not searched: the
            # cumulative rates rise, so the count is that index, and it has no branch to mispredict.
            o = 0
            for x in range(cumulative.shape[0]):
                o += 1 if cumulative[x] <= u else 0
            while some_rate_zero and lam[o] <= 0.0:  # guard against rounding at the edge of a zero-rate portfolio
                o -= 1
            if n_req == cap:
                return False, _empty_replication()
            k = n_req
            n_req += 1
            arrival[k] = t
            if lognormal:
                x, rng = _normal(rng)
                work[k] = math.exp(log_mu[o] + sigma * x)
            else:
                x, rng = _exponential(rng)
                work[k] = smean[o] * x
            value[k] = portfolio_value[o]
            owner[k] = o
            generation[k] = 0
            nxt[k] = -1
            handler[k] = -1
            start[k] = np.nan
            finish[k] = np.nan
            nxt[qtail[o]] = k
            qtail[o] = k
            qlen[o] += 1
            _add_member(waiting, o)
            queued += 1
            offer_all = True
            first = o
            x, rng = _exponential(rng)
            next_arrival = t + x / lam_total

        # Decision points (written out here, not in a function: a call with this many arrays costs more than
        # the decision itself). The first is the owner's (of a new request), or the one member's who finished;
        # with `offer_all` the members in `ready` follow in order of member index. A decision only changes the
        # decider's own state, so the members not yet visited keep the state they had when the scan began.
        i = first if offer_all else single
        visited = 0  # decision points offered so far
        word = -1  # the word of `ready` being scanned, and its members not yet visited
        unvisited = np.uint64(0)
        while queued > 0:
            if visited > 0:
                if not offer_all or available == 0:
                    break  # (the owner of a new request is offered it even in an idle spell)
                while unvisited == 0 and word + 1 < ready.shape[0]:
                    word += 1
                    unvisited = ready[word]
                if unvisited == 0:
                    break
                i = (word << 6) + int(_trailing_zeros(unvisited))
                unvisited &= unvisited - np.uint64(1)
            visited += 1
            if i < 0 or busy[i] >= 0 or absent[day, i]:
                continue
            was_resting = resting[i]
            if was_resting and i != first:
                continue  # idle spell: work in a colleague's queue does not end it
            j = -1
            if policy == POLICY_NONE:
                if qlen[i] > 0:
                    j = i
            elif policy == POLICY_POOLED:
                oldest = np.inf
                for x in range(n):
                    if qlen[x] > 0 and arrival[nxt[cap + x]] < oldest:
                        oldest = arrival[nxt[cap + x]]
                        j = x
            else:
                # Two stages, each a logit over utilities in euros per working hour: own work (or idle when the
                # own queue is empty) against "help", valued by the best colleague queue net of the cost of
                # helping; then, when helping, which colleague's queue.
                m = marginal_full[i] if revenue[i] < marginal_until[i] else 0.0  # _marginal_own, precomputed
                own = i if qlen[i] > 0 else -1
                if own >= 0 and qlen[i] == queued:
                    j = i  # no colleague has work waiting: nothing to choose
                else:
                    first_weight = 0.0  # own work or idle
                    if tabulated:
                        # Weights relative to the member's utility bound for the period, looked up by class.
                        if own < 0:
                            first_weight = idle_weight[i]
                        else:
                            r = nxt[cap + i]
                            c = (4 if m > 0.0 else 0) + (2 if value[r] > 0.0 else 0)
                            if within_matters and (t - arrival[r]) + smean[i] <= sl:
                                c += 1
                            first_weight = own_weight[i, c]
                    u, rng = _uniform(rng)
                    j = own
                    # Stay with own work (or idle) is decided by u * (first + help) < first, with help the best
                    # colleague queue's weight times the factor of the cost of helping, which is at most 1.
                    # A larger help weight only makes staying less likely, and rounding is monotone: when the
                    # test says stay with an upper bound on help, the exact test says so too. The bounds
                    # (every colleague's queue, then without the cost) spare the scan and the exp. A first
                    # weight below 1e-250 takes the exact path below, so the shortcut is not taken then.
                    stays = first_weight >= 1e-250 and u * (first_weight + help_weight_bound[i]) < first_weight
                    help_weight_max = 0.0  # the best colleague queue's weight, before the cost of helping
                    help_total = 0.0  # all colleague queues' weights together (stage two)
                    k = 0
                    if not stays:
                        k = _members_except(waiting, i, colleagues)
                    if tabulated and not stays:
                        for q in range(k):
                            x = colleagues[q]
                            c = 0
                            if not help_static:
                                r = nxt[cap + x]
                                c = 2 if value[r] > 0.0 else 0
                                if within_matters and (t - arrival[r]) + smean[x] <= sl:
                                    c += 1
                            weight = help_weight[i, x, c]
                            weights[q] = weight
                            help_total += weight
                            help_weight_max = max(help_weight_max, weight)
                        stays = first_weight >= 1e-250 and u * (first_weight + help_weight_max) < first_weight
                    if not stays:
                        cost = help_cost[i]
                        cost_weight = help_cost_weight[i]
                        if deadline and m > 0.0:
                            cost = stake[i] / max(1.0, period_end - t)
                            cost_weight = math.exp(-cost * inv_tau)
                        help_weight_best = help_weight_max * cost_weight  # "help", on the scale of first_weight
                        exact = first_weight + help_weight_best < 1e-250
                        if exact:
                            # Not precomputed, or all underflowed: exact, relative to the best option.
                            # The utilities of the period's classes (_tabulate), plus the rise with the wait.
                            own_utility = 0.0  # idle
                            if own >= 0:
                                r = nxt[cap + i]
                                c = (4 if m > 0.0 else 0) + (2 if value[r] > 0.0 else 0)
                                if within_matters and (t - arrival[r]) + smean[i] <= sl:
                                    c += 1
                                own_utility = own_utility_class[i, c] + own_slope[i] * (t - arrival[r])
                            best = -np.inf
                            for q in range(k):
                                x = colleagues[q]
                                r = nxt[cap + x]
                                c = 2 if value[r] > 0.0 else 0
                                if within_matters and (t - arrival[r]) + smean[x] <= sl:
                                    c += 1
                                utility = help_utility[i, x, c] + help_slope[i, x] * (t - arrival[r])
                                utilities[q] = utility
                                best = max(best, utility)
                            # The better of the two gets weight 1 (exp(0)), the other exp(difference / tau).
                            first_weight = 1.0
                            help_weight_best = 1.0
                            if own_utility >= best - cost:
                                help_weight_best = math.exp((best - cost - own_utility) * inv_tau)
                            else:
                                first_weight = math.exp((own_utility - (best - cost)) * inv_tau)
                        if u * (first_weight + help_weight_best) >= first_weight:
                            # Stage two, whom to help: on the exact path its weights are computed only now that
                            # "help" has been chosen.
                            if exact:
                                help_total = 0.0
                                for q in range(k):
                                    difference = utilities[q] - best
                                    weight = math.exp(difference * inv_tau) if difference < 0.0 else 1.0
                                    weights[q] = weight
                                    help_total += weight
                            u, rng = _uniform(rng)
                            u *= help_total
                            for q in range(k):
                                if weights[q] > 0.0:
                                    j = colleagues[q]
                                    u -= weights[q]
                                    if u < 0.0:
                                        break
            if j >= 0:
                r = nxt[cap + j]
                nxt[cap + j] = nxt[r]
                qtail[j] = cap + j if nxt[r] < 0 else qtail[j]
                qlen[j] -= 1
                if qlen[j] == 0:
                    _remove_member(waiting, j)
                queued -= 1
                start[r] = t
                handler[r] = i
                busy[i] = r
                if not was_resting:
                    available -= 1
                    _remove_member(ready, i)
                speed = effort[i] * (1.0 if j == i else e)
                busy_until[i] = t + (work[r] if speed == 1.0 else work[r] / speed)  # (x / 1 is x: no division)
                if busy_until[i] < tc:
                    tc = busy_until[i]
                    mc = i
                help_counts_after[i] = targets_exist and j != i and revenue[i] >= target[i]
            elif not was_resting:
                available -= 1  # an idle spell starts
                _remove_member(ready, i)
            resting[i] = j < 0

    # The end of the horizon: settle the last period and count the hours of work in hand.
    if scheme and period >= 0:
        _settle(
            n,
            revenue,
            target,
            bonus_total,
            p_finished,
            p_within,
            p_right,
            p_lead_sum,
            help_period,
            willingness,
            perceived,
            perception,
            team_target_eur,
            fp,
            ip,
        )
    for i in range(n):
        r = busy[i]
        if r >= 0:
            duration = t_end - start[r]
            hours_worked[i] += duration
            o = owner[r]
            if o != i:
                help_matrix[i, o] += duration
                if help_counts_after[i]:
                    help_after_hours += duration

    metrics = np.full(M_COUNT, np.nan)
    _window_metrics(metrics, arrival[:n_req], start[:n_req], finish[:n_req], t_end, sl, fp)
    metrics[M_BACKLOG_END] = n_req - finished_count
    metrics[M_REQUESTS_FINISHED] = finished_count
    help_hours = 0.0
    for i in range(n):
        for j in range(n):
            help_hours += help_matrix[i, j]
    worked = 0.0
    for i in range(n):
        worked += hours_worked[i]
    metrics[M_HELP_HOURS] = help_hours
    metrics[M_HELP_SHARE] = help_hours / worked if worked > 0.0 else np.nan
    if targets_exist and help_hours > 0.0:
        metrics[M_HELP_AFTER_TARGET_SHARE] = help_after_hours / help_hours
    metrics[M_WORKLOAD_GINI] = gini(hours_worked)
    if scheme:
        metrics[M_BONUS_GINI] = gini(bonus_total)
    metrics[M_TEAM_REVENUE] = team_revenue
    metrics[M_EFFORT_MEAN] = effort_sum / effort_count if effort_count > 0 else 1.0
    return True, (
        metrics,
        help_matrix,
        arrival[:n_req],
        owner[:n_req],
        handler[:n_req],
        start[:n_req],
        finish[:n_req],
        generation[:n_req],
    )


@_jit
def _empty_replication() -> Replication:
    empty_f = np.empty(0)
    empty_i = np.empty(0, dtype=np.int64)
    return (empty_f, np.empty((0, 0)), empty_f, empty_i, empty_i, empty_f, empty_f, empty_i)


@_jit
def _window_metrics(
    metrics: FloatArray,
    arrival: FloatArray,
    start: FloatArray,
    finish: FloatArray,
    t_end: float,
    sl: float,
    fp: FloatArray,
) -> None:
    """Lead time, wait and service level of the requests that arrived in the measurement window.

    A request still open at the end counts against the service level (and the wait threshold) once it is
    older than the threshold: leaving work undone must not look like good service."""
    lo = fp[F_MEASURE_FROM]
    hi = fp[F_MEASURE_TO]
    within = fp[F_WITHIN]
    m = arrival.shape[0]
    leads = np.empty(m)
    n_lead = 0
    lead_sum = 0.0
    sl_hit = 0
    sl_count = 0
    wait_sum = 0.0
    n_wait = 0
    within_hit = 0
    within_count = 0
    # The comparisons are counted as 0 or 1 rather than branched on: their outcome is as good as random.
    for k in range(m):
        a = arrival[k]
        if a < lo or a >= hi:
            continue
        if not math.isnan(finish[k]):
            lead = finish[k] - a
            leads[n_lead] = lead
            n_lead += 1
            lead_sum += lead
            sl_count += 1
            sl_hit += 1 if lead <= sl else 0
        elif t_end - a > sl:
            sl_count += 1
        if not math.isnan(start[k]):
            wait = start[k] - a
            wait_sum += wait
            n_wait += 1
            within_count += 1
            within_hit += 1 if wait <= within else 0
        elif t_end - a > within:
            within_count += 1
    if n_lead > 0:
        metrics[M_LEAD_TIME_MEAN] = lead_sum / n_lead
        p50, p90 = _median_and_p90(leads[:n_lead])
        metrics[M_LEAD_TIME_P50] = p50
        metrics[M_LEAD_TIME_P90] = p90
    if n_wait > 0:
        metrics[M_WAIT_MEAN] = wait_sum / n_wait
    if sl_count > 0:
        metrics[M_SERVICE_LEVEL_SHARE] = sl_hit / sl_count
    if within_count > 0:
        metrics[M_WAIT_WITHIN_SHARE] = within_hit / within_count


@_jit
def _settle(
    n: int,
    revenue: FloatArray,
    target: FloatArray,
    bonus_total: FloatArray,
    p_finished: int,
    p_within: int,
    p_right: int,
    p_lead_sum: float,
    help_period: FloatArray,
    willingness: FloatArray,
    perceived: FloatArray,
    perception: float,
    team_target_eur: float,
    fp: FloatArray,
    ip: IntArray,
) -> None:
    """End of a period: pay the bonus, update conditional willingness and the help each member perceived."""
    w = fp[F_INDIVIDUAL_WEIGHT]
    bonus_b = fp[F_BONUS]
    shape = ip[I_SHAPE]
    basis = ip[I_BASIS]
    team_target = fp[F_TEAM_TARGET]
    ratio = 0.0
    if basis == BASIS_REVENUE:
        total = 0.0
        for i in range(n):
            total += revenue[i]
        ratio = total / team_target_eur if team_target_eur > 0.0 else 1.0
    elif p_finished > 0:
        if basis == BASIS_SERVICE_LEVEL:
            ratio = (p_within / p_finished) / team_target
        elif basis == BASIS_LEAD_TIME:
            mean_lead = p_lead_sum / p_finished
            ratio = team_target / mean_lead if mean_lead > 0.0 else 1.0
        else:
            ratio = (p_right / p_finished) / team_target
    ratio = min(1.0, ratio)
    for i in range(n):
        x = revenue[i] / target[i] if target[i] > 0.0 else 1.0
        f = 0.0
        if shape == SHAPE_LINEAR:
            f = x
        elif shape == SHAPE_THRESHOLD:
            f = 1.0 if x >= 1.0 else 0.0
        elif shape == SHAPE_CAPPED:
            f = min(x, fp[F_CAP_LEVEL])
        elif shape == SHAPE_RANK:
            if n == 1:
                f = 1.0
            else:
                above = 0.0
                for j in range(n):
                    if j != i:
                        if revenue[j] > revenue[i]:
                            above += 1.0
                        elif revenue[j] == revenue[i]:
                            above += 0.5  # ties share the rank
                f = (n - 1.0 - above) / (n - 1.0)
        bonus_total[i] += w * bonus_b * f + (1.0 - w) * bonus_b * ratio

    # Reciprocity: help received is perceived fully when visible, with factor phi when not.
    eta = fp[F_LEARNING_RATE]
    total_help = 0.0
    for i in range(n):
        for j in range(n):
            total_help += help_period[i, j]
    for i in range(n):
        given = 0.0
        received = 0.0
        for j in range(n):
            given += help_period[i, j]
            received += help_period[j, i]
        if given > 0.0:
            willingness[i] += eta * (min(1.0, perception * received / given) - willingness[i])
    pair_mean = total_help / (n * (n - 1)) if n > 1 else 0.0
    for i in range(n):
        for j in range(n):
            perceived[i, j] = perception * help_period[j, i] / pair_mean if pair_mean > 0.0 else 0.0


@_jit
def simulate_chunk(
    states: StateArray, fp: FloatArray, ip: IntArray, lam: FloatArray, smean: FloatArray, value: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """Replications for the rows of `states`: their metric rows and the sum of their help matrices
    (summed in row order, so a fixed chunking gives bit-identical totals)."""
    count = states.shape[0]
    n = ip[I_MEMBERS]
    metrics = np.empty((count, M_COUNT))
    help_sum = np.zeros((n, n))
    for k in range(count):
        result = replicate(states[k], fp, ip, lam, smean, value)
        metrics[k, :] = result[0]
        help_sum += result[1]
    return metrics, help_sum
