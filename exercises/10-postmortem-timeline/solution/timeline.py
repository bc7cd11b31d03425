"""Review a post-mortem draft before its review meeting.

review(postmortem) returns (metrics, problems): minutes from impact start to detection,
mitigation and resolution, and the list of problems that must be fixed in the draft.
"""
from datetime import datetime

MILESTONES = ["impact_start", "detected", "mitigated", "resolved"]
METRICS = {"detect": "detected", "mitigate": "mitigated", "resolve": "resolved"}


def review(postmortem):
    problems = []
    rows = []
    for row in postmortem["timeline"]:
        at = datetime.fromisoformat(row["at"])
        if at.tzinfo is None:
            problems.append(f"no UTC offset: {row['text']}")
            continue
        rows.append((at, row))

    times = {}
    for at, row in rows:
        if row["kind"] in MILESTONES and row["kind"] not in times:
            times[row["kind"]] = at
    for kind in MILESTONES:
        if kind not in times:
            problems.append(f"missing milestone: {kind}")

    for (previous, _), (at, row) in zip(rows, rows[1:]):
        if at < previous:
            problems.append(f"out of order: {row['text']}")
    for earlier, later in zip(MILESTONES, MILESTONES[1:]):
        if earlier in times and later in times and times[later] < times[earlier]:
            problems.append(f"{later} before {earlier}")

    for item in postmortem.get("action_items", []):
        if not (item.get("owner") or "").strip():
            problems.append(f"action item without owner: {item['what']}")

    metrics = {}
    for name, kind in METRICS.items():
        if "impact_start" in times and kind in times:
            seconds = (times[kind] - times["impact_start"]).total_seconds()
            metrics[name] = round(seconds / 60, 1)
        else:
            metrics[name] = None
    return metrics, problems
