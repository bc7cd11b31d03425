"""Check co_report against load-test data with and without a server stall."""
import math
import random
import sys

from co_report import correct_for_omission, slo_verdict


def closed_loop_run(stall_ms, seed=7):
    """What the CI load tool records: one connection, 100 requests/s for 10 s, timed from the
    actual send. The server takes 2-4 ms, and pauses stall_ms at t = 5 s (a weight reload)."""
    rng, free_at, intended, samples = random.Random(seed), 0.0, 0.0, []
    while intended < 10_000:
        start = max(intended, free_at)
        stall = stall_ms if start <= 5_000 < start + stall_ms else 0
        free_at = start + stall + rng.uniform(2, 4)
        samples.append(round(free_at - start, 3))
        intended = max(intended + 10, free_at)
    return samples


stalled = closed_loop_run(stall_ms=1000)
healthy = closed_loop_run(stall_ms=0)
original = list(stalled)

CASES = [
    ("correct [3, 4, 45] at 10 ms", lambda: correct_for_omission([3.0, 4.0, 45.0], 10),
     [3.0, 4.0, 45.0, 35.0, 25.0, 15.0]),
    ("correct [20] at 10 ms keeps the value equal to the interval",
     lambda: correct_for_omission([20.0], 10), [20.0, 10.0]),
    ("values at or below the interval are left alone",
     lambda: correct_for_omission([10.0, 9.5], 10), [10.0, 9.5]),
    ("an interval of 0 disables correction", lambda: correct_for_omission([50.0], 0), [50.0]),
    ("correction restores the 1000 scheduled samples",
     lambda: len(correct_for_omission(stalled, 10)), 1000),
    ("the caller's list is not modified",
     lambda: (correct_for_omission(stalled, 10), stalled == original)[1], True),
    ("raw closed-loop samples are refused as incomplete",
     lambda: (lambda v: (v["ok"], v["reason"]))(slo_verdict(stalled, 100, 10, 50)),
     (False, "missing samples: 901 of 1000")),
    ("corrected samples fail the p99 SLO",
     lambda: (lambda v: (v["ok"], v["n"], v["reason"]))(
         slo_verdict(correct_for_omission(stalled, 10), 100, 10, 50)),
     (False, 1000, "p99 903.5 ms > 50 ms")),
    ("nearest-rank p99 of 1..100 is 99",
     lambda: (lambda v: (v["p99"], v["ok"]))(slo_verdict(list(range(1, 101)), 10, 10, 99)),
     (99, True)),
    ("a run without a stall passes",
     lambda: (lambda v: (v["ok"], v["n"], v["reason"]))(
         slo_verdict(correct_for_omission(healthy, 10), 100, 10, 50)),
     (True, 1000, "ok")),
    ("no samples at all is a failure",
     lambda: (lambda v: (v["ok"], v["reason"]))(slo_verdict([], 100, 10, 50)),
     (False, "missing samples: 0 of 1000")),
]

failures = 0
for name, run, expected in CASES:
    try:
        got = run()
    except Exception as error:  # report, do not crash the whole check
        got = f"raised {type(error).__name__}: {error}"
    if got == expected:
        print(f"PASS  {name}")
    else:
        failures += 1
        shown = got if not isinstance(got, list) or len(got) < 12 else f"list of {len(got)}"
        print(f"FAIL  {name}\n      expected {expected!r}\n      got      {shown!r}")
print(f"{len(CASES) - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
