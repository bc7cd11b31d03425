"""Latency SLO gate for a model service."""


def percentile(samples, p):
    """Nearest-rank percentile of samples (p in (0, 100])."""
    ordered = sorted(samples)
    return ordered[int(p / 100 * len(ordered)) - 1]


def slo_report(samples_ms, p99_limit_ms):
    mean = sum(samples_ms) / len(samples_ms)
    return {
        "p50": percentile(samples_ms, 50),
        "p95": percentile(samples_ms, 95),
        "p99": percentile(samples_ms, 99),
        "ok": mean <= p99_limit_ms,
    }
