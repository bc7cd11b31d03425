"""Verify the hash-chained deployment audit log before an audit export.

Each entry is {"record": {...}, "prev": <hex>, "hash": <hex>}. See README.md for the rules.
"""
import hashlib
import json

GENESIS = "0" * 64


def entry_hash(prev, record):
    body = json.dumps(record).encode()
    return hashlib.sha256(bytes.fromhex(prev) + body).hexdigest()


def verify(entries, anchor=None):
    """Return (ok, first_bad_index, reason)."""
    for i, entry in enumerate(entries):
        if entry_hash(entry["prev"], entry["record"]) != entry["hash"]:
            return (False, i, "hash mismatch")
    return (True, None, "ok")
