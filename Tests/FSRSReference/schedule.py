"""Replays review histories through py-fsrs, the reference FSRS scheduler, and prints the card
after every review, so FSRSReferenceTests can compare Preflight's scheduler with it.

Usage: schedule.py HISTORIES.json OUT.json

HISTORIES.json: {"start": <Unix seconds>, "cards": [[{"rating": 1-4, "at": <Unix seconds>}, ...], ...]}
OUT.json: for each card, for each review: {"state", "step", "stability", "difficulty", "due"},
with the state as Preflight names it and `due` in Unix seconds.

The scheduler is py-fsrs's own defaults with fuzzing off: the configuration Preflight uses.
"""

import json
import sys
from datetime import datetime, timezone

from fsrs import Card, Rating, Scheduler, State

STATE_NAMES = {State.Learning: "learning", State.Review: "review", State.Relearning: "relearning"}


def moment(seconds):
    return datetime.fromtimestamp(seconds, tz=timezone.utc)


def main(source, target):
    with open(source, encoding="utf-8") as handle:
        histories = json.load(handle)
    scheduler = Scheduler(enable_fuzzing=False)
    results = []
    for history in histories["cards"]:
        card = Card(card_id=1, due=moment(histories["start"]))
        after = []
        for review in history:
            card, _ = scheduler.review_card(card, Rating(review["rating"]), review_datetime=moment(review["at"]))
            after.append({
                "state": STATE_NAMES[card.state],
                "step": card.step,
                "stability": card.stability,
                "difficulty": card.difficulty,
                "due": card.due.timestamp(),
            })
        results.append(after)
    with open(target, "w", encoding="utf-8") as handle:
        json.dump(results, handle)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
