"""Check audit_log.verify against tampered copies of a deployment audit log."""
import copy
import hashlib
import json
import sys

from audit_log import verify

GENESIS = "0" * 64


def h(prev, record):
    body = json.dumps(record, sort_keys=True, separators=(",", ":")).encode()
    return hashlib.sha256(bytes.fromhex(prev) + body).hexdigest()


def build(records, start=GENESIS):
    log, prev = [], start
    for record in records:
        entry = {"record": record, "prev": prev, "hash": h(prev, record)}
        log.append(entry)
        prev = entry["hash"]
    return log


# Keys are deliberately not in sorted order, as the deploy tool writes them.
RECORDS = [
    {"seq": 1, "actor": "alice", "action": "deploy", "model": "fraud-v3", "approved_by": "carol"},
    {"seq": 2, "actor": "bob", "action": "threshold", "model": "fraud-v3", "approved_by": "carol"},
    {"seq": 3, "actor": "alice", "action": "deploy", "model": "fraud-v4", "approved_by": "dave"},
    {"seq": 4, "actor": "bob", "action": "rollback", "model": "fraud-v3", "approved_by": "dave"},
]
LOG = build(RECORDS)
ANCHOR = {"count": 4, "head": LOG[-1]["hash"]}


def case_edited():
    log = copy.deepcopy(LOG)
    log[2]["record"]["approved_by"] = "alice"
    return log


def case_edited_rehashed_one():
    log = copy.deepcopy(LOG)
    log[1]["record"]["action"] = "deploy"
    log[1]["hash"] = h(log[1]["prev"], log[1]["record"])
    return log


def case_rebuilt():
    records = copy.deepcopy(RECORDS)
    records[0]["approved_by"] = "bob"
    return build(records)


def case_bad_genesis():
    return build(RECORDS, start="f" * 64)


def case_appended():
    more = RECORDS + [{"seq": 5, "actor": "alice", "action": "deploy", "model": "fraud-v5",
                       "approved_by": "carol"}]
    return build(more)


CASES = [
    ("clean log, no anchor", lambda: LOG, None, (True, None, "ok")),
    ("clean log, matching anchor", lambda: LOG, ANCHOR, (True, None, "ok")),
    ("empty log, no anchor", lambda: [], None, (True, None, "ok")),
    ("entry 2 edited, hashes kept", case_edited, None, (False, 2, "hash mismatch")),
    ("entry 1 deleted", lambda: LOG[:1] + LOG[2:], None, (False, 1, "prev link broken")),
    ("entries 1 and 2 swapped", lambda: [LOG[0], LOG[2], LOG[1], LOG[3]], None,
     (False, 1, "prev link broken")),
    ("entry 1 edited and its own hash recomputed", case_edited_rehashed_one, None,
     (False, 2, "prev link broken")),
    ("chain starts from a wrong genesis", case_bad_genesis, None, (False, 0, "prev link broken")),
    ("newest two entries dropped", lambda: LOG[:2], ANCHOR, (False, 2, "truncated")),
    ("whole chain recomputed after an edit", case_rebuilt, ANCHOR,
     (False, 3, "head does not match anchor")),
    ("entry appended after the anchor", case_appended, ANCHOR, (True, None, "ok")),
]

failures = 0
for name, make, anchor, expected in CASES:
    try:
        got = verify(make(), anchor)
    except Exception as error:  # a verifier must report, not crash
        got = ("raised", f"{type(error).__name__}: {error}")
    if got == expected:
        print(f"PASS  {name} -> {got}")
    else:
        failures += 1
        print(f"FAIL  {name}\n      expected {expected}\n      got      {got}")
print(f"{len(CASES) - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
