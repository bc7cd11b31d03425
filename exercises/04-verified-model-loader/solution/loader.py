"""Load a registered model artifact for serving.

The registry is a dict written by the training job when it registers a model:

    {version: {"sha256": "<hex digest of the artifact bytes>",
               "golden": [[inputs, expected_output], ...]}}

`load_model` gets the requested version and the artifact bytes downloaded from the bucket.
It must return the model (a dict with "version", "w" and "b") only when the artifact is
exactly what the registry describes, and raise ModelRejected(reason) otherwise.
"""
import hashlib
import hmac
import json
import math


class ModelRejected(Exception):
    """Raised when an artifact must not be served."""


def predict(model, x):
    z = sum(w * v for w, v in zip(model["w"], x)) + model["b"]
    return 1 / (1 + math.exp(-z))


def load_model(version, blob, registry):
    entry = registry.get(version)
    if entry is None:
        raise ModelRejected(f"unknown version: {version}")
    expected = entry["sha256"].lower()
    got = hashlib.sha256(blob).hexdigest()
    if not hmac.compare_digest(got, expected):
        raise ModelRejected(f"sha256 mismatch: expected {expected[:12]}, got {got[:12]}")
    try:
        model = json.loads(blob)  # data only: never unpickle a downloaded file
    except ValueError:
        raise ModelRejected("not a JSON model") from None
    if not isinstance(model, dict) or not {"version", "w", "b"} <= model.keys():
        raise ModelRejected("not a JSON model")
    if model["version"] != version:
        raise ModelRejected(f"version mismatch: artifact says {model['version']}")
    for i, (x, want) in enumerate(entry["golden"]):
        got_value = predict(model, x)
        if not math.isfinite(got_value) or abs(got_value - want) > 1e-6:
            raise ModelRejected(f"golden mismatch: example {i}")
    return model
