"""Verify signed requests to the fraud model's /predict endpoint.

Clients send the raw JSON body plus two headers:
  X-Timestamp  Unix time in seconds when the request was signed, e.g. "1700000000"
  X-Signature  hex HMAC-SHA256 of  timestamp + "." + body  under the shared SECRET
"""
import hashlib
import hmac

SECRET = b"fraud-model-signing-key"   # the service loads this from its secret store
WINDOW = 300                           # seconds either side of `now`


def verify_request(body: bytes, headers: dict, now: int, seen: set) -> tuple:
    """Return (True, "ok") or (False, reason) for one incoming request.

    `now` is the server's current Unix time; `seen` is the shared set of
    signatures already accepted inside the window.
    """
    timestamp = headers["X-Timestamp"]
    signature = headers["X-Signature"]
    expected = hmac.new(SECRET, timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    if expected == signature:
        return True, "ok"
    return False, "bad signature"
