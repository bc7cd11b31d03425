"""Check loader.load_model against artifacts a real model bucket ends up holding."""
import hashlib
import json
import math
import os
import pickle
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from loader import ModelRejected, load_model  # noqa: E402


def export(version, w, b):
    return json.dumps({"version": version, "w": w, "b": b}, sort_keys=True).encode()


def reference_predict(w, b, x):
    return 1 / (1 + math.exp(-(sum(wi * xi for wi, xi in zip(w, x)) + b)))


class LegacyPickle:
    """A 'model' whose unpickling creates a file: stands in for a malicious payload."""

    def __reduce__(self):
        return (open, ("PWNED", "w"))


W, B = [0.8, -1.4, 0.5], -0.2
INPUTS = [[1.0, 0.5, 2.0], [0.0, 1.0, 0.0], [-1.0, 0.0, 1.5]]
GOLDEN = [[x, reference_predict(W, B, x)] for x in INPUTS]
GOOD = export("credit-v3", W, B)
NAN_BIAS = export("credit-v6", W, float("nan"))
PICKLED = pickle.dumps(LegacyPickle())
LIST_JSON = b"[0.8, -1.4, 0.5]"


def entry(blob):
    return {"sha256": hashlib.sha256(blob).hexdigest(), "golden": GOLDEN}


REGISTRY = {
    "credit-v3": entry(GOOD),
    "credit-v4": entry(GOOD),          # release script registered v3's bytes as v4
    "credit-p1": entry(PICKLED),       # a legacy pickle someone registered
    "credit-v6": entry(NAN_BIAS),      # the exporter wrote a NaN bias
    "credit-v7": entry(LIST_JSON),     # valid JSON, but not a model
}

CASES = [  # (description, version, blob, expected outcome)
    ("registered artifact", "credit-v3", GOOD, ("ok", "credit-v3")),
    ("unregistered version", "credit-v9", GOOD, ("rejected", "unknown version: credit-v9")),
    ("overwritten upload", "credit-v3", export("credit-v3", W, -0.25),
     ("rejected", "sha256 mismatch")),
    ("v3 bytes registered as v4", "credit-v4", GOOD,
     ("rejected", "version mismatch: artifact says credit-v3")),
    ("legacy pickle", "credit-p1", PICKLED, ("rejected", "not a JSON model")),
    ("NaN bias", "credit-v6", NAN_BIAS, ("rejected", "golden mismatch: example 0")),
    ("JSON that is not a model", "credit-v7", LIST_JSON, ("rejected", "not a JSON model")),
]

failures = 0
for name, version, blob, expected in CASES:
    if os.path.exists("PWNED"):
        os.remove("PWNED")
    try:
        model = load_model(version, blob, REGISTRY)
        got = ("ok", model.get("version") if isinstance(model, dict) else repr(model))
    except ModelRejected as error:
        got = ("rejected", str(error))
    except Exception as error:  # a loader must refuse bad artifacts, not crash on them
        got = ("raised", f"{type(error).__name__}: {error}")
    ok = got[0] == expected[0] and got[1].startswith(expected[1])
    if os.path.exists("PWNED"):
        ok = False
        got = (got[0], got[1] + " -- and the pickle payload RAN (file PWNED was created)")
    if ok:
        print(f"PASS  {name}: {got[0]} ({got[1]})")
    else:
        failures += 1
        print(f"FAIL  {name}\n      expected {expected[0]} ({expected[1]}...)\n"
              f"      got      {got[0]} ({got[1]})")
if os.path.exists("PWNED"):
    os.remove("PWNED")
print(f"{len(CASES) - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
