"""Turn a load tool's latency samples into a release verdict for a p99 latency SLO.

The load tool used in CI is closed-loop: each connection waits for a reply before sending the
next request, and it records latency from the moment a request was actually sent.
"""
import math


def correct_for_omission(samples_ms, expected_interval_ms):
    """Return the samples corrected for coordinated omission (HdrHistogram style).

    TODO: the tool skips the requests it should have sent while a reply was late.
    """
    return list(samples_ms)


def slo_verdict(samples_ms, rate_rps, duration_s, p99_limit_ms):
    """Judge a load-test run against a p99 latency SLO."""
    n = len(samples_ms)
    expected = round(rate_rps * duration_s)
    if not samples_ms:
        return {"n": 0, "expected": expected, "p99": None, "ok": False,
                "reason": f"missing samples: 0 of {expected}"}
    ordered = sorted(samples_ms)
    p99 = ordered[min(int(0.99 * n), n - 1)]
    if p99 > p99_limit_ms:
        return {"n": n, "expected": expected, "p99": p99, "ok": False,
                "reason": f"p99 {p99:.1f} ms > {p99_limit_ms} ms"}
    return {"n": n, "expected": expected, "p99": p99, "ok": True, "reason": "ok"}
