"""Decide whether the fraud model's error-budget burn should page, open a ticket, or do nothing.

counts maps each window name ("5m", "30m", "1h", "6h", "3d") to a pair
(errors, requests) measured over that window, for example {"1h": (1200, 100000), ...}.
"""

# (action, burn-rate factor, long window, short window), from the SRE Workbook, ch. 5
RULES = [
    ("page", 14.4, "1h", "5m"),      # 2% of a 30-day budget in 1 hour
    ("page", 6.0, "6h", "30m"),      # 5% in 6 hours
    ("ticket", 1.0, "3d", "6h"),     # 10% in 3 days
]


def burn_rate(errors, requests, slo=0.999):
    """How many times faster than sustainable the error budget is being spent."""
    if not 0 < slo < 1:
        raise ValueError(f"slo must be between 0 and 1 (exclusive), got {slo}")
    if requests == 0:
        return 0.0                   # no traffic spends no budget
    budget = 1 - slo                 # the share of requests allowed to fail
    return (errors / requests) / budget


def evaluate(counts, slo=0.999):
    """Return "page", "ticket" or "none"."""
    for action, factor, long_window, short_window in RULES:
        long_burn = burn_rate(*counts[long_window], slo)
        short_burn = burn_rate(*counts[short_window], slo)
        if long_burn >= factor and short_burn >= factor:
            return action
    return "none"
