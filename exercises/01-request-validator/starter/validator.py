"""Validate a prediction request against the model's input contract."""

ALLOWED_COUNTRIES = ["DE", "FR", "US"]


def validate(payload):
    """Return (True, "ok") or (False, reason) for the first problem found."""
    for field in ("age", "income", "country"):
        if field not in payload:
            return False, f"missing field: {field}"
    return True, "ok"
