"""Check canary_judge.needed_per_group and canary_judge.judge against canaries a rollout meets."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from canary_judge import judge, needed_per_group  # noqa: E402

RISE = 0.0025  # a rise of a quarter of a percentage point in the error rate matters
CONTROL = (80, 16000)  # 0.5% errors

SIZE_CASES = [  # (label, args, keyword args, expected requests per group)
    ("0.5% -> 0.75% at alpha 0.05, power 0.8", (0.005, RISE), {}, 15596),
    ("2% -> 3% at alpha 0.05, power 0.8", (0.02, 0.01), {}, 3823),
    ("0.5% -> 0.75% at power 0.9", (0.005, RISE), {"power": 0.9}, 20879),
    ("0.5% -> 0.75% at alpha 0.005", (0.005, RISE), {"alpha": 0.005}, 26453),
]
JUDGE_CASES = [  # (label, control, canary, looks, expected verdict)
    ("thin canary: 3 errors in 150 requests", CONTROL, (3, 150), 1, "HOLD"),
    ("thin canary: no errors yet in 400 requests", CONTROL, (0, 400), 1, "HOLD"),
    ("canary has received no traffic", CONTROL, (0, 0), 1, "HOLD"),
    ("control has received no traffic", (0, 0), (5, 1000), 1, "HOLD"),
    ("error rate doubled: 160 vs 80 of 16000", CONTROL, (160, 16000), 1, "ROLLBACK"),
    ("same error rate: 78 vs 80 of 16000", CONTROL, (78, 16000), 1, "PROMOTE"),
    ("inconclusive: 100 vs 80 of 16000", CONTROL, (100, 16000), 1, "HOLD"),
    ("quiet model: 0 errors in 20000 requests each", (0, 20000), (0, 20000), 1, "PROMOTE"),
    ("190 vs 150 of 30000, the only planned look", (150, 30000), (190, 30000), 1, "ROLLBACK"),
    ("190 vs 150 of 30000, one of 10 planned looks", (150, 30000), (190, 30000), 10, "HOLD"),
]

failures = checks = 0


def report(label, got, want):
    global failures, checks
    checks += 1
    if got == want:
        print(f"PASS  {label}: {got!r}")
    else:
        failures += 1
        print(f"FAIL  {label}\n      expected {want!r}\n      got      {got!r}")


def run(fn, *args, **kwargs):
    try:
        return fn(*args, **kwargs)
    except Exception as error:  # a judge that crashes on real traffic decides nothing
        return f"raised {type(error).__name__}: {error}"


for label, args, kwargs, want in SIZE_CASES:
    got = run(needed_per_group, *args, **kwargs)
    if isinstance(got, (int, float)) and abs(got - want) <= 1:
        got = want  # rounding up or to nearest both count
    report(f"needed_per_group, {label}", got, want)
for label, control, canary, looks, want in JUDGE_CASES:
    report(label, run(judge, control, canary, RISE, looks=looks), want)

print(f"{checks - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
