"""Validate a prediction request against the model's input contract."""

import math

ALLOWED_COUNTRIES = ["DE", "FR", "US"]
KNOWN = ("age", "income", "country")


def _type_problem(name, value, allowed):
    if isinstance(value, bool) or not isinstance(value, allowed):
        expected = "int" if allowed is int else "number"
        return f"{name}: expected {expected}, got {type(value).__name__}"
    return None


def validate(payload):
    """Return (True, "ok") or (False, reason) for the first problem found."""
    if not isinstance(payload, dict):
        return False, "not an object"
    for field in KNOWN:
        if field not in payload:
            return False, f"missing field: {field}"

    age = payload["age"]
    problem = _type_problem("age", age, int)
    if problem:
        return False, problem
    if not 18 <= age <= 120:
        return False, f"age: {age} outside [18, 120]"

    income = payload["income"]
    problem = _type_problem("income", income, (int, float))
    if problem:
        return False, problem
    if not math.isfinite(income):
        return False, "income: not finite"
    if income < 0:
        return False, f"income: {income} below 0"

    country = payload["country"]
    if not isinstance(country, str):
        return False, f"country: expected str, got {type(country).__name__}"
    if country not in ALLOWED_COUNTRIES:
        return False, f"country: {country!r} not in {ALLOWED_COUNTRIES}"

    extra = sorted(set(payload) - set(KNOWN))
    if extra:
        return False, f"unexpected field: {extra[0]}"
    return True, "ok"
