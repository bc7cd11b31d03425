"""Decide whether the fraud model's error-budget burn should page, open a ticket, or do nothing.

counts maps each window name ("5m", "30m", "1h", "6h", "3d") to a pair
(errors, requests) measured over that window, for example {"1h": (1200, 100000), ...}.
"""

# (action, burn-rate factor, long window, short window), from the SRE Workbook, ch. 5
RULES = [
    ("page", 14.4, "1h", "5m"),
    ("page", 6.0, "6h", "30m"),
]


def burn_rate(errors, requests, slo=0.999):
    """How many times faster than sustainable the error budget is being spent."""
    return errors / requests / slo


def evaluate(counts, slo=0.999):
    """Return "page", "ticket" or "none"."""
    for action, factor, long_window, short_window in RULES:
        long_burn = burn_rate(*counts[long_window], slo)
        short_burn = burn_rate(*counts[short_window], slo)
        if long_burn >= factor or short_burn >= factor:
            return action
    return "none"
