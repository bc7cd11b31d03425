"""Verify the hash-chained deployment audit log before an audit export.

Each entry is {"record": {...}, "prev": <hex>, "hash": <hex>}. See README.md for the rules.
"""
import hashlib
import json

GENESIS = "0" * 64


def entry_hash(prev, record):
    body = json.dumps(record, sort_keys=True, separators=(",", ":")).encode()
    return hashlib.sha256(bytes.fromhex(prev) + body).hexdigest()


def verify(entries, anchor=None):
    """Return (ok, first_bad_index, reason)."""
    expected_prev = GENESIS
    for i, entry in enumerate(entries):
        if entry["prev"] != expected_prev:
            return (False, i, "prev link broken")
        if entry_hash(expected_prev, entry["record"]) != entry["hash"]:
            return (False, i, "hash mismatch")
        expected_prev = entry["hash"]
    if anchor is not None:
        count = anchor["count"]
        if len(entries) < count:
            return (False, len(entries), "truncated")
        if count > 0 and entries[count - 1]["hash"] != anchor["head"]:
            return (False, count - 1, "head does not match anchor")
    return (True, None, "ok")
