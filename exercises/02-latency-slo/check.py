"""Check the nearest-rank percentile and the SLO gate built on it."""
import random
import sys

from slo import percentile, slo_report

failures = 0
checks = 0


def expect(label, got, want):
    global failures, checks
    checks += 1
    if got == want:
        print(f"PASS  {label}: {got!r}")
    else:
        failures += 1
        print(f"FAIL  {label}: expected {want!r}, got {got!r}")


expect("p50 of 1..10", percentile(list(range(1, 11)), 50), 5)
expect("p90 of 1..10", percentile(list(range(1, 11)), 90), 9)
expect("p100 of 1..10", percentile(list(range(1, 11)), 100), 10)
expect("p99 of 1..200", percentile(list(range(1, 201)), 99), 198)
expect("p1 of one sample", percentile([7], 1), 7)
for bad in ([], 0, 101):
    samples, p = ([], 50) if bad == [] else ([1, 2, 3], bad)
    try:
        percentile(samples, p)
        expect(f"percentile({samples}, {p}) raises ValueError", "no error", "ValueError")
    except ValueError:
        expect(f"percentile({samples}, {p}) raises ValueError", "ValueError", "ValueError")
    except Exception as error:
        expect(f"percentile({samples}, {p}) raises ValueError", type(error).__name__, "ValueError")

rng = random.Random(7)
fast = [rng.randint(80, 140) for _ in range(196)]
slow_tail = fast + [2000, 2100, 2200, 2300]
report = slo_report(slow_tail, 300)
expect("p99 of a slow tail (rank 198 of 200)", report["p99"], 2100)
expect("a slow tail fails the SLO even with a low mean", report["ok"], False)
short = slo_report(fast, 300)
expect("196 fast samples are not enough to judge", short.get("enough"), False)
expect("a clean run that is too short does not pass", short["ok"], False)
long_fast = [rng.randint(80, 140) for _ in range(400)]
expect("400 fast samples are enough", slo_report(long_fast, 300).get("enough"), True)
expect("a fast service with enough samples passes", slo_report(long_fast, 300)["ok"], True)
slow_long = long_fast[:392] + [900] * 8
expect("8 slow of 400 (2%) does not pass", slo_report(slow_long, 300)["ok"], False)
print(f"{checks - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
