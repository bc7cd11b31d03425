"""Nightly drift job: compare this week's values of one feature with the training reference.

`psi` and `band` are used by the alerting job; `check_feature` is what it calls per feature.
"""
import bisect
import math
import statistics


def bin_shares(values, edges):
    """Share of `values` in each bin cut at `edges` (len(edges) + 1 bins)."""
    counts = [0] * (len(edges) + 1)
    for value in values:
        counts[bisect.bisect_right(edges, value)] += 1
    return [count / len(values) for count in counts]


def psi(expected, actual, eps=1e-4):
    """Population stability index between two lists of bin shares."""
    return sum((a - e) * math.log(a / e) for e, a in zip(expected, actual))


def band(value):
    """'stable', 'moderate' or 'major', using the customary 0.1 / 0.25 bands."""
    if value > 0.25:
        return "major"
    if value > 0.1:
        return "moderate"
    return "stable"


def check_feature(reference, current, bins=10):
    """Return (PSI rounded to 4 places, band) for one feature."""
    ref_edges = statistics.quantiles(reference, n=bins)
    cur_edges = statistics.quantiles(current, n=bins)
    value = psi(bin_shares(reference, ref_edges), bin_shares(current, cur_edges))
    return round(value, 4), band(value)
