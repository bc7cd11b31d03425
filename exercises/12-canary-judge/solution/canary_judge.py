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
    z_power = NormalDist().inv_cdf(power)
    p_new = p_base + rise
    variance = p_base * (1 - p_base) + p_new * (1 - p_new)
    return math.ceil((z_alpha + z_power) ** 2 * variance / rise**2)


def judge(control, canary, rise, looks=1, alpha=0.05, power=0.80):
    """Return "PROMOTE", "HOLD" or "ROLLBACK"."""
    c_err, c_n = control
    k_err, k_n = canary
    if c_n == 0 or k_n == 0:
        return "HOLD"
    per_look = alpha / looks  # Bonferroni: every planned look spends part of alpha
    p_control, p_canary = c_err / c_n, k_err / k_n
    if min(c_n, k_n) < needed_per_group(p_control, rise, per_look, power):
        return "HOLD"  # not enough traffic to judge
    z = NormalDist().inv_cdf(1 - per_look / 2)
    se = math.sqrt(p_control * (1 - p_control) / c_n + p_canary * (1 - p_canary) / k_n)
    diff = p_canary - p_control
    if diff - z * se > 0:
        return "ROLLBACK"  # the canary is worse, beyond noise
    if diff + z * se < rise:
        return "PROMOTE"  # any regression is smaller than the one that matters
    return "HOLD"  # the interval still includes a rise that matters
