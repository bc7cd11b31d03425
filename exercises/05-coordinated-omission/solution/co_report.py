"""Turn a load tool's latency samples into a release verdict for a p99 latency SLO.

The load tool used in CI is closed-loop: each connection waits for a reply before sending the
next request, and it records latency from the moment a request was actually sent.
"""
import math


def correct_for_omission(samples_ms, expected_interval_ms):
    """Return the samples corrected for coordinated omission (HdrHistogram style).

    Like HdrHistogram's recordValueWithExpectedInterval: each value is kept, and a value larger
    than the expected interval is followed by value - interval, value - 2 * interval, ... for as
    long as the generated value is at least the interval. These stand in for the requests the
    tool should have sent while it was waiting.
    """
    out = []
    for value in samples_ms:
        out.append(value)
        if expected_interval_ms <= 0:
            continue
        missing = value - expected_interval_ms
        while missing >= expected_interval_ms:
            out.append(missing)
            missing -= expected_interval_ms
    return out


def slo_verdict(samples_ms, rate_rps, duration_s, p99_limit_ms):
    """Judge a load-test run against a p99 latency SLO."""
    n = len(samples_ms)
    expected = round(rate_rps * duration_s)
    if not samples_ms:
        return {"n": 0, "expected": expected, "p99": None, "ok": False,
                "reason": f"missing samples: 0 of {expected}"}
    ordered = sorted(samples_ms)
    p99 = ordered[math.ceil(0.99 * n) - 1]                  # nearest rank, ranks from 1
    if n < 0.99 * expected:
        return {"n": n, "expected": expected, "p99": p99, "ok": False,
                "reason": f"missing samples: {n} of {expected}"}
    if p99 > p99_limit_ms:
        return {"n": n, "expected": expected, "p99": p99, "ok": False,
                "reason": f"p99 {p99:.1f} ms > {p99_limit_ms} ms"}
    return {"n": n, "expected": expected, "p99": p99, "ok": True, "reason": "ok"}
