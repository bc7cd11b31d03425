"""Judge a canary's error rate against the control's, honestly.

control and canary are pairs (errors, requests) counted over the same time window.
`rise` is the smallest absolute increase in error rate that matters (the minimum
detectable effect), for example 0.0025 for a quarter of a percentage point.
`looks` is the number of times this judge is planned to run during the rollout.
"""
import math
from statistics import NormalDist


def needed_per_group(p_base, rise, alpha=0.05, power=0.80):
    """Requests each group needs to detect `rise` with a two-sided test at `alpha`."""
    z_alpha = NormalDist().inv_cdf(1 - alpha / 2)
    return math.ceil(z_alpha**2 * p_base * (1 - p_base) / rise**2)


def judge(control, canary, rise, looks=1, alpha=0.05, power=0.80):
    """Return "PROMOTE", "HOLD" or "ROLLBACK"."""
    c_err, c_n = control
    k_err, k_n = canary
    p_control, p_canary = c_err / c_n, k_err / k_n
    se = math.sqrt(p_control * (1 - p_control) / c_n + p_canary * (1 - p_canary) / k_n)
    if (p_canary - p_control) / se > 1.96:
        return "ROLLBACK"
    return "PROMOTE"
