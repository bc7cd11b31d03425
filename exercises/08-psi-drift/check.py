"""Check drift.psi, drift.band and drift.check_feature against known values and traps."""
import random
import sys

from drift import band, check_feature, psi

rng = random.Random(7)
REFERENCE = [rng.gauss(50, 10) for _ in range(3000)]
SAME = [rng.gauss(50, 10) for _ in range(3000)]
SHIFTED = [rng.gauss(58, 10) for _ in range(3000)]
FLAT = [0.25, 0.25, 0.25, 0.25]


def close(expected, tolerance=1e-4):
    return lambda got: isinstance(got, float) and abs(got - expected) <= tolerance


def raises(kind):
    return lambda got: got == ("raised", kind)


CASES = [
    ("psi, moderate shift", lambda: psi([.10, .20, .40, .20, .10], [.05, .15, .35, .25, .20]),
     close(0.1362), "0.1362"),
    ("psi, major shift", lambda: psi([.10, .20, .40, .20, .10], [.02, .08, .30, .30, .30]),
     close(0.5277), "0.5277"),
    ("psi, identical shares", lambda: psi(FLAT, FLAT), close(0.0), "0.0"),
    ("psi, empty current bin", lambda: psi(FLAT, [0.40, 0.30, 0.30, 0.0]),
     close(2.0440), "2.0440 (eps 1e-4 instead of a crash)"),
    ("psi, empty reference bin", lambda: psi([0.5, 0.5, 0.0], [0.4, 0.4, 0.2]),
     close(1.5640), "1.5640 (eps 1e-4 instead of a crash)"),
    ("psi, bin counts differ", lambda: psi(FLAT, [0.5, 0.5]),
     raises("ValueError"), "ValueError"),
    ("band(0.05)", lambda: band(0.05), lambda got: got == "stable", "'stable'"),
    ("band(0.1)", lambda: band(0.1), lambda got: got == "moderate", "'moderate'"),
    ("band(0.2499)", lambda: band(0.2499), lambda got: got == "moderate", "'moderate'"),
    ("band(0.25)", lambda: band(0.25), lambda got: got == "major", "'major'"),
    ("check_feature, same distribution", lambda: check_feature(REFERENCE, SAME)[1],
     lambda got: got == "stable", "'stable'"),
    ("check_feature, mean moved by 0.8 sd", lambda: check_feature(REFERENCE, SHIFTED)[1],
     lambda got: got == "major", "'major' (bin edges frozen at the reference)"),
]

failures = 0
for name, call, ok, expected in CASES:
    try:
        got = call()
    except Exception as error:  # report, never crash the check
        got = ("raised", type(error).__name__)
    if ok(got):
        print(f"PASS  {name} -> {got!r}")
    else:
        failures += 1
        print(f"FAIL  {name}\n      expected {expected}\n      got      {got!r}")
print(f"{len(CASES) - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
