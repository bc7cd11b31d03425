"""Check verifier.verify_request against genuine, forged, stale and replayed requests."""
import hashlib
import hmac
import secrets
import sys

import verifier

SECRET = b"fraud-model-signing-key"
NOW = 1_700_000_000
BODY = b'{"amount": 129.5, "merchant": "m-204", "country": "DE"}'


def sign(ts, body=BODY):
    return hmac.new(SECRET, str(ts).encode() + b"." + body, hashlib.sha256).hexdigest()


def headers(ts, sig=None):
    return {"X-Timestamp": str(ts), "X-Signature": sign(ts) if sig is None else sig}


calls = []
real_compare = hmac.compare_digest


def counting_compare(a, b):
    calls.append(1)
    return real_compare(a, b)


hmac.compare_digest = counting_compare          # however the learner imports it
secrets.compare_digest = counting_compare
if hasattr(verifier, "compare_digest"):
    verifier.compare_digest = counting_compare

failures = 0
total = 0


def case(name, got, expected):
    global failures, total
    total += 1
    if got == expected:
        print(f"PASS  {name} -> {got}")
    else:
        failures += 1
        print(f"FAIL  {name}\n      expected {expected}\n      got      {got}")


def run(body, hdrs, now, seen):
    try:
        return verifier.verify_request(body, hdrs, now, seen)
    except Exception as error:  # a verifier must never crash on hostile input
        return ("raised", f"{type(error).__name__}: {error}")


seen = set()
case("fresh signed request", run(BODY, headers(NOW - 20), NOW, seen), (True, "ok"))
case("same request sent again", run(BODY, headers(NOW - 20), NOW, seen), (False, "replay"))
case("body changed after signing",
     run(BODY.replace(b"129.5", b"12.5"), headers(NOW - 10), NOW, set()),
     (False, "bad signature"))
case("timestamp changed after signing",
     run(BODY, headers(NOW, sig=sign(NOW - 400)), NOW, set()), (False, "bad signature"))
case("captured 301 s ago", run(BODY, headers(NOW - 301), NOW, set()),
     (False, "stale timestamp"))
case("dated 301 s in the future", run(BODY, headers(NOW + 301), NOW, set()),
     (False, "stale timestamp"))
case("exactly 300 s old", run(BODY, headers(NOW - 300), NOW, set()), (True, "ok"))
case("no X-Timestamp header", run(BODY, {"X-Signature": sign(NOW)}, NOW, set()),
     (False, "missing header: X-Timestamp"))
case("no X-Signature header", run(BODY, {"X-Timestamp": str(NOW)}, NOW, set()),
     (False, "missing header: X-Signature"))
case("timestamp not a number", run(BODY, headers("soon", sig=sign(NOW)), NOW, set()),
     (False, "bad timestamp"))
case("timestamp with a sign", run(BODY, headers(f"-{NOW}", sig=sign(NOW)), NOW, set()),
     (False, "bad timestamp"))
case("non-ASCII signature", run(BODY, headers(NOW, sig="é" * 64), NOW, set()),
     (False, "bad signature"))

shared = set()
run(BODY, headers(NOW - 5, sig="0" * 64), NOW, shared)
case("forged request is not remembered", sorted(shared), [])
case("genuine request after a forged one", run(BODY, headers(NOW - 5), NOW, shared),
     (True, "ok"))

calls.clear()
run(BODY, headers(NOW - 7), NOW, set())
case("signature compared with compare_digest", len(calls) >= 1, True)

print(f"{total - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
