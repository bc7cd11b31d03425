"""Check validator.validate against requests clients really send."""
import sys

from validator import validate

CASES = [
    ({"age": 42, "income": 52000.0, "country": "DE"}, (True, "ok")),
    ({"age": 18, "income": 0, "country": "US"}, (True, "ok")),
    ([42, 52000.0, "DE"], (False, "not an object")),
    ({"income": 1.0, "country": "FR"}, (False, "missing field: age")),
    ({"age": "42", "income": 1.0, "country": "FR"}, (False, "age: expected int, got str")),
    ({"age": True, "income": 1.0, "country": "FR"}, (False, "age: expected int, got bool")),
    ({"age": 150, "income": 1.0, "country": "FR"}, (False, "age: 150 outside [18, 120]")),
    ({"age": 30, "income": -5, "country": "FR"}, (False, "income: -5 below 0")),
    ({"age": 30, "income": float("nan"), "country": "FR"}, (False, "income: not finite")),
    ({"age": 30, "income": None, "country": "FR"}, (False, "income: expected number, got NoneType")),
    ({"age": 30, "income": 1.0, "country": "CA"}, (False, "country: 'CA' not in ['DE', 'FR', 'US']")),
    ({"age": 30, "income": 1.0, "country": "DE", "zip": "10115", "debug": 1}, (False, "unexpected field: debug")),
]

failures = 0
for payload, expected in CASES:
    try:
        got = validate(payload)
    except Exception as error:  # a validator must never crash on bad input
        got = ("raised", f"{type(error).__name__}: {error}")
    if got == expected:
        print(f"PASS  {payload!r} -> {got[1]}")
    else:
        failures += 1
        print(f"FAIL  {payload!r}\n      expected {expected}\n      got      {got}")
print(f"{len(CASES) - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
