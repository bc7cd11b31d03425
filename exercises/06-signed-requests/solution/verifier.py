"""Verify signed requests to the fraud model's /predict endpoint.

Clients send the raw JSON body plus two headers:
  X-Timestamp  Unix time in seconds when the request was signed, e.g. "1700000000"
  X-Signature  hex HMAC-SHA256 of  timestamp + "." + body  under the shared SECRET
"""
import hashlib
import hmac
import re

SECRET = b"fraud-model-signing-key"   # the service loads this from its secret store
WINDOW = 300                           # seconds either side of `now`


def verify_request(body: bytes, headers: dict, now: int, seen: set) -> tuple:
    """Return (True, "ok") or (False, reason) for one incoming request.

    `now` is the server's current Unix time; `seen` is the shared set of
    signatures already accepted inside the window.
    """
    for name in ("X-Timestamp", "X-Signature"):
        if name not in headers:
            return False, f"missing header: {name}"
    timestamp = headers["X-Timestamp"]
    signature = headers["X-Signature"]
    if not isinstance(timestamp, str) or not re.fullmatch(r"[0-9]{1,12}", timestamp):
        return False, "bad timestamp"
    if abs(now - int(timestamp)) > WINDOW:
        return False, "stale timestamp"
    expected = hmac.new(SECRET, timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    if not isinstance(signature, str):
        return False, "bad signature"
    # compare bytes: compare_digest raises TypeError on non-ASCII str arguments
    if not hmac.compare_digest(expected.encode(), signature.encode()):
        return False, "bad signature"
    if signature in seen:
        return False, "replay"
    seen.add(signature)
    return True, "ok"
