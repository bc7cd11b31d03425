"""Check burn_alert.burn_rate and burn_alert.evaluate against situations on-call teams meet."""
import sys

from burn_alert import burn_rate, evaluate

W = ["5m", "30m", "1h", "6h", "3d"]


def windows(*pairs):
    return dict(zip(W, pairs))


QUIET = (1, 10000)                   # 0.01% errors: well inside a 99.9% SLO
BURN_CASES = [
    ("1h: 1200 errors of 100000 requests", (1200, 100000), 12.0),
    ("5m: 130 errors of 8000 requests", (130, 8000), 16.25),
    ("3d: 0 errors of 7200000 requests", (0, 7200000), 0.0),
    ("a window with no traffic", (0, 0), 0.0),
]
EVAL_CASES = [
    ("bad release: 2% errors in every recent window",
     windows((170, 8000), (1000, 50000), (1800, 100000), (2100, 600000), (6000, 7200000)),
     0.999, "page"),
    ("medium burn: 0.7% errors for hours (6h and 30m at 7x)",
     windows((60, 8000), (350, 50000), (700, 100000), (4200, 600000), (6500, 7200000)),
     0.999, "page"),
    ("blip: 5% errors in the last 5 minutes only",
     windows((400, 8000), (440, 50000), (460, 100000), (700, 600000), (4000, 7200000)),
     0.999, "none"),
    ("spike over: 1h at 16x, last 5 minutes clean",
     windows((3, 8000), (300, 50000), (1600, 100000), (2100, 600000), (5800, 7200000)),
     0.999, "none"),
    ("building: 1h at 12x, 5m at 16.25x (not yet 2% of budget)",
     windows((130, 8000), (700, 50000), (1200, 100000), (1500, 600000), (5000, 7200000)),
     0.999, "none"),
    ("slow leak: 0.13% errors for 3 days",
     windows((10, 8000), (65, 50000), (130, 100000), (780, 600000), (9000, 7200000)),
     0.999, "ticket"),
    ("no traffic at all (night-time batch model)",
     windows((0, 0), (0, 0), (0, 0), (0, 0), (0, 0)), 0.999, "none"),
    ("healthy service", windows(QUIET, QUIET, QUIET, QUIET, QUIET), 0.999, "none"),
    ("99% SLO, 20% errors everywhere",
     windows((20, 100), (200, 1000), (400, 2000), (2400, 12000), (2400, 12000)), 0.99, "page"),
    ("90% SLO, same 20% errors (burn 2x)",
     windows((20, 100), (200, 1000), (400, 2000), (2400, 12000), (2400, 12000)), 0.9, "ticket"),
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


def run(fn, *args):
    try:
        value = fn(*args)
        return round(value, 6) if isinstance(value, float) else value
    except Exception as error:   # the alert evaluator must not crash on real traffic
        return f"raised {type(error).__name__}: {error}"


for label, (errors, requests), want in BURN_CASES:
    report(f"burn_rate, {label}", run(burn_rate, errors, requests, 0.999), want)
try:
    burn_rate(1, 100, 1.0)
    got = "no error"
except ValueError:
    got = "ValueError"
except Exception as error:
    got = f"{type(error).__name__}"
report("burn_rate with slo=1.0 (no budget at all) raises", got, "ValueError")
for label, counts, slo, want in EVAL_CASES:
    report(label, run(evaluate, counts, slo), want)

print(f"{checks - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
