"""Review a post-mortem draft before its review meeting.

review(postmortem) returns (metrics, problems): minutes from impact start to detection,
mitigation and resolution, and the list of problems that must be fixed in the draft.
"""

MILESTONES = ["impact_start", "detected", "mitigated", "resolved"]
METRICS = {"detect": "detected", "mitigate": "mitigated", "resolve": "resolved"}


def _clock_minutes(timestamp):
    # "2024-06-03T14:05:00+00:00" -> 14 * 60 + 5
    return int(timestamp[11:13]) * 60 + int(timestamp[14:16])


def review(postmortem):
    timeline = postmortem["timeline"]
    problems = []
    for kind in MILESTONES:
        if not any(row["kind"] == kind for row in timeline):
            problems.append(f"missing milestone: {kind}")

    # The first row of the timeline is where the incident starts.
    start = _clock_minutes(timeline[0]["at"])
    metrics = {name: None for name in METRICS}
    for name, kind in METRICS.items():
        for row in timeline:
            if row["kind"] == kind:
                metrics[name] = float(_clock_minutes(row["at"]) - start)
    return metrics, problems
