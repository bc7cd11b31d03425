"""Latency SLO gate for a model service."""

import math

MIN_SAMPLES = 300   # below this, even a run with no slow request cannot show p99 is in budget


def percentile(samples, p):
    """Nearest-rank percentile of samples (p in (0, 100])."""
    if not samples:
        raise ValueError("no samples")
    if not 0 < p <= 100:
        raise ValueError(f"percentile {p} outside (0, 100]")
    ordered = sorted(samples)
    rank = math.ceil(p / 100 * len(ordered))
    return ordered[rank - 1]


def slo_report(samples_ms, p99_limit_ms):
    p99 = percentile(samples_ms, 99)
    enough = len(samples_ms) >= MIN_SAMPLES
    return {
        "p50": percentile(samples_ms, 50),
        "p95": percentile(samples_ms, 95),
        "p99": p99,
        "enough": enough,
        "ok": enough and p99 <= p99_limit_ms,
    }
