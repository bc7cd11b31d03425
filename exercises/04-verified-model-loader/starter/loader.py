"""Load a registered model artifact for serving.

The registry is a dict written by the training job when it registers a model:

    {version: {"sha256": "<hex digest of the artifact bytes>",
               "golden": [[inputs, expected_output], ...]}}

`load_model` gets the requested version and the artifact bytes downloaded from the bucket.
It must return the model (a dict with "version", "w" and "b") only when the artifact is
exactly what the registry describes, and raise ModelRejected(reason) otherwise.
"""
import hashlib  # noqa: F401  (you will need it)
import json
import math
import pickle


class ModelRejected(Exception):
    """Raised when an artifact must not be served."""


def predict(model, x):
    z = sum(w * v for w, v in zip(model["w"], x)) + model["b"]
    return 1 / (1 + math.exp(-z))


def load_model(version, blob, registry):
    if version not in registry:
        raise ModelRejected(f"unknown version: {version}")
    try:
        model = json.loads(blob)
    except ValueError:
        model = pickle.loads(blob)  # legacy artifacts from the old training job
    for i, (x, want) in enumerate(registry[version]["golden"]):
        if abs(predict(model, x) - want) > 1e-6:
            raise ModelRejected(f"golden mismatch: example {i}")
    return model
