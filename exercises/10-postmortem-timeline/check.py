"""Check timeline.review against post-mortem drafts as engineers really write them."""
import copy
import sys

from timeline import review


def row(at, kind, text):
    return {"at": at, "kind": kind, "text": text}


CLEAN = {
    "timeline": [
        row("2024-06-03T13:40:00+00:00", "impact_start", "3.2.0 at 100%, BR scores 0.0"),
        row("2024-06-03T14:05:00+00:00", "detected", "Review-queue alert pages on-call"),
        row("2024-06-03T14:12:00+00:00", "note", "Incident Commander assigned"),
        row("2024-06-03T14:41:00+00:00", "mitigated", "Rollback to 3.1.4 complete"),
        row("2024-06-03T16:20:00+00:00", "resolved", "Skipped payments re-scored"),
    ],
    "action_items": [
        {"what": "Per-country canary check", "owner": "risk-ml"},
        {"what": "Alert on constant scores", "owner": "sre-payments"},
    ],
}
FULL = {"detect": 25.0, "mitigate": 61.0, "resolve": 160.0}


def variant(change):
    draft = copy.deepcopy(CLEAN)
    change(draft)
    return draft


def late_note(d):
    d["timeline"].insert(4, row("2024-06-03T14:38:00+00:00", "note", "Rollback started"))


def cest_detection(d):
    d["timeline"][1]["at"] = "2024-06-03T16:05:00+02:00"    # same instant as 14:05 UTC


def before_midnight(d):
    d["timeline"][0]["at"] = "2024-06-02T23:50:00+00:00"
    d["timeline"][1]["at"] = "2024-06-03T00:10:30+00:00"
    del d["timeline"][2:]


def no_impact_start(d):
    del d["timeline"][0]


def detected_first(d):
    d["timeline"][0]["at"] = "2024-06-03T14:10:00+00:00"


def blank_owners(d):
    d["action_items"][0]["owner"] = "  "
    d["action_items"][1]["owner"] = None


def naive_note(d):
    d["timeline"][2]["at"] = "2024-06-03T16:12:00"


CASES = [
    ("clean draft", CLEAN, (FULL, [])),
    ("detection logged in CEST (+02:00)", variant(cest_detection), (FULL, [])),
    ("row pasted out of order", variant(late_note),
     (FULL, ["out of order: Rollback started"])),
    ("incident across midnight", variant(before_midnight),
     ({"detect": 20.5, "mitigate": None, "resolve": None},
      ["missing milestone: mitigated", "missing milestone: resolved"])),
    ("no impact_start row", variant(no_impact_start),
     ({"detect": None, "mitigate": None, "resolve": None},
      ["missing milestone: impact_start"])),
    ("detection before impact", variant(detected_first),
     ({"detect": -5.0, "mitigate": 31.0, "resolve": 130.0},
      ["out of order: Review-queue alert pages on-call", "detected before impact_start"])),
    ("action items without owners", variant(blank_owners),
     (FULL, ["action item without owner: Per-country canary check",
             "action item without owner: Alert on constant scores"])),
    ("timestamp without offset", variant(naive_note),
     (FULL, ["no UTC offset: Incident Commander assigned"])),
]

failures = 0
for name, draft, expected in CASES:
    try:
        got = review(copy.deepcopy(draft))
        got = (got[0], list(got[1]))
    except Exception as error:  # a reviewer must not crash on a messy draft
        got = ("raised", f"{type(error).__name__}: {error}")
    if got == expected:
        print(f"PASS  {name}")
    else:
        failures += 1
        print(f"FAIL  {name}\n      expected {expected}\n      got      {got}")
print(f"{len(CASES) - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
